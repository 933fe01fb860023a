"""What the last full scan of the same-fact pairs found, kept for the next build (``.briefing/grouping/``).

A build that adds one article to thousands need not score millions of candidate
pairs again. Only a few kinds of evidence depend on the briefing's other
sentences: the IDF weights of lemmas (words, contained, containing) and of
entities (names), and which lemmas are too common to propose pairs. The rest
of a pair's evidence depends on its two sentences alone, so a pair of
unchanged sentences can move only as far as those weights move.

A full scan keeps the **reference**: a key for each sentence (its article and
everything the evidence reads of it), the IDF state (how many sentences hold
each lemma and entity) and every candidate pair that came within
:data:`KEEP` of the cut :func:`~briefing.findings.similarity.score_pairs`
keeps pairs at, with how close it came. A later build compares its sentences
with the reference and chooses a margin ``m`` among :data:`MARGINS`:

- a sentence is **touched** when it is new (no reference sentence has its key)
  or holds a lemma or entity whose IDF weight moved by a factor beyond
  ``e^±ρ`` (:func:`drift_allowed` for ``m``) or that crossed the common-lemma cap;
- between two untouched sentences, every weight moved by at most ``e^±ρ``, so
  the TF-IDF cosines and shares move by at most ``e^4ρ - 1`` and ``e^2ρ - 1``,
  the logistic model's probability by at most a quarter of the weighted sum of
  those (its slope is at most 1/4), plus the rounding to six places: less than
  ``m``. A pair that was not within ``m`` of the cut then cannot reach it now,
  and it is still a candidate exactly when it was one;
- so scoring the close pairs of untouched sentences and every candidate pair of
  a touched sentence scores every pair the full scan would keep, each exactly as
  the full scan scores it (a pair's evidence does not depend on the pairs scored
  with it). The grouping that follows gets the very same pairs.

A wider margin scores more close pairs again and touches fewer sentences; the
build takes the margin with the fewest pairs to score. When even that one
touches more than :data:`TOUCHED_SHARE` of the sentences (the vocabulary
drifted: many articles added since the reference, or a small briefing), or the
model or the code changed, the build scans every pair and keeps a new reference.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TypeVar

import numpy as np

from briefing import __version__
from briefing.content import Sentence
from briefing.findings.similarity import FEATURES, SameFact, Scanned, common_lemma_limit, score_pairs
from briefing.workers import Forked

#: The margins a rebuild chooses from (probability below the cut): a larger one scores more pairs
#: again in every rebuild, and lets the IDF weights drift further before a full scan.
MARGINS = (0.02, 0.05, 0.1, 0.15)
#: How close to the cut a pair must come for the reference to keep it.
KEEP = MARGINS[-1]
#: A build that touches more than this share of the sentences scans every pair again.
TOUCHED_SHARE = 0.2
#: The evidence that reads IDF weights: of lemmas (a cosine, two shares) and of entities (a cosine).
_COSINES, _SHARES = ("words", "names"), ("contained", "containing")
#: Six places of rounding, on each piece of evidence and on the probability.
_ROUNDING = 1e-6
_FILE = "reference.npz"
#: How the last scan went: "full" or "incremental", sentences touched, pairs scored.
LAST_SCAN = "last-scan.json"
#: From this many sentences on, their keys are worked out in a forked process (a fork costs about as much as 2,000 keys).
PARALLEL_KEYS = 5000
T = TypeVar("T")


def scan(same: SameFact, articles: Sequence[str], folder: Path | None, keys: Sequence[bytes] | None = None) -> Scanned:
    """The pairs a full scan of ``same``'s candidate pairs keeps (see :func:`score_pairs`), scored
    again only where the reference in ``folder`` cannot vouch for them. ``folder``'s ``last-scan.json``
    tells how the last scan went. ``keys`` are the sentences' :func:`sentence_keys`, if already known."""
    if folder is None:
        return score_pairs(same, articles, *same.candidates())
    if keys is None:
        keys = sentence_keys(same.sentences, same.meanings, articles)
    reference = Reference.load(folder / _FILE, version(same))
    plan = reference.plan(same, keys) if reference else None
    if plan is not None:
        scanned = score_pairs(same, articles, plan.first, plan.second)
        account = {"scan": "incremental", "margin": plan.margin, "touched": plan.touched, "scored": len(plan.first)}
    else:
        first, second = same.candidates()
        scanned = score_pairs(same, articles, first, second, margin=KEEP)
        Reference.of(same, keys, len(first), scanned.close).save(folder / _FILE, version(same))
        account = {"scan": "full", "touched": len(keys), "scored": len(first), "close": len(scanned.close[0])}
    account |= {"sentences": len(keys), "alike": len(scanned.alike), "disputed": len(scanned.disputed)}
    (folder / LAST_SCAN).write_text(json.dumps(account, indent=1) + "\n", encoding="utf-8")
    return scanned


