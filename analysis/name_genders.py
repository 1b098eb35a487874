"""The gender a first name usually has, for choosing whom a later "he" or "she" refers to.

The project's own list (data/first_names.json) comes first. Names it lacks ("Hillary", "Megyn",
"Giorgia", "Suella") come from the nomquamgender package (Van Buskirk, Clauset & Larremore, 2023),
which pools name-gender counts from many countries. Only names it reads as clearly one gender are
used: at least 20 bearers counted, nine in ten or more of one gender. Its full table is 22 MB of
JSON and takes over a second to read, so the part we use is kept in the user's cache directory,
keyed by the package's version, and read from there afterwards (about 0.1 s).
"""

from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from importlib import metadata, util
from pathlib import Path

from analysis.registry import fold
from analysis.speaker_words import HONORIFICS, ROLE_NOUNS, TITLE_WORDS, UNNAMED_PERSON_HEADS, first_name_genders
from analysis.user_cache import user_cache_dir

PACKAGE = "nomquamgender"
MIN_BEARERS = 20
CLEAR_SHARE = 0.9  # share of bearers of one gender for the name to count as that gender's
TITLE_LIKE_WORDS = (
    frozenset(HONORIFICS) | frozenset(TITLE_WORDS) | frozenset(ROLE_NOUNS) | frozenset(UNNAMED_PERSON_HEADS)
)


def name_gender(first_name: str) -> str | None:
    """ "m", "f", or None when the name is unknown or used by both genders alike."""
    key = fold(first_name)
    return first_name_genders().get(key) or _package_table().get(key)


def looks_like_first_name(word: str) -> bool:
    """A capitalised word that is a known first name and not a title the table also lists as one
    ("Chancellor", "Judge", "General" and "Queen" are names of people somewhere)."""
    key = fold(word).rstrip(".")
    return word[:1].isupper() and key not in TITLE_LIKE_WORDS and name_gender(word) is not None


def clear_genders(table: dict[str, list[float]]) -> dict[str, str]:
    """The names of a nomquamgender table (name -> [sources, bearers, share female, ...]) that are
    clearly one gender, as plain lower-case letters."""
    out: dict[str, str] = {}
    for name, row in table.items():
        if not (name.isascii() and name.isalpha()) or row[1] < MIN_BEARERS:
            continue
        if row[2] >= CLEAR_SHARE:
            out[name] = "f"
        elif row[2] <= 1 - CLEAR_SHARE:
            out[name] = "m"
    return out


@lru_cache(maxsize=1)
def _package_table() -> dict[str, str]:
    """The package's clear names, from the cache when it has them; empty without the package."""
    spec = util.find_spec(PACKAGE)  # found without importing it: its import reads the whole table
    if spec is None or not spec.submodule_search_locations:
        return {}
    source = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    cached = user_cache_dir() / f"first-name-genders-{PACKAGE}-{metadata.version(PACKAGE)}.json"
    try:
        return dict(json.loads(cached.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    try:
        table = clear_genders(json.loads(source.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}
    _write_atomically(cached, json.dumps(table, separators=(",", ":")))
    return table


def _write_atomically(path: Path, text: str) -> None:
    """Write `path` whole or not at all (parallel workers may build it at once); a cache that cannot
    be written is only slower next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except OSError:
        return
