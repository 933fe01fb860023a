"""The story of a briefing: its lead, its latest developments and the order of topic pages.

A busy reader opens the overview to learn what happened. The lead gives the
largest independently corroborated findings first, one per development; the
latest developments give what was first reported on the newest dates, so of
findings of equal weight the lead first tells what came before those, what happened
before how things are, what more publishers echo in other words, and an article's
opening statement, written to be read alone, before its later sentences. Every
line is still a sentence of an article: a finding whose clearest sentence is
long is shown through a shorter member, and one with no short member that
stands on its own is left to its topic page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

import numpy as np

from briefing.analyse.attribution import PERSON_ROLES
from briefing.content import Finding, Sentence, SourceRef, TrackedItem

#: Words that join a sentence to the one before it, first ("However, ...") or set off by commas after its subject
#: ("Moscow, meanwhile, said ...").
CONNECTIVES = frozenset("however meanwhile still yet instead moreover besides though additionally likewise".split())
#: Opening words that make a sentence lean on the one before it ("He said...", "However, ...").
LEANING_OPENERS = CONNECTIVES | frozenset("he she they it this these that those his her their its him them such but and also so then".split())
#: Opening phrases that lean on what came before as much; with a comma, a step of a list told before ("First, the
#: appointment of …") or an answer to something told before ("In response, Trump shared …", not "In response to …").
LEANING_PHRASES = (
    *("in addition", "at the same time", "on the other hand", "in turn", "according to him", "according to her", "according to them"),
    *("as previously reported", "as reported earlier", "as reported previously"),
    *("in response,", "first,", "second,", "third,", "firstly,", "secondly,", "finally,", "lastly,"),
)
#: A connective (or "too") set off by commas after the first words: "Ukraine's Air Force, meanwhile, said …".
ASIDE = re.compile(rf"^[^,]+, (?:{'|'.join(sorted(CONNECTIVES | {'too'}))}),", re.IGNORECASE)
#: An outlet named before and referred to as "the outlet": "told the news outlet that ...", "According to the
#: publication, ..." (not "the publication of the draft", an act).
LEANING_REFERENCE = re.compile(r"\b[Tt]he (?:news )?(?:outlet|newspaper|broadcaster|agency|channel|publication(?! of))\b")
_ROLES = "|".join(sorted(PERSON_ROLES - {"source", "person"}))
#: A sentence whose subject is an office named before ("The Russian leader was speaking …", "The US envoy said …"): who
#: that is, only the sentence before tells ("The head of Ukraine's delegation, Rustem Umerov," names it). Any other
#: thing named only as "the move", "the lawsuit" is the parse's :attr:`~briefing.content.Sentence.definite_subject`.
REFERS_BACK = re.compile(rf"^The (?:[\w.’'-]+ ){{0,2}}(?:{_ROLES})s?\b(?! (?:of|to|by|that)\b)(?!,)", re.IGNORECASE)
#: "Also" among the first words adds to something said before: "Macron also announced ...", "The deal also states ...",
#: "According to The Associated Press, Russia also targeted ...".
ADDING = re.compile(r"^(?:\S+\s+){1,6}also\b", re.IGNORECASE)
#: A statement longer than this many words is shown only when no member of its finding is shorter.
LONG_STATEMENT = 45
#: Two findings this alike (cosine of their meanings) tell one development; a lead shows one of them.
SAME_DEVELOPMENT = 0.6
#: Findings first reported at most this many days apart whose meanings are at least this alike (cosine) echo one
#: another: the same news, if seldom the same fact (of such sentence pairs labelled in the development corpus and the
#: first three fortnights, a quarter tell one development). Of lead lines of equal weight, the one more publishers echo
#: leads: the strike on Kyiv that five articles tell in sentences same-fact grouping keeps apart ("… killed four and left
#: 26 wounded", "… four people were killed and another 19 injured …") before one article's aside.
ECHO_DAYS = 1
ECHO = 0.4
#: The newest dates the overview's latest developments cover, and the developments shown per date:
#: the overview stays short at thousands of articles.
LATEST_DATES = 6
LATEST_PER_DATE = 3


def stands_alone(text: str) -> bool:
    """Whether a sentence can be read without the one before it: no opening "He", "However," or "First,", no
    "meanwhile" set off by commas after its subject, no "also" among its first words, no outlet named only as "the
    outlet", no office named only as "the president" (a thing named only as "the move" is the parse's: see
    :func:`reads_alone`), no lower-case fragment, and a full stop (or closing quote) at its end."""
    opener = text.split()[0].strip("“\"‘'(").rstrip(",").casefold()
    leans = (
        opener in LEANING_OPENERS
        or text.casefold().startswith(LEANING_PHRASES)
        or ADDING.match(text) is not None
        or ASIDE.match(text) is not None
        or LEANING_REFERENCE.search(text) is not None
        or REFERS_BACK.match(text) is not None
    )
    return not leans and text[:1].isupper() and text[-1] in ".!?”\"’')"


def reads_alone(sentence: Sentence, own_words: Collection[str] = ()) -> bool:
    """:func:`stands_alone`, and names nothing only the sentence before says ("present that document to Putin", "The
    lawsuit was filed …"), but what ``own_words`` (the briefing's title and description) name ("The war …", "The plan …")."""
    subject = sentence.definite_subject
    return stands_alone(sentence.text) and not sentence.refers_back and (subject is None or subject in own_words)


class Story:
    """Chooses lead lines and latest developments among a briefing's findings."""

    def __init__(
        self,
        findings: Sequence[Finding],
        sentences_of: dict[str, list[Sentence]],
        vector_of: dict[str, np.ndarray],
        date_of: Callable[[SourceRef], str | None],
        items: Sequence[TrackedItem],
        own_words: Collection[str] = (),
    ) -> None:
        self.sentences_of = sentences_of
        # What the briefing is about needs no sentence before: "The plan …" in a briefing on a plan.
        self.own_words = own_words
        self.vector_of = vector_of
        # A finding that reports several tracked items (a plan's terms) sums them up: it leads.
        signalled = [{ref for _, ref in item.reports} for item in items]
        self.items_in = {f.id: sum(any(ref in refs for ref in f.sources) for refs in signalled) for f in findings}
        # Findings by their newest date, then position in the articles (``findings`` are in that
        # order): ranked once, as every topic page and lead sorts by it.
        dates = {f.id: [d for d in map(date_of, f.sources) if d] for f in findings}
        by_recency = sorted(findings, key=lambda f: max(dates[f.id], default=""), reverse=True)
        self.recency = {f.id: k for k, f in enumerate(by_recency)}
        # Each finding's first date, worked out once: every lead's sort and the latest developments ask for it.
        self.first_dates = {f.id: min(dates[f.id], default=None) for f in findings}
        self.echoed_by = self._echoed_by(findings)
        # A finding every article tells as how things are ("Lithuania sits between …") is background, not news.
        self.background = {f.id: all(s.background for s in sentences_of[f.id]) for f in findings}
        # An article's first statement is written to be read alone (its lede): of 82 lead lines an annotator judged on
        # pages no rule was written on, 25 of 26 such read alone, against 25 of 56 later sentences (docs/findings.md).
        first = {}
        for ref in (ref for f in findings for ref in f.sources):
            first[ref.article_id] = min(first.get(ref.article_id, ref.sentence), ref.sentence)
        self.opens = {f.id: any(ref.sentence == first[ref.article_id] for ref in f.sources) for f in findings}

    def weight(self, finding: Finding) -> int:
        """How much of the story a finding carries: its independent publishers and tracked items."""
        return len(finding.publishers) + self.items_in[finding.id]

    def important_first(self, findings: Sequence[Finding], later: Collection[str] = (), for_lead: bool = False) -> list[Finding]:
        """Independent publishers (and tracked items), then the newest date, then position in the articles;
        of equal weight, findings first reported on a date of ``later`` come after the others, and ``for_lead``
        what happened before how things are (:attr:`background`), then what more publishers echo (:attr:`echoed_by`),
        then an article's opening statement (:attr:`opens`)."""
        return sorted(
            findings,
            key=lambda f: (
                -self.weight(f),
                self.first_reported(f) in later,
                for_lead and self.background[f.id],
                -(self.echoed_by[f.id] if for_lead else 0),
                for_lead and not self.opens[f.id],
                self.recency[f.id],
            ),
        )

    def _echoed_by(self, findings: Sequence[Finding]) -> dict[str, int]:
        """Per finding, the publishers of it and of the findings that echo it (:data:`ECHO`): the dated findings in date
        order, one matrix of meanings and one of publishers, each day's rows against the rows of the days around it;
        undated findings are compared with none, so a corpus without dates costs nothing here."""
        dated = sorted((f for f in findings if self.first_reported(f)), key=self.first_reported)
        echoed_by = {f.id: len(f.publishers) for f in findings}
        if not dated:
            return echoed_by
        days = np.array([dt.date.fromisoformat(self.first_reported(f)).toordinal() for f in dated])
        meanings = np.stack([self.vector_of[f.id] for f in dated]).astype(np.float32)
        column = {name: k for k, name in enumerate(sorted({name for f in dated for name in f.publishers}))}
        published = np.zeros((len(dated), len(column)), dtype=np.float32)
        for row, finding in enumerate(dated):
            published[row, [column[name] for name in finding.publishers]] = 1
        for day in np.unique(days):
            here = slice(*np.searchsorted(days, [day, day + 1]))
            near = slice(*np.searchsorted(days, [day - ECHO_DAYS, day + ECHO_DAYS + 1]))
            # (Each finding echoes itself: its own publishers count.)
            alike = (meanings[here] @ meanings[near].T >= ECHO).astype(np.float32)
            for finding, count in zip(dated[here], ((alike @ published[near]) > 0).sum(axis=1)):
                echoed_by[finding.id] = int(count)
        return echoed_by

    def first_reported(self, finding: Finding) -> str | None:
        return self.first_dates[finding.id]

    def shown(self, finding: Finding) -> Finding | None:
        """The finding as a lead line: through its clearest member of at most :data:`LONG_STATEMENT`
        words that stands on its own and names someone or something (an editor's note or a
        request for tips names nobody), or None when it has none. A finding that reports a tracked item is about
        what the briefing tracks, whatever it calls it ("According to AP, the draft proposal reportedly calls for …"),
        though a person it names by a role still needs naming ("The same person confirmed …")."""
        members = self.sentences_of[finding.id]
        tracked = {s.definite_subject for s in members if s.definite_subject not in PERSON_ROLES} if self.items_in[finding.id] else set()
        about = {*self.own_words, *tracked}
        fitting = [s for s in members if len(s.text.split()) <= LONG_STATEMENT and reads_alone(s, about) and s.mentions]
        if not fitting:
            return None
        if any(s.text == finding.text for s in fitting):
            return finding
        return replace(finding, text=fitting[0].text)

    def lead(
        self, findings: Sequence[Finding], count: int, told: Sequence[Finding] = (), cover: Sequence[str] = (), later: Collection[str] = ()
    ) -> tuple[Finding, ...]:
        """Up to ``count`` lines, the weightiest first, none telling the development of one already
        chosen (or of one in ``told``); each topic in ``cover`` that has a line to give gives one; of equal
        weight, findings first reported on a date of ``later`` come last, background after news, those more
        publishers echo first, then articles' opening statements."""
        ranked = self.important_first(findings, later, for_lead=True)
        chosen: list[Finding] = []

        def pick(pool: Sequence[Finding], wanted: int, new_articles: bool) -> None:
            for finding in pool:
                if len(chosen) >= wanted:
                    return
                said = [*told, *chosen]
                if new_articles and _told_by_its_articles(finding, said):
                    continue
                line = self.shown(finding)
                if line is not None and line.id not in {c.id for c in chosen} and not self._retells(finding, said):
                    chosen.append(line)

        # First only findings with an article no single chosen line came from (``new_articles``), then any: a finding
        # whose articles all gave one line already (one article's sentence, a pair of copies) most likely tells their
        # story again.
        for topic in cover:
            wanted = min(count, len(chosen) + 1)
            for new_articles in (True, False):
                pick([f for f in ranked if f.topic == topic], wanted, new_articles)
        for new_articles in (True, False):
            pick(ranked, count, new_articles)
        rank = {f.id: i for i, f in enumerate(ranked)}
        return tuple(sorted(chosen, key=lambda f: rank[f.id]))

    def latest_dates(self, findings: Sequence[Finding]) -> list[str]:
        """The :data:`LATEST_DATES` newest dates on which a finding was first reported, newest first;
        none when every dated article is of one day."""
        dates = sorted({d for d in map(self.first_reported, findings) if d}, reverse=True)
        return dates[:LATEST_DATES] if len(dates) > 1 else []

    def latest(self, findings: Sequence[Finding], told: Sequence[Finding]) -> tuple[tuple[str, tuple[Finding, ...]], ...]:
        """The developments first reported on each of :meth:`latest_dates`, newest first."""
        by_date: dict[str, list[Finding]] = {}
        for finding in findings:
            by_date.setdefault(self.first_reported(finding), []).append(finding)
        told = list(told)
        out = []
        for date in self.latest_dates(findings):
            lines = self.lead(by_date[date], LATEST_PER_DATE, told)
            if lines:
                out.append((date, lines))
                told.extend(lines)
        return tuple(out)

    def _retells(self, finding: Finding, chosen: Sequence[Finding]) -> bool:
        vector = self.vector_of[finding.id]
        return any(float(vector @ self.vector_of[c.id]) >= SAME_DEVELOPMENT for c in chosen)


def _told_by_its_articles(finding: Finding, chosen: Sequence[Finding]) -> bool:
    """Whether one chosen line came from every article ``finding``'s sentences come from."""
    articles = {ref.article_id for ref in finding.sources}
    return any(articles <= {ref.article_id for ref in line.sources} for line in chosen)
