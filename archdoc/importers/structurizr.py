"""Structurizr workspaces (`workspace.json`, or the DSL's common subset) as a draft model.

People become `person` elements; a software system becomes a `system` element, or a group
of kind `system` around its containers when it has some (a container with components, a
group around them likewise); containers and components become elements. Each deployment
environment becomes a group holding its deployment nodes as nested groups, with their
infrastructure nodes and container (or system) instances as elements. Structurizr
`group`s become groups. Relationships become relations (description as label, technology
kept; `Asynchronous` ones async); one that ends at what became a group is left out, with a
note when no relation between the members stands for it. Source ids are name paths
(`container:Internet Banking System/API Application`), the same from JSON and DSL.
"""

from __future__ import annotations

import os
import re
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
from archdoc.importers.structurizr_dsl import DslSyntaxError, parse_dsl
from archdoc.importers.structurizr_json import parse_json
from archdoc.importers.structurizr_model import (
    COMPONENT,
    CONTAINER,
    NODE,
    PERSON,
    SYSTEM,
    Element,
    Workspace,
)
from archdoc.load import import_codes as codes
from archdoc.load.draft import DraftElement, DraftGroup, DraftModel, DraftRelation, DraftView
from archdoc.model import Problem, RelationKind, SourceSpan

FORMAT = "structurizr"
SUFFIXES = (".json", ".dsl")
_NODE_KINDS = ((r"availability zone", "aws.AvailabilityZone"), (r"region", "aws.Region"), (r"\bvpc\b", "aws.VPC"),
               (r"auto ?scaling", "aws.AutoScalingGroup"), (r"kubernetes|k8s|\beks\b", "k8s.Cluster"),
               (r"^(amazon web services|aws)( cloud)?$|^cloud$", "aws.Cloud"))
# The element-style tags of Structurizr's cloud themes (`Amazon Web Services - RDS`): read for kinds, not kept.
_THEME_TAG = re.compile(r"^(amazon web services|microsoft azure|google cloud platform|kubernetes) - ", re.IGNORECASE)


def read_draft(paths: list[Path], model_id: str | None = None) -> ImportResult:
    problems: list[Problem] = []
    files = expand_sources(paths, SUFFIXES)
    first = os.path.normpath(str(files[0])) if files else "workspace.dsl"
    draft = DraftModel(first, SourceSpan(first, 1, 1), id=model_id)
    if len(files) != 1:
        problems.append(problem(codes.SOURCE_UNREADABLE, "give one workspace (a .json or .dsl file)" if files
                                else "no .json or .dsl file given", SourceSpan(first, 1, 1)))
        return ImportResult(draft, problems)
    path = files[0]
    try:
        text = read_source(path)
        workspace = parse_json(text) if path.suffix.lower() == ".json" else parse_dsl(text)
    except SourceError as error:
        problems.append(source_problem(first, error))
        return ImportResult(draft, problems)
    except DslSyntaxError as error:
        problems.append(problem(codes.SOURCE_SYNTAX, error.message, SourceSpan(first, error.line, error.column)))
        return ImportResult(draft, problems)
    problems += [problem(code, message, SourceSpan(first, line, column))
                 for code, message, line, column in workspace.problems]
    draft.id = model_id or slug(workspace.name or path.stem)
    draft.title, draft.description = clean_label(workspace.name or path.stem), workspace.description.strip()
    if not workspace.elements:
        problems.append(problem(codes.NOTHING_TO_IMPORT, "the workspace's model has no elements", draft.span))
        return ImportResult(draft, problems)
    _Builder(draft, workspace, first, problems).build()
    if count_entries(draft) > MAX_ENTRIES:
        problems.append(problem(codes.SOURCE_TOO_LARGE, f"the workspace has more than {MAX_ENTRIES} elements, "
                                "groups and relationships", draft.span))
    return ImportResult(draft, problems)


