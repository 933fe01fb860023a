"""The overview tells the story (issue 15): a lead, the latest developments, topics that sort.

The development corpus (tests/data/coverage/, 48 real articles of Nov 19 – Dec 5 2025) is
built for real with the repository's briefing.yml; its labels (labels/developments.yml,
labels/topics.tsv, labels/split.yml) say what an editor would put in a daily briefing and
the topic of every usable sentence.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections import Counter
from collections.abc import Collection
from pathlib import Path

import numpy as np
import pytest
import yaml

from briefing.analyse import analyse
from briefing.analyse.entities import resolve_entities
from briefing.commands.build import WORK_DIR
from briefing.config import load_config
from briefing.content import Finding, Mention, Sentence, SourceRef, TrackedItem
from briefing.findings import assemble
from briefing.findings.story import LATEST_DATES, LATEST_PER_DATE, LONG_STATEMENT, Story, reads_alone, stands_alone
from briefing.findings.train import ANALYSIS_CACHE, load_splits
from briefing.ingest import read_article
from briefing.ingest.rules import load_rules

from conftest import REPO, build, lines_naming_a_file, make_project

CORPUS = REPO / "tests" / "data" / "coverage"
LABELS = CORPUS / "labels"
#: A second story, held out: articles of the fortnight after the corpus's, and their developments.
STORY_SECOND = REPO / "tests" / "data" / "story-second"
STORY_THIRD = REPO / "tests" / "data" / "story-third"
STORY_FOURTH = REPO / "tests" / "data" / "story-fourth"
STORY_FIFTH = REPO / "tests" / "data" / "story-fifth"
STORY_SIXTH = REPO / "tests" / "data" / "story-sixth"
STORY_SEVENTH = REPO / "tests" / "data" / "story-seventh"
#: The labels' topic names as briefing.yml's topic ids.
TOPIC_OF_LABEL = {
    "plan-terms": "plan-terms",
    "talks": "talks",
    "european-reaction": "european-reaction",
    "battlefield": "battlefield-claims",
    "ukrainian-domestic-politics": "ukrainian-domestic-politics",
    "other": "other",
}


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory) -> Path:
    """The development corpus and the seeds, built once with the repository's configuration; its
    analysis is the one load_splits keeps (the topic precision below, test_findings.py), made once."""
    project = make_project(tmp_path_factory.mktemp("coverage") / "briefing", git_init=False, analysed=False)
    for path in CORPUS.glob("[abc][0-9]*"):
        shutil.copy(path, project / "seeds" / path.name)
    ANALYSIS_CACHE.mkdir(parents=True, exist_ok=True)
    (project / WORK_DIR).mkdir()
    (project / WORK_DIR / "cache").symlink_to(ANALYSIS_CACHE, target_is_directory=True)
    build(project, commit=False)
    return project


def test_no_page_of_the_corpus_build_names_a_file(corpus_project):
    """Issue 14: 48 articles from other sites, half of them bare text, and still no "seeds/…" or "….txt" in prose."""
    assert lines_naming_a_file(corpus_project / "site_docs") == []


def _data(project: Path) -> dict:
    return json.loads((project / "site_docs" / "briefing.json").read_text("utf-8"))


def _cited(markdown: str) -> set[str]:
    """The footnote labels cited in a stretch of Markdown."""
    return {part.split("]", 1)[0] for part in markdown.split("[^")[1:]}


def _overview_story(project: Path) -> str:
    overview = (project / "site_docs" / "index.md").read_text("utf-8")
    return overview.split("## Summary", 1)[1].split("## Key facts", 1)[0]


def _developments_carried(project: Path, developments: Path) -> list[str]:
    """The developments of ``developments`` (each with the opening words of every sentence that reports it)
    that the overview's lead and latest developments cite a sentence of."""
    data = _data(project)
    label_of = {(a["path"].split("/")[-1]): a["id"] for a in data["articles"]}
    opening = {}
    for finding in data["findings"]:
        for source in finding["sources"]:
            opening[f"{source['article']}-s{source['sentence']}"] = (source["article"], " ".join(source["excerpt"].split()))
    cited = [opening[label] for label in _cited(_overview_story(project)) if label in opening]
    carried = []
    for development in yaml.safe_load(developments.read_text("utf-8"))["developments"]:
        members = {(label_of[m["file"]], " ".join(m["text"].split())[:60]) for m in development["members"]}
        if any(article == a and text.startswith(start) for article, text in cited for a, start in members):
            carried.append(development["id"])
    return carried


