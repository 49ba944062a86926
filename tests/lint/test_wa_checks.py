"""The Well-Architected checks beyond their documented examples: unknown is not false, boundaries place
elements, the graph shows WAFs and dead-letter queues, and every AD4xx page names its controls."""

from __future__ import annotations

import re

import pytest
from helpers import codes_at

from archdoc.lint import RULES
from archdoc.lint.rules import (
    wa_admin_ports,
    wa_compute_spread,
    wa_lambda_async_dlq,
    wa_lb_zones,
    wa_rds_multi_az,
    wa_region_objectives,
    wa_s3_public,
    wa_sqs_dlq,
    wa_waf,
)
from archdoc.lint.rules.wa_admin_ports import opened_admin_ports
from archdoc.lint.rules.wa_region_objectives import duration_minutes

# A control id as the pages write them: Security Hub (RDS.5, ELB.13), checkov (CKV_AWS_157,
# CKV2_AWS_28), Control Tower (CT.SQS.PR.1), cfn-lint (ES1007), Well-Architected (REL10-BP01).
CONTROL = re.compile(r"\b([A-Z][A-Za-z]+\.\d+|CKV2?_AWS_\d+|CT\.[A-Z]+\.PR\.\d+|ES\d{4}|(REL|SEC|PERF)\d+(-BP\d+)?)\b")


def found(problems: list, code: str) -> list:
    return [p for p in problems if p.code == code and p.suppressed is None]


@pytest.mark.parametrize("code", [code for code in RULES if code.startswith("AD4")])
def test_every_well_architected_page_names_its_pillar_and_controls(code: str) -> None:
    doc = RULES[code].doc
    assert re.search(r"pillar|Well-Architected", doc), f"{code} names no pillar"
    assert CONTROL.search(doc) or "No Security Hub or checkov control" in doc, f"{code} names no control"


def test_there_are_at_least_25_well_architected_checks() -> None:
    assert len([code for code, rule in RULES.items() if code.startswith("AD4") and rule.check]) >= 25


def test_an_rds_instance_that_states_nothing_is_not_reported(lint_yaml) -> None:
    assert found(lint_yaml("elements: [{id: db, kind: aws.RDS}]\n"), wa_rds_multi_az.CODE) == []


def test_the_zone_of_an_rds_instance_comes_from_the_subnet_around_it(lint_yaml) -> None:
    model = """\
groups:
  - {id: db-a, kind: aws.PrivateSubnet, properties: {zone: eu-west-1a}}
  - {id: db-b, kind: aws.PrivateSubnet, properties: {zone: eu-west-1b}}
elements:
  - {id: db, kind: aws.RDS, in: db-a}
"""
    [finding] = found(lint_yaml(model), wa_rds_multi_az.CODE)
    assert finding.severity.value == "warning" and "runs only in eu-west-1a" in finding.message
    standby = model + "  - {id: standby, kind: aws.RDS, in: db-b, properties: {replica_of: db}}\n"
    assert found(lint_yaml(standby), wa_rds_multi_az.CODE) == []


def test_an_rds_proxy_is_not_a_database(lint_yaml) -> None:
    model = "elements: [{id: rds-proxy, kind: aws.RDS, tags: [connection-pool]}]\n"
    assert found(lint_yaml(model), wa_rds_multi_az.CODE) == []


def test_a_bucket_inside_a_public_subnet_is_a_warning_and_a_stated_public_bucket_an_error(lint_yaml) -> None:
    model = """\
groups: [{id: dmz, kind: aws.PublicSubnet}]
elements:
  - {id: drawn, kind: aws.S3, in: dmz}
  - {id: stated, kind: aws.S3, properties: {public: true}}
"""
    problems = found(lint_yaml(model), wa_s3_public.CODE)
    assert [(p.element, p.severity.value) for p in problems] == [("drawn", "warning"), ("stated", "error")]


def test_a_bucket_behind_cloudfront_without_origin_access_is_a_warning(lint_yaml) -> None:
    model = """\
elements:
  - {id: cdn, kind: aws.CloudFront, properties: {origin_access: false}}
  - {id: site, kind: aws.S3}
relations: [cdn -> site]
"""
    [finding] = found(lint_yaml(model), wa_s3_public.CODE)
    assert finding.severity.value == "warning" and "without origin access control" in finding.message


def test_a_waf_in_front_of_cloudfront_protects_the_load_balancer_behind_it(lint_yaml) -> None:
    model = """\
elements:
  - {id: users, kind: person}
  - {id: waf, kind: aws.WAF}
  - {id: cdn, kind: aws.CloudFront}
  - {id: alb, kind: aws.ALB}
relations: [users -> waf, waf -> cdn, cdn -> alb]
"""
    assert found(lint_yaml(model), wa_waf.CODE) == []
    # A second way in, straight to the load balancer, bypasses the WAF: the finding shows it.
    [finding] = found(lint_yaml(model.replace("cdn -> alb]", "cdn -> alb, users -> alb]")), wa_waf.CODE)
    assert finding.element == "alb" and finding.message.endswith("has no WAF in front of it: users -> alb")


