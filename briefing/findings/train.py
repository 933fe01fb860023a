"""Train the same-fact model and measure grouping on held-out articles: ``make train``.

    python -m briefing.findings.train [--check]

The development corpus (``tests/data/coverage/``, with the seeds) is split by
article in ``labels/split.yml``: no article is in both halves. The model is
fitted on the evidence of the train split's labelled pairs (scikit-learn's
logistic regression), its thresholds are chosen by grouping the train split,
and only then is the test split grouped and scored. The weights go to
``briefing/findings/same_fact_model.json``; ``--check`` measures the model
already there without writing anything.

Labels (``labels/README.md``): pairs labelled one by one in ``pairs.yml``, and
fact clusters in ``clusters.yml``, whose members are all pairwise the same fact
and whose ``contradicts`` links mark claims and their denials. Where a pair is
labelled both ways, the pair label wins.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

import numpy as np

from briefing.analyse import analyse
from briefing.analyse.entities import resolve_entities
from briefing.config import Config, load_config, load_yaml
from briefing.content import AnalysedArticle, Briefing
from briefing.findings import assemble, chronological, meanings
from briefing.findings.similarity import FEATURES, HARD_CONFLICTS, SameFact, SameFactModel
from briefing.ingest import read_article
from briefing.ingest.rules import load_rules

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "coverage"
LABELS = CORPUS / "labels"
#: Where the corpus's analysis is kept between runs: the repository's own analysis cache.
ANALYSIS_CACHE = REPO / ".briefing" / "cache"
MODEL_FILE = Path(__file__).with_name("same_fact_model.json")
#: The thresholds tried on the train split, and the pair precision the chosen one must reach there.
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.30, 0.96, 0.05))
TRAIN_PRECISION = 0.85
#: The thresholds ``--compare`` shows the test split's precision and recall at.
CURVE = (0.3, 0.4, 0.5, 0.7, 0.8)

Side = tuple[str, int]
"""A labelled sentence: (article id, sentence index)."""


@dataclass(frozen=True)
class Split:
    """The articles of one half of the corpus, analysed, and its labels."""

    name: str
    articles: tuple[AnalysedArticle, ...]
    pairs: dict[frozenset[Side], str]
    """Each labelled pair: "same", "different" or "contradicts"."""
    clusters: tuple[tuple[Side, ...], ...]
    """The fact clusters' members in this split (those reported by two articles or more)."""


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    contested_precision: float
    contested_recall: float
    clusters_whole: float
    """Share of the clusters whose members all stand in one finding."""
    cluster_recall: float
    """Share of the pairs of one cluster (from two articles) that stand in one finding."""
    cluster_precision: float
    """Share of all the pairs of one finding (from two articles) that are in one cluster: precision
    over every pair the grouping makes, not only the labelled ones (which were drawn as the most
    alike pairs, half of them hard negatives)."""
    pairs: int
    positives: int


def load_splits(config: Config) -> tuple[Split, Split]:
    """The train and test splits of the corpus, analysed as a build analyses them."""
    split = load_yaml((LABELS / "split.yml").read_text("utf-8"))
    rules = load_rules(config)
    files = {path.name: path for path in [*CORPUS.glob("[abc][0-9]*"), *(REPO / "seeds").glob("*.txt")]}
    articles = [read_article(files[name].read_bytes(), name, rules) for name in sorted(files)]
    analysed = analyse(articles, config.article_summary_sentences, ANALYSIS_CACHE, gazetteer=config.entities)
    analysed, _ = resolve_entities(analysed, config.entities)
    by_file = {a.article.path: a for a in analysed}
    locate = _Locator(analysed)
    pairs = _labelled_pairs(locate)
    clusters = _clusters(locate)
    out = []
    for name in ("train", "test"):
        members = tuple(by_file[f] for f in sorted(split[name]))
        ids = {a.article.id for a in members}
        out.append(
            Split(
                name,
                members,
                {pair: label for pair, label in pairs.items() if all(side[0] in ids for side in pair)},
                tuple(c for c in (tuple(s for s in cluster if s[0] in ids) for cluster in clusters) if len({s[0] for s in c}) > 1),
            )
        )
    return out[0], out[1]


class _Locator:
    """Finds a labelled sentence (file and the start of its text) among the analysed sentences."""

    def __init__(self, analysed: Sequence[AnalysedArticle]) -> None:
        self.by_file = {a.article.path: a for a in analysed}

    def __call__(self, side: dict) -> Side | None:
        article = self.by_file[side["file"]]
        start = side["text"].strip()
        found = [s.index for s in article.sentences if s.usable and s.text.startswith(start)]
        return (article.article.id, found[0]) if found else None


