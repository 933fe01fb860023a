"""Canonical entities: one entity for every way the articles name a person, organisation or place.

Runs after the spaCy pass, over all articles at once (the per-article cache
cannot know the other articles). A name is made canonical in this order:

1. the gazetteer (``entities:`` in ``briefing.yml``): names and aliases, which
   the ``entity_ruler`` already marked, and ``speaker_aliases`` and ``roles``
   ("the Russian president") for speakers;
2. full names seen as PERSON ("Dan Driscoll") absorb their surnames
   ("Driscoll") and full names with the same surname whose first names agree
   ("Daniel Driscoll");
3. a conservative fuzzy rule merges spelling variants of a surname that
   differ only in doubled letters ("Zelenskyyy", "Zelensky" -> "Zelenskyy"),
   never two different names ("Johnson", "Johnston").

Titles ("President", "Gen") and possessives ("’s") are stripped first, so
"President Zelenskyy’s" is Zelenskyy.
"""

from __future__ import annotations

import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from briefing.config import EntityConfig, entity_id
from briefing.content import AnalysedArticle, Attribution, Entity, Mention
from briefing.ingest.text import MASTHEAD_WORDS, normalise_space
from briefing.packs import no_collection

#: Words that precede a name without being part of it.
TITLES = frozenset(
    "president prime minister secretary foreign defence defense deputy first gen general col colonel sgt maj major "
    "mr mrs ms dr sir lord chancellor senator sen rep spokesman spokeswoman spokesperson envoy chief king queen pope pm "
    "governor mayor ambassador former taoiseach".split()
)
#: Titles that open only a person's name, never an organisation's ("General Motors", "Foreign Office" open with
#: other titles): a name spaCy labels an organisation is a person's when one of these opens it.
PERSONAL_TITLES = frozenset("mr mrs ms dr sir lord senator spokesman spokeswoman spokesperson president minister envoy pope pm taoiseach".split())
#: The last word of a company's name that its short name leaves out: "Carlyle" of "The Carlyle Group".
COMPANY_WORDS = frozenset("group corporation corp company industries inc holding holdings ltd plc llc".split())
#: Nouns that end an institution's name, which a title's word may open ("Defense Ministry", "Foreign Office").
INSTITUTIONS = frozenset("ministry department office council committee service agency command staff court commission".split())
#: Labels that can be canonical entities; NORP ("Ukrainian") is an adjective of a place, not a speaker.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
#: Marks at either end of a word that are no part of a name.
_STRAY_MARKS = "\"'“”‘’«»()[]"
_BULLET = re.compile(r"^[^\w@\"“]+")
#: A word glued to a name by a missing space: "ofNew Labour".
_GLUED = re.compile(r"\b[a-z]{2,}[A-Z]")
#: Distinct names remembered by the name functions below: the articles name the same people
#: thousands of times (2,225 BBC articles: 92,000 mentions of 21,000 names).
NAMES_REMEMBERED = 1 << 16


@lru_cache(maxsize=NAMES_REMEMBERED)
def clean_name(name: str) -> str:
    """A name without possessive, leading article or titles: "President Zelenskyy’s" -> "Zelenskyy"."""
    # A list's bullet spaCy took into the name ("• Rubio") is not part of it.
    words = normalise_space(_POSSESSIVE.sub("", _BULLET.sub("", normalise_space(name)))).split()
    # Quotation marks and brackets spaCy took in at either end of a word ("Mike Ruddock '", "Mike (Ruddock").
    words = [w for w in (word.strip(_STRAY_MARKS) for word in words) if w]
    # Nor is a dash after it ("… relay team - Jason Gardener - over 60m").
    while len(words) > 1 and not any(ch.isalnum() for ch in words[-1]):
        words.pop()
    if words and words[0].casefold() == "the" and len(words) > 1:
        words = words[1:]
    # A title stands before a name ("Gen Randy George"), not before a word ("the general staff") nor in an
    # institution's name ("Defense Ministry", "Foreign Office", "General Staff").
    while len(words) > 1 and words[0].casefold().rstrip(".") in TITLES and words[1][:1].isupper() and words[-1].casefold() not in INSTITUTIONS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=NAMES_REMEMBERED)
