"""Design review: what a change does to the models (`archdoc diff`), and the finding identity baselines share.

- `diff_models` (compare.py): models matched by id, items by id, relations by identity.
- `finding_identity` (identity.py): a finding without its positions.
- `summary_line`, `format_text`, `format_json` (report.py), `format_markdown` (markdown.py).
- `change_picture` (picture.py), drawn by `change_flowchart` (mermaid.py) and `change_svg` (image.py).
- `read_version` (sources.py): a file, a folder, or a git revision read without checking it out.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archdoc.diff.compare import Diff, ModelDiff, diff_models
    from archdoc.diff.identity import FindingIdentity, finding_identity, without_positions
    from archdoc.diff.markdown import format_markdown
    from archdoc.diff.mermaid import change_flowchart
    from archdoc.diff.picture import ChangePicture, change_picture
    from archdoc.diff.report import format_json, format_text, json_document, summary_line
    from archdoc.diff.sources import SourceError, Version, read_version

# Each name loads its module on first use: `archdoc lint` needs only the finding identity
# (identity.py) for its reports, not the comparison, the pictures or git.
_EXPORTS = {
    "Diff": "compare", "ModelDiff": "compare", "diff_models": "compare",
    "FindingIdentity": "identity", "finding_identity": "identity", "without_positions": "identity",
    "format_markdown": "markdown", "change_flowchart": "mermaid", "ChangePicture": "picture",
    "change_picture": "picture", "format_json": "report", "format_text": "report", "json_document": "report",
    "summary_line": "report", "SourceError": "sources", "Version": "sources", "read_version": "sources",
}

__all__ = [
    "ChangePicture", "Diff", "FindingIdentity", "ModelDiff", "SourceError", "Version", "change_flowchart",
    "change_picture", "diff_models", "finding_identity", "format_json", "format_markdown", "format_text",
    "json_document", "read_version", "summary_line", "without_positions",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'archdoc.diff' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"archdoc.diff.{module}"), name)
    globals()[name] = value
    return value
