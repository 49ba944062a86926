"""The wheel is complete: built from the sdist, installed in a fresh venv with no Node on PATH, it builds and
serves a site whose every Mermaid diagram Chromium draws."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
VENDOR = "archdoc/site/vendor/"
MODEL = """\
title: Shop
layers: [{id: edge}, {id: app}, {id: data}]
elements:
  - {id: users, kind: person, layer: edge}
  - {id: waf, kind: aws.security.WAF, layer: edge}
  - {id: api, kind: aws.compute.Fargate, layer: app}
  - {id: orders-db, kind: aws.database.RDS, layer: data}
relations:
  - "users -> waf: HTTPS"
  - waf -> api
  - "api -> orders-db: SQL"
views:
  - {id: data, title: Data, focus: orders-db, depth: 1}
flows:
  - id: order
    title: Order
    steps: ["users -> waf: POST", "waf -> api: forward", "api -> orders-db: INSERT"]
"""

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python -m build`: the sdist, then the wheel built from that sdist (as pip would from PyPI)."""
    out = tmp_path_factory.mktemp("dist")
    run = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)], capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (no editable install, no checkout on sys.path) holding only the wheel and its dependencies."""
    venv = tmp_path_factory.mktemp("venv") / "fresh"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    [wheel] = dist.glob("*.whl")
    run = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                          str(wheel)], capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    return venv


def no_node_path(tmp_path: Path) -> str:
    """A PATH with the venv's commands and Graphviz, and without node or npm."""
    tools = tmp_path / "tools"
    tools.mkdir()
    for tool in ("dot",):
        found = shutil.which(tool)
        assert found, f"{tool} is not installed (./dev setup)"
        os.symlink(found, tools / tool)
    return str(tools)


def clean_env(venv: Path, path: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "ARCHDOC_MERMAID_JS", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{path}"
    return env


def test_the_wheel_and_sdist_carry_the_locked_mermaid_its_record_py_typed_and_licences(dist: Path) -> None:
    [wheel] = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        script = archive.read(VENDOR + "mermaid.min.js")
        record = json.loads(archive.read(VENDOR + "mermaid.json"))
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))["packages"]["node_modules/mermaid"]
    assert record == {"version": lock["version"], "tarball_integrity": lock["integrity"],
                      "sha256": hashlib.sha256(script).hexdigest()}
    assert script == (REPO / "node_modules" / "mermaid" / "dist" / "mermaid.min.js").read_bytes()
    assert {"archdoc/py.typed", VENDOR + "mermaid.LICENSE", "archdoc/site/assets/archdoc-mermaid.js"} <= names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert not any(name.startswith("tests/") for name in names)
    tracked = subprocess.run(["git", "ls-files", "*mermaid.min.js"], cwd=REPO, capture_output=True, text=True)
    assert tracked.stdout == ""  # never committed: taken from the npm tarball at packaging time


def test_a_fresh_venv_without_node_builds_and_serves_a_site_whose_diagrams_chromium_draws(
        installed: Path, tmp_path: Path, browser: Any) -> None:
    env = clean_env(installed, no_node_path(tmp_path))
    project = tmp_path / "project"
    (project / "models").mkdir(parents=True)
    (project / "models" / "shop.yaml").write_text(MODEL, encoding="utf-8")
    where = subprocess.run(["archdoc", "--version"], cwd=project, env=env, capture_output=True, text=True)
    assert where.returncode == 0 and shutil.which("node", path=env["PATH"]) is None
    mermaid = subprocess.run(["python", "-c", "from pathlib import Path; from archdoc.site.static import "
                              "find_mermaid; print(find_mermaid(Path('.')))"],
                             cwd=project, env=env, capture_output=True, text=True)
    assert mermaid.stdout.strip().startswith(str(installed)), mermaid.stdout + mermaid.stderr
    build = subprocess.run(["archdoc", "build"], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    assert (project / "site" / "assets" / "archdoc" / "mermaid.min.js").is_file()
    port = _free_port()
    server = subprocess.Popen(["archdoc", "serve", "--dev-addr", f"127.0.0.1:{port}", "-q"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        _wait_for(base + "models/shop/")
        for path in ("", "models/shop/"):
            assert _every_diagram_drawn(browser, base + path)
    finally:
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) in (0, 130)
    assert server.stderr is not None and "Traceback" not in server.stderr.read()


REVEAL_AND_DESCRIBE = """async () => {
  const all = () => Array.from(document.querySelectorAll('pre.archdoc-mermaid'));
  const settled = () => all().every(e => e.getClientRects().length === 0
      || ['drawn', 'failed'].includes(e.dataset.archdocState));
  const wait = async () => { for (let i = 0; i < 600 && !settled(); i++) await new Promise(r => setTimeout(r, 50)); };
  await wait();
  for (const label of document.querySelectorAll('.tabbed-labels > label')) { label.click(); await wait(); }
  return all().map(e => ({state: e.dataset.archdocState || null, svg: e.querySelector('svg') !== null}));
}"""


def _every_diagram_drawn(browser: Any, url: str) -> bool:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    try:
        page.goto(url, wait_until="load")
        diagrams = page.evaluate(REVEAL_AND_DESCRIBE)
    finally:
        page.close()
    assert errors == [], url
    if "models/" in url:
        assert len(diagrams) == 3, diagrams  # the view, and the flow as a sequence and as numbered steps
    assert all(diagram == {"state": "drawn", "svg": True} for diagram in diagrams), (url, diagrams)
    return True


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"{url} was not served in {timeout} s")

