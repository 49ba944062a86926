"""The image renderer, end to end with the real Graphviz `dot`: formats, styles, escaping, determinism, limits."""

from __future__ import annotations

import base64
import dataclasses
import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from archdoc.graph import build_graph
from archdoc.load import catalogue, load_models, load_paths
from archdoc.model import Severity, SourceSpan
from archdoc.render.images import (
    DOT_MISSING,
    MAX_IMAGE_NODES,
    ImageError,
    escape,
    exported_dot,
    image_dot,
    image_key,
    prepare_image_slice,
    render_image,
)
from archdoc.render.views import ViewSlice, slice_flow, slice_view

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# Folders of this machine that an image must never name (icons are embedded, not linked).
LOCAL_PATHS = tuple(path.encode() for path in {str(Path.home()), str(REPO), sys.prefix, "/usr/", "/tmp/"}
                    if len(path) > 1)


# --------------------------------------------------------------------------- helpers

def load_slice(path: Path, view_id: str = "overview") -> ViewSlice:
    result = load_paths([path])
    assert not [p for p in result.problems if p.is_error], result.problems
    model = result.models[0]
    view = next(view for view in model.views if view.id == view_id)
    return slice_view(build_graph(model), view)


def synthetic_slice(tmp_path: Path, elements: int, *, grouped: bool = True) -> ViewSlice:
    """A model of `elements` Lambdas with 3 relations each, in a region > VPC > one subnet per 50 (if `grouped`)."""
    subnets = max(1, elements // 50)
    lines = ["id: synthetic"]
    if grouped:
        lines += ["groups:", "  - id: region", "    kind: aws.Region", "    groups:",
                  "      - id: vpc", "        kind: aws.VPC", "        groups:"]
        lines += [f"          - {{id: subnet{s}, kind: aws.PrivateSubnet}}" for s in range(subnets)]
    lines.append("elements:")
    lines += [f"  - {{id: e{n}, kind: aws.Lambda{f', in: subnet{n % subnets}' if grouped else ''}}}"
              for n in range(elements)]
    lines.append("relations:")
    lines += [f"  - e{n} -> e{(n + step) % elements}: call {step}" for n in range(elements) for step in (1, 7, 13)]
    path = tmp_path / "models" / f"synthetic-{elements}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load_paths([path])
    model = result.models[0]
    return slice_view(build_graph(model), model.views[0])


def svg_root(path: Path) -> ET.Element:
    return ET.fromstring(path.read_bytes())


def texts(root: ET.Element) -> list[str]:
    return [element.text or "" for element in root.iter(f"{SVG}text")]


def tooltips(root: ET.Element) -> list[str]:
    return [element.get(f"{XLINK}title", "") for element in root.iter(f"{SVG}a")]


def icon_boxes(view_slice: ViewSlice) -> int:
    """Boxes drawn with an icon: a kind with one, and `person` (diagrams' user icon)."""
    kinds = catalogue()
    return sum(1 for box in view_slice.boxes
               if box.kind == "person" or ((kind := kinds.element_kind(box.kind)) is not None and kind.icon))


def assert_self_contained(svg: bytes) -> None:
    for local in (*LOCAL_PATHS, b"file:"):
        assert local not in svg, local
    links = re.findall(rb'href="([^"]*)"', svg)
    symbols = set(re.findall(rb'<symbol id="([^"]+)"', svg))
    # Each icon is embedded once, in a symbol; nodes point at the symbols.
    assert all(link.startswith(b"data:image/png;base64,") or link[1:] in symbols for link in links)
    assert svg.count(b"data:image/png;base64,") == len(symbols)
    urls = set(re.findall(rb"https?://[^\"' ]+", svg))
    assert urls <= {b"http://www.w3.org/2000/svg", b"http://www.w3.org/1999/xlink"}, urls


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def files_under(root: Path) -> set[Path]:
    return {path.relative_to(root) for path in root.rglob("*") if path.is_file()}


# --------------------------------------------------------------------------- formats

@pytest.mark.slow  # Graphviz lays out and draws
def test_fixture_renders_to_png_and_svg_with_embedded_icons(tmp_path: Path) -> None:
    view_slice = load_slice(FIXTURES / "images_aws.yaml")
    png = render_image(view_slice, "png", tmp_path / "overview.png")
    svg = render_image(view_slice, "svg", tmp_path / "overview.svg")

    width, height = png_size(png.read_bytes())
    assert width > 500 and height > 300
    data = svg.read_bytes()
    root = ET.fromstring(data)  # well-formed XML
    assert data.count(b"<use ") >= icon_boxes(view_slice) >= 9  # boundaries (VPC, account) show icons too
    assert_self_contained(data)
    shown = "\n".join(texts(root))
    for label in ("Customers", "Orders API", "Production account", "VPC 10.0.0.0/16", "payments", "Bank"):
        assert label in shown
    edges = [group for group in root.iter(f"{SVG}g") if group.get("class") == "edge"]
    assert len(edges) == len(view_slice.edges)
    for label in ("HTTPS", "HTTP :8080", "enqueue job", "SQL", "deploy", "metrics"):
        assert label in texts(root), label


@pytest.mark.slow  # Graphviz lays out and draws
def test_svg_icons_are_embedded_at_twice_their_drawn_size_in_a_palette(tmp_path: Path) -> None:
    view_slice = load_slice(FIXTURES / "images_aws.yaml")
    data = render_image(view_slice, "svg", tmp_path / "overview.svg").read_bytes()
    root = ET.fromstring(data)
    drawn: dict[str, float] = {}  # symbol -> the longest side it is drawn at, in points
    for use in root.iter(f"{SVG}use"):
        symbol = use.get(f"{XLINK}href", "").removeprefix("#")
        side = max(float(use.get(name, "0").removesuffix("px")) for name in ("width", "height"))
        drawn[symbol] = max(drawn.get(symbol, 0.0), side)
    embedded = 0
    for symbol in root.iter(f"{SVG}symbol"):
        href = next(symbol.iter(f"{SVG}image")).get(f"{XLINK}href", "")
        assert href.startswith("data:image/png;base64,")
        icon = base64.b64decode(href.removeprefix("data:image/png;base64,"))
        embedded += len(href)
        # 2 pixels per unit of the drawing: sharp on a high-DPI screen at the SVG's natural size, and no larger
        assert max(png_size(icon)) <= round(drawn[symbol.get("id", "")] * 2)
        assert icon[25] == 3  # PNG colour type 3: a palette (with its transparency)
    assert min(drawn.values()) == 24  # a boundary's icon, beside its label: at most 48 pixels
    originals = sum(Path(icon).stat().st_size for icon in exported_dot(view_slice, "icons").icons.values())
    assert embedded < originals / 2  # base64 and all, the icons weigh less than half their diagrams files


def test_dot_file_names_no_local_folder_and_is_world_readable(tmp_path: Path) -> None:
    # The DOT text itself is compared with golden files in test_dot_golden.py.
    view_slice = load_slice(FIXTURES / "images_aws.yaml")
    previous = os.umask(0o022)
    try:
        path = render_image(view_slice, "dot", tmp_path / "overview.dot")
    finally:
        os.umask(previous)
    data = path.read_bytes()
    assert b'IMG SRC="aws-network-vpc.png"' in data  # icons by file name, found through Graphviz's imagepath
    for local in LOCAL_PATHS:
        assert local not in data, local
    assert path.stat().st_mode & 0o777 == 0o644  # readable by a web server, like any written file


def test_groups_are_styled_like_aws_diagrams() -> None:
    dot = image_dot(load_slice(FIXTURES / "images_aws.yaml"))

    def cluster(group_id: str) -> str:
        match = re.search(rf'subgraph "cluster_{group_id}" {{\n\t+graph \[(.*)\];', dot)
        assert match, group_id
        return match.group(1)

    assert 'pencolor="#E7157B"' in cluster("prod")
    assert 'style="dashed"' in cluster("region") and 'pencolor="#147EBA"' in cluster("region")
    assert 'style="dashed"' in cluster("az-a") and 'bgcolor="#F2F8FC"' in cluster("az-a")
    assert 'pencolor="#248814"' in cluster("vpc") and 'IMG SRC="aws-network-vpc.png"' in cluster("vpc")
    assert 'bgcolor="#F2F6E8"' in cluster("public-a")
    assert 'bgcolor="#E6F6F7"' in cluster("private-a")
    assert 'style="dashed"' in cluster("app-sg") and 'pencolor="#DD344C"' in cluster("app-sg")
    assert 'pencolor="#7D8998"' in cluster("partners")
    assert 'pencolor="#326CE5"' in cluster("k8s")


def test_relation_kinds_and_direction_are_drawn() -> None:
    dot = image_dot(load_slice(FIXTURES / "images_aws.yaml"))

    def edge(source: str, target: str) -> str:
        match = re.search(rf'"{source}" -> "{target}" \[(.*)\];', dot)
        assert match, (source, target)
        return match.group(1)

    assert 'style="solid"' in edge("alb", "api") and 'xlabel="HTTP :8080"' in edge("alb", "api")
    assert 'style="dashed"' in edge("api", "worker")
    assert 'style="bold"' in edge("api", "db")
    assert 'color="#3F8624"' in edge("pipeline", "api")
    assert 'style="dotted"' in edge("watch", "api") and 'color="#ED7100"' in edge("watch", "api")
    edge_lines = [line for line in dot.splitlines() if " -> " in line]
    assert edge_lines and not any(" label=" in line for line in edge_lines)  # orthogonal edges need xlabel
    assert 'rankdir="LR"' in dot
    assert 'rankdir="TB"' in image_dot(load_slice(FIXTURES / "images_aws.yaml", "vertical"))


@pytest.mark.slow  # Graphviz lays out and draws
def test_flow_steps_are_numbered(tmp_path: Path) -> None:
    model = load_paths([FIXTURES / "images_aws.yaml"]).models[0]
    flow_slice = slice_flow(build_graph(model), model.flows[0])
    root = svg_root(render_image(flow_slice, "svg", tmp_path / "checkout.svg"))
    assert {"1. place order", "2. forward", "3. INSERT order"} <= set(texts(root))


# --------------------------------------------------------------------------- escaping

def test_escape_makes_text_literal_for_graphviz() -> None:
    assert escape('a\\b "c" <d> & e\nf') == 'a\\\\b &quot;c&quot; &lt;d&gt; &amp; e\\nf'
    assert escape("x\\", passes=2) == "x\\\\\\\\"
    assert escape("a\nb <c>", html=True) == "a<BR/>b &lt;c&gt;"
    assert escape("tab\there\x00\x1b\ufffe\r\nnext") == "tab here\u2400\u241b\\nnext"
    assert escape("invoice\u202efdp.exe") == "invoice\u27e8U+202E\u27e9fdp.exe"


@pytest.mark.slow  # Graphviz lays out and draws
def test_hostile_labels_stay_literal_and_no_file_is_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a9c\n", encoding="utf-8")
    model = tmp_path / "models" / "hostile.yaml"
    model.parent.mkdir()
    model.write_text((FIXTURES / "images_hostile.yaml").read_text(encoding="utf-8").replace("SECRET_PATH", str(secret)),
                     encoding="utf-8")
    view_slice = load_slice(model)
    out = tmp_path / "out"
    svg = render_image(view_slice, "svg", out / "hostile.svg").read_bytes()
    png = render_image(view_slice, "png", out / "hostile.png").read_bytes()
    dot = render_image(view_slice, "dot", out / "hostile.dot").read_bytes()

    for data in (svg, png, dot):
        assert b"TOP-SECRET" not in data
    png_size(png)
    root = ET.fromstring(svg)
    assert len(list(root.iter(f"{SVG}use"))) == icon_boxes(view_slice)  # icons only, no IMG from a label
    assert len(list(root.iter(f"{SVG}image"))) == len(list(root.iter(f"{SVG}symbol")))
    shown = texts(root)
    title = f'<<TABLE><TR><TD><IMG SRC="{secret}"/></TD></TR></TABLE>> \\G \\N end\\'
    for label in (title, "x \\N y", "g \\G \\l", "tail\\", "<lambda>", 'say "hi"', "two", "lines", "R&D; &lt;",
                  "x\\E y\\", "<<B>bold</B>>", "grp \\G <b>&amp;"):
        assert label in shown, label
    assert "<<TABLE><TR><TD>" in shown  # the element label, wrapped
    hovered = tooltips(root)
    for tooltip in ("x \\N y\naws.compute.Lambda", "tail\\\naws.integration.SimpleQueueServiceSqs",
                    "grp \\G <b>&amp;\nboundary", "table -> name\nsync\nx\\E y\\"):
        assert tooltip in hovered, tooltip


# --------------------------------------------------------------------------- determinism and caching

RENDER_SCRIPT = """
import sys
from pathlib import Path
from archdoc.graph import build_graph
from archdoc.load import load_paths
from archdoc.render.images import render_image
from archdoc.render.views import slice_view
model = load_paths([Path(sys.argv[1])]).models[0]
view_slice = slice_view(build_graph(model), model.views[0])
for fmt in ("dot", "svg", "png"):
    render_image(view_slice, fmt, Path(sys.argv[2]) / f"overview.{fmt}")
"""


@pytest.mark.slow  # Graphviz lays out and draws
def test_renders_are_byte_identical(tmp_path: Path) -> None:
    fixture = FIXTURES / "images_aws.yaml"
    view_slice = load_slice(fixture)
    first, second, other = tmp_path / "first", tmp_path / "second", tmp_path / "other-process"
    for out in (first, second):
        for fmt in ("dot", "svg", "png"):
            render_image(view_slice, fmt, out / f"overview.{fmt}")
    other.mkdir()
    environment = {**os.environ, "PYTHONHASHSEED": "12345", "TZ": "Asia/Kathmandu",
                   "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    subprocess.run([sys.executable, "-c", RENDER_SCRIPT, str(fixture), str(other)], cwd=other, env=environment,
                   check=True, timeout=120)
    for fmt in ("dot", "svg", "png"):
        name = f"overview.{fmt}"
        assert (first / name).read_bytes() == (second / name).read_bytes() == (other / name).read_bytes(), fmt


def test_image_key_follows_content() -> None:
    view_slice = load_slice(FIXTURES / "images_aws.yaml")
    key = image_key(view_slice, "svg")
    assert re.fullmatch(r"[0-9a-f]{64}", key)
    assert image_key(load_slice(FIXTURES / "images_aws.yaml"), "svg") == key
    assert image_key(view_slice, "png") != key
    relabelled = dataclasses.replace(view_slice, title="Another title")
    assert image_key(relabelled, "svg") != key


# --------------------------------------------------------------------------- files and failures

@pytest.mark.slow  # Graphviz lays out and draws
def test_view_ids_never_become_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    escaping = dataclasses.replace(load_slice(FIXTURES / "images_aws.yaml"), id="../escape", title="../escape")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    out = tmp_path / "site" / "images"
    for fmt in ("svg", "png", "dot"):
        render_image(escaping, fmt, out / f"view.{fmt}")
    with pytest.raises(ImageError, match="'..' part"):
        render_image(escaping, "svg", out / ".." / "escape.svg")
    assert files_under(tmp_path) == {Path("site/images/view.svg"), Path("site/images/view.png"),
                                     Path("site/images/view.dot")}


def test_missing_dot_is_one_actionable_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view_slice = load_slice(FIXTURES / "images_aws.yaml")
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    for fmt in ("svg", "png"):
        with pytest.raises(ImageError) as caught:
            render_image(view_slice, fmt, tmp_path / "out" / f"view.{fmt}")
        assert str(caught.value) == DOT_MISSING == ("Graphviz `dot` was not found: install Graphviz "
                                                    "(apt-get install graphviz)")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    render_image(view_slice, "dot", tmp_path / "out" / "view.dot")  # the DOT source needs no Graphviz


def test_time_limit_stops_dot_and_leaves_nothing(tmp_path: Path) -> None:
    view_slice = synthetic_slice(tmp_path, 150)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ImageError, match=r"0\.001 s time limit") as caught:
        render_image(view_slice, "svg", out / "big.svg", timeout=0.001)
    assert "\n" not in str(caught.value)
    assert list(out.iterdir()) == []


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match="unknown image format 'jpg'"):
        render_image(load_slice(FIXTURES / "images_aws.yaml"), "jpg", tmp_path / "x.jpg")