def _labelled_pairs(locate: _Locator) -> dict[frozenset[Side], str]:
    pairs: dict[frozenset[Side], str] = {}
    for pair in load_yaml((LABELS / "pairs.yml").read_text("utf-8"))["pairs"]:
        a, b = locate(pair["a"]), locate(pair["b"])
        if a and b and a != b:
            pairs[frozenset((a, b))] = pair["label"]
    return pairs


def _clusters(locate: _Locator) -> list[tuple[Side, ...]]:
    clusters = load_yaml((LABELS / "clusters.yml").read_text("utf-8"))["clusters"]
    return [tuple(s for s in map(locate, c["members"]) if s) for c in clusters]


def _sentences(split: Split) -> tuple[list[Side], SameFact]:
    """The usable sentences of a split, in briefing order, and their same-fact evidence."""
    articles = chronological(split.articles)
    sides = [(a.article.id, s.index) for a in articles for s in a.sentences if s.usable]
    sentences = [s for a in articles for s in a.sentences if s.usable]
    return sides, SameFact(sentences, meanings(articles), model=_PLACEHOLDER)


_PLACEHOLDER = SameFactModel(tuple(0.0 for _ in FEATURES), 0.0, 0.5, 0.5)


#: The kinds of evidence compared by ``make train``: each is fitted and measured on its own.
METHODS = {
    "meaning only (embedding cosine)": ("meaning",),
    "words only (TF-IDF, containment, names, figures)": ("words", "contained", "containing", "names", "figures"),
    "all evidence (packaged)": FEATURES,
}


def fit(train: Split, features: Sequence[str] = FEATURES) -> SameFactModel:
    """Logistic regression on the train split's labelled pairs, over ``features`` (the others
    weigh 0); thresholds chosen by grouping the train split."""
    from sklearn.linear_model import LogisticRegression

    sides, same = _sentences(train)
    position = {side: i for i, side in enumerate(sides)}
    labelled = [(sorted(position[s] for s in pair), label) for pair, label in sorted(train.pairs.items(), key=lambda p: sorted(p[0]))]
    first = np.array([p[0] for p, _ in labelled])
    second = np.array([p[1] for p, _ in labelled])
    evidence = same.evidence(first, second)
    target = np.array([label == "same" for _, label in labelled])
    used = [FEATURES.index(name) for name in features]
    classifier = LogisticRegression(C=1.0, max_iter=1000).fit(evidence[:, used], target)
    fitted = dict(zip(used, classifier.coef_[0]))
    weights = tuple(round(float(fitted.get(k, 0.0)), 4) for k in range(len(FEATURES)))
    # A conflict may only lower the probability: scan() relies on it to skip pairs early.
    weights = tuple(min(w, 0.0) if name in HARD_CONFLICTS else w for name, w in zip(FEATURES, weights))
    model = SameFactModel(weights, round(float(classifier.intercept_[0]), 4), 0.5, 0.5)
    best = None
    for threshold in THRESHOLDS:
        scores = score(make_findings(train, replace(model, threshold=threshold, contested=threshold)), train)
        key = (scores.precision >= TRAIN_PRECISION, scores.recall if scores.precision >= TRAIN_PRECISION else scores.precision)
        if best is None or key > best[0]:
            best = (key, threshold)
    threshold = best[1]
    best = None
    for contested in THRESHOLDS:
        scores = score(make_findings(train, replace(model, threshold=threshold, contested=contested)), train)
        f1 = _f1(scores.contested_precision, scores.contested_recall)
        if best is None or f1 > best[0]:
            best = (f1, contested)
    return replace(model, threshold=threshold, contested=best[1])


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def make_findings(split: Split, model: SameFactModel) -> Briefing:
    """The findings a build of the split's articles makes with ``model``."""
    return assemble(split.articles, load_config(REPO), model)