@dataclass
class Plan:
    """The pairs an incremental scan scores (ordered by first, then second), and why."""

    first: np.ndarray
    second: np.ndarray
    margin: float
    touched: int


def sentence_keys(sentences: Sequence[Sentence], meanings: np.ndarray, articles: Sequence[str]) -> list[bytes]:
    """A key for each sentence: its article and all the evidence reads of it (text, lemmas,
    entities, figures, speakers, meaning: a float32 row, as :class:`SameFact` holds it)."""
    return [
        _digest(repr((article, s.text, s.lemmas, *(_fields(parts) for parts in (s.mentions, s.numbers, s.attributions)))).encode(), meaning)
        for article, s, meaning in zip(articles, sentences, meanings)
    ]


def keyed_while(sentences: Sequence[Sentence], meanings: np.ndarray, articles: Sequence[str], meanwhile: Callable[[], T]) -> tuple[list[bytes], T]:
    """:func:`sentence_keys`, worked out in a forked process while this one does ``meanwhile`` (building
    the :class:`SameFact` of the same sentences, say), when there are enough sentences."""
    if len(sentences) < PARALLEL_KEYS:
        return sentence_keys(sentences, meanings, articles), meanwhile()
    with Forked(lambda: sentence_keys(sentences, meanings, articles)) as keys:
        done = meanwhile()
        return keys.result(), done


def _digest(text: bytes, meaning: np.ndarray) -> bytes:
    digest = hashlib.blake2b(text, digest_size=16)
    digest.update(meaning)  # the row's bytes as they are, not a copy
    return digest.digest()


def _fields(parts: Sequence[object]) -> list[tuple]:
    """Every field of each of ``parts`` (mentions, figures, attributions): as plain values, whose
    ``repr`` is many times quicker than the dataclasses'."""
    return [tuple(vars(part).values()) for part in parts]


def version(same: SameFact) -> str:
    """What a reference was computed with: the release, the model and the code that scores pairs."""
    code = b"".join(resources.files("briefing.findings").joinpath(name).read_bytes() for name in ("similarity.py", "memory.py"))
    return hashlib.blake2b(repr((__version__, same.model)).encode() + code, digest_size=16).hexdigest()


def drift_allowed(same: SameFact, margin: float) -> float:
    """The largest ρ such that IDF weights that each moved by a factor within ``e^±ρ`` move no
    probability by ``margin`` (see the module's docstring)."""
    weights = dict(zip(FEATURES, same.model.weights))

    def moved(rho: float) -> float:
        evidence = sum(abs(weights[f]) * (math.expm1(4 * rho) + _ROUNDING) for f in _COSINES)
        evidence += sum(abs(weights[f]) * (math.expm1(2 * rho) + _ROUNDING) for f in _SHARES)
        return evidence / 4 + _ROUNDING

    low, high = 0.0, 1.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if moved(middle) < margin * 0.99 else (low, middle)
    return low


