"""Shared fixtures: the spaCy model loaded once per test session, and the seed article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The app builds large figures without Plotly's property validation (ui/charts.py); in the
# tests every figure is validated, so a misspelt property fails here.
os.environ["STANCE_EXPLORER_VALIDATE_FIGURES"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "starmer_albania_2025-05-15.txt"


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
