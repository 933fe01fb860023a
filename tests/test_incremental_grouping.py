"""The same-fact scan a rebuild reuses (briefing/findings/memory.py) gives exactly the findings of
a full scan: on the development corpus (53 real articles) with an article added, the same inputs
again, an article taken out, and eight articles added at once (the vocabulary drifts: a full scan);
and the bound it rests on holds for every pair it leaves unscored."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from briefing.config import load_config
from briefing.findings import assemble, chronological, meanings, memory
from briefing.findings.similarity import SameFact, _reach
from briefing.findings.train import load_splits

from conftest import REPO


@pytest.fixture(scope="module")
def corpus():
    config = load_config(REPO)
    train, test = load_splits(config)
    return config, chronological([*train.articles, *test.articles])


def _rebuild(config, articles, kept: Path) -> dict:
    """Findings with the reference in ``kept`` against a fresh full scan's; how the scan went."""
    reused = assemble(articles, config, kept=kept)
    assert reused == assemble(articles, config)
    return json.loads((kept / memory.LAST_SCAN).read_text("utf-8"))


def test_a_rebuild_reusing_the_last_scan_finds_what_a_full_scan_finds(corpus, tmp_path):
    config, articles = corpus
    first = _rebuild(config, articles[:-1], tmp_path)
    assert first["scan"] == "full" and first["close"] > 0
    added = _rebuild(config, articles, tmp_path)
    assert added["scan"] == "incremental" and 0 < added["touched"] < len(articles[-1].sentences) * 20
    assert _rebuild(config, articles, tmp_path) == added  # the reference stays that of the last full scan
    _rebuild(config, articles, tmp_path / "whole")
    taken_out = [a for a in articles if a is not articles[20]]
    assert _rebuild(config, taken_out, tmp_path / "whole")["scan"] == "incremental"


def test_a_vocabulary_that_drifted_too_far_is_scanned_in_full(corpus, tmp_path):
    config, articles = corpus
    _rebuild(config, articles[:-8], tmp_path)
    drifted = _rebuild(config, articles, tmp_path)
    assert drifted["scan"] == "full"  # eight articles move too many weights
    again = _rebuild(config, articles, tmp_path)  # from the new reference
    assert again["scan"] == "incremental" and again["touched"] == 0


def test_no_pair_left_unscored_moved_past_the_margin(corpus):
    """The premise of the proof, on every candidate pair of two untouched sentences: its probability
    moved less than the margin that the weights' drift allowed."""
    config, articles = corpus
    before, after = _same(articles[:-1]), _same(articles)
    reference = memory.Reference.of(before[0], before[1], 0, (np.zeros(0, int), np.zeros(0, int), np.zeros(0)))
    where = {key: k for k, key in enumerate(before[1])}
    reference_of = np.array([where.get(key, -1) for key in after[1]])
    drift = reference._drift(after[0], reference_of)
    first, second = after[0].candidates()
    for margin in memory.MARGINS:
        calm = drift <= memory.drift_allowed(after[0], margin)
        a, b = first[calm[first] & calm[second]], second[calm[first] & calm[second]]
        assert len(a) > 100
        moved = np.abs(_reaches(after[0], a, b) - _reaches(before[0], reference_of[a], reference_of[b]))
        assert moved.max() < margin, margin


def _same(articles):
    ids = [a.article.id for a in articles for s in a.sentences if s.usable]
    same = SameFact([s for a in articles for s in a.sentences if s.usable], meanings(articles))
    return same, memory.sentence_keys(same.sentences, same.meanings, ids)


def _reaches(same: SameFact, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    return _reach(same.model, same.plain_evidence(first, second))


def test_keys_worked_out_in_a_forked_process_are_the_same(corpus, monkeypatch):
    _, articles = corpus
    same, keys = _same(articles)
    ids = [a.article.id for a in articles for s in a.sentences if s.usable]
    monkeypatch.setattr(memory, "PARALLEL_KEYS", 1)  # fork for these few sentences too
    forked, built = memory.keyed_while(same.sentences, same.meanings, ids, lambda: "built here")
    assert (forked, built) == (keys, "built here")
