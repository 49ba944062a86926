"""Who owns what: `owner` on elements and groups rolled up by owner, by group and by layer, like the cost.

An element without an `owner` belongs to its nearest enclosing group that has one, else to the
model's owner; the table says where each ownership comes from.
"""

from __future__ import annotations

from archdoc.graph import ModelGraph
from archdoc.model import Element, Group
from archdoc.site.pages.checks import walk_groups
from archdoc.site.pages.text import Href, element_link, escape_inline, group_link, join_blocks, table

UNOWNED = "Nobody named"
SHOWN_OWNED = 50  # elements listed per owner; the rest are counted


def effective_owner(graph: ModelGraph, element: Element) -> tuple[str, Group | str]:
    """(owner, where it comes from: "" for the element itself, the group, or "model")."""
    if element.owner:
        return element.owner, ""
    for group in graph.model.enclosing(element.group):
        if group.owner:
            return group.owner, group
    return (graph.model.owner, "model") if graph.model.owner else ("", "")


def owners_section(graph: ModelGraph, href: Href | None = None) -> str:
    """The owners' table (elements by owner), then by group and by layer; empty when nobody owns anything.

    `href` says where the entries are (`PageLinks.entry`); without it, on the same page.
    """
    model = graph.model
    if not (model.owner or any(item.owner for item in (*model.elements, *model.groups))):
        return ""
    owners: dict[str, list[str]] = {}
    for element in model.elements:
        owner, source = effective_owner(graph, element)
        members = owners.setdefault(owner, [])
        if len(members) < SHOWN_OWNED:
            via = (f" (via {group_link(graph.groups, source.id, href)})" if isinstance(source, Group)
                   else " (model)" if source == "model" else "")
            members.append(element_link(graph.elements, element.id, href) + via)
        else:
            members.append("")
    rows = [(escape_inline(owner) if owner else f"*{UNOWNED}*", str(len(members)), _listed(members))
            for owner, members in sorted(owners.items(), key=lambda pair: (pair[0] == "", pair[0].lower()))]
    return join_blocks([
        "## Owners {#owners}",
        "Who owns each element: its own `owner`, else its nearest group's, else the model's.",
        table(("Owner", "Elements", "Owns"), rows, right={"Elements"}),
        _by_group(graph, href),
        _by_layer(graph),
    ])


def _listed(members: list[str]) -> str:
    shown = [member for member in members if member]
    more = len(members) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more else "")


def _by_group(graph: ModelGraph, href: Href | None) -> str:
    if not graph.model.groups:
        return ""
    rows = []
    for group, depth in walk_groups(graph):
        members = [graph.elements[element_id] for element_id in graph.members[group.id] if element_id in graph.elements]
        if members:
            rows.append(("&emsp;" * depth + group_link(graph.groups, group.id, href), escape_inline(group.owner),
                         _owner_list(graph, members)))
    return join_blocks(["### By group {#owners-by-group}",
                        "A group's owners include those of the groups nested in it.",
                        table(("Group", "Its owner", "Owners of its elements"), rows)]) if rows else ""


def _by_layer(graph: ModelGraph) -> str:
    rows = []
    for layer in graph.model.layers:
        members = [element for element in graph.model.elements if element.layer == layer.id]
        if members:
            rows.append((f"[{escape_inline(layer.title)}](#layer-{layer.id})", _owner_list(graph, members)))
    return join_blocks(["### By layer {#owners-by-layer}", table(("Layer", "Owners of its elements"), rows)]) \
        if rows else ""


def _owner_list(graph: ModelGraph, members: list[Element]) -> str:
    counts: dict[str, int] = {}
    for element in members:
        owner = effective_owner(graph, element)[0]
        counts[owner] = counts.get(owner, 0) + 1
    return ", ".join(f"{escape_inline(owner) if owner else UNOWNED} ({count})"
                     for owner, count in sorted(counts.items(), key=lambda pair: (pair[0] == "", pair[0].lower())))
