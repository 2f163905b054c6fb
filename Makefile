# Two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= examples/amman-ministerial.txt

.PHONY: run test test-extras docs bench-batch lint typecheck venv dev clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev,tables,dask,docs,notebooks]"
	touch $(VENV)/.installed $@

venv: $(VENV)/.installed

dev: $(VENV)/.installed-dev

## run: set up and extract facts from the bundled example article
run: $(VENV)/.installed
	$(BIN)/arnews extract $(EXAMPLE) --format summary

## test: set up with dev extras, lint, type-check and run the test suite
test: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/python scripts/build_docs_pages.py --check
	$(BIN)/mkdocs build --strict --quiet --site-dir build/site
	$(BIN)/pytest

## test-extras: the camel-tools / stanza backends in their own venv (CPU torch 2.13.0 pinned first)
test-extras:
	$(PY) -m venv .venv-extras
	.venv-extras/bin/pip install --quiet --upgrade pip
	.venv-extras/bin/pip install --quiet torch==2.13.0
	echo "torch==2.13.0" > .venv-extras/torch-pin.txt
	.venv-extras/bin/pip install --quiet -c .venv-extras/torch-pin.txt -e '.[camel,stanza,dev]'
	! .venv-extras/bin/pip list 2>/dev/null | grep -i -E '^nvidia|cuda'
	.venv-extras/bin/python -m pytest tests/backends tests/ner/test_neural_torch.py -m extras -q -p no:cacheprovider

## docs: regenerate the generated pages and build the site into build/site
docs: $(VENV)/.installed-dev
	$(BIN)/python scripts/build_docs_pages.py
	$(BIN)/mkdocs build --strict --site-dir build/site

## bench-batch: articles/s, tokens/s and peak RSS of arnews batch on the ANT dump (needs ../shared)
bench-batch: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/bench_batch.py --articles 2000 --workers 1,2

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks scripts

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
