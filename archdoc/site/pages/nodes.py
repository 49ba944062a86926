"""How many nodes each Mermaid diagram of the site must show, known from what the diagrams are drawn from.

The fence writes the count on the diagram's element (`data-archdoc-nodes`), so a browser
test, or a reader's tooling, can check that Mermaid drew every box the model selected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from archdoc.graph import build_graph
from archdoc.model import Model
from archdoc.render.mermaid import flow_diagram, sequence, view_diagram

# A sequence diagram declares each lifeline once (`participant p1 as ...` or `actor p2 as ...`).
_PARTICIPANT = re.compile(r"^\s*(?:participant|actor)\s", re.MULTILINE)


def expected_node_counts(models: Iterable[Model]) -> dict[str, int]:
    """Mermaid text (stripped, as a fence receives it) -> boxes of its flowchart, or lifelines of its sequence."""
    counts: dict[str, int] = {}
    for model in models:
        graph = build_graph(model)
        for diagram in [view_diagram(graph, view) for view in model.views] + \
                [flow_diagram(graph, flow) for flow in model.flows]:
            counts[diagram.text.strip()] = diagram.node_count
        for flow in model.flows:
            text = sequence(graph, flow)
            counts[text.strip()] = len(_PARTICIPANT.findall(text))
    return counts
