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
        "height": 460,
        "legend": {**legend_below("Speaker"), "traceorder": "normal"},
        "margin": {"t": 50, "b": 10, "l": 10, "r": 10},
        "font": {"size": 15},
        "xaxis": {"categoryorder": "array", "categoryarray": list(order), "automargin": True},
        "yaxis": {"title": {"text": "quotes"}, "automargin": True},
    }
    return figure(data, layout)


def legend_below(title: str | None = None) -> dict[str, Any]:
    """A horizontal legend under the plot, in its own margin: at 1,024 px a legend beside a chart
    takes most of its width, and one inside the plot covers bars and points."""
    legend: dict[str, Any] = {
        "orientation": "h",
        "yref": "container",
        "y": 0,
        "yanchor": "bottom",
        "x": 0,
        "xanchor": "left",
        "font": {"size": 13},
    }
    if title:
        legend["title"] = {"text": title, "side": "top left"}
    return legend


# The positions map is drawn at 560 px height and at least about 520 px wide (the main column at a
# 1,024 px window with the sidebar open); label boxes are estimated at that size.
MAP_WIDTH_PX, MAP_HEIGHT_PX = 440.0, 450.0
MAP_X_RANGE, MAP_Y_RANGE = (-1.3, 1.3), (-1.35, 1.35)
MAP_LABELS = 12  # at most this many names on the map; every point has a hover text and a table row
LABEL_FONT_PX = 14
_CHAR_PX, _LINE_PX, _GAP_PX, _MARKER_PX = 0.58 * LABEL_FONT_PX, 1.25 * LABEL_FONT_PX, 4.0, 10.0
# Where a label may go around its point, in the order tried: (Plotly textposition, dx, dy) with dx/dy
# the direction of the label's box from the point.
_PLACES = (
    ("top center", 0, 1),
    ("bottom center", 0, -1),
    ("middle right", 1, 0),
    ("middle left", -1, 0),
    ("top right", 1, 1),
    ("top left", -1, 1),
    ("bottom right", 1, -1),
    ("bottom left", -1, -1),
)


def _px(x: float, y: float) -> tuple[float, float]:
    """Data coordinates to the map's estimated pixels (y upward)."""
    (x0, x1), (y0, y1) = MAP_X_RANGE, MAP_Y_RANGE
    return (x - x0) / (x1 - x0) * MAP_WIDTH_PX, (y - y0) / (y1 - y0) * MAP_HEIGHT_PX


def label_places(points: list[tuple[float, float, str]], *, limit: int = MAP_LABELS) -> list[str | None]:
    """A Plotly textposition for each point's label, or None for no label, so that no two labels
    overlap each other or sit on another point, and at most `limit` are shown.

    `points` are (x, y, label) in map coordinates, most important first: the first points get
    their labels, and a label that fits nowhere is left to the hover text and the table.
    """
    centres = [_px(x, y) for x, y, _ in points]
    boxes: list[tuple[float, float, float, float]] = []
    out: list[str | None] = []
    for i, ((cx, cy), (_x, _y, text)) in enumerate(zip(centres, points)):
        if len(boxes) >= limit or not text:
            out.append(None)
            continue
        w, h = len(text) * _CHAR_PX, _LINE_PX
        chosen = None
        for place, dx, dy in _PLACES:
            left = cx - w / 2 + dx * (w / 2 + _MARKER_PX) if dx else cx - w / 2
            bottom = cy - h / 2 + dy * (h / 2 + _MARKER_PX) if dy else cy - h / 2
            box = (left, bottom, left + w, bottom + h)
            if box[0] < 0 or box[2] > MAP_WIDTH_PX or box[1] < 0 or box[3] > MAP_HEIGHT_PX:
                continue
            if any(_overlap(box, b) for b in boxes):
                continue
            if any(
                j != i and _overlap(box, (px - _MARKER_PX, py - _MARKER_PX, px + _MARKER_PX, py + _MARKER_PX))
                for j, (px, py) in enumerate(centres)
            ):
                continue
            chosen = place
            boxes.append((box[0] - _GAP_PX, box[1] - _GAP_PX, box[2] + _GAP_PX, box[3] + _GAP_PX))
            break
        out.append(chosen)
    return out


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def positions_map(positions: pd.DataFrame, highlight: str | None = None) -> go.Figure:
    """The stance map: speakers (circles) and parties (diamonds) by mean direction and government position.

    Parties and the most quoted speakers are named where their names fit (`label_places`); every
    point names itself on hover. `highlight` (a point's key) rings that point and always names it.
    """
    order = positions.assign(_party=positions["kind"] == "party").sort_values(
        ["_party", "quotes"], ascending=[False, False], kind="stable"
    )
    keys = _plain(order["key"])
    places = label_places(
        [
            (float(x), float(y), "" if k == highlight else str(label))
            for x, y, label, k in zip(_plain(order["px"]), _plain(order["py"]), _plain(order["label"]), keys)
        ]
    )
    place_of = dict(zip(keys, places))
    data = []
    for kind, symbol, size in (("party", "diamond", 24), ("speaker", "circle", 16)):
        pts = order[order["kind"] == kind]
        if pts.empty:
            continue
        labels, pkeys = _plain(pts["label"]), _plain(pts["key"])
        data.append(
            {
                "type": "scatter",
                "x": _plain(pts["px"]),
                "y": _plain(pts["py"]),
                "mode": "markers+text",
                "name": "parties" if kind == "party" else "speakers",
                "text": [str(t) if place_of.get(k) else "" for t, k in zip(labels, pkeys)],
                "textposition": [place_of.get(k) or "top center" for k in pkeys],
                "textfont": {"size": LABEL_FONT_PX},
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
                        pkeys,
                        _plain(pts["quotes"]),
                        _plain(pts["x"]),
                        _plain(pts["y"]),
                        [str(t) for t in labels],
                    )
                ],
                "hovertemplate": "<b>%{customdata[5]}</b><br>%{customdata[2]} quotes<br>"
                "direction %{customdata[3]:.2f} · government %{customdata[4]:.2f}<extra></extra>",
            }
        )
    if highlight is not None and highlight in place_of:
        data.append(_found_ring(order[order["key"] == highlight].iloc[0]))
    return figure(data, _map_layout())


