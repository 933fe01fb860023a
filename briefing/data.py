"""The briefing as data: ``briefing.json``, one schema (``briefing/briefing.schema.json``), typed.

The build writes (:func:`dump`) :func:`as_data` of its briefing and stamps the version
into that text (:func:`stamped`); changes, diff and show read it back from git with
:func:`load` into the dataclasses below. A file written by an older version lacks the keys added since
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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import msgspec

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
    denials: tuple[str, ...] = ()
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
        denials=ids(briefing.denials),
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
            NumberData(n.text, n.value, n.counts, a.article.id, s.index) for a in briefing.articles for s in a.sentences if s.repeats is None for n in s.numbers
        ),
    )


def dump(data: BriefingData) -> str:
    """``briefing.json``'s text: keys sorted and indented, so `git diff` between versions reads well.

    What ``json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)`` writes of its JSON
    value, written by msgspec straight from the typed data: 0.1 s instead of 0.6 s for 2,225
    articles. One difference, in numbers no article gives: a float of 1e16 or more, or under
    1e-4, is the same value in another form (``1e16`` for ``1e+16``, ``0.000025`` for ``2.5e-05``).
    """
    text = msgspec.json.format(msgspec.json.encode(dataclasses.replace(data, version=None), order="sorted"), indent=1).decode()
    # "version" sorts after every other key (see stamped): a build not recorded as a version has none.
    text = text.removesuffix(_NO_VERSION) + _END
    return text if data.version is None else stamped(text, data.version)


def stamped(text: str, stamp: VersionStamp) -> str:
    """``text``, a :func:`dump` of data without a version, with ``stamp`` recorded: what :func:`dump`
    writes of the stamped data. "version" sorts after every other key, so it goes last and the rest
    need not be written again (a large briefing takes seconds)."""
    entry = json.dumps({"version": stamp.to_json()}, ensure_ascii=False, indent=1, sort_keys=True)
    return text.removesuffix(_END) + ",\n" + entry.removeprefix("{\n") + "\n"


#: How :func:`dump`'s text ends, and how each of its top-level keys starts (deeper lines are indented further).
_END = "\n}\n"
#: How msgspec ends the text of data without a version.
_NO_VERSION = ',\n "version": null\n}'
_KEY = '\n "'


def load(text: str | None, like: tuple[BriefingData, str] | None = None) -> BriefingData | None:
    """A ``briefing.json`` read back; None for no text, or text that is not a briefing's JSON.

    ``like`` is other data and its :func:`dump` (this build's, say): an element of a list (an
    article, a finding...) written the same in both is that data's, not read again. Between two
    versions most are: reading typed data takes seconds at thousands of articles.
    """
    try:
        if text and like and (found := _load_like(text, *like)):
            return found
        raw = json.loads(text) if text else None
        if not isinstance(raw, dict):
            return None
        if "findings" not in raw:  # findings were once kept as their topic's items
            raw = {**raw, "findings": [f for t in raw["topics"] for f in t.get("items", [])]}
            raw["topics"] = [{**t, "items": []} for t in raw["topics"]]
        return _reader(BriefingData)(raw)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def load_version(text: str) -> VersionStamp | None:
    """The version a ``briefing.json`` records, if it records one: only that is read (a big briefing takes seconds to parse).

    In :func:`dump`'s text (with or without its last newline) the version is the last key; other text is parsed whole.
    """
    try:
        last = text.rfind(_KEY)
        if last > 0 and text.endswith(("\n}", _END)):
            raw = json.loads("{" + text[last:]) if text.startswith('"version": ', last + 2) else {}
        else:
            raw = json.loads(text)
        return VersionStamp.from_json(raw["version"]) if isinstance(raw, dict) and raw.get("version") else None
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _load_like(text: str, data: BriefingData, data_text: str) -> BriefingData | None:
    """:func:`load` with ``like``; None if either text is not as :func:`dump` writes it."""
    ours, theirs = _entries(text), _entries(data_text)
    if ours is None or theirs is None or "findings" not in ours:
        return None
    lists = _lists()
    known: dict[str, Any] = {}
    for name, span in theirs.items():
        if name in lists and (texts := _elements(data_text, *span)) is not None:
            known.update(zip(texts, getattr(data, name) or ()))
    hints = _hints(BriefingData)
    values = {}
    for name, span in ours.items():
        if name in lists and (texts := _elements(text, *span)) is not None:
            read = _reader(lists[name])
            values[name] = tuple(known[t] if t in known else read(json.loads("{" + t)) for t in texts)
        elif name in hints:
            read = _reader(hints[name])
            value = json.loads(text[slice(*span)])
            values[name] = read(value) if read else value
    return BriefingData(**values)


def _entries(text: str) -> dict[str, tuple[int, int]] | None:
    """Where each top-level value of a :func:`dump` is in its text, by key; None for other text.

    In a dump only the top-level keys start a line with one space: deeper lines are indented further,
    and no string holds a line break. Positions, not copies: the text is tens of megabytes.
    """
    end = len(text) - (2 if text.endswith("\n}") else 3 if text.endswith(_END) else len(text))
    if not text.startswith("{" + _KEY):
        return None
    found = {}
    start = 1
    while start < end:
        following = text.find(_KEY, start + len(_KEY), end)
        stop = end if following < 0 else following
        colon = text.find('": ', start, stop)
        if colon < 0 or (following >= 0 and text[stop - 1] != ","):
            return None
        found[text[start + len(_KEY) : colon]] = (colon + 3, stop if following < 0 else stop - 1)
        start = stop
    return found


def _elements(text: str, start: int, end: int) -> list[str] | None:
    """The text of each object in a top-level list of a :func:`dump` (each at two spaces' indent), without
    its opening "{", from ``start`` to ``end`` of ``text``; None if that is not such a list."""
    if text.startswith("[]", start) and end == start + 2:
        return []
    if not (text.startswith("[\n  {", start) and text.startswith("\n ]", end - 3)):
        return None
    # Each but the first loses its "{" to the split; the first gives it up too, so all are alike.
    return text[start + 5 : end - 3].split(_ELEMENT)


#: What starts each object but the first in a top-level list of a :func:`dump`, after the comma; deeper ones are indented further.
_ELEMENT = ",\n  {"


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


@functools.cache
def _lists() -> dict[str, type]:
    """The lists of :class:`BriefingData` whose elements are objects (articles, findings...), with the elements' type."""
    found = {}
    for name, hint in _hints(BriefingData).items():
        kind = next(a for a in typing.get_args(hint) if a is not type(None)) if typing.get_origin(hint) in (typing.Union, types.UnionType) else hint
        if typing.get_origin(kind) is tuple and dataclasses.is_dataclass(element := typing.get_args(kind)[0]):
            found[name] = element
    return found


@functools.cache
def _reader(kind: Any) -> Callable[[Any], Any] | None:
    """What reads parsed JSON as ``kind`` (dataclasses from objects, tuples from lists); None if it is read as it is.

    Worked out once per type: reading a large briefing calls it for hundreds of thousands of values.
    """
    if kind is VersionStamp:
        return VersionStamp.from_json
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        fields = [(f.name, _reader(hints[f.name])) for f in dataclasses.fields(kind)]

        def read_object(value: dict[str, Any]) -> Any:
            return kind(**{name: read(value[name]) if read else value[name] for name, read in fields if name in value})

        return read_object
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple:
        item = _reader(args[0])
        return (lambda value: tuple(map(item, value))) if item else tuple
    if origin in (typing.Union, types.UnionType):
        inner = _reader(next(a for a in args if a is not type(None)))
        return (lambda value: None if value is None else inner(value)) if inner else None
    if origin is dict:
        return dict
    return None
