"""`archdoc import --into`: a re-import after one source entry was added and one removed keeps every
hand-written line and comment, adds the one element, and reports the other where the model has it."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from helpers import run_archdoc

from archdoc.lint import lint_result
from archdoc.load import load_paths

ENTITY = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {{name: {name}}}\n" \
         "spec: {{type: service, lifecycle: production, owner: team-a{more}}}\n"
SOURCES = {
    "mermaid": ("flow.mmd",
                "graph LR\n  api[Orders API] --> db[(Orders DB)]\n  api --> cache[Redis cache]\n",
                "graph LR\n  api[Orders API] --> db[(Orders DB)]\n  api -.-> audit[Audit log]\n"),
    "backstage": ("catalog.yaml",
                  "---\n".join([ENTITY.format(name="api", more=", dependsOn: [component:db, component:cache]"),
                                ENTITY.format(name="db", more=""), ENTITY.format(name="cache", more="")]),
                  "---\n".join([ENTITY.format(name="api", more=", dependsOn: [component:db, component:audit]"),
                                ENTITY.format(name="db", more=""), ENTITY.format(name="audit", more="")])),
    "structurizr": ("workspace.dsl",
                    'workspace {\n  model {\n    api = softwareSystem "api"\n    db = softwareSystem "db"\n'
                    '    cache = softwareSystem "cache"\n    api -> db "reads"\n    api -> cache "caches"\n  }\n}\n',
                    'workspace {\n  model {\n    api = softwareSystem "api"\n    db = softwareSystem "db"\n'
                    '    audit = softwareSystem "audit"\n    api -> db "reads"\n    api -> audit "logs"\n  }\n}\n'),
}


def hand_edit(text: str) -> str:
    """What a person does to an imported model: comments, a relabelled and renamed element, their own
    relation, layers and a view, a flow list, quotes where none were needed."""
    lines = text.splitlines()
    edited = ["# Orders: kept by the payments team", *lines[:3]]
    for line in lines[3:]:
        if line == "  - id: db":  # an entry written one key per line
            edited += ["  # the database everything else hangs off", "  - id: orders-db   # renamed by hand",
                       "    layer: data"]
            continue
        if line.startswith("  - ") and "id: db" in line:
            line = line.replace("id: db", "id: orders-db").replace("{", "{layer: data, ", 1)
            edited.append("  # the database everything else hangs off")
            edited.append(line + "   # renamed by hand")
            continue
        if line == "  - id: api":
            edited += [line, '    label: "Orders API (v2)"', "    layer: app"]
            continue
        if line.startswith("    label: ") and edited[-1] == "    layer: app":
            continue
        if line.startswith("  - ") and "id: api" in line:
            line = re.sub(r", label: [^,}]+", "", line).replace("{", '{label: "Orders API (v2)", layer: app, ', 1)
        line = line.replace("-> db", "-> orders-db").replace("to: db", "to: orders-db")
        if line == "views:":
            edited += ["  - api -> orders-db: hand-written, kept", "", "layers: [{id: app}, {id: data}]",
                       "", "# views below: do not reorder"]
        edited.append(line)
    edited += ["  - {id: data, title: Data, include: [\"layer:data\"]}  # my view", "# the end", ""]
    return "\n".join(edited)


@pytest.mark.parametrize("format_name", sorted(SOURCES))
def test_reimport_keeps_the_hand_written_model(tmp_path: Path, format_name: str) -> None:
    name, first, second = SOURCES[format_name]
    source = tmp_path / name
    source.write_text(first, encoding="utf-8")
    (tmp_path / "models").mkdir()
    run = run_archdoc(tmp_path, "import", format_name, name, "-o", "models/orders.yaml", "--id", "orders")
    assert run.returncode == 0, run.stderr
    model_file = tmp_path / "models" / "orders.yaml"
    written = model_file.read_text(encoding="utf-8")
    assert "cache" in written
    before = hand_edit(written)
    model_file.write_text(before, encoding="utf-8")
    assert_lints_clean(model_file)
    source.write_text(second, encoding="utf-8")

    run = run_archdoc(tmp_path, "import", format_name, name, "--into", "models/orders.yaml")
    assert run.returncode == 0, run.stderr
    after = model_file.read_text(encoding="utf-8")
    diff = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-?"]
    assert [line for line in diff if not line.startswith("+ ")] == [], "\n".join(diff)  # nothing changed or lost
    added = [line[2:] for line in diff]
    assert len([line for line in added if "id: audit" in line]) == 1
    entries = [line for line in added if line.startswith("  - ")]
    assert len(entries) == 2  # the element and its relation, nothing else
    assert "\n".join(added).count("imported") == 2

    cache_line = next(number for number, line in enumerate(before.splitlines(), 1) if "id: cache" in line)
    vanished = [line for line in run.stderr.splitlines() if "AD610" in line and "'cache'" in line]
    assert vanished == [f"models/orders.yaml:{cache_line}:5: warning AD610 'cache' came from "
                        f"{format_name}:{source_key(format_name, 'cache')}, which the source no longer has; kept "
                        "in the model (remove it by hand if it is gone)"]
    model = assert_lints_clean(model_file)
    assert model.elements_by_id["orders-db"].layer == "data"
    assert model.elements_by_id["api"].label == "Orders API (v2)"

    again = run_archdoc(tmp_path, "import", format_name, name, "--into", "models/orders.yaml")
    assert again.returncode == 0 and model_file.read_text(encoding="utf-8") == after  # a second run adds nothing


def source_key(format_name: str, name: str) -> str:
    return {"mermaid": name, "backstage": f"component:default/{name}",
            "structurizr": f"softwareSystem:{name}"}[format_name]


def assert_lints_clean(path: Path):
    loaded = load_paths([path])
    report = lint_result(loaded)
    assert [str(p) for p in report.problems if p.is_error] == []
    [model] = loaded.models
    return model


def test_into_adds_lists_the_model_does_not_have_and_fills_flow_lists(tmp_path: Path) -> None:
    (tmp_path / "flow.mmd").write_text("graph LR\n  a --> b\n  subgraph g\n    b\n  end\n")
    model_file = tmp_path / "m.yaml"
    model_file.write_text("elements: [{id: x}]  # mine\r\nviews: []\r\n", encoding="utf-8", newline="")
    run = run_archdoc(tmp_path, "import", "mermaid", "flow.mmd", "--into", "m.yaml")
    assert run.returncode == 0, run.stderr
    text = model_file.read_bytes().decode()
    assert text.startswith("groups:\r\n  - {id: g, ")
    assert "elements: [{id: x}, {id: a, " in text and "]  # mine\r\n" in text
    assert "relations:\r\n  - {from: a, to: b, tags: [imported]}\r\n" in text
    assert_lints_clean(model_file)


@pytest.mark.parametrize(("text", "message"), [
    ("elements: [{id: a}\n", "YAML syntax error"),
    ("- a\n- b\n", "cannot be read as a model"),
    ("elements: []\nrelations: {a: b}\n", "`relations` is not a list"),
])
def test_into_a_model_that_cannot_be_read_changes_nothing(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "flow.mmd").write_text("graph LR\n  a --> b\n")
    (tmp_path / "m.yaml").write_text(text)
    run = run_archdoc(tmp_path, "import", "mermaid", "flow.mmd", "--into", "m.yaml")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert message in run.stderr and "m.yaml:" in run.stderr
    assert (tmp_path / "m.yaml").read_text() == text
