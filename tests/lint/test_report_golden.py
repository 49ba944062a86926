"""`archdoc lint --format json` and `--format sarif` of a fixture project, compared byte for byte with golden files.

The fixture (tests/lint/fixtures/report) holds findings of both severities, a load error, a
suppressed finding and two equal findings. It is copied to a temporary folder outside any git
repository, so SARIF URIs are relative to that folder and no golden file names a machine's
path. Regenerate after an intended change with
`ARCHDOC_UPDATE_GOLDEN=1 python3 -m pytest tests/lint/test_report_golden.py`, then read the
diff of tests/lint/golden/ before committing it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import assert_golden

from archdoc.cli import main

HERE = Path(__file__).resolve().parent
PROJECT = HERE / "fixtures" / "report"
GOLDEN = HERE / "golden"


@pytest.fixture
def lint_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """lint_report(format) runs `archdoc lint --format FORMAT` in a copy of the fixture project; returns stdout."""
    shutil.copytree(PROJECT, tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # never the repository around a temp folder

    def run(output_format: str) -> str:
        status = main(["lint", "--format", output_format])
        out, err = capsys.readouterr()
        assert (status, err) == (1, "")
        return out

    return run


@pytest.mark.parametrize(("output_format", "golden"), [("json", "report.json"), ("sarif", "report.sarif")])
def test_report_matches_its_golden_file(lint_report, output_format: str, golden: str) -> None:
    text = lint_report(output_format)
    json.loads(text)
    assert_golden(GOLDEN / golden, text)
