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

import numpy as np
import pandas as pd

from analysis.palette import NARRATOR, party_colour, speaker_colour, tint
from analysis.records import Analysis
from analysis.store import NO_FILTERS, Filters, Store

# Where a quote sits on the stance map. x: restrictive (-1) to open (+1);
# y: supports the government (-1) to opposes it (+1). Labels with no direction are left out.
MIGRATION_SCORE: dict[str, float] = {"restrictive": -1.0, "mixed": 0.0, "neutral": 0.0, "open": 1.0}
GOVERNMENT_SCORE: dict[str, float] = {"supports": -1.0, "neutral": 0.0, "opposes": 1.0}

QUOTE_COLUMNS = [
    "article_id",
    "article_title",
    "article_url",
    "content_hash",
    "published",
    "source",
    "quote_id",
    "seq",
    "kind",
    "text",
    "start",
    "end",
    "speaker_id",
    "speaker",
    "role",
    "party",
    "about_migration",
    "migration",
    "government",
    "frames",
    "targets",
    "evidence",
    "cue",
    "cue_start",
    "cue_end",
    "rule",
    "mention_text",
    "mention_rule",
    "before",
    "after",
    "speaker_colour",
    "party_colour",
    "tint",
    "corrected",
    "analyser_version",
]
NUMBER_COLUMNS = [
    "article_id",
    "article_title",
    "article_url",
    "content_hash",
    "published",
    "source",
    "number_id",
    "seq",
    "text",
    "start",
    "end",
    "value",
    "kind",
    "unit",
    "qualifier",
    "value_low",
    "value_high",
    "err_minus",
    "err_plus",
    "metric",
    "metric_group",
    "period",
    "cited_by",
    "cited_by_name",
    "party",
    "quote_id",
    "sentence",
    "sentence_start",
    "sentence_end",
    "disagrees",
    "rule",
    "speaker_colour",
    "corrected",
    "analyser_version",
]


def _date(value: Any) -> dt.date | None:
    if _missing(value) or value == "":  # SQL NULL arrives as None or NaN depending on the column's dtype
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


# Columns with few distinct values are stored as categories: grouping, masking and taking rows
# then work on small integer codes instead of strings (docs/scale.md: 110,000 quotes).
QUOTE_LABELS = [
    "article_id",
    "article_title",
    "article_url",
    "content_hash",
    "source",
    "kind",
    "speaker_id",
    "speaker",
    "role",
    "party",
    "migration",
    "government",
    "cue",
    "rule",
    "mention_rule",
    "speaker_colour",
    "party_colour",
    "tint",
    "analyser_version",
]
NUMBER_LABELS = [
    "article_id",
    "article_title",
    "article_url",
    "content_hash",
    "source",
    "kind",
    "unit",
    "metric",
    "metric_group",
    "cited_by",
    "cited_by_name",
    "party",
    "rule",
    "speaker_colour",
    "analyser_version",
]


QUOTE_TEXTS = ["quote_id", "text", "mention_text", "before", "after"]
QUOTE_NUMBERS = ["seq", "start", "end", "cue_start", "cue_end"]
NUMBER_TEXTS = ["number_id", "text", "qualifier", "period", "quote_id", "sentence"]
NUMBER_NUMBERS = ["seq", "start", "end", "value", "value_low", "value_high", "sentence_start", "sentence_end"]


