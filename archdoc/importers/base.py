"""What every importer returns, and the helpers they share: ids, labels, located source text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from archdoc.load.draft import DraftModel
from archdoc.model import Problem


@dataclass
class ImportResult:
    draft: DraftModel
    problems: list[Problem] = field(default_factory=list)
