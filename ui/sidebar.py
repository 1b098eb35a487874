"""The shared sidebar: filters kept in the URL, so a copied link reproduces the view.

The date range follows the corpus (a newly added article's date widens it) unless the user moved
it; the filters themselves are applied in one place, the store's SQL (see ui.caches).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analysis.store import DIRECTIONS, Filters, Store
from ui.caches import options

FILTER_KEYS = ("article", "from", "to", "party", "speaker", "stance", "frame", "q")


def _init_from_url(opts: dict) -> None:
    """On a session's first run, put the URL's filters into the widgets."""
    if st.session_state.get("_filters_from_url"):
        return
    st.session_state["_filters_from_url"] = True
    f = Filters.from_query(st.query_params.to_dict())
    article_ids = [a[0] for a in opts["articles"]]
    speaker_ids = [s[0] for s in opts["speakers"]]
    st.session_state["f_article"] = [a for a in f.articles if a in article_ids]
    st.session_state["f_party"] = [p for p in f.parties if p in opts["parties"]]
    st.session_state["f_speaker"] = [s for s in f.speakers if s in speaker_ids]
    st.session_state["f_stance"] = list(f.stances)
    st.session_state["f_frame"] = [x for x in f.frames if x in opts["frames"]]
    st.session_state["f_q"] = f.search
    if f.date_from or f.date_to:  # a link's dates count as the user's choice
        st.session_state["_dates_user"] = (f.date_from, f.date_to)


def _clear_filters() -> None:
    for key in ("f_article", "f_party", "f_speaker", "f_stance", "f_frame"):
        st.session_state[key] = []
    st.session_state["f_q"] = ""
    st.session_state.pop("f_dates", None)
    st.session_state.pop("_dates_user", None)


def _dates_moved() -> None:
    """The user moved the date range: from now on it stays where they put it (None: an open end)."""
    picked = st.session_state.get("f_dates")
    lo, hi = st.session_state.get("_dates_bounds", (None, None))
    if isinstance(picked, tuple | list) and len(picked) == 2:
        st.session_state["_dates_user"] = (
            picked[0] if picked[0] != lo else None,
            picked[1] if picked[1] != hi else None,
        )


def sidebar_filters(store: Store) -> Filters:
    """Draw the shared filters, keep them in the URL and return them."""
    opts = options(store)
    _init_from_url(opts)
    titles = {a[0]: f"{a[1] or a[0]} ({a[2] or 'no date'})" for a in opts["articles"]}
    names = {s[0]: f"{s[1]} ({s[2]})" for s in opts["speakers"]}
    # Drop choices that no longer exist (an article deleted in another tab).
    for key, valid in (
        ("f_article", titles),
        ("f_speaker", names),
        ("f_party", opts["parties"]),
        ("f_frame", opts["frames"]),
    ):
        if key in st.session_state:
            st.session_state[key] = [v for v in st.session_state[key] if v in valid]
    sb = st.sidebar
    sb.markdown("### Filters")
    articles = sb.multiselect(
        "Articles", list(titles), format_func=titles.get, key="f_article", placeholder="All articles"
    )
    date_from = date_to = None
    if len(opts["dates"]) == 2:
        lo, hi = (dt.date.fromisoformat(d) for d in opts["dates"])
        if lo < hi:
            # The range follows the corpus (a new article's date widens it) except at an end the
            # user moved; an end left where it was stays open, so newer articles are never hidden.
            user_lo, user_hi = st.session_state.get("_dates_user", (None, None))
            want = (min(max(user_lo or lo, lo), hi), min(max(user_hi or hi, lo), hi))
            st.session_state["_dates_bounds"] = (lo, hi)
            st.session_state["f_dates"] = want
            sb.date_input("Published between", min_value=lo, max_value=hi, key="f_dates", on_change=_dates_moved)
            date_from = user_lo if user_lo and user_lo > lo else None
            date_to = user_hi if user_hi and user_hi < hi else None
    parties = sb.multiselect("Party", opts["parties"], key="f_party", placeholder="All parties")
    speakers = sb.multiselect(
        "Speaker", list(names), format_func=names.get, key="f_speaker", placeholder="All speakers"
    )
    stances = sb.multiselect("Stance on migration", list(DIRECTIONS), key="f_stance", placeholder="Any stance")
    frames = sb.multiselect("Frame (argument used)", opts["frames"], key="f_frame", placeholder="Any frame")
    search = sb.text_input("Search quotes and speakers", key="f_q", placeholder="e.g. Rwanda")
    sb.button("Clear filters", on_click=_clear_filters, width="stretch")
    filters = Filters(
        articles=tuple(articles),
        date_from=date_from,
        date_to=date_to,
        parties=tuple(parties),
        speakers=tuple(speakers),
        stances=tuple(stances),
        frames=tuple(frames),
        search=search.strip(),
    )
    _sync_url(filters.to_query(), FILTER_KEYS)
    st.session_state["_filters"] = filters
    return filters


def _sync_url(wanted: dict[str, str], keys: tuple[str, ...]) -> None:
    for key in keys:
        if key in wanted:
            if st.query_params.get(key) != wanted[key]:
                st.query_params[key] = wanted[key]
        elif key in st.query_params:
            del st.query_params[key]


def url_param(key: str, value: str | None) -> None:
    """Keep one page-specific choice in the URL (None removes it)."""
    _sync_url({key: value} if value else {}, (key,))
