"""Mermaid flowcharts: the README fixture end to end, and the grammar's forms one by one."""

from __future__ import annotations

import pytest
from importing import FIXTURES, import_model

from archdoc.importers.mermaid_parse import parse_flowchart
from archdoc.model import RelationKind

README = FIXTURES / "mermaid" / "README.md"


@pytest.fixture(scope="module")
def readme(tmp_path_factory: pytest.TempPathFactory):
    return import_model("mermaid", [README], tmp_path_factory.mktemp("mermaid"))


def test_the_readme_imports_into_a_model_that_lints_without_errors(readme) -> None:
    assert readme.invalid() == []
    assert not [p for p in readme.result.problems if p.is_error]
    assert readme.model.id == "readme" and readme.model.title == "Order service"


def test_nested_subgraphs_become_nested_groups(readme) -> None:
    groups = {g.id: (g.label, g.parent) for g in readme.model.groups}
    assert groups == {"aws": ("AWS account", None), "vpc": ("VPC 10.0.0.0/16", "aws"),
                      "private": ("Private subnets", "vpc")}
    placed = {e.id: e.group for e in readme.model.elements}
    assert placed["orders"] == placed["worker"] == "private"
    assert placed["db"] == "vpc" and placed["queue"] == placed["bucket"] == "aws" and placed["client"] is None


def test_an_edge_to_a_subgraph_is_drawn_to_its_members_and_noted(readme) -> None:
    pairs = {(r.source, r.target) for r in readme.model.relations}
    assert {("gw", "orders"), ("gw", "worker")} <= pairs
    [note] = [p for p in readme.result.problems if p.code == "AD608"]
    assert (note.span.path, note.span.line, note.span.column) == (str(README), 33, 8)
    assert "drawn to its 2 member(s)" in note.message


def test_link_styles_become_relation_kinds_and_invisible_links_vanish(readme) -> None:
    kinds = {(r.source, r.target): r.kind for r in readme.model.relations}
    assert kinds[("orders", "worker")] is RelationKind.ASYNC  # -.->
    assert kinds[("queue", "worker")] is RelationKind.ASYNC  # -.->|consume|
    assert kinds[("worker", "bucket")] is RelationKind.DATA  # ==>
    assert kinds[("orders", "db")] is kinds[("orders", "queue")] is RelationKind.SYNC  # orders --> db & queue
    assert ("orders", "bucket") not in kinds  # ~~~ only places nodes
    labels = {(r.source, r.target): r.label for r in readme.model.relations}
    assert labels[("client", "cdn")] == "HTTPS" and labels[("mobile", "gw")] == "REST"


def test_br_lines_become_label_and_description_and_kinds_are_guesses(readme) -> None:
    elements = readme.model.elements_by_id
    assert (elements["orders"].label, elements["orders"].description) == ("Orders service", "ECS Fargate")
    assert (elements["db"].label, elements["db"].description) == ("Orders DB", "PostgreSQL 16")
    assert elements["db"].kind == "onprem.database.Postgresql" and "kind-guessed" in elements["db"].tags
    assert elements["queue"].kind == "aws.integration.SimpleQueueServiceSqs"
    assert elements["worker"].kind == "component" and "kind-guessed" not in elements["worker"].tags


def test_styling_clicks_and_directives_are_not_carried(readme) -> None:
    for forbidden in ("javascript", "callback", "classDef", "fill:", "stroke", "theme", "securityLevel", "example.com"):
        assert forbidden not in readme.text


def test_every_fence_shares_one_namespace_and_other_diagrams_are_skipped(readme) -> None:
    assert readme.model.elements_by_id["audit"].label == "Audit log"
    assert {("orders", "audit"), ("audit", "bucket")} <= {(r.source, r.target) for r in readme.model.relations}
    [skipped] = [p for p in readme.result.problems if p.code == "AD606"]
    assert "sequenceDiagram" in skipped.message and skipped.span.line == 54


def test_every_element_and_group_keeps_its_node_id_as_source_id(readme) -> None:
    assert {e.properties["source_id"] for e in readme.model.elements} >= {"mermaid:orders", "mermaid:db"}
    assert readme.model.groups_by_id["vpc"].properties["source_id"] == "mermaid:vpc"


