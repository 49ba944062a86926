"""A terminal gets colour, a live bar and completion; a pipe gets the same bytes as ever; [tool.archdoc] sets defaults."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from archdoc.cli.terminal import Progress, colour_report

REPO = Path(__file__).resolve().parents[2]
UPWARD = "layers: [{id: app}, {id: data}]\nelements:\n  - {id: api, layer: app}\n  - {id: db, layer: data}\n" \
         "relations:\n  - api -> db\n  - db -> api\n"
CLEAN = "elements:\n  - {id: a, label: Alpha}\n"


def archdoc(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "archdoc", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=_env(env))


def on_terminal(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """What the command writes to standard output when that is a terminal."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "archdoc", *args], cwd=cwd, stdout=follower,
                               stderr=subprocess.DEVNULL, env=_env(env))
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the command exits
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def _env(extra: dict[str, str] | None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "CI", "TERM")}
    env["PYTHONPATH"] = str(REPO)
    env["TERM"] = "xterm"
    return {**env, **(extra or {})}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "upward.yaml").write_text(UPWARD, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "clean.yaml").write_text(CLEAN, encoding="utf-8")
    return tmp_path


@pytest.mark.slow  # runs the command line in subprocesses
def test_severities_are_coloured_on_a_terminal_and_the_piped_report_is_unchanged(project: Path) -> None:
    piped = archdoc(project, "lint").stdout
    assert "\x1b[" not in piped
    assert "models/upward.yaml:7:5: error AD201" in piped
    coloured = on_terminal(project, "lint")
    assert "models/upward.yaml:7:5: \x1b[31;1merror\x1b[0m AD201" in coloured
    assert coloured.replace("\x1b[31;1m", "").replace("\x1b[33m", "").replace("\x1b[36m", "") \
        .replace("\x1b[0m", "") == piped
    assert on_terminal(project, "lint", env={"NO_COLOR": "1"}) == piped
    assert on_terminal(project, "lint", env={"CI": "true"}) == piped


def test_colour_never_touches_message_text() -> None:
    text = "m.yaml:1:2: warning AD228 element 'error' says error\n0 errors, 1 warning in 1 file\n"
    assert colour_report(text) == \
        "m.yaml:1:2: \x1b[33mwarning\x1b[0m AD228 element 'error' says error\n0 errors, 1 warning in 1 file\n"


def test_progress_is_plain_lines_off_a_terminal_and_one_live_line_with_a_bar_on_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CI", "NO_COLOR"):  # the run itself may be in CI: this test is about a person's terminal
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    log = io.StringIO()
    with Progress(log) as progress:
        progress("images: 4 to render, 0 unchanged")
        progress.count(2, 4, "images")
        progress("site: written")
    assert log.getvalue() == "archdoc: images: 4 to render, 0 unchanged\narchdoc: site: written\n"

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    with Progress(screen) as progress:
        progress.count(2, 4, "images")
        print("archdoc: a warning", file=sys.stderr)  # written above the live line, which is drawn again
        progress("note: kept on screen")
    bar = "archdoc: images [############............] 2/4"
    assert screen.getvalue() == f"\r\x1b[K{bar}\r\x1b[Karchdoc: a warning\n{bar}\r\x1b[Karchdoc: note: kept on screen\n" \
                                f"{bar}\n"


@pytest.mark.slow
@pytest.mark.parametrize("shell, marker", [("bash", "complete -o"), ("zsh", "#compdef archdoc"), ("tcsh", "complete")])
def test_completion_scripts_name_every_command(project: Path, shell: str, marker: str) -> None:
    run = archdoc(project, "completion", shell)
    assert run.returncode == 0 and marker in run.stdout
    for command in ("lint", "render", "build", "serve", "diff", "import", "completion"):
        assert command in run.stdout
    if shell != "tcsh":  # shtab's tcsh script completes commands and choices only
        assert "--baseline" in run.stdout


@pytest.mark.slow  # runs the command line in subprocesses
def test_debug_is_accepted_after_the_subcommand(project: Path) -> None:
    after = archdoc(project, "lint", "--debug")
    before = archdoc(project, "--debug", "lint")
    assert after.returncode == before.returncode == 1 and after.stdout == before.stdout


@pytest.mark.slow  # runs the command line in subprocesses
def test_tool_archdoc_sets_defaults_the_command_line_overrides(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.archdoc]\nmodels = "elsewhere"\nformat = "json"\n', encoding="utf-8")
    run = archdoc(project, "lint")
    assert run.returncode == 0 and run.stdout.startswith("{")
    overridden = archdoc(project, "lint", "models", "--format", "text")
    assert overridden.returncode == 1 and "models/upward.yaml:7:5: error AD201" in overridden.stdout


@pytest.mark.slow
@pytest.mark.parametrize("settings, message", [
    ('outs = "public"', "pyproject.toml:2:1: [tool.archdoc] has no setting 'outs' (settings: models, out, strict"),
    ("strict = \"yes\"", "pyproject.toml:2:1: [tool.archdoc] strict must be true or false"),
    ('format = "xml"', "[tool.archdoc] format = 'xml' is not one of"),
    ("packs = { completeness = 1 }", "pyproject.toml:2:11: [tool.archdoc] packs.completeness must be true or false"),
    ('models = "unclosed', "pyproject.toml:2:19: Illegal character"),
])
def test_a_mistake_in_tool_archdoc_is_one_line_with_its_place(project: Path, settings: str, message: str) -> None:
    (project / "pyproject.toml").write_text(f"[tool.archdoc]\n{settings}\n", encoding="utf-8")
    run = archdoc(project, "lint")
    assert run.returncode == 2
    assert message in run.stderr and "Traceback" not in run.stderr
    assert len(run.stderr.splitlines()) == 1


@pytest.mark.slow  # runs the command line in subprocesses
def test_tool_archdoc_packs_turn_rule_packs_off_for_the_project(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "db.yaml").write_text(
        "elements:\n  - {id: api, kind: aws.Lambda}\n  - {id: db, kind: aws.RDS}\nrelations:\n  - api -> db\n",
        encoding="utf-8")
    assert " AD4" in archdoc(tmp_path, "lint").stdout
    (tmp_path / "pyproject.toml").write_text("[tool.archdoc]\npacks = { well-architected = false }\n", encoding="utf-8")
    assert " AD4" not in archdoc(tmp_path, "lint").stdout
