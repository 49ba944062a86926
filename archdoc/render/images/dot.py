"""A ViewSlice as Graphviz DOT source, written the way `diagrams` writes it: its attributes, icons and clusters.

Every piece of model text reaches the DOT source through `escape`, which makes Graphviz
show it literally: it never becomes an HTML-like label (which can make `dot` read any
file), an escString sequence (`\\N`, `\\G`, `\\l`, ...) or an entity.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import diagrams

from archdoc.load import catalogue
from archdoc.load.kinds import Kind
from archdoc.model import Group
from archdoc.model.visible import visible
from archdoc.render.images.styles import (
    CLUSTER_STYLES,
    DEFAULT_CLUSTER_STYLE,
    EDGE_STYLES,
    PERSON_ICON_KIND,
    PLAIN_STYLES,
    UNKNOWN_STYLE,
    ClusterStyle,
)
from archdoc.render.views import Box, Edge, ViewSlice

RESOURCES = Path(diagrams.__file__).resolve().parent.parent / "resources"  # diagrams' icon folder
DIRECTIONS = ("LR", "TB", "RL", "BT")
NODE_LABEL_WIDTH = 16  # characters per line under a 1.4-inch icon
EDGE_LABEL_WIDTH = 24
MAX_LABEL_LINES = 4
MAX_TOOLTIP_CHARS = 500

# Graphviz runs its escString pass twice over tooltips (2.43: `\\\\N` shows `\N`) and once over
# every other string; `escape` doubles backslashes once per pass.
_TOOLTIP_PASSES = 2
# Control characters and the non-characters XML forbids (Graphviz would copy them into the SVG).
_KEPT = "\t\n\r\x0b\x0c\x85\u2028\u2029"  # whitespace and line breaks, which labels show as such
_DROPPED = {code: None for code in [*range(0, 9), *range(11, 32), 127, 0xFFFE, 0xFFFF]}


class Html(str):
    """An HTML-like label archdoc built itself; its model text was escaped with `escape(..., html=True)`."""


@dataclass(frozen=True)
class DotSource:
    """DOT text and the icons it names: staged file name -> the diagrams PNG to copy there."""

    text: str
    icons: dict[str, str]


def escape(text: str, *, html: bool = False, passes: int = 1) -> str:
    """`text` for a quoted DOT string (or inside an HTML-like label), shown literally by Graphviz.

    Graphviz decodes entities in every string, so `&`, `<`, `>` and `"` become entities (no
    quote is left to end the string, no `<` to start HTML); it then expands escString
    sequences `passes` times, so each backslash is doubled per pass. Line breaks become
    Graphviz's own; other control characters and bidi overrides are shown (`␛`, `⟨U+202E⟩`),
    non-characters dropped and lone surrogates replaced.
    """
    normalised = "\n".join(visible(text, keep=_KEPT).splitlines())
    return normalised.encode("utf-8", "replace").decode("utf-8").translate(_table(html, passes))


def build_dot(view_slice: ViewSlice, icon_folder: str = "") -> DotSource:
    """The DOT source of a slice: groups as nested clusters, boxes with their icons, relations as edges.

    Icons are named by their staged name alone (for `dot` in safe mode), or under `icon_folder`
    (`view-icons/aws-compute-lambda.png`) for a DOT file whose icons are written beside it.
    """
    return _Writer(view_slice, icon_folder).write()


@lru_cache(maxsize=1024)
def icon_name(icon: str) -> str:
    """The flat file name an icon is staged under (`aws/compute/lambda.png` -> `aws-compute-lambda.png`).

    Graphviz's safe mode only opens files by base name inside one folder, so icons are
    copied there under names that keep their place in diagrams' resources. Remembered: resolving the
    path is a third of the time of writing a view's DOT source, and a site asks for every box's icon.
    """
    return Path(icon).resolve().relative_to(RESOURCES).as_posix().replace("/", "-")


class _Writer:
    """Writes one slice; keeps the icons it used."""

    def __init__(self, view_slice: ViewSlice, icon_folder: str = "") -> None:
        self.slice = view_slice
        self.icon_folder = icon_folder
        self.icons: dict[str, str] = {}
        self.lines: list[str] = []
        self.groups_in: dict[str | None, list[Group]] = {}
        self.boxes_in: dict[str | None, list[Box]] = {}
        for group in view_slice.groups:
            self.groups_in.setdefault(group.parent, []).append(group)
        for box in view_slice.boxes:
            self.boxes_in.setdefault(box.parent, []).append(box)

    def write(self) -> DotSource:
        view_slice = self.slice
        graph = {**diagrams.Diagram._default_graph_attrs, "pad": "0.5", "splines": "ortho",
                 "rankdir": view_slice.direction if view_slice.direction in DIRECTIONS else "LR",
                 "labelloc": "t", "forcelabels": "true", "label": self._title()}
        # Orthogonal edges are diagrams' look but cannot place `label`; edges carry `xlabel` instead.
        self.lines.append('digraph "view" {')
        self.lines.append(f"\tgraph [{_attributes(graph)}];")
        edge = {**diagrams.Diagram._default_edge_attrs, **diagrams.Edge._default_edge_attrs}
        self.lines.append(f"\tnode [{_attributes(dict(diagrams.Diagram._default_node_attrs))}];")
        self.lines.append(f"\tedge [{_attributes(edge)}];")
        self._contents(None, 1)
        for arrow in view_slice.edges:
            self.lines.append(f"\t{_quote(arrow.source)} -> {_quote(arrow.target)} [{self._edge(arrow)}];")
        self.lines.append("}")
        return DotSource("\n".join(self.lines) + "\n", dict(sorted(self.icons.items())))

    def _title(self) -> Html:
        parts = [f"<B>{escape(self.slice.title or self.slice.id, html=True)}</B>"]
        parts += [f'<BR/><FONT POINT-SIZE="11" COLOR="#545B64">{escape(note, html=True)}</FONT>'
                  for note in self.slice.notes]
        return Html("".join(parts))

    def _contents(self, parent: str | None, depth: int) -> None:
        """Clusters (nested, each before the boxes beside it), then boxes; iterative, so no group chain
        can exhaust Python's stack."""
        stack: list[tuple[str, Group | str | None, int]] = [("inside", parent, depth)]
        while stack:
            action, subject, level = stack.pop()
            indent = "\t" * level
            if action == "inside":  # the clusters inside a group (or the top), then its boxes
                stack.append(("boxes", subject, level))
                for group in reversed(self.groups_in.get(subject if isinstance(subject, str) else None, [])):
                    stack += [("close", None, level), ("inside", group.id, level + 1), ("open", group, level)]
            elif action == "open" and isinstance(subject, Group):
                self.lines.append(f"{indent}subgraph {_quote('cluster_' + subject.id)} {{")
                self.lines.append(f"{indent}\tgraph [{self._cluster(subject)}];")
            elif action == "close":
                self.lines.append(f"{indent}}}")
            else:
                for box in self.boxes_in.get(subject if isinstance(subject, str) else None, []):
                    self.lines.append(f"{indent}{_quote(box.id)} [{self._node(box)}];")

    def _cluster(self, group: Group) -> str:
        kind = catalogue().group_kind(group.kind)
        style = CLUSTER_STYLES.get(group.kind, DEFAULT_CLUSTER_STYLE)
        label: str = group.label
        if kind is not None and kind.icon:
            # The AWS look: the group's icon at the top left, its label beside it.
            image = escape(self._icon(kind.icon), html=True)
            label = Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="0"><TR>'
                         f'<TD FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="24"><IMG SRC="{image}" SCALE="TRUE"/></TD>'
                         f'<TD>{escape(group.label, html=True)}</TD></TR></TABLE>')
        attributes = {**diagrams.Cluster._default_graph_attrs, "label": label, "style": style.style,
                      "pencolor": style.pencolor, "bgcolor": style.bgcolor, "fontcolor": style.fontcolor,
                      "penwidth": style.penwidth, "tooltip": _tooltip(group.label, group.kind, group.description)}
        return _attributes(attributes)

    def _node(self, box: Box) -> str:
        label = _wrap(box.label, NODE_LABEL_WIDTH)
        description = box.element.description if box.element else box.group.description if box.group else ""
        technology = box.element.technology if box.element else ""
        attributes = {"label": label, "tooltip": _tooltip(box.label, box.kind, technology, description)}
        kind = self._kind(box)
        if kind is not None and kind.icon:
            # As diagrams' Node: an image node, taller by 0.4 inch for each extra label line.
            height = diagrams.Node._height + 0.4 * label.count("\n")
            attributes.update(shape="none", image=self._icon(kind.icon), height=f"{height:.1f}")
        elif box.group is not None:
            attributes.update(_plain_box(CLUSTER_STYLES.get(box.kind, DEFAULT_CLUSTER_STYLE)))
        else:
            plain = PLAIN_STYLES.get(box.kind, UNKNOWN_STYLE)
            attributes.update(shape="box", style="rounded,filled", fillcolor=plain.fillcolor, color=plain.fillcolor,
                              fontcolor=plain.fontcolor, fixedsize="false", width="1.6", height="0.9",
                              labelloc="c", margin="0.15")
        return _attributes(attributes)

    def _kind(self, box: Box) -> Kind | None:
        kinds = catalogue()
        if box.group is not None:
            return kinds.group_kind(box.kind)
        if box.kind == "person":
            return kinds.element_kind(PERSON_ICON_KIND)
        return kinds.element_kind(box.kind)

    def _edge(self, edge: Edge) -> str:
        style = EDGE_STYLES[edge.kind]
        label = edge.label or (f"{edge.count} relations" if edge.count > 1 else "")
        if edge.number is not None:
            label = f"{edge.number}. {label}" if label else str(edge.number)
        technology = edge.relation.technology if edge.relation else ""
        attributes = {"color": style.color, "style": style.style, "penwidth": style.penwidth,
                      "arrowhead": style.arrowhead,
                      "tooltip": _tooltip(f"{edge.source} -> {edge.target}", edge.kind.value, technology, label)}
        if label:
            attributes["xlabel"] = _wrap(label, EDGE_LABEL_WIDTH)
        return _attributes(attributes)

    def _icon(self, icon: str) -> str:
        name = icon_name(icon)
        self.icons[name] = icon
        return f"{self.icon_folder}/{name}" if self.icon_folder else name


