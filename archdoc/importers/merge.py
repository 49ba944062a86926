"""`archdoc import --into MODEL`: a new import merged into a model that stays authoritative.

The model file is never re-serialised: ruamel.yaml's parser (the round-trip library's, which
keeps exact marks) finds where the `groups`, `elements` and `relations` lists end, and the new
entries, written by the model writer, are inserted there as text. Every comment, blank line,
quote and flow mapping a person wrote stays byte for byte (a full round-trip dump was measured
to drop a comment after a flow mapping and to rewrite `[{id: a}]` as `[id: a]`). The merged
text is read back with archdoc's loader before it is returned.
Entries are matched by their source identity: `properties.source_id` (Backstage, Mermaid,
Structurizr) or any shared `iac:` address (CloudFormation, Terraform). A matched entry is
left exactly as the model has it (its id, label, kind, group, layer, description); the
draft's relations between matched elements are added only when the model has no relation
between the two; what the source no longer has is reported (AD610), never deleted.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from archdoc.importers.base import IMPORTED_TAG, SOURCE_ID, IdAllocator, SourceError, problem, read_source
from archdoc.importers.write import element_pairs, entry_lines, group_pairs, relation_text
from archdoc.load import import_codes as codes
from archdoc.load import load_paths
from archdoc.load.draft import DraftElement, DraftGroup, DraftModel
from archdoc.model import Model, Problem, SourceSpan


@dataclass
class MergeResult:
    text: str | None  # None: the model could not be merged into (see problems)
    problems: list[Problem] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # ids of the elements and groups added


LISTS = ("groups", "elements", "relations")


@dataclass
class _Place:
    """Where a top-level list is written, and where new entries go into it."""

    flow: bool
    empty: bool
    start: int  # offset of `[`, or of the first `-`
    insert: int  # offset of `]`, or of the line after the list's last content
    indent: int  # column of the first `-` (block lists)


def merge_into(model_path: Path, draft: DraftModel, format_name: str) -> MergeResult:
    display = os.path.normpath(str(model_path))
    result = MergeResult(None)
    try:
        text = read_source(model_path)
    except SourceError as error:
        result.problems.append(problem(codes.MERGE_UNREADABLE, f"{error.message}; nothing merged",
                                       SourceSpan(display, error.line, error.column)))
        return result
    loaded = load_paths([model_path])
    if loaded.unreadable or len(loaded.models) != 1:
        result.problems += [p for p in loaded.problems if p.is_error]
        result.problems.append(problem(codes.MERGE_UNREADABLE, "cannot be read as a model; nothing merged",
                                       SourceSpan(display, 1, 1)))
        return result
    try:  # the file passed archdoc's bounded loader first: no tags, no deep nesting, no alias bombs
        places, keys = _places(text)
    except (YAMLError, _NotAList) as error:
        result.problems.append(problem(codes.MERGE_UNREADABLE, f"cannot be edited: {error}; nothing merged",
                                       SourceSpan(display, 1, 1)))
        return result
    model = loaded.models[0]
    additions = _additions(model, draft, format_name, result)
    merged = _insert(text, places, keys, additions)
    check = _read_back(model_path, merged, model, result.added)
    if check is not None:
        result.problems.append(problem(codes.MERGE_UNREADABLE, f"the merged model would not read back the same "
                                       f"({check}); nothing written", SourceSpan(display, 1, 1)))
        return result
    result.text = merged
    return result


class _NotAList(Exception):
    pass


def _places(text: str) -> tuple[dict[str, _Place], dict[str, int]]:
    """The places of the top-level lists, and the offset of every top-level key's line."""
    places: dict[str, _Place] = {}
    keys: dict[str, int] = {}
    stack: list[list[Any]] = []  # [is_mapping, is_flow, expects_key]
    tracking: str | None = None
    tracked_depth = 0
    last_end: Any = None
    items = 0
    pending_key: str | None = None
    for event in YAML(typ="rt").parse(text):
        name = type(event).__name__
        if name in ("ScalarEvent", "AliasEvent", "MappingStartEvent", "SequenceStartEvent"):
            top = stack[-1] if stack else None
            is_key = top is not None and top[0] and top[2]
            if top is not None and top[0]:
                top[2] = not top[2]
            if len(stack) == 1 and is_key and name == "ScalarEvent":
                pending_key = str(event.value)
                keys.setdefault(pending_key, event.start_mark.index - event.start_mark.column)
            elif len(stack) == 1 and pending_key in LISTS and not is_key:
                if name != "SequenceStartEvent":
                    if name == "ScalarEvent" and event.value == "" and event.tag is None:
                        pass  # `relations:` with nothing after it: handled as a missing list
                    else:
                        raise _NotAList(f"`{pending_key}` is not a list")
                else:
                    tracking, tracked_depth, items, last_end = pending_key, len(stack) + 1, 0, None
                    places[tracking] = _Place(bool(event.flow_style), True, event.start_mark.index, 0,
                                              event.start_mark.column)
            elif tracking is not None and len(stack) == tracked_depth:
                items += 1
            if name in ("ScalarEvent", "AliasEvent"):
                last_end = event.end_mark if tracking else last_end
            else:
                stack.append([name == "MappingStartEvent", bool(event.flow_style), True])
        elif name in ("MappingEndEvent", "SequenceEndEvent"):
            _is_mapping, is_flow, _expects = stack.pop()
            if tracking is not None and len(stack) + 1 == tracked_depth:
                place = places[tracking]
                place.empty = items == 0
                place.insert = event.start_mark.index if place.flow else _line_after(text, last_end)
                tracking = None
            elif tracking is not None and is_flow:
                last_end = event.end_mark
    return places, keys


