"""The YAML reader: a model file or fragment, as located nodes, into a draft model.

Each value is read as its schema field's type says (`archdoc.load.values`); shapes and
scalar types are checked here, with the position of the node that is wrong. Nothing is
cross-checked: ids, references, includes and kinds are the resolve step's.
"""

from __future__ import annotations

import re
from pathlib import Path

from archdoc.load import codes, schema
from archdoc.load.draft import (
    DraftDocument,
    DraftElement,
    DraftFlow,
    DraftGroup,
    DraftIgnore,
    DraftInclude,
    DraftLayer,
    DraftModel,
    DraftRelation,
    DraftRules,
    DraftStep,
    DraftView,
)
from archdoc.load.files import SourceFile, read_text
from archdoc.load.values import TEXT_NULLS, Fields, Reader, is_id, located, node_name, plain_string
from archdoc.load.yamlnodes import STR, AnyNode, MappingNode, ReadError, ScalarNode, SequenceNode, parse
from archdoc.model import Problem, RelationKind, RuleOption, Selector, Severity, SourceSpan

SHORT_RELATION = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_-]*)\s*(->|\.\.>)\s*([A-Za-z][A-Za-z0-9_-]*)\s*$")
_SHORT_WITH_LABEL = re.compile(
    r"^\s*([A-Za-z][A-Za-z0-9_-]*)\s*(->|\.\.>)\s*([A-Za-z][A-Za-z0-9_-]*)\s*(?::\s?(.*))?$", re.DOTALL
)
_SLUG = re.compile(schema.SLUG_PATTERN)
RULE_CODE = re.compile(schema.RULE_CODE_PATTERN)
_CORE_RULE_KEYS = frozenset(schema.RULES.keys)


def read_document(source: SourceFile, problems: list[Problem], model_id: str | None) -> AnyNode | None:
    """Read and parse one file; unreadable input becomes a problem and None."""
    try:
        text = read_text(source.path)
        duplicates: list[ReadError] = []
        node = parse(text, duplicates)
    except ReadError as error:
        message = error.message
        if error.code in (codes.UNREADABLE_FILE, codes.NOT_UTF8, codes.FILE_TOO_LARGE):
            message = f"{Path(source.display).name} {message}"
        problems.append(Problem(error.code, Severity.ERROR, message,
                                SourceSpan(source.display, error.line, error.column), model_id))
        return None
    for duplicate in duplicates:
        problems.append(Problem(duplicate.code, Severity.ERROR, duplicate.message,
                                SourceSpan(source.display, duplicate.line, duplicate.column), model_id))
    if node is None:
        problems.append(Problem(codes.EMPTY_FILE, Severity.ERROR,
                                "the file is empty; a model needs at least `elements`",
                                SourceSpan(source.display, 1, 1), model_id))
    return node


def read_model(source: SourceFile, problems: list[Problem]) -> DraftModel | None:
    """A model file as a draft; None when it cannot be read or is not a mapping at all."""
    stem_id = Path(source.display).stem
    node = read_document(source, problems, stem_id)
    if node is None:
        return None
    reader = Reader(source.display, problems, stem_id)
    if type(node) is not MappingNode:
        reader.report(codes.WRONG_TYPE, "a model file must be a mapping with at least `elements`", node)
        return None
    fields = reader.record(node, schema.MODEL)
    assert fields is not None
    draft = DraftModel(path=source.display, span=reader.span(node))
    version = fields.get("archdoc")
    if version is not None and not (type(version) is ScalarNode and version.value.strip() == "1"):
        reader.report(codes.UNSUPPORTED_VERSION,
                      f"unsupported format version {version.value if type(version) is ScalarNode else ''}:"
                               " this archdoc reads version 1", version)
    draft.id = _model_id(reader, fields, stem_id)
    reader.model_id = draft.id or stem_id
    _document(reader, fields, draft)
    draft.title = fields.read("title") or ""
    draft.description = fields.read("description") or ""
    draft.tags = list(fields.read("tags"))
    draft.owner = fields.read("owner") or ""
    draft.links = fields.read("links")
    draft.iac = _paths(reader, fields.get("iac"))
    draft.docs = _paths(reader, fields.get("docs"))
    draft.rules = _rules(reader, fields.get("rules"))
    return draft


