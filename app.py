"""Stance Explorer: who said what about migration, where they stand, and the numbers they use.

Run with `streamlit run app.py`. This file only sets up the pages and the shared sidebar.
The pages live in app_pages/, not pages/: Streamlit treats a folder named pages/ next to the
entry script as an old-style multipage app and runs its files without this script.
"""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from app_pages._common import downloads, get_store, sidebar_filters, start_background  # noqa: E402

st.set_page_config(page_title="Stance Explorer", page_icon=":material/newspaper:", layout="wide")

PAGES = [
    st.Page("app_pages/article.py", title="Article", icon=":material/article:", default=True),
    st.Page("app_pages/speakers.py", title="Who said what", icon=":material/record_voice_over:"),
    st.Page("app_pages/stance.py", title="Stance", icon=":material/explore:"),
    st.Page("app_pages/numbers.py", title="Numbers", icon=":material/bar_chart:"),
    st.Page("app_pages/compare.py", title="Compare", icon=":material/compare_arrows:"),
    st.Page("app_pages/how_it_works.py", title="How it works", icon=":material/school:"),
    st.Page("app_pages/corpus.py", title="Corpus", icon=":material/library_books:"),
]

page = st.navigation(PAGES)
store = get_store()
filters = sidebar_filters(store)
downloads(store, filters)
page.run()
start_background(str(store.path))  # model warm-up and stale re-analysis, once per server