def score(briefing: Briefing, split: Split) -> Scores:
    """Pair precision and recall of a briefing's findings against the split's labels."""
    finding_of: dict[Side, int] = {}
    disputing: dict[Side, int] = {}
    for k, finding in enumerate(briefing.findings):
        for ref in finding.sources:
            finding_of[(ref.article_id, ref.sentence)] = k
        for ref in finding.disputed_by:
            disputing[(ref.article_id, ref.sentence)] = k
    said = {"same": [0, 0], "contradicts": [0, 0]}  # per kind: [said and labelled so, said]
    labelled = {"same": 0, "contradicts": 0}
    for pair, label in split.pairs.items():
        a, b = sorted(pair)
        one = a in finding_of and finding_of.get(a) == finding_of.get(b)
        contested = (a in finding_of and disputing.get(b) == finding_of[a]) or (b in finding_of and disputing.get(a) == finding_of[b])
        for kind, is_said in (("same", one), ("contradicts", contested)):
            said[kind][1] += is_said
            said[kind][0] += is_said and label == kind
        if label in labelled:
            labelled[label] += 1
    whole = sum(len({finding_of.get(s, -1 - i) for i, s in enumerate(c)}) == 1 for c in split.clusters)
    together = [finding_of.get(a, -1) == finding_of.get(b, -2) for c in split.clusters for a, b in combinations(c, 2) if a[0] != b[0]]
    clusters_of: dict[Side, set[int]] = {}
    for k, cluster in enumerate(split.clusters):
        for side in cluster:
            clusters_of.setdefault(side, set()).add(k)
    grouped = [
        bool(clusters_of.get(a, set()) & clusters_of.get(b, set()))
        for finding in briefing.findings
        for a, b in combinations([(ref.article_id, ref.sentence) for ref in finding.sources], 2)
        if a[0] != b[0]
    ]
    return Scores(
        precision=said["same"][0] / said["same"][1] if said["same"][1] else 0.0,
        recall=said["same"][0] / labelled["same"] if labelled["same"] else 0.0,
        contested_precision=said["contradicts"][0] / said["contradicts"][1] if said["contradicts"][1] else 0.0,
        contested_recall=said["contradicts"][0] / labelled["contradicts"] if labelled["contradicts"] else 0.0,
        clusters_whole=whole / len(split.clusters) if split.clusters else 0.0,
        cluster_recall=sum(together) / len(together) if together else 0.0,
        cluster_precision=sum(grouped) / len(grouped) if grouped else 0.0,
        pairs=len(split.pairs),
        positives=labelled["same"],
    )


def candidate_recall(split: Split) -> tuple[float, float]:
    """Share of the split's labelled same pairs, and of its cluster pairs from two articles, that
    :meth:`SameFact.candidates` proposes: what no threshold can win back."""
    sides, same = _sentences(split)
    position = {side: i for i, side in enumerate(sides)}
    proposed = set(zip(*(side.tolist() for side in same.candidates())))

    def share(pairs: list[tuple[Side, Side]]) -> float:
        keys = [tuple(sorted((position[a], position[b]))) for a, b in pairs]
        return sum(key in proposed for key in keys) / len(keys) if keys else 0.0

    labelled = [tuple(pair) for pair, label in split.pairs.items() if label == "same"]
    clustered = {tuple(sorted(p)) for c in split.clusters for p in combinations(set(c), 2) if p[0][0] != p[1][0]}
    return share(labelled), share(sorted(clustered))


