"""The Structurizr DSL's common subset read into a Workspace.

Read: `workspace { model { ... } }` with `person`, `softwareSystem`, `container`,
`component`, `element`, `group`, `enterprise`, `deploymentEnvironment`, `deploymentNode`,
`infrastructureNode`, `containerInstance`, `softwareSystemInstance`, relationships
(`a -> b "description" "technology" "tags"`, `-> b` inside an element, `this`), the
`description`/`technology`/`tags` lines of an element's block, `!identifiers flat|hierarchical`,
`//`, `#` and `/* */` comments, quoted strings and `\\` line continuations. `views`, `styles`,
`configuration`, `properties` and `perspectives` blocks are read past. Directives that pull in
other text (`!include`, `!script`, `!plugin`, `!docs`, `!adrs`, ...) are reported, not run.
Keywords and identifiers are case-insensitive, as in Structurizr.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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

MAX_DEPTH = 100
_TOKEN = re.compile(r'"""(?P<block>.*?)"""|"(?P<string>(?:[^"\\\n]|\\.)*)"|(?P<brace>[{}])|(?P<word>[^\s"{}]+)',
                    re.DOTALL)
_ELEMENTS = {"person": PERSON, "softwaresystem": SYSTEM, "container": CONTAINER, "component": COMPONENT,
             "element": CUSTOM, "deploymentnode": NODE, "infrastructurenode": INFRASTRUCTURE,
             "containerinstance": CONTAINER_INSTANCE, "softwaresysteminstance": SYSTEM_INSTANCE}
# What each element type's arguments after the name mean (instances name the element instead).
_ARGUMENTS = {PERSON: ("description", "tags"), SYSTEM: ("description", "tags"),
              CONTAINER: ("description", "technology", "tags"), COMPONENT: ("description", "technology", "tags"),
              CUSTOM: ("technology", "description", "tags"), NODE: ("description", "technology", "tags"),
              INFRASTRUCTURE: ("description", "technology", "tags")}
_SKIPPED_BLOCKS = {"views", "styles", "configuration", "properties", "perspectives", "branding", "terminology",
                   "users", "documentation", "animation", "healthcheck", "themes", "scope", "visibility"}
_QUIET = {"!impliedrelationships", "!identifiers", "url", "instances", "deploymentgroup", "name", "autolayout"}


class DslSyntaxError(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass
class _Token:
    text: str
    kind: str  # word | string | brace
    line: int
    column: int


@dataclass
class _Frame:
    kind: str  # workspace | model | element | group | environment | skip
    element: str | None = None
    groups: tuple[str, ...] = ()
    environment: str = ""
    relationship: Relationship | None = None  # a relationship's own block: its tags, description, technology


@dataclass
class _PendingRelationship:
    source: str
    destination: str
    scope: list[str]
    relationship: Relationship


@dataclass
class _Reader:
    workspace: Workspace = field(default_factory=Workspace)
    hierarchical: bool = False
    keys: dict[str, str] = field(default_factory=dict)  # lowercase identifier -> element key
    pending: list[_PendingRelationship] = field(default_factory=list)
    instances: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (instance key, ref, scope)
    generated: int = 0


def parse_dsl(text: str) -> Workspace:
    reader = _Reader()
    frames: list[_Frame] = [_Frame("top")]
    for statement in _statements(text):
        head = statement[0]
        if head.kind == "brace" and head.text == "}":
            if len(frames) == 1:
                raise DslSyntaxError("`}` closes nothing", head.line, head.column)
            frames.pop()
            continue
        opens = statement[-1].kind == "brace" and statement[-1].text == "{"
        words = statement[:-1] if opens else statement
        frame = _read_statement(reader, frames, words, head) if words else _Frame("skip")
        if opens:
            if len(frames) >= MAX_DEPTH:
                raise DslSyntaxError(f"blocks nest deeper than {MAX_DEPTH} levels", head.line, head.column)
            frames.append(frame or _Frame("skip"))
    if len(frames) > 1:
        raise DslSyntaxError("a block is never closed with `}`", 1, 1)
    _resolve(reader)
    return reader.workspace


def _statements(text: str) -> list[list[_Token]]:
    """Tokens grouped into statements: a line (with `\\` continuations), ended early by `{` or `}`."""
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.DOTALL)
    statements: list[list[_Token]] = []
    current: list[_Token] = []
    line, line_start, pos = 1, 0, 0
    while pos < len(text):
        char = text[pos]
        if char == "\n":
            line, line_start, pos = line + 1, pos + 1, pos + 1
            if current:
                statements.append(current)
                current = []
            continue
        if char in " \t\r":
            pos += 1
            continue
        if char == "\\" and text[pos + 1:pos + 2] in ("\n", "\r"):
            pos += 1  # a line continued: the next line break does not end the statement
            newline = text.find("\n", pos)
            line, line_start, pos = line + 1, newline + 1, newline + 1
            continue
        if text.startswith("//", pos) or (char == "#" and not current):
            newline = text.find("\n", pos)
            pos = len(text) if newline < 0 else newline
            continue
        match = _TOKEN.match(text, pos)
        if match is None:  # an unclosed quote
            raise DslSyntaxError("a quoted string is never closed", line, pos - line_start + 1)
        token_line, column = line, pos - line_start + 1
        if match.group("word") is not None:
            current.append(_Token(match.group("word"), "word", token_line, column))
        elif match.group("brace") is not None:
            current.append(_Token(match.group("brace"), "brace", token_line, column))
            statements.append(current)
            current = []
        elif match.group("block") is not None:
            current.append(_Token(match.group("block"), "string", token_line, column))
        else:
            current.append(_Token(re.sub(r"\\(.)", r"\1", match.group("string")), "string", token_line, column))
        for newline in re.finditer("\n", match.group(0)):
            line, line_start = line + 1, pos + newline.end()
        pos = match.end()
    if current:
        statements.append(current)
    return statements


def _read_statement(reader: _Reader, frames: list[_Frame], words: list[_Token], head: _Token) -> _Frame | None:
    """Read one statement in its block; returns the frame of the block it opens (if it opens one)."""
    frame = frames[-1]
    first = words[0].text.lower() if words[0].kind == "word" else ""
    problems = reader.workspace.problems
    if frame.kind == "skip":
        return _Frame("skip")
    if frame.kind == "top":
        if first != "workspace" or any(w.text.lower() == "extends" for w in words[1:2]):
            raise DslSyntaxError("a Structurizr DSL file starts with `workspace {` (`extends` is not read)",
                                 head.line, head.column)
        strings = [w.text for w in words[1:] if w.kind == "string"]
        reader.workspace.name = strings[0] if strings else ""
        reader.workspace.description = strings[1] if len(strings) > 1 else ""
        return _Frame("workspace")
    if first.startswith("!"):
        if first == "!identifiers" and len(words) > 1:
            reader.hierarchical = words[1].text.lower() == "hierarchical"
        elif first not in _QUIET:
            problems.append((codes.UNSUPPORTED, f"the directive {words[0].text} is not read by archdoc's importer",
                             head.line, head.column))
        return _Frame("skip")
    if first in _SKIPPED_BLOCKS or (frame.kind == "workspace" and first != "model"):
        if frame.kind == "workspace" and first in ("name", "description") and len(words) > 1:
            setattr(reader.workspace, first, words[1].text)
        return _Frame("skip")
    if frame.kind == "workspace":
        return _Frame("model")
    if frame.kind == "relationship" and frame.relationship is not None:
        if first in ("tags", "description", "technology") and len(words) > 1:
            if first == "tags":
                frame.relationship.tags += [t.strip() for w in words[1:] for t in w.text.split(",") if t.strip()]
            else:
                setattr(frame.relationship, first, words[1].text)
        return _Frame("skip")
    if any(w.kind == "word" and _is_arrow(w.text) for w in words):
        return _Frame("relationship", relationship=_relationship(reader, frames, words))
    identifier = None
    if len(words) > 2 and words[1].text == "=" and words[0].kind == "word":
        identifier, words = words[0].text, words[2:]
        first = words[0].text.lower()
    if first in ("group", "enterprise") and len(words) > 1:
        return _Frame("group", frame.element, frame.groups + (words[1].text,), frame.environment)
    if first == "deploymentenvironment" and len(words) > 1:
        return _Frame("environment", None, (), words[1].text)
    if first in _ELEMENTS:
        key = _element(reader, frames, identifier, _ELEMENTS[first], words)
        return _Frame("element", key, (), frame.environment) if key else _Frame("skip")
    if frame.kind == "element" and frame.element and first in ("description", "technology", "tags"):
        element = reader.workspace.elements[frame.element]
        values = [w.text for w in words[1:]]
        if first == "tags":
            element.tags += [tag.strip() for value in values for tag in value.split(",") if tag.strip()]
        elif values:
            setattr(element, first, values[0])
        return _Frame("skip")
    if first not in _QUIET:
        problems.append((codes.INVALID_ENTRY, f"`{words[0].text}` is not read here; the statement is skipped",
                         head.line, head.column))
    return _Frame("skip")


def _is_arrow(text: str) -> bool:
    return text == "->" or (text.startswith("-") and text.endswith("->") and len(text) > 2)


def _element(reader: _Reader, frames: list[_Frame], identifier: str | None, kind: str,
             words: list[_Token]) -> str | None:
    frame = frames[-1]
    parent = frame.element if frame.kind in ("element", "group") else None
    parent = parent or next((f.element for f in reversed(frames) if f.element), None)
    if kind in (CONTAINER_INSTANCE, SYSTEM_INSTANCE):
        if len(words) < 2:
            return None
        key = _new_key(reader, identifier, parent)
        reader.workspace.elements[key] = Element(key, kind, "", words[0].line, words[0].column, parent=parent,
                                                 environment=frame.environment)
        reader.instances.append((key, words[1].text, _scope(frames)))
        return key
    strings = [w.text for w in words[1:] if w.kind == "string"] or [w.text for w in words[1:2]]
    if not strings:
        reader.workspace.problems.append((codes.INVALID_ENTRY, f"`{words[0].text}` needs a name; skipped",
                                          words[0].line, words[0].column))
        return None
    key = _new_key(reader, identifier, parent)
    element = Element(key, kind, strings[0], words[0].line, words[0].column, parent=parent,
                      groups=frame.groups, environment=frame.environment)
    for meaning, value in zip(_ARGUMENTS.get(kind, ()), strings[1:], strict=False):
        if meaning == "tags":
            element.tags = [tag.strip() for tag in value.split(",") if tag.strip()]
        else:
            setattr(element, meaning, value)
    reader.workspace.elements[key] = element
    return key


def _new_key(reader: _Reader, identifier: str | None, parent: str | None) -> str:
    if identifier is None:
        reader.generated += 1
        return f"#{reader.generated}"
    key = identifier.lower()
    if reader.hierarchical and parent is not None and not parent.startswith("#"):
        key = f"{parent}.{key}"
    reader.keys[key] = key
    return key


def _scope(frames: list[_Frame]) -> list[str]:
    return [f.element for f in reversed(frames) if f.element]


def _relationship(reader: _Reader, frames: list[_Frame], words: list[_Token]) -> Relationship | None:
    if len(words) > 2 and words[1].text == "=":
        words = words[2:]
    arrow = next(index for index, w in enumerate(words) if w.kind == "word" and _is_arrow(w.text))
    scope = _scope(frames)
    source = words[0].text if arrow == 1 else ("this" if arrow == 0 else "")
    if arrow > 1 or len(words) <= arrow + 1:
        reader.workspace.problems.append((codes.INVALID_ENTRY, "a relationship reads `source -> destination "
                                          '"description" "technology"`; skipped', words[0].line, words[0].column))
        return None
    strings = [w.text for w in words[arrow + 2:]]
    relationship = Relationship("", "", words[arrow].line, words[arrow].column,
                                strings[0] if strings else "", strings[1] if len(strings) > 1 else "",
                                [t.strip() for t in strings[2].split(",")] if len(strings) > 2 else [])
    reader.pending.append(_PendingRelationship(source, words[arrow + 1].text, scope, relationship))
    return relationship


def _lookup(reader: _Reader, reference: str, scope: list[str]) -> str | None:
    name = reference.lower()
    if name == "this":
        return scope[0] if scope else None
    for inner in scope:  # hierarchical identifiers: `wa` inside `x` is `x.wa`
        if f"{inner}.{name}" in reader.keys:
            return f"{inner}.{name}"
    return reader.keys.get(name)


def _resolve(reader: _Reader) -> None:
    workspace = reader.workspace
    for key, reference, scope in reader.instances:
        target = _lookup(reader, reference, scope[1:])
        if target is None:
            element = workspace.elements.pop(key)
            workspace.problems.append((codes.DANGLING_REFERENCE, f"the instance names '{reference}', which is not "
                                       "defined; left out", element.line, element.column))
            continue
        workspace.elements[key].instance_of = target
        workspace.elements[key].name = workspace.elements[target].name
    for pending in reader.pending:
        relationship = pending.relationship
        source = _lookup(reader, pending.source, pending.scope)
        destination = _lookup(reader, pending.destination, pending.scope)
        missing = [ref for ref, found in ((pending.source, source), (pending.destination, destination))
                   if found is None or found not in workspace.elements]
        if missing:
            workspace.problems.append((codes.DANGLING_REFERENCE, f"the relationship names '{missing[0]}', which is "
                                       "not defined; left out", relationship.line, relationship.column))
            continue
        relationship.source, relationship.destination = source or "", destination or ""
        workspace.relationships.append(relationship)
    _replicate_to_instances(workspace)


def _replicate_to_instances(workspace: Workspace) -> None:
    """As Structurizr does: a relationship between two elements holds between their instances in
    each deployment environment where both are deployed."""
    instances: dict[tuple[str, str], list[str]] = {}
    for element in workspace.elements.values():
        if element.instance_of is not None:
            instances.setdefault((element.instance_of, element.environment), []).append(element.key)
    existing = {(r.source, r.destination) for r in workspace.relationships}
    for relationship in list(workspace.relationships):
        for (target, environment), sources in sorted(instances.items()):
            if target != relationship.source:
                continue
            for source in sources:
                for destination in instances.get((relationship.destination, environment), []):
                    if (source, destination) not in existing:
                        existing.add((source, destination))
                        workspace.relationships.append(Relationship(
                            source, destination, relationship.line, relationship.column, relationship.description,
                            relationship.technology, list(relationship.tags)))