def test_the_corpus_overview_carries_at_least_ten_of_its_developments(corpus_project):
    carried = _developments_carried(corpus_project, LABELS / "developments.yml")
    assert len(carried) >= 10, f"the overview carries {len(carried)} developments: {carried}"


@pytest.mark.parametrize("corpus", [STORY_SECOND, STORY_THIRD, STORY_FOURTH, STORY_FIFTH, STORY_SIXTH, STORY_SEVENTH], ids=lambda corpus: corpus.name)
def test_a_fortnight_no_rule_was_written_on_tells_at_least_ten_of_its_developments(corpus, tmp_path):
    """Six fortnights of Dec 6 2025 - Mar 14 2026 (story-second/ to story-seventh/: 19 to 26 articles, 24 to 28
    developments each), each with the developments an annotator listed from the texts alone, each first built once
    the lead's rules of its day were written (first builds carried 10, 10, 13, 17, 18 and 17; docs/findings.md)."""
    project = make_project(tmp_path / "briefing", seeds=None, git_init=False)
    for path in corpus.glob("[0-9]*.md"):
        shutil.copy(path, project / "seeds" / path.name)
    build(project, commit=False)
    carried = _developments_carried(project, corpus / "developments.yml")
    assert len(carried) >= 10, f"the overview carries {len(carried)} developments: {carried}"


def test_the_corpus_people_page_holds_no_place(corpus_project):
    """spaCy takes "Kiev", "Donbass" or "Zaporizhzhia" for a person's name at times; the gazetteer's places, with their
    other spellings, keep them off the people page."""
    places = {"Kiev", "Kyiv", "Donbass", "Donbas", "Zaporizhzhia"} | {e.name for e in load_config(REPO).entities if e.type == "GPE"}
    headings = re.findall(r"^## (.+?) \{#", (corpus_project / "site_docs" / "people.md").read_text("utf-8"), re.M)
    assert headings and not places & set(headings), places & set(headings)


def test_latest_developments_come_newest_date_first_each_first_reported_that_day(corpus_project):
    data = _data(corpus_project)
    dates = [day["date"] for day in data["latest"]]
    assert dates == sorted(dates, reverse=True) and 2 <= len(dates) <= LATEST_DATES
    date_of = {a["id"]: a["date"] for a in data["articles"]}
    findings = {f["id"]: f for f in data["findings"]}
    for day in data["latest"]:
        assert 1 <= len(day["findings"]) <= LATEST_PER_DATE
        for finding_id in day["findings"]:
            dated = [date_of[s["article"]] for s in findings[finding_id]["sources"] if date_of[s["article"]]]
            assert min(dated) == day["date"]
    overview = (corpus_project / "site_docs" / "index.md").read_text("utf-8")
    assert "## Latest developments" in overview and f"### {dates[0]}" in overview
    for page in ("timeline.md", "changes.md"):
        assert "(index.md#latest-developments)" in (corpus_project / "site_docs" / page).read_text("utf-8")


def test_lead_lines_are_short_stand_alone_and_one_per_development(corpus_project, seeds_project):
    for project in (corpus_project, seeds_project):
        lines = [line[2:] for line in _overview_story(project).splitlines() if line.startswith("- ")]
        assert lines
        for line in lines:
            text = line.split("[^", 1)[0]
            assert len(text.split()) <= LONG_STATEMENT and stands_alone(text), text
        assert len(set(lines)) == len(lines)
        assert 0 < len(_data(project)["summary"]) <= 8


