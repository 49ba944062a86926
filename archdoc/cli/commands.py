"""One small function per subcommand; each parses nothing itself but its own options."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from archdoc import pipeline
from archdoc.cli import terminal
from archdoc.cli.baseline_options import add_baseline_arguments, apply_baseline
from archdoc.cli.formats import FORMATTERS
from archdoc.cli.output import write_output
from archdoc.lint import RULES, model_spec
from archdoc.lint.registry import PACKS
from archdoc.load import catalogue, schema
from archdoc.load.jsonschema import json_schema
from archdoc.model.errors import UsageError


def _lint_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "lint", help="check models and report findings",
        description="Check models (files or folders; default models/) and report every finding as "
                    "file:line:column. Exit 0: no errors; 1: errors; 2: unreadable input or a wrong command line.")
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="model files or folders (default: models/)")
    parser.add_argument("--format", "-f", choices=sorted(FORMATTERS), default="text", help="output format")
    parser.add_argument("--output", "-o", type=Path, help="write the report to this file instead of standard output")
    add_baseline_arguments(parser)
    parser.set_defaults(run=run_lint)


def run_lint(args: argparse.Namespace) -> int:
    result, report = pipeline.load_and_lint(args.paths, args.project_packs)
    if not result.files and not result.problems:  # a CI job pointed at the wrong folder must not pass
        named = ", ".join(str(path) for path in args.paths) or str(pipeline.DEFAULT_MODELS)
        raise UsageError(f"no model file (*.yaml, *.yml) in {named}: nothing to lint")
    report, baseline_status = apply_baseline(args, result, report)
    if baseline_status == 2:
        return 2
    text = FORMATTERS[args.format](report)
    if args.output:
        write_output(args.output, text)
    else:
        sys.stdout.write(terminal.for_stream(text, sys.stdout) if args.format == "text" else text)
    return max(report.exit_status, baseline_status)


def _schema_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "schema", help="print the JSON Schema of the model format",
        description="Print a JSON Schema of the model format, for editors (yaml-language-server). "
                    "--fragment prints the schema of fragments (`_*.yaml`, merged by `include`).")
    parser.add_argument("--fragment", action="store_true", help="the schema of a fragment instead of a model")
    parser.set_defaults(run=run_schema)


def run_schema(args: argparse.Namespace) -> int:
    spec = schema.FRAGMENT if args.fragment else model_spec()
    codes = [code for code in RULES if not code.startswith(("AD0", "AD1"))]
    return _print(json.dumps(json_schema(spec, catalogue(), codes), indent=2) + "\n")


def _rules_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("rules", help="list the rule codes", description="List every code archdoc reports.")
    parser.add_argument("code", nargs="?", help="show the full documentation of one code")
    parser.set_defaults(run=run_rules)


def run_rules(args: argparse.Namespace) -> int:
    if args.code:
        rule = RULES.get(args.code.upper())
        if rule is None:
            print(f"archdoc: no rule {args.code} (`archdoc rules` lists them)", file=sys.stderr)
            return 2
        pack = PACKS.get(rule.pack) if rule.check is not None else None
        where = f"; pack {pack.name}, {'on' if pack.default else 'off'} by default" if pack else ""
        return _print(f"{rule.code} {rule.name} ({rule.severity.value}{where})\n\n{rule.doc}\n")
    lines = [f"{rule.code}  {rule.severity.value:<7}  {rule.name:<30} {rule.summary}" for rule in RULES.values()]
    return _print("\n".join(lines) + "\n")


def _print(text: str) -> int:
    sys.stdout.write(text)
    return 0


class Command:
    """A subcommand: its name, and the function that adds its parser, imported when it is added
    (a run of `archdoc lint` does not import the renderers', importers' or site's commands)."""

    def __init__(self, name: str, module: str, function: str) -> None:
        self.name = name
        self._where = (module, function)

    def add_parser(self, subparsers: argparse._SubParsersAction) -> None:
        module, function = self._where
        getattr(importlib.import_module(module), function)(subparsers)


COMMANDS = [  # in the order `archdoc --help` lists them
    Command("lint", __name__, "_lint_parser"),
    Command("render", "archdoc.cli.render_command", "add_render_parser"),
    Command("rules", __name__, "_rules_parser"),
    Command("schema", __name__, "_schema_parser"),
    Command("build", "archdoc.cli.site_commands", "add_build_parser"),
    Command("serve", "archdoc.cli.site_commands", "add_serve_parser"),
    Command("import", "archdoc.cli.import_command", "add_import_parser"),
    Command("diff", "archdoc.cli.diff_command", "add_diff_parser"),
    Command("completion", "archdoc.cli.terminal", "add_completion_parser"),
]
