"""The model format as a JSON Schema (draft 2020-12), generated from the same declared fields the reader uses.

Editors (yaml-language-server) read YAML 1.2, where `yes`, `no`, `on` and `off` are plain
strings and `label: 1.10` is a number. Each field type says here exactly what archdoc's
reader accepts for it under that reading: free text takes any scalar, a strict string or
id refuses the words YAML 1.1 would read as booleans or null, a boolean also takes those
YAML 1.1 spellings, and `kind` offers the whole catalogue for completion.
"""

from __future__ import annotations

from typing import Any

from archdoc.load.kinds import ALIASES, KindCatalogue
from archdoc.load.schema import (
    ARROW_PATTERN,
    ID_PATTERN,
    PROPERTY_TYPES,
    RELATION,
    RULE_CODE_PATTERN,
    SEVERITIES,
    SHORT_RELATION_PATTERN,
    SLUG_PATTERN,
    STEP,
    Field,
    Spec,
)

# Scalars YAML 1.1 (and so archdoc's reader) types as booleans, null, numbers or dates when unquoted.
# (PyYAML's YAML 1.1 resolver, which archdoc's reader follows: `y` and `n` stay text.)
_BOOL_WORDS = ("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On",
               "ON", "off", "Off", "OFF")
YAML11_TYPED = (
    r"^(?:" + "|".join(_BOOL_WORDS) + r"|~|null|Null|NULL|"
    r"[-+]?(?:0|[1-9][0-9_]*)|[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+|"
    r"[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|"
    r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|"
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}.*)$"
)
_TRUE_FALSE_WORDS = [word for word in _BOOL_WORDS if word.lower() not in ("true", "false")]
_STRICT = {"type": "string", "not": {"pattern": YAML11_TYPED}}
# What `archdoc.load.values.parse_selector` accepts: *, an element id, or prefix:value (optionally negated).
SELECTOR_PATTERN = (r"^\s*!?\s*(?:\*|[A-Za-z][A-Za-z0-9_-]*|(?:tag|layer|in|kind|category)\s*:\s*\S.*|"
                    r"prop\s*:\s*[^=\s].*)\s*$")
_SELECTOR = {**_STRICT, "pattern": SELECTOR_PATTERN}
_SCALAR = {"type": ["string", "number", "boolean", "null"]}


