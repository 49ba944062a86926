"""Model inspections: each finding points at the right place and says what a reviewer needs; careful models are quiet."""

from __future__ import annotations

from pathlib import Path

from helpers import REPO, codes_at

from archdoc.lint import RULES
from archdoc.pipeline import load_and_lint

ORPHANED, EMPTY_GROUP, DUPLICATE_RELATION, REPLY_AGAINST_ASYNC = "AD214", "AD215", "AD216", "AD219"
DUPLICATE_VIEW, DUPLICATE_LABEL, DISCONNECTED, WITHOUT_LAYER = "AD222", "AD225", "AD227", "AD228"
SIMILAR_TAGS, BOUNDARY_NESTING, NAMED_LIKE_KIND, STEP_KIND = "AD229", "AD232", "AD226", "AD237"
COMPLETENESS_ON = "rules:\n  packs: {completeness: on}\n"


def only(problems: list, code: str) -> list:
    return [p for p in problems if p.code == code and p.suppressed is None]


def test_a_careful_model_is_quiet_even_with_completeness_on(lint_yaml) -> None:
    problems = lint_yaml("""title: Shop
layers: [{id: edge}, {id: app}, {id: data}]
groups:
  - id: vpc
    kind: aws.VPC
    groups:
      - {id: private, kind: aws.PrivateSubnet}
elements:
  - {id: users, kind: person, label: Shoppers, description: People buying things.}
  - {id: alb, kind: aws.ALB, layer: edge, in: vpc, label: Shop ALB, description: Spreads requests.}
  - {id: api, kind: container, layer: app, in: private, technology: Python, label: Orders API,
     description: Takes orders.}
  - {id: jobs, kind: aws.SQS, layer: app, in: private, label: Order jobs, description: Work for the worker.}
  - {id: orders-db, kind: aws.database.RDS, layer: data, in: private, label: Orders DB,
     description: PostgreSQL holding orders., properties: {multi_az: true, encrypted: true}}
relations:
  - users -> alb: HTTPS
  - alb -> api: HTTP
  - api ..> jobs: enqueue
  - api -> orders-db: SQL
flows:
  - id: order
    steps: [users -> alb: POST /orders, alb -> api: POST /orders, api -> orders-db: INSERT, api -> alb: 201]
""" + COMPLETENESS_ON)
    inspections = [p for p in problems if RULES[p.code].pack in ("inspections", "completeness")]
    assert inspections == []


def test_orphans_are_reported_only_when_the_model_has_relations(lint_yaml) -> None:
    assert only(lint_yaml("elements: [{id: api}, {id: db}]\n"), ORPHANED) == []
    problems = lint_yaml("elements:\n  - {id: api}\n  - {id: db}\n  - {id: cache}\nrelations: [api -> db]\n")
    [orphan] = only(problems, ORPHANED)
    assert (orphan.element, orphan.span.line, orphan.severity.value) == ("cache", 4, "info")


def test_only_the_outermost_empty_group_is_reported_and_subnets_may_stay_empty(lint_yaml) -> None:
    problems = lint_yaml("""groups:
  - id: partners
    groups: [{id: resellers, groups: [{id: emea}]}]
  - {id: vpc, kind: aws.VPC, groups: [{id: spare-subnet, kind: aws.PrivateSubnet}, {id: app, kind: aws.PrivateSubnet}]}
elements: [{id: api, in: app}]
""")
    assert [(p.element, p.message) for p in only(problems, EMPTY_GROUP)] == [
        ("partners", "group 'partners' holds no element (nor do the 2 groups inside it)")]


def test_the_long_and_short_forms_of_one_relation_are_a_duplicate_but_a_richer_one_is_not(lint_yaml) -> None:
    problems = lint_yaml("""elements: [{id: alb}, {id: api}]
relations:
  - {from: alb, to: api, label: HTTP :3000}
  - alb -> api: HTTP :3000
  - {from: alb, to: api, label: HTTP :3000, technology: HTTP/2}
""")
    assert codes_at(only(problems, DUPLICATE_RELATION)) == [(DUPLICATE_RELATION, 4, 5)]
    assert "repeats the one at line 3" in only(problems, DUPLICATE_RELATION)[0].message


def test_a_reply_along_a_sync_relation_is_fine_along_an_async_one_it_is_reported(lint_yaml) -> None:
    problems = lint_yaml("""elements: [{id: api}, {id: db}, {id: jobs}]
relations: [api -> db, api ..> jobs]
flows:
  - id: f
    steps:
      - api -> db: SELECT
      - db -> api: rows
      - api ..> jobs: enqueue
      - jobs -> api: done
""")
    [reply] = only(problems, REPLY_AGAINST_ASYNC)
    assert (reply.span.line, reply.span.column) == (9, 9)
    assert reply.message.startswith("flow 'f' step 4: jobs -> api answers along api ..> jobs")


