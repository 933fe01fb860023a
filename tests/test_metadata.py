"""What ingest reads off the bare text of the development corpus, against what a person read
off each page (data/coverage/articles.yml): floors at the figures of docs/ingest.md."""

from __future__ import annotations

import pytest
from metadata import Tally, score, split

#: (read at least, wrong at most) per field; the test split was never used to write the rules.
FLOORS = {
    "test": {"outlet": (1, 1), "date": (7, 0), "title": (20, 2)},
    "train": {"outlet": (6, 0), "date": (7, 0), "title": (20, 0)},
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
    ],
)
def test_the_site_is_read_from_masthead_and_byline_lines(header, outlet, publisher):
    from metadata import REPO

    from briefing.config import load_config
    from briefing.ingest.rules import load_rules
    from briefing.ingest.text import parse_text

    parsed = parse_text(f"{header}\n\nThe headline of the story\n\nThe story begins here, in full.\n\nThe headline of the story", load_rules(load_config(REPO)))
    assert (parsed.outlet, parsed.publisher, parsed.title) == (outlet, publisher, "The headline of the story")
    # The headline printed again below is never body text.
    assert [p.text for p in parsed.paragraphs] == ["The story begins here, in full."]
