"""A model's page: what it is, its diagrams, every element, group and relation, and what its checks found."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from archdoc.graph import ModelGraph, build_graph
from archdoc.model import Group, Model, Problem, sort_problems
from archdoc.model.types import PropertyValue
from archdoc.site.pages.checks import cost_section, findings_section, layers_section, walk_groups
from archdoc.site.pages.diagrams import Diagrams, ImageRequest, draw_model
from archdoc.site.pages.documents import Document, page_links, relative_link
from archdoc.site.pages.elements import Catalogue, Context, value_text
from archdoc.site.pages.failures import failure_section
from archdoc.site.pages.navigation import PageLinks, SiteIndex, model_links, site_index, views_showing
from archdoc.site.pages.owners import owners_section
from archdoc.site.pages.places import EntryPage, model_page_path
from archdoc.site.pages.text import (
    code,
    element_link,
    escape_inline,
    front_matter,
    group_link,
    join_blocks,
    link,
    safe_markdown,
    table,
)

SHOWN_MEMBERS = 20  # elements listed in a group's entry; the rest are counted (every entry names its groups)


@dataclass(frozen=True)
class ModelPage:
    """A model's page, the images it shows, the problems met drawing them (AD301, AD302), its element pages."""

    markdown: str
    images: tuple[ImageRequest, ...]
    problems: tuple[Problem, ...]
    element_pages: dict[str, str] = field(default_factory=dict)  # docs path -> Markdown, for a large model
    nav: tuple[tuple[str, str], ...] = ()  # (title, docs path) of the element pages


def model_page(model: Model, findings: list[Problem], index: SiteIndex | None = None,
               documents: dict[str, Document] | None = None) -> ModelPage:
    """The Markdown of models/<id>.md for a model and the lint findings about it.

    The views come first (the model's first view is its main one), then what the model is.
    `index` is the whole site's (for `view:` links to other models); alone, the model's own.
    A model of more than SPLIT_ABOVE elements lists its elements on pages of their own.
    """
    graph = build_graph(model)
    context = Context(index if index is not None else site_index([model]), documents or {})
    links = model_links(context.index, model.id)
    entries = Catalogue(graph, context)
    pages = context.index.entry_pages.get(model.id, ())
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
        _elements(graph, entries, links, pages),
        _groups(graph, context, links),
        _relations(graph, entries, links, pages),
        layers_section(model),
        owners_section(graph, links.entry),
        cost_section(graph, links.entry),
        failure_section(graph, links.entry),
        findings_section(graph, problems, links.entry),
    ])
    element_pages = {page.path: element_page(graph, entries, page, context.index) for page in pages}
    nav = tuple((page.title + (f" ({page.part})" if page.part > 1 else ""), page.path) for page in pages)
    return ModelPage(markdown + "\n", tuple(diagrams.images), tuple(diagrams.problems), element_pages, nav)


def counts(model: Model) -> str:
    """"5 elements · 4 relations · 2 views · 1 flow", for the page and the gallery card."""
    sizes = [(len(model.elements), "element"), (len(model.relations), "relation"), (len(model.views), "view"),
             (len(model.flows), "flow")]
    return " · ".join(f"{size} {word}{'' if size == 1 else 's'}" for size, word in sizes)


def _facts(model: Model, context: Context) -> str:
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

def _elements(graph: ModelGraph, entries: Catalogue, links: PageLinks, pages: tuple[EntryPage, ...]) -> str:
    """Every element once, with its anchor, under the heading of its layer (model order within);
    for a model split into element pages, an index of them instead."""
    model = graph.model
    parts = ["## Elements {#elements}"]
    if pages:
        return join_blocks(parts + [_index(model, links, pages)])
    if not model.layers:
        return join_blocks(parts + [entries.entries(model.elements, links)])
    sections: list[tuple[str | None, str]] = [
        (layer.id, f"### {escape_inline(layer.title)} {{#layer-{layer.id}}}") for layer in model.layers]
    sections.append((None, "### Without a layer {#no-layer}"))  # not layer-...: a layer may be called `none`
    for layer_id, heading in sections:
        members = [element for element in model.elements if element.layer == layer_id]
        if members:
            parts += [heading, entries.entries(members, links)]
    return join_blocks(parts)


def _index(model: Model, links: PageLinks, pages: tuple[EntryPage, ...]) -> str:
    """Per layer (or top-level group): how many elements it has, and links to its pages."""
    by = "layer" if model.layers else "outermost group"
    parts = [f"{len(model.elements):,} elements, listed on pages by {by}; search finds any of them by name."]
    sections: dict[str, list[EntryPage]] = {}
    for page in pages:
        sections.setdefault(page.anchor, []).append(page)
    for anchor, parts_of in sections.items():
        count = sum(len(page.elements) for page in parts_of)
        named = [f"[{_range(page)}]({links.markdown(page.path)})" for page in parts_of]
        parts += [f"### {escape_inline(parts_of[0].title)} {{#{anchor}}}",
                  f"{count:,} element{'s' if count != 1 else ''}: " + " · ".join(named)]
    return join_blocks(parts)


