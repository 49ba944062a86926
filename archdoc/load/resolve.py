"""The resolve step: one draft model, from any reader, validated and frozen into a Model.

Every source gets the same checks and the same codes here: includes merged (through the
`Includes` port the reader's side provides), kinds looked up, ids unique, references to
layers, groups and elements known, the group tree a tree, selectors naming what exists.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from archdoc.load import codes
from archdoc.load.draft import DraftDocument, DraftElement, DraftGroup, DraftInclude, DraftModel, DraftRules
from archdoc.load.kinds import KindCatalogue
from archdoc.load.references import References
from archdoc.model import (
    EMPTY,
    Element,
    Flow,
    FrozenMap,
    Group,
    Ignore,
    Layer,
    Model,
    Problem,
    Relation,
    Rules,
    Selector,
    Severity,
    SourceSpan,
    Step,
    View,
)
from archdoc.model.errors import ReadError

T = TypeVar("T")


class Includes(Protocol):
    """How a reader's side finds and reads the fragments a document includes."""

    def locate(self, including: str, written: str) -> tuple[Hashable, str]:
        """The fragment's identity and display path; raises ReadError (AD120) when it may not be included."""

    def read(self, key: Hashable, display: str, problems: list[Problem], model_id: str | None) -> DraftDocument | None:
        """The fragment as a draft document (its read problems reported), None when unreadable."""


@dataclass
class _Merged:
    """Every document's entries in merge order: each document's includes first, then its own entries."""

    documents: list[DraftDocument] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)
    seen: set[Hashable] = field(default_factory=set)


def resolve(draft: DraftModel, catalogue: KindCatalogue, problems: list[Problem], includes: Includes | None = None,
            root_key: Hashable | None = None) -> Model:
    """Validate a draft (with its includes) and freeze it; every problem found lands in `problems`.

    The drafts' elements and relations are consumed (their lists emptied) as they are frozen, so
    that a large model's drafts and its Model never all live at once.
    """
    model_id = draft.id or _stem(draft.path)
    merged = _Merged()
    _merge(draft, [root_key] if root_key is not None else [], merged, includes, problems, model_id)
    report = _reporter(problems, model_id)
    groups = [_group(g, catalogue, report) for document in merged.documents for g in document.groups]
    kind_names: dict[str, str] = {}  # the kinds found so far: thousands of elements share a handful
    elements = [_element(e, catalogue, report, kind_names)
                for document in merged.documents for e in _consumed(document.elements)]
    layers = [Layer(layer.id, layer.title or layer.id, layer.span, layer.description, layer.cross_cutting)
              for document in merged.documents for layer in document.layers]
    relations: list[Relation] = []
    for document in merged.documents:
        for r in _consumed(document.relations):
            relations.append(Relation(r.source, r.target, r.span, len(relations), r.label, r.kind, r.technology,
                                      r.description, tuple(r.tags)))
    views = [View(v.id, v.title or v.id, v.span, tuple(v.include), tuple(v.exclude), tuple(v.focus), v.depth,
                  v.direction, v.description) for document in merged.documents for v in document.views]
    flows = [Flow(f.id, f.title or f.id, f.span, tuple(Step(s.source, s.target, s.span, s.label, s.kind)
                                                       for s in f.steps), f.description)
             for document in merged.documents for f in document.flows]

    checked = References(problems, model_id).check(layers, groups, elements, relations, views, flows)
    rules = _rules(draft.rules, checked.known_ids, checked)
    if not checked.views:
        star = Selector("*", "*", "*", False, draft.span)
        checked.views = [View("overview", "Overview", draft.span, include=(star,), generated=True)]
    return Model(
        id=model_id,
        path=draft.path,
        span=draft.span,
        title=draft.title,
        description=draft.description,
        tags=tuple(draft.tags),
        owner=draft.owner,
        links=FrozenMap(draft.links),
        iac=tuple(draft.iac),
        docs=tuple(draft.docs),
        includes=tuple(merged.includes),
        layers=tuple(checked.layers),
        groups=tuple(checked.groups),
        elements=tuple(checked.elements),
        relations=tuple(checked.relations),
        views=tuple(checked.views),
        flows=tuple(checked.flows),
        rules=rules,
    )


def _consumed(items: list[T]) -> Iterator[T]:
    """The items of a list in order, each let go as it is taken (the list ends empty)."""
    items.reverse()
    while items:
        yield items.pop()


def check_kinds(document: DraftDocument, catalogue: KindCatalogue, problems: list[Problem]) -> None:
    """The kinds a fragment names, checked on its own (its references are checked where it is included)."""
    report = _reporter(problems, None)
    for group in document.groups:
        _kind(group.kind, group.spans.get("kind", group.span), catalogue, report, boundary=True)
    for element in document.elements:
        _kind(element.kind, element.spans.get("kind", element.span), catalogue, report, boundary=False)


Report = Callable[[str, str, SourceSpan, "str | None"], None]


def _reporter(problems: list[Problem], model_id: str | None) -> Report:
    def report(code: str, message: str, span: SourceSpan, about: str | None = None) -> None:
        problems.append(Problem(code, Severity.ERROR, message, span, model_id, about))
    return report


def _stem(path: str) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def _merge(document: DraftDocument, chain: list[Hashable], merged: _Merged, includes: Includes | None,
           problems: list[Problem], model_id: str) -> None:
    for include in document.includes:
        _include(document, include, chain, merged, includes, problems, model_id)
    merged.documents.append(document)


