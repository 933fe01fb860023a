"""What ingest reads off the bare text of the development corpus, against what a person read
off each page (data/coverage/articles.yml): floors at the figures of docs/ingest.md."""

from __future__ import annotations

import pytest
from metadata import Tally, score, split

#: (read at least, wrong at most) per field; the test split was never used to write the rules.
FLOORS = {
    "test": {"outlet": (3, 0), "date": (7, 0), "title": (21, 1)},
    "train": {"outlet": (7, 0), "date": (7, 0), "title": (22, 0)},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_outlets_dates_and_headlines_shown_in_the_text_are_read(name):
    tallies = score(split(name))
    reached = {field: (t.read, t.guessed) for field, t in tallies.items()}
    for field, (read, guessed) in FLOORS[name].items():
        assert reached[field][0] >= read and reached[field][1] <= guessed, (field, reached[field])


def test_the_score_counts_what_it_says():
    assert Tally(3, 2, 1) + Tally(1, 1, 0) == Tally(4, 3, 1)
    tallies = score(split("train") | split("test"))
    assert sum(t.shown for t in tallies.values()) == 14 + 19 + 44


@pytest.mark.parametrize(
    ("header", "outlet", "publisher"),
    [
        ("Support The Moscow Times!", "The Moscow Times", None),
        ("© 2025 KUNR", "KUNR", None),
        ("tradingkey.logo", "tradingkey", None),
        ("By RFE/RL November 19, 2025", None, "RFE/RL"),
        ("By Jane Doe | Example Daily", "Example Daily", None),
        # Forms read on any site's page, with the gazetteer of well-known outlets in rules.yml.
        ("By Jane Doe, Kyiv Post", "Kyiv Post", None),
        ("By India Today World Desk", "India Today", None),
        ("By Euronews with AP", "Euronews", None),
        ("- Agencies and A News", "A News", None),
        ("Source: TRT World and agencies", "TRT World", None),
        ("Meduza", "Meduza", None),
        ("swissinfo.ch", "swissinfo.ch", None),
        ("By Jane Doe, Reuters", None, "Reuters"),
    ],
)
def test_the_site_is_read_from_masthead_and_byline_lines(header, outlet, publisher):
    parsed = _parse(f"{header}\n\nThe headline of the story\n\nThe story begins here, in full.\n\nThe headline of the story")
    assert (parsed.outlet, parsed.publisher, parsed.title) == (outlet, publisher, "The headline of the story")
    # The headline printed again below is never body text.
    assert [p.text for p in parsed.paragraphs] == ["The story begins here, in full."]


@pytest.mark.parametrize(
    ("title", "outlet"),
    [("The headline of the story | Example Daily", "Example Daily"), ("The headline of the story | World News", None)],
)
def test_the_site_is_read_after_the_headline(title, outlet):
    parsed = _parse(f"{title}\n\nThe story begins here, in full.")
    assert (parsed.outlet, parsed.title) == (outlet, "The headline of the story" if outlet else title)
def _parse(text: str):
    from metadata import REPO

    from briefing.config import load_config
    from briefing.ingest.rules import load_rules
    from briefing.ingest.text import parse_text

    return parse_text(text, load_rules(load_config(REPO)))


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        ("© 2025 Example Daily. All rights reserved.", "Example Daily"),
        ("Copyright © 2024-2025 Example Daily, Inc.", "Example Daily"),
        ("© Irish Examiner Ltd", "Irish Examiner"),
        ("Euronews", "Euronews"),
        ("Sputnik International", "Sputnik"),
        # A photo's credit or a fact's source names no site.
        ("Copyright Emergency Service", None),
        ("Source: Ukraine's General Staff", None),
    ],
)
def test_the_site_is_read_from_copyright_source_and_name_lines_at_the_foot(footer, outlet):
    body = "\n\n".join(f"Paragraph {n} of the story goes on for a while, as stories do." for n in range(12))
    parsed = _parse(f"The headline of the story\n\n{body}\n\n{footer}")
    assert (parsed.outlet, parsed.title) == (outlet, "The headline of the story")
    if outlet:
        assert footer not in [p.text for p in parsed.paragraphs]


@pytest.mark.parametrize(
    ("lead", "publisher"),
    [
        ("MOSCOW, December 4. /TASS/. The Kremlin said the talks went on.", "TASS"),
        ("KYIV, Nov 20 (Example Agency) – The talks went on, officials said.", "Example Agency"),
    ],
)
def test_a_dateline_past_captions_names_the_agency(lead, publisher):
    captions = "\n\n".join(f"Photo {n}: people at a meeting in the capital." for n in range(12))
    parsed = _parse(f"The headline of the story\n\n{captions}\n\n{lead}\n\nMore of the story follows here.")
    assert parsed.publisher == publisher


@pytest.mark.parametrize(
    ("header", "date"),
    [
        ("Jane Doe, 25 Nov 2025 10:15 AM IST", "2025-11-25"),
        ("Kyiv | Nov 25, 2025", "2025-11-25"),
        ("Jane Doe and John Roe | November 25, 2025", "2025-11-25"),
        ("Tue 25 Nov 2025 10.15 GMT", "2025-11-25"),
        ("Published on 25/11/2025 - 10:15 GMT+1", "2025-11-25"),
        ("2025-11-25T10:15:00Z", "2025-11-25"),
        # An update's time is no publication date, and a date in a sentence says when something happened.
        ("Updated: 26 November 2025", None),
        ("Talks were held on 25 November 2025 in Geneva, officials said.", None),
    ],
)
def test_the_date_is_read_from_header_and_lead_lines_only(header, date):
    parsed = _parse(f"The headline of the story\n\n{header}\n\nThe story begins here and goes on with its first long sentence for a reader.")
    assert (parsed.date, parsed.title) == (date, "The headline of the story")


def test_the_headline_is_found_past_clutter_no_rule_knows():
    clutter = "Get all your news in one place.\n\nOne app.\n\nPlay Live Radio\n\nNext Up:\n\n0:00\n\nServing the Eastern Sierra"
    story = "The story begins here and goes on with its first long sentence, as a reader expects it to."
    parsed = _parse(f"{clutter}\n\nThe headline of the story\n\nA caption.\n\nGetty Images\n\n{story}")
    assert parsed.title == "The headline of the story"
    assert parsed.paragraphs[-1].text == story
