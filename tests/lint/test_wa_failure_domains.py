"""What fails when a zone fails (AD426), a region (AD427), and how `replica_of` keeps a path alive."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers import codes_at

from archdoc.graph import build_graph
from archdoc.lint.rules import failure_domains, wa_region_failure, wa_replica_of
from archdoc.lint.rules._failures import REGION, ZONE, analyse
from archdoc.load import load_paths

ZONE_FAILURE = failure_domains.CODE
REGION_FAILURE = wa_region_failure.CODE
UNKNOWN_REPLICA = wa_replica_of.CODE

# The checkout path: shoppers reach the orders database through an API in two zones, the
# database lives in availability-zone group us-east-1a.
SHOP = """\
groups:
  - id: region
    kind: aws.Region
    label: us-east-1
    groups:
      - {id: az-a, kind: aws.AvailabilityZone, label: us-east-1a}
      - {id: az-b, kind: aws.AvailabilityZone, label: us-east-1b}
elements:
  - {id: shoppers, kind: person}
  - {id: api-a, kind: aws.Fargate, in: az-a}
  - {id: api-b, kind: aws.Fargate, in: az-b}
  - {id: orders-db, kind: aws.RDS, in: az-a, properties: {multi_az: true}}
relations:
  - shoppers -> api-a
  - shoppers -> api-b
  - api-a -> orders-db
  - api-b -> orders-db
flows:
  - id: checkout
    steps: [shoppers -> api-a, api-a -> orders-db]
"""


def zone_findings(problems: list) -> list:
    return [p for p in problems if p.code == ZONE_FAILURE and p.suppressed is None]


def test_a_replica_in_a_second_zone_keeps_the_path_alive(lint_yaml) -> None:
    model = SHOP.replace("properties: {multi_az: true}}", "}\n  - {id: orders-db-standby, kind: aws.RDS, in: az-b, "
                         "properties: {replica_of: orders-db}}")
    assert zone_findings(lint_yaml(model)) == []


def test_without_a_replica_the_finding_names_the_zone_the_element_and_the_flow(lint_yaml) -> None:
    problems = lint_yaml(SHOP.replace("properties: {multi_az: true}}", "}"))
    [found] = zone_findings(problems)
    assert found.element == "orders-db"
    assert (found.span.line, found.span.column) == (12, 5)  # the orders-db element
    assert found.message == ("if zone us-east-1a fails, 'orders-db' has no copy in another zone: "
                             "shoppers -> orders-db stops (flow checkout)")


def test_the_zone_comes_from_the_availability_zone_group_around_the_element(lint_yaml) -> None:
    # The API runs only in az-a (no api-b): losing us-east-1a stops the path at the API too.
    model = SHOP.replace("  - {id: api-b, kind: aws.Fargate, in: az-b}\n", "").replace(
        "  - shoppers -> api-b\n", "").replace("  - api-b -> orders-db\n", "")
    assert [p.element for p in zone_findings(lint_yaml(model))] == ["api-a"]


def test_multi_az_says_the_element_survives_one_zone(lint_yaml) -> None:
    assert zone_findings(lint_yaml(SHOP)) == []


def test_unknown_placement_is_never_taken_to_fail(lint_yaml) -> None:
    model = """\
elements:
  - {id: users, kind: person}
  - {id: api, kind: aws.Lambda}
  - {id: db, kind: aws.DynamoDB}
relations: [users -> api, api -> db]
"""
    assert [p.code for p in lint_yaml(model) if p.code in (ZONE_FAILURE, REGION_FAILURE)] == []


def test_a_single_copy_is_a_failure_domain_of_its_own(lint_yaml) -> None:
    model = """\
elements:
  - {id: users, kind: person}
  - {id: api, kind: aws.Fargate, properties: {replicas: 1}}
  - {id: db, kind: aws.DynamoDB}
