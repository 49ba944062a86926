"""The built site in a real Chromium: every page opened, every diagram drawn, no request leaving the site,
nothing run from model text. One build, one browser page, every HTML page of the site visited once."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from helpers import built_site, copy_gallery, served_site
from playwright.sync_api import TimeoutError as PlaywrightTimeout

REPO = Path(__file__).resolve().parents[2]
GALLERY = REPO / "models"
SCREENSHOT_PAGE = "models/three-tier-web/"

# Every payload sets window.__archdocPwned or opens a dialog if it ever runs.
HOSTILE = """\
id: hostile
title: "Hostile <script>window.__archdocPwned = 'title'; alert(1)</script>"
description: |
  <script>window.__archdocPwned = 'description'; alert(1)</script>
  <img src=x onerror="window.__archdocPwned = 'img'; alert(1)">
  [a link](javascript:window.__archdocPwned='link') and [another](JAVASCRIPT:alert(1))
  %%{init: {"securityLevel": "loose", "startOnLoad": true}}%%
  "double" 'single' `back` --8<-- "/etc/passwd"
links:
  evil: "javascript:window.__archdocPwned='model-link'"
layers:
  - {id: front, title: "<b onmouseover=alert(1)>Front</b>"}
  - {id: back, title: "%%{init: {'theme': 'dark'}}%%"}
groups:
  - id: zone
    kind: boundary
    label: "<svg onload=\\"window.__archdocPwned='group'\\">zone</svg>"
elements:
  - id: web
    label: "<script>window.__archdocPwned='label'; alert(1)</script>"
    description: "<img src=x onerror=\\"window.__archdocPwned='element'\\"> [x](javascript:alert(1))"
    layer: front
    in: zone
    links: {bad: "javascript:alert(1)"}
  - id: api
    label: "%%{init: {\\"securityLevel\\": \\"loose\\"}}%% \\"quoted\\" 'single' end"
    layer: front
    in: zone
  - id: db
    label: "<img src=x onerror=alert(1)> \\"; click db call alert(1)"
    layer: back
relations:
  - {from: web, to: api, label: "<script>alert(1)</script> --> x"}
  - {from: api, to: db, label: "%%{init: {'securityLevel': 'loose'}}%% | pipe"}
views:
  - id: overview
    title: "<img src=x onerror=\\"window.__archdocPwned='view'\\">"
    include: ["*"]
flows:
  - id: attack
    title: "<script>alert('flow')</script>"
    steps:
      - "web -> api: <script>window.__archdocPwned='step'</script>"
      - "api -> db: %%{init: {\\"securityLevel\\": \\"loose\\"}}%%"
"""

# Open every <details> and click tabs until every diagram has been shown (a hidden one is drawn when
# shown), waiting for each to be drawn; then describe each diagram. Flowchart boxes are `g.node`,
# sequence lifelines `.actor-top`.
REVEAL = """async () => {
  const diagrams = () => Array.from(document.querySelectorAll('pre.archdoc-mermaid'));
  const settled = () => diagrams().every(element => element.getClientRects().length === 0
      || ['drawn', 'failed'].includes(element.getAttribute('data-archdoc-state')));
  const wait = async () => {
    for (let tries = 0; tries < 1200 && !settled(); tries++) {
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  };
  await wait();
  document.querySelectorAll('details').forEach(details => { details.open = true; });
  await wait();
  for (const label of document.querySelectorAll('.tabbed-labels > label')) {
    if (!document.querySelector('pre.archdoc-mermaid:not([data-archdoc-state])')) {
      break;
    }
    label.click();
    await wait();
  }
}"""
DIAGRAMS = """() => Array.from(document.querySelectorAll('pre.archdoc-mermaid')).map(element => {
  const svg = element.querySelector('svg');
  const kind = svg ? svg.getAttribute('aria-roledescription') : null;
  return {
    id: element.id, state: element.getAttribute('data-archdoc-state'),
    expected: element.getAttribute('data-archdoc-nodes'), kind: kind,
    drawn: svg ? svg.querySelectorAll(kind === 'sequence' ? '.actor-top' : 'g.node').length : 0,
  };
})"""
EXECUTED = """() => ({
  flag: window.__archdocPwned === undefined ? null : String(window.__archdocPwned),
  handlers: document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]').length,
  scriptLinks: Array.from(document.querySelectorAll('a[href]'))
    .filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
  scriptsFromModels: Array.from(document.scripts).filter(s => s.textContent.includes('archdocPwned')).length,
})"""


@dataclass
class Visit:
    """What one page did in the browser."""

    diagrams: list[dict[str, Any]] = field(default_factory=list)
    executed: dict[str, Any] = field(default_factory=dict)


@dataclass
class Browsing:
    """Everything seen while visiting the whole site."""

    base: str
    visits: dict[str, Visit] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page: Any = None  # the browser page being listened to

    def listen(self, page: Any) -> None:
        self.page = page
        page.on("request", self._request)
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", self._page_error)
        page.on("dialog", self._dialog)

    def _request(self, request: Any) -> None:
        self.requests.append(request.url)

    def _request_failed(self, request: Any) -> None:
        # A lazy image still loading when the next page opens is aborted by the navigation, not failed.
        if request.failure != "net::ERR_ABORTED":
            self.failures.append(f"{request.url} ({request.failure})")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.failures.append(f"{response.url} (HTTP {response.status})")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.console_errors.append(f"{self.page.url}: {message.text}")

    def _page_error(self, error: Any) -> None:
        self.console_errors.append(f"{self.page.url}: {error}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{self.page.url}: {dialog.message}")
        dialog.dismiss()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("browser-site")
    copy_gallery(project / "models")
    (project / "models" / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    return built_site(project)


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    with served_site(site) as base:
        yield base


@pytest.fixture(scope="module")
def browsing(browser: Any, site: Path, server: str) -> Iterator[Browsing]:
    """Every HTML page of the site, opened in turn in one browser page that records all it does."""
    seen = Browsing(server)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen.listen(page)
    for path in _pages(site):
        seen.visits[path] = _visit(page, server + path)
    if os.environ.get("ARCHDOC_SCREENSHOT"):
        _screenshot(page, server + SCREENSHOT_PAGE, os.environ["ARCHDOC_SCREENSHOT"])
    yield seen
    context.close()


def _pages(site: Path) -> list[str]:
    """Site-relative URLs of every HTML page (directory URLs for index pages)."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages


