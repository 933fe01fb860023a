"""The user's configuration, ``briefing.yml``: typed, documented, validated by a schema.

Topics, outlets and clutter rules are configuration, never code: nothing about
any particular story lives in ``briefing/``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from briefing.errors import BriefingError

CONFIG_FILE = "briefing.yml"
#: libyaml's safe loader where PyYAML was built with it: the same documents and the same errors
#: with their lines, several times faster (the topic examples file took half a second in Python).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The document ``text`` holds, as ``yaml.safe_load`` reads it."""
    return yaml.load(text, Loader=_LOADER)


@dataclass(frozen=True)
class TopicConfig:
    """One topic of the briefing."""

    id: str
    """Short name used in file names and links, e.g. ``plan-terms``."""
    title: str
    """Page title, e.g. "Plan terms"."""
    description: str = ""
    """One or two sentences saying what the topic covers; shown on its page."""
    keywords: tuple[str, ...] = ()
    """Words or phrases that signal the topic, matched on lemmas, case-insensitive ("concessions"
    matches ``concession``). Without examples, a finding goes to the topic whose keywords its
    sentences contain most (ties: the topic listed first); with examples, keywords confirm the model."""
    items: tuple[ItemConfig, ...] = ()
    """Things a reader wants tracked; the topic page opens with a table of items × publishers,
    each cell footnoted to the sentence that reports the item."""
    examples: tuple[str, ...] = ()
    """Sentences that belong to the topic, as articles write them: with examples, findings are
    filed by a model learned from them (see docs/findings.md)."""


@dataclass(frozen=True)
class ItemConfig:
    """A tracked item of a topic, e.g. "NATO membership ruled out"."""

    label: str
    """The row label of the topic's items × publishers table."""
    signals: tuple[str, ...]
    """Phrases or names that signal the item. A sentence signals it when it contains every
    content word of one phrase, compared as lemmas in any order: ``cede Donbas`` matches "would
    have to cede the Donbas" and "the Donbas would be ceded"."""


@dataclass(frozen=True)
class OutletConfig:
    """An outlet the ingest stage can recognise."""

    name: str
    """Full name, e.g. "Radio Free Europe/Radio Liberty"."""
    short: str = ""
    """Short name used in footnotes and counts, e.g. "RFE/RL"; defaults to ``name``."""
    signatures: tuple[str, ...] = ()
    """Regular expressions: a header line (one of the first twelve) matching one of them names
    this outlet, e.g. ``'(by:?\\s*)?express web desk'``."""

    @property
    def label(self) -> str:
        return self.short or self.name


@dataclass(frozen=True)
class EntityConfig:
    """A person, organisation or place the briefing names one way, however articles spell it."""

    name: str
    """Canonical name shown on the pages, e.g. "Volodymyr Zelenskyy"."""
    type: str = "PERSON"
    """What it is (a spaCy label). A listed place is never taken for a person: ``{name: Kyiv, type: GPE}``."""
    aliases: tuple[str, ...] = ()
    """Other spellings that always mean this entity (matched case-insensitively):
    ``[Zelensky, Zelenskyyy]``, ``[Kupyansk]``."""
    speaker_aliases: tuple[str, ...] = ()
    """Names that mean this entity only when they speak: "Moscow said" is Russia's government,
    "troops near Moscow" is the city."""
    roles: tuple[str, ...] = ()
    """What articles call it by its office rather than its name, when it speaks (matched case-insensitively,
    "the" and a possessive ignored): ``[Russian president, Kremlin leader]``. Unlike an alias, a role is not a name
    to count mentions of: "the Russian president said" is Putin speaking."""
    description: str = ""
    """One line shown on the People and organisations page, e.g. "President of Ukraine"."""

    @property
    def id(self) -> str:
        return entity_id(self.name)


