"""The app's in-memory filters return exactly the rows of the store's SQL filters, in the same order."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

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
def test_sql_filters_keep_only_matching_rows(store, f):
    # The app filters in one place, the store's SQL (ui/caches.py reads these frames).
    quotes, numbers = tables.quotes_frame(store, f), tables.numbers_frame(store, f)
    for frame, who in ((quotes, "speaker_id"), (numbers, "cited_by")):
        if f.parties:
            assert set(frame["party"]) <= set(f.parties)
        if f.speakers:
            assert set(frame[who]) <= set(f.speakers)
        if f.date_from:
            assert all(d >= f.date_from for d in frame["published"])
    if f.stances:
        assert set(quotes["migration"]) <= set(f.stances)
    if f.articles == ("none-such",):
        assert quotes.empty and numbers.empty


def test_synthetic_rows_point_into_their_text(store):
    for row in store.articles()[:5]:
        analysis = store.get_analysis(row.id, refresh=False)
        text = analysis.article.text
        assert len(analysis.quotes) == 7  # 6 + the Home Office
        for item in (*analysis.quotes, *analysis.numbers):
            assert text[item.start : item.end] == item.text
        for sp in analysis.speakers:
            assert all(text[m.start : m.end] == m.text for m in sp.mentions)
