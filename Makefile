# sellerdesk — two commands on a fresh machine:
#   make demo   set up .venv and serve the demo desk on http://127.0.0.1:8000
#   make test   set up .venv and run ruff, mypy and the whole test suite

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: demo test lint typecheck pytest serve clean bench

$(BIN)/python:
	@PY=$$(scripts/find-python) && echo "creating $(VENV) with $$PY" && "$$PY" -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/sellerdesk demo --port $(PORT)

serve: $(STAMP)
	$(BIN)/sellerdesk serve --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

# Tests get a throw-away SELLERDESK_HOME; SELLERDESK_DATABASE_URL, when set, runs
# the same suite on PostgreSQL.
pytest: $(STAMP)
	SELLERDESK_HOME=$$(mktemp -d) $(BIN)/pytest $(PYTEST_ARGS)

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache test-artifacts
