"""Stance Explorer analysis library: who said what, stance on migration, quoted numbers.

Map of the package (no module here imports Streamlit):
- records.py   frozen dataclasses every stage returns (offsets into the article text)
- nlp.py       loads the spaCy pipeline once
- ingest.py    bytes/HTML in, clean text + metadata + page chrome out
- quotes.py    quote-mark pairing and reported-speech spans
- speakers.py  mentions, coreference and the dated registry of office holders
- stance.py    migration relevance, direction, government position, targets, frames
- numbers.py   figures, units, metrics, periods, same-metric groups
- pipeline.py  analyze(text, ...) -> Analysis: the one entry point everything calls
"""

from typing import TYPE_CHECKING

from analysis.records import Analysis, Article, NumberMention, Quote, Speaker, Stance

if TYPE_CHECKING:
    from analysis.pipeline import analyze, analyze_many

__all__ = ["Analysis", "Article", "NumberMention", "Quote", "Speaker", "Stance", "analyze", "analyze_many"]


def __getattr__(name: str) -> object:
    # Lazy so that importing the records does not load spaCy.
    if name in ("analyze", "analyze_many"):
        from analysis import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
