"""Streamlit glue shared by the pages: cached resources, the sidebar filters, downloads.

Not a page itself: `run_app()` is the app shell that app.py runs. Everything here is thin: the
work happens in `analysis/`.

Why `ensure_app()`: Streamlit runs a folder named pages/ beside the entry script as an old-style
multipage app until the first `st.navigation` call of the server, so the very first request can
start a page file without app.py. Such a page hands over to the shell, which then renders it.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import logging
import threading
from dataclasses import replace
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
CORPUS_SHOWN = 300  # articles listed on the Corpus page: the newest by publication date
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


# -- cached frames: keyed on the corpus's data version, so any change invalidates them -----
#
# At scale (docs/scale.md: 10,000 articles, 110,000 quotes) rebuilding a frame from SQL takes
# seconds, and st.cache_data would unpickle a copy of it on every rerun. So the whole corpus's
# quotes and figures are read once per data version into one shared frame (st.cache_resource:
# no copy), and a filter change only masks that frame in memory. The masks mirror the SQL
# filters of `Store.query_quotes` / `query_numbers`; tests/test_scale_read.py keeps them equal.
# Pages and `analysis.tables` only read these frames, never modify them in place.


def _version(store: Store) -> str:
    """The corpus's data version, read once per script run (a page asks for it a dozen times).

    Writes happen in widget callbacks, which run before the script, or are followed by a rerun.
    """
    memo = getattr(_RUN, "versions", None)
    if memo is None:  # outside a page run (the warm-up thread): read it each time
        return store.data_version()
    key = str(store.path)
    if key not in memo:
        memo[key] = store.data_version()
    return memo[key]


def _key(store: Store, filters: Filters) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return str(store.path), _version(store), tuple(sorted(filters.to_query().items()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _corpus_frame(path: str, version: str, kind: str) -> pd.DataFrame:
    """Every quote ('quotes') or figure ('numbers') of the corpus, built once per data version."""
    from analysis import tables

    store = _open_store(path)
    return tables.quotes_frame(store) if kind == "quotes" else tables.numbers_frame(store)


def _contains(values: pd.Series, needle: str) -> pd.Series:
    """Case-insensitive substring test, like SQL LIKE '%needle%'; missing values never match."""
    import numpy as np
    import pandas as pd

    if isinstance(values.dtype, pd.CategoricalDtype):  # test each distinct value once
        hits = values.cat.categories.astype(str).str.contains(needle, case=False, regex=False)
        codes = values.cat.codes.to_numpy()
        return pd.Series((codes >= 0) & np.asarray(hits, dtype=bool)[codes], index=values.index)
    return values.fillna("").astype(str).str.contains(needle, case=False, regex=False)


def _common_mask(df: pd.DataFrame, f: Filters, speaker_col: str) -> pd.Series:
    import pandas as pd

    mask = pd.Series(True, index=df.index)
    if f.articles:
        mask &= df["article_id"].isin(f.articles)
    if f.date_from or f.date_to:
        lo, hi = f.date_from, f.date_to
        mask &= (
            df["published"]
            .map(lambda d: d is not None and d == d and (lo is None or d >= lo) and (hi is None or d <= hi))
            .astype(bool)
        )
    if f.parties:
        mask &= df["party"].isin(f.parties)
    if f.speakers:
        mask &= df[speaker_col].isin(f.speakers)
    return mask


def filter_quotes(df: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The rows of a quotes frame that `Store.query_quotes(f)` would return, in the same order."""
    if df.empty or f == Filters():
        return df
    mask = _common_mask(df, f, "speaker_id")
    if f.stances:
        mask &= df["migration"].isin(f.stances)
    if f.frames:
        wanted = set(f.frames)
        hit = {t: bool(wanted.intersection(t)) for t in set(df["frames"])}
        mask &= df["frames"].map(hit).astype(bool)
    if f.search:
        named = df["speaker"].where(df["speaker"] != "Unattributed")
        mask &= _contains(df["text"], f.search) | _contains(named, f.search)
    return df[mask]