def test_a_second_view_with_the_same_boxes_names_the_first(lint_yaml) -> None:
    problems = lint_yaml("""elements: [{id: api, tags: [app]}, {id: db}]
relations: [api -> db]
views:
  - {id: all, include: ["*"]}
  - {id: wide, focus: api, depth: 1}
  - {id: front, include: ["tag:app"]}
""")
    assert [p.message for p in only(problems, DUPLICATE_VIEW)] == ["view 'wide' shows the same 2 elements as view 'all'"]


def test_labels_may_repeat_in_different_groups_but_not_side_by_side(lint_yaml) -> None:
    problems = lint_yaml("""groups: [{id: a}, {id: b}]
elements:
  - {id: a-api, label: API, in: a}
  - {id: b-api, label: API, in: b}
  - {id: b-api-2, label: " api ", in: b}
relations: [a-api -> b-api, b-api -> b-api-2]
""")
    assert [p.element for p in only(problems, DUPLICATE_LABEL)] == ["b-api-2"]


def test_a_part_the_relations_do_not_join_is_reported_once_at_its_first_element(lint_yaml) -> None:
    problems = lint_yaml("""elements: [{id: api}, {id: db}, {id: cache}, {id: worker}, {id: archive}]
relations: [api -> db, api -> cache, archive -> worker]
""")
    [part] = only(problems, DISCONNECTED)
    assert part.element == "worker"
    assert part.message == ("elements worker, archive are connected to each other but to nothing else of the model "
                            "(its largest part has 3 elements)")


def test_people_may_stand_outside_the_layers_other_elements_may_not(lint_yaml) -> None:
    problems = lint_yaml("""layers: [{id: app}]
elements: [{id: users, kind: person}, {id: api, layer: app}, {id: cron}]
relations: [users -> api, cron -> api]
""")
    assert [p.element for p in only(problems, WITHOUT_LAYER)] == ["cron"]


def test_a_second_spelling_of_a_tag_is_reported_where_it_is_used(lint_yaml) -> None:
    problems = lint_yaml("""elements:
  - {id: db, tags: [datastore]}
  - {id: cache, tags: [DataStore]}
  - {id: files, tags: [data-store, datastore]}
""")
    assert [(p.element, p.span.line) for p in only(problems, SIMILAR_TAGS)] == [("cache", 3), ("files", 4)]


def test_boundaries_out_of_order_and_subnets_outside_a_vpc(lint_yaml) -> None:
    problems = lint_yaml("""groups:
  - id: region
    kind: aws.Region
    groups:
      - {id: prod, kind: aws.Account, groups: [{id: vpc, kind: aws.VPC}]}
      - {id: loose, kind: aws.PublicSubnet}
  - {id: az, kind: aws.AvailabilityZone, groups: [{id: inner-region, kind: aws.Region}]}
elements: [{id: a, in: vpc}, {id: b, in: loose}, {id: c, in: inner-region}]
""")
    assert [p.message for p in only(problems, BOUNDARY_NESTING)] == [
        "aws.PublicSubnet 'loose' is not inside an aws.VPC",
        "aws.Region 'inner-region' is inside aws.AvailabilityZone 'az'",
    ]


def test_labels_that_are_the_id_are_not_called_generic(lint_yaml) -> None:
    problems = lint_yaml("elements:\n  - {id: database, kind: aws.database.RDS}\n"
                         "  - {id: store, kind: aws.database.RDS, label: Database}\n" + COMPLETENESS_ON)
    assert [p.element for p in only(problems, NAMED_LIKE_KIND)] == ["store"]


def test_a_flow_step_drawn_sync_along_an_async_relation(lint_yaml) -> None:
    problems = lint_yaml("""elements: [{id: api}, {id: jobs}]
relations: [api ..> jobs]
flows: [{id: f, steps: [api -> jobs: enqueue, api ..> jobs: enqueue again]}]
""" + COMPLETENESS_ON)
    assert [p.message for p in only(problems, STEP_KIND)] == [
        "flow 'f' step 1 is written api -> jobs, its relation ..>"]


def test_the_gallery_has_no_inspection_warnings() -> None:
    _result, report = load_and_lint([Path(REPO / "models")])
    loud = [str(p) for p in report.problems if p.suppressed is None and p.severity.value in ("error", "warning")
            and RULES[p.code].pack == "inspections"]
    assert loud == []
