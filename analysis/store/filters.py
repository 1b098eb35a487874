"""What the pages filter on, and its round trip through URL query parameters.

The filters are applied in one place, the store's SQL (`analysis.store.queries`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, get_args

from analysis.records import GovernmentPosition, MigrationDirection

DIRECTIONS: tuple[str, ...] = get_args(MigrationDirection)
GOVERNMENT: tuple[str, ...] = get_args(GovernmentPosition)
MAX_SEARCH_CHARS = 200


@dataclass(frozen=True)
class Filters:
    """What the pages filter on. Empty tuples and None mean "no filter"."""

    articles: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    parties: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    frames: tuple[str, ...] = ()
    search: str = ""

    # field -> URL parameter, for the comma-joined lists
    _KEYS: ClassVar[dict[str, str]] = {
        "articles": "article",
        "parties": "party",
        "speakers": "speaker",
        "stances": "stance",
        "frames": "frame",
    }

    def to_query(self) -> dict[str, str]:
        """URL query parameters for these filters (comma-joined lists; empty ones left out)."""
        out: dict[str, str] = {}
        for attr, key in self._KEYS.items():
            values = getattr(self, attr)
            if values:
                out[key] = ",".join(values)
        if self.date_from:
            out["from"] = self.date_from.isoformat()
        if self.date_to:
            out["to"] = self.date_to.isoformat()
        if self.search:
            out["q"] = self.search
        return out

    @classmethod
    def from_query(cls, params: Mapping[str, Any]) -> Filters:
        """Filters from URL query parameters; malformed values are ignored, never raised."""
        return cls(
            articles=_values(params, "article"),
            date_from=_day(params, "from"),
            date_to=_day(params, "to"),
            parties=_values(params, "party"),
            speakers=_values(params, "speaker"),
            stances=tuple(v for v in _values(params, "stance") if v in DIRECTIONS),
            frames=_values(params, "frame"),
            search=str(_first(params.get("q")) or "")[:MAX_SEARCH_CHARS],
        )


NO_FILTERS = Filters()


def _first(raw: Any) -> Any:
    """A repeated parameter arrives as a list: its first value."""
    if isinstance(raw, list):
        return raw[0] if raw else None
    return raw


def _values(params: Mapping[str, Any], key: str) -> tuple[str, ...]:
    """The distinct comma-separated values of a parameter, in order."""
    raw = params.get(key)
    if raw is None:
        return ()
    items = raw if isinstance(raw, list | tuple) else [raw]
    out: list[str] = []
    for item in items:
        out.extend(v.strip() for v in str(item).split(",") if v.strip())
    return tuple(dict.fromkeys(out))


def _day(params: Mapping[str, Any], key: str) -> dt.date | None:
    raw = _first(params.get(key))
    try:
        return dt.date.fromisoformat(str(raw)) if raw else None
    except ValueError:
        return None
