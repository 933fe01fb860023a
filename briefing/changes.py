"""What changed between two versions, computed from their ``briefing.json``, never from text diffs.

A finding keeps its identity across versions through its sources: footnote
labels (``{article_id}-s{n}``) are stable, so a finding of the new version that
shares a source with one of the old version is the same fact, even when an
added article changed its representative sentence or its id. Items that a
version did not record (``quotes``, ``entities``, ``claims`` in older versions)
are skipped, never reported as all new. :func:`compare` is pure: typed data
in (:mod:`briefing.data`), changes out; the pages and git come after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import git

from briefing.content import AnalysedArticle, Article, Briefing, SourceRef
from briefing.data import (
    DATA_FILE,
    ArticleData,
    BriefingData,
    EntityData,
    FindingData,
    QuoteData,
    Source,
    VersionStamp,
    load,
    stamped,
)
from briefing.pages import Page, render_page
from briefing.pages.views import source_and_title
from briefing.version import (
    Version,
    docs_unchanged,
    file_at,
    format_date,
    inputs_unchanged,
    latest_version,
    plan,
    repo_path,
    version_before,
    versions,
)

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
            self.sources_added or self.sources_removed or self.topics or self.topics_added or self.topics_removed or self.quotes or self.entities or self.claims
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


#: What an earlier version is compared as when there is none.
NOTHING = BriefingData(title="", articles=(), topics=(), findings=())


def compare(before: BriefingData | None, after: BriefingData) -> Changes:
    """The structured changes from ``before`` (None: no earlier version) to ``after``: pure, no git, no pages."""
    old = before or NOTHING
    articles = {a.id: _article(a) for a in (*old.articles, *after.articles)}
    cite = _Refs(articles, after)
    old_ids = {a.id for a in old.articles}
    new_ids = {a.id for a in after.articles}

    def source_line(data: ArticleData) -> Line:
        article = articles[data.id]
        text = f"{source_and_title(article, ': ')}, {article.date or 'date unknown'}"
        return Line(text, cite(data.summary[:1]))

    def entity_refs(entity: EntityData) -> tuple[SourceRef, ...]:
        return cite.naming(entity.articles, [entity.name, *entity.aliases]) or cite.first_summary(entity.articles)

    lines = dict(
        sources_added=tuple(source_line(a) for a in after.articles if a.id not in old_ids),
        sources_removed=tuple(source_line(a) for a in old.articles if a.id not in new_ids),
        topics=() if before is None else _topic_changes(old, after, cite),
        quotes=_new_lines(old.quotes, after.quotes, _quote_key, _quote_text, lambda q: cite([q.source])),
        entities=_new_lines(old.entities, after.entities, lambda e: e.id, _entity_text, entity_refs),
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


def _article(data: ArticleData) -> Article:
    return Article(
        id=data.id,
        path=data.path,
        content_hash="",
        title=data.title,
        outlet=data.outlet,
        publisher=data.publisher,
        date=data.date,
        author=data.author,
        url=data.url,
        paragraphs=(),
    )


class _Refs:
    """Turns sources of ``briefing.json`` into :class:`SourceRef` and remembers which articles were cited.

    ``data`` is the version the items come from.
    """

    def __init__(self, articles: dict[str, Article], data: BriefingData) -> None:
        self.articles = articles
        self.data = data
        self.used: set[str] = set()

    def __call__(self, sources: Iterable[Source]) -> tuple[SourceRef, ...]:
        refs = tuple(SourceRef(s.article, s.sentence, s.excerpt) for s in sources if s.article in self.articles)
        self.used.update(r.article_id for r in refs)
        return refs

    def first_summary(self, article_ids: Iterable[str]) -> tuple[SourceRef, ...]:
        """A sentence to footnote an item that names articles but no sentence (an entity, say)."""
        for article_id in article_ids:
            if refs := self(self._summaries.get(article_id, ())[:1]):
                return refs
        return ()

    def naming(self, article_ids: Iterable[str], names: list[str]) -> tuple[SourceRef, ...]:
        """The first cited sentence (findings' sources, then summaries) of ``article_ids`` with one of ``names``."""
        candidates = sorted((c for a in set(article_ids) for c in self._cited.get(a, ())), key=lambda c: c[0])
        naming = next((s for _, s in candidates if any(n in s.excerpt for n in names)), None)
        return self([naming]) if naming else ()

    @cached_property
    def _summaries(self) -> dict[str, tuple[Source, ...]]:
        return {a.id: a.summary for a in self.data.articles}

    @cached_property
    def _cited(self) -> dict[str, list[tuple[int, Source]]]:
        """Each article's cited sentences, with their places in the order :meth:`naming` searches."""
        sentences = [s for f in self.data.findings for s in f.sources] + [s for a in self.data.articles for s in a.summary]
        cited: dict[str, list[tuple[int, Source]]] = {}
        for place, sentence in enumerate(sentences):
            cited.setdefault(sentence.article, []).append((place, sentence))
        return cited


def findings_per_topic(data: BriefingData) -> dict[str, int]:
    """Findings per topic title, in topic order."""
    return {t.title: n for t, n in zip(data.topics, _per_topic(data).values())}


def _per_topic(data: BriefingData) -> dict[str, int]:
    """Findings per topic id, in topic order."""
    counts = {t.id: 0 for t in data.topics}
    for finding in data.findings:
        counts[finding.topic] = counts.get(finding.topic, 0) + 1
    return counts


def _topic_changes(old: BriefingData, new: BriefingData, cite: _Refs) -> tuple[TopicChanges, ...]:
    old_by_label = {label: f for f in old.findings for label in f.labels}
    titles = {t.id: t.title for t in old.topics} | {t.id: t.title for t in new.topics}
    matched: set[str] = set()
    new_lines: dict[str, list[Line]] = {}
    changed_lines: dict[str, list[Line]] = {}
    for finding in new.findings:
        earlier = list({f.id: f for label in finding.labels if (f := old_by_label.get(label))}.values())
        matched.update(f.id for f in earlier)
        if not earlier:
            note = f"Reported by {', '.join(finding.publishers)}."
            new_lines.setdefault(finding.topic, []).append(Line(finding.text, cite(finding.sources), note))
        elif note := _what_changed(earlier, finding, titles):
            changed_lines.setdefault(finding.topic, []).append(Line(finding.text, cite(finding.sources), note))
    gone_lines: dict[str, list[Line]] = {}
    for finding in old.findings:
        if finding.id not in matched:
            note = f"No longer supported; it was reported by {', '.join(finding.publishers)}."
            gone_lines.setdefault(finding.topic, []).append(Line(finding.text, cite(finding.sources), note))
    topics = []
    for topic_id in dict.fromkeys([t.id for t in new.topics] + [t.id for t in old.topics]):
        lines = [tuple(group.get(topic_id, ())) for group in (new_lines, changed_lines, gone_lines)]
        if any(lines):
            topics.append(TopicChanges(topic_id, titles[topic_id], *lines))
    return tuple(topics)


def _what_changed(earlier: list[FindingData], finding: FindingData, titles: dict[str, str]) -> str:
    """A sentence saying how a finding's corroboration, status or topic changed; empty if none did."""
    before = sorted({p for f in earlier for p in f.publishers})
    now = list(finding.publishers)
    notes = []
    if before != now:
        added = [p for p in now if p not in before]
        dropped = [p for p in before if p not in now]
        detail = "; ".join(part for part in (f"added {', '.join(added)}" if added else "", f"no longer {', '.join(dropped)}" if dropped else "") if part)
        count = f"{len(now)} independent publisher{'s' if len(now) != 1 else ''}"
        notes.append(f"Now reported by {count} (was {len(before)}): {detail}.")
    status = earlier[0].status
    if finding.status != status:
        notes.append(f"Now {finding.status} (was {status}).")
    topic = earlier[0].topic
    if finding.topic != topic:
        notes.append(f"Moved from {titles.get(topic, topic)}.")
    return " ".join(notes)


def _titles(data: BriefingData, other: BriefingData) -> tuple[str, ...]:
    """Titles of topics with findings in ``data`` that ``other`` has no findings for."""
    present = {topic for topic, n in _per_topic(other).items() if n}
    counts = _per_topic(data)
    return tuple(t.title for t in data.topics if counts[t.id] and t.id not in present)


def _quote_key(quote: QuoteData) -> str:
    """What identifies a quote across versions: its sentence and words."""
    return f"{quote.source.label}: {quote.text}"


def _quote_text(quote: QuoteData) -> str:
    speaker = quote.speaker_name or quote.speaker
    return f"{speaker}: {quote.text}" if speaker else quote.text


def _entity_text(entity: EntityData) -> str:
    return f"{entity.name} ({entity.type})" if entity.type else entity.name


Item = TypeVar("Item")


def _new_lines(
    old: tuple[Item, ...] | None,
    new: tuple[Item, ...] | None,
    key: Callable[[Item], str],
    text: Callable[[Item], str],
    refs: Callable[[Item], tuple[SourceRef, ...]],
) -> tuple[Line, ...]:
    """A line for each item of ``new`` that ``old`` has not; none when either version did not record such items."""
    if old is None or new is None:
        return ()
    seen = {key(item) for item in old}
    return tuple(Line(text(item), found) for item in new if key(item) not in seen and (found := refs(item)))


def _claims(old: BriefingData, new: BriefingData, cite: _Refs) -> tuple[Line, ...]:
    """New claims, and claims whose status changed; a claim is known by its finding."""
    if old.claims is None or new.claims is None:
        return ()
    status = {c.finding: c.status for c in old.claims}
    lines = []
    for claim in new.claims:
        if not (refs := cite(claim.sources)):
            continue
        if claim.finding not in status:
            lines.append(Line(claim.claim, refs, "New claim."))
        elif claim.status != status[claim.finding]:
            lines.append(Line(claim.claim, refs, f"Now {claim.status} (was {status[claim.finding]})."))
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


class Baselines:
    """The versions a build counts its changes from, and its changes since each, read from git once.

    Built while the pages render (they need no page): the version before the latest when the
    inputs are the latest version's (the build may be that version again), else the latest.
    """

    def __init__(self, repo: git.Repo, project: Path, docs: str, inputs: list[str], data: BriefingData, text: str) -> None:
        """``data`` is the briefing's data and ``text`` its ``briefing.json``, without a version."""
        self.repo, self.project, self.docs, self.ours = repo, project, docs, (data, text)
        self.recorded = versions(repo)
        self.latest = latest_version(repo, repo_path(repo, project, f"{docs}/{DATA_FILE}"))
        if self.latest and self.latest.number not in {v.number for v in self.recorded}:
            self.recorded.append(self.latest)  # a shallow clone knows the latest version only from its briefing.json
        self.same_inputs = bool(self.latest and inputs_unchanged(repo, project, inputs))
        self.before = version_before(repo, self.latest) if self.latest and self.same_inputs else None
        self._since: dict[str | None, tuple[BriefingData | None, Changes]] = {}
        self.since(self.before if self.same_inputs else self.latest)

    def since(self, version: Version | None) -> tuple[BriefingData | None, Changes]:
        """``version``'s data (None for no version) and the changes from it to this build's."""
        key = version.commit if version else None
        if key not in self._since:
            data = data_at(self.repo, self.project, self.docs, version, self.ours)
            self._since[key] = (data, compare(data, self.ours[0]))
        return self._since[key]


def version_pages(
    known: Baselines | None, briefing: Briefing, data: BriefingData, templates: Path, files: dict[str, str], record: bool
) -> tuple[list[Page], str, PendingVersion | None]:
    """The changes and history pages, ``briefing.json`` with the version stamped in, and the version to record, if any.

    ``known`` is what git holds of the versions (None outside a git repository), ``data`` the
    briefing's data, ``files`` every other file of ``site_docs/`` and its ``briefing.json``
    (``data`` without a version). The version number and date on the pages must be
    known before the commit, so: if the build, rendered as the latest version,
    is exactly that version (same inputs, same ``site_docs/``), it is that
    version and nothing is recorded; otherwise :func:`~briefing.version.plan`
    numbers a new one, dated now, and the commit gets that date.
    """

    def render(this: ThisVersion, changes: Changes) -> list[Page]:
        cited = {a.article.id for a in briefing.articles}
        extra = tuple(AnalysedArticle(a, (), ()) for a in changes.articles if a.id not in cited)
        context = replace(briefing, articles=briefing.articles + extra) if extra else briefing
        title = f"What changed in version {this.number}" if this.number else "What changed"
        return [
            render_page(context, templates, "changes.md.j2", CHANGES_PAGE, title, version=this, changes=changes),
            render_page(context, templates, "history.md.j2", HISTORY_PAGE, "History", version=this),
        ]

    def stamped_files(stamp: VersionStamp) -> dict[str, str]:
        return {**files, DATA_FILE: stamped(files[DATA_FILE], stamp)}

    if known is None:
        return render(ThisVersion("no-git", None, None, None, ()), compare(None, data)), files[DATA_FILE], None
    recorded, latest = known.recorded, known.latest
    rows = [_row(v) for v in recorded]
    same = False
    # Inputs changed since the latest version (an article added, say): a new version, whatever
    # the pages say, so they need not be rendered as the latest to find out.
    if latest and known.same_inputs:
        this = ThisVersion(
            "recorded",
            latest.number,
            format_date(latest.date),
            _row(known.before),
            tuple(reversed([r for r in rows if r.number <= latest.number])),
        )
        pages = render(this, known.since(known.before)[1])
        as_latest = stamped_files(VersionStamp(latest.number, latest.date, latest.summary))
        written = {**as_latest, **{p.path: p.text for p in pages}}
        same = docs_unchanged(known.repo, known.project, known.docs, {name: text.encode("utf-8") for name, text in written.items()})
    chosen = plan(latest, recorded, same, dt.datetime.now(dt.timezone.utc))
    if not chosen.new:
        return pages, as_latest[DATA_FILE], None
    baseline, changes = known.since(latest)
    if not record:
        unrecorded = ThisVersion("unrecorded", None, None, _row(latest), tuple(reversed(rows)))
        return render(unrecorded, changes), files[DATA_FILE], None
    summary = changes.summary()
    this = ThisVersion(
        "recorded",
        chosen.number,
        format_date(chosen.date),
        _row(latest),
        tuple(reversed([*rows, HistoryRow(chosen.number, format_date(chosen.date), summary)])),
    )
    text = stamped(files[DATA_FILE], VersionStamp(chosen.number, chosen.date, summary))
    paths = _paths(baseline, data)
    return render(this, changes), text, PendingVersion(chosen.number, chosen.date, "\n".join([summary, *paths]).strip())


def _row(version: Version | None) -> HistoryRow | None:
    return HistoryRow(version.number, format_date(version.date), version.summary) if version else None


def data_at(repo: git.Repo, project: Path, docs: str, version: Version | None, like: tuple[BriefingData, str] | None = None) -> BriefingData | None:
    """A version's briefing.json; None for no version, or one whose data cannot be read.

    ``like``: data and its text that the version's may share most of (see :func:`~briefing.data.load`).
    """
    return load(file_at(repo, project, f"{docs}/{DATA_FILE}", version.commit), like) if version else None


def _paths(before: BriefingData | None, after: BriefingData) -> list[str]:
    """The commit message body: "+ path" for each article added, "- path" for each removed."""
    old = {a.id: a.path for a in (before or NOTHING).articles}
    new = {a.id: a.path for a in after.articles}
    return [f"+ {p}" for p in sorted(new[i] for i in new.keys() - old.keys())] + [f"- {p}" for p in sorted(old[i] for i in old.keys() - new.keys())]
