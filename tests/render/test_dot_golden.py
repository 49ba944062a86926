"""`archdoc render -f dot -o out/view.dot` of a fixture model, compared byte for byte with golden files.

The model is tests/fixtures/golden-model/shop.yaml. The DOT source is what Graphviz lays out:
a change in it is a change in every image. Regenerate after an intended change with
`ARCHDOC_UPDATE_GOLDEN=1 python3 -m pytest tests/render/test_dot_golden.py`, then read the
diff of tests/render/golden/ before committing it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import assert_golden

from archdoc.cli import main

HERE = Path(__file__).resolve().parent
SHOP = HERE.parent / "fixtures" / "golden-model" / "shop.yaml"
GOLDEN = HERE / "golden"


@pytest.mark.parametrize(("which", "golden"), [
    (["--view", "overview"], "shop.overview.dot"),
    (["--view", "data"], "shop.data.dot"),
    (["--flow", "order"], "shop.order.dot"),
])
def test_dot_source_matches_its_golden_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsysbinary: pytest.CaptureFixture[bytes], which: list[str],
                                            golden: str) -> None:
    (tmp_path / "models").mkdir()
    shutil.copy(SHOP, tmp_path / "models" / "shop.yaml")
    monkeypatch.chdir(tmp_path)
    status = main(["render", "shop", *which, "--format", "dot", "-o", "out/view.dot"])
    out, err = capsysbinary.readouterr()
    assert (status, out, err) == (0, b"", b"")
    # The icons are written beside the file, and the file names them relatively (`view-icons/...`).
    assert_golden(GOLDEN / golden, (tmp_path / "out" / "view.dot").read_text(encoding="utf-8"))
