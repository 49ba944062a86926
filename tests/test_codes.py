"""One table of codes: each code is defined once, by name, and each documented code can be emitted."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from codes_table import documented_codes

from archdoc.lint import RULES

PACKAGE = Path(__file__).resolve().parent.parent / "archdoc"
CODE = re.compile(r"AD\d{3}")
FAILING = re.compile(r"\*\*Failing\*\*\s*```yaml\n")

# Codes no model text can show (a missing file, another encoding, a symbolic link, a huge file or view):
# the test that makes each one, by file.
EMITTED_BY_TESTS = {
    "AD001": "tests/load/test_errors.py",
    "AD002": "tests/load/test_errors.py",
    "AD006": "tests/load/test_errors.py",
    "AD008": "tests/load/test_errors.py",
    "AD301": "tests/render/test_mermaid_limits.py",
    "AD302": "tests/render/test_images.py",
    "AD112": "tests/reliability/corpus/cases.yaml",
    "AD121": "tests/reliability/corpus/cases.yaml",
}
# The importers' and IaC readers' codes (AD6xx) describe sources, not models: each is made by a test here.
IMPORT_TESTS = ("tests/importers", "tests/iac")


def _code_definitions(tree: ast.Module) -> set[int]:
    """Line numbers where a code is defined: `NAME = "AD..."` at module level, or a key of a code table."""
    lines: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            lines.add(node.value.lineno)
        if isinstance(node, ast.AnnAssign | ast.Assign) and isinstance(node.value, ast.Dict):
            lines.update(key.lineno for key in node.value.keys if isinstance(key, ast.Constant))
    return lines


def test_no_code_is_written_out_where_it_is_used() -> None:
    scattered = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed = _code_definitions(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value):
                if node.lineno not in allowed:
                    scattered.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {node.value}")
    assert scattered == [], "use the code's named constant:\n" + "\n".join(scattered)


def test_every_documented_code_can_be_emitted() -> None:
    repo = PACKAGE.parent
    for code, rule in RULES.items():
        if FAILING.search(rule.doc):
            continue  # tests/lint/test_rule_docs.py lints the example and expects the code
        if code.startswith("AD6"):
            sources = [p for folder in IMPORT_TESTS for p in (repo / folder).glob("test_*.py")]
            assert any(code in p.read_text(encoding="utf-8") for p in sources), f"no importer test checks {code}"
            continue
        test_file = EMITTED_BY_TESTS.get(code)
        assert test_file, f"{code} has no **Failing** example and no test that makes it"
        assert code in (repo / test_file).read_text(encoding="utf-8"), f"{test_file} does not check {code}"


def test_the_tables_agree_with_the_registry() -> None:
    assert set(RULES) <= documented_codes()
    assert all(CODE.fullmatch(code) for code in documented_codes())
