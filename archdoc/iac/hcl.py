"""The one place python-hcl2 is used: a `.tf` file's top-level blocks as located data.

python-hcl2 (a Lark grammar of HCL2) parses; its serializer gives each block's body as plain
data, expressions kept as their `${...}` text. A syntax error becomes an AD003 problem at the
line and column the parser names; nesting deeper than the loader's bound is refused before
parsing, because the parser's tree transformer recurses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archdoc.iac.sources import MAX_TEMPLATE_DEPTH, SourceError
from archdoc.load.codes import TOO_DEEP, UNREADABLE_FILE, YAML_SYNTAX

try:  # python-hcl2 is a dependency; a broken install is a clear message, not a traceback
    import hcl2
    from hcl2.rules.base import AttributeRule, BlockRule
    from hcl2.utils import SerializationOptions
except ImportError:  # pragma: no cover - depends on the installation
    hcl2 = None  # type: ignore[assignment]

_OPTIONS = SerializationOptions(with_comments=False, strip_string_quotes=True, explicit_blocks=False) if hcl2 else None


@dataclass
class Block:
    """A top-level block: `resource "aws_vpc" "main" { ... }` has type `resource`, labels `[aws_vpc, main]`."""

    type: str
    labels: list[str]
    body: dict[str, Any]
    line: int
    column: int
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)  # body key -> where it is written


def parse_hcl(text: str) -> list[Block]:
    """The top-level blocks of one `.tf` file, or a SourceError (AD003 syntax, AD004 nesting)."""
    if hcl2 is None:  # pragma: no cover
        raise SourceError(UNREADABLE_FILE, "python-hcl2 is not installed: pip install python-hcl2")
    _check_depth(text)
    try:
        tree = hcl2.parses(text)
    except RecursionError:
        raise SourceError(TOO_DEEP, f"the file nests deeper than {MAX_TEMPLATE_DEPTH} levels") from None
    except Exception as error:  # Lark's UnexpectedInput and the grammar's own errors
        line = getattr(error, "line", None)
        column = getattr(error, "column", None)
        message = _describe(error)
        return_line = line if isinstance(line, int) and line > 0 else 1
        return_column = column if isinstance(column, int) and column > 0 else 1
        raise SourceError(YAML_SYNTAX, f"HCL syntax error: {message}", return_line, return_column) from None
    blocks: list[Block] = []
    for child in tree.body._children:
        if not isinstance(child, BlockRule):
            continue
        labels = [str(label.serialize(_OPTIONS)) for label in child.labels]
        try:
            body = child.body.serialize(_OPTIONS)
        except (RuntimeError, ValueError, TypeError) as error:
            raise SourceError(YAML_SYNTAX, f"HCL error: {error}", *_position(child)) from None
        positions: dict[str, tuple[int, int]] = {}
        for item in child.body._children:
            if isinstance(item, AttributeRule):
                positions.setdefault(str(item.identifier.serialize(_OPTIONS)), _position(item))
            elif isinstance(item, BlockRule) and item.labels:
                positions.setdefault(str(item.labels[0].serialize(_OPTIONS)), _position(item))
        line, column = _position(child)
        blocks.append(Block(labels[0], labels[1:], body if isinstance(body, dict) else {}, line, column, positions))
    return blocks


def _describe(error: Exception) -> str:
    """What the parser met, in words: `unexpected "}"`, `unexpected end of line`, `unexpected character "@"`."""
    token = getattr(error, "token", None)
    if token is not None:
        text = str(token)
        if getattr(token, "type", "") == "$END":
            return "unexpected end of file"
        shown = text.strip().splitlines()[0][:40] if text.strip() else ""
        return f'unexpected "{shown}"' if shown else "unexpected end of line"
    char = getattr(error, "char", None)
    if isinstance(char, str):
        return f'unexpected character "{char}"' if char.strip() else "unexpected white space"
    first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return first.split(" at line ")[0][:120]


def _position(rule: Any) -> tuple[int, int]:
    meta = getattr(rule, "_meta", None)
    line = getattr(meta, "line", None)
    column = getattr(meta, "column", None)
    return (line if isinstance(line, int) else 1, column if isinstance(column, int) else 1)


def _check_depth(text: str) -> None:
    """Bracket nesting outside strings and comments, bounded like the YAML loader's."""
    depth = 0
    line = 1
    index = 0
    length = len(text)
    in_string = False
    while index < length:
        char = text[index]
        if char == "\n":
            line += 1
            in_string = False if not in_string else in_string
        if in_string:
            if char == "\\":
                index += 2
                continue
            if char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "#" or (char == "/" and text.startswith("//", index)):
            end = text.find("\n", index)
            index = length if end < 0 else end
            continue
        elif char == "/" and text.startswith("/*", index):
            end = text.find("*/", index + 2)
            line += text.count("\n", index, end if end >= 0 else length)
            index = length if end < 0 else end + 2
            continue
        elif char in "{[(":
            depth += 1
            if depth > MAX_TEMPLATE_DEPTH:
                raise SourceError(TOO_DEEP, f"the file nests deeper than {MAX_TEMPLATE_DEPTH} levels", line, 1)
        elif char in "}])":
            depth = max(0, depth - 1)
        index += 1
