"""A model's change as an SVG, drawn by Graphviz through archdoc's image path (escaping, safe mode, time limit).

The same picture as the Mermaid one: added green, changed amber, removed dashed red in
its old boundary, context grey. Every label goes through the image renderer's `escape`.
"""

from __future__ import annotations

from archdoc.diff.picture import ChangePicture

COLOURS = {  # (fill, line, text)
    "added": ("#dafbe1", "#1a7f37", "#0a3622"),
    "changed": ("#fff1c2", "#bf8700", "#4d2d00"),
    "removed": ("#ffebe9", "#cf222e", "#82071e"),
    "context": ("#f6f8fa", "#afb8c1", "#57606a"),
}
GROUP_FILLS = {"added": "#f4fff6", "changed": "#fffbeb", "removed": "#fff5f5", "context": "#ffffff"}


def change_dot(picture: ChangePicture) -> str:
    """DOT source for the picture: nested clusters, coloured boxes and arrows; ids are generated."""
    from archdoc.render.images import escape

    node_ids = {node.id: f"n{number}" for number, node in enumerate(picture.nodes, start=1)}
    lines = ["digraph change {", '  graph [rankdir=LR, fontname="Sans-Serif", fontsize=12, pad=0.3, nodesep=0.5];',
             '  node [shape=box, style="rounded,filled", fontname="Sans-Serif", fontsize=12, penwidth=1.5];',
             '  edge [fontname="Sans-Serif", fontsize=10, penwidth=1.5];']
    children: dict[str | None, list[int]] = {}
    for position, group in enumerate(picture.groups):
        children.setdefault(group.parent, []).append(position)
    members: dict[str | None, list[str]] = {}
    known = {group.id for group in picture.groups}
    for node in picture.nodes:
        members.setdefault(node.group if node.group in known else None, []).append(node.id)
    by_status = {node.id: node for node in picture.nodes}
    stack: list[tuple[str | None, int, bool]] = [(None, 0, True)]
    while stack:  # nested clusters, iteratively
        group_id, depth, entering = stack.pop()
        indent = "  " * (depth + 1)
        if not entering:
            lines.append(f"{indent}}}")
            continue
        if group_id is not None:
            group = next(group for group in picture.groups if group.id == group_id)
            _fill, line, text = COLOURS[group.status]
            style = "dashed,filled" if group.status == "removed" else "filled"
            lines.append(f'{indent}subgraph cluster_{depth}_{len(lines)} {{')
            lines.append(f'{indent}  label="{escape(group.label)}"; style="{style}"; color="{line}"; '
                         f'fillcolor="{GROUP_FILLS[group.status]}"; fontcolor="{text}";')
            stack.append((group_id, depth, False))
        for element_id in members.get(group_id, []):
            node = by_status[element_id]
            fill, line, text = COLOURS[node.status]
            style = "rounded,filled,dashed" if node.status == "removed" else "rounded,filled"
            lines.append(f'{indent}  {node_ids[element_id]} [label="{escape(node.label)}", fillcolor="{fill}", '
                         f'color="{line}", fontcolor="{text}", style="{style}"];')
        stack += [(picture.groups[child].id, depth + (group_id is not None), True)
                  for child in reversed(children.get(group_id, []))]
    for edge in picture.edges:
        _fill, line, text = COLOURS[edge.status]
        style = "dashed" if edge.status == "removed" or edge.kind == "async" else "solid"
        label = f', xlabel="{escape(edge.label)}"' if edge.label else ""
        lines.append(f'  {node_ids[edge.source]} -> {node_ids[edge.target]} [color="{line}", fontcolor="{text}", '
                     f'style="{style}"{label}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def change_svg(picture: ChangePicture, *, timeout: float = 60.0) -> bytes:
    """The picture drawn by Graphviz as a self-contained SVG; ImageError when `dot` is missing or fails."""
    from archdoc.render.images.dot import DotSource
    from archdoc.render.images.graphviz import run_dot, self_contained_svg

    source = DotSource(change_dot(picture), {})
    return self_contained_svg(run_dot(source, "svg", timeout, f"the change of model '{picture.model_id}'"), {})
