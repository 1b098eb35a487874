"""Numbers: the figures quoted, grouped by what they measure, with who cited them."""

from pages._common import ensure_app

ensure_app()  # opened directly by Streamlit's pages/ runner: hand over to app.py's navigation

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pages._common import current_filters, empty_state, get_store, numbers_df

MAX_GROUPS = 4  # charts drawn by default; more can be picked

store = get_store()
filters = current_filters()
numbers = numbers_df(store, filters)

st.title("Numbers")
if numbers.empty:
    empty_state("No figures match the filters. Clear some filters in the sidebar, or add articles.")
    st.stop()

sizes = numbers.groupby("metric_group").size().sort_values(ascending=False)
conflicts = numbers[numbers["disagrees"]]
c1, c2, c3 = st.columns(3)
c1.metric("Figures", len(numbers))
c2.metric("Metrics", len(sizes))
c3.metric("Conflicting figures", len(conflicts))
if not conflicts.empty:
    st.warning(
        "Conflicting figures for the same thing: "
        + "; ".join(f"{r.text} ({r.cited_by_name})" for r in conflicts.head(8).itertuples())
        + (" …" if len(conflicts) > 8 else ""),
        icon=":material/warning:",
    )

compared = [g for g in sizes.index if sizes[g] > 1]
singles = [g for g in sizes.index if sizes[g] == 1]
first_metric = numbers.dropna(subset=["metric"]).groupby("metric_group")["metric"].first()
group_label = {g: f"{first_metric.get(g, g)} ({sizes[g]})" for g in sizes.index}
# The widget's state is set here, not through `default`, so a filter change can prune it.
kept = [g for g in st.session_state.get("numbers_groups", []) if g in sizes.index]
st.session_state["numbers_groups"] = kept or compared[:MAX_GROUPS] or singles[:MAX_GROUPS]
chosen = st.multiselect("Metrics to chart", list(sizes.index), format_func=group_label.get,
                        key="numbers_groups", max_selections=16)
if not chosen:
    st.info("Choose at least one metric to chart.")



def symbol(row) -> str:
    """Cross: conflicts; triangle: open-ended ("over 12,000"); circle: exact or closed range."""
    if row.disagrees:
        return "x"
    open_up = pd.isna(row.value_high) and not pd.isna(row.value_low) and row.qualifier
    open_down = pd.isna(row.value_low) and not pd.isna(row.value_high) and row.qualifier
    return "triangle-up" if open_up else "triangle-down" if open_down else "circle"


MAX_POINTS = 60  # a chart of thousands of markers says nothing and costs seconds to draw

cols = st.columns(2)
for i, group in enumerate(chosen):
    g = numbers[numbers["metric_group"] == group]
    total = len(g)
    if total > MAX_POINTS:
        g = g.sort_values("published", ascending=False, na_position="last").head(MAX_POINTS)
    g = g.reset_index(drop=True)
    many_articles = g["article_id"].nunique() > 1
    seen: dict[str, int] = {}
    label_of = {}
    for j, r in enumerate(g.itertuples()):
        base = f"{r.text}" + (f" ({r.published})" if many_articles else "")
        seen[base] = seen.get(base, -1) + 1
        label_of[j] = base + "\u200b" * seen[base]  # zero-width spaces keep equal labels apart
    unit = g["unit"].dropna().head(1).tolist()
    label = group_label[group].rsplit(" (", 1)[0]
    fig = go.Figure()
    for who, part in g.groupby("cited_by_name", sort=False):
        fig.add_trace(
            go.Scatter(
                x=[label_of[i] for i in part.index], y=part["value"], mode="markers", name=who,
                marker=dict(size=18, color=part["speaker_colour"].iloc[0],
                            symbol=[symbol(r) for r in part.itertuples()],
                            line=dict(width=1, color="white")),
                error_y=dict(type="data", symmetric=False, array=part["err_plus"],
                             arrayminus=part["err_minus"], thickness=3, width=10),
                customdata=part[["qualifier", "period", "article_title"]].astype(object).fillna("").values,
                hovertemplate="%{y:,}<br>qualifier: %{customdata[0]}<br>period: %{customdata[1]}"
                "<br>%{customdata[2]}<extra>%{fullData.name}</extra>",
            )
        )
    flag = " ⚠ figures conflict" if g["disagrees"].any() else ""
    fig.update_layout(
        title=dict(text=f"{label}{flag}", font=dict(size=17)), height=400, font=dict(size=14),
        yaxis_title=unit[0] if unit else "value", legend_title_text="Cited by", margin=dict(t=60, b=10),
        xaxis=dict(type="category"),  # "12,000" must stay a label, not become the number 12000
    )
    cols[i % 2].plotly_chart(fig, key=f"numbers_{group}")
    if total > MAX_POINTS:
        cols[i % 2].caption(f"The {MAX_POINTS} most recent of {total:,} figures for this metric; "
                            "filter by article or date in the sidebar to see others.")
st.caption("Bars show the range of a qualified figure (\u201cabout 12,700\u201d); a triangle marks an "
           "open-ended one (\u201cover 12,000\u201d); a cross marks a figure that conflicts with another "
           "for the same metric.")

st.subheader("All figures, with their sentence")
TABLE_ROWS = 200  # longer lists: use the sidebar downloads
if len(numbers) > TABLE_ROWS:
    st.caption(f"First {TABLE_ROWS} of {len(numbers)} figures; download them all from the sidebar.")
st.dataframe(
    numbers.head(TABLE_ROWS)[["text", "value", "unit", "qualifier", "metric", "period", "cited_by_name", "disagrees",
             "sentence", "article_title", "start", "end"]],
    hide_index=True,
    column_config={"cited_by_name": "cited by", "sentence": st.column_config.TextColumn(width="large")},
)
