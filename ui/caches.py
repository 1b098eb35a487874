"""Cached resources: the model, the store, the corpus frames and their views.

Everything is keyed on the corpus's data version, so any change to the corpus invalidates it.
Filtering happens in one place, the store's SQL (`Store.query_quotes` / `query_numbers`, through
`analysis.tables`): a filtered frame is read once per data version and filter combination and
shared between sessions (st.cache_resource: no copy per run). Pages and `analysis.tables` only
read these frames, never modify them in place.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from analysis.store import Filters, Store, db_path_from_env

if TYPE_CHECKING:  # pandas and the frames load on first use: the Article page needs neither
    import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BACKGROUND_DELAY_S = 2.0
AUTO_REFRESH_LIMIT = 25  # re-analyse at start-up only small corpora; larger ones on request
CORPUS_SHOWN = 300  # articles listed on the Corpus page: the newest by publication date
_RUN = threading.local()  # per script-run thread: is the shell rendering a page, and what it read


@st.cache_resource(show_spinner="Loading the English language model (once per server)…")
def get_nlp():  # spaCy's Language
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
        warm_caches(store)  # large corpora: the frames take seconds to build; better now than on a page
        load_nlp()
        if len(store.stale_ids()) <= AUTO_REFRESH_LIMIT:
            store.refresh_stale()
    except Exception:  # a background failure must not take the server down; the log shows it
        logging.getLogger(__name__).exception("background warm-up failed")


@st.cache_resource(show_spinner=False, max_entries=4)
def start_background(path: str, version: str) -> threading.Thread:
    """Start `_background` once per server, database and corpus version, a moment after a page is drawn.

    After a corpus change this rebuilds the frames for the new version before a visitor asks.
    The delay matters: importing spaCy holds the GIL, and the first page's messages are sent
    by the server's event loop in this same process.
    """
    thread = threading.Timer(BACKGROUND_DELAY_S, _background, args=(_open_store(path),))
    thread.name, thread.daemon = f"stance-warm-up-{version}", True
    thread.start()
    return thread


_FREEZE_LOCK = threading.Lock()


def _freeze_long_lived() -> None:
    """Take the warm caches out of the garbage collector's full passes.

    The corpus frames hold about 175,000 tracked objects at 10,000 articles, and a full
    collection that walks them stalls whatever page is running by 120 to 180 ms. Frozen objects
    are still freed by reference counting; `gc.unfreeze()` first hands the previous corpus
    version's objects back to the collector.
    """
    with _FREEZE_LOCK:
        gc.unfreeze()
        gc.collect()
        gc.freeze()


def get_store() -> Store:
    """The corpus store for $STANCE_EXPLORER_DB (default data/corpus.db), opened once."""
    return _open_store(str(db_path_from_env().resolve()))


def current_filters() -> Filters:
    """The filters the sidebar set on this run."""
    return st.session_state.get("_filters", Filters())


def _version(store: Store) -> str:
    """The corpus's data version, read once per script run (a page asks for it a dozen times).

    Writes happen in widget callbacks, which run before the script, or are followed by a rerun.
    """
    memo = getattr(_RUN, "versions", None)
    if memo is None:  # outside a page run (the warm-up thread): read it each time
        return store.data_version()
    key = str(store.path)
    if key not in memo:  # analysed_at keeps microseconds: an edit or a re-analysis always moves it
        memo[key] = store.data_version()
    return memo[key]


def _key(store: Store, filters: Filters) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return str(store.path), _version(store), tuple(sorted(filters.to_query().items()))


@st.cache_resource(show_spinner=False, max_entries=32)
def _quotes(path: str, version: str, fq: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    """The quotes the store's SQL filters give (the whole corpus with no filters)."""
    from analysis import tables

    return tables.quotes_frame(_open_store(path), Filters.from_query(dict(fq)))


