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
:data:`MARGIN` of the cut :func:`~briefing.findings.similarity.score_pairs`
keeps pairs at (the *close* pairs). A later build compares its sentences with
the reference:

- a sentence is **touched** when it is new (no reference sentence has its key)
  or holds a lemma or entity whose IDF weight moved by a factor beyond
  ``e^±ρ`` (:func:`drift_allowed`) or that crossed the common-lemma cap;
- between two untouched sentences, every weight moved by at most ``e^±ρ``, so
  the TF-IDF cosines and shares move by at most ``e^4ρ - 1`` and ``e^2ρ - 1``,
  the logistic model's probability by at most a quarter of the weighted sum of
  those (its slope is at most 1/4), plus the rounding to six places: less than
  :data:`MARGIN`. A pair that was not close then cannot reach the cut now, and
  it is still a candidate exactly when it was one;
- so scoring the close pairs of untouched sentences and every candidate pair of
  a touched sentence scores every pair the full scan would keep, each exactly as
  the full scan scores it (a pair's evidence does not depend on the pairs scored
  with it). The grouping that follows gets the very same pairs.

When more than :data:`TOUCHED_SHARE` of the sentences are touched (the
vocabulary drifted: many articles added since the reference, or the model or
the code changed), the build scans every pair and keeps a new reference.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from briefing import __version__
from briefing.findings.similarity import FEATURES, SameFact, Scanned, common_lemma_limit, score_pairs

#: How close to the cut a pair must come for the reference to keep it. Larger keeps more pairs
#: to score again in every rebuild, and lets the IDF weights drift further before a full scan.
MARGIN = 0.05
#: A build that touches more than this share of the sentences scans every pair again.
TOUCHED_SHARE = 0.2
#: The evidence that reads IDF weights: of lemmas (a cosine, two shares) and of entities (a cosine).
_COSINES, _SHARES = ("words", "names"), ("contained", "containing")
#: Six places of rounding, on each piece of evidence and on the probability.
_ROUNDING = 1e-6
_FILE = "reference.npz"
#: How the last scan went: "full" or "incremental", sentences touched, pairs scored.
LAST_SCAN = "last-scan.json"


def scan(same: SameFact, articles: Sequence[str], folder: Path | None) -> Scanned:
    """The pairs a full scan of ``same``'s candidate pairs keeps (see :func:`score_pairs`), scored
    again only where the reference in ``folder`` cannot vouch for them. ``folder``'s ``last-scan.json``
    tells how the last scan went."""
    if folder is None:
        return score_pairs(same, articles, *same.candidates())
    keys = sentence_keys(same, articles)
    reference = Reference.load(folder / _FILE, version(same))
    plan = reference.pairs(same, keys) if reference else None
    if plan is not None:
        first, second, touched = plan
        scanned = score_pairs(same, articles, first, second)
        account = {"scan": "incremental", "touched": touched, "scored": len(first)}
    else:
        first, second = same.candidates()
        scanned = score_pairs(same, articles, first, second, margin=MARGIN)
        Reference.of(same, keys, scanned.close).save(folder / _FILE, version(same))
        account = {"scan": "full", "touched": len(keys), "scored": len(first), "close": len(scanned.close[0])}
    account |= {"sentences": len(keys), "alike": len(scanned.alike), "disputed": len(scanned.disputed)}
    (folder / LAST_SCAN).write_text(json.dumps(account, indent=1) + "\n", encoding="utf-8")
    return scanned


def sentence_keys(same: SameFact, articles: Sequence[str]) -> list[bytes]:
    """A key for each sentence: its article and all the evidence reads of it (text, lemmas,
    entities, figures, speakers, meaning)."""
    return [
        hashlib.blake2b(repr((article, s.text, s.lemmas, s.mentions, s.numbers, s.attributions)).encode() + meaning.tobytes(), digest_size=16).digest()
        for article, s, meaning in zip(articles, same.sentences, same.meanings)
    ]


def version(same: SameFact) -> str:
    """What a reference was computed with: the release, the model and the code that scores pairs."""
    code = b"".join(resources.files("briefing.findings").joinpath(name).read_bytes() for name in ("similarity.py", "memory.py"))
    return hashlib.blake2b(repr((__version__, same.model, MARGIN)).encode() + code, digest_size=16).hexdigest()