@lru_cache(maxsize=8)
def _table(html: bool, passes: int) -> dict[int, str | None]:
    return {**_DROPPED, ord("\t"): " ", ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;",
            ord("\\"): "\\" * (2 ** passes), ord("\n"): "<BR/>" if html else "\\n"}


def _plain_box(style: ClusterStyle) -> dict[str, str]:
    """A collapsed group without an icon: a box in its cluster's colours."""
    return {"shape": "box", "style": f"{style.style},filled", "fillcolor": style.bgcolor, "color": style.pencolor,
            "fontcolor": style.fontcolor, "penwidth": style.penwidth, "fixedsize": "false", "width": "1.8",
            "height": "0.9", "labelloc": "c"}


def _wrap(text: str, width: int) -> str:
    """Lines of at most `width` characters, at most MAX_LABEL_LINES of them (the rest elided)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""]
    if len(lines) > MAX_LABEL_LINES:
        lines = lines[:MAX_LABEL_LINES]
        lines[-1] = lines[-1][: width - 1] + "…"
    return "\n".join(lines)


def _tooltip(*parts: str) -> str:
    text = "\n".join(part for part in parts if part)
    return text if len(text) <= MAX_TOOLTIP_CHARS else text[: MAX_TOOLTIP_CHARS - 1] + "…"


def _quote(identifier: str) -> str:
    return f'"{escape(identifier)}"'


def _attributes(attributes: dict[str, str]) -> str:
    """`name="value"` pairs, every value escaped except archdoc's own HTML labels."""
    return ", ".join(
        f"{name}=<{value}>" if isinstance(value, Html)
        else f'{name}="{escape(value, passes=_TOOLTIP_PASSES if name == "tooltip" else 1)}"'
        for name, value in attributes.items())
