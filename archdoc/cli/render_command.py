"""`archdoc render`: one view or flow in any row of the output-format table (Mermaid, SVG, DOT, PlantUML, ...)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archdoc import pipeline
from archdoc.cli.formats import format_text
from archdoc.cli.output import write_output
from archdoc.render.formats import FORMATS


def add_render_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "render", help="render one view or flow",
        description="Render one view (default: overview) or flow of a model. MODEL is a model file or a model id "
                    "below --models. `--format md` prints a Markdown snippet for a design review or pull request.")
    parser.add_argument("model", metavar="MODEL", help="a model file, or a model id")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--view", help="the view id (default: overview, else the first view)")
    which.add_argument("--flow", help="the flow id (Mermaid: a sequence diagram)")
    parser.add_argument("--format", "-f", choices=list(FORMATS), default="mermaid",
                        help="output format (default: mermaid)")
    parser.add_argument("--output", "-o", type=Path, help="write to this file instead of standard output")
    parser.add_argument("--models", type=Path, default=pipeline.DEFAULT_MODELS, help="models folder (default: models/)")
    parser.set_defaults(run=run_render)


def run_render(args: argparse.Namespace) -> int:
    output_format = FORMATS[args.format]
    if args.output is None and not output_format.to_terminal:
        raise pipeline.RequestError(f"a {args.format.upper()} goes to a file: add -o FILE")
    try:
        _report, model = pipeline.find_model(args.model, args.models)
    except pipeline.InvalidModel as invalid:
        sys.stderr.write(format_text(invalid.report))
        return invalid.exit_status
    name = args.output.stem if args.output is not None else "diagram"
    drawing = pipeline.render_diagram(model, args.format, view_id=args.view, flow_id=args.flow, name=name)
    for note in drawing.notes:
        print(f"archdoc: note: {note}", file=sys.stderr)
    for problem in drawing.problems:
        print(problem, file=sys.stderr)
    if args.output is not None:
        # The files beside it first (the DOT's icons), so the file never names one that is not there.
        for relative, data in drawing.files:
            write_output(args.output.parent / relative, data)
        write_output(args.output, drawing.content)
    else:
        if drawing.files:
            folder = drawing.files[0][0].split("/", 1)[0]
            print(f"archdoc: note: the {len(drawing.files)} icon files the output names ({folder}/...) are "
                  "written beside it only with -o FILE", file=sys.stderr)
        sys.stdout.buffer.write(drawing.content)
    return 0
