"""Contested findings: sources that disagree about one fact.

:func:`briefing.findings.similarity.scan` finds the pairs of sentences that
would report one fact but for a conflict the same-fact model never lets them
share a finding over: a denial against a claim (the Ukrainian general staff
denying Gerasimov's claim), or different figures for one count of one thing.
Each such pair joins the two findings as one contested item: the claim keeps
its own sources and gains the other side's as ``disputed_by``, so both sides
are footnoted together, and a finding always keeps sources of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from briefing.content import Finding, Sentence
from briefing.findings.similarity import denies_a_claim


def claimant(sentence: Sentence, names: Mapping[str, str]) -> str | None:
    """Who makes the claim (or the denial) in a sentence: the entity's canonical name (``names`` by id), else the
    article's description ("a person familiar with the matter"), its article in lower case as it reads after
    "Contested by" or in ``briefing.json`` ("a Labour spokesman" where a sentence opened with it; a name such as
    "The Times" is kept)."""
    for attribution in sentence.attributions:
        if attribution.entity in names:
            return names[attribution.entity]
        first, _, rest = attribution.speaker.partition(" ")
        described = first in ("A", "An", "The") and any(word[:1].islower() for word in rest.split())
        return f"{first.lower()} {rest}" if described else attribution.speaker
    return None


def contest(findings: list[Finding], disputes: Sequence[tuple[int, int, Sentence, Sentence]], names: Mapping[str, str]) -> list[Finding]:
    """Fold each disputing finding into the finding it disputes.

    ``disputes`` are (finding, finding, sentence of the first, sentence of the
    second), the most alike first; ``names``, the canonical name of each entity by id. Of a denial and a claim, the claim is the one
    that does not deny; of two figures, the one reported first. A finding
    disputes one claim at most, and one that disputes is no claim itself. A
    claimant never disputes itself: two statements of one side (the general staff
    holding the town, the general staff denying its capture) are no dispute.
    """
    claims: dict[int, Finding] = {}
    folded: set[int] = set()
    for a, b, first, second in disputes:
        if denies_a_claim(first) and not denies_a_claim(second) or not denies_a_claim(first) and not denies_a_claim(second) and b < a:
            a, b, first, second = b, a, second, first
        if a == b or a in folded or b in folded or b in claims:
            continue
        if (side := claimant(first, names)) is not None and side == claimant(second, names):
            continue
        claim = claims.get(a, findings[a])
        other = findings[b]
        claims[a] = replace(
            claim,
            disputed_by=tuple(sorted({*claim.disputed_by, *other.sources})),
            claimant=claim.claimant or claimant(first, names),
            counter_claimant=claim.counter_claimant or claimant(second, names),
            counter_text=claim.counter_text or other.text,
        )
        folded.add(b)
    return [claims.get(k, f) for k, f in enumerate(findings) if k not in folded]
