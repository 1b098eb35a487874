"""Stance and figures over time: quotes and figures counted by week or month, by party or by outlet.

Works on the frames of `analysis.tables` (`quotes_frame`, `numbers_frame`), so the sidebar's
filters, applied once in the store's SQL, apply here too. An article without a publication date
has no place on a time axis: its rows are left out and counted (`undated`).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import numpy as np
import pandas as pd

from analysis.tables import MIGRATION_SCORE

Period = Literal["week", "month"]
GroupBy = Literal["party", "outlet"]
PERIODS: tuple[Period, ...] = ("week", "month")
GROUP_BYS: tuple[GroupBy, ...] = ("party", "outlet")
MISSING = {"party": "no party", "outlet": "outlet not given"}
DIRECTION_COLUMNS = ("restrictive", "open", "mixed", "neutral", "unclear")
STANCE_COLUMNS = ["period", "group", "quotes", *DIRECTION_COLUMNS, "supports", "opposes", "score"]
FIGURE_COLUMNS = ["period", "group", "figures", "metrics"]


def period_start(day: dt.date, period: Period) -> dt.date:
    """The Monday of the date's week, or the first of its month."""
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def period_label(start: dt.date, period: Period) -> str:
    """'week of 3 Mar 2026' or 'March 2026'."""
    if period == "week":
        return f"week of {start.day} {start:%b %Y}"
    return f"{start:%B %Y}"


def _keys(frame: pd.DataFrame, period: Period, by: GroupBy) -> tuple[np.ndarray, np.ndarray]:
    """Each row's period start (None when undated) and group label."""
    published = frame["published"].astype(object).to_numpy()
    starts = np.array([period_start(d, period) if isinstance(d, dt.date) else None for d in published], dtype=object)
    column = "party" if by == "party" else "source"
    groups = frame[column].astype(object).to_numpy()
    groups = np.array(
        [g if isinstance(g, str) and g else MISSING[by] for g in groups],
        dtype=object,
    )
    return starts, groups


def undated(frame: pd.DataFrame) -> int:
    """Rows whose article has no publication date."""
    if frame.empty:
        return 0
    return int(sum(not isinstance(d, dt.date) for d in frame["published"].astype(object)))


def _about(quotes: pd.DataFrame) -> pd.DataFrame:
    return quotes[quotes["about_migration"].to_numpy(dtype=bool)] if not quotes.empty else quotes


def stance_over_time(quotes: pd.DataFrame, *, period: Period, by: GroupBy) -> pd.DataFrame:
    """Per period and group: quotes about migration, counts per direction and toward the
    government, and `score`, the mean direction (restrictive -1 .. open +1, as on the positions
    map; NaN when no quote has a direction). Oldest period first, larger groups first within it."""
    about = _about(quotes)
    if about.empty:
        return pd.DataFrame(columns=STANCE_COLUMNS)
    starts, groups = _keys(about, period, by)
    dated = starts != None  # noqa: E711 - elementwise on an object array
    if not dated.any():
        return pd.DataFrame(columns=STANCE_COLUMNS)
    frame = pd.DataFrame(
        {
            "period": starts[dated],
            "group": groups[dated],
            "migration": about["migration"].astype(object).to_numpy()[dated],
            "government": about["government"].astype(object).to_numpy()[dated],
        }
    )
    for label in DIRECTION_COLUMNS:
        frame[label] = frame["migration"] == label
    frame["supports"] = frame["government"] == "supports"
    frame["opposes"] = frame["government"] == "opposes"
    frame["_score"] = frame["migration"].map(MIGRATION_SCORE)
    out = frame.groupby(["period", "group"], sort=True).agg(
        quotes=("migration", "size"),
        **{label: (label, "sum") for label in (*DIRECTION_COLUMNS, "supports", "opposes")},
        score=("_score", "mean"),
    )
    out = out.reset_index()
    out[list(DIRECTION_COLUMNS) + ["supports", "opposes"]] = out[
        list(DIRECTION_COLUMNS) + ["supports", "opposes"]
    ].astype(int)
    return out.sort_values(["period", "quotes", "group"], ascending=[True, False, True], kind="stable")[
        STANCE_COLUMNS
    ].reset_index(drop=True)


def figures_over_time(numbers: pd.DataFrame, *, period: Period, by: GroupBy) -> pd.DataFrame:
    """Per period and group: figures cited and how many metrics they measure (party: the citer's)."""
    if numbers.empty:
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    starts, groups = _keys(numbers, period, by)
    dated = starts != None  # noqa: E711
    if not dated.any():
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    frame = pd.DataFrame(
        {
            "period": starts[dated],
            "group": groups[dated],
            "metric": numbers["metric_group"].astype(object).to_numpy()[dated],
        }
    )
    out = frame.groupby(["period", "group"], sort=True).agg(figures=("metric", "size"), metrics=("metric", "nunique"))
    return (
        out.reset_index()
        .sort_values(["period", "figures", "group"], ascending=[True, False, True], kind="stable")[FIGURE_COLUMNS]
        .reset_index(drop=True)
    )


def top_groups(counts: pd.DataFrame, column: str, limit: int) -> list[str]:
    """The `limit` groups with the most `column` over all periods (ties by name)."""
    if counts.empty:
        return []
    totals = counts.groupby("group")[column].sum()
    return sorted(totals.index, key=lambda g: (-totals[g], g))[:limit]


def rows_in(frame: pd.DataFrame, *, period: Period, by: GroupBy, start: dt.date, group: str | None) -> np.ndarray:
    """Row positions of `frame` (quotes about migration, or figures) in one period and group (None: any group)."""
    if frame.empty:
        return np.array([], dtype=np.int64)
    starts, groups = _keys(frame, period, by)
    mask = starts == start
    if "about_migration" in frame:
        mask &= frame["about_migration"].to_numpy(dtype=bool)
    if group is not None:
        mask &= groups == group
    return np.flatnonzero(mask)
