"""Records and store rows -> pandas DataFrames: the only module that builds frames.

Pages filter, group and chart these frames; they never build their own.

- `quotes_frame`, `numbers_frame`, `speakers_frame`: the three main tables, from the store.
- `quotes_from_analysis`, `numbers_from_analysis`: the same frames for one `Analysis`.
- `positions_frame`: each speaker's and party's place on the stance map.
- `direction_counts`, `targets_frame`, `frames_counts`: the small summaries the charts use.
- `tokens_frame`, `entities_frame`: spaCy tokens and entities for the "How it works" page.
- `export_frame`: the columns offered for CSV/JSON download.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from analysis.palette import NARRATOR, party_colour, speaker_colour, tint
from analysis.records import Analysis
from analysis.store import NO_FILTERS, Filters, Store

# Where a quote sits on the stance map. x: restrictive (-1) to open (+1);
# y: supports the government (-1) to opposes it (+1). Labels with no direction are left out.
MIGRATION_SCORE: dict[str, float] = {"restrictive": -1.0, "mixed": 0.0, "neutral": 0.0, "open": 1.0}
GOVERNMENT_SCORE: dict[str, float] = {"supports": -1.0, "neutral": 0.0, "opposes": 1.0}

QUOTE_COLUMNS = [
    "article_id", "article_title", "published", "source", "quote_id", "seq", "kind", "text",
    "start", "end", "speaker_id", "speaker", "role", "party", "about_migration", "migration",
    "government", "frames", "targets", "evidence", "cue", "cue_start", "cue_end", "rule",
    "mention_text", "mention_rule", "before", "after", "speaker_colour", "party_colour", "tint",
    "corrected", "analyser_version",
]
NUMBER_COLUMNS = [
    "article_id", "article_title", "published", "source", "number_id", "seq", "text", "start",
    "end", "value", "kind", "unit", "qualifier", "value_low", "value_high", "err_minus",
    "err_plus", "metric", "metric_group", "period", "cited_by", "cited_by_name", "party",
    "quote_id", "sentence", "sentence_start", "sentence_end", "disagrees", "rule",
    "speaker_colour", "corrected", "analyser_version",
]


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _quote_frame(records: Iterable[dict[str, Any]]) -> pd.DataFrame:
    return _finish_quotes(pd.DataFrame(list(records), columns=QUOTE_COLUMNS))


def _finish_quotes(df: pd.DataFrame) -> pd.DataFrame:
    df = df.reindex(columns=QUOTE_COLUMNS)
    if df.empty:
        return df
    df["speaker_colour"] = [speaker_colour(s, p) for s, p in zip(df["speaker_id"], df["party"])]
    df["party_colour"] = [party_colour(p) for p in df["party"]]
    df["tint"] = [tint(c) for c in df["speaker_colour"]]
    df["about_migration"] = df["about_migration"].astype(bool)
    return df


def _json_tuple(value: str) -> tuple[Any, ...]:
    return tuple(json.loads(value))


def _evidence_tuple(value: str) -> tuple[tuple[Any, ...], ...]:
    return tuple(tuple(e) for e in json.loads(value))


def _memo_map(values: Iterable[Any], fn: Any) -> list[Any]:
    """fn over values, computing each distinct value once (labels repeat a lot)."""
    seen: dict[Any, Any] = {}
    out = []
    for v in values:
        if v not in seen:
            seen[v] = fn(v)
        out.append(seen[v])
    return out


def _rows_frame(rows: Sequence[Any]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame()
    return pd.DataFrame([tuple(r) for r in rows], columns=list(rows[0].keys()))


def quotes_frame(store: Store, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Quotes matching the filters, one row each, with article, speaker and stance columns.

    `frames` and `targets` are tuples; `evidence` is a tuple of (label, text, start, end).
    """
    raw = _rows_frame(store.query_quotes(filters))
    if raw.empty:
        return _quote_frame([])
    df = pd.DataFrame(
        {
            "article_id": raw["article_id"],
            "article_title": raw["article_title"],
            "published": _memo_map(raw["published"], _date),
            "source": raw["source"],
            "quote_id": raw["quote_id"],
            "seq": raw["seq"],
            "kind": raw["kind"],
            "text": raw["text"],
            "start": raw["start"],
            "end": raw["end"],
            "speaker_id": raw["speaker_id"],
            "speaker": raw["name"].fillna(raw["speaker_name"]).fillna("Unattributed"),
            "role": raw["role"],
            "party": raw["party"],
            "about_migration": raw["about_migration"],
            "migration": raw["migration"],
            "government": raw["government"],
            "frames": _memo_map(raw["frames"], _json_tuple),
            "targets": _memo_map(raw["targets"], _json_tuple),
            "evidence": _memo_map(raw["evidence"], _evidence_tuple),
            "cue": raw["cue"],
            "cue_start": raw["cue_start"],
            "cue_end": raw["cue_end"],
            "rule": raw["rule"],
            "mention_text": raw["mention_text"],
            "mention_rule": raw["mention_rule"],
            "before": raw["before"],
            "after": raw["after"],
            "corrected": raw.get("corrected"),
            "analyser_version": raw.get("analyser_version"),
        }
    )
    return _finish_quotes(df)


