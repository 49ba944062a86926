"""Reading IaC files safely: regular files only, bounded sizes, UTF-8, YAML through the located parser.

Sizes are bounded per kind of source: CloudFormation itself accepts templates of at most
1 MB, so templates get the models' bound; `.tf` files are parsed by a pure-Python parser and
get a smaller one; Terraform's plan and state JSON is often far larger than any model and
gets its own, larger bound (it is parsed by the C JSON decoder). `.tf` files are also bounded
together, per read, since the HCL parser is slow.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from archdoc.iac.codes import IAC_CODES
from archdoc.load.codes import (
    DUPLICATE_KEY,
    FILE_TOO_LARGE,
    LOADER_CODES,
    NOT_UTF8,
    SEVERAL_DOCUMENTS,
    UNREADABLE_FILE,
    YAML_TAG,
)
from archdoc.load.yamlnodes import AnyNode, parse
from archdoc.model import Problem, Severity, SourceSpan

MIB = 1024 * 1024
MAX_TEMPLATE_BYTES = 16 * MIB
MAX_HCL_BYTES = 1 * MIB  # python-hcl2 parses some 30 KB a second: bounds keep an import under a minute or two
MAX_HCL_TOTAL_BYTES = 2 * MIB
MAX_JSON_BYTES = 256 * MIB
MAX_TEMPLATE_DEPTH = 64


class SourceError(Exception):
    """A source cannot be read at all; `code` is an AD0xx code, line and column are 1-based."""

    def __init__(self, code: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column

    def problem(self, display: str) -> Problem:
        return make_problem(self.code, self.message, SourceSpan(display, self.line, self.column))


def make_problem(code: str, message: str, span: SourceSpan | None) -> Problem:
    """A problem with its code's registered severity (loader codes and IaC codes)."""
    entry = IAC_CODES.get(code) or LOADER_CODES.get(code)
    severity = entry[1] if entry else Severity.WARNING
    return Problem(code, severity, message, span)


def display_path(path: Path) -> str:
    return os.path.normpath(str(path))


def read_source(path: Path, limit: int, what: str) -> str:
    """The text of a regular file of at most `limit` bytes, decoded as UTF-8, or a SourceError."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise SourceError(UNREADABLE_FILE, f"{path.name} does not exist") from None
    except OSError as error:
        raise SourceError(UNREADABLE_FILE, f"{path.name} cannot be read: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(UNREADABLE_FILE, f"{path.name} is a folder, not {what}")
    if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
        raise SourceError(UNREADABLE_FILE, f"{path.name} is not a regular file")
    if info.st_size > limit:
        raise SourceError(FILE_TOO_LARGE, f"{path.name} is larger than {limit // MIB} MiB, the bound for {what}")
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise SourceError(UNREADABLE_FILE, f"{path.name} cannot be read: {error.strerror or error}") from None
    if len(data) > limit:
        raise SourceError(FILE_TOO_LARGE, f"{path.name} is larger than {limit // MIB} MiB, the bound for {what}")
    return decode(data, path.name)


def decode(data: bytes, name: str) -> str:
    for bom, encoding in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                          (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if data.startswith(bom):
            raise SourceError(NOT_UTF8, f"{name} is encoded as {encoding}; archdoc reads UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = byte_position(data, nul)
        raise SourceError(NOT_UTF8, f"{name} holds a NUL byte; it is not text", line, column)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = byte_position(data, error.start)
        message = f"{name} is not valid UTF-8 (byte 0x{data[error.start]:02x})"
        raise SourceError(NOT_UTF8, message, line, column) from None


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def text_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, counting LF line breaks as editors do."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def parse_yaml(text: str, local_tags: frozenset[str], problems: list[Problem], display: str) -> AnyNode | None:
    """One YAML (or JSON) document as located nodes, with the loader's limits; duplicate keys are problems."""
    duplicates: list[Exception] = []
    try:
        node = parse(text, duplicates, max_depth=MAX_TEMPLATE_DEPTH, local_tags=local_tags)  # type: ignore[arg-type]
    except Exception as error:  # the loader's read error (its class moves with the loader's refactor)
        code = getattr(error, "code", None)
        if not isinstance(code, str):
            raise
        message = str(getattr(error, "message", error))
        if code == SEVERAL_DOCUMENTS:
            message = "a template is one YAML document; this is a second one (`---`)"
        elif code == YAML_TAG:
            message = message.replace("in a model", "in a template (only CloudFormation's short intrinsics are)")
        raise SourceError(code, message, getattr(error, "line", 1), getattr(error, "column", 1)) from None
    for duplicate in duplicates:
        problems.append(make_problem(
            DUPLICATE_KEY, str(getattr(duplicate, "message", duplicate)),
            SourceSpan(display, getattr(duplicate, "line", 1), getattr(duplicate, "column", 1))))
    return node