def _range(page: EntryPage) -> str:
    """"Elements 501–1,000" of a part (or "All elements" of a section on one page)."""
    if page.parts == 1:
        return "all on one page"
    return f"{page.first:,}–{page.first + len(page.elements) - 1:,}"


def element_page(graph: ModelGraph, entries: Catalogue, page: EntryPage, index: SiteIndex) -> str:
    """A page of element entries of a large model; each entry says its relations in full."""
    model = graph.model
    links = PageLinks(index, model.id, page.path)
    home = links.markdown(model_page_path(model.id))
    part = f" ({page.part} of {page.parts})" if page.parts > 1 else ""
    where = (f"[{escape_inline(model.display_title)}]({home}) › [Elements]({home}#elements) · "
             f"{len(page.elements):,} elements" + (f", {_range(page)}" if page.parts > 1 else ""))
    return join_blocks([
        front_matter(f"{model.display_title}: {page.title}{part}"),
        f"# {escape_inline(page.title)}{part} {{#elements}}",
        where,
        entries.entries(page.elements, links),
    ]) + "\n"


def _groups(graph: ModelGraph, context: Context, links: PageLinks) -> str:
    """Every group with its anchor, outer groups before the groups nested in them."""
    if not graph.model.groups:
        return ""
    members: dict[str, list[str]] = {}
    for element in graph.model.elements:
        if element.group is not None:
            members.setdefault(element.group, []).append(element.id)
    nested: dict[str, list[str]] = {}
    for group in graph.model.groups:
        if group.parent is not None:
            nested.setdefault(group.parent, []).append(group.id)
    parts = ["## Groups {#groups}"]
    for group, _depth in walk_groups(graph):
        parts.append(_group_entry(graph, context, links, group, members.get(group.id, []), nested.get(group.id, [])))
    return join_blocks(parts)


def _group_entry(graph: ModelGraph, context: Context, links: PageLinks, group: Group, member_ids: list[str],
                 nested_ids: list[str]) -> str:
    facts = [code(group.kind)]
    if group.parent is not None:
        facts.append(_inside(graph, group.parent))
    members = [element_link(graph.elements, element_id, links.entry) for element_id in member_ids[:SHOWN_MEMBERS]]
    if len(member_ids) > SHOWN_MEMBERS:
        members.append(f"and {len(member_ids) - SHOWN_MEMBERS:,} more (every element names its groups: "
                       "see [Elements](#elements))")
    nested = [group_link(graph.groups, child) for child in nested_ids]
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


def _navigation(graph: ModelGraph, context: Context, group: Group) -> str:
    """Its detail view and the views it appears in, linked."""
    lines = []
    detail = context.index.detail(graph.model.id, group)
    if detail is not None:
        lines.append(f"Detail view: {context.index.view_link(graph.model.id, detail)} ▸")
    shown = views_showing(context.index, graph.model, group.id)
    if shown:
        lines.append("In views: " + ", ".join(shown))
    return "  \n".join(lines)


def _inside(graph: ModelGraph, group_id: str) -> str:
    """"in Region › VPC › Subnet": the enclosing groups, outermost first, as one reads a path."""
    return "in " + " › ".join(group_link(graph.groups, outer) for outer in reversed(graph.group_chain(group_id)))


def _property_rows(properties: dict[str, PropertyValue]) -> list[tuple[str, str]]:
    return [(escape_inline(name), escape_inline(value_text(value))) for name, value in properties.items()]


def _links(model: Model, context: Context, links: Mapping[str, str]) -> str:
    """"Links: ..."; a relative path naming an attached document links to its published page."""
    shown = []
    for name, url in links.items():
        page = relative_link(context.documents, model, url)
        shown.append(f"[{escape_inline(name)}]({page})" if page else link(name, url))
    return "Links: " + " · ".join(shown) if shown else ""


# --- relations -------------------------------------------------------------------------

def _relations(graph: ModelGraph, entries: Catalogue, links: PageLinks, pages: tuple[EntryPage, ...]) -> str:
    relations = graph.model.relations
    if not relations:
        return join_blocks(["## Relations {#relations}", "This model has no relations."])
    if pages:
        return join_blocks(["## Relations {#relations}", f"{len(relations):,} relations: each element's entry on "
                            "its page of [Elements](#elements) says its relations in full."])
    numbered = list(enumerate(relations, start=1))
    return join_blocks(["## Relations {#relations}", entries.relations_table(numbered, links)])
