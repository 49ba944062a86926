"""A view or flow as a Structurizr DSL workspace: people and software systems in nested groups, and a landscape view.

Each box becomes a `person` (people) or a `softwareSystem` (everything else; its kind and
layer as tags, so a style can pick them out), each group a `group` (nested, with the
`structurizr.groupSeparator` property that nested groups need: `|`, shown as `¦` in a label),
each arrow a relationship
with its label as description, its technology, and the tag `Asynchronous` for async and
monitor arrows. A flow's steps keep their numbers in their descriptions. One
`systemLandscape` view includes everything, laid out in the view's direction.

Structurizr wants unique names for people and software systems, and one relationship per
pair and description: a repeated label gets its id (`API (api-2)`), a repeated arrow a
number; an arrow from a box to itself is left out (a comment says so). Ids are generated
(`n1`, `g1`). Strings are double-quoted with `\\` escapes; line breaks become spaces (a DSL
string is one line) and `${` gets a word joiner inside, so the DSL never substitutes a
constant or an environment variable into a label.
"""

from __future__ import annotations

from archdoc.model import RelationKind
from archdoc.render.exports import Names, box_family, edge_text, nested, plain
from archdoc.render.views import Box, ViewSlice

ASYNCHRONOUS = (RelationKind.ASYNC, RelationKind.MONITOR)
GROUP_SEPARATOR = "|"  # rare in labels, unlike the `/` of a CIDR block
SEPARATOR_STANDIN = "\u00a6"  # ¦, where a group label holds the separator
AUTO_LAYOUT = {"LR": "lr", "TB": "tb", "RL": "rl", "BT": "bt"}
_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): " "}


def escape(text: str) -> str:
    """Model text as the inside of a DSL string: one line, quotes and backslashes escaped, no `${` substitution."""
    return plain(text).translate(_ESCAPES).replace("${", "$\u2060{")


def structurizr(view_slice: ViewSlice) -> str:
    """The slice as a Structurizr DSL workspace with one system landscape view."""
    names = Names.of(view_slice)
    unique = _unique_names(view_slice)
    title = escape(view_slice.title or view_slice.id)
    lines = [f'workspace "{title}" "Exported by archdoc from {escape(view_slice.model_id)}" {{', "", "  model {",
             "    properties {", f'      "structurizr.groupSeparator" "{GROUP_SEPARATOR}"', "    }"]
    for action, subject, depth in nested(view_slice):
        indent = "    " + "  " * depth
        if action == "open":
            # A group's name holds the separator only between nesting levels.
            label = escape(subject.label).replace(GROUP_SEPARATOR, SEPARATOR_STANDIN)
            lines.append(f'{indent}group "{label}" {{')
        elif action == "close":
            lines.append(f"{indent}}}")
        else:
            assert isinstance(subject, Box)
            lines.append(f"{indent}{_element(subject, names.boxes[subject.id], unique[subject.id])}")
    seen: dict[tuple[str, str, str], int] = {}
    for edge in view_slice.edges:
        if edge.source == edge.target:
            # Structurizr has no relationship from an element to itself.
            lines.append(f"    // {names.boxes[edge.source]} -> itself: left out")
            continue
        description = edge_text(edge)
        key = (edge.source, edge.target, description)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            description = f"{description} ({seen[key]})".lstrip()
        technology = edge.relation.technology if edge.relation is not None else ""
        tags = ",".join(["Asynchronous"] * (edge.kind in ASYNCHRONOUS) + [f"archdoc:{edge.kind.value}"])
        lines.append(f'    {names.boxes[edge.source]} -> {names.boxes[edge.target]} "{escape(description)}" '
                     f'"{escape(technology)}" "{tags}"')
    lines += ["  }", "", "  views {", f'    systemLandscape "view" "{title}" {{', "      include *",
              f"      autoLayout {AUTO_LAYOUT.get(view_slice.direction, 'lr')}", "    }", "  }", "}"]
    return "\n".join(lines) + "\n"


def _element(box: Box, name: str, label: str) -> str:
    description = ""
    if box.element is not None:
        description = next((line.strip() for line in box.element.description.splitlines() if line.strip()), "")
    tags = [box.kind] + ([f"layer:{box.layer}"] if box.layer else [])
    # Tags are comma-separated: a comma inside one would split it.
    tag_text = ",".join(escape(tag).replace(",", " ") for tag in tags)
    keyword = "person" if box_family(box) == "person" else "softwareSystem"
    return f'{name} = {keyword} "{escape(label)}" "{escape(description)}" "{tag_text}"'


def _unique_names(view_slice: ViewSlice) -> dict[str, str]:
    """Each box's name: its label (or id, when blank), with its id added when another box has the same name."""
    wanted = {box.id: plain(box.label).replace("\n", " ").strip() or box.id for box in view_slice.boxes}
    counts: dict[str, int] = {}
    for name in wanted.values():
        counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
    return {box_id: name if counts[name.casefold()] == 1 else f"{name} ({box_id})" for box_id, name in wanted.items()}
