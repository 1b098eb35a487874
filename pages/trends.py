"""Trends: stance and figures by week or month, by party or by outlet, down to the quotes.

The grouping and the period are kept in the URL (`by`, `period`); a click on a point or a bar, or
the picker under the charts, lists the quotes (and figures) of that period and group.
"""

from ui.shell import ensure_app

ensure_app()  # opened directly by Streamlit's pages/ runner: hand over to app.py's navigation

import datetime as dt

import streamlit as st

from analysis.tables import trends
from ui.caches import current_filters, filters_key, get_store, memo, numbers_df, quotes_df, trend
from ui.charts import trend_bars, trend_lines
from ui.html_table import table_html
from ui.sidebar import url_param
from ui.widgets import empty_state, plural

LINES = 8  # groups drawn as lines; the rest are summed as 'others' in the bars
ROWS = 60  # quotes listed for a pick; the sidebar downloads give them all
BY_LABELS = {"party": "Party", "outlet": "Outlet"}
PERIOD_LABELS = {"week": "Week", "month": "Month"}

store = get_store()
filters = current_filters()
quotes = quotes_df(store, filters)
numbers = numbers_df(store, filters)
fkey = filters_key(filters)

st.title("Trends")
if quotes.empty and numbers.empty:
    empty_state("No quotes or figures match the filters. Clear some filters in the sidebar, or add articles.")
    st.stop()

for key, param, allowed, default in (
    ("trend_by", "by", trends.GROUP_BYS, "party"),
    ("trend_period", "period", trends.PERIODS, "month"),
):
    if key not in st.session_state:  # a session's first run: the link decides
        wanted = st.query_params.get(param)
        st.session_state[key] = wanted if wanted in allowed else default
c1, c2 = st.columns(2)
by = c1.segmented_control("Group by", trends.GROUP_BYS, format_func=BY_LABELS.get, key="trend_by") or "party"
period = c2.segmented_control("Period", trends.PERIODS, format_func=PERIOD_LABELS.get, key="trend_period") or "month"
url_param("by", by)
url_param("period", period)

stance = trend(store, filters, "stance", period, by)
figures = trend(store, filters, "figures", period, by)
left_out = trends.undated(quotes)
st.caption(
    f"{plural(int(stance['quotes'].sum()), 'quote')} about migration and {plural(int(figures['figures'].sum()), 'figure')}"
    f" by {BY_LABELS[by].lower()} and {period}"
    + (
        f"; {plural(left_out, 'quote')} from articles without a date {'is' if left_out == 1 else 'are'} left out."
        if left_out
        else "."
    )
    + " Click a point or a bar to read its quotes."
)
groups = trends.top_groups(stance, "quotes", LINES)
figure_groups = trends.top_groups(figures, "figures", LINES)


def picked(chart_key: str) -> None:
    """A click on a chart: remember which period and group to list (the last click wins)."""
    points = st.session_state[chart_key].selection.points
    if points and points[0].get("customdata"):
        group, start = points[0]["customdata"][:2]
        st.session_state["trend_pick"] = (start, None if group == "others" else group)


if stance.empty:
    st.info("None of the filtered quotes about migration comes from an article with a date.")
else:
    st.plotly_chart(
        memo(store, "trend_lines", (fkey, by, period), lambda: trend_lines(stance, groups, by, period)),
        key=f"trend_lines_{by}_{period}",
        on_select=lambda: picked(f"trend_lines_{by}_{period}"),
        selection_mode=("points",),
    )
    st.caption(
        "Each point is the mean direction of a group's quotes about migration in that "
        f"{period} (−1: all restrictive, +1: all open); larger points stand on more quotes."
        + (f" The {LINES} groups with most quotes are drawn." if stance["group"].nunique() > LINES else "")
    )
    st.plotly_chart(
        memo(
            store,
            "trend_quotes",
            (fkey, by, period),
            lambda: trend_bars(stance, "quotes", groups, by, period, "Quotes about migration"),
        ),
        key=f"trend_quotes_{by}_{period}",
        on_select=lambda: picked(f"trend_quotes_{by}_{period}"),
        selection_mode=("points",),
    )
if not figures.empty:
    st.plotly_chart(
        memo(
            store,
            "trend_figures",
            (fkey, by, period),
            lambda: trend_bars(figures, "figures", figure_groups, by, period, "Figures cited"),
        ),
        key=f"trend_figures_{by}_{period}",
        on_select=lambda: picked(f"trend_figures_{by}_{period}"),
        selection_mode=("points",),
    )

st.subheader("Read the quotes of a period")
starts = sorted({*stance["period"], *figures["period"]}, reverse=True)
choices = [
    (s, g)
    for s in starts
    for g in [
        None,
        *sorted({*stance.loc[stance["period"] == s, "group"], *figures.loc[figures["period"] == s, "group"]}),
    ]
]
pick = st.session_state.get("trend_pick")
if pick is not None:
    start = dt.date.fromisoformat(str(pick[0])[:10])
    pick = (trends.period_start(start, period), pick[1])
    st.session_state["trend_pick"] = None
    if pick in choices:
        st.session_state["trend_read"] = pick
if st.session_state.get("trend_read") not in choices:
    st.session_state["trend_read"] = None
reading = st.selectbox(
    "Period and group",
    choices,
    index=None,
    format_func=lambda c: f"{trends.period_label(c[0], period)} · {c[1] or 'every ' + by}",
    placeholder="Pick a period, or click a point or a bar above",
    key="trend_read",
)
if reading is not None:
    start, group = reading
    q_rows = trends.rows_in(quotes, period=period, by=by, start=start, group=group)
    n_rows = trends.rows_in(numbers, period=period, by=by, start=start, group=group)
    who = group or f"every {by}"
    st.markdown(
        f"**{trends.period_label(start, period)} · {who}: {plural(len(q_rows), 'quote')} about migration, {plural(len(n_rows), 'figure')}**"
    )
    if len(q_rows):
        st.html(
            table_html(
                quotes.iloc[q_rows[:ROWS]],
                [
                    ("speaker", "speaker"),
                    ("party", "party"),
                    ("text", "quote"),
                    ("migration", "migration"),
                    ("government", "government"),
                    ("source", "outlet"),
                    ("article_title", "article"),
                ],
                scroll=True,
                widths={"text": "34%"},
            )
        )
    if len(n_rows):
        st.html(
            table_html(
                numbers.iloc[n_rows[:ROWS]],
                [
                    ("text", "figure"),
                    ("metric", "metric"),
                    ("cited_by_name", "cited by"),
                    ("sentence", "sentence"),
                    ("article_title", "article"),
                ],
                scroll=True,
                widths={"sentence": "36%"},
            )
        )
    if max(len(q_rows), len(n_rows)) > ROWS:
        st.caption(f"The first {ROWS}; narrow the dates in the sidebar and download the rest.")