def _line_after(text: str, mark: Any) -> int:
    if mark is None:
        return len(text)
    if mark.column == 0:  # a block scalar ends at the start of the next line
        return int(mark.index)
    newline = text.find("\n", mark.index)
    return len(text) if newline < 0 else newline + 1


@dataclass
class _Additions:
    groups: list[list[str]] = field(default_factory=list)  # each entry's lines, indented from column 0
    elements: list[list[str]] = field(default_factory=list)
    relations: list[list[str]] = field(default_factory=list)


def _additions(model: Model, draft: DraftModel, format_name: str, result: MergeResult) -> _Additions:
    prefix = f"{format_name}:"
    known: dict[str, str] = {}  # source identity -> model id
    spans: dict[str, SourceSpan] = {}
    for entry in (*model.groups, *model.elements):
        for identity in _identities(entry.properties.get(SOURCE_ID), getattr(entry, "iac", ())):
            if identity in known and known[identity] != entry.id:
                result.problems.append(problem(codes.MERGE_DUPLICATE_SOURCE, f"'{entry.id}' claims the source "
                                               f"'{identity}' that '{known[identity]}' claims first", entry.span,
                                               entry.id))
                continue
            known.setdefault(identity, entry.id)
            spans.setdefault(entry.id, entry.span)
    ids = IdAllocator({entry.id for entry in (*model.groups, *model.elements)})
    id_map: dict[str, str] = {}
    seen: set[str] = set()
    new_groups: list[DraftGroup] = []
    new_elements: list[DraftElement] = []
    for entry in (*draft.groups, *draft.elements):
        identities = _identities(entry.properties.get(SOURCE_ID), entry.iac)
        seen.update(identities)
        matched = next((known[i] for i in identities if i in known), None)
        if matched is not None:
            id_map[entry.id] = matched
            continue
        id_map[entry.id] = ids.id_for(entry.id, entry.id)
        if isinstance(entry, DraftGroup):
            new_groups.append(entry)
        else:
            new_elements.append(entry)
    additions = _Additions()
    for group in new_groups:
        added_group = replace(group, id=id_map[group.id], parent=id_map.get(group.parent) if group.parent else None,
                              tags=sorted({*group.tags, IMPORTED_TAG}))
        additions.groups.append(entry_lines(group_pairs(added_group), ""))
        result.added.append(added_group.id)
    for element in new_elements:
        added_element = replace(element, id=id_map[element.id], group=id_map.get(element.group) if element.group
                                else None, tags=sorted({*element.tags, IMPORTED_TAG}))
        additions.elements.append(entry_lines(element_pairs(added_element), ""))
        result.added.append(added_element.id)
    groups = {group.id for group in model.groups} | {id_map[g.id] for g in new_groups}
    pairs = {(relation.source, relation.target) for relation in model.relations}
    drawn: set[tuple[str, str]] = set()
    for relation in draft.relations:
        source, target = id_map.get(relation.source), id_map.get(relation.target)
        if source is None or target is None or source in groups or target in groups:
            continue
        drawn.add((source, target))
        if (source, target) not in pairs:
            pairs.add((source, target))
            added_relation = replace(relation, source=source, target=target,
                                     tags=sorted({*relation.tags, IMPORTED_TAG}))
            additions.relations.append([f"- {relation_text(added_relation)}"])
    _report_vanished(model, prefix, known, seen, spans, drawn, result.problems)
    return additions