def name_key(name: str) -> str:
    return clean_name(name).replace("’", "'").casefold()


#: Words for the same office at the end of a role: "the Kremlin chief" is the "Kremlin leader",
#: "the American leader" the "American president", "the Russian diplomat" the "Russian ambassador".
_SAME_OFFICE = {
    "president": "leader",
    "chief": "leader",
    "head": "leader",
    "ruler": "leader",
    "strongman": "leader",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "ambassador": "diplomat",
    "pontiff": "pope",
}


#: Countries and what they are called as adjectives, for comparing roles: "the Finnish president" is the
#: "President of Finland", "Finland's president".
_COUNTRY_ADJECTIVES = {
    "armenia": "armenian",
    "austria": "austrian",
    "azerbaijan": "azerbaijani",
    "belarus": "belarusian",
    "belgium": "belgian",
    "brazil": "brazilian",
    "bulgaria": "bulgarian",
    "canada": "canadian",
    "china": "chinese",
    "croatia": "croatian",
    "czechia": "czech",
    "denmark": "danish",
    "egypt": "egyptian",
    "estonia": "estonian",
    "finland": "finnish",
    "france": "french",
    "georgia": "georgian",
    "germany": "german",
    "greece": "greek",
    "hungary": "hungarian",
    "india": "indian",
    "iran": "iranian",
    "iraq": "iraqi",
    "ireland": "irish",
    "israel": "israeli",
    "italy": "italian",
    "japan": "japanese",
    "kazakhstan": "kazakh",
    "kenya": "kenyan",
    "latvia": "latvian",
    "lithuania": "lithuanian",
    "moldova": "moldovan",
    "netherlands": "dutch",
    "nigeria": "nigerian",
    "norway": "norwegian",
    "pakistan": "pakistani",
    "poland": "polish",
    "portugal": "portuguese",
    "romania": "romanian",
    "russia": "russian",
    "serbia": "serbian",
    "slovakia": "slovak",
    "spain": "spanish",
    "sweden": "swedish",
    "switzerland": "swiss",
    "syria": "syrian",
    "turkey": "turkish",
    "ukraine": "ukrainian",
}
#: One spelling for a country in a role: "the U.S. president" is the "American president", "Ukraine's military"
#: the "Ukrainian military", "the President of Finland" the "Finnish president".
_SAME_COUNTRY = {
    "u.s.": "us",
    "american": "us",
    "america's": "us",
    "u.k.": "uk",
    "british": "uk",
    "britain's": "uk",
    **{form: adjective for country, adjective in _COUNTRY_ADJECTIVES.items() for form in (country, f"{country}'s")},
}


#: How a role names a country, once :func:`role_key` has put it one way ("ukrainian", "us").
COUNTRY_WORDS = frozenset(_SAME_COUNTRY.values())


@lru_cache(maxsize=NAMES_REMEMBERED)
def role_key(role: str) -> str:
    """How a role is compared: as a name, the office and each country in it put one way (the office is the last
    word, or the word before "of": "President of Finland" is the "Finnish leader"; a word alone is no country's
    role: "the American said" names an athlete, not the United States)."""
    *words, last = name_key(role).split() or [""]
    office = {i for i, w in enumerate([*words[1:], last]) if w == "of"}
    keyed = [_SAME_OFFICE.get(w, w) if i in office and w in _SAME_OFFICE else _SAME_COUNTRY.get(w, w) for i, w in enumerate(words)]
    return " ".join([*keyed, _SAME_OFFICE.get(last, _SAME_COUNTRY.get(last, last) if words else last)])


