"""Loading: model files and fragments from disk into typed, located Models, with every problem found."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from archdoc.load import codes
from archdoc.load.attached import check_attached
from archdoc.load.draft import DraftDocument, DraftModel
from archdoc.load.files import MODEL_SUFFIXES, ReadError, SourceFile, discover, is_fragment, resolve_include
from archdoc.load.kinds import KindCatalogue, catalogue
from archdoc.load.resolve import check_kinds, resolve
from archdoc.load.yaml_reader import read_fragment, read_model
from archdoc.model import Model, Problem, Severity, SourceSpan

__all__ = ["DraftModel", "KindCatalogue", "LoadResult", "catalogue", "collector_paused", "load_models", "load_paths"]


@dataclass
class LoadResult:
    """The models that could be read, and every problem met on the way."""

    models: list[Model] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    unreadable: bool = False  # some input could not be read at all (exit status 2)

    @property
    def by_id(self) -> dict[str, Model]:
        return {model.id: model for model in self.models}


def load_models(directory: Path | str) -> LoadResult:
    """Every model below a models folder (fragments only through their includes)."""
    return load_paths([Path(directory)])


def load_paths(paths: list[Path], default_root: Path | None = None) -> LoadResult:
    """Models from files and folders as given on the command line."""
    result = LoadResult()
    sources: list[SourceFile] = []
    fragments: list[SourceFile] = []
    for path in paths:
        display = os.path.normpath(str(path))
        if path.is_dir():
            found, problems = discover(path, display)
            sources.extend(found)
            for shown, error in problems:
                _unreadable(result, shown, error)
        elif path.exists() or path.is_symlink():
            root = _root_for(path, default_root)
            source = SourceFile(path, display, root)
            relative = path.resolve().relative_to(root) if path.resolve().is_relative_to(root) else Path(path.name)
            if not path.name.endswith(MODEL_SUFFIXES):
                _unreadable(result, display, ReadError(codes.UNREADABLE_FILE, "is not a .yaml or .yml model file"))
            elif is_fragment(relative):
                fragments.append(source)
            else:
                sources.append(source)
        else:
            _unreadable(result, display, ReadError(codes.UNREADABLE_FILE, "does not exist"))

    kinds = catalogue()
    first_by_id: dict[str, Model] = {}
    for source in sources:
        result.files.append(source.display)
        with collector_paused():
            draft = read_model(source, result.problems)
            model = None if draft is None else resolve(draft, kinds, result.problems, FileIncludes(source),
                                                       source.path.resolve())
        if model is None:
            continue
        earlier = first_by_id.get(model.id)
        if earlier is not None:
            result.problems.append(Problem(
                codes.DUPLICATE_ID, Severity.ERROR,
                f"duplicate model id '{model.id}': {earlier.path} has it too; set a distinct `id:`",
                model.span, model.id))
            continue
        first_by_id[model.id] = model
        result.models.append(model)
    check_attached(result.models, result.problems)
    for fragment in fragments:
        result.files.append(fragment.display)
        document = read_fragment(fragment, result.problems, None)
        if document is not None:
            check_kinds(document, kinds, result.problems)
    result.unreadable = result.unreadable or any(p.code.startswith("AD0") for p in result.problems)
    return result


class FileIncludes:
    """The resolve step's way to fragments on disk: inside the models folder, named `_...`."""

    def __init__(self, model: SourceFile) -> None:
        self._sources: dict[str, SourceFile] = {model.display: model}

    def locate(self, including: str, written: str) -> tuple[Path, str]:
        fragment = resolve_include(self._sources[including], written)
        self._sources.setdefault(fragment.display, fragment)
        return fragment.path, fragment.display

    def read(self, key: object, display: str, problems: list[Problem], model_id: str | None) -> DraftDocument | None:
        return read_fragment(self._sources[display], problems, model_id)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Loading allocates many small objects that all survive: the cyclic collector's passes over
    them are pure overhead (about a third of the load time on large models), so it waits. Linting
    keeps them all alive too: `archdoc lint` pauses it for the whole run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _root_for(path: Path, default_root: Path | None) -> Path:
    """The models folder a file given on its own belongs to (includes must stay inside it)."""
    resolved = path.resolve()
    candidates = [default_root.resolve()] if default_root is not None else []
    candidates += [parent for parent in resolved.parents if parent.name == "models"]
    for candidate in candidates:
        if resolved.is_relative_to(candidate):
            return candidate
    return resolved.parent


def _unreadable(result: LoadResult, display: str, error: ReadError) -> None:
    result.unreadable = True
    message = f"{os.path.basename(display) or display} {error.message}"
    result.problems.append(Problem(error.code, Severity.ERROR, message,
                                   SourceSpan(display, error.line, error.column)))
