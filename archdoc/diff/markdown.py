"""A diff as Markdown for a pull-request comment: summary, the change as Mermaid, details, introduced findings.

GitHub renders the ```` ```mermaid ```` fence as a diagram and keeps `<details>` blocks
folded. Model text goes through `escape_cell`, so it shows literally and never becomes
markup, a link or an image.
"""

from __future__ import annotations

from urllib.parse import quote

from archdoc.diff.compare import Diff, ModelDiff
from archdoc.diff.mermaid import change_flowchart
from archdoc.diff.picture import change_picture
from archdoc.diff.report import change_rows, summary_line
from archdoc.model import Problem
from archdoc.render.mermaid.markdown import escape_cell

MARKER = "<!-- archdoc-diff -->"
TITLE = "archdoc: architecture changes"


def format_markdown(diff: Diff, *, link_base: str = "") -> str:
    """The whole report; `link_base` (e.g. a blob URL ending in `/`) is put before each finding's path."""
    lines = [MARKER, f"### {TITLE}", ""]
    changed = diff.changed
    if not changed:
        lines += [f"No changes in {len(diff.models)} model{'s' if len(diff.models) != 1 else ''}."]
        return "\n".join(lines) + "\n"
    lines += [f"- {escape_cell(summary_line(model))}" for model in changed]
    introduced = [problem for model in changed for problem in model.findings.introduced]
    if introduced:
        lines += ["", f"**Findings introduced ({len(introduced)})**", ""]
        lines += [f"- {_finding(problem, link_base)}" for problem in introduced]
    for model in changed:
        lines += ["", *_model_section(model, link_base)]
    return "\n".join(lines) + "\n"


def _model_section(model: ModelDiff, link_base: str) -> list[str]:
    lines = [f"#### {escape_cell(model.id)} ({model.status})", ""]
    diagram = change_flowchart(change_picture(model))
    if diagram:
        lines += ["```mermaid", diagram.rstrip("\n"), "```", ""]
    details = _details(model, link_base)
    if details:
        lines += ["<details><summary>Details</summary>", "", *details, "", "</details>"]
    return lines


def _details(model: ModelDiff, link_base: str) -> list[str]:
    rows = change_rows(model)
    lines: list[str] = []
    if rows:
        lines += ["| what | change | detail |", "|---|---|---|"]
        lines += [f"| {kind} | {change} | {escape_cell(detail)} |" for kind, change, detail in rows]
    if model.views_touched:
        lines += ["", "Views touched: " + ", ".join(escape_cell(view) for view in model.views_touched)]
    findings = model.findings
    if findings.fixed:
        lines += ["", f"Findings fixed ({len(findings.fixed)}):", ""]
        lines += [f"- {_finding(problem, '')}" for problem in findings.fixed]
    if findings.persisting:
        lines += ["", f"{findings.persisting} finding{'s' if findings.persisting != 1 else ''} still present."]
    return lines


def _finding(problem: Problem, link_base: str) -> str:
    text = f"{problem.severity.value} {problem.code} {escape_cell(problem.message)}"
    span = problem.span
    if span is None:
        return text
    place = escape_cell(str(span))
    if not link_base and not span.path:
        return f"{place} {text}"
    target = f"{link_base}{quote(span.path.replace(chr(92), '/'))}#L{span.line}"
    return f"[{place}]({target}) {text}"
