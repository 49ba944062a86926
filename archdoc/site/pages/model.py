"""A model's page: what it is, its diagrams, every element, group and relation, and what its checks found."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from archdoc.graph import ModelGraph, build_graph
from archdoc.load import catalogue
from archdoc.model import Element, Group, Model, Problem, sort_problems
from archdoc.model.types import PropertyValue
from archdoc.site.pages.checks import cost_section, findings_section, layers_section, walk_groups
from archdoc.site.pages.diagrams import Diagrams, ImageRequest, draw_model
from archdoc.site.pages.documents import Document, page_links, relative_link
from archdoc.site.pages.failures import failure_section
from archdoc.site.pages.navigation import SiteIndex, site_index, views_showing
from archdoc.site.pages.owners import effective_owner, owners_section
from archdoc.site.pages.text import (
    code,
    drop_empty_columns,
    element_link,
    escape_inline,
    front_matter,
    group_link,
    join_blocks,
    link,
    safe_markdown,
    table,
)


@dataclass(frozen=True)
class ModelPage:
    """A model's page, the images it shows, and the problems met drawing them (AD301, AD302)."""

    markdown: str
    images: tuple[ImageRequest, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class _Context:
    """What a page's entries link to beyond the model: the site's views and the published documents."""

    index: SiteIndex
    documents: dict[str, Document]


def model_page(model: Model, findings: list[Problem], index: SiteIndex | None = None,
               documents: dict[str, Document] | None = None) -> ModelPage:
    """The Markdown of models/<id>.md for a model and the lint findings about it.

    The views come first (the model's first view is its main one), then what the model is.
    `index` is the whole site's (for `view:` links to other models); alone, the model's own.
    """
    graph = build_graph(model)
    context = _Context(index if index is not None else site_index([model]), documents or {})
    diagrams = draw_model(graph, context.index)
    problems = sort_problems(findings + diagrams.problems)
    markdown = join_blocks([
        front_matter(model.display_title),
        f"# {escape_inline(model.display_title)} {{#model}}",
        _views(diagrams),
        "## About this model {#about}",
        safe_markdown(model.description),
        _facts(model, context),
        _flows(diagrams),
        _elements(graph, context),
        _groups(graph, context),
        _relations(graph),
        layers_section(model),
        owners_section(graph),
        cost_section(graph),
        failure_section(graph),
        findings_section(graph, problems),
    ])
    return ModelPage(markdown + "\n", tuple(diagrams.images), tuple(diagrams.problems))


def counts(model: Model) -> str:
    """"5 elements · 4 relations · 2 views · 1 flow", for the page and the gallery card."""
    sizes = [(len(model.elements), "element"), (len(model.relations), "relation"), (len(model.views), "view"),
             (len(model.flows), "flow")]
    return " · ".join(f"{size} {word}{'' if size == 1 else 's'}" for size, word in sizes)


def _facts(model: Model, context: _Context) -> str:
    lines = [counts(model), f"Source: {code(model.path)}"]
    if model.includes:
        lines.append("Includes: " + ", ".join(code(path) for path in model.includes))
    if model.owner:
        lines.append(f"Owner: {escape_inline(model.owner)}")
    if model.tags:
        lines.append("Tags: " + ", ".join(escape_inline(tag) for tag in model.tags))
    if model.links:
        lines.append(_links(model, context, model.links))
    if model.docs and (documents := page_links(context.documents, model, model.docs)):
        lines.append(documents)
    # A box, not a bare list: a list right after a description ending in a list would join it.
    return '!!! info "About this model"\n\n' + "\n".join(f"    - {line}" for line in lines)


def _views(diagrams: Diagrams) -> str:
    return join_blocks(["## Views {#views}", *diagrams.views])


def _flows(diagrams: Diagrams) -> str:
    return join_blocks(["## Flows {#flows}", *diagrams.flows]) if diagrams.flows else ""


# --- elements and groups ---------------------------------------------------------------

def _elements(graph: ModelGraph, context: _Context) -> str:
    """Every element once, with its anchor, under the heading of its layer (model order within)."""
    model = graph.model
    parts = ["## Elements {#elements}"]
    if not model.layers:
        return join_blocks(parts + [_element_entry(graph, context, element) for element in model.elements])
    sections: list[tuple[str | None, str]] = [
        (layer.id, f"### {escape_inline(layer.title)} {{#layer-{layer.id}}}") for layer in model.layers]
    sections.append((None, "### Without a layer {#no-layer}"))  # not layer-...: a layer may be called `none`
    for layer_id, heading in sections:
        members = [element for element in model.elements if element.layer == layer_id]
        if members:
            parts += [heading] + [_element_entry(graph, context, element) for element in members]
    return join_blocks(parts)


def kind_icon(kind_name: str) -> tuple[str, str] | None:
    """(site path, icon file) of a kind's diagrams icon, or None for a kind without one."""
    kind = catalogue().element_kind(kind_name)
    if kind is None or kind.icon is None:
        return None
    return f"assets/icons/{kind.name}.png", kind.icon


def _element_entry(graph: ModelGraph, context: _Context, element: Element) -> str:
    icon = kind_icon(element.kind)
    # Kind names come from the catalogue (letters, digits, dots): safe in a path and an alt text.
    shown = f"![{element.kind}](../{icon[0]}){{ .archdoc-icon }} " if icon else ""
    facts = [f"{shown}{code(element.kind)} ({escape_inline(graph.category(element.id))})"]
    if element.group is not None:
        facts.append(_inside(graph, element.group))
    rows = [("technology", escape_inline(element.technology))] if element.technology else []
    if element.tags:
        rows.append(("tags", ", ".join(escape_inline(tag) for tag in element.tags)))
    owner, source = effective_owner(graph, element)
    if owner:
        rows.append(("owner", escape_inline(owner) + (f" (from {source})" if source else "")))
    rows += _property_rows(element.properties)
    return join_blocks([
        f"#### {escape_inline(element.label)} {{#el-{element.id}}}",
        " · ".join(facts),
        safe_markdown(element.description),
        table(("Property", "Value"), rows) if rows else "",
        _navigation(graph, context, element),
        _element_relations(graph, element),
        _links(graph.model, context, element.links),
        page_links(context.documents, graph.model, element.docs),
    ])


def _navigation(graph: ModelGraph, context: _Context, item: Element | Group) -> str:
    """Its detail view and the views it appears in, linked."""
    lines = []
    detail = context.index.detail(graph.model.id, item)
    if detail is not None:
        lines.append(f"Detail view: {context.index.view_link(graph.model.id, detail)} ▸")
    shown = views_showing(context.index, graph.model, item.id)
    if shown:
        lines.append("In views: " + ", ".join(shown))
    return "  \n".join(lines)


def _element_relations(graph: ModelGraph, element: Element) -> str:
    """Its outgoing and incoming relations, each with the element at the other end linked."""
    def line(other: str, label: str, kind: str) -> str:
        said = f": {escape_inline(label)}" if label else ""
        return f"{element_link(graph.elements, other)}{said} ({kind})"
    outgoing = [line(r.target, r.label, r.kind.value) for r in graph.model.relations if r.source == element.id]
    incoming = [line(r.source, r.label, r.kind.value) for r in graph.model.relations if r.target == element.id]
    lines = (["**Calls →** " + " · ".join(outgoing)] if outgoing else []) + \
        (["**Called by ←** " + " · ".join(incoming)] if incoming else [])
    return "  \n".join(lines)


def _groups(graph: ModelGraph, context: _Context) -> str:
    """Every group with its anchor, outer groups before the groups nested in them."""
    if not graph.model.groups:
        return ""
    parts = ["## Groups {#groups}"]
    for group, _depth in walk_groups(graph):
        parts.append(_group_entry(graph, context, group))
    return join_blocks(parts)


def _group_entry(graph: ModelGraph, context: _Context, group: Group) -> str:
    facts = [code(group.kind)]
    if group.parent is not None:
        facts.append(_inside(graph, group.parent))
    members = [element_link(graph.elements, element.id) for element in graph.model.elements
               if element.group == group.id]
    nested = [group_link(graph.groups, child.id) for child in graph.model.groups if child.parent == group.id]
    rows = [("tags", ", ".join(escape_inline(tag) for tag in group.tags))] if group.tags else []
    if group.owner:
        rows.append(("owner", escape_inline(group.owner)))
    rows += _property_rows(group.properties)
    return join_blocks([
        f"### {escape_inline(group.label)} {{#grp-{group.id}}}",
        " · ".join(facts),
        safe_markdown(group.description),
        "**Elements:** " + ", ".join(members) if members else "",
        "**Groups inside:** " + ", ".join(nested) if nested else "",
        table(("Property", "Value"), rows) if rows else "",
        _navigation(graph, context, group),
        _links(graph.model, context, group.links),
        page_links(context.documents, graph.model, group.docs),
    ])


def _inside(graph: ModelGraph, group_id: str) -> str:
    """"in Region › VPC › Subnet": the enclosing groups, outermost first, as one reads a path."""
    return "in " + " › ".join(group_link(graph.groups, outer) for outer in reversed(graph.group_chain(group_id)))


def _property_rows(properties: dict[str, PropertyValue]) -> list[tuple[str, str]]:
    return [(escape_inline(name), escape_inline(_value_text(value))) for name, value in properties.items()]


def _value_text(value: PropertyValue) -> str:
    """A property as the model would write it (YAML words for booleans and null)."""
    if isinstance(value, tuple):
        return ", ".join(_value_text(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else str(value)


def _links(model: Model, context: _Context, links: Mapping[str, str]) -> str:
    """"Links: ..."; a relative path naming an attached document links to its published page."""
    shown = []
    for name, url in links.items():
        page = relative_link(context.documents, model, url)
        shown.append(f"[{escape_inline(name)}]({page})" if page else link(name, url))
    return "Links: " + " · ".join(shown) if shown else ""


# --- relations -------------------------------------------------------------------------

def _relations(graph: ModelGraph) -> str:
    relations = graph.model.relations
    if not relations:
        return join_blocks(["## Relations {#relations}", "This model has no relations."])
    header = ["#", "From", "To", "Label", "Kind", "Technology", "Tags", "Description"]
    rows = [[str(number), element_link(graph.elements, relation.source), element_link(graph.elements, relation.target),
             escape_inline(relation.label), relation.kind.value, escape_inline(relation.technology),
             ", ".join(escape_inline(tag) for tag in relation.tags), escape_inline(relation.description)]
            for number, relation in enumerate(relations, start=1)]
    return join_blocks(["## Relations {#relations}", drop_empty_columns(header, rows, keep=5)])
