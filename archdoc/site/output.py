"""The output folder: refuse one archdoc did not create, build beside it, then swap the new site in whole."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from archdoc.site.swap import PREVIOUS, restore_abandoned

MARKER = ".archdoc-site"
MARKER_TEXT = "A site built by archdoc: `archdoc build` deletes and replaces this folder.\n"
_STAGING_INFIX = ".archdoc-build-"
_STAGING_MARKER = ".archdoc-staging"  # holds the building process's id


class UnsafeOutputError(Exception):
    """The output folder holds something archdoc must not delete."""


def is_archdoc_site(folder: Path) -> bool:
    return folder.is_dir() and (folder / MARKER).is_file()


def check_output(out: Path, *, project: Path, models: Path, docs: Path | None) -> None:
    """Refuse, before anything is deleted, an output folder that is or holds something archdoc did not write."""
    target = out.resolve()
    for protected, what in ((project, "the project folder"), (Path.home(), "your home folder")):
        if protected.resolve().is_relative_to(target):
            _refuse(out, f"it is {what} or contains it")
    nested: list[tuple[Path | None, str]] = [(models, "the models folder"), (docs, "the hand-written docs folder")]
    for protected_dir, what in nested:
        if protected_dir is None:
            continue
        resolved = protected_dir.resolve()
        if resolved.is_relative_to(target) or target.is_relative_to(resolved):
            _refuse(out, f"it is, contains or lies inside {what} ({protected_dir})")
    if ".git" in target.parts:
        _refuse(out, "it lies inside a .git folder")
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                _refuse(out, f"{parent} is a file, not a folder")
            break
    if not target.exists():
        return
    if not target.is_dir():
        _refuse(out, "it is not a folder")
    if (target / ".git").exists():
        _refuse(out, "it holds a .git repository")
    if any(target.iterdir()) and not (target / MARKER).is_file():
        _refuse(out, f"it is not empty and has no {MARKER} marker, so archdoc did not build it")


def _refuse(out: Path, reason: str) -> None:
    raise UnsafeOutputError(f"refusing to replace {out}: {reason}; choose another --out")


def checked_site_path(path: str) -> str:
    """A site-relative POSIX path that stays inside the site; ValueError otherwise."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or not pure.parts or any(part in (".", "..") for part in pure.parts) or "\\" in path:
        raise ValueError(f"refusing site path {path!r}: not a plain relative path inside the site")
    return pure.as_posix()


@contextmanager
def staging_beside(out: Path) -> Iterator[Path]:
    """A fresh folder next to `out` (same file system, so the swap is a rename), removed afterwards."""
    out.parent.mkdir(parents=True, exist_ok=True)
    restore_interrupted(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}{_STAGING_INFIX}", dir=out.parent))
    try:
        (staging / _STAGING_MARKER).write_text(f"{os.getpid()}\n", encoding="utf-8")
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def restore_interrupted(out: Path) -> None:
    """Staging folders left by killed builds (their process is gone): an old site caught between the
    two renames of a swap goes back to `out`, then the folder is removed; a running build's are left alone."""
    for candidate in sorted(out.parent.glob(f".{out.name}{_STAGING_INFIX}*")):
        marker = candidate / _STAGING_MARKER
        if candidate.is_symlink() or not marker.is_file():
            continue
        try:
            pid = int(marker.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            continue
        if _running(pid):
            continue
        try:
            restore_abandoned(candidate, out, is_archdoc_site(candidate / PREVIOUS))
        except OSError:
            continue  # left in place: the old site must not be deleted with the folder
        shutil.rmtree(candidate, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True
