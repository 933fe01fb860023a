"""Static files the build writes beside the pages, so the site needs nothing from the internet.

``mkdocs.yml`` points at them (``extra_css``, ``extra.polyfills``): the pictures'
stylesheet, the iframe-worker shim that lets search run from ``file://``, and the
script that searches with Pagefind over HTTP. The build itself adds the script that
keeps the version selector quiet from ``file://`` (:data:`briefing.site.VERSION_SELECTOR_SCRIPT`).
"""

from __future__ import annotations

from pathlib import Path

FOLDER = "assets/briefing"
"""Where the files go below ``site_docs/`` (and so below ``site/``)."""

_HERE = Path(__file__).resolve().parent


def site_files() -> dict[str, str]:
    """Path below ``site_docs/`` -> text, for every static file of the site."""
    return {f"{FOLDER}/{path.name}": path.read_text(encoding="utf-8") for path in sorted(_HERE.iterdir()) if path.suffix in (".css", ".js")}
