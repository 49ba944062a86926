"""A large model's elements on pages of their own: every entry once, every link to it (from any page) right.

The split thresholds are lowered so that the shop fixture (8 elements) splits like a model of
thousands: the same code path, pages a person can read in a test.
"""

from __future__ import annotations

import html
import posixpath
import re
import shutil
from pathlib import Path

import pytest
import test_pages
from test_pages import FIXTURES, Tree, plan, render

from archdoc.cli import main
from archdoc.site.pages import SitePlan, places
from archdoc.site.pages.places import html_href, markdown_href, page_url


@pytest.fixture
def split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(places, "SPLIT_ABOVE", 3)
    monkeypatch.setattr(places, "PAGE_SIZE", 1)


def _ids(site: SitePlan) -> dict[str, set[str]]:
    """The anchors of the model pages (the rule reference has no element links)."""
    return {path: set(Tree(render(page)).ids()) for path, page in site.pages.items() if path.startswith("models/")}


def test_each_entry_is_on_exactly_one_page_which_search_and_the_nav_name(split: None) -> None:
    models, site = plan(FIXTURES / "shop")
    [model] = models
    ids = _ids(site)
    assert not [anchor for anchor in ids["models/shop.md"] if anchor.startswith("el-")]  # the index only
    for entry in site.search:
        holding = [path for path, anchors in ids.items() if entry.anchor in anchors]
        assert holding == [entry.page], entry
    assert [entry.anchor for entry in site.search] == [f"el-{element.id}" for element in model.elements]
    [nav] = site.nav[1]["Models"]
    assert nav == {"Web shop": [
        "models/shop.md",
        {"Edge": "models/shop/elements/edge.md"}, {"Edge (2)": "models/shop/elements/edge-2.md"},
        {"Application": "models/shop/elements/app.md"},
        {"Data": "models/shop/elements/data.md"}, {"Data (2)": "models/shop/elements/data-2.md"},
        {"Operations": "models/shop/elements/ops.md"}, {"Operations (2)": "models/shop/elements/ops-2.md"},
        {"Without a layer": "models/shop/elements/_none.md"}]}


def test_an_element_page_says_each_relation_in_full_without_a_table_that_doubles_it(split: None) -> None:
    _models, site = plan(FIXTURES / "shop")
    app = Tree(render(site.pages["models/shop/elements/app.md"]))
    assert not app.root.iter("table")
    [api] = [node for node in app.root.iter() if node.attrs.get("id") == "el-api"]
    said = " ".join(api.all_text().split())
    assert "Orders DB: SQL (sync, PostgreSQL wire protocol)" in said  # technology, not only label and kind
    assert "Called by ← Load balancer: HTTP (sync)" in said


def test_every_link_from_every_page_reaches_an_anchor_that_exists(split: None) -> None:
    _models, site = plan(FIXTURES / "shop")
    ids = _ids(site)
    checked = 0
    for path, page in site.pages.items():
        if path.startswith("rules/"):
            continue
        for link in Tree(render(page)).root.iter("a"):
            href = link.attrs.get("href") or ""
            if re.match(r"^[a-z]+:", href) or href.endswith((".svg", ".png")) or link.attrs.get("class") == "headerlink":
                continue
            target, _, anchor = href.partition("#")
            docs = _docs_path(path, target)
            assert docs in site.pages, (path, href)
            assert not anchor or docs.startswith("rules/") or anchor in ids[docs], (path, href)
            checked += 1
    assert checked > 150


def _docs_path(page: str, target: str) -> str:
    """The docs page a link leads to: a Markdown `.md` link, or a raw HTML URL as MkDocs names pages."""
    if not target:
        return page
    if target.endswith(".md"):
        return posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
    folder = posixpath.normpath(posixpath.join(page_url(page, True), target))
    return f"{folder}.md"


def test_a_group_lists_its_first_members_and_counts_the_rest(tmp_path: Path) -> None:
    elements = ", ".join(f"{{id: e{n}, in: box}}" for n in range(60))
    (tmp_path / "many.yaml").write_text(f"groups: [{{id: box}}]\nelements: [{elements}]\n")
    _models, site = plan(tmp_path)
    page = site.pages["models/many.md"]
    groups = page[page.index("## Groups"):page.index("## Relations")]
    text = " ".join(Tree(render(groups)).root.all_text().split())
    assert "Elements: e0, e1," in text and "e19, and 40 more" in text and "e20," not in text


def test_raw_html_links_are_the_urls_mkdocs_gives_the_pages() -> None:
    assert html_href("models/x.md", "models/x/elements/app.md", "el-a") == "elements/app/#el-a"
    assert html_href("models/x/elements/app.md", "models/x.md", "grp-b") == "../../#grp-b"
    assert html_href("models/x/elements/app.md", "assets/icons/k.png") == "../../../../assets/icons/k.png"
    assert html_href("models/x.md", "models/x/elements/app.md", "el-a", directory_urls=False) == \
        "x/elements/app.html#el-a"
    assert html_href("models/x.md", "models/x.md", "el-a") == "#el-a"
    assert markdown_href("documents/adr.md", "models/x/elements/app.md", "el-a") == "../models/x/elements/app.md#el-a"


@pytest.mark.slow  # renders every page of the hostile site
def test_hostile_text_on_element_pages_stays_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(places, "SPLIT_ABOVE", 1)
    hostile = plan(FIXTURES / "hostile")
    assert any("/elements/" in path for path in hostile[1].pages)
    test_pages.test_hostile_text_never_becomes_html_attributes_or_active_links(hostile)


@pytest.mark.slow  # one MkDocs build, in this process so that the thresholds are lowered in it
def test_a_split_site_builds_strict_and_every_link_in_its_html_resolves(
        split: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "models").mkdir()
    shutil.copy(FIXTURES / "shop" / "shop.yaml", tmp_path / "models")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--strict", "-q", "--out", "site"]) == 0
    site = tmp_path / "site"
    pages = [page for page in site.rglob("*.html") if page.name != "404.html"]
    anchors = {page.resolve(): set(re.findall(r'\sid="([^"]+)"', page.read_text())) for page in pages}
    broken = []
    for page in pages:
        for url in re.findall(r'\s(?:href|src)="([^"#][^"]*|#[^"]+)"', page.read_text()):
            url = html.unescape(url)
            if re.match(r"^[a-z]+:", url) or url.startswith("/"):
                continue
            path, _, anchor = url.partition("#")
            target = (page.parent / path).resolve() if path else page.resolve()
            target = target / "index.html" if target.is_dir() else target
            if not target.exists() or (anchor and target.suffix == ".html" and anchor not in anchors[target]):
                broken.append((str(page.relative_to(site)), url))
    assert broken == []
    assert (site / "models" / "shop" / "elements" / "edge-2" / "index.html").is_file()
