"""`archdoc render` end to end: the snippet a reviewer pastes, images to files, clear errors."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import project_with_model, run_archdoc

MODEL = """title: Shop
layers: [{id: edge}, {id: app}, {id: data}]
elements:
  - {id: users, kind: person, label: Shopper, layer: edge}
  - {id: api, kind: aws.compute.Fargate, label: "Orders | API", layer: app}
  - {id: db, kind: aws.RDS, label: Orders DB, layer: data}
relations: [users -> api: HTTPS, api -> db: SQL]
views:
  - {id: overview, include: ["*"]}
  - {id: data, include: ["layer:data", "layer:app"]}
flows:
  - id: order
    steps: [users -> api: POST /orders, api -> db: INSERT, api -> users: 201]
"""


def archdoc(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return run_archdoc(cwd, *args, text=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return project_with_model(tmp_path, "shop.yaml", MODEL)


def test_markdown_snippet_for_a_review(project: Path) -> None:
    run = archdoc(project, "render", "shop", "--format", "md")
    assert run.returncode == 0, run.stderr
    text = run.stdout.decode()
    assert text.startswith("```mermaid\nflowchart LR\n")
    assert "| Orders &#124; API |" in text  # a table cell keeps its pipe as text
    assert text.count("\n| ") >= 5  # element rows and relation rows


@pytest.mark.slow  # two more archdoc processes; test_mermaid_golden.py covers the text
def test_view_and_flow_as_mermaid(project: Path) -> None:
    view = archdoc(project, "render", "models/shop.yaml", "--view", "data").stdout.decode()
    assert view.startswith("flowchart LR") and "Shopper" not in view and "Orders DB" in view
    flow = archdoc(project, "render", "shop", "--flow", "order").stdout.decode()
    assert flow.startswith("sequenceDiagram") and "-->>" in flow  # the reply is drawn as one


@pytest.mark.slow  # Graphviz draws a PNG and an SVG
def test_images_go_to_files(project: Path) -> None:
    run = archdoc(project, "render", "shop", "-f", "png", "-o", "out/shop.png")
    assert run.returncode == 0, run.stderr
    assert (project / "out" / "shop.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = archdoc(project, "render", "shop", "-f", "svg").stdout
    assert svg.startswith(b"<?xml") and b"<svg" in svg
    assert archdoc(project, "render", "shop", "-f", "png").returncode == 2  # PNG needs -o


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (("nope",), 2, "no model 'nope' in models (models: shop)"),
        pytest.param(("shop", "--view", "nope"), 2, "has no view 'nope' (views: overview, data)", marks=pytest.mark.slow),
        pytest.param(("shop", "--flow", "nope"), 2, "has no flow 'nope' (flows: order)", marks=pytest.mark.slow),
        pytest.param(("shop", "--view", "data", "--flow", "order"), 2, "not allowed with argument",
                     marks=pytest.mark.slow),
    ],
)
def test_wrong_requests_say_what_exists(project: Path, args: tuple[str, ...], status: int, message: str) -> None:
    run = archdoc(project, "render", *args)
    assert run.returncode == status
    assert message in run.stderr.decode()


def test_a_model_with_errors_is_reported_like_lint(project: Path) -> None:
    (project / "models" / "shop.yaml").write_text(MODEL.replace("layer: data}", "layer: dta}"))
    run = archdoc(project, "render", "shop")
    assert run.returncode == 1
    assert "models/shop.yaml:6:54: error AD108 unknown layer 'dta'" in run.stderr.decode()
    assert run.stdout == b""
