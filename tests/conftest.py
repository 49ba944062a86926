"""Shared fixtures (a real headless Chromium driven by Playwright, the pinned Mermaid) and the slow/browser marks."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import lint_files

pytest_plugins = ["codes_plugin"]  # every code a test makes must be documented

REPO = Path(__file__).resolve().parent.parent
MERMAID_JS = REPO / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test that uses the browser fixture is marked browser and slow, so none can be forgotten."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
        elif item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.slow)


def chromium_path() -> str:
    found = os.environ.get("ARCHDOC_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        pytest.fail("Chromium is not installed: run ./dev setup (Debian package chromium)")
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One Chromium for the whole test session; each test opens its own pages."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def mermaid_js() -> Path:
    if not MERMAID_JS.exists():
        pytest.fail("the pinned Mermaid is not installed: run ./dev setup (npm ci)")
    return MERMAID_JS


@pytest.fixture
def lint_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """lint_yaml(text) lints one model file `models/m.yaml`; returns (code, line, column) triples and problems."""
    monkeypatch.chdir(tmp_path)

    def run(text: str, **more_files: str) -> list:
        return lint_files(Path("."), {"m.yaml": text, **more_files})

    return run
