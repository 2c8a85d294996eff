# The two commands a newcomer types: `make run` (the app with demo data) and `make test`.
# Each creates .venv on first use and reinstalls when pyproject.toml changes.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run run-real test lint format bench clean translations app

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

# English in full; Swedish, the language of the source texts, needs only its plural forms.
# The .qm files are checked in (a fresh clone and the frozen build use them as they are);
# tests/test_translation_files.py fails when they lag behind the code.
TRANSLATIONS := resources/translations
translations: $(VENV)/.installed  ## refresh the .ts files from the code, then compile the .qm files
	$(BIN)/pyside6-lupdate -no-obsolete -source-language sv_SE -target-language en_GB \
		$$(find est_desktop -name '*.py' | sort) -ts $(TRANSLATIONS)/est_en.ts
	$(BIN)/pyside6-lupdate -no-obsolete -pluralonly -source-language sv_SE -target-language sv_SE \
		$$(find est_desktop -name '*.py' | sort) -ts $(TRANSLATIONS)/est_sv.ts
	$(BIN)/pyside6-lrelease $(TRANSLATIONS)/est_en.ts $(TRANSLATIONS)/est_sv.ts

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
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_server_load.py

app: $(VENV)/.installed  ## the one-folder app in dist/est-desktop, checked by its --self-test
	VENV=$(VENV) tools/build_app.sh

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist
