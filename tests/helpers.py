"""Plain helpers the tests import: lint model text in a temporary folder, run archdoc, find the seed documents."""

from __future__ import annotations

import difflib
import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
# The documents the gallery models were drawn from live beside the checkout, not in it.
SEEDS = REPO.parent / "shared" / "seeds"
# ARCHDOC_UPDATE_GOLDEN=1 rewrites the golden files instead of comparing: review their diff before committing.
UPDATE_GOLDEN = os.environ.get("ARCHDOC_UPDATE_GOLDEN") == "1"


def lint_files(root: Path, files: dict[str, str]) -> list:
    """Write model files below root/models and lint that folder; returns every problem, sorted."""
    from archdoc.pipeline import load_and_lint

    models = root / "models"
    for name, text in files.items():
        path = models / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _result, report = load_and_lint([models])
    return report.problems


def codes_at(problems: list) -> list[tuple[str, int, int]]:
    """The (code, line, column) of unsuppressed problems, the shape rule tests compare."""
    return [(p.code, p.span.line, p.span.column) for p in problems if p.suppressed is None]


def run_archdoc(cwd: Path, *args: str, text: bool = True) -> subprocess.CompletedProcess[Any]:
    """`python -m archdoc ARGS` in `cwd`, as a user runs it; output captured (as text unless text=False)."""
    return subprocess.run([sys.executable, "-m", "archdoc", *args], cwd=cwd, capture_output=True, text=text,
                          timeout=120)


def built_site(project: Path, *args: str, timeout: int = 600) -> Path:
    """`archdoc build -q ARGS` in `project`, as a user runs it; the site folder, once the build succeeded."""
    run = subprocess.run([sys.executable, "-m", "archdoc", "build", "-q", *args], cwd=project, capture_output=True,
                         text=True, timeout=timeout, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert run.returncode == 0, run.stdout + run.stderr
    return project / "site"


@contextmanager
def served_site(site: Path) -> Iterator[str]:
    """The site over HTTP on 127.0.0.1, a random port, as a reader's web server would serve it; its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def project_with_model(root: Path, name: str, text: str) -> Path:
    """A project folder holding models/NAME with the given text."""
    (root / "models").mkdir()
    (root / "models" / name).write_text(text)
    return root


def seed_file(name: str) -> Path:
    """The seed document `name` from ../shared/seeds beside the checkout; skips the test, saying so, when absent."""
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed document {name} is not in ../shared/seeds beside the checkout")
    return path


def assert_golden(path: Path, actual: str) -> None:
    """`actual` is byte for byte the golden file at `path` (ARCHDOC_UPDATE_GOLDEN=1 rewrites the file instead)."""
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    name = path.relative_to(REPO).as_posix()
    if not path.is_file():
        pytest.fail(f"no golden file {name}: run with ARCHDOC_UPDATE_GOLDEN=1 and review it")
    expected = path.read_bytes().decode("utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                    f"{name} (golden)", "output now")
        shown = "".join(list(diff)[:60])
        pytest.fail(f"the output differs from {name}; if the change is intended, regenerate it with "
                    f"ARCHDOC_UPDATE_GOLDEN=1 and review the diff:\n{shown}", pytrace=False)


def copy_gallery(models: Path, ignore: Any = None) -> Path:
    """The gallery's models copied to `models`, with the infrastructure code their `iac:` names beside them
    (`../infra` from the models folder), so a copy lints and builds like the repository's."""
    import shutil

    shutil.copytree(REPO / "models", models, ignore=ignore)
    shutil.copytree(REPO / "infra", models.parent / "infra", dirs_exist_ok=True)
    return models
