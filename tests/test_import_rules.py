"""The import rules of docs/architecture.md: which package may import which.

The library (analysis/) never imports Streamlit or the UI, so it runs and is tested without a
browser; ui/ never imports a page; a page never imports another page. Imports inside functions
count too (ast.walk sees them).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHITECTURE = ROOT / "docs" / "architecture.md"

# package -> top-level names its modules must never import
FORBIDDEN: dict[str, frozenset[str]] = {
    "analysis": frozenset({"streamlit", "plotly", "ui", "pages", "scripts", "tests", "app"}),
    "ui": frozenset({"pages", "scripts", "tests", "app"}),
    "pages": frozenset({"pages", "scripts", "tests", "app"}),
    "scripts": frozenset({"pages", "tests", "app"}),
}
# analysis/figures/ is the figures stage below the pipeline: it may use only these of the library
FIGURES_MAY_IMPORT = ("analysis.figures", "analysis.records", "analysis.phrase_gate", "analysis.lexical")
# pandas and numpy stay at the edge where frames are built
FRAME_MODULES = ("analysis.tables",)


def module_name(path: Path) -> str:
    """'analysis.figures.scanner' for analysis/figures/scanner.py."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module `path` imports, relative imports made absolute."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)  # `from analysis import pipeline`
    return names


def files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _under(name: str, prefixes: tuple[str, ...] | frozenset[str]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_each_package_imports_only_what_it_may():
    offenders = [
        f"{module_name(path)} imports {name}"
        for package, forbidden in FORBIDDEN.items()
        for path in files(package)
        for name in sorted(imports(path))
        if _under(name, forbidden)
    ]
    assert offenders == [], "import rules of docs/architecture.md broken:\n" + "\n".join(offenders)


def test_the_app_entry_point_imports_only_the_ui_shell():
    own = {n for n in imports(ROOT / "app.py") if _under(n, ("analysis", "ui", "pages", "scripts", "tests"))}
    assert own <= {"ui.shell", "ui.shell.run_app"}


def test_the_figures_stage_uses_only_the_records_and_small_helpers_of_the_library():
    offenders = [
        f"{module_name(path)} imports {name}"
        for path in files("analysis/figures")
        for name in sorted(imports(path))
        # "analysis" alone is `from analysis import x`: x is what counts, and it is listed too
        if name != "analysis" and _under(name, ("analysis",)) and not _under(name, FIGURES_MAY_IMPORT)
    ]
    assert offenders == []


def test_only_the_frame_builders_of_the_library_import_pandas_or_numpy():
    offenders = [
        module_name(path)
        for path in files("analysis")
        if _under(module_name(path), ("analysis",))
        and not _under(module_name(path), FRAME_MODULES)
        and any(_under(n, ("pandas", "numpy")) for n in imports(path))
    ]
    assert offenders == []


def test_the_check_sees_imports():
    # the shell the pages share imports streamlit, lazily imported modules count, and relative
    # imports are resolved, so the rules above cannot pass by not looking
    assert "streamlit" in imports(ROOT / "ui" / "shell.py")
    assert "analysis.pipeline" in imports(ROOT / "analysis" / "__init__.py")  # inside __getattr__
    assert "pandas" in imports(ROOT / "analysis" / "tables" / "frames.py")


def test_the_architecture_doc_names_every_package_and_sub_package():
    doc = ARCHITECTURE.read_text("utf-8")
    packages = {"analysis", "ui", "pages", "scripts"} | {
        module_name(p.parent) for p in (ROOT / "analysis").rglob("__init__.py") if p.parent != ROOT / "analysis"
    }
    missing = [p for p in sorted(packages) if not re.search(rf"`{re.escape(p.replace('.', '/'))}/`", doc)]
    assert missing == [], f"docs/architecture.md does not describe {missing}"