def quotes_from_analysis(analysis: Analysis, marks: dict[str, tuple[str, ...]] | None = None) -> pd.DataFrame:
    """The quotes frame for a single analysis (no store needed); `marks`: users' corrections per quote."""
    marks = marks or {}
    art = analysis.article
    records = []
    for seq, q in enumerate(analysis.quotes):
        sp = analysis.speaker(q.speaker_id)
        st = q.stance
        records.append(
            {
                "article_id": art.id, "article_title": art.title, "published": art.published,
                "source": art.source, "quote_id": q.id, "seq": seq, "kind": q.kind,
                "text": q.text, "start": q.start, "end": q.end, "speaker_id": q.speaker_id,
                "speaker": (sp.name if sp else None) or q.speaker_name or "Unattributed",
                "role": sp.role if sp else None, "party": sp.party if sp else None,
                "about_migration": st.about_migration, "migration": st.migration,
                "government": st.government, "frames": st.frames, "targets": st.targets,
                "evidence": tuple((e.label, e.text, e.start, e.end) for e in st.evidence),
                "cue": q.cue, "cue_start": q.cue_start, "cue_end": q.cue_end, "rule": q.rule,
                "mention_text": q.speaker_mention.text if q.speaker_mention else None,
                "mention_rule": q.speaker_mention.rule if q.speaker_mention else None,
                "before": art.text[max(0, q.start - 120) : q.start],
                "after": art.text[q.end : q.end + 120],
                "corrected": "; ".join(marks[q.id]) if q.id in marks else None,
                "analyser_version": analysis.analyser_version,
            }
        )
    return _quote_frame(records)


def _number_frame(records: Sequence[dict[str, Any]]) -> pd.DataFrame:
    return _finish_numbers(pd.DataFrame(list(records), columns=NUMBER_COLUMNS))


def _finish_numbers(df: pd.DataFrame) -> pd.DataFrame:
    if df.empty:
        return df
    df["cited_by_name"] = df["cited_by_name"].fillna(NARRATOR)
    df["speaker_colour"] = [speaker_colour(s, p) for s, p in zip(df["cited_by"], df["party"])]
    low = df["value_low"].astype(float)
    high = df["value_high"].astype(float)
    value = df["value"].astype(float)
    df["err_minus"] = (value - low).clip(lower=0).fillna(0.0)
    df["err_plus"] = (high - value).clip(lower=0).fillna(0.0)
    df["disagrees"] = df["disagrees"].astype(bool)
    df["metric_group"] = df["metric_group"].fillna("(ungrouped)")
    return df


