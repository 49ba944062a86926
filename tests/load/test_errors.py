"""Every class of bad input is reported at the exact file, line and column, and all of them at once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import codes_at, lint_files


def only(problems: list, code: str) -> list:
    return [p for p in problems if p.code == code]


@pytest.mark.parametrize(
    ("text", "expected", "fragment"),
    [
        ("elements:\n  - id: a\n    lable: A\n", ("AD101", 3, 5), "did you mean 'label'"),
        ("elements:\n  - id: a\n    label: A\n    label: B\n", ("AD105", 4, 5), "first written at line 3"),
        ("elements:\n  - id: no\n", ("AD102", 2, 9), "expected an element id, found the boolean no"),
        ("layers: [{id: data}]\nelements:\n  - {id: a, layer: 1.10}\n", ("AD102", 3, 20), 'quote it ("1.10")'),
        ("elements: {id: a}\n", ("AD102", 1, 11), "expected a list of elements"),
        ("elements:\n  - label: A\n", ("AD103", 2, 5), "needs the key 'id'"),
        ("elements:\n  - id: 9lives\n", ("AD104", 2, 9), "not a valid id"),
        ("archdoc: 2\nelements: [{id: a}]\n", ("AD106", 1, 10), "version 1"),
        ("elements:\n  - {id: a}\n  - {id: a}\n", ("AD107", 3, 5), "defined at models/m.yaml:2:5"),
        ("layers: [{id: data}]\nelements:\n  - {id: a, layer: dta}\n", ("AD108", 3, 20), "did you mean 'data'"),
        ("elements:\n  - {id: a, kind: aws.compute.Lamda}\n", ("AD109", 2, 19), "aws.compute.Lambda"),
        ("groups:\n  - {id: g1, in: g2}\n  - {id: g2, in: g1}\nelements: [{id: a, in: g1}]\n", ("AD110", 2, 5),
         "g1 -> g2 -> g1"),
        ("groups: [{id: vpc}]\nelements: [{id: a}]\nrelations:\n  - a -> vpc\n", ("AD111", 4, 5), "is a group"),
        ("elements: [{id: a}]\nviews:\n  - {id: v, include: [\"tgs:x\"]}\n", ("AD113", 3, 23), "did you mean 'tag:'"),
        ("elements: [{id: a}]\nrules:\n  ignore:\n    - {rule: AD210, element: a}\n", ("AD114", 4, 7), "reason"),
        ("elements: [{id: a}, {id: b}]\nrelations:\n  - a => b\n", ("AD115", 3, 5), "not a relation"),
        ("elements: [{id: a}]\nviews: [{id: v, direction: up}]\n", ("AD117", 2, 28), "LR, TB"),
        ("elements: [{id: a}]\nrules:\n  severity: {AD999: off}\n", ("AD116", 3, 14), "not an archdoc rule"),
        ("elements: [{id: a}\n", ("AD003", 2, 1), "YAML syntax error"),
        ("elements: [{id: a}]\n---\nelements: [{id: b}]\n", ("AD007", 2, 1), "one YAML document"),
        ("elements: [{id: a, label: !!python/object/apply:os.system [id]}]\n", ("AD010", 1, 27), "not allowed"),
        ("", ("AD009", 1, 1), "empty"),
        ("- id: a\n", ("AD102", 1, 1), "must be a mapping"),
        ("elements:\n" + "  - " * 1 + "[" * 200 + "]" * 200 + "\n", ("AD004", 1, 1), "deeper than 64"),
    ],
)
def test_error_points_at_the_offending_node(lint_yaml, text: str, expected: tuple, fragment: str) -> None:
    problems = lint_yaml(text)
    code = expected[0]
    found = only(problems, code)
    assert found, [(p.code, p.message) for p in problems]
    if code == "AD004":
        assert found[0].span.line == 2  # the line of the bracket that went too deep
    else:
        assert (found[0].code, found[0].span.line, found[0].span.column) == expected
    assert found[0].span.path == os.path.join("models", "m.yaml")
    assert fragment in found[0].message


def test_every_problem_of_a_file_is_reported_not_only_the_first(lint_yaml) -> None:
    problems = lint_yaml(
        "elements:\n"
        "  - {id: a, lable: A}\n"
        "  - {id: b, kind: aws.nope.Nope}\n"
        "relations:\n"
        "  - a -> c\n"
    )
    assert codes_at(problems) == [("AD101", 2, 13), ("AD109", 3, 19), ("AD108", 5, 5)]


def test_alias_bomb_fails_fast(lint_yaml) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    problems = lint_yaml("\n".join(lines) + "\nelements: [{id: a}]\n")
    assert only(problems, "AD005")


def test_bounded_aliases_are_fine(lint_yaml) -> None:
    text = "elements:\n  - &base {id: a, kind: aws.compute.Lambda}\n  - {id: b}\nrelations: [a -> b]\n"
    assert [p for p in lint_yaml(text) if p.is_error] == []


def test_very_deep_block_nesting_does_not_crash(lint_yaml) -> None:
    problems = lint_yaml("elements:\n" + "- " * 60_000 + "x\n")
    assert only(problems, "AD004")


@pytest.mark.parametrize(
    ("data", "expected", "fragment"),
    [
        ("elements: [{id: a}]\n".encode("utf-16"), ("AD002", 1, 1), "UTF-16"),
        (b"elements:\n  - {id: a, label: caf\xe9}\n", ("AD002", 2, 23), "not valid UTF-8"),
        (b"elements:\n  - {id: a\x00}\n", ("AD002", 2, 11), "NUL"),
    ],
)
def test_bytes_that_are_not_utf8_text(tmp_path: Path, monkeypatch, data: bytes, expected: tuple, fragment: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "m.yaml").write_bytes(data)
    problems = lint_files(Path("."), {})
    assert codes_at(problems) == [expected]
    assert fragment in problems[0].message


def test_includes_merge_fragments_and_point_into_them(lint_yaml) -> None:
    problems = lint_yaml(
        "include: [_shared/net.yaml]\nelements:\n  - {id: api, in: vpc}\nrelations: [api -> db]\n",
        **{"_shared/net.yaml": "groups:\n  - {id: vpc, kind: aws.VPC}\nelements:\n  - {id: db, kind: aws.RDS, lable: x}\n"},
    )
    assert codes_at(problems) == [("AD101", 4, 29)]
    assert problems[0].span.path == os.path.join("models", "_shared", "net.yaml")


@pytest.mark.parametrize(
    ("include", "fragment"),
    [
        ("../outside.yaml", "leads outside the models folder"),
        ("other.yaml", "is a model of its own"),
        ("_missing.yaml", "no such file"),
        ("_self.yaml", "circular"),
    ],
)
def test_include_must_be_a_fragment_inside_the_models_folder(lint_yaml, tmp_path: Path, include: str,
                                                             fragment: str) -> None:
    (tmp_path / "outside.yaml").write_text("elements: [{id: secret}]\n")
    problems = lint_yaml(
        "include: [_self.yaml]\nelements: [{id: a}]\n" if include == "_self.yaml"
        else f"include: [{include}]\nelements: [{{id: a}}]\n",
        **{"other.yaml": "elements: [{id: o}]\n", "_self.yaml": "include: [_self.yaml]\n"},
    )
    found = only(problems, "AD120")
    assert found and fragment in found[0].message
    assert all(p.element != "secret" for p in problems)


def test_symlink_leading_outside_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret.yaml").write_text("elements: [{id: s}]\n")
    (tmp_path / "models").mkdir()
    os.symlink(tmp_path / "secret.yaml", tmp_path / "models" / "link.yaml")
    problems = lint_files(Path("."), {"m.yaml": "elements: [{id: a}]\n"})
    assert [(p.code, p.span.path) for p in problems] == [("AD008", os.path.join("models", "link.yaml"))]


def test_free_text_is_taken_exactly_as_written(tmp_path: Path, monkeypatch) -> None:
    from archdoc.load import load_models

    monkeypatch.chdir(tmp_path)
    lint_files(Path("."), {"m.yaml": "title: 2024\nelements:\n  - {id: a, label: 1.10, description: no, technology: 017}\n"
                                     "  - {id: b, label: on}\nrelations: [a -> b: 12:30]\n"})
    model = load_models(Path("models")).models[0]
    assert model.title == "2024"
    assert [(e.label, e.description, e.technology) for e in model.elements] == [("1.10", "no", "017"), ("on", "", "")]
    assert model.relations[0].label == "12:30"


def test_symlink_loops_are_refused_and_never_followed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "models").mkdir()
    os.symlink("loop.yaml", tmp_path / "models" / "loop.yaml")  # a file link to itself
    os.symlink(".", tmp_path / "models" / "again")  # a folder link back into the folder
    problems = lint_files(Path("."), {"m.yaml": "elements: [{id: a}]\n"})
    assert [(p.code, p.span.path, p.message) for p in problems] == [
        ("AD008", os.path.join("models", "loop.yaml"), "loop.yaml is a symbolic link that loops or leads nowhere")]


def test_an_oversized_file_is_refused_before_it_is_parsed(tmp_path: Path, monkeypatch) -> None:
    from archdoc.load.files import MAX_FILE_BYTES

    monkeypatch.chdir(tmp_path)
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "huge.yaml").write_bytes(b"# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    problems = lint_files(Path("."), {})
    assert [(p.code, p.message) for p in problems] == [
        ("AD006", "huge.yaml is larger than 16 MiB; split it with `include`")]


def test_a_path_that_does_not_exist_or_is_no_model_file(tmp_path: Path, monkeypatch) -> None:
    from archdoc.pipeline import load_and_lint

    monkeypatch.chdir(tmp_path)
    Path("notes.txt").write_text("elements: []\n")
    result, report = load_and_lint([Path("missing.yaml"), Path("notes.txt")])
    assert [(p.code, p.span.path, p.message) for p in report.problems] == [
        ("AD001", "missing.yaml", "missing.yaml does not exist"),
        ("AD001", "notes.txt", "notes.txt is not a .yaml or .yml model file"),
    ]
    assert report.exit_status == 2
