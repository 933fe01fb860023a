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

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from itertools import chain
from pathlib import Path

import numpy as np

from briefing.content import UNNAMED_SOURCE, Article, Family, Paragraph, site_of, source_label
from briefing.findings.similarity import positions_in_runs
from briefing.packs import Pack

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

#: The pack in the findings' kept folder that keeps each article's words (see :func:`_words`).
WORDS_PACK = "words.pack"

_QUOTED = re.compile(r"[“\"][^”\"]{0,2000}[”\"]")
_WORD = re.compile(r"[\w’']+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def source_families(articles: Sequence[Article], wire_names: Sequence[tuple[str, str]], kept: Path | None = None) -> tuple[Family, ...]:
    """Group ``articles`` into families of one piece of reporting, in article order.

    ``kept`` is a folder where each article's words are kept for the next build (:func:`_words`);
    the families are the same with it or without."""
    words = _words(articles, kept)
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

    for i, j in _sharing_passages([whole for whole, _ in words]):
        join(i, j, "shares long passages word for word")

    wires = dict((name.casefold(), wire) for name, wire in wire_names)
    carried: dict[int, str] = {}
    sentences = _Sentences([of_sentences for _, of_sentences in words])
    for i, wire, run in _wire_runs(articles, wires):
        for j in sentences.holding(set().union(*run)):
            if j != i and _copied(run, sentences[j]) >= WIRE_RUN:
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
    """ "AP via Live Mint" for a wire's text, else the publisher, else :data:`UNNAMED_SOURCE`."""
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


def _words(articles: Sequence[Article], kept: Path | None) -> list[tuple[list[str], list[list[str]]]]:
    """Each article's words outside quotation marks: of its whole text, and of each of its sentences
    long enough to hold a shingle.

    Finding them is most of the families' work, and an article's words depend on its paragraphs
    alone: ``kept``'s pack keeps them by a digest of the paragraphs, so a rebuild finds only the
    new articles' words (words hold no white space, so each list is kept as one string)."""
    pack = Pack(kept / WORDS_PACK if kept is not None else None, _words_version())
    names = [_digest(article) for article in articles]
    new: dict[str, tuple[str, str]] = {}
    out = []
    for article, name in zip(articles, names):
        found = pack.get(name)
        if not (isinstance(found, tuple) and len(found) == 2):
            found = new[name] = (
                " ".join(_unquoted_words(article.text)),
                "\n".join(" ".join(words) for words in _sentence_words(article.paragraphs)),
            )
        whole, sentences = found
        out.append((whole.split(), [line.split() for line in sentences.split("\n") if line]))
    pack.write(names, new)
    return out


def _digest(article: Article) -> str:
    """The name of an article's words in the pack: a digest of its paragraphs, all its words depend on."""
    return hashlib.blake2b(repr(tuple(p.text for p in article.paragraphs)).encode(), digest_size=16).hexdigest()


def _words_version() -> str:
    """What the kept words were found with: this module's code."""
    code = resources.files("briefing.findings").joinpath("families.py").read_bytes()
    return "families words " + hashlib.blake2b(code, digest_size=16).hexdigest()


def _sharing_passages(words_of: Sequence[list[str]]) -> list[tuple[int, int]]:
    """The pairs of articles (i < j) whose words ``words_of`` (outside quotation marks) share at least
    :data:`PASSAGE_SHINGLES` word shingles, counting only shingles held by at most :data:`COMMON_SHINGLE` articles.

    Words are numbered and each shingle's numbers packed into a few 64-bit integers, so numpy
    sorts every shingle of every article at once; two shingles are one exactly when their words are.
    """
    number = {word: k for k, word in enumerate(dict.fromkeys(chain.from_iterable(words_of)))}
    holders = [i for i, words in enumerate(words_of) if len(words) >= SHINGLE]
    if not holders:
        return []
    # Every holder's word numbers end to end; a shingle is named by where it starts.
    lengths = np.array([len(words_of[i]) for i in holders], dtype=np.int64)
    flat = np.fromiter(map(number.__getitem__, chain.from_iterable(words_of[i] for i in holders)), dtype=np.uint64, count=int(lengths.sum()))
    shingles = lengths - SHINGLE + 1
    starts = np.repeat(np.cumsum(lengths) - lengths, shingles) + positions_in_runs(shingles)
    owner = np.repeat(np.array(holders), shingles)
    bits = max(len(number).bit_length(), 1)
    per = 64 // bits  # words per packed integer
    packed = []
    for k in range(0, SHINGLE, per):
        part = np.zeros(len(starts), dtype=np.uint64)
        for m in range(min(per, SHINGLE - k)):
            part |= flat[starts + k + m] << np.uint64(m * bits)
        packed.append(part)
    order = np.lexsort((owner, *packed[::-1]))
    packed, owner = np.stack([p[order] for p in packed]), owner[order]
    new = np.ones(len(owner), dtype=bool)
    new[1:] = (packed[:, 1:] != packed[:, :-1]).any(axis=0)
    once = new.copy()  # a shingle an article repeats counts once for it
    once[1:] |= owner[1:] != owner[:-1]
    shingle, owner = (np.cumsum(new) - 1)[once], owner[once]
    held = np.bincount(shingle)[shingle]
    common = (held > 1) & (held <= COMMON_SHINGLE)
    shingle, owner, held = shingle[common], owner[common], held[common]
    begins = np.flatnonzero(np.diff(shingle, prepend=-1))  # each shingle's holders, ascending
    n = len(words_of)
    keys = [np.empty(0, dtype=np.int64)]
    for size in np.unique(held[begins]).tolist():
        lists = owner[begins[held[begins] == size][:, None] + np.arange(size)]
        earlier, later = np.triu_indices(size, 1)
        keys.append((lists[:, earlier] * n + lists[:, later]).ravel())
    pairs, shared = np.unique(np.concatenate(keys), return_counts=True)
    return [divmod(int(key), n) for key in pairs[shared >= PASSAGE_SHINGLES]]


class _Sentences:
    """Each article's sentences as trigram sets (:func:`_trigrams`) of their words (see
    :func:`_words`), made only for the articles a wire credit's trigrams are found in: most
    briefings have no credit."""

    def __init__(self, words: Sequence[list[list[str]]]) -> None:
        self.words = words
        self._of: dict[int, list[set[tuple[str, ...]]]] = {}
        self._held: list[set[tuple[str, ...]]] = []

    def __getitem__(self, j: int) -> list[set[tuple[str, ...]]]:
        if j not in self._of:
            self._of[j] = _trigrams(self.words[j])
        return self._of[j]

    def holding(self, trigrams: set[tuple[str, ...]]) -> list[int]:
        """The articles with a sentence that shares a trigram with ``trigrams``: no other holds a
        copy of one of their sentences (a copy shares some of a sentence's six trigrams or more)."""
        if not self._held:
            self._held = [set(chain.from_iterable(map(_word_trigrams, sentences))) for sentences in self.words]
        return [j for j, held in enumerate(self._held) if not held.isdisjoint(trigrams)]


def _sentence_words(paragraphs: Iterable[Paragraph]) -> list[list[str]]:
    """The words outside quotation marks of each sentence of ``paragraphs`` that holds a shingle."""
    out = []
    for paragraph in paragraphs:
        for sentence in _SENTENCE.split(paragraph.text):
            words = _unquoted_words(sentence)
            if len(words) >= SHINGLE:
                out.append(words)
    return out


def _trigrams(sentences: Iterable[list[str]]) -> list[set[tuple[str, ...]]]:
    """Each sentence (as its words) as its set of word trigrams."""
    return [set(_word_trigrams(words)) for words in sentences]


def _word_trigrams(words: list[str]) -> Iterator[tuple[str, ...]]:
    return zip(words, words[1:], words[2:])


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
                yield i, wire, _trigrams(_sentence_words(paragraphs[k : k + 3]))


def _copied(run: list[set[tuple[str, ...]]], other: list[set[tuple[str, ...]]]) -> int:
    """How many sentences of ``run`` have a (lightly edited) copy among ``other``'s."""
    return sum(1 for sentence in run if any(len(sentence & candidate) >= COPY_TRIGRAMS * min(len(sentence), len(candidate)) for candidate in other))
