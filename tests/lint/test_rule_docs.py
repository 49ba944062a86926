"""Every code's documentation examples behave as the documentation says: the docs cannot drift.

A load or lint code's example is checked against `archdoc lint`; a rendering code (AD3xx) is
reported when a view is drawn, never by lint, so its example is checked against the renderer
that reports it: looking for it in lint's findings could not fail.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from archdoc.graph import ModelGraph, build_graph
from archdoc.lint import RULES
from archdoc.lint.registry import VIEW_TOO_LARGE_FOR_GRAPHVIZ, VIEW_TOO_LARGE_FOR_MERMAID
from archdoc.load import load_paths
from archdoc.model import Problem, View
from archdoc.render.images import prepare_image_slice
from archdoc.render.mermaid import view_diagram
from archdoc.render.views import slice_view

EXAMPLE = re.compile(r"\*\*(Passing|Failing)\*\*\s*```yaml\n(.*?)```((?:\s*```\w+ title=\"[^\"]+\"\n.*?```)*)", re.DOTALL)
# A file the example needs beside the model (the infrastructure code of an AD5xx example), in a titled block
# after it: ```yaml title="infra/app.yaml"; the path is the project folder's (the folder holding models/).
BESIDE = re.compile(r"```\w+ title=\"([^\"]+)\"\n(.*?)```", re.DOTALL)
EXAMPLES = [
    pytest.param(code, kind, textwrap.dedent(text), {f"../{path}": textwrap.dedent(body)
                                                     for path, body in BESIDE.findall(beside)},
                 id=f"{code}-{kind.lower()}-{number}")
    for code, rule in RULES.items()
    for number, (kind, text, beside) in enumerate(EXAMPLE.findall(rule.doc))
]

RENDERERS: dict[str, Callable[[ModelGraph, View], list[Problem]]] = {
    VIEW_TOO_LARGE_FOR_MERMAID: lambda graph, view: list(view_diagram(graph, view).problems),
    VIEW_TOO_LARGE_FOR_GRAPHVIZ: lambda graph, view: prepare_image_slice(slice_view(graph, view), span=view.span)[1],
}


def is_rendering(code: str) -> bool:
    return RULES[code].band.startswith("rendering")


def test_every_rule_checked_by_lint_documents_a_failing_example() -> None:
    failing = {code for code, kind, _text, _beside in (p.values for p in EXAMPLES) if kind == "Failing"}
    checked = {code for code, rule in RULES.items() if rule.check is not None}
    assert checked <= failing


def test_every_rendering_code_has_the_renderer_that_reports_it() -> None:
    assert {code for code in RULES if is_rendering(code)} == set(RENDERERS)


def rendering_problems(code: str) -> list[Problem]:
    """What drawing every view of the linted example (models/m.yaml in the working folder) reports."""
    result = load_paths([Path("models")])
    assert len(result.models) == 1, [str(p) for p in result.problems]
    model = result.models[0]
    graph = build_graph(model)
    return [problem for view in model.views for problem in RENDERERS[code](graph, view)]


@pytest.mark.parametrize(("code", "kind", "text", "beside"), EXAMPLES)
def test_documented_example(lint_yaml, code: str, kind: str, text: str, beside: dict[str, str]) -> None:
    problems = lint_yaml(text, **beside)
    if is_rendering(code):
        found = [p for p in rendering_problems(code) if p.code == code]
    else:
        found = [p for p in problems if p.code == code and p.suppressed is None]
    if kind == "Passing":
        assert found == []
        assert not [p for p in problems if p.is_error], [str(p) for p in problems]
    else:
        assert found, f"{code} not reported; got {[(p.code, p.message) for p in problems]}"
        assert all(p.span and p.span.path.endswith("m.yaml") and p.span.line >= 1 for p in found)
