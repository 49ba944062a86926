"""Temporary folders that do not outlive their run: removed on exit, and left-overs of killed runs removed.

A folder is named `<prefix><pid>-<random>` in the system's temporary folder, so its owner
is known from the name. A run removes its own folder when it ends, however it ends short
of SIGKILL (the command line turns SIGTERM and SIGHUP into an interruption); the first
folder a process makes with a prefix also removes that prefix's folders whose process is
gone (and, for folders named by earlier versions without a pid, those untouched for a day).
Folders of a process still running, and folders of other users, are never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["remove_leftovers", "scratch_folder"]

LEGACY_AGE_SECONDS = 24 * 3600
_swept: set[str] = set()


@contextmanager
def scratch_folder(prefix: str) -> Iterator[Path]:
    """A fresh folder `<tmp>/<prefix><pid>-...`, removed with everything in it when the block ends."""
    if prefix not in _swept:
        _swept.add(prefix)
        remove_leftovers(prefix)
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_leftovers(prefix: str, base: Path | None = None) -> list[Path]:
    """Remove this user's `<prefix><pid>-*` folders whose process is gone; returns what was removed."""
    base = base or Path(tempfile.gettempdir())
    pattern = re.compile(re.escape(prefix) + r"(\d+)-[^/]*$")
    removed = []
    for candidate in sorted(base.glob(f"{prefix}*")):
        match = pattern.match(candidate.name)
        try:
            info = candidate.lstat()
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            continue
        if match is None:  # named before folders carried their pid: only when untouched for a day
            if time.time() - info.st_mtime < LEGACY_AGE_SECONDS:
                continue
        elif _running(int(match.group(1))):
            continue
        shutil.rmtree(candidate, ignore_errors=True)
        removed.append(candidate)
    return removed


def _running(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process (or a number no process can have: keep, to be safe)
    return True