def _as_categories(df: pd.DataFrame, columns: list[str], texts: list[str], numbers: list[str]) -> pd.DataFrame:
    """One set of dtypes whichever way the frame was built (store rows or records)."""
    for col in columns:
        df[col] = df[col].astype("category")
    for col in texts:
        df[col] = df[col].astype("str")
    for col in numbers:
        df[col] = pd.to_numeric(df[col])
    return df


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
    return _as_categories(df, QUOTE_LABELS, QUOTE_TEXTS, QUOTE_NUMBERS)


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
    """Store rows as a frame of plain objects: the dtypes are settled once, in `_as_categories`
    (letting pandas infer a string type for 33 columns of 110,000 rows costs more than a second)."""
    if not rows:
        return pd.DataFrame()
    return pd.DataFrame([tuple(r) for r in rows], columns=list(rows[0].keys()), dtype=object)


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
            "article_url": raw["url"],
            "content_hash": raw["content_hash"],
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
                "article_id": art.id,
                "article_title": art.title,
                "published": art.published,
                "source": art.source,
                "quote_id": q.id,
                "seq": seq,
                "kind": q.kind,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "speaker_id": q.speaker_id,
                "speaker": (sp.name if sp else None) or q.speaker_name or "Unattributed",
                "role": sp.role if sp else None,
                "party": sp.party if sp else None,
                "about_migration": st.about_migration,
                "migration": st.migration,
                "government": st.government,
                "frames": st.frames,
                "targets": st.targets,
                "evidence": tuple((e.label, e.text, e.start, e.end) for e in st.evidence),
                "cue": q.cue,
                "cue_start": q.cue_start,
                "cue_end": q.cue_end,
                "rule": q.rule,
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
    return _as_categories(df, NUMBER_LABELS, NUMBER_TEXTS, NUMBER_NUMBERS)


