"""The pictures drawn at build time: dates found in text, escaping, text alternatives, determinism."""

from __future__ import annotations

import re

import pytest

from briefing.content import AnalysedArticle, Article, Briefing, Family, Finding, Paragraph, Sentence, SourceRef, Topic
from briefing.pictures import coverage_picture, dated_events, dates_in, timeline_picture


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("officials are in Ukraine on Thursday (November 20) as part of", ["2025-11-20"]),
        ("On November 20, 2025, the office confirmed", ["2025-11-20"]),
        ("by 3 March 2024 and again on 20th November", ["2024-03-03", "2025-11-20"]),
        ("occupied from February 2022 until September 2022", ["2022-02", "2022-09"]),
        ("the August summit in Alaska", []),  # no day, no year: which August?
        ("May ask Kyiv to cede territory", []),
        ("on 31 February 2024", []),
        ("November 20 and again November 20", ["2025-11-20"]),
    ],
)
def test_dates_in_text(text, dates):
    assert dates_in(text, 2025) == dates


def test_a_day_without_a_year_needs_the_article_date():
    assert dates_in("talks on November 20", None) == []


def hostile_briefing() -> Briefing:
    """One article whose publisher and text try to break out of the SVG and into a footnote."""
    publisher = 'Evil <script>alert(1)</script> & "Co" [^x]'
    text = "On 20 November 2025 <b>officials</b> met [^fake] in Kyiv."
    article = Article(
        id="evil-1", path="seeds/evil.txt", content_hash="0", title="<i>Title</i>", outlet=publisher,
        publisher=publisher, date="2025-11-21", author=None, url=None, paragraphs=(Paragraph(text),),
    )
    sentence = Sentence(1, text, 1, "body", ("official", "meet", "kyiv"))
    finding = Finding("f1", "talks", text, (SourceRef("evil-1", 1, text),), (publisher,))
    topic = Topic("talks", "Talks <and> [deals]", "", (finding,), ())
    return Briefing("T", "D", (AnalysedArticle(article, (sentence,), ()),), (topic,), (), families=(Family(publisher, ("evil-1",)),))


def test_pictures_escape_article_text_and_describe_themselves():
    briefing = hostile_briefing()
    for picture in (coverage_picture(briefing), timeline_picture(briefing)):
        assert "<script" not in picture and "<b>" not in picture and "<i>" not in picture
        assert "[^" not in picture  # the footnote check and Markdown never see a reference
        assert "\n" not in picture  # one raw HTML block for Python-Markdown
        assert re.search(r'<svg [^>]*role="img" aria-labelledby="bp-\w+-title bp-\w+-desc"', picture)
    assert "Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;Co&#34; &#91;^x&#93;: Talks &lt;and&gt; &#91;deals&#93; 1." in coverage_picture(briefing)
    assert "20 November 2025: Evil" in timeline_picture(briefing)
    assert "21 November 2025: Published by Evil" in timeline_picture(briefing)


def test_timeline_lists_publications_and_dates_named_in_order():
    events = dated_events(hostile_briefing())
    assert [(e.date, e.published) for e in events] == [("2025-11-20", False), ("2025-11-21", True)]
    assert events[0].source == SourceRef("evil-1", 1, events[0].text)
    assert [e.label for e in events] == ["20 November 2025", "21 November 2025"]


def test_the_seeds_pictures_are_raw_html_blocks_on_their_pages(seeds_project):
    docs = seeds_project / "site_docs"
    for page, name in (("index.md", "coverage"), ("timeline.md", "timeline")):
        text = (docs / page).read_text(encoding="utf-8")
        block = re.search(rf'\n\n<figure class="bp-figure bp-{name}">.*</figure>\n\n', text)
        assert block, f"{page}: no {name} picture on a line of its own"
        html = (seeds_project / "site" / page.replace(".md", ".html")).read_text(encoding="utf-8")
        assert block.group(0).strip() in html  # passed through by Markdown untouched
