# The book's commands. Everything runs in .venv, rebuilt whenever requirements.txt (the lock) changes.
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

.PHONY: help env env-3.13 lock derived book pdf publish-check update test test-fast test-python test-notebooks test-3.13 lint execute bench bench-quick bench-extractor lab clean
.DELETE_ON_ERROR:
# Committed files a failed recipe must leave as they were (make would otherwise delete a target whose recipe
# failed): the derived tables are written all or none by their command.
.PRECIOUS: data/derived/verdicts.csv data/derived/sensitivity.csv

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

# pip installs the lock and nothing else (--no-deps: the lock is the whole environment, already resolved),
# every file checked against its hash, from the package index
# alone (the machine's pip configuration, its find-links, extra indexes and constraint files, left out).
PIP_ALONE := env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL -u PIP_INDEX_URL -u PIP_CONSTRAINT PIP_CONFIG_FILE=/dev/null
INSTALL = $(PIP_ALONE) $(1)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt

# Then the book's own package (pyproject.toml), editable: book/mpsbook is imported where it lies, with
# setuptools from the lock as its build backend (no build isolation, so nothing is downloaded).
INSTALL_PACKAGE = $(PIP_ALONE) $(1)/bin/python -m pip install --quiet --no-deps --no-build-isolation --no-index -e .

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(not ((3, 11, 5) <= sys.version_info[:3] < (3, 14)))' || { \
	  echo "make env: $(PYTHON) is Python $$($(PYTHON) -c 'import platform; print(platform.python_version())'); the lock needs 3.11.5 to 3.13:" \
	       "run with PYTHON=/path/to/python3.11 (or 3.12, 3.13), e.g. make env PYTHON=python3.12" >&2; exit 1; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(call INSTALL,$(VENV))
	$(call INSTALL_PACKAGE,$(VENV))
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

env: $(STAMP) $(NODE_STAMP) ## Create the environment: .venv and node_modules (done by every target that needs it)

# The lock: requirements.in (direct pins) resolved by uv, pinned here, for Python 3.11.5 and later on
# every platform, with the hash of every file. A package asked for with extras is pinned with them
# (--no-strip-extras) and, by tools/lock_bases.py, without them too, for pip before 23.3. Versions already in requirements.txt are kept unless
# requirements.in asks for others. uv reads no pip or uv configuration here (--no-config, PIP_ALONE).
UV_VERSION := 0.13.8
LOCK_PYTHON := 3.11.5
lock: ## Rewrite requirements.txt (the lock, with hashes) from requirements.in
	rm -rf $(VENV).lock
	$(PYTHON) -m venv $(VENV).lock
	$(PIP_ALONE) $(VENV).lock/bin/python -m pip install --quiet uv==$(UV_VERSION)
	env -u UV_INDEX_URL -u UV_EXTRA_INDEX_URL -u UV_INDEX -u UV_DEFAULT_INDEX -u UV_FIND_LINKS \
	  $(VENV).lock/bin/uv pip compile requirements.in --universal --python-version $(LOCK_PYTHON) --generate-hashes --no-strip-extras \
	  --no-config --no-cache --custom-compile-command "make lock" --quiet -o requirements.txt
	$(PYTHON) tools/lock_bases.py requirements.txt
	rm -rf $(VENV).lock

# The derived tables: written from the ledger by the helper package, never by hand (byte-stable), all or
# none. Their prerequisites are every file the command reads: the data package and each table it declares
# (the whole package is checked before anything is written), the edition (CITATION.cff) and the package's
# code; tests/test_make_targets.py records what `python -m mpsbook.derived` opens and compares.
DERIVED := data/derived/verdicts.csv data/derived/sensitivity.csv
LEDGER := data/datapackage.json data/source/mps-article.txt data/claims.csv data/comparisons.csv data/corrections.csv \
	data/editions.csv data/exclusions.csv data/rating-rule.csv data/reference-corrections.csv \
	data/reference-note-figures.csv data/references-accessed.csv data/references-added.csv data/references.csv \
	data/searches.csv CITATION.cff

derived: $(DERIVED) ## Write the ratings and their sensitivity (data/derived/) from the ledger

$(DERIVED) &: $(STAMP) $(LEDGER) $(wildcard book/mpsbook/*.py book/mpsbook/*/*.py)
	$(BIN)/python -m mpsbook.derived

# What the site is built from. Directories are listed too: adding or deleting a file changes
# its directory's time, so that also calls for a build.
# Absolute paths, so the directory book/ is not taken for the target `book`.
BOOK_SOURCES := _config.yml _toc.yml CITATION.cff \
	$(shell find $(CURDIR)/book $(CURDIR)/data \( -name __pycache__ -o -name .ipynb_checkpoints \) -prune -o -print)

