"""Post or update the one archdoc comment on a pull request: `archdoc diff` against the base branch, as Markdown.

Run by the archdoc GitHub Action (action.yml) on `pull_request` events. It reads the event
payload (GITHUB_EVENT_PATH), runs `archdoc diff origin/<base> --format markdown`, and finds
its own earlier comment by the hidden marker the report starts with: that comment is edited,
so each push updates one comment instead of adding another. Standard library only; every
request has a time limit; a token without write access (a pull request from a fork) is a
warning, not a failed job.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from typing import Any

MARKER = "<!-- archdoc-diff -->"
MAX_BODY = 65_000  # GitHub refuses comments over 65,536 characters
TIMEOUT = 30.0
MAX_PAGES = 50


class GitHubError(Exception):
    """A request to the GitHub API failed; the message names the request and the status."""


class GitHub:
    """The few REST calls the comment needs, against `api_url` (GITHUB_API_URL)."""

    def __init__(self, api_url: str, token: str, repository: str) -> None:
        self.api_url = api_url.rstrip("/")
        self.token = token
        self.repository = repository

    def request(self, method: str, path: str, body: Mapping[str, Any] | None = None) -> Any:
        data = json.dumps(body).encode("utf-8") if body is not None else None
        request = urllib.request.Request(f"{self.api_url}{path}", data=data, method=method, headers={
            "Accept": "application/vnd.github+json", "Authorization": f"Bearer {self.token}",
            "X-GitHub-Api-Version": "2022-11-28", "Content-Type": "application/json",
            "User-Agent": "archdoc-action"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                text = response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            raise GitHubError(f"{method} {path}: HTTP {error.code} {error.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise GitHubError(f"{method} {path}: {error}") from None
        return json.loads(text) if text else None

    def own_comment(self, number: int) -> dict[str, Any] | None:
        """The earliest comment carrying the marker, preferring one written by a bot (the action's token)."""
        found: list[dict[str, Any]] = []
        for page in range(1, MAX_PAGES + 1):
            comments = self.request("GET", f"/repos/{self.repository}/issues/{number}/comments"
                                           f"?per_page=100&page={page}")
            if not isinstance(comments, list):
                break
            found += [c for c in comments if isinstance(c, dict) and str(c.get("body", "")).startswith(MARKER)]
            if len(comments) < 100:
                break
        bots = [c for c in found if (c.get("user") or {}).get("type") == "Bot"]
        return (bots or found or [None])[0]

    def post_or_update(self, number: int, body: str) -> str:
        existing = self.own_comment(number)
        if existing is not None:
            self.request("PATCH", f"/repos/{self.repository}/issues/comments/{existing['id']}", {"body": body})
            return f"updated comment {existing['id']}"
        created = self.request("POST", f"/repos/{self.repository}/issues/{number}/comments", {"body": body})
        return f"posted comment {created.get('id') if isinstance(created, dict) else '?'}"


def diff_report(base: str, models: str, link_base: str, command: Sequence[str]) -> str:
    """`archdoc diff BASE MODELS --format markdown`, or a short Markdown note when it cannot run."""
    try:
        run = subprocess.run([*command, "diff", base, models, "--format", "markdown", "--link-base", link_base],
                             capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"{MARKER}\narchdoc diff could not run: {error}\n"
    if run.returncode != 0:
        detail = (run.stderr.strip().splitlines() or ["no message"])[-1]
        return f"{MARKER}\narchdoc diff against `{base}` failed (exit status {run.returncode}): {detail}\n"
    return run.stdout


def limited(body: str) -> str:
    if len(body) <= MAX_BODY:
        return body
    note = "\n\n_The report is cut here: it is longer than a GitHub comment can be. Run `archdoc diff` locally._\n"
    return body[: MAX_BODY - len(note)] + note


def main(environment: Mapping[str, str] = os.environ) -> int:
    with open(environment["GITHUB_EVENT_PATH"], encoding="utf-8") as stream:
        event = json.load(stream)
    pull_request = event.get("pull_request")
    if not isinstance(pull_request, dict):
        print("archdoc: not a pull request event; no comment")
        return 0
    number = int(pull_request["number"])
    base = f"origin/{pull_request['base']['ref']}"
    repository = environment["GITHUB_REPOSITORY"]
    server = environment.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
    link_base = f"{server}/{repository}/blob/{pull_request['head']['sha']}/"
    command = json.loads(environment["ARCHDOC_COMMAND"]) if environment.get("ARCHDOC_COMMAND") else ["archdoc"]
    body = limited(diff_report(base, environment.get("ARCHDOC_MODELS", "models"), link_base, command))
    if environment.get("GITHUB_STEP_SUMMARY"):
        with open(environment["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            summary.write(body)
    github = GitHub(environment.get("GITHUB_API_URL", "https://api.github.com"), environment["GITHUB_TOKEN"],
                    repository)
    try:
        print(f"archdoc: {github.post_or_update(number, body)} on pull request #{number}")
    except GitHubError as error:
        # a fork's pull request gets a read-only token: the report is still in the job log
        print(f"::warning title=archdoc::could not comment on the pull request ({error})")
        print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
