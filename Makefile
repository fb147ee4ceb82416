# Moot — the two commands: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test test-sqlite test-postgres bench install assets lint clean worker

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --config-settings editable_mode=compat -e '.[test]'
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

build/static/.built: node_modules/.package-lock.json $(wildcard website/scss/*.scss) scripts/build-assets.sh
	bash scripts/build-assets.sh
	touch $@

install: $(STAMP) build/static/.built

assets: build/static/.built

## make run: install, migrate SQLite, load the demo council, collect the static files, start
## the task worker and serve with `moot serve` (the production server; `moot runserver` is
## Django's development server). DEBUG is off unless DEBUG=1; PORT also sets the address in
## emails and feeds (MOOT_SITE_URL); MOOT_WORKERS the server's processes.
run: install
	$(BIN)/moot migrate --noinput
	$(BIN)/moot demo
	$(BIN)/moot collectstatic --noinput --verbosity 0
	@echo "Serving http://127.0.0.1:$(PORT)/ (back office: /admin/)"
	export PORT=$(PORT); $(BIN)/moot worker & WORKER=$$!; trap "kill $$WORKER" EXIT; \
	export PORT=$(PORT); $(BIN)/moot serve

## make test: the whole suite on SQLite, then on PostgreSQL when one is reachable.
test: install
	bash scripts/test.sh

bench: install
	$(BIN)/python -m bench

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

clean:
	rm -rf $(VENV) build node_modules var .pytest_cache .mypy_cache
