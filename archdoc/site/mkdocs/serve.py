"""`archdoc serve`: a live preview on loopback, rebuilt by `archdoc build`'s own pipeline whenever a source changes.

Each rebuild is a full `build_site` into a private folder, so the preview is exactly the
published site (same linting, same safety, cached images); a rebuild that fails prints why
and keeps serving the last good site.
"""

from __future__ import annotations

import ipaddress
import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from archdoc.lint import LintReport
from archdoc.load import LoadResult
from archdoc.model.scratch import scratch_folder
from archdoc.site.build import BuildRequest, BuildSummary, SiteBuildError, build_site, routed_log
from archdoc.site.mkdocs.config import CONFIG_FILE

Progress = Callable[[str], None]
LoadModels = Callable[[], tuple[LoadResult, LintReport]]
ShowReport = Callable[[LintReport], None]


def parse_dev_addr(text: str) -> tuple[str, int]:
    """`host:port` (IPv6 as `[::1]:8000`) -> (host, port); ValueError with a readable reason."""
    host, separator, port_text = text.rpartition(":")
    host = host.strip("[]")
    if not separator or not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(f"--dev-addr {text!r} is not HOST:PORT (for example 127.0.0.1:8000)")
    return host, int(port_text)


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def serve_site(request: BuildRequest, host: str, port: int, load: LoadModels, show: ShowReport,
               progress: Progress) -> int:
    """Build, serve, rebuild on change until interrupted; 1 when the first build fails, 2 when the port is taken."""
    with scratch_folder("archdoc-serve-") as scratch:  # SIGTERM ends the block too (archdoc.cli)
        target = replace(request, out=scratch / "site")
        first = _rebuild(target, load, show, progress)
        if first is None:
            return 1
        def rebuild() -> None:
            _rebuild(target, load, show, progress)

        server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(target.out))
        for watched in _watched(request, first.docs_dir):
            server.watch(str(watched))
        try:
            # The server's own lines: "Serving on ..." once it listens, "Detected file changes", ...
            with routed_log("mkdocs.livereload", _ProgressHandler(progress)):
                server.serve()
        except KeyboardInterrupt:
            pass
        except OSError as error:  # the address is taken or not ours to listen on
            print(f"archdoc: cannot listen on {host}:{port}: {error.strerror or error}", file=sys.stderr)
            return 2
        finally:
            server.shutdown()
    return 0


def _rebuild(request: BuildRequest, load: LoadModels, show: ShowReport, progress: Progress) -> BuildSummary | None:
    """One full build, or None when it failed (reported, not raised: the server keeps the last good site)."""
    result, report = load()
    if report.exit_status:
        show(report)
        print("archdoc: the models have errors; the site was not rebuilt", file=sys.stderr, flush=True)
        return None
    try:
        summary = build_site(result, report, request, progress)
    except SiteBuildError as error:
        print(f"archdoc: {error}", file=sys.stderr, flush=True)
        return None
    progress(f"site built in {summary.seconds:.1f} s")
    return summary


class _ProgressHandler(logging.Handler):
    def __init__(self, progress: Progress) -> None:
        super().__init__(logging.INFO)
        self.progress = progress

    def emit(self, record: logging.LogRecord) -> None:
        self.progress(f"serve: {record.getMessage()}")


def _watched(request: BuildRequest, docs_dir: Path | None) -> list[Path]:
    """The models, the hand-written pages and mkdocs.yml (never the whole project: the preview lives beside it)."""
    candidates = [request.models, request.project / CONFIG_FILE] + ([docs_dir] if docs_dir else [])
    return [path for path in candidates if path.exists()]
