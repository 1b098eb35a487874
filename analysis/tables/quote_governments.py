"""Which government a quote's position "toward the government" is measured against.

The stance rules measure each quote against the government of the article's country on the
article's date (`Stance.toward`, a registry term id such as "uk-2024-07-05"), kept in each
stored analysis's JSON. "Supports the government" means something different for the UK's Labour
government and for the US administration, so the Stance page draws one positions map per
government. Quotes a user added on the Corrections page are not in the JSON: they take the
government most of their article's quotes are measured against.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import numpy as np

from analysis.registry import load_registry

if TYPE_CHECKING:
    import pandas as pd

    from analysis.store import Store

NO_GOVERNMENT = ""  # the term id of quotes measured against no known government


def quote_terms(store: Store) -> dict[tuple[str, str], str]:
    """(article id, quote id) -> the government term id its stance is measured against ('' for none)."""
    sql = (
        "SELECT n.article_id, json_extract(j.value, '$.id'), coalesce(json_extract(j.value, '$.stance.toward'), '')"
        " FROM analyses n, json_each(n.json, '$.quotes') j"
    )
    with store.connect() as conn:
        return {(a, q): t for a, q, t in conn.execute(sql)}


def term_ids(quotes: pd.DataFrame, terms: dict[tuple[str, str], str]) -> np.ndarray:
    """The government term id of each row of a quotes frame (`analysis.tables.quotes_frame`)."""
    if quotes.empty:
        return np.array([], dtype=object)
    articles = quotes["article_id"].astype(object).to_numpy()
    ids = quotes["quote_id"].astype(object).to_numpy()
    found = [terms.get((a, q)) for a, q in zip(articles, ids)]
    usual: dict[str, Counter[str]] = {}
    for a, t in zip(articles, found):
        if t is not None:
            usual.setdefault(a, Counter())[t] += 1
    return np.array(
        [
            t if t is not None else (usual[a].most_common(1)[0][0] if a in usual else NO_GOVERNMENT)
            for a, t in zip(articles, found)
        ],
        dtype=object,
    )


def term_label(term_id: str) -> str:
    """'UK: Labour government (Starmer)'; 'No government identified' for ''."""
    if not term_id:
        return "No government identified"
    term = load_registry().government_by_id(term_id)
    return term.label if term else term_id
