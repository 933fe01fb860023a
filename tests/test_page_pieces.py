"""A changed page put together from the pieces of pages rendered before is what MkDocs renders of it whole."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import markdown
import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from briefing import page_pieces
from briefing.commands.build import BuildOptions, run_build
from briefing.site_cache import FOOTNOTES, SEARCH_EXCLUDED_FOOTNOTES, RenderCache, _index_without_footnotes, _rendering

from conftest import REPO, make_project

EXTENSIONS = {"extensions": ["footnotes", "tables", "attr_list", "toc"], "extension_configs": {"toc": {"permalink": True}}}


def plain(text: str) -> page_pieces.Rendering:
    """Python-Markdown's rendering of ``text`` with the site's extensions, outside MkDocs."""
    md = markdown.Markdown(**EXTENSIONS)
    html = md.convert(text)

    def flat(tokens):
        return [h for t in tokens for h in [{"level": t["level"], "id": t["id"], "name": t["name"]}, *flat(t["children"])]]

    return page_pieces.Rendering(html, flat(md.toc_tokens), None, {})


def from_pieces(text: str, pieces: page_pieces.Pieces) -> page_pieces.Rendering:
    made = page_pieces.render(text, "salt", plain, pieces, lambda html: True)
    assert made.rendering is not None, "rendered whole"
    return made.rendering


PAGE = """# People

