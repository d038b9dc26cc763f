# The two commands of the README: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
CHROMIUM_PATH ?= /usr/bin/chromium

.PHONY: install run serve test lint format migrations-check browser lock clean bench lighthouse

$(BIN)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

install: $(BIN)/.installed

# The served address becomes SITE_URL (email links, the Site) unless SITE_URL is set (env or .env).
RUN_ENV := MAKE_RUN_SITE_URL=http://$(HOST):$(PORT)

run: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py load_demo
	$(RUN_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production stack (gunicorn, Celery worker and beat) on the local PostgreSQL and Redis.
serve: install
	PORT=$(PORT) scripts/serve

# The benchmark (bench/run; docs/performance.md): production stack, wrk, query counts.
bench: install
	bench/run

# Lighthouse (npm devDependency) in Debian's Chromium on home, an article and a product page.
lighthouse: install
	bench/lighthouse

test: install browser
	$(BIN)/python -m pytest

# ruff, then the import contract of pyproject.toml (import-linter; docs/architecture.md).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: install
	$(BIN)/python manage.py makemigrations --check --dry-run

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here), load
# axe-core (npm, into the gitignored node_modules/) for the accessibility checks, and run the Nu
# HTML checker (npm's vnu-jar) on Java for HTML validity.
browser:
	@if [ ! -x "$(CHROMIUM_PATH)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "No Chromium at $(CHROMIUM_PATH): browser tests will be skipped (sudo apt-get install chromium)"; \
	  fi; \
	fi
	@# axe-core (accessibility checks) and vnu-jar (the Nu HTML checker, run on Java) from npm,
	@# pinned by package-lock.json.
	@if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then \
	  if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	  else echo "No npm: the accessibility and HTML checks will be skipped (apt-get install npm)"; fi; \
	fi

# Re-pin every dependency after editing pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --group dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
