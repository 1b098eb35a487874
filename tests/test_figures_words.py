"""Numbers written in words read to the value a reader would give them."""

import pytest

from analysis.figures.words import fraction_value, read_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thirty three", 33),
        ("thirty-three", 33),
        ("two hundred and fifty", 250),
        ("a thousand", 1000),
        ("ten million", 10_000_000),
        ("one million two hundred thousand", 1_200_000),
        ("two and a half", 2.5),
        ("one and a half million", 1_500_000),
        ("a dozen", 12),
        ("1,200.5", 1200.5),
    ],
)
def test_number_words_read_to_their_value(text, value):
    assert read_number(text) == pytest.approx(value)


def test_two_numbers_joined_by_and_are_not_added_up():
    assert read_number("two and three") == 2


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one-quarter", 0.25),
        ("a third", 1 / 3),
        ("two-thirds", 2 / 3),
        ("three quarters", 0.75),
        ("half", 0.5),
    ],
)
def test_fractions_in_words(text, value):
    assert fraction_value(text) == pytest.approx(value)


def test_words_that_are_not_numbers_read_as_nothing():
    assert read_number("several") is None
    assert fraction_value("first half") is None
