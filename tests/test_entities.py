"""Canonical entities: the gazetteer, names discovered in the articles, and the people page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.analyse.entities import Resolver, clean_name
from briefing.config import EntityConfig, parse_config
from briefing.errors import BriefingError
from briefing.pages.views import _description_key

GAZETTEER = (
    EntityConfig("Volodymyr Zelenskyy", aliases=("Zelensky",)),
    EntityConfig("Kyiv", type="GPE"),
    EntityConfig("Russian government", type="ORG", aliases=("the Kremlin", "Kremlin"), speaker_aliases=("Moscow",)),
    EntityConfig("Kupiansk", type="GPE", aliases=("Kupyansk",)),
)


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("President Zelenskyy’s", "Zelenskyy"),
        ("Gen Randy George", "Randy George"),
        ("the Kremlin", "Kremlin"),
        ("the general staff", "general staff"),  # a title only stands before a name
        # Nor in an institution's name: the Defense Ministry is not every ministry.
        ("Russia’s Defense Ministry", "Russia’s Defense Ministry"),
        ("Defense Ministry", "Defense Ministry"),
        ("Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
        ("Governor Fedorov", "Fedorov"),  # an office before a surname: "the region's governor, Ivan Fedorov" named before
        ("Mayor Vitali Klitschko", "Vitali Klitschko"),
        ("Governor's Office", "Governor's Office"),
        ("Boris Bondarev", "Boris Bondarev"),
        # Quotation marks and brackets the recogniser took in are no part of the name.
        ("Mike Ruddock '", "Mike Ruddock"),
        ("Mike (Ruddock", "Mike Ruddock"),
        ("“Tony Blair", "Tony Blair"),
        ("Eddie O'Sullivan", "Eddie O'Sullivan"),
        # Nor is a dash after it ("… relay team - Jason Gardener - over 60m"), though one inside stays.
        ("Jason Gardener -", "Jason Gardener"),
        ("Jean-Pierre Raffarin", "Jean-Pierre Raffarin"),
    ],
)
def test_titles_articles_and_possessives_are_stripped(name, clean):
    assert clean_name(name) == clean


def test_the_gazetteer_and_the_articles_give_one_entity_per_person():
    names = [
        ("Volodymyr Zelenskyy", "PERSON"),
        ("Zelenskyyy", "GPE"),
        ("Zelenskyy’s", "ORG"),
        ("Kyiv", "PERSON"),
        ("Kupyansk", "GPE"),
        ("Steve Witkoff", "PERSON"),
        ("Witkoff", "ORG"),
        ("Dan Driscoll", "PERSON"),
        ("Daniel Driscoll", "PERSON"),
        ("Driscoll", "ORG"),
        ("Boris Johnson", "PERSON"),
        ("Johnston", "PERSON"),
        ("Kyrylo Budanov", "PERSON"),
        ("Kirill Budanov", "PERSON"),
        ("Gary Neville", "PERSON"),
        ("Phil Neville", "PERSON"),
    ]
    resolver = Resolver(GAZETTEER, names)
    assert {resolver.entity(n) for n in ("Zelensky", "Zelenskyyy", "Zelenskyy’s", "President Zelenskyy")} == {"volodymyr-zelenskyy"}
    assert resolver.entity("Kupyansk") == "kupiansk"
    assert resolver.entity("Witkoff") == "steve-witkoff"
    assert resolver.entity("Driscoll") == resolver.entity("Dan Driscoll") == resolver.entity("Daniel Driscoll")
    # Two romanisations of one first name ("y" for "i", a letter doubled) are one person; other first names are not.
    assert resolver.entity("Kirill Budanov") == resolver.entity("Kyrylo Budanov")
    assert resolver.entity("Gary Neville") != resolver.entity("Phil Neville")
    # Conservative: different names that look alike stay apart.
    assert resolver.entity("Johnston") != resolver.entity("Boris Johnson")
    # "Moscow" stands for Russia's government only as a speaker.
    assert resolver.speaker("Moscow", None) == "russian-government"
    assert resolver.entity("Moscow") == "moscow"
    assert resolver.speaker("a senior Ukrainian official", None) is None


def test_a_description_is_no_entity_though_a_heading_once_named_it():
    resolver = Resolver((), [("Company", "ORG"), ("Government", "ORG"), ("Time Warner", "ORG")])
    assert resolver.speaker("the company", None) is None  # "the company said": whichever company the article is about
    assert resolver.speaker("the Government", None) == "government"  # a name, as the article writes it
    assert resolver.speaker("Time Warner", None) == "time-warner"
    # ("the group said", "the woman said": no one whose name ends in the word, "Alfa Group" or "Wonder Woman", another
    # article's person taken for a person's.)
    resolver = Resolver((), [("Alfa Group", "PERSON"), ("Wonder Woman", "PERSON")])
    assert (resolver.speaker("the group", None), resolver.speaker("The woman", None)) == (None, None)
    assert resolver.speaker("Woman", None) == "wonder-woman"


def test_an_entity_listed_twice_is_a_user_error(tmp_path):
    text = "title: t\ntopics: []\nentities:\n  - name: Kyiv\n    type: GPE\n  - name: kyiv\n"
    with pytest.raises(BriefingError, match="entity 'kyiv' is listed twice"):
        parse_config(text, tmp_path / "briefing.yml")


def test_an_unknown_entity_type_names_the_key_and_line(tmp_path):
    text = "title: t\ntopics: []\nentities:\n  - name: Kyiv\n    type: CITY\n"
    with pytest.raises(BriefingError, match=r"briefing.yml:5: entities.0.type"):
        parse_config(text, tmp_path / "briefing.yml")


def _data(project: Path) -> dict:
    return json.loads((project / "site_docs" / "briefing.json").read_text("utf-8"))


def test_briefing_json_lists_canonical_entities(seeds_project):
    entities = {e["id"]: e for e in _data(seeds_project)["entities"]}
    zelenskyy = entities["volodymyr-zelenskyy"]
    assert zelenskyy["type"] == "PERSON" and len(zelenskyy["articles"]) == 5
    assert {"Zelensky", "Zelenskyy", "Zelenskyyy"} <= set(zelenskyy["aliases"])
    assert not any(e["name"].startswith("Zelensk") and e["id"] != "volodymyr-zelenskyy" for e in entities.values())
    assert entities["kyiv"]["type"] == "GPE"
    assert "Witkoff" in entities["steve-witkoff"]["aliases"]
    assert "Kupyansk" not in entities and entities["kupiansk"]["type"] == "GPE"


def test_people_page_shows_each_person_once_with_what_they_said(seeds_project):
    page = (seeds_project / "site_docs" / "people.md").read_text("utf-8")
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert sum(h.startswith("## Volodymyr Zelenskyy") for h in headings) == 1
    assert not any(h.startswith(("## Zelensky ", "## Kyiv", "## Witkoff ")) for h in headings)
    section = page.split("## Kaja Kallas", 1)[1].split("\n## ", 1)[0]
    assert "EU foreign policy chief" in section and "Named in 3 sources" in section
    assert "**Kaja Kallas** said: “" in section


def test_quotes_page_groups_by_speaker_and_labels_reported_speech(seeds_project):
    page = (seeds_project / "site_docs" / "quotes.md").read_text("utf-8")
    assert "## Russian government {#russian-government}" in page
    assert "**Russian government** denied *(reported speech; a denial)*: there have been any new peace proposals" in page
    assert "## a person familiar with the matter" in page
    # "AP" is the Associated Press of the gazetteer: one speaker, by its full name.
    assert "## Associated Press {#associated-press}" in page and "{#ap}" not in page
    topic = (seeds_project / "site_docs" / "topics" / "battlefield-claims.md").read_text("utf-8")
    assert "## Who said what" in topic and "**Valery Gerasimov** announced *(reported speech)*" in topic


@pytest.mark.parametrize(
    ("one", "other"),
    [("A U.S. official", "a US official"), ("a draft seen by AFP news agency", "Draft seen by AFP news agency"), ("The sources", "sources")],
)
def test_descriptions_that_read_the_same_are_one_speaker_of_the_quotes_page(one, other):
    assert _description_key(one) == _description_key(other)
    assert _description_key("A U.S. official") != _description_key("A senior U.S. official")


def _speakers(texts: dict[str, str]) -> dict[str, list[str | None]]:
    """The entity of each statement's speaker in articles of ``texts`` (id: text), resolved together."""
    from briefing.analyse import analyse
    from briefing.analyse.entities import resolve_entities
    from briefing.content import Article, Paragraph

    articles = [Article(i, f"{i}.txt", "0", None, None, None, None, None, None, (Paragraph(t),)) for i, t in texts.items()]
    analysed, _ = resolve_entities(analyse(articles, 0), ())
    return {a.article.id: [q.entity for s in a.sentences for q in s.attributions] for a in analysed}


