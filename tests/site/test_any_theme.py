"""The plugin in any MkDocs site: other themes, ```archdoc embeds, pymdownx.snippets, and no Graphviz."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
import pytest
from helpers import served_site
from test_build import SHOP, archdoc

from archdoc.site.mkdocs.embed import EmbedError, fence_lines, parse_embed
from archdoc.site.mkdocs.noimages import NOT_DRAWN, without_images
from archdoc.site.mkdocs.themes import ContainSnippets, GeneratedPages, external_page_loads

GUIDE = """\
# Our guide

--8<-- "intro.md"

```archdoc
model: shop
view: overview
caption: The shop, live
```

And the order, step by step:

```archdoc
model: shop
flow: order
```
"""
MKDOCS_YML = """\
site_name: Handbook
docs_dir: docs
theme: {theme}
plugins: [search, archdoc]
markdown_extensions:
  - pymdownx.snippets:
      base_path: [snippets]
"""


def handbook(root: Path, theme: str = "mkdocs", guide: str = GUIDE) -> Path:
    """An existing MkDocs site of its own (not archdoc's layout) that adds the archdoc plugin."""
    for folder in ("models", "docs", "snippets"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "models" / "shop.yaml").write_text(SHOP, encoding="utf-8")
    (root / "snippets" / "intro.md").write_text("Included by SNIPPETS-WORK.\n", encoding="utf-8")
    (root / "docs" / "guide.md").write_text(guide, encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(theme=theme), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = handbook(tmp_path_factory.mktemp("handbook"))
    run = archdoc(root, "build", "--strict")
    assert run.returncode == 0, run.stderr
    assert "theme.highlightjs set to false" in run.stderr
    return root / "site"


@pytest.fixture(scope="module")
def served(mkdocs_site: Path) -> Iterator[str]:
    with served_site(mkdocs_site) as base:
        yield base


DRAWN = """async () => {
  const all = () => Array.from(document.querySelectorAll('figure.archdoc-embed pre.archdoc-mermaid'));
  for (let tries = 0; tries < 600 && !all().every(e => ['drawn', 'failed'].includes(e.dataset.archdocState)); tries++) {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  return all().map(element => {
    const svg = element.querySelector('svg');
    const kind = svg ? svg.getAttribute('aria-roledescription') : null;
    return {state: element.dataset.archdocState, expected: element.dataset.archdocNodes, kind: kind,
            drawn: svg ? svg.querySelectorAll(kind === 'sequence' ? '.actor-top' : 'g.node').length : 0,
            zoom: element.hasAttribute('data-archdoc-zoom'),
            link: element.parentElement.querySelector('figcaption a').getAttribute('href')};
  });
}"""


def test_an_embed_in_a_mkdocs_theme_page_with_snippets_is_drawn_without_console_errors(
        browser: Any, served: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(served + "guide/", wait_until="load")
        embeds = page.evaluate(DRAWN)
        assert "SNIPPETS-WORK" in page.content()
        links = [embed.pop("link") for embed in embeds]
        assert embeds == [
            {"state": "drawn", "expected": "4", "kind": "flowchart-v2", "drawn": 4, "zoom": True},
            {"state": "drawn", "expected": "4", "kind": "sequence", "drawn": 4, "zoom": True},
        ]
        assert links == ["../models/shop/#view-overview", "../models/shop/#flow-order"]
        page.click("figure.archdoc-embed figcaption a")
        page.wait_for_url("**/models/shop/#view-overview")
    finally:
        page.close()
    assert errors == []
    assert [url for url in requests if not url.startswith(served)] == []


def test_the_model_page_draws_under_the_mkdocs_theme_with_archdocs_own_tabs(browser: Any, served: str) -> None:
    page = browser.new_page()
    try:
        page.goto(served + "models/shop/", wait_until="load")
        page.wait_for_selector("pre.archdoc-mermaid[data-archdoc-state=drawn] svg")
        visible_blocks = page.evaluate("""() => Array.from(document.querySelectorAll('.tabbed-set'))
            .map(set => Array.from(set.querySelectorAll(':scope > .tabbed-content > .tabbed-block'))
                        .filter(block => block.getClientRects().length > 0).length)""")
        assert visible_blocks and set(visible_blocks) == {1}  # archdoc-standalone.css: one tab shown at a time
    finally:
        page.close()


@pytest.mark.slow
def test_the_readthedocs_theme_builds_with_no_cdn_load(tmp_path: Path) -> None:
    root = handbook(tmp_path, theme="readthedocs")
    run = archdoc(root, "build")
    assert run.returncode == 0, run.stderr
    assert run.stderr.count("theme.highlightjs set to false") == 1
    for page in ("guide/index.html", "models/shop/index.html"):
        html = (root / "site" / page).read_text(encoding="utf-8")
        assert external_page_loads(html) == [], page
        assert "assets/archdoc/archdoc-standalone.css" in html


@pytest.mark.slow
def test_an_embed_of_a_missing_view_stops_the_build_naming_page_line_and_ids(tmp_path: Path) -> None:
    root = handbook(tmp_path, guide="# Guide\n\nText.\n\n```archdoc\nmodel: shop\nview: overveiw\n```\n")
    run = archdoc(root, "build")
    assert run.returncode == 1
    assert "guide.md:5: ```archdoc embed: model 'shop' has no view 'overveiw' (views: data, overview)" in run.stderr
    assert "Traceback" not in run.stderr and not (root / "site").exists()


@pytest.mark.slow
def test_without_graphviz_the_site_has_its_mermaid_diagrams_and_says_once_what_was_skipped(tmp_path: Path) -> None:
    root = handbook(tmp_path, theme="material")
    no_dot = tmp_path / "bin"
    no_dot.mkdir()
    for tool in ("git",):
        if shutil.which(tool):
            os.symlink(shutil.which(tool), no_dot / tool)  # type: ignore[arg-type]
    env = {"PATH": str(no_dot)}
    run = archdoc(root, "build", env=env)
    assert run.returncode == 0, run.stderr
    assert run.stderr.count("Graphviz `dot` was not found") == 1
    assert "3 images not drawn, of models shop (3)" in run.stderr and "apt-get install graphviz" in run.stderr
    model_page = (root / "site" / "models" / "shop" / "index.html").read_text(encoding="utf-8")
    assert model_page.count("Image not drawn: Graphviz is not installed.") == 3
    assert ".svg" not in model_page and 'class="archdoc-mermaid"' in model_page
    assert not list((root / "site" / "models").rglob("*.png"))
    strict = archdoc(root, "build", "--strict", env=env)
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    for fmt in ("svg", "png"):
        render = archdoc(root, "render", "shop", "-f", fmt, "-o", f"out.{fmt}", env=env)
        assert render.returncode == 2 and "Graphviz `dot` was not found: install Graphviz" in render.stderr
    assert archdoc(root, "render", "shop", "-f", "dot", env=env).returncode == 0


def test_without_images_takes_out_only_the_skipped_images_and_their_links() -> None:
    page = ("![Overview](shop/overview.svg){ loading=lazy }\n\n    Download: [SVG](shop/overview.svg) · "
            "[PNG](shop/overview.png)\n\n![Kept](shop/kept.svg)\n")
    skipped = {"models/shop/overview.svg", "models/shop/overview.png"}
    assert without_images(page, "models/shop.md", skipped) == f"{NOT_DRAWN}\n\n\n\n![Kept](shop/kept.svg)\n"
    assert without_images(page, "models/shop.md", set()) == page
    # A build without --png: the PNG's download link goes, the SVG and its link stay.
    assert without_images(page, "models/shop.md", {"models/shop/overview.png"}) == page.replace(
        " · [PNG](shop/overview.png)", "")


@pytest.mark.parametrize("body, message", [
    ("view: overview", "names no model"),
    ("model: shop", "one `view:` or one `flow:`"),
    ("model: shop\nview: a\nflow: b", "one `view:` or one `flow:`"),
    ("model: shop\nview: a\nformat: png", "format: 'png' is not one of mermaid, svg"),
    ("model: shop\nvue: a", "line 2 of the fence: expected one of model, view, flow, format, caption"),
    ("model: shop\nmodel: other\nview: a", "line 2 of the fence: model is given twice"),
])
def test_a_malformed_embed_says_what_is_wrong(body: str, message: str) -> None:
    with pytest.raises(EmbedError) as raised:
        parse_embed(body)
    assert message in str(raised.value)


def test_embeds_are_found_with_their_lines_also_indented_and_with_tildes() -> None:
    text = "# T\n\n```archdoc\nmodel: a\nview: b\n```\n\n!!! note\n\n    ~~~~archdoc\n    model: c\n    flow: d\n    ~~~~\n"
    assert fence_lines(text) == [(3, "model: a\nview: b"), (10, "model: c\nflow: d")]
    assert parse_embed(fence_lines(text)[1][1]).flow == "d"


def test_generated_pages_are_converted_without_snippets(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("SECRET\n", encoding="utf-8")
    pages = GeneratedPages()
    source = '--8<-- "secret.txt"\n'
    configs = {"pymdownx.snippets": {"base_path": [str(tmp_path)]}}

    def convert() -> str:
        return markdown.Markdown(extensions=["pymdownx.snippets", ContainSnippets(pages)],
                                 extension_configs=configs).convert(source)

    assert "SECRET" in convert()
    pages.current_is_generated = True
    assert "SECRET" not in convert() and "secret.txt" in convert()
