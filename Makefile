# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1

.PHONY: run test install install-test browser eval bench bench-scale clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

# Debian's Chromium for the browser tests; test tools never download a browser of their own.
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }

# MALLOC_ARENA_MAX: fewer glibc arenas keep a many-threaded server's memory flat (README, Soak).
run: install ## install, build the index if needed, and serve on http://127.0.0.1:8000
	MALLOC_ARENA_MAX=2 $(BIN)/matcher serve

test: install-test browser ## install and run the whole test suite
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

eval: install ## ranking quality on the dev set
	$(BIN)/matcher eval

bench: install-test ## the service against a naive baseline over loopback HTTP (~7 min; QUICK=1: ~3 min)
	$(BIN)/python -m bench.run $(if $(QUICK),--quick)

bench-scale: install-test ## build and search synthetic corpora of 10k and 100k records (~15 min)
	$(BIN)/python -m bench.scale

clean:
	rm -rf .matcher-index test-artifacts .pytest_cache
