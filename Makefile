# The two commands a newcomer types: `make run` (the app with demo data) and `make test`.
# Each creates .venv on first use and reinstalls when pyproject.toml changes.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run run-real test lint format bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed  ## the app on its separate demo store, filled on first start
	$(BIN)/est-desktop --demo

run-real: $(VENV)/.installed  ## the app on the real store in the user's data folder
	$(BIN)/est-desktop

test: $(VENV)/.installed  ## the whole test suite, headless
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(VENV)/.installed  ## figures against a baseline measured in the same run; by hand only
	$(BIN)/python benchmarks/bench_store.py
	$(BIN)/python benchmarks/bench_sync.py
	$(BIN)/python benchmarks/bench_map.py
	$(BIN)/python benchmarks/bench_report.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist
