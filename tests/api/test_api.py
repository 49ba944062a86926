"""archdoc.api: the docs page's example runs as a doctest, and each function gives what the command line would."""

from __future__ import annotations

import doctest
import re
import subprocess
import sys
from pathlib import Path

import pytest

from archdoc import api
from archdoc.model.errors import ArchdocError

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "site_src"
UPWARD = "layers: [{id: app}, {id: data}]\nelements:\n  - {id: api, layer: app}\n  - {id: db, layer: data}\n" \
         "relations:\n  - api -> db\n  - db -> api\n"


def getting_started_model() -> str:
    text = (DOCS / "getting-started.md").read_text(encoding="utf-8")
    [model] = [block for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL) if "# models/shop.yaml" in block]
    return model


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "shop.yaml").write_text(getting_started_model(), encoding="utf-8")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "upward.yaml").write_text(UPWARD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_python_api_page_is_a_passing_doctest(project: Path) -> None:
    page = (DOCS / "python-api.md").read_text(encoding="utf-8")
    examples = "\n".join(re.findall(r"```python\n(.*?)```", page, re.DOTALL))
    test = doctest.DocTestParser().get_doctest(examples, {}, "python-api.md", "python-api.md", 0)
    assert len(test.examples) >= 10
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_every_public_name_is_documented_and_exists() -> None:
    page = (DOCS / "python-api.md").read_text(encoding="utf-8")
    for name in api.__all__:
        assert hasattr(api, name), name
    for function in ("load", "lint", "render", "diff", "import_model", "build_site"):
        assert f"`{function}(" in page, function
        assert callable(getattr(api, function)) and getattr(api, function).__doc__


@pytest.mark.slow  # runs the command line in a subprocess
def test_lint_finds_what_the_command_line_finds(project: Path) -> None:
    report = api.lint("broken")
    run = subprocess.run([sys.executable, "-m", "archdoc", "lint", "broken"], capture_output=True, text=True,
                         cwd=project)
    assert run.returncode == report.exit_status == 1
    assert [str(problem) for problem in report.problems] == run.stdout.splitlines()[:-1]


def test_a_wrong_request_is_an_archdoc_error_not_a_traceback(project: Path) -> None:
    shop = api.load().models[0]
    with pytest.raises(ArchdocError, match="no view 'nowhere'"):
        api.render(shop, view="nowhere")
    with pytest.raises(ArchdocError, match="no output format 'gif'"):
        api.render(shop, "gif")
    with pytest.raises(ArchdocError, match="no import format 'visio'"):
        api.import_model("visio", "x.vsdx")


def test_diff_of_two_folders_names_the_added_model(project: Path) -> None:
    (project / "head").mkdir()
    (project / "head" / "shop.yaml").write_text(getting_started_model(), encoding="utf-8")
    (project / "head" / "upward.yaml").write_text(UPWARD, encoding="utf-8")
    change = api.diff(api.load("models"), api.load("head"))
    assert {(model.id, model.status) for model in change.changed} == {("upward", "added")}


def test_import_model_reads_a_mermaid_flowchart(tmp_path: Path) -> None:
    source = tmp_path / "flow.mmd"
    source.write_text("flowchart LR\n  web[Web] --> db[(Orders DB)]\n", encoding="utf-8")
    draft, problems = api.import_model("mermaid", source)
    assert sorted(element.id for element in draft.elements) == ["db", "web"]
    assert not [problem for problem in problems if problem.is_error]


@pytest.mark.slow  # runs the command line in a subprocess
def test_the_command_line_never_imports_the_api() -> None:
    code = "import sys; from archdoc.cli import main; main(['rules']); print('archdoc.api' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert run.stdout.splitlines()[-1] == "False"
