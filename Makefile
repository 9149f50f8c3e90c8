# The commands of the README: `make demo` (books from examples/ in out/), `make check` (the developer loop:
# lint, types and the fast tests) and `make test` (everything, EPUBCheck and the PDFs included).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# A second venv on the oldest WeasyPrint and pydyf that pyproject.toml allows (make test runs the PDF tests there).
OLDEST := .venv-oldest-weasyprint
OLDEST_STAMP := $(OLDEST)/.installed
# make test's pytest processes (pytest-xdist), one per core of the 2-core machine it is timed on; each test
# file runs whole in one of them, so a module's fixtures are built once: `make test WORKERS=4` on more cores.
WORKERS ?= 2

.PHONY: demo test test-newest check lint typecheck system clean bench test-oldest-weasyprint

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

$(OLDEST_STAMP): pyproject.toml $(STAMP)
	$(PYTHON) -m venv $(OLDEST)
	$(OLDEST)/bin/pip install -q --upgrade pip
	$(OLDEST)/bin/pip install -q -e '.[dev]' $$($(BIN)/python -m tests.weasyprint_versions pins)
	touch $(OLDEST_STAMP)

system:
	bash tools/system-deps.sh

demo: system $(STAMP)
	mkdir -p out
	$(BIN)/ebookify examples/goodbye-my-almost-lover.txt -o out/goodbye-my-almost-lover.epub
	$(BIN)/ebookify examples/goodbye-my-almost-lover.txt -o out/goodbye-my-almost-lover.pdf
	$(BIN)/ebookify examples/change-of-plans.txt -o out/change-of-plans.epub
	$(BIN)/ebookify examples/change-of-plans.txt -o out/change-of-plans.pdf
	@echo "books are in out/"

lint: $(STAMP)
	$(BIN)/ruff check ebookify tests benchmarks
	$(BIN)/ruff format --check ebookify tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

check: $(STAMP) lint typecheck
	$(BIN)/pytest -q -m "not slow"

# Every test, and at the same time the oldest-WeasyPrint pass: it keeps both cores busy while the first pass
# ends on its last long test files. Make prints each pass's output whole when that pass ends.
test: system $(STAMP) $(OLDEST_STAMP) lint typecheck
	$(MAKE) -j2 --output-sync=target test-newest test-oldest-weasyprint

test-newest: system $(STAMP)
	EBOOKIFY_REQUIRE_EPUBCHECK=1 $(BIN)/pytest -q -n $(WORKERS) --dist loadfile

# The PDF tests on the oldest allowed WeasyPrint, then the same books from both venvs: same text, same pages.
# Without pytest's cache: `pytest --lf` after make test reruns what failed in the main pass.
test-oldest-weasyprint: system $(STAMP) $(OLDEST_STAMP)
	$(OLDEST)/bin/pytest -q -m pdf -n $(WORKERS) --dist loadfile -p no:cacheprovider
	$(BIN)/python -m tests.weasyprint_versions compare $(OLDEST) $(VENV)

bench: $(STAMP)
	for b in inspect decode epub pdf anthology cover_title sizes; do $(BIN)/python benchmarks/bench_$$b.py || exit 1; done

clean:
	rm -rf $(VENV) $(OLDEST) out build dist .mypy_cache .ruff_cache .pytest_cache
