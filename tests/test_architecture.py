"""archdoc lints itself: its packages import only downwards, in pipeline order."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_import_layers_contract_is_kept() -> None:
    beside_python = Path(sys.executable).parent / "lint-imports"  # a virtual environment not on PATH
    command = str(beside_python) if beside_python.exists() else shutil.which("lint-imports")
    assert command, "import-linter is a test dependency: pip install -e '.[test]'"
    run = subprocess.run([command], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 kept, 0 broken" in run.stdout
