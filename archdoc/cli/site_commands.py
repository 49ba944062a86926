"""`archdoc build` and `archdoc serve`: lint the models, then build or serve the offline documentation site."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from archdoc import pipeline
from archdoc.cli import terminal
from archdoc.cli.formats import format_text
from archdoc.lint import LintReport

Progress = Callable[[str], None]


def add_build_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build", help="build the offline documentation site",
        description="Lint the models, then build the documentation site (MkDocs Material, no request outside "
                    "itself) with mkdocs.yml if there is one. Exit 0: built; 1: lint errors or a failed build "
                    "(the previous site is kept); 2: unreadable input, or an output folder archdoc will not replace.")
    _common_options(parser)
    parser.add_argument("--out", type=Path, default=Path("site"), metavar="DIR", help="site folder (default: site/)")
    parser.add_argument("--strict", action=argparse.BooleanOptionalAction, default=False,
                        help="fail on MkDocs warnings (broken links, images not drawn, ...); --no-strict overrides "
                             "[tool.archdoc] strict")
    parser.add_argument("--diff-base", metavar="REV", help="add a Changes page against this git revision "
                        "(or path) and mark changed elements on the model pages")
    parser.add_argument("--png", action=argparse.BooleanOptionalAction, default=None,
                        help="publish each view and flow as PNG too, for download beside the SVG (default: as "
                             "mkdocs.yml's archdoc plugin option png says, else SVG only)")
    parser.set_defaults(run=run_build)


def add_serve_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve", help="preview the site, rebuilt when a model or page changes",
        description="Build the site into a private folder and serve it; rebuild when a model, a page of site_src/ "
                    "or mkdocs.yml changes.")
    _common_options(parser)
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                        help="address to serve on (default: 127.0.0.1:8000, this machine only)")
    parser.set_defaults(run=run_serve)


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--models", type=Path, default=pipeline.DEFAULT_MODELS, metavar="DIR",
                        help="models folder (default: models/)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines; problems are still printed")


# archdoc.site is imported by the commands that use it: MkDocs and Material take a while to
# import, and `archdoc lint` should not pay for them.


def run_build(args: argparse.Namespace) -> int:
    result, report = pipeline.load_and_lint([args.models], args.project_packs)
    if report.exit_status:
        # what `archdoc lint` prints, so CI logs read the same
        sys.stdout.write(terminal.for_stream(format_text(report), sys.stdout))
        return report.exit_status
    with terminal.Progress(quiet=args.quiet) as progress:  # a live line on a terminal, plain lines in a log
        progress(f"models: {len(result.models)} loaded and linted")
        summary = pipeline.build_site(result, report, args.models, args.out, args.strict, progress,
                                      diff_base=args.diff_base, png=args.png)
        progress(f"site: {args.out} written ({summary.pages} generated pages, {summary.images_rendered} images "
                 f"rendered, {summary.images_reused} unchanged) in {summary.seconds:.1f} s")
    # The warnings come once the site is written (they are on its pages too): a build refused for its
    # output folder says only that, in one line.
    if report.warnings:
        sys.stderr.write(terminal.for_stream(format_text(report), sys.stderr))
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from archdoc.site.build import BuildRequest
    from archdoc.site.mkdocs.serve import is_loopback, parse_dev_addr, serve_site

    try:
        host, port = parse_dev_addr(args.dev_addr)
    except ValueError as error:
        print(f"archdoc: {error}", file=sys.stderr)
        return 2
    if not is_loopback(host):
        print(f"archdoc: serving on {host}: other machines can read this preview", file=sys.stderr)
    request = BuildRequest(args.models, Path("site"), Path.cwd())
    return serve_site(request, host, port, lambda: pipeline.load_and_lint([args.models], args.project_packs),
                      _print_report, _progress(args.quiet))


def _print_report(report: LintReport) -> None:
    sys.stdout.write(format_text(report))


def _progress(quiet: bool) -> Progress:
    def show(message: str) -> None:
        print(f"archdoc: {message}", file=sys.stderr, flush=True)

    return (lambda message: None) if quiet else show
