"""A third-party rule pack is one module and one entry point: archdoc lists it, documents it, lints with it
and accepts its option in `rules:` and in the JSON Schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PACK = Path(__file__).resolve().parent / "fixtures" / "rule-pack"


def archdoc(cwd: Path, *args: str, pack: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if pack:  # the pack is installed: its module and dist-info are on the path
        env["PYTHONPATH"] = os.pathsep.join([str(PACK), env.get("PYTHONPATH", "")])
    return subprocess.run([sys.executable, "-m", "archdoc", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


def project(root: Path, text: str) -> Path:
    (root / "models").mkdir()
    (root / "models" / "shop.yaml").write_text(text, encoding="utf-8")
    return root


def test_the_pack_is_listed_and_documented(tmp_path: Path) -> None:
    listed = archdoc(tmp_path, "rules")
    assert listed.returncode == 0, listed.stderr
    assert any(line.startswith("AD801") and "element-without-owner" in line for line in listed.stdout.splitlines())
    page = archdoc(tmp_path, "rules", "AD801")
    assert "names its owner" in page.stdout and "**Failing**" in page.stdout
    assert "AD801" not in archdoc(tmp_path, "rules", pack=False).stdout


def test_the_option_lints_and_is_in_the_schema(tmp_path: Path) -> None:
    root = project(tmp_path, "elements:\n  - {id: api}\n  - {id: db, owner: data-team}\nrules:\n  require_owner: true\n")
    run = archdoc(root, "lint", "--format", "json")
    findings = json.loads(run.stdout)["findings"]
    assert [(f["code"], f["element"], f["line"]) for f in findings] == [("AD801", "api", 2)]
    assert run.returncode == 0  # a warning
    schema = json.loads(archdoc(root, "schema").stdout)
    assert schema["$defs"]["rules"]["properties"]["require_owner"]["anyOf"][0] == {"type": "boolean"}
    # Without the pack the option is an unknown key, like any misspelt one.
    bare = archdoc(root, "lint", pack=False)
    assert "AD101 unknown key 'require_owner' in rules" in bare.stdout
    assert bare.returncode == 1


def test_a_wrong_option_value_is_reported_where_it_is_written(tmp_path: Path) -> None:
    root = project(tmp_path, "elements: [{id: api}]\nrules:\n  require_owner: sometimes\n")
    run = archdoc(root, "lint")
    assert "models/shop.yaml:3:18: error AD102 expected true or false" in run.stdout
    assert run.returncode == 1


def test_the_site_has_a_page_for_the_pack_rule(tmp_path: Path) -> None:
    code = ("from archdoc.lint import RULES\nfrom archdoc.site.pages.gallery import rule_page\n"
            "print(rule_page(RULES['AD801']))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(PACK)})
    assert run.returncode == 0, run.stderr
    assert "AD801" in run.stdout and "element-without-owner" in run.stdout
