"""The small views the pages chart and list: counts, targets, frames, metrics, chart points, row groups.

`DERIVED_VIEWS` and `NUMBER_VIEWS` name the views the app builds once per corpus version and
filters (ui/caches.py); values are frames or {value: row positions} maps (see `row_groups`).
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
import pandas as pd

from analysis.tables.codes import is_missing, label_codes, values_at
from analysis.tables.speakers import positions_frame, speakers_frame


def row_groups(frame: pd.DataFrame, column: str, where: np.ndarray | None = None) -> dict[Any, np.ndarray]:
    """Row positions of `frame` for each value of `column`, in frame order (missing values left out).

    `where` (a boolean array) keeps only some rows. Pages that show a few rows per speaker or
    label take them with `frame.iloc[positions[:k]]` instead of masking the whole frame per value.
    """
    if frame.empty:
        return {}
    codes, values = label_codes(frame[column])
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
    keys = [column, "speaker", "speaker_id", "party"]
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
        codes, values = label_codes(frame[key])
        combined = combined * (len(values) + 1) + (codes + 1)  # 0 stands for missing
    _, first, counts = np.unique(combined, return_index=True, return_counts=True)
    out = pd.DataFrame({key: values_at(frame[key], first) for key in keys})
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
    combos = pd.DataFrame(
        {"t": target_codes, "m": label_codes(quotes["migration"])[0], "s": label_codes(quotes["speaker"])[0]}
    )
    _, migrations = label_codes(quotes["migration"])
    _, speakers = label_codes(quotes["speaker"])
    summary: dict[str, dict[str, Any]] = {}
    for combo, n in combos.value_counts(sort=False).items():
        t, m, sp = cast(tuple[int, int, int], combo)
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
    codes, groups = label_codes(numbers["metric_group"])
    counts = np.bincount(codes[codes >= 0], minlength=len(groups))
    metric_codes, metrics = label_codes(numbers["metric"])
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
    "cited_by",
    "party",
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
    qualified = not is_missing(qualifier) and bool(qualifier)
    if qualified and is_missing(high) and not is_missing(low):
        return "triangle-up"
    if qualified and is_missing(low) and not is_missing(high):
        return "triangle-down"
    return "circle"


NUMBER_VIEWS: dict[str, Any] = {
    "metrics": metric_summary,
    "rows_by_metric": lambda n: row_groups(n, "metric_group"),
    "conflicts": lambda n: (
        n.loc[n["disagrees"].to_numpy(dtype=bool), ["text", "cited_by_name"]].astype(object) if not n.empty else n
    ),
}

_COUNT_COLUMNS: list[str] = ["migration", "government", "speaker", "speaker_id", "party"]

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


def _about_mask(quotes: pd.DataFrame) -> np.ndarray | None:
    return quotes["about_migration"].to_numpy(dtype=bool) if not quotes.empty else None