def numbers_frame(store: Store, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Figures matching the filters, with who cited them, ranges and sentence context.

    `err_minus`/`err_plus` are the distances from `value` to `value_low`/`value_high`
    (0 where the figure is exact), ready for Plotly error bars.
    """
    raw = _rows_frame(store.query_numbers(filters))
    if raw.empty:
        return _number_frame([])
    raw["published"] = _memo_map(raw["published"], _date)
    raw["article_url"] = raw["url"]
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
                "article_id": art.id,
                "article_title": art.title,
                "published": art.published,
                "source": art.source,
                "number_id": n.id,
                "seq": seq,
                "text": n.text,
                "start": n.start,
                "end": n.end,
                "value": n.value,
                "kind": n.kind,
                "unit": n.unit,
                "qualifier": n.qualifier,
                "value_low": n.value_low,
                "value_high": n.value_high,
                "metric": n.metric,
                "metric_group": n.metric_group,
                "period": n.period,
                "cited_by": n.cited_by,
                "cited_by_name": (sp.name if sp else None) or n.cited_by_name,
                "party": sp.party if sp else None,
                "quote_id": n.quote_id,
                "sentence": n.sentence.text if n.sentence else None,
                "sentence_start": n.sentence.start if n.sentence else None,
                "sentence_end": n.sentence.end if n.sentence else None,
                "disagrees": n.disagrees,
                "rule": n.rule,
                "corrected": None,
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
    migration (NaN when none carries that label). `direction` and `government` follow
    `overall_direction` / `overall_government`. Everything is counted on integer codes
    with numpy, once for all speakers: this runs on every filter change of a large corpus.
    """
    cols = [
        "speaker_id",
        "speaker",
        "role",
        "party",
        "quotes",
        "articles",
        "direction",
        "government",
        "x",
        "y",
        "speaker_colour",
        "party_colour",
    ]
    if quotes.empty:
        return pd.DataFrame(columns=cols)
    codes, ids = _codes(quotes["speaker_id"])
    known = codes >= 0
    if not known.any():
        return pd.DataFrame(columns=cols)
    present, first = np.unique(codes[known], return_index=True)
    rows = np.flatnonzero(known)[first]  # each speaker's first quote, for name, role and party
    out = pd.DataFrame({"speaker_id": ids[present]})
    for col in ("speaker", "role", "party", "speaker_colour", "party_colour"):
        out[col] = _values(quotes[col], rows)
    n = len(ids)
    out["quotes"] = np.bincount(codes[known], minlength=n)[present]
    article_codes, articles = _codes(quotes["article_id"])
    pairs = np.unique(codes[known].astype(np.int64) * (len(articles) + 1) + article_codes[known] + 1)
    out["articles"] = np.bincount(pairs // (len(articles) + 1), minlength=n)[present]
    about = known & quotes["about_migration"].to_numpy(dtype=bool)
    summary = _stance_summary(codes[about], n, quotes["migration"], quotes["government"], about)
    for col, values in summary.items():
        out[col] = values[present]
    return out[cols].sort_values(["quotes", "speaker"], ascending=[False, True], kind="stable")


def _codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(integer code per row, -1 for missing; the distinct values as an object array)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy(), np.asarray(values.cat.categories.to_numpy(dtype=object), dtype=object)
    codes, uniques = pd.factorize(values.to_numpy(dtype=object))
    return codes, np.asarray(uniques, dtype=object)


def _values(column: pd.Series, rows: np.ndarray) -> np.ndarray:
    """Plain Python values of `column` at positions `rows` (None where missing)."""
    codes, uniques = _codes(column.iloc[rows])
    return np.where(codes >= 0, uniques[np.maximum(codes, 0)] if len(uniques) else None, None)


def _label_counts(column: pd.Series, mask: np.ndarray, keys: np.ndarray, n: int, labels: tuple[str, ...]) -> np.ndarray:
    """counts[key, j]: rows under `mask` with that key whose `column` is labels[j]."""
    codes, uniques = _codes(column)
    lookup = np.array([labels.index(u) if u in labels else -1 for u in uniques] + [-1], dtype=np.int64)
    label_index = lookup[codes[mask]]  # code -1 (missing) reads the trailing -1
    hit = label_index >= 0
    flat = np.bincount(keys[hit].astype(np.int64) * len(labels) + label_index[hit], minlength=n * len(labels))
    return flat.reshape(n, len(labels))


def _stance_summary(
    keys: np.ndarray, n: int, migration: pd.Series, government: pd.Series, mask: np.ndarray
) -> dict[str, np.ndarray]:
    """Per key 0..n-1: overall direction, overall government position, mean x and mean y.

    Vectorised `overall_direction` / `overall_government` (tests/test_tables.py checks that
    they agree); rows are those under `mask`, and `keys` gives each such row's key.
    """
    mig = _label_counts(migration, mask, keys, n, ("restrictive", "open", "mixed", "neutral"))
    restrictive, open_, mixed, neutral = mig.T
    directional = restrictive + open_ + mixed
    direction = np.select(
        [
            (directional == 0) & (neutral > 0),
            directional == 0,
            restrictive >= 2 / 3 * directional,
            open_ >= 2 / 3 * directional,
        ],
        ["neutral", "unclear", "restrictive", "open"],
        "mixed",
    ).astype(object)
    gov_labels = tuple(GOVERNMENT_SCORE)  # supports, neutral, opposes
    gov = _label_counts(government, mask, keys, n, gov_labels)
    top = gov.max(axis=1)
    tied = (gov == top[:, None]).sum(axis=1) > 1
    position = np.where(top == 0, "n/a", np.where(tied, "neutral", np.array(gov_labels)[gov.argmax(axis=1)]))
    mig_scores = np.array([MIGRATION_SCORE[label] for label in ("restrictive", "open", "mixed", "neutral")])
    gov_scores = np.array([GOVERNMENT_SCORE[label] for label in gov_labels])
    with np.errstate(invalid="ignore", divide="ignore"):
        x = (mig @ mig_scores) / mig.sum(axis=1)
        y = (gov @ gov_scores) / gov.sum(axis=1)
    return {"direction": direction, "government": position.astype(object), "x": x, "y": y}


def positions_frame(quotes: pd.DataFrame) -> pd.DataFrame:
    """Points for the stance map: each speaker and each party, placed by their quotes.

    x is the mean migration score (restrictive -1 .. open +1), y the mean government score
    (supports -1 .. opposes +1), over the quotes about migration that carry that label.
    """
    cols = ["kind", "key", "label", "party", "x", "y", "quotes", "colour"]
    sp = speakers_frame(quotes)
    sp = sp[sp["x"].notna() | sp["y"].notna()]
    parts = [
        pd.DataFrame(
            {
                "kind": "speaker",
                "key": sp["speaker_id"],
                "label": sp["speaker"],
                "party": sp["party"],
                "x": sp["x"].fillna(0.0),
                "y": sp["y"].fillna(0.0),
                "quotes": sp["quotes"],
                "colour": sp["speaker_colour"],
            },
            columns=cols,
        )
    ]
    if not quotes.empty:
        codes, parties = _codes(quotes["party"])
        about = quotes["about_migration"].to_numpy(dtype=bool) & (codes >= 0)
        summary = _stance_summary(codes[about], len(parties), quotes["migration"], quotes["government"], about)
        counts = np.bincount(codes[about], minlength=len(parties))
        placed = (counts > 0) & ~(np.isnan(summary["x"]) & np.isnan(summary["y"]))
        order = sorted(np.flatnonzero(placed), key=lambda i: str(parties[i]))
        parts.append(
            pd.DataFrame(
                {
                    "kind": "party",
                    "key": parties[order],
                    "label": parties[order],
                    "party": parties[order],
                    "x": np.nan_to_num(summary["x"][order]),
                    "y": np.nan_to_num(summary["y"][order]),
                    "quotes": counts[order],
                    "colour": [party_colour(str(parties[i])) for i in order],
                },
                columns=cols,
            )
        )
    parts = [p for p in parts if not p.empty]
    df = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)
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
    spot = df.groupby([df["x"].astype(float).round(3), df["y"].astype(float).round(3)], sort=False)
    size = spot["x"].transform("size").to_numpy()
    rank = spot.cumcount().to_numpy()
    angle = 2 * np.pi * rank / size + np.pi / 2
    crowded = size > 1
    df["px"] += np.where(crowded, radius * np.cos(angle), 0.0)
    df["py"] += np.where(crowded, radius * np.sin(angle), 0.0)
    return df


def row_groups(frame: pd.DataFrame, column: str, where: np.ndarray | None = None) -> dict[Any, np.ndarray]:
    """Row positions of `frame` for each value of `column`, in frame order (missing values left out).

    `where` (a boolean array) keeps only some rows. Pages that show a few rows per speaker or
    label take them with `frame.iloc[positions[:k]]` instead of masking the whole frame per value.
    """
    if frame.empty:
        return {}
    codes, values = _codes(frame[column])
    if where is not None:
        codes = np.where(where, codes, -1)
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    starts = np.searchsorted(sorted_codes, np.arange(len(values)), side="left")
    ends = np.searchsorted(sorted_codes, np.arange(len(values)), side="right")
    return {values[i]: order[starts[i] : ends[i]] for i in range(len(values)) if ends[i] > starts[i]}


def about_migration(quotes: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """The quotes about migration; only `columns` are copied (all of them cost a take per column)."""
    if quotes.empty:
        return quotes if columns is None else quotes.reindex(columns=columns)
    mask = quotes["about_migration"].to_numpy(dtype=bool)
    return (quotes if columns is None else quotes[columns])[mask]


def direction_counts(quotes: pd.DataFrame, column: str = "migration") -> pd.DataFrame:
    """Quote counts by `column` ('migration' or 'government') and speaker."""
    keys = [column, "speaker", "speaker_id", "speaker_colour"]
    if quotes.empty:
        return pd.DataFrame(columns=[*keys, "quotes"])
    g = count_by(quotes, keys)
    return g.sort_values([column, "quotes"], ascending=[True, False], kind="stable").reset_index(drop=True)


def count_by(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Rows per distinct combination of `keys` (missing values count as a value), sorted by the keys.

    Like `groupby(keys, dropna=False).size()`, but on integer codes: several times faster on
    100,000 rows of category columns.
    """
    combined = np.zeros(len(frame), dtype=np.int64)
    for key in keys:  # one integer per combination (a few keys of at most thousands of values each)
        codes, values = _codes(frame[key])
        combined = combined * (len(values) + 1) + (codes + 1)  # 0 stands for missing
    _, first, counts = np.unique(combined, return_index=True, return_counts=True)
    out = pd.DataFrame({key: _values(frame[key], first) for key in keys})
    out["quotes"] = counts
    return out.sort_values(keys, na_position="last", kind="stable").reset_index(drop=True)


def targets_frame(quotes: pd.DataFrame) -> pd.DataFrame:
    """Targets named in quotes: one row per target with counts per direction and speakers."""
    cols = ["target", "quotes", "restrictive", "open", "other", "speakers"]
    if quotes.empty:
        return pd.DataFrame(columns=cols)
    # Count each distinct (targets, direction, speaker) combination once, then spread the counts
    # over the targets it names: a few thousand combinations instead of 100,000 rows.
    target_codes, target_sets = pd.factorize(quotes["targets"].to_numpy())
    combos = pd.DataFrame({"t": target_codes, "m": _codes(quotes["migration"])[0], "s": _codes(quotes["speaker"])[0]})
    _, migrations = _codes(quotes["migration"])
    _, speakers = _codes(quotes["speaker"])
    summary: dict[str, dict[str, Any]] = {}
    for (t, m, sp), n in combos.value_counts(sort=False).items():
        direction = migrations[m] if m >= 0 else None
        for target in target_sets[t] if t >= 0 else ():
            row = summary.setdefault(target, {"quotes": 0, "restrictive": 0, "open": 0, "speakers": set()})
            row["quotes"] += int(n)
            if direction in ("restrictive", "open"):
                row[direction] += int(n)
            if sp >= 0:
                row["speakers"].add(str(speakers[sp]))
    if not summary:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame(
        [
            {
                "target": target,
                "quotes": r["quotes"],
                "restrictive": r["restrictive"],
                "open": r["open"],
                "other": r["quotes"] - r["restrictive"] - r["open"],
                "speakers": ", ".join(sorted(r["speakers"])),
            }
            for target, r in summary.items()
        ],
        columns=cols,
    )
    return out.sort_values(["quotes", "target"], ascending=[False, True])


def frames_counts(quotes: pd.DataFrame) -> pd.DataFrame:
    """How often each argument frame is used."""
    if quotes.empty:
        return pd.DataFrame(columns=["frame", "quotes"])
    ex = quotes["frames"].explode().dropna()
    return ex.value_counts().rename_axis("frame").reset_index(name="quotes")


def metric_summary(numbers: pd.DataFrame) -> pd.DataFrame:
    """One row per metric group: `group`, `label` (its first metric's name), `figures`; largest first."""
    cols = ["group", "label", "figures"]
    if numbers.empty:
        return pd.DataFrame(columns=cols)
    codes, groups = _codes(numbers["metric_group"])
    counts = np.bincount(codes[codes >= 0], minlength=len(groups))
    metric_codes, metrics = _codes(numbers["metric"])
    named = np.flatnonzero((codes >= 0) & (metric_codes >= 0))
    labels = groups.copy()
    present, first = np.unique(codes[named], return_index=True)
    labels[present] = metrics[metric_codes[named[first]]]
    out = pd.DataFrame({"group": groups, "label": labels, "figures": counts}).astype({"group": object, "label": object})
    out = out[out["figures"] > 0].sort_values("group", kind="stable")
    return out.sort_values("figures", ascending=False, kind="stable").reset_index(drop=True)


CHART_COLUMNS = [
    "text",
    "value",
    "published",
    "article_id",
    "article_title",
    "cited_by_name",
    "speaker_colour",
    "qualifier",
    "period",
    "value_low",
    "value_high",
    "err_minus",
    "err_plus",
    "disagrees",
    "unit",
]


def chart_points(numbers: pd.DataFrame, rows: np.ndarray, max_points: int) -> pd.DataFrame:
    """The figures at `rows` ready to chart: at most the `max_points` latest, with a unique
    category `label` each, a marker `symbol` and plain (not category) columns."""
    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) > max_points:  # choose the rows first: only they are copied
        published = pd.Series(numbers["published"].to_numpy()[rows])
        order = published.sort_values(ascending=False, na_position="last", kind="stable").index[:max_points]
        rows = rows[np.asarray(order)]
    g = numbers[CHART_COLUMNS].iloc[rows].astype(object).reset_index(drop=True)
    many_articles = g["article_id"].nunique() > 1
    seen: dict[str, int] = {}
    labels = []
    for text, published in zip(g["text"], g["published"]):
        base = f"{text}" + (f" ({published})" if many_articles else "")
        seen[base] = seen.get(base, -1) + 1
        labels.append(base + "\u200b" * seen[base])  # zero-width spaces keep equal labels apart
    g["label"] = labels
    g["symbol"] = [
        _symbol(d, low, high, q)
        for d, low, high, q in zip(g["disagrees"], g["value_low"], g["value_high"], g["qualifier"])
    ]
    return g


def _symbol(disagrees: bool, low: Any, high: Any, qualifier: Any) -> str:
    """Cross: conflicts; triangle: open-ended ("over 12,000"); circle: exact or closed range."""
    if disagrees:
        return "x"
    qualified = not _missing(qualifier) and bool(qualifier)
    if qualified and _missing(high) and not _missing(low):
        return "triangle-up"
    if qualified and _missing(low) and not _missing(high):
        return "triangle-down"
    return "circle"


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


NUMBER_VIEWS: dict[str, Any] = {
    "metrics": metric_summary,
    "rows_by_metric": lambda n: row_groups(n, "metric_group"),
    "conflicts": lambda n: (
        n.loc[n["disagrees"].to_numpy(dtype=bool), ["text", "cited_by_name"]].astype(object) if not n.empty else n
    ),
}


# Views derived from a (filtered) quotes frame, built once per corpus version and filters by the
# app's cache. Values are frames or {value: row positions} maps (see `row_groups`).
DERIVED_VIEWS: dict[str, Any] = {
    "speakers": speakers_frame,
    "positions": positions_frame,
    "targets": lambda q: targets_frame(about_migration(q, ["targets", "migration", "speaker"])),
    "rows_by_speaker": lambda q: row_groups(q, "speaker_id"),
    "about_rows_by_migration": lambda q: row_groups(q, "migration", _about_mask(q)),
    "about_rows_by_government": lambda q: row_groups(q, "government", _about_mask(q)),
    "migration_counts": lambda q: direction_counts(about_migration(q, _COUNT_COLUMNS), "migration"),
    "government_counts": lambda q: direction_counts(about_migration(q, _COUNT_COLUMNS), "government"),
}
_COUNT_COLUMNS = ["migration", "government", "speaker", "speaker_id", "speaker_colour"]


def _about_mask(quotes: pd.DataFrame) -> np.ndarray | None:
    return quotes["about_migration"].to_numpy(dtype=bool) if not quotes.empty else None


def export_frame(df: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The columns offered for download, lists flattened to text ('quotes' or 'numbers')."""
    if kind == "quotes":
        cols = [
            "article_id",
            "article_title",
            "article_url",
            "content_hash",
            "published",
            "source",
            "quote_id",
            "start",
            "end",
            "speaker_id",
            "speaker",
            "role",
            "party",
            "kind",
            "text",
            "migration",
            "government",
            "frames",
            "targets",
            "evidence",
            "cue",
            "rule",
            "corrected",
            "analyser_version",
        ]
    else:
        cols = [
            "article_id",
            "article_title",
            "article_url",
            "content_hash",
            "published",
            "source",
            "number_id",
            "start",
            "end",
            "text",
            "value",
            "unit",
            "qualifier",
            "value_low",
            "value_high",
            "kind",
            "metric",
            "metric_group",
            "period",
            "cited_by",
            "cited_by_name",
            "party",
            "disagrees",
            "sentence",
            "rule",
            "corrected",
            "analyser_version",
        ]
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
            {
                "title": r.title,
                "published": r.published,
                "source": r.source,
                "quotes": r.quotes,
                "figures": r.numbers,
                "characters": r.length,
                "analyser": r.analyser_version,
                "needs re-analysis": r.stale,
                "corrections": r.corrections,
                "added": r.added_at,
                "url": r.url,
                "file": r.filename,
                "content hash": r.content_hash[:12],
                "id": r.id,
            }
            for r in rows
        ],
        columns=[
            "title",
            "published",
            "source",
            "quotes",
            "figures",
            "characters",
            "analyser",
            "needs re-analysis",
            "corrections",
            "added",
            "url",
            "file",
            "content hash",
            "id",
        ],
    )


def tokens_frame(doc: Any) -> pd.DataFrame:
    """One row per spaCy token: text, offsets, lemma, POS, dependency, head, entity."""
    return pd.DataFrame(
        [
            {
                "i": t.i,
                "token": t.text,
                "start": t.idx,
                "end": t.idx + len(t.text),
                "lemma": t.lemma_,
                "pos": t.pos_,
                "tag": t.tag_,
                "dep": t.dep_,
                "head": t.head.text,
                "head_i": t.head.i,
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
