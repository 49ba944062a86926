"""`archdoc import` on the command line: where the model goes, and one clear line for each mistake."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_archdoc

FLOW = "graph LR\n  a[Web] --> b[(Orders DB)]\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "flow.mmd").write_text(FLOW)
    return tmp_path


def test_the_model_goes_to_standard_output_and_notes_to_standard_error(project: Path) -> None:
    run = run_archdoc(project, "import", "mermaid", "flow.mmd", "--id", "shop")
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.startswith("# Imported by `archdoc import mermaid` from flow.mmd.\n")
    assert "\nid: shop\n" in run.stdout and "  - a -> b\n" in run.stdout


def test_output_file_is_written_once_and_never_overwritten(project: Path) -> None:
    assert run_archdoc(project, "import", "mermaid", "flow.mmd", "-o", "m.yaml").returncode == 0
    first = (project / "m.yaml").read_text()
    run = run_archdoc(project, "import", "mermaid", "flow.mmd", "-o", "m.yaml")
    assert run.returncode == 2
    assert run.stderr == "archdoc: m.yaml exists; merge into it with --into, or remove it first\n"
    assert (project / "m.yaml").read_text() == first
    assert sorted(p.name for p in project.iterdir()) == ["flow.mmd", "m.yaml"]  # no temporary file left


def test_into_with_output_leaves_the_model_alone(project: Path) -> None:
    (project / "m.yaml").write_text("elements:\n  - {id: x}  # mine\n")
    run = run_archdoc(project, "import", "mermaid", "flow.mmd", "--into", "m.yaml", "-o", "merged.yaml")
    assert run.returncode == 0, run.stderr
    assert (project / "m.yaml").read_text() == "elements:\n  - {id: x}  # mine\n"
    assert (project / "merged.yaml").read_text().startswith("elements:\n  - {id: x}  # mine\n  - {id: a, ")


@pytest.mark.parametrize(("args", "message"), [
    (["import", "mermaid"], "the following arguments are required: SOURCE"),
    (["import", "plantuml", "flow.mmd"], "argument FORMAT: invalid choice: 'plantuml'"),
    (["import", "mermaid", "flow.mmd", "--id", "Not An Id"], "--id 'Not An Id' is not a model id"),
])
def test_command_line_mistakes(project: Path, args: list[str], message: str) -> None:
    run = run_archdoc(project, *args)
    assert run.returncode == 2 and message in run.stderr and "Traceback" not in run.stderr


def test_a_missing_source_names_the_file(project: Path) -> None:
    run = run_archdoc(project, "import", "mermaid", "nope.mmd")
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == "nope.mmd:1:1: error AD600 does not exist\n"


def test_a_folder_of_sources_is_read_in_name_order(project: Path) -> None:
    (project / "docs").mkdir()
    (project / "docs" / "b.md").write_text("# B\n\n```mermaid\ngraph LR\n  b --> c\n```\n")
    (project / "docs" / "a.mmd").write_text("graph LR\n  a --> b\n")
    run = run_archdoc(project, "import", "mermaid", "docs")
    assert run.returncode == 0, run.stderr
    assert "  - a -> b\n  - b -> c\n" in run.stdout and "\nid: a\n" in run.stdout


def test_problem_lines_cannot_forge_findings_or_drive_the_terminal(project: Path) -> None:
    (project / "evil.mmd").write_text("graph LR\n  a --> \x1b[31mb\n")
    run = run_archdoc(project, "import", "mermaid", "evil.mmd")
    assert "\x1b" not in run.stderr and ("\\x1b" in run.stderr or "\\u001b" in run.stderr)
    assert all(line.startswith("evil.mmd:") for line in run.stderr.splitlines())


@pytest.mark.parametrize("format_name", ["cloudformation", "terraform"])
def test_the_iac_formats_are_listed(project: Path, format_name: str) -> None:
    run = run_archdoc(project, "import", format_name, "nothing-here")
    assert "Traceback" not in run.stderr and run.returncode == 2
