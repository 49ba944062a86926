"""One harness for drawing Mermaid texts in headless Chromium with several Mermaid versions.

archdoc pins one Mermaid for its site (`node_modules/mermaid`), but the Markdown it writes
is drawn by whatever Mermaid the reader's forge runs: GitHub and GitLab have run 10.9 and
11.3. `package.json` installs those as npm aliases (`mermaid-10-9`, `mermaid-11-3`).
`draw(browser, texts, version)` draws each text in one page (no network: every request is
aborted; `securityLevel: strict`) and returns, per text, the error (or None) and what a
reader sees: every node's label and computed fill, stroke and dash pattern, every edge's
computed stroke and dash pattern, every boundary's label and style; a sequence diagram's
participant and message counts; all the text drawn. Tests of any diagram (the gallery, a diff
report) compare those.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
VERSIONS: dict[str, Path] = {
    "pinned": REPO / "node_modules" / "mermaid",
    "10.9": REPO / "node_modules" / "mermaid-10-9",
    "11.3": REPO / "node_modules" / "mermaid-11-3",
}

_DRAW = """
async (texts) => {
  mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
  const style = (element) => {
    if (!element) return null;
    const computed = getComputedStyle(element);
    return {fill: computed.fill, stroke: computed.stroke, dash: computed.strokeDasharray,
            width: computed.strokeWidth};
  };
  const shape = (group) => group.querySelector('rect, path, polygon, circle, ellipse');
  const results = [];
  for (const [index, text] of texts.entries()) {
    const holder = document.createElement('div');
    document.body.appendChild(holder);
    const result = {error: null, nodes: [], edges: [], clusters: []};
    try {
      const {svg} = await mermaid.render(`harness${index}`, text);
      holder.innerHTML = svg;
      result.nodes = Array.from(holder.querySelectorAll('g.node'), node =>
        ({id: node.id, label: node.textContent.trim(), ...style(shape(node))}));
      result.edges = Array.from(holder.querySelectorAll('path.flowchart-link, .edgePaths path'), edge =>
        ({id: edge.id, ...style(edge)}));
      result.clusters = Array.from(holder.querySelectorAll('g.cluster'), cluster =>
        ({id: cluster.id, label: cluster.textContent.trim(), ...style(cluster.querySelector('rect'))}));
      result.scripts = holder.querySelectorAll('script, iframe, object, embed').length;
      // A sequence diagram draws each participant twice (top and bottom), as a box or a stick figure.
      result.participants = holder.querySelectorAll('rect.actor, g.actor-man').length / 2;
      result.messages = holder.querySelectorAll('.messageLine0, .messageLine1').length;
      result.text = Array.from(holder.querySelectorAll('svg text, svg foreignObject'), e => e.textContent).join('\\n');
    } catch (error) {
      result.error = String((error && error.message) || error);
    }
    results.push(result);
  }
  return results;
}
"""


@dataclass
class Drawing:
    """What one page saw besides the diagrams: errors and requests (there must be none)."""

    results: list[dict[str, Any]]
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def mermaid_js(version: str) -> Path:
    """The Mermaid bundle of a version key of VERSIONS; the test fails with the set-up hint if it is missing."""
    path = VERSIONS[version] / "dist" / "mermaid.min.js"
    if not path.exists():
        pytest.fail(f"Mermaid {version} is not installed ({path}): run ./dev setup (npm ci)")
    return path


def installed_version(version: str) -> str:
    """The exact version npm installed for a key of VERSIONS, e.g. '10.9.8'."""
    import json

    return json.loads((VERSIONS[version] / "package.json").read_text(encoding="utf-8"))["version"]


def draw(browser: Any, texts: list[str], version: str = "pinned") -> Drawing:
    """Draw every text with the given Mermaid in one fresh page of `browser` (Playwright's Chromium)."""
    page = browser.new_page()
    drawing = Drawing([])
    page.on("pageerror", lambda error: drawing.page_errors.append(str(error)))
    page.on("request", lambda request: drawing.requests.append(request.url))
    page.route("**/*", lambda route: route.abort())
    try:
        page.set_content("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>")
        page.add_script_tag(path=str(mermaid_js(version)))
        drawing.results = page.evaluate(_DRAW, texts)
    finally:
        page.close()
    return drawing