def office_words(gazetteer: Sequence[EntityConfig]) -> dict[str, frozenset[str]]:
    """The words of each listed person's roles and description, compared as in :func:`role_key`:
    what "the Secretary" or "the top U.S. diplomat" can stand for. Keyed by the person's id and by
    their name, full or surname alone (as an article names them before the entities are resolved)."""
    offices: dict[str, frozenset[str]] = {}
    surnames = Counter(name_key(e.name).split()[-1] for e in gazetteer if e.type == "PERSON")
    for e in gazetteer:
        if e.type != "PERSON" or not (e.roles or e.description):
            continue
        words = frozenset(word for role in (*e.roles, e.description.rstrip(".")) for w in role_key(role).split() for word in (w, _SAME_OFFICE.get(w, w)))
        surname = name_key(e.name).split()[-1]
        for key in (e.id, name_key(e.name), *(name_key(a) for a in e.aliases), *([surname] if surnames[surname] == 1 else [])):
            offices[key] = words
    return offices


def _is_role(entity: EntityConfig) -> bool:
    """A person's description short enough to be what articles call them ("Kremlin spokesman.")."""
    description = entity.description.rstrip(".")
    return entity.type == "PERSON" and bool(description) and "," not in description and len(description.split()) <= 5


@dataclass
class _Candidate:
    articles: set[str]
    labels: Counter = field(default_factory=Counter)
    forms: Counter = field(default_factory=Counter)
    """Each form of the name (cleaned), with its mentions."""
    mentions: int = 0


