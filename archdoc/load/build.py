"""From located nodes to a Model: includes merged, kinds resolved, references checked."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from archdoc.load import schema
from archdoc.load.files import ReadError, SourceFile, read_text, resolve_include
from archdoc.load.kinds import KindCatalogue
from archdoc.load.reader import Reader
from archdoc.load.yamlnodes import AnyNode, MappingNode, ScalarNode, YamlReadError, parse
from archdoc.model import (
    Element,
    Flow,
    Forbid,
    Group,
    Ignore,
    Layer,
    LayerAllow,
    Layering,
    Model,
    Problem,
    Relation,
    RelationKind,
    RequirePath,
    Rules,
    Selector,
    Severity,
    SourceSpan,
    Step,
    View,
)

_SHORT_RELATION = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_-]*)\s*(->|\.\.>)\s*([A-Za-z][A-Za-z0-9_-]*)\s*$")
_SHORT_WITH_LABEL = re.compile(
    r"^\s*([A-Za-z][A-Za-z0-9_-]*)\s*(->|\.\.>)\s*([A-Za-z][A-Za-z0-9_-]*)\s*(?::\s?(.*))?$", re.DOTALL
)
_SLUG = re.compile(schema.SLUG_PATTERN)
_RULE_CODE = re.compile(schema.RULE_CODE_PATTERN)


def read_document(source: SourceFile, problems: list[Problem], model_id: str | None) -> AnyNode | None:
    """Read and parse one file; unreadable input becomes a problem and None."""
    try:
        text = read_text(source.path)
        duplicates: list[YamlReadError] = []
        node = parse(text, duplicates)
    except (ReadError, YamlReadError) as error:
        message = error.message
        if isinstance(error, ReadError) and error.code in ("AD001", "AD002", "AD006"):
            message = f"{Path(source.display).name} {message}"
        problems.append(Problem(error.code, Severity.ERROR, message,
                                SourceSpan(source.display, error.line, error.column), model_id))
        return None
    for duplicate in duplicates:
        problems.append(Problem(duplicate.code, Severity.ERROR, duplicate.message,
                                SourceSpan(source.display, duplicate.line, duplicate.column), model_id))
    if node is None:
        problems.append(Problem("AD009", Severity.ERROR, "the file is empty; a model needs at least `elements`",
                                SourceSpan(source.display, 1, 1), model_id))
    return node


def build_model(source: SourceFile, catalogue: KindCatalogue, problems: list[Problem]) -> Model | None:
    """Load one model file (and its fragments); None when it cannot be read at all."""
    stem_id = Path(source.display).stem
    node = read_document(source, problems, stem_id)
    if node is None:
        return None
    builder = _ModelBuilder(source, catalogue, problems, stem_id)
    return builder.build(node)


def check_fragment(source: SourceFile, catalogue: KindCatalogue, problems: list[Problem]) -> None:
    """Check a fragment on its own (syntax and keys); references are checked where it is included."""
    node = read_document(source, problems, None)
    if node is None:
        return
    builder = _ModelBuilder(source, catalogue, problems, None)
    builder.add_document(source, node, schema.FRAGMENT, [source.path])


class _ModelBuilder:
    def __init__(self, source: SourceFile, catalogue: KindCatalogue, problems: list[Problem], model_id: str | None):
        self.source = source
        self.catalogue = catalogue
        self.problems = problems
        self.model_id = model_id
        self.layers: list[Layer] = []
        self.groups: list[Group] = []
        self.elements: list[Element] = []
        self.relations: list[Relation] = []
        self.views: list[View] = []
        self.flows: list[Flow] = []
        self.includes: list[str] = []
        self.included: set[Path] = set()
        # Reference checks run after every fragment is merged: (reader, node, id, what).
        self.reference_nodes: dict[int, tuple[Reader, AnyNode]] = {}

    # --- documents -------------------------------------------------------------------

    def build(self, node: AnyNode) -> Model | None:
        reader = Reader(self.source, self.problems, self.model_id)
        if type(node) is not MappingNode:
            reader.report("AD102", "a model file must be a mapping with at least `elements`", node)
            return None
        fields = reader.fields(node, schema.MODEL)
        assert fields is not None
        version = fields.get("archdoc")
        if version is not None and not (type(version) is ScalarNode and version.value.strip() == "1"):
            reader.report("AD106", f"unsupported format version {version.value if type(version) is ScalarNode else ''}:"
                                   " this archdoc reads version 1", version)
        model_id = self.model_id or ""
        id_node = fields.get("id")
        if id_node is not None:
            written = reader.string(id_node, "a model id")
            if written is not None and not _SLUG.match(written):
                reader.report("AD104", f"model id '{written}' must be a slug: lowercase letters, digits and '-'",
                              id_node)
            elif written is not None:
                model_id = written
        elif not _SLUG.match(model_id):
            reader.report("AD104", f"the model id defaults to the file name '{model_id}', which is not a slug "
                                   "(lowercase letters, digits, '-'): set `id:`", node)
        self.model_id = model_id
        reader.model_id = model_id

        self.add_document(self.source, node, schema.MODEL, [self.source.path], fields=fields)
        self._check_references()
        rules = self._rules(reader, fields.get("rules"))
        views = self.views or [View("overview", "Overview", reader.span(node),
                                    include=(Selector("*", "*", "*", False, reader.span(node)),), generated=True)]
        links = reader.links(fields.get("links"))
        return Model(
            id=model_id,
            path=self.source.display,
            span=reader.span(node),
            title=reader.text(fields.get("title")) or "",
            description=reader.text(fields.get("description")) or "",
            tags=reader.strings(fields.get("tags")),
            owner=reader.text(fields.get("owner")) or "",
            links=links,
            includes=tuple(self.includes),
            layers=tuple(self.layers),
            groups=tuple(self.groups),
            elements=tuple(self.elements),
            relations=tuple(self.relations),
            views=tuple(views),
            flows=tuple(self.flows),
            rules=rules,
        )

    def add_document(
        self, source: SourceFile, node: AnyNode, spec: schema.Spec, chain: list[Path],
        fields: dict[str, AnyNode] | None = None,
    ) -> None:
        """Merge one document: its includes first, then its own entries."""
        reader = Reader(source, self.problems, self.model_id)
        if fields is None:
            if type(node) is not MappingNode:
                reader.report("AD102", f"a {spec.name} must be a mapping", node)
                return
            fields = reader.fields(node, spec)
            if fields is None:
                return
        include_node = fields.get("include")
        if include_node is not None:
            written = [include_node] if type(include_node) is ScalarNode else reader.items(include_node, "paths")
            for item in written:
                self._include(reader, item, chain)
        if (layers := fields.get("layers")) is not None:
            self.layers.extend(_layer(reader, item) for item in reader.items(layers, "layers"))
        if (groups := fields.get("groups")) is not None:
            for item in reader.items(groups, "groups"):
                self._group(reader, item, None)
        if (elements := fields.get("elements")) is not None:
            for item in reader.items(elements, "elements"):
                element = self._element(reader, item)
                if element is not None:
                    self.elements.append(element)
        if (relations := fields.get("relations")) is not None:
            for item in reader.items(relations, "relations"):
                relation = self._relation(reader, item)
                if relation is not None:
                    self.relations.append(relation)
        if (views := fields.get("views")) is not None:
            for item in reader.items(views, "views"):
                view = _view(reader, item)
                if view is not None:
                    self.views.append(view)
        if (flows := fields.get("flows")) is not None:
            for item in reader.items(flows, "flows"):
                flow = self._flow(reader, item)
                if flow is not None:
                    self.flows.append(flow)

    def _include(self, reader: Reader, item: AnyNode, chain: list[Path]) -> None:
        written = reader.string(item, "a fragment path")
        if written is None:
            return
        try:
            fragment = resolve_include(reader.source, written)
        except ReadError as error:
            reader.report(error.code, error.message, item)
            return
        if fragment.path in chain:
            reader.report("AD120", f"include '{written}' is circular: it includes this file again", item)
            return
        if fragment.path in self.included:
            return  # already merged through another include
        self.included.add(fragment.path)
        self.includes.append(fragment.display)
        node = read_document(fragment, self.problems, self.model_id)
        if node is not None:
            self.add_document(fragment, node, schema.FRAGMENT, chain + [fragment.path])

    # --- entries ---------------------------------------------------------------------

    def _group(self, reader: Reader, node: AnyNode, parent: str | None) -> None:
        fields = reader.fields(node, schema.GROUP)
        if fields is None:
            return
        group_id = reader.identifier(fields.get("id"), "a group id")
        declared_parent = reader.identifier(fields.get("in"), "a group id")
        if parent is not None and declared_parent is not None and declared_parent != parent:
            reader.report("AD110", f"group '{group_id}' is nested in '{parent}' but says `in: {declared_parent}`",
                          fields["in"], element=group_id)
        if group_id is not None:
            kind = self._kind(reader, fields.get("kind"), boundary=True) or "boundary"
            properties, property_spans = reader.properties(fields.get("properties"))
            self.groups.append(Group(
                id=group_id,
                kind=kind,
                label=reader.text(fields.get("label")) or group_id,
                span=reader.span(node),
                parent=parent if parent is not None else declared_parent,
                description=reader.text(fields.get("description")) or "",
                tags=reader.strings(fields.get("tags"), "tags"),
                properties=properties,
                property_spans=property_spans,
                links=reader.links(fields.get("links")),
            ))
            if declared_parent is not None and parent is None:
                self.reference_nodes[id(self.groups[-1])] = (reader, fields["in"])
        if (children := fields.get("groups")) is not None:
            for child in reader.items(children, "groups"):
                self._group(reader, child, group_id)

    def _element(self, reader: Reader, node: AnyNode) -> Element | None:
        fields = reader.fields(node, schema.ELEMENT)
        if fields is None:
            return None
        element_id = reader.identifier(fields.get("id"), "an element id")
        if element_id is None:
            return None
        kind = self._kind(reader, fields.get("kind"), boundary=False) or "component"
        properties, property_spans = reader.properties(fields.get("properties"))
        layer = reader.identifier(fields.get("layer"), "a layer id")
        group = reader.identifier(fields.get("in"), "a group id")
        element = Element(
            id=element_id,
            kind=kind,
            label=reader.text(fields.get("label")) or element_id,
            span=reader.span(node),
            description=reader.text(fields.get("description")) or "",
            layer=layer,
            group=group,
            tags=reader.strings(fields.get("tags"), "tags"),
            technology=reader.text(fields.get("technology")) or "",
            properties=properties,
            property_spans=property_spans,
            links=reader.links(fields.get("links")),
        )
        if layer is not None or group is not None:
            self.reference_nodes[id(element)] = (reader, node)
        return element

    def _kind(self, reader: Reader, node: AnyNode | None, *, boundary: bool) -> str | None:
        written = reader.string(node, "a kind")
        if written is None or node is None:
            return None
        found = self.catalogue.group_kind(written) if boundary else self.catalogue.element_kind(written)
        if found is not None:
            return found.name
        suggestions = self.catalogue.suggest(written, boundary=boundary)
        if boundary and not suggestions:
            suggestions = self.catalogue.suggest(written)
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        what = "group kind" if boundary else "kind"
        reader.report("AD109", f"unknown {what} '{written}'{hint}", node)
        return None

    def _relation(self, reader: Reader, node: AnyNode) -> Relation | None:
        parsed = _arrow(reader, node, schema.RELATION, "relation")
        if parsed is None:
            return None
        source, target, label, kind, fields = parsed
        return Relation(
            source=source,
            target=target,
            span=reader.span(node),
            index=len(self.relations),
            label=label,
            kind=kind,
            technology=reader.text(fields.get("technology")) or "" if fields else "",
            description=reader.text(fields.get("description")) or "" if fields else "",
            tags=reader.strings(fields.get("tags"), "tags") if fields else (),
        )

    def _flow(self, reader: Reader, node: AnyNode) -> Flow | None:
        fields = reader.fields(node, schema.FLOW)
        if fields is None:
            return None
        flow_id = reader.identifier(fields.get("id"), "a flow id")
        if flow_id is None:
            return None
        steps: list[Step] = []
        if (steps_node := fields.get("steps")) is not None:
            for item in reader.items(steps_node, "steps"):
                parsed = _arrow(reader, item, schema.STEP, "step")
                if parsed is not None:
                    source, target, label, kind, _fields = parsed
                    steps.append(Step(source, target, reader.span(item), label, kind))
        return Flow(
            id=flow_id,
            title=reader.text(fields.get("title")) or flow_id,
            span=reader.span(node),
            steps=tuple(steps),
            description=reader.text(fields.get("description")) or "",
        )

    # --- references ------------------------------------------------------------------

    def _check_references(self) -> None:
        """Ids unique, layers and groups known, the group tree a tree, relation ends elements."""
        reader = Reader(self.source, self.problems, self.model_id)
        first: dict[str, SourceSpan] = {}
        element_ids: set[str] = set()
        group_ids: set[str] = set()
        kept_groups: list[Group] = []
        for group in self.groups:
            if _first_definition(reader, first, group.id, group.span, "group"):
                group_ids.add(group.id)
                kept_groups.append(group)
        kept_elements: list[Element] = []
        for element in self.elements:
            if _first_definition(reader, first, element.id, element.span, "element"):
                element_ids.add(element.id)
                kept_elements.append(element)
        layer_ids: set[str] = set()
        kept_layers: list[Layer] = []
        layer_first: dict[str, SourceSpan] = {}
        for layer in self.layers:
            if _first_definition(reader, layer_first, layer.id, layer.span, "layer"):
                layer_ids.add(layer.id)
                kept_layers.append(layer)
        self.layers = kept_layers

        groups: list[Group] = []
        for group in kept_groups:
            if group.parent is not None and group.parent not in group_ids:
                _, node = self.reference_nodes.get(id(group), (reader, None))
                self._unknown(group.span, node, "group", group.parent, group_ids, group.id)
                group = replace(group, parent=None)
            groups.append(group)
        self.groups = _break_cycles(groups, reader)
        elements: list[Element] = []
        for element in kept_elements:
            bad_layer = element.layer is not None and element.layer not in layer_ids
            bad_group = element.group is not None and element.group not in group_ids
            if bad_layer:
                self._unknown(element.span, self._field_node(element, "layer"), "layer", element.layer or "",
                              layer_ids, element.id)
            if bad_group:
                known = "an element, not a group" if element.group in element_ids else None
                self._unknown(element.span, self._field_node(element, "in"), "group", element.group or "", group_ids,
                              element.id, known)
            if bad_layer or bad_group:
                element = replace(element, layer=None if bad_layer else element.layer,
                                  group=None if bad_group else element.group)
            elements.append(element)
        self.elements = elements

        self.relations = [r for r in self.relations if self._endpoint_ok(r.source, r.span, element_ids, group_ids)
                          and self._endpoint_ok(r.target, r.span, element_ids, group_ids)]
        flows: list[Flow] = []
        for flow in self.flows:
            steps = tuple(s for s in flow.steps if self._endpoint_ok(s.source, s.span, element_ids, group_ids)
                          and self._endpoint_ok(s.target, s.span, element_ids, group_ids))
            flows.append(replace(flow, steps=steps))
        self.flows = _unique(flows, reader, "flow")
        self.views = _unique(self.views, reader, "view")
        for view in self.views:
            self._check_selectors((*view.include, *view.exclude, *view.focus), element_ids, group_ids, layer_ids)
        self.known = (element_ids, group_ids, layer_ids)

    def _field_node(self, element: Element, key: str) -> AnyNode | None:
        found = self.reference_nodes.get(id(element))
        if found is None:
            return None
        node = found[1]
        return node.get(key) if type(node) is MappingNode else None

    def _unknown(self, span: SourceSpan, node: AnyNode | None, what: str, name: str, known: Iterable[str],
                 about: str | None, explanation: str | None = None) -> None:
        where = SourceSpan(span.path, node.line, node.column) if node is not None else span
        if explanation is None:
            close = difflib.get_close_matches(name, sorted(known), n=1)
            explanation = f"did you mean '{close[0]}'?" if close else f"no {what} has this id"
        self.problems.append(Problem("AD108", Severity.ERROR, f"unknown {what} '{name}': {explanation}", where,
                                     self.model_id, about))

    def _endpoint_ok(self, name: str, span: SourceSpan, element_ids: set[str], group_ids: set[str]) -> bool:
        if name in element_ids:
            return True
        if name in group_ids:
            self.problems.append(Problem("AD111", Severity.ERROR,
                                         f"'{name}' is a group; relations start and end at elements, not groups",
                                         span, self.model_id, name))
        else:
            self._unknown(span, None, "element", name, element_ids, None)
        return False

    def _check_selectors(self, selectors: Iterable[Selector], element_ids: set[str], group_ids: set[str],
                         layer_ids: set[str]) -> None:
        for selector in selectors:
            if selector.prefix == "id" and selector.value not in element_ids:
                if selector.value in group_ids:
                    self._unknown(selector.span, None, "element", selector.value, element_ids, None,
                                  f"'{selector.value}' is a group; select its members with in:{selector.value}")
                else:
                    self._unknown(selector.span, None, "element", selector.value, element_ids, None)
            elif selector.prefix == "layer" and selector.value not in layer_ids:
                self._unknown(selector.span, None, "layer", selector.value, layer_ids, None)
            elif selector.prefix == "in" and selector.value not in group_ids:
                self._unknown(selector.span, None, "group", selector.value, group_ids, None)

    # --- rules -----------------------------------------------------------------------

    def _rules(self, reader: Reader, node: AnyNode | None) -> Rules:
        if node is None:
            return Rules()
        fields = reader.fields(node, schema.RULES)
        if fields is None:
            return Rules()
        element_ids, group_ids, layer_ids = self.known
        layering = Layering()
        if (layering_node := fields.get("layering")) is not None:
            layering_fields = reader.fields(layering_node, schema.LAYERING) or {}
            allows: list[LayerAllow] = []
            for item in _each(reader, layering_fields.get("allow"), "layering exceptions"):
                allow_fields = reader.fields(item, schema.ALLOW)
                if allow_fields is None:
                    continue
                source = reader.identifier(allow_fields.get("from"), "a layer id")
                target = reader.identifier(allow_fields.get("to"), "a layer id")
                reason = _reason(reader, allow_fields, item)
                for name, key in ((source, "from"), (target, "to")):
                    if name is not None and name not in layer_ids:
                        value_node = allow_fields[key]
                        self._unknown(reader.span(value_node), value_node, "layer", name, layer_ids, None)
                if source in layer_ids and target in layer_ids and reason:
                    allows.append(LayerAllow(source, target, reason, reader.span(item)))  # type: ignore[arg-type]
            mode = reader.choice(layering_fields.get("mode"), ("downward", "adjacent", "off"), "layering mode")
            layering = Layering(mode or "downward", tuple(allows), reader.span(layering_node))

        forbids: list[Forbid] = []
        for item in _each(reader, fields.get("forbid"), "forbid rules"):
            forbid_fields = reader.fields(item, schema.FORBID)
            if forbid_fields is None:
                continue
            source_selectors = reader.selectors(forbid_fields.get("from"))
            target_selectors = reader.selectors(forbid_fields.get("to"))
            self._check_selectors((*source_selectors, *target_selectors), element_ids, group_ids, layer_ids)
            if source_selectors and target_selectors:
                forbids.append(Forbid(source_selectors, target_selectors, reader.span(item),
                                      reader.text(forbid_fields.get("reason")) or ""))

        paths: list[RequirePath] = []
        for item in _each(reader, fields.get("require_path_through"), "require_path_through rules"):
            path_fields = reader.fields(item, schema.REQUIRE_PATH)
            if path_fields is None:
                continue
            parts = [reader.selectors(path_fields.get(key)) for key in ("from", "to", "through")]
            self._check_selectors((*parts[0], *parts[1], *parts[2]), element_ids, group_ids, layer_ids)
            if all(parts):
                paths.append(RequirePath(parts[0], parts[1], parts[2], reader.span(item),
                                         reader.text(path_fields.get("reason")) or ""))

        severities: dict[str, Severity] = {}
        severity_spans: dict[str, SourceSpan] = {}
        if (severity_node := fields.get("severity")) is not None:
            if type(severity_node) is not MappingNode:
                reader.report("AD102", "expected a mapping of rule codes to severities, e.g. {AD204: error}",
                              severity_node)
            else:
                for code_node, value in severity_node.pairs:
                    if not _RULE_CODE.match(code_node.value):
                        reader.report("AD116", f"'{code_node.value}' is not a rule code (AD followed by three digits)",
                                      code_node)
                        continue
                    level = reader.choice(value, schema.SEVERITIES, "severity")
                    if level is not None:
                        severities[code_node.value] = Severity(level)
                        severity_spans[code_node.value] = reader.span(code_node)

        ignores: list[Ignore] = []
        for item in _each(reader, fields.get("ignore"), "suppressions"):
            ignore = self._ignore(reader, item, element_ids | group_ids)
            if ignore is not None:
                ignores.append(ignore)

        return Rules(
            layering=layering,
            forbid=tuple(forbids),
            require_path_through=tuple(paths),
            acyclic=bool(reader.boolean(fields.get("acyclic"))),
            severity=severities,
            severity_spans=severity_spans,
            ignore=tuple(ignores),
        )

    def _ignore(self, reader: Reader, node: AnyNode, known_ids: set[str]) -> Ignore | None:
        fields = reader.fields(node, schema.IGNORE)
        if fields is None:
            return None
        rule = reader.string(fields.get("rule"), "a rule code")
        if rule is not None and not _RULE_CODE.match(rule):
            reader.report("AD116", f"'{rule}' is not a rule code (AD followed by three digits)", fields["rule"])
            rule = None
        reason = _reason(reader, fields, node)
        element = reader.identifier(fields.get("element"), "an element or group id")
        if element is not None and element not in known_ids:
            self._unknown(reader.span(fields["element"]), fields["element"], "element or group", element, known_ids,
                          None)
        relation: tuple[str, str] | None = None
        if (relation_node := fields.get("relation")) is not None:
            written = reader.string(relation_node, "a relation such as 'a -> b'")
            match = _SHORT_RELATION.match(written or "")
            if written is not None and match is None:
                reader.report("AD115", f"'{written}' is not a relation: write 'a -> b'", relation_node)
            elif match is not None:
                relation = (match.group(1), match.group(3))
        if rule is None or not reason:
            return None
        return Ignore(rule, reason, reader.span(node), element, relation)


def _each(reader: Reader, node: AnyNode | None, what: str) -> list[AnyNode]:
    """The items of an optional list field (none when the key is absent)."""
    return [] if node is None else reader.items(node, what)


def _reason(reader: Reader, fields: dict[str, AnyNode], node: AnyNode) -> str:
    reason_node = fields.get("reason")
    if reason_node is None:
        return ""  # already reported by reader.fields as AD114
    reason = reader.text(reason_node)
    if reason is not None and not reason.strip():
        reader.report("AD114", "the reason is empty: say why this is acceptable", reason_node)
        return ""
    return reason or ""


def _first_definition(reader: Reader, first: dict[str, SourceSpan], item_id: str, span: SourceSpan, what: str) -> bool:
    earlier = first.get(item_id)
    if earlier is None:
        first[item_id] = span
        return True
    reader.problems.append(Problem("AD107", Severity.ERROR,
                                   f"duplicate id '{item_id}': this {what} reuses the id defined at {earlier}",
                                   span, reader.model_id, item_id))
    return False


def _unique(items: list, reader: Reader, what: str) -> list:  # type: ignore[type-arg]
    first: dict[str, SourceSpan] = {}
    return [item for item in items if _first_definition(reader, first, item.id, item.span, what)]


def _break_cycles(groups: list[Group], reader: Reader) -> list[Group]:
    """Groups whose `in` chain loops are reported (AD110) and lifted to the top level."""
    parents = {group.id: group.parent for group in groups}
    by_id = {group.id: group for group in groups}
    state: dict[str, int] = {}  # 1: on the current walk, 2: known to reach the top
    for start in sorted(parents):
        walk: list[str] = []
        current: str | None = start
        while current is not None and state.get(current) != 2:
            if state.get(current) == 1:
                cycle = walk[walk.index(current):]
                group = by_id[current]
                reader.problems.append(Problem(
                    "AD110", Severity.ERROR,
                    f"groups nest in a circle: {' -> '.join(cycle + [current])}; group nesting must be a tree",
                    group.span, reader.model_id, current))
                parents[current] = None
                break
            state[current] = 1
            walk.append(current)
            current = parents.get(current)
        for name in walk:
            state[name] = 2
    return [replace(g, parent=parents[g.id]) if g.parent != parents[g.id] else g for g in groups]


def _layer(reader: Reader, node: AnyNode) -> Layer:
    fields = reader.fields(node, schema.LAYER) or {}
    layer_id = reader.identifier(fields.get("id"), "a layer id") or f"?{node.line}"
    return Layer(
        id=layer_id,
        title=reader.text(fields.get("title")) or layer_id,
        span=reader.span(node),
        description=reader.text(fields.get("description")) or "",
        cross_cutting=bool(reader.boolean(fields.get("cross_cutting"))),
    )


def _view(reader: Reader, node: AnyNode) -> View | None:
    fields = reader.fields(node, schema.VIEW)
    if fields is None:
        return None
    view_id = reader.identifier(fields.get("id"), "a view id")
    if view_id is None:
        return None
    focus = reader.selectors(fields.get("focus"))
    include = reader.selectors(fields.get("include"))
    if not include and not focus and "include" not in fields:
        include = (Selector("*", "*", "*", False, reader.span(node)),)
    depth = reader.integer(fields.get("depth"), minimum=0)
    return View(
        id=view_id,
        title=reader.text(fields.get("title")) or view_id,
        span=reader.span(node),
        include=include,
        exclude=reader.selectors(fields.get("exclude")),
        focus=focus,
        depth=1 if depth is None else depth,
        direction=reader.choice(fields.get("direction"), ("LR", "TB"), "direction") or "LR",
        description=reader.text(fields.get("description")) or "",
    )


def _arrow(reader: Reader, node: AnyNode, spec: schema.Spec, what: str
           ) -> tuple[str, str, str, RelationKind, dict[str, AnyNode] | None] | None:
    """A relation or step in any of its forms: `a -> b: label`, `{a ..> b: label}` or long form."""
    if type(node) is ScalarNode:
        text = reader.string(node, f"a {what}")
        match = _SHORT_WITH_LABEL.match(text or "")
        if text is not None and match is None:
            reader.report("AD115", f"'{text}' is not a {what}: write 'a -> b', 'a ..> b' or 'a -> b: label'", node)
        if match is None:
            return None
        kind = RelationKind.ASYNC if match.group(2) == "..>" else RelationKind.SYNC
        return match.group(1), match.group(3), (match.group(4) or "").strip(), kind, None
    if type(node) is MappingNode and len(node.pairs) == 1 and node.pairs[0][0].value not in spec.by_name:
        key, value = node.pairs[0]
        match = _SHORT_RELATION.match(key.value)
        if match is None:
            reader.report("AD115", f"'{key.value}' is not a {what}: write 'a -> b: label' or a mapping with from/to",
                          key)
            return None
        label = "" if type(value) is ScalarNode and value.plain and value.value in ("", "~", "null") else (
            reader.text(value) or "")
        kind = RelationKind.ASYNC if match.group(2) == "..>" else RelationKind.SYNC
        return match.group(1), match.group(3), label, kind, None
    fields = reader.fields(node, spec)
    if fields is None:
        return None
    source = reader.identifier(fields.get("from"), "an element id")
    target = reader.identifier(fields.get("to"), "an element id")
    if source is None or target is None:
        return None
    kind_name = reader.choice(fields.get("kind"), schema.RELATION_KINDS, f"{what} kind")
    return source, target, reader.text(fields.get("label")) or "", RelationKind(kind_name or "sync"), fields