def read_fragment(source: SourceFile, problems: list[Problem], model_id: str | None) -> DraftDocument | None:
    """A fragment as a draft document (its keys checked; references are checked where it is included)."""
    node = read_document(source, problems, model_id)
    if node is None:
        return None
    reader = Reader(source.display, problems, model_id)
    document = DraftDocument(path=source.display, span=reader.span(node))
    if type(node) is not MappingNode:
        reader.report(codes.WRONG_TYPE, f"a {schema.FRAGMENT.name} must be a mapping", node)
        return document
    fields = reader.record(node, schema.FRAGMENT)
    if fields is not None:
        _document(reader, fields, document)
    return document


def _model_id(reader: Reader, fields: Fields, stem_id: str) -> str | None:
    id_node = fields.get("id")
    if id_node is not None:
        written = reader.string(id_node, "a model id")
        if written is not None and not _SLUG.match(written):
            reader.report(codes.INVALID_ID,
                          f"model id '{written}' must be a slug: lowercase letters, digits and '-'", id_node)
        elif written is not None:
            return written
        return None
    if not _SLUG.match(stem_id):
        reader.report(codes.INVALID_ID, f"the model id defaults to the file name '{stem_id}', which is not a slug "
                               "(lowercase letters, digits, '-'): set `id:`", fields.node)
    return None


def _paths(reader: Reader, node: AnyNode | None) -> list[tuple[str, SourceSpan]]:
    if node is None:
        return []
    items = [node] if type(node) is ScalarNode else reader.items(node, "paths")
    found: list[tuple[str, SourceSpan]] = []
    for item in items:
        written = reader.string(item, "a path")
        if written is not None:
            found.append((written, reader.span(item)))
    return found


def _document(reader: Reader, fields: Fields, document: DraftDocument) -> None:
    """The entries of a model or fragment, in the order written."""
    document.includes = [DraftInclude(path, span) for path, span in _paths(reader, fields.get("include"))]
    document.layers = [_layer(reader, record) for record in fields.read("layers")]
    for record in fields.read("groups"):
        _group(reader, record, None, document.groups)
    if (elements := fields.get("elements")) is not None:
        for item in reader.each(elements, "elements"):
            element = _plain_element(reader, item)
            if element is None and (record := reader.record(item, schema.ELEMENT)) is not None:
                element = _element(reader, record)
            if element is not None:
                document.elements.append(element)
    if (relations := fields.get("relations")) is not None:
        for item in reader.each(relations, "relations"):
            if (relation := _short_relation(reader, item)) is not None:
                document.relations.append(relation)
                continue
            parsed = _arrow(reader, item, schema.RELATION, "relation")
            if parsed is not None:
                source, target, label, kind, more = parsed
                document.relations.append(DraftRelation(
                    source, target, reader.span(item), label, kind,
                    technology=more.read("technology") or "" if more else "",
                    description=more.read("description") or "" if more else "",
                    tags=list(more.read("tags")) if more else [],
                ))
    document.views = [v for v in (_view(reader, record) for record in fields.read("views")) if v]
    document.flows = [f for f in (_flow(reader, record) for record in fields.read("flows")) if f]


def _layer(reader: Reader, fields: Fields) -> DraftLayer:
    layer_id = fields.read("id") or f"?{fields.node.line}"
    return DraftLayer(layer_id, fields.span(), fields.read("title"), fields.read("description") or "",
                      bool(fields.read("cross_cutting")))


def _spans(path: str, nodes: dict[str, AnyNode], names: tuple[str, ...],
           properties: dict[str, SourceSpan]) -> dict[str, SourceSpan]:
    """Where the named fields (those present) and each property were written, in that order."""
    spans: dict[str, SourceSpan] = {}
    for name in names:
        node = nodes.get(name)
        if node is not None:
            spans[name] = located(path, node.line, node.column)
    for key, span in properties.items():
        spans[f"properties.{key}"] = span
    return spans