@st.cache_resource(show_spinner=False, max_entries=32)
def _numbers(path: str, version: str, fq: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    """The figures the store's SQL filters give (stance and frame filters do not apply to figures)."""
    from analysis import tables

    return tables.numbers_frame(_open_store(path), Filters.from_query(dict(fq)))


@st.cache_resource(show_spinner=False, max_entries=128)
def _derived(path: str, version: str, fq: tuple[tuple[str, str], ...], name: str):
    from analysis import tables

    return tables.DERIVED_VIEWS[name](_quotes(path, version, fq))


@st.cache_resource(show_spinner=False, max_entries=64)
def _number_derived(path: str, version: str, fq: tuple[tuple[str, str], ...], name: str):
    from analysis import tables

    return tables.NUMBER_VIEWS[name](_numbers(path, version, fq))


@st.cache_resource(show_spinner=False, max_entries=8)  # shared, not unpickled per run: read it, never modify it
def _options(path: str, version: str) -> dict:
    return _open_store(path).options()


def warm_caches(store: Store) -> None:
    """Build the sidebar options and the corpus frames now, so the first list page is fast."""
    import plotly.express  # the chart pages' imports take about 0.5 s the first time
    import plotly.graph_objects  # noqa: F401

    path, version = str(store.path), store.data_version()
    _options(path, version)
    _quotes(path, version, ())
    _numbers(path, version, ())
    from analysis import tables

    for name in tables.DERIVED_VIEWS:  # the unfiltered views every page opens on
        _derived(path, version, (), name)
    for name in tables.NUMBER_VIEWS:
        _number_derived(path, version, (), name)
    _corpus_listing(path, version, CORPUS_SHOWN)
    _freeze_long_lived()


def quotes_df(store: Store, filters: Filters) -> pd.DataFrame:
    """The filtered quotes frame (cached; shared between sessions, so read it, never modify it)."""
    return _quotes(*_key(store, filters))


def _number_filters(f: Filters) -> Filters:
    return replace(f, stances=(), frames=())


def numbers_df(store: Store, filters: Filters) -> pd.DataFrame:
    """The filtered numbers frame (cached; shared between sessions, so read it, never modify it)."""
    return _numbers(*_key(store, _number_filters(filters)))


def number_view(store: Store, filters: Filters, name: str):  # a frame or a row map
    """A view of the filtered figures named in `analysis.tables.NUMBER_VIEWS` (cached, shared: read only)."""
    return _number_derived(*_key(store, _number_filters(filters)), name)


@st.cache_resource(show_spinner=False, max_entries=256)
def _chart_points(path: str, version: str, fq: tuple[tuple[str, str], ...], group: str, limit: int) -> pd.DataFrame:
    from analysis import tables

    rows = _number_derived(path, version, fq, "rows_by_metric").get(group, [])
    return tables.chart_points(_numbers(path, version, fq), rows, limit)


def chart_points(store: Store, filters: Filters, group: str, limit: int) -> pd.DataFrame:
    """`analysis.tables.chart_points` for one metric group of the filtered figures (cached, shared)."""
    return _chart_points(*_key(store, _number_filters(filters)), group, limit)


def derived_df(store: Store, filters: Filters, name: str):  # a frame or a row map
    """A view of the filtered quotes named in `analysis.tables.DERIVED_VIEWS` (cached, shared: read only)."""
    return _derived(*_key(store, filters), name)


@st.cache_resource(show_spinner=False, max_entries=8)
def _corpus_listing(path: str, version: str, limit: int) -> tuple[list, list[str]]:
    store = _open_store(path)
    return store.articles(limit=limit), store.stale_ids()


def corpus_listing(store: Store, limit: int) -> tuple[list, list[str]]:
    """The `limit` newest articles (`Store.articles`) and the ids of all out-of-date ones (cached, shared)."""
    return _corpus_listing(str(store.path), _version(store), limit)


def options(store: Store) -> dict:
    """What the filters can choose from (cached)."""
    return _options(str(store.path), _version(store))


@st.cache_resource(show_spinner=False, max_entries=4)
def _quote_terms(path: str, version: str) -> dict[tuple[str, str], str]:
    from analysis.tables.quote_governments import quote_terms

    return quote_terms(_open_store(path))


@st.cache_resource(show_spinner=False, max_entries=64)
def _government_rows(path: str, version: str, fq: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    import numpy as np

    from analysis.tables.quote_governments import term_ids

    quotes = _quotes(path, version, fq)
    terms = term_ids(quotes, _quote_terms(path, version))
    about = quotes["about_migration"].to_numpy(dtype=bool) if not quotes.empty else np.array([], dtype=bool)
    out: dict[str, Any] = {}
    for term in dict.fromkeys(terms[about]):
        out[term] = np.flatnonzero(about & (terms == term))
    return dict(sorted(out.items(), key=lambda kv: (-len(kv[1]), kv[0] == "", kv[0])))


def government_rows(store: Store, filters: Filters) -> dict[str, Any]:
    """Row positions of the filtered quotes about migration, per government they are measured
    against (`analysis.tables.quote_governments`); the government with most quotes first (cached, shared)."""
    return _government_rows(*_key(store, filters))


@st.cache_resource(show_spinner=False, max_entries=128)
def _government_positions(path: str, version: str, fq: tuple[tuple[str, str], ...], term: str) -> pd.DataFrame:
    from analysis import tables

    rows = _government_rows(path, version, fq).get(term)
    quotes = _quotes(path, version, fq)
    return tables.positions_frame(quotes.iloc[rows] if rows is not None else quotes.iloc[:0])


def government_positions(store: Store, filters: Filters, term: str) -> pd.DataFrame:
    """`analysis.tables.positions_frame` of the quotes measured against one government (cached, shared)."""
    return _government_positions(*_key(store, filters), term)


@st.cache_resource(show_spinner=False, max_entries=64)
def _trend(path: str, version: str, fq: tuple[tuple[str, str], ...], kind: str, period: str, by: str) -> pd.DataFrame:
    from analysis.tables import trends

    if kind == "stance":
        return trends.stance_over_time(_quotes(path, version, fq), period=period, by=by)  # type: ignore[arg-type]
    return trends.figures_over_time(_numbers(path, version, fq), period=period, by=by)  # type: ignore[arg-type]


def trend(store: Store, filters: Filters, kind: str, period: str, by: str) -> pd.DataFrame:
    """`analysis.tables.trends.stance_over_time` ('stance') or `figures_over_time` ('figures') of the filtered corpus (cached)."""
    f = filters if kind == "stance" else _number_filters(filters)
    return _trend(*_key(store, f), kind, period, by)


def filters_key(filters: Filters) -> tuple[tuple[str, str], ...]:
    """The filters as a hashable cache key."""
    return tuple(sorted(filters.to_query().items()))


@st.cache_resource(show_spinner=False, max_entries=1024)
def _memo(path: str, version: str, name: str, key: tuple, _build: Callable[[], Any]) -> Any:
    return _build()


def memo(store: Store, name: str, key: tuple, build: Callable[[], Any]) -> Any:
    """`build()` once per corpus version, `name` and `key`, shared between sessions.

    For what a rerun would otherwise rebuild: rendered HTML, chart figures, a page's tables.
    `key` must hold everything the result depends on besides the corpus (filters, page choices).
    The result is shared: read it, never modify it.
    """
    return _memo(str(store.path), _version(store), name, key, build)
