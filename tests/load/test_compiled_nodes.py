"""The compiled node builder (archdoc/load/_nodes.c) reads every text as the Python reader does, or hands it back."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archdoc.load import yamlnodes
from archdoc.model.errors import ReadError

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(yamlnodes._compiled is None, reason="archdoc/load/_nodes.c is not compiled here")

# Each is read by the Python reader (an error, an alias, a tag, ...) or by the compiled one: the same either way.
TEXTS = [
    "", "# only a comment\n", "---\n", "--- a\n", "...\n", "hello\n", "- a\n- b\n", "\ufeffa: 1\n", "\ufeff\ufeffa: 1\n",
    "a: \u00e9\u4e2d\U0001F600 x\n", "a:\r\n  - b\r\n", "a:\r  - b\r", "a: b\u2028c\n", "a: b\x85c\n", "a: \"x\x07\"\n",
    "elements:\n\t- {id: a}\n", "elements: [\n", "a: b: c\n", "{a: 1, a: 2}\n", "[a, b]: c\n", "? [a]\n: b\n",
    "a: &x 1\nb: *x\n", "a: *nope\n", "a: !!str 1\nb: !Ref c\n", "a: 1\n---\nb: 2\n", "%YAML 1.1\n--- a\n",
    "a: " + "[" * 70 + "]" * 70 + "\n", "a: \"" + "\u00e9" * 45 + "\"\n", "'a''b': \"c\\td\"\n", "k: |\n  x\n  y\n",
    "elements:\n  - {id: no, label: yes}\n  - {id: \"yes\", label: 1.10, technology: 017, owner: ~}\n",
]


def dump(node: Any) -> Any:
    """Everything a reader can see of a node tree: kinds, positions, values, flags and sizes."""
    if node is None:
        return None
    if type(node) is yamlnodes.ScalarNode:
        return ("scalar", node.line, node.column, node.value, node.plain, node.tag, node.type_tag, node.size)
    if type(node) is yamlnodes.MappingNode:
        return ("mapping", node.line, node.column, node.tag, node.size, node.shared,
                tuple((dump(key), dump(value)) for key, value in node.pairs))
    return ("list", node.line, node.column, node.tag, node.size, node.shared, tuple(dump(item) for item in node.items))


def read(text: str, compiled: bool, max_depth: int) -> Any:
    saved = yamlnodes._compiled
    yamlnodes._compiled = saved if compiled else None
    duplicates: list[ReadError] = []
    try:
        result: Any = dump(yamlnodes.parse(text, duplicates, max_depth=max_depth))
    except ReadError as error:
        result = (error.code, error.message, error.line, error.column)
    finally:
        yamlnodes._compiled = saved
    return result, [(error.code, error.message, error.line, error.column) for error in duplicates]


def random_documents(count: int) -> Iterator[str]:
    """Flow-style documents of nested lists and mappings with repeated keys, anchors and aliases."""
    rng = random.Random(17)

    def value(depth: int, anchors: list[str]) -> str:
        if depth > 4 or rng.random() < 0.3:
            if anchors and rng.random() < 0.2:
                return "*" + rng.choice(anchors)
            return rng.choice(["a", "no", "1", '"x"', "~", "k", "é"])
        if rng.random() < 0.5:
            written = "[" + ", ".join(value(depth + 1, anchors) for _ in range(rng.randrange(4))) + "]"
        else:
            keys = [rng.choice("abcd") for _ in range(rng.randrange(4))]
            written = "{" + ", ".join(f"{key}: {value(depth + 1, anchors)}" for key in keys) + "}"
        if rng.random() < 0.1:
            anchors.append(f"n{len(anchors)}")
            return f"&{anchors[-1]} {written}"
        return written

    for _ in range(count):
        yield "r: " + value(0, []) + "\n"


def test_the_gallery_models_read_the_same_compiled_and_in_python() -> None:
    for path in sorted((REPO / "models").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        compiled = read(text, True, yamlnodes.MAX_DEPTH)
        assert compiled == read(text, False, yamlnodes.MAX_DEPTH), path.name
        assert compiled[0][0] == "mapping"


@pytest.mark.parametrize("text", TEXTS)
def test_unusual_texts_read_the_same_compiled_and_in_python(text: str) -> None:
    for depth in (2, yamlnodes.MAX_DEPTH):
        assert read(text, True, depth) == read(text, False, depth)


def test_random_nesting_duplicates_and_aliases_read_the_same_compiled_and_in_python() -> None:
    for text in random_documents(3000):
        for depth in (3, yamlnodes.MAX_DEPTH):
            assert read(text, True, depth) == read(text, False, depth), text


def test_the_compiled_reader_hands_back_what_it_does_not_read() -> None:
    build = yamlnodes._compiled.build
    shapes = (yamlnodes.ScalarNode, yamlnodes.MappingNode, yamlnodes.SequenceNode, yamlnodes.STR,
              yamlnodes.IMPLICIT_RESOLVERS, yamlnodes.implicit_types, yamlnodes.implicit_tag)
    for text in ("a: &x 1\nb: *x\n", "{a: 1, a: 2}\n", "a: !!str 1\n", "a: [\n", "a: 1\n---\nb: 2\n", "[a]: b\n"):
        assert build(text.encode(), 64, *shapes) is NotImplemented, text
    assert build(b"a: [[1]]\n", 2, *shapes) is NotImplemented  # nesting at the limit: the Python reader says AD004
    assert build(b"", 64, *shapes) is None
