"""Who said what: a card per speaker with their quotes in context."""

from ui.shell import ensure_app

ensure_app()  # opened directly by Streamlit's pages/ runner: hand over to app.py's navigation

import html

import numpy as np
import streamlit as st

from ui.caches import current_filters, derived_df, filters_key, get_store, memo, quotes_df
from ui.colours import speaker_colour, tint
from ui.html_table import facts_html
from ui.widgets import empty_state, plural

PAGE_SIZE = 8  # speaker cards per page: each is about ten elements to build and send
QUOTES_SHOWN = 5

store = get_store()
filters = current_filters()
quotes = quotes_df(store, filters)

st.title("Who said what")
if quotes.empty:
    empty_state("No quotes match the filters. Clear some filters in the sidebar, or add articles.")
    st.stop()

speakers = derived_df(store, filters, "speakers")
rows_of = derived_df(store, filters, "rows_by_speaker")  # row positions per speaker, in quote order
unattributed = len(quotes) - sum(len(rows) for rows in rows_of.values())
st.caption(
    f"{plural(len(quotes), 'quote')} from {plural(len(speakers), 'speaker')} in "
    f"{plural(quotes['article_id'].nunique(), 'article')}"
    + (
        f"; {plural(unattributed, 'quote')} {'has' if unattributed == 1 else 'have'} no speaker the analyser could name."
        if unattributed
        else "."
    )
)
pages = max(1, -(-len(speakers) // PAGE_SIZE))
page_no = st.number_input("Page", 1, pages, 1, key="speakers_page") if pages > 1 else 1
shown = speakers.iloc[(page_no - 1) * PAGE_SIZE : page_no * PAGE_SIZE]


def quote_html(row) -> str:
    """One quote in its context, highlighted, with where it comes from underneath (all escaped)."""
    before = (row.before if isinstance(row.before, str) else "")[-110:]
    after = (row.after if isinstance(row.after, str) else "")[:110]
    colour = speaker_colour(row.speaker_id, row.party)
    source = (
        f"{row.article_title or row.article_id} · {row.migration} · government: {row.government}"
        + (f" · frames: {', '.join(row.frames)}" if row.frames else "")
        + f" · chars {row.start}–{row.end}"
        + (f" · ✎ corrected: {row.corrected}" if isinstance(row.corrected, str) else "")
    )
    return (
        '<div style="font-size:1.05rem;line-height:1.6;margin:0.2rem 0 0.1rem 0">'
        f'<span style="color:#6B7280">…{html.escape(before)}</span>'
        f'<mark style="background:{tint(colour)};border-bottom:3px solid {colour};color:inherit">'
        f"{html.escape(row.text)}</mark>"
        f'<span style="color:#6B7280">{html.escape(after)}…</span></div>'
        f'<div style="font-size:0.875rem;color:#6B7280;margin:0 0 0.7rem 0">{html.escape(source)}</div>'
    )


MORE_ROWS = 50  # in the "more quotes" table; the sidebar downloads give them all
MORE_COLUMNS = ["article_title", "text", "migration", "government", "start", "end"]
SHOWN_COLUMNS = [
    "text",
    "before",
    "after",
    "speaker_id",
    "party",
    "article_title",
    "article_id",
    "migration",
    "government",
    "frames",
    "start",
    "end",
    "corrected",
]


def cards_html() -> dict[str, str]:
    """Each shown speaker's card (name, role and party, headline values, first quotes) as one HTML block."""
    # One take of every quote the cards show, instead of one per speaker.
    first_rows = {sid: rows_of.get(sid, [])[:QUOTES_SHOWN] for sid in shown["speaker_id"]}
    taken = list(
        quotes[SHOWN_COLUMNS].iloc[[i for rows in first_rows.values() for i in rows]].astype(object).itertuples()
    )
    out = {}
    for sp in shown.itertuples():
        mine, taken = taken[: len(first_rows[sp.speaker_id])], taken[len(first_rows[sp.speaker_id]) :]
        who = " · ".join(str(x) for x in (sp.role, sp.party) if isinstance(x, str) and x)
        out[sp.speaker_id] = (
            f'<div style="display:flex;align-items:center;gap:0.6rem">'
            f'<span style="width:1.1rem;height:1.1rem;border-radius:50%;background:{speaker_colour(sp.speaker_id, sp.party)};'
            f'display:inline-block"></span><span style="font-size:1.5rem;font-weight:700">'
            f"{html.escape(sp.speaker)}</span></div>"
            + (f'<div style="color:#4B5563;font-size:0.95rem">{html.escape(who)}</div>' if who else "")
            + facts_html(
                [
                    ("Quotes", f"{sp.quotes:,}"),
                    ("Articles", f"{sp.articles:,}"),
                    ("On migration", sp.direction),
                    ("Toward government", sp.government),
                ]
            )
            + "".join(quote_html(row) for row in mine)
        )
    return out


cards = memo(store, "speaker_cards", (filters_key(filters), page_no), cards_html)
for sp in shown.itertuples():
    rows = rows_of.get(sp.speaker_id, [])
    with st.container(border=True):
        st.html(cards[sp.speaker_id])  # one element per card: a dozen cards of ten elements each are slow
        if len(rows) > QUOTES_SHOWN:
            more = rows[QUOTES_SHOWN : QUOTES_SHOWN + MORE_ROWS]
            with st.expander(f"{plural(len(rows) - QUOTES_SHOWN, 'more quote')}"):
                st.dataframe(quotes[MORE_COLUMNS].iloc[more], hide_index=True)
                if len(rows) > QUOTES_SHOWN + MORE_ROWS:
                    st.caption(f"The next {MORE_ROWS}; filter by this speaker and download the rest from the sidebar.")

if unattributed:
    with st.expander(f"{unattributed} unattributed quotes"):
        st.dataframe(
            quotes[["article_title", "text", "migration", "start", "end"]].iloc[
                np.flatnonzero(quotes["speaker_id"].isna().to_numpy())[:200]
            ],
            hide_index=True,
        )
