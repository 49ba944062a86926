"""`archdoc build --diff-base REV`: a Changes page and marked model pages, from a git revision."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import run_archdoc

V1 = "layers: [{id: app}, {id: data}]\nelements:\n  - {id: api, layer: app}\n  - {id: db, kind: aws.RDS, layer: data}\nrelations:\n  - api -> db\n"
V2 = V1.replace("  - {id: db,", "  - {id: cache, kind: aws.ElastiCache, layer: data}\n  - {id: db,") + "  - api -> cache\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.com", "HOME": str(repo), "PATH": "/usr/bin:/bin"})


def test_plan_gets_a_changes_page_and_a_note_on_the_changed_model(tmp_path: Path) -> None:
    from archdoc.diff import diff_models, read_version
    from archdoc.site.pages import plan_site
    from archdoc.site.pages.changes import with_changes

    for side, text in (("base", V1), ("head", V2)):
        (tmp_path / side).mkdir()
        (tmp_path / side / "shop.yaml").write_text(text)
    base = read_version("base", Path("head"), cwd=tmp_path)
    head = read_version("head", Path("head"), cwd=tmp_path)
    change = diff_models(base.models, head.models, base.problems, head.problems)
    plan = with_changes(plan_site(list(head.models), head.report), change, "origin/main")
    assert plan.nav[1] == {"Changes": "changes.md"}
    page = plan.pages["changes.md"]
    assert "# Changes since origin/main" in page
    assert "## [shop](models/shop.md)" in page and "| elements | added | cache |" in page
    model_page = plan.pages["models/shop.md"]
    assert '!!! note "Changed since origin/main"' in model_page
    assert "Changed elements: cache (added)." in model_page


@pytest.mark.slow
def test_build_with_diff_base_from_git(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "shop.yaml").write_text(V1)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "models")
    git(tmp_path, "commit", "-q", "-m", "v1")
    (tmp_path / "models" / "shop.yaml").write_text(V2)
    bad = run_archdoc(tmp_path, "build", "--diff-base", "no-such-rev", "-q")
    assert bad.returncode == 2 and "--diff-base" in bad.stderr and "Traceback" not in bad.stderr
    run = run_archdoc(tmp_path, "build", "--diff-base", "HEAD", "-q")
    assert run.returncode == 0, run.stderr
    changes = (tmp_path / "site" / "changes" / "index.html").read_text()
    assert "Changes since HEAD" in changes and "cache" in changes
    assert "Changed since HEAD" in (tmp_path / "site" / "models" / "shop" / "index.html").read_text()
