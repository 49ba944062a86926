"""Rule findings say what a reviewer needs: the bypassing path, the cycle, the place, the reason."""

from __future__ import annotations

from helpers import codes_at

TIERS = """
layers: [{id: edge}, {id: app}, {id: data}, {id: ops, cross_cutting: true}]
elements:
  - {id: users, kind: person, tags: [internet], layer: edge}
  - {id: waf, kind: aws.security.WAF, layer: edge}
  - {id: api, layer: app}
  - {id: worker, layer: app}
  - {id: db, kind: aws.database.RDS, layer: data}
  - {id: logs, layer: ops}
"""


def test_bypassing_path_is_reported_once_per_start_with_a_shortest_path(lint_yaml) -> None:
    problems = lint_yaml(TIERS + """relations:
  - users -> waf
  - waf -> api
  - users -> worker
  - worker -> api
  - api -> db
rules:
  require_path_through:
    - {from: "tag:internet", to: "category:database", through: "kind:aws.security.WAF", reason: defense in depth}
""")
    found = [p for p in problems if p.code == "AD203"]
    assert len(found) == 1
    assert found[0].element == "users"
    assert found[0].message.endswith("users -> worker -> api -> db")
    assert "defense in depth" in found[0].message
    assert (found[0].span.line, found[0].span.column) == (13, 5)  # the relation users -> worker


def test_cycle_is_named_at_its_first_relation(lint_yaml) -> None:
    problems = lint_yaml("""elements: [{id: a}, {id: b}, {id: c}, {id: d}]
relations: [d -> a, a -> b, b -> c, c -> a]
rules: {acyclic: true}
""")
    found = [p for p in problems if p.code == "AD204"]
    assert [p.message for p in found] == ["dependency cycle: a -> b -> c -> a"]


def test_layering_modes_cross_cutting_and_allow(lint_yaml) -> None:
    relations = "relations: [users -> db, api -> logs, logs -> api, db -> api]\n"
    downward = lint_yaml(TIERS + relations)
    assert [(p.code, p.relation) for p in downward if p.code == "AD201"] == [
        ("AD201", ("logs", "api")), ("AD201", ("db", "api"))]
    adjacent = lint_yaml(TIERS + relations + """rules:
  layering:
    mode: adjacent
    allow: [{from: ops, to: app, reason: the agent reports back}]
""")
    assert [p.relation for p in adjacent if p.code == "AD201"] == [("users", "db"), ("db", "api")]


def test_suppression_keeps_the_finding_with_its_reason_and_stale_ones_are_reported(lint_yaml) -> None:
    problems = lint_yaml(TIERS + """relations: [db -> api]
rules:
  ignore:
    - {rule: AD201, relation: "db -> api", reason: replication callback}
    - {rule: AD202, element: api, reason: no longer needed}
""")
    suppressed = [p for p in problems if p.suppressed]
    assert [(p.code, p.suppressed) for p in suppressed] == [("AD201", "replication callback")]
    assert codes_at([p for p in problems if p.code == "AD212"]) == [("AD212", 14, 7)]


def test_severity_override_lowers_and_silences(lint_yaml) -> None:
    problems = lint_yaml(TIERS + "relations: [db -> api]\nrules:\n  severity: {AD201: warning, AD211: off}\n"
                         "  packs: {inspections: off, well-architected: off}\n")  # only the core rules
    assert [(p.code, p.severity.value) for p in problems] == [("AD201", "warning")]


def test_datastore_in_a_public_subnet_found_through_nested_groups(lint_yaml) -> None:
    problems = lint_yaml("""groups:
  - id: vpc
    groups:
      - id: public
        properties: {public: true}
        groups: [{id: az-a}]
elements:
  - {id: cache, kind: aws.database.ElastiCache, in: az-a}
  - {id: files, tags: [datastore], in: vpc}
""")
    assert codes_at(problems) == [("AD401", 8, 5)]


def test_cidr_findings_point_at_the_cidr_value(lint_yaml) -> None:
    problems = lint_yaml("""groups:
  - id: vpc
    properties: {cidr: 10.0.0.0/16}
    groups:
      - {id: az-a, groups: [{id: a, properties: {cidr: 10.0.1.0/24}}]}
      - {id: az-b, groups: [{id: b, properties: {cidr: 10.0.1.128/25}}]}
      - {id: c, properties: {cidr: 10.1.0.0/24}}
      - {id: d, properties: {cidr: 10.0.300.0/24}}
      - {id: e, properties: {cidr: 10.0.5.1/24}}
elements: [{id: x, in: a}]
rules:
  packs: {inspections: off}  # the empty groups are AD215's
""")
    assert codes_at(problems) == [
        ("AD209", 6, 56), ("AD208", 7, 36), ("AD207", 8, 36), ("AD207", 9, 36)]
    assert "the network is 10.0.5.0/24" in problems[-1].message


def test_flow_step_may_answer_along_a_relation_but_not_invent_one(lint_yaml) -> None:
    problems = lint_yaml(TIERS + """relations: [users -> api]
flows:
  - id: f
    steps: [users -> api: GET, api -> users: 200, api -> db: SELECT]
""")
    assert [(p.code, p.message) for p in problems if p.code == "AD205"] == [
        ("AD205", "flow 'f' step 3: no relation api -> db in the model")]


def test_boundaries_make_a_datastore_public_and_its_own_word_wins(lint_yaml) -> None:
    problems = lint_yaml(
        "groups:\n"
        "  - {id: pub, kind: aws.PublicSubnet}\n"
        "  - {id: priv, kind: aws.PrivateSubnet}\n"
        "  - {id: dmz, properties: {public: true}, groups: [{id: inner, kind: aws.PrivateSubnet}]}\n"
        "elements:\n"
        "  - {id: db1, kind: aws.database.RDS, in: pub}\n"
        "  - {id: db2, kind: aws.database.RDS, in: priv}\n"
        "  - {id: db3, kind: aws.database.RDS, in: pub, properties: {public: false}}\n"
        "  - {id: db4, kind: aws.database.RDS, in: inner}\n")
    assert [(p.element, p.message) for p in problems if p.code == "AD401"] == [
        ("db1", "datastore 'db1' sits in public group 'pub'; keep data stores in private subnets")]


def test_zones_come_from_the_boundaries_and_a_contradiction_is_an_error(lint_yaml) -> None:
    from archdoc.graph import build_graph
    from archdoc.pipeline import load_and_lint

    text = ("groups:\n"
            "  - id: az-a\n    kind: aws.AvailabilityZone\n    label: us-east-1a\n"
            "    groups: [{id: sub-a, kind: aws.PrivateSubnet, properties: {zone: us-east-1b}}]\n"
            "  - {id: az-b, kind: aws.AvailabilityZone, properties: {zone: us-east-1b}}\n"
            "elements:\n"
            "  - {id: api, in: az-b}\n"
            "  - {id: db, kind: aws.database.RDS, in: az-a, properties: {zone: us-east-1c}}\n")
    problems = lint_yaml(text)
    assert sorted((p.element, p.span.line, p.message) for p in problems if p.code == "AD213") == [
        ("db", 9, "'db' says zone us-east-1c, but it sits in 'az-a', which is zone us-east-1a"),
        ("sub-a", 5, "'sub-a' says zone us-east-1b, but it sits in 'az-a', which is zone us-east-1a"),
    ]
    result, _report = load_and_lint([__import__("pathlib").Path("models")])
    graph = build_graph(result.models[0])
    assert graph.placement("api").zones == {"us-east-1b"} and graph.placement("api").zone_from == "az-b"
    assert graph.placement("api").public is None  # nothing says: unknown, not private
