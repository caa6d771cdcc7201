# One target per task; the README documents each.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PYTEST_ARGS ?= -n 2

.PHONY: run setup test lint format messages check-deploy bench lock clean

run: setup ## Set up and serve the platform on its embedded default (SQLite, in-process tasks)
	$(PY) manage.py ensure_staff
	$(PY) manage.py runserver 127.0.0.1:8000

setup: $(VENV)/.installed
	@bin/system-deps
	@bin/dev-env
	@mkdir -p var
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py compilemessages -v 0 --ignore=.venv
	$(PY) manage.py load_demo

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements-dev.txt
	touch $@

test: $(VENV)/.installed ## Run the whole test suite (PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set)
	@bin/system-deps --browser
	DJANGO_SETTINGS_MODULE=alliance.settings_test $(PY) manage.py compilemessages -v 0 --ignore=.venv
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed ## Lint and check formatting
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed ## Fix lint and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.installed ## Update the translation catalogues from the source (then translate the new entries)
	$(PY) manage.py makemessages --no-obsolete --ignore=.venv --ignore=var --ignore=staticfiles --ignore=tests --ignore=bench -l fr -l es -l ar -l zh_Hans -l ru

check-deploy: $(VENV)/.installed ## Django's deployment checks under production settings
	DJANGO_SECRET_KEY=check-deploy-$$(head -c 32 /dev/urandom | base64 | tr -dc a-zA-Z0-9) \
	DJANGO_ALLOWED_HOSTS=alliance.example DJANGO_DEBUG=false \
	$(PY) manage.py check --deploy --fail-level WARNING

bench: $(VENV)/.installed ## Measure the platform under load on this machine (PostgreSQL and Redis running); writes docs/performance.md
	$(PY) bench/run.py $(BENCH_ARGS)

lock: ## Rewrite requirements.txt from a fresh install of pyproject.toml's ranges
	rm -rf /tmp/alliance-lock && $(PYTHON) -m venv /tmp/alliance-lock
	/tmp/alliance-lock/bin/pip install -q .
	/tmp/alliance-lock/bin/pip freeze --exclude alliance

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
