"""The corpus store: WAL, recompute rules, duplicates, transactions, queries."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from analysis import serialization
from analysis.store import Filters, Store, add_files
from tests.app_fixtures import FAKE_VERSION, fake_analyze, seed_text

OTHER = (
    "Home Secretary warns on asylum\n"
    "Jane Doe, the home secretary, said: “We will cut the asylum backlog this year.”\n"
    "Asylum claims rose to 84,000 in 2024.\n"
)


class CountingAnalyser:
    """fake_analyze with a call counter and a settable version."""

    def __init__(self, version: str = FAKE_VERSION) -> None:
        self.calls = 0
        self.version = version

    def __call__(self, text, **kw):
        self.calls += 1
        return fake_analyze(text, version=self.version, **kw)


@pytest.fixture
def analyser() -> CountingAnalyser:
    return CountingAnalyser()


@pytest.fixture
def store(tmp_path, analyser) -> Store:
    return Store(tmp_path / "sub" / "corpus.db", analyser=analyser, version=analyser.version)


def test_created_on_first_use_in_wal_mode(store):
    assert store.path.exists()
    assert store.journal_mode() == "wal"
    with sqlite3.connect(store.path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "analyses", "quotes", "speakers", "numbers", "quotes_speaker", "numbers_group"} <= names


def test_add_stores_article_analysis_and_rows(store):
    res = store.add(seed_text(), title="Seed", published="2025-05-15", source="LBC")
    assert res.status == "added"
    (row,) = store.articles()
    assert (row.title, row.published, row.source, row.quotes, row.stale) == (
        "Seed",
        dt.date(2025, 5, 15),
        "LBC",
        16,
        False,
    )
    analysis = store.get_analysis(res.article_id)
    assert analysis.article.text == seed_text()
    for q in analysis.quotes:
        assert analysis.article.text[q.start : q.end] == q.text
    assert len(store.query_quotes(Filters(speakers=("chris-philp",)))) == 7
    assert {r["text"] for r in store.query_numbers()} >= {"12,699", "95%"}


def test_duplicate_text_is_detected_without_analysing_again(store, analyser):
    first = store.add(seed_text())
    calls = analyser.calls
    second = store.add(seed_text().replace("\n", "\r\n") + "\n\n")
    assert second.status == "duplicate" and second.article_id == first.article_id
    assert analyser.calls == calls
    assert store.count() == 1


def test_recomputed_only_when_version_or_text_changes(tmp_path, analyser):
    path = tmp_path / "c.db"
    store = Store(path, analyser=analyser, version="v1")
    analyser.version = "v1"
    aid = store.add(OTHER).article_id
    assert analyser.calls == 1
    # Reading, reopening and refreshing with the same version: no new analysis.
    store.get_analysis(aid)
    reopened = Store(path, analyser=analyser, version="v1")
    assert reopened.refresh_stale() == 0 and reopened.get_analysis(aid) is not None
    assert analyser.calls == 1
    # Same text again: unchanged.
    assert reopened.update_text(aid, OTHER).status == "unchanged"
    assert analyser.calls == 1
    # A new analyser version: stale, recomputed once, then current.
    analyser.version = "v2"
    upgraded = Store(path, analyser=analyser, version="v2")
    assert upgraded.stale_ids() == [aid]
    assert upgraded.get_analysis(aid).analyser_version == "v2"
    assert analyser.calls == 2
    upgraded.get_analysis(aid)
    assert analyser.calls == 2 and upgraded.stale_ids() == []
    # New text: recomputed.
    assert upgraded.update_text(aid, OTHER + "Jane Doe added: “Safe routes matter.”\n").status == "updated"
    assert analyser.calls == 3
    assert len(upgraded.get_analysis(aid).quotes) == 2


def test_failed_add_leaves_no_half_article(store, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(serialization, "number_rows", boom)
    with pytest.raises(RuntimeError):
        store.add(seed_text())
    with sqlite3.connect(store.path) as conn:
        counts = [
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "analyses", "speakers", "quotes", "numbers")
        ]
    assert counts == [0, 0, 0, 0, 0]


def test_bad_input_leaves_store_unchanged(store):
    with pytest.raises(ValueError, match="empty"):
        store.add("   \n ")
    assert store.count() == 0


def test_delete_cascades(store):
    aid = store.add(seed_text()).article_id
    assert store.delete(aid)
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0
    assert store.get_analysis(aid) is None


def test_filters(store):
    store.add(seed_text(), published="2025-05-15")
    store.add(OTHER, published="2025-06-01")
    assert len(store.query_quotes()) == 17
    assert len(store.query_quotes(Filters(parties=("Conservative",)))) == 7
    assert len(store.query_quotes(Filters(frames=("deterrence",)))) == 2
    assert len(store.query_quotes(Filters(stances=("neutral",)))) == 3
    assert len(store.query_quotes(Filters(search="rwanda"))) == 1
    assert len(store.query_quotes(Filters(search="100%_"))) == 0
    assert len(store.query_quotes(Filters(date_from=dt.date(2025, 6, 1)))) == 1
    assert {r["text"] for r in store.query_numbers(Filters(speakers=("downing-street",)))} == {"95%", "doubled"}


def test_filters_round_trip_through_query_params():
    f = Filters(
        articles=("a1", "a2"),
        date_from=dt.date(2025, 1, 1),
        parties=("Labour",),
        speakers=("keir-starmer",),
        stances=("open",),
        frames=("security",),
        search="boats",
    )
    assert Filters.from_query(f.to_query()) == f
    assert Filters.from_query({"from": "not-a-date", "stance": "bogus"}) == Filters()


def test_add_files_reports_each_file(store):
    def decode(data, filename=None):
        if b"\x00" in data:
            raise ValueError(f"{filename} looks like a binary file.")
        return data.decode("utf-8")

    results = add_files(
        store,
        [("seed.txt", seed_text().encode()), ("blob.txt", b"\x00\x01\x02"), ("again.txt", seed_text().encode())],
        decode=decode,
    )
    assert [r.ok for r in results] == [True, False, False]
    assert "binary" in results[1].message and "already" in results[2].message
    assert store.count() == 1


def test_load_seeds_once(tmp_path, analyser):
    from tests.app_fixtures import ROOT

    store = Store(tmp_path / "c.db", analyser=analyser, version=analyser.version)
    (res,) = store.load_seeds(ROOT / "seeds")
    assert res.status == "added"
    assert res.title == "Starmer visits Albania to boost cooperation on illegal migration"
    store.delete(res.article_id)
    assert store.load_seeds(ROOT / "seeds") == [] and store.count() == 0


def test_headline_date_and_outlet_edits_survive_reanalysis_and_can_be_undone(store, analyser):
    aid = store.add(OTHER, title="Old headline", published="2025-06-01").article_id
    made = store.edit_article(aid, title="New headline", published=dt.date(2025, 6, 2), source="The Paper")
    assert [e.field for e in made] == ["title", "published", "source"]
    assert store.edit_article(aid, title="New headline") == []  # unchanged values are skipped
    assert store.get_analysis(aid).article.title == "New headline"  # the stored analysis follows
    store.reanalyse(aid, force=True)
    meta = store.article_meta(aid)
    assert (meta.title, meta.published, meta.source) == ("New headline", dt.date(2025, 6, 2), "The Paper")
    assert store.get_analysis(aid).article.published == dt.date(2025, 6, 2)
    title_edit = next(e for e in store.article_edits(aid) if e.field == "title")
    store.undo_edit(title_edit.id)
    assert store.article_meta(aid).title == "Old headline"
    assert store.get_analysis(aid).article.title == "Old headline"
    assert [e.field for e in store.article_edits(aid)] == ["source", "published"]


def test_bad_article_edits_are_refused_with_a_message(store):
    aid = store.add(OTHER, title="Headline").article_id
    with pytest.raises(ValueError, match="empty"):
        store.edit_article(aid, title="  ")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        store.edit_article(aid, published="June")
    with pytest.raises(ValueError, match="can be edited"):
        store.edit_article(aid, text="new words")
    with pytest.raises(KeyError):
        store.edit_article("no-such-article", title="x")
    assert store.article_edits() == []


def test_every_write_moves_the_data_version_on_even_within_one_second(store):
    aid = store.add(OTHER, title="Headline").article_id
    seen = [store.data_version()]
    store.edit_article(aid, title="Edited")
    seen.append(store.data_version())
    store.reanalyse(aid, force=True)
    seen.append(store.data_version())
    assert len(set(seen)) == 3


@pytest.mark.model
def test_a_joint_statement_lists_its_other_speakers_and_is_found_under_each_of_them(tmp_path, nlp):
    from analysis.pipeline import analyze
    from analysis.tables.frames import export_frame, quotes_frame

    store = Store(tmp_path / "joint.db", analyser=lambda text, **kw: analyze(text, nlp=nlp, **kw))
    store.add(
        "Senators condemn camps\n\nSenators Ann Hale and Tom Reyes said the detention camps were cruel and "
        "had to close.\n",
        published="2019-07-02",
    )
    (row,) = quotes_frame(store).to_dict("records")
    assert (row["speaker"], row["co_speakers"]) == ("Ann Hale", "Tom Reyes")
    assert len(store.query_quotes(Filters(speakers=("tom-reyes",)))) == 1  # Reyes's words too
    assert "co_speakers" in export_frame(quotes_frame(store), "quotes").columns


def test_a_database_from_before_joint_statements_gains_the_column_and_keeps_its_rows(tmp_path, analyser):
    path = tmp_path / "old.db"
    Store(path, analyser=analyser, version=analyser.version).add(seed_text(), published="2025-05-15")
    with sqlite3.connect(path) as conn:  # as an earlier release left it
        conn.execute("ALTER TABLE quotes DROP COLUMN co_speaker_ids")
    reopened = Store(path, analyser=analyser, version=analyser.version)
    assert len(reopened.query_quotes()) == 16
    assert all(r["co_speakers"] is None for r in reopened.query_quotes())