def entity_id(name: str) -> str:
    """A stable, readable id for an entity name: "Volodymyr Zelenskyy" -> "volodymyr-zelenskyy", "Viktor Orbán" -> "viktor-orban"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    return "-".join(re.findall(r"[a-z0-9]+", plain)) or "entity"


@dataclass(frozen=True)
class ClutterRule:
    """A line pattern that is page furniture, not article text."""

    pattern: str
    """Regular expression matched against a whole line (case-insensitive)."""
    action: str = "drop-line"
    """``drop-line`` removes the line; ``drop-rest`` removes it and everything after it."""


@dataclass(frozen=True)
class FetchConfig:
    """How ``briefing add`` fetches pages: politely."""

    timeout: float = 20
    """Seconds to wait for a server before giving up on a page."""
    delay: float = 1
    """Seconds between two requests to the same host (a longer ``Crawl-delay`` in its robots.txt wins)."""
    limit: int = 20
    """Articles fetched at most per run (``briefing add --limit`` overrides it)."""


@dataclass(frozen=True)
class PublishConfig:
    """What the published site carries besides the briefing itself."""

    keep_versions: int = 10
    """Past versions built into the site (``site/versions/N/``) and offered by its version
    selector, newest first; 0 leaves them out."""


@dataclass(frozen=True)
class ComputeConfig:
    """Where the analysis runs."""

    scheduler: str = ""
    """Address of a Dask scheduler (``tcp://HOST:PORT``) whose workers analyse the articles;
    empty: the processes of this machine. ``--scheduler`` and ``DASK_SCHEDULER_ADDRESS`` override it."""


@dataclass(frozen=True)
class Config:
    """Everything a user tunes, read from ``briefing.yml``."""

    title: str
    """Title of the briefing and the site. A lead line whose subject is only "the" and a noun of the title or
    description ("The plan …") reads alone; any other such subject ("The lawsuit …") needs the sentence before."""
    description: str = ""
    """What the briefing is about; opens the overview page. Its nouns, as the title's, need no introducing in a lead line."""
    seeds: str = "seeds"
    """Folder of articles (``*.txt``, ``*.md``, saved pages ``*.html``, ``*.htm``), relative to the project."""
    summary_sentences: int = 8
    """Lines of the overview's lead (see docs/findings.md)."""
    topic_summary_sentences: int = 3
    """Lines of the short lead that opens each topic page."""
    article_summary_sentences: int = 2
    """Sentences in each article's summary on the sources page."""
    topics: tuple[TopicConfig, ...] = ()
    """The topics, in page order. Sentences that match none go to the ``other`` topic."""
    other_topic: TopicConfig = TopicConfig(id="other", title="Other reporting", description="Reporting that matches no topic.")
    """The honest bucket for everything no topic claims; `id`, `title`, `description` and `examples` as for a topic."""
    topic_examples: str = ""
    """A YAML file of example sentences, relative to the project, mapping topic ids (the other
    topic's too) to lists of sentences: ``plan-terms: ["The plan would cap Ukraine's army.", …]``.
    They add to each topic's ``examples``, so a long list need not fill ``briefing.yml``."""
    outlets: tuple[OutletConfig, ...] = ()
    """Outlets to recognise in addition to the built-in list."""
    clutter: tuple[ClutterRule, ...] = ()
    """Clutter rules in addition to the built-in ones."""
    default_outlet: str = ""
    """Outlet of articles whose text and front matter name none: set it when every article
    comes from one site (the BBC corpus, say). Left empty, such an article's outlet is
    unknown and it counts as a publisher of its own."""
    entities: tuple[EntityConfig, ...] = ()
    """The gazetteer: canonical names for the people, organisations and places of the story."""
    feeds: tuple[str, ...] = ()
    """RSS or Atom feeds (addresses or files) that ``briefing add --feeds`` polls."""
    fetch: FetchConfig = FetchConfig()
    """How `briefing add` fetches pages (the fetch settings below)."""
    publish: PublishConfig = PublishConfig()
    """How the site is published (the publish settings below)."""
    compute: ComputeConfig = ComputeConfig()
    """Where the analysis runs (the compute settings below)."""
    source_path: Path | None = field(default=None, compare=False)


def _schema() -> dict[str, Any]:
    text = resources.files("briefing").joinpath("config.schema.json").read_text("utf-8")
    return json.loads(text)


def load_config(project: Path) -> Config:
    """Read and validate ``briefing.yml`` in ``project``."""
    path = project / CONFIG_FILE
    if not path.is_file():
        raise BriefingError(f"{path}: no {CONFIG_FILE} here; create one (see docs/configuration.md)")
    text = path.read_text("utf-8")
    return parse_config(text, path)


def parse_config(text: str, path: Path) -> Config:
    try:
        # Parsed once: the node tree gives the lines of errors, the data is built from it.
        loader = _LOADER(text)
        try:
            node = loader.get_single_node()
            data = None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise BriefingError(f"{path}{where}: not valid YAML ({problem})") from None
    if not isinstance(data, dict):
        raise BriefingError(f"{path}: must be a mapping of settings (title, topics, ...)")
    errors = sorted(
        jsonschema.Draft202012Validator(_schema()).iter_errors(data),
        key=lambda e: list(map(str, e.absolute_path)),
    )
    if errors:
        error = errors[0]
        where, message = list(error.absolute_path), error.message
        if error.validator == "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            unknown = sorted(set(error.instance) - set(allowed))[0]
            where.append(unknown)
            message = f"unknown key; allowed here: {', '.join(allowed)}"
        key = ".".join(str(p) for p in where) or "(top level)"
        raise BriefingError(f"{path}:{_line_of(node, where)}: {key}: {message}")
    config = _build(data, path)
    ids = [t.id for t in config.topics] + [config.other_topic.id]
    repeat = _first_repeat(ids)
    if repeat is not None:
        where = ["topics", repeat, "id"] if repeat < len(config.topics) else ["other_topic", "id"]
        raise BriefingError(f"{path}:{_line_of(node, where)}: topic id {ids[repeat]!r} is used twice; topic ids must be unique")
    repeat = _first_repeat([e.id for e in config.entities])
    if repeat is not None:
        raise BriefingError(
            f"{path}:{_line_of(node, ['entities', repeat])}: entity {config.entities[repeat].id!r} is listed twice under entities; merge the two entries"
        )
    return _with_examples_file(config, path, node) if config.topic_examples else config


def _with_examples_file(config: Config, path: Path, node: yaml.Node) -> Config:
    """``config`` with the sentences of its ``topic_examples`` file added to each topic's examples."""
    where = f"{path}:{_line_of(node, ['topic_examples'])}: topic_examples"
    file = path.parent / config.topic_examples
    try:
        data = load_yaml(file.read_text("utf-8"))
    except OSError as exc:
        raise BriefingError(f"{where}: cannot read {file} ({exc.strerror or exc})") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise BriefingError(f"{where}: {file} is not valid YAML ({str(exc).splitlines()[0]})") from None
    topics = {t.id: t for t in (*config.topics, config.other_topic)}
    if not isinstance(data, dict):
        raise BriefingError(f"{where}: {file} must map topic ids to lists of sentences")
    for topic_id, sentences in data.items():
        if topic_id not in topics:
            raise BriefingError(f"{where}: {file} names topic {topic_id!r}; topic ids here: {', '.join(topics)}")
        if not isinstance(sentences, list) or not all(isinstance(s, str) and s.strip() for s in sentences):
            raise BriefingError(f"{where}: {file}: {topic_id} must be a list of sentences")
    added = {topic_id: replace(topic, examples=(*topic.examples, *data.get(topic_id, ()))) for topic_id, topic in topics.items()}
    return replace(config, topics=tuple(added[t.id] for t in config.topics), other_topic=added[config.other_topic.id])


def _first_repeat(values: list[str]) -> int | None:
    """Index of the first value that already occurred, if any."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            return index
        seen.add(value)
    return None


def _line_of(node: yaml.Node | None, path: list[Any]) -> int:
    """The 1-based line of the YAML node at ``path`` (or of its nearest parent)."""
    line = node.start_mark.line + 1 if node else 1
    for step in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step:
                    child = value
                    # An unknown key is reported at the key itself.
                    line = key.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            child = node.value[step]
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def _topic(data: dict[str, Any]) -> TopicConfig:
    return TopicConfig(
        id=data["id"],
        title=data["title"],
        description=data.get("description", ""),
        keywords=tuple(data.get("keywords", ())),
        items=tuple(ItemConfig(i["label"], tuple(i["signals"])) for i in data.get("items", ())),
        examples=tuple(data.get("examples", ())),
    )


def _build(data: dict[str, Any], path: Path) -> Config:
    kwargs: dict[str, Any] = {
        k: data[k]
        for k in (
            "title",
            "description",
            "seeds",
            "summary_sentences",
            "topic_summary_sentences",
            "article_summary_sentences",
            "topic_examples",
            "default_outlet",
        )
        if k in data
    }
    kwargs["topics"] = tuple(_topic(t) for t in data.get("topics", ()))
    if "other_topic" in data:
        kwargs["other_topic"] = _topic(data["other_topic"])
    kwargs["outlets"] = tuple(OutletConfig(o["name"], o.get("short", ""), tuple(o.get("signatures", ()))) for o in data.get("outlets", ()))
    kwargs["clutter"] = tuple(ClutterRule(c["pattern"], c.get("action", "drop-line")) for c in data.get("clutter", ()))
    kwargs["entities"] = tuple(
        EntityConfig(
            name=e["name"],
            type=e.get("type", "PERSON"),
            aliases=tuple(e.get("aliases", ())),
            speaker_aliases=tuple(e.get("speaker_aliases", ())),
            roles=tuple(e.get("roles", ())),
            description=e.get("description", ""),
        )
        for e in data.get("entities", ())
    )
    kwargs["feeds"] = tuple(data.get("feeds", ()))
    kwargs["fetch"] = FetchConfig(**data.get("fetch", {}))
    if "publish" in data:
        kwargs["publish"] = PublishConfig(**data["publish"])
    kwargs["compute"] = ComputeConfig(**data.get("compute", {}))
    return Config(source_path=path, **kwargs)