# --------------------------------------------------------------------------- size limits

def test_small_views_are_drawn_as_they_are() -> None:
    view_slice = load_slice(FIXTURES / "images_aws.yaml")
    assert prepare_image_slice(view_slice) == (view_slice, [])


@pytest.mark.slow  # Graphviz lays out and draws
def test_large_views_are_collapsed_with_a_warning(tmp_path: Path) -> None:
    view_slice = synthetic_slice(tmp_path, MAX_IMAGE_NODES + 50)
    span = SourceSpan("models/synthetic.yaml", 3, 5)
    collapsed, problems = prepare_image_slice(view_slice, span=span)
    assert [(p.code, p.severity, p.span, p.model) for p in problems] == [("AD302", Severity.WARNING, span, "synthetic")]
    assert "too large for a Graphviz image" in problems[0].message and "drawn collapsed" in problems[0].message
    # The deepest level that fits is kept: subnets become boxes inside the region and VPC.
    assert collapsed.collapsed and sorted(box.id for box in collapsed.boxes) == [f"subnet{s}" for s in range(7)]
    assert [group.id for group in collapsed.groups] == ["region", "vpc"]
    assert sum(box.count for box in collapsed.boxes) == MAX_IMAGE_NODES + 50
    root = svg_root(render_image(collapsed, "svg", tmp_path / "collapsed.svg"))
    assert any("each group 2 levels down is drawn as one box" in text for text in texts(root))
    assert any(text.startswith("subnet0 (50") for text in texts(root))


