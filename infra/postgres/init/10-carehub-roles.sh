#!/bin/sh
# Runs once, when the PostgreSQL container starts on an empty data volume (the official image
# runs /docker-entrypoint-initdb.d/* as the superuser). Makes one LOGIN role per part of Care
# Hub, each owning only its own schema, and takes every default privilege away from PUBLIC:
#   assets -> schema assets, careplan -> careplan, feedback -> feedback, gateway -> gateway.
# A role cannot use another's schema (no USAGE), nor create anything in public. Each may CREATE
# in the database only because the migrations run `CREATE SCHEMA IF NOT EXISTS <its schema>`,
# which PostgreSQL checks against the database's CREATE privilege even when the schema exists.
# Passwords come from the environment (infra/env/postgres.env); nothing is stored here.
set -eu

: "${POSTGRES_DB:?}" "${ASSETS_DB_PASSWORD:?}" "${CAREPLAN_DB_PASSWORD:?}" \
  "${FEEDBACK_DB_PASSWORD:?}" "${GATEWAY_DB_PASSWORD:?}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v db="$POSTGRES_DB" \
  -v assets_pw="$ASSETS_DB_PASSWORD" -v careplan_pw="$CAREPLAN_DB_PASSWORD" \
  -v feedback_pw="$FEEDBACK_DB_PASSWORD" -v gateway_pw="$GATEWAY_DB_PASSWORD" <<'SQL'
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM PUBLIC;

CREATE ROLE assets   LOGIN PASSWORD :'assets_pw';
CREATE ROLE careplan LOGIN PASSWORD :'careplan_pw';
CREATE ROLE feedback LOGIN PASSWORD :'feedback_pw';
CREATE ROLE gateway  LOGIN PASSWORD :'gateway_pw';

GRANT CONNECT, CREATE, TEMPORARY ON DATABASE :"db" TO assets, careplan, feedback, gateway;

CREATE SCHEMA assets   AUTHORIZATION assets;
CREATE SCHEMA careplan AUTHORIZATION careplan;
CREATE SCHEMA feedback AUTHORIZATION feedback;
CREATE SCHEMA gateway  AUTHORIZATION gateway;

-- Each role looks in its own schema first.
ALTER ROLE assets   SET search_path = assets;
ALTER ROLE careplan SET search_path = careplan;
ALTER ROLE feedback SET search_path = feedback;
ALTER ROLE gateway  SET search_path = gateway;
SQL