class Resolver:
    """Maps every name the articles use to a canonical entity id."""

    def __init__(self, gazetteer: Sequence[EntityConfig], names: Iterable[tuple[str, str]], initialisms: Iterable[tuple[str, str]] = ()) -> None:
        """``names``: every (name as written, spaCy label) in the articles; ``initialisms``: (short form, name)
        as an article introduces one ("the Centre for Research on Energy and Clean Air (CREA)")."""
        self.gazetteer = {e.id: e for e in gazetteer}
        self.key_to_id: dict[str, str] = {}
        self.speaker_key_to_id: dict[str, str] = {}
        self.seen: set[str] = set()
        for e in gazetteer:
            for alias in (e.name, *e.aliases):
                self.key_to_id[name_key(alias)] = e.id
            for alias in (*e.speaker_aliases, *e.roles):
                self.speaker_key_to_id[role_key(alias)] = e.id
            # A speaker may put a listed name another way: "Ukraine's military" is "the Ukrainian military".
            for alias in e.aliases:
                self.speaker_key_to_id.setdefault(role_key(alias), e.id)
        # A person's one-line description is a role too ("Kremlin spokesman", "EU foreign policy chief"),
        # unless two people share it.
        described = Counter(role_key(e.description.rstrip(".")) for e in gazetteer if _is_role(e))
        for e in gazetteer:
            key = role_key(e.description.rstrip("."))
            if _is_role(e) and described[key] == 1:
                self.speaker_key_to_id.setdefault(key, e.id)
        listed = set(self.key_to_id)  # the gazetteer's names and aliases
        self._discover(names)
        # A short form every article that introduces it gives for the same name, and the gazetteer does not list.
        meanings: dict[str, set[str]] = defaultdict(set)
        for short, name in initialisms:
            meanings[name_key(short)].add(self.entity(name) or "")
        for short, ids in meanings.items():
            if len(ids) == 1 and short not in listed and (target := next(iter(ids))):
                self.key_to_id[short] = target

    def _discover(self, names: Iterable[tuple[str, str]]) -> None:
        labels: dict[str, Counter] = defaultdict(Counter)
        for (name, label), count in Counter(names).items():
            key = name_key(name)
            self.seen.add(key)
            if key and key not in self.key_to_id:
                labels[key][label] += count
        self._institutions_either_way(labels)
        full_names = [k for k, c in labels.items() if c["PERSON"] and len(k.split()) >= 2]
        # Surnames of the gazetteer's people count as known full names too.
        people = {name_key(e.name): e.id for e in self.gazetteer.values() if e.type == "PERSON" and len(e.name.split()) >= 2}
        by_surname: dict[str, set[str]] = defaultdict(set)
        for key in people:
            by_surname[key.split()[-1]].add(people[key])
        for key in sorted(full_names, key=lambda k: (-len(k), k)):
            first, surname = key.split()[0], key.split()[-1]
            same = [other for other in sorted(by_surname.get(surname, ())) if _first_names_agree(first, self._first_name(other))]
            target = same[0] if same else entity_id(key)
            self.key_to_id.setdefault(key, target)
            by_surname[surname].add(target)
        surnames = {s: ids for s, ids in by_surname.items() if len(ids) == 1}
        self.surnames = {s: next(iter(ids)) for s, ids in surnames.items()}
        # Indexed by squeezed spelling: comparing every name with every surname grows with their product.
        by_squeezed: dict[str, list[str]] = defaultdict(list)
        for s in surnames:
            by_squeezed[_squeeze(s)].append(s)
        for key in sorted(labels):
            if key in self.key_to_id or " " in key or not labels[key].keys() & {"PERSON", "ORG", "GPE"}:
                continue
            if key in surnames:
                self.key_to_id[key] = next(iter(surnames[key]))
                continue
            close = by_squeezed.get(_squeeze(key), [])
            if len(close) == 1:
                self.key_to_id[key] = next(iter(surnames[close[0]]))

    def _institutions_either_way(self, labels: dict[str, Counter]) -> None:
        """ "The Turkish Ministry of Transport" and "the Turkish Transport Ministry", "the Department of Justice" and
        "the Justice Department": one institution, whichever way an article puts its name."""
        for key in sorted(labels.keys() | self.key_to_id.keys()):
            turned = _name_turned(key)
            if turned is None or (key in labels and not labels[key]["ORG"]):
                continue
            if turned in self.key_to_id or labels.get(turned, Counter())["ORG"]:
                target = self.key_to_id.get(key) or self.key_to_id.get(turned) or entity_id(key)
                self.key_to_id.setdefault(key, target)
                self.key_to_id.setdefault(turned, target)

    def _first_name(self, entity: str) -> str:
        if entity in self.gazetteer:
            return name_key(self.gazetteer[entity].name).split()[0]
        return entity.split("-")[0]

    def entity(self, name: str) -> str | None:
        """The id of the entity ``name`` stands for, if it is one."""
        key = name_key(name)
        return self.key_to_id.get(key) or (entity_id(key) if key else None)

    def speaker(self, name: str, entity: str | None) -> str | None:
        """The id of the entity a speaker is, or None for a described source ("a senior official")."""
        key = name_key(name)
        if role_key(name) in self.speaker_key_to_id:
            return self.speaker_key_to_id[role_key(name)]
        # "Ukrainian President Volodymyr Zelenskyy's office": the role "Zelenskyy's office", the possessor's titles and
        # first names aside.
        # (Not "the head of the President's Office": the possessor is a name.)
        owned = re.search(r"(?P<owner>[^\s']+)'s \S.*$", role_key(name))
        if owned and owned.group() in self.speaker_key_to_id and (owned["owner"] in self.surnames or owned["owner"] in self.key_to_id):
            return self.speaker_key_to_id[owned.group()]
        # "the company said", "the group said": a description (no capital once "the" is off), even if a heading once named
        # "Company", or a name elsewhere ends in the word ("Alfa Group").
        capitalised = any(w[:1].isupper() for w in clean_name(name).split())
        named = (self.key_to_id.get(key) or self.surnames.get(key)) if capitalised else None
        if entity or named:
            return named or entity
        return entity_id(key) if key in self.seen and capitalised else None


#: A short form in brackets right after an organisation's name: "the Centre for Research on Energy and Clean Air (CREA)".
_INITIALISM = re.compile(r"\s*\((?P<short>[A-Z][A-Z&]{1,7})\)")


