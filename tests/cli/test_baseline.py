"""Lint baselines: accepted findings stay accepted when lines move; only new ones fail the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import project_with_model, run_archdoc

MODEL = """\
layers: [{id: app}, {id: data}]
elements:
  - {id: api, layer: app}
  - {id: worker, layer: app}
  - {id: db, kind: aws.RDS, layer: data}
relations:
  - api -> db
  - db -> api: change events
  - db -> api: replies
rules:
  packs: {inspections: off, well-architected: off}  # only the layering findings the baselines accept
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return project_with_model(tmp_path, "shop.yaml", MODEL)


def test_written_baseline_is_sorted_documented_json(project: Path) -> None:
    run = run_archdoc(project, "lint", "--write-baseline", "baseline.json")
    assert run.returncode == 0
    assert run.stderr == "archdoc lint: wrote 2 findings to baseline.json\n"
    text = (project / "baseline.json").read_text()
    assert text == (
        '{\n  "archdoc_baseline": 1,\n  "findings": [\n'
        '    {"code": "AD201", "model": "shop", "subject": "db -> api #0", '
        '"message": "db -> api goes up from layer \'data\' to \'app\'"},\n'
        '    {"code": "AD201", "model": "shop", "subject": "db -> api #1", '
        '"message": "db -> api goes up from layer \'data\' to \'app\'"}\n'
        "  ]\n}\n")
    assert json.loads(text)["archdoc_baseline"] == 1


def test_lines_shift_and_one_new_finding_only_the_new_one_fails(project: Path) -> None:
    assert run_archdoc(project, "lint", "--write-baseline", "baseline.json").returncode == 0
    shifted = "# moved down by a comment\n\n" + MODEL.replace("  - api -> db\n", "  - api -> db\n  - db -> worker\n")
    (project / "models" / "shop.yaml").write_text(shifted)
    run = run_archdoc(project, "lint", "--baseline", "baseline.json")
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "models/shop.yaml:10:5: error AD201 db -> worker goes up from layer 'data' to 'app'",
        "1 error, 0 warnings in 1 file",
    ]
    assert run.stderr == "archdoc lint: 2 findings accepted by baseline.json\n"


def test_baselined_findings_alone_pass(project: Path) -> None:
    run_archdoc(project, "lint", "--write-baseline", "baseline.json")
    run = run_archdoc(project, "lint", "--baseline", "baseline.json", "-f", "json")
    assert run.returncode == 0
    assert json.loads(run.stdout)["findings"] == []


def test_a_fixed_finding_is_reported_pruned_or_strict(project: Path) -> None:
    run_archdoc(project, "lint", "--write-baseline", "baseline.json")
    (project / "models" / "shop.yaml").write_text(MODEL.replace("  - db -> api: replies\n", ""))
    run = run_archdoc(project, "lint", "--baseline", "baseline.json")
    assert run.returncode == 0
    assert "baseline.json: baseline entry no longer occurs: AD201 shop db -> api #1: db -> api goes up from layer " \
           "'data' to 'app'" in run.stderr.splitlines()
    assert run_archdoc(project, "lint", "--baseline", "baseline.json", "--strict-baseline").returncode == 1
    run = run_archdoc(project, "lint", "--baseline", "baseline.json", "--prune-baseline")
    assert run.returncode == 0
    assert [entry["subject"] for entry in json.loads((project / "baseline.json").read_text())["findings"]] \
        == ["db -> api #0"]
    assert run_archdoc(project, "lint", "--baseline", "baseline.json", "--strict-baseline").returncode == 0


@pytest.mark.parametrize(("content", "message"), [
    (None, "archdoc lint: missing.json: does not exist\n"),
    ("{not json", "archdoc lint: missing.json:1:2: not JSON: Expecting property name enclosed in double quotes\n"),
    ('{"findings": []}', "archdoc lint: missing.json: not an archdoc baseline (expected {\"archdoc_baseline\": 1, "
                         "\"findings\": [...]}; `archdoc lint --write-baseline` writes one)\n"),
    ('{"archdoc_baseline": 1, "findings": [{"code": 1}]}',
     "archdoc lint: missing.json: finding 1 must have the text fields code, model, subject, message\n"),
])
def test_a_bad_baseline_file_is_one_line_and_exit_two(project: Path, content: str | None, message: str) -> None:
    if content is not None:
        (project / "missing.json").write_text(content)
    run = run_archdoc(project, "lint", "--baseline", "missing.json")
    assert (run.returncode, run.stdout, run.stderr) == (2, "", message)


def test_options_that_need_a_baseline(project: Path) -> None:
    run = run_archdoc(project, "lint", "--prune-baseline")
    assert (run.returncode, run.stderr) == (2, "archdoc lint: --prune-baseline and --strict-baseline need "
                                               "--baseline FILE\n")
