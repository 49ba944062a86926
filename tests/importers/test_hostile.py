"""Hostile sources: clear errors (exit 2, file:line:column) or clean models, bounded in time, never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers import run_archdoc

COMPONENT = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {{name: c{n}}}\n" \
            "spec: {{type: service, lifecycle: production, owner: team-a}}\n"
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
    f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
    for n in range(8))
CASES = {
    "backstage-alias-bomb": ("backstage", "c.yaml", COMPONENT.format(n=1) + "---\n" + ALIAS_BOMB,
                             2, "c.yaml:", "AD602"),
    "backstage-deep": ("backstage", "c.yaml", "a:" + " [" * 200 + " ]" * 200 + "\n", 2, "c.yaml:1:", "AD602"),
    "backstage-python-tag": ("backstage", "c.yaml", COMPONENT.format(n=1) + "---\nx: !!python/object/apply:os.system"
                             " [touch pwned]\n", 2, "c.yaml:6:4", "AD603"),
    "backstage-not-yaml": ("backstage", "c.yaml", "kind: [Component\n", 2, "c.yaml:2:1", "AD601"),
    "backstage-utf16": ("backstage", "c.yaml", "kind: x\n".encode("utf-16"), 2, "c.yaml:1:1", "AD600"),
    "mermaid-deep-subgraphs": ("mermaid", "d.mmd", "graph TB\n" + "".join(f"subgraph s{n}\n" for n in range(200))
                               + "leaf\n" + "end\n" * 200, 0, "", ""),
    "mermaid-click-and-directives": ("mermaid", "d.mmd", '%%{init: {"securityLevel": "loose"}}%%\ngraph LR\n'
                                     '%%{init: {"theme": "dark"}}%%\n  a["<img src=x onerror=alert(1)>"] --> b\n'
                                     '  click a "javascript:alert(1)"\n  click b callback\n'
                                     '  style a fill:red\n', 0, "", ""),
    "mermaid-garbage": ("mermaid", "d.mmd", "graph LR\n" + ")))(((\n" * 50 + "a --> b\n", 0, "d.mmd:2:1", "AD607"),
    "mermaid-not-a-flowchart": ("mermaid", "d.mmd", "pie\n  \"a\": 1\n", 2, "d.mmd:1:1", "AD604"),
    "structurizr-deep-dsl": ("structurizr", "w.dsl", "workspace {\n model {\n" + "group g {\n" * 150 + "}\n" * 150
                             + " }\n}\n", 2, "w.dsl:", "AD601"),
    "structurizr-deep-json": ("structurizr", "w.json", '{"model": ' + "[" * 5000 + "]" * 5000 + "}", 2, "w.json:1:1",
                              "AD602"),
    "structurizr-bad-json": ("structurizr", "w.json", '{"model": {"people": [}', 2, "w.json:1:", "AD601"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_source(tmp_path: Path, case: str) -> None:
    format_name, name, text, status, where, code = CASES[case]
    if isinstance(text, bytes):
        (tmp_path / name).write_bytes(text)
    else:
        (tmp_path / name).write_text(text, encoding="utf-8")
    started = time.monotonic()
    run = run_archdoc(tmp_path, "import", format_name, name)
    assert time.monotonic() - started < 30
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    assert run.returncode == status, run.stderr
    if code:
        assert any(line.startswith(where) and code in line for line in run.stderr.splitlines()), run.stderr
    if status == 0:
        assert run.stdout.startswith("# Imported by")
        for forbidden in ("javascript", "onerror", "<img", "init", "callback", "fill:"):
            assert forbidden not in run.stdout
    else:
        assert run.stdout == ""
    assert not (tmp_path / "pwned").exists()


@pytest.mark.slow
def test_a_20_mb_source_is_refused_before_it_is_read(tmp_path: Path) -> None:
    with open(tmp_path / "big.mmd", "w") as out:
        out.write("graph LR\n")
        line = "  a --> b\n" * 1000
        for _ in range(2100):
            out.write(line)
    started = time.monotonic()
    run = run_archdoc(tmp_path, "import", "mermaid", "big.mmd")
    assert time.monotonic() - started < 30
    assert run.returncode == 2
    assert run.stderr == "big.mmd:1:1: error AD602 is larger than 16 MiB\n"


@pytest.mark.slow
def test_a_catalog_of_10000_documents_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "catalog.yaml").write_text("---\n".join(COMPONENT.format(n=n) for n in range(10_000)))
    started = time.monotonic()
    run = run_archdoc(tmp_path, "import", "backstage", "catalog.yaml")
    assert time.monotonic() - started < 60
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.splitlines() == ["catalog.yaml:1:1: error AD602 the catalog gives more than 5000 elements, "
                                       "groups and relations; import a part of it (one system's files)"]


def test_a_catalog_with_thousands_of_users_imports_its_components(tmp_path: Path) -> None:
    users = "---\n".join(f"apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: {{name: u{n}}}\nspec: {{}}\n"
                         for n in range(3000))
    (tmp_path / "org.yaml").write_text(users + "---\n" + COMPONENT.format(n=1))
    run = run_archdoc(tmp_path, "import", "backstage", "org.yaml")
    assert run.returncode == 0, run.stderr
    assert "id: c1" in run.stdout and run.stderr.count("AD606") == 1
