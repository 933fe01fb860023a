"""Findings: same-fact grouping scored on labelled pairs, corroboration by independent
publisher, contested claims, tracked items, summaries, and a second story (BBC)."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.analyse import _sentences_of, breaks_off, known_words
from briefing.analyse.embedding import embedder
from briefing.analyse.nlp import load_nlp
from briefing.analyse.numbers import numbers
from briefing.config import load_config
from briefing.content import Article, Attribution, Finding, Number, Paragraph, Sentence, SourceRef
from briefing.core import make_briefing
from briefing.findings import chronological, meanings
from briefing.findings.claims import claimant, contest
from briefing.findings.similarity import (
    SameFact,
    answered_before,
    common_lemma_limit,
    denial_answers,
    denies,
    figures_conflict,
    periods,
    scan,
    states_a_denial,
    trained_model,
)
from briefing.findings.story import stands_alone
from briefing.findings.train import candidate_recall, load_splits, make_findings, score

from conftest import BBC, REPO, build, make_project

BBC_CONFIG = REPO / "tests" / "data" / "bbc-election" / "briefing.yml"
#: A sample of the BBC politics articles about the 2005 campaign, small enough to build fast.
BBC_SAMPLE = ("005", "007", "009", "013", "021", "022", "036", "093", "110", "159")


def _briefing(project: Path):
    config = load_config(project)
    return config, make_briefing(project, config, cache_dir=project / ".briefing" / "cache")


def _analysed(project: Path):
    """The analysed articles as a build has them (entities resolved, unusable articles left out)."""
    config, briefing = _briefing(project)
    return config, briefing.articles


def _data(project: Path) -> dict:
    return json.loads((project / "site_docs" / "briefing.json").read_text("utf-8"))


def _seed_files(project: Path, finding: dict) -> set[str]:
    path = {a["id"]: a["path"].rsplit("/", 1)[-1][:3] for a in _data(project)["articles"]}
    return {path[s["article"]] for s in (*finding["sources"], *finding["disputed_by"])}


def _finding_with(project: Path, excerpt_start: str) -> dict:
    found = [f for f in _data(project)["findings"] if any(s["excerpt"].startswith(excerpt_start) for s in f["sources"])]
    assert len(found) == 1, excerpt_start
    return found[0]


#: Floors on the held-out test split of the development corpus (labels/split.yml): the figures
#: docs/findings.md reports (0.375, 0.070), rounded down. They guard regressions; the issue's
#: targets (precision 0.95, recall 0.80) are not reached, see docs/findings.md for why.
TEST_SPLIT_PRECISION = 0.35
TEST_SPLIT_RECALL = 0.06
#: Share of the test split's labelled same pairs the candidate pairs hold (measured 0.930): a pair
#: missing there is lost whatever the model says.
TEST_SPLIT_CANDIDATE_RECALL = 0.9


def test_grouping_holds_its_figures_on_the_held_out_articles(capsys):
    train, test = load_splits(load_config(REPO))
    assert not {a.article.id for a in train.articles} & {a.article.id for a in test.articles}
    assert sum(label == "same" for label in test.pairs.values()) >= 40 and len(test.pairs) >= 300  # worth scoring
    scores = score(make_findings(test, trained_model()), test)
    with capsys.disabled():
        print(f"\nsame fact, test split: precision {scores.precision:.3f}, recall {scores.recall:.3f}")
    assert scores.precision >= TEST_SPLIT_PRECISION
    assert scores.recall >= TEST_SPLIT_RECALL
    assert candidate_recall(test)[0] >= TEST_SPLIT_CANDIDATE_RECALL


def test_candidates_and_batched_probabilities_match_their_definitions(seeds_project):
    config, briefing = _briefing(seeds_project)
    articles = chronological(briefing.articles)
    sentences = [s for a in articles for s in a.sentences if s.usable]
    same = SameFact(sentences, meanings(articles))
    first, second = same.candidates()
    limit = common_lemma_limit(len(sentences))
    df = Counter(lemma for s in sentences for lemma in set(s.lemmas))
    rare = [{lemma for lemma in s.lemmas if df[lemma] <= limit} for s in sentences]
    sharing = [(i, j) for i in range(len(sentences)) for j in range(i + 1, len(sentences)) if rare[i] & rare[j]]
    assert list(zip(first.tolist(), second.tolist())) == sharing
    # One pair at a time gives what the whole batch gives, to the bit.
    batch = same.probabilities(first, second).tolist()
    fresh = SameFact(sentences, meanings(articles))
    assert [fresh.score(i, j) for i, j in sharing[:300]] == batch[:300]
    alike, _ = scan(same, [a.article.id for a in articles for s in a.sentences if s.usable])
    assert len(alike) >= 20  # pairs worth grouping among them
    assert all(p >= same.model.threshold for p, _, _ in alike)


def test_figures_disagree_only_for_one_count_of_one_thing():
    nlp = load_nlp(())

    def sentence(text: str) -> Sentence:
        doc = nlp(text)
        return Sentence(1, text, 0, "body", (), numbers=numbers(doc[:]))

    killed_20 = sentence("The strike killed 20 people in Ternopil.")
    assert figures_conflict(killed_20, sentence("The strike killed 26 people in Ternopil."))
    assert not figures_conflict(killed_20, sentence("The strike killed about 20 people in Ternopil."))
    assert not figures_conflict(killed_20, sentence("The strike killed 20 people and wounded 66 in Ternopil."))
    close = sentence("Shares rose $1.83 to close at $23.89.")
    assert not figures_conflict(close, sentence("Shares rose $1.83, or 8.3 percent, to close at $23.89."))
    assert not figures_conflict(sentence("The army would be capped at 600,000."), sentence("The army would be capped at about 600,000."))
    missing = sentence("About two dozen people were still missing.")
    assert not figures_conflict(missing, sentence("Zelenskyy said at least 22 people were still missing."))
    assert figures_conflict(missing, sentence("Officials said 40 people were still missing."))


def _said(text: str) -> Sentence:
    """The first sentence of ``text`` as the analysis reads it: lemmas, numbers, who said what."""
    article = Article("a", "seeds/a.txt", "h", None, None, None, None, None, None, (Paragraph(text),))
    ((sentence, *_),) = _sentences_of(load_nlp(), [article], ())
    return sentence


def _numbered(text: str, *numbers: tuple[str, float, str]) -> Sentence:
    """A sentence as the analysis may read it: only the numbers given, where the parse missed others."""
    return Sentence(1, text, 0, "body", ("x", "y", "z"), numbers=tuple(Number(*n) for n in numbers))


def test_figures_of_one_quantity_of_one_thing_are_a_dispute():
    for first, second in (
        ("The strike killed 20 people in Ternopil.", "The strike killed 26 people in Ternopil."),
        ("The army would be capped at 600,000 troops.", "The army would be capped at 800,000 troops."),
        ("The strike killed 26 people in Ternopil.", "The strike killed 26,000 people in Ternopil."),  # "26" is not written in "26,000"
    ):
        assert figures_conflict(_said(first), _said(second), strict=True)


# Each kind of pair that the grouping of the BBC corpus once showed as contested, in other words.
@pytest.mark.parametrize(
    ("first", "second"),
    [
        # A part is no rival of the whole.
        ("Mr Mubanga and the three other freed detainees were released without charge.", "Mr Mubanga is the first of the four detainees freed last month."),
        # A price a share is no rival of the offer's total.
        ("The board rejected the 530 pence-a-share offer from its rival.", "Last week the board rejected a £1.3bn offer from its rival."),
        # A rank is no count.
        ("The band moved up one place to number three.", "The band rose 23 places to number six."),
        # "rose" says of what only through its subject: earnings are not retail sales.
        ("Average earnings rose by 4.3% in the year.", "Retail sales rose 0.6% in the year."),
    ],
)
def test_figures_of_other_things_are_no_dispute(first, second):
    assert figures_conflict(_said(first), _said(second))
    assert not figures_conflict(_said(first), _said(second), strict=True)


def test_figures_a_sentence_also_writes_or_that_count_a_unit_are_no_dispute():
    # The dollar figure of "$11bn (£5.8bn)" missed by the parse, and a currency taken for what is counted.
    converted = _numbered("He is accused of overseeing an $11bn (£5.8bn) fraud.", ("5.8bn", 5.8e9, "fraud"))
    dollars = _numbered("He is on trial, accused of overseeing an $11bn fraud.", ("11bn", 11e9, "fraud"))
    fund = _numbered("The bank has 5bn rupees set aside to lend.", ("5bn", 5e9, "rupees"))
    sales = _numbered("Total sales were 30.1bn rupees.", ("30.1bn", 30.1e9, "rupees"))
    for first, second in ((converted, dollars), (fund, sales)):
        assert figures_conflict(first, second) and not figures_conflict(first, second, strict=True)


def test_figures_for_other_periods_are_no_dispute():
    january = _said("US firms added only 146,000 jobs in January, Labor Department figures show.")
    assert periods(january) == {"january"}
    assert periods(_said("The Labor Department said 157,000 new jobs were added last month.")) == {"last month"}
    assert periods(_said("Firms added 146,000 jobs, the Labor Department said.")) == frozenset()
    assert periods(_said("Last month the firm employed 2000 people in Ukraine.")) == {"last month"}  # a figure is no year


def test_two_figures_dispute_only_from_two_sources_for_one_period():
    articles = {
        "a": "The strike on Ternopil killed 20 people, regional officials said.",
        "b": "The strike on Ternopil killed 26 people, regional officials said.",
        "c": "The strike on Ternopil in December killed 31 people, regional officials said.",
        "d": "The strike on Ternopil killed 40 people. The strike on Ternopil killed 45 people, its own count says.",
    }
    sentences, owners = [], []
    for name, text in articles.items():
        article = Article(name, f"seeds/{name}.txt", "h", None, None, None, None, None, None, (Paragraph(text),))
        ((*found,),) = _sentences_of(load_nlp(), [article], ())
        sentences += found
        owners += [name] * len(found)
    same = SameFact(sentences, embedder()([s.text for s in sentences]))
    _, disputed = scan(same, owners)
    pairs = {(owners[i], owners[j]) for _, i, j in disputed}
    assert ("a", "b") in pairs
    # Another period, or one source's two figures: no dispute.
    assert not {("a", "c"), ("b", "c"), ("d", "d")} & pairs


@pytest.mark.parametrize(
    ("claim", "denial", "answers"),
    [
        (
            "Gen. Valery Gerasimov announced that Moscow's forces had taken full control of Kupiansk.",
            "The general staff for Ukraine's armed forces denied Gerasimov's claims.",
            True,
        ),
        (
            "Russian forces say they have captured the eastern city of Pokrovsk, a logistics hub.",
            "Ukraine dismissed Russian statements that its forces had taken Pokrovsk and two other towns.",
            True,
        ),
        ("Ed Balls hinted at a Budget giveaway on 16 March.", "Gordon Brown's closest ally has denied suggestions there will be a Budget giveaway on 16 March.", True),
        ("Labour has been accused of using anti-Semitic images in its campaign posters.", "A Labour spokesman denied the campaign posters were anti-Semitic.", True),
        # Claims pointed at, whose maker the claim does not quote.
        ("Ms Villalba has made no decision on whether to appeal.", "Merrill Lynch denied Ms Villalba's claims.", False),
        # A sentence that reports the same denial states no claim.
        ("Mr Ebbers has pleaded not guilty to charges of fraud and conspiracy.", "Mr Ebbers has denied charges of fraud and conspiracy.", False),
        # An attempt turned down, a thing called something: no fact denied (a question left open, "has not said how …", is no
        # statement at all: tests/test_attribution.py).
        ("Yukos filed for bankruptcy protection in the US in an attempt to halt the sale.", "A judge has dismissed an attempt by Yukos to gain bankruptcy protection in the US.", False),
        ("Putin said the US has no jurisdiction over Yukos and its legal wranglings.", "Moscow officials have dismissed Yukos' legal wrangling as meaningless.", False),
        # A denial negated; reports pointed at whose maker only the rest of the sentence names.
        ("Russian forces say they have taken the town of Kupiansk.", "The general staff did not deny that Russian forces had taken the town of Kupiansk.", False),
        ("Dmitry Peskov said talks would resume next week.", "The Kremlin denied reports that Peskov had been sacked.", False),
        # Reports played down are no claim: the spokesman and the Kremlin say one thing.
        (
            "Kremlin spokesman Dmitry Peskov appeared to downplay reports of a new peace plan, telling Russian state media: “we have no additional innovations.”",
            "The Kremlin denied that there have been any new peace proposals since Vladimir Putin met Donald Trump in August.",
            False,
        ),
    ],
)
def test_a_denial_disputes_only_what_it_denies(claim, denial, answers):
    assert denies(_said(denial))
    assert denial_answers(_said(claim), _said(denial)) is answers


@pytest.mark.parametrize(
    ("text", "denial"),
    [
        ("The Kremlin denied that there have been any new peace proposals since Vladimir Putin met Donald Trump in August.", True),
        ("Kremlin spokesman Dmitry Peskov appeared to downplay reports of a new peace plan.", True),
        ("Chancellor Gordon Brown's closest ally has played down suggestions of a Budget giveaway.", True),
        ("Mr Khodorkovsky pleaded not guilty to the charges and denied involvement in any criminal activities.", True),
        # Not confirmed is not denied; a thing called something, an attempt turned down and a denial negated deny no fact.
        ("The White House has not explicitly confirmed the 28-point plan.", False),
        ("The Tories dismissed the maternity pay plan as \"desperate\".", False),
        ("A judge has dismissed an attempt by Yukos to gain bankruptcy protection in the US.", False),
        ("The general staff did not deny that Russian forces had taken the town.", False),
    ],
)
def test_a_sentence_that_states_a_denial(text, denial):
    assert states_a_denial(_said(text)) is denial


def test_a_denial_no_claim_answers_is_listed_under_contested(seeds_project):
    # The spokesman who plays reports down and the Kremlin that denies them are one side: no dispute of the two.
    peskov = _finding_with(seeds_project, "Kremlin spokesman Dmitry Peskov appeared to downplay reports")
    assert peskov["status"] != "contested"
    data = _data(seeds_project)
    denied = [f["text"] for f in data["findings"] if f["id"] in data["denials"]]
    assert any(text.startswith("The Kremlin denied that there have been any new peace proposals") for text in denied)
    overview = (seeds_project / "site_docs" / "index.md").read_text("utf-8")
    assert "The Kremlin denied that there have been any new peace proposals" in overview.split("### Denied", 1)[1].split("## Topics", 1)[0]


def test_every_finding_keeps_sources_of_its_own_and_a_clear_statement(seeds_project):
    data = _data(seeds_project)
    for finding in data["findings"]:
        assert finding["sources"], finding["id"]
        assert finding["publishers"], finding["id"]
        if not stands_alone(finding["text"]):  # shown only when no member stands on its own
            assert not any(stands_alone(source["excerpt"]) for source in finding["sources"]), finding["id"]


def test_no_finding_holds_two_sentences_of_one_article(seeds_project):
    for finding in _data(seeds_project)["findings"]:
        articles = [s["article"] for s in finding["sources"]]
        assert len(articles) == len(set(articles)), finding["id"]


def test_main_facts_are_corroborated_by_the_seeds_that_report_them(seeds_project):
    # Each fact is reported by every seed listed. The grouping is no longer tuned on the seeds
    # (docs/findings.md: figures come from the held-out split), so a fact must be found
    # corroborated by two of them at least, not by all. Two facts the int8 vectors grouped, the
    # Ternopil strike (002, 003, 004) and Witkoff and Dmitriev "key to drafting" (000, 002, 003),
    # are not grouped by the float model at the threshold chosen on the train split.
    expected = {
        "Russia would gain effective control of the eastern Donbas region": {"000", "003"},
        "“For any plan to work, it needs Ukrainians and Europeans on board,”": {"000", "002", "003"},
        "He also praised the “decisive steps and leadership of President Trump": {"000", "001", "004"},
    }
    # 000 (Live Mint) carries 003's AP text: one source family (see test_families.py).
    family = {"000": "AP", "001": "Indian Express", "002": "unnamed", "003": "AP", "004": "RFE/RL"}
    for start, seeds in expected.items():
        finding = _finding_with(seeds_project, start)
        found = seeds & _seed_files(seeds_project, finding)
        assert len(found) >= 2, (start, finding["sources"])
        families = len({family[seed] for seed in found})
        assert len(finding["publishers"]) == families
        assert finding["status"] == ("agreed" if families > 1 else "single-source")


def test_a_syndicated_copy_counts_once_under_its_original_publisher(seeds_project):
    path = {a["id"]: a["path"] for a in _data(seeds_project)["articles"]}
    rfe = [f for f in _data(seeds_project)["findings"] if any("/004_" in path[s["article"]] for s in f["sources"])]
    assert rfe
    for finding in rfe:
        assert "RFE/RL" in finding["publishers"]
        assert "American Military News" not in finding["publishers"]
    pages = "".join(page.read_text("utf-8") for page in sorted((seeds_project / "site_docs" / "topics").glob("*.md")))
    assert re.search(r"Reported by \d independent sources \([^)]*RFE/RL[^)]*\)", pages)


def test_two_articles_of_one_publisher_count_once(tmp_path):
    project = make_project(tmp_path / "p", git_init=False)
    # A second RFE/RL story, carried by another site, reporting the Ternopil strike again.
    (project / "seeds" / "005_rfe_follow_up.txt").write_text(
        "Kyiv Post 11/21/2025\n\n"
        "This article was originally published by Radio Free Europe/Radio Liberty and is reprinted with permission.\n\n"
        "Rescuers in Ternopil kept digging through the rubble on November 21.\n\n"
        "Reports of the proposal came less than 24 hours after a Russian cruise missile strike hit two apartment "
        "buildings in the western city of Ternopil, killing at least 26 people and wounded dozens.\n\n"
        "Ukraine's emergency service said dozens of people were wounded and the search for survivors went on overnight.\n",
        "utf-8",
    )
    _, briefing = _briefing(project)
    # The reprint's copy of the RFE/RL sentence joins the original's finding: two articles, one publisher.
    (ternopil,) = [f for f in briefing.findings if sum(s.article_id.startswith("rfe-rl") for s in f.sources) == 2]
    assert all("Ternopil" in s.excerpt for s in ternopil.sources if s.article_id.startswith("rfe-rl"))
    assert ternopil.publishers.count("RFE/RL") == 1
    assert len(ternopil.publishers) == len(ternopil.sources) - 1


def test_a_claim_and_its_denial_are_one_contested_finding(seeds_project):
    data = _data(seeds_project)
    claim = _finding_with(seeds_project, "In other developments, Russia’s chief military officer, Gen. Valery Gerasimov")
    assert claim["status"] == "contested"
    denials = {s["excerpt"] for s in claim["disputed_by"]}
    assert "The general staff for Ukraine’s armed forces denied Gerasimov’s claims and said that Kyiv’s forces remained in control of Kupiansk." in denials
    (entry,) = [c for c in data["claims"] if c["finding"] == claim["id"]]
    assert entry["counter_claimant"] and "general staff" in entry["counter_claimant"].casefold()
    assert entry["counter_sources"] and entry["sources"]
    # The denial is shown with its claim, not again as a finding of its own.
    assert not any(f["text"].startswith("The general staff for Ukraine’s armed forces denied") for f in data["findings"])
    # The overview shows it once, with its denial: in the summary, or else under Contested.
    overview = (seeds_project / "site_docs" / "index.md").read_text("utf-8").split("\n[^", 1)[0]
    (item,) = [item for item in overview.split("\n- ") if "Gen. Valery Gerasimov" in item]
    assert "**Contested** by" in item and "denied Gerasimov’s claims" in item


def test_topic_page_opens_with_the_tracked_items_matrix(seeds_project):
    page = (seeds_project / "site_docs" / "topics" / "plan-terms.md").read_text("utf-8")
    assert page.index("## Tracked items") < page.index("## Findings")
    rows = {line.split("|")[1].strip(): line for line in page.splitlines() if line.startswith("| ")}
    header = [cell.strip() for cell in rows["Item"].split("|")[2:-1]]
    assert "RFE/RL" in header and "American Military News" not in header

    def marked(label: str) -> set[str]:
        cells = [cell.strip() for cell in rows[label].split("|")[2:-1]]
        return {publisher for publisher, cell in zip(header, cells) if cell.startswith("✓[^")}

    assert marked("No foreign troops in Ukraine") == {"RFE/RL"}
    assert marked("Modelled on the Gaza agreement") == {"AP via Live Mint"}
    assert marked("NATO membership ruled out") == set()
    # Live Mint's AP copy and the AP report are one source family; the blog is another.
    assert marked("Drafted by Witkoff and Dmitriev") == {"AP via Live Mint", "an unnamed source"}
    data = _data(seeds_project)
    (topic,) = [t for t in data["topics"] if t["id"] == "plan-terms"]
    assert [i["label"] for i in topic["items"]][:2] == ["Ukraine cedes the Donbas", "Weapons given up"]
    assert set(topic["items"][4]["reports"]) == {"RFE/RL"}


def test_executive_summary_covers_every_topic_and_credits_every_publisher(seeds_project):
    data = _data(seeds_project)
    findings = {f["id"]: f for f in data["findings"]}
    assert 6 <= len(data["summary"]) <= 10
    topics_with_findings = {t["id"] for t in data["topics"] if t["findings"] and t["id"] != "other"}
    assert topics_with_findings <= {findings[i]["topic"] for i in data["summary"]}
    overview = (seeds_project / "site_docs" / "index.md").read_text("utf-8")
    summary = overview.split("## Summary", 1)[1].split("## Key facts", 1)[0]
    for finding_id in data["summary"]:
        finding = findings[finding_id]
        line = next(line for line in summary.splitlines() if line.startswith("- ") and f"[^{finding['sources'][0]['article']}-s{finding['sources'][0]['sentence']}]" in line)
        for source in finding["sources"]:
            assert f"[^{source['article']}-s{source['sentence']}]" in line
    assert all(len(findings[i]["publishers"]) > 1 for i in data["key_facts"])
    for topic in data["topics"]:
        if topic["findings"]:
            page = (seeds_project / "site_docs" / "topics" / f"{topic['id']}.md").read_text("utf-8")
            assert page.index("## In short") < page.index("## Findings")


def test_single_source_findings_say_so(seeds_project):
    page = (seeds_project / "site_docs" / "topics" / "ukrainian-domestic-politics.md").read_text("utf-8")
    assert "Single source: only RFE/RL reports this." in page


def test_a_bbc_election_briefing_builds_with_its_own_topics_and_items(tmp_path):
    project = make_project(tmp_path / "bbc", seeds=None, git_init=False)
    shutil.copy2(BBC_CONFIG, project / "briefing.yml")
    for name in BBC_SAMPLE:
        shutil.copy2(BBC / "politics" / f"{name}.txt", project / "seeds" / f"{name}.txt")
    build(project, commit=False)
    data = _data(project)
    assert data["title"] == "UK general election 2005"
    assert {"tax-and-spending", "immigration", "iraq"} <= {t["id"] for t in data["topics"] if t["findings"]}
    iraq = (project / "site_docs" / "topics" / "iraq.md").read_text("utf-8")
    assert "| Exit strategy |" in iraq and "✓[^" in iraq.split("| Exit strategy |", 1)[1].splitlines()[0]
    taxes = next(t for t in data["topics"] if t["id"] == "tax-and-spending")
    assert [i["label"] for i in taxes["items"]] == ["National Insurance rise", "Tax cuts promised", "Spending cuts"]
    assert any(i["reports"] for i in taxes["items"])
    assert "Ukraine" not in (project / "site_docs" / "index.md").read_text("utf-8")
    # Every article is the BBC's, so every finding has one publisher: the lead tells one story per article, not the
    # first article's again and again (a fact several of the articles report is one story of its own).
    articles_of = {f["id"]: {s["article"] for s in f["sources"]} for f in data["findings"]}
    lead = [articles_of[i] for i in data["summary"]]
    alone = [next(iter(articles)) for articles in lead if len(articles) == 1]
    assert len(lead) >= 5 and len(set(alone)) == len(alone)


def test_a_claimant_never_disputes_itself():
    def finding(number: int, speaker: str, text: str, denial: bool) -> tuple[Finding, Sentence]:
        said = Attribution(speaker, "said", text, "reported", denial=denial, entity=speaker.casefold())
        sentence = Sentence(number, text, 0, "body", (), attributions=(said,))
        ref = SourceRef(f"article-{number}", number, text)
        return Finding(f"f{number}", "battlefield", text, (ref,), (f"outlet {number}",)), sentence

    capture, capture_said = finding(0, "Gerasimov", "Gerasimov said Russian forces had taken Kupiansk.", False)
    holding, holding_said = finding(1, "General Staff", "The general staff said Kupiansk remained under Kyiv's control.", False)
    denial, denial_said = finding(2, "General Staff", "The general staff denied Gerasimov's claims.", True)
    names = {"gerasimov": "Valery Gerasimov", "general staff": "General Staff"}
    # The most alike pair first: the two statements of the general staff, then the claim and its denial.
    disputes = [(1, 2, holding_said, denial_said), (0, 2, capture_said, denial_said)]
    result = contest([capture, holding, denial], disputes, names)
    assert [f.id for f in result] == ["f0", "f1"]
    assert result[0].disputed_by == denial.sources and result[0].counter_claimant == "General Staff"
    assert result[1].disputed_by == ()


def test_a_denial_that_only_points_answers_the_claim_before_it():
    text = (
        "Kremlin spokesman Dmitry Peskov said Putin had received a report confirming full control of the town by Russian troops. "
        "Ukraine swiftly denied the assertion, insisting that Russian forces had not captured the town. "
        "Mr Blair dismissed the claim he had reneged on a promise to stand aside."
    )
    article = Article("a", "seeds/a.txt", "h", None, None, None, None, None, None, (Paragraph(text),))
    ((*sentences,),) = _sentences_of(load_nlp(), [article], ())
    same = SameFact(sentences, embedder()([s.text for s in sentences]))
    # The third names what it denies ("the claim he had reneged …"): no pointer, and its sentence before states no claim.
    assert [(i, j) for _, i, j in answered_before(same, ["a"] * len(sentences))] == [(0, 1)]
    assert answered_before(same, ["a", "b", "b"]) == []  # the sentence before in another article answers nothing


def test_the_claim_is_what_a_pointing_denial_answers_whichever_comes_first():
    # The analysis reads no statement in "denied the claims"; the claim is still the other sentence.
    quoted = Attribution("Mr Mubanga", "said", "I have lost three years of my life", "direct", entity="mubanga")
    claim = Sentence(2, 'Mr Mubanga said: "I have lost three years of my life."', 0, "body", (), attributions=(quoted,))
    denial = Sentence(1, "The government denied the claims.", 0, "body", ())
    findings = [Finding(f"f{k}", "other", s.text, (SourceRef(f"article-{k}", k, s.text),), (f"outlet {k}",)) for k, s in enumerate((denial, claim))]
    (result,) = contest(findings, [(0, 1, denial, claim)], {"mubanga": "Martin Mubanga"})
    assert result.id == "f1" and result.disputed_by == findings[0].sources and result.claimant == "Martin Mubanga"


def test_a_described_claimant_reads_on_after_contested_by():
    said = Attribution("A Labour spokesman", "denied", "the campaign was anti-Semitic", "indirect", denial=True)
    sentence = Sentence(1, "A Labour spokesman denied the campaign was anti-Semitic.", 0, "body", (), attributions=(said,))
    assert claimant(sentence, {}) == "a Labour spokesman"
    assert claimant(sentence, {"labour": "Labour Party"}) == "a Labour spokesman"  # no entity: the description
    assert claimant(replace(sentence, attributions=(replace(said, entity="labour"),)), {"labour": "Labour Party"}) == "Labour Party"
    times = Attribution("The Times", "reported", "the talks had stalled", "indirect")
    assert claimant(replace(sentence, attributions=(times,)), {}) == "The Times"  # a name keeps its article


def test_a_denial_denies_a_claim_not_a_thing_asked_for():
    from briefing.content import Attribution, Sentence
    from briefing.findings.similarity import denies

    def said(cue: str, content: str) -> Sentence:
        attribution = Attribution("Khodorkovsky", cue, content, "indirect", denial=True)
        return Sentence(1, f"He {cue} {content}.", 0, "body", ("x", "y", "z"), attributions=(attribution,))

    assert not denies(said("denied", "bail"))  # "repeatedly denied bail": a request refused, no fact disputed
    assert denies(said("denied", "the reports"))
    assert denies(said("denied", "it"))
    assert denies(said("denied", "that Russian forces had captured the city"))
    # A refusal of a proposal is no denial of a fact; a claim "rejected" is.
    assert not denies(said("rejected", "any territorial concessions to Russia"))
    assert denies(said("rejected", "the allegation that Mr Brown had been sidelined"))


@pytest.mark.parametrize(
    ("text", "usable"),
    [
        ("The key quotes from his address to the nation follow:", False),
        ("In his budget Mr Chidambaram has:", False),
        ("The key quotes from his address: unity, dignity and a hard winter.", True),
    ],
)
def test_a_sentence_that_announces_what_follows_is_no_statement(text, usable):
    lemmas = tuple(word.strip(":,.").lower() for word in text.split()[:5])
    assert Sentence(1, text, 1, "body", lemmas).usable is usable


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        # A line of words with no verb labels something: a teaser, a sub-head, a caption, a team sheet.
        ("Screenshot of video.", False),
        ("The upcoming Yermak-Budanov battle.", False),
        ("Ukranian Presidency/Handout/Anadolu via Getty Images", False),
        ("Already a subscriber?", False),
        ("Carroll, Gary Neville, Ferdinand, Brown, Silvestre.", False),
        # A speaker's words in quotation marks may have none.
        ("“A just peace, not a capitulation.”", True),
        ("Military defies Zelensky.", True),
        # A verb the tagger took for a plural noun, and a longer line: most often statements.
        ("Lithuania borders Belarus as well as Russia’s Kaliningrad exclave.", True),
        ("The pair face jail terms of up to five years and a $250,000 (£130,000) fine.", True),
    ],
)
def test_a_sentence_with_no_verb_labels_rather_than_states(text, statement):
    (sentence,) = _sentences_of_one_article(Paragraph(text))
    assert (sentence.kind != "list") is statement


def _sentences_of_one_article(*paragraphs: Paragraph) -> list[Sentence]:
    """The sentences spaCy and the analysis make of one article of these paragraphs."""
    article = Article("a", "seeds/a.txt", "h", None, None, None, None, None, None, paragraphs)
    (sentences,) = _sentences_of(load_nlp(), [article], ())
    return sentences


@pytest.mark.parametrize(
    ("ending", "cut"),
    [
        # Where a saved page stops mid-sentence: a mark or word that needs more, a piece of a word.
        ("Meanwhile, the White House confirmed that special en", True),
        ("Businessman Timur Mindich - a former associate of Zelenskyy - is", True),
        ("The discussions with Witkoff suggest that unofficial interme", True),
        ("Both US and Ukrainian officials hailed progress made in Sunday's talks,", True),
        ("Work would continue after the meetings between officials, which according to", True),
        # A last sentence that lacks only its full stop, or a cut after a whole word: kept.
        ("In 2003, the economy expanded by 1.3%", False),
        ("Halo 2 is out on 9 November in the US and 11 November in the UK", False),
        ("He is the editor of the Digital Lifestyles website, which covers the impact of technology on media", False),
        ("The award last year went to the French animated feature Belleville Rendezvous", False),
        ("His remarks reflected a familiar diplomat", False),
        ("The talks ended on Sunday.", False),
        ('"We will not give up our land," the president said.', False),
    ],
)
def test_an_articles_last_sentence_where_the_saved_text_breaks_off_is_no_statement(ending, cut):
    nlp = load_nlp()
    paragraphs = (Paragraph("Officials met in Geneva on Sunday to discuss the plan."), Paragraph(f"The talks went on for hours. {ending}"))
    last = _sentences_of_one_article(*paragraphs)[-1]
    assert breaks_off(nlp(ending)[:], known_words(nlp)) is cut
    assert (last.kind == "cut") is cut and last.usable is not cut
    # Only the article's last sentence can be cut: the same words earlier are a sentence as written.
    assert all(s.kind != "cut" for s in _sentences_of_one_article(*paragraphs[::-1]))


@pytest.mark.parametrize(
    ("text", "background"),
    [
        # How things are: the main verb in the simple present, active or passive.
        ("Lithuania sits between the Russian territory of Kaliningrad and Belarus.", True),
        ("The Zaporizhzhia plant is located in southern Ukraine.", True),
        ("The Geneva round represents a critical test of shuttle diplomacy.", True),
        # What happened, goes on, has happened or would; or someone's words.
        ("Russia is closing in on the key city of Pokrovsk.", False),
        ("The plan would require Ukraine to cede territory.", False),
        ("Russia has launched 62 drones at Ukraine.", False),
        ("Russia launched 62 drones overnight.", False),
        ("The front line is quiet after Russia withdrew its troops.", False),
        ("The owners of Yukos are to ask the buyer of its former unit to pay back a loan.", False),
        ("Putin is expected to meet Trump in Budapest.", False),
        ("The G7 meeting is thought unlikely to produce any movement in Chinese policy.", False),
        ("Zelensky says the talks are hard.", False),
    ],
)
def test_a_sentence_in_the_simple_present_tells_how_things_are(text, background):
    (sentence,) = _sentences_of_one_article(Paragraph(text))
    assert sentence.background is background


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # An act, an event or a thing named before by a general noun: which one, the sentence before says.
        ("The move marks a major shift for Ukraine.", "move"),
        ("The latest decision comes as talks stall.", "decision"),
        ("The high-stakes meeting came just hours after Zelensky said a draft deal was nearly ready.", "meeting"),
        ("The attacks killed at least one person and wounded 27 others.", "attack"),
        ("The lawsuit was filed on Friday after Qwest said it would submit an improved bid.", "lawsuit"),
        ("The football club is hoping that its creditors will agree.", "club"),
        ("The agreement was reached during meetings this week, EUCOM said in a statement.", "agreement"),
        # One its own words name or say more of, or a name.
        ("The decision to freeze the assets marks a major shift.", None),
        ("The statement by the Kremlin denied any new proposals.", None),
        ("The talks in Geneva ended without a deal.", None),
        ("The CSIS report released Tuesday said Russia suffered 1.2 million casualties.", None),
        ("The Kremlin denied it.", None),
        ("Russia's move marks a major shift.", None),
    ],
)
def test_a_subject_named_only_by_a_general_noun_is_the_definite_subject(text, subject):
    (sentence,) = _sentences_of_one_article(Paragraph(text))
    assert sentence.definite_subject == subject


@pytest.mark.parametrize(
    ("teaser", "cut"),
    [
        # A related story's teaser the page cut short, anywhere in the article: an ellipsis after a piece of a word.
        ("NATO chief calls for 'robust security guarantees' on Ukraine vi...", True),
        ("Talks on the plan were scheduled with…", True),
        # An ellipsis after a whole word may be the writer's own.
        ("Officials said they would wait and see...", False),
    ],
)
def test_a_teaser_cut_short_anywhere_is_no_statement(teaser, cut):
    sentences = _sentences_of_one_article(Paragraph(f"The talks went on for hours. {teaser}"), Paragraph("Officials met in Geneva on Sunday."))
    assert (sentences[1].kind == "cut") is cut


@pytest.mark.parametrize(
    ("paragraph", "sentence"),
    [
        # An explainer's run-in labels (Axios, and the sites that copy its style): the sentence starts after them.
        ("Between the lines: Yermak was expected to lead the Ukrainian delegation.", "Yermak was expected to lead the Ukrainian delegation."),
        ("Key Developments: U.S. special envoy Steve Witkoff will meet Rustem Umerov in Miami.", "U.S. special envoy Steve Witkoff will meet Rustem Umerov in Miami."),
        ("What they're saying: The State Department said Umerov reaffirmed the priority.", "The State Department said Umerov reaffirmed the priority."),
        # A speaker, a source line, a quotation's label, a dateline, a clause or a list: kept whole.
        ("Zelensky: Ukraine will never give up its land.", None),
        ("He said: We will not surrender.", None),
        ("Source: Ivan Fedorov, head of the Zaporizhzhia Oblast Military Administration.", None),
        ('The latest: "Both parties agreed that progress depends on Russia," the statement said.', None),
        ("MOSCOW: Russia has said it will respond.", None),
        ("The criticism has been blunt: The plan is a capitulation.", None),
        ("Why it matters: ending the war.", None),
    ],
)
def test_a_run_in_label_is_no_part_of_the_sentence_after_it(paragraph, sentence):
    sentences = _sentences_of_one_article(Paragraph(paragraph), Paragraph(paragraph, kind="heading"))
    label = paragraph.split(":")[0]
    if sentence is None:
        assert sentences[0].text.startswith(label)  # kept (spaCy may end the first sentence at the colon)
    else:
        assert sentences[0].text == sentence
    # (A heading keeps its words: "Europe's Omission: Allies Express Alarm" is a title's two parts.)
    assert next(s for s in sentences if s.paragraph == 1).text.startswith(label)


def test_a_cut_off_last_sentence_quotes_no_one_though_the_same_words_earlier_do():
    nlp = load_nlp()
    cut = Paragraph("Starmer added that he expected to talk to the US president in the coming days, th")
    other = Paragraph("Officials met in Geneva on Sunday to discuss the plan.")
    for paragraphs, quoted in (((other, cut), False), ((cut, other), True)):
        article = Article("a", "seeds/a.txt", "h", None, None, None, None, None, None, paragraphs)
        (sentences,) = _sentences_of(nlp, [article], ())
        starmer = next(s for s in sentences if s.text.startswith("Starmer"))
        assert bool(starmer.attributions) is quoted and (starmer.kind == "cut") is not quoted


@pytest.mark.parametrize(
    ("text", "refers_back"),
    [
        # A demonstrative names what only an earlier sentence says: no lead line of its own.
        ("Witkoff and Kushner are expected to present that document to Putin on Tuesday.", True),
        ("Rubio described that first session of talks as productive.", True),
        ("The Kremlin agrees that this plan could serve as a basis for negotiations.", True),
        ("Trump's approach to Putin has fueled those concerns.", True),
        ("Peskov said this was not true.", True),
        ("At that time, EU leaders were unable to agree on the loan.", True),
        ("That same day, Russia struck Kyiv.", True),
        ("Speaking to reporters alongside Volodymyr Zelenskyy, he said negotiations had made progress.", True),
        ("On Monday, his office said the talks would resume.", True),
        ("President Volodymyr Zelenskyy has repeatedly ruled out such a possibility.", True),
        ("Countries such as France and Germany agreed to the loan.", False),
        # Someone named in what a "he" reports is not who speaks.
        ('Russia wanted "to push out Americans from Europe" on the continent, he added.', True),
        ("“Russia is ready to talk,” he said.", True),
        ("Kyiv must cede land in the east, he said.", True),
        # A time, what follows, a conjunction or a speaker's own words: the sentence reads alone.
        ("Putin will meet the envoys this week.", False),
        ("Officials said at this stage no date had been set.", False),
        ("Aid will go to those who fled the fighting.", False),
        ("Ukraine's army is larger than that of Germany.", False),
        ("Peskov said that the talks would resume.", False),
        ("When Trump arrived in Kyiv, he said the talks would resume.", False),
        ("Zelensky said he was ready to hold elections.", False),
        ("When Trump arrived in Kyiv, he said that document was fake.", True),
        ("“He is lying,” Zelensky said of Putin.", False),
        ("Zelensky said: “Only President Trump has the power to make this war come to an end.”", False),
    ],
)
def test_a_sentence_that_names_what_came_before_refers_back(text, refers_back):
    (sentence,) = _sentences_of_one_article(Paragraph(text))
    assert sentence.refers_back is refers_back
