"""Shared fixtures: the spaCy model loaded once per test session, and the seed article.

Markers (registered in pyproject.toml): `model` needs the trained spaCy model, `app` drives
Streamlit's AppTest, `browser` drives Chromium, `slow` runs a whole evaluation. `make test-fast`
deselects all four and puts tests/without_model first on PYTHONPATH, where the model packages
fail to import, so a test that needs the model but lacks the mark fails there instead of quietly
loading it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The app builds large figures without Plotly's property validation (ui/charts.py); in the
# tests every figure is validated, so a misspelt property fails here.
os.environ["STANCE_EXPLORER_VALIDATE_FIGURES"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "starmer_albania_2025-05-15.txt"
MODEL_FIXTURES = frozenset({"nlp", "seed_analysis"})


def pytest_collection_modifyitems(config, items):
    """A test that asks for the model through a fixture must carry the `model` mark."""
    unmarked = [
        item.nodeid
        for item in items
        if MODEL_FIXTURES & set(item.fixturenames) and not item.get_closest_marker("model")
    ]
    if unmarked:
        raise pytest.UsageError("these tests use the model but are not marked `model`: " + ", ".join(unmarked))


@pytest.fixture(scope="session")
def nlp():
    from analysis.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_analysis(nlp, seed_text):
    from analysis.pipeline import analyze

    return analyze(seed_text, nlp=nlp)
