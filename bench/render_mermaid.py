"""Times Mermaid text generation on views of a synthetic 500-element model.

    python bench/render_mermaid.py        # prints a Markdown table for bench/README.md

The model comes from bench/generate.py (7 layers, 3 relations per element, region > VPC >
10 subnets of 50 elements). The 500-element view is over Mermaid's limits and is drawn
collapsed; the 150-element view (three subnets) is drawn whole. Loading is not timed. The
last column is what a reader's browser then pays: the pinned Mermaid drawing the text in
headless Chromium (securityLevel strict), one run.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import synthetic_model  # noqa: E402

from archdoc.graph import ModelGraph, build_graph  # noqa: E402
from archdoc.load import load_paths  # noqa: E402
from archdoc.model import View  # noqa: E402
from archdoc.render.mermaid import flowchart, text_size  # noqa: E402
from archdoc.render.views import slice_view  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
MERMAID_JS = REPO / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
CHROMIUM = "/usr/bin/chromium"
ELEMENTS = 500
RUNS = 7
EXTRA_VIEWS = "  - {id: three-subnets, include: ['in:subnet0', 'in:subnet1', 'in:subnet2']}\n"


def load(text: str) -> ModelGraph:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "models" / "synthetic.yaml"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        result = load_paths([path.parent])
    (model,) = result.models
    return build_graph(model)


def median_seconds(action, runs: int = RUNS) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def browser_seconds(text: str) -> float:
    """Seconds the pinned Mermaid takes to draw `text` in headless Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(path=str(MERMAID_JS))
        seconds = page.evaluate("""async (text) => {
            mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
            const start = performance.now();
            await mermaid.render('bench', text);
            return (performance.now() - start) / 1000;
        }""", text)
        browser.close()
    return float(seconds)


def row(graph: ModelGraph, view: View) -> str:
    view_slice = slice_view(graph, view)
    slicing = median_seconds(lambda: slice_view(graph, view))
    drawing = median_seconds(lambda: flowchart(view_slice, span=view.span))
    diagram = flowchart(view_slice, span=view.span)
    elements = len(view_slice.boxes)
    drawn = "collapsed (what archdoc draws)" if diagram.slice.collapsed else "as is"
    return (f"| {elements} elements, {len(view_slice.edges):,} relations | {drawn} | {diagram.node_count} | "
            f"{diagram.edge_count} | {text_size(diagram.text):,} | {slicing * 1000:.1f} ms | "
            f"{drawing * 1000:.1f} ms | {drawing / elements * 1e6:.0f} µs | "
            f"{browser_seconds(diagram.text):.2f} s |")


def main() -> None:
    text = synthetic_model(ELEMENTS).replace("views:\n", "views:\n" + EXTRA_VIEWS, 1)
    graph = load(text)
    views = {view.id: view for view in graph.model.views}
    print("| view | drawn | boxes | arrows | characters | `slice_view` | `flowchart` (median of 7) "
          "| `flowchart` per element | Mermaid in Chromium |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for view_id in ("three-subnets", "everything"):
        print(row(graph, views[view_id]))


if __name__ == "__main__":
    main()
