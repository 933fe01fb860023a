"""Contested findings: sources that disagree about one fact.

Two kinds of disagreement are found, both from the analysis's attribution
and number data on each sentence:

- a denial: a sentence whose attribution denies or does not confirm (the
  Ukrainian general staff denying Gerasimov's claim) is paired with the claim
  it answers, in any article, the same one included;
- different figures: sources of one finding that give different values for
  the same count.

The claim's finding becomes contested: it keeps its own sources and gains the
other side's as ``disputed_by``, so both sides are footnoted together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from briefing.content import Finding, Sentence
from briefing.findings.similarity import entity_key

#: How alike (same-fact score) a denial and a claim it names must be for the denial to answer it.
CLAIM_SIMILARITY = 0.25
#: Cues that turn down a proposal rather than deny a fact ("rejected territorial concessions").
REFUSAL_CUES = ("reject", "refus", "rul")
#: Nouns by which a denial points at someone's claim ("denied Gerasimov's claims").
CLAIM_NOUNS = frozenset({"claim", "allegation", "assertion", "statement", "report"})


def denies(sentence: Sentence) -> bool:
    """Whether the sentence denies, or says someone has not confirmed, a fact."""
    return any(a.denial and not a.cue.casefold().startswith(REFUSAL_CUES) for a in sentence.attributions)


def claimant(sentence: Sentence) -> str | None:
    """Who makes the claim (or the denial) in a sentence, as the article names them."""
    for attribution in sentence.attributions:
        return attribution.speaker
    return None


def _makers_named(denial: Sentence) -> set[str]:
    """Whose claim a denial points at ("denied Gerasimov's claims"): the people and organisations
    named in what it denies, when it speaks of a claim at all."""
    if not CLAIM_NOUNS & set(denial.lemmas):
        return set()
    denied = " ".join(a.content for a in denial.attributions if a.denial)
    return {entity_key(m) for m in denial.mentions if m.label in ("PERSON", "ORG") and m.text in denied}


def _claims_by_name(claims: Sequence[Sentence]) -> dict[str, list[int]]:
    """For each entity, the positions of the claims that name it and quote someone.

    A denial can only answer a claim like that, so it looks up the names it
    points at here instead of testing every finding.
    """
    naming: dict[str, list[int]] = defaultdict(list)
    for position, claim in enumerate(claims):
        if not denies(claim) and any(not a.denial for a in claim.attributions):
            for key in {entity_key(m) for m in claim.mentions}:
                naming[key].append(position)
    return naming


def figures_disagree(sentences: Sequence[Sentence]) -> bool:
    """Whether two of ``sentences`` give different values for the same count."""
    seen: dict[str, float] = {}
    for sentence in sentences:
        for number in sentence.numbers:
            if not number.counts:
                continue
            if seen.setdefault(number.counts, number.value) != number.value:
                return True
    return False


def contest(findings: list[Finding], sentences: dict[str, list[Sentence]], score) -> list[Finding]:
    """Mark disagreements; a denial answering another finding is folded into that finding.

    ``sentences`` maps a finding id to its sentences (in source order);
    ``score(a, b)`` is the same-fact score of two sentences. A denial answers
    the claim most like it among those whose maker it names, in any article;
    a denial that names nobody stays a finding of its own (a denial of *reports*
    has no one claim to answer).
    """
    by_id = {f.id: f for f in findings}
    for finding in findings:
        own = sentences[finding.id]
        other = _other_side(own)
        if any(other):
            by_id[finding.id] = _disputed(finding, own, other)

    # A claim never denies, so a denial never answers itself or another denial, folded or not.
    claims_naming = _claims_by_name([sentences[f.id][0] for f in findings])
    folded: set[str] = set()
    for finding in findings:
        denial = sentences[finding.id][0]
        if not denies(denial) or by_id[finding.id].disputed_by:
            continue
        claims = []
        for position in sorted({p for name in _makers_named(denial) for p in claims_naming.get(name, ())}):
            other = findings[position]
            alike = round(score(denial, sentences[other.id][0]), 9)
            if alike >= CLAIM_SIMILARITY:
                claims.append((alike, other.id))
        if not claims:
            continue
        # The first of equally good claims wins: findings are in a stable order.
        _, claim_id = max(claims, key=lambda c: c[0])
        claim = by_id[claim_id]
        by_id[claim_id] = replace(
            claim,
            disputed_by=tuple(sorted({*claim.disputed_by, *finding.sources})),
            claimant=claim.claimant or claimant(sentences[claim_id][0]),
            counter_claimant=claim.counter_claimant or claimant(denial),
            counter_text=claim.counter_text or finding.text,
        )
        folded.add(finding.id)
    return [by_id[f.id] for f in findings if f.id not in folded]


def _other_side(own: list[Sentence]) -> list[bool]:
    """For each sentence of a finding, whether it disagrees with the first (the claim)."""
    first = own[0]
    if figures_disagree(own):
        values = {n.counts: n.value for n in first.numbers if n.counts}
        return [any(values.get(n.counts, n.value) != n.value for n in s.numbers) for s in own]
    return [denies(s) != denies(first) for s in own]


def _disputed(finding: Finding, own: list[Sentence], other: list[bool]) -> Finding:
    """A finding whose own sources disagree: sources on the first one's side, the rest disputing it."""
    counter = [s for s, flag in zip(own, other) if flag]
    return replace(
        finding,
        sources=tuple(ref for ref, flag in zip(finding.sources, other) if not flag),
        disputed_by=tuple(ref for ref, flag in zip(finding.sources, other) if flag),
        claimant=claimant(own[0]),
        counter_claimant=next((claimant(s) for s in counter if claimant(s)), None),
        counter_text=counter[0].text,
    )
