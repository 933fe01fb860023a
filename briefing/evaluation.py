"""Score the attribution extractor against hand-annotated articles.

    python -m briefing.evaluation tests/data/attributions-seeds.yml [more.yml ...]
    python -m briefing.evaluation --part test tests/data/attributions-coverage.yml
    python -m briefing.evaluation --first tests/data/attributions-coverage.yml tests/data/coverage/labels/attributions-second.yml

A reference file names its articles (paths relative to ``root``, itself relative
to the file), optionally a ``briefing.yml`` whose gazetteer to use and a
``split`` file (``train:`` and ``test:`` lists of file names) that ``--part``
picks the articles from, so rules tuned on one part are scored on the other, and for each
article the attributions a careful reader finds: speaker, cue, kind and the
content span, verbatim. The extractor runs on those articles exactly as a build
does (:func:`~briefing.core.make_briefing`) and is scored on:

- quote precision, recall and F1, where a found statement matches an annotated
  one when their content spans overlap (Jaccard of the character ranges at
  least ``OVERLAP``) or, for the exact figures, are the same words;
- speaker accuracy: of the matched statements, how many name the right speaker;
- kind and cue accuracy, likewise over the matched statements.

See docs/attribution.md for the figures and what they mean.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.analyse import analyse
from briefing.analyse.entities import name_key, resolve_entities
from briefing.analyse.nlp import load_nlp
from briefing.config import Config, load_config, load_yaml
from briefing.content import AnalysedArticle, Entity
from briefing.ingest import decode, read_article
from briefing.ingest.rules import load_rules
from briefing.ingest.text import normalise_space

#: Content spans overlap when their character ranges share at least this Jaccard index.
OVERLAP = 0.5
_EDGES = " ,.;:!?—–-“”\"‘’'"


@dataclass(frozen=True)
class Statement:
    """An attributed statement, annotated or found, located in its article's text."""

    file: str
    speaker: str
    cue: str
    kind: str
    content: str
    spans: tuple[tuple[int, int], ...]
    """Where the content occurs in the article's (whitespace-normalised) text."""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scores:
    annotated: int
    found: int
    matched: int
    matched_exact: int
    speaker_right: int
    kind_right: int
    cue_right: int

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.annotated if self.annotated else 0.0

    @property
    def f1(self) -> float:
        return self._f1(self.precision, self.recall)

    @property
    def exact_f1(self) -> float:
        p = self.matched_exact / self.found if self.found else 0.0
        r = self.matched_exact / self.annotated if self.annotated else 0.0
        return self._f1(p, r)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 0.0

    def report(self, name: str) -> str:
        return (
            f"{name}: {self.annotated} annotated, {self.found} found, {self.matched} matched\n"
            f"  quotes (overlap): precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}\n"
            f"  quotes (exact):   F1 {self.exact_f1:.3f} ({self.matched_exact} exact matches)\n"
            f"  speaker accuracy {self.speaker_accuracy:.3f} ({self.speaker_right}/{self.matched})"
            f"  end to end {self.speaker_right / self.annotated if self.annotated else 0:.3f}\n"
            f"  kind accuracy {self.kind_right / max(self.matched, 1):.3f}  cue accuracy {self.cue_right / max(self.matched, 1):.3f}"
        )


def evaluate(reference: Path, part: str | None = None) -> tuple[Scores, list[tuple[Statement | None, Statement | None]]]:
    """Score the extractor on ``reference`` (only the articles of ``part`` of its split, if given);
    also return the pairs (annotated, found) for inspection."""
    root, config, entries = _reference(reference, part)
    rules = load_rules(config)
    pages = {entry["file"]: (root / entry["file"]).read_bytes() for entry in entries}
    articles = [read_article(pages[entry["file"]], entry["file"], rules) for entry in entries]
    # Analysed and resolved as a build does (make_briefing), without the vectors and findings no statement depends on.
    # The pipeline is loaded here, once per process, and every forked analysis inherits it: the tests evaluate a
    # hundred sets in one process, and a set of one page took 3 s, most of it the pipeline loading in the fork.
    load_nlp(config.entities)
    usable = [a for a in analyse(articles, config.article_summary_sentences, gazetteer=config.entities, meanings=False) if a.has_usable_sentence]
    resolved, resolved_entities = resolve_entities(usable, config.entities)
    analysed = {a.article.path: a for a in resolved}
    entities = {e.id: e for e in resolved_entities}
    # The names the gazetteer gives an entity as a speaker ("Moscow said" is Russia's government): an annotation
    # naming it so names that entity. Not its roles: "the president's office" may be another president's.
    spoken_as = {e.id: e.speaker_aliases for e in config.entities}
    annotated, found = [], []
    for entry in entries:
        article = analysed[entry["file"]]
        text = normalise_space(article.article.text)
        annotated.extend(_annotated(reference, entry, text, normalise_space(decode(pages[entry["file"]])[0])))
        found.extend(_found(entry["file"], article, text, entities, spoken_as))
    return _score(annotated, found)


