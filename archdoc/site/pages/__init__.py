"""The site's content, planned from the linted models as Markdown pages, image requests and navigation.

Pure: nothing is written here (the site builder writes), and the same models and report
give the same plan, byte for byte. Every text a model supplies goes through the escaping
in `pages_text` before it reaches a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archdoc.lint import RULES, LintReport
from archdoc.lint.registry import BANDS
from archdoc.model import Model, Problem
from archdoc.site.pages.diagrams import ImageRequest, view_image
from archdoc.site.pages.documents import INDEX as DOCUMENTS_INDEX
from archdoc.site.pages.documents import collect_documents, document_pages
from archdoc.site.pages.elements import kind_icon
from archdoc.site.pages.gallery import gallery_page, rule_page, rules_index
from archdoc.site.pages.model import model_page
from archdoc.site.pages.navigation import SiteIndex, site_index
from archdoc.site.pages.places import model_page_path as model_path
from archdoc.site.pages.text import escape_html

__all__ = ["ImageRequest", "SearchEntry", "SitePlan", "model_path", "plan_site"]


@dataclass(frozen=True)
class SearchEntry:
    """One element for the site's search index: its page (docs path), anchor, and what a search matches.

    `title` and `text` are plain model text, not HTML: escape them wherever they are written as HTML.
    """

    page: str  # `models/x.md` or `models/x/elements/app.md`
    anchor: str  # `el-<id>`
    title: str  # the element's label
    text: str  # kind, technology, tags and description


@dataclass(frozen=True)
class SitePlan:
    """What the site holds: pages (docs-relative path -> Markdown), the images they show, their navigation.

    `problems` are what drawing the diagrams reported (AD301, AD302: views drawn collapsed);
    they appear on the model pages too.
    """

    pages: dict[str, str]
    images: tuple[ImageRequest, ...]
    nav: list[Any]
    problems: tuple[Problem, ...] = ()
    files: dict[str, str] = field(default_factory=dict)  # site path -> file copied as is (kind icons)
    search: tuple[SearchEntry, ...] = ()  # one per element, for the search index


def plan_site(models: list[Model], report: LintReport, directory_urls: bool = True) -> SitePlan:
    """The gallery, one page per model (and element pages of large models), and the rule reference.

    `directory_urls` is MkDocs' `use_directory_urls`: the element entries are raw HTML, whose
    links MkDocs does not rewrite, so they are written as the URLs it will give the pages.
    """
    pages: dict[str, str] = {}
    images: list[ImageRequest] = []
    problems: list[Problem] = []
    cards: list[tuple[Model, str, str, list[Problem]]] = []
    model_nav: list[Any] = []
    index = site_index(models, directory_urls)
    documents = collect_documents(models)
    search: list[SearchEntry] = []
    for model in sorted(models, key=lambda model: model.id):
        findings = report.for_model(model.id)
        page = model_page(model, findings, index, documents)
        path = model_path(model.id)
        pages[path] = page.markdown
        pages.update(page.element_pages)
        images += page.images
        problems += page.problems
        cards.append((model, path, _thumbnail(model), findings + list(page.problems)))
        search += _search_entries(model, index)
        # Material writes navigation titles into the page as HTML: escape them here.
        title = escape_html(model.display_title)
        if page.nav:
            model_nav.append({title: [path] + [{escape_html(name): where} for name, where in page.nav]})
        else:
            model_nav.append({title: path})
    pages["index.md"] = gallery_page(cards)
    pages["rules/index.md"] = rules_index(RULES)
    pages.update((f"rules/{code}.md", rule_page(rule)) for code, rule in RULES.items())
    nav = [{"Gallery": "index.md"}, {"Models": model_nav}, {"Rules": _rule_nav()}]
    if documents:
        pages.update(document_pages(documents, index))
        nav.insert(2, {"Documents": [{"All documents": DOCUMENTS_INDEX}] + [
            {escape_html(document.title): document.page} for document in documents.values()]})
    return SitePlan(dict(sorted(pages.items())), tuple(images), nav, tuple(problems), _icons(models), tuple(search))


def _rule_nav() -> list[Any]:
    """The rule reference's navigation, a section per band: with Material's navigation.prune a page
    holds only its own band's entries, not all 130 rules (which were most of every page's bytes)."""
    bands: dict[str, list[Any]] = {}
    for code, rule in RULES.items():
        bands.setdefault(code[:3], []).append({f"{code} {rule.name}": f"rules/{code}.md"})
    titled = [{f"{prefix}xx {BANDS[prefix].split(':')[0]}": entries} for prefix, entries in bands.items()]
    return [{"All rules": "rules/index.md"}, *titled]


def _icons(models: list[Model]) -> dict[str, str]:
    """The icon of every kind the models use, for the element entries."""
    files: dict[str, str] = {}
    for model in models:
        for element in model.elements:
            icon = kind_icon(element.kind)
            if icon is not None:
                files[icon[0]] = icon[1]
    return dict(sorted(files.items()))


def _search_entries(model: Model, index: SiteIndex) -> list[SearchEntry]:
    """Each element's entry for search: found by its label, id, kind, technology, tags and description."""
    entries = []
    for element in model.elements:
        words = [element.id, element.kind, element.technology, *element.tags, element.description]
        text = " · ".join(" ".join(word.split()) for word in words if word.strip())
        entries.append(SearchEntry(index.entry_page(model.id, element.id), f"el-{element.id}",
                                   " ".join(element.label.split()), text))
    return entries


def _thumbnail(model: Model) -> str:
    """The card's picture: the view called `overview` (archdoc makes one when a model has none), else the first."""
    view = next((view for view in model.views if view.id == "overview"), model.views[0])
    return view_image(model.id, view.id)
