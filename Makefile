# Two commands do all set-up on a fresh machine (both idempotent: a second run reinstalls nothing):
#   make reproduce   # regenerate every figure and table under figures/ (PROFILE=smoke; PROFILE=standard: the decisive
#                    # comparison on CPU, into figures/standard/; PROFILE=paper on a GPU, into figures/paper/;
#                    # DATA_DIR=data/... runs the notebooks that use real data on it and skips the simulator-only ones)
#   make test        # nbdev_test over all notebooks + pytest (integration, bad input, docs site in Chromium)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
PROFILE ?= smoke
SEED ?= 0
DEVICE ?= auto
DATA_DIR ?=
OUT ?=
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.bootstrap-done
KERNEL := intervention_distill
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: reproduce test check export clean-nbs readme docs lab chromium bootstrap bench fresh-clone

bootstrap: $(STAMP)

# The virtual environment, the package (editable, with dev extras) and the project's Jupyter kernel.
# Re-done only when settings.ini or setup.py change.
$(STAMP): settings.ini setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools wheel
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name 'Python (intervention_distill)'
	touch $(STAMP)

reproduce: $(STAMP)
	$(BIN)/python -m intervention_distill.reproduce --profile $(PROFILE) --seed $(SEED) --device $(DEVICE) $(if $(OUT),--out $(OUT),) $(if $(DATA_DIR),--data-dir $(DATA_DIR),)
	$(BIN)/python tools/make_readme.py

# Time `make reproduce PROFILE=...` in a fresh clone of HEAD (installation included) and bring its results back.
fresh-clone: $(STAMP)
	$(BIN)/python tools/fresh_clone.py --profile $(PROFILE)
	$(BIN)/python tools/make_readme.py

# Notebook tests write their artefacts to _test_out/, never into figures/.
test: $(STAMP) chromium
	rm -rf _test_out && mkdir -p _test_out
	ID_OUT_DIR=$(CURDIR)/_test_out $(BIN)/nbdev_test --n_workers 1 --timing
	ID_OUT_DIR=$(CURDIR)/_test_out $(BIN)/python -m pytest -q tests

# Notebooks and package in sync, notebooks clean, README current (CI runs this on a clean checkout).
check: $(STAMP)
	$(BIN)/nbdev_export
	$(BIN)/nbdev_clean
	$(BIN)/python tools/make_readme.py
	@git diff --exit-code --stat -- intervention_distill nbs README.md || \
	  (echo 'ERROR: notebooks, package or README out of sync: run `make export readme` (nbdev_export, nbdev_clean, README) and commit' >&2; exit 1)
	@test -z "$$(git status --porcelain --untracked-files=all -- intervention_distill)" || \
	  (echo 'ERROR: nbdev_export created files that are not committed:' >&2; git status --porcelain -- intervention_distill >&2; exit 1)

# Benchmarks (ratios measured side by side in one run, machine/torch/load recorded): figures/tables/bench_*.csv, then
# the README's performance table. GPU rows: bench/gpu_bench.sh on a GPU machine, then bench/merge_tables.py.
bench: $(STAMP)
	$(BIN)/python bench/bench_loader.py --settings smoke,standard
	$(BIN)/python bench/bench_train.py --settings smoke,standard --repeats 5 --steps 60
	$(BIN)/python bench/bench_codebook.py
	$(BIN)/python tools/make_readme.py

export: $(STAMP)
	$(BIN)/nbdev_export
	$(BIN)/nbdev_clean

readme: $(STAMP)
	$(BIN)/python tools/make_readme.py

# Static docs site in _docs/, built offline (no Quarto): nbdev_proc_nbs + nbconvert + mkdocs, math as MathML.
# Users with Quarto can still run `nbdev_docs` (nbs/_quarto.yml is kept).
docs: $(STAMP)
	$(BIN)/python tools/build_docs.py --out _docs

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=nbs

# Debian's chromium for the docs-site browser test; installed when missing and we may use apt.
chromium:
	@bash tools/ensure_chromium.sh
