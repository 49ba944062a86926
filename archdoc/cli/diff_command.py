"""`archdoc diff BASE [HEAD]`: what a change does to the models, for design reviews and pull requests."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archdoc import diff
from archdoc.pipeline import DEFAULT_MODELS

FORMATS = ("text", "markdown", "json")


def add_diff_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "diff", help="show what a change does to the models",
        description="Compare two versions of the models: BASE and HEAD are each a model file, a models folder "
                    "or a git revision (read without checking out); HEAD defaults to the working tree, so "
                    "`archdoc diff origin/main` reviews a branch. Exit 0; 1 with --fail-on new-errors when HEAD "
                    "introduces an error; 2 for unreadable input or a wrong command line.")
    parser.add_argument("base", metavar="BASE", help="model file, models folder or git revision")
    parser.add_argument("head", metavar="HEAD", nargs="?", help="the same (default: the working tree)")
    parser.add_argument("--format", "-f", choices=FORMATS, default="text", help="report format")
    parser.add_argument("--output", "-o", type=Path, help="write the report to this file")
    parser.add_argument("--fail-on", choices=("new-errors",), help="exit 1 when HEAD introduces an error")
    parser.add_argument("--models", type=Path, default=DEFAULT_MODELS,
                        help="the models folder a revision is read at (default: models/, or HEAD when it is a path)")
    parser.add_argument("--link-base", default="",
                        help="prefix for file links in the Markdown report (e.g. a blob URL ending in /)")
    parser.add_argument("--svg", type=Path, metavar="DIR",
                        help="also draw each changed model's change as DIR/<model>.svg (Graphviz)")
    parser.set_defaults(run=run_diff)


def run_diff(args: argparse.Namespace) -> int:
    target = _target(args)
    try:
        base = diff.read_version(args.base, target)
        head = diff.read_version(args.head, target)
    except diff.SourceError as error:
        print(f"archdoc diff: {error}", file=sys.stderr)
        return 2
    unreadable = [problem for version in (base, head) for problem in version.problems if problem.code.startswith("AD0")]
    if unreadable:
        for problem in unreadable:
            print(str(problem), file=sys.stderr)
        return 2
    result = diff.diff_models(base.models, head.models, base.problems, head.problems)
    if args.format == "json":
        text = diff.format_json(result)
    elif args.format == "markdown":
        text = diff.format_markdown(result, link_base=args.link_base)
    else:
        text = diff.format_text(result)
    if args.output:
        if args.output.exists() and not args.output.is_file():
            print(f"archdoc diff: {args.output} is not a regular file; not writing over it", file=sys.stderr)
            return 2
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if args.svg is not None and _write_svgs(result, args.svg):
        return 2
    if args.fail_on == "new-errors" and result.introduced_errors():
        return 1
    return 0


def _write_svgs(result: diff.Diff, folder: Path) -> bool:
    """One SVG per changed model; True (after a one-line message) when Graphviz fails."""
    from archdoc.diff.image import change_svg
    from archdoc.render.images import ImageError
    from archdoc.render.images.graphviz import write_atomic

    for model in result.changed:
        picture = diff.change_picture(model)
        if not picture.nodes:
            continue
        try:
            write_atomic(folder / f"{model.id}.svg", change_svg(picture))
        except ImageError as error:
            print(f"archdoc diff: {error}", file=sys.stderr)
            return True
    return False


def _target(args: argparse.Namespace) -> Path:
    """The models path a revision (and the working tree) is read at: HEAD's path when it is one, else --models."""
    if args.head is not None and Path(args.head).exists():
        return Path(args.head)
    return args.models