@pytest.mark.parametrize(("text", "edges"), [
    ("graph LR\nA-->B", [("A", "B", "", "normal")]),
    ("graph LR\nA --> B --> C", [("A", "B", "", "normal"), ("B", "C", "", "normal")]),
    ("graph LR\nA & B --> C & D", [("A", "C", "", "normal"), ("A", "D", "", "normal"), ("B", "C", "", "normal"),
                                   ("B", "D", "", "normal")]),
    ("graph LR\nA -- some text --> B", [("A", "B", "some text", "normal")]),
    ("graph LR\nA -->|text| B", [("A", "B", "text", "normal")]),
    ("graph LR\nA -. maybe .-> B", [("A", "B", "maybe", "dotted")]),
    ("graph LR\nA == bulk ==> B", [("A", "B", "bulk", "thick")]),
    ("graph LR\nA ---- B", [("A", "B", "", "normal")]),
    ("graph LR\nA --o B\nA --x C", [("A", "B", "", "normal"), ("A", "C", "", "normal")]),
    ("graph LR\nA---oB", [("A", "B", "", "normal")]),  # Mermaid reads `o` after an arrow as a circle end
    ("graph LR\nA ~~~ B", [("A", "B", "", "invisible")]),
    ("graph LR\nA -->|\"a | b\"| B; B --> C", [("A", "B", "a | b", "normal"), ("B", "C", "", "normal")]),
])
def test_links(text: str, edges: list[tuple[str, str, str, str]]) -> None:
    chart = parse_flowchart(text)
    found = [(e.source, e.target, e.label, e.stroke) for e in chart.edges]
    assert found[:len(edges)] == edges


@pytest.mark.parametrize(("written", "label", "shape"), [
    ("A[Box]", "Box", "rect"), ("A(Round)", "Round", "round"), ("A([Stadium])", "Stadium", "stadium"),
    ("A[[Sub]]", "Sub", "subroutine"), ("A[(Base)]", "Base", "cylinder"), ("A((Circle))", "Circle", "circle"),
    ("A(((Double)))", "Double", "circle"), ("A>Flag]", "Flag", "flag"), ("A{Rhombus}", "Rhombus", "diamond"),
    ("A{{Hex}}", "Hex", "hexagon"), ("A[/Lean/]", "Lean", "lean"), ("A[\\Back\\]", "Back", "lean"),
    ("A[/Trap\\]", "Trap", "lean"), ('A[\\"Quoted lean"/]', "Quoted lean", "lean"), ('A["Quoted (with) [brackets]"]', "Quoted (with) [brackets]", "rect"),
    ('A@{ shape: cyl, label: "New syntax" }', "New syntax", "cyl"), ("A[Styled]:::hot", "Styled", "rect"),
])
def test_node_shapes(written: str, label: str, shape: str) -> None:
    node = parse_flowchart(f"flowchart TB\n{written}").nodes["A"]
    assert (node.label, node.shape) == (label, shape)


def test_a_node_belongs_to_the_first_subgraph_that_closes_around_it() -> None:
    chart = parse_flowchart("graph TB\nsubgraph outer\n  subgraph inner\n    a\n  end\n  a --> b\nend\nb --> c")
    members = {s.id: s.members for s in chart.subgraphs}
    assert members == {"inner": ["a"], "outer": ["inner", "b"]}
    assert [s.parent for s in chart.subgraphs] == ["outer", None]


def test_unreadable_lines_are_reported_and_the_rest_is_read() -> None:
    chart = parse_flowchart("graph LR\nA --> B\n)))\nsubgraph s\nC\n")
    assert [e.target for e in chart.edges] == ["B"]
    assert [(message.split(" ")[0], line) for message, line, _column in chart.problems] == [("expected", 3),
                                                                                          ("subgraph", 4)]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["three-tier-web", "serverless", "microservices", "data-lake"])
def test_archdocs_own_mermaid_of_a_gallery_model_imports_cleanly(tmp_path, name: str) -> None:
    """archdoc's Mermaid (escaped labels, every shape it draws, nested subgraphs) read back: every box is an
    element, nothing is skipped, and the model lints without errors."""
    from helpers import run_archdoc

    repo = FIXTURES.parents[2]
    rendered = run_archdoc(repo, "render", f"models/{name}.yaml", "-f", "mermaid")
    assert rendered.returncode == 0
    source = tmp_path / f"{name}.mmd"
    source.write_text(rendered.stdout)
    imported = import_model("mermaid", [source], tmp_path, model_id="round-trip")
    assert imported.invalid() == []
    assert [p for p in imported.result.problems if p.code in ("AD601", "AD607")] == []
    assert len(imported.model.elements) >= 3 and imported.model.relations
