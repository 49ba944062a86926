"""Reading an architecture on the built site in Chromium: boxes lead to their entries or detail views (Mermaid
and Image tabs), full screen opens and closes, the legend names the arrows a view uses, breadcrumbs lead
back, documents are published with their status. One build of tests/site/fixtures/drilldown per module."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import built_site, served_site

from archdoc.load import load_paths

REPO = Path(__file__).resolve().parents[2]
PROJECT = Path(__file__).resolve().parent / "fixtures" / "drilldown"
WAIT_DRAWN = "pre.archdoc-mermaid[data-archdoc-state=drawn] .archdoc-link"
# Box id in the model -> where clicking it goes (the shop's context view: every box, and the VPC boundary).
CONTEXT_TARGETS = {"users": "models/shop/#el-users", "api": "models/shop/#view-api-detail",
                   "db": "models/other/#view-data", "queue": "models/shop/#el-queue", "vpc": "models/shop/#view-network"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("drilldown") / "project"
    shutil.copytree(PROJECT, project)
    with served_site(built_site(project)) as base:
        yield base


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    opened.dialogs = []
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


def _open(page: Any, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_selector(WAIT_DRAWN)


def _context_section(page: Any) -> Any:
    return page.locator("h3#view-context ~ .tabbed-set").first


def _box_ids(page: Any, selector: str) -> dict[str, str]:
    """Mermaid's node or the image's node of each box: the id the page's box list gives it, by model id."""
    return page.evaluate("""(selector) => {
      const found = {};
      const heading = document.getElementById('view-context');
      let element = heading.nextElementSibling;
      while (element && !/^H[1-3]$/.test(element.tagName)) {
        element.querySelectorAll('a[' + selector + ']').forEach(a => {
          found[a.getAttribute('href')] = a.getAttribute(selector);
        });
        element = element.nextElementSibling;
      }
      return found;
    }""", selector)


def test_clicking_each_box_of_the_mermaid_diagram_goes_to_its_entry_or_detail_view(page: Any, server: str) -> None:
    _open(page, server + "models/shop/")
    count = page.locator("h3#view-context ~ .tabbed-set pre.archdoc-mermaid").first.locator(".archdoc-link").count()
    assert count == len(CONTEXT_TARGETS)
    for box, target in CONTEXT_TARGETS.items():
        _open(page, server + "models/shop/")
        diagram = _context_section(page).locator("pre.archdoc-mermaid")
        node = page.evaluate(f"""() => Array.from(document.querySelectorAll('p.archdoc-boxes a'))
            .find(a => a.getAttribute('href').endsWith('-{box}') || a.textContent.startsWith('{box}'))
            .getAttribute('data-archdoc-node')""")
        shape = diagram.locator(f"g.node[id$='-flowchart-{node}-{int(node[1:]) - 1}'], g.cluster[id$='-{node}']")
        if box == "vpc":  # a boundary: click its frame, not a box inside it
            shape.locator("rect").first.click(position={"x": 6, "y": 6})
        else:
            shape.click()
        page.wait_for_url(server + target)
    assert page.dialogs == []


def test_clicking_each_box_of_the_image_goes_to_its_entry_or_detail_view(page: Any, server: str) -> None:
    for box, target in CONTEXT_TARGETS.items():
        _open(page, server + "models/shop/")
        section = _context_section(page)
        section.locator(".tabbed-labels > label", has_text="Image").click()
        frame = section.locator(".archdoc-image-frame[data-archdoc-zoom]")
        frame.wait_for()
        assert frame.locator("script, foreignObject, [onload], [onclick]").count() == 0
        name = f"cluster_{box}" if box == "vpc" else box
        shape = frame.locator("g.archdoc-link").filter(has=page.locator(f"title:text-is('{name}')"))
        if box == "vpc":
            shape.locator("path, polygon").first.click(position={"x": 8, "y": 8}, force=True)
        else:
            shape.click(force=True)
        page.wait_for_url(server + target)


def test_a_box_with_a_detail_view_is_marked(page: Any, server: str) -> None:
    _open(page, server + "models/shop/")
    marked = page.evaluate("""() => Array.from(document.querySelectorAll('h3#view-context ~ .tabbed-set')[0]
        .querySelectorAll('pre.archdoc-mermaid .archdoc-has-detail')).map(g => g.getAttribute('data-archdoc-href'))""")
    assert sorted(marked) == ["#view-api-detail", "#view-network", "../other/#view-data"]


def test_full_screen_opens_and_escape_closes_it(page: Any, server: str) -> None:
    _open(page, server + "models/shop/")
    diagram = _context_section(page).locator("pre.archdoc-mermaid")
    diagram.hover()
    diagram.locator("button.archdoc-fullscreen-button").click()
    box = diagram.bounding_box()
    assert box is not None and box["width"] >= 1390 and box["height"] >= 890  # the whole window
    page.keyboard.press("Escape")
    box = diagram.bounding_box()
    assert box is not None and box["width"] < 1000
    assert page.evaluate("() => document.querySelectorAll('.archdoc-fullscreen').length") == 0