def numbers_frame(store: Store, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Figures matching the filters, with who cited them, ranges and sentence context.

    `err_minus`/`err_plus` are the distances from `value` to `value_low`/`value_high`
    (0 where the figure is exact), ready for Plotly error bars.
    """
    raw = _rows_frame(store.query_numbers(filters))
    if raw.empty:
        return _number_frame([])
    raw["published"] = _memo_map(raw["published"], _date)
    raw["cited_by_name"] = raw["name"].fillna(raw["cited_by_name"])
    return _finish_numbers(raw.reindex(columns=NUMBER_COLUMNS))


def numbers_from_analysis(analysis: Analysis) -> pd.DataFrame:
    """The numbers frame for a single analysis."""
    art = analysis.article
    records = []
    for seq, n in enumerate(analysis.numbers):
        sp = analysis.speaker(n.cited_by)
        records.append(
            {
                "article_id": art.id, "article_title": art.title, "published": art.published,
                "source": art.source, "number_id": n.id, "seq": seq, "text": n.text,
                "start": n.start, "end": n.end, "value": n.value, "kind": n.kind, "unit": n.unit,
                "qualifier": n.qualifier, "value_low": n.value_low, "value_high": n.value_high,
                "metric": n.metric, "metric_group": n.metric_group, "period": n.period,
                "cited_by": n.cited_by,
                "cited_by_name": (sp.name if sp else None) or n.cited_by_name,
                "party": sp.party if sp else None, "quote_id": n.quote_id,
                "sentence": n.sentence.text if n.sentence else None,
                "sentence_start": n.sentence.start if n.sentence else None,
                "sentence_end": n.sentence.end if n.sentence else None,
                "disagrees": n.disagrees, "rule": n.rule, "corrected": None,
                "analyser_version": analysis.analyser_version,
            }
        )
    return _number_frame(records)


def overall_direction(labels: Iterable[str]) -> str:
    """One word for a set of migration labels: the clear majority, else mixed/neutral/unclear."""
    labels = list(labels)
    restrictive = labels.count("restrictive")
    open_ = labels.count("open")
    directional = restrictive + open_ + labels.count("mixed")
    if directional == 0:
        return "neutral" if "neutral" in labels else "unclear"
    if restrictive >= 2 / 3 * directional:
        return "restrictive"
    if open_ >= 2 / 3 * directional:
        return "open"
    return "mixed"


def overall_government(labels: Iterable[str]) -> str:
    """The most common position toward the government, ignoring n/a (ties -> neutral)."""
    counts = Counter(x for x in labels if x != "n/a").most_common(2)
    if not counts:
        return "n/a"
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        return "neutral"
    return str(counts[0][0])


def speakers_frame(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per quoted speaker: name, role, party, counts, overall stance, map position.

    x/y are the mean migration and government scores of the speaker's quotes about
    migration (NaN when none carries that label).
    """
    cols = ["speaker_id", "speaker", "role", "party", "quotes", "articles", "direction",
            "government", "x", "y", "speaker_colour", "party_colour"]
    q = quotes[quotes["speaker_id"].notna()] if not quotes.empty else quotes
    if q.empty:
        return pd.DataFrame(columns=cols)
    base = q.groupby("speaker_id", sort=False).agg(
        speaker=("speaker", "first"), role=("role", "first"), party=("party", "first"),
        quotes=("quote_id", "size"), articles=("article_id", "nunique"),
        speaker_colour=("speaker_colour", "first"), party_colour=("party_colour", "first"),
    )
    about = q[q["about_migration"].astype(bool)]
    scores = pd.DataFrame(
        {"speaker_id": about["speaker_id"], "x": about["migration"].map(MIGRATION_SCORE),
         "y": about["government"].map(GOVERNMENT_SCORE)}
    ).groupby("speaker_id").mean()
    labels = about.groupby("speaker_id").agg(direction=("migration", overall_direction),
                                             government=("government", overall_government))
    out = base.join(labels).join(scores).reset_index()
    out["direction"] = out["direction"].fillna("unclear")
    out["government"] = out["government"].fillna("n/a")
    return out[cols].sort_values(["quotes", "speaker"], ascending=[False, True])


def positions_frame(quotes: pd.DataFrame) -> pd.DataFrame:
    """Points for the stance map: each speaker and each party, placed by their quotes.

    x is the mean migration score (restrictive -1 .. open +1), y the mean government score
    (supports -1 .. opposes +1), over the quotes about migration that carry that label.
    """
    cols = ["kind", "key", "label", "party", "x", "y", "quotes", "colour"]
    sp = speakers_frame(quotes)
    out = []
    for r in sp.itertuples():
        if pd.isna(r.x) and pd.isna(r.y):
            continue
        out.append(
            {"kind": "speaker", "key": r.speaker_id, "label": r.speaker, "party": r.party,
             "x": 0.0 if pd.isna(r.x) else r.x, "y": 0.0 if pd.isna(r.y) else r.y,
             "quotes": r.quotes, "colour": r.speaker_colour}
        )
    if not quotes.empty:
        about = quotes[quotes["about_migration"] & quotes["party"].notna()]
        for party, g in about.groupby("party", sort=True):
            xs = g["migration"].map(MIGRATION_SCORE).dropna()
            ys = g["government"].map(GOVERNMENT_SCORE).dropna()
            if xs.empty and ys.empty:
                continue
            out.append(
                {"kind": "party", "key": party, "label": party, "party": party,
                 "x": float(xs.mean()) if len(xs) else 0.0,
                 "y": float(ys.mean()) if len(ys) else 0.0,
                 "quotes": len(g), "colour": party_colour(str(party))}
            )
    df = pd.DataFrame(out, columns=cols)
    return _spread(df)


def _spread(df: pd.DataFrame, radius: float = 0.07) -> pd.DataFrame:
    """Add plot positions `px`/`py`: points that coincide are spread on a small circle.

    Many speakers share a position (every quote restrictive and supportive), and would
    hide each other; `x`/`y` keep the true averages for hover text and tests.
    """
    df = df.copy()
    df["px"], df["py"] = df["x"].astype(float), df["y"].astype(float)
    if df.empty:
        return df
    keys = list(zip(df["x"].round(3), df["y"].round(3)))
    groups: dict[tuple[float, float], list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        for k, i in enumerate(members):
            angle = 2 * math.pi * k / len(members) + math.pi / 2
            df.iloc[i, df.columns.get_loc("px")] += radius * math.cos(angle)
            df.iloc[i, df.columns.get_loc("py")] += radius * math.sin(angle)
    return df


def direction_counts(quotes: pd.DataFrame, column: str = "migration") -> pd.DataFrame:
    """Quote counts by `column` ('migration' or 'government') and speaker."""
    if quotes.empty:
        return pd.DataFrame(columns=[column, "speaker", "speaker_id", "quotes", "speaker_colour"])
    g = (
        quotes.groupby([column, "speaker", "speaker_id", "speaker_colour"], dropna=False)
        .size()
        .reset_index(name="quotes")
    )
    return g.sort_values([column, "quotes"], ascending=[True, False])


def targets_frame(quotes: pd.DataFrame) -> pd.DataFrame:
    """Targets named in quotes: one row per target with counts per direction and speakers."""
    cols = ["target", "quotes", "restrictive", "open", "other", "speakers"]
    if quotes.empty:
        return pd.DataFrame(columns=cols)
    ex = quotes[["targets", "migration", "speaker"]].explode("targets").dropna(subset=["targets"])
    if ex.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for target, g in ex.groupby("targets"):
        rows.append(
            {
                "target": target,
                "quotes": len(g),
                "restrictive": int((g["migration"] == "restrictive").sum()),
                "open": int((g["migration"] == "open").sum()),
                "other": int((~g["migration"].isin(["restrictive", "open"])).sum()),
                "speakers": ", ".join(sorted(set(g["speaker"]))),
            }
        )
    return pd.DataFrame(rows, columns=cols).sort_values(["quotes", "target"], ascending=[False, True])


def frames_counts(quotes: pd.DataFrame) -> pd.DataFrame:
    """How often each argument frame is used."""
    if quotes.empty:
        return pd.DataFrame(columns=["frame", "quotes"])
    ex = quotes["frames"].explode().dropna()
    return ex.value_counts().rename_axis("frame").reset_index(name="quotes")


def export_frame(df: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The columns offered for download, lists flattened to text ('quotes' or 'numbers')."""
    if kind == "quotes":
        cols = ["article_id", "article_title", "published", "source", "quote_id", "start", "end",
                "speaker_id", "speaker", "role", "party", "kind", "text", "migration",
                "government", "frames", "targets", "evidence", "cue", "rule", "corrected",
                "analyser_version"]
    else:
        cols = ["article_id", "article_title", "published", "source", "number_id", "start",
                "end", "text", "value", "unit", "qualifier", "value_low", "value_high", "kind",
                "metric", "metric_group", "period", "cited_by", "cited_by_name", "party",
                "disagrees", "sentence", "rule", "corrected", "analyser_version"]
    out = df.reindex(columns=cols).copy()
    for col in ("frames", "targets"):
        if col in out:
            out[col] = out[col].map(lambda v: "; ".join(v) if isinstance(v, tuple | list) else v)
    if "evidence" in out:
        out["evidence"] = out["evidence"].map(
            lambda v: "; ".join(f"{e[0]}={e[1]}@{e[2]}-{e[3]}" for e in v) if isinstance(v, tuple | list) else v
        )
    if "published" in out:
        out["published"] = out["published"].map(lambda d: d.isoformat() if isinstance(d, dt.date) else d)
    return out


def articles_frame(rows: Sequence[Any]) -> pd.DataFrame:
    """The corpus list (`Store.articles()` rows) as a table."""
    return pd.DataFrame(
        [
            {"title": r.title, "published": r.published, "source": r.source, "quotes": r.quotes,
             "figures": r.numbers, "characters": r.length, "analyser": r.analyser_version,
             "needs re-analysis": r.stale, "corrections": r.corrections, "added": r.added_at, "url": r.url,
             "file": r.filename, "content hash": r.content_hash[:12], "id": r.id}
            for r in rows
        ],
        columns=["title", "published", "source", "quotes", "figures", "characters", "analyser",
                 "needs re-analysis", "corrections", "added", "url", "file", "content hash", "id"],
    )


def tokens_frame(doc: Any) -> pd.DataFrame:
    """One row per spaCy token: text, offsets, lemma, POS, dependency, head, entity."""
    return pd.DataFrame(
        [
            {
                "i": t.i, "token": t.text, "start": t.idx, "end": t.idx + len(t.text),
                "lemma": t.lemma_, "pos": t.pos_, "tag": t.tag_, "dep": t.dep_,
                "head": t.head.text, "head_i": t.head.i,
                "entity": f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "",
            }
            for t in doc
        ]
    )


def entities_frame(doc: Any) -> pd.DataFrame:
    """The named entities spaCy found: text, label, offsets."""
    return pd.DataFrame(
        [{"entity": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char} for e in doc.ents],
        columns=["entity", "label", "start", "end"],
    )
