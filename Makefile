# Care Hub. `make run` and `make test` work from a fresh clone with Python 3.11+: they create
# .venv and install every package (pinned by constraints.txt) when it is missing or out of date.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

SERVICES := assets-api careplan-api feedback-api gateway
API_SERVICES := assets-api careplan-api feedback-api
PACKAGES := libs/kit $(SERVICES:%=services/%)

RUN_ARGS ?=
PYTEST_ARGS ?=

# The web app (frontend/): node_modules from package-lock.json, dist rebuilt when a source is newer.
NPM ?= npm
WEB := frontend
WEB_DEPS := $(WEB)/node_modules/.package-lock.json
WEB_SOURCES := $(shell find $(WEB)/src $(WEB)/public -type f 2>/dev/null) \
	$(wildcard $(WEB)/index.html $(WEB)/vite.config.ts $(WEB)/tsconfig*.json $(WEB)/package.json)

.DEFAULT_GOAL := help
.PHONY: help venv run test lint openapi clean clean-data web test-web env up down \
	$(SERVICES:%=test-%) $(API_SERVICES:%=openapi-%)

help: ## List the targets
	@grep -hE '^[^ #=]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^\$$\([A-Z_]+:%=([a-z-]+)%\): [a-z%-]+/\1<service>/' \
	  | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(VENV)/pyvenv.cfg:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "Care Hub needs Python 3.11 or newer; '$(PYTHON)' is: $$($(PYTHON) --version 2>&1 || echo 'not found')." >&2; \
	  echo "Install Python 3.11+, or name one: make PYTHON=python3.12 $(MAKECMDGOALS)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(VENV)/pyvenv.cfg constraints.txt requirements-dev.txt $(PACKAGES:%=%/pyproject.toml)
	@$(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "$(VENV) runs $$($(BIN)/python --version 2>&1); Care Hub needs 3.11+. Run: make clean" >&2; exit 1; }
	$(BIN)/python -m pip install --quiet -c constraints.txt -r requirements-dev.txt $(PACKAGES:%=-e %)
	@touch $@

venv: $(STAMP) ## Create or update .venv (every other target does this first)

run: $(STAMP) $(WEB)/dist/index.html ## Run Care Hub on http://127.0.0.1:8000 (RUN_ARGS="--port 9000" to change)
	$(BIN)/carehub run $(RUN_ARGS)

test: $(STAMP) ## Run every test suite (PYTEST_ARGS="-x -k homes" to narrow)
	$(BIN)/pytest $(PYTEST_ARGS)
	$(MAKE) test-web

$(WEB_DEPS): $(WEB)/package.json $(WEB)/package-lock.json
	@command -v $(NPM) >/dev/null || { echo "The web app needs Node.js 20.19+ and npm: install them." >&2; exit 1; }
	cd $(WEB) && $(NPM) ci --no-audit --no-fund

$(WEB)/dist/index.html: $(WEB_DEPS) $(WEB_SOURCES)
	cd $(WEB) && $(NPM) run build

web: $(WEB)/dist/index.html ## Build the web app into frontend/dist (when a source changed)

test-web: $(STAMP) $(WEB_DEPS) ## The web app's unit tests, then its browser tests against a real carehub run
	cd $(WEB) && $(NPM) test && $(NPM) run test:e2e

$(SERVICES:%=test-%): test-%: $(STAMP) ## Run one service's tests, e.g. make test-assets-api
	$(BIN)/pytest services/$*/tests $(PYTEST_ARGS)

lint: $(STAMP) ## ruff and mypy (strict)
	$(BIN)/ruff check .
	$(BIN)/mypy libs/kit/src $(SERVICES:%=services/%/src)

openapi: $(API_SERVICES:%=openapi-%) $(WEB_DEPS) ## Write every services/<svc>/openapi.json and the web app's types
	cd $(WEB) && $(NPM) run gen:api

$(API_SERVICES:%=openapi-%): openapi-%: $(STAMP) ## Write one, e.g. make openapi-assets-api
	$(BIN)/carehub openapi --service $(patsubst %-api,%,$*)

# Deployment on one host (docker-compose.yml; docs/operations.md). Secrets live in infra/env/*.env,
# which git ignores: `make env` copies the examples once; replace every change-me before `make up`.
ENV_FILES := $(patsubst %.env.example,%.env,$(wildcard infra/env/*.env.example))

infra/env/%.env: | infra/env/%.env.example
	cp $| $@
	@echo "Made $@ from the example: replace its change-me values." >&2

env: $(ENV_FILES) ## Make infra/env/*.env from the examples (never overwrites one)

up: ## Build and start the compose deployment (needs infra/env/*.env: make env)
	@for f in $(ENV_FILES); do test -f $$f || { echo "$$f is missing: run make env, then edit it." >&2; exit 1; }; done
	docker compose up --build -d

down: ## Stop the compose deployment (keeps the database volume)
	docker compose down

clean: ## Remove .venv and caches (keeps the local database in .carehub)
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
	find . -path ./frontend/node_modules -prune -o \( -name __pycache__ -o -name '*.egg-info' \) -type d -print -prune | xargs rm -rf

clean-data: ## Delete the embedded database in .carehub (stop `make run` first)
	rm -rf .carehub
