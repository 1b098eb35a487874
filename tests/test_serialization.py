"""Records to JSON and rows and back (analysis.serialization), and corpora saved by earlier releases.

`tests/legacy/corpus_0.3.0.sql` is a dump of a corpus written by the store of release 0.3.0
(commit 3ea83d3, before the store became a package and cattrs did the conversion): the seed
analysed by `fake_analyze`, two synthetic articles analysed by the real pipeline (page chrome,
scare quotes, a date read from a time stamp, an analyser warning), a stance correction, a
speaker-wide correction and a headline edit. It stands for the SQLite files users already have.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from analysis import serialization
from analysis.corrections import Correction
from analysis.records import Analysis, Article, Evidence, Mention, NumberMention, Quote, Span, Stance
from analysis.store import Store
from tests.app_fixtures import FAKE_VERSION, fake_analyze, seed_analysis, seed_text

LEGACY_DUMP = Path(__file__).parent / "legacy" / "corpus_0.3.0.sql"
SEED_ID = "starmer-visits-albania-1abc25bd"
TARIFFS_ID = "trump-unveils-sweeping-tariffs-on-tradin-0a6d42da"
PACT_ID = "eu-lawmakers-approve-overhaul-of-asylum-07b39ae2"


@pytest.fixture
def legacy_store(tmp_path) -> Store:
    path = tmp_path / "corpus.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(LEGACY_DUMP.read_text("utf-8"))
    return Store(path, analyser=fake_analyze, version=FAKE_VERSION)


def test_analysis_round_trips_through_json_to_an_equal_record():
    a = seed_analysis()
    assert serialization.analysis_from_json(serialization.analysis_to_json(a), a.article.text) == a


def test_json_follows_the_contract_layout():
    d = serialization.analysis_to_dict(seed_analysis())
    assert list(d) == list(serialization.ANALYSIS_KEYS)
    assert list(d["article"]) == list(serialization.ARTICLE_KEYS)
    assert d["article"]["published"] == "2025-05-15" and "text" not in d["article"]
    q = d["quotes"][0]
    assert list(q) == list(serialization.QUOTE_KEYS)
    assert q["speaker"] == seed_analysis().quotes[0].speaker_name and "speaker_name" not in q
    assert isinstance(q["about_migration"], bool) and isinstance(q["frames"], list)
    assert "about_migration" not in q["stance"] and "frames" not in q["stance"]
    assert isinstance(d["speakers"][0]["aliases"], list)


def test_every_analysis_stored_by_release_0_3_0_reads_back_and_writes_the_same_json(legacy_store):
    with legacy_store.connect() as conn:
        stored = conn.execute("SELECT a.id, a.text, n.json FROM articles a JOIN analyses n ON n.article_id = a.id")
        rows = stored.fetchall()
    assert {r["id"] for r in rows} == {SEED_ID, TARIFFS_ID, PACT_ID}
    for row in rows:
        analysis = serialization.analysis_from_json(row["json"], row["text"])
        written = serialization.analysis_to_json(analysis)
        # Equal as JSON; byte for byte too, except where the hand-built seed put an int in a float field.
        assert json.loads(written) == json.loads(row["json"])
        assert written == row["json"] or row["id"] == SEED_ID
        for q in analysis.quotes:
            assert analysis.article.text[q.start : q.end] == q.text
            assert isinstance(q.stance.frames, tuple) and isinstance(q.stance.evidence, tuple)


def test_the_seed_stored_by_release_0_3_0_reads_back_equal_to_its_record(legacy_store):
    stored = legacy_store.get_analysis(SEED_ID, refresh=False, corrected=False)
    made = seed_analysis()
    expected = dataclasses.replace(
        made,
        article=dataclasses.replace(
            made.article, id=SEED_ID, title="Starmer visits Albania", content_hash=stored.article.content_hash
        ),
    )
    assert stored == expected
    assert stored.article.published == dt.date(2025, 5, 15)


def test_real_analyses_stored_by_release_0_3_0_keep_chrome_scare_quotes_and_warnings(legacy_store):
    tariffs = legacy_store.get_analysis(TARIFFS_ID, refresh=False, corrected=False)
    pact = legacy_store.get_analysis(PACT_ID, refresh=False, corrected=False)
    assert tariffs.chrome and tariffs.scare_quotes and tariffs.article.published_rule == "stamp in text"
    assert tariffs.article.title == "Hotels: a new headline"  # the headline edit reached the JSON
    assert pact.warnings
    assert any(s.registry_id for s in pact.speakers) and any(q.stance.toward for q in pact.quotes)
    assert all(isinstance(n.sentence, Span) for n in pact.numbers if n.sentence is not None)


def test_corrections_stored_by_release_0_3_0_still_apply_and_survive_reanalysis(legacy_store):
    before = {r.correction.id: (r.status, r.articles) for r in legacy_store.corrections()}
    assert before == {1: ("applied", 1), 2: ("applied", 1)}
    (stance_fix,) = [r.correction for r in legacy_store.corrections() if r.correction.kind == "set_stance"]
    assert stance_fix.value == {"migration": "open"} and stance_fix.text == "smash the gangs"
    assert legacy_store.refresh_stale() == 2  # the two real analyses were made by another analyser
    after = {r.correction.id: (r.status, r.articles) for r in legacy_store.corrections()}
    assert after == before
    corrected = legacy_store.get_analysis(SEED_ID)
    assert corrected.quotes[0].stance.migration == "open"
    assert corrected.speaker("chris-philp").role == "Shadow Home Secretary"


def test_quote_rows_flatten_the_stance_and_keep_lists_as_json():
    stance = Stance(True, "restrictive", "supports", targets=("caps",), frames=("security",), confidence=0.8)
    stance = dataclasses.replace(stance, evidence=(Evidence("frame:security", "borders", 5, 12),), rule="r")
    quote = Quote("q1", "direct", "words", 0, 5, "jo", "Jo", "said", 6, 10, "rule", stance, Mention("Jo", 11, 13, "x"))
    (row,) = serialization.quote_rows("art", [quote], {"q1": ("stance changed",)})
    assert row["seq"] == 0 and row["quote_id"] == "q1" and row["speaker_name"] == "Jo"
    assert (row["about_migration"], row["migration"], row["stance_rule"], row["confidence"]) == (
        1,
        "restrictive",
        "r",
        0.8,
    )
    assert json.loads(row["frames"]) == ["security"] and json.loads(row["evidence"]) == [
        ["frame:security", "borders", 5, 12]
    ]
    assert (row["mention_text"], row["mention_rule"], row["corrected"]) == ("Jo", "x", "stance changed")


def test_number_rows_flatten_the_sentence():
    n = NumberMention("n1", "12", 0, 2, 12.0, "count", sentence=Span("12 boats", 0, 8), disagrees=True)
    bare = dataclasses.replace(n, id="n2", sentence=None)
    rows = serialization.number_rows("art", [n, bare], {})
    assert (rows[0]["sentence"], rows[0]["sentence_end"], rows[0]["disagrees"]) == ("12 boats", 8, 1)
    assert rows[1]["sentence"] is None and rows[1]["seq"] == 1 and rows[1]["corrected"] is None


def test_correction_rows_round_trip():
    c = Correction(kind="set_stance", article_id="a", start=1, end=4, text="abc", value={"b": 1, "a": "é"}, id=7)
    row = serialization.correction_row(c)
    assert "id" not in row and row["value"] == '{"a": "é", "b": 1}'
    assert serialization.correction_from_row({**row, "id": 7}) == c


def test_store_reads_back_what_it_wrote(tmp_path):
    store = Store(tmp_path / "c.db", analyser=fake_analyze, version=FAKE_VERSION)
    res = store.add(seed_text(), title="Seed")
    again = store.get_analysis(res.article_id)
    assert serialization.analysis_from_dict(serialization.analysis_to_dict(again), again.article.text) == again
    assert again.quotes == seed_analysis().quotes


def test_every_record_field_reaches_the_json():
    d = serialization.analysis_to_dict(seed_analysis())
    names = {f.name for f in dataclasses.fields(Quote)} - {"speaker_name"} | {"speaker", "about_migration", "frames"}
    # a quote of one speaker carries no co_speaker_ids (see the joint-statement test below)
    assert set(d["quotes"][0]) == names - {"co_speaker_ids"}
    assert set(d["quotes"][0]["stance"]) == {f.name for f in dataclasses.fields(Stance)} - {"about_migration", "frames"}
    assert set(d["article"]) == {f.name for f in dataclasses.fields(Article)} - {"text"} | {"length"}
    assert set(d) == {f.name for f in dataclasses.fields(Analysis)}


def test_a_joint_statements_other_speakers_reach_the_json_and_read_back():
    made = seed_analysis()
    joint = dataclasses.replace(made, quotes=(dataclasses.replace(made.quotes[0], co_speaker_ids=("zoe-lofton",)),))
    written = serialization.analysis_to_json(joint)
    assert json.loads(written)["quotes"][0]["co_speaker_ids"] == ["zoe-lofton"]
    assert serialization.analysis_from_json(written, made.article.text).quotes[0].co_speaker_ids == ("zoe-lofton",)
