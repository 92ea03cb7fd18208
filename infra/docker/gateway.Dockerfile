# syntax=docker/dockerfile:1
# The gateway image: sign-in, sessions and tokens (/auth/*), the web app at /, and the `carehub`
# command. It holds every package, so it is also the image that runs the one-shot migrations
# (`carehub migrate --service assets|careplan|feedback|gateway`, one job per schema, each with that
# schema's own database role). Build from the repository root:
#   docker build -f infra/docker/gateway.Dockerfile -t carehub/gateway .
# Configured only through the environment (DATABASE_URL, AUTH_*, OIDC_*, GATEWAY_*: docs/operations.md).

# 1. The web app: `npm ci && npm run build` into frontend/dist.
FROM node:20-slim AS web
WORKDIR /web
COPY frontend/package.json frontend/package-lock.json frontend/.npmrc ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# 2. Python: every package into one virtual environment.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
WORKDIR /app
COPY constraints.txt ./
COPY libs/kit/ libs/kit/
COPY services/assets-api/ services/assets-api/
COPY services/careplan-api/ services/careplan-api/
COPY services/feedback-api/ services/feedback-api/
COPY services/gateway/ services/gateway/
# Editable for the services and the gateway: their code finds migrations/ beside src/ (and the
# gateway finds frontend/dist under /app), so they stay in /app.
RUN /opt/venv/bin/pip install -c constraints.txt ./libs/kit \
      -e ./services/assets-api -e ./services/careplan-api -e ./services/feedback-api \
      -e ./services/gateway \
 && rm -rf libs

# 3. What runs: the venv, the code, the built web app; no compilers, no caches, not root.
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    CAREHUB_FRONTEND_DIST=/app/frontend/dist CAREHUB_DEMO=false
RUN groupadd --system --gid 10001 carehub \
 && useradd --system --uid 10001 --gid carehub --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin carehub
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
COPY --from=web /web/dist /app/frontend/dist
WORKDIR /app
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]
STOPSIGNAL SIGTERM
# `carehub serve`: the gateway's own routes only (sign-in, /auth/forward for nginx, tokens, JWKS,
# the web app), with no in-process services, no migrations, no embedded database, no demo data;
# DATABASE_URL is the gateway's own role. `carehub run --host 0.0.0.0 --no-demo` is the all-in-one
# alternative (it needs a DATABASE_URL allowed to migrate and read every schema).
CMD ["carehub", "serve", "--host", "0.0.0.0", "--port", "8000"]
