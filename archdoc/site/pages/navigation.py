"""How the site's pages lead to each other: detail views (`view:`), the way back up, and where elements appear.

Every link here is built from ids archdoc checked or made (element, group and view ids match
the id pattern, model ids are slugs, file names come from `safe_name`), never from model text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from archdoc.graph import build_graph
from archdoc.load.attached import split_view_ref
from archdoc.model import Element, Group, Model
from archdoc.render.views import slice_view
from archdoc.site.pages.places import EntryPage, entry_pages, html_href, markdown_href, model_page_path
from archdoc.site.pages.text import escape_inline

ViewKey = tuple[str, str]  # (model id, view id)


@dataclass(frozen=True)
class Parent:
    """A view leading to another: its box `item` names the other as its detail view."""

    view: ViewKey
    item: str


@dataclass
class SiteIndex:
    """What every model's views show and which boxes detail into which views, across the whole site."""

    titles: dict[str, str] = field(default_factory=dict)  # model id -> title
    views: dict[ViewKey, str] = field(default_factory=dict)  # view -> its title
    shown: dict[ViewKey, frozenset[str]] = field(default_factory=dict)  # view -> element and group ids drawn
    parents: dict[ViewKey, list[Parent]] = field(default_factory=dict)
    items: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (model, id) -> (anchor, label)
    # (model, element id) -> the docs page holding its entry, for elements not on their model's page
    pages: dict[tuple[str, str], str] = field(default_factory=dict)
    entry_pages: dict[str, tuple[EntryPage, ...]] = field(default_factory=dict)  # model -> its element pages
    directory_urls: bool = True  # how MkDocs names pages: raw HTML links must be written as it will

    def entry_page(self, model_id: str, item_id: str) -> str:
        """The docs page that holds an element's or group's entry (groups are always on the model's page)."""
        return self.pages.get((model_id, item_id)) or model_page_path(model_id)

    def anchor(self, model_id: str, item_id: str) -> str:
        """The anchor of an element's or group's entry (`el-<id>`, `grp-<id>`)."""
        return self.items.get((model_id, item_id), (f"el-{item_id}", ""))[0]

    def entry_href(self, from_page: str, model_id: str, item_id: str) -> str:
        """A Markdown link target from a docs page to an element's or group's entry."""
        return markdown_href(from_page, self.entry_page(model_id, item_id), self.anchor(model_id, item_id))

    def detail(self, model_id: str, item: Element | Group) -> ViewKey | None:
        """The view an element or group details into, when it names one that exists."""
        if item.view is None:
            return None
        parts = split_view_ref(item.view)
        if parts is None:
            return None
        key = (parts[0] or model_id, parts[1])
        return key if key in self.views else None

    def href(self, from_model: str, key: ViewKey) -> str:
        """A Markdown link target from a model's page to a view's section (same page or another model's)."""
        return markdown_href(model_page_path(from_model), model_page_path(key[0]), f"view-{key[1]}")

    def view_link(self, from_model: str, key: ViewKey) -> str:
        title = escape_inline(self.views[key])
        if key[0] != from_model:
            title = f"{escape_inline(self.titles[key[0]])}: {title}"
        return f"[{title}]({self.href(from_model, key)})"

    def trail(self, key: ViewKey) -> list[list[Parent]]:
        """The shortest ways up from a view: chains of views from the top down to it (no cycles)."""
        trails: list[list[Parent]] = []
        for parent in self.parents.get(key, []):
            chain = [parent]
            seen = {key, parent.view}
            while True:
                above = [p for p in self.parents.get(chain[0].view, []) if p.view not in seen]
                if not above:
                    break
                chain.insert(0, above[0])
                seen.add(above[0].view)
            trails.append(chain)
        shortest = min((len(chain) for chain in trails), default=0)
        return [chain for chain in trails if len(chain) == shortest]


