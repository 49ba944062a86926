"""Times `archdoc build`, cold (fresh output folder) and warm (nothing changed), on the gallery and 100 models.

    python bench/build_site.py          # prints a Markdown table for bench/README.md

The gallery is models/ (21 models); the synthetic project is 100 of bench/generate.py's
models of 30 elements (two views each). Whole process, median of 3 runs each.
"""

from __future__ import annotations

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
RUNS = 3
SYNTHETIC_MODELS = 100
SYNTHETIC_ELEMENTS = 30


def build(project: Path, out: str) -> float:
    """Seconds for one `archdoc build -q` in `project`."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "archdoc", "build", "-q", "--out", out], cwd=project, check=True, env=env)
    return time.perf_counter() - start


def measure(project: Path) -> tuple[float, float, dict[str, int]]:
    """Median cold and warm seconds, and the site's page, image and byte counts."""
    cold, warm = [], []
    for run in range(RUNS):
        out = f"site-{run}"
        cold.append(build(project, out))
        warm.append(build(project, out))
    site = project / "site-0"
    files = [path for path in site.rglob("*") if path.is_file()]
    images = json.loads((site / ".archdoc-manifest.json").read_text(encoding="utf-8"))["images"]
    sizes = {"pages": sum(1 for path in files if path.suffix == ".html"), "images": len(images),
             "bytes": sum(path.stat().st_size for path in files)}
    return statistics.median(cold), statistics.median(warm), sizes


def gallery(root: Path) -> Path:
    project = root / "gallery"
    shutil.copytree(REPO / "models", project / "models")
    return project


def synthetic(root: Path) -> Path:
    project = root / "synthetic"
    (project / "models").mkdir(parents=True)
    for number in range(SYNTHETIC_MODELS):
        text = synthetic_model(SYNTHETIC_ELEMENTS, seed=number, model_id=f"synthetic-{number:03}")
        (project / "models" / f"synthetic-{number:03}.yaml").write_text(text, encoding="utf-8")
    return project


def main() -> None:
    print("| project | models | pages | images | site size | cold build | warm build (nothing changed) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in (("gallery (models/)", gallery), ("synthetic", synthetic)):
            project = make(Path(folder))
            models = len(list((project / "models").glob("*.yaml")))
            cold, warm, sizes = measure(project)
            print(f"| {name} | {models} | {sizes['pages']} | {sizes['images']} | {sizes['bytes'] / 1e6:.1f} MB | "
                  f"{cold:.1f} s | {warm:.1f} s |")


if __name__ == "__main__":
    main()