def drift_allowed(same: SameFact) -> float:
    """The largest ρ such that IDF weights that each moved by a factor within ``e^±ρ`` move no
    probability by :data:`MARGIN` (see the module's docstring)."""
    weights = dict(zip(FEATURES, same.model.weights))

    def moved(rho: float) -> float:
        evidence = sum(abs(weights[f]) * (math.expm1(4 * rho) + _ROUNDING) for f in _COSINES)
        evidence += sum(abs(weights[f]) * (math.expm1(2 * rho) + _ROUNDING) for f in _SHARES)
        return evidence / 4 + _ROUNDING

    low, high = 0.0, 1.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if moved(middle) < MARGIN * 0.99 else (low, middle)
    return low


@dataclass
class Reference:
    """The sentences, IDF state and close pairs of the last full scan."""

    keys: list[bytes]
    lemmas: dict[str, int]
    """How many of the reference's sentences hold each lemma."""
    names: dict[str, int]
    """... and each entity."""
    sentences: int
    first: np.ndarray
    second: np.ndarray
    """The close pairs, as positions in ``keys``."""

    @classmethod
    def of(cls, same: SameFact, keys: list[bytes], close: tuple[np.ndarray, np.ndarray]) -> Reference:
        return cls(
            keys,
            dict(zip(same.lemmas.vocabulary, same.lemmas.df.tolist())),
            dict(zip(same.names.vocabulary, same.names.df.tolist())),
            len(keys),
            *close,
        )

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
                    int(data["sentences"]),
                    data["first"].astype(np.int64),
                    data["second"].astype(np.int64),
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
            sentences=np.array(self.sentences),
            first=self.first.astype(np.int32),
            second=self.second.astype(np.int32),
        )
        partial.replace(path)  # a build killed while writing leaves the old reference whole

    def pairs(self, same: SameFact, keys: list[bytes]) -> tuple[np.ndarray, np.ndarray, int] | None:
        """The pairs to score so that every pair a full scan keeps is scored (first, second, ordered
        by first, then second) and how many sentences are touched; None when too many are."""
        n = len(keys)
        # A key held twice (an article that repeats a sentence word for word) names no one sentence.
        unique = {k for k, count in Counter(keys).items() if count == 1} - {k for k, count in Counter(self.keys).items() if count > 1}
        where = {k: i for i, k in enumerate(self.keys) if k in unique}
        reference_of = np.array([where.get(k, -1) for k in keys], dtype=np.int64)
        touched = reference_of < 0
        rho = drift_allowed(same)
        now_limit, then_limit = common_lemma_limit(n), common_lemma_limit(self.sentences)
        for terms, counts, capped in ((same.lemmas, self.lemmas, True), (same.names, self.names, False)):
            then = np.array([counts.get(term, 0) for term in terms.vocabulary], dtype=np.int64)
            then_idf = np.log((1 + self.sentences) / (1 + then)) + 1
            drifted = (then == 0) | (np.abs(np.log(terms.idf / then_idf)) > rho)
            if capped:
                drifted |= (terms.df <= now_limit) != (then <= then_limit)
            touched[terms.row[drifted[terms.term]]] = True
        if touched.sum() > TOUCHED_SHARE * n:
            return None
        current = np.full(len(self.keys), -1, dtype=np.int64)
        current[reference_of[reference_of >= 0]] = np.flatnonzero(reference_of >= 0)
        a, b = current[self.first], current[self.second]
        vouched = (a >= 0) & (b >= 0)
        a, b = a[vouched], b[vouched]
        calm = ~touched[a] & ~touched[b]
        first, second = self._both(same.candidates(touching=touched), (np.minimum(a, b)[calm], np.maximum(a, b)[calm]), n)
        return first, second, int(touched.sum())

    @staticmethod
    def _both(one: tuple[np.ndarray, np.ndarray], other: tuple[np.ndarray, np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray]:
        keys = np.unique(np.concatenate([one[0] * n + one[1], other[0] * n + other[1]]))
        return np.divmod(keys, n)