def _visit(page: Any, url: str) -> Visit:
    page.goto(url, wait_until="load")
    page.evaluate(REVEAL)
    return Visit(page.evaluate(DIAGRAMS), page.evaluate(EXECUTED))


def _screenshot(page: Any, url: str, path: str) -> None:
    """The model page scrolled to its first diagram, drawn (for the README)."""
    page.goto(url, wait_until="load")
    page.wait_for_selector("pre.archdoc-mermaid[data-archdoc-state=drawn] svg")
    page.evaluate("""() => {
      const section = document.querySelector('pre.archdoc-mermaid').closest('.tabbed-set');
      window.scrollTo(0, section.getBoundingClientRect().top + window.scrollY - 140);
    }""")
    page.wait_for_timeout(500)  # Material's header swaps its title as the page scrolls
    page.screenshot(path=path)


def test_every_page_of_the_gallery_and_the_hostile_model_was_visited(browsing: Browsing) -> None:
    for path in ("", "models/hostile/", "models/three-tier-web/", "rules/", "404.html"):
        assert path in browsing.visits
    assert len(browsing.visits) >= 40


def test_every_mermaid_diagram_is_drawn_with_the_nodes_of_its_slice(browsing: Browsing) -> None:
    diagrams = [(path, diagram) for path, visit in browsing.visits.items() for diagram in visit.diagrams]
    assert len(diagrams) >= 60
    wrong = [(path, diagram) for path, diagram in diagrams
             if diagram["state"] != "drawn" or diagram["expected"] is None
             or diagram["drawn"] != int(diagram["expected"])]
    assert wrong == []


def test_no_console_error_and_no_failed_request(browsing: Browsing) -> None:
    assert browsing.console_errors == []
    assert browsing.failures == []


def test_no_request_leaves_the_site(browsing: Browsing) -> None:
    # data: URIs (the icons inlined in SVGs) are part of the page, not requests to anyone.
    outside = sorted({url for url in browsing.requests
                      if not url.startswith(browsing.base) and not url.startswith(("data:", "blob:"))})
    assert outside == []
    assert any(url.endswith("assets/archdoc/mermaid.min.js") for url in browsing.requests)


def test_nothing_from_model_text_runs(browsing: Browsing) -> None:
    assert browsing.dialogs == []
    executed = {path: visit.executed for path, visit in browsing.visits.items()
                if visit.executed != {"flag": None, "handlers": 0, "scriptLinks": 0, "scriptsFromModels": 0}}
    assert executed == {}


def test_hostile_text_is_shown_as_text(browser: Any, browsing: Browsing) -> None:
    page = browser.new_page()
    try:
        page.goto(browsing.base + "models/hostile/", wait_until="load")
        text = page.inner_text("article")
    finally:
        page.close()
    assert "<script>window.__archdocPwned = 'description'; alert(1)</script>" in text
    assert "root:x:0:0" not in text  # no extension read /etc/passwd into the page


def test_a_diagram_zooms_with_the_wheel_pans_by_dragging_and_resets(browser: Any, browsing: Browsing) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(browsing.base + SCREENSHOT_PAGE, wait_until="load")
        page.wait_for_selector("pre.archdoc-mermaid[data-archdoc-zoom] svg")
        diagram = page.query_selector("pre.archdoc-mermaid[data-archdoc-zoom]")
        svg = diagram.query_selector("svg")
        home = svg.get_attribute("viewBox")
        diagram.scroll_into_view_if_needed()
        box = diagram.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 200))
        page.keyboard.down("Control")
        page.mouse.wheel(0, -300)
        page.keyboard.up("Control")
        zoomed = svg.get_attribute("viewBox")
        assert float(zoomed.split()[2]) < float(home.split()[2])
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] / 2 + 80, box["y"] + min(box["height"] / 2, 200) + 40)
        page.mouse.up()
        assert svg.get_attribute("viewBox").split()[:2] != zoomed.split()[:2]
        diagram.dblclick()
        assert svg.get_attribute("viewBox") == home
    finally:
        page.close()


def test_search_works_offline(browser: Any, browsing: Browsing) -> None:
    page = browser.new_page()
    try:
        page.goto(browsing.base, wait_until="load")
        page.click("label.md-search__icon, .md-search__input")
        # Material's search worker builds its index after the page loads (seconds on a busy
        # machine); a query typed before it is ready may never be answered, so type it again.
        deadline = time.monotonic() + 90
        while True:
            page.fill("input.md-search__input", "")
            page.type("input.md-search__input", "CloudFront")
            try:
                page.wait_for_selector(".md-search-result__item", timeout=5_000)
                break
            except PlaywrightTimeout:
                if time.monotonic() > deadline:
                    raise
        assert page.query_selector_all(".md-search-result__item")
    finally:
        page.close()
