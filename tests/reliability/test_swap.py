"""A build killed at each step of the swap leaves a whole site at --out, and the next build restores, never deletes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import PLAIN, write_models

from archdoc.site.swap import PAUSE_ENV, PAUSE_STEPS, WITHOUT_EXCHANGE_ENV

pytestmark = pytest.mark.slow


def _build(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "archdoc", "build", "-q"], cwd=project, capture_output=True,
                          text=True, timeout=300, env={**os.environ, **env})


def _killed_at(project: Path, step: str, env: dict[str, str]) -> bool:
    """Run a build that pauses at `step`, SIGKILL it there; False when the build never reached the step."""
    process = subprocess.Popen([sys.executable, "-m", "archdoc", "build", "-q"], cwd=project, text=True,
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               env={**os.environ, **env, PAUSE_ENV: step})
    assert process.stderr is not None
    deadline = time.monotonic() + 240
    reached = False
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        if line.strip() == f"archdoc: paused at {step}":
            reached = True
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return reached


def _site_title(project: Path) -> str:
    return (project / "site" / "models" / "m" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2-exchange", "two-renames"])
@pytest.mark.parametrize("step", PAUSE_STEPS)
def test_a_kill_at_each_step_keeps_a_site(tmp_path: Path, step: str, exchange: bool) -> None:
    write_models(tmp_path, {"m.yaml": "title: Old site\n" + PLAIN})
    assert _build(tmp_path).returncode == 0
    write_models(tmp_path, {"m.yaml": "title: New site\n" + PLAIN})
    env = {} if exchange else {WITHOUT_EXCHANGE_ENV: "1"}
    reached = _killed_at(tmp_path, step, env)
    if not reached:
        assert exchange and step == "swap:moved-aside", "only the two-rename swap has a step between renames"
        return
    if step == "swap:moved-aside":
        # The one moment of the two-rename swap without a site: the old one waits in the staging folder...
        assert not (tmp_path / "site").exists()
        # ...and the next build, even one refused at once, puts it back before anything else.
        refused = _build(tmp_path, SOURCE_DATE_EPOCH="not-a-number")
        assert refused.returncode == 2
        assert "Old site" in _site_title(tmp_path)
    else:
        expected = "Old site" if step == "swap:staged" else "New site"
        assert expected in _site_title(tmp_path)
    assert _build(tmp_path).returncode == 0
    assert "New site" in _site_title(tmp_path)
    assert not list(tmp_path.glob(".site.archdoc-build-*")), "staging folders of the killed build are left"
