# One task runner. `make demo` and `make test` work on a fresh machine with only Python 3.11.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DB     ?= outputs/policy.db

.PHONY: install install-dev demo test eval eval-heldout floors bench bench-throughput lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -U pip

$(VENV)/.installed: $(BIN)/python requirements.txt pyproject.toml
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/policy-extract run corpora/ --db $(DB)

test: install-dev
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/policy-extract eval --gold $(SHARED)/gold --docs corpora/seeds

eval-heldout: install
	$(BIN)/policy-extract eval --gold tests/heldout --docs $(SHARED)/corpora/real

floors: install
	$(BIN)/python -m extract.evaluate.update_floors --gold $(SHARED)/gold --docs corpora/seeds

bench: install
	$(BIN)/python -m benchmarks.compare
	$(BIN)/python -m benchmarks.pdf_speed
	$(BIN)/python -m benchmarks.store_growth --docs 3000

bench-throughput: install
	$(BIN)/python -m benchmarks.bench

lint: install-dev
	$(BIN)/ruff check extract tests benchmarks

format: install-dev
	$(BIN)/ruff format extract tests benchmarks

clean:
	rm -rf $(VENV) outputs/*.db .pytest_cache
