"""`archdoc build` and `archdoc serve` end to end: real MkDocs builds in temporary projects, run as users run them."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import copy_gallery
from mkdocs.config import load_config

from archdoc.site.mkdocs.config import MARKDOWN_EXTENSIONS, default_config_text

pytestmark = pytest.mark.slow  # each test builds a site with MkDocs, most of them in a subprocess

REPO = Path(__file__).resolve().parents[2]
GALLERY = REPO / "models"
WITH_IAC = {"three-tier-web.yaml", "serverless-api.yaml", "enterprise-ecommerce.yaml"}
MERMAID_JS = REPO / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"

SHOP = """\
title: Shop
description: A small web shop.
layers: [{id: edge}, {id: app}, {id: data}]
groups:
  - {id: vpc, kind: aws.VPC, label: VPC 10.0.0.0/16}
elements:
  - {id: users, kind: person, label: Shoppers}
  - {id: cdn, kind: aws.network.CloudFront, label: CloudFront, layer: edge}
  - {id: api, kind: aws.compute.Lambda, label: Orders API, layer: app, in: vpc}
  - {id: db, kind: aws.RDS, label: Orders DB, layer: data, in: vpc}
relations:
  - "users -> cdn: HTTPS"
  - "cdn -> api: forward"
  - "api -> db: SQL"
views:
  - {id: overview, title: Overview, include: ["*"]}
  - {id: data, title: Around the database, focus: db, depth: 1}
flows:
  - id: order
    title: Place an order
    steps:
      - "users -> cdn: POST /orders"
      - "cdn -> api: forward"
      - "api -> db: INSERT"
"""
TINY = "elements:\n  - {id: a, label: Alpha}\n  - {id: b, label: Beta}\nrelations:\n  - a -> b\n"
UPWARD = "layers: [{id: app}, {id: data}]\nelements:\n  - {id: api, layer: app}\n  - {id: db, layer: data}\n" \
         "relations:\n  - api -> db\n  - db -> api\n"


def archdoc(cwd: Path, *args: str, env: dict[str, str] | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "archdoc", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=_environment(env))


def _environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return {**env, **(extra or {})}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` (hidden ones too) with its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with nothing but models/."""
    root = tmp_path / "project"
    (root / "models").mkdir(parents=True)
    (root / "models" / "shop.yaml").write_text(SHOP, encoding="utf-8")
    (root / "models" / "tiny.yaml").write_text(TINY, encoding="utf-8")
    return root


@pytest.fixture
def built(project: Path) -> Path:
    """The project after one successful build."""
    run = archdoc(project, "build", "-q")
    assert run.returncode == 0, run.stderr
    return project


def test_a_folder_with_only_models_builds_a_complete_offline_site(project: Path) -> None:
    run = archdoc(project, "build")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    site = project / "site"
    for page in ("index.html", "models/shop/index.html", "models/tiny/index.html", "rules/index.html",
                 "search/search_index.json", ".archdoc-site", ".archdoc-manifest.json"):
        assert (site / page).is_file(), page
    assert (site / "assets/archdoc/mermaid.min.js").read_bytes() == MERMAID_JS.read_bytes()
    shop = (site / "models/shop/index.html").read_text(encoding="utf-8")
    assert '<pre class="archdoc-mermaid" data-archdoc-nodes="4">' in shop  # the overview: four boxes
    assert 'class="mermaid"' not in shop  # Material would fetch Mermaid from unpkg.com for those
    assert '<script src="../../assets/archdoc/archdoc-mermaid.js">' in shop  # it loads Mermaid from beside it
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert any("Orders API" in document["text"] for document in index["docs"])
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr.net"):
            assert host not in text, (html, host)
    assert sorted(path.name for path in project.iterdir()) == ["models", "site"]  # nothing else written
    assert "archdoc: images: 4 to render, 0 unchanged" in run.stderr  # an SVG per view and flow