def _initialisms(text: str, mentions: Sequence[Mention]) -> Iterator[tuple[str, str]]:
    """(short form, name) for each organisation ``text`` names with its initials in brackets after it; the short
    form starts as the name does, its "The" aside ("Organization of the Petroleum Exporting Countries (OPEC)")."""
    for mention in mentions:
        if mention.label != "ORG":
            continue
        at = text.find(mention.text)
        m = _INITIALISM.match(text, at + len(mention.text)) if at >= 0 else None
        first = clean_name(mention.text)[:1]
        if m and first and m.group("short")[0] == first.upper():
            yield m.group("short"), mention.text


#: Small words an organisation's initials leave out: "International Atomic Energy Agency" is the IAEA.
_UNSPELLED = frozenset({"of", "the", "and", "for", "on", "in", "&"})


def _initials_used(names: set[str]) -> Iterator[tuple[str, str]]:
    """(short form, name) for each organisation an article names in full and by its initials, without brackets ("The
    International Olympic Committee has disqualified … the IOC issued a statement"), given the article's organisations'
    names (cleaned): the only name whose initials spell an all-capital name of three to six letters it also gives."""
    for short in sorted(n for n in names if re.fullmatch(r"[A-Z]{3,6}", n)):
        spelled = [n for n in names if len(n.split()) >= 3 and "".join(w[0] for w in n.split() if w.lower() not in _UNSPELLED) == short]
        if len(spelled) == 1 and all(w[0].isupper() for w in spelled[0].split() if w.lower() not in _UNSPELLED):
            yield short, spelled[0]


#: An institution named with "of": "turkish ministry of transport", "u.s. department of the treasury".
_INSTITUTION_OF = re.compile(r"^(?P<before>(?:\S+ )*?)(?P<kind>ministry|department|office) of (?:the )?(?P<what>\S+(?: \S+){0,2})$")


def _name_turned(key: str) -> str | None:
    """An institution's name key put the other way: "turkish ministry of transport" -> "turkish transport ministry";
    None for any other name (and for "ministry of defence of russia": its "of" names a country)."""
    m = _INSTITUTION_OF.match(key)
    if m is None or " of " in f" {m['what']} ":
        return None
    return f"{m['before']}{m['what']} {m['kind']}"


def _squeeze(word: str) -> str:
    """A spelling with every run of a letter written once: "zelenskyyy" -> "zelensky"."""
    return re.sub(r"(.)\1+", r"\1", word)


def _first_names_agree(a: str, b: str) -> bool:
    """ "dan" and "daniel" agree; "dan" and "david" do not. So do two romanisations of one name that differ by
    "y" for "i" and doubled letters ("kyrylo" and "kirill", "andriy" and "andrii", "mykhailo" and "mikhail")."""
    a, b = (_squeeze(name.replace("y", "i")) for name in (a, b))
    return a.startswith(b) or b.startswith(a)


def resolve_entities(analysed: Sequence[AnalysedArticle], gazetteer: Sequence[EntityConfig]) -> tuple[tuple[AnalysedArticle, ...], tuple[Entity, ...]]:
    """Give every mention and speaker its canonical entity; list the entities, most mentioned first."""
    # Resolving makes hundreds of thousands of objects and no cycle: collections would only walk them again and again.
    with no_collection():
        return _resolve(analysed, gazetteer)