def test_a_surname_is_the_person_its_article_names_in_full():
    """Three Blairs in the briefing make "Blair" no one's; an article that names one of them in full means that one."""
    texts = {
        "a": "Tony Blair spoke in Gateshead on Sunday. Mr Blair said the election would be close.",
        "b": "Cherie Blair visited a school in Leeds. Mrs Blair said teachers deserved more support.",
        "c": "Sir Ian Blair, the Metropolitan Police commissioner, spoke to officers. Blair said crime had fallen in London.",
        "d": "Mr Blair said on Monday that the campaign had gone well for the party.",
    }
    assert _speakers(texts) == {"a": ["tony-blair"], "b": ["cherie-blair"], "c": ["ian-blair"], "d": ["blair"]}


def test_initials_an_article_gives_in_brackets_name_the_organisation_unless_they_name_two():
    speakers = _speakers({
        "a": "India fell to third place, according to the Centre for Research on Energy and Clean Air (CREA). CREA said imports fell.",
        "b": "The Building Societies Association (BSA) said lending rose. The BSA said rates would stay.",
        "c": "The Business Software Alliance (BSA) said piracy fell. The BSA said losses were large.",
    })
    assert speakers["a"][-1] == "centre-for-research-on-energy-and-clean-air"
    # The same initials for two names are neither's.
    assert speakers["b"][-1] == speakers["c"][-1] == "bsa"