CHROMIUM ?= /usr/bin/chromium
export MPSBOOK_CHROMIUM := $(CHROMIUM)
# The whole book as one PDF per paper size (_build/html/mpsbook.pdf, mpsbook-letter.pdf), printed by Chromium
# from the built site (tools/pdf.py, a build tool outside the library). The site's intro links both, so
# `make book` prints them too where there is a Chromium; where there is none it says so and the site is built
# without them (`make pdf` then fails, naming what is missing). BOOK_PDF= builds the site alone.
BOOK_PDF ?= $(if $(wildcard $(CHROMIUM)),yes)
# What prints it: a prerequisite of the site where the PDF is printed (the site's own sources, book/ and data/,
# hold the analysis and the Sphinx extension).
PDF_TOOL := tools/pdf.py tools/__init__.py

# The site is built apart, in $(SITE_WORK) (Sphinx's environment and pages, kept from build to build so that
# Sphinx rewrites only what changed), with its PDFs, and replaces _build/html only when all of it succeeded:
# a failed build leaves the last good site and its PDFs as they were, and prints no PDF. $(SITE_FAILED) is
# there from a build's start to its success: the build after a failed one starts afresh, so Sphinx's saved
# environment cannot hide a fault it reported once (a broken reference is reported only when its page is read).
# The stamp names whether the PDFs were printed, so a site built without them is rebuilt once Chromium is there.
SITE := _build/html
SITE_WORK := _build/next
SITE_BUILT := $(SITE_WORK)/_build/html
SITE_FAILED := $(SITE_WORK).failed
SITE_STAMP := _build/.site-built$(if $(BOOK_PDF),-with-pdf)

book: $(SITE_STAMP) ## Build the site into _build/html from the notebooks' stored outputs (only when a source changed), and its PDF
	@test -n "$(BOOK_PDF)" || echo "make book: no Chromium at $(CHROMIUM), so no PDF of the book, and no link to one: apt-get install chromium"

pdf: ## The whole book as one PDF, A4 and Letter (_build/html/mpsbook.pdf, mpsbook-letter.pdf), printed by Chromium
	@test -x $(CHROMIUM) || { echo "make pdf: no Chromium at $(CHROMIUM): apt-get install chromium, or make pdf CHROMIUM=/path/to/chromium" >&2; exit 1; }
	$(MAKE) book BOOK_PDF=yes

# A Jupyter Book build costs seconds (start-up, reading the environment) even when Sphinx then finds nothing to do,
# so make checks the sources first; when one has changed, Sphinx rebuilds only what it affects.
$(SITE_STAMP): $(STAMP) $(NODE_STAMP) $(DERIVED) $(BOOK_SOURCES) tools/notebooks.py $(if $(BOOK_PDF),$(PDF_TOOL))
	@mkdir -p _build
	@if [ -e $(SITE_FAILED) ]; then echo "make book: the last build failed, so this one starts afresh"; rm -rf $(SITE_WORK); fi
	@touch $(SITE_FAILED)
	$(BIN)/python -m tools.notebooks stale $(NOTEBOOKS)
	MPSBOOK_PDF=$(if $(BOOK_PDF),1,0) $(BIN)/jupyter-book build -W -n --keep-going --path-output $(SITE_WORK) .
	$(if $(BOOK_PDF),$(BIN)/python -m tools.pdf $(SITE_BUILT))
	rm -rf $(SITE).new $(SITE).old
	cp -a $(SITE_BUILT) $(SITE).new
	if [ -d $(SITE) ]; then mv $(SITE) $(SITE).old; fi; mv $(SITE).new $(SITE); rm -rf $(SITE).old
	@rm -f $(SITE_FAILED) _build/.site-built _build/.site-built-with-pdf
	touch $@

JOBS ?= 2
# Each test file or notebook goes whole to one of $(JOBS) workers: a notebook's cells share one kernel.
# Files are handed out in collection order, longest first (see tests/conftest.py), not by test count.
PARALLEL := -n $(JOBS) --dist loadfile --no-loadscope-reorder

test: $(STAMP) $(NODE_STAMP) ## Run the tests in tests/ and nbval (strict) over every notebook, on $(JOBS) workers
	@test -x $(CHROMIUM) || echo "make test: no Chromium at $(CHROMIUM), so the browser and JupyterLab tests are skipped (apt-get install chromium)"
	@command -v java >/dev/null || echo "make test: no Java, so the Nu Html Checker (vnu) is skipped (apt-get install openjdk-17-jre-headless)"
	$(BIN)/python -m pytest $(PARALLEL) $(NBVAL) tests $(NOTEBOOKS)

# The analyst's tier: the package, the data, the ratings and the notebooks' hygiene; no browser, no site build,
# no nbval (make test runs all of these too).
UNIT_TESTS := $(wildcard tests/test_*.py $(foreach layer,ledger extract rate present sphinx,tests/$(layer)/test_*.py))
FAST_TESTS := $(UNIT_TESTS) tests/book/test_ledger.py tests/book/test_book_ratings.py tests/book/test_derived_tables.py \
	tests/book/test_notebooks.py tests/book/test_ratings_in_prose.py

