"""Streamlit glue shared by the pages: cached resources, the sidebar filters, downloads.

Not a page itself: `run_app()` is the app shell that app.py runs. Everything here is thin: the
work happens in `analysis/`.

Why `ensure_app()`: Streamlit runs a folder named pages/ beside the entry script as an old-style
multipage app until the first `st.navigation` call of the server, so the very first request can
start a page file without app.py. Such a page hands over to the shell, which then renders it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from analysis.palette import legend_html
from analysis.store import DIRECTIONS, Filters, Store, db_path_from_env

if TYPE_CHECKING:  # pandas and the frames load on first use: the Article page needs neither
    import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BACKGROUND_DELAY_S = 2.0
AUTO_REFRESH_LIMIT = 25  # re-analyse at start-up only small corpora; larger ones on request
FILTER_KEYS = ("article", "from", "to", "party", "speaker", "stance", "frame", "q")


@st.cache_resource(show_spinner="Loading the English language model (once per server)…")
def get_nlp():  # noqa: ANN201 - spaCy's Language
    """The spaCy pipeline, loaded once per server process."""
    from analysis.nlp import load_nlp

    return load_nlp()


@st.cache_resource(show_spinner="Opening the corpus…")
def _open_store(path: str) -> Store:
    store = Store(Path(path))
    if store.meta("seeded") != "1":
        store.load_seeds(SEEDS)  # first start only: the seeds are analysed before the first page
    return store


def _background(store: Store) -> None:
    """Load the model and bring small corpora up to date with the analyser, off the page's path."""
    from analysis.nlp import load_nlp  # lru-cached: get_nlp() and analyze() then reuse it

    try:
        load_nlp()
        if len(store.stale_ids()) <= AUTO_REFRESH_LIMIT:
            store.refresh_stale()
    except Exception:  # a background failure must not take the server down; the log shows it
        logging.getLogger(__name__).exception("background warm-up failed")


@st.cache_resource(show_spinner=False)
def start_background(path: str) -> threading.Thread:
    """Start `_background` once per server and database, a moment after the first page is drawn.

    The delay matters: importing spaCy holds the GIL, and the first page's messages are sent
    by the server's event loop in this same process.
    """
    thread = threading.Timer(BACKGROUND_DELAY_S, _background, args=(_open_store(path),))
    thread.name, thread.daemon = "stance-warm-up", True
    thread.start()
    return thread


def get_store() -> Store:
    """The corpus store for $STANCE_EXPLORER_DB (default data/corpus.db), opened once."""
    return _open_store(str(db_path_from_env().resolve()))


def current_filters() -> Filters:
    """The filters the sidebar set on this run."""
    return st.session_state.get("_filters", Filters())


# -- cached frames: keyed on the corpus's data version, so any change invalidates them -----


def _key(store: Store, filters: Filters) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return str(store.path), store.data_version(), tuple(sorted(filters.to_query().items()))


