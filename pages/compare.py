"""Compare: two speakers or two parties side by side."""

from ui.shell import ensure_app

ensure_app()  # opened directly by Streamlit's pages/ runner: hand over to app.py's navigation

import html

import streamlit as st

from analysis import tables
from analysis.store import DIRECTIONS
from ui.caches import current_filters, derived_df, get_store, numbers_df, quotes_df
from ui.charts import direction_bar
from ui.sidebar import url_param
from ui.widgets import empty_state

store = get_store()
filters = current_filters()
quotes = quotes_df(store, filters)
numbers = numbers_df(store, filters)

st.title("Compare")
if quotes.empty:
    empty_state("No quotes match the filters. Clear some filters in the sidebar, or add articles.")
    st.stop()

mode = st.segmented_control("Compare", ["Speakers", "Parties"], default="Speakers", key="compare_mode") or "Speakers"
speakers = derived_df(store, filters, "speakers")  # cached per data version and filters
if mode == "Speakers":
    choices = list(speakers["speaker_id"])
    names = dict(zip(speakers["speaker_id"], speakers["speaker"]))
    column = "speaker_id"
else:
    choices = sorted(quotes["party"].dropna().unique())
    names = {p: p for p in choices}
    column = "party"
if len(choices) < 2:
    empty_state(f"Comparing needs at least two {mode.lower()} with quotes; the filters leave {len(choices)}.")
    st.stop()

picked = []
for side, default in (("a", 0), ("b", 1)):
    key = f"compare_{side}_{mode}"
    wanted = st.query_params.get(side)
    if key not in st.session_state or st.session_state[key] not in choices:
        st.session_state[key] = wanted if wanted in choices else choices[default]
picks = st.columns(2)
for i, side in enumerate(("a", "b")):
    picked.append(
        picks[i].selectbox(
            f"{'Left' if i == 0 else 'Right'}", choices, format_func=names.get, key=f"compare_{side}_{mode}"
        )
    )
    url_param(side, picked[-1])

cols = st.columns(2)
for col, choice in zip(cols, picked):
    mine = quotes[quotes[column] == choice]
    about = mine[mine["about_migration"]]
    with col:
        colour = mine["speaker_colour"].iloc[0] if mode == "Speakers" else mine["party_colour"].iloc[0]
        st.html(
            f'<div style="font-size:1.6rem;font-weight:700;border-left:0.5rem solid {colour};'
            f'padding-left:0.6rem">{html.escape(names[choice])}</div>'
        )
        m1, m2, m3 = st.columns(3)
        m1.metric("Quotes", len(mine))
        m2.metric("On migration", tables.overall_direction(about["migration"]))
        m3.metric("Toward government", tables.overall_government(about["government"]))
        counts = about["migration"].value_counts().reindex(DIRECTIONS, fill_value=0).reset_index()
        counts.columns = ["direction", "quotes"]
        st.plotly_chart(direction_bar(counts, colour), key=f"compare_bar_{choice}")
        frames = tables.frames_counts(about)
        st.markdown("**Frames**: " + (", ".join(f"{r.frame} ({r.quotes})" for r in frames.itertuples()) or "none"))
        st.markdown("**Quotes**")
        st.dataframe(mine[["text", "migration", "government", "article_title"]], hide_index=True, height=300)
        if mode == "Speakers":
            figs = numbers[numbers["cited_by"] == choice] if not numbers.empty else numbers
        else:
            figs = numbers[numbers["party"] == choice] if not numbers.empty else numbers
        st.markdown("**Figures they cite**")
        if figs.empty:
            st.caption("None.")
        else:
            st.dataframe(figs[["text", "metric", "qualifier", "disagrees"]], hide_index=True)
