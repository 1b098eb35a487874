"""Figure scanning rules on small hand-built sentences (no model needed)."""

import re
from datetime import date

import pytest

from analysis.numbers import find_numbers, period_of


def sentences_of(text):
    """Sentence spans split after a full stop and a space, as a sentencizer would."""
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)]
    return [(a, b) for a, b in zip(starts, starts[1:] + [len(text)])]


def figures(text, published=date(2025, 5, 15), cited=()):
    return find_numbers(text, [(0, len(text))], sentences_of(text), published, list(cited))


def one(text, **kw):
    found = figures(text, **kw)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def test_percent_fall_is_signed_negative():
    n = one("The number of arrivals had fallen by 95% since the deal.")
    assert (n.value, n.kind, n.unit) == (-95, "percent_change", "percent")


def test_qualifier_over_is_kept_on_a_cut():
    n = one("It resulted in a cut to arrivals by over 90%.")
    assert n.qualifier == "over" and n.value == -90


def test_money_with_scale_word():
    n = one("The UK is investing £1 million in forensics.")
    assert (n.value, n.unit, n.kind) == (1_000_000, "GBP", "money")


def test_bn_abbreviation():
    assert one("The scheme cost £2.5bn last year.").value == 2_500_000_000


def test_multiplier_word():
    n = one("The number returned had doubled between 2022 and 2024.")
    assert (n.value, n.unit, n.period) == (2, "factor", "2022 to 2024")


def test_duration_words():
    n = one("Migrants will need to spend a decade in the UK.")
    assert (n.value, n.unit, n.kind) == (10, "years", "duration")


def test_ratio():
    assert one("One in five of our workers came from abroad.").value == pytest.approx(0.2)


def test_range():
    n = one("Between 10,000 and 12,000 people are expected.")
    assert (n.value_low, n.value_high) == (10_000, 12_000)


def test_number_word_counts_only_before_a_counted_noun():
    assert one("The UK will donate two forgery detection machines.").value == 2
    assert figures("Relations between the two countries improved.") == []


def test_dates_times_years_and_ordinals_are_not_figures():
    text = "On 15 May 2025, at 13:51, in 2024 the first visit by No 10 staff ran 6pm - 9pm."
    assert figures(text) == []


def test_reference_period_phrases_are_not_figures():
    assert figures("It has fallen in the past three years.") == []
    assert [n.text for n in figures("Net migration fell by 20% in the 12 months to June.")] == ["20%"]
    assert [n.text for n in figures("Arrivals rose in the first six months of the year.")] == []


def test_period_so_far_this_year_resolves_against_publication_date():
    assert period_of("some 12,699 people so far this year", date(2025, 5, 15)) == "2025 to date"
    assert period_of("net migration reached 728,000 last year", date(2025, 5, 15)) == "2024"


def test_same_metric_figures_share_a_group_and_disagreement_is_flagged():
    text = "Officials said small boat crossings reached 30,000 this year. Critics said small boat crossings reached 45,000 this year."
    found = figures(text)
    assert len(found) == 2
    assert found[0].metric_group == found[1].metric_group
    assert found[0].disagrees and found[1].disagrees


def test_qualified_values_that_overlap_do_not_disagree():
    text = "Arrivals from Albania fell by 95%. Arrivals from Albania fell by over 90%."
    found = figures(text)
    assert found[0].metric_group == found[1].metric_group
    assert not any(f.disagrees for f in found)


def test_a_qualified_fall_is_an_open_range_below_its_value():
    n = one("Arrivals from Albania fell by over 90%.")
    assert (n.value, n.value_low, n.value_high) == (-90, None, -90)


def test_decimal_millions_are_figures_not_clock_times():
    assert one("The backlog stands at 3.45 million cases.").value == 3_450_000
    assert figures("The meeting ends at 3.45pm.") == []


def test_fall_by_a_fraction_is_a_signed_percent_change():
    n = one("Small boat arrivals fell by a third last year.")
    assert (n.value, n.kind) == (-33.3, "percent_change")


def test_a_bare_figure_takes_the_metric_of_the_figure_before_it():
    text = "Net migration reached 606,000 last year. More than 600,000 in a single year is too many."
    found = figures(text)
    assert found[0].metric_group == found[1].metric_group == "net_migration:level"


def test_pattern_triggers_never_hide_a_figure(monkeypatch):
    # scan() skips a pattern when its trigger finds nothing: on every test article the figures
    # must be the same as with every pattern run on every paragraph.
    from pathlib import Path

    from analysis.figures import scanner as numbers

    root = Path(__file__).resolve().parent
    texts = [
        p.read_text(encoding="utf-8")
        for folder in ("articles", "heldout/articles")
        for p in sorted((root / folder).glob("*.txt"))
    ]
    texts.append((root.parent / "seeds" / "starmer_albania_2025-05-15.txt").read_text(encoding="utf-8"))

    def figures() -> list:
        return [numbers.scan(t, 0, len(t)) for t in texts]

    with_triggers = figures()
    monkeypatch.setattr(numbers, "TRIGGERS", {k: re.compile("") for k in numbers.TRIGGERS})
    assert with_triggers == figures()
    assert sum(map(len, with_triggers)) > 300
