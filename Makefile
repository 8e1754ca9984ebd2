# Interview Lab. Two commands: `make run` (set up + run the demo) and `make test` (set up + test).
# Set-up is idempotent: the venv is (re)built only when pyproject.toml changes.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.labkit-installed
APT_PKGS := espeak-ng sox chromium chromium-driver

.PHONY: setup system run test test-fast lint bench clean

setup: system $(STAMP)

# Debian packages the lab uses for synthetic speech (tests, demo re-generation).
system:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "please install:$$missing (e.g. sudo apt-get install$$missing)"; exit 1; fi; \
	fi

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[all,dev]'
	$(VENV)/bin/labkit models install
	touch $(STAMP)

run: setup
	$(VENV)/bin/labkit demo

test: setup
	$(PY) -m pytest -q

test-fast: setup
	$(PY) -m pytest -q -m "not slow"

lint: setup
	$(VENV)/bin/ruff check labkit tests bench scripts

bench: setup
	$(PY) bench/asr.py --minutes 10

clean:
	rm -rf $(VENV) .pytest_cache