def _found_ring(pt: pd.Series) -> dict[str, Any]:
    """A ring and a name around the point a search found."""
    return {
        "type": "scatter",
        "x": [float(pt["px"])],
        "y": [float(pt["py"])],
        "mode": "markers+text",
        "name": "found",
        "showlegend": False,
        "hoverinfo": "skip",
        "text": [str(pt["label"])],
        "textposition": "top center",
        "textfont": {"size": LABEL_FONT_PX + 2, "color": "#111827"},
        "marker": {"size": 34, "symbol": "circle-open", "color": "#111827", "line": {"width": 3}},
    }


def _map_layout() -> dict[str, Any]:
    axis_line = {"type": "line", "line": {"color": AXIS_COLOUR}}
    layout = {
        "height": 560,
        "font": {"size": 15},
        "margin": {"t": 10, "b": 10, "l": 10, "r": 10},
        "xaxis": {
            "range": list(MAP_X_RANGE),
            "title": {"text": "← restrictive   ·   migration   ·   open →"},
            "zeroline": False,
            "automargin": True,
        },
        "yaxis": {
            "range": list(MAP_Y_RANGE),
            "title": {"text": "← supports   ·   the government   ·   opposes →"},
            "zeroline": False,
            "automargin": True,
        },
        "legend": legend_below(),
        "shapes": [
            {**axis_line, "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": 0, "y1": 0},
            {**axis_line, "yref": "paper", "y0": 0, "y1": 1, "xref": "x", "x0": 0, "x1": 0},
        ],
    }
    return layout


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


# The dot plot's value axis runs left to right: "over 12,000" points right, "under 500" left.
SIDEWAYS = {"triangle-up": "triangle-right", "triangle-down": "triangle-left"}


