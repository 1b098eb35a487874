"""The app shell: page config, navigation, the shared sidebar, then the chosen page.

Why `ensure_app()`: Streamlit runs a folder named pages/ beside the entry script as an old-style
multipage app until the first `st.navigation` call of the server, so the very first request can
start a page file without app.py. Such a page hands over to the shell, which then renders it.
"""

from __future__ import annotations

import os
import time

import streamlit as st

from ui.caches import _RUN, _version, get_store, start_background
from ui.downloads import downloads
from ui.sidebar import sidebar_filters

# (path, title, icon): the pages in navigation order; the first is the default.
PAGES = (
    ("pages/article.py", "Article", ":material/article:"),
    ("pages/speakers.py", "Who said what", ":material/record_voice_over:"),
    ("pages/stance.py", "Stance", ":material/explore:"),
    ("pages/numbers.py", "Numbers", ":material/bar_chart:"),
    ("pages/trends.py", "Trends", ":material/timeline:"),
    ("pages/compare.py", "Compare", ":material/compare_arrows:"),
    ("pages/how_it_works.py", "How it works", ":material/school:"),
    ("pages/corrections.py", "Corrections", ":material/edit_note:"),
    ("pages/corpus.py", "Corpus", ":material/library_books:"),
)


RUN_LOG = os.environ.get("STANCE_EXPLORER_RUN_LOG")  # a file: one line per script run (load tests)


def run_app() -> None:
    """The app shell: page config, navigation, shared sidebar, then the chosen page."""
    started, cpu = time.perf_counter(), time.thread_time()
    try:
        _run_app()
    finally:
        if RUN_LOG:
            _log_run(started, cpu)


def _log_run(started: float, cpu: float) -> None:
    """Append the run's page, wall and CPU milliseconds (the script run) and this server process's id."""
    page = getattr(_RUN, "page_title", "?")  # not session state: after st.stop() Streamlit calls raise
    with open(RUN_LOG, "a", encoding="utf-8") as fh:  # one short line, appended
        wall, used = (time.perf_counter() - started) * 1000, (time.thread_time() - cpu) * 1000
        fh.write(f"{page}\t{wall:.1f}\t{used:.1f}\t{os.getpid()}\n")


def _run_app() -> None:
    st.set_page_config(page_title="Stance Explorer", page_icon=":material/newspaper:", layout="wide")
    pages = [st.Page(path, title=title, icon=icon, default=i == 0) for i, (path, title, icon) in enumerate(PAGES)]
    page = st.navigation(pages)
    if RUN_LOG:  # (outside a server, st.navigation returns a stand-in without a title)
        _RUN.page_title = getattr(page, "title", "?")
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
