# `make` runs what CI runs: install, lint, test.
PYTHON ?= python3
PIP := $(PYTHON) -m pip
export HF_HUB_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False

.DEFAULT_GOAL := ci
.PHONY: ci install run test lint build reports

ci: test

# torch 2.13.0 must come first: it is the local CPU build; any other version
# pulls gigabytes of CUDA packages.
install:
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e ".[test]"

run: install build reports

build:
	$(PYTHON) -m index build

reports:
	$(PYTHON) -m index reports

lint:
	$(PYTHON) -m ruff check .

test: install lint
	$(PYTHON) -m pytest -q
