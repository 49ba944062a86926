"""Many models are linted on every core: the same report as one process, in model order, whatever a worker does."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from archdoc.lint import lint_result, parallel
from archdoc.load import load_paths
from archdoc.model import Model, Problem, Severity, SourceSpan

GALLERY = Path(__file__).resolve().parents[2] / "models"
needs_fork = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin",
                                reason="no safe fork on this platform")


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shares go to workers whatever ran before in this test process.

    archdoc forks only when its process has no other thread; the suite's own may have some
    (Playwright's driver keeps an asyncio child watcher thread for the whole session), which
    would make these tests lint serially and pass without testing the workers. The guard
    itself is tested below, with a thread of the test's own.
    """
    monkeypatch.setattr(parallel, "MIN_SHARED_SIZE", 0)
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)


def _where(model: Model) -> list[Problem]:
    """A finding saying which process linted the model, with every field set."""
    return [Problem("AD201", Severity.WARNING, f"{model.id} {os.getpid()}", SourceSpan(model.path, 1, 2), model.id,
                    "element", ("a", "b"), "reason")]


def _models(count: int) -> list[Model]:
    models = load_paths([GALLERY]).models
    return [models[position % len(models)] for position in range(count)]


@needs_fork
def test_the_models_are_shared_between_processes_and_come_back_in_order(monkeypatch: pytest.MonkeyPatch,
                                                                      forking: None) -> None:
    monkeypatch.setattr(parallel, "_workers", lambda: 3)
    models = _models(7)
    found = parallel.lint_each(models, _where)
    assert [problems[0].model for problems in found] == [model.id for model in models]
    pids = [int(problems[0].message.split()[1]) for problems in found]
    assert pids[0] == os.getpid() and len(set(pids)) == 3  # the parent lints the first share itself
    assert pids == sorted(pids, key=pids.index)  # each worker a contiguous run
    first = found[-1][0]
    assert (first.severity, first.span, first.element, first.relation, first.suppressed) == \
        (Severity.WARNING, SourceSpan(models[-1].path, 1, 2), "element", ("a", "b"), "reason")


@needs_fork
def test_the_report_of_the_gallery_is_the_same_on_every_core(monkeypatch: pytest.MonkeyPatch) -> None:
    result = load_paths([GALLERY])
    alone = lint_result(result).problems
    monkeypatch.setattr(parallel, "MIN_SHARED_SIZE", 0)
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)  # see `forking`
    shared = lint_result(result).problems
    assert shared == alone and len(alone) > 10


@needs_fork
def test_a_worker_that_dies_has_its_share_linted_by_the_parent(forking: None) -> None:
    parent = os.getpid()

    def dies_in_a_worker(model: Model) -> list[Problem]:
        if os.getpid() != parent:
            os._exit(3)
        return _where(model)

    found = parallel.lint_each(_models(4), dies_in_a_worker)
    assert [int(problems[0].message.split()[1]) for problems in found] == [parent] * 4


def test_small_models_and_threaded_callers_are_linted_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    models = _models(4)
    assert {problems[0].message.split()[1] for problems in parallel.lint_each(models, _where)} == {str(os.getpid())}
    monkeypatch.setattr(parallel, "MIN_SHARED_SIZE", 0)
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)  # like `archdoc serve`: forking beside a thread is unsafe
    server.start()
    try:
        found = parallel.lint_each(models, _where)
    finally:
        stop.set()
        server.join()
    assert {problems[0].message.split()[1] for problems in found} == {str(os.getpid())}


@needs_fork
def test_a_worker_that_fails_prints_nothing_and_the_parent_lints_its_share(
        forking: None, capfd: pytest.CaptureFixture[str]) -> None:
    parent = os.getpid()

    def fails_in_a_worker(model: Model) -> list[Problem]:
        if os.getpid() != parent:
            raise RuntimeError("a bug in a rule")
        return _where(model)

    found = parallel.lint_each(_models(4), fails_in_a_worker)
    assert [int(problems[0].message.split()[1]) for problems in found] == [parent] * 4
    assert capfd.readouterr().err == ""  # no worker's traceback: a bug shows once, in the parent
