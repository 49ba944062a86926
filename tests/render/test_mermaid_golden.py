"""The Mermaid text and Markdown snippets for the render fixtures, compared byte for byte with golden files.

Regenerate after an intended change with `ARCHDOC_UPDATE_GOLDEN=1 python3 -m pytest tests/render`, then
read the diff of tests/render/golden/ before committing it.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from mermaid_cases import GOLDEN, HERE, cases, fixture_graphs

from archdoc.render.mermaid import markdown_snippet

UPDATE = os.environ.get("ARCHDOC_UPDATE_GOLDEN") == "1"


def _outputs() -> dict[str, str]:
    """Golden file name -> text, for every diagram and snippet of the fixtures."""
    outputs = {f"{case.name.replace('/', '.')}.mmd": case.text for case in cases(fixture_graphs())}
    for graph in fixture_graphs():
        for item in (*graph.model.views, *graph.model.flows):
            outputs[f"{graph.model.id}.{item.id}.md"] = markdown_snippet(graph, item)
    return outputs


OUTPUTS = _outputs()


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_output_matches_its_golden_file(name: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(OUTPUTS[name], encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with ARCHDOC_UPDATE_GOLDEN=1 and review it"
    assert OUTPUTS[name] == path.read_text(encoding="utf-8")


def test_no_stale_golden_files() -> None:
    mine = {path.name for path in GOLDEN.glob("mermaid-*")}
    assert mine <= set(OUTPUTS)


@pytest.mark.slow  # two more Python processes
def test_output_is_the_same_under_another_hash_seed_and_folder(tmp_path) -> None:
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import test_mermaid_golden as t; sys.stdout.write(''.join(t.OUTPUTS[k] for k in sorted(t.OUTPUTS)))"
    )
    runs = []
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed, "TZ": "Pacific/Kiritimati" if seed == "1" else "UTC"}
        runs.append(subprocess.run([sys.executable, "-c", script, str(HERE)], cwd=tmp_path, env=environment,
                                   capture_output=True, text=True, check=True).stdout)
    assert runs[0] == runs[1] == "".join(OUTPUTS[name] for name in sorted(OUTPUTS))
