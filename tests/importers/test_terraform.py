"""`archdoc import terraform` as a draft: modules, instances, plans and states, lint-clean."""

from __future__ import annotations

from pathlib import Path

from iac_check import lint_import

from archdoc.importers.terraform import read_draft

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "terraform"


def test_a_folder_with_a_local_module(tmp_path: Path) -> None:
    result = read_draft([FIXTURES / "web"], model_id="shop-tf")
    assert not result.problems, [str(p) for p in result.problems]
    draft = result.draft
    entries = {entry.id: entry for entry in [*draft.elements, *draft.groups]}
    assert entries["network-module"].kind == "boundary" and entries["network"].parent == "network-module"
    subnet = entries["network-public-eu-west-1a"]
    assert subnet.kind == "aws.PublicSubnet" and subnet.parent == "network"
    assert subnet.properties == {"cidr": "10.30.0.0/24", "public": True, "zone": "eu-west-1a"}
    assert subnet.iac == ['module.network.aws_subnet.public["eu-west-1a"]']
    worker = entries["worker"]
    assert worker.iac == ["aws_lambda_function.worker", "aws_iam_role.worker", "aws_iam_role_policy.worker",
                          "aws_lambda_event_source_mapping.orders"]
    assert entries["web-autoscaling-group"].properties == {"multi_az": True, "zones": ("eu-west-1a", "eu-west-1b")}
    assert "aws_security_group.web" in entries["web-autoscaling-group"].iac
    relations = {(r.source, r.target, r.label) for r in draft.relations}
    assert relations == {
        ("orders-sqs-queue", "worker", "triggers"), ("web", "web-autoscaling-group", "network access"),
        ("web-autoscaling-group", "orders", "network access"), ("worker", "order-events", "uses (TOPIC_ARN)"),
        ("worker", "orders-sqs-queue", "IAM access")}
    _text, problems = lint_import(result, tmp_path)
    assert not [p for p in problems if not about_the_infrastructure(p)], [str(p) for p in problems]


def test_a_plan_and_a_state_file(tmp_path: Path) -> None:
    plan = read_draft([FIXTURES / "json" / "plan.json"])
    assert {e.id for e in plan.draft.elements} == {"cache", "thumbnails", "uploads"}
    assert next(e for e in plan.draft.elements if e.id == "cache").group == "cache-module"
    state = read_draft([FIXTURES / "json" / "terraform.tfstate"])
    database = next(e for e in state.draft.elements if e.id == "db")
    assert database.group == "vpc" and database.properties["multi_az"] is False
    for number, result in enumerate((plan, state)):
        assert not result.problems, [str(p) for p in result.problems]
        _text, problems = lint_import(result, tmp_path / str(number))
        assert not [p for p in problems if p.code.startswith(("AD0", "AD1")) or p.is_error], \
            [str(p) for p in problems]


def about_the_infrastructure(problem) -> bool:
    """A finding about the imported infrastructure itself (a Well-Architected check, a note), not the import."""
    return problem.code.startswith("AD4") or problem.severity.value == "info"


def test_a_registry_module_stands_in_the_model_as_one_element(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  cidr = "10.0.0.0/16"\n}\n\n'
        'resource "aws_lambda_function" "orders" {\n  runtime = "python3.12"\n'
        '  environment {\n    variables = { VPC_ID = module.vpc.vpc_id }\n  }\n}\n')
    result = read_draft([tmp_path])
    assert [p.code for p in result.problems] == ["AD626"]
    elements = {e.id: e for e in result.draft.elements}
    assert elements["vpc"].label == "vpc module" and elements["vpc"].iac == ["module.vpc"]
    assert elements["vpc"].technology == "terraform-aws-modules/vpc/aws"
    assert [(r.source, r.target) for r in result.draft.relations] == [("orders", "vpc")]
