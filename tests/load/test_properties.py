"""Well-known properties have types: a wrong one is an error where it is written, with the fix."""

from __future__ import annotations

import pytest

from archdoc.pipeline import load_and_lint


@pytest.mark.parametrize(("text", "where", "message"), [
    ('elements:\n  - {id: a, properties: {cost_monthly: "30"}}\n', (2, 40),
     "property 'cost_monthly' must be a number of at least 0, found the text \"30\": write 30, not \"30\""),
    ("elements:\n  - {id: a, properties: {cost_monthly: -4}}\n", (2, 40),
     "property 'cost_monthly' must be a number of at least 0, found the number -4"),
    ('elements:\n  - {id: db, properties: {multi_az: "false"}}\n', (2, 37),
     "property 'multi_az' must be true or false, found the text \"false\": write false, not \"false\""),
    ("elements:\n  - {id: db, properties: {encrypted: sometimes}}\n", (2, 38),
     "property 'encrypted' must be true or false, found the text sometimes"),
    ("elements:\n  - {id: db, properties: {zones: [a, 7]}}\n", (2, 34),
     "property 'zones' must be a list of names, found a list"),
    ("elements:\n  - {id: db, properties: {replicas: -1}}\n", (2, 37), "property 'replicas' must not be negative"),
])
def test_a_wrong_type_is_reported_with_the_fix(lint_yaml, text: str, where: tuple, message: str) -> None:
    problems = [p for p in lint_yaml(text) if p.code in ("AD102", "AD117")]
    assert [(p.span.line, p.span.column) for p in problems] == [where]
    assert problems[0].message.startswith(message), problems[0].message


def test_a_wrong_value_is_unknown_not_false(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "m.yaml").write_text(
        'elements:\n  - {id: db, kind: aws.database.RDS, properties: {multi_az: "false", cost_monthly: "30"}}\n'
        "  - {id: cache, kind: aws.database.ElastiCache, properties: {multi_az: no, cost_monthly: 12.5}}\n")
    result, report = load_and_lint([tmp_path / "models"])
    db, cache = result.models[0].elements
    assert "multi_az" not in db.properties and "cost_monthly" not in db.properties
    assert cache.properties["multi_az"] is False and cache.properties["cost_monthly"] == 12.5
    # Only the explicit `multi_az: no` is a single-zone datastore; the misspelt one is an error, not a zone finding.
    assert [p.element for p in report.problems if p.code == "AD402"] == ["cache"]


def test_free_text_properties_keep_what_was_written(lint_yaml) -> None:
    problems = lint_yaml("elements:\n  - {id: a, properties: {zone: us-east-1a, rto: Near zero, rpo: 15m, "
                         "replicas: one per zone, cidr: true}}\n")
    assert [p for p in problems if p.code.startswith("AD1")] == []
