"""A model's change as a Mermaid flowchart: added green, changed amber, removed dashed red, context muted.

Ids are generated (`n1`, `g1`, ...); every label goes through `escape_label`, so no model
text is ever read as Mermaid syntax. Colours are classes on boxes and boundaries and
`linkStyle`s on arrows; removed arrows are also drawn dashed, so the change reads in any
theme and in print.
"""

from __future__ import annotations

from archdoc.diff.picture import ChangePicture
from archdoc.render.mermaid.escape import escape_label, shorten

INDENT = "  "
LABEL_LIMIT = 60
CLASS_STYLES = {
    "added": "fill:#dafbe1,stroke:#1a7f37,color:#0a3622,stroke-width:2px",
    "changed": "fill:#fff1c2,stroke:#bf8700,color:#4d2d00,stroke-width:2px",
    "removed": "fill:#ffebe9,stroke:#cf222e,color:#82071e,stroke-width:2px,stroke-dasharray:6 4",
    "context": "fill:#f6f8fa,stroke:#afb8c1,color:#57606a",
}
GROUP_STYLES = {
    "added": "fill:#f4fff6,stroke:#1a7f37,stroke-width:2px",
    "changed": "fill:#fffbeb,stroke:#bf8700,stroke-width:2px",
    "removed": "fill:#fff5f5,stroke:#cf222e,stroke-width:2px,stroke-dasharray:6 4",
    "context": "fill:#ffffff,stroke:#d0d7de",
}
LINK_STYLES = {
    "added": "stroke:#1a7f37,stroke-width:2px",
    "changed": "stroke:#bf8700,stroke-width:2px",
    "removed": "stroke:#cf222e,stroke-width:2px,stroke-dasharray:6 4",
    "context": "stroke:#afb8c1",
}
ARROWS = {"async": "-.->", "data": "==>", "deploy": "--o", "monitor": "-.-o"}


def change_flowchart(picture: ChangePicture, direction: str = "LR") -> str:
    """The picture as Mermaid text (empty when nothing structural changed)."""
    if not picture.nodes:
        return ""
    node_ids = {node.id: f"n{number}" for number, node in enumerate(picture.nodes, start=1)}
    group_ids = {group.id: f"g{number}" for number, group in enumerate(picture.groups, start=1)}
    lines = [f"flowchart {direction}"]
    lines += _members(picture, node_ids, group_ids)
    for edge in picture.edges:
        arrow = "-.->" if edge.status == "removed" else ARROWS.get(edge.kind, "-->")
        text = f'|"{_label(edge.label)}"|' if edge.label else ""
        lines.append(f"{INDENT}{node_ids[edge.source]} {arrow}{text} {node_ids[edge.target]}")
    for status, style in CLASS_STYLES.items():
        members = [node_ids[node.id] for node in picture.nodes if node.status == status]
        if members:
            lines.append(f"{INDENT}classDef {status} {style}")
            lines.append(f"{INDENT}class {','.join(members)} {status}")
    for group in picture.groups:
        lines.append(f"{INDENT}style {group_ids[group.id]} {GROUP_STYLES[group.status]}")
    for status, style in LINK_STYLES.items():
        indexes = [str(index) for index, edge in enumerate(picture.edges) if edge.status == status]
        if indexes:
            lines.append(f"{INDENT}linkStyle {','.join(indexes)} {style}")
    return "\n".join(lines) + "\n"


def _label(text: str) -> str:
    return escape_label(shorten(text, LABEL_LIMIT)) or " "


def _members(picture: ChangePicture, node_ids: dict[str, str], group_ids: dict[str, str]) -> list[str]:
    """Subgraphs (nested) and boxes; iterative, so a deep group chain cannot exhaust the stack."""
    children: dict[str | None, list[str]] = {}
    for group in picture.groups:
        children.setdefault(group.parent, []).append(group.id)
    boxes: dict[str | None, list[str]] = {}
    for node in picture.nodes:
        boxes.setdefault(node.group if node.group in group_ids else None, []).append(node.id)
    labels = {node.id: node.label for node in picture.nodes}
    group_labels = {group.id: group.label for group in picture.groups}
    # entity codes: Mermaid 11.3 reads a label starting with "+ " as a Markdown list
    marks = {"added": "#43; ", "removed": "#8722; ", "changed": "#126; ", "context": ""}
    status = {node.id: node.status for node in picture.nodes}
    lines: list[str] = []
    stack: list[tuple[str | None, int, bool]] = [(None, 0, True)]
    while stack:
        group_id, depth, entering = stack.pop()
        if not entering:
            lines.append(f"{INDENT * depth}end")
            continue
        if group_id is not None:
            lines.append(f'{INDENT * depth}subgraph {group_ids[group_id]}["{_label(group_labels[group_id])}"]')
            stack.append((group_id, depth, False))
        inner = INDENT * (depth + 1)
        lines += [f'{inner}{node_ids[node]}["{marks[status[node]]}{_label(labels[node])}"]'
                  for node in boxes.get(group_id, [])]
        stack += [(child, depth + 1, True) for child in reversed(children.get(group_id, []))]
    return lines
