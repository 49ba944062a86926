"""The exporters (PlantUML, C4-PlantUML, D2, Structurizr DSL, draw.io) and the DOT export with its icons.

Golden files: every view and flow of the render fixtures in every export format, compared
byte for byte (regenerate after an intended change with `ARCHDOC_UPDATE_GOLDEN=1` and review
the diff of tests/render/golden/export-*). Structure: the draw.io XML and the Structurizr DSL
read back (the DSL through archdoc's own Structurizr importer) hold the slice's elements,
groups and arrows, with every label as written. The real-tool checks are in
test_exports_tools.py.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from export_cases import EXPORTERS, export, fixture_slices
from helpers import assert_golden

from archdoc.cli import main
from archdoc.importers.structurizr import read_draft
from archdoc.render.exports import Names, box_family, edge_text, plain
from archdoc.render.formats import FORMATS
from archdoc.render.views import ViewSlice

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
GALLERY = HERE.parents[1] / "models"
CASES = [(name, fmt) for name in sorted(fixture_slices()) for fmt in EXPORTERS]


@pytest.mark.parametrize(("name", "fmt"), CASES, ids=[f"{name}.{fmt}" for name, fmt in CASES])
def test_export_matches_its_golden_file(name: str, fmt: str) -> None:
    assert_golden(GOLDEN / f"export-{name}.{EXPORTERS[fmt][2]}", export(fmt, fixture_slices()[name]))


def test_no_stale_export_golden_files() -> None:
    expected = {f"export-{name}.{EXPORTERS[fmt][2]}" for name, fmt in CASES}
    assert {path.name for path in GOLDEN.glob("export-*")} <= expected


def test_every_exporter_is_a_row_of_the_format_table() -> None:
    assert set(EXPORTERS) <= set(FORMATS)
    assert all(not FORMATS[fmt].binary and FORMATS[fmt].to_terminal for fmt in EXPORTERS)


@pytest.mark.slow  # another Python process
def test_exports_are_the_same_under_another_hash_seed_and_folder(tmp_path: Path) -> None:
    script = ("import sys; sys.path[:0] = sys.argv[1:]; from export_cases import EXPORTERS, export, fixture_slices; "
              "sys.stdout.write(''.join(export(f, s) for s in fixture_slices().values() for f in EXPORTERS))")
    environment = {**os.environ, "PYTHONHASHSEED": "7", "TZ": "Pacific/Kiritimati"}
    run = subprocess.run([sys.executable, "-c", script, str(HERE), str(HERE.parent)], cwd=tmp_path,
                         env=environment, capture_output=True, text=True, check=True)
    assert run.stdout == "".join(export(fmt, view_slice) for view_slice in fixture_slices().values()
                                 for fmt in EXPORTERS)


def _expected(view_slice: ViewSlice, one_line: bool = False) -> tuple[set, set, set]:
    """(box labels, group labels, (source label, target label, arrow text)) as a reader of the export sees them;
    `one_line`: as one line with single spaces, and no arrow from a box to itself (Structurizr's reading)."""
    def shown(text: str) -> str:
        return " ".join(plain(text).split()) if one_line else plain(text)

    labels = {box.id: shown(box.label) for box in view_slice.boxes}
    arrows = {(labels[edge.source], labels[edge.target], shown(edge_text(edge))) for edge in view_slice.edges
              if not (one_line and edge.source == edge.target)}
    return set(labels.values()), {shown(group.label) for group in view_slice.groups}, arrows


@pytest.mark.parametrize("name", sorted(fixture_slices()))
def test_drawio_holds_the_slice(name: str) -> None:
    view_slice = fixture_slices()[name]
    root = ET.fromstring(export("drawio", view_slice))
    cells = root.findall("./diagram/mxGraphModel/root/mxCell")
    by_id = {cell.get("id"): cell for cell in cells}
    names = Names.of(view_slice)
    boxes = {by_id[names.boxes[box.id]].get("value") for box in view_slice.boxes}
    groups = {by_id[names.groups[group.id]].get("value") for group in view_slice.groups}
    arrows = {(by_id[cell.get("source")].get("value"), by_id[cell.get("target")].get("value"), cell.get("value"))
              for cell in cells if cell.get("edge") == "1"}
    assert (boxes, groups, arrows) == _expected(view_slice)
    assert len([cell for cell in cells if cell.get("vertex") == "1"]) == len(view_slice.boxes) + len(view_slice.groups)
    # Every box sits inside its group's rectangle (diagrams.net does not lay a file out).
    for box in view_slice.boxes:
        geometry = by_id[names.boxes[box.id]].find("mxGeometry")
        assert geometry is not None
        parent = by_id[by_id[names.boxes[box.id]].get("parent")]
        if parent.get("id") != "1":
            outer = parent.find("mxGeometry")
            assert outer is not None
            assert int(geometry.get("x")) + int(geometry.get("width")) <= int(outer.get("width"))
            assert int(geometry.get("y")) + int(geometry.get("height")) <= int(outer.get("height"))


@pytest.mark.parametrize("name", sorted(fixture_slices()))
def test_structurizr_dsl_reads_back_through_the_importer(name: str, tmp_path: Path) -> None:
    view_slice = fixture_slices()[name]
    workspace = tmp_path / "workspace.dsl"
    workspace.write_text(export("structurizr", view_slice), encoding="utf-8")
    result = read_draft([workspace])
    if not view_slice.boxes:  # the importer refuses an empty workspace, and says so
        assert [problem.message for problem in result.problems] == ["the workspace's model has no elements"]
        return
    assert result.problems == []
    draft = result.draft
    labels = {element.id: element.label for element in draft.elements}
    boxes, groups, arrows = _expected(view_slice, one_line=True)
    # Labels two boxes share get the box id added (Structurizr names are unique): compare by prefix.
    assert len(labels) == len(view_slice.boxes)
    assert all(any(label == box or label.startswith(f"{box} (") for label in labels.values()) for box in boxes)
    assert {group.label for group in draft.groups} == {group.replace("|", "\u00a6") for group in groups}
    read = {(labels[relation.source], labels[relation.target], relation.label) for relation in draft.relations}
    assert {(source, target, re.sub(r" \(\d+\)$", "", label)) for source, target, label in read} == arrows
    people = {element.label for element in draft.elements if element.kind == "person"}
    assert len(people) == len([box for box in view_slice.boxes if box_family(box) == "person"])


def _gallery_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project holding the gallery's three-tier-web model (nested groups, icons) and the Terraform it names."""
    (tmp_path / "models").mkdir()
    shutil.copy(GALLERY / "three-tier-web.yaml", tmp_path / "models")
    shutil.copytree(GALLERY.parent / "infra" / "three-tier-web", tmp_path / "infra" / "three-tier-web")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_dot_export_writes_its_icons_beside_it_named_relatively(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    _gallery_project(tmp_path, monkeypatch)
    assert main(["render", "three-tier-web", "-f", "dot", "-o", "out/view.dot"]) == 0
    text = (tmp_path / "out" / "view.dot").read_text(encoding="utf-8")
    named = set(re.findall(r'(?:image="|IMG SRC=")([^"]+)"', text))
    assert named and all(name.startswith("view-icons/") for name in named)
    written = {path.relative_to(tmp_path / "out").as_posix() for path in (tmp_path / "out" / "view-icons").iterdir()}
    assert written == named
    assert all((tmp_path / "out" / name).read_bytes().startswith(b"\x89PNG") for name in named)
    first = (tmp_path / "out" / "view.dot").read_bytes()
    assert main(["render", "three-tier-web", "-f", "dot", "-o", "out/view.dot"]) == 0
    assert (tmp_path / "out" / "view.dot").read_bytes() == first  # deterministic
    capsys.readouterr()
    assert main(["render", "three-tier-web", "-f", "dot"]) == 0
    out, err = capsys.readouterr()
    assert 'image="diagram-icons/' in out
    assert "written beside it only with -o FILE" in err


@pytest.mark.slow  # runs Graphviz
def test_dot_draws_the_exported_file_with_its_icons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _gallery_project(tmp_path, monkeypatch)
    assert main(["render", "three-tier-web", "-f", "dot", "-o", "out/view.dot"]) == 0
    drawn = subprocess.run(["dot", "-Tsvg", "view.dot"], cwd=tmp_path / "out", capture_output=True, text=True,
                           timeout=120, check=False)
    assert drawn.returncode == 0, drawn.stderr
    assert "Warning: No such file" not in drawn.stderr and "No such file or directory" not in drawn.stderr
    assert set(re.findall(r'xlink:href="([^"]+)"', drawn.stdout)) == set(
        re.findall(r'(?:image="|IMG SRC=")([^"]+)"', (tmp_path / "out" / "view.dot").read_text(encoding="utf-8")))


def test_the_docs_name_every_render_format() -> None:
    cli = (HERE.parents[1] / "site_src" / "cli.md").read_text(encoding="utf-8")
    exports = (HERE.parents[1] / "site_src" / "exports.md").read_text(encoding="utf-8")
    usage = re.search(r"archdoc render MODEL.*?```", cli, re.S)
    assert usage is not None
    for name in FORMATS:
        assert f"`{name}`" in cli and name in usage.group(), name
        assert f"| `{name}`" in exports or f"`{name}` |" in exports or f", `{name}`" in exports, name
