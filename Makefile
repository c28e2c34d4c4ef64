# brink — the two contract commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BRINK  := $(VENV)/bin/brink
DEMO_DB ?= demo.duckdb

.PHONY: setup demo test bench eval lint clean

setup: $(VENV)/.installed

# Re-install only when the project definition changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

demo: setup
	rm -f $(DEMO_DB)
	$(BRINK) ingest data/sample --db $(DEMO_DB)
	$(BRINK) summary --db $(DEMO_DB)

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) -m brink.bench data/sample

eval: setup
	$(BRINK) eval

lint: setup
	$(VENV)/bin/ruff check src tests scripts

clean:
	rm -rf $(VENV) $(DEMO_DB) build *.egg-info src/*.egg-info
