"""Records to JSON and database rows and back: the one place that converts them, with cattrs.

Map of the module:
- `analysis_to_dict` / `analysis_from_dict` (and the `_json` variants): the JSON contract of
  ../shared/gold/README.md, which the CLI prints, the scorer reads and the store keeps in
  `analyses.json`. The article text is not in it: the store keeps it in `articles.text`.
- `speaker_rows`, `quote_rows`, `number_rows`: the normalised rows the list pages query, with
  `insert_sql` for their tables; `labels_from_column`, `evidence_from_column` read their JSON
  columns back.
- `correction_row` / `correction_from_row`, `from_fields`: the store's own records, and any
  record from a dict or row keyed by its field names.

cattrs does the conversion field by field (tuples to lists, dates to ISO strings, nested
records); what is written here is only where the JSON or a table is laid out differently from
the record, so a field added to a record reaches the JSON without touching this module.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeVar

from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter

from analysis.corrections import Correction
from analysis.records import Analysis, Article, Evidence, NumberMention, Quote, Speaker

T = TypeVar("T")
Row = dict[str, Any]
Marks = Mapping[str, tuple[str, ...]]

# The JSON's key order, kept exactly as the first release wrote it, so that the CLI's output
# and the JSON in users' databases stay byte-for-byte the same.
ANALYSIS_KEYS = ("article", "analyser_version", "speakers", "quotes", "numbers", "chrome", "scare_quotes", "warnings")
ARTICLE_KEYS = ("id", "title", "published", "published_rule", "source", "content_hash", "length")
QUOTE_KEYS = (
    "id",
    "kind",
    "text",
    "start",
    "end",
    "speaker_id",
    "speaker",
    "cue",
    "cue_start",
    "cue_end",
    "rule",
    "paragraphs",
    "confidence",
    "speaker_mention",
    "about_migration",
    "stance",
    "frames",
)
STANCE_KEYS = ("migration", "government", "targets", "confidence", "rule", "rule_ids", "toward", "evidence")
# In the JSON these two belong to the quote, not to its stance (the contract's layout).
QUOTE_LEVEL_STANCE = ("about_migration", "frames")


def _is_literal(type_: Any) -> bool:
    return typing.get_origin(type_) is Literal


def _in_order(d: Row, keys: Sequence[str]) -> Row:
    """`d` with `keys` first, in that order; any other key (a field added since) after them."""
    return {**{k: d[k] for k in keys if k in d}, **d}


def _converter() -> Any:
    converter = make_converter(detailed_validation=False)
    # Labels are read as stored: an analysis saved by an older analyser with a label that has
    # since been renamed must still open (it is re-analysed, not rejected).
    converter.register_structure_hook_func(_is_literal, lambda value, _type: value)
    return converter


_json = _converter()

_article_fields = make_dict_unstructure_fn(Article, _json, text=override(omit=True))
_quote_fields = make_dict_unstructure_fn(Quote, _json, speaker_name=override(rename="speaker"))
_quote_from_fields = make_dict_structure_fn(Quote, _json, speaker_name=override(rename="speaker"))


def _article_out(article: Article) -> Row:
    d = _article_fields(article)
    d["length"] = len(article.text)
    return _in_order(d, ARTICLE_KEYS)


def _quote_out(quote: Quote) -> Row:
    d = _quote_fields(quote)
    if not d.get("co_speaker_ids"):
        del d["co_speaker_ids"]  # written only for a joint statement: older analyses read back the same
    stance = d["stance"]
    for key in QUOTE_LEVEL_STANCE:
        d[key] = stance.pop(key)
    d["stance"] = _in_order(stance, STANCE_KEYS)
    return _in_order(d, QUOTE_KEYS)


def _quote_in(data: Mapping[str, Any], _type: Any) -> Quote:
    d = dict(data)
    stance = dict(d.get("stance") or {})
    for key in QUOTE_LEVEL_STANCE:
        if key in d:
            stance[key] = d.pop(key)
    d["stance"] = stance
    return _quote_from_fields(d)


_json.register_unstructure_hook(Article, _article_out)
_json.register_unstructure_hook(Quote, _quote_out)
_json.register_structure_hook(Quote, _quote_in)
# Generated after the hooks above: a generated function binds the hooks of nested records.
_analysis_fields = make_dict_unstructure_fn(Analysis, _json)


def analysis_to_dict(analysis: Analysis) -> Row:
    """The JSON contract of ../shared/gold/README.md (plus extra fields), as plain dicts and lists."""
    return _in_order(_analysis_fields(analysis), ANALYSIS_KEYS)


def analysis_from_dict(data: Mapping[str, Any], text: str) -> Analysis:
    """Rebuild an `Analysis` from `analysis_to_dict` output and the article text it points into."""
    article = {**data["article"], "text": text}
    result: Analysis = _json.structure({**data, "article": article}, Analysis)
    return result


def analysis_to_json(analysis: Analysis, *, indent: int | None = None) -> str:
    """`analysis_to_dict` as JSON text (UTF-8 characters kept as they are)."""
    return json.dumps(analysis_to_dict(analysis), ensure_ascii=False, indent=indent)


def analysis_from_json(document: str, text: str) -> Analysis:
    """Rebuild an `Analysis` from `analysis_to_json` output and the article text."""
    return analysis_from_dict(json.loads(document), text)


# ---------------------------------------------------------------------------------------
# Database rows

_rows = _converter()  # records field by field, without the JSON's layout
# A quote row keeps its evidence as [label, text, start, end] lists (analysis.tables reads them).
_rows.register_unstructure_hook(Evidence, lambda e: [e.label, e.text, e.start, e.end])

# column -> where its value is in the unstructured record ("a.b": field b of field a).
SPEAKER_COLUMNS: dict[str, str] = {
    "speaker_id": "id",
    "name": "name",
    "kind": "kind",
    "role": "role",
    "party": "party",
    "country": "country",
    "quoted": "quoted",
}
QUOTE_COLUMNS: dict[str, str] = {
    "quote_id": "id",
    "kind": "kind",
    "text": "text",
    "start": "start",
    "end": "end",
    "speaker_id": "speaker_id",
    "speaker_name": "speaker_name",
    "cue": "cue",
    "cue_start": "cue_start",
    "cue_end": "cue_end",
    "rule": "rule",
    "mention_text": "speaker_mention.text",
    "mention_rule": "speaker_mention.rule",
    "about_migration": "stance.about_migration",
    "migration": "stance.migration",
    "government": "stance.government",
    "targets": "stance.targets",
    "frames": "stance.frames",
    "evidence": "stance.evidence",
    "stance_rule": "stance.rule",
    "confidence": "stance.confidence",
    "co_speaker_ids": "co_speaker_ids",
}
NUMBER_COLUMNS: dict[str, str] = {
    "number_id": "id",
    "text": "text",
    "start": "start",
    "end": "end",
    "value": "value",
    "kind": "kind",
    "unit": "unit",
    "qualifier": "qualifier",
    "value_low": "value_low",
    "value_high": "value_high",
    "metric": "metric",
    "metric_group": "metric_group",
    "period": "period",
    "cited_by": "cited_by",
    "cited_by_name": "cited_by_name",
    "quote_id": "quote_id",
    "sentence": "sentence.text",
    "sentence_start": "sentence.start",
    "sentence_end": "sentence.end",
    "disagrees": "disagrees",
    "rule": "rule",
}


def _at(d: Row, path: str) -> Any:
    """The value at a dotted path; None below a missing (None) record."""
    value: Any = d
    for key in path.split("."):
        if value is None:
            return None
        value = value[key]
    if isinstance(value, list):  # tuples of labels or evidence: a JSON column
        return json.dumps(value)
    if isinstance(value, bool):
        return int(value)
    return value


def _table_rows(
    article_id: str, records: Sequence[Any], columns: Mapping[str, str], marks: Marks, *, seq: bool
) -> list[Row]:
    rows = []
    for i, record in enumerate(records):
        d = _rows.unstructure(record)
        row: Row = {"article_id": article_id}
        if seq:
            row["seq"] = i
        row.update((column, _at(d, path)) for column, path in columns.items())
        row["corrected"] = "; ".join(marks[record.id]) if record.id in marks else None
        rows.append(row)
    return rows


def speaker_rows(article_id: str, speakers: Sequence[Speaker], marks: Marks) -> list[Row]:
    """`speakers` table rows; `marks`: what users changed on each speaker, by id."""
    return _table_rows(article_id, speakers, SPEAKER_COLUMNS, marks, seq=False)


def quote_rows(article_id: str, quotes: Sequence[Quote], marks: Marks) -> list[Row]:
    """`quotes` table rows, numbered in article order."""
    return _table_rows(article_id, quotes, QUOTE_COLUMNS, marks, seq=True)


def number_rows(article_id: str, numbers: Sequence[NumberMention], marks: Marks) -> list[Row]:
    """`numbers` table rows, numbered in article order."""
    return _table_rows(article_id, numbers, NUMBER_COLUMNS, marks, seq=True)


def labels_from_column(value: str) -> tuple[str, ...]:
    """A quote row's `targets` or `frames` column back as a tuple of labels."""
    return tuple(json.loads(value))


