"""A Structurizr `workspace.json` read into a Workspace (bounded: size by the caller, nesting here)."""

from __future__ import annotations

import json
import re
from typing import Any

from archdoc.importers.base import SourceError
from archdoc.importers.structurizr_model import (
    COMPONENT,
    CONTAINER,
    CONTAINER_INSTANCE,
    CUSTOM,
    INFRASTRUCTURE,
    NODE,
    PERSON,
    SYSTEM,
    SYSTEM_INSTANCE,
    Element,
    Relationship,
    Workspace,
)
from archdoc.load import import_codes as codes

MAX_DEPTH = 200
_ID = re.compile(r'"id"\s*:\s*"((?:[^"\\]|\\.)*)"')


def parse_json(text: str) -> Workspace:
    depth = _depth(text)
    if depth > MAX_DEPTH:
        raise SourceError(codes.SOURCE_TOO_LARGE, f"the JSON nests deeper than {MAX_DEPTH} levels")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(codes.SOURCE_SYNTAX, f"JSON syntax error: {error.msg}", error.lineno, error.colno) from None
    if not isinstance(data, dict) or not isinstance(data.get("model"), dict):
        raise SourceError(codes.SOURCE_SYNTAX, "a Structurizr workspace is a JSON object with a `model`")
    workspace = Workspace(_text(data.get("name")), _text(data.get("description")))
    positions = _positions(text)
    model = data["model"]
    properties = model.get("properties") if isinstance(model.get("properties"), dict) else {}
    separator = _text(properties.get("structurizr.groupSeparator")) if properties else ""
    pending: list[tuple[str, Any, str | None, str]] = []  # (type, JSON object, parent key, environment)
    pending += [(PERSON, item, None, "") for item in _list(model.get("people"))]
    pending += [(SYSTEM, item, None, "") for item in _list(model.get("softwareSystems"))]
    pending += [(CUSTOM, item, None, "") for item in _list(model.get("customElements"))]
    pending += [(NODE, item, None, _text(item.get("environment")) if isinstance(item, dict) else "")
                for item in _list(model.get("deploymentNodes"))]
    pending.reverse()
    children = {SYSTEM: (("containers", CONTAINER),), CONTAINER: (("components", COMPONENT),),
                NODE: (("children", NODE), ("infrastructureNodes", INFRASTRUCTURE),
                       ("containerInstances", CONTAINER_INSTANCE), ("softwareSystemInstances", SYSTEM_INSTANCE))}
    while pending:  # a stack, so that deep deployment nodes need no recursion
        kind, item, parent, environment = pending.pop()
        if not isinstance(item, dict) or not _text(item.get("id")):
            workspace.problems.append((codes.INVALID_ENTRY, f"a {kind} without an `id` is skipped", 1, 1))
            continue
        key = _text(item.get("id"))
        line, column = positions.get(key, (1, 1))
        instance_of = _text(item.get("containerId") or item.get("softwareSystemId")) or None
        element = Element(key, kind, _text(item.get("name")), line, column, _text(item.get("description")),
                          _text(item.get("technology")), _tags(item.get("tags")), parent,
                          _groups(_text(item.get("group")), separator), environment or _text(item.get("environment")),
                          instance_of, _text(item.get("location")).lower() == "external")
        if key in workspace.elements:
            workspace.problems.append((codes.DUPLICATE_ENTRY, f"the id {key} is used twice; the first is kept",
                                       line, column))
            continue
        workspace.elements[key] = element
        for relationship in _list(item.get("relationships")):
            if isinstance(relationship, dict):
                _relationship(workspace, relationship, positions, key)
        for field, child_kind in reversed(children.get(kind, ())):
            pending += [(child_kind, child, key, element.environment) for child in reversed(_list(item.get(field)))]
    for element in workspace.elements.values():
        if element.instance_of is not None:
            target = workspace.elements.get(element.instance_of)
            if target is None:
                workspace.problems.append((codes.DANGLING_REFERENCE, f"the instance {element.key} names the id "
                                           f"{element.instance_of}, which is not defined", element.line,
                                           element.column))
                element.instance_of = None
            else:
                element.name = target.name
    known = workspace.elements
    kept = []
    for relationship in workspace.relationships:
        if relationship.source in known and relationship.destination in known:
            kept.append(relationship)
        else:
            workspace.problems.append((codes.DANGLING_REFERENCE, "a relationship names an element id that is not "
                                       "defined; left out", relationship.line, relationship.column))
    workspace.relationships = kept
    return workspace


def _relationship(workspace: Workspace, item: dict[str, Any], positions: dict[str, tuple[int, int]],
                  owner: str) -> None:
    line, column = positions.get(_text(item.get("id")), (1, 1))
    workspace.relationships.append(Relationship(
        _text(item.get("sourceId")) or owner, _text(item.get("destinationId")), line, column,
        _text(item.get("description")), _text(item.get("technology")), _tags(item.get("tags")),
        _text(item.get("interactionStyle")).lower() == "asynchronous"))


def _depth(text: str) -> int:
    """The deepest nesting of brackets outside strings, found without building anything."""
    deepest = depth = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]', text):
        token = match.group(0)
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def _positions(text: str) -> dict[str, tuple[int, int]]:
    """Where each `"id": "..."` is first written: the place findings about that element point at."""
    found: dict[str, tuple[int, int]] = {}
    line, last = 1, 0
    for match in _ID.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        found.setdefault(match.group(1), (line, match.start() - text.rfind("\n", 0, match.start())))
    return found


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value) if isinstance(value, int | float) and \
        not isinstance(value, bool) else ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _tags(value: Any) -> list[str]:
    return [tag.strip() for tag in _text(value).split(",") if tag.strip()]


def _groups(group: str, separator: str) -> tuple[str, ...]:
    if not group:
        return ()
    return tuple(part for part in (group.split(separator) if separator else [group]) if part)
