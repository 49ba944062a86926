"""What the Mermaid text says, line by line: generated ids, shapes, arrows, layers, flows, Markdown tables."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from mermaid_cases import fixture_graphs

from archdoc.graph import ModelGraph
from archdoc.model import RelationKind
from archdoc.render.mermaid import (
    escape_cell,
    flow_diagram,
    flowchart,
    markdown_snippet,
    sequence,
    view_diagram,
)
from archdoc.render.views import Edge, slice_view


def _graph(model_id: str) -> ModelGraph:
    return next(graph for graph in fixture_graphs() if graph.model.id == model_id)


def _view(graph: ModelGraph, view_id: str):
    return next(view for view in graph.model.views if view.id == view_id)


def _node_ids(text: str) -> list[str]:
    return re.findall(r"^\s+(n\d+)[\[({>]", text, flags=re.MULTILINE)


def test_ids_are_generated_in_slice_order_and_never_user_text() -> None:
    graph = _graph("mermaid-hostile")
    diagram = view_diagram(graph, _view(graph, "overview"))
    assert sorted(_node_ids(diagram.text), key=lambda node: int(node[1:])) == [f"n{n}" for n in range(1, 16)]
    assert re.findall(r"subgraph (\S+?)\[", diagram.text) == ["g1", "g2"]
    for line in diagram.text.splitlines()[1:]:
        if line.strip().startswith(("classDef ", "class ", "linkStyle ")):
            continue
        outside_labels = re.sub(r'"[^"]*"|-->|-\.->|==>|--o|-\.-o', " ", line)
        for word in re.findall(r"[A-Za-z_][\w-]*", outside_labels):
            assert re.fullmatch(r"[ng]\d+|subgraph|end", word), line


def test_shapes_follow_the_category() -> None:
    graph = _graph("mermaid-basic")
    text = view_diagram(graph, _view(graph, "overview")).text
    for expected in ('(["Shopper"])', '(["Staff"])', '{{"CloudFront<br/>«edge»"}}', '>"WAF<br/>«edge»"]',
                     '("Orders API<br/>«app»")', '[/"Jobs queue<br/>«app»"/]', '[("Orders DB<br/>«data»")]',
                     '[\\"Invoices<br/>«data»"/]', '["Payment provider"]', '["Pipeline<br/>«ops»"]'):
        assert expected in text
    assert "class n12 ad-external" in text


def test_each_relation_kind_has_its_own_arrow() -> None:
    graph = _graph("mermaid-basic")
    text = view_diagram(graph, _view(graph, "overview")).text
    assert '-.->|"enqueue invoice"|' in text  # async
    assert '==>|"write PDF"|' in text  # data
    assert '--o|"roll out"|' in text  # deploy
    assert '-.-o|"metrics"|' in text  # monitor
    assert '-->|"SQL"|' in text  # sync
    edges = view_diagram(graph, _view(graph, "overview")).slice.edges
    deploy = [str(i) for i, edge in enumerate(edges) if edge.kind is RelationKind.DEPLOY]
    assert f"linkStyle {','.join(deploy)} stroke:#6a1b9a,stroke-width:2px" in text


def test_layers_get_a_colour_and_a_second_line() -> None:
    graph = _graph("mermaid-basic")
    text = view_diagram(graph, _view(graph, "app-only")).text
    assert "classDef ad-layer-1 fill:#e3f2fd,color:#000" in text
    assert '("Orders API<br/>«app»")' in text
    assert "class n1 ad-layer-1" in text  # edge: the load balancer
    assert "class n2,n3 ad-layer-2" in text  # app: Orders API, Jobs queue


def test_a_flow_draws_numbered_steps_and_dashed_replies() -> None:
    graph = _graph("mermaid-basic")
    diagram = flow_diagram(graph, graph.model.flows[0])
    assert '-->|"1#46; GET /checkout"|' in diagram.text  # the dot coded: Mermaid 11.3 reads "1. " as a list
    assert '-.->|"6#46; order id"|' in diagram.text  # a reply along api -> db
    assert diagram.edge_count == len(graph.model.flows[0].steps)


def test_arrows_to_boxes_not_shown_are_dropped_with_a_note() -> None:
    graph = _graph("mermaid-basic")
    view_slice = slice_view(graph, _view(graph, "around-db"))
    broken = replace(view_slice, edges=view_slice.edges + (Edge("db", "nowhere", "x", RelationKind.SYNC),))
    diagram = flowchart(broken)
    assert diagram.text == flowchart(view_slice).text
    assert diagram.notes == ("1 arrow is left out: it names a box the diagram does not show.",)
    assert diagram.problems == ()


def test_sequence_uses_generated_participants_and_the_right_arrows() -> None:
    graph = _graph("mermaid-basic")
    text = sequence(graph, graph.model.flows[0])
    lines = text.splitlines()
    assert lines[:3] == ["sequenceDiagram", "  autonumber", "  actor p1 as Shopper"]
    assert "  p1->>p2: GET /checkout" in lines
    assert "  p6-->>p5: order id" in lines  # reply
    assert "  p5-)p7: enqueue invoice" in lines  # async
    assert "  p8-)p5: sample latency" in lines  # monitor


def test_sequence_aliases_are_unquoted_and_escaped() -> None:
    graph = _graph("mermaid-hostile")
    text = sequence(graph, graph.model.flows[0])
    for line in text.splitlines():
        if " as " in line:
            alias = line.split(" as ", 1)[1]
            assert not alias.startswith('"') and not re.search(r'[<>:,;@"]', re.sub(r"#\d+;", "", alias))


@pytest.mark.parametrize("text", ["a|b", "x\ny", "<b>&", "![x](https://evil.example/p.png)", "`code`", ":smile:"])
def test_table_cells_cannot_escape(text: str) -> None:
    cell = escape_cell(text)
    assert not re.search(r"[|\n<>`!\[\]:]", cell)
    assert "&" not in re.sub(r"&(#\d+|amp|lt|gt);", "", cell)


def test_markdown_tables_keep_their_shape() -> None:
    graph = _graph("mermaid-hostile")
    for item in (*graph.model.views, *graph.model.flows):
        snippet = markdown_snippet(graph, item)
        assert snippet.startswith("```mermaid\n") and snippet.count("```") == 2
        tables = [block for block in snippet.split("\n\n") if block.startswith("| ")]
        for table in tables:
            widths = {line.count("|") for line in table.splitlines()}
            assert len(widths) == 1, table


def test_markdown_renders_the_hostile_tables_as_text() -> None:
    markdown = pytest.importorskip("markdown")
    graph = _graph("mermaid-hostile")
    for item in (*graph.model.views, *graph.model.flows):
        snippet = markdown_snippet(graph, item)
        html = markdown.markdown(snippet, extensions=["tables", "fenced_code", "attr_list"])
        assert not re.search(r"<(img|a|script|em|strong|code)\b", html.split("</pre>", 1)[1]), html
        tables = [block.strip() for block in snippet.split("\n\n") if block.startswith("| ")]
        assert html.count("<tr>") == sum(len(table.splitlines()) - 1 for table in tables)  # no row split or lost
        assert "onerror&#61;alert(1)" in html  # shown as text


def _layer_class_by_label(text: str) -> dict[str, str]:
    """Node label (first line) -> the layer class its node gets."""
    labels = dict(re.findall(r'^\s+(n\d+)\W+"([^"<]+)', text, re.M))
    classes: dict[str, str] = {}
    for ids, name in re.findall(r"^\s+class ([\w,]+) (ad-layer-\d+)$", text, re.M):
        for node in ids.split(","):
            classes[labels[node]] = name
    return classes


def test_a_layer_has_the_same_colour_in_every_view() -> None:
    graph = _graph("mermaid-basic")
    overview = _layer_class_by_label(flowchart(slice_view(graph, _view(graph, "overview"))).text)
    around_db = _layer_class_by_label(flowchart(slice_view(graph, _view(graph, "around-db"))).text)
    assert around_db  # the view shows layered elements ...
    assert all(overview[label] == name for label, name in around_db.items())  # ... coloured as in the overview
