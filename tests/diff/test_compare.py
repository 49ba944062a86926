"""What a change is: pairs of model versions, one kind of change each, compared exactly as JSON."""

from __future__ import annotations

import json

from archdoc.diff import format_json, json_document, summary_line

SHOP = """\
layers: [{id: app}, {id: data}]
groups:
  - id: vpc
    kind: aws.VPC
    properties: {cidr: 10.0.0.0/16}
    groups:
      - {id: public, kind: aws.PublicSubnet, properties: {cidr: 10.0.1.0/24, zone: us-east-1a}}
      - id: private
        kind: aws.PrivateSubnet
        properties: {cidr: 10.0.2.0/24}
        groups:
          - {id: db-subnet, kind: aws.PrivateSubnet, properties: {cidr: 10.0.2.128/25}}
elements:
  - {id: web, layer: app, in: public}
  - {id: api, layer: app, in: public, label: API}
  - {id: db, kind: aws.RDS, layer: data, in: db-subnet, properties: {multi_az: true, encrypted: true}}
relations:
  - web -> api: HTTP
  - api -> db: SQL
rules:
  packs: {well-architected: off, inspections: off}  # these tests are about the model's changes, not those packs
views:
  - {id: overview, include: ["*"]}
  - {id: data, include: ["layer:data"]}
  - {id: edge, include: [web]}
flows:
  - id: order
    steps:
      - web -> api: POST /orders
"""

EMPTY_ITEMS = {"added": [], "removed": [], "changed": [], "moved": []}


def only_model(diff) -> dict:
    [model] = json_document(diff)["models"]
    return model


def changes_but(model: dict, **expected) -> None:
    """Every section of the model's JSON is empty except those given."""
    for kind in ("elements", "groups", "layers", "views", "flows"):
        assert model[kind] == expected.get(kind, EMPTY_ITEMS), kind
    assert model["relations"] == expected.get("relations", {"added": [], "removed": [], "changed": []})


def test_the_same_model_is_unchanged(diff_of) -> None:
    diff = diff_of({"shop.yaml": SHOP}, {"shop.yaml": SHOP})
    model = only_model(diff)
    assert model["status"] == "unchanged"
    changes_but(model)
    assert summary_line(diff.models[0]) == "shop: no changes"


def test_reordering_the_file_is_no_change(diff_of) -> None:
    reordered = SHOP.replace("  - web -> api: HTTP\n  - api -> db: SQL\n", "  - api -> db: SQL\n  - web -> api: HTTP\n")
    reordered = reordered.replace("  - {id: web, layer: app, in: public}\n  - {id: api, layer: app, in: public, label: API}\n",
                                  "  - {id: api, layer: app, in: public, label: API}\n  - {id: web, layer: app, in: public}\n")
    assert reordered != SHOP
    model = only_model(diff_of({"shop.yaml": SHOP}, {"shop.yaml": reordered}))
    assert model["status"] == "unchanged"
    changes_but(model)


def test_a_renamed_file_with_the_same_id_is_the_same_model(diff_of) -> None:
    diff = diff_of({"shop.yaml": "id: shop\n" + SHOP}, {"web/storefront.yaml": "id: shop\n" + SHOP})
    assert [(m["id"], m["status"]) for m in json_document(diff)["models"]] == [("shop", "unchanged")]


def test_models_added_and_removed(diff_of) -> None:
    diff = diff_of({"shop.yaml": SHOP}, {"blog.yaml": "elements: [{id: a}, {id: b}]\nrelations: [a -> b]\n"})
    assert [(m["id"], m["status"]) for m in json_document(diff)["models"]] == [("blog", "added"), ("shop", "removed")]
    assert [summary_line(m) for m in diff.models] == ["blog: added (2 elements, 1 relation)", "shop: removed"]


def test_element_fields_before_and_after(diff_of) -> None:
    head = SHOP.replace("{id: api, layer: app, in: public, label: API}",
                        "{id: api, layer: app, in: public, label: Orders API, technology: Go, tags: [pii], "
                        "description: Takes orders}")
    head = head.replace("properties: {multi_az: true, encrypted: true}", "properties: {multi_az: false, encrypted: true}")
    model = only_model(diff_of({"shop.yaml": SHOP}, {"shop.yaml": head}))
    assert model["status"] == "changed"
    changes_but(model, elements={"added": [], "removed": [], "moved": [], "changed": [
        {"id": "api", "changes": {"description": {"before": "", "after": "Takes orders"},
                                  "label": {"before": "API", "after": "Orders API"},
                                  "tags": {"before": [], "after": ["pii"]},
                                  "technology": {"before": "", "after": "Go"}}},
        {"id": "db", "changes": {"properties.multi_az": {"before": True, "after": False}}},
    ]})
    assert model["views_touched"] == ["data", "overview"]