def test_initials_an_article_uses_without_brackets_name_the_organisation_it_spells_only_where_every_user_spells_them():
    speakers = _speakers({
        "a": "The International Olympic Committee banned the helmet on Monday. On Thursday the IOC said the decision was final.",
        "b": "The Armed Forces of the Philippines said ten men were missing. The AFP said it was verifying the reports.",
        "c": "The AFP said it had seen the letter, which was sent on Monday to the ministry.",
        "d": "The Food and Agriculture Organisation (FAO) met in Rome. The FAO said prices rose.",
        "e": "The Food & Agriculture Organisation met in Rome. The FAO said prices fell.",
    })
    assert speakers["a"] == ["international-olympic-committee"]
    # "AFP" is also used where nothing spells it: there it may be the wire, so it is nobody's full name.
    assert speakers["b"][-1] == speakers["c"][-1] == "afp"
    # Nor do they give initials a second meaning beside the one brackets give.
    assert speakers["d"][-1] == "food-and-agriculture-organisation"


def test_a_name_the_model_cut_at_a_joining_word_goes_on_to_its_end():
    # v168: spaCy's model labels "the Center for Strategic and" and leaves "International Studies" out; a name ends with
    # no "and", so the mend takes the capitalised words after it, and the initials then spell it.
    speakers = _speakers({
        "a": "A report released Tuesday by the Center for Strategic and International Studies warns that losses mount. "
        "Russia has increased its control of territory by 12 percent, according to CSIS data."
    })
    assert speakers["a"] == ["center-for-strategic-and-international-studies"] * 2


def test_an_entitys_name_is_its_fullest_form_then_its_most_written():
    from collections import Counter

    from briefing.analyse.entities import _Candidate, _entity

    us = _entity("us", _Candidate({"a"}, Counter(GPE=40), Counter({"US": 39, "Us": 1})), None)
    assert (us.name, us.aliases) == ("US", ("Us",))
    bondarev = _entity("boris-bondarev", _Candidate({"a"}, Counter(PERSON=3), Counter({"Bondarev": 2, "Boris Bondarev": 1})), None)
    assert bondarev.name == "Boris Bondarev"
    # Never a form with a word glued to it by a missing space, though longer ("… the central purpose ofNew Labour").
    labour = _entity("labour", _Candidate({"a"}, Counter(ORG=9), Counter({"Labour": 8, "ofNew Labour": 1})), None)
    assert labour.name == "Labour"