def _group(reader: Reader, fields: Fields, parent: str | None, groups: list[DraftGroup]) -> None:
    group_id = fields.read("id")
    declared_parent = fields.read("in")
    if parent is not None and declared_parent is not None and declared_parent != parent:
        reader.report(codes.GROUP_NOT_A_TREE,
                      f"group '{group_id}' is nested in '{parent}' but says `in: {declared_parent}`",
                      fields.nodes["in"], element=group_id)
    if group_id is not None:
        kind = fields.read("kind")
        properties, property_spans = fields.read("properties")
        groups.append(DraftGroup(
            id=group_id, span=fields.span(), kind=kind, label=fields.read("label"),
            parent=parent if parent is not None else declared_parent, nested_in=parent,
            description=fields.read("description") or "", tags=list(fields.read("tags")),
            properties=properties, links=fields.read("links"), iac=list(fields.read("iac")),
            owner=fields.read("owner") or "", view=fields.read("view"), docs=_paths(reader, fields.get("docs")),
            spans=_spans(reader.path, fields.nodes, ("kind", "in", "view"), property_spans),
        ))
    for child in fields.read("groups"):
        _group(reader, child, group_id, groups)


def _element(reader: Reader, fields: Fields) -> DraftElement | None:
    element_id = fields.read("id")
    if element_id is None:
        return None
    kind = fields.read("kind")
    properties, property_spans = fields.read("properties")
    return DraftElement(
        id=element_id, span=fields.span(), kind=kind, label=fields.read("label"),
        description=fields.read("description") or "", layer=fields.read("layer"), group=fields.read("in"),
        tags=list(fields.read("tags")), technology=fields.read("technology") or "", properties=properties,
        links=fields.read("links"), iac=list(fields.read("iac")), owner=fields.read("owner") or "",
        view=fields.read("view"), docs=_paths(reader, fields.get("docs")),
        spans=_spans(reader.path, fields.nodes, _ELEMENT_SPANS, property_spans),
    )


_ELEMENT_SPANS = ("kind", "layer", "in", "view")  # the fields whose place an element keeps (and in this order)

# How the one-pass element reader takes each key it knows; any other key (links, docs, or one
# that is unknown) leaves the element to the general reader.
_AS_ID, _AS_STRING, _AS_TEXT, _AS_STRINGS, _AS_PROPERTIES = "id", "string", "text", "strings", "properties"
_PLAIN_ELEMENT_KEYS: dict[str, str] = {
    "id": _AS_ID, "layer": _AS_ID, "in": _AS_ID, "kind": _AS_STRING, "view": _AS_STRING, "label": _AS_TEXT,
    "description": _AS_TEXT, "technology": _AS_TEXT, "owner": _AS_TEXT, "tags": _AS_STRINGS, "iac": _AS_STRINGS,
    "properties": _AS_PROPERTIES,
}


def _plain_element(reader: Reader, node: AnyNode) -> DraftElement | None:
    """An element of the shape nearly all elements have, read in one pass over its keys.

    Every key must be one of `_PLAIN_ELEMENT_KEYS` and every value plainly right for its field: a
    string where the field wants one (a valid id for `id`, `layer` and `in`), a scalar for text, a
    string or a list of strings for `tags` and `iac`. Anything else gives None and the element is
    read by `_element`, the one place its messages come from. Only `properties` may report
    here, and it is read after everything else has been found right, so the findings and their
    order are the general reader's. The draft is the one `_element` would make: on a model of
    50,000 elements this takes a few calls per element where the field-by-field reads took a dozen.
    """
    if type(node) is not MappingNode:
        return None
    values: dict[str, object] = {}
    nodes: dict[str, AnyNode] = {}
    for key, value in node.pairs:
        name = key.value
        how = _PLAIN_ELEMENT_KEYS.get(name)
        if how is None:
            return None
        nodes[name] = value
        if how == _AS_ID or how == _AS_STRING:
            if type(value) is not ScalarNode or value.type_tag != STR:  # as `plain_string`, inline
                return None
            if how == _AS_ID and not is_id(value.value):
                return None
            values[name] = value.value
        elif how == _AS_TEXT:
            if type(value) is not ScalarNode:
                return None
            values[name] = None if value.plain and value.value in TEXT_NULLS else value.value
        elif how == _AS_STRINGS:
            strings = _plain_strings(value)
            if strings is None:
                return None
            values[name] = strings
    element_id = values.get("id")
    if element_id is None:
        return None
    properties, property_spans = reader.properties(nodes.get("properties"))  # last: the one read that may report
    get = values.get
    # Every field in DraftElement's order, given positionally (16 keywords cost a third of the call).
    return DraftElement(
        element_id, reader.span(node), get("kind"), get("label"), get("description") or "",  # type: ignore[arg-type]
        get("layer"), get("in"), get("tags") or [], get("technology") or "", properties, {},  # type: ignore[arg-type]
        get("iac") or [], get("owner") or "", get("view"), [],  # type: ignore[arg-type]
        _spans(reader.path, nodes, _ELEMENT_SPANS, property_spans),
    )


