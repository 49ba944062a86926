"""`archdoc lint` against infrastructure code: a model and a template (and a Terraform twin) that differ
in each of the five ways, and agree on relations backed in either direction; `iac:` paths that are unsafe."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from archdoc.lint.rules import (
    iac_contradiction,
    iac_dependency_undeclared,
    iac_missing,
    iac_relation_unbacked,
    iac_sources,
    iac_unclaimed,
)
from archdoc.model import Problem
from archdoc.pipeline import load_and_lint

HERE = Path(__file__).resolve().parent / "conformance"
MISSING, UNCLAIMED, UNBACKED = iac_missing.CODE, iac_unclaimed.CODE, iac_relation_unbacked.CODE
UNDECLARED, CONTRADICTION, SOURCE = iac_dependency_undeclared.CODE, iac_contradiction.CODE, iac_sources.CODE
# (code, line, column in the model, the template's place the message names): the same for both twins.
EXPECTED = {
    "cloudformation": [
        (UNCLAIMED, 1, 7, "infra/app.yaml:65"),        # the Audit bucket
        (UNDECLARED, 3, 5, "infra/app.yaml:12"),       # the api role's policy sends to the jobs queue
        (CONTRADICTION, 9, 28, "infra/app.yaml:32"),   # multi_az: true, MultiAZ: false
        (CONTRADICTION, 10, 23, "infra/app.yaml:43"),  # a Lambda kind for a DynamoDB table
        (MISSING, 12, 5, "../infra/app.yaml"),         # Ghost
        (UNBACKED, 17, 5, "infra/app.yaml:16"),        # api -> topic
    ],
    "terraform": [
        (UNCLAIMED, 1, 7, "infra/terraform/main.tf:72"),
        (UNDECLARED, 3, 5, "infra/terraform/main.tf:10"),
        (CONTRADICTION, 9, 28, "infra/terraform/main.tf:41"),
        (CONTRADICTION, 10, 23, "infra/terraform/main.tf:50"),
        (MISSING, 12, 5, "../infra/terraform"),
        (UNBACKED, 17, 5, "infra/terraform/main.tf:19"),
    ],
}


def project(tmp_path: Path, model: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with models/m.yaml and both twins under infra/; the working folder is the project."""
    (tmp_path / "models").mkdir()
    (tmp_path / "infra").mkdir()
    shutil.copy(HERE / "app.yaml", tmp_path / "infra" / "app.yaml")
    shutil.copytree(HERE / "terraform", tmp_path / "infra" / "terraform")
    (tmp_path / "models" / "m.yaml").write_text(model, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def conformance(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.code.startswith("AD5") and p.suppressed is None]


@pytest.mark.parametrize(("twin", "model"), [("cloudformation", "model.yaml"), ("terraform", "model_terraform.yaml")])
def test_each_difference_is_one_finding_at_the_model_naming_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     twin: str, model: str) -> None:
    project(tmp_path, (HERE / model).read_text(encoding="utf-8"), monkeypatch)
    _result, report = load_and_lint([Path("models")])
    found = conformance(report.problems)
    assert [(p.code, p.span.line, p.span.column) for p in found] == [e[:3] for e in EXPECTED[twin]], \
        [str(p) for p in found]
    for problem, (_code, _line, _column, place) in zip(found, EXPECTED[twin], strict=True):
        assert problem.span.path == os.path.join("models", "m.yaml")
        assert place in problem.message, str(problem)
    assert not [p for p in report.problems if p.code.startswith("AD6")], [str(p) for p in report.problems]
    # Relations backed the other way round or by a derived connection are not reported:
    # api -> db (db's security group admits api's), table -> api (api's variable names the table),
    # jobs -> worker (an event source mapping).
    unbacked = {p.relation for p in found if p.code == UNBACKED}
    assert unbacked == {("api", "topic")}


def test_the_findings_are_configured_like_any_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = (HERE / "model.yaml").read_text(encoding="utf-8") + f"""
rules:
  severity: {{{UNDECLARED}: error, {UNCLAIMED}: off}}
  ignore:
    - {{rule: {UNBACKED}, relation: "api -> topic", reason: the topic is written to by the SDK with a name}}
"""
    project(tmp_path, model, monkeypatch)
    _result, report = load_and_lint([Path("models")])
    found = conformance(report.problems)
    assert [(p.code, p.severity.value) for p in found] == [
        (UNDECLARED, "error"), (CONTRADICTION, "error"), (CONTRADICTION, "error"), (MISSING, "error")]
    assert [p.code for p in report.problems if p.suppressed] == [UNBACKED]