relations: [users -> api, api -> db]
"""
    [found] = zone_findings(lint_yaml(model))
    assert found.message == "if 'api' fails, nothing takes over (replicas: 1): users -> db stops"


def test_a_region_failure_is_one_info_finding_at_the_region_group(lint_yaml) -> None:
    problems = lint_yaml(SHOP)
    [found] = [p for p in problems if p.code == REGION_FAILURE]
    assert (found.severity.value, found.element, found.span.line) == ("info", "region", 2)
    assert found.message == ("if region us-east-1 fails, shoppers -> orders-db stops (flow checkout): "
                             "api-a, api-b, orders-db have no copy in another region")


def test_a_cross_region_replica_keeps_the_datastore_but_not_the_api(tmp_path: Path) -> None:
    model = SHOP.replace("properties: {multi_az: true}}", "properties: {multi_az: true}}\n"
                         "  - {id: orders-db-west, kind: aws.RDS, properties: {region: us-west-2, "
                         "replica_of: orders-db}}")
    domains = analyse(build_graph(_load(tmp_path, model)))
    outages = {(outage.domain, outage.name): outage for outage in domains.outages}
    assert set(outages) == {(ZONE, "us-east-1a"), (ZONE, "us-east-1b"), (REGION, "us-east-1"), (REGION, "us-west-2")}
    assert outages[(REGION, "us-east-1")].failed == ("api-a", "api-b")
    assert outages[(REGION, "us-west-2")].failed == ()
    assert outages[(ZONE, "us-east-1a")].stopped == ()  # api-b and the Multi-AZ database remain


def test_deploy_and_monitor_relations_are_not_request_paths(lint_yaml) -> None:
    model = """\
elements:
  - {id: ops, kind: person}
  - {id: pipeline, kind: aws.compute.Lambda, properties: {zone: us-east-1a}}
  - {id: db, kind: aws.DynamoDB}
relations:
  - ops -> pipeline
  - {from: pipeline, to: db, kind: deploy}
"""
    assert zone_findings(lint_yaml(model)) == []


def test_replica_of_an_unknown_element_is_reported_with_a_suggestion(lint_yaml) -> None:
    model = "elements:\n  - {id: orders-db}\n  - {id: standby, properties: {replica_of: orders_db}}\n"
    problems = lint_yaml(model)
    assert (UNKNOWN_REPLICA, 3, 44) in codes_at(problems)
    [found] = [p for p in problems if p.code == UNKNOWN_REPLICA]
    assert found.message.endswith("did you mean 'orders-db'?")


def _load(root: Path, text: str):
    path = root / "m.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_paths([path])
    assert not result.problems, [str(p) for p in result.problems]
    return result.models[0]


@pytest.mark.slow
def test_the_analysis_of_a_large_model_takes_seconds_not_minutes(tmp_path: Path) -> None:
    # 50 entry points, 1,500 services over 6 zones, 200 datastores: about 5,000 relations.
    zones = [f"eu-west-1{letter}" for letter in "abcdef"]
    lines = ["groups:"] + [f"  - {{id: az-{zone}, kind: aws.AvailabilityZone, label: {zone}}}" for zone in zones]
    lines.append("elements:")
    lines += [f"  - {{id: u{i}, kind: person}}" for i in range(50)]
    lines += [f"  - {{id: s{i}, kind: aws.Fargate, in: az-{zones[i % 6]}}}" for i in range(1500)]
    lines += [f"  - {{id: d{i}, kind: aws.DynamoDB, in: az-{zones[i % 5]}}}" for i in range(200)]
    lines.append("relations:")
    lines += [f"  - u{i} -> s{(i * 37 + k * 11) % 1500}" for i in range(50) for k in range(5)]
    lines += [f"  - s{i} -> s{(i * 7 + 3) % 1500}" for i in range(1500)]
    lines += [f"  - s{i} -> d{i % 200}" for i in range(1500)]
    started = time.process_time()
    domains = analyse(build_graph(_load(tmp_path, "\n".join(lines) + "\n")))
    assert time.process_time() - started < 30
    assert len(domains.outages) == 6 and all(outage.stopped for outage in domains.outages)


def test_past_the_pair_budget_the_entry_points_are_analysed_together(tmp_path: Path) -> None:
    # 300 entry points (past MAX_ENTRIES): one walk per zone, and the findings name the internet as the start.
    lines = ["groups:", "  - {id: az-a, kind: aws.AvailabilityZone, label: eu-west-1a}", "elements:"]
    lines += [f"  - {{id: u{i}, kind: person}}" for i in range(300)]
    lines += ["  - {id: api, kind: aws.Fargate, properties: {zones: [eu-west-1a, eu-west-1b]}}",
              "  - {id: db, kind: aws.RDS, in: az-a}", "relations:"]
    lines += [f"  - u{i} -> api" for i in range(300)] + ["  - api -> db"]
    started = time.process_time()
    domains = analyse(build_graph(_load(tmp_path, "\n".join(lines) + "\n")))
    assert time.process_time() - started < 10
    [outage] = [o for o in domains.outages if o.domain == "zone" and o.name == "eu-west-1a"]
    assert outage.failed == ("db",) and outage.stopped == (("the internet", "db"),)