@pytest.mark.parametrize(
    "text, alone",
    [
        ("A senior Ukrainian official told Reuters that Kyiv had only received “signals” about the proposals.", True),
        ("He said the plan was a basis for talks.", False),
        ("However, the Kremlin denied it.", False),
        ("In addition, the army would be capped.", False),
        ("According to him, the EU and the US must agree on further steps.", False),
        ("A senior Ukrainian official also told the news outlet that they have received signals about the plan.", False),
        ("According to the publication, the document was developed over several weeks.", False),
        ("The outlet reported that the brigade had withdrawn.", False),
        ("Repairs will take a week, the agency added.", False),
        ("The publication of the draft last week alarmed European capitals.", True),
        ("the plan would cap the army", False),
        ("Macron also announced new sanctions.", False),
        ("The deal also states that Ukraine would hold elections.", False),
        ("Kaja Kallas said Europe must have a say and also warned against a deal over Kyiv's head.", True),
        # An office named before, as the subject: who it is, the sentence before says.
        ("The Russian leader was speaking at a plenary session of the VTB Russia Calling Investment forum in Moscow.", False),
        ("The President said the talks went well.", False),
        ("The US envoy said the talks were productive.", False),
        ("The head of Ukraine's delegation, Rustem Umerov, said the talks were hard.", True),
        ("The European Commission has prepared a proposal for a reparations loan.", True),
        ("The leaders of France and Germany met in Berlin.", True),
        # A connective set off by commas, a step of a list, an answer, an addition past a lead-in.
        ("Ukraine’s Air Force, meanwhile, said Russia launched 62 long-range strike drones overnight.", False),
        ("Moscow, however, said the appeal was made to help the talks.", False),
        ("Zelensky, too, said the talks were hard.", False),
        ("Kyiv, Kharkiv and Odesa were hit overnight, the air force said.", True),
        ("First, the appointment of Kyrylo Budanov to take charge of the presidential administration.", False),
        ("First Deputy Prime Minister Yulia Svyrydenko said the talks went well.", True),
        ("In response, Trump shared a social media post.", False),
        ("In response to Trump’s criticism, Zelensky said Ukraine needs guarantees.", True),
        ("According to The Associated Press, Russia also targeted energy infrastructure in Odesa region.", False),
        ("Too many civilians have died this winter, the mayor said.", True),
        ("As previously reported, Russian forces dropped three aerial bombs on Sloviansk this morning.", False),
        ("As reported by Reuters, Russian forces dropped three aerial bombs on Sloviansk.", True),
    ],
)
def test_a_lead_line_stands_alone(text, alone):
    assert stands_alone(text) is alone


def _story(
    *findings: tuple[str, tuple[str, ...], str, bool],
    dates: dict[str, str] | None = None,
    meanings: np.ndarray | None = None,
    background: Collection[str] = (),
) -> tuple[Story, list[Finding]]:
    """A story of findings given as (text, articles, topic, refers back), each of its own orthogonal meaning unless
    ``meanings`` gives one row per finding; ``dates`` gives an article's date (none by default); the findings named
    in ``background`` tell how things are."""
    made, sentences_of, vector_of = [], {}, {}
    for k, (text, articles, topic, refers_back) in enumerate(findings):
        sentence = Sentence(1, text, 1, "body", (), (Mention("Kyiv", "GPE", None),), refers_back=refers_back, background=f"f{k}" in background)
        finding = Finding(f"f{k}", topic, text, tuple(SourceRef(a, 1, text) for a in articles), articles)
        made.append(finding)
        sentences_of[finding.id] = [sentence]
        vector_of[finding.id] = (np.eye(len(findings)) if meanings is None else meanings)[k]
    return Story(made, sentences_of, vector_of, lambda ref: (dates or {}).get(ref.article_id), ()), made


def test_a_lead_line_comes_from_other_articles_before_the_same_articles_again():
    story, findings = _story(
        ("The Commission proposed a loan for Kyiv.", ("a", "b"), "europe", False),
        ("The proposal meets Belgium's concerns, von der Leyen said.", ("a", "b"), "europe", False),
        ("Putin met the US envoys in Moscow.", ("c", "d"), "talks", False),
    )
    assert [f.id for f in story.lead(findings, 2)] == ["f0", "f2"]
    # With nothing else to tell, the same articles give a second line.
    assert [f.id for f in story.lead(findings, 3)] == ["f0", "f1", "f2"]


