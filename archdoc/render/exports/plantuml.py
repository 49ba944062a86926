"""A view or flow as PlantUML: a plain deployment diagram, or C4-PlantUML, in what PlantUML 1.2020 draws.

Both variants keep to what Debian's PlantUML (1.2020) renders: its standard library's C4
(`!include <C4/C4_Container>`, C4-PlantUML 1.0: Person, System, Container, ContainerDb,
Boundary and Rel, with no `AddElementTag`, `SHOW_LEGEND` or `$tags`), so the file needs no
network and no download.

Ids are generated (`n1`, `g1`). Every model text goes through `escape`: PlantUML reads
Creole markup (`**`, `//`, `--`, `<b>`, `<img:...>`, which loads a file or URL, `[[link]]`),
preprocessor syntax (`!`, `$variable`, `%function()`) and, in a macro, quotes, commas and
parentheses; so everything but letters, digits, spaces and plain punctuation is written as
a `<U+XXXX>` code, which PlantUML draws as the character itself and never parses. (Its
`&#NN;` entities would do, except that `&#92;` and `&#36;` crash PlantUML 1.2020.)
"""

from __future__ import annotations

import re
import unicodedata

from archdoc.model import RelationKind
from archdoc.render.exports import Names, box_family, edge_text, nested, plain
from archdoc.render.views import Box, ViewSlice

# Characters with no meaning in a quoted PlantUML string or an arrow label, unless doubled: Creole reads
# `--`, `__`, `//`, `==` as markup, so a run of two or more of those is coded.
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .:;?!+'-_/=")
_TOKEN = re.compile(r"([-_/=])\1+|^[-+=]|.", re.S)  # also a list or heading mark opening a line
_PLAIN_CATEGORIES = frozenset("LMNPS")  # letters, marks, numbers, punctuation, symbols (accents, CJK, emoji)
_REWRITTEN = frozenset("\u2013")  # PlantUML 1.2020 draws an en dash written as itself as `-`; coded, it draws `–`

# family -> the plain diagram's element keyword
KEYWORDS: dict[str, str] = {
    "person": "actor", "database": "database", "storage": "storage", "queue": "queue", "network": "cloud",
    "security": "agent", "external": "rectangle", "collapsed": "frame", "compute": "node", "other": "rectangle",
}
ARROWS: dict[RelationKind, str] = {
    RelationKind.SYNC: "-->", RelationKind.ASYNC: "..>", RelationKind.DATA: "==>",
    RelationKind.DEPLOY: "--o", RelationKind.MONITOR: "..o",
}
DIRECTIONS = {"LR": "left to right direction", "TB": "top to bottom direction"}


def escape(text: str) -> str:
    """Model text as PlantUML shows it literally: codes for everything it could read, `\\n` for line breaks."""
    return "\\n".join(_TOKEN.sub(_token, line) for line in plain(text).split("\n"))


def plantuml(view_slice: ViewSlice) -> str:
    """The slice as a plain PlantUML deployment diagram: nested frames, a shape per family, an arrow style per kind."""
    names = Names.of(view_slice)
    lines = ["@startuml", f"title {escape(view_slice.title or view_slice.id)}",
             DIRECTIONS.get(view_slice.direction, DIRECTIONS["LR"]), "skinparam shadowing false"]
    for action, subject, depth in nested(view_slice):
        indent = "  " * depth
        if action == "open":
            lines.append(f'{indent}frame "{escape(subject.label)}" as {names.groups[subject.id]} {{')
        elif action == "close":
            lines.append(f"{indent}}}")
        else:
            assert isinstance(subject, Box)
            keyword = KEYWORDS[box_family(subject)]
            lines.append(f'{indent}{keyword} "{_box_label(subject)}" as {names.boxes[subject.id]}')
    for edge in view_slice.edges:
        text = edge_text(edge).strip()  # PlantUML refuses a label of spaces only
        label = f" : {escape(text)}" if text else ""
        lines.append(f"{names.boxes[edge.source]} {ARROWS[edge.kind]} {names.boxes[edge.target]}{label}")
    if view_slice.notes:
        lines.append(f'note "{escape(chr(10).join(view_slice.notes))}" as notes')
    lines.append("@enduml")
    return "\n".join(lines) + "\n"


def c4_plantuml(view_slice: ViewSlice) -> str:
    """The slice as C4-PlantUML (containers): people, containers and databases in boundaries, `Rel` arrows."""
    names = Names.of(view_slice)
    lines = ["@startuml", "!include <C4/C4_Container>", f"title {escape(view_slice.title or view_slice.id)}"]
    if view_slice.direction == "LR":
        lines.append("LAYOUT_LEFT_RIGHT")
    for action, subject, depth in nested(view_slice):
        indent = "  " * depth
        if action == "open":
            lines.append(f'{indent}Boundary({names.groups[subject.id]}, "{escape(subject.label)}", '
                         f'"{escape(subject.kind)}") {{')
        elif action == "close":
            lines.append(f"{indent}}}")
        else:
            assert isinstance(subject, Box)
            lines.append(f"{indent}{_c4_element(subject, names.boxes[subject.id])}")
    for edge in view_slice.edges:
        technology = edge.relation.technology if edge.relation is not None else ""
        arguments = [names.boxes[edge.source], names.boxes[edge.target], f'"{escape(edge_text(edge))}"']
        if technology or edge.kind is not RelationKind.SYNC:
            arguments.append(f'"{escape(technology or edge.kind.value)}"')
        lines.append(f"Rel({', '.join(arguments)})")
    lines.append("@enduml")
    return "\n".join(lines) + "\n"


def _c4_element(box: Box, name: str) -> str:
    """Person for people, ContainerDb for databases and storage, Container for the rest (the kind as technology)."""
    label = escape(box.label)
    description = ""
    if box.element is not None:
        description = box.element.description.strip().split("\n", 1)[0]
    family = box_family(box)
    if family == "person":
        return f'Person({name}, "{label}", "{escape(description)}")'
    technology = box.element.technology if box.element is not None and box.element.technology else box.kind
    macro = "ContainerDb" if family in ("database", "storage") else "Container"
    return f'{macro}({name}, "{label}", "{escape(technology)}", "{escape(description)}")'


def _box_label(box: Box) -> str:
    """The label, and the kind in small type on a second line (the layer after it)."""
    second = box.kind + (f" \u00b7 {box.layer}" if box.layer else "")
    return f"{escape(box.label)}\\n<size:10>{escape(second)}</size>"


def _token(match: re.Match[str]) -> str:
    token = match.group()
    if len(token) == 1 and _kept(token) and not (match.start() == 0 and token in "-+="):
        return token
    return "".join(f"<U+{ord(char):04X}>" for char in token)


def _kept(char: str) -> bool:
    if char in _PLAIN:
        return True
    return ord(char) > 160 and char not in _REWRITTEN and unicodedata.category(char)[0] in _PLAIN_CATEGORIES
