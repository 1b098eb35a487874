"""Which words are figures and what they are worth, on sentences written for the test (no model)."""

import re
from datetime import date

import pytest

from analysis.numbers import find_numbers


def figures(text):
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)]
    sentences = list(zip(starts, starts[1:] + [len(text)]))
    return [(n.text, n.value) for n in find_numbers(text, [(0, len(text))], sentences, date(2025, 5, 15), [])]


def values(text):
    return [v for _, v in figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thirty three vessels have been intercepted at sea.", [33]),
        ("The two Border Force cutters I have redeployed are on their way.", [2]),
        ("We are joined today by two very special people.", [2]),
        ("Three Democrats voted in favour and two Republicans voted against.", [3, 2]),
        ("Four had already been returned, officials said.", [4]),
        ("At least one minister threatened to resign.", [1]),
        ("Sixty-two percent of Republicans agreed.", [62]),
    ],
)
def test_number_words_that_count_something_are_figures(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Relations between the two countries improved.",
        "It is one of the reasons the plan failed.",
        "There is only one way to stop the boats.",
        "This is our number one priority.",
        "Tens of thousands of people marched, and a few hundred stayed overnight.",
        "The deal was reported by two people familiar with the talks.",
    ],
)
def test_number_words_that_count_nothing_are_not_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most bills need a 60-vote supermajority in the 100-member chamber.", [60, 100]),
        ("A quarter of America's billion-dollar startups had an immigrant founder.", [0.25, 1e9]),
        ("The state has more than a thousand-kilometer stretch of border.", [1000]),
        ("Labour holds a ten-point lead.", [10]),
        ("She unveiled a five-year plan.", [5]),
        ("The company became a $400-million-a-year business.", [400e6]),
        ("Agents patrol the nearly 2,000-mile border.", [2000]),
    ],
)
def test_numbers_inside_compound_words_are_figures(text, expected):
    assert values(text) == pytest.approx(expected)


def test_a_kind_of_thing_named_with_a_number_word_is_not_a_figure():
    assert figures("The cost of a three-bedroom home rose.") == []


def test_a_vote_split_is_two_figures_and_a_span_of_numbers_is_a_range():
    assert values("Republicans hold a 52-48 majority in the Senate.") == [52, 48]
    assert values("Between 10-15 people were hurt.") == [10]


@pytest.mark.parametrize(
    "text",
    [
        "Refugee arrivals resumed Nov. 5 after a pause that began Sept. 30.",
        "The fiscal year began Oct. 1, and the report came out in 2019/20.",
        "At 7 p.m. he spoke, and at 3 a.m. he tweeted.",
        "Ana Morales, 27, a nurse, said she was afraid.",
        "A 25-year-old man was arrested.",
        "He told BBC Radio 4's Today programme about the M25 and the G7.",
        "The post (id 740602286523723776, sent at 1465401600) was deleted.",
        "The order was made under section 55 of the act and Title 42.",
        "On Lords amendment 1B and motion 3, the House divided.",
    ],
)
def test_dates_times_ages_and_names_are_not_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forces will recruit 20,000 officers over the next three years.", ["20,000", "three years"]),
        ("The family fled two years ago, a month after the city fell.", ["two years", "a month"]),
        ("One day after the vote, senators met again.", ["One day"]),
        ("It ended a pause in arrivals that lasted more than a month.", ["more than a month"]),
        ("Schools will receive £4bn over three years.", ["£4bn", "three years"]),
        ("The plan would save $98 billion over the next decade.", ["$98 billion", "the next decade"]),
        ("Migrants must spend a decade in the UK.", ["a decade"]),
    ],
)
def test_lengths_of_time_are_figures(text, expected):
    assert [t for t, _ in figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The hotels cost £8m a day.", ["£8m"]),
        ("A year ago, the committee published its report.", []),
        ("The number has almost halved in twelve months.", ["almost halved"]),
        ("Crossings hit 20,000 in the first half of the year.", ["20,000"]),
        ("Net migration was 728,000 in the 12 months to June.", ["728,000"]),
        ("Crossings had fallen by 95% in the past three years.", ["95%"]),
    ],
)
def test_rates_points_in_time_and_reference_periods_are_not_lengths_of_time(text, expected):
    assert [t for t, _ in figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nearly one-quarter of the startups had a founder who studied here.", 0.25),
        ("You do not need a quarter of a million dollars.", 250_000),
        ("Asylum costs were almost double the previous year.", 2),
        ("Dependants rose to 152,980, a nearly tenfold increase.", 10),
        ("The boats carried an average of 13 in 2020.", 13),
        ("More than half the asylum seekers were housed in hotels.", 0.5),
        ("The poll found one-in-three voters undecided.", 1 / 3),
    ],
)
def test_fractions_multiples_and_figures_beside_years_keep_their_value(text, value):
    assert any(v == pytest.approx(value) for v in values(text))


def test_a_number_before_to_and_a_scaled_number_borrows_its_scale():
    text = "There are 11 to 12 million undocumented workers, and between 2 and 3 million more abroad."
    assert values(text) == [11e6, 12e6, 2e6]


def test_a_lower_bound_too_big_for_the_shared_scale_keeps_its_own_value():
    assert values("Between 500 and 3 million people came, and the Senate voted 62 to 36.") == [500, 62, 36]
