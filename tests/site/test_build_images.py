"""The site's images in real builds: SVG unless PNG is asked for, rendered while MkDocs works, stopped cleanly."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_build import GALLERY, SHOP, WITH_IAC, _environment, archdoc, snapshot

from archdoc.site.mkdocs.trim import _lunr_files, compact_html

pytestmark = pytest.mark.slow  # each test builds a site with MkDocs in a subprocess

SHOP_IMAGES = ["models/shop/data", "models/shop/flows/order", "models/shop/overview"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "models").mkdir(parents=True)
    (root / "models" / "shop.yaml").write_text(SHOP, encoding="utf-8")
    return root


def published(site: Path) -> list[str]:
    """The images under models/ in the site, and those its manifest lists: the same, or the test fails."""
    files = sorted(path.relative_to(site).as_posix() for path in (site / "models").rglob("*")
                   if path.suffix in (".svg", ".png"))
    manifest = json.loads((site / ".archdoc-manifest.json").read_text(encoding="utf-8"))["images"]
    assert sorted(manifest) == files
    return files


def downloads(site: Path) -> list[str]:
    page = (site / "models" / "shop" / "index.html").read_text(encoding="utf-8")
    return [line.split("</p>")[0] for line in page.split("Download: ")[1:]]


def test_the_site_publishes_svg_and_png_only_when_asked_and_the_cache_follows(project: Path) -> None:
    site = project / "site"
    run = archdoc(project, "build")
    assert run.returncode == 0, run.stderr
    assert published(site) == [f"{image}.svg" for image in SHOP_IMAGES]
    assert downloads(site)[0] == '<a href="overview.svg">SVG</a>'  # no link to a PNG that is not there

    run = archdoc(project, "build", "--png")
    assert run.returncode == 0, run.stderr
    assert "images: 3 to render, 3 unchanged" in run.stderr  # the PNGs; the SVGs come from the last site
    assert published(site) == sorted(f"{image}.{fmt}" for image in SHOP_IMAGES for fmt in ("png", "svg"))
    assert downloads(site)[0] == '<a href="overview.svg">SVG</a> · <a href="overview.png">PNG</a>'
    assert (site / "models/shop/overview.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    run = archdoc(project, "build")
    assert run.returncode == 0, run.stderr
    assert "images: 0 to render, 3 unchanged" in run.stderr
    assert published(site) == [f"{image}.svg" for image in SHOP_IMAGES]  # the PNGs are gone, site and manifest


def test_the_png_option_of_mkdocs_yml_reaches_archdoc_build_and_plain_mkdocs(project: Path) -> None:
    (project / "site_src").mkdir()
    (project / "site_src" / "index.md").write_text("# Home\n")
    (project / "mkdocs.yml").write_text("site_name: Mine\ndocs_dir: site_src\ntheme: material\n"
                                        "plugins:\n  - search\n  - archdoc:\n      png: true\n")
    run = archdoc(project, "build", "-q")
    assert run.returncode == 0, run.stderr
    assert "models/shop/overview.png" in published(project / "site")
    assert "models/shop/overview.png" not in published_after(project, "build", "-q", "--no-png")  # CLI wins
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "plain"], cwd=project,
                            capture_output=True, text=True, timeout=300, env=_environment())
    assert mkdocs.returncode == 0, mkdocs.stderr
    assert published(project / "plain") == sorted(f"{image}.{fmt}" for image in SHOP_IMAGES for fmt in ("png", "svg"))


def published_after(project: Path, *args: str) -> list[str]:
    run = archdoc(project, *args)
    assert run.returncode == 0, run.stderr
    return published(project / "site")


def test_an_image_that_cannot_be_drawn_stops_the_build_naming_it(project: Path, tmp_path: Path) -> None:
    assert archdoc(project, "build", "-q").returncode == 0
    before = snapshot(project / "site")
    (project / "models" / "shop.yaml").write_text(SHOP.replace("Orders DB", "Orders DB v2"), encoding="utf-8")
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "dot").write_text('#!/bin/sh\nif [ "$1" = -V ]; then echo "dot - graphviz version 0 (fake)" >&2; '
                              'exit 0; fi\necho "Error: syntax error in line 1" >&2\nexit 1\n')
    (fake / "dot").chmod(0o755)
    run = archdoc(project, "build", env={"PATH": f"{fake}{os.pathsep}{os.environ['PATH']}"})
    assert run.returncode == 1
    assert "images could not be rendered:\n  models/shop/data.svg: Graphviz `dot` failed on view 'shop/data' " \
           "(exit status 1): Error: syntax error in line 1\n  models/shop/flows/order.svg: " in run.stderr
    assert "the previous site is unchanged" in run.stderr and "Traceback" not in run.stderr
    assert snapshot(project / "site") == before
    assert sorted(path.name for path in project.iterdir()) == ["models", "site"]  # no staging left


def test_an_interrupted_build_leaves_no_dot_running_and_no_staging(project: Path, tmp_path: Path) -> None:
    assert archdoc(project, "build", "-q").returncode == 0
    before = snapshot(project / "site")
    # Enough images that the build is still drawing when interrupted (see test_build's killed build).
    shutil.copytree(GALLERY, project / "models" / "gallery", ignore=lambda _, names: set(names) & WITH_IAC)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    process = subprocess.Popen([sys.executable, "-m", "archdoc", "build"], cwd=project, stderr=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, text=True, env=_environment({"TMPDIR": str(scratch)}))
    assert process.stderr is not None
    for line in process.stderr:
        if " to render, " in line:  # the renders have started, MkDocs is converting the pages
            break
    deadline = time.monotonic() + 60
    while not _processes_in(scratch):  # a `dot` is drawing, in its icon folder
        assert time.monotonic() < deadline, "no dot ever ran"
    process.send_signal(signal.SIGINT)  # to archdoc alone, as `kill -INT` does: not to its `dot`s
    rest = process.stderr.read()
    assert process.wait(timeout=60) == 130
    assert "archdoc: interrupted" in rest and "Traceback" not in rest
    assert _processes_in(scratch) == []
    assert list(scratch.iterdir()) == []  # the icon folders are removed too
    assert snapshot(project / "site") == before
    assert sorted(path.name for path in project.iterdir()) == ["models", "site"]


def _processes_in(folder: Path) -> list[int]:
    """The processes whose working folder is below `folder` (archdoc runs each `dot` in its icon folder)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cwd = Path(os.readlink(entry / "cwd"))
        except OSError:
            continue
        if cwd.is_relative_to(folder):
            found.append(int(entry.name))
    return found


