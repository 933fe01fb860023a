"""Numbers read right: figures and number words alike, vague counts read as none.

These values decide when two reports give different figures for one count (a
contested finding), so a misread word ("Twenty-five" as 100) is a false dispute.
"""

import pytest

from briefing.analyse.nlp import load_nlp
from briefing.analyse.numbers import numbers, value_of


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("Twenty-five", 25),
        ("Forty-two", 42),
        ("twenty five", 25),
        ("ninety-nine", 99),
        ("twenty-eight", 28),
        ("fourteen", 14),
        ("three", 3),
        ("one hundred and twenty", 120),
        ("eight hundred thousand", 800_000),
        ("a hundred", 100),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a million", 500_000),
        ("five million", 5_000_000),
        ("one million", 1_000_000),
        ("1 million", 1_000_000),
        ("1.5 million", 1_500_000),
        ("$105 million", 105_000_000),
        ("20bn", 20_000_000_000),
        ("600,000", 600_000),
        ("2,500", 2_500),
        ("0.5", 0.5),
        ("19 per cent", 19),
        ("at least 26", 26),
        ("more than 100", 100),
        ("about 1,000", 1_000),
        ("nearly four", 4),
        ("20-25", 20),
        ("between 20 and 25", 20),
        ("28-point", 28),
        ("seven-year", 7),
    ],
)
def test_a_number_phrase_has_its_value(phrase, value):
    assert value_of(phrase) == value


@pytest.mark.parametrize("phrase", ["hundreds of", "tens of thousands", "dozens", "millions", "a third", "half", "3.817.69", "several"])
def test_a_vague_or_unreadable_count_has_no_value(phrase):
    assert value_of(phrase) is None


def test_number_words_in_sentences_are_read_with_what_they_count():
    nlp = load_nlp(())
    doc = nlp("Twenty-five people were killed and Forty-two were wounded in the strike on Ternopil.")
    found = {n.text: n.value for n in numbers(doc[:])}
    assert found == {"Twenty-five": 25, "Forty-two": 42}
    (cap,) = numbers(nlp("The plan would cap Ukraine's army at 600,000 troops.")[:])
    assert (cap.value, cap.counts) == (600_000, "troops")
