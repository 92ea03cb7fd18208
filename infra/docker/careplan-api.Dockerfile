# syntax=docker/dockerfile:1
# The careplan-api image: one FastAPI service, run by uvicorn. Build from the repository root:
#   docker build -f infra/docker/careplan-api.Dockerfile -t carehub/careplan-api .
# Configured only through the environment (DATABASE_URL, AUTH_*, CAREPLAN_*: docs/operations.md).
# Migrations are not run here: the gateway image runs `carehub migrate --service careplan` as a
# one-shot job before this starts.

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
WORKDIR /app
COPY constraints.txt ./
COPY libs/kit/ libs/kit/
COPY services/careplan-api/ services/careplan-api/
# Editable for the service: its code finds migrations/ beside src/, so it stays in /app.
RUN /opt/venv/bin/pip install -c constraints.txt ./libs/kit -e ./services/careplan-api \
 && rm -rf libs

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
RUN groupadd --system --gid 10001 carehub \
 && useradd --system --uid 10001 --gid carehub --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin carehub
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
COPY infra/docker/uvicorn-log.json /etc/carehub/uvicorn-log.json
WORKDIR /app
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]
STOPSIGNAL SIGTERM
# JSON logs on stdout (the app's structlog; uvicorn's own loggers pass through it), no raw access
# log, and 25 s for in-flight requests to finish after SIGTERM (Kubernetes waits 30 s).
# Behind nginx at /api/careplan/: the root path makes its docs and links right.
CMD ["uvicorn", "--factory", "careplan_api.main:create_app", "--host", "0.0.0.0", "--port", "8000", \
     "--root-path", "/api/careplan", "--proxy-headers", "--forwarded-allow-ips", "*", \
     "--no-server-header", "--no-access-log", "--timeout-graceful-shutdown", "25", \
     "--log-config", "/etc/carehub/uvicorn-log.json"]
