"""The Terraform reader: module and instance addresses, expression references, plan and state JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from archdoc.iac.facts import facts
from archdoc.iac.inventory import Inventory
from archdoc.iac.terraform import read_terraform
from archdoc.iac.topology import Topology

FIXTURES = Path(__file__).resolve().parent.parent / "importers" / "fixtures" / "terraform"


def _vias(inventory: Inventory, source: str, target: str) -> set[str]:
    return {r.via for r in inventory.references if r.source == source and r.target == target}


@pytest.fixture(scope="module")
def web() -> Inventory:
    return read_terraform([FIXTURES / "web"])


def test_local_modules_and_for_each_give_terraform_addresses(web: Inventory) -> None:
    addresses = {r.address for r in web.resources}
    assert {"module.network.aws_vpc.this", 'module.network.aws_subnet.public["eu-west-1a"]',
            'module.network.aws_subnet.private["eu-west-1b"]', "aws_db_instance.orders"} <= addresses
    subnet = web.get('module.network.aws_subnet.public["eu-west-1b"]')
    assert subnet.properties["cidr_block"] == "10.30.1.0/24"  # each.value from the variable's default map
    assert subnet.span.path.endswith("modules/network/main.tf") and subnet.span.line == 15
    assert not web.problems, [str(p) for p in web.problems]


def test_references_follow_module_outputs_and_variables(web: Inventory) -> None:
    # vpc_zone_identifier = module.network.private_subnet_ids -> the output's for expression
    assert _vias(web, "aws_autoscaling_group.web", 'module.network.aws_subnet.private["eu-west-1a"]') == {
        "expression"}
    assert "expression" in _vias(web, "aws_security_group.db", "module.network.aws_vpc.this")
    reference = next(r for r in web.references if r.source == "aws_db_instance.orders"
                     and r.target == "aws_db_subnet_group.db")
    assert (reference.span.line, reference.path) == (99, "db_subnet_group_name")


def test_connections_in_terraform(web: Inventory) -> None:
    assert "event-source" in _vias(web, "aws_sqs_queue.orders", "aws_lambda_function.worker")
    assert "ingress" in _vias(web, "aws_security_group.alb", "aws_security_group.web")
    assert "ingress" in _vias(web, "aws_security_group.web", "aws_security_group.db")
    assert "policy" in _vias(web, "aws_iam_role.worker", "aws_sns_topic.order_events")
    assert "environment" in _vias(web, "aws_lambda_function.worker", "aws_sns_topic.order_events")


def test_facts_and_placement(web: Inventory) -> None:
    topology = Topology(web)
    database = web.get("aws_db_instance.orders")
    assert topology.parent(database.address) == "module.network.aws_vpc.this"  # two private subnets
    assert facts(database, web, topology) == {"multi_az": True, "encrypted": True, "public": False,
                                              "zones": ("eu-west-1a", "eu-west-1b")}
    public = web.get('module.network.aws_subnet.public["eu-west-1a"]')
    assert facts(public, web, topology)["public"] is True  # map_public_ip_on_launch and a route to the IGW
    assert facts(web.get("module.network.aws_vpc.this"), web, topology) == {"cidr": "10.30.0.0/16"}


def test_plan_json_resources_and_configuration_references() -> None:
    inventory = read_terraform([FIXTURES / "json" / "plan.json"])
    cache = inventory.get("module.cache.aws_elasticache_replication_group.this")
    assert cache is not None and cache.properties["multi_az_enabled"] is True
    text = (FIXTURES / "json" / "plan.json").read_text().splitlines()
    assert '"module.cache.aws_elasticache_replication_group.this"' in text[cache.span.line - 1]
    assert "notification" in _vias(inventory, "aws_s3_bucket.uploads", "aws_lambda_function.thumbnails")
    assert "expression" in _vias(inventory, "aws_lambda_function.thumbnails", "aws_s3_bucket.uploads")


def test_state_file_instances_dependencies_and_ids() -> None:
    inventory = read_terraform([FIXTURES / "json" / "terraform.tfstate"])
    assert {"aws_subnet.private[0]", "aws_subnet.private[1]", "module.db.aws_db_instance.this",
            "data.aws_caller_identity.current"} <= {r.address for r in inventory.resources}
    assert "state" in _vias(inventory, "aws_subnet.private[0]", "aws_vpc.main")  # dependencies and vpc_id
    topology = Topology(inventory)
    database = inventory.get("module.db.aws_db_instance.this")
    assert facts(database, inventory, topology)["zones"] == ("eu-west-1a", "eu-west-1b")
    assert inventory.get("data.aws_caller_identity.current").is_data_source


def test_a_broken_tf_file_is_a_syntax_problem_with_its_place(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('resource "aws_sqs_queue" "q" {\n  name = \n}\n')
    (tmp_path / "ok.tf").write_text('resource "aws_sns_topic" "t" {}\n')
    inventory = read_terraform([tmp_path])
    assert [(p.code, p.span.path.endswith("main.tf"), p.span.line, p.span.column) for p in inventory.problems] == [
        ("AD003", True, 2, 10)]
    assert inventory.unreadable and inventory.get("aws_sns_topic.t") is not None  # the other file is read


def test_remote_modules_are_reported_not_read(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n'
                                      'resource "aws_s3_bucket" "b" {\n  bucket = var.missing\n'
                                      '  depends_on = [aws_sqs_queue.nowhere]\n}\n')
    inventory = read_terraform([tmp_path])
    assert sorted((p.code, p.span.line) for p in inventory.problems) == [("AD626", 1), ("AD629", 6)]


def test_read_iac_sorts_mixed_sources_to_their_readers() -> None:
    from archdoc.iac import read_iac

    cfn = FIXTURES.parent / "cfn" / "network"
    inventory = read_iac([cfn, FIXTURES / "web", FIXTURES / "json" / "plan.json", cfn / "app.json"])
    addresses = {r.address for r in inventory.resources}
    assert {"Network.Vpc", "Database", "aws_db_instance.orders", "aws_s3_bucket.uploads"} <= addresses
    assert not inventory.problems, [str(p) for p in inventory.problems]
