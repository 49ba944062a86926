"""Backstage catalog files (multi-document YAML) as a draft model.

Component, API and Resource entities become elements; System and Domain entities groups
(`spec.system`, `spec.domain` and `spec.subdomainOf` nest them). `dependsOn`/`dependencyOf`,
`consumesApis`, `providesApis` and `subcomponentOf` become relations, drawn the way requests
go: consumer -> API -> provider, component -> dependency, component -> subcomponent.
`owner` is kept as the element's owner, `lifecycle` and `type` as properties. Entity refs
`[kind:][namespace/]name` are read by Backstage's rules (case-insensitive; the namespace
defaults to the referring entity's, the kind to the field's); a ref to an entity no given
file defines is reported and left out. User, Group, Location and Template are not carried.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from archdoc.importers.base import (
    GUESSED_TAG,
    MAX_ENTRIES,
    SOURCE_ID,
    IdAllocator,
    ImportResult,
    SourceError,
    clean_label,
    count_entries,
    expand_sources,
    guess_kind,
    problem,
    read_source,
    slug,
    source_id,
    source_problem,
)
from archdoc.importers.yamldocs import mapping, read_documents, text_of, texts_of
from archdoc.load import import_codes as codes
from archdoc.load.draft import DraftElement, DraftGroup, DraftModel, DraftRelation, DraftView
from archdoc.load.yamlnodes import AnyNode, MappingNode, SequenceNode
from archdoc.model import Problem, SourceSpan

FORMAT = "backstage"
SUFFIXES = (".yaml", ".yml")
ELEMENT_KINDS = {"component": "container", "api": "component", "resource": None}
GROUP_KINDS = {"system": "system", "domain": "boundary"}
IGNORED_KINDS = ("user", "group", "location", "template")
# field -> (kinds it may name when the ref has none, label, True when the arrow points at the entity itself)
RELATION_FIELDS: dict[str, tuple[tuple[str, ...], str, bool]] = {
    "dependsOn": (("component", "resource"), "depends on", False),
    "dependencyOf": (("component", "resource"), "depends on", True),
    "consumesApis": (("api",), "consumes", False),
    "providesApis": (("api",), "served by", True),
}


@dataclass
class Entity:
    kind: str  # lowercase
    namespace: str
    name: str
    node: MappingNode
    spec: MappingNode | None
    span: SourceSpan

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.namespace}/{self.name}"


def parse_ref(written: str, default_kinds: tuple[str, ...], namespace: str) -> tuple[str | None, str, str]:
    """`[kind:][namespace/]name` as (kind or None when the field allows several, namespace, name), lowercase."""
    text = written.strip()
    kind: str | None = None
    if ":" in text:
        kind, text = text.split(":", 1)
        kind = kind.strip().lower()
    elif len(default_kinds) == 1:
        kind = default_kinds[0]
    if "/" in text:
        namespace, text = text.split("/", 1)
    return kind, namespace.strip().lower(), text.strip().lower()


def read_draft(paths: list[Path], model_id: str | None = None) -> ImportResult:
    problems: list[Problem] = []
    entities: dict[str, Entity] = {}
    files = expand_sources(paths, SUFFIXES)
    queue, seen = list(files), {path.resolve() for path in files}
    roots = [(path if path.is_dir() else path.parent).resolve() for path in paths]
    while queue:
        path = queue.pop(0)
        display = os.path.normpath(str(path))
        try:
            text = read_source(path)
        except SourceError as error:
            problems.append(source_problem(display, error))
            continue
        ignored: set[str] = set()
        for document in read_documents(text, display, problems):
            for target in _location_targets(document.root, path, roots, display, problems):
                if target.resolve() not in seen and len(seen) < MAX_LOCATION_FILES:
                    seen.add(target.resolve())
                    queue.append(target)
            entity = _entity(document.root, display, problems, ignored)
            if entity is None:
                continue
            if entity.ref in entities:
                first = entities[entity.ref].span
                problems.append(problem(codes.DUPLICATE_ENTRY, f"{entity.ref} is defined again (first at {first}); "
                                        "the first is kept", entity.span))
                continue
            entities[entity.ref] = entity
    first = os.path.normpath(str(files[0])) if files else "catalog-info.yaml"
    name = Path(first).stem
    draft = DraftModel(first, SourceSpan(first, 1, 1), id=model_id or slug(name), title=name)
    if not any(e.kind in ELEMENT_KINDS for e in entities.values()):
        if not any(p.is_error for p in problems):
            problems.append(problem(codes.NOTHING_TO_IMPORT, "holds no Component, API or Resource entity",
                                    SourceSpan(first, 1, 1)))
        return ImportResult(draft, problems)
    _Builder(draft, entities, problems).build()
    if count_entries(draft) > MAX_ENTRIES:
        problems.append(problem(codes.SOURCE_TOO_LARGE, f"the catalog gives more than {MAX_ENTRIES} elements, "
                                "groups and relations; import a part of it (one system's files)", draft.span))
    return ImportResult(draft, problems)


MAX_LOCATION_FILES = 2_000  # catalog files a tree of Location entities may bring in


def _location_targets(root: AnyNode, path: Path, roots: list[Path], display: str,
                      problems: list[Problem]) -> list[Path]:
    """The local files a `kind: Location` entity points at (`spec.target`, `spec.targets`), relative to its
    file and inside the folders given; a URL or a path leading elsewhere is reported, never fetched."""
    node = mapping(root)
    if node is None or (text_of(node.get("kind")) or "").lower() != "location":
        return []
    spec = mapping(node.get("spec"))
    if spec is None:
        return []
    one = spec.get("target")
    written = ([(text_of(one), one)] if one is not None else []) + texts_of(spec.get("targets"))
    found: list[Path] = []
    for target, where in written:
        if not target:
            continue
        span = SourceSpan(display, where.line, where.column)
        if "://" in target or target.startswith(("/", "~")):
            problems.append(problem(codes.UNSUPPORTED, f"Location target {target} is not a local relative path; "
                                    "it is not fetched", span))
            continue
        candidate = (path.parent / target).resolve()
        if not any(candidate.is_relative_to(root) for root in roots):
            problems.append(problem(codes.UNSUPPORTED, f"Location target {target} leads outside the folder "
                                    "being imported; it is not read", span))
        elif "*" in target or not candidate.is_file():
            problems.append(problem(codes.UNSUPPORTED, f"Location target {target} names no file (globs are not "
                                    "expanded); it is not read", span))
        else:
            found.append(Path(os.path.relpath(candidate)) if not path.is_absolute() else candidate)
    return found


def _entity(root: AnyNode, display: str, problems: list[Problem], ignored: set[str]) -> Entity | None:
    span = SourceSpan(display, root.line, root.column)
    node = mapping(root)
    if node is None:
        problems.append(problem(codes.INVALID_ENTRY, "a catalog document must be a mapping (an entity); skipped",
                                span))
        return None
    kind = text_of(node.get("kind"))
    metadata = mapping(node.get("metadata"))
    name = text_of(metadata.get("name")) if metadata else None
    api_version = text_of(node.get("apiVersion")) or ""
    if not kind or not name:
        problems.append(problem(codes.INVALID_ENTRY, "an entity needs `kind` and `metadata.name`; skipped", span))
        return None
    lowered = kind.lower()
    if lowered not in ELEMENT_KINDS and lowered not in GROUP_KINDS or not api_version.startswith("backstage.io/"):
        if lowered not in ignored:
            ignored.add(lowered)
            what = "has no place in an architecture model" if lowered in IGNORED_KINDS else "is not read by archdoc"
            problems.append(problem(codes.UNSUPPORTED, f"the kind {kind} ({api_version or 'no apiVersion'}) {what}; "
                                    "its entities are skipped", span))
        return None
    namespace = (text_of(metadata.get("namespace")) if metadata else None) or "default"
    return Entity(lowered, namespace.lower(), name.lower(), node, mapping(node.get("spec")), span)


class _Builder:
    def __init__(self, draft: DraftModel, entities: dict[str, Entity], problems: list[Problem]) -> None:
        self.draft = draft
        self.entities = entities
        self.problems = problems
        self.ids = IdAllocator()
        self.by_name: dict[tuple[str, str], list[Entity]] = {}
        for entity in entities.values():
            self.by_name.setdefault((entity.namespace, entity.name), []).append(entity)
        self.relations: set[tuple[str, str, str]] = set()

    def build(self) -> None:
        ordered = sorted(self.entities.values(), key=lambda e: (e.kind not in GROUP_KINDS, e.span))
        for entity in ordered:  # ids first, groups before elements; a second `orders` becomes `orders-api`
            self.ids.id_for(entity.ref, entity.name, f"{entity.name}-{entity.kind}")
        groups = {entity.ref: self._group(entity) for entity in ordered if entity.kind in GROUP_KINDS}
        elements = {entity.ref: self._element(entity) for entity in ordered if entity.kind in ELEMENT_KINDS}
        self.draft.groups = list(groups.values())
        self.draft.elements = list(elements.values())
        for entity in ordered:
            if entity.kind in ELEMENT_KINDS:
                self._relations(entity, elements)
        self.draft.views.append(DraftView("overview", self.draft.span, "Overview"))

    def _common(self, entity: Entity) -> tuple[str, str, list[str], dict[str, str]]:
        metadata = mapping(entity.node.get("metadata"))
        title = text_of(metadata.get("title")) if metadata else None
        description = text_of(metadata.get("description")) if metadata else None
        tags = [tag for tag, _node in texts_of(metadata.get("tags"))] if metadata else []
        links: dict[str, str] = {}
        link_nodes = metadata.get("links") if metadata else None
        for link in link_nodes.items if isinstance(link_nodes, SequenceNode) else []:
            link_map = mapping(link)
            url = text_of(link_map.get("url")) if link_map else None
            if link_map is not None and url:
                links.setdefault(clean_label(text_of(link_map.get("title")) or url), url)
        return clean_label(title or entity.name), (description or "").strip(), sorted(set(tags)), links

    def _group(self, entity: Entity) -> DraftGroup:
        label, description, tags, links = self._common(entity)
        group = DraftGroup(self.ids.id_for(entity.ref, entity.name), entity.span, kind=GROUP_KINDS[entity.kind],
                           label=label, description=description, tags=tags, links=links,
                           properties={SOURCE_ID: source_id(FORMAT, entity.ref)})
        field_name = "domain" if entity.kind == "system" else "subdomainOf"
        parent = self._ref(entity, field_name, ("domain",))
        group.parent = self.ids.get(parent.ref) if parent is not None and parent.kind == "domain" else None
        group.owner = self._text(entity, "owner")
        return group

    def _element(self, entity: Entity) -> DraftElement:
        label, description, tags, links = self._common(entity)
        element = DraftElement(self.ids.id_for(entity.ref, entity.name), entity.span, label=label,
                               description=description, tags=tags, links=links)
        element.kind = ELEMENT_KINDS[entity.kind]
        kind_type = self._text(entity, "type")
        if entity.kind == "api":
            element.tags = sorted({*element.tags, "api"})
        elif entity.kind == "resource":
            guessed = guess_kind(f"{kind_type} {entity.name}") or \
                ("generic.database.SQL" if "database" in kind_type.lower() else "generic.storage.Storage")
            element.kind = guessed
            element.tags = sorted({*element.tags, GUESSED_TAG})
        element.owner = self._text(entity, "owner")
        element.properties = {SOURCE_ID: source_id(FORMAT, entity.ref)}
        for key in ("type", "lifecycle"):
            if self._text(entity, key):
                element.properties[key] = self._text(entity, key)
        system = self._ref(entity, "system", ("system",))
        if system is not None and system.kind == "system":
            element.group = self.ids.get(system.ref)
        return element

    def _relations(self, entity: Entity, elements: dict[str, DraftElement]) -> None:
        for field_name, (kinds, label, reverse) in RELATION_FIELDS.items():
            for target in self._refs(entity, field_name, kinds):
                if target.ref in elements:
                    source, other = (elements[target.ref], elements[entity.ref]) if reverse else \
                        (elements[entity.ref], elements[target.ref])
                    self._relation(source.id, other.id, label, entity)
        parent = self._ref(entity, "subcomponentOf", ("component",))
        if parent is not None and parent.ref in elements:
            child, owner = elements[entity.ref], elements[parent.ref]
            self._relation(owner.id, child.id, "subcomponent", entity)
            child.group = child.group or owner.group

    def _relation(self, source: str, target: str, label: str, entity: Entity) -> None:
        if (source, target, label) not in self.relations and source != target:
            self.relations.add((source, target, label))
            self.draft.relations.append(DraftRelation(source, target, entity.span, label))

    def _text(self, entity: Entity, key: str) -> str:
        value = text_of(entity.spec.get(key)) if entity.spec is not None else None
        return clean_label(value) if value else ""

    def _ref(self, entity: Entity, key: str, kinds: tuple[str, ...]) -> Entity | None:
        found = self._refs(entity, key, kinds)
        return found[0] if found else None

    def _refs(self, entity: Entity, key: str, kinds: tuple[str, ...]) -> list[Entity]:
        """The entities a spec field names; a ref that names none of the given entities is reported."""
        node = entity.spec.get(key) if entity.spec is not None else None
        found: list[Entity] = []
        for written, ref_node in _ref_texts(node):
            kind, namespace, name = parse_ref(written, kinds, entity.namespace)
            candidates = [e for e in self.by_name.get((namespace, name), []) if e.kind == kind or
                          (kind is None and e.kind in kinds)]
            if len(candidates) == 1:
                found.append(candidates[0])
                continue
            where = SourceSpan(entity.span.path, ref_node.line, ref_node.column)
            shown = f"{kind or '/'.join(kinds)}:{namespace}/{name}"
            if candidates:
                message = f"`{key}: {written}` could name {len(candidates)} entities; give the kind (`kind:name`)"
                self.problems.append(problem(codes.INVALID_ENTRY, message, where))
            else:
                self.problems.append(problem(codes.DANGLING_REFERENCE, f"{entity.ref} `{key}` names {shown}, which "
                                             "no given file defines; left out", where))
        return found


def _ref_texts(node: AnyNode | None) -> list[tuple[str, AnyNode]]:
    """Refs as written: strings, or compound refs `{kind, namespace, name}` turned into strings."""
    items = node.items if isinstance(node, SequenceNode) else ([node] if node is not None else [])
    found: list[tuple[str, AnyNode]] = []
    for item in items:
        compound = mapping(item)
        if compound is not None:
            name = text_of(compound.get("name"))
            if name:
                kind, namespace = text_of(compound.get("kind")), text_of(compound.get("namespace"))
                found.append(((f"{kind}:" if kind else "") + (f"{namespace}/" if namespace else "") + name, item))
        else:
            found += texts_of(item)
    return found
