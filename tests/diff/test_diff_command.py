"""`archdoc diff` end to end in a temporary git repository: revisions, paths, formats and exit statuses."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers import run_archdoc

V1 = "layers: [{id: app}, {id: data}]\nelements:\n  - {id: api, layer: app}\n  - {id: db, kind: aws.RDS, layer: data}\nrelations:\n  - api -> db: SQL\n"
V2 = V1.replace("  - api -> db: SQL\n", "  - api -> db: SQL\n  - db -> api: events\n") + "  - {id: cache, layer: data}\n"
V2 = V1 + "  - api -> cache\n  - db -> api: events\n"
V2 = V2.replace("  - {id: db, kind: aws.RDS, layer: data}\n", "  - {id: db, kind: aws.RDS, layer: data}\n  - {id: cache, kind: aws.ElastiCache, layer: data}\n")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, timeout=60,
                          env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                               "GIT_COMMITTER_EMAIL": "t@example.com", "HOME": str(repo), "PATH": "/usr/bin:/bin"}).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "shop.yaml").write_text(V1)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "models")
    git(tmp_path, "commit", "-q", "-m", "v1")
    (tmp_path / "models" / "shop.yaml").write_text(V2)
    git(tmp_path, "commit", "-q", "-am", "v2")
    return tmp_path


SUMMARY = "shop: +1 element; +2 relations; 1 finding introduced"


def test_diff_against_the_previous_commit(repo: Path) -> None:
    run = run_archdoc(repo, "diff", "HEAD~1")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == SUMMARY
    assert "    introduced models/shop.yaml:9:5: error AD201 db -> api goes up from layer 'data' to 'app'" \
        in run.stdout.splitlines()


def test_two_revisions_and_no_checkout(repo: Path) -> None:
    (repo / "models" / "shop.yaml").write_text("elements: [{id: only}]\n")  # the working tree is not read
    run = run_archdoc(repo, "diff", "HEAD~1", "HEAD", "-f", "json")
    document = json.loads(run.stdout)
    assert document["models"][0]["elements"]["added"] == ["cache"]
    assert (repo / "models" / "shop.yaml").read_text() == "elements: [{id: only}]\n"
    assert git(repo, "status", "--porcelain") == " M models/shop.yaml\n"


def test_from_a_subfolder_the_models_folder_is_found_relative_to_the_repository(repo: Path) -> None:
    (repo / "docs").mkdir()
    run = run_archdoc(repo / "docs", "diff", "HEAD~1", "../models")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == SUMMARY


def test_an_existing_path_wins_over_a_revision_of_the_same_name(repo: Path) -> None:
    git(repo, "branch", "old", "HEAD~1")
    (repo / "old").mkdir()
    (repo / "old" / "shop.yaml").write_text(V2)
    run = run_archdoc(repo, "diff", "old")
    assert run.stdout == "no changes in 1 model\n"


def test_fail_on_new_errors(repo: Path) -> None:
    assert run_archdoc(repo, "diff", "HEAD~1", "--fail-on", "new-errors").returncode == 1
    assert run_archdoc(repo, "diff", "HEAD", "--fail-on", "new-errors").returncode == 0


def test_markdown_report_to_a_file(repo: Path) -> None:
    run = run_archdoc(repo, "diff", "HEAD~1", "-f", "markdown", "-o", "change.md")
    assert (run.returncode, run.stdout) == (0, "")
    text = (repo / "change.md").read_text()
    assert text.startswith("<!-- archdoc-diff -->\n### archdoc: architecture changes\n")
    assert "```mermaid\nflowchart LR\n" in text
    assert "[models/shop.yaml&#58;9&#58;5](models/shop.yaml#L9) error AD201" in text


def test_models_folder_new_at_head_reports_every_model_added(repo: Path) -> None:
    git(repo, "mv", "models", "architecture")
    git(repo, "commit", "-q", "-m", "rename")
    run = run_archdoc(repo, "diff", "HEAD~1", "architecture")
    assert run.stdout.splitlines()[0] == "shop: added (3 elements, 3 relations)"


@pytest.mark.parametrize("revision", ["no-such-branch", "HEAD~99", "--upload-pack=touch pwned", ""])
def test_a_bad_revision_is_one_line_and_exit_two(repo: Path, revision: str) -> None:
    run = run_archdoc(repo, "diff", revision)
    assert run.returncode == 2
    assert run.stdout == ""
    assert len(run.stderr.splitlines()) == 1 and run.stderr.startswith("archdoc diff: "), run.stderr
    assert not (repo / "pwned").exists()


def test_outside_a_repository_a_revision_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    run = run_archdoc(tmp_path, "diff", "main")
    assert run.returncode == 2
    assert run.stderr == f"archdoc diff: 'main' is not a file or folder, and {tmp_path} is not inside a git repository\n"


def test_the_change_as_an_svg_drawn_by_graphviz(repo: Path) -> None:
    run = run_archdoc(repo, "diff", "HEAD~1", "--svg", "pictures")
    assert run.returncode == 0, run.stderr
    svg = (repo / "pictures" / "shop.svg").read_text()
    assert svg.count('class="node"') == 3  # cache added, api and db: context around the new relations
    assert "#dafbe1" in svg and "#1a7f37" in svg  # the added box and arrows are green
    assert "<script" not in svg and "http://" not in svg.replace("http://www.w3.org", "")
    assert run_archdoc(repo, "diff", "HEAD~1", "--svg", "again").returncode == 0
    assert (repo / "again" / "shop.svg").read_bytes() == svg.encode()
