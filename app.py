"""Stance Explorer: who said what about migration, where they stand, and the numbers they use.

Run with `streamlit run app.py`. This file only sets up the pages and the shared sidebar.
"""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages._common import downloads, get_store, numbers_df, quotes_df, sidebar_filters  # noqa: E402

st.set_page_config(page_title="Stance Explorer", page_icon="🗞️", layout="wide")

PAGES = [
    st.Page("pages/article.py", title="Article", icon="📰", default=True),
    st.Page("pages/speakers.py", title="Who said what", icon="🗣️"),
    st.Page("pages/stance.py", title="Stance", icon="🧭"),
    st.Page("pages/numbers.py", title="Numbers", icon="🔢"),
    st.Page("pages/compare.py", title="Compare", icon="⚖️"),
    st.Page("pages/how_it_works.py", title="How it works", icon="🔍"),
    st.Page("pages/corpus.py", title="Corpus", icon="🗂️"),
]

page = st.navigation(PAGES)
store = get_store()
filters = sidebar_filters(store)
downloads(quotes_df(store, filters), numbers_df(store, filters))
page.run()
