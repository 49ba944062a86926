"""Design review: what a change does to the models (`archdoc diff`), and the finding identity baselines share.

- `diff_models` (compare.py): models matched by id, items by id, relations by identity.
- `finding_identity` (identity.py): a finding without its positions.
- `summary_line`, `format_text`, `format_json` (report.py), `format_markdown` (markdown.py).
- `change_picture` (picture.py), drawn by `change_flowchart` (mermaid.py) and `change_svg` (image.py).
- `read_version` (sources.py): a file, a folder, or a git revision read without checking it out.
"""

from archdoc.diff.compare import Diff, ModelDiff, diff_models
from archdoc.diff.identity import FindingIdentity, finding_identity, without_positions
from archdoc.diff.markdown import format_markdown
from archdoc.diff.mermaid import change_flowchart
from archdoc.diff.picture import ChangePicture, change_picture
from archdoc.diff.report import format_json, format_text, json_document, summary_line
from archdoc.diff.sources import SourceError, Version, read_version

__all__ = [
    "ChangePicture", "Diff", "FindingIdentity", "ModelDiff", "SourceError", "Version", "change_flowchart",
    "change_picture", "diff_models", "finding_identity", "format_json", "format_markdown", "format_text",
    "json_document", "read_version", "summary_line", "without_positions",
]
