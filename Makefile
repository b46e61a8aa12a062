# Each target bootstraps .venv itself, so a fresh clone needs nothing installed by hand.
PYTHON ?= python3
# The app's port: `make run PORT=8502` when 8501 is taken.
PORT ?= 8501
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
DEV_STAMP := $(VENV)/.installed-dev-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: run test bench lint format chromium clean plotly-bundle

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Plotly's Python package is no longer ours to install: Streamlit imports it whenever it is
# there (16 MB of the server's memory), so a .venv made before it left the dependencies drops it.
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip uninstall --quiet --yes plotly 2>/dev/null || true
	@touch $@

$(DEV_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip uninstall --quiet --yes plotly 2>/dev/null || true
	@touch $@ $(STAMP)

run: $(STAMP)
	@mkdir -p data
	$(BIN)/streamlit run serve.py --server.address 127.0.0.1 --server.port $(PORT)

# Browser tests need Debian's chromium; install it when missing and apt is usable.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian's chromium for the browser tests…"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "chromium is missing and apt-get is not usable: browser tests will skip (they fail under CI=true)."; \
		fi; \
	fi

# The tests without a browser are spread over the machine's cores. The browser tests then run
# two at a time, each with a server and Chromium of its own (one such test keeps about one core
# of two busy), except those racing Streamlit's reruns (marked `alone`), which run last, one at
# a time.
#
# On a fresh machine the virtual environment and Debian's chromium are set up side by side:
# pip and apt-get mostly wait on the network and the disk.
#
# A browser test that fails is run once more, and passes only if it passes then; the summary
# names each such test with its first error. On CI's loaded cores one of Streamlit's reruns can
# still come where a test expects none: two submissions in a row failed so, each time in other
# tests, each passing when run again.
test:
	@$(MAKE) --no-print-directory -j2 $(DEV_STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -m "not e2e" -n auto
	$(BIN)/python -m pytest -m "e2e and not alone" -n 2 --dist worksteal --reruns 1 --rerun-show-tracebacks
	$(BIN)/python -m pytest -m "e2e and alone" --reruns 1 --rerun-show-tracebacks

bench: $(DEV_STAMP)
	$(BIN)/python -m benchmarks.run

lint: $(DEV_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Rebuilds static/plotly-infoint.min.js (committed: running and testing the app never need npm).
plotly-bundle:
	cd tools/plotly && npm install --no-audit --no-fund --no-package-lock && npm run build

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