def _plain_strings(node: AnyNode) -> list[str] | None:
    """A string or a list of strings as a list (what `Reader.strings` reads without a finding); None otherwise."""
    if type(node) is ScalarNode:
        text = plain_string(node)
        return None if text is None else [text]
    if type(node) is not SequenceNode:
        return None
    strings = [plain_string(item) for item in node.items]
    return None if None in strings else strings  # type: ignore[return-value]


def _view(reader: Reader, fields: Fields) -> DraftView | None:
    view_id = fields.read("id")
    if view_id is None:
        return None
    focus = list(fields.read("focus"))
    include = list(fields.read("include"))
    if not include and not focus and "include" not in fields:
        include = [Selector("*", "*", "*", False, fields.span())]
    depth = fields.read("depth")
    return DraftView(
        id=view_id, span=fields.span(), title=fields.read("title"), include=include,
        exclude=list(fields.read("exclude")), focus=focus, depth=1 if depth is None else depth,
        direction=fields.read("direction") or "LR", description=fields.read("description") or "",
    )


def _flow(reader: Reader, fields: Fields) -> DraftFlow | None:
    flow_id = fields.read("id")
    if flow_id is None:
        return None
    steps: list[DraftStep] = []
    if (steps_node := fields.get("steps")) is not None:
        for item in reader.items(steps_node, "steps"):
            parsed = _arrow(reader, item, schema.STEP, "step")
            if parsed is not None:
                source, target, label, kind, _more = parsed
                steps.append(DraftStep(source, target, reader.span(item), label, kind))
    return DraftFlow(flow_id, fields.span(), fields.read("title"), steps, fields.read("description") or "")


def _arrow(reader: Reader, node: AnyNode, spec: schema.Spec, what: str
           ) -> tuple[str, str, str, RelationKind, Fields | None] | None:
    """A relation or step in any of its forms: `a -> b: label`, `{a ..> b: label}` or long form."""
    if type(node) is ScalarNode:
        text = reader.string(node, f"a {what}")
        match = _SHORT_WITH_LABEL.match(text or "")
        if text is not None and match is None:
            reader.report(codes.INVALID_RELATION,
                          f"'{text}' is not a {what}: write 'a -> b', 'a ..> b' or 'a -> b: label'", node)
        if match is None:
            return None
        return (*_short_form(match), None)
    if type(node) is MappingNode and len(node.pairs) == 1 and node.pairs[0][0].value not in spec.by_name:
        key, value = node.pairs[0]
        match = SHORT_RELATION.match(key.value)
        if match is None:
            reader.report(codes.INVALID_RELATION,
                          f"'{key.value}' is not a {what}: write 'a -> b: label' or a mapping with from/to",
                          key)
            return None
        label = "" if type(value) is ScalarNode and value.plain and value.value in ("", "~", "null") else (
            reader.text(value) or "")
        source, arrow, target = match.groups()
        return source, target, label, _ARROW_KINDS[arrow], None
    fields = reader.record(node, spec)
    if fields is None:
        return None
    source, target = fields.read("from"), fields.read("to")
    if source is None or target is None:
        return None
    return source, target, fields.read("label") or "", RelationKind(fields.read("kind") or "sync"), fields


