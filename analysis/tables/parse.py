"""spaCy's tokens and entities as frames, for the "How it works" page."""

from __future__ import annotations

from typing import Any

import pandas as pd


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
