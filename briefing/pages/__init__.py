"""Stage 4, pages: :class:`~briefing.content.Briefing` -> Markdown pages (``briefing.json`` is :mod:`briefing.data`).

One module per job: :mod:`~briefing.pages.render` renders the templates (on every
core when there are many pages), :mod:`~briefing.pages.views` works out what they
show, :mod:`~briefing.pages.markdown` escapes article text and writes the
footnotes, and :mod:`~briefing.pages.pagination` splits long pages into parts.
"""

from briefing.pages.render import Page, check_templates, render_page, render_pages

__all__ = ["Page", "check_templates", "render_page", "render_pages"]
