"""What one Mermaid diagram can hold, checked when archdoc writes it (Mermaid itself fails late or silently).

Measured and documented in the design notes (PERFORMANCE.md, ROBUSTNESS.md) for Mermaid 11:
past `maxTextSize` the diagram is silently replaced by a placeholder, past `maxEdges` it is
an error, and dagre's layout grows with the square of the node count, so a view of more than
about 150 boxes takes many seconds in a reader's browser and cannot be read anyway.
"""

from __future__ import annotations

MAX_NODES = 150  # boxes (elements or collapsed groups) in one flowchart: past it layout is slow and unreadable
MAX_EDGES = 500  # Mermaid's default `maxEdges`: it refuses the 501st arrow
MAX_TEXT = 50_000  # Mermaid's default `maxTextSize`, in UTF-16 code units: past it, a silent placeholder

MAX_LABEL = 120  # characters of one label in a diagram; longer ones end in an ellipsis (the tables keep them whole)
SHORT_LABELS = (40, 12)  # label lengths tried in turn when a diagram's text is over MAX_TEXT


def text_size(text: str) -> int:
    """The length Mermaid measures against `maxTextSize`: JavaScript's, in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def fits(text: str, nodes: int, edges: int) -> bool:
    """Whether Mermaid draws this text whole, and readably."""
    return nodes <= MAX_NODES and edges <= MAX_EDGES and text_size(text) <= MAX_TEXT
