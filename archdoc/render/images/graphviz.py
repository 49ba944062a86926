"""Running Graphviz `dot`: a time limit, safe mode, icons staged in a temporary folder, output made self-contained.

`dot` reads the DOT source on standard input and writes the image on standard output, so
it leaves no file behind. It runs in Graphviz's safe mode (`SERVER_NAME` set): it may
only open files by base name inside `GV_FILE_PATH`, a fresh temporary folder holding
copies of the icons the source names, and nothing else on the machine.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import re
import shutil
import struct
import subprocess
import threading
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any

from archdoc.model.scratch import scratch_folder
from archdoc.render.images.dot import DotSource
from archdoc.render.images.icons import light_icon, target_pixels

DOT_MISSING = "Graphviz `dot` was not found: install Graphviz (apt-get install graphviz)"

_COMMENT = re.compile(rb"<!--.*?-->\n?", re.S)  # Graphviz's version banner and per-object comments
_DOCTYPE = re.compile(rb"<!DOCTYPE[^>]*>\n?")  # names an external DTD a reader might fetch
_HREF = re.compile(rb'(?P<attribute>(?:xlink:)?href=")(?P<value>[^"]*)"')
_IMAGE = re.compile(rb"<image(?P<attributes>[^>]*?)/>")
_IMAGE_FREE = re.compile(rb"<use [^>]*/>")  # what is left once images became uses: no link may remain
_SVG_OPEN = re.compile(rb"<svg\b[^>]*>")
_SIZE = re.compile(rb'\b(?:width|height)="([0-9]+(?:\.[0-9]+)?)(?:px|pt)?"')


class ImageError(Exception):
    """An image could not be made; the message is one line that says what to do."""


def dot_executable() -> str:
    """The `dot` on PATH, or ImageError with the install hint."""
    found = shutil.which("dot")
    if found is None:
        raise ImageError(DOT_MISSING)
    return found


@lru_cache(maxsize=4)
def graphviz_version(executable: str) -> str:
    """`dot -V` as Graphviz prints it, e.g. `dot - graphviz version 2.43.0 (0)`."""
    try:
        completed = subprocess.run([executable, "-V"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ImageError(f"Graphviz `dot` could not be run ({error}): check the Graphviz installation") from error
    return completed.stderr.decode("utf-8", "replace").strip()


class DotRuns:
    """The `dot` processes started for one batch of images, so that it can end them all at once.

    After `stop`, running ones are killed and new ones refused; both end in ImageError.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: set[subprocess.Popen[bytes]] = set()
        self.stopped = False

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            running = list(self._running)
        for process in running:
            process.kill()

    def start(self, arguments: list[str], **options: Any) -> subprocess.Popen[bytes]:
        with self._lock:
            if self.stopped:
                raise ImageError("the build was stopped before Graphviz `dot` ran")
            process = subprocess.Popen(arguments, **options)
            self._running.add(process)
        return process

    def finished(self, process: subprocess.Popen[bytes]) -> None:
        with self._lock:
            self._running.discard(process)