def test_the_site_ships_no_theme_file_its_pages_never_load(project: Path) -> None:
    run = archdoc(project, "build", "-q")
    assert run.returncode == 0, run.stderr
    shipped = {path.relative_to(project / "site").as_posix() for path in (project / "site").rglob("*")}
    assert not [path for path in shipped if path.endswith(".map")]  # Material's source maps
    assert not [path for path in shipped if "/lunr/" in path]  # English search loads no lunr language file
    assert any(path.startswith("assets/javascripts/workers/search.") for path in shipped)  # search itself stays
    # What Material's search worker imports for other languages is kept when search is set to them.
    assert _lunr_files(["en", "ja"]) == {"tinyseg.js", "min/lunr.ja.min.js", "min/lunr.multi.min.js",
                                         "min/lunr.stemmer.support.min.js"}
    assert _lunr_files(["th"]) == {"wordcut.js", "min/lunr.th.min.js", "min/lunr.stemmer.support.min.js"}


def test_pages_lose_their_indentation_but_not_a_character_of_pre_script_or_style() -> None:
    page = ("<div>\n    <p>two\n      lines</p>\n\n\n  <pre><code>kept\n    indented</code></pre>\n"
            "  <script>\n  var a = `\n    x`;\n</script>\n  <STYLE>\n  p {}\n</STYLE>\n  <textarea>\n  t</textarea>\n")
    assert compact_html(page) == ("<div>\n<p>two\nlines</p>\n<pre><code>kept\n    indented</code></pre>\n"
                                  "<script>\n  var a = `\n    x`;\n</script>\n<STYLE>\n  p {}\n</STYLE>\n"
                                  "<textarea>\n  t</textarea>\n")
