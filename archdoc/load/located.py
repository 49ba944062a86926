"""Located YAML nodes: a scalar keeps its source text and place, a collection its entries, until a field reads them."""

from __future__ import annotations

from typing import Any

from archdoc.load.yaml11 import IMPLICIT_RESOLVERS, TAG, construct_float, construct_int

_TAG = TAG
STR, INT, FLOAT, BOOL, NULL = (_TAG + name for name in ("str", "int", "float", "bool", "null"))
SCALAR_TAGS = {STR, INT, FLOAT, BOOL, NULL, _TAG + "binary", _TAG + "timestamp"}
COLLECTION_TAGS = {_TAG + "map", _TAG + "seq", _TAG + "omap"}
_IMPLICIT = IMPLICIT_RESOLVERS


class Node:
    __slots__ = ("line", "column")

    line: int
    column: int
    size: int  # nodes below and including this one, with aliases expanded


class ScalarNode(Node):
    __slots__ = ("value", "plain", "tag", "type_tag")

    size = 1
    # The YAML type a plain reader gives it (`scalar_type`), worked out when the node is made, here
    # or in the compiled builder: every field read asks it, and a slot costs a fraction of a property.
    type_tag: str

    def __init__(self, value: str, plain: bool, tag: str | None, line: int, column: int) -> None:
        self.value = value
        self.plain = plain  # unquoted: YAML 1.1 would give it an implicit type
        self.tag = tag  # an explicit standard tag (`!!str`), an accepted local tag (`!Ref`), or None
        self.type_tag = scalar_type(value, plain, tag)
        self.line = line
        self.column = column

    def resolve(self) -> Any:
        """The scalar as a Python value, typed as YAML 1.1 would type it (timestamps stay text)."""
        tag = self.type_tag
        if tag == STR:
            return self.value
        if tag == NULL:
            return None
        if tag == BOOL:
            return self.value.lower() in ("yes", "true", "on", "y")
        try:
            if tag == INT:
                return construct_int(self.value)
            if tag == FLOAT:
                return construct_float(self.value)
        except ValueError:
            return self.value
        return self.value


class MappingNode(Node):
    __slots__ = ("pairs", "tag", "size", "shared")

    def __init__(self, line: int, column: int, tag: str | None = None) -> None:
        self.pairs: list[tuple[ScalarNode, AnyNode]] = []
        self.line = line
        self.column = column
        self.size = 1
        self.tag = tag  # one of the local tags the caller accepted (`!GetAtt`), or None
        self.shared = False  # its pairs are also an alias's: never consumed

    def get(self, key: str) -> AnyNode | None:
        for key_node, value in self.pairs:
            if key_node.value == key:
                return value
        return None


class SequenceNode(Node):
    __slots__ = ("items", "tag", "size", "shared")

    def __init__(self, line: int, column: int, tag: str | None = None) -> None:
        self.items: list[AnyNode] = []
        self.line = line
        self.column = column
        self.size = 1
        self.tag = tag  # one of the local tags the caller accepted (`!If`), or None
        self.shared = False  # its items are also an alias's: never consumed


AnyNode = ScalarNode | MappingNode | SequenceNode


def scalar_type(value: str, plain: bool, tag: str | None) -> str:
    """The YAML type of a scalar: its explicit tag, str when quoted, else YAML 1.1's implicit type."""
    if tag is not None:
        return tag
    if not plain or (value and value[0] not in _IMPLICIT):  # most texts: no implicit type starts so
        return STR
    return implicit_types.get(value) or implicit_tag(value)


def implicit_tag(value: str) -> str:
    """The tag YAML 1.1 gives an unquoted scalar (`no` is a bool, `017` an int, `1.10` a float)."""
    found = implicit_types.get(value)
    if found is None:
        found = _implicit_tag(value)
        if len(implicit_types) < 100_000:  # models repeat the same texts (kinds, layers, labels)
            implicit_types[value] = found
    return found


# The implicit type of each plain text met so far (read by the compiled builder too).
implicit_types: dict[str, str] = {}


def _implicit_tag(value: str) -> str:
    if value == "" or value == "~":
        return NULL
    for tag, regexp in _IMPLICIT.get(value[0], ()):
        if regexp.match(value):
            return tag if tag in SCALAR_TAGS else STR
    return STR


def describe_scalar(node: ScalarNode) -> str:
    """How a reader of YAML 1.1 would see this scalar, for messages: `the boolean no`."""
    tag = node.type_tag
    names = {BOOL: "the boolean", INT: "the number", FLOAT: "the number", NULL: "an empty value"}
    if tag == NULL:
        return "an empty value"
    return f"{names.get(tag, 'the text')} {node.value}"
