"""Findings: same-fact grouping scored on labelled pairs, corroboration by independent
publisher, contested claims, tracked items, summaries, and a second story (BBC)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import yaml

from briefing.analyse import analyse
from briefing.config import load_config
from briefing.findings import assemble
from briefing.findings.similarity import COMMON_LEMMA_SENTENCES, COMMON_LEMMA_SHARE, ESTIMATE_SLACK, SameFact
from briefing.ingest import read_articles

from conftest import BBC, REPO, build, make_project

PAIRS = REPO / "tests" / "data" / "same-fact-pairs.yml"
BBC_CONFIG = REPO / "tests" / "data" / "bbc-election" / "briefing.yml"
#: A sample of the BBC politics articles about the 2005 campaign, small enough to build fast.
BBC_SAMPLE = ("005", "007", "009", "013", "021", "022", "036", "093", "110", "159")


def _analysed(project: Path):
    config = load_config(project)
    articles = read_articles(project, config).articles
    return config, analyse(articles, config.article_summary_sentences, cache_dir=project / ".briefing" / "cache")


def _data(project: Path) -> dict:
    return json.loads((project / "site_docs" / "briefing.json").read_text("utf-8"))


def _seed_files(project: Path, finding: dict) -> set[str]:
    path = {a["id"]: a["path"].rsplit("/", 1)[-1][:3] for a in _data(project)["articles"]}
    return {path[s["article"]] for s in (*finding["sources"], *finding["disputed_by"])}


def _finding_with(project: Path, excerpt_start: str) -> dict:
    found = [f for f in _data(project)["findings"] if any(s["excerpt"].startswith(excerpt_start) for s in f["sources"])]
    assert len(found) == 1, excerpt_start
    return found[0]


def test_labelled_pairs_reach_the_precision_target(seeds_project, capsys):
    config, analysed = _analysed(seeds_project)
    usable = [(a, s) for a in analysed for s in a.sentences if s.usable]
    same = SameFact([s for _, s in usable])

    def find(side: dict) -> int:
        hits = [i for i, (a, s) in enumerate(usable) if a.article.path.endswith(side["file"]) and s.text.startswith(side["text"])]
        assert len(hits) == 1, side
        return hits[0]

    pairs = yaml.safe_load(PAIRS.read_text("utf-8"))["pairs"]
    scored = [(same.score(find(p["a"]), find(p["b"])) >= config.same_fact_similarity, p["same"]) for p in pairs]
    true_pos = sum(1 for said, same_fact in scored if said and same_fact)
    said_same = sum(1 for said, _ in scored if said)
    positives = sum(1 for _, same_fact in scored if same_fact)
    assert positives >= 40 and len(pairs) - positives >= 30  # a set worth scoring
    precision, recall = true_pos / said_same, true_pos / positives
    with capsys.disabled():
        print(f"\nsame-fact pairs at {config.same_fact_similarity}: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.9
    assert recall >= 0.5


def test_candidate_pairs_and_their_estimates_match_the_exact_definitions(seeds_project):
    config, analysed = _analysed(seeds_project)
    sentences = [s for a in analysed for s in a.sentences if s.usable]
    same = SameFact(sentences)
    first, second = same.candidates()
    too_common = max(2, min(int(COMMON_LEMMA_SHARE * len(sentences)), COMMON_LEMMA_SENTENCES))
    df = Counter(lemma for s in sentences for lemma in set(s.lemmas))
    rare = [{lemma for lemma in s.lemmas if df[lemma] <= too_common} for s in sentences]
    sharing = [(i, j) for i in range(len(sentences)) for j in range(i + 1, len(sentences)) if rare[i] & rare[j]]
    assert list(zip(first.tolist(), second.tolist())) == sharing
    exact = [same.score(i, j) for i, j in sharing]
    assert max(abs(e - x) for e, x in zip(same.estimates(first, second).tolist(), exact)) < ESTIMATE_SLACK / 1000
    assert sum(x >= config.same_fact_similarity for x in exact) >= 20  # pairs worth grouping among them


def test_no_finding_holds_two_sentences_of_one_article(seeds_project):
    for finding in _data(seeds_project)["findings"]:
        articles = [s["article"] for s in finding["sources"]]
        assert len(articles) == len(set(articles)), finding["id"]


def test_main_facts_carry_every_seed_that_reports_them(seeds_project):
    expected = {
        "Russia would gain effective control of the eastern Donbas region": {"000", "003"},
        "“For any plan to work, it needs Ukrainians and Europeans on board,”": {"000", "002", "003"},
        "Witkoff and Kirill Dmitriev, a close adviser to Putin, have been key": {"000", "002", "003"},
        "A devastating strike on an apartment building in the western city of Ternopil": {"002", "003", "004"},
    }
    for start, seeds in expected.items():
        finding = _finding_with(seeds_project, start)
        assert seeds <= _seed_files(seeds_project, finding), (start, finding["sources"])
        assert finding["status"] == "agreed"
        # 000 (Live Mint) carries 003's AP text: one source family (see test_families.py).
        assert len(finding["publishers"]) >= len(seeds - {"000"})


def test_a_syndicated_copy_counts_once_under_its_original_publisher(seeds_project):
    rfe = [f for f in _data(seeds_project)["findings"] if "004" in _seed_files(seeds_project, f)]
    assert rfe
    for finding in rfe:
        assert "RFE/RL" in finding["publishers"]
        assert "American Military News" not in finding["publishers"]
    page = (seeds_project / "site_docs" / "topics" / "battlefield-claims.md").read_text("utf-8")
    assert "Reported by 3 independent sources (AP via Live Mint, RFE/RL and an unnamed source)" in page


def test_two_articles_of_one_publisher_count_once(tmp_path):
    project = make_project(tmp_path / "p", git_init=False)
    # A second RFE/RL story, carried by another site, reporting the Ternopil strike again.
    (project / "seeds" / "005_rfe_follow_up.txt").write_text(
        "Kyiv Post 11/21/2025\n\n"
        "This article was originally published by Radio Free Europe/Radio Liberty and is reprinted with permission.\n\n"
        "Rescuers in Ternopil kept digging through the rubble on November 21.\n\n"
        "A Russian missile strike hit apartment buildings in the western city of Ternopil, killing at least 26 people, "
        "including three children, regional officials said.\n\n"
        "Ukraine's emergency service said dozens of people were wounded and the search for survivors went on overnight.\n",
        "utf-8",
    )
    config, analysed = _analysed(project)
    briefing = assemble(analysed, config)
    (ternopil,) = [f for f in briefing.findings if any("Ternopil" in s.excerpt and "26" in s.excerpt for s in f.sources)]
    rfe = [s for s in ternopil.sources if s.article_id.startswith("rfe-rl")]
    assert len(rfe) == 2
    assert ternopil.publishers.count("RFE/RL") == 1
    assert len(ternopil.publishers) == 3


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
    overview = (seeds_project / "site_docs" / "index.md").read_text("utf-8")
    contested = overview.split("## Contested", 1)[1].split("## Topics", 1)[0]
    assert "Gerasimov" in contested and "**Contested**" in contested


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
    assert marked("Modelled on the Gaza agreement") == {"Live Mint"}
    assert marked("NATO membership ruled out") == set()
    assert len(marked("Drafted by Witkoff and Dmitriev")) == 3
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