def test_kind_and_layer_changes(diff_of) -> None:
    head = SHOP.replace("{id: db, kind: aws.RDS, layer: data,", "{id: db, kind: aws.Dynamodb, layer: app,")
    model = only_model(diff_of({"shop.yaml": SHOP}, {"shop.yaml": head}))
    [change] = model["elements"]["changed"]
    assert change["changes"]["kind"]["before"] != change["changes"]["kind"]["after"]
    assert change["changes"]["layer"] == {"before": "data", "after": "app"}


def test_a_move_across_nested_boundaries_names_both_with_their_cidr(diff_of) -> None:
    from archdoc.diff.report import format_text

    head = SHOP.replace("{id: api, layer: app, in: public, label: API}", "{id: api, layer: app, in: db-subnet, label: API}")
    diff = diff_of({"shop.yaml": SHOP}, {"shop.yaml": head})
    model = only_model(diff)
    changes_but(model, elements={"added": [], "removed": [], "changed": [],
                                 "moved": [{"id": "api", "from": "public", "to": "db-subnet"}]})
    assert summary_line(diff.models[0]) == "shop: 1 element moved"
    assert "    > api moved from public (10.0.1.0/24, us-east-1a) to db-subnet (10.0.2.128/25)" \
        in format_text(diff).splitlines()


def test_group_changes_and_a_group_moved_to_another_parent(diff_of) -> None:
    head = SHOP.replace("      - id: private\n        kind: aws.PrivateSubnet\n        properties: {cidr: 10.0.2.0/24}\n"
                        "        groups:\n          - {id: db-subnet, kind: aws.PrivateSubnet, properties: {cidr: 10.0.2.128/25}}\n",
                        "      - id: private\n        kind: aws.PrivateSubnet\n        properties: {cidr: 10.0.3.0/24}\n"
                        "      - {id: db-subnet, kind: aws.PrivateSubnet, properties: {cidr: 10.0.2.128/25}}\n"
                        "      - {id: spare, kind: aws.PrivateSubnet}\n")
    model = only_model(diff_of({"shop.yaml": SHOP}, {"shop.yaml": head}))
    changes_but(model, groups={
        "added": ["spare"], "removed": [],
        "changed": [{"id": "private", "changes": {"properties.cidr": {"before": "10.0.2.0/24", "after": "10.0.3.0/24"}}}],
        "moved": [{"id": "db-subnet", "from": "private", "to": "vpc"}]})


def test_layers_views_and_flows(diff_of) -> None:
    head = SHOP.replace("layers: [{id: app}, {id: data}]", "layers: [{id: app, title: Application}, {id: data}, {id: ops}]")
    head = head.replace('  - {id: data, include: ["layer:data"]}\n', '  - {id: data, include: ["layer:data"], direction: TB}\n')
    head = head.replace('  - {id: edge, include: [web]}\n', '  - {id: ops-view, include: [web]}\n')
    head = head.replace("      - web -> api: POST /orders\n", "      - web -> api: POST /orders\n      - api -> db: INSERT\n")
    head += "  - id: browse\n    steps: [web -> api]\n"
    model = only_model(diff_of({"shop.yaml": SHOP}, {"shop.yaml": head}))
    changes_but(
        model,
        layers={"added": ["ops"], "removed": [], "moved": [],
                "changed": [{"id": "app", "changes": {"title": {"before": "app", "after": "Application"}}}]},
        views={"added": ["ops-view"], "removed": ["edge"], "moved": [],
               "changed": [{"id": "data", "changes": {"direction": {"before": "LR", "after": "TB"}}}]},
        flows={"added": ["browse"], "removed": [], "moved": [],
               "changed": [{"id": "order", "changes": {"steps": {
                   "before": ["web -> api: POST /orders (sync)"],
                   "after": ["web -> api: POST /orders (sync)", "api -> db: INSERT (sync)"]}}}]},
    )
    assert model["views_touched"] == ["data", "edge", "ops-view"]


def test_relations_added_removed_and_relabelled_by_identity(diff_of) -> None:
    head = SHOP.replace("  - web -> api: HTTP\n  - api -> db: SQL\n",
                        "  - api -> db: SQL\n  - web -> api: HTTPS\n  - db ..> api: change events\n")
    head = head.replace("      - web -> api: POST /orders\n", "      - web -> api: POST /orders\n")
    model = only_model(diff_of({"shop.yaml": SHOP}, {"shop.yaml": head.replace("  - api -> db: SQL\n", "")}))
    changes_but(model, relations={
        "added": [{"from": "db", "to": "api", "kind": "async", "label": "change events"}],
        "removed": [{"from": "api", "to": "db", "kind": "sync", "label": "SQL"}],
        "changed": [{"from": "web", "to": "api", "changes": {"label": {"before": "HTTP", "after": "HTTPS"}}}]})


