"""The options rules declare, read from a model's `rules:` once per model against their specs.

A rule module lists its options as schema fields (`OPTIONS`); the same fields give the
JSON Schema of `rules:`, the rule's documentation and the checks here, so a rule with an
option is one module. Values come out as plain Python values and `Record`s, with every
problem (a wrong type, an unknown key, a selector naming nothing) at its line:col.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

from archdoc.load import codes
from archdoc.load.references import References
from archdoc.load.schema import Field, Spec
from archdoc.load.values import Reader, read_value
from archdoc.load.yamlnodes import AnyNode
from archdoc.model import FrozenMap, Model, Problem, Selector, Severity, SourceSpan


class Record(FrozenMap[str, Any]):
    """One option entry that is a mapping (a `forbid` item, `layering`), its values already read."""

    __slots__ = ("span", "spans")

    def __init__(self, values: Mapping[str, Any], span: SourceSpan, spans: Mapping[str, SourceSpan]) -> None:
        super().__init__(values)
        self.span = span
        self.spans = FrozenMap(spans)


def read_options(model: Model, fields: Mapping[str, Field], problems: list[Problem]) -> dict[str, Any]:
    """Every option the model's `rules:` sets, read against the fields the installed rules declare."""
    refs = _references(model, problems)
    values: dict[str, Any] = {}
    for name, option in model.rules.options.items():
        reader = Reader(option.path, problems, model.id)
        field = fields.get(name)
        if field is None:
            known = (*fields, "severity", "ignore")
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
            hint = f"; did you mean '{close[0]}'?" if close else f" (valid keys: {', '.join(known)})"
            if option.span is not None:
                problems.append(Problem(codes.UNKNOWN_KEY, Severity.ERROR, f"unknown key '{name}' in rules{hint}",
                                        option.span, model.id))
            continue
        values[name] = _read(reader, option.value, field, refs)
    return values


def _references(model: Model, problems: list[Problem]) -> References:
    refs = References(problems, model.id)
    refs.element_ids = set(model.elements_by_id)
    refs.group_ids = set(model.groups_by_id)
    refs.layer_ids = {layer.id for layer in model.layers}
    return refs


def _read(reader: Reader, node: AnyNode | None, field: Field, refs: References) -> Any:
    if field.type == "object" and field.spec is not None:
        return None if node is None else _record(reader, node, field.spec, refs)
    if field.type == "objects" and field.spec is not None:
        if node is None:
            return ()
        records = (_record(reader, item, field.spec, refs) for item in reader.items(node, field.what or field.name))
        return tuple(record for record in records if record is not None)
    value = read_value(reader, node, field)
    if field.type == "selector":
        refs.check_selectors(value)
    elif field.type == "layer-ref" and value is not None and value not in refs.layer_ids and node is not None:
        refs.unknown(reader.span(node), "layer", value, refs.layer_ids, None)
    return value


def _record(reader: Reader, node: AnyNode, spec: Spec, refs: References) -> Record | None:
    nodes = reader.fields(node, spec)
    if nodes is None:
        return None
    values = {f.name: _read(reader, nodes.get(f.name), f, refs) for f in spec.fields}
    spans = {name: reader.span(value) for name, value in nodes.items()}
    return Record(values, reader.span(node), spans)


def selectors_in(value: Any) -> Iterator[Selector]:
    """Every selector inside an option value, at any depth."""
    if isinstance(value, Selector):
        yield value
    elif isinstance(value, Record):
        for item in value.values():
            yield from selectors_in(item)
    elif isinstance(value, tuple):
        for item in value:
            yield from selectors_in(item)
