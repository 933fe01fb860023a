"""What ingest reads off the bare text of the development corpus, against what a person read
off each page (data/coverage/articles.yml): floors at the figures of docs/ingest.md."""

from __future__ import annotations

import pytest
from metadata import DEV, DEV2, DEV3, REPO, Tally, score, split

from briefing.content import Article, Paragraph
from briefing.ingest import dated_by_the_others

#: (read at least, wrong at most) per field; the test split was never used to write the rules.
FLOORS = {
    "test": {"outlet": (4, 0), "date": (9, 0), "title": (21, 1)},
    "train": {"outlet": (7, 0), "date": (8, 0), "title": (22, 0)},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_outlets_dates_and_headlines_shown_in_the_text_are_read(name):
    tallies = score(split(name))
    reached = {field: (t.read, t.guessed) for field, t in tallies.items()}
    for field, (read, guessed) in FLOORS[name].items():
        assert reached[field][0] >= read and reached[field][1] <= guessed, (field, reached[field])


#: On the fresh development sets (data/metadata-dev*): the rules were tuned on them, so these are
#: development figures, not held-out ones. Before any rule looked at them, the second set stood at
#: outlets 4 (1 guessed), dates 8, headlines 17 (3 guessed), and the third at outlets 1 of 5, dates
#: 4 of 6, headlines 11 of 11 (1 guessed).
DEV_FLOORS = {
    DEV: {"outlet": (10, 1), "date": (10, 0), "title": (17, 0)},
    DEV2: {"outlet": (7, 0), "date": (11, 0), "title": (18, 0)},
    DEV3: {"outlet": (5, 0), "date": (6, 0), "title": (11, 0)},
}


@pytest.mark.parametrize("folder", sorted(DEV_FLOORS), ids=lambda folder: folder.name)
def test_outlets_dates_and_headlines_of_the_fresh_development_sets_are_read(folder):
    reached = {field: (t.read, t.guessed) for field, t in score(None, folder).items()}
    for field, (read, guessed) in DEV_FLOORS[folder].items():
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
        # Written for a site, the copy's publisher, its date and the story's number after it (the hundred-fifty-ninth set).
        ("By Jane Doe for Example Daily", None, "Example Daily"),
        ("By Jane Doe for Example Daily, December 18, 2025. Article n°1940", None, "Example Daily"),
        # A logo's name, a desk's byline with the site's name as sites write theirs, a site's name glued to the date line.
        ("Exampledaily logo", "Exampledaily", None),
        ("By ExampleToday Correspondents", "ExampleToday", None),
        ("By Jane Doe Reporters", None, None),
        # A desk's or the staff's credit on a line of its own, the writer's name after it or not (a person has no desk).
        ("Exampledaily Online Desk", "Exampledaily", None),
        ("EXD Staff Jane Doe", "EXD", None),
        ("Reuters Staff", None, "Reuters"),
        ("December 08, 2025Example Report", "Example Report", None),
        # A name ending in a masthead word, and a section that reads like one.
        ("All Sides Report", "All Sides Report", None),
        ("Special Report", None, None),
        # A credit over a rewrite naming no known outlet: neither the site nor the headline.
        ("Source The Example news", None, None),
        # A section's label: a site writes its own name's last word with a capital.
        ("Usa news", None, None),
    ],
)
def test_the_site_is_read_from_masthead_and_byline_lines(header, outlet, publisher):
    parsed = _parse(f"{header}\n\nThe headline of the story\n\nThe story begins here, in full.\n\nThe headline of the story")
    assert (parsed.outlet, parsed.publisher, parsed.title) == (outlet, publisher, "The headline of the story")
    # The headline printed again below is never body text.
    assert [p.text for p in parsed.paragraphs] == ["The story begins here, in full."]


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("The headline of the story | Example Daily", "Example Daily"),
        ("The headline of the story | World News", None),
        ("The headline of the story | Political News", None),
        # A story's section, as Al Jazeera's copies carry it (the hundred-fifty-sixth set).
        ("The headline of the story | Russia-Ukraine War News", None),
    ],
)
def test_the_site_is_read_after_the_headline(title, outlet):
    parsed = _parse(f"{title}\n\nThe story begins here, in full.")
    # (A section's label after the bar names no site, and is no part of the headline either.)
    assert (parsed.outlet, parsed.title) == (outlet, "The headline of the story")
def _parse(text: str):

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
        ("Example.az © 2025. .", "Example.az"),
        # The footer's links after it on the line (the eighty-seventh set).
        ("2026 © The Example Times /Cookies Policy Privacy Policy", "The Example Times"),
        ("© 2025 Example Daily | Privacy | Terms of use", "Example Daily"),
        ("Euronews", "Euronews"),
        # The site's signature with its editor's initials.
        ("(Exampleonline/lf)", "Exampleonline"),
        ("Sputnik International", "Sputnik"),
        # A photo's credit or a fact's source names no site.
        ("Copyright Emergency Service", None),
        ("Photo © 2025", None),
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
        ("[November 25, 2025]", "2025-11-25"),
        # An update's time is no publication date, but the page's date when it prints no other; a date in a sentence says
        # when something happened.
        ("Published: 25 November 2025 | Updated: 26 November 2025", "2025-11-25"),
        ("Updated: 26 November 2025", "2025-11-26"),
        ("Updated January 26, 2026 at 11:55 a.m. EST", "2026-01-26"),
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


