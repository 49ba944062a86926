"""Rule packs are chosen, not imposed: a model or project turns a pack off, and a pack that is off does not run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import codes_at

from archdoc.cli import main
from archdoc.lint import RULES, lint_result
from archdoc.lint.packs import SETTING_FOR_DISABLED_PACK
from archdoc.lint.registry import PACKS
from archdoc.load import load_paths

PACK = Path(__file__).resolve().parent / "fixtures" / "rule-pack"
ORPHANED = "AD214"  # an inspection: element with no relation
PUBLIC_DATASTORE = "AD401"  # well-architected
NO_LABEL = "AD235"  # completeness: relation without a label
UNUSED_SUPPRESSION = "AD212"

SLOPPY = """elements:
  - {id: api}
  - {id: db, kind: aws.database.RDS, properties: {public: true}}
  - {id: spare}
relations: [api -> db]
"""


def codes(problems: list) -> set[str]:
    return {p.code for p in problems if p.suppressed is None}


def test_the_default_packs_run_and_completeness_does_not(lint_yaml) -> None:
    found = codes(lint_yaml(SLOPPY))
    assert {ORPHANED, PUBLIC_DATASTORE} <= found
    assert NO_LABEL not in found


def test_a_model_turns_a_pack_off_and_another_on(lint_yaml) -> None:
    found = codes(lint_yaml(SLOPPY + "rules:\n  packs: {inspections: off, completeness: on}\n"))
    assert ORPHANED not in found
    assert not {code for code in found if RULES[code].pack == "inspections"}
    assert {NO_LABEL, PUBLIC_DATASTORE} <= found


def test_well_architected_off_silences_the_ad4xx_checks(lint_yaml) -> None:
    found = codes(lint_yaml(SLOPPY + "rules:\n  packs: {well-architected: off}\n"))
    assert not {code for code in found if code.startswith("AD4")}
    assert ORPHANED in found


def test_a_severity_raised_inside_a_pack_that_is_off_does_nothing_and_says_so(lint_yaml) -> None:
    problems = lint_yaml(SLOPPY + "rules:\n  packs: {inspections: off}\n  severity: {AD214: error}\n")
    assert ORPHANED not in codes(problems)
    [notice] = [p for p in problems if p.code == SETTING_FOR_DISABLED_PACK]
    assert (notice.span.line, notice.span.column) == (8, 14)
    assert "pack 'inspections' is off" in notice.message and notice.severity.value == "warning"


def test_a_suppression_of_a_rule_in_a_pack_that_is_off_is_not_called_unused(lint_yaml) -> None:
    problems = lint_yaml(SLOPPY + "rules:\n  packs: {inspections: off}\n"
                         "  ignore:\n    - {rule: AD214, element: spare, reason: kept for the migration}\n")
    assert codes_at([p for p in problems if p.code in (SETTING_FOR_DISABLED_PACK, UNUSED_SUPPRESSION)]) == [
        (SETTING_FOR_DISABLED_PACK, 9, 7)]


def test_an_unknown_pack_or_switch_is_an_error_at_its_place(lint_yaml) -> None:
    problems = lint_yaml("elements: [{id: a}]\nrules:\n  packs: {inspection: off, completeness: maybe}\n")
    errors = [(p.code, p.span.line, p.span.column, p.message) for p in problems if p.is_error]
    assert errors == [
        ("AD101", 3, 11, "unknown key 'inspection' in packs; did you mean 'inspections'?"),
        ("AD117", 3, 42, "on or off must be one of on, off, found 'maybe'"),
    ]


def test_the_project_chooses_packs_and_the_model_has_the_last_word(tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    (models / "plain.yaml").write_text(SLOPPY)
    (models / "strict.yaml").write_text(SLOPPY + "rules:\n  packs: {well-architected: on}\n")
    result = load_paths([models])
    report = lint_result(result, project_packs={"well-architected": False, "completeness": True})
    by_model = {model.id: codes(report.for_model(model.id)) for model in result.models}
    assert PUBLIC_DATASTORE not in by_model["plain"] and NO_LABEL in by_model["plain"]
    assert PUBLIC_DATASTORE in by_model["strict"]
    assert PUBLIC_DATASTORE in codes(lint_result(result).problems)  # without a project setting: the default


def test_every_pack_is_in_the_schema_with_on_and_off(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    packs = schema["$defs"]["packs"]
    assert sorted(packs["properties"]) == sorted(PACKS)
    assert all(field["enum"] == ["on", "off"] for field in packs["properties"].values())
    assert packs.get("additionalProperties") is False


def test_every_rule_belongs_to_a_known_pack_and_inspections_number_enough() -> None:
    checked = [rule for rule in RULES.values() if rule.check is not None]
    assert {rule.pack for rule in checked} <= set(PACKS)
    assert len([code for code in RULES if code.startswith("AD2")]) >= 32
    assert len([rule for rule in checked if rule.pack in ("inspections", "completeness")]) >= 20


def archdoc_with_pack(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PACK), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "archdoc", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


@pytest.mark.slow
def test_a_third_party_pack_is_turned_off_by_its_entry_point_name(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    model = tmp_path / "models" / "shop.yaml"
    model.write_text("elements: [{id: api}]\nrules:\n  require_owner: true\n")
    found = json.loads(archdoc_with_pack(tmp_path, "lint", "--format", "json").stdout)["findings"]
    assert [f["code"] for f in found] == ["AD801"]
    model.write_text("elements: [{id: api}]\nrules:\n  require_owner: true\n  packs: {acme-owner: off}\n")
    run = archdoc_with_pack(tmp_path, "lint", "--format", "json")
    assert (run.returncode, json.loads(run.stdout)["findings"]) == (0, [])