def test_large_views_without_groups_draw_their_first_boxes(tmp_path: Path) -> None:
    view_slice = synthetic_slice(tmp_path, MAX_IMAGE_NODES + 20, grouped=False)
    drawn, problems = prepare_image_slice(view_slice)
    assert [problem.code for problem in problems] == ["AD302"]
    assert f"only its first {MAX_IMAGE_NODES} boxes are drawn" in problems[0].message
    assert [box.id for box in drawn.boxes] == [f"e{n}" for n in range(MAX_IMAGE_NODES)]
    kept = {box.id for box in drawn.boxes}
    assert all(edge.source in kept and edge.target in kept for edge in drawn.edges)
    assert drawn.notes[-1].startswith(f"Only the first {MAX_IMAGE_NODES} of {MAX_IMAGE_NODES + 20} boxes")


# --------------------------------------------------------------------------- the gallery

@pytest.mark.slow  # Graphviz lays out and draws
def test_gallery_overviews_render_with_their_edge_labels(tmp_path: Path) -> None:
    models = load_models(REPO / "models").models
    assert models

    def render(model_index: int) -> tuple[ViewSlice, Path]:
        model = models[model_index]
        view_slice = slice_view(build_graph(model), model.views[0])
        return view_slice, render_image(view_slice, "svg", tmp_path / f"{model.id}.svg")

    with ThreadPoolExecutor(max_workers=2) as pool:
        rendered = list(pool.map(render, range(len(models))))
    for view_slice, path in rendered:
        data = path.read_bytes()
        assert_self_contained(data)
        root = ET.fromstring(data)
        edges = [group for group in root.iter(f"{SVG}g") if group.get("class") == "edge"]
        assert len(edges) == len(view_slice.edges), path.name  # no lost edges
        shown = set(texts(root))
        for edge in view_slice.edges:
            first_word = edge.label.split()[0] if edge.label.split() else ""
            assert not first_word or any(first_word in text for text in shown), (path.name, edge.label)
