"""What elements, groups and models attach: `docs:` files kept inside the project, `view:` naming a real view."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from archdoc.load import codes
from archdoc.model import Model, Problem, Severity, SourceSpan

DOC_SUFFIXES = (".md", ".markdown")
MAX_DOC_BYTES = 1_000_000
_VIEW_REF = re.compile(r"^(?:([a-z0-9][a-z0-9-]*)/)?([A-Za-z][A-Za-z0-9_-]*)$")


def project_folder(model_file: Path) -> Path:
    """The folder holding the models folder around a model file (else the model's own folder), absolute.

    The same rule as `iac:` paths (archdoc.iac.project), kept here so loading needs no IaC reader.
    """
    absolute = Path(os.path.abspath(model_file))
    models = next((parent for parent in absolute.parents if parent.name == "models"), absolute.parent)
    return models.parent


def doc_path(model: Model, written: str) -> Path:
    """Where a `docs:` entry points, relative to the model file (not resolved: links are kept)."""
    return Path(os.path.normpath(Path(model.path).parent / written))


def doc_refusal(model: Model, written: str) -> str | None:
    """Why a `docs:` entry is not published, or None."""
    if os.path.isabs(written):
        return "is an absolute path; write it relative to the model file"
    project = project_folder(Path(model.path))
    path = doc_path(model, written)
    if not Path(os.path.abspath(path)).is_relative_to(project):
        return f"leaves the project folder {_shown(project)}"
    if not path.resolve().is_relative_to(project.resolve()):
        return f"leads outside the project folder {_shown(project)} through a symbolic link"
    if not path.exists():
        return "does not exist"
    if not path.is_file():
        return "is not a regular file"
    if not path.name.lower().endswith(DOC_SUFFIXES):
        return "is not a Markdown file (.md)"
    if path.stat().st_size > MAX_DOC_BYTES:
        return f"is larger than {MAX_DOC_BYTES:,} bytes"
    return None


def attached_docs(model: Model) -> Iterator[tuple[str, SourceSpan, str | None]]:
    """Every `docs:` entry of the model, its groups and elements: (as written, where, owner id or None)."""
    for written, span in model.docs:
        yield written, span, None
    for item in (*model.groups, *model.elements):
        for written, span in item.docs:
            yield written, span, item.id


def split_view_ref(ref: str) -> tuple[str | None, str] | None:
    """(model id or None for this model, view id) of a `view:` value, or None when it is not one."""
    match = _VIEW_REF.match(ref)
    return None if match is None else (match.group(1), match.group(2))


def check_attached(models: list[Model], problems: list[Problem]) -> None:
    """AD122 for each `docs:` path that may not be published, AD123 for each `view:` that names no view.

    A `model-id/view-id` naming a model not among `models` is not checked: linting one file
    cannot see the others (the site, built from all of them, shows it as text).
    """
    views = {model.id: {view.id for view in model.views} for model in models}
    for model in models:
        for written, span, about in attached_docs(model):
            why = doc_refusal(model, written)
            if why is not None:
                problems.append(Problem(codes.DOC_REFUSED, Severity.ERROR, f"`{written}` {why}; it is not published",
                                        span, model.id, element=about))
        for item in (*model.groups, *model.elements):
            if item.view is not None:
                problem = _view_problem(model, item.view, views)
                if problem is not None:
                    problems.append(Problem(codes.UNKNOWN_VIEW, Severity.ERROR, f"'{item.id}': {problem}",
                                            item.spans.get("view", item.span), model.id, element=item.id))


def _view_problem(model: Model, ref: str, views: Mapping[str, set[str]]) -> str | None:
    parts = split_view_ref(ref)
    if parts is None:
        return f"`view: {ref}` is not a view id or `model-id/view-id`"
    other, view_id = parts
    target = model.id if other is None else other
    if target not in views:
        return None
    if view_id not in views[target]:
        known = ", ".join(sorted(views[target])) or "none"
        where = "this model" if target == model.id else f"model '{target}'"
        return f"`view: {ref}` names no view of {where} (its views: {known})"
    return None


def _shown(project: Path) -> str:
    relative = os.path.relpath(project)
    return relative if not relative.startswith("..") else str(project)
