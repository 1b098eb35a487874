"""Who cited a figure, given the quotes attribution found (no model)."""

import re
from datetime import date

from analysis.numbers import find_numbers


def cited_by(text, quotes):
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)]
    sentences = list(zip(starts, starts[1:] + [len(text)]))
    return {n.text: n.cited_by for n in find_numbers(text, [(0, len(text))], sentences, date(2025, 5, 15), quotes)}


def test_a_figure_in_reported_speech_is_cited_by_the_innermost_known_speaker():
    text = "The spokesperson said: “The Home Secretary announced measures worth £20 million.”"
    outer = (0, len(text), "spokesperson", "Home Office spokesperson", "q1")
    inner = (text.index("measures"), len(text) - 2, "home-secretary", "Priti Patel", "q2")
    assert cited_by(text, [outer, inner])["£20 million"] == "home-secretary"


def test_an_unattributed_inner_quote_leaves_the_figure_with_the_outer_speaker():
    text = "The spokesperson said: “Forces will recruit 20,000 officers.”"
    outer = (0, len(text), "spokesperson", "Home Office spokesperson", "q1")
    inner = (text.index("Forces"), len(text) - 1, None, None, "q2")
    assert cited_by(text, [inner, outer])["20,000"] == "spokesperson"


def test_a_figure_outside_any_quote_is_the_narrators():
    text = "Officials said nothing. Crossings reached 30,000 in 2024."
    assert cited_by(text, [(0, 22, "officials", "Officials", "q1")])["30,000"] is None
