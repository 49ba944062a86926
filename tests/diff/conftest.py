"""Pairs of model versions written to temporary folders, diffed as `archdoc diff` diffs them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from archdoc.diff import Diff, diff_models, read_version


def write_models(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def diff_of(tmp_path: Path) -> Callable[[dict[str, str], dict[str, str]], Diff]:
    """diff_of(base_files, head_files): the Diff between two models folders."""

    def run(base: dict[str, str], head: dict[str, str]) -> Diff:
        before = read_version(str(write_models(tmp_path / "base" / "models", base)), Path("models"), cwd=tmp_path)
        after = read_version(str(write_models(tmp_path / "head" / "models", head)), Path("models"), cwd=tmp_path)
        return diff_models(before.models, after.models, before.problems, after.problems)

    return run