def _resolve(analysed: Sequence[AnalysedArticle], gazetteer: Sequence[EntityConfig]) -> tuple[tuple[AnalysedArticle, ...], tuple[Entity, ...]]:
    names = [(m.text, m.label) for a in analysed for s in a.sentences for m in s.mentions if m.label in ENTITY_LABELS]
    initialisms = [found for a in analysed for s in a.sentences if "(" in s.text for found in _initialisms(s.text, s.mentions)]
    # Initials used without brackets count only where every article that uses them spells them: one that does not may
    # mean another body by them ("AFP", the wire, beside "the Armed Forces of the Philippines (AFP)" elsewhere).
    organisations = [{clean_name(m.text) for s in a.sentences for m in s.mentions if m.label == "ORG"} for a in analysed]
    spelled = [dict(_initials_used(names)) for names in organisations]
    unspelled = {name_key(n) for names, pairs in zip(organisations, spelled) for n in names if n not in pairs}
    # (Initials some article gives in brackets keep the meaning the brackets give: "FAO" spelled "Food & Agriculture
    # Organisation" in one article is not a second meaning of the "Food and Agriculture Organisation (FAO)" of another.)
    bracketed = {name_key(short) for short, _ in initialisms}
    initialisms += [(short, name) for pairs in spelled for short, name in pairs.items() if name_key(short) not in unspelled | bracketed]
    resolver = Resolver(gazetteer, names, initialisms)
    # Each name is resolved once, and its mentions share the result; what resolving leaves as it was
    # is not copied (at 2,225 articles, 92,000 mentions name 21,000 names, and copies took most of the time).
    resolved: dict[tuple[str, str], Mention] = {}

    def resolve(m: Mention) -> Mention:
        if m.entity or m.label not in ENTITY_LABELS:
            return m
        name = (m.text, m.label)
        shared = resolved.get(name)
        if shared is None:
            entity = resolver.entity(m.text)
            shared = resolved[name] = replace(m, entity=entity) if entity else m
        return shared

    # Mentions of each (entity, label, name as written), in the order first named; counted into entities below.
    named: dict[tuple[str, str, str], int] = {}
    named_in: dict[str, set[str]] = defaultdict(set)
    # Listed entities that speak under a speaker alias only ("Moscow said" is Russia's government): listed too.
    spoke_in: dict[str, set[str]] = defaultdict(set)
    result = []
    for article in analysed:
        mentioned = [tuple(map(resolve, s.mentions)) for s in article.sentences]
        in_full = _named_in_full(mentioned)
        offices = _offices_held(resolver, (a.speaker for s in article.sentences for a in s.attributions))
        sentences = []
        for s, found in zip(article.sentences, mentioned):
            if not (s.mentions or s.attributions):
                sentences.append(s)
                continue
            mentions = tuple(_in_article(m, in_full) for m in found)
            attributions = (
                tuple(
                    _spoken_by(a, _full_name(a.speaker, resolver.speaker(a.speaker, a.entity), in_full) or offices.get(role_key(a.speaker)))
                    for a in s.attributions
                )
                if s.attributions
                else ()
            )
            for a in attributions:
                if a.entity in resolver.gazetteer:
                    spoke_in[a.entity].add(article.article.id)
            # spaCy's entities in headings are mostly capitalised words, not names: not counted.
            for m in mentions if s.kind != "heading" else ():
                if m.entity and m.label in ENTITY_LABELS:
                    key = (m.entity, m.label, m.text)
                    named[key] = named.get(key, 0) + 1
                    named_in[m.entity].add(article.article.id)
            # What resolving leaves as it was is the object it was given.
            unchanged = all(map(operator.is_, mentions, s.mentions)) and all(map(operator.is_, attributions, s.attributions))
            sentences.append(s if unchanged else replace(s, mentions=mentions, attributions=attributions))
        result.append(replace(article, sentences=tuple(sentences)))
    candidates: dict[str, _Candidate] = {}
    for (entity, label, text), count in named.items():
        candidate = candidates.get(entity) or candidates.setdefault(entity, _Candidate(named_in[entity]))
        candidate.labels[label] += count
        candidate.forms[clean_name(text)] += count
        candidate.mentions += count
    for entity in sorted(spoke_in.keys() - candidates.keys()):
        candidates[entity] = _Candidate(spoke_in[entity])
    entities = [_entity(i, c, resolver.gazetteer.get(i)) for i, c in candidates.items()]
    entities.sort(key=lambda e: (-e.mentions, e.name.casefold(), e.id))
    return tuple(result), tuple(entities)


