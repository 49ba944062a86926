"""A model of 2,000 elements in a real headless Chromium: its pages open, search finds an element, its anchor shows."""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import built_site, served_site
from playwright.sync_api import TimeoutError as PlaywrightTimeout

REPO = Path(__file__).resolve().parents[2]
ELEMENTS = 2_000
SOUGHT = "e1234"  # its label is "Element 1234": the only label with the word 1234


def _synthetic_model(elements: int) -> str:
    """bench/generate.py's model: 7 layers, region > VPC > subnets, 3 relations per element."""
    spec = importlib.util.spec_from_file_location("archdoc_bench_generate", REPO / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_model(elements, well_architected=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("large-site")
    (project / "models").mkdir()
    (project / "models" / "big.yaml").write_text(_synthetic_model(ELEMENTS), encoding="utf-8")
    return built_site(project, timeout=900)


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    with served_site(site) as base:
        yield base


def _in_view(page: Any, element_id: str) -> bool:
    return page.evaluate("""(id) => { const box = document.getElementById(id).getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight; }""", element_id)


def test_every_page_of_a_large_model_opens_with_each_element_entry_once(browser: Any, site: Path,
                                                                        server: str) -> None:
    """Each element has one entry, with its anchor, on the pages of the model (however they are split)."""
    pages = sorted(path.relative_to(site).as_posix().removesuffix("index.html")
                   for path in (site / "models").rglob("index.html"))
    found: dict[str, str] = {}
    page = browser.new_page()
    try:
        for path in pages:
            page.goto(server + path, wait_until="domcontentloaded")
            for anchor in page.evaluate("() => [...document.querySelectorAll('[id^=\"el-\"]')].map(e => e.id)"):
                assert anchor not in found, f"{anchor} on {found[anchor]} and {path}"
                found[anchor] = path
    finally:
        page.close()
    assert set(found) == {f"el-e{number}" for number in range(ELEMENTS)}


def test_search_finds_an_element_and_opens_its_entry_in_view(browser: Any, server: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(server, wait_until="load")
        page.click("label.md-search__icon, .md-search__input")
        hit = f'.md-search-result a[href*="#el-{SOUGHT}"]'
        # Material's search worker builds its index after the page loads (seconds on a busy
        # machine); a query typed before it is ready may never be answered, so type it again.
        deadline = time.monotonic() + 120
        while True:
            page.fill("input.md-search__input", "")
            page.type("input.md-search__input", "1234")
            try:
                page.wait_for_selector(hit, timeout=10_000)
                break
            except PlaywrightTimeout:
                if time.monotonic() > deadline:
                    raise
        assert "Element 1234" in page.inner_text(hit)
        page.click(hit)
        page.wait_for_url(f"**#el-{SOUGHT}")
        page.wait_for_function("(id) => document.getElementById(id) !== null", arg=f"el-{SOUGHT}")
        page.wait_for_timeout(300)  # the browser scrolls to the fragment once the page is laid out
        assert _in_view(page, f"el-{SOUGHT}")
        assert "Element 1234" in page.inner_text(f"#el-{SOUGHT}")
    finally:
        page.close()


def test_a_link_to_an_element_from_a_diagram_list_scrolls_to_its_entry(browser: Any, site: Path,
                                                                      server: str) -> None:
    """The model page's links to element entries land on them, on whichever page they are."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(server + "models/synthetic-2000/", wait_until="domcontentloaded")
        link = page.query_selector('article a[href*="#el-"]')
        assert link is not None, "the model page links no element entry"
        anchor = link.get_attribute("href").rsplit("#", 1)[1]
        link.click()
        page.wait_for_url(f"**#{anchor}")
        page.wait_for_function("(id) => document.getElementById(id) !== null", arg=anchor)
        page.wait_for_timeout(300)
        assert _in_view(page, anchor)
    finally:
        page.close()
