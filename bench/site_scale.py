"""The site of one large model: build time, the heaviest page, and how fast a browser opens it.

    python bench/site_scale.py                  # 1,000 / 2,000 / 10,000 elements, a Markdown table
    python bench/site_scale.py 2000             # one size

For each size, `bench/generate.py` writes one model (Well-Architected pack off, so that the
figures are the site's, not the rules'). Measured, in one run:

- `archdoc build -q`, cold: wall seconds and CPU seconds of the process and its children;
- its floor: a bare `mkdocs build` (Material, its search plugin, the same Markdown extensions)
  of the very Markdown pages archdoc generated, without archdoc's plugin, images or assets;
- the heaviest HTML page, the site's page count and size;
- that page in headless Chromium (Debian's `chromium`, through Playwright), served over HTTP
  on 127.0.0.1: DOMContentLoaded and load (median of 3 fresh pages) and its DOM node count
  (after load: Mermaid's drawings included); the model's own page the same way.
"""

from __future__ import annotations

import functools
import http.server
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import synthetic_model  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SIZES = (1_000, 2_000, 10_000)
BROWSER_RUNS = 3
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
TIMING = """() => { const n = performance.getEntriesByType('navigation')[0];
  return [n.domContentLoadedEventEnd, n.loadEventEnd, document.getElementsByTagName('*').length]; }"""


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, children included) of one command."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bare_project(project: Path, floor: Path) -> None:
    """The Markdown archdoc generated for `project`, as a plain MkDocs project with no archdoc in it."""
    sys.path.insert(0, str(REPO))
    from archdoc.pipeline import load_and_lint
    from archdoc.site.mkdocs.config import MARKDOWN_EXTENSIONS
    from archdoc.site.pages import plan_site

    result, report = load_and_lint([project / "models"])
    plan = plan_site(result.models, report)
    for path, markdown in plan.pages.items():
        target = floor / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    extensions = "\n".join(f"  - {name}" for name in MARKDOWN_EXTENSIONS)
    (floor / "mkdocs.yml").write_text(f"site_name: floor\ntheme:\n  name: material\n  font: false\nplugins:\n"
                                      f"  - search\nmarkdown_extensions:\n{extensions}\n", encoding="utf-8")


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def browser_timing(url: str) -> tuple[float, float, int]:
    """Median DOMContentLoaded and load (ms) over fresh pages, and the DOM's element count."""
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("ARCHDOC_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    readings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for _ in range(BROWSER_RUNS):
            page = browser.new_context().new_page()
            page.goto(url, wait_until="load", timeout=300_000)
            readings.append(page.evaluate(TIMING))
            page.context.close()
        browser.close()
    return (statistics.median(r[0] for r in readings), statistics.median(r[1] for r in readings),
            int(readings[0][2]))


def measure(size: int, root: Path) -> str:
    project = root / f"site-{size}"
    (project / "models").mkdir(parents=True)
    (project / "models" / "big.yaml").write_text(synthetic_model(size, well_architected=False), encoding="utf-8")
    wall, cpu = timed([sys.executable, "-m", "archdoc", "build", "-q", "--out", "site"], project)
    floor = root / f"floor-{size}"
    bare_project(project, floor)
    floor_wall, floor_cpu = timed([sys.executable, "-m", "mkdocs", "build", "-q"], floor)
    site = project / "site"
    pages = list(site.rglob("*.html"))
    heaviest = max(pages, key=lambda path: path.stat().st_size)
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    relative = heaviest.relative_to(site).as_posix().removesuffix("index.html")
    model_page = f"models/synthetic-{size}/"
    with served(site) as base:
        loaded, load, nodes = browser_timing(base + relative)
        model_loaded, _, _ = browser_timing(base + model_page)
    model_bytes = (site / model_page / "index.html").stat().st_size
    return (f"| {size:,} | {wall:.1f} s | {cpu:.1f} s | {cpu / size * 1000:.2f} s | {floor_cpu:.1f} s | "
            f"{cpu / floor_cpu:.2f}x | {len(pages)} | {total / 1e6:.1f} MB | `{relative}` | "
            f"{heaviest.stat().st_size / 1e6:.2f} MB | {nodes:,} | {loaded:,.0f} ms | {load:,.0f} ms | "
            f"{model_bytes / 1e6:.2f} MB, {model_loaded:,.0f} ms |")


def main() -> None:
    sizes = [int(argument) for argument in sys.argv[1:]] or list(SIZES)
    print(f"Load average at the start: {', '.join(f'{load:.1f}' for load in os.getloadavg())} (2 cores)\n")
    print("| elements | build (wall) | build (CPU) | CPU per 1,000 elements | bare `mkdocs build` (CPU) | ratio "
          "| pages | site | heaviest page | its size | DOM elements | DOMContentLoaded | load "
          "| model page: size, DOMContentLoaded |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            print(measure(size, Path(folder)), flush=True)


if __name__ == "__main__":
    main()
