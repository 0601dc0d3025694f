# Rapporteur: one entry point for setup, serving, tests, evals, benchmark and lint.
# Every target creates .venv and installs what it needs first (CPU torch before the rest).

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 7860

.PHONY: setup serve test eval bench lint browser clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (Python 3.11)"; exit 1; }
	@echo "Setting up $(VENV): CPU torch first, then the project (several minutes on a fresh machine)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

serve: setup
	$(BIN)/rapporteur serve --host $(HOST) --port $(PORT)

browser:
	@test -x /usr/bin/chromium || { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || { echo "could not install chromium (browser tests need it)"; exit 1; }; }

# The eval suite runs first against its regression floor; pytest's summary stays the last line.
test: setup browser
	$(BIN)/rapporteur eval --no-baseline --thresholds evals/floor.toml
	$(BIN)/python -m pytest -q

eval: setup
	$(BIN)/rapporteur eval
	-$(BIN)/rapporteur eval --suite evals/holdout/cases.jsonl --reports evals/reports/holdout --thresholds evals/holdout/thresholds.toml
	-$(BIN)/rapporteur eval --no-baseline --suite evals/holdout2/cases.jsonl --reports evals/reports/holdout2 --thresholds evals/holdout2/thresholds.toml
	-$(BIN)/rapporteur eval --no-baseline --suite evals/holdout3/cases.jsonl --reports evals/reports/holdout3 --thresholds evals/holdout3/thresholds.toml
	-$(BIN)/rapporteur eval --no-baseline --suite evals/holdout4/cases.jsonl --reports evals/reports/holdout4 --thresholds evals/holdout4/thresholds.toml
	-$(BIN)/rapporteur eval --no-baseline --suite evals/holdout5/cases.jsonl --reports evals/reports/holdout5 --thresholds evals/holdout5/thresholds.toml
	-$(BIN)/rapporteur eval --no-baseline --suite evals/multidoc/cases.jsonl --reports evals/reports/multidoc --thresholds evals/multidoc/thresholds.toml
	-$(BIN)/rapporteur eval --no-baseline --suite evals/holdout_md/cases.jsonl --reports evals/reports/holdout_md --thresholds evals/holdout_md/thresholds.toml
	-$(BIN)/rapporteur eval --no-baseline --suite evals/holdout6/cases.jsonl --reports evals/reports/holdout6 --thresholds evals/holdout6/thresholds.toml
	-$(BIN)/rapporteur eval --no-baseline --suite evals/holdout7/cases.jsonl --reports evals/reports/holdout7 --thresholds evals/holdout7/thresholds.toml
	-$(BIN)/rapporteur eval --no-baseline --suite evals/holdout8/cases.jsonl --reports evals/reports/holdout8 --thresholds evals/holdout8/thresholds.toml
	-$(BIN)/rapporteur eval --no-baseline --suite evals/docs8/cases.jsonl --reports evals/reports/docs8 --thresholds evals/docs8/thresholds.toml
	-$(BIN)/rapporteur eval --no-baseline --suite evals/holdout9/cases.jsonl --reports evals/reports/holdout9 --thresholds evals/holdout9/thresholds.toml
	-$(BIN)/rapporteur eval --no-baseline --suite evals/holdout10/cases.jsonl --reports evals/reports/holdout10 --thresholds evals/holdout10/thresholds.toml

bench: setup
	$(BIN)/python evals/bench.py

lint: setup
	$(BIN)/ruff check ingest assistant evals tests
	$(BIN)/mypy ingest assistant

clean:
	rm -rf $(VENV) .rapporteur tests/artifacts .pytest_cache
