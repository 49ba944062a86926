"""The site's content, planned from the linted models as Markdown pages, image requests and navigation.

Pure: nothing is written here (the site builder writes), and the same models and report
give the same plan, byte for byte. Every text a model supplies goes through the escaping
in `pages_text` before it reaches a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archdoc.lint import RULES, LintReport
from archdoc.model import Model, Problem
from archdoc.site.pages.diagrams import ImageRequest, view_image
from archdoc.site.pages.documents import INDEX as DOCUMENTS_INDEX
from archdoc.site.pages.documents import collect_documents, document_pages
from archdoc.site.pages.gallery import gallery_page, rule_page, rules_index
from archdoc.site.pages.model import kind_icon, model_page
from archdoc.site.pages.navigation import site_index
from archdoc.site.pages.text import escape_html, safe_name

__all__ = ["ImageRequest", "SitePlan", "model_path", "plan_site"]


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


def plan_site(models: list[Model], report: LintReport) -> SitePlan:
    """The gallery, one page per model, and the rule reference."""
    pages: dict[str, str] = {}
    images: list[ImageRequest] = []
    problems: list[Problem] = []
    cards: list[tuple[Model, str, str, list[Problem]]] = []
    model_nav: list[Any] = []
    index = site_index(models)
    documents = collect_documents(models)
    for model in sorted(models, key=lambda model: model.id):
        findings = report.for_model(model.id)
        page = model_page(model, findings, index, documents)
        path = model_path(model.id)
        pages[path] = page.markdown
        images += page.images
        problems += page.problems
        cards.append((model, path, _thumbnail(model), findings + list(page.problems)))
        # Material writes navigation titles into the page as HTML: escape them here.
        model_nav.append({escape_html(model.display_title): path})
    pages["index.md"] = gallery_page(cards)
    pages["rules/index.md"] = rules_index(RULES)
    rule_nav: list[Any] = [{"All rules": "rules/index.md"}]
    for code, rule in RULES.items():
        pages[f"rules/{code}.md"] = rule_page(rule)
        rule_nav.append({f"{code} {rule.name}": f"rules/{code}.md"})
    nav = [{"Gallery": "index.md"}, {"Models": model_nav}, {"Rules": rule_nav}]
    if documents:
        pages.update(document_pages(documents, index.titles, index.items))
        nav.insert(2, {"Documents": [{"All documents": DOCUMENTS_INDEX}] + [
            {escape_html(document.title): document.page} for document in documents.values()]})
    return SitePlan(dict(sorted(pages.items())), tuple(images), nav, tuple(problems), _icons(models))


def _icons(models: list[Model]) -> dict[str, str]:
    """The icon of every kind the models use, for the element entries."""
    files: dict[str, str] = {}
    for model in models:
        for element in model.elements:
            icon = kind_icon(element.kind)
            if icon is not None:
                files[icon[0]] = icon[1]
    return dict(sorted(files.items()))


def model_path(model_id: str) -> str:
    """The docs-relative path of a model's page."""
    return f"models/{safe_name(model_id)}.md"


def _thumbnail(model: Model) -> str:
    """The card's picture: the view called `overview` (archdoc makes one when a model has none), else the first."""
    view = next((view for view in model.views if view.id == "overview"), model.views[0])
    return view_image(model.id, view.id)
