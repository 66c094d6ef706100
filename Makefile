# The book's commands. Everything runs in .venv, rebuilt whenever requirements.txt changes.
# `make book` builds the site into _build/html; `make test` runs every check.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The site's JavaScript (vega), pinned in package-lock.json and installed from the npm registry.
NODE_STAMP := node_modules/.installed
NOTEBOOKS := $(sort $(wildcard book/*.ipynb))
# Python's bytecode cache stays on even where the shell turns it off (PYTHONDONTWRITEBYTECODE=1):
# without it every pytest process compiles afresh, rewriting assertions, the ~130 modules of its
# plugins (hypothesis, anyio, xdist, nbval): about 2.5 s of CPU per process, three per `make test`.
export PYTHONDONTWRITEBYTECODE :=
# Kernels run in the environment under test, whatever kernelspecs the user has: nbval starts its
# kernel from this Python (--nbval-current-env), and nbconvert and JupyterLab look for kernelspecs
# in .venv before the user's folders (a user-level `python3` spec would otherwise win).
export JUPYTER_PREFER_ENV_PATH := 1
NBVAL := --nbval --nbval-current-env
# Executing in place leaves no timing metadata, so a second run changes no byte.
EXECUTE := $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	--ExecutePreprocessor.record_timing=False --ExecutePreprocessor.timeout=600

.PHONY: help env lock book test test-python test-notebooks execute bench lab clean
.DELETE_ON_ERROR:

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(STAMP): requirements.txt constraints.txt
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

env: $(STAMP) $(NODE_STAMP) ## Create the environment: .venv and node_modules (done by every target that needs it)

lock: ## Rewrite constraints.txt from a fresh environment built from requirements.txt alone
	rm -rf $(VENV).lock
	$(PYTHON) -m venv $(VENV).lock
	$(VENV).lock/bin/python -m pip install --quiet -r requirements.txt
	{ sed -n '1,2p' constraints.txt; $(VENV).lock/bin/python -m pip freeze --all --exclude pip --exclude setuptools --exclude wheel; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	rm -rf $(VENV).lock

# What the site is built from. Directories are listed too: adding or deleting a file changes
# its directory's time, so that also calls for a build.
# Absolute paths, so the directory book/ is not taken for the target `book`.
BOOK_SOURCES := _config.yml _toc.yml $(shell find $(CURDIR)/book $(CURDIR)/data \( -name __pycache__ -o -name .ipynb_checkpoints \) -prune -o -print)
SITE_STAMP := _build/.site-built

book: $(SITE_STAMP) ## Build the site into _build/html from the notebooks' stored outputs (only when a source changed)

# A Jupyter Book build costs seconds (start-up, reading the environment) even when Sphinx then finds nothing to do,
# so make checks the sources first; when one has changed, Sphinx rebuilds only what it affects.
$(SITE_STAMP): $(STAMP) $(NODE_STAMP) $(BOOK_SOURCES)
	$(BIN)/jupyter-book build -W -n --keep-going .
	touch $@

CHROMIUM ?= /usr/bin/chromium
JOBS ?= 2
# Each test file or notebook goes whole to one of $(JOBS) workers: a notebook's cells share one kernel.
# Files are handed out in collection order, longest first (see tests/conftest.py), not by test count.
PARALLEL := -n $(JOBS) --dist loadfile --no-loadscope-reorder

test: $(STAMP) $(NODE_STAMP) ## Run the tests in tests/ and nbval (strict) over every notebook, on $(JOBS) workers
	@test -x $(CHROMIUM) || echo "make test: no Chromium at $(CHROMIUM), so the browser and JupyterLab tests are skipped (apt-get install chromium)"
	$(BIN)/python -m pytest $(PARALLEL) $(NBVAL) tests $(NOTEBOOKS)

test-python: $(STAMP) $(NODE_STAMP) ## The tests in tests/ alone, serially
	$(BIN)/python -m pytest tests

test-notebooks: $(STAMP) ## nbval alone over every notebook, serially
	$(BIN)/python -m pytest $(NBVAL) $(NOTEBOOKS)

execute: $(STAMP) ## Re-execute every notebook in place, $(JOBS) at a time (twice in a row changes no byte)
	printf '%s\n' $(NOTEBOOKS) | xargs -P $(JOBS) -n 1 $(EXECUTE)

bench: $(STAMP) $(NODE_STAMP) ## Measure build, execute, test and page costs against the budgets (not run in CI)
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

lab: $(STAMP) ## Open the book in JupyterLab
	$(BIN)/jupyter lab book

clean: ## Remove the built site and caches (keeps .venv and node_modules)
	rm -rf _build .pytest_cache .hypothesis
	find . \( -path ./$(VENV) -o -path ./node_modules \) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	find . \( -path ./$(VENV) -o -path ./node_modules \) -prune -o -name .ipynb_checkpoints -type d -prune -exec rm -rf {} +
