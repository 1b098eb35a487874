"""Stance: where speakers and parties stand on migration and toward the government."""

from ui.shell import ensure_app

ensure_app()  # opened directly by Streamlit's pages/ runner: hand over to app.py's navigation

import html

import streamlit as st

from analysis import tables
from analysis.store import DIRECTIONS, GOVERNMENT
from ui.caches import current_filters, derived_df, get_store, quotes_df
from ui.charts import positions_map, stacked_direction_bars
from ui.widgets import empty_state, plural

TABLE_ROWS = 50  # per list; longer lists: use the sidebar downloads

store = get_store()
filters = current_filters()
quotes = quotes_df(store, filters)

st.title("Stance")
if quotes.empty:
    empty_state("No quotes match the filters. Clear some filters in the sidebar, or add articles.")
    st.stop()

about_count = int(quotes["about_migration"].sum())
st.caption(
    f"{about_count:,} of {plural(len(quotes), 'quote')} {'is' if about_count == 1 else 'are'} about migration. Each quote is labelled for its "
    "direction on migration and its position toward the migration policy of the government of the "
    "country the article is about."
)

left, right = st.columns(2)
for col, column, order, title in (
    (left, "migration", DIRECTIONS, "Direction on migration"),
    (right, "government", GOVERNMENT, "Position toward the government"),
):
    counts = derived_df(store, filters, f"{column}_counts")  # cached per filters
    col.plotly_chart(stacked_direction_bars(counts, column, order, title), key=f"bar_{column}")

st.subheader("Positions map")
positions = derived_df(store, filters, "positions")
if positions.empty:
    st.info("None of the filtered quotes carries a direction or a position toward the government.")
else:
    fig = positions_map(positions)
    event = st.plotly_chart(fig, key="positions_map", on_select="rerun", selection_mode=("points",))
    st.caption(
        "Each point is the average of a speaker's (circle) or party's (diamond) quotes about "
        "migration; points at the same place are spread slightly so all stay visible. A quote "
        "with no position toward the government counts as 0 on that axis. Click a point to "
        "read its quotes."
    )
    points = event.selection.points if event and event.selection else []
    if points:
        kind, key = points[0]["customdata"][:2]
        col = "speaker_id" if kind == "speaker" else "party"
        about = tables.about_migration(
            quotes,
            ["speaker_id", "party", "speaker", "article_title", "text", "migration", "government", "start", "end"],
        )
        chosen = about[about[col] == key]
        st.markdown(f"**Quotes by {html.escape(str(key) if kind == 'party' else chosen['speaker'].iloc[0])}**")
        st.dataframe(
            chosen[["speaker", "article_title", "text", "migration", "government", "start", "end"]].head(TABLE_ROWS),
            hide_index=True,
        )

st.subheader("What they want done (targets)")
targets = derived_df(store, filters, "targets")
if targets.empty:
    st.info("No policy targets (caps, deportations, safe routes…) were named in the filtered quotes.")
else:
    st.dataframe(targets.head(TABLE_ROWS), hide_index=True)

by_direction, by_government = st.columns(2)
for col, column, order, title, other in (
    (by_direction, "migration", DIRECTIONS, "Quotes by direction on migration", "government"),
    (by_government, "government", GOVERNMENT, "Quotes by position toward the government", "migration"),
):
    col.subheader(title)
    rows_of = derived_df(store, filters, f"about_rows_by_{column}")  # row positions per label
    table = quotes[["speaker", "party", other, "text", "article_title"]]
    for label in order:
        rows = rows_of.get(label, [])
        if not len(rows):
            continue
        with col.expander(f"{label} ({len(rows)})", expanded=False):
            st.dataframe(table.iloc[rows[:TABLE_ROWS]], hide_index=True)
            if len(rows) > TABLE_ROWS:
                st.caption(f"First {TABLE_ROWS} of {len(rows)}; download them all from the sidebar.")
