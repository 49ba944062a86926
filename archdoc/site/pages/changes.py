"""`archdoc build --diff-base REV`: a Changes page, and a note on each changed model's page naming what changed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from archdoc.diff import Diff, ModelDiff, summary_line
from archdoc.diff.compare import ItemChanges
from archdoc.diff.report import change_rows
from archdoc.site.pages.text import escape_inline

CHANGES_PAGE = "changes.md"


def with_changes(plan: Any, change: Diff, revision: str) -> Any:
    """The site plan with a Changes page (after the gallery) and changed model pages marked."""
    from archdoc.site.pages import model_path

    pages = dict(plan.pages)
    pages[CHANGES_PAGE] = changes_page(change, revision)
    for model in change.changed:
        path = model_path(model.id)
        if path in pages and model.head is not None:
            pages[path] = _marked(pages[path], _note(model, revision))
    nav = list(plan.nav)
    nav.insert(1, {"Changes": CHANGES_PAGE})
    return replace(plan, pages=dict(sorted(pages.items())), nav=nav)


def changes_page(change: Diff, revision: str) -> str:
    """Every changed model: its summary line and a table of what changed, linking to its page."""
    from archdoc.site.pages import model_path

    where = escape_inline(revision)
    lines = ["---", "title: Changes", "---", "", f"# Changes since {where}", ""]
    if not change.changed:
        return "\n".join([*lines, f"No model changed since {where}.", ""])
    for model in change.changed:
        title = escape_inline(model.id)
        heading = f"[{title}]({model_path(model.id)})" if model.head is not None else title
        lines += [f"## {heading}", "", escape_inline(summary_line(model)), ""]
        rows = change_rows(model)
        if rows:
            lines += ["| what | change | detail |", "|---|---|---|"]
            lines += [f"| {kind} | {status} | {escape_inline(detail)} |" for kind, status, detail in rows]
            lines.append("")
    return "\n".join(lines)


def changed_elements(model: ModelDiff) -> dict[str, str]:
    """Element id -> added, changed or moved, for the marks on a model page."""
    elements = model.items.get("elements", ItemChanges())
    marks = {item: "added" for item in elements.added}
    marks.update({change.id: "changed" for change in elements.changed})
    marks.update({move.id: "moved" for move in elements.moved if move.id not in marks})
    return dict(sorted(marks.items()))


def _note(model: ModelDiff, revision: str) -> str:
    marks = changed_elements(model)
    listed = ", ".join(f"{escape_inline(element)} ({status})" for element, status in marks.items())
    body = f"    Changed elements: {listed}." if listed else "    No element changed; see the Changes page."
    return (f'!!! note "Changed since {escape_inline(revision).replace(chr(34), "&quot;")}"\n\n'
            f"    {escape_inline(summary_line(model))}\n\n{body} [All changes](../{CHANGES_PAGE})\n")


def _marked(page: str, note: str) -> str:
    """The note right after the page's first heading."""
    lines = page.split("\n")
    for position, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: position + 1], "", note, *lines[position + 1:]])
    return f"{note}\n{page}"