@dataclass
class Reference:
    """The sentences, IDF state and close pairs of the last full scan."""

    keys: list[bytes]
    lemmas: dict[str, int]
    """How many of the reference's sentences hold each lemma."""
    names: dict[str, int]
    """... and each entity."""
    candidates: int
    """How many candidate pairs the full scan scored."""
    first: np.ndarray
    second: np.ndarray
    """The close pairs, as positions in ``keys``..."""
    reach: np.ndarray
    """... and how far each reached past the cut (at least ``-KEEP``)."""

    @classmethod
    def of(cls, same: SameFact, keys: list[bytes], candidates: int, close: tuple[np.ndarray, np.ndarray, np.ndarray]) -> Reference:
        lemmas = dict(zip(same.lemmas.vocabulary, same.lemmas.df.tolist()))
        return cls(keys, lemmas, dict(zip(same.names.vocabulary, same.names.df.tolist())), candidates, *close)

    @classmethod
    def load(cls, path: Path, version: str) -> Reference | None:
        """The reference in ``path``, or None when there is none or another version wrote it."""
        try:
            with np.load(path) as data:
                if str(data["version"]) != version:
                    return None
                return cls(
                    data["keys"].view("V16").ravel().tolist(),
                    dict(zip(data["lemmas"].tolist(), data["lemma_counts"].tolist())),
                    dict(zip(data["names"].tolist(), data["name_counts"].tolist())),
                    int(data["candidates"]),
                    data["first"].astype(np.int64),
                    data["second"].astype(np.int64),
                    data["reach"],
                )
        except (OSError, ValueError, KeyError):
            return None

    def save(self, path: Path, version: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.npz")
        np.savez_compressed(
            partial,
            version=np.array(version),
            keys=np.frombuffer(b"".join(self.keys), dtype=np.uint8).reshape(-1, 16),
            lemmas=np.array(list(self.lemmas), dtype=str),
            lemma_counts=np.array(list(self.lemmas.values()), dtype=np.int64),
            names=np.array(list(self.names), dtype=str),
            name_counts=np.array(list(self.names.values()), dtype=np.int64),
            candidates=np.array(self.candidates),
            first=self.first.astype(np.int32),
            second=self.second.astype(np.int32),
            reach=self.reach,
        )
        partial.replace(path)  # a build killed while writing leaves the old reference whole

    def plan(self, same: SameFact, keys: list[bytes]) -> Plan | None:
        """The pairs to score so that every pair a full scan keeps is scored, at the margin that
        scores fewest; None when every margin touches too many sentences."""
        n = len(keys)
        # A key held twice (an article that repeats a sentence word for word) names no one sentence.
        unique = {k for k, count in Counter(keys).items() if count == 1} - {k for k, count in Counter(self.keys).items() if count > 1}
        where = {k: i for i, k in enumerate(self.keys) if k in unique}
        reference_of = np.array([where.get(k, -1) for k in keys], dtype=np.int64)
        drift = self._drift(same, reference_of)
        current = np.full(len(self.keys), -1, dtype=np.int64)
        current[reference_of[reference_of >= 0]] = np.flatnonzero(reference_of >= 0)
        a, b = current[self.first], current[self.second]
        vouched = (a >= 0) & (b >= 0)
        a, b, reach = np.minimum(a, b)[vouched], np.maximum(a, b)[vouched], self.reach[vouched]
        pairs_per_sentence = 2 * self.candidates / max(len(self.keys), 1)
        best = None
        for margin in MARGINS:
            touched = drift > drift_allowed(same, margin)
            close = (reach >= -margin) & ~touched[a] & ~touched[b]
            cost = np.count_nonzero(close) + pairs_per_sentence * np.count_nonzero(touched)
            if np.count_nonzero(touched) <= TOUCHED_SHARE * n and (best is None or cost < best[0]):
                best = (cost, margin, touched, close)
        if best is None:
            return None
        _, margin, touched, close = best
        first, second = same.candidates(touching=touched)
        keys = np.unique(np.concatenate([a[close] * n + b[close], first * n + second]))
        return Plan(*np.divmod(keys, n), margin, int(np.count_nonzero(touched)))

    def _drift(self, same: SameFact, reference_of: np.ndarray) -> np.ndarray:
        """How far (ρ) the IDF weights of each sentence's lemmas and entities moved at most since
        the reference; infinite for a new sentence or one with a lemma that crossed the common-lemma cap."""
        n = len(reference_of)
        drift = np.where(reference_of < 0, np.inf, 0.0)
        now_limit, then_limit = common_lemma_limit(n), common_lemma_limit(len(self.keys))
        for terms, counts in ((same.lemmas, self.lemmas), (same.names, self.names)):
            then = np.array([counts.get(term, 0) for term in terms.vocabulary], dtype=np.int64)
            with np.errstate(divide="ignore"):
                moved = np.abs(np.log(terms.idf / (np.log((1 + len(self.keys)) / (1 + then)) + 1)))
            moved[then == 0] = np.inf
            if terms is same.lemmas:
                moved[(terms.df <= now_limit) != (then <= then_limit)] = np.inf
            np.maximum.at(drift, terms.row, moved[terms.term])
        return drift
