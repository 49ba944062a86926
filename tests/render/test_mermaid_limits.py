"""Views over Mermaid's limits are drawn collapsed, shortened or cut, with a note and an AD301 problem."""

from __future__ import annotations

from mermaid_cases import over_limit_graphs, synthetic_graph, synthetic_yaml

from archdoc.model import Severity
from archdoc.render.mermaid import (
    MAX_EDGES,
    MAX_NODES,
    MAX_TEXT,
    sequence,
    text_size,
    view_diagram,
)
from archdoc.render.views import collapse, slice_view


def _within_limits(diagram) -> None:
    assert text_size(diagram.text) <= MAX_TEXT
    assert diagram.node_count <= MAX_NODES
    assert diagram.edge_count <= MAX_EDGES


def test_a_grouped_view_collapses_at_the_deepest_level_that_fits() -> None:
    graph = over_limit_graphs()[0]  # 400 elements in 20 subnets of region > vpc, 1,200 relations
    view = graph.model.views[0]
    diagram = view_diagram(graph, view)
    _within_limits(diagram)
    assert diagram.slice.collapsed
    assert diagram.node_count == 20  # one box per subnet, inside the region and VPC boundaries
    assert [group.id for group in diagram.slice.groups] == ["region", "vpc"]
    assert diagram.text.count("subgraph") == 2
    assert '[["subnet0 (20 elements)"]]' in diagram.text
    assert diagram.notes == (("With 400 elements and 1,200 arrows this diagram is too large for Mermaid: "
                              "each group 2 levels down is drawn as one box."),)
    (problem,) = diagram.problems
    assert (problem.code, problem.severity, problem.span, problem.model) == (
        "AD301", Severity.WARNING, view.span, graph.model.id)
    assert "each group 2 levels down is drawn as one box" in problem.message


def test_collapsing_shallower_keeps_fewer_boxes() -> None:
    graph = over_limit_graphs()[0]
    view_slice = slice_view(graph, graph.model.views[0])
    boxes = [len(collapse(view_slice, "reason", depth).boxes) for depth in (2, 1, 0)]
    assert boxes == [20, 1, 1]
    assert collapse(view_slice, "reason", 3) is view_slice  # no group that deep
    outermost = collapse(view_slice, "reason")
    assert outermost.groups == () and outermost.notes == ("reason",)
    (box,) = outermost.boxes
    assert (box.id, box.count, box.parent, box.category) == ("region", 400, None, "boundary")


def test_arrows_over_the_limit_are_cut_when_nothing_can_collapse() -> None:
    graph = over_limit_graphs()[1]  # 40 ungrouped elements, 600 relations
    diagram = view_diagram(graph, graph.model.views[0])
    _within_limits(diagram)
    assert (diagram.node_count, diagram.edge_count) == (40, MAX_EDGES)
    assert diagram.notes == ("Only 500 of 600 arrows are drawn; split the view with selectors to see the rest.",)
    assert [problem.code for problem in diagram.problems] == ["AD301"]


def test_boxes_over_the_limit_are_cut_when_nothing_can_collapse() -> None:
    graph = synthetic_graph(synthetic_yaml("flat", 300, relations=1))
    diagram = view_diagram(graph, graph.model.views[0])
    _within_limits(diagram)
    assert diagram.node_count == MAX_NODES
    assert [box.id for box in diagram.slice.boxes] == [f"e{n}" for n in range(MAX_NODES)]
    assert diagram.notes[0].startswith("Only the first 150 of 300 boxes and 149 of 300 arrows are drawn")


def test_long_labels_are_cut_shorter_before_anything_is_left_out() -> None:
    graph = over_limit_graphs()[2]  # 100 elements whose labels are 150 characters of <&>
    diagram = view_diagram(graph, graph.model.views[0])
    _within_limits(diagram)
    assert diagram.node_count == 100 and not diagram.slice.collapsed
    assert diagram.notes == (("Labels are cut to 40 characters to keep the text under Mermaid's limit of "
                              "50,000 characters."),)
    assert [problem.code for problem in diagram.problems] == ["AD301"]


def test_text_stays_under_the_limit_whatever_the_labels() -> None:
    graph = synthetic_graph(synthetic_yaml("huge-labels", 150, label="\ue000" * 5000 + "{n}", relations=3))
    diagram = view_diagram(graph, graph.model.views[0])
    _within_limits(diagram)
    assert text_size(sequence(graph, graph.model.flows[0])) <= MAX_TEXT


def test_a_long_flow_is_cut_with_a_note_in_the_sequence_diagram() -> None:
    graph = synthetic_graph(synthetic_yaml("long-flow", 401, label="%" * 120 + "{n}", relations=1))
    text = sequence(graph, graph.model.flows[0])
    assert text_size(text) <= MAX_TEXT
    assert "#37;" * 11 + "…" in text  # labels were cut to 12 characters first
    note = text.splitlines()[-1]
    assert note.startswith("  Note over p1,p") and "are not shown" in note


def test_a_view_within_the_limits_is_drawn_whole() -> None:
    graph = synthetic_graph(synthetic_yaml("fits", 150, subnet_size=10, relations=3))
    diagram = view_diagram(graph, graph.model.views[0])
    assert (diagram.node_count, diagram.edge_count, diagram.notes, diagram.problems) == (150, 450, (), ())
    assert not diagram.slice.collapsed