@pytest.mark.parametrize(
    ("header", "outlet", "publisher", "date"),
    [
        # A copyright line with the year before the sign, or a span of years after the name.
        ("2025 © Example.com. All Rights Reserved.", "Example.com", None, None),
        ("© Example Daily, 2013-2025.", "Example Daily", None, None),
        # "Published by" and "Posted by ... on" bylines, with the date or the site.
        ("Published by Jane Doe 23 de noviembre, 2025", None, None, "2025-11-23"),
        ("Posted by Jane Doe on November 21, 2025", None, None, "2025-11-21"),
        ("Posted by Jane Doe on Example Daily", "Example Daily", None, None),
        # A date line under a label in the site's own words, and a date in a Romance language.
        ("Publication date: 02.12.2025 06:43", None, None, "2025-12-02"),
        ("3 décembre 2025", None, None, "2025-12-03"),
        # A line of punctuation names no outlet.
        ("-", None, None, None),
        # A byline naming a wire: the wire's copy, under any of its names.
        ("By AFP | Dec 02, 2025", None, "AFP", "2025-12-02"),
        ("By Agence France-Presse", None, "AFP", None),
        # A time after a byline's bar names no site.
        ("By Jane Doe Jan 23, 2026 | 8:34 AM", None, None, "2026-01-23"),
        # A time, then the date with the "year" a page translated from Russian prints after it.
        ("17:15; 27 November 2025 year", None, None, "2025-11-27"),
        # The place a story was filed from and the agency that filed it, after a bullet; a section's name is no agency.
        ("Kyiv • EXN", "EXN", None, None),
        ("Kyiv • Reuters", None, "Reuters", None),
        ("World • News", None, None, None),
        # A date line whose year follows the comma unspaced, an edit's time after it.
        ("Published: 03:12 PM,Dec 17,2025 | EDITED : 07:12 PM,Dec 17,2025", None, None, "2025-12-17"),
        # An agency well known in its region, on a line of its own.
        ("Interfax-Ukraine", "Interfax-Ukraine", None, None),
        # A day with its full stop, as German pages write it, is no numbered list's "7.".
        ("07. November 2025", None, None, "2025-11-07"),
        # A wire and the site that ran its copy, in a byline that ends with a bar; a person beside the wire is its writer.
        ("By AFP and Kontur |", "Kontur", "AFP", None),
        ("By AFP and Jane Doe", None, None, None),
        # A widget's hyphenated name glued before the date line; a site's desk and its name between bars before it.
        ("regular-article-logo Tuesday, 16 December 2025", None, None, "2025-12-16"),
        ("TOI GLOBAL DESK | TOI GLOBAL | Feb 17, 2026, 22:46 IST", "TOI GLOBAL", None, "2026-02-17"),
        # A newspaper's name between dashes before the date is the site; a caption ending with its credit names nothing.
        ("- The Washington Times - Friday, November 28, 2025", "The Washington Times", None, "2025-11-28"),
        ("Poland's Prime Minister Donald Tusk. Photo: Euronews", None, None, None),
        # A wire's credit with the page's change, then its publication, each dated day first with hyphens.
        ("Reuters | Updated: 31-01-2026 16:18 IST | Created: 30-01-2026 16:18 IST", None, "Reuters", "2026-01-30"),
        # The date, then the site's desk and name as sentences; a newspaper's name is no section's ("English").
        ("Published: 12 December 2025. The English Chronicle Desk. The English Chronicle Online.", "The English Chronicle", None, "2025-12-12"),
        # A breadcrumb before the date, the time after slashes.
        ("World » UKRAINE | January 16, 2026, Friday // 11:35", None, None, "2026-01-16"),
    ],
)
def test_more_forms_of_site_byline_and_date_lines(header, outlet, publisher, date):
    parsed = _parse(f"{header}\n\nThe headline of the story\n\nThe story begins here and goes on with its first long sentence for a reader.")
    assert (parsed.outlet, parsed.publisher, parsed.date, parsed.title) == (outlet, publisher, date, "The headline of the story")


@pytest.mark.parametrize(
    ("lead", "publisher", "date"),
    [
        # A lead opened by its source in brackets, or by a wire's name as its credit.
        ("(MENAFN) The talks went on for five hours, officials in the capital said on Tuesday.", "MENAFN", None),
        ("Reuters. The talks went on for five hours, officials in the capital said on Tuesday.", "Reuters", None),
        # A dateline that dates the story in full, also glued to a teaser printed above it.
        ("Nov. 19, 2025 (EIRNS)—The talks went on for five hours, officials in the capital said.", "EIRNS", "2025-11-19"),
        ("The teaser of the story ends here.Nov. 19, 2025 (EIRNS)—The talks went on for five hours, officials said.", "EIRNS", "2025-11-19"),
        # An agency in lower case, with its client; a date after the agency's bracket.
        ("Moscow, 12 December 2025 (dpa/MIA) – The talks went on for five hours, officials in the capital said.", "dpa/MIA", "2025-12-12"),
        ("Moscow (The Palestine Telegraph Newspaper) - 29 January 2026 – The talks went on for five hours, officials said.",
         "The Palestine Telegraph Newspaper", "2026-01-29"),
        # A place's name before a date in full, its year too, also glued to it.
        ("Geneva, November 25, 2025 – The talks went on for five hours, officials in the capital said.", None, "2025-11-25"),
        ("ParisNovember 17, 2025 – The talks went on for five hours, officials in the capital said.", None, "2025-11-17"),
        # Or set off by a dash, with its state after a comma.
        ("Washington, D.C. — October 17, 2025 — The talks went on for five hours, officials in the capital said.", None, "2025-10-17"),
        # The date alone in figures, day first, opening the lead.
        ("10.02.2026 Greece and Malta have spoken out against the European Union’s proposal to replace the price cap on Russian oil with a "
         "ban on services necessary for its transportation, Bloomberg reported, citing sources familiar with the discussions.", None, "2026-02-10"),
        # A wire's name in square brackets.
        ("January 16, 2026 [Reuters]- The talks went on for five hours, officials in the capital said.", "Reuters", "2026-01-16"),
        # A date in full opening the lead, before a colon.
        ("December 5, 2025: The talks went on for five hours, officials in the capital said.", None, "2025-12-05"),
        # A date in a sentence says when something happened: "Tuesday (December 2)".
        ("The talks went on for five hours on Tuesday (December 2, 2025), officials in the capital said.", None, None),
    ],
)
def test_the_lead_names_its_source_and_date(lead, publisher, date):
    parsed = _parse(f"The headline of the story\n\n{lead}\n\nMore of the story follows here.")
    assert (parsed.publisher, parsed.date) == (publisher, date)


def test_todays_date_in_the_top_bar_and_a_photos_credit_name_nothing():
    parsed = _parse(
        "Today : Dec 16, 2025\n\nThe headline of the story\n\n14 December 2025\n\nJane Doe / AP\n\n"
        "The story begins here and goes on with its first long sentence for a reader."
    )
    assert (parsed.date, parsed.outlet, parsed.title) == ("2025-12-14", None, "The headline of the story")


def test_a_wires_name_alone_under_a_photos_caption_credits_the_photo_not_the_story():
    caption = "Prime Minister Jane Doe (R) and President John Roe walk past a jet in Linkoping, Sweden, on October 22, 2025."
    parsed = _parse(f"The headline of the story\n\n{caption}\nAFP\n\n{_STORY}")
    assert (parsed.publisher, parsed.title) == (None, "The headline of the story")
    assert _parse(f"The headline of the story\n\nAFP\n\n{_STORY}").publisher == "AFP"


@pytest.mark.parametrize(
    "top",
    [
        "Saturday, March 21, 2026\n20.1 C\nNew Delhi",
        # The clock a line or two from the widget, on either side.
        "23.1 C\n\nDelhi\n\nThursday, February 19, 2026",
        "Dark Mode\n\nMore forecasts: Johannesburg 14 days weather\n\n  • Wednesday, 19 November 2025",
    ],
)
def test_a_page_clock_and_weather_are_no_publication_date(top):
    parsed = _parse(f"{top}\n\nThe headline of the story\n\nThe story begins here and goes on with its first long sentence for a reader.")
    assert (parsed.date, parsed.title) == (None, "The headline of the story")