def test_of_equal_weight_the_lead_tells_what_came_before_the_latest_developments():
    # One article a day for eight days; the latest developments cover the six newest.
    days = [f"2025-12-{d:02d}" for d in range(1, 9)]
    story, findings = _story(
        *((f"Kyiv reported event {k}.", (days[k],), "talks", False) for k in range(8)),
        ("Putin met the US envoys in Moscow.", ("x", "y"), "talks", False),
        dates={**{d: d for d in days}, "x": days[7], "y": days[7]},
    )
    later = story.latest_dates(findings)
    assert later == days[:1:-1]
    # The corroborated finding leads whatever its date; then the days the latest developments do not show.
    assert [f.id for f in story.lead(findings, 3, later=later)] == ["f8", "f1", "f0"]
    assert [f.id for f in story.lead(findings, 3)] == ["f8", "f7", "f6"]


def test_of_equal_weight_the_lead_takes_first_what_more_publishers_echo():
    # Three publishers tell a strike on Kyiv within a day, in sentences no finding joins (cosine 0.6); an aside of
    # the newest day comes first by date and position, and a like sentence three days on echoes nothing.
    aside, strike, retold = [0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.6, 0.0, 0.8]
    story, findings = _story(
        ("Kyiv's mayor opened a new bridge.", ("a",), "other", False),
        ("A Russian attack on Kyiv killed four.", ("b",), "battlefield", False),
        ("Four people were killed in Kyiv overnight.", ("c",), "battlefield", False),
        ("Russian strikes on Kyiv killed four people.", ("d",), "battlefield", False),
        ("Russian strikes on Kyiv killed two people.", ("e",), "battlefield", False),
        dates={"a": "2026-01-10", "b": "2026-01-09", "c": "2026-01-09", "d": "2026-01-10", "e": "2026-01-13"},
        meanings=np.array([aside, strike, retold, retold, retold]),
    )
    assert [story.echoed_by[f.id] for f in findings] == [1, 3, 3, 3, 1]
    assert [f.id for f in story.important_first(findings)][:2] == ["f4", "f0"]
    # The strike leads; its echoes tell the same development, so the aside comes next.
    assert [f.id for f in story.lead(findings, 2)] == ["f3", "f0"]


def test_of_equal_weight_the_lead_tells_what_happened_before_how_things_are():
    story, findings = _story(
        ("Lithuania sits between Kaliningrad and Belarus.", ("a",), "other", False),
        ("Russian drones struck Kyiv overnight.", ("b",), "battlefield", False),
        ("The Geneva round represents a test of diplomacy.", ("c", "d"), "talks", False),
        background={"f0", "f2"},
    )
    # Weight first: two publishers lead, whatever they tell; then the strike before the geography.
    assert [f.id for f in story.lead(findings, 3)] == ["f2", "f1", "f0"]
    # Topic pages keep their order: publishers, then recency and position.
    assert [f.id for f in story.important_first(findings)] == ["f2", "f0", "f1"]


def test_a_thing_named_only_as_the_subject_reads_alone_when_the_briefing_is_about_it():
    lawsuit = Sentence(1, "The lawsuit was filed on Friday.", 1, "body", (), definite_subject="lawsuit")
    plan = Sentence(2, "The plan was put forward by G7 finance ministers.", 1, "body", (), definite_subject="plan")
    assert not reads_alone(lawsuit) and not reads_alone(plan)
    # In a briefing whose title or description names a plan, "The plan" is that plan.
    assert reads_alone(plan, {"plan", "peace"}) and not reads_alone(lawsuit, {"plan", "peace"})


def test_of_equal_weight_the_lead_takes_an_articles_opening_statement_first():
    texts = [("a", 1, "Novartis has announced 5.65bn euros of purchases."), ("a", 2, "Novartis said the deal would bring savings."), ("b", 1, "MCI agreed a $6.75bn buyout.")]
    refs = [SourceRef(article, index, text) for article, index, text in texts]
    found = [Finding(f"f{k}", "business", ref.excerpt, (ref,), (ref.article_id,)) for k, ref in enumerate(refs)]
    sentences = {f.id: [Sentence(ref.sentence, ref.excerpt, 1, "body", (), (Mention("Novartis", "ORG", None),))] for f, ref in zip(found, refs)}
    story = Story(found, sentences, {f.id: np.eye(3)[k] for k, f in enumerate(found)}, lambda ref: None, ())
    # By position alone the second sentence of the first article came before the second article's first.
    assert [f.id for f in story.important_first(found)] == ["f0", "f1", "f2"]
    assert [f.id for f in story.lead(found, 3)] == ["f0", "f2", "f1"]


