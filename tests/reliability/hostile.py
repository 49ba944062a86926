"""Running archdoc as a user would, bounded in time and memory, and the projects the corpus generates."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

TIME_LIMIT = 120  # seconds for one command; a hang fails the case instead of the suite
MEMORY_LIMIT = 3 * 1024 ** 3  # address space: a runaway allocation fails the case, not the machine
# Characters that must never reach a terminal raw: C0 controls but tab and newline, DEL, C1, bidi controls.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FINDING_LINE = re.compile(r"^\S.*:\d+:\d+: (error|warning|info) AD\d{3} ")


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_bounded(cwd: Path, args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m archdoc ARGS` in `cwd` under the time and memory limits; output as text."""
    environment = {**os.environ, **(env or {})}
    environment.pop("ARCHDOC_PAUSE_AT", None)
    return subprocess.run([sys.executable, "-m", "archdoc", *args], cwd=cwd, capture_output=True, text=True,
                          errors="surrogateescape", timeout=TIME_LIMIT, preexec_fn=_bounded, env=environment)


def write_models(project: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = project / "models" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _group_chain(depth: int) -> str:
    lines = [f"elements: [{{id: e, in: g{depth}}}]", "groups:", "  - {id: g1}"]
    lines += [f"  - {{id: g{level}, in: g{level - 1}}}" for level in range(2, depth + 1)]
    return "\n".join(lines) + "\n"


def _include_chain(project: Path, length: int) -> None:
    files = {"m.yaml": "include: [_f1.yaml]\nelements: [{id: a}]\n"}
    for number in range(1, length):
        files[f"_f{number}.yaml"] = f"include: [_f{number + 1}.yaml]\nelements: [{{id: e{number}}}]\n"
    files[f"_f{length}.yaml"] = "elements: [{id: last}]\n"
    write_models(project, files)


def _deep_folders(project: Path) -> None:
    """models/d/d/.../d/m.yaml, 1,100 folders deep, made without recursion (os.makedirs recurses)."""
    path = str(project / "models")
    os.mkdir(path)
    for _ in range(1100):
        path = os.path.join(path, "d")
        os.mkdir(path)
    Path(path, "m.yaml").write_text("elements: [{id: a}]\n", encoding="utf-8")


def remove_deep(folder: Path) -> None:
    """Remove a folder tree of any depth bottom up (shutil.rmtree recurses once per level)."""
    stack, order = [str(folder)], []
    while stack:
        current = stack.pop()
        order.append(current)
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    os.unlink(entry.path)
    for current in reversed(order):
        os.rmdir(current)


def _symlink_loop(project: Path) -> None:
    write_models(project, {"m.yaml": "include: [_loop.yaml]\nelements: [{id: a}]\n"})
    os.symlink("_loop2.yaml", project / "models" / "_loop.yaml")
    os.symlink("_loop.yaml", project / "models" / "_loop2.yaml")


PLAIN = "elements:\n  - {id: a}\n  - {id: b}\nrelations:\n  - a -> b\n"

GENERATORS: dict[str, Callable[[Path], None]] = {
    "fifo-model": lambda project: (write_models(project, {"m.yaml": PLAIN}),
                                   os.mkfifo(project / "models" / "pipe.yaml")) and None,
    "fifo-output": lambda project: (write_models(project, {"m.yaml": PLAIN}), os.mkfifo(project / "out.fifo")) and None,
    "deep-folders": _deep_folders,
    "group-chain-1100": lambda project: write_models(project, {"m.yaml": _group_chain(1100)}),
    "group-chain-32": lambda project: write_models(project, {"m.yaml": _group_chain(32)}),
    "include-chain-300": lambda project: _include_chain(project, 300),
    "include-chain-64": lambda project: _include_chain(project, 63),
    "include-symlink-loop": _symlink_loop,
    "empty-models": lambda project: (project / "models").mkdir(),
    "only-fragments": lambda project: write_models(project, {"_part.yaml": "elements: [{id: a}]\n"}),
    "a-file": lambda project: (project / "a-file").write_text("not a folder\n"),
    "secret-file": lambda project: [(folder / "secret.txt").write_text("TOPSECRET-1234\n")
                                    for folder in (project, project / "docs")] and None,
    "newline-file-name": lambda project: write_models(
        project, {"bad\nmodels/x.yaml:1:1: error AD996 forged.yaml": "elements: [{id: 1bad}]\n"}),
}