def test_the_legend_lists_exactly_the_arrow_kinds_each_view_uses(page: Any, server: str) -> None:
    _open(page, server + "models/shop/")
    legends = page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('h3[id^=view-]'))
        .map(h => { let e = h.nextElementSibling; while (e && !e.classList.contains('archdoc-legend')) e = e.nextElementSibling;
          return [h.id, e ? Array.from(e.querySelectorAll('[data-archdoc-arrow]')).map(a => a.dataset.archdocArrow) : []]; }))""")
    # context: users -> api, api -> db (sync), api -> queue (async); network: api -> db only
    assert legends == {"view-context": ["sync", "async"], "view-api-detail": ["sync", "async"],
                       "view-network": ["sync"]}


def test_breadcrumbs_lead_back_up_also_from_another_model(page: Any, server: str) -> None:
    _open(page, server + "models/other/")
    crumbs = page.locator("h3#view-data ~ nav.archdoc-breadcrumbs").first
    assert crumbs.inner_text().startswith("Up: Shop: Context › db › Data")
    crumbs.locator("a", has_text="Context").click()
    page.wait_for_url(server + "models/shop/#view-context")
    _open(page, server + "models/shop/")
    page.locator("h3#view-api-detail ~ nav.archdoc-breadcrumbs a", has_text="Context").first.click()
    page.wait_for_url(server + "models/shop/#view-context")


def test_hostile_labels_in_linked_views_create_no_dialog_or_script(page: Any, server: str) -> None:
    _open(page, server + "models/other/")
    for label in page.locator(".tabbed-labels > label").all():
        label.click()
    page.wait_for_timeout(300)
    executed = page.evaluate("""() => ({flag: window.__archdocPwned === undefined ? null : String(window.__archdocPwned),
        handlers: document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]').length,
        scripts: Array.from(document.scripts).filter(s => s.textContent.includes('archdocPwned')).length})""")
    assert executed == {"flag": None, "handlers": 0, "scripts": 0}
    assert page.dialogs == []
    assert "<script>window.__archdocPwned='label'; alert(1)</script>" in page.inner_text("article")


def test_documents_are_published_with_their_status_and_escaped(page: Any, server: str) -> None:
    page.goto(server + "documents/", wait_until="load")
    rows = page.evaluate("() => Array.from(document.querySelectorAll('article table tbody tr'))"
                         ".map(tr => Array.from(tr.cells).map(td => td.innerText.trim()))")
    assert [row[:2] for row in rows] == [["ADR 1: Use a queue", "Accepted"], ["Network layout", "proposed"]]
    page.goto(server + "documents/network/", wait_until="load")
    assert "The VPC <script>alert(1)</script>." in page.inner_text("article")
    page.goto(server + "documents/adr-1/", wait_until="load")
    assert "root:x:0:0" not in page.inner_text("article")  # snippets do not read /etc/passwd into it
    assert page.dialogs == []


def test_a_document_outside_the_project_is_refused_with_its_place(tmp_path: Path, monkeypatch: Any) -> None:
    (tmp_path / "project" / "models").mkdir(parents=True)
    (tmp_path / "outside.md").write_text("# secret\n", encoding="utf-8")
    (tmp_path / "project" / "models" / "m.yaml").write_text(
        "elements:\n  - id: a\n    docs: [ok.md, ../../outside.md]\n", encoding="utf-8")
    (tmp_path / "project" / "models" / "ok.md").write_text("# ok\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "project")
    found = [str(problem) for problem in load_paths([Path("models")]).problems if problem.code == "AD122"]
    assert found == [f"models{os.sep}m.yaml:3:19: error AD122 `../../outside.md` leaves the project folder .; "
                     "it is not published"]


def test_switching_to_the_dark_palette_redraws_mermaid_in_the_dark_theme(page: Any, server: str) -> None:
    _open(page, server + "models/shop/")
    diagram = "h3#view-context ~ .tabbed-set pre.archdoc-mermaid svg"
    style_of = "(s) => document.querySelector(s + ' style').textContent"
    light = page.evaluate(style_of, diagram)
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.wait_for_function("([s, light]) => { const n = document.querySelector(s + ' style');"
                           " return n && n.textContent !== light; }", arg=[diagram, light], timeout=15_000)
    dark = page.evaluate(style_of, diagram)
    assert dark != light  # Mermaid's theme styles of the diagram are the dark theme's now
    assert page.url.endswith("models/shop/")  # re-themed in place, without a reload
    assert page.locator(diagram).first.locator(".archdoc-link").count() > 0  # still clickable