def site_index(models: Iterable[Model], directory_urls: bool = True) -> SiteIndex:
    """The index of the given models (the whole site's, so `model-id/view-id` links resolve)."""
    index = SiteIndex(directory_urls=directory_urls)
    models = sorted(models, key=lambda model: model.id)
    for model in models:
        index.titles[model.id] = model.display_title
        index.entry_pages[model.id] = entry_pages(model)
        for page in index.entry_pages[model.id]:
            index.pages.update(((model.id, element.id), page.path) for element in page.elements)
        graph = build_graph(model)
        index.items.update(((model.id, group.id), (f"grp-{group.id}", group.label)) for group in model.groups)
        index.items.update(((model.id, element.id), (f"el-{element.id}", element.label)) for element in model.elements)
        for view in model.views:
            drawn = slice_view(graph, view)
            index.views[(model.id, view.id)] = view.title
            index.shown[(model.id, view.id)] = frozenset(
                [box.id for box in drawn.boxes] + [group.id for group in drawn.groups])
    for model in models:
        for item in (*model.groups, *model.elements):
            target = index.detail(model.id, item)
            if target is None:
                continue
            for view in model.views:
                key = (model.id, view.id)
                if key != target and item.id in index.shown[key]:
                    index.parents.setdefault(target, []).append(Parent(key, item.id))
    return index


def breadcrumbs(index: SiteIndex, model: Model, view_id: str) -> str:
    """"Up: Context › Orders › this view", one line per way up; empty for a view nothing leads to."""
    lines = []
    for chain in index.trail((model.id, view_id)):
        steps = []
        for parent in chain:
            steps.append(index.view_link(model.id, parent.view))
            steps.append(_item_link(index, model, parent))
        lines.append(" › ".join(steps + [f"**{escape_inline(index.views[(model.id, view_id)])}**"]))
    if not lines:
        return ""
    return '<nav class="archdoc-breadcrumbs" aria-label="Up" markdown>\n\n' + "  \n".join(
        f"Up: {line}" for line in lines) + "\n\n</nav>"


def _item_link(index: SiteIndex, model: Model, parent: Parent) -> str:
    """The box that leads down, linked to its entry (on its model's page or its element page)."""
    owner_model = parent.view[0]
    label = index.items[(owner_model, parent.item)][1]
    return f"[{escape_inline(label)}]({index.entry_href(model_page_path(model.id), owner_model, parent.item)})"


def views_showing(index: SiteIndex, model: Model, item_id: str) -> list[str]:
    """Links to the views of the model that draw an element or group."""
    return [index.view_link(model.id, (model.id, view.id)) for view in model.views
            if item_id in index.shown.get((model.id, view.id), frozenset())]


@dataclass(frozen=True)
class PageLinks:
    """Links from one page of the site (`page`, a docs path) of a model: to entries, views and the site's root."""

    index: SiteIndex
    model_id: str
    page: str

    def entry(self, item_id: str) -> str:
        """A Markdown link target to an element's or group's entry of this model."""
        return self.index.entry_href(self.page, self.model_id, item_id)

    def entry_url(self, item_id: str) -> str:
        """The same as a raw HTML link target."""
        return self.url(self.index.entry_page(self.model_id, item_id), self.index.anchor(self.model_id, item_id))

    def view_url(self, key: ViewKey) -> str:
        """A raw HTML link target to a view's section on its model's page."""
        return self.url(model_page_path(key[0]), f"view-{key[1]}")

    def url(self, path: str, anchor: str = "") -> str:
        """A raw HTML link target to a docs page or file (`assets/...`, `documents/x.md`)."""
        return html_href(self.page, path, anchor, self.index.directory_urls)

    def markdown(self, path: str, anchor: str = "") -> str:
        """A Markdown link target to a docs page or file."""
        return markdown_href(self.page, path, anchor)


def model_links(index: SiteIndex, model_id: str) -> PageLinks:
    """Links from a model's own page."""
    return PageLinks(index, model_id, model_page_path(model_id))