def _short_relation(reader: Reader, node: AnyNode) -> DraftRelation | None:
    """A relation in a short form without a finding, as nearly all are written, read without
    `_arrow`'s steps: `- a -> b: label` (YAML reads a mapping of one key; the label a scalar) or
    `- a -> b`. None for anything else, which `_arrow` reads, with its messages."""
    if type(node) is MappingNode:
        if len(node.pairs) != 1:
            return None
        key, value = node.pairs[0]
        match = SHORT_RELATION.match(key.value)
        if match is None or type(value) is not ScalarNode:
            return None
        source, arrow, target = match.groups()
        label = "" if value.plain and value.value in TEXT_NULLS else value.value
        return DraftRelation(source, target, reader.span(node), label, _ARROW_KINDS[arrow])
    text = plain_string(node)
    match = None if text is None else _SHORT_WITH_LABEL.match(text)
    if match is None:
        return None
    source, target, label, kind = _short_form(match)
    return DraftRelation(source, target, reader.span(node), label, kind)


_ARROW_KINDS = {"->": RelationKind.SYNC, "..>": RelationKind.ASYNC}


def _short_form(match: re.Match[str]) -> tuple[str, str, str, RelationKind]:
    """Source, target, label and kind of a relation or step written `a -> b: label` or `a ..> b: label`."""
    source, arrow, target, label = match.groups()
    return source, target, (label or "").strip(), _ARROW_KINDS[arrow]


def _rules(reader: Reader, node: AnyNode | None) -> DraftRules:
    """archdoc's own `rules:` keys; every other key is a rule's option, kept for that rule to read."""
    if node is None:
        return DraftRules()
    if type(node) is not MappingNode:
        reader.report(codes.WRONG_TYPE, f"expected a mapping ({schema.RULES.name}), found {node_name(node)}", node)
        return DraftRules()
    rules = DraftRules(span=reader.span(node))
    core = MappingNode(node.line, node.column)
    core.pairs = [(key, value) for key, value in node.pairs if key.value in _CORE_RULE_KEYS]
    fields = reader.record(core, schema.RULES)
    assert fields is not None
    for key, value in node.pairs:
        if key.value not in _CORE_RULE_KEYS:
            rules.options[key.value] = RuleOption(key.value, reader.path, value, reader.span(key))
    if (severity_node := fields.get("severity")) is not None:
        if type(severity_node) is not MappingNode:
            reader.report(codes.WRONG_TYPE, "expected a mapping of rule codes to severities, e.g. {AD204: error}",
                          severity_node)
        else:
            for code_node, value in severity_node.pairs:
                if not RULE_CODE.match(code_node.value):
                    reader.report(codes.UNKNOWN_RULE_CODE,
                                  f"'{code_node.value}' is not a rule code (AD followed by three digits)", code_node)
                    continue
                level = reader.choice(value, schema.SEVERITIES, "severity")
                if level is not None:
                    rules.severity[code_node.value] = (Severity(level), reader.span(code_node))
    for record in fields.read("ignore"):
        ignore = _ignore(reader, record)
        if ignore is not None:
            rules.ignore.append(ignore)
    return rules


def _ignore(reader: Reader, fields: Fields) -> DraftIgnore | None:
    rule = fields.read("rule")
    if rule is not None and not RULE_CODE.match(rule):
        reader.report(codes.UNKNOWN_RULE_CODE, f"'{rule}' is not a rule code (AD followed by three digits)",
                      fields.nodes["rule"])
        rule = None
    reason = reader.reason(fields.get("reason"))
    element = fields.read("element")
    relation: tuple[str, str] | None = None
    if (relation_node := fields.get("relation")) is not None:
        written = fields.read("relation")
        match = SHORT_RELATION.match(written or "")
        if written is not None and match is None:
            reader.report(codes.INVALID_RELATION, f"'{written}' is not a relation: write 'a -> b'", relation_node)
        elif match is not None:
            relation = (match.group(1), match.group(3))
    if rule is None or not reason:
        return None
    return DraftIgnore(rule, reason, fields.span(), element, fields.span("element") if element else None, relation)
