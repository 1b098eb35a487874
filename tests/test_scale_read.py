"""The app's in-memory filters return exactly the rows of the store's SQL filters, in the same order."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import tables
from analysis.store import Filters, Store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from generate_corpus import build_synthetic_store  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    db = tmp_path_factory.mktemp("scale") / "corpus.db"
    build_synthetic_store(db, 40, quotes=6, quiet=True)
    return Store(db)


FILTERS = [
    Filters(),
    Filters(speakers=("keir-starmer", "nigel-farage")),
    Filters(parties=("Labour",)),
    Filters(parties=("Conservative", "Green"), stances=("open", "restrictive")),
    Filters(stances=("neutral",)),
    Filters(frames=("humanitarian", "security and crime")),
    Filters(search="rwanda"),
    Filters(search="Patel"),
    Filters(search="net migration"),
    Filters(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31)),
    Filters(articles=("none-such",)),
]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: str(f.to_query()) or "none")
def test_memory_filters_equal_sql_filters(store, f):
    from pages._common import filter_numbers, filter_quotes

    all_quotes, all_numbers = tables.quotes_frame(store), tables.numbers_frame(store)
    got = filter_quotes(all_quotes, f).reset_index(drop=True)
    want = tables.quotes_frame(store, f).reset_index(drop=True)
    assert list(zip(got["article_id"], got["quote_id"])) == list(zip(want["article_id"], want["quote_id"]))
    if not want.empty:
        # Same rows and values; a masked frame keeps the whole corpus's category list.
        pd.testing.assert_frame_equal(got, want, check_categorical=False)
    got_n = filter_numbers(all_numbers, f).reset_index(drop=True)
    want_n = tables.numbers_frame(store, f).reset_index(drop=True)
    assert list(zip(got_n["article_id"], got_n["number_id"])) == list(zip(want_n["article_id"], want_n["number_id"]))


def test_synthetic_rows_point_into_their_text(store):
    for row in store.articles()[:5]:
        analysis = store.get_analysis(row.id, refresh=False)
        text = analysis.article.text
        assert len(analysis.quotes) == 7  # 6 + the Home Office
        for item in (*analysis.quotes, *analysis.numbers):
            assert text[item.start : item.end] == item.text
        for sp in analysis.speakers:
            assert all(text[m.start : m.end] == m.text for m in sp.mentions)
