"""The CloudFormation/SAM reader: addresses, intrinsics as data, references across files, problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from archdoc.iac.cloudformation import read_cloudformation
from archdoc.iac.inventory import Inventory

FIXTURES = Path(__file__).resolve().parent.parent / "importers" / "fixtures" / "cfn"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _vias(inventory: Inventory, source: str, target: str) -> set[str]:
    return {r.via for r in inventory.references if r.source == source and r.target == target}


@pytest.fixture(scope="module")
def network() -> Inventory:
    return read_cloudformation([FIXTURES / "network"])


@pytest.fixture(scope="module")
def sam() -> Inventory:
    return read_cloudformation([FIXTURES / "sam-orders" / "template.yaml"])


def test_nested_stack_resources_are_prefixed_with_the_stack_logical_id(network: Inventory) -> None:
    addresses = {r.address for r in network.resources}
    assert {"Network", "Network.Vpc", "Network.PublicSubnetA", "Network.PrivateSubnetB", "Database"} <= addresses
    assert "Vpc" not in addresses  # vpc.yaml is nested, not read a second time as a stack of its own
    assert network.get("Network.Vpc").span.path.endswith("vpc.yaml")


def test_import_value_joins_the_export_of_another_file_through_the_nested_stack(network: Inventory) -> None:
    # app.json: Fn::ImportValue {Fn::Sub: "${NetworkStack}-PrivateSubnetA"} -> root.yaml's export ->
    # !GetAtt Network.Outputs.PrivateSubnetA -> vpc.yaml's output -> !Ref PrivateSubnetA
    assert "ImportValue" in _vias(network, "DatabaseSubnets", "Network.PrivateSubnetA")
    assert "ImportValue" in _vias(network, "LoadBalancer", "Network.PublicSubnetB")
    assert not [p for p in network.problems], [str(p) for p in network.problems]


def test_json_templates_keep_the_line_and_column_of_each_resource(network: Inventory) -> None:
    database = network.get("Database")
    text = (FIXTURES / "network" / "app.json").read_text().splitlines()
    assert text[database.span.line - 1][database.span.column - 1:].startswith('"Database"')
    assert database.properties["MultiAZ"] is True
    assert database.properties["DBSubnetGroupName"] == {"Ref": "DatabaseSubnets"}


def test_short_tags_are_read_as_long_form_data(sam: Inventory) -> None:
    function = sam.get("FulfilmentFunction")
    assert function.properties["Events"]["Orders"]["Properties"]["Queue"] == {
        "Fn::GetAtt": ["OrdersQueue", "Arn"]}
    bucket = sam.get("InvoiceBucket")
    assert bucket.properties["BucketName"] == {"Fn::Sub": "orders-invoices-${AWS::AccountId}"}


def test_connections_name_how_resources_are_connected(sam: Inventory, network: Inventory) -> None:
    assert "event-source" in _vias(sam, "OrdersQueue", "FulfilmentFunction")
    assert "event-source" in _vias(sam, "OrdersApi", "CreateOrderFunction")
    assert "subscription" in _vias(sam, "OrderEvents", "AuditQueue")
    assert "notification" in _vias(sam, "InvoiceBucket", "InvoiceFunction")
    assert "policy" in _vias(sam, "CreateOrderFunction", "OrdersQueue")
    assert "environment" in _vias(sam, "FulfilmentFunction", "OrderEvents")
    assert "DependsOn" in _vias(sam, "InvoiceBucket", "InvoiceBucketPermission")
    assert "ingress" in _vias(network, "ServiceSecurityGroup", "DatabaseSecurityGroup")
    assert "ingress" in _vias(network, "LoadBalancerSecurityGroup", "ServiceSecurityGroup")


def test_sam_globals_and_implicit_apis(sam: Inventory) -> None:
    health = sam.get("HealthFunction")
    assert health.properties["Runtime"] == "python3.12"  # from Globals.Function
    assert "environment" in _vias(sam, "HealthFunction", "OrdersTable")  # Globals' TABLE_NAME
    assert sam.get("ServerlessRestApi").type == "AWS::Serverless::Api"
    assert "event-source" in _vias(sam, "ServerlessRestApi", "HealthFunction")


def test_a_template_url_naming_no_given_file_is_reported_not_fetched(tmp_path: Path) -> None:
    path = _write(tmp_path, "root.yaml", """
Resources:
  Remote:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://example-bucket.s3.amazonaws.com/templates/elsewhere.yaml
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !ImportValue missing-export
      Tags: [{Key: owner, Value: !Ref Nowhere}]
""")
    inventory = read_cloudformation([path])
    found = sorted((p.code, p.span.line, p.span.column) for p in inventory.problems)
    assert found == [("AD621", 3, 3), ("AD622", 10, 19), ("AD623", 11, 34)]
    assert any("elsewhere.yaml" in str(p) and "not fetched" in str(p) for p in inventory.problems)
    assert inventory.get("Remote") is not None and not inventory.unreadable


def test_a_nested_stack_circle_is_reported_once_and_read_once(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", "Resources:\n  B:\n    Type: AWS::CloudFormation::Stack\n"
           "    Properties: {TemplateURL: b.yaml}\n")
    _write(tmp_path, "b.yaml", "Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n"
           "    Properties: {TemplateURL: a.yaml}\n")
    inventory = read_cloudformation([tmp_path])
    assert "AD632" in {p.code for p in inventory.problems}
    assert len(inventory.resources) <= 4


def test_a_file_without_resources_is_not_a_template(tmp_path: Path) -> None:
    inventory = read_cloudformation([_write(tmp_path, "config.yaml", "name: not a template\n")])
    assert [(p.code, p.span.line) for p in inventory.problems] == [("AD620", 1)]
