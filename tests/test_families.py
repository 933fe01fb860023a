"""Source families: corroboration counts independent reporting, and names a reader can read.

The seeds' families are checked by hand: 000 (Live Mint, carried by MENAFN) says "According
to AP," and goes on in the words of 003, an AP report saved without its outlet; 001 is the
Indian Express, 004 RFE/RL's story carried by American Military News; 002, an aggregator
blog of unknown outlet, rewrites the news in its own words (no run of its sentences is
another article's), so it stays an unnamed source.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.config import load_config
from briefing.content import UNNAMED_SOURCE, Article, Paragraph, independent
from briefing.core import make_briefing
from briefing.findings import families_of
from briefing.findings.families import WORDS_PACK, _digest, _words_version, source_families
from briefing.ingest import read_articles
from briefing.ingest.rules import load_rules
from briefing.ingest.text import parse_text
from briefing.packs import Pack

from conftest import lines_naming_a_file, make_project

REPO = Path(__file__).resolve().parent.parent

#: Each seed's family, as checked by hand.
SEED_FAMILIES = {
    "000": "AP via Live Mint",
    "003": "AP via Live Mint",
    "001": "Indian Express",
    "004": "RFE/RL",
    "002": UNNAMED_SOURCE,
}


@pytest.fixture(scope="module")
def rules():
    return load_rules(load_config(REPO))


def _data(project: Path) -> dict:
    return json.loads((project / "site_docs" / "briefing.json").read_text("utf-8"))


def test_every_count_matches_the_hand_checked_families(seeds_project):
    data = _data(seeds_project)
    seed_of = {a["id"]: a["path"].rsplit("/", 1)[-1][:3] for a in data["articles"]}
    multi = 0
    for finding in data["findings"]:
        expected = independent(SEED_FAMILIES[seed_of[s["article"]]] for s in finding["sources"])
        assert finding["publishers"] == list(expected), (finding["text"], finding["publishers"])
        multi += len(expected) > 1
    assert multi >= 5  # the table is exercised by findings several families report
    overview = (seeds_project / "site_docs" / "index.md").read_text("utf-8")
    assert "Built from **5 articles** from **at least 4 independent sources**" in overview


def test_the_sources_page_shows_the_families(seeds_project):
    page = (seeds_project / "site_docs" / "sources.md").read_text("utf-8")
    assert "| AP via Live Mint | 2 | Live Mint via MENAFN, unnamed source 1 | carries AP's text |" in page
    assert f"| {UNNAMED_SOURCE} | 1 | “Breaking: Zelenskyy Gets US Peace Plan Amid Ukraine War” | — |" in page


def test_an_article_named_by_its_headline_shows_the_headline_once(seeds_project):
    """002 has no outlet and no address: its headline names it, in a footnote, on the sources page and in what
    changed, once each time (not "“Breaking: …”, “Breaking: …”")."""
    headline = "“Breaking: Zelenskyy Gets US Peace Plan Amid Ukraine War”"
    docs = seeds_project / "site_docs"
    footnotes = [line for line in (docs / "index.md").read_text("utf-8").splitlines() if line.startswith("[^breaking-")]
    assert footnotes and all(line.count(headline) == 1 and f"]: {headline}, date unknown: “" in line for line in footnotes)
    assert f"## {headline}\n" in (docs / "sources.md").read_text("utf-8")
    assert f"- {headline}, date unknown[^" in (docs / "changes.md").read_text("utf-8")


def test_no_file_path_in_any_page(seeds_project):
    assert lines_naming_a_file(seeds_project / "site_docs") == []


def _article(name: str, text: str, *, publisher: str | None = None, url: str | None = None) -> Article:
    return Article(
        id=name, path=f"seeds/{name}.txt", content_hash=name, title=None, outlet=publisher, publisher=publisher,
        date=None, author=None, url=url, paragraphs=tuple(Paragraph(p) for p in text.split("\n\n")),
    )


AP_STORY = (
    "The proposal, which could still be changed, calls in part for Ukraine to cede territory to Russia and to "
    "abandon certain weaponry, according to the person who had been briefed on the contours of the plan.\n\n"
    "Witkoff and Kirill Dmitriev, a close adviser to Putin, have been key to drafting the proposal, according "
    "to the person familiar with the matter.\n\n"
    "But a peace deal that requires Kyiv to hand over territory to Russia would be illegal under Ukraine's "
    "constitution. Zelenskyy has repeatedly ruled out such a possibility."
)
CARRIED = (
    "Ukraine faces difficult choices.\n\n"
    "According to AP, the draft proposal reportedly calls for Ukraine to cede territory to Russia and abandon "
    "certain weaponry, as a person briefed on the contours of the plan put it.\n\n"
    "Trump's envoy Witkoff and Kirill Dmitriev, a close adviser to Putin, are said to have been key to drafting "
    "the proposal.\n\n"
    "A peace deal requiring Kyiv to hand over territory to Russia would be illegal under Ukraine's constitution."
)
OTHER = "Russian forces struck the city of Ternopil overnight, killing at least 26 people, regional officials said."


def test_a_wire_credit_before_its_sentences_makes_one_family(rules):
    families = source_families(
        [_article("mint", CARRIED, publisher="Live Mint"), _article("ap", AP_STORY), _article("rfe", OTHER, publisher="RFE/RL")],
        rules.wire_names,
    )
    assert [(f.name, f.articles) for f in families] == [("AP via Live Mint", ("mint", "ap")), ("RFE/RL", ("rfe",))]
    assert families[0].reasons == ("carries AP's text",)


def test_without_the_credit_rewritten_sentences_stay_independent(rules):
    carried = CARRIED.replace("According to AP, the", "The")
    families = source_families([_article("mint", carried, publisher="Live Mint"), _article("ap", AP_STORY)], rules.wire_names)
    assert [f.name for f in families] == ["Live Mint", UNNAMED_SOURCE]


def test_long_shared_passages_make_one_family(rules):
    copy = "A blog post opened with its own words on the matter today.\n\n" + AP_STORY
    families = source_families([_article("ap", AP_STORY, publisher="AP"), _article("blog", copy)], rules.wire_names)
    assert [(f.name, f.articles) for f in families] == [("AP", ("ap", "blog"))]
    assert families[0].reasons == ("shares long passages word for word",)


def test_the_same_statement_quoted_is_not_copying(rules):
    quote = "“" + AP_STORY.replace("\n\n", " ") + "”"
    families = source_families(
        [_article("a", f"Kallas said: {quote}", publisher="Euronews"), _article("b", f"She told reporters: {quote}", publisher="TASS")],
        rules.wire_names,
    )
    assert [f.name for f in families] == ["Euronews", "TASS"]


def test_one_site_is_one_publisher_and_unnamed_sources_count_once(rules):
    families = source_families(
        [
            _article("k1", OTHER, url="https://kyivindependent.com/a"),
            _article("k2", "Zelenskyy met Driscoll in Kyiv.", url="https://www.kyivindependent.com/b"),
            _article("u1", "An article of unknown outlet."),
            _article("u2", "Another article of unknown outlet."),
        ],
        rules.wire_names,
    )
    assert [(f.name, f.articles) for f in families] == [
        ("kyivindependent.com", ("k1", "k2")), (UNNAMED_SOURCE, ("u1",)), (UNNAMED_SOURCE, ("u2",)),
    ]
    assert independent(f.name for f in families) == ("kyivindependent.com", UNNAMED_SOURCE)


@pytest.mark.parametrize(
    ("line", "wire", "kept"),
    [
        ("KYIV, Ukraine (AP) — Russia launched a barrage of drones overnight.", "AP", "Russia launched a barrage of drones overnight."),
        ("By Illia Novikov, Associated Press", "AP", ""),
        ("Associated Press writers Samya Kullab and Jim Heintz contributed to this report.", "AP", ""),
        ("© 2025 The Associated Press. All rights reserved.", "AP", ""),
        ("MOSCOW (Reuters) - The Kremlin said on Thursday it had received no plan.", "Reuters", "The Kremlin said on Thursday it had received no plan."),
        ("The Kremlin said it had received no plan. — Reuters", "Reuters", "The Kremlin said it had received no plan."),
        ("Copyright 2025 Thomson Reuters", "Reuters", ""),
        ("PARIS (AFP) – European ministers met on Friday.", "AFP", "European ministers met on Friday."),
        ("— AFP", "AFP", ""),
        ("© Agence France-Presse", "AFP", ""),
        ("By Jane Doe, Reuters", "Reuters", ""),
        ("Reporting by Jane Doe in Kyiv; Editing by John Roe", "Reuters", ""),
        ("By Jane Doe (AFP)", "AFP", ""),
    ],
)
def test_wire_markers_name_the_original_publisher(rules, line, wire, kept):
    parsed = parse_text(f"Headline of the story\n\nAn opening paragraph of the story.\n\n{line}\n\nThe story goes on.", rules)
    assert parsed.publisher == wire
    body = [p.text for p in parsed.paragraphs]
    assert line not in body
    if kept:
        assert kept in body


@pytest.mark.parametrize(
    "clutter",
    [
        "Accessibility links",
        "0 out of 25,000",
        "Become a member",
        "Help us reach 25,000 members by the end of 2025.",
        "Quality journalism takes work — and a community that cares.",
        "Support independent journalism this holiday season — and help us bring you more news in 2026. Become a member 25% OFF",
        "Support the Kyiv Independent!",
        "5 min read",
        "2 min readLast updated: January 20, 2026",
        "Share this article on X",
        "Subscribe to our newsletter",
        "Share current article via Email Share current article via Facebook Share current article via Twitter Share current article via LinkedIn",
        # Captions and photo credits.
        "Photo: Ukrainian Presidential Press Service",
        "Soldiers at the front line, November 2025. (Photo: AFP)",
        "A view of the entrance to the town on Oct. 16, 2024. (Jane Doe/Anadolu via Getty Images)",
        "An adviser arrives for the talks at the Kremlin, Monday, Oct. 27, 2025. (Jane Doe, Sputnik, Kremlin Pool Photo via AP)",
        "Firefighters in Ternopil / Reuters",
        "VALENTIN FLAURAUD / AFP",
        "Copyright Ukraine’s Emergency Service",
        "Negotiators from Ukraine (L) the U.S. (C) and Russia (R) meeting in Abu Dhabi, February 4-5, 2026",
        "Ukrainian President Volodymyr Zelensky (centre) and First Lady Olena Zelenska at the memorial on Nov 22.",
        "Ukrainian soldier (Illustrative photo: General Staff)",
        "Mr Zelensky and the Taoiseach at a press conference during the trip (Picture: Jane Doe/PA Wire)",
        # A page's code saved with its text.
        "f824a13c-817b-578a-9525-fa675264da3c fnc Example News example-news/media/flash example-news/topic/flash",
        # Credit lines over or under a copy.
        "Source: Example Newspaper",
        "Source The Example news",
        # Timestamps and datelines standing alone.
        "18:16 GMT 20.11.2025 (Updated: 18:40 GMT 20.11.2025)",
        "Updated: 21 November 2025",
        "WASHINGTON",
        "KYIV, Ukraine",
        # Share and subscribe prompts.
        "Sign up now: Get our newsletters delivered to your inbox",
        "On The Ground newsletter: Get a weekly dispatch from our international correspondents",
        "Get a weekly international news dispatch",
        "Email*SIGN UPI would like to be emailed about offers, events and updates from Example Daily. Read our Privacy notice",
        "Follow us on Telegram",
        # An appeal before its button.
        "I'm doing a triathlon for charity! Donate here",
        # A view counter, a widget's button.
        " • 150 views",
        "Open Extended Reactions",
        # A cookie notice.
        "By continuing to browse our site you agree to our use of cookies, revised Privacy Policy and Terms of Use.",
    ],
)
def test_clutter_never_reaches_the_text(rules, clutter):
    parsed = parse_text(f"The headline of the story\n\nThe story begins here, in full.\n\n{clutter}\n\nThe story goes on.", rules)
    assert [p.text for p in parsed.paragraphs] == ["The story begins here, in full.", "The story goes on."]


def test_a_person_pictured_in_a_sentence_is_no_caption(rules):
    story = "Putin (pictured) said the plan could be a basis for a settlement."
    parsed = parse_text(f"The headline of the story\n\nThe story begins here, in full.\n\n{story}", rules)
    assert [p.text for p in parsed.paragraphs] == ["The story begins here, in full.", story]


def test_a_name_translated_in_brackets_is_no_place_in_a_photo(rules):
    # "(Center)" after a quoted name translates it; a caption's "(C)" or "(centre)" follows a person's or country's name.
    story = "The general visited the Russian “Tsentr” (Center) forces operating in the combat zone, the ministry said."
    parsed = parse_text(f"The headline of the story\n\nThe story begins here, in full.\n\n{story}", rules)
    assert [p.text for p in parsed.paragraphs] == ["The story begins here, in full.", story]


@pytest.mark.parametrize(
    ("header", "date"),
    [
        ("20 November 2025", "2025-11-20"),
        ("date 2025-11-19", "2025-11-19"),
        ("18:16 GMT 20.11.2025 (Updated: 18:40 GMT 20.11.2025)", "2025-11-20"),
        ("Published: Nov. 20, 2025", "2025-11-20"),
        ("2025. 11. 20. 10:31", "2025-11-20"),  # the year first, as Hungarian and Korean pages print it
    ],
)
def test_a_printed_date_is_read(rules, header, date):
    parsed = parse_text(f"REPORTS\n\nThe headline of the story\n\n{header}\n\nThe story begins here, in full.", rules)
    assert (parsed.date, parsed.title) == (date, "The headline of the story")


def test_a_date_that_says_when_something_happened_is_not_the_publication_date(rules):
    parsed = parse_text("The headline of the story\n\nThe strike on 19 November 2025 killed 26 people, officials said.", rules)
    assert parsed.date is None


def test_a_headline_printed_again_is_not_body(rules):
    parsed = parse_text(
        "The headline of the story\n\nThe headline of the story\n\nThe story begins here, in full.\n\nThe story goes on.", rules
    )
    assert parsed.title == "The headline of the story"
    assert [p.text for p in parsed.paragraphs] == ["The story begins here, in full.", "The story goes on."]


def test_a_list_of_links_to_other_stories_never_reaches_the_text(rules):
    links = "- UN warns of dire conditions for displaced people\n\n- US not at the G20 summit: White House\n\n- Officials say the plan took a month"
    parsed = parse_text(f"The headline of the story\n\nThe story begins here, in full.\n\nThe story goes on.\n\n{links}", rules)
    assert [p.text for p in parsed.paragraphs] == ["The story begins here, in full.", "The story goes on."]
    # A list that ends in sentences is the story's own (the points of a plan, say): it stays.
    points = "- Ukraine caps its army at 600,000.\n\n- Ukraine gives up its bid to join NATO."
    parsed = parse_text(f"The headline of the story\n\nThe story begins here, in full.\n\n{points}", rules)
    assert len(parsed.paragraphs) == 3


def test_kept_words_give_the_families_of_a_build_without_them(rules, tmp_path):
    """Each article's words are kept for the next build (words.pack): a build that reads them, one
    whose pack is stale (other code wrote it) or damaged, and one whose article changed since, all
    find the families a build without the pack finds."""
    blog = "A blog post opened with its own words on the matter today.\n\n" + AP_STORY
    articles = [
        *read_articles(REPO, load_config(REPO)).articles,
        _article("mint", CARRIED, publisher="Live Mint"),
        _article("ap", AP_STORY),
        _article("blog", blog),
    ]
    fresh = source_families(articles, rules.wire_names)
    assert {"carries AP's text", "shares long passages word for word"} <= {r for f in fresh for r in f.reasons}
    pack = tmp_path / WORDS_PACK
    assert source_families(articles, rules.wire_names, tmp_path) == fresh
    written = pack.read_bytes()
    assert source_families(articles, rules.wire_names, tmp_path) == fresh
    assert pack.read_bytes() == written  # nothing new to keep

    # The kept words are what a build reads: words that are not the blog's lose its shared passages.
    names = [_digest(a) for a in articles]
    Pack(pack, _words_version()).write(names, {_digest(articles[-1]): ("its own words", "")})
    assert source_families(articles, rules.wire_names, tmp_path) != fresh

    Pack(pack, "words of other code").write(names, {name: ("stale words", "") for name in names})
    assert source_families(articles, rules.wire_names, tmp_path) == fresh
    assert pack.read_bytes() == written  # made again with this code

    damaged = bytearray(written)
    damaged[len(damaged) // 2] ^= 0xFF
    pack.write_bytes(bytes(damaged))
    assert source_families(articles, rules.wire_names, tmp_path) == fresh

    changed = [*articles[:-1], _article("blog", "A blog post with nothing of the AP's story in it at all today.")]
    assert source_families(changed, rules.wire_names, tmp_path) == source_families(changed, rules.wire_names)


def test_an_article_left_out_is_in_no_family(tmp_path):
    # The families are worked out of every article read, while the new ones are analysed; one with
    # no sentence the briefing can use is then left out of its family, as out of every page.
    project = make_project(tmp_path / "p", git_init=False)
    (project / "seeds" / "left-out.md").write_text("---\noutlet: RFE/RL\n---\nBreaking news\n\nYes. No. Maybe.\n", "utf-8")
    config = load_config(project)
    read = read_articles(project, config).articles
    left_out = next(a.id for a in read if a.path == "seeds/left-out.md")
    rferl = next(a.id for a in read if a.path.startswith("seeds/004"))
    assert any(left_out in f.articles for f in families_of(read, config))
    briefing = make_briefing(project, config)
    assert left_out not in {a.article.id for a in briefing.articles}
    assert [f.articles for f in briefing.families if f.name == "RFE/RL"] == [(rferl,)]
