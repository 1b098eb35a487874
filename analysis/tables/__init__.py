"""Store rows -> pandas DataFrames, and the summaries the pages chart: the only place frames are built.

Pages filter nothing themselves (the store's SQL did) and only read these frames.

- `frames`: `quotes_frame`, `numbers_frame` (from the store's rows), `articles_frame`, `export_frame`.
- `speakers`: `speakers_frame`, `positions_frame`: each speaker's and party's overall stance.
- `views`: counts, targets, frames, metric groups, chart points and row groups, named in
  `DERIVED_VIEWS` / `NUMBER_VIEWS` for the app's caches.
- `parse`: `tokens_frame`, `entities_frame`: spaCy's analysis for the "How it works" page.
- `codes`: integer codes for label columns, which the summaries count with.

Colours are not here: the UI chooses them (`ui/colours.py`).
"""

from analysis.records import NARRATOR
from analysis.tables.frames import (
    NUMBER_COLUMNS,
    QUOTE_COLUMNS,
    articles_frame,
    export_frame,
    numbers_frame,
    quotes_frame,
)
from analysis.tables.parse import entities_frame, tokens_frame
from analysis.tables.speakers import (
    GOVERNMENT_SCORE,
    MIGRATION_SCORE,
    overall_direction,
    overall_government,
    positions_frame,
    speakers_frame,
)
from analysis.tables.views import (
    CHART_COLUMNS,
    DERIVED_VIEWS,
    NUMBER_VIEWS,
    about_migration,
    chart_points,
    count_by,
    direction_counts,
    frames_counts,
    metric_summary,
    row_groups,
    targets_frame,
)

__all__ = [
    "CHART_COLUMNS",
    "DERIVED_VIEWS",
    "GOVERNMENT_SCORE",
    "MIGRATION_SCORE",
    "NARRATOR",
    "NUMBER_COLUMNS",
    "NUMBER_VIEWS",
    "QUOTE_COLUMNS",
    "about_migration",
    "articles_frame",
    "chart_points",
    "count_by",
    "direction_counts",
    "entities_frame",
    "export_frame",
    "frames_counts",
    "metric_summary",
    "numbers_frame",
    "overall_direction",
    "overall_government",
    "positions_frame",
    "quotes_frame",
    "row_groups",
    "speakers_frame",
    "targets_frame",
    "tokens_frame",
]
