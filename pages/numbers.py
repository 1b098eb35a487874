"""Numbers: the figures quoted, grouped by what they measure, with who cited them."""

from ui.shell import ensure_app

ensure_app()  # opened directly by Streamlit's pages/ runner: hand over to app.py's navigation

import streamlit as st

from ui.caches import chart_points, current_filters, filters_key, get_store, memo, number_view, numbers_df
from ui.charts import figures_chart
from ui.html_table import table_html
from ui.widgets import empty_state

MAX_GROUPS = 4  # charts drawn by default; more can be picked

store = get_store()
filters = current_filters()
numbers = numbers_df(store, filters)
fkey = filters_key(filters)

st.title("Numbers")
if numbers.empty:
    empty_state("No figures match the filters. Clear some filters in the sidebar, or add articles.")
    st.stop()

metrics = number_view(store, filters, "metrics")  # group, label, figures; largest first
conflicts = number_view(store, filters, "conflicts")
rows_of = number_view(store, filters, "rows_by_metric")
sizes = dict(zip(metrics["group"], metrics["figures"]))
c1, c2, c3 = st.columns(3)
c1.metric("Figures", len(numbers))
c2.metric("Metrics", len(metrics))
c3.metric("Conflicting figures", len(conflicts))
if not conflicts.empty:
    st.warning(
        "Conflicting figures for the same thing: "
        + "; ".join(f"{text} ({who})" for text, who in conflicts.head(8).itertuples(index=False))
        + (" …" if len(conflicts) > 8 else ""),
        icon=":material/warning:",
    )

compared = [g for g, n in sizes.items() if n > 1]
singles = [g for g, n in sizes.items() if n == 1]
group_label = {g: f"{label} ({n})" for g, label, n in metrics.itertuples(index=False)}
# The widget's state is set here, not through `default`, so a filter change can prune it.
kept = [g for g in st.session_state.get("numbers_groups", []) if g in sizes]
st.session_state["numbers_groups"] = kept or compared[:MAX_GROUPS] or singles[:MAX_GROUPS]
chosen = st.multiselect(
    "Metrics to chart", list(sizes), format_func=group_label.get, key="numbers_groups", max_selections=16
)
if not chosen:
    st.info("Choose at least one metric to chart.")

MAX_POINTS = 60  # a chart of thousands of markers says nothing and costs seconds to draw
for group in chosen:  # one chart per row: at 1,024 px two side by side leave no room for their legends
    rows = rows_of.get(group, [])
    g = chart_points(store, filters, group, MAX_POINTS)
    unit = g["unit"].dropna().head(1).tolist()
    label = group_label[group].rsplit(" (", 1)[0]
    flag = " ⚠ figures conflict" if g["disagrees"].any() else ""
    fig = memo(
        store,
        "numbers_chart",
        (fkey, group),
        lambda g=g, title=f"{label}{flag}", unit=unit: figures_chart(g, title, unit[0] if unit else None),
    )
    st.plotly_chart(fig, key=f"numbers_{group}")
    if len(rows) > MAX_POINTS:
        st.caption(
            f"The {MAX_POINTS} most recent of {len(rows):,} figures for this metric; "
            "filter by article or date in the sidebar to see others."
        )
st.caption(
    "Bars show the range of a qualified figure (\u201cabout 12,700\u201d); a triangle marks an "
    "open-ended one, pointing the way it is open (\u201cover 12,000\u201d); a cross marks a figure that conflicts with another "
    "for the same metric."
)

st.subheader("All figures, with their sentence")
TABLE_ROWS = 200  # longer lists: use the sidebar downloads
if len(numbers) > TABLE_ROWS:
    st.caption(f"First {TABLE_ROWS} of {len(numbers)} figures; download them all from the sidebar.")
st.html(
    memo(
        store,
        "numbers_table",
        (fkey,),
        lambda: table_html(
            numbers.head(TABLE_ROWS),
            [
                ("text", "figure"),
                ("qualifier", "qualifier"),
                ("metric", "metric"),
                ("period", "period"),
                ("cited_by_name", "cited by"),
                ("sentence", "sentence"),
                ("article_title", "article"),
            ],
            scroll=True,
            widths={"sentence": "34%", "article_title": "16%"},
        ),
    )
)
st.caption("Every column, with value, unit, offsets and conflicts: the Numbers CSV in the sidebar.")
