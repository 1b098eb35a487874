"""The analysis library must not import streamlit (house style: pages are the only UI)."""

import ast
from pathlib import Path

ANALYSIS = Path(__file__).resolve().parent.parent / "analysis"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_analysis_module_imports_streamlit():
    offenders = [p.name for p in sorted(ANALYSIS.rglob("*.py")) if "streamlit" in _imports(p)]
    assert offenders == [], f"analysis/ must not import streamlit: {offenders}"


def test_the_check_sees_imports():
    # the shell the pages share imports streamlit, so the check must find it there
    assert "streamlit" in _imports(ANALYSIS.parent / "ui" / "shell.py")
