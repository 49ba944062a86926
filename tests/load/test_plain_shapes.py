"""The one-pass readers of the common element and relation shapes make the general reader's drafts and findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from archdoc.load import yaml_reader, yamlnodes
from archdoc.load.files import SourceFile

ELEMENTS = [
    "{id: a}", "{id: a, kind: aws.compute.Lambda, layer: app, in: g, label: A, tags: [x, y]}",
    "{id: a, tags: x, iac: [r1, r2], technology: Go, owner: team, view: v, description: d}",
    "{id: a, label: ~, description: null, technology: '', owner: NULL}", "{id: a, label: 1.10, owner: no}",
    "{id: a, tags: []}", "{id: a, tags: ~}", "{id: a, tags: [1, x]}", "{id: a, tags: [[x]]}", "{id: a, iac: {x: 1}}",
    "{id: no}", "{id: '1a'}", "{id: 12}", "{id: [a]}", "{label: no id}", "{id: a, layer: 7}", "{id: a, in: 'b c'}",
    "{id: a, kind: yes}", "{id: a, kind: [x]}", "{id: a, view: 3}", "{id: a, label: [x]}", "{id: a, label: {x: 1}}",
    "{id: a, properties: {zone: us-east-1a, public: true, cost_monthly: 3, replicas: 2, free: [1, x]}}",
    "{id: a, properties: {public: 'true', cost_monthly: -1, zones: [1], zone: [a, b], nested: {x: 1}}}",
    "{id: a, properties: ~}", "{id: a, properties: [x]}", "{id: a, layer: 7, properties: {public: 'yes'}}",
    "{id: a, links: {docs: 'https://x'}}", "{id: a, docs: [a.md]}", "{id: a, colour: red}", "{id: a, kind: x, '<<': y}",
    "[a]", "a", "~", "{id: a, label: !!str 1}", "{id: !!str a, tags: !!str x}",
]
RELATIONS = [
    "a -> b", "a ..> b: async call", "' a->b :  spaced '", "'a -> b:'", "'a -> b: x: y'", "a - b", "1", "~", "[a, b]",
    "{a -> b: label}", "{a ..> b: ~}", "{from: a, to: b, kind: data, technology: t, tags: [x]}", "{from: a}",
    "{a - b: x}", "'a -> b: multi\\nline'", "!!str a -> b", "a -> b: call", "a ..> b: ''", "a -> b: Null", "a -> b: ~",
    "a -> b: [x]", "a -> b: {x: 1}", "a -> b: 12", "' a -> b ': 'quoted ~'", "{a -> b: x, c -> d: y}", "from -> to: x",
    "a -> b: !!str x", "{from: a, to: b, label: ~}",
]


def read(tmp_path: Path, text: str, one_pass: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str]]:
    path = tmp_path / "m.yaml"
    path.write_text(text)
    with monkeypatch.context() as patch:
        if not one_pass:
            patch.setattr(yaml_reader, "_plain_element", lambda reader, node: None)
            patch.setattr(yaml_reader, "_short_relation", lambda reader, node: None)
        problems: list = []
        draft = yaml_reader.read_model(SourceFile(path, "m.yaml", tmp_path), problems)
    return repr(draft), [repr(problem) for problem in problems]  # repr: the order of every dict too


@pytest.mark.parametrize("compiled", [True, False])
def test_one_pass_reading_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled: bool) -> None:
    if not compiled:
        monkeypatch.setattr(yamlnodes, "_compiled", None)
    elements = "".join(f"  - {element}\n" for element in ELEMENTS)
    relations = "".join(f"  - {relation}\n" for relation in RELATIONS)
    text = f"id: m\nelements:\n{elements}relations:\n{relations}"
    general = read(tmp_path, text, False, monkeypatch)
    assert read(tmp_path, text, True, monkeypatch) == general
    assert len(general[1]) > 20  # the shapes above do reach the findings


@pytest.mark.parametrize("element", ELEMENTS)
def test_each_element_shape_reads_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, element: str) -> None:
    text = f"id: m\nelements:\n  - {element}\n"
    assert read(tmp_path, text, True, monkeypatch) == read(tmp_path, text, False, monkeypatch)
