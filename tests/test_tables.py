"""Frames, positions, palette and the highlighted-article markup."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from analysis import tables
from analysis.palette import article_html, party_colour, speaker_colour
from analysis.store import Store
from tests.app_fixtures import FAKE_VERSION, fake_analyze, seed_analysis, seed_text


def test_quotes_frame_from_store_matches_frame_from_records(tmp_path):
    store = Store(tmp_path / "c.db", analyser=fake_analyze, version=FAKE_VERSION)
    store.add(seed_text(), title="Seed")
    from_store = tables.quotes_frame(store)
    from_records = tables.quotes_from_analysis(seed_analysis())
    cols = [
        "quote_id",
        "text",
        "start",
        "end",
        "speaker_id",
        "speaker",
        "party",
        "migration",
        "government",
        "frames",
        "before",
        "after",
    ]
    assert from_store[cols].reset_index(drop=True).equals(from_records[cols].reset_index(drop=True))
    assert list(tables.numbers_frame(store)["text"].sort_values()) == sorted(n.text for n in seed_analysis().numbers)


def test_positions_put_starmer_and_philp_on_opposite_sides_of_the_government_axis():
    pos = tables.positions_frame(tables.quotes_from_analysis(seed_analysis())).set_index("key")
    assert pos.loc["keir-starmer", "y"] < 0 < pos.loc["chris-philp", "y"]
    assert pos.loc["Labour", "kind"] == "party" and pos.loc["Conservative", "y"] > 0
    assert pos.loc["keir-starmer", "x"] == -1.0  # every Starmer quote is restrictive


def test_speakers_frame_overall_stance():
    sp = tables.speakers_frame(tables.quotes_from_analysis(seed_analysis())).set_index("speaker_id")
    assert sp.loc["chris-philp", "quotes"] == 7
    assert sp.loc["chris-philp", "government"] == "opposes"
    assert sp.loc["keir-starmer", "direction"] == "restrictive"
    assert tables.overall_direction(["restrictive", "open"]) == "mixed"
    assert tables.overall_direction(["neutral"]) == "neutral"
    assert tables.overall_government(["supports", "opposes"]) == "neutral"


def test_numbers_frame_ranges_for_qualified_figures():
    nums = tables.numbers_from_analysis(seed_analysis()).set_index("text")
    over = nums.loc["over 90%"]
    assert over["err_minus"] > 0 or over["err_plus"] > 0
    assert nums.loc["12,699", "err_plus"] == 0 and nums.loc["12,699", "err_minus"] == 0
    assert nums.loc["12,699", "cited_by_name"].startswith("Narrator")
    assert nums.loc["95%", "disagrees"]


def test_export_flattens_lists():
    out = tables.export_frame(tables.quotes_from_analysis(seed_analysis()), "quotes")
    assert {"article_id", "start", "end", "speaker"} <= set(out.columns)
    assert all(isinstance(v, str) for v in out["frames"])


def test_targets_and_frames_counts():
    q = tables.quotes_from_analysis(seed_analysis())
    assert "small boats" in set(tables.targets_frame(q)["target"])
    assert tables.frames_counts(q).iloc[0]["quotes"] >= 3


def test_colours_are_stable_and_conventional():
    assert party_colour("Labour") == party_colour("labour party") == "#E4003B"
    assert party_colour("Tory") == party_colour("Conservative") == "#0087DC"
    assert party_colour("Some New Party") == party_colour("some new party")
    assert re.fullmatch(r"#[0-9A-F]{6}", party_colour("Some New Party"))
    assert speaker_colour(None) == speaker_colour(float("nan"))


def test_a_speakers_colour_is_a_shade_of_their_party_the_same_in_every_run():
    # Pinned: a salted hash() would give another colour in the next process, and a link shared
    # today would show its speakers in other colours tomorrow.
    assert speaker_colour("keir-starmer", "Labour") == "#A2002A"
    assert speaker_colour("keir-starmer") == "#BCBD22"
    labour_red = {speaker_colour(s, "Labour") for s in ("keir-starmer", "yvette-cooper", "angela-rayner")}
    assert len(labour_red) == 3  # two Labour speakers tell apart ...
    assert all(c[1:3] in ("A2", "FF") and c[3:5] < "40" for c in labour_red)  # ... and all are red


def test_article_html_marks_quotes_and_escapes_everything():
    a = seed_analysis()
    hostile = dataclasses.replace(
        a,
        article=dataclasses.replace(a.article, text="<script>alert(1)</script>" + a.article.text[25:]),
        speakers=tuple(
            dataclasses.replace(s, name="<img src=x onerror=alert(1)>") if s.id == "keir-starmer" else s
            for s in a.speakers
        ),
    )
    out = article_html(hostile)
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    assert out.count('<mark class="se-quote') >= len(a.quotes)
    assert 'data-speaker="keir-starmer"' in out
    # Stripping the tags gives back the article text exactly.
    body = out.split('<div class="se-article">', 1)[1]
    import html as h

    assert h.unescape(re.sub(r"<[^>]+>", "", body)) == hostile.article.text


def test_article_html_handles_overlapping_quotes():
    a = seed_analysis()
    q = a.quotes[2]
    inner = dataclasses.replace(
        q, id="inner", start=q.start + 5, end=q.start + 20, text=a.article.text[q.start + 5 : q.start + 20]
    )
    out = article_html(dataclasses.replace(a, quotes=a.quotes + (inner,)))
    assert 'data-quote="inner"' in out
    # the inner quote's words are marked as the inner quote, the outer one resumes after them, and
    # the article text is still all there, once
    marks = re.findall(r'<mark [^>]*data-quote="([^"]+)"[^>]*>([^<]*)</mark>', out)
    at = marks.index(("inner", inner.text))
    assert marks[at - 1][0] == marks[at + 1][0] == q.id
    body = out.split('<div class="se-article">', 1)[1]
    import html as h

    assert h.unescape(re.sub(r"<[^>]+>", "", body)) == a.article.text


def test_speaker_summary_agrees_with_the_per_speaker_rules_on_random_labels():
    import random

    import pandas as pd

    rng = random.Random(7)
    rows = []
    for i in range(600):
        speaker = rng.choice([f"s{k}" for k in range(150)] + [None])  # few quotes each: ties, empties
        rows.append(
            {
                "article_id": f"art{rng.randrange(9)}",
                "quote_id": f"q{i}",
                "speaker_id": speaker,
                "speaker": speaker or "Unattributed",
                "role": None,
                "party": rng.choice(["Labour", "Green", None]),
                "about_migration": rng.random() < 0.8,
                "migration": rng.choice(["restrictive", "open", "mixed", "neutral", "unclear"]),
                "government": rng.choice(["supports", "opposes", "neutral", "n/a"]),
            }
        )
    quotes = tables._quote_frame(rows)
    got = tables.speakers_frame(quotes).set_index("speaker_id")
    frame = pd.DataFrame(rows)
    seen = set()
    for speaker, mine in frame[frame["speaker_id"].notna()].groupby("speaker_id"):
        about = mine[mine["about_migration"]]
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
