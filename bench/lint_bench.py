"""`archdoc lint` against its floor, in one run: start-up, 1,000 to 200,000 elements, and 500 files.

    python bench/lint_bench.py              # prints Markdown tables for bench/README.md
    python bench/lint_bench.py --quick      # 1 run each, no 200,000 and no 500 files
    python bench/lint_bench.py --pure       # archdoc's pure-Python loader (ARCHDOC_PURE_PYTHON=1)

Every figure is CPU time (user + system) of a child process and of the workers it forks and
waits for (`archdoc lint` of many models lints them on every core), read from the kernel by
`os.wait4`, the median of several runs, so that other jobs on a shared machine move it
little; the floor is measured in the same run and the ratios are what to compare. The
wall-clock time is shown beside it (CPU over wall above 1: more than one core was used).
archdoc is byte-compiled first, as an installed package is (a `PYTHONDONTWRITEBYTECODE`
environment would otherwise compile every changed module at each start):

- start-up: `python -c "import yaml"`;
- a model: PyYAML's C event stream over the same files (`yaml.parse` with `CSafeLoader`,
  marks included), in a process of its own, interpreter start-up included on both sides.

Each run of archdoc follows a run of its floor (they alternate), so that both see the same load on a
shared machine. The machine's load average is printed with the tables. A run stopped by the CPU
limit is shown as `> N s`.
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import included_model, synthetic_model  # noqa: E402

OUT = Path(__file__).resolve().parent / "out" / "lint"
ROOT = Path(__file__).resolve().parent.parent
EVENTS = ("import sys, yaml\n"
          "for path in sys.argv[1:]:\n"
          "    with open(path, encoding='utf-8') as f:\n"
          "        for _ in yaml.parse(f.read(), Loader=yaml.CSafeLoader): pass\n")
CPU_LIMIT = 60  # seconds of CPU a single lint run may take
ENV: dict[str, str] = {}  # set for archdoc's runs: ARCHDOC_PURE_PYTHON with --pure


def alternated(floor: list[str], command: list[str], runs: int) -> tuple[float, float | None, float, float]:
    """The floor's median CPU seconds, then the command's (None when a run hit the limit), its median wall
    seconds and peak MB, over `runs` runs of each that alternate, so that both meet the same load.

    `os.wait4` reports the child with every descendant it waited for (the lint workers are joined).
    The peak is the largest resident set of any one process of the tree."""
    floors: list[float] = []
    seconds: list[float] = []
    walls: list[float] = []
    peak = 0.0
    stopped = False
    for _ in range(runs):
        floors.append(_run(floor)[1])
        if stopped:
            continue
        stopped, used, wall, largest = _run(command)
        walls.append(wall)
        peak = max(peak, largest / 1024)
        seconds.append(used)
    return statistics.median(floors), None if stopped else statistics.median(seconds), statistics.median(walls), peak


# Children are started by a small launcher started first: a child's peak resident set counts the pages of
# the process that forked it until it execs, and this one holds every generated model.
LAUNCHER = ("import json, os, resource, subprocess, sys, time\n"
            "for line in sys.stdin:\n"
            "    command, cwd, limit, env = json.loads(line)\n"
            "    start = time.perf_counter()\n"
            "    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd,\n"
            "                             env={**os.environ, **env})\n"
            "    resource.prlimit(child.pid, resource.RLIMIT_CPU, (limit, limit + 5))\n"
            "    _, status, usage = os.wait4(child.pid, 0)\n"
            "    print(json.dumps([os.WIFSIGNALED(status), usage.ru_utime + usage.ru_stime, "
            "time.perf_counter() - start, usage.ru_maxrss]), flush=True)\n")
_launcher: list[subprocess.Popen[str]] = []


def _run(command: list[str]) -> tuple[bool, float, float, float]:
    """(stopped by the CPU limit, CPU seconds, wall seconds, peak resident KB) of one run."""
    if not _launcher:
        _launcher.append(subprocess.Popen([sys.executable, "-c", LAUNCHER], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, text=True))
    launcher = _launcher[0]
    assert launcher.stdin is not None and launcher.stdout is not None
    launcher.stdin.write(json.dumps([command, str(ROOT), CPU_LIMIT, ENV]) + "\n")
    launcher.stdin.flush()
    stopped, used, wall, largest = json.loads(launcher.stdout.readline())
    return bool(stopped), float(used), float(wall), float(largest)


def lint(folder: Path) -> list[str]:
    return [sys.executable, "-m", "archdoc", "lint", str(folder)]


def events(files: list[Path]) -> list[str]:
    return [sys.executable, "-c", EVENTS, *map(str, files)]


def write(folder: Path, files: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yaml"):
        old.unlink()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.glob("*.yaml"))


def cases(quick: bool, well_architected: bool) -> list[tuple[str, int, dict[str, str]]]:
    """(what, elements, files) for each measured case."""
    found = [(f"{size:,} elements, one file", size,
              {f"synthetic-{size}.yaml": synthetic_model(size, well_architected=well_architected)})
             for size in (1_000, 10_000, 50_000)]
    if not quick:
        found.append(("200,000 elements, four included files", 200_000, included_model(200_000, 4, well_architected)))
        many = {f"m{n:03}.yaml": synthetic_model(100, seed=n, model_id=f"m{n:03}", well_architected=well_architected)
                for n in range(500)}
        found.append(("500 files of 100 elements", 50_000, many))
    return found


def shown(seconds: float | None) -> str:
    return f"> {CPU_LIMIT} s" if seconds is None else f"{seconds:.2f} s"


def main() -> None:
    quick = "--quick" in sys.argv
    if "--pure" in sys.argv:
        ENV["ARCHDOC_PURE_PYTHON"] = "1"
    runs = 1 if quick else 3
    compileall.compile_dir(ROOT / "archdoc", quiet=1)
    _run([sys.executable, "-c", "pass"])  # the launcher starts while this process is small
    print(f"Load average at the start: {', '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"({os.cpu_count()} cores); CPU time, median of {runs} runs; "
          f"{'pure-Python loader' if ENV else 'compiled loader'}.\n")
    small = write(OUT / "start-up", {"synthetic-50.yaml": synthetic_model(50)})  # not "50": the 50,000 case
    import_yaml, startup, _, startup_peak = alternated([sys.executable, "-c", "import yaml"], lint(small[0].parent), 9)
    assert startup is not None
    print("| what | `archdoc lint` | floor: `python -c \"import yaml\"` | ratio | peak memory |")
    print("|---|---:|---:|---:|---:|")
    print(f"| 50 elements (start-up) | {startup:.3f} s | {import_yaml:.3f} s | {startup / import_yaml:.1f}x | "
          f"{startup_peak:.0f} MB |")
    for well_architected in (False, True):
        packs = "every default pack" if well_architected else "the Well-Architected pack off"
        print(f"\n`archdoc lint` with {packs}:\n")
        print("| case | size | event stream (floor) | `archdoc lint` | ratio | per 1,000 elements | wall (CPU/wall) "
              "| peak memory |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        measured: dict[str, float | None] = {}
        for what, elements, files in cases(quick, well_architected):
            folder = OUT / what.split(",")[0].replace(" ", "-")
            paths = write(folder, files)
            size = sum(path.stat().st_size for path in paths) / 1e6
            stream, seconds, wall, peak = alternated(events(paths), lint(folder), 1 if elements >= 200_000 else runs)
            measured[what] = seconds
            ratio = "—" if seconds is None else f"{seconds / stream:.2f}x"
            per = "—" if seconds is None else f"{seconds / elements * 1000:.3f} s"
            cores = "" if seconds is None else f" ({seconds / wall:.2f})"
            print(f"| {what} | {size:.1f} MB | {stream:.2f} s | {shown(seconds)} | {ratio} | {per} | "
                  f"{wall:.2f} s{cores} | {peak:.0f} MB |")
        many, one = measured.get("500 files of 100 elements"), measured.get("50,000 elements, one file")
        if many is not None and one is not None:
            print(f"\n500 files of 100 elements cost {many / one:.2f}x one file of 50,000 elements (CPU).")


if __name__ == "__main__":
    main()
