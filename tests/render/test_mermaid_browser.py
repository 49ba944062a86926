"""Every Mermaid text archdoc writes, drawn by the pinned Mermaid in headless Chromium with securityLevel strict.

All diagrams (the render fixtures, every view and flow of the gallery, views over the
limits) are drawn one after another in a single page, once per run; each test then checks
one diagram: it parsed, drew one node per box (or one lifeline per participant), shows its
labels as literal text, and created no script, image or event handler. The page itself must
see no dialog, no page error, no console error and no network request.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mermaid_cases import Case, cases, fixture_graphs, gallery_graphs, over_limit_graphs

from archdoc.render.mermaid.limits import SHORT_LABELS

CASES = cases(fixture_graphs()) + cases(gallery_graphs()) + cases(over_limit_graphs(), label_limit=min(SHORT_LABELS))

RENDER_ALL = """
async (texts) => {
  mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
  const consoleErrors = [];
  const originalError = console.error;
  console.error = (...args) => { consoleErrors.push(args.map(String).join(' ')); originalError(...args); };
  const results = [];
  for (const [index, text] of texts.entries()) {
    const before = consoleErrors.length;
    const holder = document.createElement('div');
    document.body.appendChild(holder);
    const result = {error: null};
    try {
      const {svg} = await mermaid.render(`diagram${index}`, text);
      holder.innerHTML = svg;  // as a page would: anything executable in the SVG would run now
      result.nodes = holder.querySelectorAll('g.node').length;
      result.participants = new Set(
        Array.from(holder.querySelectorAll('[data-et="participant"]'), e => e.getAttribute('data-id'))).size;
      result.text = Array.from(holder.querySelectorAll('svg text, svg foreignObject'), e => e.textContent)
        .join('\\n');
      result.dangerous = Array.from(holder.querySelectorAll('*'))
        .filter(e => ['script', 'img', 'iframe', 'object', 'embed', 'a'].includes(e.localName)
          || Array.from(e.attributes).some(a => a.name.toLowerCase().startsWith('on')
                                               || /^\\s*javascript:/i.test(a.value)))
        .map(e => e.outerHTML.slice(0, 200));
    } catch (error) {
      result.error = String((error && error.message) || error);
    }
    result.consoleErrors = consoleErrors.slice(before);
    results.push(result);
  }
  await new Promise(resolve => setTimeout(resolve, 200));  // let any late onerror or dialog fire
  return {results, securityLevel: mermaid.mermaidAPI.getConfig().securityLevel,
          theme: mermaid.mermaidAPI.getConfig().theme};
}
"""


class PageEvents:
    """What the page did besides drawing: dialogs, page errors, console errors, requests."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.page_errors: list[str] = []
        self.console_errors: list[str] = []
        self.requests: list[str] = []


@pytest.fixture(scope="module")
def drawn(browser: Any, mermaid_js: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str], PageEvents]:
    events = PageEvents()
    page = browser.new_page()
    page.on("dialog", lambda dialog: (events.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: events.page_errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and events.console_errors.append(message.text))
    page.on("request", lambda request: events.requests.append(request.url))
    page.route("**/*", lambda route: route.abort())
    page.set_content("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>")
    page.add_script_tag(path=str(mermaid_js))
    outcome = page.evaluate(RENDER_ALL, [case.text for case in CASES])
    page.close()
    results = {case.name: result for case, result in zip(CASES, outcome["results"], strict=True)}
    config = {"securityLevel": outcome["securityLevel"], "theme": outcome["theme"]}
    return results, config, events


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_mermaid_draws_the_diagram_as_written(case: Case, drawn) -> None:
    result = drawn[0][case.name]
    assert result["error"] is None, f"{result['error']}\n{case.text}"
    assert result["consoleErrors"] == []
    assert result["dangerous"] == []
    count = result["nodes"] if case.diagram_type == "flowchart" else result["participants"]
    assert count == case.shapes
    # escape_label puts an invisible word joiner inside Mermaid's placeholder pairs ("ﬂ°", "¶ß")
    shown = " ".join(result["text"].replace("\u2060", "").split())
    assert "Maximum text size in diagram exceeded" not in shown
    missing = [line for line in case.literals if line not in shown]
    assert missing == [], f"labels not shown literally: {missing}\nshown: {shown}"


def test_the_page_saw_no_dialog_error_or_request(drawn) -> None:
    _results, config, events = drawn
    assert events.dialogs == []
    assert events.page_errors == []
    assert events.console_errors == []
    assert events.requests == []
    # `%%{init: ...}%%` in labels changed nothing
    assert config == {"securityLevel": "strict", "theme": "default"}


def test_every_gallery_view_and_flow_is_drawn() -> None:
    names = {case.name for case in CASES}
    for graph in gallery_graphs():
        for item in (*graph.model.views, *graph.model.flows):
            assert f"{graph.model.id}/{item.id}.flowchart" in names
        for flow in graph.model.flows:
            assert f"{graph.model.id}/{flow.id}.sequence" in names
    assert len(gallery_graphs()) >= 21