def test_menus_cookie_notices_and_account_links_are_clutter():
    menu = "\n".join(f"  • {item}" for item in ("Home", "National & World", "Politics", "Pets & Animals", "Money"))
    header = (f"By using this site, you agree to the Privacy Policy and Terms of Use.\nAccept\n{menu}\nSearch\n"
              "Have an existing account? Sign In\nSupport\nAll rights reserved:")
    story = "The story begins here and goes on with its first long sentence, as a reader expects it to."
    parsed = _parse(f"{header}\n\nThe headline of the story\n\n{story}")
    assert parsed.title == "The headline of the story"
    assert [p.text for p in parsed.paragraphs] == [story]


def test_a_footer_listing_several_outlets_names_none_of_them():
    body = "\n\n".join(f"Paragraph {n} of the story goes on for a while, as stories do, until it comes to its end." for n in range(3))
    parsed = _parse(f"The headline of the story\n\n{body}\n\nExample.com\n\nCNN\n\nRaw Story")
    assert parsed.outlet is None


@pytest.mark.parametrize(
    "lead",
    [
        # An acronym spelled out before its brackets, not an agency's dateline.
        "One member of the Bank's Monetary Policy Committee (MPC) - Paul Tucker - voted to raise rates to 5%.",
        '"High-Speed Downlink Packet Access (HSDPA) - sometimes called Super 3G - will be vital," a report said.',
        # A sentence before the brackets is no place or date.
        "Officials of the ministry said the union (PCS) - which represents staff - would strike on Friday.",
    ],
)
def test_brackets_in_a_sentence_are_no_dateline(lead):
    parsed = _parse(f"The headline of the story\n\n{lead}\n\nMore of the story follows here, as stories go on.")
    assert parsed.publisher is None


def test_a_name_after_the_headline_that_the_story_quotes_is_not_the_site():
    story = "Plans to shed jobs will prove a false economy, according to a TUC report. The TUC said cuts would save little."
    parsed = _parse(f"Job cuts 'false economy' - TUC\n\n{story}")
    assert (parsed.outlet, parsed.title) == (None, "Job cuts 'false economy' - TUC")


def test_a_known_outlets_name_in_the_footer_counts_only_as_the_outlet_writes_it():
    body = "\n\n".join(f"Paragraph {n} of the match report goes on for a while, as reports do." for n in range(12))
    assert _parse(f"Bristol City 2-1 Milton Keynes\n\n{body}\n\nHill.").outlet is None  # a player's name
    assert _parse(f"Bristol City 2-1 Milton Keynes\n\n{body}\n\nThe Hill").outlet == "The Hill"


def test_bbc_articles_name_no_outlet_publisher_or_date_and_none_is_guessed():
    """The BBC corpus (../shared/corpus/bbc/, research data) prints a headline and the story, nothing else:
    every outlet, publisher or date read from it would be a guess."""
    from briefing.config import load_config
    from briefing.ingest.rules import load_rules
    from briefing.ingest.text import parse_text

    from conftest import BBC

    rules = load_rules(load_config(REPO))
    paths = sorted(BBC.glob("*/*.txt"))
    assert len(paths) > 2000
    guessed = []
    for path in paths:
        parsed = parse_text(path.read_text("utf-8", errors="replace"), rules)
        guessed += [f"{path.relative_to(BBC)}: {value}" for value in (parsed.outlet, parsed.publisher, parsed.date) if value]
    assert not guessed


@pytest.mark.parametrize(
    ("lead", "outlet"),
    [
        # A site of the former Soviet Union's agencies names itself as the reporter in its lead.
        ("The talks went on for five hours on Tuesday, officials said, Example Daily informs.", "Example Daily"),
        ("The talks went on for five hours on Tuesday, officials said, informs EXN.", "EXN"),
        ("The talks went on for five hours, officials said, Example.Az reports, citing foreign media.", "Example.Az"),
        ("The talks went on for five hours, officials said, EXN reports with reference to Russian media.", "EXN"),
        ("The talks went on for five hours, the ministry reported on Monday, writes EXN.", "EXN"),
        # A site that goes by its web address, and the writer that could not verify what it reports.
        ("The talks went on for five hours, officials said, Example.Biz reports, citing Sky News.", "Example.Biz"),
        ("The talks went on for five hours, he said. The Example Times could not independently verify his claims.", "The Example Times"),
        # A site relaying an official's post or broadcast credits itself after the medium; after a claim, a site is a source.
        ("The talks went on for five hours, the governor said on Telegram on Friday, Example Daily reports.", "Example Daily"),
        ("The governor announced this on the air of a telethon on Sunday, EXN reports.", "EXN"),
        ("The talks went on. This was stated by the governor, Ivan Petrenko, during a press conference, EXN reports.", "EXN"),
        ("The governor said on Friday that the talks would go on, Example Daily reports.", None),
        # Or after the statement it relays (the seventy-fourth and eighty-sixth sets), by its initials when alone.
        ("The evacuation goes on. This was stated by Ivan Petrenko, head of the region, as reported by EXN.", "EXN"),
        # In a statement, and after the quoted name of an event (the sixtieth and hundred-forty-first sets).
        ("The plant is damaged. This was stated in a statement by Director General Ivan Petrenko, as reported by EXN.", "EXN"),
        ('Children came home. This was stated by Ivan Petrenko during the event "Lessons for the World," as reported by EXN.', "EXN"),
        ("The governor spoke about the attack and showed its consequences. This was reported by EXN.", "EXN"),
        ("The governor spoke about the attack. This was reported by Example Daily.", None),
        ("The talks went on, as reported by Example Daily.", None),
        # Or as a site of the former Soviet Union opens a relayed statement: re-reporting "foreign media".
        ("As reported by EXN, citing foreign media, the talks went on for five hours on Tuesday.", "EXN"),
        ("As reported by Example Daily, the talks went on for five hours on Tuesday.", None),
        # A lead opened by the site's desk, or by the site's name where a dateline's place stands (a place is in capitals).
        ("Example Political Desk: The talks went on for five hours on Tuesday, officials in the capital said.", "Example"),
        ("ExampleNews – The talks went on for five hours on Tuesday, officials in the capital said.", "ExampleNews"),
        ("KYIV – The talks went on for five hours on Tuesday, officials in the capital said.", None),
        # A site named as the source of a report is not the page's.
        ("The talks went on for five hours on Tuesday, officials said, Axios reported, citing two officials.", None),
        ("The talks went on for five hours on Tuesday, officials said, Reuters informs.", None),
        ("The talks went on for five hours on Tuesday, officials said, Example Daily reports.", None),
        ("The talks went on for five hours on Tuesday. Dmitry Peskov could not confirm the report.", None),
        # Nor is a writer named by name: "…, writes Mr Peston" (a site's initials name the site).
        ("The talks went on for five hours, amid suspicion of a plot, writes Mr Peston.", None),
        ("The talks went on for five hours, amid suspicion of a plot, writes Example Daily.", None),
    ],
)
def test_a_lead_that_names_its_site_as_the_reporter(lead, outlet):
    parsed = _parse(f"The headline of the story\n\n{lead}\n\nMore of the story follows here, as stories go on.")
    assert (parsed.outlet, parsed.title) == (outlet, "The headline of the story")


