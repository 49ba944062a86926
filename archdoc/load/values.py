"""Typed reads of located YAML nodes, chosen by the schema's field types, each problem reported where written."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from archdoc.load import codes
from archdoc.load.schema import ID_PATTERN, PROPERTY_TYPES, Field, Spec
from archdoc.load.yamlnodes import (
    STR,
    AnyNode,
    MappingNode,
    ScalarNode,
    SequenceNode,
    describe_scalar,
)
from archdoc.model import Problem, Selector, Severity, SourceSpan

_ID = re.compile(ID_PATTERN)
is_id = _ID.match  # a valid id (element, group, layer, view, flow)?
TEXT_NULLS = frozenset(("", "~", "null", "Null", "NULL"))  # plain scalars that leave a text field empty
SELECTOR_PREFIXES = ("tag", "layer", "in", "kind", "category", "prop")

_new_span = object.__new__
_set_path, _set_line, _set_column = SourceSpan.path.__set__, SourceSpan.line.__set__, SourceSpan.column.__set__  # type: ignore[attr-defined]


def located(path: str, line: int, column: int) -> SourceSpan:
    """SourceSpan(path, line, column), made without the frozen dataclass's __init__: a model of
    50,000 elements makes half a million spans, and this costs a third of the call."""
    span = _new_span(SourceSpan)
    _set_path(span, path)
    _set_line(span, line)
    _set_column(span, column)
    return span


def plain_string(node: AnyNode) -> str | None:
    """The text of a scalar that YAML reads as a string, None for any other node: what
    `Reader.string` returns without a finding."""
    return node.value if type(node) is ScalarNode and node.type_tag == STR else None


def node_name(node: AnyNode) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return describe_scalar(node)


class Reader:
    """Reads values of one file's nodes; every problem lands in `problems` with its position."""

    def __init__(self, path: str, problems: list[Problem], model_id: str | None = None) -> None:
        self.problems = problems
        self.model_id = model_id
        self._path = path

    @property
    def path(self) -> str:
        return self._path

    def span(self, node: AnyNode) -> SourceSpan:
        return located(self._path, node.line, node.column)

    def report(
        self, code: str, message: str, node: AnyNode, *, severity: Severity = Severity.ERROR, element: str | None = None
    ) -> None:
        self.problems.append(
            Problem(code, severity, message, SourceSpan(self._path, node.line, node.column), self.model_id, element)
        )

    # --- structure -------------------------------------------------------------------

    def record(self, node: AnyNode, spec: Spec) -> Fields | None:
        """A mapping read against a spec; each value is read by its field's type when asked for."""
        nodes = self.fields(node, spec)
        return None if nodes is None else Fields(self, spec, nodes, node)

    def fields(self, node: AnyNode, spec: Spec) -> dict[str, AnyNode] | None:
        """The known keys of a mapping; unknown keys and missing required keys are reported."""
        if type(node) is not MappingNode:
            self.report(codes.WRONG_TYPE, f"expected a mapping ({spec.name}), found {node_name(node)}", node)
            return None
        values: dict[str, AnyNode] = {}
        known = spec.by_name
        for key, value in node.pairs:
            name = key.value
            if name in known:
                values[name] = value
            else:
                self.report(codes.UNKNOWN_KEY, _unknown_key_message(name, spec), key)
        for field in spec.fields:
            if field.required and field.name not in values:
                code = codes.MISSING_REASON if field.name == "reason" else codes.MISSING_KEY
                what = "a reason" if code == codes.MISSING_REASON else f"the key '{field.name}'"
                self.report(code, f"{spec.name} needs {what}", node)
        return values

    def items(self, node: AnyNode, what: str) -> list[AnyNode]:
        if type(node) is SequenceNode:
            return node.items
        if type(node) is ScalarNode and node.type_tag != STR and node.value in ("", "~", "null"):
            return []  # `views:` with nothing after it: an empty list
        self.report(codes.WRONG_TYPE, f"expected a list of {what}, found {node_name(node)}", node)
        return []

    def each(self, node: AnyNode, what: str) -> Iterator[AnyNode]:
        """The items of a list, consumed: each is let go once read, so that the nodes of a large
        model are freed while its drafts are made instead of all living beside them. A list that
        an alias repeats is read as it is."""
        items = self.items(node, what)
        if type(node) is not SequenceNode or node.shared:
            yield from items
            return
        node.items = []
        for index, item in enumerate(items):
            items[index] = None  # type: ignore[call-overload]
            yield item

    def records(self, node: AnyNode | None, spec: Spec, what: str) -> Iterator[Fields]:
        """A list of mappings read against a spec, one record at a time (the list consumed, as by `each`)."""
        if node is None:
            return
        for item in self.each(node, what):
            record = self.record(item, spec)
            if record is not None:
                yield record

    # --- scalars ---------------------------------------------------------------------

    def string(self, node: AnyNode | None, what: str = "a string") -> str | None:
        if node is None:
            return None
        if type(node) is ScalarNode:
            if node.type_tag == STR:
                return node.value
            shown = node.value
            self.report(
                codes.WRONG_TYPE,
                f"expected {what}, found {describe_scalar(node)}: quote it (\"{shown}\") if you mean the text",
                node,
            )
            return None
        self.report(codes.WRONG_TYPE, f"expected {what}, found {node_name(node)}", node)
        return None

    def text(self, node: AnyNode | None) -> str | None:
        """Free text (labels, titles, descriptions, reasons) exactly as written: `label: 1.10` reads
        "1.10" and `label: no` reads "no", since nothing is ever converted; an empty value is absent."""
        if node is None:
            return None
        if type(node) is ScalarNode:
            if node.plain and node.value in TEXT_NULLS:
                return None
            return node.value
        self.report(codes.WRONG_TYPE, f"expected text, found {node_name(node)}", node)
        return None

    def reason(self, node: AnyNode | None) -> str:
        """A required reason: missing is reported by the record (AD114), empty is reported here."""
        if node is None:
            return ""
        reason = self.text(node)
        if reason is not None and not reason.strip():
            self.report(codes.MISSING_REASON, "the reason is empty: say why this is acceptable", node)
            return ""
        return reason or ""

    def identifier(self, node: AnyNode | None, what: str = "an id") -> str | None:
        value = self.string(node, what)
        if value is None or node is None:
            return None
        if not _ID.match(value):
            self.report(
                codes.INVALID_ID,
                f"'{value}' is not a valid id: start with a letter, then letters, digits, '_' or '-'",
                node,
            )
            return None
        return value

    def boolean(self, node: AnyNode | None) -> bool | None:
        if node is None:
            return None
        if type(node) is ScalarNode:
            value = node.resolve()
            if isinstance(value, bool):
                return value
        self.report(codes.WRONG_TYPE, f"expected true or false, found {node_name(node)}", node)
        return None

    def integer(self, node: AnyNode | None, minimum: int | None = None) -> int | None:
        if node is None:
            return None
        if type(node) is ScalarNode:
            value = node.resolve()
            if isinstance(value, int) and not isinstance(value, bool):
                if minimum is not None and value < minimum:
                    self.report(codes.INVALID_VALUE, f"expected a whole number of at least {minimum}, found {value}",
                                node)
                    return None
                return value
        self.report(codes.WRONG_TYPE, f"expected a whole number, found {node_name(node)}", node)
        return None

    def choice(self, node: AnyNode | None, choices: tuple[str, ...], what: str) -> str | None:
        if type(node) is ScalarNode and node.value in choices:
            return node.value  # the text is one of the choices: `off` means off, not YAML's false
        value = self.string(node, what)
        if value is None or node is None:
            return None
        if value not in choices:
            close = difflib.get_close_matches(value, choices, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            self.report(codes.INVALID_VALUE, f"{what} must be one of {', '.join(choices)}, found '{value}'{hint}", node)
            return None
        return value

    def strings(self, node: AnyNode | None, what: str = "strings") -> tuple[str, ...]:
        if node is None:
            return ()
        if type(node) is ScalarNode:  # one string where a list is expected: a list of one
            value = self.string(node, f"a list of {what}")
            return (value,) if value is not None else ()
        values = [self.string(item) for item in self.items(node, what)]
        return tuple(value for value in values if value is not None)

    def links(self, node: AnyNode | None) -> dict[str, str]:
        if node is None:
            return {}
        if type(node) is not MappingNode:
            self.report(codes.WRONG_TYPE, f"expected a mapping of names to URLs, found {node_name(node)}", node)
            return {}
        links: dict[str, str] = {}
        for key, value in node.pairs:
            url = self.string(value, "a URL")
            if url is not None:
                links[key.value] = url
        return links

    def properties(self, node: AnyNode | None) -> tuple[dict[str, Any], dict[str, SourceSpan]]:
        if node is None:
            return {}, {}
        if type(node) is not MappingNode:
            self.report(codes.WRONG_TYPE, f"expected a mapping of properties, found {node_name(node)}", node)
            return {}, {}
        values: dict[str, Any] = {}
        spans: dict[str, SourceSpan] = {}
        for key, value in node.pairs:
            if type(value) is ScalarNode:
                resolved: Any = value.resolve()
            elif type(value) is SequenceNode and all(type(item) is ScalarNode for item in value.items):
                resolved = tuple(item.resolve() for item in value.items)  # type: ignore[union-attr]
            else:
                self.report(codes.WRONG_TYPE, f"property '{key.value}' must be a scalar or a list of scalars", value)
                continue
            declared = PROPERTY_TYPES.get(key.value)
            if declared is not None:
                resolved = self._typed_property(key.value, declared[0], value, resolved)
                if resolved is None:
                    continue  # reported: a wrong value is unknown, never taken as something else
            values[key.value] = resolved
            spans[key.value] = self.span(value)
        return values, spans

    def _typed_property(self, name: str, kind: str, node: AnyNode, value: Any) -> Any:
        """A well-known property checked against its declared type; None (and a finding) when it does not fit."""
        written = node.value if type(node) is ScalarNode else None
        quoted = type(node) is ScalarNode and not node.plain
        if kind == "number":
            if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
                return value
            hint = f": write {written.strip()}, not \"{written}\"" if quoted and _NUMBER.match(written or "") else ""
            self.report(codes.WRONG_TYPE, f"property '{name}' must be a number of at least 0, found "
                                          f"{_shown(node)}{hint}", node)
            return None
        if kind == "bool":
            if isinstance(value, bool):
                return value
            hint = ""
            if quoted and (written or "").strip().lower() in ("true", "false", "yes", "no", "on", "off"):
                hint = f": write {written.strip().lower()}, not \"{written}\""  # type: ignore[union-attr]
            self.report(codes.WRONG_TYPE, f"property '{name}' must be true or false, found {_shown(node)}{hint}", node)
            return None
        if kind == "strings":
            items = value if isinstance(value, tuple) else (value,)
            if all(isinstance(item, str) for item in items):
                return items
            self.report(codes.WRONG_TYPE, f"property '{name}' must be a list of names, found {_shown(node)}", node)
            return None
        if value is None and kind in ("text", "count-or-text", "duration-or-text"):
            return None  # `zone:` with nothing after it: unknown, as if absent
        if kind == "text":
            if isinstance(value, tuple):
                self.report(codes.WRONG_TYPE, f"property '{name}' must be one value, found a list", node)
                return None
            return written if written is not None else value
        if kind == "count-or-text":
            if isinstance(value, int) and not isinstance(value, bool) and value < 0:
                self.report(codes.INVALID_VALUE, f"property '{name}' must not be negative, found {written}", node)
                return None
            return value if isinstance(value, int) and not isinstance(value, bool) else (written or value)
        if kind == "duration-or-text":
            return written if written is not None else value
        return value

    def selectors(self, node: AnyNode | None) -> tuple[Selector, ...]:
        """A selector or a list of them; malformed terms are reported (AD113) and dropped."""
        if node is None:
            return ()
        nodes: list[AnyNode] = list(self.items(node, "selectors")) if type(node) is SequenceNode else [node]
        selectors: list[Selector] = []
        for item in nodes:
            text = self.string(item, "a selector")
            if text is None:
                continue
            selector = parse_selector(text, self.span(item))
            if isinstance(selector, str):
                self.report(codes.INVALID_SELECTOR, selector, item)
            else:
                selectors.append(selector)
        return tuple(selectors)


class Fields:
    """The keys of one mapping with their nodes; `read(name)` reads a value as its field's type says."""

    def __init__(self, reader: Reader, spec: Spec, nodes: dict[str, AnyNode], node: AnyNode) -> None:
        self.reader = reader
        self.spec = spec
        self.nodes = nodes
        self.node = node

    def __contains__(self, name: str) -> bool:
        return name in self.nodes

    def get(self, name: str) -> AnyNode | None:
        return self.nodes.get(name)

    def span(self, name: str | None = None) -> SourceSpan:
        node = self.node if name is None else self.nodes.get(name, self.node)
        return located(self.reader.path, node.line, node.column)

    def read(self, name: str) -> Any:
        """The value of one field, read by its declared type (None or empty when absent)."""
        field = self.spec.by_name[name]
        node = self.nodes.get(name)
        if node is None and field.type in _ABSENT:
            return _ABSENT[field.type]  # most keys are absent from most entries
        return read_value(self.reader, node, field)


# What read_value answers for an absent key of these types (the others answer a fresh container).
_ABSENT: dict[str, Any] = {"text": None, "string": None, "kind": None, "arrow": None, "id": None, "layer-ref": None,
                           "reason": "", "bool": None, "int": None, "enum": None, "strings": (), "selector": ()}


def read_value(reader: Reader, node: AnyNode | None, field: Field) -> Any:
    """One value read as a field's type: the one place where the schema chooses how YAML is read."""
    kind, what = field.type, field.what
    if kind == "text":
        return reader.text(node)
    if kind in ("string", "kind", "arrow"):
        return reader.string(node, what or "a string")
    if kind in ("id", "layer-ref"):
        return reader.identifier(node, what or "an id")
    if kind == "reason":
        return reader.reason(node)
    if kind == "bool":
        return reader.boolean(node)
    if kind == "int":
        return reader.integer(node, minimum=field.minimum)
    if kind == "enum":
        return reader.choice(node, field.choices, what or field.name)
    if kind == "strings":
        return reader.strings(node, what or "strings")
    if kind == "selector":
        return reader.selectors(node)
    if kind == "links":
        return reader.links(node)
    if kind == "properties":
        return reader.properties(node)
    if kind == "object":
        assert field.spec is not None
        return None if node is None else reader.record(node, field.spec)
    if kind == "objects":
        assert field.spec is not None
        if node is None:
            return []
        records = (reader.record(item, field.spec) for item in reader.items(node, what or field.name))
        return [record for record in records if record is not None]
    raise ValueError(f"field type {kind} is read by its owner")  # relations, steps, version, slug, severities


_NUMBER = re.compile(r"^\s*[0-9]+(\.[0-9]+)?\s*$")


def _shown(node: AnyNode) -> str:
    """A value as the user wrote it, for messages: `the text "30"`, `the boolean no`, `a list`."""
    if type(node) is ScalarNode:
        if not node.plain:
            return f'the text "{node.value}"'
        return describe_scalar(node)
    return node_name(node)


def parse_selector(text: str, span: SourceSpan) -> Selector | str:
    """A Selector, or the message saying why the text is not one."""
    body = text.strip()
    negated = body.startswith("!")
    if negated:
        body = body[1:].strip()
    if body == "*":
        return Selector(text, "*", "*", negated, span)
    if ":" not in body:
        if _ID.match(body):
            return Selector(text, "id", body, negated, span)
        return f"'{text}' is not a selector: use *, an element id, tag:, layer:, in:, kind:, category: or prop:"
    prefix, value = body.split(":", 1)
    prefix, value = prefix.strip(), value.strip()
    if prefix not in SELECTOR_PREFIXES:
        close = difflib.get_close_matches(prefix, SELECTOR_PREFIXES, n=1)
        hint = f"; did you mean '{close[0]}:'?" if close else ""
        return f"unknown selector '{prefix}:' in '{text}'{hint}"
    if not value:
        return f"selector '{text}' needs a value after '{prefix}:'"
    if prefix == "prop" and value.startswith("="):
        return f"selector '{text}' needs a property name: prop:name=value"
    return Selector(text, prefix, value, negated, span)


def _unknown_key_message(name: str, spec: Spec) -> str:
    close = difflib.get_close_matches(name, spec.keys, n=1, cutoff=0.5)
    if name == "<<":
        return "YAML merge keys (<<) are not supported in models; write the keys out"
    hint = f"; did you mean '{close[0]}'?" if close else f" (valid keys: {', '.join(spec.keys)})"
    return f"unknown key '{name}' in {spec.name}{hint}"