def test_a_line_reporting_a_tracked_item_is_about_what_the_briefing_tracks():
    def finding(k: int, text: str, subject: str) -> tuple[Finding, Sentence]:
        ref = SourceRef(f"a{k}", 1, text)
        sentence = Sentence(1, text, 1, "body", (), (Mention("Ukraine", "GPE", None),), definite_subject=subject)
        return Finding(f"f{k}", "plan-terms", text, (ref,), (f"a{k}",)), sentence

    proposal = finding(0, "The draft proposal calls for Ukraine to cede territory.", "proposal")
    person = finding(1, "The same person confirmed that Moscow promised no further attacks.", "person")
    lawsuit = finding(2, "The lawsuit was filed on Friday.", "lawsuit")
    pairs = [proposal, person, lawsuit]
    items = [TrackedItem("Ukraine cedes land", (("A", proposal[0].sources[0]),)), TrackedItem("No attacks", (("B", person[0].sources[0]),))]
    story = Story([f for f, _ in pairs], {f.id: [s] for f, s in pairs}, {f.id: np.eye(3)[k] for k, (f, _) in enumerate(pairs)}, lambda ref: None, items)
    # "The draft proposal" is the plan the items track; a person named by a role still needs naming, as does a lawsuit.
    assert [story.shown(f) is not None for f, _ in pairs] == [True, False, False]


def test_a_finding_that_names_only_what_came_before_gives_no_lead_line():
    story, findings = _story(
        ("Witkoff and Kushner will present that document to Putin on Tuesday.", ("a", "b"), "talks", True),
        ("Putin met the US envoys in Moscow.", ("c",), "talks", False),
    )
    assert story.shown(findings[0]) is None
    assert [f.id for f in story.lead(findings, 2)] == ["f1"]


def _seeds_overview(project: Path) -> str:
    return (project / "site_docs" / "index.md").read_text("utf-8").split("## Topics", 1)[0]


def test_the_seeds_overview_carries_the_plans_terms_the_denial_and_europe(seeds_project):
    text = _seeds_overview(seeds_project)
    for words in (("cede territory", "weaponry", "military assistance"), ("Kremlin denied",), ("European",)):
        assert all(w in text for w in words), words


def test_the_seeds_overview_carries_the_kupiansk_dispute(seeds_project):
    assert "Kupiansk" in _seeds_overview(seeds_project)


def test_topic_pages_list_the_most_corroborated_first_then_the_newest(corpus_project):
    data = _data(corpus_project)
    findings = {f["id"]: f for f in data["findings"]}
    date_of = {a["id"]: a["date"] or "" for a in data["articles"]}
    # Each tracked item a finding reports adds to its weight, as its publishers do.
    signalled = [set(item["reports"].values()) for topic in data["topics"] for item in topic["items"]]

    def weight(finding: dict) -> int:
        labels = {f"{s['article']}-s{s['sentence']}" for s in finding["sources"]}
        return len(finding["publishers"]) + sum(bool(labels & refs) for refs in signalled)

    for topic in data["topics"]:
        keys = [(weight(findings[i]), max(date_of[s["article"]] for s in findings[i]["sources"])) for i in topic["findings"]]
        assert keys == sorted(keys, reverse=True), topic["id"]


