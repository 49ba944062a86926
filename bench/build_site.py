"""Times `archdoc build`, cold and warm, on the gallery and 100 models of 50 elements, against a bare `mkdocs build`.

    python bench/build_site.py                  # prints a Markdown table for bench/README.md
    python bench/build_site.py --runs 1 --source OTHER_TREE --png   # another archdoc checkout, with PNGs

The gallery is models/ alone (21 models, no site_src/); the synthetic project is 100 of
bench/generate.py's models of 50 elements (two views each). Cold: a fresh output folder,
every image rendered; warm: rebuilt with nothing changed, every image reused. The floor is
a bare `mkdocs build` (Material, search, the same Markdown extensions) of the very pages
archdoc generated, written to a docs folder: no archdoc plugin, no images. Whole processes,
wall-clock seconds, median of --runs runs each.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import synthetic_model  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SYNTHETIC_MODELS = 100
SYNTHETIC_ELEMENTS = 50

# Writes the pages archdoc generates for the models folder into a docs folder, with a plain mkdocs.yml.
BARE_PROJECT = """
import sys, yaml
from pathlib import Path
from archdoc.lint import lint_result
from archdoc.load import load_paths
from archdoc.site.mkdocs.config import MARKDOWN_EXTENSIONS
from archdoc.site.pages import plan_site
models, out = Path(sys.argv[1]), Path(sys.argv[2])
result = load_paths([models], default_root=models)
for path, markdown in plan_site(result.models, lint_result(result)).pages.items():
    (out / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
    (out / "docs" / path).write_text(markdown, encoding="utf-8")
extensions = [{name: options} if options else name for name, options in MARKDOWN_EXTENSIONS.items()]
config = {"site_name": "Bare", "theme": {"name": "material", "font": False}, "plugins": ["search"],
          "markdown_extensions": extensions}
(out / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
"""


def timed(arguments: list[str], cwd: Path, source: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(source), "SOURCE_DATE_EPOCH": "0"}
    start = time.perf_counter()
    subprocess.run(arguments, cwd=cwd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def site_facts(site: Path) -> dict[str, float]:
    files = [path for path in site.rglob("*") if path.is_file()]
    images = json.loads((site / ".archdoc-manifest.json").read_text(encoding="utf-8"))["images"]
    return {"pages": sum(1 for path in files if path.suffix == ".html"), "images": len(images),
            "svg": sum(1 for path in images if path.endswith(".svg")),
            "mb": sum(path.stat().st_size for path in files) / 1e6,
            "image_mb": sum((site / path).stat().st_size for path in images) / 1e6}


def measure(project: Path, source: Path, runs: int, png: bool) -> dict[str, float]:
    """Median cold, warm and bare seconds; the site's pages, images and megabytes."""
    command = [sys.executable, "-m", "archdoc", "build", "-q", "--png" if png else "--no-png"]
    if not png and not _has_option(source, "--no-png"):
        command = command[:-1]  # an archdoc from before --png: it publishes SVG and PNG
    cold, warm = [], []
    for run in range(runs):
        cold.append(timed([*command, "--out", f"site-{run}"], project, source))
        warm.append(timed([*command, "--out", f"site-{run}"], project, source))
    bare_project = project.parent / f"{project.name}-bare"
    (bare_project / "docs").mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-c", BARE_PROJECT, str(project / "models"), str(bare_project)], check=True,
                   env={**os.environ, "PYTHONPATH": str(source)})
    bare = [timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", f"site-{run}"], bare_project, source)
            for run in range(runs)]
    facts = site_facts(project / "site-0")
    bare_files = [path for path in (bare_project / "site-0").rglob("*") if path.is_file()]
    return {**facts, "cold": statistics.median(cold), "warm": statistics.median(warm),
            "bare": statistics.median(bare), "bare_mb": sum(path.stat().st_size for path in bare_files) / 1e6}


def _has_option(source: Path, option: str) -> bool:
    return option in (source / "archdoc" / "cli" / "site_commands.py").read_text(encoding="utf-8")


def gallery(root: Path) -> Path:
    project = root / "gallery"
    shutil.copytree(REPO / "models", project / "models")
    if (REPO / "infra").is_dir():  # the models that name infrastructure code read ../infra
        shutil.copytree(REPO / "infra", project / "infra")
    return project


def synthetic(root: Path) -> Path:
    project = root / "synthetic"
    (project / "models").mkdir(parents=True)
    for number in range(SYNTHETIC_MODELS):
        text = synthetic_model(SYNTHETIC_ELEMENTS, seed=number, model_id=f"synthetic-{number:03}")
        (project / "models" / f"synthetic-{number:03}.yaml").write_text(text, encoding="utf-8")
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", type=Path, default=REPO, help="the archdoc tree to time (default: this one)")
    parser.add_argument("--png", action="store_true", help="build with --png (PNG beside every SVG)")
    parser.add_argument("--only", choices=("gallery", "synthetic"))
    args = parser.parse_args()
    print("| project | models | pages | images (SVG) | site size (bare) | images | cold build | warm build "
          "| bare `mkdocs build` | cold / bare | warm / bare |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in (("gallery", gallery), ("synthetic", synthetic)):
            if args.only not in (None, name):
                continue
            project = make(Path(folder))
            models = len(list((project / "models").glob("*.yaml")))
            m = measure(project, args.source.resolve(), args.runs, args.png)
            print(f"| {name} | {models} | {m['pages']:.0f} | {m['images']:.0f} ({m['svg']:.0f}) | {m['mb']:.1f} MB "
                  f"({m['bare_mb']:.1f} MB) | {m['image_mb']:.1f} MB | {m['cold']:.1f} s | {m['warm']:.1f} s | "
                  f"{m['bare']:.1f} s | {m['cold'] / m['bare']:.2f} | {m['warm'] / m['bare']:.2f} |", flush=True)


if __name__ == "__main__":
    main()