test-fast: $(STAMP) $(NODE_STAMP) ## The fast tier, under a minute: unit, data and rating tests, no browser and no site build
	$(BIN)/python -m pytest -n $(JOBS) -m "not site and not browser" $(FAST_TESTS)

test-python: $(STAMP) $(NODE_STAMP) ## The tests in tests/ alone, serially
	$(BIN)/python -m pytest tests

test-notebooks: $(STAMP) ## nbval alone over every notebook, serially
	$(BIN)/python -m pytest $(NBVAL) $(NOTEBOOKS)

# The same lock on Python 3.13, in a venv of its own, for the checks .ci/run repeats there.
# pyenv's 3.13 if there is one (its shim would run the 3.11 that .python-version names), else python3.13.
PYTHON_313 ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3.13) python3.13)
VENV_313 := .venv-3.13
STAMP_313 := $(VENV_313)/.installed

$(STAMP_313): requirements.txt pyproject.toml
	rm -rf $(VENV_313)
	$(PYTHON_313) -m venv $(VENV_313)
	$(call INSTALL,$(VENV_313))
	$(call INSTALL_PACKAGE,$(VENV_313))
	touch $@

env-3.13: $(STAMP_313) ## Create .venv-3.13 from the same lock, with $(PYTHON_313)

test-3.13: $(STAMP_313) ## nbval over every notebook and the package's unit tests (all of tests/ but tests/book/), on Python 3.13
	$(VENV_313)/bin/python -m pytest $(PARALLEL) $(NBVAL) -p no:cacheprovider $(UNIT_TESTS) $(NOTEBOOKS)

# The notebooks' Markdown cells alone (no code, no outputs: those quote the article), for codespell. The article
# (data/source/) keeps its misspellings on purpose: it is not checked, and lines quoting it (> ...) are skipped.
PROSE := _build/lint-prose

lint: $(STAMP) ## Lint: ruff (code and notebooks), notebooks keep outputs and no stray metadata, codespell (the book's own prose)
	$(BIN)/ruff check .
	$(BIN)/nbstripout --verify --keep-output --keep-count --keep-id $(NOTEBOOKS)
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/book/test_notebooks.py -k "executed_in_order or nbformat_schema or timing"
	rm -rf $(PROSE)
	$(BIN)/jupyter nbconvert --log-level=WARN --to markdown --no-input --TemplateExporter.exclude_output=True \
		--output-dir $(PROSE) $(NOTEBOOKS)
	$(BIN)/codespell --ignore-regex '^>.*' book/*.md README.md data/README.md $(PROSE)

execute: $(STAMP) tools/notebooks.py tools/__init__.py ## Re-execute every notebook in place, $(JOBS) at a time (twice in a row changes no byte)
	printf '%s\n' $(NOTEBOOKS) | xargs -P $(JOBS) -n 1 $(EXECUTE)
	$(BIN)/python -m tools.notebooks errors $(NOTEBOOKS)

# The one command after an edit of data/ or of the package: each step needs the one before (the notebooks
# read the ratings the package computes; the site shows the notebooks' stored outputs), so they run in turn.
update: $(STAMP) $(NODE_STAMP) ## After editing data/ or book/mpsbook/: derived tables, every notebook re-executed, the site rebuilt
	$(MAKE) derived
	$(MAKE) execute
	$(MAKE) book

bench: $(STAMP) $(NODE_STAMP) ## Measure build, execute, test and page costs against the budgets (its short form runs in CI)
	$(BIN)/python -m bench.bench $(BENCH_ARGS)

bench-quick: $(STAMP) $(NODE_STAMP) ## The short form of make bench that CI runs: each kind of step once, about a minute
	$(BIN)/python -m bench.bench --quick

# The extractor on NewsQuant beside quantulum3 and Recognizers-Text, these in .venv-bench from their own
# lock (bench/requirements-extractors.txt); the benchmark's file is not stored here (bench/README.md). Not run in CI.
BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed: bench/requirements-extractors.txt
	rm -rf $(BENCH_VENV) && $(PYTHON) -m venv $(BENCH_VENV)
	$(PIP_ALONE) $(BENCH_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r $<
	touch $@

bench-extractor: $(STAMP) $(BENCH_VENV)/.installed ## Score the extractor on NewsQuant: make bench-extractor NEWSQUANT=/path/NewsQuant.json
	$(BIN)/python bench/newsquant.py $(NEWSQUANT) --bench-python $(BENCH_VENV)/bin/python

publish-check: $(STAMP) ## List what a person must supply before the book goes public (publication.yml); fails while any is missing
	$(BIN)/python tools/publish_check.py

lab: $(STAMP) ## Open the book in JupyterLab
	$(BIN)/jupyter lab book

clean: ## Remove the built site and caches (keeps .venv and node_modules)
	rm -rf _build .pytest_cache .hypothesis
	find . \( -path ./$(VENV) -o -path ./node_modules \) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	find . \( -path ./$(VENV) -o -path ./node_modules \) -prune -o -name .ipynb_checkpoints -type d -prune -exec rm -rf {} +