def figures_chart(points: pd.DataFrame, title: str, unit: str | None, max_citers: int = 8) -> go.Figure:
    """One metric's figures (`analysis.tables.chart_points`) as a dot plot: a row per figure, labelled
    with its text and date, its value along the axis; a colour per citer, error bars for ranges."""
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
                "x": pick("value"),
                "y": pick("label"),
                "mode": "markers",
                "name": str(who) if who is not None else "others",
                "marker": {
                    "size": 18,
                    "color": _citer_colour(col, rows[0]) if who is not None else OTHERS_COLOUR,
                    "symbol": [SIDEWAYS.get(v, v) for v in pick("symbol")],
                    "line": {"width": 1, "color": "white"},
                },
                "error_x": {
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
                "hovertemplate": "%{x:,}<br>qualifier: %{customdata[0]}<br>period: %{customdata[1]}"
                "<br>%{customdata[2]}<extra>%{customdata[3]}</extra>",
            }
        )
    layout = {
        "title": {"text": title, "font": {"size": 17}},
        "height": 150 + 30 * len(set(col["label"])),  # one row per figure, in type a projector shows
        "font": {"size": 14},
        "xaxis": {"title": {"text": unit or "value"}, "automargin": True},
        # "12,000" must stay a label, not become the number 12000; the first figure at the top
        "yaxis": {"type": "category", "automargin": True, "autorange": "reversed"},
        "legend": legend_below("Cited by"),
        "margin": {"t": 60, "b": 10, "l": 10, "r": 10},
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


def group_colour(group: str, by: str) -> str:
    """A party's colour, or a stable colour per outlet; grey for 'no party' and 'others'."""
    from analysis.tables.trends import MISSING

    if group in (MISSING.get(by), "others"):
        return OTHERS_COLOUR
    return party_colour(group) if by == "party" else speaker_colour(f"outlet:{group}")


def _period_axis(period: str) -> dict[str, Any]:
    return {
        "type": "date",
        "title": {"text": "week starting" if period == "week" else "month"},
        "tickformat": "%d %b %Y" if period == "week" else "%b %Y",
        "automargin": True,
    }


def trend_lines(stance: pd.DataFrame, groups: list[str], by: str, period: str) -> go.Figure:
    """Mean direction on migration per period, a line per group (`analysis.tables.trends.stance_over_time`).

    A marker's size grows with its quotes: a mean of two quotes should not look as firm as one of forty.
    """
    data = []
    for group in groups:
        rows = stance[stance["group"] == group]
        rows = rows[rows["score"].notna()]
        if rows.empty:
            continue
        quotes = _plain(rows["quotes"])
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": str(group),
                "x": [d.isoformat() for d in rows["period"]],
                "y": _plain(rows["score"].round(2)),
                "line": {"color": group_colour(group, by), "width": 2},
                "marker": {
                    "color": group_colour(group, by),
                    "size": [min(30, 8 + 3 * n**0.5) for n in quotes],
                    "line": {"color": "white", "width": 1},
                },
                "customdata": [
                    [str(group), d.isoformat(), n, r, o]
                    for d, n, r, o in zip(rows["period"], quotes, _plain(rows["restrictive"]), _plain(rows["open"]))
                ],
                "hovertemplate": "<b>%{customdata[0]}</b> · %{x}<br>%{customdata[2]} quotes about migration"
                "<br>%{customdata[3]} restrictive, %{customdata[4]} open<br>mean direction %{y:.2f}<extra></extra>",
            }
        )
    layout = {
        "height": 420,
        "font": {"size": 14},
        "title": {"text": "Direction on migration over time"},
        "margin": {"t": 50, "b": 10, "l": 10, "r": 10},
        "xaxis": _period_axis(period),
        "yaxis": {
            "range": [-1.15, 1.15],
            "title": {"text": "← restrictive · open →"},
            "zeroline": True,
            "zerolinecolor": AXIS_COLOUR,
            "automargin": True,
        },
        "legend": legend_below("Party" if by == "party" else "Outlet"),
    }
    return figure(data, layout)


def trend_bars(counts: pd.DataFrame, column: str, groups: list[str], by: str, period: str, title: str) -> go.Figure:
    """`column` (quotes or figures) per period, stacked by group; groups beyond `groups` as 'others'."""
    kept = counts["group"].where(counts["group"].isin(groups), "others")
    summed = counts.assign(group=kept).groupby(["group", "period"], sort=False)[column].sum().reset_index()
    data = []
    for group in [*groups, "others"]:
        rows = summed[summed["group"] == group].sort_values("period")
        if rows.empty:
            continue
        data.append(
            {
                "type": "bar",
                "name": str(group),
                "x": [d.isoformat() for d in rows["period"]],
                "y": _plain(rows[column]),
                "marker": {"color": group_colour(group, by)},
                "customdata": [[str(group), d.isoformat()] for d in rows["period"]],
                "hovertemplate": f"<b>%{{customdata[0]}}</b> · %{{x}}<br>%{{y}} {column}<extra></extra>",
            }
        )
    layout = {
        "barmode": "stack",
        "height": 380,
        "font": {"size": 14},
        "title": {"text": title},
        "margin": {"t": 50, "b": 10, "l": 10, "r": 10},
        "xaxis": _period_axis(period),
        "yaxis": {"title": {"text": column}, "automargin": True},
        "legend": {**legend_below("Party" if by == "party" else "Outlet"), "traceorder": "normal"},
    }
    return figure(data, layout)
