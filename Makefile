# Dateline: the documented commands. `make run` serves the site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
# `make run` keeps its database, key and media in data/ beside the code.
export DATELINE_DATA_DIR ?= $(CURDIR)/data

.PHONY: run test test-fast serve install install-test messages lint bench clean

run: install messages
	$(BIN)/dateline migrate --noinput -v0
	$(BIN)/dateline collectstatic --noinput -v0
	$(BIN)/dateline demo --if-empty
	$(BIN)/dateline serve --host $(HOST) --port $(PORT)

test: install-test messages
	$(BIN)/dateline makemigrations --check --dry-run -v0
	$(BIN)/ruff check dateline tests bench
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

# Everything but the browser.
test-fast: install-test messages
	$(BIN)/python -m pytest -m "not browser"

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

install-test: $(VENV)/.installed-test

# (again when this file changes: a tool the tests need may have been added below)
$(VENV)/.installed-test: $(VENV)/.installed Makefile
	$(BIN)/python -m pip install -q -e ".[test]"
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; \
	  else echo "chromium is missing: install Debian's chromium package for the browser tests"; fi; }
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless) >/dev/null; \
	  else echo "java is missing: install Debian's default-jre-headless for the HTML checker"; fi; }
	@{ command -v varnishd >/dev/null 2>&1 || test -x /usr/sbin/varnishd; } \
	  && ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules) >/dev/null; \
	  else echo "varnish is missing: install Debian's varnish and varnish-modules for the front cache tests"; fi; }
	touch $@

# Compiled catalogs are built, not committed.
messages: $(VENV)/.installed
	$(BIN)/python -m dateline.i18n_compile

lint: install-test
	$(BIN)/ruff check dateline tests bench
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) staticfiles
