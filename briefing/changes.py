"""What changed between two versions, computed from their ``briefing.json``, never from text diffs.

A finding keeps its identity across versions through its sources: footnote
labels (``{article_id}-s{n}``) are stable, so a finding of the new version that
shares a source with one of the old version is the same fact, even when an
added article changed its representative sentence or its id. Keys that a
version does not have (``quotes``, ``entities``, ``claims`` in older versions)
are skipped, never reported as all new.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import git

from briefing.content import AnalysedArticle, Article, Briefing, SourceRef
from briefing.pages import Page, article_title, render_page, source_name
from briefing.version import (
    Version,
    file_at,
    format_date,
    latest_version,
    next_number,
    unchanged,
    version_before,
    versions,
)

DATA_FILE = "briefing.json"
CHANGES_PAGE = "changes.md"
HISTORY_PAGE = "history.md"


@dataclass(frozen=True)
class Line:
    """One statement of the changes: text from an article, its sources, and what changed about it."""

    text: str
    sources: tuple[SourceRef, ...]
    note: str = ""


@dataclass(frozen=True)
class TopicChanges:
    id: str
    title: str
    new: tuple[Line, ...] = ()
    changed: tuple[Line, ...] = ()
    gone: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Changes:
    first: bool
    """There is no earlier version: everything is new."""
    sources_added: tuple[Line, ...]
    sources_removed: tuple[Line, ...]
    topics: tuple[TopicChanges, ...]
    """Topics with new, changed or gone findings, in the order of the newer version."""
    topics_added: tuple[str, ...]
    topics_removed: tuple[str, ...]
    quotes: tuple[Line, ...]
    entities: tuple[Line, ...]
    claims: tuple[Line, ...]
    """New claims, and claims whose status changed (e.g. now contested)."""
    articles: tuple[Article, ...]
    """Every article the lines cite, from either version."""
    findings: dict[str, int]
    """Findings per topic title in the newer version."""

    def count(self, what: str) -> int:
        return sum(len(getattr(t, what)) for t in self.topics)

    @property
    def empty(self) -> bool:
        return not (
            self.sources_added or self.sources_removed or self.topics or self.topics_added
            or self.topics_removed or self.quotes or self.entities or self.claims
        )

    def summary(self) -> str:
        """One line: what changed, then the findings per topic (the commit subject and history line)."""
        parts = [
            _plural(len(self.sources_added), "source", "added"),
            _plural(len(self.sources_removed), "source", "removed"),
        ]
        if not self.first:
            parts += [
                _plural(self.count("new"), "new finding"),
                _plural(self.count("changed"), "finding", "changed"),
                _plural(self.count("gone"), "finding", "no longer supported"),
                _plural(len(self.quotes), "new quote"),
                _plural(len(self.entities), "new name"),
                _plural(len(self.claims), "claim", "new or changed"),
            ]
        said = [p for p in parts if p] or ["pages updated"]
        counts = ", ".join(f"{title} {n}" for title, n in self.findings.items() if n)
        return "; ".join(said) + (f"; findings: {counts}" if counts else "")


def _plural(n: int, noun: str, verb: str = "") -> str:
    if not n:
        return ""
    return f"{n} {noun}{'' if n == 1 else 's'}" + (f" {verb}" if verb else "")


def compare(before: dict[str, Any] | None, after: dict[str, Any]) -> Changes:
    """The structured changes from ``before`` (None: no earlier version) to ``after``, both briefing.json data."""
    old = before or {"articles": [], "topics": []}
    articles = {a["id"]: _article(a) for a in old["articles"]}
    articles.update({a["id"]: _article(a) for a in after["articles"]})
    cite = _Refs(articles, after)
    old_ids = {a["id"] for a in old["articles"]}
    new_ids = {a["id"] for a in after["articles"]}

    def source_line(data: dict[str, Any]) -> Line:
        article = articles[data["id"]]
        text = f"{source_name(article)}: {article_title(article)}, {article.date or 'date unknown'}"
        return Line(text, cite(data.get("summary", [])[:1]))

    lines = dict(
        sources_added=tuple(source_line(a) for a in after["articles"] if a["id"] not in old_ids),
        sources_removed=tuple(source_line(a) for a in old["articles"] if a["id"] not in new_ids),
        topics=() if before is None else _topic_changes(old, after, cite),
        quotes=_new_items(old, after, "quotes", _quote_text, cite),
        entities=_new_items(old, after, "entities", _entity_text, cite),
        claims=_claims(old, after, cite),
    )
    return Changes(
        first=before is None,
        topics_added=_titles(after, old),
        topics_removed=_titles(old, after),
        articles=tuple(articles[i] for i in sorted(cite.used)),
        findings=findings_per_topic(after),
        **lines,
    )


def _article(data: dict[str, Any]) -> Article:
    return Article(
        id=data["id"], path=data["path"], content_hash="", title=data.get("title"), outlet=data.get("outlet"),
        publisher=data.get("publisher"), date=data.get("date"), author=data.get("author"), url=data.get("url"),
        paragraphs=(),
    )


class _Refs:
    """Turns briefing.json sources into :class:`SourceRef` and remembers which articles were cited.

    ``data`` is the briefing.json data of the version the items come from.
    """

    def __init__(self, articles: dict[str, Article], data: dict[str, Any]) -> None:
        self.articles = articles
        self.data = data
        self.used: set[str] = set()

    def __call__(self, sources: Iterable[dict[str, Any]]) -> tuple[SourceRef, ...]:
        refs = tuple(
            SourceRef(s["article"], s["sentence"], s["excerpt"])
            for s in sources
            if isinstance(s, dict) and s.get("article") in self.articles and {"sentence", "excerpt"} <= s.keys()
        )
        self.used.update(r.article_id for r in refs)
        return refs

    def first_summary(self, article_ids: Iterable[str]) -> tuple[SourceRef, ...]:
        """A sentence to footnote an item that names articles but no sentence (an entity, say)."""
        for article_id in article_ids:
            if refs := self(self._summaries.get(article_id, [])[:1]):
                return refs
        return ()

    def naming(self, article_ids: Iterable[str], names: list[str]) -> tuple[SourceRef, ...]:
        """The first cited sentence (findings' sources, then summaries) of ``article_ids`` with one of ``names``."""
        candidates = sorted(c for a in set(article_ids) for c in self._cited.get(a, ()))
        naming = next((s for _, s in candidates if any(n in s.get("excerpt", "") for n in names)), None)
        return self([naming]) if naming else ()

    @cached_property
    def _summaries(self) -> dict[str, list[dict[str, Any]]]:
        return {a["id"]: a.get("summary", []) for a in self.data["articles"]}

    @cached_property
    def _cited(self) -> dict[str, list[tuple[int, dict[str, Any]]]]:
        """Each article's cited sentences, with their places in the order :meth:`naming` searches."""
        sentences = [s for f in _findings(self.data) for s in f["sources"]] + [
            s for a in self.data["articles"] for s in a.get("summary", [])
        ]
        cited: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        for place, sentence in enumerate(sentences):
            cited.setdefault(sentence.get("article"), []).append((place, sentence))
        return cited


def _findings(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every finding; older versions kept them as ``items`` of their topic."""
    if isinstance(data.get("findings"), list):
        return data["findings"]
    return [item for topic in data["topics"] for item in topic.get("items", [])]


def findings_per_topic(data: dict[str, Any]) -> dict[str, int]:
    """Findings per topic title, in topic order."""
    return {t["title"]: n for t, n in zip(data["topics"], _per_topic(data).values())}


def _per_topic(data: dict[str, Any]) -> dict[str, int]:
    """Findings per topic id, in topic order."""
    counts = {t["id"]: 0 for t in data["topics"]}
    for finding in _findings(data):
        counts[finding["topic"]] = counts.get(finding["topic"], 0) + 1
    return counts


def _labels(finding: dict[str, Any]) -> list[str]:
    return [f"{s['article']}-s{s['sentence']}" for s in finding["sources"]]


def _topic_changes(old: dict[str, Any], new: dict[str, Any], cite: _Refs) -> tuple[TopicChanges, ...]:
    old_findings = _findings(old)
    old_by_label = {label: f for f in old_findings for label in _labels(f)}
    titles = {t["id"]: t["title"] for t in old["topics"]} | {t["id"]: t["title"] for t in new["topics"]}
    matched: set[str] = set()
    new_lines: dict[str, list[Line]] = {}
    changed_lines: dict[str, list[Line]] = {}
    for finding in _findings(new):
        earlier = list({id(f): f for label in _labels(finding) if (f := old_by_label.get(label))}.values())
        matched.update(f["id"] for f in earlier)
        topic = finding["topic"]
        if not earlier:
            note = f"Reported by {', '.join(finding['publishers'])}."
            new_lines.setdefault(topic, []).append(Line(finding["text"], cite(finding["sources"]), note))
        elif note := _what_changed(earlier, finding, titles):
            changed_lines.setdefault(topic, []).append(Line(finding["text"], cite(finding["sources"]), note))
    gone_lines: dict[str, list[Line]] = {}
    for finding in old_findings:
        if finding["id"] not in matched:
            note = f"No longer supported; it was reported by {', '.join(finding['publishers'])}."
            gone_lines.setdefault(finding["topic"], []).append(Line(finding["text"], cite(finding["sources"]), note))
    topics = []
    for topic_id in dict.fromkeys([t["id"] for t in new["topics"]] + [t["id"] for t in old["topics"]]):
        lines = [tuple(group.get(topic_id, ())) for group in (new_lines, changed_lines, gone_lines)]
        if any(lines):
            topics.append(TopicChanges(topic_id, titles[topic_id], *lines))
    return tuple(topics)


def _what_changed(earlier: list[dict[str, Any]], finding: dict[str, Any], titles: dict[str, str]) -> str:
    """A sentence saying how a finding's corroboration, status or topic changed; empty if none did."""
    before = sorted({p for f in earlier for p in f["publishers"]})
    now = finding["publishers"]
    notes = []
    if before != now:
        added = [p for p in now if p not in before]
        dropped = [p for p in before if p not in now]
        detail = "; ".join(
            part for part in (f"added {', '.join(added)}" if added else "", f"no longer {', '.join(dropped)}" if dropped else "") if part
        )
        count = f"{len(now)} independent publisher{'s' if len(now) != 1 else ''}"
        notes.append(f"Now reported by {count} (was {len(before)}): {detail}.")
    status = earlier[0]["status"]
    if finding["status"] != status:
        notes.append(f"Now {finding['status']} (was {status}).")
    topic = earlier[0]["topic"]
    if finding["topic"] != topic:
        notes.append(f"Moved from {titles.get(topic, topic)}.")
    return " ".join(notes)


def _titles(data: dict[str, Any], other: dict[str, Any]) -> tuple[str, ...]:
    """Titles of topics with findings in ``data`` that ``other`` has no findings for."""
    present = {topic for topic, n in _per_topic(other).items() if n}
    counts = _per_topic(data)
    return tuple(t["title"] for t in data["topics"] if counts[t["id"]] and t["id"] not in present)


def _key(item: dict[str, Any]) -> str:
    """What identifies a quote, name or claim across versions: its id (a claim: its finding; a quote:
    its sentence and words), else all of it."""
    if item.get("id") or item.get("finding"):
        return str(item.get("id") or item.get("finding"))
    if item.get("article"):
        return f"{item['article']}-s{item.get('sentence')}: {item.get('text')}"
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def _name(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or value.get("text") or "")
    return str(value or "")


def _quote_text(quote: dict[str, Any]) -> str:
    words = quote.get("text") or quote.get("content") or quote.get("quote") or ""
    speaker = quote.get("speaker_name") or _name(quote.get("speaker"))
    return f"{speaker}: {words}" if speaker else str(words)


def _entity_text(entity: dict[str, Any]) -> str:
    kind = entity.get("type")
    return f"{_name(entity)} ({kind})" if kind else _name(entity)


def _item_refs(item: dict[str, Any], cite: _Refs) -> tuple[SourceRef, ...]:
    """The sentences an item comes from: its own sources, or (a name) a sentence that names it."""
    for value in (item.get("sources"), item.get("mentions"), item.get("source"), item):
        if refs := cite(value if isinstance(value, list) else [value]):
            return refs
    names = [n for n in (item.get("name"), *item.get("aliases", [])) if isinstance(n, str) and n]
    return cite.naming(item.get("articles", []), names) or cite.first_summary(item.get("articles", []))


def _new_items(old: dict[str, Any], new: dict[str, Any], key: str, text, cite: _Refs) -> tuple[Line, ...]:
    if not isinstance(old.get(key), list) or not isinstance(new.get(key), list):
        return ()
    seen = {_key(item) for item in old[key]}
    return tuple(
        Line(text(item), refs)
        for item in new[key]
        if isinstance(item, dict) and _key(item) not in seen and (refs := _item_refs(item, cite))
    )


def _claims(old: dict[str, Any], new: dict[str, Any], cite: _Refs) -> tuple[Line, ...]:
    if not isinstance(old.get("claims"), list) or not isinstance(new.get("claims"), list):
        return ()
    status = {_key(c): c.get("status") for c in old["claims"] if isinstance(c, dict)}
    lines = []
    for claim in new["claims"]:
        if not isinstance(claim, dict) or not (refs := _item_refs(claim, cite)):
            continue
        key = _key(claim)
        text = str(claim.get("text") or claim.get("claim") or claim.get("content") or "")
        if key not in status:
            lines.append(Line(text, refs, "New claim."))
        elif claim.get("status") != status[key]:
            lines.append(Line(text, refs, f"Now {claim.get('status')} (was {status[key]})."))
    return tuple(lines)


# --- The changes and history pages of a build --------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    number: int
    date: str
    summary: str


@dataclass(frozen=True)
class ThisVersion:
    """What the site says about its own version."""

    state: str
    """"recorded" (a version in git: this build recreates it or records it), "unrecorded"
    (``--no-commit`` or the live preview), or "no-git" (not in a git repository)."""
    number: int | None
    date: str | None
    baseline: HistoryRow | None
    """The version the changes are counted from."""
    history: tuple[HistoryRow, ...]
    """Every version, newest first, including this one when it is recorded."""


@dataclass(frozen=True)
class PendingVersion:
    """A version the build records after writing its pages."""

    number: int
    date: dt.datetime
    message: str


def version_pages(
    repo: git.Repo | None,
    project: Path,
    briefing: Briefing,
    templates: Path,
    docs: str,
    inputs: list[str],
    files: dict[str, str],
    record: bool,
) -> tuple[list[Page], PendingVersion | None]:
    """The changes and history pages, and the version to record, if any.

    ``files`` is every other file of ``site_docs/``. The version number and date
    on the pages must be known before the commit, so: if the build, rendered as
    the latest version, is exactly that version (same inputs, same ``site_docs/``),
    it is that version and nothing is recorded; otherwise it is a new version,
    numbered after every existing one and dated now, and the commit gets that date.
    """
    data = json.loads(files[DATA_FILE])

    def render(this: ThisVersion, changes: Changes) -> list[Page]:
        cited = {a.article.id for a in briefing.articles}
        extra = tuple(AnalysedArticle(a, (), ()) for a in changes.articles if a.id not in cited)
        context = replace(briefing, articles=briefing.articles + extra) if extra else briefing
        title = f"What changed in version {this.number}" if this.number else "What changed"
        return [
            render_page(context, templates, "changes.md.j2", CHANGES_PAGE, title, version=this, changes=changes),
            render_page(context, templates, "history.md.j2", HISTORY_PAGE, "History", version=this),
        ]

    if repo is None:
        return render(ThisVersion("no-git", None, None, None, ()), compare(None, data)), None
    recorded = versions(repo)
    rows = [HistoryRow(v.number, format_date(v.date), v.summary) for v in recorded]
    latest = latest_version(repo)
    if latest:
        before = version_before(repo, latest)
        this = ThisVersion(
            "recorded", latest.number, format_date(latest.date), _row(before),
            tuple(reversed([r for r in rows if r.number <= latest.number])),
        )
        pages = render(this, compare(_data_at(repo, project, docs, before), data))
        written = {**files, **{p.path: p.text for p in pages}}
        if unchanged(repo, project, inputs, docs, {name: text.encode("utf-8") for name, text in written.items()}):
            return pages, None
    baseline = _data_at(repo, project, docs, latest)
    changes = compare(baseline, data)
    if not record:
        return render(ThisVersion("unrecorded", None, None, _row(latest), tuple(reversed(rows))), changes), None
    number = next_number(repo)
    date = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    summary = changes.summary()
    this = ThisVersion(
        "recorded", number, format_date(date), _row(latest),
        tuple(reversed([*rows, HistoryRow(number, format_date(date), summary)])),
    )
    paths = _paths(baseline, data)
    return render(this, changes), PendingVersion(number, date, "\n".join([summary, *paths]).strip())


def _row(version: Version | None) -> HistoryRow | None:
    return HistoryRow(version.number, format_date(version.date), version.summary) if version else None


def _data_at(repo: git.Repo, project: Path, docs: str, version: Version | None) -> dict[str, Any] | None:
    """A version's briefing.json; None for no version, or one whose data cannot be read."""
    text = file_at(repo, project, f"{docs}/{DATA_FILE}", version.commit) if version else None
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def _paths(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    """The commit message body: "+ path" for each article added, "- path" for each removed."""
    old = {a["id"]: a["path"] for a in (before or {"articles": []})["articles"]}
    new = {a["id"]: a["path"] for a in after["articles"]}
    return [f"+ {p}" for p in sorted(new[i] for i in new.keys() - old.keys())] + [
        f"- {p}" for p in sorted(old[i] for i in old.keys() - new.keys())
    ]