@pytest.mark.parametrize(
    ("lead", "publisher"),
    [
        # An agency's dateline with a colon after its bracket, the day printed without the year.
        ("Moscow, 3 December (H.S.): Marathon talks at the Kremlin ended late on Tuesday, officials said.", "H.S."),
        # Without a day before the bracket, a name and its role: no dateline.
        ("Tony Blair (PM): we will hold the line on the budget, he told the Commons on Tuesday.", None),
        # Nor a dash or a colon, as IANS prints its datelines: with the day, the agency.
        ("Moscow, Nov 25 (IANS) Russian Foreign Minister Sergei Lavrov on Tuesday said Europe had failed.", "IANS"),
        # A day in the brackets dates the story: no agency.
        ("WASHINGTON (December 3) – The envoys held a five-hour meeting at the Kremlin, officials said on Wednesday.", None),
        # An acronym spelled out in a lead, without a day before it, is no agency.
        ("The Security Service (SBU) Said on Tuesday that its drones had struck two tankers in the Black Sea.", None),
    ],
)
def test_a_dateline_with_a_colon_or_no_dash_names_the_agency(lead, publisher):
    parsed = _parse(f"The headline of the story\n\n{lead}\n\nMore of the story follows here, as stories go on.")
    assert parsed.publisher == publisher


def test_a_lead_opened_by_its_day_and_time_in_brackets_is_dated():
    # (The hundred-fifty-seventh set: the site's stamp where a dateline stands.)
    parsed = _parse("(2025-12-21 22:23:00) — Russia on Sunday criticized proposed amendments to a U.S. plan, officials said.")
    assert (parsed.date, parsed.publisher) == ("2025-12-21", None)


def test_a_headline_past_an_editors_note_a_credit_and_a_breadcrumb_cut_short():
    lead = "Moscow has obtained several unofficial versions of the plan, the Kremlin said on Wednesday in a statement."
    # An agency's note of what its update changed, and a photo's credit line, are no headlines.
    assert _parse("UPDATE WITH NEW REMARKS BY KREMLIN AIDE, CHANGE IN HEADLINE, DECK, LEDE\n\nBy Jane Doe\n\n" + lead).title is None
    assert _parse("Credited from: AA\n\n" + lead).title is None
    # A photo's credit after a bar is not part of the headline.
    headline = "Orban Hits Back at Zelenskyy After Remark at Davos"
    assert _parse(f"{headline} | Image: X\n\n{lead}").title == headline
    # Nor one after a slash, with its label (an account's handle after a slash ends a caption: "… on X. /@SEPeaceMissions").
    assert _parse(f"{headline} / Photo: OLEKSII FILIPPOV - AFP\n\n{lead}").title == headline
    # Nor are the site's section labels after bars, and the last of them names no site.
    parsed = _parse(f"{headline} | World | News\n\n{lead}")
    assert (parsed.title, parsed.outlet) == (headline, None)
    # A label line of labels after slashes over the headline is not the headline (the hundred-fifty-sixth set).
    parsed = _parse(f"THE EXAMPLE TIMES/BLACK SEA TENSIONS\n{headline}\n{lead}")
    assert (parsed.title, [p.text for p in parsed.paragraphs]) == (headline, [lead])
    # A breadcrumb ending in the headline cut short names the headline printed under it, not the deck below.
    text = "Home Russia Ukraine slams Kremlin’s map: ‘Pokrovsk is not fallen’ — fierce battles rage...\n\n{0}\n\n5\n\n{1}\n\n{2}"
    headline = "Ukraine slams Kremlin’s map: ‘Pokrovsk is not fallen’ — fierce battles rage street-by-street"
    deck = "Ukraine denies Russian claims of full control in Myrnohrad as frontline fighting continues"
    assert _parse(text.format(headline, deck, lead)).title == headline


def test_a_line_that_is_only_a_sites_name_is_the_masthead_not_a_section():
    story = "{}\n\nZelensky Rejects Timing of Peace Deal Referendum\n\n{}Volodymyr Zelensky has dismissed suggestions that he would use the anniversary to announce a vote."
    assert _parse(story.format("Bayou City Today", "")).outlet == "Bayou City Today"
    # A section beside the date, or a menu's, names no site.
    parsed = _parse(story.format("DNYUZ", "Home News\n\nFeb 12, 2026 World News\n\n"))
    assert (parsed.outlet, parsed.date) == (None, "2026-02-12")
    # Under the headline, with "The": a site's name; "The Latest News" is still a section.
    under = "Wednesday, February 18, 2026\n\nNo Breakthrough: Geneva Talks Confirm the Chasm\n\n{}\n\nSources: BBC, France 24\n\nThe talks concluded without a breakthrough, officials said on Wednesday."
    assert _parse(under.format("The Greek Courier")).outlet == "The Greek Courier"
    assert _parse(under.format("The Latest News")).outlet is None
    assert _parse(story.format("Current News", "")).outlet is None


def test_a_question_set_as_a_headline_is_the_headline():
    text = "Did Russia Really Reject the US Peace Plan for Ukraine?\n\nSynopsis\n\n{}\n\nMore of the story follows here."
    lead = "Kremlin spokesperson Dmitry Peskov on Wednesday refuted assertions that Putin has dismissed the plan, officials said."
    assert _parse(text.format(lead)).title == "Did Russia Really Reject the US Peace Plan for Ukraine?"
    # A question asked in the story's words is not one.
    assert _parse("What happens next is still unclear to many?\n\n" + lead).title is None


def test_a_weekday_after_the_date_names_no_site():
    parsed = _parse("The headline of the story\n\nNovember 24, 2025, Monday\n\n"
                    "The story begins here and goes on with its first long sentence for a reader.")
    assert (parsed.date, parsed.outlet, parsed.title) == ("2025-11-24", None, "The headline of the story")


@pytest.mark.parametrize("header", ["+ ↺ − 16 px", "Asia Edition"])
def test_a_widget_or_a_tagline_over_the_story_is_no_headline(header):
    story = "Brussels, Nov. 22 (Example Press)--Leaders of Japan, Canada and Europe issued a joint statement on Saturday."
    parsed = _parse(f"{header}\n\n{story}\n\nMore of the story follows here, as stories go on.")
    assert parsed.title is None