def agreement(first: Path, second: Path) -> tuple[Scores, list[tuple[Statement | None, Statement | None]]]:
    """Score a second annotator's statements (``second``) as if found, against the first annotator's (``first``), on
    the articles both annotated: how far two careful readers agree. An article marked ``independent: false`` in
    ``second`` (its annotator saw some of the first labels) is left out. A speaker the gazetteer lists is compared
    under all its names, as the extractor's is."""
    root, config, entries = _reference(second)
    rules = load_rules(config)
    firsts = {entry["file"]: entry for entry in _reference(first)[2]}
    listed = {name_key(name): e for e in config.entities for name in (e.name, *e.aliases)}
    annotated, found = [], []
    for entry in entries:
        if not entry.get("independent", True) or entry["file"] not in firsts:
            continue
        text = normalise_space(read_article((root / entry["file"]).read_bytes(), entry["file"], rules).text)
        annotated.extend(_annotated(first, firsts[entry["file"]], text))
        for a in _annotated(second, entry, text):
            e = listed.get(name_key(a.speaker))
            found.append(replace(a, aliases=(e.name, *e.aliases, *e.speaker_aliases)) if e else a)
    return _score(annotated, found)


def _reference(reference: Path, part: str | None = None) -> tuple[Path, Config, list[dict]]:
    """A reference file's root folder, configuration and annotated articles (those of ``part`` of its split, if given)."""
    data = load_yaml(reference.read_text("utf-8"))
    root = (reference.parent / data.get("root", ".")).resolve()
    config = load_config((root / data["config"]).parent) if "config" in data else Config(title="evaluation")
    entries = data["articles"]
    if part is not None:
        if "split" not in data:
            raise ValueError(f"{reference}: no split file to take the {part!r} articles from; leave out --part")
        chosen = set(load_yaml((root / data["split"]).read_text("utf-8"))[part])
        entries = [entry for entry in entries if Path(entry["file"]).name in chosen]
    return root, config, entries


def _annotated(reference: Path, entry: dict, text: str, page: str = "") -> list[Statement]:
    """The statements annotated in one article of ``reference``, located in its (whitespace-normalised) ``text``; one
    that ingest left out of the text (a line read as the headline, a summary taken for clutter) but that the saved
    ``page`` holds stays, nowhere in the text, to be missed."""
    statements = []
    for a in entry["attributions"]:
        spans = _occurrences(text, normalise_space(a["content"]))
        if not spans and normalise_space(a["content"]) not in page:
            raise ValueError(f"{reference}: {entry['file']}: content not in the article: {a['content'][:60]!r}; copy it from the article as printed")
        statements.append(Statement(entry["file"], a["speaker"], a["cue"], a["kind"], a["content"], spans))
    return statements


def _occurrences(text: str, content: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.start() + len(content)) for m in re.finditer(re.escape(content), text))


