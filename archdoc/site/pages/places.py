"""Where each element's entry is published: on its model's page, or beyond SPLIT_ABOVE elements on pages of its own.

A large model's entries go on pages per layer (per top-level group when it has no layers),
`models/<id>/elements/<layer>.md`, cut into parts of PAGE_SIZE (`<layer>-2.md`, ...), so that
no page of the site outgrows a browser. Also how a page's links are written: Markdown links
name the `.md` file (MkDocs checks and rewrites them), raw HTML links must be the final URL.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass

from archdoc.model import Element, Model
from archdoc.site.pages.text import safe_name

# A browser pays for a page's DOM before DOMContentLoaded (headless Chromium here: about 75 µs per
# HTML element, ~24 per entry, on top of ~0.5 s for Material's own), so a page holds few entries.
SPLIT_ABOVE = 200  # more elements than this: on pages of their own (1,000 on one page made 1.5 MB of HTML)
PAGE_SIZE = 100  # elements per element page at most (about 0.12 MB of HTML, under 1 s to DOMContentLoaded)
NO_LAYER = "_none"  # the page of the elements without a layer: no safe_name starts with `_`


@dataclass(frozen=True)
class EntryPage:
    """One page of element entries: its docs path, what it lists (a layer's or a group's title, and which part)."""

    path: str
    title: str
    anchor: str  # the model page's anchor of this part (`layer-app`, `grp-vpc`, `no-layer`)
    part: int  # 1, 2, ... within its layer or group
    parts: int
    first: int  # the position of its first element within its layer or group, from 1
    elements: tuple[Element, ...]


def model_page_path(model_id: str) -> str:
    """The docs-relative path of a model's page."""
    return f"models/{safe_name(model_id)}.md"


def entry_pages(model: Model) -> tuple[EntryPage, ...]:
    """The element pages of a model, in layer (or group) order; none for a model of SPLIT_ABOVE elements or fewer."""
    if len(model.elements) <= SPLIT_ABOVE:
        return ()
    folder = f"models/{safe_name(model.id)}/elements"
    sections = _sections(model)
    taken = {section[0] for section in sections}  # a part's name must not be a layer's (`app-2`)
    pages: list[EntryPage] = []
    for name, title, anchor, members in sections:
        chunks = [members[start:start + PAGE_SIZE] for start in range(0, len(members), PAGE_SIZE)]
        for part, chunk in enumerate(chunks, start=1):
            page_name = name if part == 1 else _free(f"{name}-{part}", taken)
            pages.append(EntryPage(f"{folder}/{page_name}.md", title, anchor, part, len(chunks),
                                   (part - 1) * PAGE_SIZE + 1, tuple(chunk)))
    return tuple(pages)


def _sections(model: Model) -> list[tuple[str, str, str, list[Element]]]:
    """(file name, title, model page anchor, elements) per layer, or per top-level group without layers."""
    if model.layers:
        by_layer: dict[str | None, list[Element]] = {}
        for element in model.elements:
            by_layer.setdefault(element.layer, []).append(element)
        found = [(safe_name(layer.id), layer.title, f"layer-{layer.id}", by_layer.get(layer.id, []))
                 for layer in model.layers]
        found.append((NO_LAYER, "Without a layer", "no-layer", by_layer.get(None, [])))
        return [section for section in found if section[3]]
    outermost: dict[str | None, list[Element]] = {}
    for element in model.elements:
        chain = model.enclosing(element.group)
        outermost.setdefault(chain[-1].id if chain else None, []).append(element)
    found = [(safe_name(group.id), group.label, f"elements-{group.id}", outermost.get(group.id, []))
             for group in model.groups]
    found.append((NO_LAYER, "Not in a group", "no-group", outermost.get(None, [])))
    return [section for section in found if section[3]]


def _free(name: str, taken: set[str]) -> str:
    """`name`, or `name-b`, `name-c`... when a layer or another part already has it (a layer called `app-2`)."""
    candidate, suffix = name, 0
    while candidate in taken:
        suffix += 1
        candidate = f"{name}-{suffix}"
    taken.add(candidate)
    return candidate


# --- links between pages ---------------------------------------------------------------

def markdown_href(from_page: str, to_page: str, anchor: str = "") -> str:
    """A Markdown link target from one docs page to another (`.md`, MkDocs rewrites it), or `#anchor` on the same."""
    fragment = f"#{anchor}" if anchor else ""
    if from_page == to_page:
        return fragment
    return _relative_markdown(from_page, to_page) + fragment


@functools.lru_cache(maxsize=4096)  # a page links to a few other pages, thousands of times
def _relative_markdown(from_page: str, to_page: str) -> str:
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def page_url(path: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a docs file, relative to the site root (`models/x.md` -> `models/x/`)."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if posixpath.basename(stem) in ("index", "README"):
        return posixpath.dirname(stem) + "/" if posixpath.dirname(stem) else ""
    return f"{stem}/" if directory_urls else f"{stem}.html"


def html_href(from_page: str, to_path: str, anchor: str = "", directory_urls: bool = True) -> str:
    """A raw HTML link target from one docs page to a page or file: MkDocs leaves raw HTML as written."""
    fragment = f"#{anchor}" if anchor else ""
    if from_page == to_path:
        return fragment
    return _relative_url(from_page, to_path, directory_urls) + fragment


@functools.lru_cache(maxsize=4096)
def _relative_url(from_page: str, to_path: str, directory_urls: bool) -> str:
    base = page_url(from_page, directory_urls)
    target = page_url(to_path, directory_urls)
    base_folder = base if base.endswith("/") or not base else posixpath.dirname(base)
    relative = posixpath.relpath(target or ".", base_folder.rstrip("/") or ".")
    if target.endswith("/") or not target:
        relative = "./" if relative == "." else relative + "/"
    return relative
