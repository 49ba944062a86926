"""Rule packs are found without importlib.metadata only when no installed distribution declares one."""

from __future__ import annotations

import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from archdoc.lint.plugins import entry_points_of
from archdoc.lint.registry import ENTRY_POINT_GROUP

PACK = Path(__file__).resolve().parent / "fixtures" / "rule-pack"


def _names(found: object) -> list[str]:
    return sorted(entry.name for entry in found)  # type: ignore[attr-defined]


def test_same_answer_as_importlib_metadata_without_a_pack() -> None:
    assert _names(entry_points_of(ENTRY_POINT_GROUP)) == _names(entry_points(group=ENTRY_POINT_GROUP))


def test_an_installed_pack_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(PACK))
    assert _names(entry_points_of(ENTRY_POINT_GROUP)) == ["acme-owner"]
    assert _names(entry_points_of(ENTRY_POINT_GROUP)) == _names(entry_points(group=ENTRY_POINT_GROUP))


def test_a_zip_on_the_path_is_left_to_importlib_metadata(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    archive = tmp_path / "packs.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip file
    monkeypatch.setattr(sys, "path", [str(archive), *sys.path])
    assert _names(entry_points_of(ENTRY_POINT_GROUP)) == _names(entry_points(group=ENTRY_POINT_GROUP))


def test_lint_start_up_imports_neither_networkx_nor_the_renderers(tmp_path: Path) -> None:
    import subprocess

    model = tmp_path / "small.yaml"
    model.write_text("elements: [{id: a, kind: aws.compute.Lambda}, {id: b}]\nrelations: [a -> b]\n", encoding="utf-8")
    probe = ("import sys, runpy\nsys.argv = ['archdoc', 'lint', sys.argv[1]]\n"
             "try:\n    runpy.run_module('archdoc', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "heavy = ('networkx', 'ruamel', 'importlib.metadata', 'archdoc.render.mermaid', 'archdoc.render.images', "
             "'archdoc.diff.compare', 'archdoc.diff.identity', 'archdoc.importers.base', 'archdoc.importers.merge', "
             "'archdoc.iac.conformance', 'archdoc.iac.project', 'archdoc.site', 'mkdocs', 'hcl2', 'diagrams', "
             "'graphviz')\n"
             "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", probe, str(model)], capture_output=True, text=True, check=False)
    assert run.stderr.strip().splitlines()[-1] == "[]", run.stderr
