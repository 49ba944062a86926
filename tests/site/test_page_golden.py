"""One model page's Markdown, as `plan_site` writes it, compared byte for byte with a golden file.

The model is tests/fixtures/golden-model/shop.yaml. The page is what a reader of the site
sees before MkDocs turns it into HTML: its sections, tables, Mermaid fences, findings and
links. The model is loaded as `archdoc build` loads it, from a relative `models/` folder, so
the page names no machine's path. Regenerate after an intended change with
`ARCHDOC_UPDATE_GOLDEN=1 python3 -m pytest tests/site/test_page_golden.py`, then read the
diff of tests/site/golden/ before committing it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import assert_golden

from archdoc.lint import lint_result
from archdoc.load import load_paths
from archdoc.site.pages import plan_site

HERE = Path(__file__).resolve().parent
SHOP = HERE.parent / "fixtures" / "golden-model" / "shop.yaml"


def test_model_page_matches_its_golden_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "models").mkdir()
    shutil.copy(SHOP, tmp_path / "models" / "shop.yaml")
    monkeypatch.chdir(tmp_path)
    result = load_paths([Path("models")])
    plan = plan_site(list(result.models), lint_result(result))
    assert_golden(HERE / "golden" / "shop.md", plan.pages["models/shop.md"])
