"""The `archdoc` command: parse options, call one pipeline function, print, return an exit status."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from archdoc import __version__
from archdoc.cli import commands
from archdoc.cli.project_config import ProjectConfig, apply_defaults, read_project_config
from archdoc.model.errors import ArchdocError
from archdoc.model.visible import one_line

EXIT_USAGE = 2


def build_parser(config: ProjectConfig | None = None, only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; `config` (pyproject.toml's [tool.archdoc]) supplies the options' defaults.

    With `only` (a command's name) the other commands' parsers are not built: a run of one
    command reads only its own options, and building all nine costs a start-up of `archdoc lint`
    about 3% of its CPU. `archdoc --help`, a wrong command and shell completion get them all."""
    parser = argparse.ArgumentParser(
        prog="archdoc",
        description="Architecture models in YAML, compiled to lint findings, diagrams and a documentation site.",
    )
    parser.add_argument("--version", action="version", version=f"archdoc {__version__}")
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks of internal errors")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in commands.COMMANDS:
        if only is None or command.name == only:
            command.add_parser(subparsers)
    for subparser in subparsers.choices.values():  # `archdoc lint --debug` as well as `archdoc --debug lint`
        subparser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                               help="show Python tracebacks of internal errors")
    apply_defaults(subparsers, config or ProjectConfig())
    return parser


def _stop_on_signals() -> list[int]:
    """SIGTERM and SIGHUP end a run as Ctrl+C does: every `finally` runs (temporary folders are removed,
    a half-built site is never swapped in). Returns the list the caught signal's number is put in."""
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        return caught

    def stop(number: int, _frame: object) -> None:
        caught.append(number)
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            signal.signal(number, stop)
    return caught


def _command_named(argv: Sequence[str]) -> str | None:
    """The command a command line runs: its first word, after archdoc's own options, when it names one."""
    first = next((word for word in argv if word not in _OWN_OPTIONS), None)
    return first if any(command.name == first for command in commands.COMMANDS) else None


_OWN_OPTIONS = frozenset({"--debug", "--version", "-h", "--help"})  # none takes a value


def main(argv: Sequence[str] | None = None) -> int:
    try:
        config = read_project_config(Path.cwd())
        parser = build_parser(config, _command_named(sys.argv[1:] if argv is None else argv))
    except ArchdocError as error:
        print(f"archdoc: {one_line(error.message)}", file=sys.stderr)
        return error.exit_status
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    stopped_by = _stop_on_signals()
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("archdoc: interrupted", file=sys.stderr)
        return 128 + (stopped_by[0] if stopped_by else signal.SIGINT)
    except BrokenPipeError:
        return 0
    except ArchdocError as error:  # a mistake of the user's input, request or environment: one line
        if args.debug:
            _print_traceback()
        print(f"archdoc: {one_line(error.message)}", file=sys.stderr)  # never acted on by a terminal
        return error.exit_status
    except Exception as error:  # a bug in archdoc, not a problem of the input
        if args.debug:
            _print_traceback()
        else:
            print(f"archdoc: internal error: {type(error).__name__}: {one_line(str(error))} "
                  "(run with --debug for the traceback)", file=sys.stderr)
        return EXIT_USAGE


def _print_traceback() -> None:
    import traceback  # only for --debug: every other run does without it

    traceback.print_exc()