def test_lint_errors_stop_the_build_with_the_lint_report_and_write_nothing(project: Path) -> None:
    (project / "models" / "upward.yaml").write_text(UPWARD, encoding="utf-8")
    run = archdoc(project, "build")
    assert run.returncode == 1
    assert f"{os.path.join('models', 'upward.yaml')}:7:5: error AD201" in run.stdout
    assert run.stdout == archdoc(project, "lint").stdout
    assert sorted(path.name for path in project.iterdir()) == ["models"]


def test_lint_errors_leave_the_previous_site_as_it_was(built: Path) -> None:
    before = snapshot(built / "site")
    (built / "models" / "upward.yaml").write_text(UPWARD, encoding="utf-8")
    assert archdoc(built, "build").returncode == 1
    assert snapshot(built / "site") == before


def _outside_home(project: Path) -> tuple[str, dict[str, str]]:
    home = project.parent / "home"
    (home / "notes").mkdir(parents=True)
    (home / "notes" / "keep.txt").write_text("mine")
    return str(home), {"HOME": str(home)}


@pytest.mark.parametrize("case", ["cwd", "parent", "home", "models", "inside-models", "site_src", "git", "foreign"])
def test_an_output_folder_archdoc_did_not_create_is_refused_and_nothing_deleted(project: Path, case: str) -> None:
    (project / "site_src").mkdir()
    (project / "site_src" / "guide.md").write_text("# Guide\n")
    env: dict[str, str] = {}
    if case == "home":
        out, env = _outside_home(project)
    elif case == "git":
        (project / "repo" / ".git").mkdir(parents=True)
        out = "repo"
    elif case == "foreign":
        (project / "stuff").mkdir()
        (project / "stuff" / "thesis.tex").write_text("years of work")
        out = "stuff"
    else:
        out = {"cwd": ".", "parent": "..", "models": "models", "inside-models": "models/site",
               "site_src": "site_src"}[case]
    watched = project.parent  # the project and everything beside it
    before = snapshot(watched)
    run = archdoc(project, "build", "-q", "--out", out, env=env)
    assert run.returncode == 2, run.stderr
    assert run.stderr.startswith(f"archdoc: refusing to replace {out}: ")
    assert len(run.stderr.splitlines()) == 1
    assert snapshot(watched) == before


def test_a_build_failing_late_leaves_the_previous_site_intact(built: Path) -> None:
    before = snapshot(built / "site")
    (built / "site_src").mkdir()
    (built / "site_src" / "guide.md").write_text("# Guide\n\nSee [the missing page](missing.md).\n")
    run = archdoc(built, "build", "--strict")  # MkDocs writes every page, then fails on the warning
    assert run.returncode == 1
    assert "missing.md" in run.stderr and "previous site is unchanged" in run.stderr
    assert snapshot(built / "site") == before
    assert sorted(path.name for path in built.iterdir()) == ["models", "site", "site_src"]  # no staging left


def test_a_killed_build_leaves_the_previous_site_and_the_next_build_cleans_up(built: Path) -> None:
    before = snapshot(built / "site")
    gallery = built / "models" / "gallery"
    # Enough images that the build is still rendering when killed; the models that name infrastructure
    # code are left out, since their ../infra would fall inside this models folder.
    shutil.copytree(GALLERY, gallery, ignore=lambda folder, names: [n for n in names if n in WITH_IAC])
    process = subprocess.Popen([sys.executable, "-m", "archdoc", "build"], cwd=built, stderr=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, text=True, env=_environment())
    assert process.stderr is not None
    for line in process.stderr:
        if " done (" in line:  # the first model's images are rendered
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert snapshot(built / "site") == before
    assert [path.name for path in built.iterdir() if "archdoc-build" in path.name]  # the abandoned staging
    shutil.rmtree(gallery)
    run = archdoc(built, "build", "-q")
    assert run.returncode == 0, run.stderr
    assert sorted(path.name for path in built.iterdir()) == ["models", "site"]


