"""The two sides of a diff: a model file, a models folder, or a git revision read without checking it out.

A side that names an existing path is read from disk (a path wins over a revision of the
same name). Anything else is a git revision: the models folder (the same path, relative to
the repository's top level) is read with `git archive` into a temporary folder, loaded and
linted there, and its findings name the paths as they are in the repository. Git runs with
a time limit and no shell; a revision it does not know is one clear line (`SourceError`).
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from archdoc.lint import LintReport, lint_result
from archdoc.load import load_paths
from archdoc.model import Model, Problem

GIT_TIMEOUT = 60.0
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024


class SourceError(Exception):
    """A side of the diff cannot be read: the message is one line (exit status 2)."""


@dataclass(frozen=True)
class Version:
    """One side of the diff: what it was read from, its models and its lint report."""

    label: str
    models: tuple[Model, ...]
    report: LintReport

    @property
    def problems(self) -> list[Problem]:
        return self.report.problems


def read_version(spec: str | None, target: Path, *, cwd: Path | None = None) -> Version:
    """`spec` (a path, a revision, or None for the working tree) read at the models path `target`."""
    cwd = cwd or Path.cwd()
    if spec is None:
        return _from_paths(str(target), [cwd / target if not target.is_absolute() else target], cwd)
    if not spec.strip():
        raise SourceError("an empty name is not a file, folder or git revision")
    path = Path(spec)
    if (cwd / path).exists() or (cwd / path).is_symlink():
        return _from_paths(spec, [cwd / path], cwd)
    return read_revision(spec, target, cwd)


def read_revision(revision: str, target: Path, cwd: Path) -> Version:
    """The models at `target` as they are at `revision`, read from git's object store."""
    top = Path(git(["rev-parse", "--show-toplevel"], cwd, f"'{revision}' is not a file or folder, and "
                   f"{cwd} is not inside a git repository").strip())
    if revision.startswith("-"):
        raise SourceError(f"'{revision}' is not a file, folder or git revision")
    commit = git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], cwd,
                 f"'{revision}' is neither a file or folder nor a git revision of {top.name}").strip()
    absolute = (cwd / target).resolve() if not target.is_absolute() else target.resolve()
    if not absolute.is_relative_to(top.resolve()):
        raise SourceError(f"{target} is outside the git repository at {top}")
    inside = absolute.relative_to(top.resolve()).as_posix() or "."
    listed = git(["ls-tree", "--name-only", commit, "--", inside], top, f"git could not list {inside} at {revision}")
    if not listed.strip():  # the models did not exist yet at that revision: every model is new
        return Version(revision, (), LintReport())
    archive = _git_bytes(["archive", "--format=tar", commit, "--", inside], top,
                         f"git could not read {inside} at {revision}")
    with tempfile.TemporaryDirectory(prefix="archdoc-diff-") as scratch:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(scratch, filter="data")
        version = _from_paths(revision, [Path(scratch) / inside], Path(scratch))
    return version


def repository_root(cwd: Path) -> Path:
    """The git repository's top level around `cwd`, else `cwd` itself (no git, or not a repository)."""
    try:
        return Path(git(["rev-parse", "--show-toplevel"], cwd, "not a repository").strip() or cwd)
    except SourceError:
        return cwd


def git(arguments: list[str], cwd: Path, failure: str) -> str:
    return _git_bytes(arguments, cwd, failure).decode("utf-8", "replace")


def _git_bytes(arguments: list[str], cwd: Path, failure: str) -> bytes:
    try:
        completed = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT,
                                   check=False, stdin=subprocess.DEVNULL,
                                   env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"})
    except FileNotFoundError:
        raise SourceError(f"{failure}: git is not installed") from None
    except subprocess.TimeoutExpired:
        raise SourceError(f"{failure}: git took longer than {GIT_TIMEOUT:g} s") from None
    if completed.returncode != 0:
        raise SourceError(failure)
    if len(completed.stdout) > MAX_ARCHIVE_BYTES:
        raise SourceError(f"{failure}: more than {MAX_ARCHIVE_BYTES // 2**20} MB of models")
    return completed.stdout


def _from_paths(label: str, paths: list[Path], root: Path) -> Version:
    """Load and lint; paths in findings are shown relative to `root` (the working or extracted folder)."""
    default_root = next((path for path in paths if path.is_dir()), None)
    result = load_paths(paths, default_root=default_root)
    # A revision is read from git without the infrastructure code beside its models: both sides skip the
    # AD5xx checks, so that a diff never shows the code's absence as a change.
    report = lint_result(result, iac=False)
    return Version(label, tuple(result.models), _relative(report, root))


def _relative(report: LintReport, root: Path) -> LintReport:
    prefixes = tuple({str(root) + os.sep, str(root.resolve()) + os.sep})
    problems = [p if p.span is None else replace(p, span=replace(p.span, path=_strip(p.span.path, prefixes)))
                for p in report.problems]
    return LintReport(problems, report.files, report.unreadable)


def _strip(path: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if path.startswith(prefix):
            return path[len(prefix):]
    return path

