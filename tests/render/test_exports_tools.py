"""The exports drawn by the real tools: Debian's PlantUML (1.2020, its own C4 library) and D2's WASM build.

Every view and flow of the render fixtures (the hostile ones too) and a sample of the gallery,
in one PlantUML run (one JVM) for the plain and C4 variants and one Node process for D2: no
error, and every label shown as written. A tool that is missing fails the test with the
set-up hint: `./dev setup` installs both (CI too), so a skip would hide a broken check.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from export_cases import export, sample_slices

from archdoc.render.exports import Names, edge_text, plain
from archdoc.render.exports.d2 import box_paths

pytestmark = pytest.mark.slow
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
# What PlantUML draws instead of a diagram it cannot read (it may still exit 0).
PLANTUML_ERRORS = ("Syntax Error", "An error has occured", "Cannot find", "Dot Executable", "cannot include")


def _plantuml() -> str:
    found = shutil.which("plantuml")
    if found is None or shutil.which("java") is None:
        pytest.fail("PlantUML is not installed: run ./dev setup (Debian packages plantuml, default-jre-headless)")
    return found


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def plantuml_svgs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """`name.variant` -> the SVG PlantUML drew for it, all drawn in one run."""
    folder = tmp_path_factory.mktemp("plantuml")
    for name, view_slice in sample_slices().items():
        (folder / f"{name}.plain.puml").write_text(export("plantuml", view_slice), encoding="utf-8")
        (folder / f"{name}.c4.puml").write_text(export("c4plantuml", view_slice), encoding="utf-8")
    sources = sorted(folder.glob("*.puml"))
    run = subprocess.run([_plantuml(), "-tsvg", "-charset", "UTF-8", *map(str, sources)], capture_output=True,
                         text=True, timeout=900, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    return {source.stem: source.with_suffix(".svg").read_text(encoding="utf-8") for source in sources}


@pytest.mark.parametrize("variant", ["plain", "c4"])
def test_plantuml_draws_every_export_with_its_labels(plantuml_svgs: dict[str, str], variant: str) -> None:
    wrong = []
    for name, view_slice in sample_slices().items():
        svg = plantuml_svgs[f"{name}.{variant}"]
        shown = html.unescape(" ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg)))
        errors = [error for error in PLANTUML_ERRORS if error in shown]
        if errors:
            wrong.append(f"{name}.{variant}: {errors}: {shown[:300]}")
            continue
        # C4 wraps long labels at any character: compare without white space.
        squeezed = _squeezed(shown)
        texts = [box.label for box in view_slice.boxes] + [group.label for group in view_slice.groups]
        texts += [edge_text(edge) for edge in view_slice.edges]
        missing = [text for text in texts if _squeezed(plain(text)) not in squeezed]
        if missing:
            wrong.append(f"{name}.{variant}: labels not shown as written: {missing}")
    assert wrong == [], "\n".join(wrong)


def test_d2_compiles_and_renders_every_export_in_one_process() -> None:
    if shutil.which("node") is None or not (REPO / "node_modules" / "@terrastruct" / "d2").is_dir():
        pytest.fail("D2 (npm @terrastruct/d2) is not installed: run ./dev setup (npm ci)")
    slices = sample_slices()
    texts = [export("d2", view_slice) for view_slice in slices.values()]
    run = subprocess.run(["node", str(HERE / "d2_check.mjs")], input=json.dumps(texts), capture_output=True,
                         text=True, cwd=REPO, timeout=900, check=False)
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    wrong = []
    for (name, view_slice), result in zip(slices.items(), results, strict=True):
        if result["error"] is not None:
            wrong.append(f"{name}: {result['error']}")
            continue
        assert result["svg"], name
        names = Names.of(view_slice)
        paths = box_paths(view_slice, names)
        shapes = {shape_id: label for shape_id, label, _type in result["shapes"]}
        boxes = {paths[box.id]: plain(box.label) for box in view_slice.boxes}
        if {path: shapes.get(path) for path in boxes} != boxes:
            wrong.append(f"{name}: boxes {shapes} != {boxes}")
        arrows = sorted((paths[edge.source], paths[edge.target], plain(edge_text(edge))) for edge in view_slice.edges)
        if sorted(tuple(connection) for connection in result["connections"]) != arrows:
            wrong.append(f"{name}: arrows {result['connections']} != {arrows}")
    assert wrong == [], "\n".join(wrong)
