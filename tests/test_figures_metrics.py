"""What a figure measures, and who cited it, on sentences written for the test (no model)."""

import re
from datetime import date

from analysis.numbers import find_numbers


def figures(text, cited=()):
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)]
    sentences = list(zip(starts, starts[1:] + [len(text)]))
    return {n.text: n for n in find_numbers(text, [(0, len(text))], sentences, date(2025, 5, 15), list(cited))}


def test_synonyms_of_a_metric_share_its_group():
    found = figures("Spending on asylum reached £4bn in 2024. The cost of the asylum system fell to £3bn in 2025.")
    assert found["£4bn"].metric_group == found["£3bn"].metric_group == "asylum_costs:money"


def test_it_takes_the_metric_of_the_figure_it_refers_to():
    text = ("The cost of the asylum system reached £4bn in 2024. Ministers visited a hotel in Kent on Monday. "
            "It is forecast to fall to £3bn.")
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


def test_a_figure_in_reported_speech_is_cited_by_the_innermost_known_speaker():
    text = "The spokesperson said: “The Home Secretary announced measures worth £20 million.”"
    outer = (0, len(text), "spokesperson", "Home Office spokesperson", "q1")
    inner = (text.index("measures"), len(text) - 2, "home-secretary", "Priti Patel", "q2")
    assert figures(text, [outer, inner])["£20 million"].cited_by == "home-secretary"


def test_an_unattributed_inner_quote_leaves_the_figure_with_the_outer_speaker():
    text = "The spokesperson said: “Forces will recruit 20,000 officers.”"
    outer = (0, len(text), "spokesperson", "Home Office spokesperson", "q1")
    inner = (text.index("Forces"), len(text) - 1, None, None, "q2")
    assert figures(text, [inner, outer])["20,000"].cited_by == "spokesperson"


def test_a_figure_outside_any_quote_is_the_narrators():
    text = "Officials said nothing. Crossings reached 30,000 in 2024."
    quote = (0, 22, "officials", "Officials", "q1")
    assert figures(text, [quote])["30,000"].cited_by is None
