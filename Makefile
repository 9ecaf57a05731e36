# `make` runs what CI runs: install, lint, test, and the evaluation gates.
PYTHON ?= python3
PIP := $(PYTHON) -m pip
export HF_HUB_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False

.DEFAULT_GOAL := ci
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian's Chromium for tests/test_browser.py (Playwright drives /usr/bin/chromium and never
# downloads a browser of its own), and a Chinese font for its screenshots.
BROWSER_PACKAGES := chromium chromium-driver fonts-wqy-microhei

# LibreOffice turns the Word versions of the seeds into PDFs in tests/test_formats.py.
OFFICE_PACKAGES := libreoffice-writer-nogui

# Tesseract and its Simplified Chinese model read the pages of a PDF that have no text layer (scans).
OCR_PACKAGES := tesseract-ocr tesseract-ocr-chi-sim

.PHONY: ci install browser office servers ocr run ui test lint build reports eval

ci: test

# torch 2.13.0 must come first: it is the local CPU build; any other version
# pulls gigabytes of CUDA packages.
install:
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e ".[test]"

browser:
	@if [ -x /usr/bin/chromium ] && fc-list :lang=zh 2>/dev/null | grep -q .; then /usr/bin/chromium --version; \
	else $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $(BROWSER_PACKAGES); fi

office:
	@if command -v soffice >/dev/null; then echo "soffice: $$(command -v soffice)"; \
	else $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $(OFFICE_PACKAGES); fi

ocr:
	@if command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -q chi_sim; then \
	echo "tesseract: $$(command -v tesseract)"; \
	else $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $(OCR_PACKAGES); fi

# PostgreSQL for the tests of the shared facts store (tests/servers.py starts a throwaway cluster on
# a loopback port; the Chroma server comes with chromadb as `chroma run`).
SERVER_PACKAGES := postgresql

servers:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then ls /usr/lib/postgresql/*/bin/initdb; \
	else $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $(SERVER_PACKAGES); fi

# Installs, brings the index up to date with corpus/, lists the reports, then serves the app.
# A report file that cannot be read fails `index build` but not the app: the others are served.
run: install
	-$(PYTHON) -m index build
	$(PYTHON) -m index reports
	$(PYTHON) ui.py

ui:
	$(PYTHON) ui.py

build:
	$(PYTHON) -m index build

reports:
	$(PYTHON) -m index reports

lint:
	$(PYTHON) -m ruff check .

# The evaluation harness fails the run when numeric or citation accuracy falls
# below 0.98 or refusal accuracy below 0.95 (eval/run.py GATES); the load check when
# 20 chat sessions asking back to back for 10 s meet an error, are served under 0.8 x one
# session's throughput, or see a p95 over 1.5 x a fair queue's wait (benchmarks/load.py).
test: install browser office servers ocr lint
	HYPOTHESIS_PROFILE=ci $(PYTHON) -m pytest -q
	$(PYTHON) -m eval
	$(PYTHON) benchmarks/load.py --start --duration 10 --think 0 --check
	$(PYTHON) benchmarks/load.py --fault --duration 20 --sessions 8

eval:
	$(PYTHON) -m eval
