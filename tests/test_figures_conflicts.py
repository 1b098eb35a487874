"""The "conflicting figures" flag: only figures that claim the same count and cannot both be right."""

import re
from datetime import date

from analysis.numbers import find_numbers


def flagged(text, published=date(2025, 5, 15)):
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)]
    sentences = list(zip(starts, starts[1:] + [len(text)]))
    return [n.text for n in find_numbers(text, [(0, len(text))], sentences, published, []) if n.disagrees]


def test_two_sources_giving_different_totals_for_the_same_year_conflict():
    text = (
        "The Home Office said 30,000 people crossed the Channel in small boats in 2024. "
        "Campaigners said 45,000 people crossed the Channel in small boats in 2024."
    )
    assert flagged(text) == ["30,000", "45,000"]


def test_a_day_is_not_in_conflict_with_the_weekend_it_is_part_of():
    text = (
        "More than 1,000 people crossed the Channel in small boats on Sunday. "
        "Officials said 2,000 people crossed the Channel in small boats this weekend."
    )
    assert flagged(text) == []


def test_figures_for_different_years_do_not_conflict():
    text = "Asylum claims reached 84,000 in 2022. Asylum claims reached 67,000 in 2023."
    assert flagged(text) == []


def test_last_year_resolves_to_the_same_year_as_the_year_named():
    text = (
        "Asylum claims reached 84,000 last year, ministers said. Charities said asylum claims reached 95,000 in 2024."
    )
    assert flagged(text) == ["84,000", "95,000"]


def test_old_and_new_rules_do_not_conflict():
    text = (
        "Under the current system, refugees wait five years before they can apply for settlement in 2025. "
        "Under the new rules, refugees will wait 20 years before they can apply for settlement in 2025."
    )
    assert flagged(text) == []


def test_a_further_days_count_does_not_conflict_with_the_total():
    text = (
        "A further 312 people crossed the Channel in small boats in 2024, the Home Office said. "
        "The Home Office said 20,123 people crossed the Channel in small boats in 2024."
    )
    assert flagged(text) == []


def test_a_figure_with_no_stated_period_is_not_called_a_conflict():
    text = "The centre was housing 2,600 asylum seekers. Around 700 asylum seekers slept outside."
    assert flagged(text) == []


def test_a_daily_cost_does_not_conflict_with_a_total():
    text = "The cost of the asylum system was £8m a day in 2024. The cost of the asylum system was £4bn in 2024."
    assert flagged(text) == []


def test_a_figure_compared_with_a_baseline_does_not_conflict_with_it():
    text = "Asylum claims reached 84,000 in 2024. Ministers said asylum claims were lower than 95,000 in 2024."
    assert flagged(text) == []


def test_poll_shares_of_different_questions_do_not_conflict():
    text = (
        "The poll found 46 percent of voters backed the plan on Tuesday. "
        "The poll found 30 percent of voters trusted the minister on Tuesday."
    )
    assert flagged(text) == []


def test_a_count_of_something_else_in_a_sentence_about_a_metric_does_not_conflict():
    text = (
        "Asylum claims were lodged in five regions in 2024. "
        "Asylum claims were lodged in four regions in 2024, officials said."
    )
    assert flagged(text) == []
