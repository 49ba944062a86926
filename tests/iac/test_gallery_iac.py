"""The gallery's infrastructure code: valid for cfn-lint, and the models naming it conform (no AD5xx finding)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from archdoc.lint import lint_result
from archdoc.load import load_paths

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((REPO / "infra").glob("*.yaml"))


def test_the_gallery_names_infrastructure_code_and_conforms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = load_paths([Path("models")], default_root=Path("models"))
    with_iac = sorted(model.id for model in result.models if model.iac)
    assert with_iac == ["enterprise-ecommerce", "serverless-api", "three-tier-web"]
    report = lint_result(result)
    findings = [str(p) for p in report.problems if p.code[:3] in ("AD5", "AD6") and p.suppressed is None]
    assert findings == []
    claimed = {model.id: sum(len(entry.iac) for entry in (*model.elements, *model.groups))
               for model in result.models if model.iac}
    assert claimed == {"enterprise-ecommerce": 11, "serverless-api": 2, "three-tier-web": 7}


@pytest.mark.slow
def test_the_gallery_templates_pass_cfn_lint() -> None:
    assert TEMPLATES, "infra/ holds no template"
    cfn_lint = Path(sys.executable).with_name("cfn-lint")  # installed with the test extra, beside this Python
    assert cfn_lint.is_file(), "cfn-lint is not installed: pip install -e '.[test]'"
    completed = subprocess.run([str(cfn_lint), *map(str, TEMPLATES)], capture_output=True, text=True, check=False,
                               timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