@pytest.mark.parametrize("first", ["The headline of the story-Xinhua", "The headline of the story | Example News"])
def test_a_headline_printed_first_with_the_sites_name_glued_on(first):
    page = (
        f"{first}\n\nThe headline of the story\n\nSource: Xinhua| 2025-12-12 18:49:00|Editor: huaxia\n\n"
        "The story begins here and goes on with its first long sentence for a reader."
    )
    parsed = _parse(page)
    assert (parsed.title, parsed.date) == ("The headline of the story", "2025-12-12")


def test_a_photos_title_over_its_caption_is_no_headline():
    page = ("Officials meet with a delegation in Geneva\n\n"
            "Officials of both sides meet with a delegation in Geneva, Switzerland, November 30, 2025. REUTERS/Jane Doe\n\n"
            "The headline of the story\n\nNovember 30, 2025\n\nBy Jane Doe\n\n"
            "The story begins here and goes on with its first long sentence for a reader.")
    assert _parse(page).title == "The headline of the story"


def test_a_lead_with_its_speaker_after_it_in_the_past_tense_is_no_headline():
    page = (
        "The situation in the city is extremely difficult, the most difficult in the east, said the Minister of Energy\n\n"
        "The minister said on Tuesday that the repairs would take weeks and that the grid was under constant attack."
    )
    parsed = _parse(page)
    assert parsed.title is None
    assert parsed.paragraphs[0].text.startswith("The situation in the city is extremely difficult")


@pytest.mark.parametrize("credit", ["Reuters", "/VCG", "/@ExampleEnvoy"])
def test_a_caption_printed_twice_with_its_credit_after_it_is_no_headline(credit):
    page = (
        "Trending:\n\nMinister says talks will go on, calls for patience\n\nExample Desk November 16, 2025\n\n"
        "The minister says the talks will go on into the spring and has urged the allies to stay patient with both sides.\n\n"
        f"The Minister of Finance. {credit}\nThe Minister of Finance. {credit}\n\n"
        "The talks will go on into the spring, the minister told reporters on Sunday, and the allies must stay patient."
    )
    parsed = _parse(page)
    assert parsed.title == "Minister says talks will go on, calls for patience"
    assert [p.text for p in parsed.paragraphs] == [
        "The minister says the talks will go on into the spring and has urged the allies to stay patient with both sides.",
        "The talks will go on into the spring, the minister told reporters on Sunday, and the allies must stay patient.",
    ]


@pytest.mark.parametrize("credit", ["Photo: EPA/JANE DOE / POOL", " (Jane Doe, Sputnik, Kremlin Pool Photo via AP)", " AP", " REUTERS/Jane Doe"])
def test_a_caption_in_the_story_ending_with_its_credit_goes_with_the_photos_title_over_it(credit):
    caption = "Leaders take part in a virtual meeting of the coalition, from London on Tuesday, Nov. 25, 2025."
    page = (
        "The headline of the story\n\nThe story begins here and goes on with its first long sentence for a reader.\n\n"
        f"{caption.replace(', from', ' from')}\n\n{caption}{credit}\n\n"
        "The story goes on, as stories do. The new wing shows one photo: a harbour at dawn"
    )
    texts = [p.text for p in _parse(page).paragraphs]
    assert texts == [
        "The story begins here and goes on with its first long sentence for a reader.",
        "The story goes on, as stories do. The new wing shows one photo: a harbour at dawn",
    ]


@pytest.mark.parametrize(
    ("address", "outlet"),
    [
        ("https://example.ai/article/the-future-of-the-talks-unfolds-4a7ec647", "example.ai"),
        # An address of another story is a link, not the page's own.
        ("https://other.example.com/news/markets-fall-after-rate-decision", None),
    ],
)
def test_the_pages_own_address_printed_at_its_foot_names_the_site(address, outlet):
    body = "\n\n".join(f"Paragraph {n} of the story goes on for a while, as stories do." for n in range(3))
    parsed = _parse(f"The Future of the Talks Unfolds\n\n{body}\n\n{address}\n\ncontinue reading...")
    assert (parsed.outlet, parsed.title) == (outlet, "The Future of the Talks Unfolds")


@pytest.mark.parametrize(
    ("lead", "publisher", "day"),
    [
        # A dateline printing its day and month with no year: the day is kept for the year the other articles give.
        ("MOSCOW/KYIV, Dec 11 (Reuters) – Russia said its forces had taken the town, and Kyiv denied it.", "Reuters", "12-11"),
        ("Astana, Jan 13 (EFE).- An oil company denounced a drone attack on a tanker it had chartered.", "EFE", "01-13"),
        ("Moscow, 3 December (H.S.): Marathon talks at the Kremlin ended late on Tuesday, officials said.", "H.S.", "12-03"),
        ("WASHINGTON, Feb 7 – Ukraine's president has said the talks must end by June, officials said.", None, "02-07"),
        ("ASTANA, Kazakhstan, January 28. Kazakhstan has submitted an official request to the Treasury, the minister said.", None, "01-28"),
        # A date in a sentence says when something happened, not when the story was written.
        ("The talks went on for five hours on Dec 11, officials in the capital said on Tuesday.", None, None),
    ],
)
def test_a_dateline_without_its_year_keeps_its_day(lead, publisher, day):
    parsed = _parse(f"The headline of the story\n\n{lead}\n\nMore of the story follows here, as stories go on.")
    assert (parsed.publisher, parsed.date, parsed.day) == (publisher, None, day)


def test_an_anis_dateline_and_a_handles_credit_after_the_headline():
    parsed = _parse("Ministers meet on the frozen assets | X @nexta_tv\n\n"
                    "Brussels [Belgium], December 20: German Chancellor Friedrich Merz intends to comply with the demands.")
    assert (parsed.title, parsed.date, parsed.day) == ("Ministers meet on the frozen assets", None, "12-20")


def test_a_date_line_without_its_year_keeps_its_day():
    parsed = _parse("The headline of the story\n\n- 28 November, 10:49\n\nThe story begins here and goes on with its first long sentence.")
    assert (parsed.date, parsed.day, parsed.title) == (None, "11-28", "The headline of the story")


def test_a_day_takes_its_year_from_the_other_articles():
    def article(name: str, date: str | None = None, day: str | None = None) -> Article:
        return Article(name, f"{name}.txt", "0", None, None, None, date, None, None, (Paragraph("Text."),), day=day)

    others = [article("a", "2025-11-20"), article("b", "2025-12-02"), article("c", "2025-12-20")]
    dated = dated_by_the_others([*others, article("d", day="01-13"), article("e", day="11-28"), article("f", day="07-01")])
    # Across the new year, the nearer year; a day far from the others' weeks stays undated, as does any with no dated article.
    assert [a.date for a in dated[3:]] == ["2026-01-13", "2025-11-28", None]
    assert dated_by_the_others([article("d", day="01-13")])[0].date is None


