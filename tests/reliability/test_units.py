"""Each class of issue 12 in-process and quick: reports, Markdown images, offline config, positions, clean-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from archdoc.cli.formats import format_github, format_json, format_text
from archdoc.lint import LintReport
from archdoc.load.files import ReadError, read_text
from archdoc.load.yamlnodes import MappingNode, SequenceNode, parse
from archdoc.model import Problem, Severity, SourceSpan
from archdoc.model.scratch import remove_leftovers
from archdoc.model.visible import one_line, visible, yaml_words
from archdoc.site.mkdocs.config import MARKDOWN_EXTENSIONS
from archdoc.site.mkdocs.offline import is_external
from archdoc.site.pages.text import escape_inline, safe_markdown

FORGED = "x\nmodels/m.yaml:1:1: error AD999 forged\x1b]0;title\x07 \u202eexe"


def _report(problem: Problem) -> LintReport:
    return LintReport(problems=[problem], files=1)  # type: ignore[call-arg]


def test_model_text_cannot_start_a_report_line() -> None:
    problem = Problem("AD109", Severity.ERROR, f"unknown kind '{FORGED}'", SourceSpan("models/a\nb.yaml", 2, 3))
    text = format_text(_report(problem))
    assert text.splitlines()[0] == ("models/a\\nb.yaml:2:3: error AD109 unknown kind 'x\\nmodels/m.yaml:1:1: "
                                    "error AD999 forged\\x1b]0;title\\x07 \\u202eexe'")
    github = format_github(_report(problem)).splitlines()[0]
    assert github.startswith("::error file=models/a%0Ab.yaml,line=2,col=3,title=AD109::")
    assert "%0Amodels/m.yaml:1:1" in github and "\x1b" not in github and "\u202e" not in github
    document = format_json(_report(problem))
    assert "\u202e" not in document and "\x1b" not in document
    assert json.loads(document)["findings"][0]["message"] == f"unknown kind '{FORGED}'"  # the data, unchanged


@pytest.mark.parametrize("text", [
    "!![a](http://t.invalid/1.png)", "! [a](http://t.invalid/2.png)", "!\u200b[a](http://t.invalid/3.png)",
    "![a][r]\n\n[r]: http://t.invalid/4.png", "![r]\n\n[r]: //t.invalid/5.png", "\\![a](http://t.invalid/6.png)",
    "&#33;[a](http://t.invalid/7.png)", "<img src=http://t.invalid/8.png>", "<http://t.invalid/9.png>",
    "[![a](http://t.invalid/10.png)](http://t.invalid/)", "| c |\n|---|\n| ![a](http://t.invalid/11.png) |",
])
def test_no_image_syntax_survives_the_neutraliser(text: str) -> None:
    configs = {name: options for name, options in MARKDOWN_EXTENSIONS.items() if options}
    html = markdown.markdown(safe_markdown(text), extensions=list(MARKDOWN_EXTENSIONS), extension_configs=configs)
    assert "<img" not in html, html


def test_controls_and_bidi_are_shown_in_pages() -> None:
    assert escape_inline("invoice\u202efdp.exe\x1b") == "invoice\u27e8U+202E\u27e9fdp.exe\u241b"
    assert safe_markdown("a\x00b\u2066c") == "a\u2400b\u27e8U+2066\u27e9c"
    assert visible("tab\tline\n", keep="\t\n") == "tab\tline\n"
    assert one_line("a\nb\u2028c") == "a\\nb\\u2028c"


@pytest.mark.parametrize(("url", "external"), [
    ("http://x.invalid/a.js", True), ("HTTPS://x.invalid", True), ("//x.invalid/a.css", True),
    (" \thttp://x.invalid", True), ("ftp://x.invalid/f", True), ("js/local.js", False), ("/assets/a.css", False),
    ("data:text/css,a{}", False), ("img/logo.png", False),
])
def test_external_urls(url: str, external: bool) -> None:
    assert is_external(url) is external


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("separator", ["\u0085", "\u2028", "\u2029", ""])
def test_positions_count_the_lines_editors_count(newline: str, separator: str) -> None:
    text = newline.join([f"# note{separator}more", f"title: \"a{separator}b\"", "elements:", "  - {id: a}", ""])
    root = parse(text, [])
    assert isinstance(root, MappingNode)
    elements = root.get("elements")
    assert isinstance(elements, SequenceNode)
    assert (elements.items[0].line, elements.items[0].column) == (4, 5)
    title = root.get("title")
    assert title is not None and title.value == f"a{separator}b"  # type: ignore[union-attr]


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_encoding_errors_are_on_their_line(tmp_path: Path, newline: bytes) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(newline.join([b"title: t", b"elements:", b"  - {id: \xff}", b""]))
    with pytest.raises(ReadError) as raised:
        read_text(path)
    assert (raised.value.line, raised.value.column) == (3, 10)


def test_a_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    with pytest.raises(ReadError, match="is a named pipe"):
        read_text(tmp_path / "pipe.yaml")


def test_yaml_words() -> None:
    assert [yaml_words(v) for v in (True, None, ("a", 1), 1.5)] == ["true", "null", "[a, 1]", "1.5"]


def test_leftovers_of_dead_processes_are_removed_and_running_ones_kept(tmp_path: Path) -> None:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = tmp_path / f"archdoc-icons-{finished.stdout.strip()}-abc"
    alive = tmp_path / f"archdoc-icons-{os.getpid()}-def"
    foreign = tmp_path / "archdoc-icons-notapid"
    for folder in (dead, alive, foreign):
        folder.mkdir()
        (folder / "icon.png").write_bytes(b"png")
    assert remove_leftovers("archdoc-icons-", tmp_path) == [dead]
    assert alive.is_dir() and foreign.is_dir() and not dead.exists()