def _include(document: DraftDocument, include: DraftInclude, chain: list[Hashable], merged: _Merged,
             includes: Includes | None, problems: list[Problem], model_id: str) -> None:
    def report(code: str, message: str) -> None:
        problems.append(Problem(code, Severity.ERROR, message, include.span, model_id))

    if includes is None:
        report(codes.INVALID_INCLUDE, f"include '{include.path}': this source cannot include fragments")
        return
    try:
        key, display = includes.locate(document.path, include.path)
    except ReadError as error:
        report(error.code, error.message)
        return
    if key in chain:
        report(codes.INVALID_INCLUDE, f"include '{include.path}' is circular: it includes this file again")
        return
    if len(chain) > codes.MAX_INCLUDE_DEPTH:
        report(codes.INCLUDE_TOO_DEEP, f"include '{include.path}' is nested {len(chain)} includes deep; "
                                       f"includes nest at most {codes.MAX_INCLUDE_DEPTH} levels")
        return
    if key in merged.seen:
        return  # already merged through another include
    merged.seen.add(key)
    merged.includes.append(display)
    fragment = includes.read(key, display, problems, model_id)
    if fragment is not None:
        _merge(fragment, chain + [key], merged, includes, problems, model_id)


def _kind(written: str | None, span: SourceSpan, catalogue: KindCatalogue, report: Report, *,
          boundary: bool) -> str | None:
    if written is None:
        return None
    found = catalogue.group_kind(written) if boundary else catalogue.element_kind(written)
    if found is not None:
        return found.name
    suggestions = catalogue.suggest(written, boundary=boundary)
    if boundary and not suggestions:
        suggestions = catalogue.suggest(written)
    hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
    what = "group kind" if boundary else "kind"
    report(codes.UNKNOWN_KIND, f"unknown {what} '{written}'{hint}", span, None)
    return None


def _property_spans(spans: dict[str, SourceSpan]) -> FrozenMap[str, SourceSpan]:
    return FrozenMap((key[len("properties."):], span) for key, span in spans.items() if key.startswith("properties."))


def _frozen(items: dict[str, Any]) -> FrozenMap[str, Any]:
    """A FrozenMap of a dict; the shared empty one for an empty dict (most elements have no links or properties)."""
    return FrozenMap(items) if items else EMPTY


def _field_spans(spans: dict[str, SourceSpan]) -> tuple[FrozenMap[str, SourceSpan], FrozenMap[str, SourceSpan]]:
    """An element's `spans` split in one pass: its own fields' (no dot) and its properties' (`properties.x`)."""
    for key in spans:
        if "." in key:
            break
    else:  # only its own fields, as most elements have: taken whole (a third of the cost of splitting)
        return _frozen(spans), EMPTY
    fields: dict[str, SourceSpan] = {}
    properties: dict[str, SourceSpan] = {}
    for key, span in spans.items():
        if "." not in key:
            fields[key] = span
        elif key.startswith("properties."):
            properties[key[len("properties."):]] = span
    return _frozen(fields), _frozen(properties)


def _group(group: DraftGroup, catalogue: KindCatalogue, report: Report) -> Group:
    kind = _kind(group.kind, group.spans.get("kind", group.span), catalogue, report, boundary=True)
    return Group(
        id=group.id, kind=kind or "boundary", label=group.label or group.id, span=group.span, parent=group.parent,
        description=group.description, tags=tuple(group.tags), properties=FrozenMap(group.properties),
        property_spans=_property_spans(group.spans), links=FrozenMap(group.links), iac=tuple(group.iac),
        owner=group.owner, view=group.view, docs=tuple(group.docs),
        spans=FrozenMap((k, v) for k, v in group.spans.items()
                        if k in ("kind", "view") or (k == "in" and group.nested_in is None)),
    )


def _element(element: DraftElement, catalogue: KindCatalogue, report: Report, kind_names: dict[str, str]) -> Element:
    kind = kind_names.get(element.kind) if element.kind is not None else None
    if kind is None and element.kind is not None:  # not seen yet, or unknown (reported each time it is written)
        kind = _kind(element.kind, element.spans.get("kind", element.span), catalogue, report, boundary=False)
        if kind is not None:
            kind_names[element.kind] = kind
    spans, property_spans = _field_spans(element.spans)
    # Every field in Element's order, given positionally: 17 keywords cost a third of the whole call.
    return Element(
        element.id, kind or "component", element.label or element.id, element.span,  # id, kind, label, span
        element.description, element.layer, element.group, tuple(element.tags), element.technology,
        _frozen(element.properties), property_spans, _frozen(element.links), tuple(element.iac), element.owner,
        element.view, tuple(element.docs), spans,
    )


def _rules(draft: DraftRules, known_ids: set[str], checked: References) -> Rules:
    for ignore in draft.ignore:
        if ignore.element is not None and ignore.element not in known_ids:
            checked.unknown(ignore.element_span or ignore.span, "element or group", ignore.element, known_ids, None)
    return Rules(
        severity=FrozenMap((code, level) for code, (level, _span) in draft.severity.items()),
        severity_spans=FrozenMap((code, span) for code, (_level, span) in draft.severity.items()),
        ignore=tuple(Ignore(i.rule, i.reason, i.span, i.element, i.relation) for i in draft.ignore),
        options=FrozenMap(draft.options),
        span=draft.span,
    )