@st.cache_data(show_spinner=False, max_entries=32)
def _quotes(path: str, version: str, fq: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    from analysis import tables

    return tables.quotes_frame(_open_store(path), Filters.from_query(dict(fq)))


@st.cache_data(show_spinner=False, max_entries=32)
def _numbers(path: str, version: str, fq: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    from analysis import tables

    return tables.numbers_frame(_open_store(path), Filters.from_query(dict(fq)))


@st.cache_data(show_spinner=False, max_entries=64)
def _derived(path: str, version: str, fq: tuple[tuple[str, str], ...], name: str) -> pd.DataFrame:
    from analysis import tables

    quotes = _quotes(path, version, fq)
    if name == "speakers":
        return tables.speakers_frame(quotes)
    if name == "positions":
        return tables.positions_frame(quotes)
    if name == "targets":
        return tables.targets_frame(quotes[quotes["about_migration"]] if not quotes.empty else quotes)
    raise ValueError(name)


@st.cache_data(show_spinner=False, max_entries=8)
def _options(path: str, version: str) -> dict:
    return _open_store(path).options()


def quotes_df(store: Store, filters: Filters) -> pd.DataFrame:
    """The filtered quotes frame (cached)."""
    return _quotes(*_key(store, filters))


def numbers_df(store: Store, filters: Filters) -> pd.DataFrame:
    """The filtered numbers frame (cached)."""
    return _numbers(*_key(store, filters))


def derived_df(store: Store, filters: Filters, name: str) -> pd.DataFrame:
    """A frame derived from the filtered quotes: 'speakers', 'positions' or 'targets' (cached)."""
    return _derived(*_key(store, filters), name)


def options(store: Store) -> dict:
    """What the filters can choose from (cached)."""
    return _options(str(store.path), store.data_version())


# -- sidebar -------------------------------------------------------------------------------


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
    if f.date_from or f.date_to:
        st.session_state["f_dates"] = tuple(d for d in (f.date_from, f.date_to) if d)


def _clear_filters() -> None:
    for key in ("f_article", "f_party", "f_speaker", "f_stance", "f_frame"):
        st.session_state[key] = []
    st.session_state["f_q"] = ""
    st.session_state.pop("f_dates", None)


def sidebar_filters(store: Store) -> Filters:
    """Draw the shared filters, keep them in the URL and return them."""
    opts = options(store)
    _init_from_url(opts)
    titles = {a[0]: f"{a[1] or a[0]} ({a[2] or 'no date'})" for a in opts["articles"]}
    names = {s[0]: f"{s[1]} ({s[2]})" for s in opts["speakers"]}
    # Drop choices that no longer exist (an article deleted in another tab).
    for key, valid in (("f_article", titles), ("f_speaker", names), ("f_party", opts["parties"]),
                       ("f_frame", opts["frames"])):
        if key in st.session_state:
            st.session_state[key] = [v for v in st.session_state[key] if v in valid]
    sb = st.sidebar
    sb.markdown("### Filters")
    articles = sb.multiselect("Articles", list(titles), format_func=titles.get, key="f_article",
                              placeholder="All articles")
    date_from = date_to = None
    if len(opts["dates"]) == 2:
        lo, hi = (dt.date.fromisoformat(d) for d in opts["dates"])
        if lo < hi:
            default = st.session_state.get("f_dates", (lo, hi))
            st.session_state["f_dates"] = tuple(min(max(d, lo), hi) for d in default)
            picked = sb.date_input("Published between", min_value=lo, max_value=hi, key="f_dates")
            if isinstance(picked, tuple | list) and len(picked) == 2:
                date_from = picked[0] if picked[0] > lo else None
                date_to = picked[1] if picked[1] < hi else None
    parties = sb.multiselect("Party", opts["parties"], key="f_party", placeholder="All parties")
    speakers = sb.multiselect("Speaker", list(names), format_func=names.get, key="f_speaker",
                              placeholder="All speakers")
    stances = sb.multiselect("Stance on migration", list(DIRECTIONS), key="f_stance",
                             placeholder="Any stance")
    frames = sb.multiselect("Frame (argument used)", opts["frames"], key="f_frame",
                            placeholder="Any frame")
    search = sb.text_input("Search quotes and speakers", key="f_q", placeholder="e.g. Rwanda")
    sb.button("Clear filters", on_click=_clear_filters, width="stretch")
    filters = Filters(
        articles=tuple(articles), date_from=date_from, date_to=date_to, parties=tuple(parties),
        speakers=tuple(speakers), stances=tuple(stances), frames=tuple(frames),
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


def downloads(store: Store, filters: Filters, *, where=st.sidebar) -> None:
    """CSV and JSON downloads of the filtered quotes and numbers, built only when clicked."""
    where.markdown("### Download (filtered)")

    def export(kind: str, fmt: str):
        def build() -> str:
            from analysis import tables

            frame = tables.quotes_frame(store, filters) if kind == "quotes" else tables.numbers_frame(store, filters)
            out = tables.export_frame(frame, kind)
            return out.to_csv(index=False) if fmt == "csv" else _json(out)

        return build

    c1, c2 = where.columns(2)
    for col, kind, fmt, mime in (
        (c1, "quotes", "csv", "text/csv"), (c2, "quotes", "json", "application/json"),
        (c1, "numbers", "csv", "text/csv"), (c2, "numbers", "json", "application/json"),
    ):
        col.download_button(f"{kind.title()} {fmt.upper()}", data=export(kind, fmt), file_name=f"{kind}.{fmt}",
                            mime=mime, key=f"dl_{kind}_{fmt}", on_click="ignore")


def _json(df: pd.DataFrame) -> str:
    if df.empty:
        return "[]"
    return json.dumps(json.loads(df.to_json(orient="records", force_ascii=False)), indent=1,
                      ensure_ascii=False)


def legend(entries: list[tuple[str, str]]) -> None:
    """A row of colour chips."""
    if entries:
        st.html(legend_html(entries))


def empty_state(message: str, *, corpus_link: bool = True) -> None:
    """Say what is missing and what to do next."""
    st.info(message, icon=":material/info:")
    if corpus_link:
        st.page_link("pages/corpus.py", label="Add articles on the Corpus page", icon=":material/add_circle:")


# (path, title, icon): the pages in navigation order; the first is the default.
PAGES = (
    ("pages/article.py", "Article", ":material/article:"),
    ("pages/speakers.py", "Who said what", ":material/record_voice_over:"),
    ("pages/stance.py", "Stance", ":material/explore:"),
    ("pages/numbers.py", "Numbers", ":material/bar_chart:"),
    ("pages/compare.py", "Compare", ":material/compare_arrows:"),
    ("pages/how_it_works.py", "How it works", ":material/school:"),
    ("pages/corrections.py", "Corrections", ":material/edit_note:"),
    ("pages/corpus.py", "Corpus", ":material/library_books:"),
)
_RUN = threading.local()  # per script-run thread: is the shell rendering a page right now?


def run_app() -> None:
    """The app shell: page config, navigation, shared sidebar, then the chosen page."""
    st.set_page_config(page_title="Stance Explorer", page_icon=":material/newspaper:", layout="wide")
    pages = [st.Page(path, title=title, icon=icon, default=i == 0) for i, (path, title, icon) in enumerate(PAGES)]
    page = st.navigation(pages)
    store = get_store()
    filters = sidebar_filters(store)
    downloads(store, filters)
    _RUN.active = True
    try:
        page.run()
    finally:
        _RUN.active = False
    start_background(str(store.path))  # model warm-up and stale re-analysis, once per server


def ensure_app() -> None:
    """Run the shell instead when a page file was started without it (see the module docstring)."""
    if getattr(_RUN, "active", False):
        return
    run_app()
    st.stop()
