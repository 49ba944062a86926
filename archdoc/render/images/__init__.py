"""Views as images (SVG, PNG, DOT) drawn the way `diagrams` draws them, with real provider icons, by Graphviz.

archdoc writes the DOT source itself, with `diagrams`' own graph, cluster, node and edge
attributes (read from its classes) and its icon files, and runs `dot` itself, rather
than going through `diagrams.Diagram`. Its API gets in the way of every requirement
here: it names clusters `cluster_<label>` (two groups labelled alike merge, and the
label becomes a DOT identifier), passes labels through python-graphviz's quoting (a
label like `<<TABLE>...<IMG SRC="/etc/passwd"/>...>>` becomes an HTML-like label that
makes `dot` read the file; a trailing backslash breaks the file), names nodes with random
uuids, writes `<name>.dot` beside whatever name it is given and leaves it on failure,
writes absolute icon paths, and runs `dot` with no time limit.

Here every text goes through one escaping function (`escape`), node ids are the slice's
box ids, icons are staged in a temporary folder under stable names and `dot` runs in
Graphviz's safe mode with a time limit, reading standard input; SVGs get their icons
inlined as data: URIs; every output is written atomically. The same slice gives
byte-identical DOT, SVG and PNG.

The DOT format is the source archdoc feeds `dot` (not a laid-out graph): its `image`
attributes name icons by their path under diagrams' `resources` folder with `/` turned
into `-` (`aws-compute-lambda.png`).

`render_image` draws exactly the slice it is given; pass views through
`prepare_image_slice` first, which collapses (or, failing that, cuts) views past
MAX_IMAGE_NODES boxes or MAX_IMAGE_EDGES edges: Graphviz layout time grows faster than
the number of nodes. `image_key` names an image by its content, for caching.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from archdoc import __version__
from archdoc.lint.registry import VIEW_TOO_LARGE_FOR_GRAPHVIZ
from archdoc.model import Problem, Severity, SourceSpan
from archdoc.render.images.dot import DotSource, build_dot, escape
from archdoc.render.images.graphviz import (
    DOT_MISSING,
    DotRuns,
    ImageError,
    dot_executable,
    graphviz_version,
    run_dot,
    self_contained_svg,
    write_atomic,
)
from archdoc.render.images.icons import PILLOW_VERSION
from archdoc.render.views import ViewSlice, collapsed_versions

__all__ = ["DOT_MISSING", "FORMATS", "DotRuns", "ImageError", "MAX_IMAGE_EDGES", "MAX_IMAGE_NODES", "escape",
           "exported_dot", "image_dot", "image_key", "prepare_image_slice", "render_image"]

FORMATS = ("svg", "png", "dot")
# Measured (bench/render_images.py, 2 cores): 300 boxes take 1-3 s as SVG and 2.5-5 s as PNG, 500 boxes
# 20-25 s (orthogonal routing grows about with the cube of the size), so the limit sits at 300.
MAX_IMAGE_NODES = 300
MAX_IMAGE_EDGES = 900


def prepare_image_slice(view_slice: ViewSlice, *, span: SourceSpan | None = None) -> tuple[ViewSlice, list[Problem]]:
    """The slice to draw: as it is when small enough, else collapsed (or cut), with an AD302 warning.

    Groups are collapsed at the deepest level that brings the view under the limits, which
    keeps the most detail; when even the outermost groups are too many, the first boxes
    are drawn. `span` is where the view was written (a slice does not carry it).
    """
    if _fits(view_slice):
        return view_slice, []
    size = f"{len(view_slice.boxes)} elements and {len(view_slice.edges)} relations"
    limit = f"at most {MAX_IMAGE_NODES} elements and {MAX_IMAGE_EDGES} relations"
    collapsed = list(collapsed_versions(view_slice, "one image"))
    drawn = next((candidate for candidate in collapsed if _fits(candidate)), None)
    if drawn is not None:
        how = "its groups are drawn collapsed"
    else:
        drawn = _first_boxes(collapsed[-1] if collapsed else view_slice)
        how = f"only its first {len(drawn.boxes)} boxes are drawn"
    message = (f"view '{view_slice.id}' is too large for a Graphviz image ({size}; {limit}): {how}; "
               "split the view with selectors to see the details")
    return drawn, [Problem(VIEW_TOO_LARGE_FOR_GRAPHVIZ, Severity.WARNING, message, span, view_slice.model_id, None)]


def image_dot(view_slice: ViewSlice) -> str:
    """The DOT source archdoc gives Graphviz for a slice."""
    return _dot_source(view_slice).text


def exported_dot(view_slice: ViewSlice, icon_folder: str) -> DotSource:
    """The DOT source for a file of its own: icons named under `icon_folder`, a path relative to the file,
    so that `dot -Tpng` run beside it draws them once they are copied there (`DotSource.icons`)."""
    return _dot_source(view_slice, icon_folder)


@lru_cache(maxsize=1024)
def _dot_source(view_slice: ViewSlice, icon_folder: str = "") -> DotSource:
    """build_dot, remembered by the slice's value: a site keys every view first and renders those that
    changed next (on other threads, while MkDocs converts pages), as SVG and maybe PNG, and the DOT
    source is the same every time. (Slices are immutable and hashable; a view's DOT is at most a few
    hundred KB, as views are at most MAX_IMAGE_NODES boxes.)"""
    return build_dot(view_slice, icon_folder)


def image_key(view_slice: ViewSlice, fmt: str) -> str:
    """A sha256 naming the image's content: DOT source, format, archdoc, diagrams, Graphviz and Pillow versions.

    Equal keys mean byte-identical images, so a site can skip rendering an unchanged view.
    The renderer's own source is hashed in too, so a change to it between releases (same
    archdoc version) still invalidates cached images. The DOT format does not depend on
    Graphviz, and its key does not either.
    """
    _check_format(fmt)
    engine = graphviz_version(dot_executable()) if fmt != "dot" else "-"
    digest = hashlib.sha256()
    digest.update(f"archdoc {__version__} {_renderer_digest()}\ndiagrams {_diagrams_version()}\n{engine}\n{fmt}\n"
                  f"Pillow {PILLOW_VERSION}\n".encode())
    digest.update(image_dot(view_slice).encode("utf-8"))
    return digest.hexdigest()


def render_image(view_slice: ViewSlice, fmt: str, out_path: Path | str, *, timeout: float = 60.0,
                 dot: DotRuns | None = None) -> Path:
    """Draw the slice as `fmt` (svg, png or dot) into `out_path`, atomically; ImageError on failure.

    Nothing but `out_path` is written (and a temporary file beside it, renamed into
    place). A path with a `..` part is refused: a view id must never become a raw path.
    `dot`: the batch this render belongs to, which can stop its `dot` process.
    """
    _check_format(fmt)
    path = Path(out_path)
    if ".." in path.parts:
        raise ImageError(f"refusing to write an image to {str(path)!r}: the path has a '..' part; "
                         "build file names from safe names, not view ids")
    source = _dot_source(view_slice)
    if fmt == "dot":
        data = source.text.encode("utf-8")
    else:
        data = run_dot(source, fmt, timeout, f"view '{view_slice.model_id}/{view_slice.id}'", dot)
        if fmt == "svg":
            data = self_contained_svg(data, source.icons)
    write_atomic(path, data)
    return path


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ImageError(f"unknown image format {fmt!r}: use one of {', '.join(FORMATS)}")


@lru_cache(maxsize=1)
def _diagrams_version() -> str:
    return version("diagrams")  # reads package metadata from disk: once per process, not once per image


@lru_cache(maxsize=1)
def _renderer_digest() -> str:
    digest = hashlib.sha256()
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()[:16]


def _fits(view_slice: ViewSlice) -> bool:
    return len(view_slice.boxes) <= MAX_IMAGE_NODES and len(view_slice.edges) <= MAX_IMAGE_EDGES


def _first_boxes(view_slice: ViewSlice) -> ViewSlice:
    """The first MAX_IMAGE_NODES boxes, the edges between them and the groups around them."""
    boxes = view_slice.boxes[:MAX_IMAGE_NODES]
    kept = {box.id for box in boxes}
    edges = tuple(edge for edge in view_slice.edges if edge.source in kept and edge.target in kept)[:MAX_IMAGE_EDGES]
    parents = {group.id: group.parent for group in view_slice.groups}
    around: set[str] = set()
    for box in boxes:
        group_id = box.parent
        while group_id is not None and group_id not in around:
            around.add(group_id)
            group_id = parents.get(group_id)
    note = (f"Only the first {len(boxes)} of {len(view_slice.boxes)} boxes and {len(edges)} of "
            f"{len(view_slice.edges)} arrows are drawn: the view is too large for one image.")
    return replace(view_slice, boxes=boxes, edges=edges, notes=view_slice.notes + (note,),
                   groups=tuple(group for group in view_slice.groups if group.id in around))