def _offices_held(resolver: Resolver, speakers: Iterable[str]) -> dict[str, str]:
    """The listed entity each office word stands for in one article, where one alone spoke under a listed role with
    that office: after "The President of Ukraine stated …", "The President reported …" is Zelenskyy too."""
    holders: dict[str, set[str]] = defaultdict(set)
    for speaker in speakers:
        key = role_key(speaker)
        words = key.split()
        if len(words) > 1 and (entity := resolver.speaker_key_to_id.get(key)):
            # (The office is the last word, or the word before "of", as role_key puts it.)
            holders[words[words.index("of") - 1] if "of" in words[1:] else words[-1]].add(entity)
    return {office: next(iter(entities)) for office, entities in holders.items() if len(entities) == 1}


def _named_in_full(resolved: Iterable[tuple[Mention, ...]]) -> dict[str, str]:
    """The surnames of the people an article names in full (``resolved``: its sentences' mentions,
    resolved), each of one person only: "Tony Blair", then "Mr Blair"; and the short names of the
    companies and newspapers it names in full ("Carlyle" of "The Carlyle Group", "Journal" of "The Wall Street
    Journal").

    A surname two people of the whole briefing bear ("Blair": Tony, Cherie, Ian) is no one's
    there (:class:`Resolver`), but in an article that names one of them in full it is that one.
    """
    named: dict[str, set[str]] = defaultdict(set)
    for m in (m for mentions in resolved for m in mentions):
        if m.label == "PERSON" and m.entity and len(words := name_key(m.text).split()) >= 2:
            named[words[-1]].add(m.entity)
        # "The Carlyle Group", then "Carlyle stated": a company by its name without the word for a company.
        if m.label == "ORG" and m.entity and len(words := name_key(m.text).split()) == 2 and words[1] in COMPANY_WORDS:
            named[words[0]].add(m.entity)
        # "The Wall Street Journal", then "the Journal reported": a paper by the last word of its name.
        if m.label == "ORG" and m.entity and len(words := name_key(m.text).split()) >= 2 and words[-1] in MASTHEAD_WORDS:
            named[words[-1]].add(m.entity)
    return {short: next(iter(ids)) for short, ids in named.items() if len(ids) == 1}


def _full_name(name: str, entity: str | None, in_full: dict[str, str]) -> str | None:
    """``entity``, or the person (company, paper) the article names in full when ``entity`` is only the surname (short name)
    ``name`` (see :func:`_named_in_full`)."""
    key = name_key(name)
    return in_full.get(key, entity) if in_full and entity == entity_id(key) else entity


def _in_article(m: Mention, in_full: dict[str, str]) -> Mention:
    """The resolved mention ``m``, its entity the person or company the article names in full if it is their short name."""
    entity = _full_name(m.text, m.entity, in_full) if m.label in ("PERSON", "ORG") else m.entity
    return m if entity == m.entity else replace(m, entity=entity)


def _spoken_by(attribution: Attribution, entity: str | None) -> Attribution:
    return attribution if attribution.entity == entity else replace(attribution, entity=entity)


def _entity(entity: str, candidate: _Candidate, listed: EntityConfig | None) -> Entity:
    if listed:
        name, kind, description = listed.name, listed.type, listed.description
    else:
        # The longest form is the fullest name ("Boris Bondarev", not "Bondarev"); of forms as long, the most
        # written ("US", not the "Us" opening a sentence); never one with a word glued to it ("ofNew Labour").
        name = max(candidate.forms, key=lambda f: (not _GLUED.search(f), len(f.split()), len(f), candidate.forms[f], f))
        kind = "PERSON" if candidate.labels["PERSON"] and len(name.split()) >= 2 else candidate.labels.most_common(1)[0][0]
        description = ""
    aliases = set(candidate.forms) | (set(listed.aliases) if listed else set())
    return Entity(
        id=entity,
        name=name,
        type=kind,
        description=description,
        # Then by the form itself: forms one case apart ("Al-Qaeda", "al-Qaeda") would otherwise keep the set's order.
        aliases=tuple(sorted(aliases - {name}, key=lambda alias: (alias.casefold(), alias))),
        mentions=candidate.mentions,
        articles=tuple(sorted(candidate.articles)),
    )