def _filed_by_label(analysed=None, labels: Path = LABELS / "topics.tsv") -> Counter[tuple[str, str]]:
    """How many of the held-out articles' labelled sentences of each topic (the label's, as a
    topic id) the build's matcher files under each topic: ``(labelled, filed) -> count``. The
    articles are the test split's unless ``analysed`` are given, with their ``labels``."""
    config = load_config(REPO)
    if analysed is None:
        analysed = load_splits(config)[1].articles
    briefing = assemble(analysed, config)
    topic_of = {}
    for finding in briefing.findings:
        for source in finding.sources:
            topic_of[(source.article_id, source.sentence)] = finding.topic
    id_of = {a.article.path: a for a in analysed}
    counts: Counter[tuple[str, str]] = Counter()
    with labels.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows, delimiter="\t"):
            article = id_of.get(row["file"])
            found = article and [s.index for s in article.sentences if s.usable and s.text.startswith(row["text"][:60].strip())]
            filed = found and topic_of.get((article.article.id, found[0]))
            if filed:
                counts[(TOPIC_OF_LABEL[row["topic"]], filed)] += 1
    return counts


def _precision_and_recall(counts: Counter[tuple[str, str]]) -> tuple[dict[str, tuple[int, int]], int, int]:
    """Per configured topic filed under, (right, filed); and how many labelled with a configured topic were filed under it, of how many."""
    topics = sorted({filed for _, filed in counts} - {"other"})
    precision = {topic: (counts[(topic, topic)], sum(n for (_, f), n in counts.items() if f == topic)) for topic in topics}
    for topic, (right, filed) in precision.items():
        labelled = sum(n for (label, _), n in counts.items() if label == topic)
        print(f"{topic}: precision {right}/{filed}, recall {right}/{labelled}")
    found = sum(right for right, _ in precision.values())
    labelled = sum(n for (label, _), n in counts.items() if label != "other")
    print(f"filed under their topic: {found}/{labelled}; under other: {sum(n for (_, f), n in counts.items() if f == 'other')}")
    return precision, found, labelled


#: 30 pages from 29 sites the topics never saw (data/metadata-dev3/), their sentences labelled by topic
#: (topics.tsv) before any was filed: a second held-out measure.
FRESH = REPO / "tests" / "data" / "metadata-dev3"


def _fresh_pages():
    """The fresh pages, read and analysed as a build does (the analysis cached with the corpus's)."""
    config = load_config(REPO)
    rules = load_rules(config)
    articles = [read_article(path.read_bytes(), path.name, rules) for path in sorted(FRESH.glob("m*.txt"))]
    analysed = analyse(articles, config.article_summary_sentences, ANALYSIS_CACHE, gazetteer=config.entities)
    return resolve_entities(analysed, config.entities)[0]


#: Floor on each topic's precision on the test split: the lowest figure docs/findings.md
#: reports (plan terms, 8/11 = 0.73), rounded down. The issue's target, 0.9 on every topic, is not reached.
TOPIC_PRECISION = 0.7
#: Floor on the share of the test split's sentences labelled with a configured topic that are
#: filed under it (105/218 = 0.48 in docs/findings.md), so precision is not bought by filing
#: almost everything under "Other reporting".
TOPIC_RECALL = 0.45


def test_topic_precision_on_held_out_articles():
    """Precision per configured topic, and recall over them, on the test split (labels/split.yml),
    printed for the report."""
    precision, found, labelled = _precision_and_recall(_filed_by_label())
    for topic, (right, filed) in precision.items():
        assert right / filed >= TOPIC_PRECISION, f"{topic}: {right}/{filed}"
    assert found / labelled >= TOPIC_RECALL


#: Floors on the fresh pages, at the figures docs/findings.md reports: European reaction 1/4 the lowest
#: precision (battlefield 100/100, plan terms 2/2, talks 54/68; nothing filed under domestic
#: politics), 157/288 of the sentences labelled with a configured topic filed under it.
FRESH_PRECISION = 0.25
FRESH_RECALL = 0.5


def test_topic_precision_on_fresh_held_out_pages():
    """The same on the fresh pages, printed for the report."""
    precision, found, labelled = _precision_and_recall(_filed_by_label(_fresh_pages(), FRESH / "topics.tsv"))
    for topic, (right, filed) in precision.items():
        assert right / filed >= FRESH_PRECISION, f"{topic}: {right}/{filed}"
    assert found / labelled >= FRESH_RECALL


