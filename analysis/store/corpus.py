"""`Store`: the one object the app, scripts and tests hold; each method is one job module's function.

The store runs the analyser (with the registry extended by speakers users added) and hands
the work to `articles`, `corrections_state`, `article_edits` and `queries`.
"""

from __future__ import annotations

import datetime as dt
import inspect
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from analysis import corrections as corrections_mod
from analysis.corrections import Correction
from analysis.records import Analysis
from analysis.store import article_edits, articles, corrections_state, queries, rows
from analysis.store.article_edits import ArticleEdit, ArticleMeta
from analysis.store.articles import AddResult
from analysis.store.corrections_state import CorrectionRow
from analysis.store.database import Database
from analysis.store.filters import NO_FILTERS, Filters
from analysis.store.queries import ArticleRow

Progress = Callable[[int, int, str], None]


class Analyser(Protocol):
    """The shape of `analysis.pipeline.analyze`."""

    def __call__(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        title: str | None = None,
        source: str | None = None,
    ) -> Analysis: ...


def _accepts_registry(analyse: Analyser) -> bool:
    try:
        return "registry" in inspect.signature(analyse).parameters
    except (TypeError, ValueError):
        return False


@dataclass
class Store(Database):
    """The corpus database at `path` (created on first use), analysed by `analyser` at `version`.

    Without an analyser the pipeline's `analyze` is used, loaded (with the model) on first need.
    """

    analyser: Analyser | None = None
    version: str | None = None

    # -- the analyser ----------------------------------------------------------------------

    def _analyser(self) -> tuple[Analyser, str]:
        if self.analyser is None or self.version is None:
            from analysis import pipeline  # late: the model loads only when needed

            self.analyser = self.analyser or pipeline.analyze
            self.version = self.version or pipeline.ANALYSER_VERSION
        return self.analyser, self.version

    def analyse_text(self, text: str, **kw: Any) -> tuple[Analysis, str]:
        """Run the analyser, with the registry extended by the speakers users added; and its version."""
        analyse, version = self._analyser()
        additions = self.registry_additions()
        if (additions["people"] or additions["parties"]) and _accepts_registry(analyse):
            from analysis.registry import load_registry

            kw["registry"] = load_registry().extended(**additions)
        return analyse(text, **kw), version

    def current_version(self) -> str:
        """The analyser version new analyses are made with."""
        return self._analyser()[1]

    # -- articles and analyses ---------------------------------------------------------------

    def find_duplicate(self, text: str) -> str | None:
        """The id of an article with this text already in the store, or None."""
        return articles.find_duplicate(self, text)

    def add(
        self,
        text: str,
        *,
        title: str | None = None,
        published: dt.date | str | None = None,
        source: str | None = None,
        url: str | None = None,
        analysis: Analysis | None = None,
        filename: str | None = None,
    ) -> AddResult:
        """Analyse `text` and add it unless already stored (see `articles.add`)."""
        return articles.add(
            self, text, title=title, published=published, source=source, url=url, analysis=analysis, filename=filename
        )

    def update_text(self, article_id: str, text: str) -> AddResult:
        """Replace an article's text; re-analysed only if it changed."""
        return articles.update_text(self, article_id, text)

    def delete(self, article_id: str) -> bool:
        """Remove an article and everything derived from it. True if it existed."""
        return articles.delete(self, article_id)

    def is_stale(self, article_id: str) -> bool:
        """True when the stored analysis was made from other text or by another analyser."""
        return articles.is_stale(self, article_id)

    def stale_ids(self) -> list[str]:
        """Articles whose analysis must be recomputed."""
        return articles.stale_ids(self)

    def reanalyse(self, article_id: str, *, force: bool = False) -> bool:
        """Recompute one article's analysis if stale (or if `force`). True if it ran."""
        return articles.reanalyse(self, article_id, force=force)

    def refresh_stale(self, *, limit: int | None = None, progress: Progress | None = None) -> int:
        """Re-analyse stale articles (at most `limit`). Returns how many were recomputed."""
        return articles.refresh_stale(self, limit=limit, progress=progress)

    def load_seeds(self, seeds_dir: Path) -> list[AddResult]:
        """Add the bundled seeds once per database."""
        return articles.load_seeds(self, seeds_dir)

    def get_analysis(self, article_id: str, *, refresh: bool = True, corrected: bool = True) -> Analysis | None:
        """The article's analysis, recomputed first if stale and `refresh`; None if unknown.

        With `corrected` (the default) users' corrections are laid over the machine's output;
        `corrected=False` gives the machine's output exactly as stored."""
        if corrected:
            applied = self.applied(article_id, refresh=refresh)
            return applied.analysis if applied else None
        if refresh:
            try:
                self.reanalyse(article_id)
            except KeyError:
                return None
        with self.connect() as conn:
            return rows.stored_analysis(conn, article_id)

    def analysis_json(self, article_id: str) -> str | None:
        """The stored JSON of an article's analysis."""
        return articles.analysis_json(self, article_id)

    # -- headline, date and outlet edits ---------------------------------------------------

    def edit_article(self, article_id: str, **changes: str | dt.date | None) -> list[ArticleEdit]:
        """Set any of title, published, source, kept as an edit that can be undone."""
        return article_edits.edit_article(self, article_id, **changes)

    def article_edits(self, article_id: str | None = None) -> list[ArticleEdit]:
        """The metadata edits, newest first (of one article, or all)."""
        return article_edits.edits(self, article_id)

    def undo_edit(self, edit_id: int) -> None:
        """Put back the value an edit replaced."""
        article_edits.undo_edit(self, edit_id)

    def article_meta(self, article_id: str) -> ArticleMeta | None:
        """The article's headline, date, outlet and URL; None if unknown."""
        return article_edits.article_meta(self, article_id)

    # -- corrections -----------------------------------------------------------------------

    def add_correction(self, correction: Correction) -> Correction:
        """Store a correction and apply it at once. Returns it with its id."""
        return corrections_state.add_correction(self, correction)

    def delete_correction(self, correction_id: int) -> bool:
        """Undo a correction. True if it existed."""
        return corrections_state.delete_correction(self, correction_id)

    def corrections(self, article_id: str | None = None) -> list[CorrectionRow]:
        """Corrections (of one article and the corpus-wide ones, or all), with their status."""
        return corrections_state.corrections(self, article_id)

    def review(self) -> list[CorrectionRow]:
        """Corrections that no longer fit and need a person to look at them."""
        return corrections_state.review(self)

    def applied(self, article_id: str, *, refresh: bool = False) -> corrections_mod.Applied | None:
        """The article's machine analysis with its corrections laid over it, and what they did."""
        return corrections_state.applied(self, article_id, refresh=refresh)

    def registry_additions(self) -> dict[str, Any]:
        """Speakers and parties users added, as `Registry.extended(**...)` arguments."""
        return corrections_state.registry_additions(self)

    # -- what the pages read ---------------------------------------------------------------

    def count(self) -> int:
        """Number of articles."""
        return queries.count(self)

    def articles(self, limit: int | None = None) -> list[ArticleRow]:
        """Every article (or the `limit` newest), newest first, with counts and staleness."""
        return queries.article_rows(self, limit)

    def data_version(self) -> str:
        """Changes whenever the corpus changes: a cache key for everything read from it."""
        return queries.data_version(self)

    def query_quotes(self, f: Filters = NO_FILTERS, *, limit: int | None = None) -> list[sqlite3.Row]:
        """Quotes matching the filters, joined with their speaker and article."""
        return queries.query_quotes(self, f, limit=limit)

    def query_numbers(self, f: Filters = NO_FILTERS) -> list[sqlite3.Row]:
        """Figures matching the article, date, party, speaker and search filters."""
        return queries.query_numbers(self, f)

    def query_speakers(self, f: Filters = NO_FILTERS) -> list[sqlite3.Row]:
        """Speakers of the filtered articles, one row per speaker id."""
        return queries.query_speakers(self, f)

    def options(self) -> dict[str, list[Any]]:
        """Values the sidebar can offer: articles, parties, speakers, frames, date range."""
        return queries.options(self)
