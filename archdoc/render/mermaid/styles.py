"""How boxes and arrows look in archdoc's Mermaid diagrams: shapes, classes and arrows, in one table each.

| family     | categories (the kind's module)               | shape                    |
|------------|----------------------------------------------|--------------------------|
| person     | person, client, user; kinds `*.Users`, `*.User`, `*.Client`, `*.Person` | stadium `(["..."])` |
| database   | database, databases, inmemory                | cylinder `[("...")]`     |
| storage    | storage, filesharing                         | bucket `[\\"..."/]`       |
| queue      | integration, queue, messaging                | parallelogram `[/"..."/]`|
| network    | network, networking, cdn, dns, connectivity  | hexagon `{{"..."}}`      |
| security   | security, identity, auth, certificates       | flag `>"..."]`           |
| external   | external                                     | box, dashed border       |
| collapsed  | a group drawn as one box (too large a view)  | double-sided box `[["..."]]`, thick dashed border |
| compute    | compute, container, component, system        | rounded box `("...")`    |
| other      | anything else                                | box `["..."]`            |

Every box gets the class `ad-<family>` (border colour) and, when it has a layer, the class
`ad-layer-<N>` (fill colour, N its layer's position among the view's layers).

| relation kind | arrow                               |
|---------------|-------------------------------------|
| sync          | `-->` solid                         |
| async         | `-.->` dashed                       |
| data          | `==>` thick                         |
| deploy        | `--o` circle head, purple           |
| monitor       | `-.-o` dashed, circle head, grey    |

Kinds are told apart by the arrow itself, so they survive any theme; the colours of deploy
and monitor (`linkStyle`) only help.
"""

from __future__ import annotations

from archdoc.model import RelationKind

FAMILY_OF_CATEGORY: dict[str, str] = {
    "person": "person", "client": "person", "user": "person",
    "database": "database", "databases": "database", "inmemory": "database",
    "storage": "storage", "filesharing": "storage",
    "integration": "queue", "queue": "queue", "messaging": "queue",
    "network": "network", "networking": "network", "cdn": "network", "dns": "network", "connectivity": "network",
    "security": "security", "identity": "security", "auth": "security", "certificates": "security",
    "external": "external",
    "boundary": "collapsed",
    "compute": "compute", "container": "compute", "component": "compute", "system": "compute",
}
PERSON_CLASS_NAMES = ("Users", "User", "Client", "Person")  # e.g. aws.general.Users sits in category "general"

# family -> the opening and closing of its shape around the quoted label
SHAPES: dict[str, tuple[str, str]] = {
    "person": ("([", "])"),
    "database": ("[(", ")]"),
    "storage": ("[\\", "/]"),
    "queue": ("[/", "/]"),
    "network": ("{{", "}}"),
    "security": (">", "]"),
    "external": ("[", "]"),
    "collapsed": ("[[", "]]"),
    "compute": ("(", ")"),
    "other": ("[", "]"),
}

# family -> classDef style, in the order the classDefs are written
FAMILY_STYLES: dict[str, str] = {
    "person": "stroke:#5d4037",
    "database": "stroke:#c62828,stroke-width:2px",
    "storage": "stroke:#2e7d32,stroke-width:2px",
    "queue": "stroke:#ef6c00,stroke-width:2px",
    "network": "stroke:#6a1b9a",
    "security": "stroke:#b71c1c,stroke-width:2px",
    "external": "stroke:#616161,stroke-dasharray:6 4",
    "collapsed": "stroke:#37474f,stroke-width:3px,stroke-dasharray:8 4",
    "compute": "stroke:#1565c0",
    "other": "stroke:#546e7a",
}

# Light fills with black text: readable in Mermaid's light and dark themes alike. Cycled past eight layers.
LAYER_FILLS = ("#e3f2fd", "#e8f5e9", "#fff8e1", "#fce4ec", "#ede7f6", "#e0f7fa", "#fbe9e7", "#f1f8e9")

ARROWS: dict[RelationKind, str] = {
    RelationKind.SYNC: "-->",
    RelationKind.ASYNC: "-.->",
    RelationKind.DATA: "==>",
    RelationKind.DEPLOY: "--o",
    RelationKind.MONITOR: "-.-o",
}
# linkStyle for the kinds whose arrow alone is close to another's
ARROW_STYLES: dict[RelationKind, str] = {
    RelationKind.DEPLOY: "stroke:#6a1b9a,stroke-width:2px",
    RelationKind.MONITOR: "stroke:#757575",
}


def family(category: str, kind: str) -> str:
    """The shape family of a box from its category and kind."""
    if kind.rsplit(".", 1)[-1] in PERSON_CLASS_NAMES:
        return "person"
    return FAMILY_OF_CATEGORY.get(category, "other")


def family_class(name: str) -> str:
    return f"ad-{name}"


def layer_class(position: int) -> str:
    return f"ad-layer-{position}"


def layer_style(position: int) -> str:
    return f"fill:{LAYER_FILLS[(position - 1) % len(LAYER_FILLS)]},color:#000"
