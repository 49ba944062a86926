"""Selectors pick the elements a user means: each prefix, unions, exclusions, focus and depth."""

from __future__ import annotations

import pytest

from archdoc.graph import build_graph
from archdoc.graph.views import view_elements
from archdoc.load import load_models
from archdoc.load.values import parse_selector
from archdoc.model import SourceSpan

MODEL = """
layers: [{id: edge}, {id: app}, {id: data}]
groups:
  - id: vpc
    groups:
      - {id: public, properties: {public: true}}
      - {id: private}
elements:
  - {id: users, kind: person, layer: edge, tags: [internet]}
  - {id: alb, kind: aws.ALB, layer: edge, in: public}
  - {id: api, kind: aws.compute.Fargate, layer: app, in: private, properties: {replicas: 3}}
  - {id: db, kind: aws.database.RDS, layer: data, in: private, tags: [datastore, pii], properties: {encrypted: true}}
  - {id: bucket, kind: aws.S3, layer: data, tags: [datastore], properties: {encrypted: false}}
relations: [users -> alb, alb -> api, api -> db, api -> bucket]
views:
  - {id: focus-api, focus: api, depth: 1}
  - {id: focus-users-2, focus: users, depth: 2}
  - {id: no-data, include: ["*"], exclude: ["layer:data"]}
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    models = tmp_path_factory.mktemp("selectors") / "models"
    models.mkdir()
    (models / "m.yaml").write_text(MODEL)
    result = load_models(models)
    assert result.problems == []
    return build_graph(result.models[0])


def select(graph, *texts: str) -> list[str]:
    span = SourceSpan("m.yaml", 1, 1)
    return sorted(graph.select([parse_selector(text, span) for text in texts]))


@pytest.mark.parametrize(
    ("selectors", "expected"),
    [
        (("*",), ["alb", "api", "bucket", "db", "users"]),
        (("api",), ["api"]),
        (("tag:datastore",), ["bucket", "db"]),
        (("layer:edge",), ["alb", "users"]),
        (("in:vpc",), ["alb", "api", "db"]),  # any depth
        (("in:private",), ["api", "db"]),
        (("kind:aws.database.*",), ["db"]),
        (("kind:aws.*",), ["alb", "api", "bucket", "db"]),
        (("category:database",), ["db"]),
        (("category:storage",), ["bucket"]),
        (("prop:encrypted=true",), ["db"]),
        (("prop:encrypted=false",), ["bucket"]),
        (("prop:replicas=3",), ["api"]),
        (("prop:encrypted",), ["db"]),  # present and truthy
        (("tag:datastore", "layer:edge"), ["alb", "bucket", "db", "users"]),  # a list is a union
        (("tag:datastore", "!tag:pii"), ["bucket"]),
        (("!layer:data",), ["alb", "api", "users"]),  # only exclusions: from everything
    ],
)
def test_selector(graph, selectors: tuple[str, ...], expected: list[str]) -> None:
    assert select(graph, *selectors) == expected


def test_focus_and_depth_follow_relations_both_ways(graph) -> None:
    views = {view.id: view for view in graph.model.views}
    assert sorted(view_elements(graph, views["focus-api"])) == ["alb", "api", "bucket", "db"]
    assert sorted(view_elements(graph, views["focus-users-2"])) == ["alb", "api", "users"]
    assert sorted(view_elements(graph, views["no-data"])) == ["alb", "api", "users"]


@pytest.mark.parametrize("text", ["tags:x", "layer:", "prop:=x", "two words", ""])
def test_malformed_selectors_say_why(text: str) -> None:
    assert isinstance(parse_selector(text, SourceSpan("m.yaml", 1, 1)), str)


def test_graph_holds_elements_relations_groups_and_layers(graph) -> None:
    g = graph.graph
    assert g.number_of_nodes() == 5 and g.number_of_edges() == 4
    assert g.nodes["db"]["category"] == "database" and g.nodes["db"]["layer"] == "data"
    assert g.edges["api", "db", 2]["relation"].index == 2
    assert sorted(graph.tree.successors("vpc")) == ["private", "public"]
    assert graph.enclosing_groups("db") == ["private", "vpc"]
    assert graph.layer_index == {"edge": 0, "app": 1, "data": 2}
