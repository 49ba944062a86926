"""Finding model files and reading their text safely (encodings, sizes, symlinks, fragments)."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from archdoc.load import codes
from archdoc.model.errors import ReadError

MAX_FILE_BYTES = 16 * 1024 * 1024
MODEL_SUFFIXES = (".yaml", ".yml")

__all__ = ["MAX_FILE_BYTES", "MODEL_SUFFIXES", "ReadError", "SourceFile", "discover", "is_fragment",
           "read_text", "resolve_include"]


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A model file: where it is on disk, how findings name it, and the models folder it belongs to."""

    path: Path
    display: str
    root: Path


def read_text(path: Path) -> str:
    """The file's text, decoded as UTF-8, or a ReadError saying why it cannot be.

    Only a regular file is opened: a named pipe would block the run forever, a device could
    be endless. The type is checked before opening and again on the open file (opened
    without blocking), so nothing swapped in between is read either.
    """
    try:
        _check_regular(os.stat(path).st_mode)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            _check_regular(os.fstat(handle.fileno()).st_mode)
            data = handle.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise ReadError(codes.UNREADABLE_FILE, "is a directory, not a model file") from None
    except FileNotFoundError:
        raise ReadError(codes.UNREADABLE_FILE, "does not exist") from None
    except OSError as error:
        raise ReadError(codes.UNREADABLE_FILE, f"cannot be read: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(codes.FILE_TOO_LARGE,
                        f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; split it with `include`")
    for bom, name in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                      (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if data.startswith(bom):
            raise ReadError(codes.NOT_UTF8, f"is encoded as {name}; archdoc reads UTF-8: save the file as UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        raise ReadError(codes.NOT_UTF8, "holds a NUL byte; model files are UTF-8 text", line, column)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise ReadError(
            codes.NOT_UTF8, f"is not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8", line, column
        ) from None


_FILE_TYPES = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _check_regular(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError
    if not stat.S_ISREG(mode):
        what = next((name for test, name in _FILE_TYPES if test(mode)), "not a regular file")
        raise ReadError(codes.UNREADABLE_FILE, f"is {what}, not a model file; archdoc reads regular files only")


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte, counting lines as editors do: LF, CRLF and CR each end one."""
    before = data[:offset]
    line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1, column


def is_fragment(relative: Path) -> bool:
    """Files and folders whose names start with `_` are fragments, used only through `include`."""
    return any(part.startswith("_") for part in relative.parts)


def discover(directory: Path, display: str) -> tuple[list[SourceFile], list[tuple[str, ReadError]]]:
    """The model files below a models folder, sorted; symlinks leading outside it are refused.

    Returns the files and the problems as (display path, error) pairs.
    """
    root = directory.resolve()
    files: list[SourceFile] = []
    problems: list[tuple[str, ReadError]] = []
    for current, folders, names in _walk(directory, display, problems):
        current_path = Path(current)
        relative_folder = current_path.relative_to(directory)
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for folder in list(folders):
            if (current_path / folder).is_symlink():
                folders.remove(folder)  # never followed: a link cannot make the walk loop
                problem = _link_problem(current_path / folder, root)
                if problem:
                    problems.append((_join(display, relative_folder / folder),
                                     ReadError(codes.SYMLINK_OUTSIDE, problem)))
        for name in sorted(names):
            if not name.endswith(MODEL_SUFFIXES) or name.startswith("."):
                continue
            relative = relative_folder / name
            if is_fragment(relative):
                continue
            path = current_path / name
            shown = _join(display, relative)
            problem = _link_problem(path, root) if path.is_symlink() else None
            if problem:
                problems.append((shown, ReadError(codes.SYMLINK_OUTSIDE, problem)))
                continue
            files.append(SourceFile(path, shown, root))
    return files, problems


def _walk(top: Path, display: str, problems: list[tuple[str, ReadError]]
          ) -> Iterator[tuple[str, list[str], list[str]]]:
    """os.walk's top-down walk (the caller may prune `folders`), without its recursion: Python 3.11's
    os.walk recurses once per level, and a models folder 1,100 levels deep would crash it.
    Symbolic links are listed, never entered; a folder that cannot be listed is a problem."""
    stack = [str(top)]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError as error:
            shown = _join(display, Path(current).relative_to(top))
            problems.append((shown, ReadError(codes.UNREADABLE_FILE,
                                              f"cannot be read as a folder: {error.strerror or error}")))
            continue
        folders = [entry.name for entry in entries if _is_folder(entry)]
        names = [entry.name for entry in entries if not _is_folder(entry)]
        yield current, folders, names
        stack += [os.path.join(current, folder) for folder in reversed(folders)
                  if not os.path.islink(os.path.join(current, folder))]


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _link_problem(path: Path, root: Path) -> str | None:
    """Why a symbolic link in the models folder is refused, or None when it stays inside."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "is a symbolic link that loops or leads nowhere"
    if not target.is_relative_to(root):
        return "is a symbolic link leading outside the models folder"
    return None


def _join(display: str, relative: Path) -> str:
    if str(relative) == ".":
        return display
    return os.path.join(display, str(relative)) if display not in ("", ".") else str(relative)


def resolve_include(including: SourceFile, written: str) -> SourceFile:
    """The fragment an `include` entry names, which must stay inside the models folder."""
    if not written or os.path.isabs(written) or "\x00" in written:
        raise ReadError(codes.INVALID_INCLUDE, f"include '{written}' must be a path relative to this file")
    candidate = including.path.parent / written
    try:
        resolved = candidate.resolve(strict=True)
    except FileNotFoundError:
        raise ReadError(codes.INVALID_INCLUDE, f"include '{written}': no such file") from None
    except RecursionError:
        raise
    except RuntimeError:  # pathlib's own "Symlink loop" before Python 3.13
        raise ReadError(codes.INVALID_INCLUDE, f"include '{written}' goes through a symbolic link loop") from None
    except OSError as error:
        reason = "goes through a symbolic link loop" if error.errno == errno.ELOOP else \
            f"cannot be resolved: {error.strerror or error}"
        raise ReadError(codes.INVALID_INCLUDE, f"include '{written}' {reason}") from None
    if not resolved.is_relative_to(including.root):
        raise ReadError(codes.INVALID_INCLUDE, f"include '{written}' leads outside the models folder")
    if not resolved.is_file():
        raise ReadError(codes.INVALID_INCLUDE, f"include '{written}' is not a file")
    if not is_fragment(resolved.relative_to(including.root)):
        raise ReadError(
            codes.INVALID_INCLUDE,
            f"include '{written}' is a model of its own; fragments are files or folders named `_...`"
        )
    display = os.path.normpath(os.path.join(os.path.dirname(including.display), written))
    return SourceFile(resolved, display, including.root)
