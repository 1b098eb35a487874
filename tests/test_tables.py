"""Frames from the store's rows, speaker and party positions, counts and views."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from analysis import tables
from analysis.records import Analysis, Article, Quote, Speaker, Stance
from analysis.store import Store
from tests.app_fixtures import FAKE_VERSION, fake_analyze, seed_analysis, seed_text


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("seed") / "c.db", analyser=fake_analyze, version=FAKE_VERSION)
    store.add(seed_text(), title="Seed")
    return store


@pytest.fixture(scope="module")
def seed_quotes(seed_store):
    return tables.quotes_frame(seed_store)


def test_quotes_frame_has_each_stored_quote_with_its_speaker_stance_and_context(seed_quotes):
    made = seed_analysis()
    text = made.article.text
    assert list(seed_quotes["quote_id"]) == [q.id for q in made.quotes]
    for row, q in zip(seed_quotes.itertuples(), made.quotes):
        speaker = made.speaker(q.speaker_id)
        assert (row.text, row.start, row.end, row.speaker_id) == (q.text, q.start, q.end, q.speaker_id)
        assert (row.speaker, row.party) == (speaker.name, speaker.party)
        assert (row.migration, row.government, row.frames) == (q.stance.migration, q.stance.government, q.stance.frames)
        assert (row.before, row.after) == (text[max(0, q.start - 120) : q.start], text[q.end : q.end + 120])
    assert not {"speaker_colour", "party_colour", "tint"} & set(seed_quotes.columns)  # the UI chooses colours


def test_numbers_frame_has_each_stored_figure(seed_store):
    numbers = tables.numbers_frame(seed_store)
    assert list(numbers["text"].sort_values()) == sorted(n.text for n in seed_analysis().numbers)


def test_positions_put_starmer_and_philp_on_opposite_sides_of_the_government_axis(seed_quotes):
    pos = tables.positions_frame(seed_quotes).set_index("key")
    assert pos.loc["keir-starmer", "y"] < 0 < pos.loc["chris-philp", "y"]
    assert pos.loc["Labour", "kind"] == "party" and pos.loc["Conservative", "y"] > 0
    assert pos.loc["keir-starmer", "x"] == -1.0  # every Starmer quote is restrictive


def test_speakers_frame_overall_stance(seed_quotes):
    sp = tables.speakers_frame(seed_quotes).set_index("speaker_id")
    assert sp.loc["chris-philp", "quotes"] == 7
    assert sp.loc["chris-philp", "government"] == "opposes"
    assert sp.loc["keir-starmer", "direction"] == "restrictive"
    assert tables.overall_direction(["restrictive", "open"]) == "mixed"
    assert tables.overall_direction(["neutral"]) == "neutral"
    assert tables.overall_government(["supports", "opposes"]) == "neutral"


def test_numbers_frame_ranges_for_qualified_figures(seed_store):
    nums = tables.numbers_frame(seed_store).set_index("text")
    over = nums.loc["over 90%"]
    assert over["err_minus"] > 0 or over["err_plus"] > 0
    assert nums.loc["12,699", "err_plus"] == 0 and nums.loc["12,699", "err_minus"] == 0
    assert nums.loc["12,699", "cited_by_name"].startswith("Narrator")
    assert nums.loc["95%", "disagrees"]


def test_export_flattens_lists_and_names_each_article(seed_store, seed_quotes):
    out = tables.export_frame(seed_quotes, "quotes")
    assert {"article_id", "start", "end", "speaker"} <= set(out.columns)
    assert all(isinstance(v, str) for v in out["frames"])
    (article,) = seed_store.articles()
    assert list(out.columns[:4]) == ["article_id", "article_title", "article_url", "content_hash"]
    assert set(out["content_hash"]) == {article.content_hash}


def test_targets_and_frames_counts(seed_quotes):
    q = seed_quotes
    assert "small boats" in set(tables.targets_frame(q)["target"])
    assert tables.frames_counts(q).iloc[0]["quotes"] >= 3


def _random_corpus(store: Store, rng: random.Random, articles: int = 9) -> None:
    """Articles whose quotes carry random speakers (few quotes each: ties, empties), parties and labels."""
    for a in range(articles):
        text = f"Random article {a}. " + "word " * 400
        speakers: dict[str, Speaker] = {}
        quotes = []
        for i in range(rng.randrange(50, 85)):
            sid = rng.choice([f"s{k}" for k in range(150)] + [None])
            if sid is not None and sid not in speakers:
                party = rng.choice(["Labour", "Green", None])
                speakers[sid] = Speaker(id=sid, name=sid.upper(), party=party, quoted=True)
            stance = Stance(
                about_migration=rng.random() < 0.8,
                migration=rng.choice(["restrictive", "open", "mixed", "neutral", "unclear"]),
                government=rng.choice(["supports", "opposes", "neutral", "n/a"]),
            )
            quotes.append(Quote(f"q{i}", "direct", text[i : i + 4], i, i + 4, sid, None, None, None, None, "r", stance))
        made = Analysis(Article(id="x", text=text), tuple(speakers.values()), tuple(quotes), ())
        store.add(text, title=f"Random {a}", analysis=made)


def test_speaker_summary_agrees_with_the_per_speaker_rules_on_random_labels(tmp_path):
    store = Store(tmp_path / "c.db", analyser=fake_analyze, version=FAKE_VERSION)
    _random_corpus(store, random.Random(7))
    quotes = tables.quotes_frame(store)
    got = tables.speakers_frame(quotes).set_index("speaker_id")
    frame = quotes.astype(object)
    seen = set()
    for speaker, mine in frame[frame["speaker_id"].notna()].groupby("speaker_id"):
        about = mine[mine["about_migration"].astype(bool)]
        assert got.loc[speaker, "quotes"] == len(mine)
        assert got.loc[speaker, "articles"] == mine["article_id"].nunique()
        assert got.loc[speaker, "direction"] == tables.overall_direction(about["migration"])
        assert got.loc[speaker, "government"] == tables.overall_government(about["government"])
        assert got.loc[speaker, "x"] == pytest.approx(
            about["migration"].map(tables.MIGRATION_SCORE).astype(float).mean(), nan_ok=True
        )
        seen.add((got.loc[speaker, "direction"], got.loc[speaker, "government"]))
    assert {d for d, _ in seen} >= {"restrictive", "open", "mixed", "unclear"}
    assert {g for _, g in seen} >= {"supports", "opposes", "neutral", "n/a"}
    assert quotes["speaker_id"].isna().any() and len(got) > 100


def test_frames_accept_articles_without_a_publication_date(tmp_path):
    store = Store(tmp_path / "c.db", analyser=fake_analyze, version=FAKE_VERSION)
    store.add(seed_text(), title="Seed", published=dt.date(2025, 5, 15))
    store.add('Undated piece.\n\n"Crossings must fall by 95%," Jane Doe said.', title="Undated")
    quotes, numbers = tables.quotes_frame(store), tables.numbers_frame(store)
    assert set(quotes["published"].map(str)) == {"None", "2025-05-15"}
    assert len(numbers) > 0


def test_count_by_matches_pandas_groupby_including_missing_values():
    import random

    import pandas as pd

    rng = random.Random(3)
    frame = pd.DataFrame(
        {
            "a": [rng.choice(["x", "y", None]) for _ in range(500)],
            "b": [rng.choice(["p", "q", "r", None]) for _ in range(500)],
        }
    ).astype("category")
    got = tables.count_by(frame, ["a", "b"])
    want = frame.astype(object).groupby(["a", "b"], dropna=False).size()

    def plain(v):
        return None if pd.isna(v) else v

    assert {(plain(a), plain(b)): n for a, b, n in got.itertuples(index=False)} == {
        (plain(a), plain(b)): n for (a, b), n in want.items()
    }
    assert got["quotes"].sum() == 500
