"""A draft model as archdoc's YAML: deterministic, short forms, and every string read back as the text it was."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from archdoc.load.draft import DraftElement, DraftGroup, DraftModel, DraftRelation, DraftView
from archdoc.load.yamlnodes import STR, implicit_tag
from archdoc.model import RelationKind
from archdoc.model.types import PropertyValue

LINE_LENGTH = 110
NESTING_LIMIT = 6  # groups nested deeper are written at the top level with `in:` (the reader bounds depth)
INDENT = "  "

# Plain (unquoted) only when no YAML 1.1 or 1.2 reader can take the text for anything but a string:
# a letter first, then letters, digits and a few punctuation marks that mean nothing in flow style.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 _./()+'-]*")
_WORDS_TYPED = {"yes", "no", "on", "off", "y", "n", "true", "false", "null"}
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x85": "\\N",
            "\u2028": "\\L", "\u2029": "\\P", "\ufeff": "\\uFEFF"}


def quote(text: str) -> str:
    """A string as a YAML scalar that reads back as exactly this text, plain where that is safe."""
    if (_PLAIN.fullmatch(text) and not text.endswith(" ") and "  " not in text
            and text.lower() not in _WORDS_TYPED and implicit_tag(text) == STR):
        return text
    out = []
    for char in text:
        escaped = _ESCAPES.get(char)
        if escaped is not None:
            out.append(escaped)
        elif _unprintable(char):
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _unprintable(char: str) -> bool:
    """Characters YAML does not allow as they are (C0/C1 controls, surrogates, non-characters)."""
    code = ord(char)
    return (code < 0x20 and char != "\t") or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or \
        code in (0xFFFE, 0xFFFF, 0x2028, 0x2029, 0xFEFF)


def scalar(value: PropertyValue) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(scalar(item) for item in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        return text if ("." in text or "e" in text) and implicit_tag(text) != STR else f"{value:.1f}"
    return quote(value)


def flow_mapping(pairs: Iterable[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{quote(key)}: {value}" for key, value in pairs) + "}"


def write_model(draft: DraftModel, header: Iterable[str] = ()) -> str:
    """The model file's text: a header comment, then the model's keys in the order people read them."""
    lines = [f"# {line}" if line else "#" for line in header]
    lines.append("archdoc: 1")
    if draft.id:
        lines.append(f"id: {quote(draft.id)}")
    if draft.title:
        lines.append(f"title: {quote(draft.title)}")
    if draft.description:
        lines.append(f"description: {_value(_text(draft.description), '')}")
    if draft.tags:
        lines.append(f"tags: {_strings(draft.tags)}")
    if draft.owner:
        lines.append(f"owner: {quote(draft.owner)}")
    if draft.iac:
        lines.append(f"iac: {_strings([path for path, _span in draft.iac], sort=False)}")
    if draft.layers:
        lines.append("layers:")
        for layer in draft.layers:
            pairs = [("id", quote(layer.id))]
            if layer.title:
                pairs.append(("title", quote(layer.title)))
            if layer.cross_cutting:
                pairs.append(("cross_cutting", "true"))
            lines.append(f"{INDENT}- {flow_mapping(pairs)}")
    if draft.groups:
        lines.append("groups:")
        lines += _groups(draft.groups)
    lines.append("elements:" if draft.elements else "elements: []")
    for element in sorted(draft.elements, key=lambda e: e.id):
        lines += _entry(element_pairs(element), INDENT)
    if draft.relations:
        lines.append("relations:")
        for relation in sorted(draft.relations, key=lambda r: (r.source, r.target)):
            lines.append(f"{INDENT}- {relation_text(relation)}")
    lines.append("views:")
    for view in draft.views or [DraftView("overview", draft.span, "Overview")]:
        lines += _entry(_view_pairs(view), INDENT)
    return "\n".join(lines) + "\n"


def element_pairs(element: DraftElement) -> list[tuple[str, str]]:
    """An element's keys as (key, YAML text) pairs, in the model format's order."""
    pairs = [("id", quote(element.id))]
    if element.kind:
        pairs.append(("kind", quote(element.kind)))
    if element.label is not None and element.label != element.id:
        pairs.append(("label", quote(element.label)))
    if element.description:
        pairs.append(("description", _text(element.description)))
    if element.layer:
        pairs.append(("layer", quote(element.layer)))
    if element.group:
        pairs.append(("in", quote(element.group)))
    if element.technology:
        pairs.append(("technology", quote(element.technology)))
    if getattr(element, "owner", ""):
        pairs.append(("owner", quote(element.owner)))
    pairs += _common_pairs(element.tags, element.properties, element.links, element.iac)
    return pairs


def group_pairs(group: DraftGroup, parent_written: bool = False) -> list[tuple[str, str]]:
    pairs = [("id", quote(group.id))]
    if group.kind:
        pairs.append(("kind", quote(group.kind)))
    if group.label is not None and group.label != group.id:
        pairs.append(("label", quote(group.label)))
    if group.description:
        pairs.append(("description", _text(group.description)))
    if group.parent and not parent_written:
        pairs.append(("in", quote(group.parent)))
    if getattr(group, "owner", ""):
        pairs.append(("owner", quote(group.owner)))
    pairs += _common_pairs(group.tags, group.properties, group.links, group.iac)
    return pairs


def relation_text(relation: DraftRelation) -> str:
    """The short form `a -> b: label` (or `a ..> b`) when it says everything, else a flow mapping."""
    plain_kind = relation.kind in (RelationKind.SYNC, RelationKind.ASYNC)
    if plain_kind and not (relation.technology or relation.description or relation.tags):
        arrow = "->" if relation.kind is RelationKind.SYNC else "..>"
        key = f"{relation.source} {arrow} {relation.target}"
        return f"{key}: {quote(relation.label)}" if relation.label else key
    pairs = [("from", quote(relation.source)), ("to", quote(relation.target))]
    if relation.kind is not RelationKind.SYNC:
        pairs.append(("kind", relation.kind.value))
    if relation.label:
        pairs.append(("label", quote(relation.label)))
    if relation.technology:
        pairs.append(("technology", quote(relation.technology)))
    if relation.description:
        pairs.append(("description", quote(relation.description)))
    if relation.tags:
        pairs.append(("tags", _strings(relation.tags)))
    return flow_mapping(pairs)


def entry_lines(pairs: list[tuple[str, str]], indent: str) -> list[str]:
    """One list entry: a flow mapping on one line when it fits, else one key per line."""
    return _entry(pairs, indent)


def _entry(pairs: list[tuple[str, str]], indent: str, block: bool = False) -> list[str]:
    if not block and not any(isinstance(value, Literal) for _key, value in pairs):
        line = f"{indent}- {flow_mapping(pairs)}"
        if len(line) <= LINE_LENGTH:
            return [line]
    lines = []
    for number, (key, value) in enumerate(pairs):
        lead = f"{indent}- " if number == 0 else f"{indent}  "
        lines.append(f"{lead}{quote(key)}: {_value(value, indent + '  ')}")
    return lines


def _common_pairs(tags: list[str], properties: dict[str, PropertyValue], links: dict[str, str],
                  iac: list[str]) -> list[tuple[str, str]]:
    pairs = []
    if tags:
        pairs.append(("tags", _strings(tags)))
    if properties:
        pairs.append(("properties", flow_mapping((key, scalar(properties[key])) for key in sorted(properties))))
    if links:
        pairs.append(("links", flow_mapping((key, quote(links[key])) for key in sorted(links))))
    if iac:
        pairs.append(("iac", _strings(iac, sort=False)))
    return pairs


def _view_pairs(view: DraftView) -> list[tuple[str, str]]:
    pairs = [("id", quote(view.id))]
    if view.title:
        pairs.append(("title", quote(view.title)))
    if view.description:
        pairs.append(("description", _text(view.description)))
    if view.focus:
        pairs.append(("focus", _strings([s.text for s in view.focus], sort=False)))
        if view.depth != 1:
            pairs.append(("depth", str(view.depth)))
    else:
        pairs.append(("include", _strings([s.text for s in view.include] or ["*"], sort=False)))
    if view.exclude:
        pairs.append(("exclude", _strings([s.text for s in view.exclude], sort=False)))
    if view.direction != "LR":
        pairs.append(("direction", quote(view.direction)))
    return pairs


def _groups(groups: list[DraftGroup]) -> list[str]:
    """The group tree, children under their parent's `groups:`; deeper than NESTING_LIMIT (or with a
    parent that is not in the tree) at the top level with `in:`. Walked with an explicit stack."""
    by_id = {group.id: group for group in groups}
    children: dict[str | None, list[DraftGroup]] = {}
    for group in groups:
        parent = group.parent if group.parent in by_id and group.parent != group.id else None
        children.setdefault(parent, []).append(group)
    lines: list[str] = []
    written: set[str] = set()
    flat: list[DraftGroup] = []
    stack: list[tuple[DraftGroup, int]] = [(g, 0) for g in sorted(children.get(None, []), key=lambda g: g.id)][::-1]
    while stack:
        group, depth = stack.pop()
        written.add(group.id)
        indent = INDENT * (1 + 2 * depth)
        kids = [kid for kid in sorted(children.get(group.id, []), key=lambda g: g.id) if kid.id not in written]
        nested = kids if depth + 1 < NESTING_LIMIT else []
        flat += [kid for kid in kids if kid not in nested]
        lines += _entry(group_pairs(group, parent_written=depth > 0), indent, block=bool(nested))
        if nested:
            lines.append(f"{indent}  groups:")
            stack += [(kid, depth + 1) for kid in reversed(nested)]
    pending = flat + [g for g in groups if g.id not in written and g not in flat]  # cycles, deep chains
    while pending:
        group = pending.pop(0)
        if group.id in written:
            continue
        written.add(group.id)
        lines += _entry(group_pairs(group), INDENT)
        pending += [kid for kid in sorted(children.get(group.id, []), key=lambda g: g.id) if kid.id not in written]
    return lines


def _strings(values: Iterable[str], sort: bool = True) -> str:
    items = sorted(set(values)) if sort else list(values)
    return "[" + ", ".join(quote(item) for item in items) + "]"


class Literal(str):
    """Free text written as a literal block (`|-`); the entry holding it is written one key per line."""


def _text(text: str) -> str:
    """Free text: a literal block for several lines of printable text, a quoted scalar otherwise."""
    lines = text.split("\n")
    if (len(lines) > 1 and not text.endswith("\n") and not lines[0][:1].isspace()
            and not any(_unprintable(char) for char in text if char != "\n")
            and all(line == line.rstrip() for line in lines)):
        return Literal(text)
    return quote(text)


def _value(value: str, key_indent: str) -> str:
    if isinstance(value, Literal):
        return "|-\n" + "\n".join(f"{key_indent}{INDENT}{line}" if line else "" for line in value.split("\n"))
    return value
