"""A flow as a Mermaid sequence diagram: one lifeline per element, one message per step.

- Participants appear in the order the steps first name them, with generated ids (`p1`,
  `p2`, ...) and the element's label as their alias, escaped and *unquoted*: Mermaid 11
  draws quotes around an alias literally. People (see `styles.family`) are `actor`s.
- `autonumber` numbers the messages as the flow's steps are numbered on the flowchart.
- Arrows: `->>` for a sync, data or deploy step, `-)` for an async or monitor step, `-->>`
  for a reply (a step going back along a relation the model draws the other way).
- Message labels reached innerHTML in old Mermaid releases (a CVE): every label is escaped.
  A step without a label says `#160;` (a no-break space): an empty message is a parse error
  in Mermaid 10.9 and 11.3, which GitHub and GitLab have run.
- Within `MAX_TEXT`: labels are cut shorter, then only the first steps are drawn, with a
  note at the end of the diagram saying how many are left out.
"""

from __future__ import annotations

from archdoc.graph import ModelGraph
from archdoc.model import Flow, RelationKind, Step
from archdoc.render.mermaid import styles
from archdoc.render.mermaid.escape import escape_label, shorten
from archdoc.render.mermaid.limits import MAX_LABEL, MAX_TEXT, SHORT_LABELS, text_size

INDENT = "  "
# Mermaid 10.9 and 11.3 refuse a message with no text (`p1->>p2:`); a no-break space draws as nothing.
BLANK_MESSAGE = "#160;"
ASYNC_KINDS = (RelationKind.ASYNC, RelationKind.MONITOR)


def sequence(graph: ModelGraph, flow: Flow) -> str:
    """The flow as a `sequenceDiagram`, cut down as needed to stay under Mermaid's text limit."""
    shown = len(flow.steps)
    while True:
        for label_limit in (MAX_LABEL, *SHORT_LABELS):
            text = _sequence_text(graph, flow.steps[:shown], len(flow.steps), label_limit)
            if text_size(text) <= MAX_TEXT:
                return text
        shown //= 2  # reaches 0 steps, which always fits


def participants(flow: Flow) -> list[str]:
    """The element ids a flow names, in the order its steps first name them."""
    found: dict[str, None] = {}
    for step in flow.steps:
        found.setdefault(step.source)
        found.setdefault(step.target)
    return list(found)


def _sequence_text(graph: ModelGraph, steps: tuple[Step, ...], total: int, label_limit: int) -> str:
    ids: dict[str, str] = {}
    for step in steps:
        for element_id in (step.source, step.target):
            ids.setdefault(element_id, f"p{len(ids) + 1}")
    lines = ["sequenceDiagram", f"{INDENT}autonumber"]
    for element_id, participant_id in ids.items():
        lines.append(f"{INDENT}{_participant_keyword(graph, element_id)} {participant_id} as "
                     f"{_label(_participant_label(graph, element_id), label_limit)}")
    for step in steps:
        lines.append(f"{INDENT}{ids[step.source]}{_arrow(graph, step)}{ids[step.target]}: "
                     f"{_label(step.label, label_limit).strip() or BLANK_MESSAGE}")
    if len(steps) < total and ids:
        first, last = next(iter(ids.values())), list(ids.values())[-1]
        over = first if first == last else f"{first},{last}"
        lines.append(f"{INDENT}Note over {over}: {escape_label(_omitted_note(len(steps), total))}")
    return "\n".join(lines) + "\n"


def _participant_keyword(graph: ModelGraph, element_id: str) -> str:
    person = styles.family(graph.category(element_id), graph.elements[element_id].kind) == "person"
    return "actor" if person else "participant"


def _participant_label(graph: ModelGraph, element_id: str) -> str:
    return graph.elements[element_id].label.strip() or element_id  # an alias must not be blank


def _arrow(graph: ModelGraph, step: Step) -> str:
    if graph.is_reply(step):
        return "-->>"
    return "-)" if step.kind in ASYNC_KINDS else "->>"


def _label(text: str, label_limit: int) -> str:
    return escape_label(shorten(text, label_limit))


def _omitted_note(shown: int, total: int) -> str:
    return (f"Steps {shown + 1} to {total} are not shown: the whole flow is over Mermaid's "
            f"{MAX_TEXT:,} characters.")
