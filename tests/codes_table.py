"""The documented codes: archdoc's rule registry (loader, rules, renderers) and the importers' table."""

from __future__ import annotations

import importlib
from functools import lru_cache


@lru_cache(maxsize=1)
def documented_codes() -> frozenset[str]:
    from archdoc.lint import RULES

    codes = set(RULES)
    for module in ("archdoc.load.import_codes", "archdoc.iac.codes"):
        try:
            table = importlib.import_module(module)
        except ImportError:
            continue
        for value in vars(table).values():
            if isinstance(value, dict) and all(isinstance(k, str) and k.startswith("AD") for k in value):
                codes |= set(value)
    return frozenset(codes)