def test_a_model_that_matches_its_code_is_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (HERE / "model.yaml").read_text(encoding="utf-8")
    text = text.replace("  - {id: ghost, kind: aws.compute.Lambda, iac: Ghost}\n",
                        "  - {id: audit, kind: aws.storage.SimpleStorageServiceS3Bucket, iac: Audit}\n")
    text = text.replace("multi_az: true", "multi_az: false").replace(
        "{id: table, kind: aws.compute.Lambda", "{id: table, kind: aws.database.DynamodbTable")
    text = text.replace("  - api -> topic\n", "  - api -> jobs\n")
    project(tmp_path, text, monkeypatch)
    _result, report = load_and_lint([Path("models")])
    assert conformance(report.problems) == []


MODEL = """iac: [{path}]
elements:
  - {{id: api, kind: aws.compute.Lambda, iac: ApiFunction}}
"""


def source_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str) -> list[str]:
    project(tmp_path, MODEL.format(path=path), monkeypatch)
    result, report = load_and_lint([Path("models")])
    assert not report.unreadable
    found = conformance(report.problems)
    assert all(p.span.line == 1 and p.span.path.endswith("m.yaml") for p in found), [str(p) for p in found]
    assert all(p.code == SOURCE for p in found), [str(p) for p in found]  # nothing else is guessed
    return [p.message for p in found]


def test_a_path_outside_the_project_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yaml"
    shutil.copy(HERE / "app.yaml", outside)
    messages = source_findings(tmp_path, monkeypatch, f"../../{outside.name}")
    assert messages == [f"`../../{outside.name}` leaves the project folder {tmp_path.name}/; it is not read"]
    (tmp_path / "models" / "m.yaml").write_text(MODEL.format(path=outside), encoding="utf-8")
    _result, report = load_and_lint([Path("models")])
    assert [p.message for p in conformance(report.problems)] == [f"`{outside}` is an absolute path; write it relative to the model file; it is not read"]


def test_a_symbolic_link_out_of_the_project_is_not_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-secret"
    outside.mkdir()
    shutil.copy(HERE / "app.yaml", outside / "app.yaml")
    (tmp_path / "infra-links").mkdir()
    (tmp_path / "infra-links" / "app.yaml").symlink_to(outside / "app.yaml")
    (tmp_path / "infra-links" / "folder").symlink_to(outside)
    messages = source_findings(tmp_path, monkeypatch, "../infra-links/app.yaml")
    assert messages == [f"`../infra-links/app.yaml` leads outside the project folder {tmp_path.name}/ through a "
                        "symbolic link; it is not read"]
    (tmp_path / "models" / "m.yaml").write_text(MODEL.format(path="../infra-links"), encoding="utf-8")
    _result, report = load_and_lint([Path("models")])
    assert [p.message for p in conformance(report.problems)] == [
        f"`../infra-links` holds folder, a symbolic link that leads outside the project folder {tmp_path.name}/; "
        "it is not read"]


def test_missing_and_unreadable_sources_are_findings_at_the_iac_line(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert source_findings(tmp_path, monkeypatch, "../infra/gone.yaml") == [
        "`../infra/gone.yaml` does not exist; it is not read"]
    (tmp_path / "infra" / "notes.txt").write_text("hello\n", encoding="utf-8")
    (tmp_path / "infra" / "list.yaml").write_text("- not a template\n", encoding="utf-8")
    (tmp_path / "infra" / "broken.yaml").write_text("Resources: [\n", encoding="utf-8")
    (tmp_path / "infra" / "empty").mkdir()
    for path, expected in (
            ("../infra/notes.txt", "is not infrastructure code"),
            ("../infra/list.yaml", "cannot be read as infrastructure code: infra/list.yaml:1:1: AD620"),
            ("../infra/broken.yaml", "cannot be read as infrastructure code: infra/broken.yaml:"),
            ("../infra/empty", "holds no CloudFormation template, Terraform .tf file or Terraform JSON")):
        (tmp_path / "models" / "m.yaml").write_text(MODEL.format(path=path), encoding="utf-8")
        _result, report = load_and_lint([Path("models")])
        messages = [p.message for p in conformance(report.problems)]
        assert len(messages) == 1 and expected in messages[0], (path, messages)


def test_a_model_without_iac_reads_no_infrastructure_code(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "m.yaml").write_text("elements: [{id: api, kind: aws.compute.Lambda}]\n",
                                                encoding="utf-8")
    code = ("import sys; from pathlib import Path; from archdoc.pipeline import load_and_lint; "
            "load_and_lint([Path('models')]); print('hcl2' in sys.modules)")
    completed = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                               check=True)
    assert completed.stdout.strip() == "False"
