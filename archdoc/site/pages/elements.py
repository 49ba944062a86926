"""The element catalogue: every element as a compact entry with its anchor, and the relations table, as raw HTML.

Raw HTML because Python-Markdown would spend most of a large build parsing ten thousand
Markdown entries, and because headings would put every element in the table of contents.
Markdown leaves raw HTML as written, so every model text here goes through `escape_html`
and every link is the final URL (`PageLinks.url`); a description is the one part written as
Markdown (`safe_markdown` inside an md_in_html `markdown="1"` block).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from archdoc.graph import ModelGraph
from archdoc.load import catalogue
from archdoc.load.attached import doc_path
from archdoc.model import Element, Group, Model, Relation
from archdoc.model.types import PropertyValue
from archdoc.site.pages.documents import Document, relative_page
from archdoc.site.pages.navigation import PageLinks, SiteIndex
from archdoc.site.pages.owners import effective_owner
from archdoc.site.pages.text import code_html, escape_attribute, flat_html, safe_markdown, safe_url

Numbered = list[tuple[int, Relation]]  # relations with their number in the model (the table's `#`)


@dataclass(frozen=True)
class Context:
    """What a page's entries link to beyond the model: the site's views and the published documents."""

    index: SiteIndex
    documents: dict[str, Document]


class Catalogue:
    """A model's element entries and relation rows, with each element's relations found once."""

    def __init__(self, graph: ModelGraph, context: Context) -> None:
        self.graph = graph
        self.context = context
        self.labels: dict[str, str] = {}  # element or group id -> its label as HTML (each is linked many times)
        self.outgoing: dict[str, Numbered] = {}
        self.incoming: dict[str, Numbered] = {}
        for number, relation in enumerate(graph.model.relations, start=1):
            self.outgoing.setdefault(relation.source, []).append((number, relation))
            self.incoming.setdefault(relation.target, []).append((number, relation))

    def entries(self, elements: Sequence[Element], links: PageLinks) -> str:
        """The entries of these elements, each its own block (md_in_html reads `markdown` only at the top)."""
        return "\n\n".join(self.entry(element, links) for element in elements)

    def entry(self, element: Element, links: PageLinks) -> str:
        graph = self.graph
        description = safe_markdown(element.description)
        parts = [f'<div class="archdoc-element" id="el-{element.id}"' + (' markdown="1">' if description else ">"),
                 self._head(element, links), _facts(graph, element, links)]
        if description:  # blank lines around it: Markdown blocks inside the md_in_html block
            parts.append(f'<div class="archdoc-description" markdown="1">\n\n{description}\n\n</div>')
        parts += [self._navigation(element, links), self._relations(element, links),
                  _links(graph.model, self.context.documents, element.links, links),
                  _documents(graph.model, self.context.documents, element.docs, links), "</div>"]
        return "\n".join(part for part in parts if part)

    def relations_table(self, relations: Numbered, links: PageLinks) -> str:
        """The relations with both ends linked, as a raw HTML table; optional columns empty in every row left out."""
        header = ["#", "From", "To", "Label", "Kind", "Technology", "Tags", "Description"]
        rows = [[str(number), self._link(relation.source, links), self._link(relation.target, links),
                 flat_html(relation.label), relation.kind.value, flat_html(relation.technology),
                 ", ".join(flat_html(tag) for tag in relation.tags), flat_html(relation.description)]
                for number, relation in relations]
        used = [column for column in range(len(header)) if column < 5 or any(row[column] for row in rows)]
        head = "".join(f"<th>{header[column]}</th>" for column in used)
        body = "\n".join("<tr>" + "".join(f"<td>{row[column]}</td>" for column in used) + "</tr>" for row in rows)
        return f'<table class="archdoc-relations">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'

    def _head(self, element: Element, links: PageLinks) -> str:
        icon = kind_icon(element.kind)
        # Kind names come from the catalogue (letters, digits, dots): safe in a path and an alt text.
        shown = (f'<img alt="{escape_attribute(element.kind)}" class="archdoc-icon" loading="lazy" '
                 f'src="{escape_attribute(links.url(icon[0]))}"> ') if icon else ""
        inside = ""
        if element.group is not None:
            chain = reversed(self.graph.group_chain(element.group))
            inside = " · in " + " › ".join(self._group(group_id, links) for group_id in chain)
        return (f'<p class="archdoc-element-head">{shown}<strong>{flat_html(element.label)}</strong> '
                f"{code_html(element.kind)} ({flat_html(self.graph.category(element.id))}){inside}</p>")

    def _navigation(self, element: Element, links: PageLinks) -> str:
        """Its detail view and the views it appears in, linked."""
        index, model = self.context.index, self.graph.model
        lines = []
        detail = index.detail(model.id, element)
        if detail is not None:
            lines.append(f"Detail view: {self._view(detail, links)} ▸")
        shown = [self._view((model.id, view.id), links) for view in model.views
                 if element.id in index.shown.get((model.id, view.id), frozenset())]
        if shown:
            lines.append("In views: " + ", ".join(shown))
        return '<p class="archdoc-element-views">' + "<br>\n".join(lines) + "</p>" if lines else ""

    def _relations(self, element: Element, links: PageLinks) -> str:
        """Its outgoing and incoming relations, each with the element at the other end linked, and all a relation
        says (an element page has no relations table: it would double the page)."""
        def line(other: str, relation: Relation) -> str:
            said = f": {flat_html(relation.label)}" if relation.label else ""
            kind = ", ".join([relation.kind.value, *([flat_html(relation.technology)] if relation.technology else [])])
            tags = f" [{', '.join(flat_html(tag) for tag in relation.tags)}]" if relation.tags else ""
            about = f" — {flat_html(relation.description)}" if relation.description else ""
            return f"{self._link(other, links)}{said} ({kind}){tags}{about}"
        outgoing = [line(relation.target, relation) for _, relation in self.outgoing.get(element.id, [])]
        incoming = [line(relation.source, relation) for _, relation in self.incoming.get(element.id, [])]
        lines = (["<strong>Calls →</strong> " + " · ".join(outgoing)] if outgoing else []) + \
            (["<strong>Called by ←</strong> " + " · ".join(incoming)] if incoming else [])
        return '<p class="archdoc-element-relations">' + "<br>\n".join(lines) + "</p>" if lines else ""

    def _link(self, element_id: str, links: PageLinks) -> str:
        element = self.graph.elements.get(element_id)
        if element is None:  # a reference the loader reported as unknown: shown as written
            return flat_html(element_id)
        label = self.labels.get(element_id)
        if label is None:
            label = self.labels[element_id] = flat_html(element.label)
        # Ids match the id pattern and page names come from safe_name: nothing in the URL to escape.
        return f'<a href="{links.entry_url(element_id)}">{label}</a>'

    def _group(self, group_id: str, links: PageLinks) -> str:
        group = self.graph.groups.get(group_id)
        if group is None:
            return flat_html(group_id)
        return f'<a href="{escape_attribute(links.entry_url(group_id))}">{flat_html(group.label)}</a>'

    def _view(self, key: tuple[str, str], links: PageLinks) -> str:
        index = self.context.index
        title = flat_html(index.views[key])
        if key[0] != self.graph.model.id:
            title = f"{flat_html(index.titles[key[0]])}: {title}"
        return f'<a href="{escape_attribute(links.view_url(key))}">{title}</a>'


def kind_icon(kind_name: str) -> tuple[str, str] | None:
    """(site path, icon file) of a kind's diagrams icon, or None for a kind without one."""
    kind = catalogue().element_kind(kind_name)
    if kind is None or kind.icon is None:
        return None
    return f"assets/icons/{kind.name}.png", kind.icon