Named[^a][^b]. See [the quotes](quotes.md#x).

## Alpha {#alpha}

Named[^a].

- **A** said: one[^a]

- **B** said: two[^b]

## Beta {#beta}

- x[^b]

- y[^a]

[^a]: First, “a sentence”.
[^b]: Second *sentence*.
"""


def test_citations_cited_again_get_the_ids_python_markdown_gives_them():
    # Python-Markdown numbers a footnote's citations (fnref, fnref2...) walking the page breadth
    # first: the top-level paragraphs of every section before the list items.
    pieces = page_pieces.Pieces(Path("/nonexistent.sqlite"))
    whole = plain(PAGE)
    assert 'id="fnref2:a"' in whole.html.split("<ul>")[0]  # the second section's paragraph
    page_pieces.render(PAGE, "salt", plain, pieces, lambda html: True)  # every piece rendered, none kept
    assert from_pieces(PAGE, pieces).html == whole.html
    for key in list(pieces.new)[1::2]:  # half the pieces gone: those are rendered together, the others reused
        del pieces.new[key]
    assembled = from_pieces(PAGE, pieces)
    assert (assembled.html, assembled.headings) == (whole.html, whole.headings)
    assert assembled.links == {}  # no page named: links to other pages are MkDocs' to collect


def test_an_added_footnote_renumbers_the_kept_pieces():
    pieces = page_pieces.Pieces(Path("/nonexistent.sqlite"))
    page_pieces.render(PAGE, "salt", plain, pieces, lambda html: True)
    changed = PAGE.replace("## Beta {#beta}\n", "## Beta {#beta}\n\nNew[^0].\n").replace("[^a]: First", "[^0]: Zero.\n[^a]: First")
    assert from_pieces(changed, pieces).html == plain(changed).html


def test_a_page_the_cut_does_not_fit_is_rendered_whole():
    assert page_pieces.cut("Text[^a].\n\n[^a]: Note.\n\nMore text.\n") is None  # a definition before the end
    assert page_pieces.cut("Text[^a].\n\n[^a]: Note\n    on two lines.\n") is None
    assert page_pieces.cut("Text[^a].\n\n[^a]: Note citing[^b].\n[^b]: Other.\n") is None
    assert page_pieces.cut(PAGE) is not None
    # Two headings whose ids come from the same text: the second's id is numbered, which only the whole page says.
    same = "# T\n\n## Same\n\nOne[^a].\n\n## Same\n\nTwo[^a].\n\n[^a]: Note.\n"
    pieces = page_pieces.Pieces(Path("/nonexistent.sqlite"))
    page_pieces.render(same, "salt", plain, pieces, lambda html: True)
    calls = []
    made = page_pieces.render(same, "salt", lambda text: calls.append(text) or plain(text), pieces, lambda html: True)
    assert made.rendering is None and calls == [same]


def search_entries(cache: RenderCache, page: Page, whole: bool) -> list[dict]:
    """The search's entries of a page, as the site's search makes them (its footnotes marked to leave out)."""
    page.content = (page.content or "").replace(FOOTNOTES, SEARCH_EXCLUDED_FOOTNOTES)
    index = SearchIndex()
    if whole:
        _index_without_footnotes(index.add_entry_from_context, page)
    else:
        cache._index(index, index.add_entry_from_context, page)
    return index.entries


def test_every_page_of_a_briefing_from_pieces_is_what_mkdocs_renders(seeds_project, tmp_path):
    config = load_config(
        config_file=str(seeds_project / "mkdocs.yml"), docs_dir=str(seeds_project / "site_docs"), site_dir=str(tmp_path / "site"), site_name="Seeds"
    )
    files = get_files(config)
    cache = RenderCache(tmp_path / "cache")
    cache.on_files(files, config=config)
    cache.on_pre_build(config=config)
    assert cache.only_ours  # the search entries come from the pieces
    chance = random.Random(0)
    pages = files.documentation_pages()
    assert len(pages) >= 10
    in_pieces = 0
    for file in pages:
        page = Page(None, file, config)
        page.read_source(config)
        Page.render(page, config, files)
        whole = _rendering(page, [])
        whole_entries = search_entries(cache, page, whole=True)
        keys = cache._render(page, config, files)
        assert _rendering(page, []) == whole, file.src_uri  # rendered whole, cut into pieces
        assert search_entries(cache, page, whole=False) == whole_entries, file.src_uri
        in_pieces += bool(keys)
        for share in (0.0, 0.3, 0.9):  # of the pieces lost: rendered again together, the rest reused
            for key in keys:
                if chance.random() < share:
                    cache.pieces.new.pop(key, None)
            again = Page(None, file, config)
            again.read_source(config)
            cache._render(again, config, files)
            assert _rendering(again, []) == whole, (file.src_uri, share)
            assert search_entries(cache, again, whole=False) == whole_entries, (file.src_uri, share)
    assert in_pieces >= len(pages) - 2  # the changes page's headings follow a line of text: not cut there
    assert any("search" in piece for piece in cache.pieces.new.values())


def test_the_pieces_file_keeps_what_the_pages_use_and_survives_damage(tmp_path):
    path = tmp_path / "pieces.sqlite"
    pieces = page_pieces.Pieces(path)
    pieces.new = {f"k{i}": {"html": f"<p>{i}</p>", **({"title": "T"} if i == 0 else {})} for i in range(3000)}
    pieces.save(set(pieces.new))
    assert page_pieces.Pieces(path).get(["k0", "k1", "gone"]) == {"k0": {"html": "<p>0</p>", "title": "T"}, "k1": {"html": "<p>1</p>"}}
    page_pieces.Pieces(path).save({"k0", "k1"})  # most are no longer used: they go
    assert sqlite3.connect(path).execute("SELECT count(*) FROM piece").fetchone() == (2,)
    path.write_bytes(b"not a database" * 100)
    assert page_pieces.Pieces(path).get(["k0"]) == {}
    damaged = page_pieces.Pieces(path)
    damaged.new = {"k0": {"html": "<p>0</p>"}}
    damaged.save({"k0"})
    assert page_pieces.Pieces(path).get(["k0"]) == {"k0": {"html": "<p>0</p>"}}


@pytest.mark.parametrize("text", ["No footnotes at all.\n", "# Title only\n", "[^a]: Only a definition.\n"])
def test_pages_with_little_in_them(text):
    pieces = page_pieces.Pieces(Path("/nonexistent.sqlite"))
    page_pieces.render(text, "salt", plain, pieces, lambda html: True)
    assert from_pieces(text, pieces).html == plain(text).html


def test_an_empty_page_has_no_pieces_and_is_rendered_whole():
    made = page_pieces.render("", "salt", plain, page_pieces.Pieces(Path("/nonexistent.sqlite")), lambda html: True)
    assert (made.rendering, made.keys) == (None, [])


def test_a_first_build_keeps_every_pages_pieces_and_a_rebuild_uses_them(tmp_path, monkeypatch):
    project = make_project(tmp_path / "p")
    run_build(BuildOptions(project=project, commit=False))
    cache = project / ".briefing" / "pages"
    used = {key for entry in cache.glob("page-*.json") for key in json.loads(entry.read_text())["pieces"]}
    kept = {key for (key,) in sqlite3.connect(cache / "pieces.sqlite").execute("SELECT key FROM piece")}
    assert used and used <= kept  # the forked workers' pieces too, written before the cache's folder was
    rendered = []
    original = page_pieces.render

    def watched(markdown, *args):
        made = original(markdown, *args)
        rendered.append(made.rendering is not None)
        return made

    monkeypatch.setattr(page_pieces, "render", watched)
    (project / "seeds" / "extra.txt").write_text((REPO / "tests" / "data" / "extra-article.txt").read_text())
    run_build(BuildOptions(project=project, commit=False))
    assert rendered and sum(rendered) >= len(rendered) - 2  # put together from pieces, but for the changes and history pages
