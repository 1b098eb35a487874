"""The corpus: an embedded SQLite database of articles, their analyses and users' corrections.

Map of the package (each module one job; `Store` is the object everything holds):
- `corpus`: `Store`, whose methods hand each job to the modules below.
- `database`: the file, connections and transactions; `schema`: tables and migrations.
- `articles`: adding, replacing and deleting articles; re-analysis when the text or
  `analyser_version()` changes. `rows`: the normalised rows, machine output + corrections.
- `corrections_state`: corrections stored, applied, undone and listed with their status.
- `article_edits`: headline, date and outlet edits, kept like corrections.
- `queries`: what the pages read; the filtering, in SQL. `filters`: `Filters` and URL parameters.
- `uploads`: uploaded files decoded and added one by one.

Each article's analysis is kept twice: the full JSON of `analysis.serialization` (what the
article and "How it works" pages render) and normalised rows with indexes (what the list pages
query with SQL). The database runs in WAL mode so readers (Streamlit sessions) never wait for a
writer, and every operation opens its own short-lived connection, so one `Store` is safe to
share between Streamlit's threads.
"""

from analysis.store.article_edits import FIELDS, ArticleEdit, ArticleMeta
from analysis.store.articles import MAX_INPUT_CHARS, AddResult, input_hash, text_hash
from analysis.store.corpus import Analyser, Store
from analysis.store.corrections_state import CorrectionRow
from analysis.store.database import DB_ENV, DEFAULT_DB, db_path_from_env
from analysis.store.filters import DIRECTIONS, GOVERNMENT, NO_FILTERS, Filters
from analysis.store.queries import ArticleRow
from analysis.store.schema import SCHEMA_VERSION
from analysis.store.uploads import MAX_UPLOAD_BYTES, FileResult, add_files

__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "DIRECTIONS",
    "FIELDS",
    "GOVERNMENT",
    "MAX_INPUT_CHARS",
    "MAX_UPLOAD_BYTES",
    "NO_FILTERS",
    "SCHEMA_VERSION",
    "AddResult",
    "Analyser",
    "ArticleEdit",
    "ArticleMeta",
    "ArticleRow",
    "CorrectionRow",
    "FileResult",
    "Filters",
    "Store",
    "add_files",
    "db_path_from_env",
    "input_hash",
    "text_hash",
]
