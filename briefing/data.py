"""The briefing as data: ``briefing.json``, one schema (``briefing/briefing.schema.json``), typed.

The build writes :func:`as_data` of its briefing; changes, diff and show read it
back from git with :func:`load` into the dataclasses below, and the build stamps
the version in with :func:`dump`. A file written by an older version lacks the keys added since
(``quotes``, ``entities``, ``claims`` and the like load as None: "not recorded",
never "none"; findings were once kept as their topic's ``items``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from briefing.content import Briefing, Finding, SourceRef

DATA_FILE = "briefing.json"
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Source:
    """A sentence of an article, verbatim."""

    article: str
    sentence: int
    excerpt: str

    @property
    def label(self) -> str:
        """The footnote label on the pages."""
        return f"{self.article}-s{self.sentence}"


@dataclass(frozen=True)
class ArticleData:
    id: str
    path: str
    title: str | None = None
    outlet: str | None = None
    publisher: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None
    sentences: int = 0
    summary: tuple[Source, ...] = ()


@dataclass(frozen=True)
class TrackedItemData:
    label: str
    reports: dict[str, str]


@dataclass(frozen=True)
class LatestData:
    """The findings first reported on one date."""

    date: str
    findings: tuple[str, ...]


@dataclass(frozen=True)
class TopicData:
    id: str
    title: str
    summary: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    items: tuple[TrackedItemData, ...] = ()


@dataclass(frozen=True)
class FindingData:
    id: str
    topic: str
    text: str
    status: str
    publishers: tuple[str, ...]
    sources: tuple[Source, ...]
    disputed_by: tuple[Source, ...] = ()

    @property
    def labels(self) -> list[str]:
        return [s.label for s in self.sources]


@dataclass(frozen=True)
class ClaimData:
    finding: str
    claim: str
    status: str
    sources: tuple[Source, ...]
    claimant: str | None = None
    counter_claim: str = ""
    counter_claimant: str | None = None
    counter_sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class EntityData:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    description: str = ""
    mentions: int = 0


@dataclass(frozen=True)
class QuoteData:
    speaker_name: str
    text: str
    article: str
    sentence: int
    excerpt: str
    speaker: str | None = None
    cue: str = ""
    kind: str = ""
    denial: bool = False
    quoted: tuple[str, ...] = ()

    @property
    def source(self) -> Source:
        return Source(self.article, self.sentence, self.excerpt)


@dataclass(frozen=True)
class NumberData:
    text: str
    value: float
    counts: str
    article: str
    sentence: int


@dataclass(frozen=True)
class VersionStamp:
    """The version a build of ``briefing.json`` was recorded as."""

    number: int
    date: dt.datetime
    """When it was recorded (its commit's date), in UTC, to the second."""
    summary: str
    """What changed, in one line (the commit subject without "Briefing vN: ")."""

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "date": self.date.strftime("%Y-%m-%dT%H:%M:%SZ"), "summary": self.summary}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VersionStamp:
        date = dt.datetime.strptime(data["date"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
        return cls(int(data["number"]), date, str(data["summary"]))


@dataclass(frozen=True)
class BriefingData:
    """The whole of ``briefing.json``."""

    title: str
    articles: tuple[ArticleData, ...]
    topics: tuple[TopicData, ...]
    findings: tuple[FindingData, ...]
    schema_version: int = SCHEMA_VERSION
    summary: tuple[str, ...] = ()
    latest: tuple[LatestData, ...] | None = None
    key_facts: tuple[str, ...] = ()
    claims: tuple[ClaimData, ...] | None = None
    entities: tuple[EntityData, ...] | None = None
    quotes: tuple[QuoteData, ...] | None = None
    numbers: tuple[NumberData, ...] | None = None
    version: VersionStamp | None = None
    """Only in a build recorded as a version."""


def as_data(briefing: Briefing) -> BriefingData:
    """What ``briefing.json`` records of a briefing."""

    def sources(refs: Iterable[SourceRef]) -> tuple[Source, ...]:
        return tuple(Source(r.article_id, r.sentence, r.excerpt) for r in refs)

    def finding(f: Finding) -> FindingData:
        return FindingData(f.id, f.topic, f.text, f.status, tuple(f.publishers), sources(f.sources), sources(f.disputed_by))

    def claim(f: Finding) -> ClaimData:
        return ClaimData(
            finding=f.id,
            claim=f.text,
            status=f.status,
            sources=sources(f.sources),
            claimant=f.claimant,
            counter_claim=f.counter_text,
            counter_claimant=f.counter_claimant,
            counter_sources=sources(f.disputed_by),
        )

    def ids(findings: Iterable[Finding]) -> tuple[str, ...]:
        return tuple(f.id for f in findings)

    return BriefingData(
        title=briefing.title,
        articles=tuple(
            ArticleData(
                id=a.article.id,
                path=a.article.path,
                title=a.article.title,
                outlet=a.article.outlet,
                publisher=a.article.publisher,
                date=a.article.date,
                author=a.article.author,
                url=a.article.url,
                sentences=len(a.sentences),
                summary=tuple(Source(a.article.id, i, a.sentence(i).text) for i in a.summary),
            )
            for a in briefing.articles
        ),
        summary=ids(briefing.summary),
        latest=tuple(LatestData(date, ids(lines)) for date, lines in briefing.latest),
        topics=tuple(
            TopicData(
                id=t.id,
                title=t.title,
                summary=ids(t.summary),
                findings=ids(t.findings),
                items=tuple(TrackedItemData(item.label, {name: ref.label for name, ref in item.reports}) for item in t.items),
            )
            for t in briefing.topics
        ),
        findings=tuple(finding(f) for f in briefing.findings),
        key_facts=ids(briefing.key_facts),
        claims=tuple(claim(f) for f in briefing.contested),
        entities=tuple(
            EntityData(
                id=e.id,
                name=e.name,
                type=e.type,
                description=e.description,
                aliases=tuple(e.aliases),
                mentions=e.mentions,
                articles=tuple(e.articles),
            )
            for e in briefing.entities
        ),
        quotes=tuple(
            QuoteData(
                speaker=q.attribution.entity if briefing.entity(q.attribution.entity) else None,
                speaker_name=briefing.speaker_name(q.attribution),
                cue=q.attribution.cue,
                text=q.attribution.content,
                kind=q.attribution.kind,
                denial=q.attribution.denial,
                quoted=tuple(q.attribution.quotes),
                article=q.source.article_id,
                sentence=q.source.sentence,
                excerpt=q.source.excerpt,
            )
            for q in briefing.quotes
        ),
        numbers=tuple(
            NumberData(n.text, n.value, n.counts, a.article.id, s.index)
            for a in briefing.articles
            for s in a.sentences
            if s.repeats is None
            for n in s.numbers
        ),
    )


def dump(data: BriefingData) -> str:
    """``briefing.json``'s text: keys sorted and indented, so `git diff` between versions reads well."""
    return json.dumps(_plain(data), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def load(text: str | None) -> BriefingData | None:
    """A ``briefing.json`` read back; None for no text, or text that is not a briefing's JSON."""
    try:
        raw = json.loads(text) if text else None
        if not isinstance(raw, dict):
            return None
        if "findings" not in raw:  # findings were once kept as their topic's items
            raw = {**raw, "findings": [f for t in raw["topics"] for f in t.get("items", [])]}
            raw["topics"] = [{**t, "items": []} for t in raw["topics"]]
        return _typed(BriefingData, raw)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def load_version(text: str) -> VersionStamp | None:
    """The version a ``briefing.json`` records, if it records one: only that is read (typing a big briefing takes seconds)."""
    try:
        raw = json.loads(text)
        return VersionStamp.from_json(raw["version"]) if isinstance(raw, dict) and raw.get("version") else None
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _typed(kind: Any, value: Any) -> Any:
    """``value`` (parsed JSON) as ``kind``: dataclasses from objects, tuples from lists."""
    if value is None:
        return None
    if kind is VersionStamp:
        return VersionStamp.from_json(value)
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{f.name: _typed(hints[f.name], value[f.name]) for f in dataclasses.fields(kind) if f.name in value})
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple:
        return tuple(_typed(args[0], item) for item in value)
    if origin in (typing.Union, types.UnionType):
        return _typed(next(a for a in args if a is not type(None)), value)
    if origin is dict:
        return dict(value)
    return value


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    """A dataclass's field types, worked out once: ``get_type_hints`` evaluates every annotation anew."""
    return typing.get_type_hints(kind)


def _plain(value: Any) -> Any:
    """The JSON value of typed data: objects for dataclasses (a missing version left out), lists for tuples."""
    if isinstance(value, VersionStamp):
        return value.to_json()
    if dataclasses.is_dataclass(value):
        fields = ((f.name, getattr(value, f.name)) for f in dataclasses.fields(value))
        return {name: _plain(v) for name, v in fields if not (name == "version" and v is None)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
