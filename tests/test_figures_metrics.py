"""What a figure measures, on sentences written for the test (no model)."""

import re
from datetime import date

from analysis.numbers import find_numbers


def figures(text):
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)]
    sentences = list(zip(starts, starts[1:] + [len(text)]))
    return {n.text: n for n in find_numbers(text, [(0, len(text))], sentences, date(2025, 5, 15), [])}


def test_synonyms_of_a_metric_share_its_group():
    found = figures("Spending on asylum reached £4bn in 2024. The cost of the asylum system fell to £3bn in 2025.")
    assert found["£4bn"].metric_group == found["£3bn"].metric_group == "asylum_costs:money"


def test_it_takes_the_metric_of_the_figure_it_refers_to():
    text = (
        "The cost of the asylum system reached £4bn in 2024. Ministers visited a hotel in Kent on Monday. "
        "It is forecast to fall to £3bn."
    )
    found = figures(text)
    assert found["£3bn"].metric_group == found["£4bn"].metric_group


def test_that_figure_takes_the_metric_of_the_figure_before_with_its_own_kind():
    text = "Net overseas migration hit 518,000 in 2023. Treasury expects that figure to fall by 20% this year."
    found = figures(text)
    assert found["518,000"].metric_group == "net_migration:level"
    assert found["20%"].metric_group == "net_migration:percent_change"


def test_a_complementiser_that_does_not_borrow_a_metric():
    text = "Officials counted 312 boats last year. Economists estimated that the scheme will save $98 billion."
    assert figures(text)["$98 billion"].metric_group != figures(text)["312"].metric_group
