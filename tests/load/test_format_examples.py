"""The examples of the model format page, assembled into one model, load and lint as the page says."""

from __future__ import annotations

from pathlib import Path

from archdoc.model import RelationKind
from archdoc.pipeline import load_and_lint

MODELS = Path(__file__).resolve().parent.parent / "fixtures" / "format-examples" / "models"


def test_format_examples_load_and_lint_as_documented() -> None:
    result, report = load_and_lint([MODELS])
    assert [p.code for p in report.problems if p.code.startswith(("AD0", "AD1"))] == []
    model = result.by_id["three-tier-web"]
    assert model.includes == (str(MODELS / "_shared" / "aws-regions.yaml"),)
    assert "us-east-1" in model.groups_by_id  # merged from the fragment
    assert model.groups_by_id["vpc"].parent == "prod"
    assert model.elements_by_id["orders-db"].properties == {"multi_az": True, "encrypted": True, "cost_monthly": 13}

    long_form, short_form, async_form, quoted = model.relations[:4]
    assert (long_form.source, long_form.target, long_form.label) == (short_form.source, short_form.target,
                                                                     short_form.label)
    assert async_form.kind is RelationKind.ASYNC and async_form.label == "enqueue"
    assert quoted.label == "INSERT: orders"
    assert [v.id for v in model.views] == ["overview", "orders-neighbourhood"]
    assert [s.label for s in model.flows[0].steps][0] == "HTTPS GET /checkout"

    findings = {(p.code, p.element): p for p in report.problems}
    # The ignore entry silences the legacy upload path, with the page's reason ...
    assert findings[("AD203", "legacy-ftp")].suppressed == "decommissioned in Q3"
    # ... and the path rule still catches the checkout flow's cache-miss route past the WAF.
    assert findings[("AD203", "users")].suppressed is None
    # The overview's `exclude: ["tag:ops"]` leaves the ops deployer in no view: a warning.
    assert findings[("AD210", "deployer")].severity.value == "warning"
    # The page's load balancer sits in the one subnet it shows, public-a in us-east-1a: the
    # Well-Architected pack says it runs in one zone and what stops when that zone fails.
    assert "us-east-1a" in findings[("AD426", "alb")].message
    assert findings[("AD420", "alb")].severity.value == "warning"
    # The layering exception lets CodeDeploy (ops) call the app tier; nothing else breaks a rule.
    assert sorted(findings) == [("AD203", "legacy-ftp"), ("AD203", "users"), ("AD210", "deployer"),
                                ("AD420", "alb"), ("AD426", "alb")]
