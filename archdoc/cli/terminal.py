"""What a terminal gets and a log does not: a live progress bar, coloured severities, shell completion.

Colour and the live bar are for a terminal only: never when the stream is piped or a file,
under `NO_COLOR` (https://no-color.org), `TERM=dumb`, or in CI (`CI` set), where the plain
lines a log reads well are written instead, byte for byte what they were before.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import TextIO

SEVERITY_COLOURS = {"error": "31;1", "warning": "33", "info": "36", "note": "36"}  # ANSI SGR codes
_FINDING = re.compile(r"^(?P<place>\S.*?:\d+:\d+: )(?P<severity>error|warning|info|note)(?P<rest> AD\d{3}\b.*)$",
                      re.MULTILINE)
_SUMMARY = re.compile(r"^(?P<count>\d+ errors?)(?P<rest>, .*)$", re.MULTILINE)
BAR_WIDTH = 24
SHELLS = ("bash", "zsh", "tcsh")
NOTE = "note: "  # a progress message that starts so is kept on screen


def is_terminal(stream: TextIO) -> bool:
    """Whether decoration may go to `stream`: a terminal, and neither NO_COLOR, TERM=dumb nor CI."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb" or os.environ.get("CI"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def colour_report(text: str) -> str:
    """The text report with each finding's severity (and a non-zero error count) in colour."""
    def finding(match: re.Match[str]) -> str:
        severity = match.group("severity")
        return f"{match.group('place')}\x1b[{SEVERITY_COLOURS[severity]}m{severity}\x1b[0m{match.group('rest')}"

    def summary(match: re.Match[str]) -> str:
        if match.group("count").startswith("0 "):
            return match.group(0)
        return f"\x1b[{SEVERITY_COLOURS['error']}m{match.group('count')}\x1b[0m{match.group('rest')}"

    return _SUMMARY.sub(summary, _FINDING.sub(finding, text))


def for_stream(text: str, stream: TextIO) -> str:
    """The report as it should reach `stream`: coloured on a terminal, unchanged anywhere else."""
    return colour_report(text) if is_terminal(stream) else text


class Progress:
    """`archdoc: ...` lines on standard error; on a terminal one live line, with a bar while images render.

    The site builder calls it with each message, and `count(done, total, what)` as work
    advances (site/imagecache.py asks for it). Used as a context manager on a terminal, it
    keeps the live line below whatever else is written to standard error meanwhile.
    """

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.live = not quiet and is_terminal(self.stream)
        self._line = ""  # the live line
        self._drawn = False  # whether it is on screen now (another writer's text may stand there)
        self._saved: TextIO | None = None

    def __enter__(self) -> Progress:
        if self.live:
            self._saved, sys.stderr = sys.stderr, _BelowLiveLine(self)  # type: ignore[assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        if self._saved is not None:
            sys.stderr, self._saved = self._saved, None
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
        self._line, self._drawn = "", False

    def __call__(self, message: str) -> None:
        if self.quiet:
            return
        if self.live and message.startswith(NOTE):
            self._interrupt(f"archdoc: {message}\n")  # a note stays on screen; the live line goes on below it
        elif self.live:
            self._show(f"archdoc: {message}")
        else:
            print(f"archdoc: {message}", file=self.stream, flush=True)

    def count(self, done: int, total: int, what: str) -> None:
        """A bar on a terminal; nothing in a log (the per-model lines say it there)."""
        if not self.live or total <= 0:
            return
        filled = BAR_WIDTH * done // total
        self._show(f"archdoc: {what} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}")

    def _show(self, line: str) -> None:
        width = max(20, _columns() - 1)
        self._line = line if len(line) <= width else line[: width - 1] + "…"
        self.stream.write("\r\x1b[K" + self._line)
        self.stream.flush()
        self._drawn = True

    def _interrupt(self, text: str) -> None:
        """Another writer's text: the live line is cleared, the text written, the live line drawn again."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self._drawn = False
        self.stream.write(text)
        if self._line and text.endswith("\n"):
            self.stream.write(self._line)
            self._drawn = True
        self.stream.flush()


class _BelowLiveLine:
    """Standard error while a live line is shown."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    def write(self, text: str) -> int:
        self.progress._interrupt(text)
        return len(text)

    def flush(self) -> None:
        self.progress.stream.flush()

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.progress.stream.fileno()


def _columns() -> int:
    try:
        return os.get_terminal_size(sys.__stderr__.fileno()).columns or 80  # type: ignore[union-attr]
    except (OSError, ValueError, AttributeError):
        return 80


def add_completion_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "completion", help="print a shell completion script",
        description="Print the completion script of a shell, to source from its start-up file: "
                    "`archdoc completion bash > ~/.local/share/bash-completion/completions/archdoc`, or for zsh "
                    "`archdoc completion zsh > ~/.zfunc/_archdoc` (with ~/.zfunc in fpath).")
    parser.add_argument("shell", choices=SHELLS, help="the shell")
    parser.set_defaults(run=run_completion)


def run_completion(args: argparse.Namespace) -> int:
    import shtab  # only this command needs it

    from archdoc.cli import build_parser

    sys.stdout.write(shtab.complete(build_parser(), shell=args.shell))
    return 0
