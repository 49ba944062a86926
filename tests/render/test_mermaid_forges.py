"""`archdoc render -f md` of every gallery view and flow, drawn by Mermaid 10.9, 11.3 and the pinned version.

A reviewer pastes the snippet into a pull request, and the forge draws it with its own
Mermaid: GitHub and GitLab have run 10.9 and 11.3. Each version draws every diagram (the
gallery's and the render fixtures', the hostile ones included) in one page of one browser
session: no parse error, one node per box (or one lifeline per participant), one message per
step, each label shown literally (11.3 reads flowchart labels as Markdown, so `1. step`
would say "Unsupported markdown: list"), and no page error, script or request.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from mermaid_cases import Case, cases, fixture_graphs, gallery_graphs
from mermaid_versions import VERSIONS, draw, installed_version

from archdoc.render.mermaid import markdown_snippet

FENCE = re.compile(r"```mermaid\n(.*?)```", re.S)


def _snippets() -> list[tuple[Case, str]]:
    """(what the diagram must show, the Mermaid text of its `render -f md` snippet), for every view and flow."""
    graphs = fixture_graphs() + gallery_graphs()
    by_name = {case.name: case for case in cases(graphs)}
    found = []
    for graph in graphs:
        for item in (*graph.model.views, *graph.model.flows):
            kind = "sequence" if item in graph.model.flows else "flowchart"
            fenced = FENCE.findall(markdown_snippet(graph, item))
            assert len(fenced) == 1, f"{graph.model.id}/{item.id}: the snippet has {len(fenced)} Mermaid fences"
            found.append((by_name[f"{graph.model.id}/{item.id}.{kind}"], fenced[0]))
    return found


SNIPPETS = _snippets()


@pytest.fixture(scope="module")
def drawn(browser: Any) -> dict[str, Any]:
    """Every snippet drawn once per Mermaid version, all of one version in one page."""
    return {version: draw(browser, [text for _case, text in SNIPPETS], version) for version in VERSIONS}


def test_the_versions_are_the_ones_forges_ran() -> None:
    assert installed_version("10.9").startswith("10.9.")
    assert installed_version("11.3").startswith("11.3.")


def test_the_snippets_are_the_diagrams_archdoc_draws() -> None:
    # The fence holds exactly the flowchart (a view) or sequence diagram (a flow) the other tests check.
    assert all(case.text == text for case, text in SNIPPETS)
    gallery = {graph.model.id for graph in gallery_graphs()}
    assert len(gallery) >= 21
    assert len([case for case, _text in SNIPPETS if case.name.split("/")[0] in gallery]) >= 60


@pytest.mark.parametrize("version", list(VERSIONS))
def test_every_snippet_draws_in_each_version(drawn: dict[str, Any], version: str) -> None:
    drawing = drawn[version]
    assert drawing.page_errors == []
    assert drawing.requests == []
    wrong = []
    for (case, text), result in zip(SNIPPETS, drawing.results, strict=True):
        if result["error"] is not None:
            wrong.append(f"{case.name}: {result['error']}\n{text}")
            continue
        shown = " ".join(result["text"].replace("\u2060", "").split())
        if case.diagram_type == "flowchart":
            counts = (len(result["nodes"]), _arrows(result["edges"]))
            expected = (case.shapes, len(re.findall(r"^  n\d+ ", text, re.M)))  # arrows: `n1 --> n2`
        else:
            counts = (result["participants"], result["messages"])
            expected = (case.shapes, len(re.findall(r"^  p\d+(?:->>|-\)|-->>)p\d+: ", text, re.M)))  # one per step
        if counts != expected:
            wrong.append(f"{case.name}: drew {counts}, expected {expected}")
        if "Unsupported markdown" in shown or result["scripts"]:
            wrong.append(f"{case.name}: {shown[:300]}")
        missing = [line for line in case.literals if line not in shown]
        if missing:
            wrong.append(f"{case.name}: labels not shown literally: {missing}")
    assert wrong == [], "\n\n".join(wrong)


def _arrows(edges: list[dict[str, Any]]) -> int:
    """Arrows drawn: Mermaid 11.3 draws an arrow from a box to itself as three paths (`-cyclic-special-1`,
    `-mid`, `-2`)."""
    return len([edge for edge in edges if not re.search(r"-cyclic-special-(mid|2)$", edge["id"])])
