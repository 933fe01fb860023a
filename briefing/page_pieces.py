"""Part of stage 5, site: a changed page rendered from the pieces of pages already rendered.

A page that changed is mostly what it was: a new statement on a people page, an
entry moved from one part of the quotes to the next. Python-Markdown converts a
page whole, and its footnotes, three quarters of a large page's Markdown, cost
most of that. So a briefing page's Markdown is cut into pieces that render alike
wherever they stand: the part before the first ``##`` heading, each ``##``
section, and each footnote definition. A piece's HTML is kept with its footnote
numbers taken out (a footnote's number is its place among the page's
definitions; the id of a second citation of it says it is the second); a page
whose pieces were all rendered before is put together from them, numbers put
back, and the pieces nobody rendered yet are rendered together in one small
document. What comes out is what Python-Markdown makes of the whole page: the
tests compare the two on every page of real briefings, and a page this cut does
not fit (footnote definitions in the body, a definition over several lines, a
setting that writes footnotes otherwise) is rendered whole.
"""

from __future__ import annotations

import hashlib
import html as html_text
import json
import os
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown.extensions.toc import nest_toc_tokens

#: Bump when what a piece holds changes: older pieces are then not found.
PIECES_VERSION = 1
#: A footnote definition on one line, as the page templates write them at the end of a page.
_DEFINITION = re.compile(r"\[\^([\w.-]+)\]: \S.*")
#: A footnote definition anywhere (Python-Markdown's own pattern): one in the body numbers footnotes otherwise.
_ANY_DEFINITION = re.compile(r"^[ ]{0,3}\[\^([^\]]*)\]:", re.MULTILINE)
#: A citation in the Markdown.
_CITATION = re.compile(r"\[\^([^\]]*)\]")
#: A citation as Python-Markdown writes it, and as a piece keeps it: the label between two marks it never writes.
_CITED = re.compile(r'<sup id="fnref\d*:([\w.-]+)"><a class="footnote-ref" href="#fn:\1">\d+</a></sup>')
_MARK, _END = "\x02", "\x03"
_KEPT_CITATION = re.compile(f"{_MARK}([^{_END}]*){_END}")
#: Python-Markdown's footnotes: a rule, then one list item per definition, in their order.
_FOOTNOTES_START = '<div class="footnote">\n<hr />\n<ol>\n'
_FOOTNOTES_END = "\n</ol>\n</div>"
#: The links back from a footnote to its citations, as Python-Markdown ends its list item (after a no-break space).
_BACK = re.compile(r'(?:<a class="footnote-backref" href="#fnref\d*:([\w.-]+)" title="Jump back to footnote \d+ in the text">&#8617;</a>)+')
_SECTION = re.compile(r"\n(?=<h2[\s>])")
_HEADING = re.compile(r"<h[1-6][\s>]")
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*)?>")
_ID = re.compile(r'\sid="([^"]*)"')
_NAME = re.compile(r'\sname="([^"]*)"')
_NUMBERED_ID = re.compile(r"_\d+$")
_HREF = re.compile(r'\shref="(#[^"]*)"')


@dataclass
class Rendering:
    """What rendering a Markdown text gave: its HTML, headings (in order, not nested), title and links to anchors.

    ``links``: by page (its path in the docs), the anchors the text links to there, as MkDocs
    collects them, less the page's links to itself (see :func:`links_here`).
    """

    html: str
    headings: list[dict[str, Any]]
    title: str | None
    links: dict[str, dict[str, str]] | None


@dataclass
class Cut:
    """A page's Markdown cut into pieces: the part before the first ``##`` heading, each section, each definition."""

    sections: list[str]
    cites: list[list[str]]
    """The labels each section cites that the page defines, in order of first citation."""
    definitions: list[tuple[str, str]]
    """(label, line) of each footnote definition, in the page's order."""


