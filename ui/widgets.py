"""Small page widgets: colour legends, empty states, the article picker."""

from __future__ import annotations

import streamlit as st

from analysis.store import Filters, Store
from ui.article_html import legend_html
from ui.caches import options


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 quote', '2 quotes', '1,204 quotes'."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def legend(entries: list[tuple[str, str]]) -> None:
    """A row of colour chips."""
    if entries:
        st.html(legend_html(entries))


def empty_state(message: str, *, corpus_link: bool = True) -> None:
    """Say what is missing and what to do next."""
    st.info(message, icon=":material/info:")
    if corpus_link:
        st.page_link("pages/corpus.py", label="Add articles on the Corpus page", icon=":material/add_circle:")


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