def json_schema(model: Spec, catalogue: KindCatalogue | None = None,
                rule_codes: list[str] | None = None) -> dict[str, Any]:
    """A JSON Schema of a model file (or, given the fragment spec, of a fragment); with a catalogue, `kind`
    lists every kind for completion and flags an unknown one."""
    definitions: dict[str, Any] = {}
    kinds = _kind_schemas(catalogue) if catalogue is not None else {}
    if rule_codes is not None:  # the codes `rules.severity` and `rules.ignore` may name
        kinds["rule code"] = {"enum": sorted(rule_codes)}
    root = _object_schema(model, definitions, kinds or None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://archdoc.dev/schema/{model.name}-1.json",
        "title": f"archdoc {model.name}",
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _kind_schemas(catalogue: KindCatalogue) -> dict[str, Any]:
    elements = sorted({*catalogue.names(), *ALIASES})
    boundaries = sorted({*catalogue.names(boundary=True), *elements})
    return {"element kind": {"enum": elements}, "group kind": {"enum": boundaries}}


def _ref(spec: Spec, definitions: dict[str, Any], kinds: dict[str, Any] | None) -> dict[str, Any]:
    name = spec.name.replace(" ", "_")
    if name not in definitions:
        definitions[name] = {}  # placeholder first: groups refer to themselves
        definitions[name] = _object_schema(spec, definitions, kinds)
    return {"$ref": f"#/$defs/{name}"}


def _object_schema(spec: Spec, definitions: dict[str, Any], kinds: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "type": "object",
        "description": spec.doc,
        "properties": {f.name: {"description": f.doc, **_value_schema(f, spec, definitions, kinds)}
                       for f in spec.fields},
        "required": [f.name for f in spec.fields if f.required],
        "additionalProperties": False,
    }


def _property_schemas() -> dict[str, Any]:
    """The well-known properties, each as its declared type reads it."""
    by_type: dict[str, dict[str, Any]] = {
        "number": {"type": "number", "minimum": 0},
        "bool": {"anyOf": [{"type": "boolean"}, {"enum": _TRUE_FALSE_WORDS}]},
        "strings": {"anyOf": [_STRICT, {"type": "array", "items": _STRICT}]},
        "text": _SCALAR,
        "count-or-text": {"anyOf": [{"type": "integer", "minimum": 0},
                                    {"type": ["string", "number", "boolean", "null"], "not": {"type": "integer"}}]},
        "duration-or-text": _SCALAR,
    }
    return {name: {"description": doc, **by_type[kind]} for name, (kind, doc) in sorted(PROPERTY_TYPES.items())}


def _list_of(item: dict[str, Any]) -> dict[str, Any]:
    """A list field: archdoc also reads an empty value (`views:`) as an empty list."""
    return {"anyOf": [{"type": "array", "items": item}, {"type": "null"}]}


def _value_schema(f: Field, owner: Spec, definitions: dict[str, Any], kinds: dict[str, Any] | None) -> dict[str, Any]:
    simple: dict[str, dict[str, Any]] = {
        "string": _STRICT,
        "text": _SCALAR,
        "reason": {**_SCALAR, "pattern": r"\S"},
        "id": {**_STRICT, "pattern": ID_PATTERN},
        "layer-ref": {**_STRICT, "pattern": ID_PATTERN},
        "slug": {**_STRICT, "pattern": SLUG_PATTERN},
        "version": {"enum": [1, "1"]},
        "bool": {"anyOf": [{"type": "boolean"}, {"enum": _TRUE_FALSE_WORDS}]},
        "strings": {"anyOf": [_STRICT, {"type": "array", "items": _STRICT}, {"type": "null"}]},
        "selector": {"anyOf": [_SELECTOR, {"type": "array", "items": _SELECTOR}]},
        "links": {"type": "object", "additionalProperties": _STRICT},
        "properties": {"type": "object", "properties": _property_schemas(), "additionalProperties": {
            "anyOf": [_SCALAR, {"type": "array", "items": _SCALAR}]}},
        "severities": {"type": "object",
                       "propertyNames": (kinds or {}).get("rule code", {"pattern": RULE_CODE_PATTERN}),
                       "additionalProperties": {"enum": list(SEVERITIES)}},
        "arrow": {**_STRICT, "pattern": ARROW_PATTERN},
    }
    if f.name == "rule" and owner.name == "ignore" and kinds and "rule code" in kinds:
        return kinds["rule code"]
    if f.type in simple:
        return simple[f.type]
    if f.type == "kind":
        if not kinds or "element kind" not in kinds:
            return _STRICT
        return kinds["group kind" if owner.name == "group" else "element kind"]
    if f.type == "int":
        return {"type": "integer", **({"minimum": f.minimum} if f.minimum is not None else {})}
    if f.type == "enum":
        return {"enum": list(f.choices)}
    if f.type == "object" and f.spec:
        return _ref(f.spec, definitions, kinds)
    if f.type == "objects" and f.spec:
        return _list_of(_ref(f.spec, definitions, kinds))
    if f.type in ("relations", "steps"):
        long_form = _ref(RELATION if f.type == "relations" else STEP, definitions, kinds)
        short = {"type": "string", "pattern": SHORT_RELATION_PATTERN}
        one_entry = {"type": "object", "minProperties": 1, "maxProperties": 1,
                     "patternProperties": {SHORT_RELATION_PATTERN: _SCALAR},
                     "additionalProperties": False}
        return _list_of({"anyOf": [short, one_entry, long_form]})
    raise ValueError(f"no schema for field type {f.type}")
