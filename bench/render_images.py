"""Times SVG and PNG images of 100-, 300- and 500-element views of a synthetic 500-element model.

    python bench/render_images.py          # prints a Markdown table for bench/README.md

The model is bench/generate.py's (7 layers, 3 relations per element, region > VPC > 10
subnets of 50 elements). Views of 100 and 300 elements take 2 and 6 of the subnets; the
500-element view is timed both as it is and as `prepare_image_slice` draws it (collapsed).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import synthetic_model  # noqa: E402

from archdoc.graph import build_graph  # noqa: E402
from archdoc.load import load_paths  # noqa: E402
from archdoc.render.images import prepare_image_slice, render_image  # noqa: E402
from archdoc.render.views import ViewSlice, slice_view  # noqa: E402

ELEMENTS = 500
VIEWS = {  # view id -> subnets it includes (50 elements each)
    "v100": 2,
    "v300": 6,
    "v500": 10,
}


def model_text() -> str:
    """The synthetic model with one view per size."""
    views = "".join(
        f"  - {{id: {view_id}, include: [{', '.join(f'in:subnet{s}' for s in range(subnets))}]}}\n"
        for view_id, subnets in VIEWS.items())
    return synthetic_model(ELEMENTS, model_id="images-bench").replace("views:\n", "views:\n" + views, 1)


def time_render(view_slice: ViewSlice, fmt: str, out: Path, runs: int) -> tuple[float, int]:
    """Median seconds of `runs` renders, and the output's size in bytes."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        path = render_image(view_slice, fmt, out / f"{view_slice.id}-{len(view_slice.boxes)}.{fmt}", timeout=600)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), path.stat().st_size


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        source = out / "models" / "images-bench.yaml"
        source.parent.mkdir()
        source.write_text(model_text(), encoding="utf-8")
        model = load_paths([source]).models[0]
        graph = build_graph(model)
        slices = {view.id: slice_view(graph, view) for view in model.views if view.id in VIEWS}
        cases = [(slices["v100"], "as is", 3), (slices["v300"], "as is", 3), (slices["v500"], "as is", 1),
                 (prepare_image_slice(slices["v500"])[0], "collapsed", 3)]
        print("| view | drawn | boxes | edges | SVG | PNG | SVG per element | PNG per element | SVG size |")
        print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
        for view_slice, drawn, runs in cases:
            elements = sum(box.count for box in view_slice.boxes)
            svg, svg_size = time_render(view_slice, "svg", out, runs)
            png, _ = time_render(view_slice, "png", out, runs)
            print(f"| {elements} elements | {drawn} | {len(view_slice.boxes)} | {len(view_slice.edges)} | "
                  f"{svg:.2f} s | {png:.2f} s | {svg / elements * 1000:.1f} ms | {png / elements * 1000:.1f} ms | "
                  f"{svg_size / 1e6:.1f} MB |")


if __name__ == "__main__":
    main()
