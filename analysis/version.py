"""The analyser's version: the release plus a digest of every module and data file the rules read.

A stored analysis is redone when this changes, so an upgraded lexicon, registry or rule never
leaves a user's corpus with stale results.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

RELEASE = "0.3.0"
PACKAGE = Path(__file__).resolve().parent
# Modules that only store, show or schedule results do not change what the analyser finds.
NOT_RULES = frozenset(
    {
        "batch.py",
        "distributed.py",
        "fetch.py",
        "serialization.py",
        "__main__.py",
        "evaluation.py",
        "version.py",
    }
)
# Packages none of whose files are rules: the store (schema, queries, writes) and the frames.
NOT_RULE_PACKAGES = frozenset({"store", "tables"})


def _is_rule_module(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return path.name not in NOT_RULES and "__pycache__" not in parts and not NOT_RULE_PACKAGES & set(parts[:-1])


def rule_files(root: Path = PACKAGE) -> list[Path]:
    """The files whose content decides the analysis: rule modules and data files, in a fixed order."""
    files = [p for p in root.rglob("*.py") if _is_rule_module(p, root)]
    files += [p for p in (root / "data").rglob("*") if p.is_file()]
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def digest(root: Path = PACKAGE) -> str:
    """A short digest of the rule files' names and bytes."""
    h = hashlib.sha256()
    for path in rule_files(root):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:10]


@lru_cache(maxsize=1)
def analyser_version() -> str:
    """ "0.3.0+1a2b3c4d5e": the release and the digest of the rules."""
    return f"{RELEASE}+{digest()}"
