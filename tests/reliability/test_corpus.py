"""The hostile corpus (corpus/cases.yaml): each case run as its own archdoc process, checked as the user sees it."""

from __future__ import annotations

import shutil
import stat
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile import FINDING_LINE, GENERATORS, RAW_CONTROL, remove_deep, run_bounded

from archdoc.site.mkdocs.offline import is_external

CORPUS = Path(__file__).parent / "corpus"
CASES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
# One process per case, a few seconds each (a site build for some): the quick run leaves the corpus out.
pytestmark = pytest.mark.slow


def test_the_corpus_is_large_and_covers_every_class() -> None:
    assert len(CASES) >= 40 and len({case["id"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [pytest.param(case, id=case["id"]) for case in CASES])
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    if "model" in case:
        (project / "models").mkdir()
        shutil.copyfile(CORPUS / "files" / case["model"], project / "models" / "m.yaml")
    if "mkdocs" in case:
        shutil.copyfile(CORPUS / "mkdocs" / case["mkdocs"], project / "mkdocs.yml")
        (project / "docs").mkdir()
    if "generate" in case:
        GENERATORS[case["generate"]](project)
    try:
        completed = run_bounded(project, case.get("args", ["lint"]), case.get("env"))
        _check(case, project, completed.returncode, completed.stdout, completed.stderr)
    finally:
        if case.get("generate") == "deep-folders":
            remove_deep(project / "models")


def _check(case: dict[str, Any], project: Path, status: int, stdout: str, stderr: str) -> None:
    output = stdout + stderr
    shown = f"exit {status}\n--- stdout\n{stdout}--- stderr\n{stderr}"
    assert "Traceback" not in output and "internal error" not in output, shown
    assert not RAW_CONTROL.search(output), f"a raw control character reached the terminal\n{shown}"
    assert status == case["exit"], shown
    lines = output.splitlines()
    for line in case.get("lines", []):
        assert line in lines, f"missing line {line!r}\n{shown}"
    for text in case.get("contains", []):
        assert text in output, f"missing {text!r}\n{shown}"
    for text in case.get("absent", []):
        assert text not in output, f"unexpected {text!r}\n{shown}"
    if case.get("args", ["lint"])[0] == "lint" and "--format" not in case.get("args", []):
        # A text report: every line is a real finding or the summary, whatever the model held.
        for line in stdout.splitlines()[:-1]:
            assert FINDING_LINE.match(line), f"a line that is not a finding: {line!r}\n{shown}"
    for name, text in case.get("files", {}).items():
        assert text in (project / name).read_text(encoding="utf-8"), name
    if "fifo" in case:
        assert stat.S_ISFIFO((project / case["fifo"]).stat().st_mode), "the FIFO was replaced"
    if "device" in case:
        assert stat.S_ISCHR(Path(case["device"]).stat().st_mode), "the device node was replaced"
    if case.get("no_site"):
        assert not (project / "site").exists()
    pages = [page.read_text(encoding="utf-8") for page in (project / "site").rglob("*.html")] \
        if case.get("site_absent") or case.get("site_contains") else []
    for text in case.get("site_absent", []):
        assert not any(text in page for page in pages), f"the site holds {text!r}"
    for text in case.get("site_contains", []):
        assert any(text in page for page in pages), f"no page shows {text!r}"
    if case.get("site_loads_only_itself"):
        for page in (project / "site").rglob("*.html"):
            loads = LoadCollector.of(page.read_text(encoding="utf-8"))
            assert not [url for url in loads if is_external(url)], f"{page} loads {loads}"


class LoadCollector(HTMLParser):
    """What a page makes the browser fetch: every src, srcset, poster and data, and <link href>."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []

    @classmethod
    def of(cls, html: str) -> list[str]:
        collector = cls()
        collector.feed(html)
        return collector.loads

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name in ("src", "srcset", "poster", "data") or (tag == "link" and name == "href")):
                self.loads.append(value)