def test_a_lead_the_saved_copy_wraps_is_no_headline_and_stays_one_sentence():
    parsed = _parse(
        "Leaders from across Europe will convene in The Hague to unveil a new convention establishing an\n"
        "International Claims Commission for Ukraine, a key step.\n"
        "The commission will sit in The Hague.\n"
        "- Confirming Ukraine's sovereignty; and\n"
        "- Rebuilding its economy."
    )
    assert parsed.title is None
    assert [p.text for p in parsed.paragraphs] == [
        "Leaders from across Europe will convene in The Hague to unveil a new convention establishing an "
        "International Claims Commission for Ukraine, a key step.",
        "The commission will sit in The Hague.",
        "Confirming Ukraine's sovereignty; and",
        "Rebuilding its economy.",
    ]


def test_a_sentence_the_saved_copy_breaks_after_a_comma_stays_one_sentence():
    parsed = _parse(
        "The headline of the story\n\n"
        "Ukraine and Russia have conducted their first prisoner exchange in months, each releasing 157 captured soldiers,\n"
        "Russia's defense ministry said Thursday, amid U.S.-brokered talks in Abu Dhabi.\n"
        "The exchange was the first since October."
    )
    assert [p.text for p in parsed.paragraphs] == [
        "Ukraine and Russia have conducted their first prisoner exchange in months, each releasing 157 captured soldiers, "
        "Russia's defense ministry said Thursday, amid U.S.-brokered talks in Abu Dhabi.",
        "The exchange was the first since October.",
    ]


def test_the_name_a_page_opens_with_over_its_menu_is_the_site():
    menu = "\n".join(f"  • {item}" for item in ("Stock", "Investing", "Politics", "Tech News", "Editor’s Pick"))
    parsed = _parse(f"Example Smart Seminar\n{menu}\nPolitics\n\nThe headline of the story\n\nThe story begins here, in full, as stories do.")
    assert (parsed.outlet, parsed.title) == ("Example Smart Seminar", "The headline of the story")


def test_a_name_printed_twice_over_the_menu_is_the_site_and_a_reading_time_is_no_part_of_the_date_line():
    # A logo's text and the name, the same, over the menu; "The Site November 8, 2025 2 min read" under the headline.
    menu = "\n".join(f"  • {item}" for item in ("News", "Fact checking", "Analysis", "Interviews", "About us"))
    page = f"Skip to content\nExample Post\n\nExample Post\n\n{menu}\n\nThe headline of the story\n\nExample Post November 8, 2025 2 min read\n\n"
    parsed = _parse(page + "The story begins here, in full, as stories do on any site.")
    assert (parsed.outlet, parsed.date, parsed.title) == ("Example Post", "2025-11-08", "The headline of the story")
    assert [p.text for p in parsed.paragraphs] == ["The story begins here, in full, as stories do on any site."]


def test_a_headline_printed_again_under_a_glued_breadcrumb_is_the_headline_and_no_body():
    teasers = "Another story of the site, with many words in it\n\nIts teaser goes on here for a while...\n\n"
    parsed = _parse(f"{teasers}The headline of the story\n\nNewsWorldThe headline of the story\n\nThe story begins here, in full, as stories do.")
    assert parsed.title == "The headline of the story"
    assert [p.text for p in parsed.paragraphs] == ["The story begins here, in full, as stories do."]


def test_a_date_among_the_items_of_a_list_under_the_headline_is_the_date_line():
    parsed = _parse(
        "The headline of the story\n- Input\n- 2026-02-16 10:53:25\n- Updated\n- 2026-02-17 08:00:00\n\n"
        "The story begins here and goes on with its first long sentence for a reader."
    )
    assert (parsed.date, parsed.title) == ("2026-02-16", "The headline of the story")
    assert [p.text for p in parsed.paragraphs] == ["The story begins here and goes on with its first long sentence for a reader."]


@pytest.mark.parametrize(("signature", "publisher"), [("(ExampleNews, November 5, 2025)", "ExampleNews"), ("(Brussels, November 5, 2025)", None)])
def test_a_story_signed_with_its_writer_and_date_at_its_end(signature, publisher):
    story = "The story begins here and goes on with its first long sentence for a reader."
    parsed = _parse(f"The headline of the story\n\n{story}\n\n{signature}")
    assert (parsed.publisher, parsed.date) == (publisher, "2025-11-05")
    assert [p.text for p in parsed.paragraphs] == [story]


def test_a_caption_ending_with_its_date_and_a_wires_name_in_brackets_dates_nothing():
    story = ["The story begins here and goes on with its first long sentence for a reader.", "The story goes on, as stories do."]
    caption = "Fighter jets fly over an air defence system in an undisclosed location in Ukraine, Sunday, Aug. 4, 2024 (AP)"
    parsed = _parse(f"The headline of the story\n\n{story[0]}\n\n{caption}\n\n{story[1]}")
    assert (parsed.outlet, parsed.publisher, parsed.date) == (None, None, None)
    assert [p.text for p in parsed.paragraphs] == story


def test_a_weather_widget_is_no_headline_nor_body():
    parsed = _parse(
        "Friday, 07 November, 2025\nLondon, UK\novercast clouds 13.3°C\nCondition: Overcast clouds\nHumidity: 94%\nWind Speed: 11.1 km/h\n\n"
        "The headline of the story\n\nThe story begins here, in full, as stories do on any site and on this one too."
    )
    assert parsed.title == "The headline of the story"
    assert not any(word in p.text for p in parsed.paragraphs for word in ("Humidity", "Wind Speed", "Condition"))


def test_a_headline_printed_first_between_a_breadcrumb_and_a_section_is_the_headline():
    parsed = _parse(
        "Back to Home The headline of the story, as printed World\n\nThe headline of the story, as printed\n\n"
        "The story begins here, in full, as stories do on any site and on this one too."
    )
    assert parsed.title == "The headline of the story, as printed"
    assert [p.text for p in parsed.paragraphs] == ["The story begins here, in full, as stories do on any site and on this one too."]


@pytest.mark.parametrize("byline", ["by Stefan J. Bos, Worthy News Europe Bureau Chief", "By Jane Doe, Staff Writer", "By Jane Doe, John Roe and Jim Poe"])
def test_a_byline_with_a_title_or_more_names_after_the_comma_is_no_headline_nor_body(byline):
    parsed = _parse(f"{byline}\n\nThe story begins here, in full, as stories do on any site and on this one too.")
    assert (parsed.title, parsed.author) == (None, byline.split(",")[0][3:])
    assert [p.text for p in parsed.paragraphs] == ["The story begins here, in full, as stories do on any site and on this one too."]
    # A sentence opening "By contrast, …" is the story's, not a byline.
    parsed = _parse("The headline of the story\n\nBy contrast, the government said on Monday it would\n\nThe story goes on here at length, as it does.")
    assert parsed.author is None and parsed.paragraphs[0].text.startswith("By contrast")


