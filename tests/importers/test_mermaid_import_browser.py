"""The Mermaid importer reads flowcharts as Mermaid itself does: node, edge and subgraph counts (and each
subgraph's members) compared with the pinned mermaid.min.js's own parser, in headless Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from importing import FIXTURES

from archdoc.importers.mermaid import diagrams
from archdoc.importers.mermaid_parse import diagram_type, parse_flowchart

pytestmark = [pytest.mark.browser, pytest.mark.slow]

README = FIXTURES / "mermaid" / "README.md"
EXTRA = [
    "graph LR\n  A & B --> C & D\n  C --> D --> E",
    "flowchart TB\n  a -- text --> b\n  b -->|pipe| c\n  c -.-> d\n  d ==> e\n  e ~~~ f\n  f --o g\n  g --x h\n  h <--> a",
    "flowchart LR\n  subgraph one [One]\n    a1 --> a2\n  end\n  subgraph two\n    b1\n  end\n  one --> two\n"
    "  a2 --> b1",
    "graph TD\n  subgraph outer\n    subgraph inner\n      x\n    end\n    x --> y\n  end\n  y --> z\n  z --> inner",
    'flowchart LR\n  q["Quoted (text) [brackets]"] --> r[(DB)] --> s((Circle)) --> t{Choice} --> u{{Hex}}\n'
    "  u --> v>Flag] --> w[/Lean/] --> x[\\Back\\] --> y([Stadium]) --> z[[Sub]]",
    "graph LR\n  A---oB\n  C---xD\n  E-->F:::hot\n  classDef hot fill:#f00",
    "graph LR\n  n5[\\\"S3 (Static)<br/>«data»\"/] --> n6[/\"Lean\"\\]",
    'flowchart LR\n  n1@{ shape: cyl, label: "Cache" } --> n2\n  %% a comment\n  n2 --> n3; n3 --> n1',
]
CASES = [body for body, _line in diagrams(README, README.read_text()) if diagram_type(body) in ("graph", "flowchart")]
CASES += EXTRA

PARSE_ALL = """
async (texts) => {
  mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
  const results = [];
  for (const text of texts) {
    try {
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
      const db = diagram.db;
      const vertices = db.getVertices();
      const ids = vertices instanceof Map ? Array.from(vertices.keys()) : Object.keys(vertices);
      results.push({vertices: ids, edges: db.getEdges().length,
                    subgraphs: db.getSubGraphs().map(s => ({id: s.id, title: s.title, nodes: s.nodes}))});
    } catch (error) {
      results.push({error: String((error && error.message) || error)});
    }
  }
  return results;
}
"""


@pytest.fixture(scope="module")
def parsed(browser: Any, mermaid_js: Path) -> list[dict[str, Any]]:
    page = browser.new_page()
    page.route("**/*", lambda route: route.abort())
    page.set_content("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>")
    page.add_script_tag(path=str(mermaid_js))
    results = page.evaluate(PARSE_ALL, CASES)
    page.close()
    return results


@pytest.mark.parametrize("index", range(len(CASES)))
def test_counts_match_mermaids_own_parser(parsed: list[dict[str, Any]], index: int) -> None:
    theirs = parsed[index]
    assert "error" not in theirs, theirs
    ours = parse_flowchart(CASES[index])
    subgraph_ids = {s.id for s in ours.subgraphs}
    assert set(theirs["vertices"]) - subgraph_ids == set(ours.nodes) - subgraph_ids
    assert theirs["edges"] == len(ours.edges)
    assert len(theirs["subgraphs"]) == len(ours.subgraphs)
    explicit = {s.id: set(s.members) for s in ours.subgraphs if s.explicit_id}
    assert {s["id"]: set(s["nodes"]) for s in theirs["subgraphs"] if s["id"] in explicit} == explicit


def test_mermaid_saw_the_readme_as_the_importer_does(parsed: list[dict[str, Any]]) -> None:
    readme = parsed[0]
    assert {"orders", "worker", "db", "gw"} <= set(readme["vertices"])
    assert {s["id"]: sorted(s["nodes"]) for s in readme["subgraphs"]} == {
        "private": ["orders", "worker"], "vpc": ["db", "private"], "aws": ["bucket", "queue", "vpc"]}
