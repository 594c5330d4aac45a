# One venv, created on demand; every target installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# One install (the app with its test extras) serves every target, so `make run` after
# `make test` starts at once.
STAMP := $(VENV)/.installed

.PHONY: run test bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e '.[test]'
	touch $@

run: $(STAMP)
	$(BIN)/corroborate seeds

test: $(STAMP)
	./.ci/system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/benchmarks -s --override-ini addopts=

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) build dist *.egg-info desktop/*.egg-info

# Packaging: app icon PNGs, a standalone app folder (PyInstaller) and its smoke test.
PACKAGE_STAMP := $(VENV)/.installed-package

.PHONY: icons package package-test

$(PACKAGE_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e '.[package]'
	touch $@

icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/make_icons.py

package: $(PACKAGE_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/corroborate.spec

package-test: package
	./.ci/system-deps
	$(BIN)/python packaging/check_bundle.py dist/corroborate