def test_a_prompt_to_add_the_site_as_a_source_names_it_and_a_motto_is_no_headline():
    parsed = _parse(
        "Add The Daily Example As Your Trusted Source\n\nFor the best experience, open\n\nhttps://m.example.in\n\non your mobile browser.\n\n"
        "The headline of the story\n\nThe story begins here and goes on with its first long sentence for a reader."
    )
    assert (parsed.outlet, parsed.title) == ("The Daily Example", "The headline of the story")
    assert [p.text for p in parsed.paragraphs] == ["The story begins here and goes on with its first long sentence for a reader."]
    parsed = _parse(
        "The Daily Example\n\nDiscover, Engage & Empower\n\nThe headline of the story\n\n"
        "The story begins here and goes on with its first long sentence for a reader."
    )
    assert parsed.title == "The headline of the story"


def test_a_sections_name_after_a_byline_is_no_site():
    parsed = _parse(
        "The headline of the story\n\n01.16.2026 By Jane Doe - NEWS\n\nThe story begins here and goes on with its first long sentence for a reader."
    )
    assert parsed.outlet is None


def test_a_site_telling_who_runs_it_in_its_appeal_names_itself():
    parsed = _parse(
        "The headline of the story\n\nThe story begins here and goes on with its first long sentence for a reader.\n\n"
        "Notes from Example is run by a small editorial team and is funded through donations from our readers. We cannot do it without you."
    )
    assert parsed.outlet == "Notes from Example"
    assert [p.text for p in parsed.paragraphs] == ["The story begins here and goes on with its first long sentence for a reader."]


def test_a_first_line_printed_again_under_it_is_the_headline_full_stop_and_all():
    parsed = _parse(
        "The former minister was detained while fleeing the country.\n\nThe former minister was detained while fleeing the country.\n\n"
        "15.02.2026 21:23\n\nThe story begins here and goes on with its first long sentence for a reader."
    )
    assert (parsed.title, parsed.date) == ("The former minister was detained while fleeing the country.", "2026-02-15")
    assert [p.text for p in parsed.paragraphs] == ["The story begins here and goes on with its first long sentence for a reader."]


@pytest.mark.parametrize(
    "headline",
    [
        "Russia Redirects Peace Talks Solely to U.S.",
        # (A row of dots set after a headline for show, as some sites print it; its standfirst under it is the story's.)
        "Car bomb attack in Moscow leaves a general dead.....",
    ],
)
def test_a_headline_ending_with_initials_or_a_row_of_dots_is_a_headline(headline):
    standfirst = "The government blamed the neighbouring country's intelligence services for the attack, which they have not commented on"
    parsed = _parse(f"{headline}\n{standfirst}\nThe story begins here and goes on with its first long sentence for a reader.")
    assert parsed.title == headline
    assert parsed.paragraphs[0].text == standfirst


_STORY = "The story begins here and goes on with its first long sentence for a reader."


@pytest.mark.parametrize(
    "prompt, outlet",
    [
        ("NEW You can now listen to Example News articles!", "Example News"),
        ("NEWYou can now listen to Example News articles!", "Example News"),
        ("Stay ahead with ExampleBrief", "ExampleBrief"),
        ("All important news is on the Examplia channel in the MAX messenger.", "Examplia"),
        ("- For more: Follow Example 24 Arabic, Example 24 English, and for social media follow us on Facebook", "Example 24"),
    ],
)
def test_a_prompt_to_read_hear_or_follow_the_site_names_it_and_is_no_body(prompt, outlet):
    parsed = _parse(f"The headline of the story\n\n{_STORY}\n\n{prompt}")
    assert parsed.outlet == outlet
    assert [p.text for p in parsed.paragraphs] == [_STORY]
    assert _parse(f"The headline of the story\n\n{_STORY}\n\nFollow US, and share this story.").outlet is None


@pytest.mark.parametrize(
    "top, outlet",
    [
        ("Zorbexia", "Zorbexia"),
        ("AltaExamplia", "AltaExamplia"),
        ("ZORBEX\n\nNo Result\n\nZORBEX", "ZORBEX"),
        # Words of English, places, sections run together, and a word in capitals printed once label sections.
        ("Introduction", None),
        ("Poland", None),
        ("NewsPolitics", None),
        ("ZORBEX", None),
    ],
)
def test_a_made_up_word_alone_at_the_top_is_the_sites_logo(top, outlet):
    parsed = _parse(f"{top}\n\nThe headline of the story\n\n{_STORY}")
    assert (parsed.outlet, parsed.title) == (outlet, "The headline of the story")


def test_a_made_up_word_the_story_names_again_is_a_kicker_not_the_logo():
    parsed = _parse("Zorbexia\n\nThe headline of the story\n\nThe talks near Zorbexia began here and went on at length, as talks do on any day.")
    assert (parsed.outlet, parsed.title) == (None, "The headline of the story")


def test_a_lead_signed_with_the_site_and_its_date_in_brackets():
    lead = "Examplia (24/11/2025): The special envoy is reportedly planning to step down in January, sources told the agency."
    parsed = _parse(f"The headline of the story\n\n{lead}")
    assert (parsed.outlet, parsed.date) == ("Examplia", "2025-11-24")
    # The site, its place and a date whose month could be either figure: the site only.
    parsed = _parse("The headline of the story\n\n(Example News / Castelgandolfo, 12.10.2025).- Diplomacy and war strategy converged around the pope this week.")
    assert (parsed.outlet, parsed.date) == ("Example News", None)


def test_a_byline_crediting_the_sites_staff_names_the_site_and_is_no_headline():
    parsed = _parse(f"Prepared by Example Staff\n\nThe headline of the story\n\n{_STORY}")
    assert (parsed.outlet, parsed.title) == ("Example", "The headline of the story")
    # A desk may be a section's.
    assert _parse(f"The headline of the story\n\nBy National Security Desk | February 7, 2026\n\n{_STORY}").outlet is None


def test_a_dateline_line_with_the_day_after_the_agency_dates_the_story():
    parsed = _parse(f"The headline of the story\n\nBy Jane DOE\n\nKyiv, Ukraine (AFP) Jan 20, 2026\n\n{_STORY}")
    assert (parsed.publisher, parsed.date) == ("AFP", "2026-01-20")
    assert [p.text for p in parsed.paragraphs] == [_STORY]


@pytest.mark.parametrize("top", ["", "The headline of the story\n\n"])
def test_a_dateline_line_signed_by_the_agency_after_the_day_names_it_and_is_no_headline(top):
    parsed = _parse(f"{top}Baku, October 10, EXAMPLETAG\n\n{_STORY}")
    assert (parsed.publisher, parsed.day, parsed.title) == ("EXAMPLETAG", "10-10", top.strip() or None)
    assert [p.text for p in parsed.paragraphs] == [_STORY]


def test_a_newspaper_named_for_its_place_after_its_noun_is_the_masthead():
    parsed = _parse(f"Tuesday, February 10, 2026\n\nTimes of Examplia\n\nThe headline of the story\n\n{_STORY}")
    assert (parsed.outlet, parsed.title) == ("Times of Examplia", "The headline of the story")


def test_a_dateline_with_the_country_in_brackets_before_the_agency_credits_the_agency():
    parsed = _parse(f"VALLETTA (MALTA) (EXAMPLE/MNA) – {_STORY}")
    assert parsed.publisher == "EXAMPLE/MNA"


def test_numbered_reference_marks_are_no_part_of_the_text():
    parsed = _parse(
        "[1][3]The talks were confirmed by both BBC and CNN [1][2]. The meeting followed weeks of shuttle diplomacy.[4]\n\n"
        "[6][3][1]\n\n"
        f"{_STORY}"
    )
    assert [p.text for p in parsed.paragraphs] == [
        "The talks were confirmed by both BBC and CNN. The meeting followed weeks of shuttle diplomacy.",
        _STORY,
    ]


@pytest.mark.parametrize(
    "top",
    [
        "A Russian liquefied natural gas vessel, the Arctic Metagaz\nsank about 130 nautical miles north of the port of Sirte.",
        "A Russian liquefied natural gas vessel, the Arctic\nMetagaz\n, sank about 130 nautical miles north\nof the port of Sirte.",
    ],
)
def test_the_first_line_of_a_paragraph_wrapped_over_lines_is_no_headline(top):
    parsed = _parse(f"{top}\n\n{_STORY}")
    assert parsed.title is None
    assert parsed.paragraphs[0].text.startswith("A Russian liquefied natural gas vessel, the Arctic Metagaz")


@pytest.mark.parametrize(
    "clutter",
    [
        "Unlock the Editor’s Digest for free\nRoula Khalaf, Editor of the FT, selects her favourite stories in this weekly newsletter.",
        "nl flag go to the original language article",
        "The headline of the story thumbnail",
        "Thank you for reading this post, don't forget to subscribe!Here’s the latest",
        "3-MIN READ3-MIN\nListen",
        "Listen to this article",
        "311 SHARES Share Tweet [mc4wp_form id=33047]",
        "Physical Address\n304 North Cardinal St.\nDorchester Center, MA 02124",
        "9:00 am 2:00 pm",
    ],
)
def test_furniture_over_the_story_is_no_headline_nor_body(clutter):
    """A newsletter pitch, a language switch, an image's text, a plea to subscribe, an audio button, a share counter, a
    postal address, a radio schedule."""
    parsed = _parse(f"{clutter}\n\n{_STORY}")
    assert parsed.title is None
    assert [p.text for p in parsed.paragraphs] == [_STORY]


def test_a_caption_ending_in_its_credit_above_the_story_is_neither_its_headline_nor_its_body():
    caption = "Hungarian Prime Minister Viktor Orban in Brussels, Belgium on Thursday. Photo: Reuters"
    parsed = _parse(f"Advertisement\nUkraine war\nWorldEurope\n\nThe headline of the story\n\n2\n{caption}\n\n{_STORY}")
    assert parsed.title == "The headline of the story"
    assert caption not in [p.text for p in parsed.paragraphs]


@pytest.mark.parametrize("byline", ["Written by on December 29, 2025", "by February 10, 2026"])
def test_a_byline_whose_writer_the_page_left_out_gives_its_date_and_no_paragraph(byline):
    parsed = _parse(f"The headline of the story\n\n{byline}\n\n{_STORY}")
    assert parsed.date is not None
    assert [p.text for p in parsed.paragraphs] == [_STORY]


def test_a_line_of_the_story_naming_a_street_is_no_postal_address():
    line = "3 killed in an attack on Lenin Street"
    assert [p.text for p in _parse(f"The headline of the story\n\n{line}\n\n{_STORY}").paragraphs] == [line, _STORY]


def test_a_count_of_shares_in_the_story_is_no_share_counter():
    assert [p.text for p in _parse(f"The headline of the story\n\n1,000 shares were traded on Monday.\n\n{_STORY}").paragraphs] == [
        "1,000 shares were traded on Monday.",
        _STORY,
    ]


def test_a_desk_named_by_its_kind_alone_names_no_site():
    parsed = _parse(f"The headline of the story\nDigital Desk\n{_STORY}")
    assert (parsed.outlet, parsed.publisher, parsed.title) == (None, None, "The headline of the story")
    assert [p.text for p in parsed.paragraphs] == [_STORY]
    assert _parse(f"The headline of the story\nKhaborwala Online Desk\n{_STORY}").outlet == "Khaborwala"


def test_a_long_line_under_the_headline_is_its_standfirst():
    headline = "EU leaders clash with Hungary’s Orban for blocking Ukraine loan"
    standfirst = "A vital US$103 billion lifeline is being held up by Budapest over a dispute involving a war-damaged oil pipeline"
    assert _parse(f"Ukraine war\nWorldEurope\n\n{headline}\n\n{standfirst}\n\nListen\n\n{_STORY}").title == headline


def test_a_syndicated_byline_without_by_and_the_section_a_story_ran_in_are_no_headline():
    parsed = _parse(f"The headline of the story\n\nOlesia Safronova, Bloomberg News on\n\nPublished in News & Features\n\n{_STORY}")
    assert (parsed.publisher, parsed.author, parsed.title) == ("Bloomberg News", "Olesia Safronova", "The headline of the story")
    assert [p.text for p in parsed.paragraphs] == [_STORY]


def test_a_machine_translations_note_credits_the_original_publisher_and_is_no_body():
    parsed = _parse(
        "This article has been translated by Artificial Intelligence (AI). The news agency is not responsible for the content of "
        f"the translated article. The original was published by Belga.\n\n{_STORY}"
    )
    assert parsed.publisher == "Belga"
    assert [p.text for p in parsed.paragraphs] == [_STORY]


def test_a_name_after_a_date_and_a_bar_is_no_site():
    parsed = _parse(f"Posted originally on CTH on December 14, 2025 | Sundance\n\n{_STORY}")
    assert (parsed.publisher, parsed.outlet, parsed.date, parsed.title) == ("CTH", None, "2025-12-14", None)
    parsed = _parse(f"The headline of the story\n\nFebruary 18, 2026 | Sundance |\n\n{_STORY}")
    assert (parsed.outlet, parsed.date, parsed.title) == (None, "2026-02-18", "The headline of the story")
    assert _parse(f"23.10.2025 | Energetics\n\n{_STORY}").outlet is None


@pytest.mark.parametrize("top", ["Russian News", "South African News"])
def test_a_countrys_news_over_the_headline_is_a_section_not_the_site(top):
    parsed = _parse(f"{top}\n\nThe headline of the story\n\n{_STORY}")
    assert (parsed.outlet, parsed.title) == (None, "The headline of the story")
    assert _parse(f"Arab News\n\nThe headline of the story\n\n{_STORY}").outlet == "Arab News"