def _found(file: str, article: AnalysedArticle, text: str, entities: dict[str, Entity], spoken_as: dict[str, tuple[str, ...]]) -> list[Statement]:
    statements = []
    cursor = 0
    for sentence in article.sentences:
        # Sentences are in text order: a sentence printed twice (a dek, then the lead) is found where it stands.
        start = text.find(sentence.text, cursor)
        cursor = start + 1 if start >= 0 else cursor
        if sentence.repeats is not None:
            continue
        for a in sentence.attributions:
            offset = sentence.text.find(a.content)
            spans = ((start + offset, start + offset + len(a.content)),) if start >= 0 and offset >= 0 else ()
            entity = entities.get(a.entity or "")
            speaker = entity.name if entity else a.speaker
            aliases = (entity.name, *entity.aliases, *spoken_as.get(entity.id, ())) if entity else ()
            statements.append(Statement(file, speaker, a.cue, a.kind, a.content, spans, aliases))
    return statements


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, inter) / (max(a[1], b[1]) - min(a[0], b[0]))


def _overlap(a: Statement, b: Statement) -> float:
    return max((_jaccard(x, y) for x in a.spans for y in b.spans), default=0.0)


def _words(text: str) -> str:
    return normalise_space(text).strip(_EDGES).replace("’", "'").casefold()


def _person(name: str) -> str:
    name = name_key(name)
    return re.sub(r"^(a|an|the) ", "", name)


def speaker_matches(annotated: Statement, found: Statement) -> bool:
    """The same speaker: the same name or alias, or one description containing the other."""
    gold, guess = _person(annotated.speaker), _person(found.speaker)
    if gold == guess or gold in {_person(a) for a in found.aliases}:
        return True
    shorter, longer = sorted((gold, guess), key=len)
    return len(shorter.split()) >= 2 and shorter in longer


def _score(annotated: list[Statement], found: list[Statement]) -> tuple[Scores, list[tuple[Statement | None, Statement | None]]]:
    pairs = sorted(
        ((_overlap(a, f), i, j) for i, a in enumerate(annotated) for j, f in enumerate(found) if a.file == f.file),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_a: dict[int, int] = {}
    used_f: set[int] = set()
    for overlap, i, j in pairs:
        if overlap < OVERLAP or i in used_a or j in used_f:
            continue
        used_a[i] = j
        used_f.add(j)
    matched = [(annotated[i], found[j]) for i, j in used_a.items()]
    scores = Scores(
        annotated=len(annotated),
        found=len(found),
        matched=len(matched),
        matched_exact=sum(_words(a.content) == _words(f.content) for a, f in matched),
        speaker_right=sum(speaker_matches(a, f) for a, f in matched),
        kind_right=sum(a.kind == f.kind for a, f in matched),
        cue_right=sum(_words(a.cue) == _words(f.cue) for a, f in matched),
    )
    report: list[tuple[Statement | None, Statement | None]] = list(matched)
    report += [(a, None) for i, a in enumerate(annotated) if i not in used_a]
    report += [(None, f) for j, f in enumerate(found) if j not in used_f]
    return scores, report


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m briefing.evaluation", description="Score the attribution extractor against hand-annotated articles (see docs/attribution.md)."
    )
    parser.add_argument("references", nargs="+", type=Path, metavar="REFERENCE.yml", help="a file of annotated articles")
    parser.add_argument("--part", choices=("train", "test"), help="score only the articles of this part of each file's split (not with --first)")
    parser.add_argument(
        "--first", type=Path, metavar="FIRST.yml", help="score each reference as a second annotator's labels against this first annotator's file"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list each statement missed, found with another speaker, or not annotated")
    args = parser.parse_args(argv)
    for reference in (*args.references, *([args.first] if args.first else [])):
        if not reference.is_file():
            print(f"error: {reference}: no such file; give a reference file such as tests/data/attributions-seeds.yml", file=sys.stderr)
            return 2
    for reference in args.references:
        try:
            scores, pairs = agreement(args.first, reference) if args.first is not None else evaluate(reference, args.part)
        except ValueError as exc:  # no split file for --part, or an annotation not in its article
            print(f"error: {exc}", file=sys.stderr)
            return 2
        name = f"{reference} against {args.first}" if args.first is not None else f"{reference} ({args.part} articles)" if args.part else str(reference)
        print(scores.report(name))
        if args.verbose:
            for a, f in pairs:
                if a is None or f is None or not speaker_matches(a, f):
                    print(f"  - annotated: {a and (a.speaker, a.cue, a.content[:70])}\n    found:     {f and (f.speaker, f.cue, f.content[:70])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
