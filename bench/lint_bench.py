"""Times the whole `archdoc lint` process on synthetic models of 1,000 / 10,000 / 50,000 elements.

    python bench/lint_bench.py            # prints a Markdown table for bench/README.md
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import synthetic_model  # noqa: E402

OUT = Path(__file__).resolve().parent / "out" / "lint"
SIZES = (1_000, 10_000, 50_000)


def time_lint(path: Path, runs: int = 3) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "archdoc", "lint", str(path)], capture_output=True, check=False)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    print("| elements | relations | file size | `archdoc lint` (median of 3) | per 1,000 elements |")
    print("|---:|---:|---:|---:|---:|")
    for size in SIZES:
        folder = OUT / str(size)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"synthetic-{size}.yaml"
        text = synthetic_model(size)
        path.write_text(text, encoding="utf-8")
        relations = text.count(" -> ")
        seconds = time_lint(folder)
        print(f"| {size:,} | {relations:,} | {len(text.encode()) / 1e6:.1f} MB | {seconds:.2f} s | "
              f"{seconds / size * 1000:.3f} s |")


if __name__ == "__main__":
    main()
