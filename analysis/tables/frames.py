"""Store rows -> the quotes, figures and corpus-list frames: the only place frames are built.

The rows come from the store's SQL (`analysis.store.queries`), which has already filtered them;
pages and the summaries read these frames and never build their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from analysis import serialization
from analysis.records import NARRATOR
from analysis.store import NO_FILTERS, Filters, Store
from analysis.tables.codes import is_missing

# Which article a row comes from, first in every frame and export: offsets can be checked against the source.
ARTICLE_COLUMNS = ["article_id", "article_title", "article_url", "content_hash", "published", "source"]
QUOTE_COLUMNS = [
    *ARTICLE_COLUMNS,
    "quote_id",
    "seq",
    "kind",
    "text",
    "start",
    "end",
    "speaker_id",
    "speaker",
    "co_speakers",
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
    "corrected",
    "analyser_version",
]

NUMBER_COLUMNS = [
    *ARTICLE_COLUMNS,
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
    "corrected",
    "analyser_version",
]


def _date(value: Any) -> dt.date | None:
    if is_missing(value) or value == "":  # SQL NULL arrives as None or NaN depending on the column's dtype
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


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
    "analyser_version",
]

QUOTE_TEXTS = ["quote_id", "text", "co_speakers", "mention_text", "before", "after"]

QUOTE_NUMBERS = ["seq", "start", "end", "cue_start", "cue_end"]

NUMBER_TEXTS = ["number_id", "text", "qualifier", "period", "quote_id", "sentence"]

NUMBER_NUMBERS = ["seq", "start", "end", "value", "value_low", "value_high", "sentence_start", "sentence_end"]


def _as_categories(df: pd.DataFrame, columns: list[str], texts: list[str], numbers: list[str]) -> pd.DataFrame:
    """Settle the dtypes once: label columns as categories, texts as str, numbers as numbers."""
    for col in columns:
        df[col] = df[col].astype("category")
    for col in texts:
        df[col] = df[col].astype("str")
    for col in numbers:
        df[col] = pd.to_numeric(df[col])
    return df


def _finish_quotes(df: pd.DataFrame) -> pd.DataFrame:
    df = df.reindex(columns=QUOTE_COLUMNS)
    if df.empty:
        return df
    df["about_migration"] = df["about_migration"].astype(bool)
    return _as_categories(df, QUOTE_LABELS, QUOTE_TEXTS, QUOTE_NUMBERS)


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
        return pd.DataFrame([], columns=QUOTE_COLUMNS)
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
            "co_speakers": raw["co_speakers"].fillna(""),
            "role": raw["role"],
            "party": raw["party"],
            "about_migration": raw["about_migration"],
            "migration": raw["migration"],
            "government": raw["government"],
            "frames": _memo_map(raw["frames"], serialization.labels_from_column),
            "targets": _memo_map(raw["targets"], serialization.labels_from_column),
            "evidence": _memo_map(raw["evidence"], serialization.evidence_from_column),
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


def _finish_numbers(df: pd.DataFrame) -> pd.DataFrame:
    if df.empty:
        return df
    df["cited_by_name"] = df["cited_by_name"].fillna(NARRATOR)
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
        return pd.DataFrame([], columns=NUMBER_COLUMNS)
    raw["published"] = _memo_map(raw["published"], _date)
    raw["article_url"] = raw["url"]
    raw["cited_by_name"] = raw["name"].fillna(raw["cited_by_name"])
    return _finish_numbers(raw.reindex(columns=NUMBER_COLUMNS))


# What the downloads carry, in this order (docs/data_dictionary.md describes each column).
QUOTE_EXPORT_COLUMNS = [
    *ARTICLE_COLUMNS,
    "quote_id",
    "start",
    "end",
    "speaker_id",
    "speaker",
    "co_speakers",
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
NUMBER_EXPORT_COLUMNS = [
    *ARTICLE_COLUMNS,
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


def export_frame(df: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The columns offered for download, lists flattened to text ('quotes' or 'numbers')."""
    cols = QUOTE_EXPORT_COLUMNS if kind == "quotes" else NUMBER_EXPORT_COLUMNS
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
