"""Ingest: metadata inferred from real saved articles, clutter removed, text kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import load_config
from briefing.ingest import ArticleError, decode, read_article, read_articles
from briefing.ingest.rules import load_rules

from conftest import REPO

# Hand-checked against the files in seeds/: (outlet, publisher, date, title, author).
EXPECTED = {
    "000_506be4ba1190fed9.txt": ("MENAFN", "Live Mint", "2025-11-20", None, None),
    "001_85445bc8658500d0.txt": (
        "Indian Express",
        "Indian Express",
        "2025-11-20",
        "As US officials arrive in Ukraine to discuss ending war, peace plan may ask Kyiv to cede territory and trim forces",
        "Express Web Desk",
    ),
    "002_fd9efc5d79b2d95b.txt": (None, None, None, "Breaking: Zelenskyy Gets US Peace Plan Amid Ukraine War", None),
    "003_a117e04f27a48ee2.txt": (None, None, "2025-11-20", None, None),
    "004_e272cfd912a2173e.txt": ("American Military News", "RFE/RL", "2025-11-20", None, None),
}


@pytest.fixture(scope="module")
def seeds():
    config = load_config(REPO)
    ingested = read_articles(REPO, config)
    return {Path(a.path).name: a for a in ingested.articles}, ingested.problems


@pytest.fixture(scope="module")
def rules():
    return load_rules(load_config(REPO))


def test_all_seeds_are_read_without_problems(seeds):
    articles, problems = seeds
    assert sorted(articles) == sorted(EXPECTED)
    assert [p for p in problems if p.fatal] == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_metadata(seeds, name):
    article = seeds[0][name]
    assert (article.outlet, article.publisher, article.date, article.title, article.author) == EXPECTED[name]


def test_syndicated_copies_name_their_original_publisher(seeds):
    articles = seeds[0]
    assert articles["004_e272cfd912a2173e.txt"].syndicated
    assert articles["000_506be4ba1190fed9.txt"].syndicated
    assert not articles["001_85445bc8658500d0.txt"].syndicated


CLUTTER = [
    "skip to content",
    "Story continues below this ad",
    "Also Read:",
    "RELATED STORY",
    "Latest Comment",
    "Post Comment",
    "Read Comments",
    "Install the Express App",
    "Leave a Reply",
    "References",
    "breaking-zelenskyy-gets-us-peace-plan",
    "(AP Photo)",
    "This article was originally published by",
    "First published on",
    "What are the key reported demands",  # an FAQ question
]


def test_clutter_is_gone(seeds):
    text = "\n".join(a.text for a in seeds[0].values())
    for line in CLUTTER:
        assert line not in text, line


KEPT = {
    "000_506be4ba1190fed9.txt": [
        "Ukraine could be confronted with difficult choices following reports",
        "And only President Trump and the United States have sufficient power to make this war come to an end.”",
    ],
    "001_85445bc8658500d0.txt": [
        "A US peace plan under discussion with Russia may require Ukraine to give up territory",
        "Ukraine has repeatedly rejected territorial concessions.",
    ],
    "002_fd9efc5d79b2d95b.txt": ["The ongoing conflict underscores the urgency of finding a truly just and sustainable resolution."],
    "003_a117e04f27a48ee2.txt": [
        "The U.S. and Russia have drawn up a plan aimed at ending the war in Ukraine",
        "The retaking of those areas strengthened Ukraine’s arguments",
    ],
    "004_e272cfd912a2173e.txt": [
        "Ukrainian authorities met with top Pentagon officials",
        "were siphoned off in the form of kickbacks to political insiders.",
    ],
}


def test_article_text_is_kept(seeds):
    for name, fragments in KEPT.items():
        text = seeds[0][name].text
        for fragment in fragments:
            assert fragment in text, (name, fragment)


def test_first_and_last_lines_survive(seeds):
    """Cleaning must not eat the first or last paragraph of the story."""
    articles = seeds[0]
    assert articles["004_e272cfd912a2173e.txt"].paragraphs[0].text.startswith("Ukrainian authorities met")
    assert articles["001_85445bc8658500d0.txt"].paragraphs[-1].text == "Ukraine has repeatedly rejected territorial concessions."


def test_cross_heads_are_headings(seeds):
    paragraphs = seeds[0]["000_506be4ba1190fed9.txt"].paragraphs
    headings = [p.text for p in paragraphs if p.kind == "heading"]
    assert "Secret 28-point peace plan emerges" in headings
    assert "Kremlin denies new proposals" in headings


def test_a_page_saved_with_a_paragraph_a_line_keeps_its_paragraphs(rules):
    # Browsers often save a page's text one paragraph, heading or list item a line, with no blank line between.
    saved = (
        "Europe weighs its answer to the peace plan\n\n"
        "The EU's foreign ministers met in Brussels on Thursday to discuss the plan.\n"
        "Kallas said Ukraine and the EU must be on board.\n"
        "Support for Ukraine\n"
        "Several ministers pointed out that the plan rewards the aggressor.\n"
    )
    article = read_article(saved.encode(), "seeds/x.txt", rules)
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("body", "The EU's foreign ministers met in Brussels on Thursday to discuss the plan."),
        ("body", "Kallas said Ukraine and the EU must be on board."),
        ("heading", "Support for Ukraine"),
        ("body", "Several ministers pointed out that the plan rewards the aggressor."),
    ]


def test_text_wrapped_inside_its_sentences_is_one_paragraph(rules):
    wrapped = (
        "Europe weighs its answer to the peace plan\n\n"
        "The EU's foreign ministers met in Brussels on Thursday to discuss\n"
        "the plan, and Kallas said Ukraine and the EU must be on board.\n"
        "Several ministers pointed out that it rewards the aggressor.\n"
    )
    article = read_article(wrapped.encode(), "seeds/x.txt", rules)
    assert [p.text for p in article.paragraphs] == [
        "The EU's foreign ministers met in Brussels on Thursday to discuss the plan, and Kallas said Ukraine and "
        "the EU must be on board. Several ministers pointed out that it rewards the aggressor."
    ]


def test_ids_are_slug_plus_hash_and_stable(seeds):
    article = seeds[0]["000_506be4ba1190fed9.txt"]
    assert article.id == f"live-mint-{article.content_hash[:6]}"
    again = read_article((REPO / article.path).read_bytes(), article.path, load_rules(load_config(REPO)))
    assert again.id == article.id


def test_front_matter_overrides_inferred_metadata(rules):
    raw = (
        b"---\ntitle: A given title\noutlet: Reuters\ndate: 2024-02-03\nurl: https://example.org/a\n---\n"
        b"date 2025-11-20 Some story text that goes on for a while and ends here.\n"
    )
    article = read_article(raw, "seeds/x.md", rules)
    assert (article.title, article.outlet, article.publisher, article.date, article.url) == (
        "A given title",
        "Reuters",
        "Reuters",
        "2024-02-03",
        "https://example.org/a",
    )


@pytest.mark.parametrize(
    "front, message",
    [
        ("title: [unclosed", "not valid YAML"),
        ("date: yesterday", "not a date"),
        ("colour: red", "unknown"),
        ("url: ../../etc/passwd", "not an http(s) address"),
        ("title: {a: 1}", "must be text"),
    ],
)
def test_bad_front_matter_is_refused_with_a_reason(rules, front, message):
    with pytest.raises(ArticleError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_article(f"---\n{front}\n---\nText of the article goes here.\n".encode(), "seeds/bad.md", rules)


def test_decoding_falls_back_and_says_so():
    assert decode("Zelenskyy’s".encode("utf-8-sig")) == ("Zelenskyy’s", [])
    text, warnings = decode("Zelenskyy’s café".encode("cp1252"))
    assert text == "Zelenskyy’s café" and "cp1252" in warnings[0]
    assert decode("Kyiv".encode("utf-16"))[0] == "Kyiv"


def test_binary_and_empty_files_are_refused(rules):
    with pytest.raises(ArticleError, match="binary"):
        read_article(b"\x89PNG\r\n\x1a\n\x00\x00", "seeds/x.txt", rules)
    with pytest.raises(ArticleError, match="empty"):
        read_article(b"  \n\n", "seeds/x.txt", rules)


def test_ambiguous_numeric_date_is_left_unknown(rules):
    article = read_article(b"Some Outlet Headline\n\n03/04/2025\n\nA body sentence that says something.\n", "seeds/x.txt", rules)
    assert article.date is None
    assert any("ambiguous" in w for w in article.warnings)


def test_bbc_latin1_article_is_read(rules):
    from conftest import BBC

    for path in sorted(BBC.glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            article = read_article(raw, path.name, rules)
            assert article.warnings and article.paragraphs
            assert article.title == path.read_bytes().decode("latin-1").splitlines()[0].strip()
            return
    pytest.fail("the BBC corpus should hold one Latin-1 file")


def test_default_outlet_names_articles_that_name_none(tmp_path):
    from briefing.config import parse_config

    config = parse_config("title: BBC\ntopics: []\ndefault_outlet: BBC News\n", tmp_path / "briefing.yml")
    rules = load_rules(config)
    article = read_article(b"Labour plans maternity pay rise\n\nMaternity pay for new mothers is to rise.\n", "seeds/1.txt", rules)
    assert (article.outlet, article.publisher) == ("BBC", "BBC")  # the built-in outlet's short name
    named = read_article(b"---\noutlet: Reuters\n---\nA sentence of the story.\n", "seeds/2.txt", rules)
    assert (named.outlet, named.publisher) == ("Reuters", "Reuters")
