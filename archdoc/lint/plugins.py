"""Third-party rule packs' entry points, found without importing importlib.metadata when there are none.

`importlib.metadata` (and the email parser it brings) costs about as much as PyYAML to import,
and almost every installation has no rule pack. The installed distributions' entry point
files are looked at first, where `importlib.metadata` itself would find them (the folders
on `sys.path`); only when one of them names the group, or when a path entry or import
finder is of a kind this look cannot read (a zip file, a custom finder), does
`importlib.metadata` answer.
"""

from __future__ import annotations

import os
import sys
from typing import Any


def entry_points_of(group: str) -> list[Any]:
    """The entry points of `group`, as `importlib.metadata.entry_points(group=...)` gives them."""
    if not _may_have(group):
        return []
    from importlib.metadata import entry_points

    return list(entry_points(group=group))


def _may_have(group: str) -> bool:
    header = f"[{group}]"
    for finder in sys.meta_path:
        if hasattr(finder, "find_distributions") and finder.__name__ != "PathFinder":  # type: ignore[attr-defined]
            return True  # a finder with distributions of its own: let importlib.metadata ask it
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return True  # a zip file or an egg: importlib.metadata reads those
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8") as file:
                    if header in file.read():
                        return True
            except (NotADirectoryError, FileNotFoundError):
                continue
            except OSError:
                return True
    return False