# Gallery models with groups in groups, flows, an include and suppressed findings.
SAMPLE = ("aws-overview.yaml", "defense-in-depth.yaml", "three-tier-web.yaml", "event-driven.yaml")


def _outside_sample(folder: str, names: list[str]) -> list[str]:
    """Gallery models not in SAMPLE (fragments below _shared/ are kept for the includes)."""
    if Path(folder) != GALLERY:
        return []
    return [name for name in names if name.endswith(".yaml") and name not in SAMPLE]


def test_two_builds_are_byte_identical_whatever_the_hash_seed_time_zone_and_folder(tmp_path: Path) -> None:
    sites = []
    for name, seed, zone in (("first", "1", "UTC"), ("elsewhere/second", "4242", "Asia/Kolkata")):
        root = tmp_path / name
        copy_gallery(root / "models", ignore=_outside_sample)
        (root / "models" / "shop.yaml").write_text(SHOP, encoding="utf-8")
        run = archdoc(root, "build", "-q", env={"PYTHONHASHSEED": seed, "TZ": zone})
        assert run.returncode == 0, run.stderr
        sites.append(snapshot(root / "site"))
    first, second = sites
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", ".archdoc-manifest.json"} <= set(first)


def test_a_warm_rebuild_renders_no_image_and_a_changed_model_only_its_own(built: Path) -> None:
    manifest = (built / "site" / ".archdoc-manifest.json").read_text()
    run = archdoc(built, "build")
    assert "images: 0 to render, 4 unchanged" in run.stderr
    assert (built / "site" / ".archdoc-manifest.json").read_text() == manifest
    (built / "models" / "tiny.yaml").write_text(TINY.replace("Alpha", "Alpha prime"), encoding="utf-8")
    run = archdoc(built, "build")
    assert "images: 1 to render, 3 unchanged" in run.stderr
    assert "images: tiny done" in run.stderr and "images: shop done" not in run.stderr


def test_a_fresh_output_folder_renders_every_image(built: Path) -> None:
    run = archdoc(built, "build", "--out", "elsewhere")
    assert "images: 4 to render, 0 unchanged" in run.stderr


def test_generated_pages_never_land_in_site_src(project: Path) -> None:
    (project / "site_src").mkdir()
    (project / "site_src" / "guide.md").write_text("# Guide\n\nHand-written.\n")
    before = snapshot(project)
    run = archdoc(project, "build", "-q")
    assert run.returncode == 0, run.stderr
    after = snapshot(project)
    assert {path: data for path, data in after.items() if not path.startswith("site/")} == before
    assert (project / "site" / "guide" / "index.html").is_file()
    assert (project / "site" / "models" / "shop" / "index.html").is_file()


def test_a_hand_written_page_overrides_the_generated_one_of_its_name_and_a_clash_is_reported(
        project: Path) -> None:
    (project / "site_src").mkdir()
    (project / "site_src" / "index.md").write_text("# Our own front page\n")
    (project / "site_src" / "rules.md").write_text("# Lands on rules/index.html too\n")
    run = archdoc(project, "build", "-q")
    assert run.returncode == 0, run.stderr
    assert "Our own front page" in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "rules.md (written by hand) and the generated rules/index.md would both be rules/index.html" in run.stderr
    assert "Lands on" not in (project / "site" / "rules" / "index.html").read_text(encoding="utf-8")


def test_the_plugin_makes_a_users_mkdocs_yml_safe(project: Path) -> None:
    (project / "site_src").mkdir()
    (project / "site_src" / "index.md").write_text("# Home\n\n```mermaid\ngraph LR\n  a --> b\n```\n")
    (project / "mkdocs.yml").write_text(
        "site_name: Mine\ndocs_dir: site_src\ntheme:\n  name: material\n  font:\n    text: Roboto\n"
        "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n"
        "          class: mermaid\n          format: !!python/name:pymdownx.superfences.fence_code_format\n")
    run = archdoc(project, "build", "-q")
    assert run.returncode == 0, run.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in home and 'class="mermaid"' not in home
    assert '<pre class="archdoc-mermaid">graph LR' in home
    assert (project / "site" / "models" / "shop" / "index.html").is_file()  # the plugin was added


