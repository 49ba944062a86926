"""`archdoc lint --format sarif` against the official SARIF 2.1.0 schema, with fingerprints and relative URIs."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from helpers import project_with_model, run_archdoc

from archdoc.lint import RULES

SCHEMA = Path(__file__).resolve().parent.parent / "fixtures" / "sarif-schema-2.1.0.json"
GOOD = "layers: [{id: app}, {id: data}]\nelements:\n  - {id: api, layer: app}\n  - {id: db, kind: aws.RDS, layer: data}\nrelations:\n  - api -> db\n"
BAD = GOOD + "  - db -> api\n  - db -> api: again\n"


def validate(document: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = sorted(validator_class(schema, format_checker=validator_class.FORMAT_CHECKER).iter_errors(document),
                    key=str)
    assert errors == [], "\n".join(f"{list(error.absolute_path)}: {error.message}" for error in errors[:5])


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose models sit below architecture/models."""
    (tmp_path / "architecture").mkdir()
    project_with_model(tmp_path / "architecture", "shop.yaml", BAD)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True, timeout=60)
    (tmp_path / "docs").mkdir()
    return tmp_path


def sarif(cwd: Path, *paths: str) -> dict[str, Any]:
    run = run_archdoc(cwd, "lint", "-f", "sarif", *paths)
    assert run.returncode == 1, run.stderr
    return json.loads(run.stdout)


def locations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [result["locations"][0]["physicalLocation"]["artifactLocation"] for result in document["runs"][0]["results"]]


def test_the_schema_is_the_official_one() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert {"runs", "version"} <= set(schema["required"]) and "result" in schema["definitions"]


def test_sarif_validates_and_has_fingerprints(repo: Path) -> None:
    document = sarif(repo, "architecture/models")
    validate(document)
    results = document["runs"][0]["results"]
    fingerprints = [result["partialFingerprints"]["archdocFinding/v1"] for result in results]
    assert len(fingerprints) == 2 and len(set(fingerprints)) == 2
    assert [f.rsplit(":", 1)[1] for f in fingerprints] == ["1", "2"]  # equal identities, numbered


def test_uris_are_relative_to_the_repository_root_whatever_the_working_directory(repo: Path) -> None:
    expected = [{"uri": "architecture/models/shop.yaml", "uriBaseId": "%SRCROOT%"}] * 2
    from_root = sarif(repo, "architecture/models")
    from_docs = sarif(repo / "docs", "../architecture/models")
    from_models = sarif(repo / "architecture" / "models", ".")
    absolute = sarif(repo / "docs", str(repo / "architecture" / "models" / "shop.yaml"))
    for document in (from_root, from_docs, from_models, absolute):
        validate(document)
        assert locations(document) == expected
    assert from_root["runs"][0]["results"] == from_docs["runs"][0]["results"] == absolute["runs"][0]["results"]


def test_fingerprints_survive_lines_moving(repo: Path) -> None:
    before = sarif(repo, "architecture/models")
    model = repo / "architecture" / "models" / "shop.yaml"
    model.write_text("# a new first line\n\n" + model.read_text())
    after = sarif(repo, "architecture/models")
    regions = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after["runs"][0]["results"]]
    assert regions == [9, 10]
    assert [r["partialFingerprints"] for r in before["runs"][0]["results"]] == \
        [r["partialFingerprints"] for r in after["runs"][0]["results"]]


def test_outside_a_repository_uris_are_relative_to_the_working_directory(tmp_path: Path) -> None:
    project_with_model(tmp_path, "bad.yaml", BAD)
    document = sarif(tmp_path, "models")
    validate(document)
    assert locations(document)[0] == {"uri": "models/bad.yaml", "uriBaseId": "%SRCROOT%"}


def test_rules_carry_their_documentation_as_full_description(repo: Path) -> None:
    rules = {rule["id"]: rule for rule in sarif(repo, "architecture/models")["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["AD201"]["fullDescription"]["text"] == RULES["AD201"].doc
    assert rules["AD201"]["fullDescription"]["text"] != rules["AD201"]["shortDescription"]["text"]