def evidence_from_column(value: str) -> tuple[tuple[str, str, int, int], ...]:
    """A quote row's `evidence` column back as (label, text, start, end) tuples."""
    return tuple((e[0], e[1], e[2], e[3]) for e in json.loads(value))


def insert_sql(table: str, columns: Sequence[str]) -> str:
    """INSERT with a named parameter per column, for `executemany` over row dicts."""
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + c for c in columns)})"


def _sorted_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


_correction_columns = make_dict_unstructure_fn(
    Correction, _rows, id=override(omit=True), value=override(unstruct_hook=_sorted_json)
)
_correction_from_columns = make_dict_structure_fn(
    Correction, _rows, value=override(struct_hook=lambda value, _type: json.loads(value))
)


def correction_row(correction: Correction) -> Row:
    """A `corrections` row (its id is the table's to give); `value` as sorted JSON."""
    return _correction_columns(correction)


def correction_from_row(row: Mapping[str, Any]) -> Correction:
    """The `Correction` a `corrections` row holds."""
    return _correction_from_columns(dict(row))


def from_fields(data: Mapping[str, Any], cls: type[T]) -> T:
    """A record from a row or dict whose keys are its field names (extra keys ignored, defaults filled)."""
    result: T = _rows.structure(dict(data), cls)
    return result
