"""`archdoc lint` end to end, as CI runs it: formats, exit statuses, and no traceback for any input."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from helpers import project_with_model, run_archdoc

GOOD = "layers: [{id: app}, {id: data}]\nelements:\n  - {id: api, layer: app}\n  - {id: db, kind: aws.RDS, layer: data}\nrelations:\n  - api -> db\n"
BAD = GOOD + "  - db -> api\n"


def archdoc(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_archdoc(cwd, *args)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return project_with_model(tmp_path, "good.yaml", GOOD)


def test_clean_models_exit_zero_with_a_summary(project: Path) -> None:
    run = archdoc(project, "lint")
    assert (run.returncode, run.stdout) == (0, "0 errors, 0 warnings in 1 file\n")


def test_findings_as_text_lines_then_summary(project: Path) -> None:
    (project / "models" / "bad.yaml").write_text(BAD)
    run = archdoc(project, "lint", "models")
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        f"{os.path.join('models', 'bad.yaml')}:7:5: error AD201 db -> api goes up from layer 'data' to 'app'",
        "1 error, 0 warnings in 2 files",
    ]


def test_json_report(project: Path) -> None:
    (project / "models" / "bad.yaml").write_text(BAD)
    report = json.loads(archdoc(project, "lint", "--format", "json").stdout)
    assert report["summary"] == {"errors": 1, "warnings": 0, "files": 2, "suppressed": 0}
    assert report["findings"] == [{
        "code": "AD201", "severity": "error", "message": "db -> api goes up from layer 'data' to 'app'",
        "file": os.path.join("models", "bad.yaml"), "line": 7, "column": 5, "model": "bad", "element": "db",
        "relation": {"from": "db", "to": "api"},
    }]


@pytest.mark.slow  # the SARIF golden file and test_sarif.py cover it in the quick run's stead
def test_sarif_report_is_what_code_scanning_reads(project: Path) -> None:
    (project / "models" / "bad.yaml").write_text(BAD)
    sarif = json.loads(archdoc(project, "lint", "-f", "sarif").stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    result = run["results"][0]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "AD201"
    assert rules[result["ruleIndex"]]["help"]["markdown"].startswith("Relations go down the layer stack")
    location = result["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "models/bad.yaml", "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": 7, "startColumn": 5}}


@pytest.mark.slow  # one more archdoc process
def test_github_annotations(project: Path) -> None:
    (project / "models" / "bad.yaml").write_text(BAD.replace("{id: db,", "{id: db, label: 'a,b:c%',"))
    lines = archdoc(project, "lint", "-f", "github").stdout.splitlines()
    assert lines[0] == (f"::error file={os.path.join('models', 'bad.yaml')},line=7,col=5,title=AD201::"
                        "db -> api goes up from layer 'data' to 'app'")


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("lint", "missing-folder"), 2),
        pytest.param(("lint", "--format", "xml"), 2, marks=pytest.mark.slow),
        pytest.param(("lint", "--no-such-option"), 2, marks=pytest.mark.slow),
        pytest.param(("nonsense",), 2, marks=pytest.mark.slow),
        pytest.param((), 2, marks=pytest.mark.slow),
    ],
)
def test_wrong_command_lines_and_missing_input_exit_two(project: Path, args: tuple[str, ...], status: int) -> None:
    run = archdoc(project, *args)
    assert run.returncode == status
    assert "Traceback" not in run.stderr + run.stdout


HOSTILE = {
    "syntax.yaml": b"elements: [{id: a\n",
    "deep.yaml": b"elements: " + b"[" * 100_000 + b"\n",
    "block-deep.yaml": b"elements:\n" + b"- " * 100_000 + b"x\n",
    "bomb.yaml": b"a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                 b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n",
    "python.yaml": b"elements: !!python/object/apply:os.system ['touch pwned']\n",
    "utf16.yaml": "elements: [{id: a}]\n".encode("utf-16"),
    "latin1.yaml": b"elements: [{id: caf\xe9}]\n",
    "nul.yaml": b"elements:\x00\n",
    "list.yaml": b"- a\n- b\n",
    "scalar.yaml": b"just text\n",
    "empty.yaml": b"",
    "docs.yaml": b"elements: []\n---\nelements: []\n",
    "types.yaml": b"elements: [{id: 1}, {id: [x]}, {id: {a: b}}, 7, null]\nrelations: [1, [a], {a: b, c: d}]\n"
                  b"views: 3\nflows: [{id: f, steps: 4}]\nrules: {layering: 5, ignore: 3, severity: [x]}\n",
    "keys.yaml": b"? [a, b]\n: c\nelements: []\n",
}


@pytest.mark.slow  # reads a nesting bomb and 100,000-deep YAML
def test_no_input_however_broken_gives_a_traceback(tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    for name, data in HOSTILE.items():
        (models / name).write_bytes(data)
    run = archdoc(tmp_path, "lint", "-f", "json")
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    report = json.loads(run.stdout)
    reported = {Path(f["file"]).name for f in report["findings"]}
    assert reported == set(HOSTILE)
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("words", [["lnt"], ["--", "lint"], ["--debug", "lnit", "lint"]])
def test_a_wrong_command_lists_every_command(project: Path, words: list[str]) -> None:
    """A run builds only its own command's parser; a command line that names none still lists them all."""
    run = archdoc(project, *words)
    assert run.returncode == 2
    assert "(choose from 'lint', 'render', 'rules', 'schema', 'build', 'serve', 'import', 'diff', 'completion')" in (
        run.stderr)


def test_options_of_another_command_are_refused(project: Path) -> None:
    run = archdoc(project, "lint", "--models", "models")  # an option of `archdoc build`
    assert run.returncode == 2
    assert "unrecognized arguments: --models" in run.stderr
