"""Where the project keeps files it derives on this machine: outside the repository, per user."""

from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    """$XDG_CACHE_HOME/stance-explorer, or ~/.cache/stance-explorer."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "stance-explorer"
