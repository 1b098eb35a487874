"""Downloads of the filtered quotes and figures: CSV that Excel opens (UTF-8 with a BOM) and JSON.

Every row carries its article's id, title, URL and content hash; docs/data_dictionary.md lists every column (tests/test_data_dictionary.py checks it).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import streamlit as st

from analysis.store import Filters, Store

if TYPE_CHECKING:
    import pandas as pd


def downloads(store: Store, filters: Filters, *, where=st.sidebar) -> None:
    """CSV and JSON downloads of the filtered quotes and numbers, built only when clicked."""
    where.markdown("### Download (filtered)")

    def export(kind: str, fmt: str):
        def build() -> str:
            return export_text(store, filters, kind, fmt)

        return build

    c1, c2 = where.columns(2)
    for col, kind, fmt, mime in (
        (c1, "quotes", "csv", "text/csv"),
        (c2, "quotes", "json", "application/json"),
        (c1, "numbers", "csv", "text/csv"),
        (c2, "numbers", "json", "application/json"),
    ):
        col.download_button(
            f"{kind.title()} {fmt.upper()}",
            data=export(kind, fmt),
            file_name=f"{kind}.{fmt}",
            mime=mime,
            key=f"dl_{kind}_{fmt}",
            on_click="ignore",
        )


def export_text(store: Store, filters: Filters, kind: str, fmt: str) -> str | bytes:
    """The filtered quotes or figures as CSV (UTF-8 with a BOM, so Excel reads "ß" and curly quotes) or JSON."""
    from analysis import tables

    frame = tables.quotes_frame(store, filters) if kind == "quotes" else tables.numbers_frame(store, filters)
    out = tables.export_frame(frame, kind)
    if fmt == "csv":
        return out.to_csv(index=False).encode("utf-8-sig")
    return _json(out)


def _json(df: pd.DataFrame) -> str:
    if df.empty:
        return "[]"
    return json.dumps(json.loads(df.to_json(orient="records", force_ascii=False)), indent=1, ensure_ascii=False)