def filter_numbers(df: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The rows of a numbers frame that `Store.query_numbers(f)` would return, in the same order."""
    if df.empty or _number_filters(f) == Filters():  # stance and frame filters do not apply to figures
        return df
    mask = _common_mask(df, f, "cited_by")
    if f.search:
        cited = df["cited_by_name"].where(df["cited_by"].notna())
        mask &= _contains(df["sentence"], f.search) | _contains(df["metric"], f.search) | _contains(cited, f.search)
    return df[mask]


@st.cache_resource(show_spinner=False, max_entries=16)
def _quotes(path: str, version: str, fq: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    return filter_quotes(_corpus_frame(path, version, "quotes"), Filters.from_query(dict(fq)))


@st.cache_resource(show_spinner=False, max_entries=16)
def _numbers(path: str, version: str, fq: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    return filter_numbers(_corpus_frame(path, version, "numbers"), Filters.from_query(dict(fq)))


@st.cache_resource(show_spinner=False, max_entries=128)
def _derived(path: str, version: str, fq: tuple[tuple[str, str], ...], name: str):  # noqa: ANN202
    from analysis import tables

    return tables.DERIVED_VIEWS[name](_quotes(path, version, fq))


@st.cache_resource(show_spinner=False, max_entries=64)
def _number_derived(path: str, version: str, fq: tuple[tuple[str, str], ...], name: str):  # noqa: ANN202
    from analysis import tables

    return tables.NUMBER_VIEWS[name](_numbers(path, version, fq))


@st.cache_resource(show_spinner=False, max_entries=8)  # shared, not unpickled per run: read it, never modify it
def _options(path: str, version: str) -> dict:
    return _open_store(path).options()


def warm_caches(store: Store) -> None:
    """Build the sidebar options and the corpus frames now, so the first list page is fast."""
    import plotly.express  # noqa: F401 - the chart pages' imports take about 0.5 s the first time
    import plotly.graph_objects  # noqa: F401

    path, version = str(store.path), store.data_version()
    _options(path, version)
    for kind in ("quotes", "numbers"):
        _corpus_frame(path, version, kind)
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


def number_view(store: Store, filters: Filters, name: str):  # noqa: ANN201 - a frame or a row map
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


def derived_df(store: Store, filters: Filters, name: str):  # noqa: ANN201 - a frame or a row map
    """A view of the filtered quotes named in `analysis.tables.DERIVED_VIEWS` (cached, shared: read only)."""
    return _derived(*_key(store, filters), name)


@st.cache_resource(show_spinner=False, max_entries=8)
def _corpus_listing(path: str, version: str, limit: int) -> tuple[list, list[str]]:
    store = _open_store(path)
    return store.articles(limit=limit), store.stale_ids()


def corpus_listing(store: Store, limit: int) -> tuple[list, list[str]]:
    """The `limit` newest articles (`Store.articles`) and the ids of all out-of-date ones (cached, shared)."""
    return _corpus_listing(str(store.path), _version(store), limit)


def articles_to_pick(store: Store, filters: Filters) -> list[tuple[str, str | None, str | None]]:
    """(id, title, published) of the articles a one-article page offers: those chosen in the
    sidebar's Articles filter, else all. With none, the page says so and stops."""
    arts = options(store)["articles"]
    if filters.articles:
        arts = [a for a in arts if a[0] in filters.articles]
    if not arts:
        empty_state("There are no articles yet (or none match the filters).")
        st.stop()
    return arts


def options(store: Store) -> dict:
    """What the filters can choose from (cached)."""
    return _options(str(store.path), _version(store))


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
            default = st.session_state.get("f_dates", (lo, hi))
            st.session_state["f_dates"] = tuple(min(max(d, lo), hi) for d in default)
            picked = sb.date_input("Published between", min_value=lo, max_value=hi, key="f_dates")
            if isinstance(picked, tuple | list) and len(picked) == 2:
                date_from = picked[0] if picked[0] > lo else None
                date_to = picked[1] if picked[1] < hi else None
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
        (c1, "quotes", "csv", "text/csv"),
        (c2, "quotes", "json", "application/json"),
        (c1, "numbers", "csv", "text/csv"),
        (c2, "numbers", "json", "application/json"),
    ):
        col.download_button(
            f"{kind.title()} {fmt.upper()}",
            data=export(kind, fmt),
            file_name=f"{kind}.{fmt}",
            mime=mime,
            key=f"dl_{kind}_{fmt}",
            on_click="ignore",
        )


def _json(df: pd.DataFrame) -> str:
    if df.empty:
        return "[]"
    return json.dumps(json.loads(df.to_json(orient="records", force_ascii=False)), indent=1, ensure_ascii=False)


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
    _RUN.versions = {}  # data versions read during this run (see _version)
    store = get_store()
    filters = sidebar_filters(store)
    downloads(store, filters)
    _RUN.active = True
    try:
        page.run()
    finally:
        _RUN.active = False
        _RUN.versions = None
    start_background(str(store.path), _version(store))  # warm-up, once per corpus version


def ensure_app() -> None:
    """Run the shell instead when a page file was started without it (see the module docstring)."""
    if getattr(_RUN, "active", False):
        return
    run_app()
    st.stop()
