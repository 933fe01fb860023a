"""The briefing as data: ``briefing.json``, one schema (``briefing/briefing.schema.json``), typed.

pages writes it; changes, diff and show read it back from git with :func:`load`
into the dataclasses below, and the build stamps the version in with
:func:`dump`. A file written by an older version lacks the keys added since
(``quotes``, ``entities``, ``claims`` and the like load as None: "not recorded",
never "none"; findings were once kept as their topic's ``items``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from dataclasses import dataclass
from typing import Any

DATA_FILE = "briefing.json"


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
    schema_version: int = 1
    summary: tuple[str, ...] = ()
    key_facts: tuple[str, ...] = ()
    claims: tuple[ClaimData, ...] | None = None
    entities: tuple[EntityData, ...] | None = None
    quotes: tuple[QuoteData, ...] | None = None
    numbers: tuple[NumberData, ...] | None = None
    version: VersionStamp | None = None
    """Only in a build recorded as a version."""


def dump(data: BriefingData | dict[str, Any]) -> str:
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
    """The version a ``briefing.json`` records, if it records one."""
    data = load(text)
    return data.version if data else None


def _typed(kind: Any, value: Any) -> Any:
    """``value`` (parsed JSON) as ``kind``: dataclasses from objects, tuples from lists."""
    if value is None:
        return None
    if kind is VersionStamp:
        return VersionStamp.from_json(value)
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return kind(**{f.name: _typed(hints[f.name], value[f.name]) for f in dataclasses.fields(kind) if f.name in value})
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple:
        return tuple(_typed(args[0], item) for item in value)
    if origin in (typing.Union, types.UnionType):
        return _typed(next(a for a in args if a is not type(None)), value)
    if origin is dict:
        return dict(value)
    return value


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
