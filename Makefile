# Two commands: `make run` and `make test`. Each sets up everything it needs on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PORT ?= 8501

.PHONY: run test lint bench data browser clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

# The compact gazetteer index (built once into the cache dir) and the offline map assets.
data: $(STAMP)
	$(PY) -m dashboard.geocode.build
	$(PY) -m dashboard.mapview

run: data
	$(VENV)/bin/report-atlas serve --port $(PORT) --headless

# Debian's Chromium for the browser tests (never a downloaded browser build: no internet) and
# Debian's PostgreSQL server, which the tests start on localhost for the PostgreSQL backend.
browser:
	@need=""; [ -x /usr/bin/chromium ] || need="chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need="$$need postgresql"; \
	if [ -n "$$need" ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && apt-get install -y -qq $$need) >/dev/null; \
	  else echo "note: missing $$need; install them from Debian to run the browser and PostgreSQL tests"; fi; \
	fi

lint: $(STAMP)
	$(VENV)/bin/ruff check dashboard tests bench
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy dashboard

test: data browser lint
	REPORT_ATLAS_OFFLINE=1 REPORT_ATLAS_NOMINATIM=0 $(VENV)/bin/pytest

bench: data
	$(PY) bench/bench_gazetteer.py
	$(PY) bench/bench_map.py
	$(PY) bench/bench_extract.py
	$(PY) bench/bench_places_geotext.py
	$(PY) bench/bench_rerun.py
	$(PY) bench/bench_ingest.py --reports 2000

clean:
	rm -rf $(VENV) build *.egg-info artifacts