def cut(markdown: str) -> Cut | None:
    """``markdown`` cut into pieces, or None when it is not a page this cut fits."""
    lines = markdown.split("\n")
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    start = end
    while start and _DEFINITION.fullmatch(lines[start - 1]):
        start -= 1
    definitions = [(_DEFINITION.fullmatch(line).group(1), line) for line in lines[start:end]]  # type: ignore[union-attr]
    body = "\n".join(lines[:start])
    labels = {label for label, _ in definitions}
    if (
        (start < end and start and lines[start - 1])
        or len(labels) < len(definitions)
        or _ANY_DEFINITION.search(body)
        or "///Footnotes Go Here///" in markdown
        or _MARK in markdown
        or _END in markdown
        or any(_CITATION.findall(line)[1:] for _, line in definitions)
    ):
        return None
    sections = body.split("\n\n## ") if body.strip() else []
    sections[1:] = ["## " + section for section in sections[1:]]
    cites = [list(dict.fromkeys(label for label in _CITATION.findall(section) if label in labels)) for section in sections]
    return Cut(sections, cites, definitions)


class Pieces:
    """The pieces of the pages a build rendered, kept in a SQLite file beside the cache's other entries.

    ``lender`` is another build's file to take pieces from when this one lacks them; never written to.
    """

    def __init__(self, path: Path, lender: Path | None = None) -> None:
        self.path = path
        self.lender = lender
        self.new: dict[str, dict[str, Any]] = {}
        """Pieces this process rendered, by key."""
        self._connections: tuple[int, list[sqlite3.Connection]] | None = None

    def _open(self) -> list[sqlite3.Connection]:
        # A connection must not cross a fork: each process opens its own.
        if self._connections is None or self._connections[0] != os.getpid():
            connections = []
            for path in filter(None, (self.path, self.lender)):
                if path.exists():
                    try:
                        connections.append(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True))
                    except sqlite3.Error:
                        continue
            self._connections = (os.getpid(), connections)
        return self._connections[1]

    def get(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The pieces of these keys that are kept (an unreadable file gives none: they are rendered again)."""
        wanted = list(dict.fromkeys(keys))
        found = {key: self.new[key] for key in wanted if key in self.new}
        for connection in self._open():
            missing = [key for key in wanted if key not in found]
            for start in range(0, len(missing), 500):
                batch = missing[start : start + 500]
                try:
                    rows = connection.execute(f"SELECT key, html, facts FROM piece WHERE key IN ({','.join('?' * len(batch))})", batch).fetchall()
                except sqlite3.Error:
                    break
                for key, html, facts in rows:
                    found[key] = {"html": html, **(_facts(facts))}
        return found

    def write(self) -> None:
        """Write the pieces rendered so far, and forget them (a worker's memory counts as the build's).

        A piece is what its text renders to whatever becomes of the build, so it is kept
        at once; :meth:`save` drops those no page uses.
        """
        self._write(None)

    def save(self, used: set[str]) -> None:
        """Write the pieces rendered; drop pieces no page of the build (``used``) uses once they are a third of the file."""
        self._write(used)

    def _write(self, used: set[str] | None) -> None:
        if not self.new and used is None:
            return
        self.close()
        self.path.parent.mkdir(parents=True, exist_ok=True)  # a first build's workers write before the cache is saved
        for _attempt in (1, 2):
            try:
                connection = sqlite3.connect(self.path, timeout=60)
                try:
                    with connection:
                        self._write_into(connection, used)
                finally:
                    connection.close()
                break
            except sqlite3.OperationalError:
                break  # locked or unwritable: the pieces are rendered again when needed
            except sqlite3.DatabaseError:  # no database (damaged): started again
                self.path.unlink(missing_ok=True)
        self.new.clear()

    def _write_into(self, connection: sqlite3.Connection, used: set[str] | None) -> None:
        connection.execute("CREATE TABLE IF NOT EXISTS piece (key TEXT PRIMARY KEY, html TEXT NOT NULL, facts TEXT) WITHOUT ROWID")
        connection.executemany("INSERT OR REPLACE INTO piece VALUES (?, ?, ?)", ((key, piece["html"], _facts_text(piece)) for key, piece in self.new.items()))
        if used is None:
            return
        (count,) = connection.execute("SELECT count(*) FROM piece").fetchone()
        if count > 1.5 * len(used) + 1000:
            connection.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY) WITHOUT ROWID")
            connection.executemany("INSERT INTO used VALUES (?)", ((key,) for key in used))
            connection.execute("DELETE FROM piece WHERE key NOT IN (SELECT key FROM used)")

    def close(self) -> None:
        if self._connections is not None and self._connections[0] == os.getpid():
            for connection in self._connections[1]:
                connection.close()
        self._connections = None


def _facts(text: str | None) -> dict[str, Any]:
    return json.loads(text) if text else {}


def _facts_text(piece: Mapping[str, Any]) -> str | None:
    facts = {key: value for key, value in piece.items() if key != "html"}
    return json.dumps(facts, ensure_ascii=False) if facts else None


@dataclass
class Page:
    """A page rendered from pieces: its rendering and the keys of its pieces (new ones in ``Pieces.new``)."""

    rendering: Rendering | None
    """None when the page was rendered whole: what the render function left is the page's."""
    keys: list[str] = field(default_factory=list)
    sections: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    """(key, piece) of each section, in order, when the page's HTML is theirs put together."""
    numbers: dict[str, int] = field(default_factory=dict)
    """Each footnote's number."""


def render(markdown: str, salt: str, render_text: Callable[[str], Rendering], pieces: Pieces, usable: Callable[[str], bool]) -> Page:
    """Render ``markdown`` from kept pieces, rendering only those not kept (see the module's docstring).

    ``render_text`` renders a Markdown text as the page's own would be; ``salt`` is
    everything else a piece depends on (settings, the page's folder); ``usable`` says
    whether a kept piece's HTML may be used (its links still lead somewhere).
    """
    page_cut = cut(markdown)
    if page_cut is None:
        render_text(markdown)
        return Page(None)
    keys = _keys(page_cut, salt)
    kept = {key: piece for key, piece in pieces.get(keys).items() if usable(piece["html"])}
    missing = [i for i, key in enumerate(keys) if key not in kept]
    if len(missing) == len(keys):  # rendered whole: what MkDocs makes of it is the page
        found = _split(page_cut, render_text(markdown), head=True)
        if found is None:
            return Page(None)
        pieces.new.update(zip(keys, found))
        return Page(None, keys, list(zip(keys, found[: len(page_cut.sections)])), _numbers(page_cut))
    if missing:
        # The missing sections, and the definitions they cite or that are missing; a kept
        # definition is there only to be cited, so a short stand-in takes its place.
        sections = [i for i in missing if i < len(page_cut.sections)]
        first_definition = len(page_cut.sections)
        new_labels = {page_cut.definitions[i - first_definition][0] for i in missing if i >= first_definition}
        cited = {label for i in sections for label in page_cut.cites[i]}
        definitions = [
            (label, line if label in new_labels else f"[^{label}]: -") for label, line in page_cut.definitions if label in new_labels or label in cited
        ]
        part = Cut([page_cut.sections[i] for i in sections], [page_cut.cites[i] for i in sections], definitions)
        document = "\n\n".join(part.sections + (["\n".join(line for _, line in definitions)] if definitions else []))
        found = _split(part, render_text(document), head=sections[:1] == [0])
        if found is None:
            render_text(markdown)
            return Page(None)
        new = dict(zip((keys[i] for i in sections), found))
        by_label = dict(zip((label for label, _ in definitions), found[len(sections) :]))
        new.update((keys[i], by_label[page_cut.definitions[i - first_definition][0]]) for i in missing if i >= first_definition)
        pieces.new.update(new)
        kept.update(new)
    rendering = _assemble(page_cut, [kept[key] for key in keys])
    ids = [heading["id"] for heading in rendering.headings]
    if len(set(ids)) < len(ids) or any(map(_NUMBERED_ID.search, ids)):
        # A heading's id made from its text is numbered when the page has it already:
        # that depends on the whole page, so such a page is rendered whole.
        render_text(markdown)
        return Page(None, keys)
    return Page(rendering, keys, [(key, kept[key]) for key in keys[: len(page_cut.sections)]], _numbers(page_cut))


def _numbers(page_cut: Cut) -> dict[str, int]:
    """Each footnote's number: its place among the page's definitions."""
    return {label: n for n, (label, _) in enumerate(page_cut.definitions, start=1)}


def numbered(text: str, numbers: Mapping[str, int]) -> str:
    """``text`` with each kept citation's mark (see :func:`cited`) replaced by its footnote's number."""
    return _KEPT_CITATION.sub(lambda match: str(numbers[match.group(1)]), text)


def cited(html: str) -> str:
    """A piece's HTML with each citation as Python-Markdown writes it, its number a mark :func:`numbered` replaces."""
    return _KEPT_CITATION.sub(lambda match: _citation("fnref", match.group(1), match.group(0)), html)


def _keys(page_cut: Cut, salt: str) -> list[str]:
    def key(kind: str, *parts: str) -> str:
        digest = hashlib.blake2b(f"{PIECES_VERSION}\0{salt}\0{kind}".encode(errors="surrogatepass"), digest_size=16)
        for part in parts:
            digest.update(b"\0" + part.encode(errors="surrogatepass"))
        return digest.hexdigest()

    sections = [key("head" if i == 0 else "section", text, *page_cut.cites[i]) for i, text in enumerate(page_cut.sections)]
    return sections + [key("definition", line) for _, line in page_cut.definitions]


def _split(page_cut: Cut, rendering: Rendering, head: bool) -> list[dict[str, Any]] | None:
    """The pieces of a rendering of ``page_cut``'s text: its sections', then its definitions'; None if it does not cut there.

    ``head``: whether the first section is the page's first, the one the page's title comes from.
    """
    html = rendering.html
    if _MARK in html or _END in html:
        return None
    notes: list[str] = []
    if page_cut.definitions:
        start = html.rfind(_FOOTNOTES_START)
        if start < 0 or not html.endswith(_FOOTNOTES_END):
            return None
        items = html[start + len(_FOOTNOTES_START) : -len(_FOOTNOTES_END)].split("</li>\n<li")
        if len(items) != len(page_cut.definitions):
            return None
        for i, (item, (label, _)) in enumerate(zip(items, page_cut.definitions)):
            # One paragraph, then the links back: <li id="fn:L">\n<p>TEXT&#160;<a ...>&#8617;</a>...</p>\n</li>
            head = ("<li" if i == 0 else "") + f' id="fn:{label}">\n<p>'
            tail = "</p>\n" if i < len(items) - 1 else "</p>\n</li>"
            back = item.rfind(f'&#160;<a class="footnote-backref" href="#fnref:{label}"')
            if not item.startswith(head) or not item.endswith(tail) or back < len(head):
                return None
            links = _BACK.fullmatch(item, back + len("&#160;"), len(item) - len(tail))
            if links is None or links.group(1) != label or "</li>" in item[len(head) : back]:
                return None
            notes.append(item[len(head) : back])
        html = html[:start].removesuffix("\n")
    sections = _SECTION.split(html) if html else []
    if len(sections) != len(page_cut.sections) or not all(sections):
        return None
    counts = [len(_HEADING.findall(section)) for section in sections]
    if sum(counts) != len(rendering.headings):
        return None
    found: list[dict[str, Any]] = []
    first = 0
    for i, (section, count) in enumerate(zip(sections, counts)):
        text = page_cut.sections[i]
        piece: dict[str, Any] = {"html": _CITED.sub(lambda m: f"{_MARK}{m.group(1)}{_END}", section)}
        if count:
            piece["headings"] = rendering.headings[first : first + count]
        if i == 0 and head and rendering.title is not None:
            piece["title"] = rendering.title
        if rendering.links:
            links = {uri: {anchor: link for anchor, link in anchors.items() if link in text} for uri, anchors in rendering.links.items()}
            if links := {uri: anchors for uri, anchors in links.items() if anchors}:
                piece["links"] = links
        first += count
        found.append(piece)
    placed = {(uri, anchor) for piece in found for uri, anchors in piece.get("links", {}).items() for anchor in anchors}
    if rendering.links and placed != {(uri, anchor) for uri, anchors in rendering.links.items() for anchor in anchors}:
        return None  # a link in a definition, or written otherwise than in the Markdown
    return found + [{"html": note} for note in notes]


def _assemble(page_cut: Cut, found: list[dict[str, Any]]) -> Rendering:
    """The page's rendering from its pieces, each footnote given its number and each citation its id."""
    number = _numbers(page_cut)
    sections = found[: len(page_cut.sections)]
    labels = [_KEPT_CITATION.findall(piece["html"]) for piece in sections]
    cited = Counter(label for section in labels for label in section)
    body = []
    for piece, piece_ids in zip(sections, _citation_ids(labels, cited, [piece["html"] for piece in sections])):
        given = iter(piece_ids)

        def citation(match: re.Match[str], given: Iterator[str] = given) -> str:
            return _citation(next(given), match.group(1), str(number[match.group(1)]))

        body.append(_KEPT_CITATION.sub(citation, piece["html"]))
    html = "\n".join(body)
    if page_cut.definitions:
        notes = []
        for (label, _), piece in zip(page_cut.definitions, found[len(page_cut.sections) :]):
            title = f"Jump back to footnote {number[label]} in the text"
            back = "".join(
                f'<a class="footnote-backref" href="#{_ref(k)}:{label}" title="{title}">&#8617;</a>' for k in range(1, max(cited.get(label, 0), 1) + 1)
            )
            notes.append(f'<li id="fn:{label}">\n<p>{piece["html"]}&#160;{back}</p>\n</li>')
        html = (html + "\n" if html else "") + _FOOTNOTES_START + "\n".join(notes) + _FOOTNOTES_END
    headings = [dict(heading) for piece in sections for heading in piece.get("headings", ())]
    links: dict[str, dict[str, str]] = {}
    for piece in sections:
        for uri, anchors in piece.get("links", {}).items():
            links.setdefault(uri, {}).update(anchors)
    return Rendering(html, headings, sections[0].get("title") if sections else None, links)


def _ref(times: int) -> str:
    """The id a footnote's citation gets the ``times``-th time Python-Markdown meets it: fnref, fnref2, fnref3..."""
    return "fnref" if times == 1 else f"fnref{times}"


def _citation(ref: str, label: str, number: str) -> str:
    """A citation as Python-Markdown writes it: its id (``ref`` and the footnote's label) and the footnote's number."""
    return f'<sup id="{ref}:{label}"><a class="footnote-ref" href="#fn:{label}">{number}</a></sup>'


def _citation_ids(labels: list[list[str]], cited: Counter[str], htmls: list[str]) -> list[list[str]]:
    """For each section's citations (``labels``, as written in ``htmls``; ``cited``: how often each), the id Python-Markdown gives each.

    A footnote cited more than once gets fnref, fnref2... in the order Python-Markdown
    meets its citations, which is not the order they are written: its inline processor
    walks the page breadth first, so the citations in top-level paragraphs come before
    those in list items, whatever section they are in.
    """
    if all(count == 1 for count in cited.values()):
        return [["fnref"] * len(section) for section in labels]
    ids = [[""] * len(section) for section in labels]
    met: dict[str, int] = {}
    for _depth, i, mark in sorted((depth, i, mark) for i, html in enumerate(htmls) for mark, depth in enumerate(_depths(html))):
        label = labels[i][mark]
        met[label] = met.get(label, 0) + 1
        ids[i][mark] = _ref(met[label])
    return ids


#: The blocks Python-Markdown's parser makes (inline elements belong to the text of the block holding them).
_BLOCKS = frozenset("p li ul ol h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr td th div blockquote pre dl dt dd".split())
_TOKEN = re.compile(f"<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\\s[^<>]*)?>|{_MARK}[^{_END}]*{_END}")


def _depths(html: str) -> list[int]:
    """For each citation in a section's HTML, how deep Python-Markdown's walk is when it meets it.

    The text of a block at depth d is read at step d, and so is the text after a
    block's last inner block (that inner block's tail, d + 1 deep).
    """
    depths = []
    depth = 0
    after_inner = False
    for token in _TOKEN.finditer(html):
        if token.group(2) is None:
            depths.append(depth + after_inner)
        elif token.group(2).lower() in _BLOCKS:
            if token.group(1):
                depth -= 1
                after_inner = True
            else:
                depth += 1
                after_inner = False
    return depths


def nested(headings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Headings in order nested as a table of contents (as Python-Markdown's toc extension nests them)."""
    return nest_toc_tokens([dict(heading) for heading in headings])


def links_here(html: str) -> dict[str, str]:
    """A page's links to its own anchors, as MkDocs collects them: the first link to each, in order."""
    found: dict[str, str] = {}
    for tag in _TAG.finditer(html):
        if tag.group(1) == "a" and (match := _HREF.search(tag.group(2) or "")):
            url = html_text.unescape(match.group(1))
            found.setdefault(url[1:], url)
    return found


def anchors(html: str) -> set[str]:
    """The anchors of a page's HTML: every element's id and every link's name (as MkDocs collects them)."""
    found = set()
    for tag in _TAG.finditer(html):
        attributes = tag.group(2) or ""
        if match := _ID.search(attributes):
            found.add(html_text.unescape(match.group(1)))
        if tag.group(1) == "a" and (match := _NAME.search(attributes)):
            found.add(html_text.unescape(match.group(1)))
    return found