def test_duplicate_relations_are_told_apart_by_their_occurrence(diff_of) -> None:
    base = SHOP.replace("  - api -> db: SQL\n", "  - api -> db: SQL\n  - api -> db: backups\n")
    head = SHOP.replace("  - api -> db: SQL\n", "  - api -> db: SQL\n  - {from: api, to: db, label: backups, kind: data}\n"
                        "  - api -> db: audit\n")
    model = only_model(diff_of({"shop.yaml": base}, {"shop.yaml": head}))
    changes_but(model, relations={
        "added": [{"from": "api", "to": "db", "kind": "sync", "label": "audit"}],
        "removed": [],
        "changed": [{"from": "api", "to": "db", "changes": {"kind": {"before": "sync", "after": "data"}}}]})


def test_findings_introduced_fixed_and_persisting_ignore_line_numbers(diff_of) -> None:
    # base: db -> api goes up (AD201); head: that one fixed, a new upward relation, lines shifted above both
    base = SHOP.replace("  - api -> db: SQL\n", "  - api -> db: SQL\n  - db -> api: replies\n  - db -> web: push\n")
    head = "# a comment\n# another\n" + SHOP.replace("  - api -> db: SQL\n", "  - api -> db: SQL\n  - db -> web: push\n"
                                                     "  - db -> api: events\n")
    head = head.replace("  - db -> api: events\n", "")
    head = head.replace("  - {id: web, layer: app, in: public}\n", "  - {id: web, layer: app, in: public}\n"
                        "  - {id: batch, layer: app}\n")
    head = head.replace("  - db -> web: push\n", "  - db -> web: push\n  - db -> batch\n")
    diff = diff_of({"shop.yaml": base}, {"shop.yaml": head})
    model = only_model(diff)
    assert [(f["code"], f["message"]) for f in model["findings"]["introduced"]] == [
        ("AD201", "db -> batch goes up from layer 'data' to 'app'")]
    assert [(f["code"], f["message"]) for f in model["findings"]["fixed"]] == [
        ("AD201", "db -> api goes up from layer 'data' to 'app'")]
    assert model["findings"]["persisting"] >= 1
    introduced = model["findings"]["introduced"][0]
    assert set(introduced) == {"code", "severity", "message", "file", "line", "column", "model", "element", "relation"}
    assert introduced["file"].endswith("shop.yaml") and introduced["relation"] == {"from": "db", "to": "batch"}
    assert [p.code for p in diff.introduced_errors()] == ["AD201"]
    assert summary_line(diff.models[0]).endswith("; 1 finding introduced, 1 fixed")


def test_the_whole_json_document_exactly(diff_of) -> None:
    head = SHOP.replace("{id: api, layer: app, in: public, label: API}", "{id: api, layer: app, in: private, label: API}")
    head = head.replace("  - api -> db: SQL\n", "  - api -> db: SQL\n  - api -> cache\n")
    head = head.replace("  - {id: db, kind", "  - {id: cache, kind: aws.ElastiCache, layer: data, in: db-subnet}\n  - {id: db, kind")
    diff = diff_of({"shop.yaml": SHOP, "old.yaml": "elements: [{id: x}]\n"}, {"shop.yaml": head})
    document = json.loads(format_json(diff))
    assert document == {
        "models": [
            {"id": "old", "status": "removed", "elements": EMPTY_ITEMS, "groups": EMPTY_ITEMS, "layers": EMPTY_ITEMS,
             "views": EMPTY_ITEMS, "flows": EMPTY_ITEMS, "relations": {"added": [], "removed": [], "changed": []},
             "views_touched": [], "findings": {"introduced": [], "fixed": [], "persisting": 0}},
            {"id": "shop", "status": "changed",
             "elements": {"added": ["cache"], "removed": [], "changed": [],
                          "moved": [{"id": "api", "from": "public", "to": "private"}]},
             "groups": EMPTY_ITEMS, "layers": EMPTY_ITEMS, "views": EMPTY_ITEMS, "flows": EMPTY_ITEMS,
             "relations": {"added": [{"from": "api", "to": "cache", "kind": "sync", "label": ""}],
                           "removed": [], "changed": []},
             "views_touched": ["data", "overview"],
             "findings": {"introduced": [], "fixed": [], "persisting": 0}},
        ],
        "summary": {
            "models_added": 0, "models_removed": 1, "models_changed": 1, "models_unchanged": 0,
            "elements_added": 1, "elements_removed": 0, "elements_changed": 0, "elements_moved": 1,
            "groups_added": 0, "groups_removed": 0, "groups_changed": 0, "groups_moved": 0,
            "layers_added": 0, "layers_removed": 0, "layers_changed": 0,
            "views_added": 0, "views_removed": 0, "views_changed": 0,
            "flows_added": 0, "flows_removed": 0, "flows_changed": 0,
            "relations_added": 1, "relations_removed": 0, "relations_changed": 0,
            "findings_introduced": 0, "findings_fixed": 0, "findings_persisting": 0,
        },
    }
    assert summary_line(diff.models[1]) == "shop: +1 element, 1 moved; +1 relation"
