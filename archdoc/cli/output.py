"""Writing a command's output file: only ever a regular file, created with its folder, replaced atomically."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from archdoc.model.errors import OutputError


def write_output(path: Path, content: bytes | str) -> None:
    """Write `content` to `path`; a folder, a device or a pipe there, or an unwritable place, is an OutputError."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"cannot write {path}: it is a folder; name a file")
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputError(f"cannot write {path}: it is not a regular file (a device or a pipe); name a file")
    parent = path.parent if str(path.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # on first write: `archdoc lint` to standard output never loads it

        handle, scratch = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except FileExistsError:
        raise OutputError(f"cannot write {path}: {parent} is a file, not a folder") from None
    except NotADirectoryError:
        raise OutputError(f"cannot write {path}: a part of {parent} is a file, not a folder") from None
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(scratch, 0o644)
        os.replace(scratch, path)
    except OSError as error:
        Path(scratch).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