def _facts(graph: ModelGraph, element: Element, links: PageLinks) -> str:
    """Technology, tags, owner and properties as a definition list (a compact two-column table)."""
    rows = [("technology", flat_html(element.technology))] if element.technology else []
    if element.tags:
        rows.append(("tags", ", ".join(flat_html(tag) for tag in element.tags)))
    owner, source = effective_owner(graph, element)
    if owner:
        rows.append(("owner", flat_html(owner) + _owner_source(source, links)))
    rows += [(flat_html(name), flat_html(value_text(value))) for name, value in element.properties.items()]
    if not rows:
        return ""
    return '<dl class="archdoc-facts">' + "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows) + "</dl>"


def _owner_source(source: Group | str, links: PageLinks) -> str:
    if isinstance(source, Group):
        href = escape_attribute(links.entry_url(source.id))
        return f' (from <a href="{href}">{flat_html(source.label)}</a>)'
    return f" (from {source})" if source else ""


def value_text(value: PropertyValue) -> str:
    """A property as the model would write it (YAML words for booleans and null)."""
    if isinstance(value, tuple):
        return ", ".join(value_text(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else str(value)


def _links(model: Model, documents: dict[str, Document], named: Mapping[str, str], links: PageLinks) -> str:
    """"Links: ..."; a relative path naming an attached document links to its published page."""
    shown = []
    for name, url in named.items():
        page = relative_page(documents, model, url)
        target = links.url(*page) if page else safe_url(url)
        shown.append(f'<a href="{escape_attribute(target)}">{flat_html(name)}</a>' if target
                     else f"{flat_html(name)}: {flat_html(url)}")
    return "<p>Links: " + " · ".join(shown) + "</p>" if shown else ""


def _documents(model: Model, documents: dict[str, Document], items: Sequence[tuple[str, object]],
               links: PageLinks) -> str:
    """"Documents: ADR 7 (Accepted)" for `docs:` entries, linked to their pages."""
    shown = []
    for written, _span in items:
        document = documents.get(str(doc_path(model, str(written))))
        if document is not None:
            status = f" ({flat_html(document.status)})" if document.status else ""
            shown.append(f'<a href="{escape_attribute(links.url(document.page))}">{flat_html(document.title)}</a>'
                         f"{status}")
    return "<p>Documents: " + " · ".join(shown) + "</p>" if shown else ""
