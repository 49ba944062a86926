"""Mermaid: views as flowcharts, flows as sequence diagrams and numbered flowcharts, and Markdown snippets.

Pure functions from slices (and the graph, for flows) to text; the same model always gives
byte-identical text. The text is meant for Mermaid 11 with `securityLevel: 'strict'`.

- `escape_label` (escape.py): the only way user text enters a diagram.
- `flowchart`, `view_diagram`, `flow_diagram` (flowchart.py) and `MermaidDiagram`.
- `sequence` (sequence.py).
- `markdown_snippet` (markdown.py).
- The limits every diagram is kept within (limits.py); shapes, classes and arrows (styles.py).
"""

from archdoc.render.mermaid.escape import escape_label
from archdoc.render.mermaid.flowchart import (
    MermaidDiagram,
    flow_diagram,
    flowchart,
    view_diagram,
)
from archdoc.render.mermaid.limits import (
    MAX_EDGES,
    MAX_LABEL,
    MAX_NODES,
    MAX_TEXT,
    text_size,
)
from archdoc.render.mermaid.markdown import escape_cell, markdown_snippet
from archdoc.render.mermaid.sequence import sequence

__all__ = [
    "MAX_EDGES", "MAX_LABEL", "MAX_NODES", "MAX_TEXT", "MermaidDiagram", "escape_cell", "escape_label",
    "flow_diagram", "flowchart", "markdown_snippet", "sequence", "text_size", "view_diagram",
]
