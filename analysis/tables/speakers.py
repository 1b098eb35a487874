"""Each speaker's and party's overall stance, and their places on the stance map.

The per-speaker rules `overall_direction` / `overall_government` are the definition; the
frames compute the same on integer codes for every speaker at once (tests/test_tables.py
checks that they agree).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.tables.codes import label_codes, values_at

# Where a quote sits on the stance map. x: restrictive (-1) to open (+1);
# y: supports the government (-1) to opposes it (+1). Labels with no direction are left out.
MIGRATION_SCORE: dict[str, float] = {"restrictive": -1.0, "mixed": 0.0, "neutral": 0.0, "open": 1.0}

GOVERNMENT_SCORE: dict[str, float] = {"supports": -1.0, "neutral": 0.0, "opposes": 1.0}


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
    ]
    if quotes.empty:
        return pd.DataFrame(columns=cols)
    codes, ids = label_codes(quotes["speaker_id"])
    known = codes >= 0
    if not known.any():
        return pd.DataFrame(columns=cols)
    present, first = np.unique(codes[known], return_index=True)
    rows = np.flatnonzero(known)[first]  # each speaker's first quote, for name, role and party
    out = pd.DataFrame({"speaker_id": ids[present]})
    for col in ("speaker", "role", "party"):
        out[col] = values_at(quotes[col], rows)
    n = len(ids)
    out["quotes"] = np.bincount(codes[known], minlength=n)[present]
    article_codes, articles = label_codes(quotes["article_id"])
    pairs = np.unique(codes[known].astype(np.int64) * (len(articles) + 1) + article_codes[known] + 1)
    out["articles"] = np.bincount(pairs // (len(articles) + 1), minlength=n)[present]
    about = known & quotes["about_migration"].to_numpy(dtype=bool)
    summary = _stance_summary(codes[about], n, quotes["migration"], quotes["government"], about)
    for col, values in summary.items():
        out[col] = values[present]
    return out[cols].sort_values(["quotes", "speaker"], ascending=[False, True], kind="stable")


def _label_counts(column: pd.Series, mask: np.ndarray, keys: np.ndarray, n: int, labels: tuple[str, ...]) -> np.ndarray:
    """counts[key, j]: rows under `mask` with that key whose `column` is labels[j]."""
    codes, uniques = label_codes(column)
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
    cols = ["kind", "key", "label", "party", "x", "y", "quotes"]
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
            },
            columns=cols,
        )
    ]
    if not quotes.empty:
        codes, parties = label_codes(quotes["party"])
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
