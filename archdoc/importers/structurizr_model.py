"""The part of a Structurizr workspace archdoc imports, as read from either JSON or the DSL."""

from __future__ import annotations

from dataclasses import dataclass, field

# Element types, as the JSON and the DSL name them.
PERSON, SYSTEM, CONTAINER, COMPONENT = "person", "softwareSystem", "container", "component"
NODE, INFRASTRUCTURE = "deploymentNode", "infrastructureNode"
CONTAINER_INSTANCE, SYSTEM_INSTANCE = "containerInstance", "softwareSystemInstance"
CUSTOM = "element"


@dataclass
class Element:
    key: str  # the JSON id, or the DSL's identifier (or a generated one)
    type: str
    name: str
    line: int
    column: int
    description: str = ""
    technology: str = ""
    tags: list[str] = field(default_factory=list)
    parent: str | None = None  # the key of the system, container or deployment node it is inside
    groups: tuple[str, ...] = ()  # the `group` names it is in, outermost first
    environment: str = ""  # deployment elements: their deployment environment
    instance_of: str | None = None  # instances: the key of the container or system
    external: bool = False  # JSON `location: External`


@dataclass
class Relationship:
    source: str
    destination: str
    line: int
    column: int
    description: str = ""
    technology: str = ""
    tags: list[str] = field(default_factory=list)
    asynchronous: bool = False


@dataclass
class Workspace:
    name: str = ""
    description: str = ""
    elements: dict[str, Element] = field(default_factory=dict)
    relationships: list[Relationship] = field(default_factory=list)
    problems: list[tuple[str, str, int, int]] = field(default_factory=list)  # (code, message, line, column)

    def identity(self, key: str) -> str:
        """`type:Name/Child/...`: an element's identity from its names, so that the JSON and the DSL
        of one workspace give the same source ids (Structurizr's own ids are renumbered on export)."""
        names: list[str] = []
        element: Element | None = self.elements.get(key)
        first = element
        hops = 0
        while element is not None and hops < 1_000:
            if element.type in (CONTAINER_INSTANCE, SYSTEM_INSTANCE) and element.instance_of in self.elements:
                names.append(self.identity(element.instance_of).split(":", 1)[1])
            else:
                names.append(element.name)
            if element.parent is None and element.environment:
                names.append(element.environment)
            element = self.elements.get(element.parent) if element.parent else None
            hops += 1
        return f"{first.type if first else 'element'}:{'/'.join(reversed(names))}"
