# One task runner. `make demo` and `make test` work on a fresh machine with only Python 3.11.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DB     ?= outputs/policy.db

.PHONY: install install-dev demo serve test fuzz eval eval-heldout floors probe bench bench-throughput lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -U pip

$(VENV)/.installed: $(BIN)/python requirements.txt pyproject.toml
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	@# an editable install leaves the package uncompiled: compile it once here, so that a
	@# shell with PYTHONDONTWRITEBYTECODE does not recompile ~80 modules on every command
	$(BIN)/python -m compileall -q extract
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/policy-extract run corpora/ --db $(DB)
	@echo "Next: $(BIN)/policy-extract owners --db $(DB)   or   make serve   (browse at http://127.0.0.1:8001/)"

serve: install
	$(BIN)/policy-extract serve --db $(DB)

test: install-dev
	$(BIN)/python -m pytest -q

# Long fuzz campaign over process_bytes (tests/torture/fuzzgen.py): FUZZ_N inputs on
# FUZZ_JOBS processes from seed FUZZ_START; prints the rate and every crash site found.
FUZZ_N     ?= 1000000
FUZZ_JOBS  ?= 2
FUZZ_START ?= 0
fuzz: install-dev
	$(BIN)/python tests/torture/fuzzgen.py $(FUZZ_N) $(FUZZ_JOBS) $(FUZZ_START)

eval: install
	$(BIN)/policy-extract eval --shared $(SHARED)

eval-heldout: install
	$(BIN)/policy-extract eval --gold tests/heldout --docs $(SHARED)/corpora/real

floors: install
	$(BIN)/python -m extract.evaluate.update_floors --shared $(SHARED)

probe: install
	$(BIN)/policy-extract probe $(SHARED)/corpora/bulk --workers 2 -o benchmarks/probe.md

bench: install
	$(BIN)/python -m benchmarks.compare
	$(BIN)/python -m benchmarks.bench
	$(BIN)/python -m benchmarks.pdf_speed
	$(BIN)/python -m benchmarks.scaling --sizes 0.1 1 2 5 10
	$(BIN)/python -m benchmarks.store_growth --docs 10000

bench-throughput: install
	$(BIN)/python -m benchmarks.bench

lint: install-dev
	$(BIN)/ruff check extract tests benchmarks

format: install-dev
	$(BIN)/ruff format extract tests benchmarks

clean:
	rm -rf $(VENV) outputs/*.db .pytest_cache
