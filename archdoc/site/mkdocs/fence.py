"""The ```mermaid fence: escaped diagram text in a <pre> that archdoc's own script hands to the pinned Mermaid."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from mkdocs.plugins import get_plugin_logger

from archdoc.render.mermaid.limits import MAX_TEXT, text_size

log = get_plugin_logger(__name__)

# Not Material's `mermaid` class: Material loads Mermaid from a CDN for any `pre.mermaid`.
MERMAID_CLASS = "archdoc-mermaid"


def mermaid_fence(source: str, language: str, class_name: str, options: Mapping[str, Any], md: Any,
                  expected_nodes: Mapping[str, int] | None = None, **kwargs: Any) -> str:
    """A SuperFences formatter; `expected_nodes` maps diagram text to the node count of its slice."""
    if text_size(source) > MAX_TEXT:  # Mermaid would silently draw a placeholder instead
        log.warning("a Mermaid diagram of %d characters exceeds Mermaid's limit of %d and would not be "
                    "drawn; split the view", text_size(source), MAX_TEXT)
    count = (expected_nodes or {}).get(source.strip())
    nodes = f' data-archdoc-nodes="{count}"' if count is not None else ""
    # Escaped text: Mermaid reads the element's innerHTML through its entity decoder, so the
    # diagram text arrives intact while no tag in it ever reaches the page.
    return f'<pre class="{MERMAID_CLASS}"{nodes}>{html.escape(source, quote=False)}</pre>'
