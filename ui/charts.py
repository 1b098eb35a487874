"""Plotly figures for the pages, built from plain dicts and lists.

Why dicts: Plotly validates every property of a `go.Scatter`/`go.Bar` as it is built, which
costs about 0.2 s for a stance map of 500 speakers, on every filter change. The figures here
are assembled as dicts and wrapped without that validation. The tests run with
STANCE_EXPLORER_VALIDATE_FIGURES=1 (tests/conftest.py), so every figure the pages draw in the
tests is validated in full and a wrong property name still fails.
"""

from __future__ import annotations

import os
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ui.colours import party_colour, speaker_colour

OTHERS_COLOUR = "#9CA3AF"
AXIS_COLOUR = "#9CA3AF"


def figure(data: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    """A Figure from plain trace and layout dicts (validated only when the tests ask for it)."""
    validate = os.environ.get("STANCE_EXPLORER_VALIDATE_FIGURES") == "1"
    return go.Figure({"data": data, "layout": layout}, _validate=validate)


def _plain(values: Any) -> list[Any]:
    """JSON-ready values: category codes, numpy scalars and NaN become plain Python values."""
    values = values.to_numpy(dtype=object) if hasattr(values, "to_numpy") else values
    return [
        None if v is None or (isinstance(v, float) and v != v) else (v.item() if hasattr(v, "item") else v)
        for v in values
    ]


def stacked_direction_bars(
    counts: pd.DataFrame, column: str, order: tuple[str, ...], title: str, top: int = 12
) -> go.Figure:
    """Quotes per label, stacked by speaker: the `top` speakers by quotes, the rest as 'others'."""
    labels, speaker_ids = _plain(counts[column]), _plain(counts["speaker_id"])
    names, parties, quotes = _plain(counts["speaker"]), _plain(counts["party"]), _plain(counts["quotes"])
    colours = [speaker_colour(sid, party) for sid, party in zip(speaker_ids, parties)]
    totals: dict[Any, int] = {}
    for sid, n in zip(speaker_ids, quotes):
        totals[sid] = totals.get(sid, 0) + n
    leaders = set(sorted(totals, key=lambda sid: -totals[sid])[:top])
    traces: dict[tuple[Any, Any, Any], dict[str, list[Any]]] = {}
    others: dict[Any, int] = {}
    for label, sid, name, colour, n in zip(labels, speaker_ids, names, colours, quotes):
        if sid in leaders:
            trace = traces.setdefault((sid, name, colour), {"x": [], "y": []})
            trace["x"].append(label)
            trace["y"].append(n)
        else:
            others[label] = others.get(label, 0) + n
    data = [
        {"type": "bar", "x": t["x"], "y": t["y"], "name": str(name), "marker": {"color": str(colour)}}
        for (_sid, name, colour), t in traces.items()
    ]
    if others:
        data.append(
            {
                "type": "bar",
                "x": list(others),
                "y": list(others.values()),
                "name": "others",
                "marker": {"color": OTHERS_COLOUR},
            }
        )
    layout = {
        "barmode": "stack",
        "title": {"text": title},
        "height": 380,
        "legend": {"title": {"text": "Speaker"}},
        "margin": {"t": 50, "b": 10},
        "font": {"size": 15},
        "xaxis": {"categoryorder": "array", "categoryarray": list(order)},
    }
    return figure(data, layout)


def positions_map(positions: pd.DataFrame) -> go.Figure:
    """The stance map: speakers (circles) and parties (diamonds) by mean direction and government position."""
    data = []
    for kind, symbol, size in (("party", "diamond", 26), ("speaker", "circle", 18)):
        pts = positions[positions["kind"] == kind]
        if pts.empty:
            continue
        data.append(
            {
                "type": "scatter",
                "x": _plain(pts["px"]),
                "y": _plain(pts["py"]),
                "mode": "markers+text",
                "name": "parties" if kind == "party" else "speakers",
                "text": _plain(pts["label"]),
                "textposition": "bottom center" if kind == "party" else "top center",
                "textfont": {"size": 15},
                "marker": {
                    "color": _point_colours(pts),
                    "size": size,
                    "symbol": symbol,
                    "line": {"color": "white", "width": 1.5},
                },
                "customdata": [
                    list(row)
                    for row in zip(
                        _plain(pts["kind"]),
                        _plain(pts["key"]),
                        _plain(pts["quotes"]),
                        _plain(pts["x"]),
                        _plain(pts["y"]),
                    )
                ],
                "hovertemplate": "<b>%{text}</b><br>%{customdata[2]} quotes<br>"
                "direction %{customdata[3]:.2f} · government %{customdata[4]:.2f}<extra></extra>",
            }
        )
    axis_line = {"type": "line", "line": {"color": AXIS_COLOUR}}
    layout = {
        "height": 560,
        "font": {"size": 15},
        "margin": {"t": 20},
        "xaxis": {
            "range": [-1.3, 1.3],
            "title": {"text": "← restrictive   ·   migration   ·   open →"},
            "zeroline": False,
        },
        "yaxis": {
            "range": [-1.35, 1.35],
            "title": {"text": "← supports   ·   the government   ·   opposes →"},
            "zeroline": False,
        },
        "legend": {"orientation": "h", "y": 1.05},
        "shapes": [
            {**axis_line, "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": 0, "y1": 0},
            {**axis_line, "yref": "paper", "y0": 0, "y1": 1, "xref": "x", "x0": 0, "x1": 0},
        ],
    }
    return figure(data, layout)


def _point_colours(points: pd.DataFrame) -> list[str]:
    """A party's colour for a party point, the speaker's for a speaker point."""
    return [
        party_colour(key) if kind == "party" else speaker_colour(key, party)
        for kind, key, party in zip(_plain(points["kind"]), _plain(points["key"]), _plain(points["party"]))
    ]


FIGURE_COLUMNS = (
    "label",
    "value",
    "symbol",
    "err_plus",
    "err_minus",
    "cited_by",
    "party",
    "qualifier",
    "period",
    "article_title",
    "cited_by_name",
)


def _citer_colour(col: dict[str, list[Any]], row: int) -> str:
    return speaker_colour(col["cited_by"][row], col["party"][row])


def figures_chart(points: pd.DataFrame, title: str, unit: str | None, max_citers: int = 8) -> go.Figure:
    """One metric's figures (`analysis.tables.chart_points`), a colour per citer, error bars for ranges."""
    col = {c: _plain(points[c]) for c in FIGURE_COLUMNS}
    counts: dict[Any, int] = {}
    for who in col["cited_by_name"]:
        counts[who] = counts.get(who, 0) + 1
    citers = sorted(counts, key=lambda w: -counts[w])[:max_citers]  # stable: first seen wins ties
    rows_of: dict[Any, list[int]] = {}
    for i, who in enumerate(col["cited_by_name"]):
        rows_of.setdefault(who if who in citers else None, []).append(i)
    data = []
    for who in [*citers, None]:
        rows = rows_of.get(who)
        if not rows:
            continue

        def pick(name: str, rows: list[int] = rows) -> list[Any]:  # one trace's values of a column
            return [col[name][i] for i in rows]

        data.append(
            {
                "type": "scatter",
                "x": pick("label"),
                "y": pick("value"),
                "mode": "markers",
                "name": str(who) if who is not None else "others",
                "marker": {
                    "size": 18,
                    "color": _citer_colour(col, rows[0]) if who is not None else OTHERS_COLOUR,
                    "symbol": pick("symbol"),
                    "line": {"width": 1, "color": "white"},
                },
                "error_y": {
                    "type": "data",
                    "symmetric": False,
                    "array": pick("err_plus"),
                    "arrayminus": pick("err_minus"),
                    "thickness": 3,
                    "width": 10,
                },
                "customdata": [
                    [
                        "" if v is None else str(v)
                        for v in (
                            col["qualifier"][i],
                            col["period"][i],
                            col["article_title"][i],
                            col["cited_by_name"][i],
                        )
                    ]
                    for i in rows
                ],
                "hovertemplate": "%{y:,}<br>qualifier: %{customdata[0]}<br>period: %{customdata[1]}"
                "<br>%{customdata[2]}<extra>%{customdata[3]}</extra>",
            }
        )
    layout = {
        "title": {"text": title, "font": {"size": 17}},
        "height": 400,
        "font": {"size": 14},
        "yaxis": {"title": {"text": unit or "value"}},
        "legend": {"title": {"text": "Cited by"}},
        "margin": {"t": 60, "b": 10},
        "xaxis": {"type": "category"},  # "12,000" must stay a label, not become the number 12000
    }
    return figure(data, layout)


def direction_bar(counts: pd.DataFrame, colour: str, y_max: int | None = None) -> go.Figure:
    """One speaker's or party's quotes per direction (columns `direction`, `quotes`).

    `y_max`: the top of the count axis, the same on charts shown side by side.
    """
    data = [
        {
            "type": "bar",
            "x": _plain(counts["direction"]),
            "y": _plain(counts["quotes"]),
            "marker": {"color": colour},
            "showlegend": False,
        }
    ]
    layout = {
        "height": 260,
        "margin": {"t": 10, "b": 10},
        "font": {"size": 14},
        "xaxis": {"title": {"text": "direction"}},
        "yaxis": {"title": {"text": "quotes"}, **({"range": [0, y_max * 1.08]} if y_max else {})},
    }
    return figure(data, layout)
