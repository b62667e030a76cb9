# The two commands of the README: `make run` and `make test`. Everything else is a step they share.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo shows the site as it was on the first afternoon of the event.
DEMO_NOW ?= 2026-01-10T15:30:00+07:00
# pytest-xdist processes for `make test` (one per CPU; a test module stays in one process, so its shared data is
# built once; modules are handed out in collection order, longest first: LONGEST_FIRST in tests/conftest.py).
# TEST_WORKERS=0 runs everything in this process.
TEST_WORKERS ?= auto

.PHONY: run dev demo-data test bench screenshots check format install messages compile demo clean

# The packages are installed by uv (pinned here; pip only installs uv): the same versions as pip would choose, in a
# few seconds instead of twenty.
UV_VERSION := 0.13.9
# Python keeps the modules it compiles (.pyc in __pycache__, ignored by git), even where the environment says not
# to: otherwise every test process compiles Django, the site and the pytest plugins again (pytest's assertion
# rewriting alone: 6 s a process).
unexport PYTHONDONTWRITEBYTECODE

$(STAMP): pyproject.toml tools/requirements.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ").")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/python tools/requirements.py dev > $(VENV)/requirements.txt
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r $(VENV)/requirements.txt
	touch $(STAMP)

install: $(STAMP)

compile: $(STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py compile_catalogues

# `make run` shows the site as visitors see it, served as in production by gunicorn with gunicorn.conf.py (threaded
# workers): DEBUG off (the site's own 404 and 500 pages), static files from WhiteNoise after collectstatic, uploaded
# images served for the demo, plain http on this machine, e-mails printed in the terminal (open the confirmation
# links from there), and beside the server the worker that sends them.
SECRET := $(VENV)/demo-secret-key
RUN_ENV = DJANGO_SECRET_KEY="$$(cat $(SECRET))" DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1,[::1],$(HOST)" \
	DJANGO_HTTPS=0 TUDOI_SERVE_MEDIA=1 DJANGO_EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend \
	TUDOI_DEMO=1 TUDOI_NOW=$(DEMO_NOW)

$(SECRET): $(STAMP)
	$(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

demo-data: compile
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo
	DJANGO_DEBUG=1 $(BIN)/python manage.py local_admin

run: demo-data $(SECRET)
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Serving http://$(HOST):$(PORT)/ and the admin at http://$(HOST):$(PORT)/admin/ (demo clock: $(DEMO_NOW)); stop with Ctrl+C."
	$(RUN_ENV) $(BIN)/python manage.py db_worker --interval 2 & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(RUN_ENV) $(BIN)/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT) tudoi.wsgi:application

# `make dev`: the same content with DEBUG on, Django's error pages and reloading on code changes (server and worker).
dev: demo-data
	@echo "Development server (DEBUG on) at http://$(HOST):$(PORT)/ (demo clock: $(DEMO_NOW)); stop with Ctrl+C."
	DJANGO_DEBUG=1 TUDOI_DEMO=1 TUDOI_NOW=$(DEMO_NOW) $(BIN)/python manage.py db_worker --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DJANGO_DEBUG=1 TUDOI_DEMO=1 TUDOI_NOW=$(DEMO_NOW) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: compile
	DJANGO_DEBUG=1 $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing." >&2; exit 1; fi; exit $$rc

# `make bench`: requests per second of the busiest pages, uncached and cached, next to the same bytes served as a
# static file, and their queries (tools/bench.py; about 5 minutes; needs wrk). Steadier: BENCH_ARGS="--rounds 3".
bench: compile
	$(BIN)/python tools/bench.py --now $(DEMO_NOW) $(BENCH_ARGS)

# `make screenshots`: home, programme, a unit, the catalogue, a work, visit and press at phone (390×844) and desktop
# width in both languages, from a demo database of its own, into screenshots/ with an index.html (needs Chromium).
screenshots: compile
	$(BIN)/python tools/screenshots.py --now $(DEMO_NOW)

# `make check`: lint and format, then a model change without its migration fails here, before the tests.
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the catalogues after changing user-visible strings, then translate the new entries in locale/*/.po.
messages: $(STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemessages --no-location --no-obsolete -l vi -l en -i '.venv/*' -i 'tests/*'

demo: compile
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
