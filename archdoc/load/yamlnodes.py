"""Safe YAML reading: located nodes built straight from libyaml's event stream.

PyYAML's object construction is the slow part of loading (and its composer recurses,
so very deep input can crash the C loader). Here the parser's events are folded into
small located nodes by an explicit stack: nesting and alias expansion are bounded while
streaming, duplicate keys are reported, and scalars keep their source text so that
`id: no` stays the text "no" until a field asks for a boolean.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from archdoc.load import codes
from archdoc.load.located import (
    BOOL,
    COLLECTION_TAGS,
    FLOAT,
    INT,
    NULL,
    SCALAR_TAGS,
    STR,
    AnyNode,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    describe_scalar,
    implicit_tag,
    implicit_types,
    scalar_type,
)
from archdoc.load.yaml11 import IMPLICIT_RESOLVERS
from archdoc.model.errors import ReadError

if TYPE_CHECKING:
    import yaml

# The same nodes built in C from libyaml for the common case (`_nodes.c`, compiled when libyaml's
# headers and a compiler were there); anything unusual is read again below, by the Python reader.
_compiled: Any = None
if not os.environ.get("ARCHDOC_PURE_PYTHON"):
    try:
        from archdoc.load import _nodes as _compiled  # type: ignore[attr-defined, no-redef]
    except ImportError:  # pragma: no cover - depends on how archdoc was installed
        _compiled = None

MAX_DEPTH = 64
MIN_EXPANSION_LIMIT = 50_000
EXPANSION_FACTOR = 20

__all__ = ["BOOL", "FLOAT", "INT", "NULL", "STR", "AnyNode", "MappingNode", "Node", "ReadError", "ScalarNode",
           "SequenceNode", "describe_scalar", "implicit_tag", "parse"]


def parse(
    text: str,
    duplicate_keys: list[ReadError],
    *,
    max_depth: int = MAX_DEPTH,
    local_tags: frozenset[str] = frozenset(),
) -> AnyNode | None:
    """Parse one YAML document into located nodes; None for an empty document.

    Fatal problems raise ReadError; duplicate keys are appended to `duplicate_keys`
    (the first value is kept) so that the rest of the file is still checked. `local_tags`
    names the `!Tag`s a caller reads as data (CloudFormation's `!Ref`, ...): such a node
    keeps its tag in `.tag` and nothing is constructed from it; any other tag is AD010.
    """
    text, restore = _hide_unshared_breaks(text)
    if _compiled is not None and restore is None:
        try:
            root = _compiled.build(text.encode("utf-8"), max_depth, ScalarNode, MappingNode, SequenceNode,
                                   STR, IMPLICIT_RESOLVERS, implicit_types, implicit_tag)
        except UnicodeEncodeError:
            root = NotImplemented  # a lone surrogate: the Python reader says what PyYAML says
        if root is not NotImplemented:
            return root  # type: ignore[no-any-return]
    import yaml  # only here: importing PyYAML costs as much as linting a small model (see yaml11)

    loader = _event_loader()(text)
    reported = len(duplicate_keys)
    try:
        root = _build(loader, duplicate_keys, max_depth, local_tags)
        if restore:
            _restore(root, duplicate_keys[reported:], restore)
        return root
    except ReadError as error:
        if restore:
            _restore(None, [error, *duplicate_keys[reported:]], restore)
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(part for part in (error.context, error.problem) if part).translate(restore or {})
        raise ReadError(codes.YAML_SYNTAX, f"YAML syntax error: {message}", line, column) from None
    except yaml.YAMLError as error:  # reader errors (control characters) carry no problem_mark
        position = getattr(error, "position", None)
        line, column = _line_column(text, position) if isinstance(position, int) else (1, 1)
        raise ReadError(codes.YAML_SYNTAX, f"YAML syntax error: {error}", line, column) from None
    finally:
        loader.dispose()


# libyaml (YAML 1.1) also ends a line at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR; YAML 1.2,
# editors, GitHub and SARIF viewers end lines at LF, CRLF and CR only. Before parsing, each of the
# three is replaced by a private-use character the text does not hold (one character for one, so
# every offset stays), and put back in the parsed text: positions are the lines people see, and a
# separator in a comment or a label is text, as the editor shows it.
_UNSHARED_BREAKS = "\x85\u2028\u2029"
_EDITOR_BREAKS = re.compile("\r\n|[\r\n]")


def _hide_unshared_breaks(text: str) -> tuple[str, dict[int, str] | None]:
    present = [char for char in _UNSHARED_BREAKS if char in text]
    if not present:
        return text, None
    stand_ins = (chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)
    hide = {ord(char): stand_in for char, stand_in in zip(present, stand_ins, strict=False)}
    return text.translate(hide), {ord(stand_in): char for char, stand_in in zip(present, hide.values(), strict=True)}


def _restore(root: AnyNode | None, errors: list[ReadError], restore: dict[int, str]) -> None:
    """The separators put back in every scalar (each node once, shared aliases too) and message."""
    for error in errors:
        error.message = error.message.translate(restore)
        error.args = (error.message,)
    seen: set[int] = set()
    stack: list[AnyNode] = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            node.value = node.value.translate(restore)
            node.type_tag = scalar_type(node.value, node.plain, node.tag)
        elif isinstance(node, MappingNode):
            for key, value in node.pairs:
                stack += (key, value)
        else:
            stack += node.items


def _event_loader() -> Any:
    """libyaml's parser when PyYAML was built with it; the pure parser otherwise."""
    try:
        from yaml import CSafeLoader

        return CSafeLoader
    except ImportError:  # pragma: no cover - depends on how PyYAML was installed
        from yaml import SafeLoader

        return SafeLoader


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, counting LF, CRLF and CR line ends."""
    starts = [0] + [match.end() for match in _EDITOR_BREAKS.finditer(text, 0, offset)]
    return len(starts), offset - starts[-1] + 1


def _build(
    loader: Any, duplicate_keys: list[ReadError], max_depth: int, local_tags: frozenset[str]
) -> AnyNode | None:
    """The located nodes of one document, folded from the event stream by an explicit stack.

    This loop runs once per YAML event, so it keeps the open collection in locals rather than
    on the stack, and counts aliased expansion with one running total: without an alias no
    collection can hold more nodes than were created, so the alias-bomb check runs only after one.
    """
    import yaml

    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    document_start, stream_end = yaml.DocumentStartEvent, yaml.StreamEndEvent
    get_event = loader.get_event
    new_scalar = ScalarNode.__new__

    anchors: dict[str, AnyNode] = {}
    # The enclosing collections' state, saved while a nested one is open.
    stack: list[tuple[Any, Any, ScalarNode | None, int, str | None]] = []
    # The open collection: the node, its list's append, the key a mapping waits to pair (sequences:
    # False), the running total when it opened, and its anchor.
    container: Any = None
    append: Any = None
    pending: Any = None
    opened = 0
    anchor: str | None = None
    root: AnyNode | None = None
    documents = 0
    created = 0  # nodes made from events
    expanded = 0  # nodes attached so far, each alias counted as the nodes it repeats
    aliased = False
    texts: dict[str, str] = {}
    last_line, line = -1, 0

    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_event:
            mark = event.start_mark
            tag = event.tag
            value = event.value
            node: Any = new_scalar(ScalarNode)
            # One string object for each text written many times (keys, kinds, layers, groups).
            node.value = texts.setdefault(value, value) if len(value) < 40 else value
            node.plain = not event.style and event.implicit[0]
            node.tag = None if tag is None or tag == "!" else _scalar_tag(event, local_tags)
            node.type_tag = scalar_type(node.value, node.plain, node.tag)
            if mark.line != last_line:  # the nodes of one line share its number
                last_line = mark.line
                line = last_line + 1
            node.line = line
            node.column = mark.column + 1
            created += 1
            if event.anchor:
                anchors[event.anchor] = node
            size = 1
        elif kind is mapping_start or kind is sequence_start:
            mark = event.start_mark
            tag = _collection_tag(event, local_tags) if event.tag is not None else None
            if container is not None and len(stack) + 1 >= max_depth:  # open collections: stack + container
                raise ReadError(
                    codes.TOO_DEEP, f"the document nests deeper than {max_depth} levels", mark.line + 1, mark.column + 1
                )
            if container is not None:
                stack.append((container, append, pending, opened, anchor))
            if kind is mapping_start:
                container = MappingNode(mark.line + 1, mark.column + 1, tag)
                append = container.pairs.append
                pending = None
            else:
                container = SequenceNode(mark.line + 1, mark.column + 1, tag)
                append = container.items.append
                pending = False
            created += 1
            opened = expanded
            anchor = event.anchor
            continue
        elif kind is mapping_end or kind is sequence_end:
            node = container
            node.size = expanded - opened + 1
            size = 1  # what it holds is counted already
            if type(node) is MappingNode:
                pairs = node.pairs
                if len(pairs) > 1 and len({key.value for key, _value in pairs}) != len(pairs):
                    _report_duplicates(node, duplicate_keys)
            if anchor:
                anchors[anchor] = node
            if stack:
                container, append, pending, opened, anchor = stack.pop()
            else:
                container = None
        elif kind is alias_event:
            mark = event.start_mark
            found = anchors.get(event.anchor)
            if found is None:
                raise ReadError(codes.YAML_SYNTAX, f"unknown alias *{event.anchor}", mark.line + 1, mark.column + 1)
            node = _at_alias(found, mark.line + 1, mark.column + 1)
            size = node.size
            limit = max(MIN_EXPANSION_LIMIT, EXPANSION_FACTOR * created)
            if size > limit:
                raise ReadError(
                    codes.ALIAS_BOMB,
                    f"the alias *{event.anchor} expands the document past {limit} nodes (an alias bomb?)",
                    mark.line + 1,
                    mark.column + 1,
                )
            aliased = True
        elif kind is document_start:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise ReadError(
                    codes.SEVERAL_DOCUMENTS,
                    "a model file holds one YAML document; this is a second one (`---`)",
                    mark.line + 1,
                    mark.column + 1,
                )
            continue
        elif kind is stream_end:
            return root
        else:  # stream start, document end
            continue

        if container is None:
            root = node
            continue
        expanded += size
        if aliased:
            total = expanded - opened + 1  # the open collection's size with this node in it
            if total > MIN_EXPANSION_LIMIT and total > EXPANSION_FACTOR * created:
                raise ReadError(
                    codes.ALIAS_BOMB,
                    f"aliases expand the document past {max(MIN_EXPANSION_LIMIT, EXPANSION_FACTOR * created)} nodes"
                    " (an alias bomb?)",
                    node.line,
                    node.column,
                )
        if pending is False:
            append(node)
        elif pending is None:
            if type(node) is not ScalarNode:
                raise ReadError(codes.YAML_SYNTAX, "a mapping key must be plain text", node.line, node.column)
            pending = node
        else:
            append((pending, node))
            pending = None


def _at_alias(node: AnyNode, line: int, column: int) -> AnyNode:
    """The anchored node as the alias repeats it: the same content, placed where the alias is written,
    so that a finding about the repetition (a duplicate id, ...) points at the alias, not the anchor."""
    copy: AnyNode
    if isinstance(node, ScalarNode):
        return ScalarNode(node.value, node.plain, node.tag, line, column)
    if isinstance(node, MappingNode):
        copy = MappingNode(line, column, node.tag)
        copy.pairs = node.pairs
    else:
        copy = SequenceNode(line, column, node.tag)
        copy.items = node.items
    copy.size = node.size
    node.shared = copy.shared = True
    return copy


def _scalar_tag(event: yaml.ScalarEvent, local_tags: frozenset[str]) -> str | None:
    tag = event.tag
    if tag is None or tag == "!":
        return None
    if tag in SCALAR_TAGS or tag in local_tags:
        return tag
    mark = event.start_mark
    raise ReadError(codes.YAML_TAG, f"the YAML tag {tag} is not allowed in a model", mark.line + 1, mark.column + 1)


def _collection_tag(event: Any, local_tags: frozenset[str]) -> str | None:
    tag = event.tag
    if tag is None or tag == "!" or tag in COLLECTION_TAGS:
        return None
    if tag in local_tags:
        return tag
    mark = event.start_mark
    raise ReadError(codes.YAML_TAG, f"the YAML tag {tag} is not allowed in a model", mark.line + 1, mark.column + 1)


def _report_duplicates(mapping: MappingNode, duplicate_keys: list[ReadError]) -> None:
    pairs = mapping.pairs
    if len(pairs) < 2:
        return
    seen: dict[str, ScalarNode] = {}
    kept: list[tuple[ScalarNode, AnyNode]] = []
    for key, value in pairs:
        first = seen.get(key.value)
        if first is None:
            seen[key.value] = key
            kept.append((key, value))
            continue
        duplicate_keys.append(
            ReadError(
                codes.DUPLICATE_KEY,
                f"duplicate key '{key.value}' (first written at line {first.line}); "
                "YAML would silently keep only the last",
                key.line,
                key.column,
            )
        )
    if len(kept) != len(pairs):
        mapping.pairs = kept
