"""Shared fixtures (a real headless Chromium driven by Playwright, the pinned Mermaid) and the slow/browser marks."""

from __future__ import annotations

import os
import resource
import shutil
import time
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


# Tests of other areas that run archdoc, git or pip in new processes (about a CPU second each): a
# module, or one test of it. Their modules may carry the mark themselves (pytestmark) instead.
SLOW_TESTS = (
    "tests/cli/test_baseline.py", "tests/cli/test_sarif.py", "tests/cli/test_terminal_and_config.py",
    "tests/diff/test_action.py", "tests/diff/test_diff_command.py", "tests/importers/test_hostile.py",
    "tests/importers/test_import_command.py", "tests/importers/test_merge.py", "tests/lint/test_rule_packs.py",
    "tests/lint/test_packs.py::test_a_third_party_pack_is_turned_off_by_its_entry_point_name",
    "tests/lint/test_packs.py::test_every_pack_is_in_the_schema_with_on_and_off",
    "tests/api/test_api.py::test_lint_finds_what_the_command_line_finds",
    "tests/api/test_api.py::test_the_command_line_never_imports_the_api",
)
# A test that takes this many CPU seconds (its own and its subprocesses', whatever else the machine
# runs) without the slow mark is named at the end of the run.
SLOW_CPU_SECONDS = 1.0
_unmarked_cpu: dict[str, float] = {}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test using the browser fixture is marked browser and slow, so none can be forgotten; SLOW_TESTS slow."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
        elif item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.slow)
        elif _listed_slow(item.nodeid):
            item.add_marker(pytest.mark.slow)


def _listed_slow(nodeid: str) -> bool:
    test = nodeid.partition("[")[0]  # without the parameters
    return test in SLOW_TESTS or test.partition("::")[0] in SLOW_TESTS


def _cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    return (yield from _count_cpu(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    return (yield from _count_cpu(item))


def _count_cpu(item: pytest.Item) -> Iterator[None]:
    start = _cpu_seconds()
    try:
        return (yield)
    finally:
        if item.get_closest_marker("slow") is None:
            _unmarked_cpu[item.nodeid] = _unmarked_cpu.get(item.nodeid, 0.0) + _cpu_seconds() - start


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Name the tests that make the quick run (-m "not slow") slow, so they get the mark."""
    over = sorted(((cpu, nodeid) for nodeid, cpu in _unmarked_cpu.items() if cpu >= SLOW_CPU_SECONDS), reverse=True)
    if over:
        terminalreporter.section(f"tests over {SLOW_CPU_SECONDS:g} CPU second without the slow mark")
        for cpu, nodeid in over[:int(os.environ.get("ARCHDOC_SLOW_REPORT", "15"))]:
            terminalreporter.write_line(f"{cpu:6.1f} s  {nodeid}")
        terminalreporter.write_line('mark them @pytest.mark.slow, or make them faster: ./dev test -m "not slow" '
                                    "must stay well under a minute")


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