def _insert(text: str, places: dict[str, _Place], keys: dict[str, int], additions: _Additions) -> str:
    """The model text with the new entries inserted, everything else unchanged."""
    newline = "\r\n" if "\r\n" in text else "\n"
    edits: list[tuple[int, int, int, str]] = []  # (start, end, order, replacement)
    end_of_text = len(text)
    for order, key in enumerate(LISTS):
        entries: list[list[str]] = getattr(additions, key)
        if not entries:
            continue
        place = places.get(key)
        if place is not None and place.flow and not place.empty:
            flat = ", ".join(line.removeprefix("- ").strip() for lines in entries for line in _one_line(lines))
            edits.append((place.insert, place.insert, order, ", " + flat))
            continue
        indent = " " * (place.indent if place is not None and not place.flow else 2)
        block = newline.join(indent + line for lines in entries for line in lines) + newline
        if place is not None and place.flow:  # `relations: []`: the empty list becomes a block list
            edits.append((place.start, place.insert + 1, order, newline + block.rstrip("\r\n")))
        elif place is not None:
            lead = "" if place.insert == 0 or text[place.insert - 1] == "\n" else newline
            edits.append((place.insert, place.insert, order, lead + block))
        else:
            where = _missing_place(key, places, keys, end_of_text)
            lead = "" if where == 0 or text[where - 1] == "\n" else newline
            edits.append((where, where, order, f"{lead}{key}:{newline}{block}"))
    for start, end, _order, replacement in sorted(edits, key=lambda e: (e[0], e[2]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _missing_place(key: str, places: dict[str, _Place], keys: dict[str, int], end_of_text: int) -> int:
    """Where a list the model does not have yet goes: groups before elements, relations after them."""
    if key == "groups" and "elements" in keys:
        return keys["elements"]
    if key == "relations" and "elements" in places and not places["elements"].flow:
        return places["elements"].insert
    return end_of_text


def _one_line(lines: list[str]) -> list[str]:
    """An entry for a flow list: its flow mapping on one line."""
    if len(lines) == 1:
        return lines
    pairs = [line.strip().removeprefix("- ").split(": ", 1) for line in lines]
    return ["{" + ", ".join(f"{key}: {value}" for key, value in pairs) + "}"]


def _read_back(model_path: Path, merged: str, before: Model, added: list[str]) -> str | None:
    """Why the merged text does not read back as the model plus the added entries, or None when it does."""
    handle, temporary = tempfile.mkstemp(prefix=f".{model_path.name}.", suffix=".merge.yaml", dir=model_path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(merged)
        loaded = load_paths([Path(temporary)])
    finally:
        os.unlink(temporary)
    if loaded.unreadable or len(loaded.models) != 1:
        return "it cannot be read"
    after = loaded.models[0]
    old = {(e.id, e.label, e.kind, e.group) for e in (*before.elements,)}
    new = {(e.id, e.label, e.kind, e.group) for e in (*after.elements,)}
    if not old <= new:
        return f"elements changed: {sorted(old - new)[:3]}"
    if not {g.id for g in before.groups} <= {g.id for g in after.groups}:
        return "groups changed"
    missing = set(added) - {e.id for e in (*after.elements, *after.groups)}
    if missing:
        return f"added entries missing: {sorted(missing)[:3]}"
    if not {(r.source, r.target) for r in before.relations} <= {(r.source, r.target) for r in after.relations}:
        return "relations changed"
    return None


def _identities(source: object, iac: tuple[str, ...] | list[str]) -> list[str]:
    found = [source] if isinstance(source, str) and source else []
    return found + [f"iac:{address}" for address in iac]


def _report_vanished(model: Model, prefix: str, known: dict[str, str], seen: set[str],
                     spans: dict[str, SourceSpan], drawn: set[tuple[str, str]], problems: list[Problem]) -> None:
    """Warn about entries (and imported relations) of the model that the new import no longer has."""
    iac_format = prefix in ("cloudformation:", "terraform:")
    from_source: dict[str, list[str]] = {}
    for identity, model_id in known.items():
        if identity.startswith(prefix) or (iac_format and identity.startswith("iac:")):
            from_source.setdefault(model_id, []).append(identity)
    for model_id in sorted(from_source, key=lambda i: (spans[i].path, spans[i].line, spans[i].column)):
        identities = from_source[model_id]
        if not any(identity in seen for identity in identities):
            problems.append(problem(codes.VANISHED, f"'{model_id}' came from {identities[0]}, which the source no "
                                    "longer has; kept in the model (remove it by hand if it is gone)",
                                    spans[model_id], model_id))
    for relation in model.relations:
        if IMPORTED_TAG in relation.tags and relation.source in from_source and relation.target in from_source \
                and (relation.source, relation.target) not in drawn:
            problems.append(problem(codes.VANISHED, f"the imported relation {relation.source} -> {relation.target} is "
                                    "no longer in the source; kept in the model", relation.span))
