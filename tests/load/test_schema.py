"""`archdoc schema` is a valid JSON Schema that agrees with the loader, so editors validate as lint does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    run = subprocess.run([sys.executable, "-m", "archdoc", "schema"], capture_output=True, text=True, check=True)
    schema = json.loads(run.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", sorted((REPO / "models").glob("*.yaml")), ids=lambda p: p.stem)
def test_gallery_models_validate(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    errors = [error.message for error in validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]
    assert errors == []


@pytest.mark.parametrize(
    "document",
    [
        {"elements": [{"id": "a", "lable": "A"}]},
        {"elements": [{"id": "1a"}]},
        {"elements": [{"id": "a"}], "relations": ["a => b"]},
        {"elements": [{"id": "a"}], "views": [{"id": "v", "direction": "up"}]},
        {"elements": [{"id": "a"}], "rules": {"ignore": [{"rule": "AD201"}]}},
        {"archdoc": 2, "elements": []},
        {"relations": []},
    ],
)
def test_what_lint_rejects_the_schema_rejects(validator: jsonschema.Draft202012Validator, document: dict) -> None:
    assert list(validator.iter_errors(document))