def test_a_public_load_balancer_needs_its_own_waf_and_waf_true_says_it_has_one(lint_yaml) -> None:
    model = """\
groups: [{id: dmz, kind: aws.PublicSubnet}]
elements:
  - {id: alb, kind: aws.ALB, in: dmz}
"""
    [finding] = found(lint_yaml(model), wa_waf.CODE)
    assert "is public and has no WAF attached" in finding.message
    assert found(lint_yaml(model.replace("in: dmz}", "in: dmz, properties: {waf: true}}")), wa_waf.CODE) == []


def test_a_dead_letter_queue_is_found_by_tag_by_name_or_by_property(lint_yaml) -> None:
    base = "elements:\n  - {id: jobs, kind: aws.SQS%s}\n  - {id: worker, kind: aws.Lambda}\n%srelations: [jobs -> worker%s]\n"
    assert found(lint_yaml(base % ("", "", "")), wa_sqs_dlq.CODE)
    tagged = base % ("", "  - {id: parked, kind: aws.SQS, tags: [dlq]}\n", ", jobs -> parked")
    assert found(lint_yaml(tagged), wa_sqs_dlq.CODE) == []
    stated = base % (", properties: {dead_letter_queue: arn:aws:sqs:eu-west-1:1:jobs-dlq}", "", "")
    assert found(lint_yaml(stated), wa_sqs_dlq.CODE) == []
    [none] = found(lint_yaml(base % (", properties: {dead_letter_queue: none}", "", "")), wa_sqs_dlq.CODE)
    assert (none.span.line, none.span.column) == (2, 63)  # at the value


def test_a_lambda_fed_by_a_queue_is_not_invoked_asynchronously(lint_yaml) -> None:
    model = "elements:\n  - {id: jobs, kind: aws.SQS}\n  - {id: fn, kind: aws.Lambda}\nrelations: [jobs ..> fn]\n"
    assert found(lint_yaml(model), wa_lambda_async_dlq.CODE) == []


def test_a_load_balancer_in_one_subnet_and_its_targets_in_one_zone(lint_yaml) -> None:
    model = """\
groups:
  - {id: az-a, kind: aws.AvailabilityZone, label: us-east-1a}
elements:
  - {id: alb, kind: aws.ALB, in: az-a}
  - {id: web-1, kind: aws.EC2, in: az-a}
  - {id: web-2, kind: aws.EC2, in: az-a}
relations: [alb -> web-1, alb -> web-2]
"""
    problems = lint_yaml(model)
    assert [p.message for p in found(problems, wa_lb_zones.CODE)] == [
        "load balancer 'alb' runs only in us-east-1a (from group 'az-a'); give it subnets in two or more zones"]
    assert [p.element for p in found(problems, wa_compute_spread.CODE)] == ["alb"]


def test_ssh_open_to_the_internet_is_an_error_at_the_ingress_property(lint_yaml) -> None:
    model = "groups:\n  - {id: sg, kind: aws.SecurityGroup, properties: {ingress: tcp 22 from 0.0.0.0/0}}\n" \
            "elements: [{id: a, in: sg}]\n"
    assert (wa_admin_ports.CODE, 2, 61) in codes_at(lint_yaml(model))


@pytest.mark.parametrize(("rule", "opened"), [
    ("tcp 22 from 0.0.0.0/0", [22]),
    ("tcp 80, tcp 443 from 0.0.0.0/0", []),
    ("tcp 0-65535 from ::/0", [22, 3389]),
    ("all traffic from 0.0.0.0/0", [22, 3389]),
    ("tcp 22 from 10.0.0.0/16", []),
    ("tcp 3389 from 0.0.0.0/0", [3389]),
    ("tcp 5432 from sg-app", []),
])
def test_inbound_rules_are_read_for_administration_ports(rule: str, opened: list[int]) -> None:
    assert opened_admin_ports(rule) == opened


@pytest.mark.parametrize(("text", "minutes"), [
    ("15m", 15), ("4h", 240), ("4 hours", 240), ("15 minutes", 15), ("60s", 1), ("5-10 min", 10), ("1d", 1440),
    ("Near zero", None), ("Hours", None), ("3 ms", 3 / 60000),
])
def test_recovery_objectives_are_read_as_durations(text: str, minutes: float | None) -> None:
    assert duration_minutes(text) == minutes


def test_an_objective_in_words_is_an_info_finding_and_the_outage_is_an_option(lint_yaml) -> None:
    model = """\
groups: [{id: us-east-1, kind: aws.Region, properties: {rto: Near zero, rpo: 2h}}]
elements: [{id: db, kind: aws.DynamoDB, in: us-east-1}]
"""
    problems = found(lint_yaml(model), wa_region_objectives.CODE)
    assert [(p.severity.value, p.span.line) for p in problems] == [("info", 1), ("warning", 1)]
    relaxed = model + "rules: {region_outage_hours: 1}\n"
    assert [p.severity.value for p in found(lint_yaml(relaxed), wa_region_objectives.CODE)] == ["info"]
