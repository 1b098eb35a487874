"""Over time and by outlet (analysis/trends.py), the government each quote is measured against
(analysis/quote_governments.py) and where the positions map puts its names (ui/charts.label_places)."""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd

from analysis.tables import quote_governments, trends


def _quotes(rows: list[tuple]) -> pd.DataFrame:
    """A quotes frame with the columns the trends read: (published, party, source, migration, government, about)."""
    return pd.DataFrame(
        [
            {
                "article_id": f"a{i}",
                "quote_id": f"q{i}",
                "published": published,
                "party": party,
                "source": source,
                "migration": migration,
                "government": government,
                "about_migration": about,
                "text": f"quote {i}",
            }
            for i, (published, party, source, migration, government, about) in enumerate(rows)
        ]
    )


MARCH, APRIL = dt.date(2026, 3, 4), dt.date(2026, 4, 20)  # a Wednesday; a Monday
QUOTES = _quotes(
    [
        (MARCH, "Labour", "Example Times", "restrictive", "supports", True),
        (MARCH, "Labour", "Example Post", "open", "supports", True),
        (MARCH, "Conservative", "Example Times", "restrictive", "opposes", True),
        (APRIL, "Labour", None, "neutral", "neutral", True),
        (APRIL, None, "Example Times", "unclear", "n/a", True),
        (APRIL, "Labour", "Example Times", "n/a", "n/a", False),  # not about migration
        (None, "Labour", "Example Times", "restrictive", "supports", True),  # no date
    ]
)


def test_periods_start_on_a_monday_or_the_first_of_the_month():
    assert trends.period_start(MARCH, "week") == dt.date(2026, 3, 2)
    assert trends.period_start(APRIL, "week") == APRIL
    assert trends.period_start(MARCH, "month") == dt.date(2026, 3, 1)
    assert trends.period_label(dt.date(2026, 3, 2), "week") == "week of 2 Mar 2026"
    assert trends.period_label(dt.date(2026, 3, 1), "month") == "March 2026"


def test_stance_over_time_by_party_counts_directions_and_averages_them():
    out = trends.stance_over_time(QUOTES, period="month", by="party")
    rows = {(r.period, r.group): r for r in out.itertuples()}
    march_labour = rows[(dt.date(2026, 3, 1), "Labour")]
    assert (march_labour.quotes, march_labour.restrictive, march_labour.open, march_labour.supports) == (2, 1, 1, 2)
    assert march_labour.score == 0.0  # one restrictive (-1), one open (+1)
    assert rows[(dt.date(2026, 3, 1), "Conservative")].score == -1.0
    no_party = rows[(dt.date(2026, 4, 1), "no party")]
    assert no_party.quotes == 1 and pd.isna(no_party.score)  # 'unclear' has no direction to average
    assert sum(out["quotes"]) == 5  # neither the quote about something else nor the undated one
    assert trends.undated(QUOTES) == 1
    assert list(out["period"]) == sorted(out["period"])


def test_stance_by_outlet_names_a_missing_outlet():
    out = trends.stance_over_time(QUOTES, period="week", by="outlet")
    assert set(out["group"]) == {"Example Times", "Example Post", "outlet not given"}
    assert set(out["period"]) == {dt.date(2026, 3, 2), APRIL}


def test_rows_in_a_period_and_group_are_the_quotes_a_click_lists():
    rows = trends.rows_in(QUOTES, period="month", by="party", start=dt.date(2026, 3, 1), group="Labour")
    assert list(QUOTES.iloc[rows]["quote_id"]) == ["q0", "q1"]
    every = trends.rows_in(QUOTES, period="month", by="party", start=dt.date(2026, 4, 1), group=None)
    assert list(QUOTES.iloc[every]["quote_id"]) == ["q3", "q4"]  # q5 is not about migration


def test_figures_over_time_count_figures_and_metrics():
    numbers = pd.DataFrame(
        {
            "published": [MARCH, MARCH, APRIL, None],
            "party": ["Labour", "Labour", None, "Labour"],
            "source": ["T", "T", "T", "T"],
            "metric_group": ["boats", "visas", "boats", "boats"],
        }
    )
    out = trends.figures_over_time(numbers, period="month", by="party")
    assert [tuple(r) for r in out[["group", "figures", "metrics"]].itertuples(index=False)] == [
        ("Labour", 2, 2),
        ("no party", 1, 1),
    ]
    assert trends.top_groups(out, "figures", 1) == ["Labour"]


def test_empty_frames_give_empty_trends():
    assert trends.stance_over_time(QUOTES.iloc[:0], period="week", by="party").empty
    assert trends.figures_over_time(pd.DataFrame(), period="week", by="outlet").empty


def test_a_quote_without_a_stored_government_takes_its_articles():
    quotes = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "quote_id": ["q1", "q2", "added", "q1"]})
    terms = {("a", "q1"): "uk-2024-07-05", ("a", "q2"): "uk-2024-07-05", ("b", "q1"): ""}
    assert list(quote_governments.term_ids(quotes, terms)) == ["uk-2024-07-05"] * 3 + [""]
    assert quote_governments.term_label("uk-2024-07-05") == "UK: Labour government (Starmer)"
    assert quote_governments.term_label("") == "No government identified"


def test_map_labels_never_overlap_and_leave_the_rest_to_hover_and_search():
    from ui.charts import _CHAR_PX, _LINE_PX, _MARKER_PX, MAP_LABELS, _px, label_places

    rng = random.Random(11)
    points = [(rng.uniform(-1, 1), rng.uniform(-1, 1), f"Speaker number {i}") for i in range(30)]
    places = label_places(points)
    shown = [(p, pt) for p, pt in zip(places, points) if p]
    assert 0 < len(shown) <= MAP_LABELS
    assert places[0] is not None  # the most important point is always named when its name fits
    boxes = []
    for place, (x, y, text) in shown:  # rebuild each label's box from its place and check no two meet
        cx, cy = _px(x, y)
        w, h = len(text) * _CHAR_PX, _LINE_PX
        dx = 1 if "right" in place else -1 if "left" in place else 0
        dy = 1 if "top" in place else -1 if "bottom" in place else 0
        left = cx - w / 2 + dx * (w / 2 + _MARKER_PX) if dx else cx - w / 2
        bottom = cy - h / 2 + dy * (h / 2 + _MARKER_PX) if dy else cy - h / 2
        boxes.append((left, bottom, left + w, bottom + h))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
