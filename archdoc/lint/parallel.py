"""Many models on every core: models are linted independently, so forked workers each lint a share.

The parent keeps the loaded models; a worker is forked after loading, sees them without any
copying, lints a contiguous share and sends back only its findings (as plain tuples, cheap to
pickle). The parent lints the first share meanwhile and joins the shares in model order, so
the report is the one a single process writes. One or a few small models, a platform without
a safe `fork` (macOS, Windows: the models would have to be pickled to each worker, which costs
more than linting them), a process with other threads (`archdoc serve`) or a worker that fails
all lint in the calling process instead.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from archdoc.model import Model, Problem, Severity, SourceSpan

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

# Below this many elements and relations in all, one process lints sooner than a worker starts
# (a fork and the findings sent back cost some 20 ms; 100 elements take about as long to lint).
MIN_SHARED_SIZE = 5_000
_Flat = tuple[Any, ...]  # a Problem as a tuple of its fields' plain values


def lint_each(models: Sequence[Model], lint_one: Callable[[Model], list[Problem]]) -> list[list[Problem]]:
    """`lint_one` of every model, in model order; on several cores when the models are many enough."""
    shares = _shares(models, _workers()) if _can_fork() else [list(range(len(models)))]
    if len(shares) < 2:
        return [lint_one(model) for model in models]
    import multiprocessing

    context = multiprocessing.get_context("fork")
    started: list[tuple[Any, Connection, list[int]]] = []
    try:
        for share in shares[1:]:
            receiving, sending = context.Pipe(duplex=False)
            worker = context.Process(target=_work, args=(sending, [models[i] for i in share], lint_one), daemon=True)
            worker.start()
            sending.close()
            started.append((worker, receiving, share))
        found = [lint_one(models[i]) for i in shares[0]]
        for worker, receiving, share in started:
            found += _received(worker, receiving) or [lint_one(models[i]) for i in share]
    finally:
        for worker, receiving, _ in started:
            receiving.close()
            if worker.is_alive():
                worker.kill()
            worker.join()
    return found


def _work(sending: Connection, models: list[Model], lint_one: Callable[[Model], list[Problem]]) -> None:
    """In a worker: lint the share and send the findings back. On any failure (Ctrl-C too) it leaves quietly,
    without a traceback: the parent lints the share again, and reports there what goes wrong."""
    try:
        sending.send([[_flat(problem) for problem in lint_one(model)] for model in models])
        sending.close()
    except BaseException:
        os._exit(1)


def _received(worker: Any, receiving: Connection) -> list[list[Problem]] | None:
    """A worker's findings, or None when it failed (the parent then lints its share, bugs show there)."""
    try:
        flat: list[list[_Flat]] = receiving.recv()
    except (EOFError, OSError):
        return None
    worker.join()
    return [[_problem(fields) for fields in findings] for findings in flat]


def _flat(problem: Problem) -> _Flat:
    span = problem.span
    return (problem.code, problem.severity.value, problem.message,
            None if span is None else (span.path, span.line, span.column),
            problem.model, problem.element, problem.relation, problem.suppressed)


def _problem(fields: _Flat) -> Problem:
    code, severity, message, span, model, element, relation, suppressed = fields
    return Problem(code, Severity(severity), message, None if span is None else SourceSpan(*span),
                   model, element, relation, suppressed)


def _shares(models: Sequence[Model], workers: int) -> list[list[int]]:
    """Contiguous runs of model positions of about equal size (elements and relations), one per worker."""
    sizes = [len(model.elements) + len(model.relations) for model in models]
    total = sum(sizes)
    count = min(workers, len(models))
    if count < 2 or total < MIN_SHARED_SIZE:
        return [list(range(len(models)))]
    shares: list[list[int]] = [[]]
    done = 0
    for position, size in enumerate(sizes):
        if done >= total * len(shares) / count and len(shares) < count:
            shares.append([])
        shares[-1].append(position)
        done += size
    return [share for share in shares if share]


def _workers() -> int:
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1)
    return len(cores)


def _can_fork() -> bool:
    """Forking is safe with one thread on Linux and the BSDs; macOS (its system libraries) and Windows cannot."""
    return hasattr(os, "fork") and sys.platform != "darwin" and threading.active_count() == 1