def run_dot(source: DotSource, fmt: str, timeout: float, what: str, runs: DotRuns | None = None) -> bytes:
    """The image `dot -T<fmt>` makes of the source, stopped after `timeout` seconds (or by `runs.stop()`)."""
    executable = dot_executable()
    runs = runs or DotRuns()
    with scratch_folder("archdoc-icons-") as folder:  # also removes those of killed runs
        staging = str(folder)
        for name, icon in source.icons.items():
            shutil.copyfile(icon, os.path.join(staging, name))
        environment = {**os.environ, "SERVER_NAME": "archdoc", "GV_FILE_PATH": staging + os.sep}
        try:
            process = runs.start([executable, f"-T{fmt}"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, cwd=staging, env=environment)
        except OSError as error:
            raise ImageError(f"{DOT_MISSING} ({error.strerror})") from error
        try:
            stdout, stderr = process.communicate(source.text.encode("utf-8"), timeout=timeout)
        except subprocess.TimeoutExpired as error:
            raise ImageError(f"Graphviz `dot` took longer than the {timeout:g} s time limit on {what} and was "
                             "stopped: split the view with selectors or raise the limit") from error
        finally:  # a time limit, an interruption or an error: dot is killed and waited for, never left running
            if process.poll() is None:
                process.kill()
                process.communicate()
            runs.finished(process)
    if runs.stopped:
        raise ImageError(f"the build was stopped while Graphviz `dot` drew {what}")
    if process.returncode != 0 or not stdout:
        raise ImageError(f"Graphviz `dot` failed on {what} (exit status {process.returncode}): "
                         f"{_first_error(stderr)}")
    return stdout


def self_contained_svg(svg: bytes, icons: dict[str, str]) -> bytes:
    """The SVG with its icons embedded once each, scaled to the size they are drawn at; no comments or DOCTYPE.

    Graphviz writes one `<image>` per node; each distinct icon becomes one `<symbol>` holding
    it as a data: URI, and every node a `<use>` of that symbol (a 36-box view shrinks from
    about 900 KB to 100 KB). The icon embedded is the one `light_icon` makes for the largest
    size it is drawn at in this SVG (to about 25 KB again). Every link must be an icon archdoc
    staged; anything else would be a reference out of the file, so it is an error rather
    than something to ship.
    """
    svg = _DOCTYPE.sub(b"", _COMMENT.sub(b"", svg), count=1)
    symbols: dict[str, bytes] = {}
    drawn: dict[str, float] = {}  # icon -> the largest side it is drawn at, in points

    def use(match: re.Match[bytes]) -> bytes:
        attributes = match["attributes"]
        href = _HREF.search(attributes)
        name = href["value"].decode("utf-8", "replace") if href else ""
        if name not in icons:
            raise ImageError(f"Graphviz linked {name!r}, which is not an archdoc icon: this is a bug in archdoc")
        symbol = symbols.setdefault(name, f"archdoc-icon-{len(symbols) + 1}".encode())
        drawn[name] = max(drawn.get(name, 0.0), _drawn_size(attributes))
        placement = _HREF.sub(b"", attributes).replace(b"preserveAspectRatio=\"xMinYMin meet\"", b"")
        return b'<use xlink:href="#' + symbol + b'"' + b" ".join(placement.split()).join((b" ", b"")) + b"/>"

    svg = _IMAGE.sub(use, svg)
    if _HREF.search(_IMAGE_FREE.sub(b"", svg)):
        raise ImageError("Graphviz linked a file outside an image: this is a bug in archdoc")
    if not symbols:
        return svg
    definitions = b"".join(
        b'<symbol id="' + symbol + b'" viewBox="0 0 ' + b"%d %d" % _png_size(icons[name])
        + b'" preserveAspectRatio="xMinYMin meet"><image width="100%" height="100%" xlink:href="'
        + _data_uri(icons[name], target_pixels(drawn[name])) + b'"/></symbol>'
        for name, symbol in symbols.items()
    )
    opening = _SVG_OPEN.search(svg)
    if opening is None:
        raise ImageError("Graphviz wrote an SVG without an <svg> element: this is a bug in archdoc")
    return svg[:opening.end()] + b"\n<defs>" + definitions + b"</defs>" + svg[opening.end():]


def _drawn_size(attributes: bytes) -> float:
    """The longer of an `<image>`'s width and height, in the SVG's units (points); 0 when it states neither."""
    sizes = [float(value) for value in _SIZE.findall(attributes)]
    return max(sizes, default=0.0)


@lru_cache(maxsize=512)
def _png_size(icon: str) -> tuple[int, int]:
    """An icon's pixel size from its PNG header (the symbol's coordinate system)."""
    header = Path(icon).read_bytes()[:24]
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        return (256, 256)
    width, height = struct.unpack(">II", header[16:24])
    return (width, height)


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside `path` under a temporary name, then rename over it: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.parent / f".archdoc-{uuid.uuid4().hex}.tmp"
    # os.open with 0o666 gives the file the umask's permissions, as a plain write would;
    # tempfile.mkstemp would leave it readable by its owner only once renamed into a site.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@lru_cache(maxsize=1024)
def _data_uri(icon: str, pixels: int) -> bytes:
    """The icon as a data: URI: a PNG made light for `pixels`, any other file (or a PNG Pillow cannot read) as is."""
    if icon.lower().endswith(".png"):
        try:
            return b"data:image/png;base64," + base64.b64encode(light_icon(icon, pixels))
        except (OSError, ValueError):
            pass
    mime = mimetypes.guess_type(icon)[0] or "application/octet-stream"
    return f"data:{mime};base64,".encode() + base64.b64encode(Path(icon).read_bytes())


def _first_error(stderr: bytes) -> str:
    """The first `Error:` line Graphviz printed (else its last line), on one line."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    errors = [line for line in lines if line.lower().startswith("error")]
    chosen = (errors or lines or ["no output and no message"])[0 if errors else -1]
    return chosen[:300]
