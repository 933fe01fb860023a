"""Source families: which articles are one piece of reporting, so corroboration counts
independent reporting, not copies.

Articles are one family when they come from the same site (outlet, publisher or URL
domain), when they share long verbatim passages outside quotation marks (quoting the same
statement is not copying), or when one credits a wire ("According to AP, ...") and the
sentences that follow are another article's. A family that holds a wire's text is named
after the wire and the outlets that carried it ("AP via Live Mint"). Articles of unknown
outlet that no family claims are "an unnamed source": together they count once, so they
never inflate an independence count.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

from briefing.content import UNNAMED_SOURCE, Article, Family, Paragraph, site_of, source_label

#: Words per shingle: a run this long shared word for word is copied text, not a common phrase.
SHINGLE = 8
#: Shared shingles that make two articles one family: a passage of about three sentences.
PASSAGE_SHINGLES = 20
#: A shingle in more articles than this is boilerplate; it proves nothing about copying.
COMMON_SHINGLE = 50
#: Sentences after an "According to AP," that must reappear in another article to make it the wire's text.
WIRE_RUN = 2
#: Share of a sentence's word trigrams another sentence must hold to be its (lightly edited) copy.
COPY_TRIGRAMS = 0.4

_QUOTED = re.compile(r"[“\"][^”\"]{0,2000}[”\"]")
_WORD = re.compile(r"[\w’']+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def source_families(articles: Sequence[Article], wire_names: Sequence[tuple[str, str]]) -> tuple[Family, ...]:
    """Group ``articles`` into families of one piece of reporting, in article order."""
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    reasons: dict[int, set[str]] = defaultdict(set)

    def join(i: int, j: int, reason: str) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
        reasons[i].add(reason)
        reasons[j].add(reason)

    first_of: dict[str, int] = {}
    for i, article in enumerate(articles):
        for key in {k.casefold() for k in (source_label(article), site_of(article.url)) if k}:
            if key in first_of:
                join(first_of[key], i, "same site")
            first_of.setdefault(key, i)

    for (i, j), shared in _shared_passages(articles).items():
        if shared >= PASSAGE_SHINGLES:
            join(i, j, "shares long passages word for word")

    wires = dict((name.casefold(), wire) for name, wire in wire_names)
    carried: dict[int, str] = {}
    for i, wire, run in _wire_runs(articles, wires):
        for j, other in enumerate(articles):
            if j != i and _copied(run, _sentences(other.paragraphs)) >= WIRE_RUN:
                join(i, j, f"carries {wire}'s text")
                carried[i] = carried[j] = wire

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        members[find(i)].append(i)
    wire_set = set(wires.values())
    return tuple(
        Family(
            name=_name([articles[i] for i in group], {carried[i] for i in group if i in carried}, wire_set),
            articles=tuple(articles[i].id for i in group),
            reasons=tuple(sorted({r for i in group for r in reasons[i]})),
        )
        for _, group in sorted(members.items())
    )


def _name(group: list[Article], carried: set[str], wire_set: set[str]) -> str:
    """"AP via Live Mint" for a wire's text, else the publisher, else :data:`UNNAMED_SOURCE`."""
    wires = sorted(carried | {a.publisher for a in group if a.publisher in wire_set})
    carriers = sorted(
        ({a.outlet or site_of(a.url) for a in group if a.publisher in wire_set} | {source_label(a) for a in group if a.publisher not in wire_set})
        - {None, *wires}
    )
    if wires:
        return " and ".join(wires) + (f" via {', '.join(carriers)}" if carriers else "")
    return " / ".join(carriers) if carriers else UNNAMED_SOURCE


def _unquoted_words(text: str) -> list[str]:
    return _WORD.findall(_QUOTED.sub(" ", text).casefold())


def _shared_passages(articles: Sequence[Article]) -> Counter[tuple[int, int]]:
    """For each pair of articles, how many word shingles outside quotation marks they share."""
    holders: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        words = _unquoted_words(article.text)
        for shingle in {tuple(words[k : k + SHINGLE]) for k in range(len(words) - SHINGLE + 1)}:
            holders[shingle].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for held in holders.values():
        if 1 < len(held) <= COMMON_SHINGLE:
            shared.update((a, b) for k, a in enumerate(held) for b in held[k + 1 :])
    return shared


def _sentences(paragraphs: Iterable[Paragraph]) -> list[set[tuple[str, ...]]]:
    """Each sentence of ``paragraphs`` as its set of word trigrams outside quotation marks."""
    out = []
    for paragraph in paragraphs:
        for sentence in _SENTENCE.split(paragraph.text):
            words = _unquoted_words(sentence)
            if len(words) >= SHINGLE:
                out.append(set(zip(words, words[1:], words[2:])))
    return out


def _wire_runs(articles: Sequence[Article], wires: dict[str, str]) -> Iterator[tuple[int, str, list[set[tuple[str, ...]]]]]:
    """(article, wire, the sentences that follow its "According to <wire>,") for every such credit."""
    names = "|".join(re.escape(name) for name in sorted(wires, key=len, reverse=True))
    credit = re.compile(rf"according to (?:the )?(?P<wire>{names})\b", re.I)
    for i, article in enumerate(articles):
        paragraphs = article.paragraphs
        for k, paragraph in enumerate(paragraphs):
            m = credit.match(paragraph.text)
            if m:
                wire = wires[m.group("wire").casefold().removeprefix("the ")]
                yield i, wire, _sentences(paragraphs[k : k + 3])


def _copied(run: list[set[tuple[str, ...]]], other: list[set[tuple[str, ...]]]) -> int:
    """How many sentences of ``run`` have a (lightly edited) copy among ``other``'s."""
    return sum(
        1
        for sentence in run
        if any(len(sentence & candidate) >= COPY_TRIGRAMS * min(len(sentence), len(candidate)) for candidate in other)
    )