class _Builder:
    def __init__(self, draft: DraftModel, workspace: Workspace, display: str, problems: list[Problem]) -> None:
        self.draft, self.workspace, self.display, self.problems = draft, workspace, display, problems
        self.ids = IdAllocator()
        self.children: dict[str, list[Element]] = {}
        for element in workspace.elements.values():
            if element.parent is not None:
                self.children.setdefault(element.parent, []).append(element)
        self.as_group = {key for key, element in workspace.elements.items()
                         if element.type in (SYSTEM, CONTAINER, NODE) and key in self.children}
        self.as_group |= {key for key, element in workspace.elements.items() if element.type == NODE}
        self.groups: dict[str, DraftGroup] = {}
        self.elements: dict[str, DraftElement] = {}
        self.identities: set[str] = set()

    def build(self) -> None:
        for element in self.workspace.elements.values():
            container = self._place(element)
            if element.key in self.as_group:
                self._group(element, container)
            else:
                self._element(element, container)
        self.draft.groups = list(self.groups.values())
        self.draft.elements = list(self.elements.values())
        self._relations()
        self.draft.views.append(DraftView("overview", self.draft.span, "Overview"))

    def _span(self, element: Element) -> SourceSpan:
        return SourceSpan(self.display, element.line, element.column)

    def _identity(self, element: Element) -> str:
        identity = self.workspace.identity(element.key)
        if identity in self.identities:
            self.problems.append(problem(codes.DUPLICATE_ENTRY, f"{identity} is defined twice; the second is "
                                         "numbered", self._span(element)))
            number = 2
            while f"{identity}#{number}" in self.identities:
                number += 1
            identity = f"{identity}#{number}"
        self.identities.add(identity)
        return source_id(FORMAT, identity)

    def _place(self, element: Element) -> str | None:
        """The group an entry goes in: its parent's group, its innermost Structurizr group, its environment."""
        scope = element.parent if element.parent in self.as_group else None
        parent_group = self.groups.get(scope) if scope else None
        for depth in range(1, len(element.groups) + 1):
            path = element.groups[:depth]
            key = f"group:{scope or ''}:{'/'.join(path)}"
            if key not in self.groups:
                group_id = self.ids.id_for(key, path[-1])
                identity = f"group:{self.workspace.identity(scope).split(':', 1)[1] + '/' if scope else ''}" \
                           + "/".join(path)
                self.groups[key] = DraftGroup(group_id, self._span(element), kind="boundary",
                                              label=clean_label(path[-1]), tags=["group"],
                                              parent=parent_group.id if parent_group else None,
                                              properties={SOURCE_ID: source_id(FORMAT, identity)})
            parent_group = self.groups[key]
        if parent_group is None and element.environment and element.parent is None:
            key = f"environment:{element.environment}"
            if key not in self.groups:
                self.groups[key] = DraftGroup(
                    self.ids.id_for(key, element.environment), self._span(element), kind="boundary",
                    label=clean_label(element.environment), tags=["deployment-environment"],
                    properties={SOURCE_ID: source_id(FORMAT, f"deploymentEnvironment:{element.environment}")})
            parent_group = self.groups[key]
        return parent_group.id if parent_group else None

    def _group(self, element: Element, parent: str | None) -> None:
        kind = "system" if element.type == SYSTEM else _node_kind(element) if element.type == NODE else "boundary"
        tags = _tags(element) + (["container"] if element.type == CONTAINER else [])
        group = DraftGroup(self.ids.id_for(element.key, element.name), self._span(element), kind=kind,
                           label=clean_label(element.name), parent=parent, description=element.description.strip(),
                           tags=sorted(set(tags)), properties={SOURCE_ID: self._identity(element)})
        if element.technology:
            group.properties["technology"] = element.technology
        self.groups[element.key] = group

    def _element(self, element: Element, group: str | None) -> None:
        model = self.workspace.elements.get(element.instance_of or "") or element
        name = element.name if element.instance_of is None else f"{model.name} ({element.environment or 'instance'})"
        draft = DraftElement(self.ids.id_for(element.key, name), self._span(element), label=clean_label(model.name),
                             description=model.description.strip(), group=group, technology=model.technology,
                             tags=sorted(set(_tags(model) + (["instance"] if element.instance_of else []))),
                             properties={SOURCE_ID: self._identity(element)})
        draft.kind = {PERSON: "person", SYSTEM: "external" if model.external else "system", CONTAINER: "container",
                      COMPONENT: "component"}.get(model.type)
        guessed = guess_kind(f"{model.technology} {' '.join(_THEME_TAG.sub('', t) for t in model.tags)} {model.name}") \
            if model.type not in (PERSON, SYSTEM) else None
        if guessed is not None and guessed != "person":
            draft.kind = guessed
            draft.tags = sorted({*draft.tags, GUESSED_TAG})
        elif draft.kind is None:
            draft.kind = "component"
        self.elements[element.key] = draft

    def _relations(self) -> None:
        descendants = self._descendants()
        joined = {(r.source, r.destination) for r in self.workspace.relationships
                  if r.source in self.elements and r.destination in self.elements}
        seen: set[tuple[str, str, str]] = set()
        for relationship in self.workspace.relationships:
            span = SourceSpan(self.display, relationship.line, relationship.column)
            source, target = self.elements.get(relationship.source), self.elements.get(relationship.destination)
            if source is None or target is None:
                sources = descendants.get(relationship.source, {relationship.source})
                targets = descendants.get(relationship.destination, {relationship.destination})
                if not any((a, b) in joined for a in sources for b in targets):
                    self.problems.append(problem(codes.EDGE_TO_GROUP, f"the relationship '{relationship.description}'"
                                                 " ends at a software system or container drawn as a boundary; left "
                                                 "out (no relation between their members stands for it)", span))
                continue
            key = (source.id, target.id, relationship.description)
            if key in seen or source.id == target.id:
                continue
            seen.add(key)
            asynchronous = relationship.asynchronous or any(t.lower() in ("async", "asynchronous")
                                                            for t in relationship.tags)
            self.draft.relations.append(DraftRelation(
                source.id, target.id, span, clean_label(relationship.description),
                RelationKind.ASYNC if asynchronous else RelationKind.SYNC, clean_label(relationship.technology)))

    def _descendants(self) -> dict[str, set[str]]:
        """For every element drawn as a group, the element keys inside it at any depth (no recursion)."""
        found: dict[str, set[str]] = {}
        for key in self.as_group:
            inside: set[str] = set()
            pending = [key]
            while pending:
                for child in self.children.get(pending.pop(), []):
                    if child.key not in inside:
                        inside.add(child.key)
                        pending.append(child.key)
            found[key] = inside
        return found


_DEFAULT_TAGS = {"element", "person", "software system", "container", "component", "deployment node",
                 "infrastructure node", "container instance", "software system instance", "relationship"}


def _tags(element: Element) -> list[str]:
    """Structurizr's own tags as archdoc tags (`Existing System` -> `existing-system`); its default
    tags and the cloud themes' style tags are left out."""
    return [slug(tag) for tag in element.tags if tag.strip().lower() not in _DEFAULT_TAGS
            and not _THEME_TAG.match(tag.strip()) and slug(tag) != "item"]


def _node_kind(element: Element) -> str:
    """A deployment node's boundary kind, from its theme tag, name or technology."""
    texts = [_THEME_TAG.sub("", tag.strip()).lower() for tag in element.tags if _THEME_TAG.match(tag.strip())]
    texts += [element.name.lower(), element.technology.lower()]
    for pattern, kind in _NODE_KINDS:
        if any(re.search(pattern, text) for text in texts):
            return kind
    return "boundary"