def test_snippets_include_files_into_hand_written_pages_but_never_into_model_text(project: Path) -> None:
    (project / "site_src").mkdir()
    (project / "parts").mkdir()
    (project / "parts" / "secret.txt").write_text("TOP-SECRET-CONTENT\n")
    (project / "site_src" / "guide.md").write_text('# Guide\n\n--8<-- "secret.txt"\n')
    model = (project / "models" / "shop.yaml").read_text()
    (project / "models" / "shop.yaml").write_text(
        model.replace("description: A small web shop.", 'description: |\n  A small web shop.\n\n  --8<-- "secret.txt"\n'))
    (project / "mkdocs.yml").write_text("site_name: Mine\ndocs_dir: site_src\ntheme: material\n"
                                        "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [parts]\n")
    run = archdoc(project, "build", "-q")
    assert run.returncode == 0, run.stderr
    assert "TOP-SECRET-CONTENT" in (project / "site" / "guide" / "index.html").read_text(encoding="utf-8")
    model_page = (project / "site" / "models" / "shop" / "index.html").read_text(encoding="utf-8")
    assert "TOP-SECRET-CONTENT" not in model_page and "secret.txt" in model_page


@pytest.mark.parametrize("setup, expected", [
    ("missing-models", "AD001"),
    ("broken-mkdocs-yml", "mkdocs.yml"),
    ("missing-mermaid", "ARCHDOC_MERMAID_JS"),
])
def test_bad_input_is_one_clear_error_never_a_traceback(project: Path, setup: str, expected: str) -> None:
    env: dict[str, str] = {}
    args = ["build"]
    if setup == "missing-models":
        args += ["--models", "nowhere"]
    elif setup == "broken-mkdocs-yml":
        (project / "mkdocs.yml").write_text("site_name: [unclosed\n")
    else:
        env = {"ARCHDOC_MERMAID_JS": str(project / "no-mermaid.js")}
    run = archdoc(project, *args, env=env)
    assert run.returncode == 2
    assert expected in run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    assert not (project / "site").exists()


def test_the_builtin_default_configuration_is_the_repositorys_mkdocs_yml(tmp_path: Path) -> None:
    ours = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "a"))
    default = load_config(io.StringIO(default_config_text()), config_file_path=str(REPO / "mkdocs.yml"),
                          site_dir=str(tmp_path / "b"))
    assert ours.markdown_extensions == default.markdown_extensions
    assert set(MARKDOWN_EXTENSIONS) <= set(ours.markdown_extensions)
    assert list(ours.plugins) == list(default.plugins) == ["material/search", "archdoc"]
    assert ours.theme["font"] is False and default.theme["font"] is False
    assert ours.theme["features"] == default.theme["features"]
    for name in ("pymdownx.tabbed", "toc"):
        assert ours.mdx_configs[name] == default.mdx_configs[name]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def test_serve_previews_on_loopback_and_rebuilds_when_a_model_changes(project: Path) -> None:
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "archdoc", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                               cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env=_environment())
    try:
        url = f"http://127.0.0.1:{port}/models/tiny/"
        assert "Alpha" in _poll(url, lambda page: "Alpha" in page)
        (project / "models" / "tiny.yaml").write_text(TINY.replace("Alpha", "Omega"), encoding="utf-8")
        assert "Omega" in _poll(url, lambda page: "Omega" in page)
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) in (0, 130)
    assert process.stderr is not None
    assert "Traceback" not in process.stderr.read()
    assert sorted(path.name for path in project.iterdir()) == ["models"]  # the preview lived elsewhere


def _poll(url: str, ready: Callable[[str], bool], timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            page = _get(url)
            if ready(page):
                return page
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"{url} did not become ready in {timeout} s")
        time.sleep(0.3)
