"""A model's `iac:` paths, checked and read: relative to the model file, never outside the project folder.

The project folder is the folder holding the models folder (the nearest folder named
`models` around the model file, else the model's own folder). A path that is absolute,
leaves the project (also through a symbolic link, anywhere below a folder it names), does
not exist, or holds nothing archdoc reads as infrastructure code is a finding at its `iac:`
entry, and is not read; so is a source the readers cannot read (its syntax, encoding, size).
The readers' other findings (an unknown logical id, a module not read) are kept as they are,
located in the infrastructure code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from archdoc.iac.cloudformation import TEMPLATE_SUFFIXES
from archdoc.iac.codes import NOT_IAC, SOURCE_PROBLEM
from archdoc.iac.inventory import Inventory
from archdoc.iac.read import is_terraform, read_iac
from archdoc.model import Model, Problem, Severity, SourceSpan

MAX_FOLDER_ENTRIES = 20_000  # a folder walked for links out of the project; past this it is refused
_READER_FAILURES = ("AD0", "AD1", NOT_IAC)  # a source that cannot be read as infrastructure code at all


@dataclass(frozen=True, slots=True)
class Source:
    """One `iac:` entry: as written, where, and the path read (its display form, relative like the model's)."""

    written: str
    span: SourceSpan
    path: str

    def holds(self, file: str) -> bool:
        """Whether a file the readers read came from this entry (the entry itself or below its folder)."""
        return file == self.path or file.startswith(self.path.rstrip(os.sep) + os.sep)


@dataclass(frozen=True)
class ModelIac:
    """What a model's `iac:` names, read: the entries that could be read, their inventory, every problem."""

    sources: tuple[Source, ...]
    inventory: Inventory
    problems: tuple[Problem, ...]
    refused: tuple[Source, ...] = ()  # entries not read, or read with a failure: a check about them would guess

    @property
    def complete(self) -> bool:
        return not self.refused

    def source_of(self, file: str) -> Source | None:
        return next((source for source in self.sources if source.holds(file)), None)


def project_folder(model_file: Path) -> Path:
    """The folder holding the models folder around a model file (see the module docstring), as an absolute
    path that keeps the symbolic links written (`refusal` compares both it and its resolved form)."""
    absolute = Path(os.path.abspath(model_file))
    models = next((parent for parent in absolute.parents if parent.name == "models"), absolute.parent)
    return models.parent


def read_model_iac(model: Model) -> ModelIac | None:
    """The infrastructure code a model names, or None when it names none (nothing is read, nothing imported)."""
    if not model.iac:
        return None
    model_file = Path(model.path)
    project = project_folder(model_file)
    problems: list[Problem] = []
    sources: list[Source] = []
    refused: list[Source] = []
    for written, span in model.iac:
        source = Source(written, span, os.path.normpath(str(model_file.parent / written)))
        why = refusal(written, Path(source.path), project)
        if why is None:
            sources.append(source)
        else:
            refused.append(source)
            problems.append(_problem(f"`{written}` {why}; it is not read", span, model.id))
    inventory = read_iac([Path(source.path) for source in sources]) if sources else Inventory()
    for problem in inventory.problems:
        file = problem.span.path if problem.span else ""
        source = next((s for s in sources if s.holds(file)), sources[0] if sources else None)
        if source is None:
            continue
        if problem.code.startswith(_READER_FAILURES):
            if source not in refused:
                refused.append(source)
            problems.append(_problem(f"`{source.written}` cannot be read as infrastructure code: {problem.span}: "
                                     f"{problem.code} {problem.message}", source.span, model.id))
        else:
            problems.append(problem.for_model(model.id))
    for source in sources:
        if source not in refused and not any(source.holds(file) for file in inventory.files):
            refused.append(source)
            problems.append(_problem(f"`{source.written}` holds no CloudFormation template, Terraform .tf file or "
                                     "Terraform JSON", source.span, model.id))
    return ModelIac(tuple(sources), inventory, tuple(problems), tuple(refused))


def refusal(written: str, path: Path, project: Path) -> str | None:
    """Why an `iac:` path is not read, or None: absolute, outside the project, missing, a link out."""
    if os.path.isabs(written):
        return "is an absolute path; write it relative to the model file"
    root = project.resolve()
    if not Path(os.path.abspath(path)).is_relative_to(project):
        return f"leaves the project folder {_shown(project)}"
    if not path.resolve().is_relative_to(root):
        return f"leads outside the project folder {_shown(project)} through a symbolic link"
    if not path.exists():
        return "does not exist"
    if path.is_dir():
        return _folder_refusal(path, root, project)
    if not path.is_file():
        return "is not a regular file"
    if not (is_terraform(path) or path.suffix in TEMPLATE_SUFFIXES):
        return "is not infrastructure code (a .yaml, .yml, .json or .template template, a .tf file, a folder, " \
            "or Terraform JSON)"
    return None


def _folder_refusal(folder: Path, root: Path, project: Path) -> str | None:
    """A symbolic link below the folder that leads out of the project, or a folder too large to walk."""
    seen = 0
    for current, folders, names in os.walk(folder, followlinks=False):
        folders.sort()
        for name in [*sorted(folders), *sorted(names)]:
            seen += 1
            if seen > MAX_FOLDER_ENTRIES:
                return f"holds more than {MAX_FOLDER_ENTRIES} files and folders"
            entry = Path(current) / name
            if entry.is_symlink() and not entry.resolve().is_relative_to(root):
                inside = os.path.relpath(entry, folder)
                return f"holds {inside}, a symbolic link that leads outside the project folder {_shown(project)}"
    return None


def _shown(project: Path) -> str:
    """The project folder by its name (`shop/`): a finding must not print the machine's absolute paths."""
    return f"{project.name or project}{os.sep}"


def _problem(message: str, span: SourceSpan, model_id: str) -> Problem:
    return Problem(SOURCE_PROBLEM, Severity.ERROR, message, span, model_id)
