"""`archdoc import FORMAT SOURCE...`: a model from CloudFormation, Terraform, Backstage, Mermaid or Structurizr."""

from __future__ import annotations

import argparse
import os
import re
import stat
import sys
from pathlib import Path

from archdoc.importers import FORMATS, FormatUnavailable, reader
from archdoc.load.schema import SLUG_PATTERN
from archdoc.model import Problem, sort_problems

EXIT_UNREADABLE = 2
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def add_import_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="make a model from CloudFormation, Terraform, Backstage, Mermaid or Structurizr",
        description="Read the sources and write an archdoc model (standard output unless -o). With --into MODEL, "
                    "merge into an existing model that stays authoritative: new entries are added with the tag "
                    "`imported`, entries gone from the sources are reported, comments and formatting are kept. "
                    "Exit 0: a model was written; 2: a source could not be read, or a wrong command line.")
    parser.add_argument("format", choices=list(FORMATS), metavar="FORMAT",
                        help=f"the sources' format: {', '.join(FORMATS)}")
    parser.add_argument("sources", nargs="+", type=Path, metavar="SOURCE", help="source files (or folders)")
    parser.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="write the model to this new file (with --into: instead of changing MODEL)")
    parser.add_argument("--into", type=Path, metavar="MODEL", help="merge into this model file, in place")
    parser.add_argument("--id", metavar="ID", help="the new model's id (default: from the first source's name)")
    parser.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    if args.id is not None and not re.fullmatch(SLUG_PATTERN, args.id):
        return _usage(f"--id {visible(args.id)!r} is not a model id: lowercase letters, digits and '-'")
    if args.output is not None and args.into is None and (args.output.exists() or args.output.is_symlink()):
        return _usage(f"{visible(str(args.output))} exists; merge into it with --into, or remove it first")
    try:
        read = reader(args.format)
    except FormatUnavailable as error:
        return _usage(str(error))
    result = read(list(args.sources), args.id)
    _report(result.problems)
    if any(problem.is_error for problem in result.problems):
        return EXIT_UNREADABLE
    if args.into is not None:
        from archdoc.importers.merge import merge_into  # ruamel.yaml: only when merging

        merged = merge_into(args.into, result.draft, args.format)
        _report(merged.problems)
        if merged.text is None:
            return EXIT_UNREADABLE
        target = args.output or args.into
        status = _write(target, merged.text, replace=args.output is None)
        if status == 0:
            added = ", ".join(merged.added) if merged.added else "nothing new"
            print(f"archdoc: merged into {visible(str(target))}: added {added}", file=sys.stderr)
        return status
    from archdoc.importers.write import write_model

    text = write_model(result.draft, header(args.format, [str(s) for s in args.sources]))
    if args.output is None:
        sys.stdout.write(text)
        return 0
    return _write(args.output, text, replace=False)


def header(format_name: str, sources: list[str]) -> list[str]:
    """The comment at the top of an imported model: where it came from and how to re-import."""
    shown = " ".join(visible(os.path.normpath(source)) for source in sources)
    return [f"Imported by `archdoc import {format_name}` from {shown}.",
            "Each imported entry keeps its source's id in `properties.source_id` (or `iac:`): edit freely, then",
            f"`archdoc import {format_name} {shown} --into THIS_FILE` merges a later import and keeps your edits."]


def visible(text: str) -> str:
    """Text safe on one terminal line: control, line-break and bidirectional characters escaped."""
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _report(problems: list[Problem]) -> None:
    for problem in sort_problems(problems):
        print(visible(str(problem)), file=sys.stderr)


def _usage(message: str) -> int:
    print(f"archdoc: {message}", file=sys.stderr)
    return EXIT_UNREADABLE


def _write(path: Path, text: str, *, replace: bool) -> int:
    """Write atomically (a temporary file beside it, then a rename); never over a non-regular file."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            return _usage(f"{visible(str(path))} is not a regular file; not written")
        if not replace:
            return _usage(f"{visible(str(path))} exists; merge into it with --into, or remove it first")
    except FileNotFoundError:
        pass
    folder = path.parent if str(path.parent) else Path(".")
    temporary = None
    try:
        import tempfile  # on first write: `archdoc lint` to standard output never loads it

        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        if path.exists():
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        return _usage(f"cannot write {visible(str(path))}: {error.strerror or error}")
    finally:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
    return 0