def test_a_second_annotator_agrees_with_the_topic_labels_as_the_docs_say():
    """What docs/findings.md sets beside the topic figures: 220 train sentences labelled again, blind,
    from the topics' descriptions; the second annotator's precision per topic, judged by the first's
    labels as the model is, is how far one careful reader agrees with the other."""

    def labels(name: str) -> dict[tuple[str, str], str]:
        with (LABELS / name).open(encoding="utf-8") as rows:
            return {(row["file"], row["text"]): row["topic"] for row in csv.DictReader(rows, delimiter="\t")}

    first, second = labels("topics.tsv"), labels("topics-second.tsv")
    assert len(second) == 220 and second.keys() <= first.keys()
    assert sum(first[k] == topic for k, topic in second.items()) == 176  # of 220: 0.80, Cohen's kappa 0.73
    filed = Counter(second.values())
    right = Counter(topic for k, topic in second.items() if first[k] == topic)
    assert {topic: (right[topic], filed[topic]) for topic in ("plan-terms", "talks")} == {"plan-terms": (24, 51), "talks": (76, 84)}


def test_topic_examples_come_from_their_file_and_train_articles_only():
    """briefing.yml's topic_examples file gives each topic its examples, and every one is a
    labelled sentence of a train article, so the figures above are measured on articles the
    model never saw (a line of site furniture may also appear in a test article)."""
    config = load_config(REPO)
    examples = {text for topic in (*config.topics, config.other_topic) for text in topic.examples}
    in_file = yaml.safe_load((REPO / config.topic_examples).read_text("utf-8"))
    assert examples == {text for texts in in_file.values() for text in texts} and len(examples) > 400
    train = set(yaml.safe_load((LABELS / "split.yml").read_text("utf-8"))["train"])
    with (LABELS / "topics.tsv").open(encoding="utf-8") as rows:
        assert examples <= {row["text"].strip() for row in csv.DictReader(rows, delimiter="\t") if row["file"] in train}


def test_the_topic_model_files_as_scikit_learn_would_and_is_kept_for_its_examples(tmp_path):
    """A build applies the learned weights itself (no scikit-learn import) and keeps them in
    ``.briefing/grouping/``; other examples learn and keep another model."""
    from dataclasses import replace

    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from briefing.analyse.embedding import embedder
    from briefing.findings import TOPIC_REGULARISATION, TOPICS_PACK, topic_model

    config = load_config(REPO)
    few = replace(config, topics=tuple(replace(t, examples=t.examples[:12]) for t in config.topics), other_topic=replace(config.other_topic, examples=()))
    two = replace(few, topics=few.topics[:2])
    for chosen in (few, two):
        model = topic_model(chosen, tmp_path)
        texts = [text for topic in chosen.topics for text in topic.examples]
        vectors = embedder()(texts).astype(np.float32)
        learned = LogisticRegression(C=TOPIC_REGULARISATION, max_iter=3000).fit(vectors, [t.id for t in chosen.topics for _ in t.examples])
        assert model.classes == tuple(learned.classes_)
        ours, theirs = model.probabilities(vectors), learned.predict_proba(vectors)
        # Several topics: the very same arithmetic. Two: scikit-learn's logistic, in float32.
        assert np.array_equal(ours, theirs) if len(chosen.topics) > 2 else np.allclose(ours, theirs, rtol=0, atol=1e-6)
    kept = (tmp_path / TOPICS_PACK).read_bytes()
    again = topic_model(two, tmp_path)  # read back, not learned again
    assert (tmp_path / TOPICS_PACK).read_bytes() == kept and np.array_equal(again.weights, model.weights)
    topic_model(few, tmp_path)
    assert (tmp_path / TOPICS_PACK).read_bytes() != kept


def test_the_overviews_in_chromium(browser, seeds_project, corpus_project):
    """Screenshots of both overviews for review (test-output/); the latest developments show only
    where the articles span more than one day, and the pages load without a problem."""
    from browser import Reader, serve

    output = REPO / "test-output"
    output.mkdir(exist_ok=True)
    for name, project, has_latest in (("overview-seeds", seeds_project, False), ("overview-coverage", corpus_project, True)):
        with serve(project / "site") as base:
            reader = Reader.open(browser, base)
            page = reader.visit("index.html")
            assert page.locator("h2#latest-developments").count() == int(has_latest)
            page.screenshot(path=output / f"{name}.png", full_page=True)
            assert reader.problems == []
            reader.close()
