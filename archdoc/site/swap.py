"""Putting a new site in place of the old one so that a kill at any moment leaves one of them at `out`.

On Linux, `renameat2(RENAME_EXCHANGE)` swaps the two folders in one step: there is no moment
without a site. Where the platform or file system has no exchange, the swap is two renames
recorded in the staging folder: the old site first moves to `<staging>/previous-site`, and a
build that finds a staging folder of a dead process with that folder in it while `out` is
missing puts the old site back (`restore_abandoned`) instead of deleting it.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
import time
from pathlib import Path

PREVIOUS = "previous-site"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# Set to any value to swap with two renames, as on a platform without an atomic exchange
# (the tests use it to check that a kill between the renames loses nothing).
WITHOUT_EXCHANGE_ENV = "ARCHDOC_SWAP_WITHOUT_EXCHANGE"
# The tests' way to stop a build exactly between two steps of the swap: the build prints
# `archdoc: paused at <step>` and waits there to be killed.
PAUSE_ENV = "ARCHDOC_PAUSE_AT"
PAUSE_STEPS = ("swap:staged", "swap:moved-aside", "swap:done")


def swap_in(new_site: Path, out: Path, staging: Path) -> None:
    """Put `new_site` at `out`; the previous site ends up inside `staging` (deleted with it)."""
    pause_point("swap:staged")
    if not (out.exists() or out.is_symlink()):
        os.rename(new_site, out)  # nothing to lose: one rename
    elif not _exchange(new_site, out):
        previous = staging / PREVIOUS
        os.rename(out, previous)
        pause_point("swap:moved-aside")
        try:
            os.rename(new_site, out)
        except OSError:
            os.rename(previous, out)
            raise
    pause_point("swap:done")


def restore_abandoned(staging: Path, out: Path, is_site: bool) -> bool:
    """A killed two-rename swap's old site moved back to `out` when `out` is missing; True if it was."""
    previous = staging / PREVIOUS
    if out.exists() or out.is_symlink() or previous.is_symlink() or not previous.is_dir() or not is_site:
        return False
    os.rename(previous, out)
    return True


def pause_point(step: str) -> None:
    """Wait (to be killed) at `step` when the environment asks for it; nothing otherwise."""
    if os.environ.get(PAUSE_ENV) != step:
        return
    print(f"archdoc: paused at {step}", file=sys.stderr, flush=True)
    while True:
        time.sleep(60)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False when this platform or file system cannot (then nothing moved)."""
    function = _renameat2()
    if function is None or os.environ.get(WITHOUT_EXCHANGE_ENV):
        return False
    status = function(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if status == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _renameat2() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):  # musl before 1.2.4, or no C library to load
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function
