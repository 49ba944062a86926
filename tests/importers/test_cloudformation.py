"""`archdoc import cloudformation` as a draft: readable, folded, joined across files, and lint-clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from iac_check import lint_import

from archdoc.importers.cloudformation import read_draft
from archdoc.load.draft import DraftModel

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "cfn"


def _by_id(draft: DraftModel) -> dict[str, object]:
    return {entry.id: entry for entry in [*draft.elements, *draft.groups]}


def test_nested_stacks_and_import_value_form_one_model(tmp_path: Path) -> None:
    result = read_draft([FIXTURES / "network"], model_id="shop")
    assert not result.problems, [str(p) for p in result.problems]
    entries = _by_id(result.draft)
    database, service, vpc = entries["database"], entries["service"], entries["network-vpc"]
    assert database.group == "network-vpc" and service.group == "network-vpc"  # subnets in two zones
    assert database.iac == ["Database", "DatabaseIngress", "DatabaseSecurityGroup", "DatabaseSubnets"]
    assert database.properties == {"encrypted": True, "multi_az": True, "public": False, "zones": ("az-1", "az-2")}
    assert database.layer == "data" and database.technology == "postgres"
    assert vpc.parent == "network-stack" and vpc.label == "shop-vpc" and vpc.properties == {"cidr": "10.20.0.0/16"}
    assert entries["network-stack"].iac == ["Network"]
    assert entries["network-public-subnet-a"].kind == "aws.PublicSubnet"  # routed to the internet gateway
    assert entries["network-private-subnet-a"].kind == "aws.PrivateSubnet"
    assert "Listener" in entries["load-balancer"].iac and "TargetGroup" in service.iac
    pairs = {(r.source, r.target, r.label) for r in result.draft.relations}
    assert pairs == {("load-balancer", "service", "network access"), ("service", "database", "uses")}
    text, problems = lint_import(result, tmp_path)
    assert not [p for p in problems if not about_the_infrastructure(p)], [str(p) for p in problems]
    assert "iac: [Database, DatabaseIngress, DatabaseSecurityGroup, DatabaseSubnets]" in text


def test_sam_events_subscriptions_notifications_and_environment(tmp_path: Path) -> None:
    result = read_draft([FIXTURES / "sam-orders" / "template.yaml"])
    assert not result.problems, [str(p) for p in result.problems]
    relations = {(r.source, r.target): (r.label, r.kind.value) for r in result.draft.relations}
    assert relations[("orders-queue", "fulfilment-function")] == ("triggers", "async")
    assert relations[("orders-api", "create-order-function")] == ("triggers", "async")
    assert relations[("order-events", "audit-queue")] == ("publishes to", "async")
    assert relations[("create-order-function", "orders-queue")] == ("uses (QUEUE_URL)", "sync")
    # the bucket (data) notifies the function (app): drawn from the consumer, so layering holds
    assert relations[("invoice-function", "invoice-bucket")] == ("is notified by", "async")
    entries = _by_id(result.draft)
    assert entries["invoice-function"].iac == ["InvoiceFunction", "InvoiceBucketPermission"]
    assert entries["audit-queue"].iac == ["AuditQueue", "AuditSubscription"]
    assert entries["serverless-rest-api"].kind == "aws.network.APIGateway"
    assert [layer.id for layer in result.draft.layers] == ["integration", "edge", "app", "data"]
    _text, problems = lint_import(result, tmp_path)
    assert not [p for p in problems if p.is_error], [str(p) for p in problems]


def test_unreadable_input_is_an_ad0_problem_and_the_rest_is_still_imported(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("Resources: [\n")
    shutil.copy(FIXTURES / "sam-orders" / "template.yaml", tmp_path / "template.yaml")
    result = read_draft([tmp_path])
    assert [(p.code, p.span.path.endswith("bad.yaml")) for p in result.problems] == [("AD003", True)]
    assert len(result.draft.elements) > 5


@pytest.mark.slow
def test_cfn_lint_accepts_the_templates_the_tests_write() -> None:
    """cfn-lint checks the fixtures; W3002 only says that a local TemplateURL needs `package`, as intended."""
    templates = [str(p) for p in sorted(FIXTURES.rglob("*")) if p.suffix in (".yaml", ".json")]
    beside_python = Path(sys.executable).parent / "cfn-lint"  # a virtual environment not on PATH
    command = str(beside_python) if beside_python.exists() else shutil.which("cfn-lint")
    assert command, "cfn-lint is a test dependency: pip install -e '.[test]'"
    run = subprocess.run([command, "--ignore-checks", "W3002", "--", *templates],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr


def about_the_infrastructure(problem) -> bool:
    """A finding about the imported infrastructure itself (a Well-Architected check, a note), not the import."""
    return problem.code.startswith("AD4") or problem.severity.value == "info"
