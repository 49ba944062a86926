"""The Mermaid texts archdoc writes for the render fixtures and the gallery, with what each must show."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from archdoc.graph import ModelGraph, build_graph
from archdoc.load import load_paths
from archdoc.model.visible import visible
from archdoc.render.mermaid import (
    MAX_LABEL,
    MermaidDiagram,
    flow_diagram,
    sequence,
    view_diagram,
)
from archdoc.render.mermaid.escape import shorten
from archdoc.render.mermaid.sequence import participants

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
GALLERY = HERE.parents[1] / "models"
LINE_BREAKS = "\t\n\r\x0b\x0c\x85\u2028\u2029"
FIXTURE_FILES = ("mermaid_basic.yaml", "mermaid_hostile.yaml", "mermaid_pasted.yaml")


@dataclass(frozen=True)
class Case:
    """One diagram: its text, how many boxes (or participants) it must draw, the label lines it must show."""

    name: str  # model/view.flowchart, model/flow.flowchart or model/flow.sequence
    diagram_type: str  # "flowchart" or "sequence"
    text: str
    shapes: int
    literals: tuple[str, ...]


@cache
def fixture_graphs() -> tuple[ModelGraph, ...]:
    return _graphs([FIXTURES / name for name in FIXTURE_FILES])


@cache
def gallery_graphs() -> tuple[ModelGraph, ...]:
    return _graphs([GALLERY])


def _graphs(paths: list[Path]) -> tuple[ModelGraph, ...]:
    result = load_paths(paths)
    assert not result.unreadable, result.problems
    return tuple(build_graph(model) for model in result.models)


def cases(graphs: tuple[ModelGraph, ...], label_limit: int = MAX_LABEL) -> list[Case]:
    """Every diagram of every view and flow: a flowchart per view, a flowchart and a sequence per flow.

    Each label must show at least its first `label_limit` characters.
    """
    found: list[Case] = []
    for graph in graphs:
        model = graph.model
        for view in model.views:
            found.append(_flowchart_case(f"{model.id}/{view.id}.flowchart", view_diagram(graph, view), label_limit))
        for flow in model.flows:
            found.append(_flowchart_case(f"{model.id}/{flow.id}.flowchart", flow_diagram(graph, flow), label_limit))
            names = participants(flow)
            labels = [graph.elements[name].label for name in names]
            found.append(Case(f"{model.id}/{flow.id}.sequence", "sequence", sequence(graph, flow), len(names),
                              _lines(labels + [step.label for step in flow.steps], label_limit)))
    return found


def _flowchart_case(name: str, diagram: MermaidDiagram, label_limit: int) -> Case:
    drawn = diagram.slice
    texts = [box.label for box in drawn.boxes] + [group.label for group in drawn.groups]
    texts += [edge.label for edge in drawn.edges]
    return Case(name, "flowchart", diagram.text, diagram.node_count, _lines(texts, label_limit))


def _lines(texts: list[str], label_limit: int) -> tuple[str, ...]:
    """The non-blank lines of each label's first `label_limit` characters, white space runs as one space."""
    lines: list[str] = []
    for text in texts:
        # Diagrams show controls and bidi overrides as pictures (`⟨U+202E⟩`), line breaks as breaks.
        for line in visible(shorten(text, label_limit).removesuffix("…"), keep=LINE_BREAKS).splitlines():
            normalised = " ".join(line.split())
            if normalised and normalised not in lines:
                lines.append(normalised)
    return tuple(lines)


KINDS = ("aws.Lambda", "aws.SQS", "aws.RDS", "aws.S3")
LAYERS = ("web", "app", "data", "ops")


def synthetic_yaml(model_id: str, elements: int, *, subnet_size: int = 0, label: str = "Element {n}",
                   relations: int = 3) -> str:
    """A model of `elements` in 4 layers, each calling the next `relations` elements; with `subnet_size`,
    the elements sit in subnets of that size inside region > VPC groups. Its flow has up to 400 steps."""
    lines = [f"id: {model_id}", "layers: [" + ", ".join(f"{{id: {layer}}}" for layer in LAYERS) + "]"]
    subnets = -(-elements // subnet_size) if subnet_size else 0
    if subnets:
        lines += ["groups:", "  - id: region", "    kind: aws.Region", "    groups:",
                  "      - id: vpc", "        kind: aws.VPC", "        groups:"]
        lines += [f"          - {{id: subnet{s}, kind: aws.PrivateSubnet}}" for s in range(subnets)]
    lines.append("elements:")
    for n in range(elements):
        where = f", in: subnet{n // subnet_size}" if subnets else ""
        lines.append(f"  - {{id: e{n}, kind: {KINDS[n % 4]}, layer: {LAYERS[n * 4 // elements]}, "
                     f"label: {json.dumps(label.format(n=n))}{where}}}")
    lines.append("relations:")
    lines += [f"  - e{n} -> e{(n + step) % elements}: call"
              for n in range(elements) for step in range(1, relations + 1)]
    lines += ["views:", "  - {id: everything, include: ['*']}",
              "flows:", "  - id: long", "    steps:"]
    lines += [f"      - {json.dumps(f'e{n} -> e{n + 1}: ' + label.format(n=n))}" for n in range(min(elements - 1, 400))]
    return "\n".join(lines) + "\n"


def synthetic_graph(text: str) -> ModelGraph:
    """The graph of a model written to a temporary folder and loaded as archdoc loads any model."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "models" / "model.yaml"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        (graph,) = _graphs([path.parent])
    return graph


@cache
def over_limit_graphs() -> tuple[ModelGraph, ...]:
    """Views over Mermaid's limits, each cut down another way: collapsed groups, first boxes, shorter labels."""
    return (
        synthetic_graph(synthetic_yaml("grouped", 400, subnet_size=20)),
        synthetic_graph(synthetic_yaml("many-arrows", 40, relations=15)),  # 600 arrows between 40 boxes
        synthetic_graph(synthetic_yaml("long-labels", 100, label="<&>" * 50 + " {n}", relations=1)),
    )