def recall_ceiling(split: Split, precision: float = 0.95) -> float:
    """The highest pair recall any grouping of the split's labelled sentences reaches at
    ``precision``, with no two sentences of one article in one finding (as
    :func:`~briefing.findings.similarity.same_fact_groups` groups): the labels themselves
    bound what a perfect judge of pairs could score. An exact integer program over the
    sentences the same pairs connect (a grouping is a transitive "together")."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    linked: dict[Side, set[Side]] = {}
    for pair, label in split.pairs.items():
        if label == "same":
            a, b = sorted(pair)
            linked.setdefault(a, set()).add(b)
            linked.setdefault(b, set()).add(a)
    components, seen = [], set()
    for start in sorted(linked):
        if start not in seen:
            component, todo = [], [start]
            seen.add(start)
            while todo:
                side = todo.pop()
                component.append(side)
                todo += [other for other in sorted(linked[side]) if other not in seen]
                seen.update(linked[side])
            components.append(sorted(component))
    # One variable per pair of sentences of one component: 1 when they share a finding.
    variable = {pair: k for k, pair in enumerate(pair for c in components for pair in combinations(c, 2))}
    label = {tuple(sorted(pair)): value for pair, value in split.pairs.items()}
    same = np.array([label.get(pair) == "same" for pair in variable], dtype=float)
    wrong = np.array([label.get(pair) not in (None, "same") for pair in variable], dtype=float)
    transitive = []
    for c in components:
        for a, b, c3 in combinations(c, 3):
            ab, ac, bc = variable[(a, b)], variable[(a, c3)], variable[(b, c3)]
            for x, y, z in ((ab, bc, ac), (ab, ac, bc), (ac, bc, ab)):
                row = np.zeros(len(variable))
                row[[x, y]], row[z] = 1.0, -1.0
                transitive.append(row)
    constraints = [LinearConstraint((wrong - (1 - precision) / precision * same)[None, :], -np.inf, 0.0)]
    if transitive:
        constraints.append(LinearConstraint(np.array(transitive), -np.inf, 1.0))
    upper = np.array([float(a[0] != b[0]) for a, b in variable])
    result = milp(-same, constraints=constraints, integrality=np.ones(len(variable)), bounds=Bounds(0.0, upper))
    positives = sum(value == "same" for value in split.pairs.values())
    return float(np.round(result.x) @ same) / positives if positives else 0.0


def seconds_per_thousand(split: Split, model: SameFactModel) -> tuple[float, float]:
    """CPU seconds per 1,000 sentences to embed them and to group them (this machine, one process:
    wall-clock time would measure the load of other work too)."""
    from briefing.analyse.embedding import embedder

    sentences = [s.text for a in split.articles for s in a.sentences if s.usable]
    embed = embedder()
    start = time.process_time()
    embed(sentences)
    embedding = time.process_time() - start
    make_findings(split, model)  # the first build also loads spaCy and the topic model: not grouping
    start = time.process_time()
    make_findings(split, model)
    grouping = time.process_time() - start
    return 1000 * embedding / len(sentences), 1000 * grouping / len(sentences)


def save(model: SameFactModel, train: Split) -> None:
    data = {
        "features": list(FEATURES),
        "weights": list(model.weights),
        "bias": model.bias,
        "threshold": model.threshold,
        "contested": model.contested,
        "trained_on": f"{len(train.pairs)} labelled pairs of {len(train.articles)} articles (labels/split.yml: train)",
    }
    MODEL_FILE.write_text(json.dumps(data, indent=1) + "\n", "utf-8")


def report(rows: Iterable[tuple[str, Scores, float, float]]) -> str:
    lines = [
        "| method | pair precision | pair recall | cluster pair precision | cluster pair recall | clusters whole | contested precision "
        "| contested recall | embed s / 1,000 sentences | group s / 1,000 sentences |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, s, embed, grouping in rows:
        lines.append(
            f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.cluster_precision:.3f} | {s.cluster_recall:.3f} | {s.clusters_whole:.3f} "
            f"| {s.contested_precision:.3f} "
            f"| {s.contested_recall:.3f} | {embed:.2f} | {grouping:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="measure the packaged model; write nothing")
    parser.add_argument("--compare", action="store_true", help="also fit and measure the model on each kind of evidence alone")
    args = parser.parse_args(argv)
    train, test = load_splits(load_config(REPO))
    print(
        f"train: {len(train.articles)} articles, {len(train.pairs)} labelled pairs; test: {len(test.articles)} articles, "
        f"{len(test.pairs)} labelled pairs ({sum(label == 'same' for label in test.pairs.values())} same), {len(test.clusters)} clusters"
    )
    from briefing.findings.similarity import trained_model

    model = trained_model() if args.check else fit(train)
    if not args.check:
        save(model, train)
        print(f"wrote {MODEL_FILE.relative_to(REPO)}: threshold {model.threshold}, contested {model.contested}")
    embed, grouping = seconds_per_thousand(test, model)
    rows = [("all evidence (packaged), test split", score(make_findings(test, model), test), embed, grouping)]
    if args.compare:
        for name, features in METHODS.items():
            if features != FEATURES:
                other = fit(train, features)
                rows.append((f"{name}, test split", score(make_findings(test, other), test), embed if "meaning" in features else 0.0, grouping))
    rows.append(("all evidence (packaged), train split", score(make_findings(train, model), train), embed, grouping))
    print(report(rows))
    labelled, clustered = candidate_recall(test)
    print(f"candidate pairs, test split: {labelled:.3f} of the labelled same pairs, {clustered:.3f} of the cluster pairs")
    print(f"highest pair recall any grouping reaches at precision 0.95, test split: {recall_ceiling(test):.3f}")
    if args.compare:
        # The whole trade-off on the test split: shown, never chosen from.
        print(
            report((f"all evidence, threshold {t}, test split", score(make_findings(test, replace(model, threshold=t)), test), embed, grouping) for t in CURVE)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
