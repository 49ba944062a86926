"""A site without Graphviz: the generated pages lose their images and download links, and say why, once.

`without_images` also takes out the download links of PNGs a build did not ask for.

Without `dot` the images cannot be drawn, but every Mermaid diagram still can: the site is
published with those, each image's place saying it was not drawn, and one warning lists
what was skipped and how to install Graphviz.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Iterable

INSTALL_HINT = "install Graphviz (Debian: apt-get install graphviz; macOS: brew install graphviz) and build again"
NOT_DRAWN = "*Image not drawn: Graphviz is not installed.*"

_ESCAPED_TEXT = r"(?:\\.|[^\]\\\n])*"
_IMAGE = re.compile(rf"!\[{_ESCAPED_TEXT}\]\((?P<target>[^)\s]+)\)(?:\{{ loading=lazy \}})?")
_LINK = re.compile(rf"\[{_ESCAPED_TEXT}\]\((?P<target>[^)\s]+)\)")
_DOWNLOADS = re.compile(r"^(?P<indent>[ \t]*)Download:(?P<links>.*)$", re.MULTILINE)


def without_images(markdown: str, page: str, skipped: Collection[str]) -> str:
    """The page (docs-relative path `page`) with every image and link to a skipped image taken out."""
    if not skipped:
        return markdown

    def is_skipped(target: str) -> bool:
        return posixpath.normpath(posixpath.join(posixpath.dirname(page), target)) in skipped

    def download_line(match: re.Match[str]) -> str:
        links = [link for link in _LINK.finditer(match.group("links")) if not is_skipped(link.group("target"))]
        if len(links) == len(_LINK.findall(match.group("links"))):
            return match.group(0)
        return f"{match.group('indent')}Download: " + " · ".join(link.group(0) for link in links) if links else ""

    markdown = _IMAGE.sub(lambda match: NOT_DRAWN if is_skipped(match.group("target")) else match.group(0), markdown)
    return _DOWNLOADS.sub(download_line, markdown)


def skipped_message(paths: Iterable[str], *, png: bool = False) -> str:
    """The one warning of a build without Graphviz: which images (each an SVG, and a PNG when asked for), per
    model, and what to do."""
    per_model: dict[str, int] = {}
    for path in paths:
        parts = path.split("/")
        model = parts[1] if len(parts) > 2 and parts[0] == "models" else path
        per_model[model] = per_model.get(model, 0) + 1
    total = sum(per_model.values())
    listed = ", ".join(f"{model} ({count})" for model, count in sorted(per_model.items()))
    formats = " (SVG and PNG)" if png else ""
    return (f"Graphviz `dot` was not found: {total} image{'' if total == 1 else 's'}{formats} not drawn, of "
            f"models {listed}; the site has every Mermaid diagram. To draw them, {INSTALL_HINT}")
