"""YAML sources with several documents (`---`), read through archdoc's bounded, located parser.

The text is split at document markers (`---` or `...` at the start of a line, which YAML
forbids inside any scalar), each document is parsed by `archdoc.load.yamlnodes.parse` with
its depth, alias and tag limits, and its nodes are moved to the lines of the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archdoc.importers.base import problem
from archdoc.load import import_codes as codes
from archdoc.load.yamlnodes import STR, AnyNode, MappingNode, ReadError, ScalarNode, SequenceNode, parse
from archdoc.model import Problem, SourceSpan

MAX_DOCUMENTS = 20_000
_MARKER = re.compile(r"^(---|\.\.\.)(?=[ \t]|$)", re.MULTILINE)
_CODES = {"AD003": codes.SOURCE_SYNTAX, "AD004": codes.SOURCE_TOO_LARGE, "AD005": codes.SOURCE_TOO_LARGE,
          "AD007": codes.SOURCE_SYNTAX, "AD010": codes.SOURCE_TAG, "AD105": codes.INVALID_ENTRY}


@dataclass
class Document:
    root: AnyNode
    line: int  # where the document starts


def read_documents(text: str, display: str, problems: list[Problem]) -> list[Document]:
    """Every non-empty document of the text. A document that cannot be parsed is reported and skipped
    (the others are still read); more than MAX_DOCUMENTS is one error and nothing is read."""
    starts = [0]
    for marker in _MARKER.finditer(text):
        starts.append(marker.start())
    if len(starts) > MAX_DOCUMENTS + 1:
        problems.append(problem(codes.SOURCE_TOO_LARGE, f"holds more than {MAX_DOCUMENTS} YAML documents",
                                SourceSpan(display, 1, 1)))
        return []
    documents: list[Document] = []
    line = 1
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(text)
        chunk = text[start:end]
        if number > 0:  # the marker itself (and `--- ` content after it) keeps its columns
            chunk = "   " + chunk[3:]
        chunk = re.sub(r"^%.*$", "", chunk, flags=re.MULTILINE) if chunk.startswith("%") else chunk
        first_line = line
        line += chunk.count("\n")
        duplicates: list[ReadError] = []
        try:
            root = parse(chunk, duplicates)
        except ReadError as error:
            problems.append(problem(_CODES.get(error.code, codes.SOURCE_SYNTAX), f"{error.message}",
                                    SourceSpan(display, error.line + first_line - 1, error.column)))
            continue
        for duplicate in duplicates:
            problems.append(problem(codes.INVALID_ENTRY, duplicate.message,
                                    SourceSpan(display, duplicate.line + first_line - 1, duplicate.column)))
        if root is None:
            continue
        _shift(root, first_line - 1)
        documents.append(Document(root, first_line))
    return documents


def _shift(root: AnyNode, lines: int) -> None:
    """Move every node (once, though aliases share nodes) down by `lines`; walked without recursion."""
    if lines == 0:
        return
    seen: set[int] = set()
    pending: list[AnyNode] = [root]
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        node.line += lines
        if isinstance(node, MappingNode):
            for key, value in node.pairs:
                pending += [key, value]
        elif isinstance(node, SequenceNode):
            pending += node.items


def text_of(node: AnyNode | None) -> str | None:
    """A scalar as the text written (`no` stays "no"); None for a collection or an empty value."""
    if not isinstance(node, ScalarNode):
        return None
    if node.plain and node.value in ("", "~", "null", "Null", "NULL"):
        return None
    return node.value


def texts_of(node: AnyNode | None) -> list[tuple[str, AnyNode]]:
    """A list of scalars (or one scalar) as (text, node) pairs; other items are left out."""
    if node is None:
        return []
    items = node.items if isinstance(node, SequenceNode) else [node]
    found = []
    for item in items:
        value = text_of(item)
        if value is not None:
            found.append((value, item))
    return found


def is_text(node: AnyNode | None) -> bool:
    return isinstance(node, ScalarNode) and node.type_tag == STR


def mapping(node: AnyNode | None) -> MappingNode | None:
    return node if isinstance(node, MappingNode) else None
