"""The GitHub Action's comment script against a fake GitHub API on loopback, with a fake pull-request event.

The script runs as the action runs it (a subprocess in a git checkout whose origin has the
base branch); the fake server keeps comments in memory, so a second run must edit the
comment the first one posted rather than add another.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / ".github" / "archdoc-action" / "comment.py"
V1 = "layers: [{id: app}, {id: data}]\nelements:\n  - {id: api, layer: app}\n  - {id: db, kind: aws.RDS, layer: data}\nrelations:\n  - api -> db\n"
V2 = V1 + "  - db -> api: events\n"


class FakeGitHub(BaseHTTPRequestHandler):
    """Issue comments of one repository, in memory; every request is recorded."""

    comments: list[dict[str, Any]]
    requests: list[tuple[str, str, dict[str, Any] | None]]
    refuse_writes = False

    def _reply(self, status: int, document: Any) -> None:
        data = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> dict[str, Any] | None:
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length)) if length else None

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.requests.append(("GET", self.path, None))
        if self.path.startswith("/repos/acme/shop/issues/7/comments"):
            page = int(self.path.rsplit("page=", 1)[1])
            self._reply(200, self.comments[(page - 1) * 100: page * 100])
        else:
            self._reply(404, {"message": "Not Found"})

    def do_POST(self) -> None:  # noqa: N802
        body = self._body()
        self.requests.append(("POST", self.path, body))
        if self.refuse_writes:
            return self._reply(403, {"message": "Resource not accessible by integration"})
        assert self.headers["Authorization"] == "Bearer secret-token"
        comment = {"id": 1000 + len(self.comments), "body": body["body"], "user": {"login": "github-actions[bot]",
                                                                                   "type": "Bot"}}
        self.comments.append(comment)
        self._reply(201, comment)

    def do_PATCH(self) -> None:  # noqa: N802
        body = self._body()
        self.requests.append(("PATCH", self.path, body))
        comment_id = int(self.path.rsplit("/", 1)[1])
        for comment in self.comments:
            if comment["id"] == comment_id:
                comment["body"] = body["body"]
                return self._reply(200, comment)
        self._reply(404, {"message": "Not Found"})

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def github() -> Iterator[tuple[str, type[FakeGitHub]]]:
    handler = type("Handler", (FakeGitHub,), {"comments": [], "requests": [], "refuse_writes": False})
    # someone else's comments first: 150 of them, so finding ours needs the second page
    handler.comments.extend({"id": n, "body": f"looks good {n}", "user": {"login": "dev", "type": "User"}}
                            for n in range(150))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.com", "HOME": str(cwd), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A clone with origin/main at V1 and the pull request's head (V2) checked out."""
    upstream = tmp_path / "upstream"
    (upstream / "models").mkdir(parents=True)
    (upstream / "models" / "shop.yaml").write_text(V1)
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", "models")
    git(upstream, "commit", "-q", "-m", "v1")
    git(tmp_path, "clone", "-q", str(upstream), "work")
    work = tmp_path / "work"
    git(work, "checkout", "-q", "-b", "feature")
    (work / "models" / "shop.yaml").write_text(V2)
    git(work, "commit", "-q", "-am", "v2")
    return work


def run_script(checkout: Path, api: str, event: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    event_path = checkout.parent / "event.json"
    event_path.write_text(json.dumps(event))
    environment = {"PATH": "/usr/bin:/bin", "GITHUB_EVENT_PATH": str(event_path), "GITHUB_REPOSITORY": "acme/shop",
                   "GITHUB_API_URL": api, "GITHUB_SERVER_URL": "https://github.example", "GITHUB_TOKEN": "secret-token",
                   "ARCHDOC_COMMAND": json.dumps([sys.executable, "-m", "archdoc"]), "ARCHDOC_MODELS": "models",
                   "PYTHONPATH": ":".join(sys.path)}
    return subprocess.run([sys.executable, str(SCRIPT)], cwd=checkout, env=environment, capture_output=True,
                          text=True, timeout=300)


EVENT = {"action": "synchronize", "number": 7,
         "pull_request": {"number": 7, "base": {"ref": "main"}, "head": {"sha": "abc123"}}}


def test_posts_one_comment_then_updates_it(checkout: Path, github) -> None:
    api, handler = github
    first = run_script(checkout, api, EVENT)
    assert first.returncode == 0, first.stderr
    assert first.stdout == "archdoc: posted comment 1150 on pull request #7\n"
    ours = [c for c in handler.comments if c["body"].startswith("<!-- archdoc-diff -->")]
    assert len(ours) == 1
    body = ours[0]["body"]
    assert "- shop&#58; &#43;1 relation; 1 finding introduced" in body
    assert "[models/shop.yaml&#58;7&#58;5](https://github.example/acme/shop/blob/abc123/models/shop.yaml#L7)" in body
    assert "```mermaid\nflowchart LR\n" in body

    (checkout / "models" / "shop.yaml").write_text(V2 + "  - db -> api: more\n")  # another push
    second = run_script(checkout, api, EVENT)
    assert second.stdout == "archdoc: updated comment 1150 on pull request #7\n", second.stderr
    ours = [c for c in handler.comments if c["body"].startswith("<!-- archdoc-diff -->")]
    assert len(ours) == 1 and "&#43;2 relations" in ours[0]["body"]
    methods = [method for method, _path, _body in handler.requests]
    assert methods == ["GET", "GET", "POST", "GET", "GET", "PATCH"]


def test_a_read_only_token_is_a_warning_with_the_report_in_the_log(checkout: Path, github) -> None:
    api, handler = github
    handler.refuse_writes = True
    run = run_script(checkout, api, EVENT)
    assert run.returncode == 0
    assert run.stdout.startswith("::warning title=archdoc::could not comment on the pull request "
                                 "(POST /repos/acme/shop/issues/7/comments: HTTP 403 Forbidden)\n<!-- archdoc-diff -->")


def test_other_events_post_nothing(checkout: Path, github) -> None:
    api, handler = github
    run = run_script(checkout, api, {"ref": "refs/heads/main"})
    assert (run.returncode, run.stdout) == (0, "archdoc: not a pull request event; no comment\n")
    assert handler.requests == []


def test_the_action_is_composite_and_installs_from_a_package_not_git() -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    install = next(step for step in steps if step.get("name") == "Install archdoc")
    assert "git+" not in json.dumps(action)
    assert install["run"] == 'python -m pip install --disable-pip-version-check "$ARCHDOC_PACKAGE"'
    lint = next(step for step in steps if step.get("id") == "lint")
    assert "--format github" in lint["run"]
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps)
    comment = next(step for step in steps if step.get("name") == "Comment archdoc diff")
    assert comment["run"] == 'python "$GITHUB_ACTION_PATH/.github/archdoc-action/comment.py"'
    # inputs reach shell only through environment variables, never pasted into a script
    for step in steps:
        assert "${{" not in step.get("run", ""), step
