"""Stands in for the model package in `make test-fast` (on PYTHONPATH there): importing it fails
as on a machine without the model, so a test that needs the model and lacks the `model` mark
fails instead of quietly loading it, in subprocesses too."""

raise ImportError("en_core_web_sm: the spaCy model is hidden in the fast test run (mark the test `model`)")
