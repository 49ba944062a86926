"""A pytest plugin: every Problem any test makes in this process must carry a documented code.

It wraps `Problem.__init__` for the session and reports, at the end, each code that no
table documents; the run then fails. (Commands run in subprocesses are covered by the CLI
tests' own assertions.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

EMITTED: dict[str, str] = {}  # code -> the test that first emitted it


@pytest.fixture(autouse=True, scope="session")
def _record_codes() -> Iterator[None]:
    from archdoc.model.problems import Problem

    original = Problem.__init__

    def recording(self: Any, code: str, *args: Any, **kwargs: Any) -> None:
        EMITTED.setdefault(code, _current.get("test", "?"))
        original(self, code, *args, **kwargs)

    Problem.__init__ = recording  # type: ignore[method-assign]
    yield
    Problem.__init__ = original  # type: ignore[method-assign]


_current: dict[str, str] = {}


def pytest_runtest_setup(item: pytest.Item) -> None:
    _current["test"] = item.nodeid


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    from codes_table import documented_codes

    undocumented = {code: test for code, test in EMITTED.items() if code not in documented_codes()}
    if undocumented:
        lines = [f"  {code} (first made by {test})" for code, test in sorted(undocumented.items())]
        print("\narchdoc emitted codes that no table documents:\n" + "\n".join(lines))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
