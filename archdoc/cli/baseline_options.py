"""`archdoc lint --baseline`, `--write-baseline`, `--prune-baseline`, `--strict-baseline`: accept today's findings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archdoc.lint import LintReport
from archdoc.lint.baseline import BaselineError, Entry, format_baseline, match_baseline, read_baseline
from archdoc.load import LoadResult
from archdoc.model import Model, Problem


def add_baseline_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--baseline", type=Path, metavar="FILE",
                        help="report and fail only on findings this baseline file does not list")
    parser.add_argument("--write-baseline", type=Path, metavar="FILE",
                        help="record today's findings in a baseline file (sorted JSON); they are then accepted")
    parser.add_argument("--prune-baseline", action="store_true",
                        help="with --baseline: rewrite the file without the entries that no longer occur")
    parser.add_argument("--strict-baseline", action="store_true",
                        help="with --baseline: fail (exit 1) when baseline entries no longer occur")


def apply_baseline(args: argparse.Namespace, result: LoadResult, report: LintReport) -> tuple[LintReport, int]:
    """The report to show (baselined findings taken out) and the least exit status the baseline asks for."""
    if (args.prune_baseline or args.strict_baseline) and args.baseline is None:
        return _fail("--prune-baseline and --strict-baseline need --baseline FILE")
    if args.baseline is not None and args.write_baseline is not None:
        return _fail("use --baseline or --write-baseline, not both")
    if args.baseline is None and args.write_baseline is None:
        return report, 0  # no baseline: no identities to compute (a cost per finding)
    findings = [problem for problem in report.problems if problem.suppressed is None]
    models = result.by_id
    entries = [_entry(problem, models) for problem in findings]
    if args.write_baseline is not None:
        if report.unreadable:
            return report, 0  # a baseline of unreadable input would accept nothing useful
        try:
            _write(args.write_baseline, format_baseline(entries))
        except OSError as error:
            return _fail(f"cannot write {args.write_baseline}: {error.strerror or error}")
        print(f"archdoc lint: wrote {len(entries)} finding{'' if len(entries) == 1 else 's'} to "
              f"{args.write_baseline}", file=sys.stderr)
        accepted = [p for p in report.problems if p.suppressed is not None]  # every finding is now baselined
        return LintReport(accepted, report.files, report.unreadable), 0
    assert args.baseline is not None
    try:
        baseline = read_baseline(args.baseline)
    except BaselineError as error:
        return _fail(str(error))
    match = match_baseline(baseline, entries)
    accepted = {id(findings[position]) for position in match.accepted}
    shown = LintReport([p for p in report.problems if id(p) not in accepted], report.files, report.unreadable)
    if match.accepted:
        print(f"archdoc lint: {len(match.accepted)} finding{'' if len(match.accepted) == 1 else 's'} accepted by "
              f"{args.baseline}", file=sys.stderr)
    status = 0
    if match.stale:
        for code, model, subject, message in match.stale:
            about = f" {subject}" if subject else ""
            print(f"{args.baseline}: baseline entry no longer occurs: {code} {model}{about}: {message}",
                  file=sys.stderr)
        if args.prune_baseline:
            remaining = list(baseline)
            for entry in match.stale:
                remaining.remove(entry)
            try:
                _write(args.baseline, format_baseline(remaining))
            except OSError as error:
                return _fail(f"cannot write {args.baseline}: {error.strerror or error}")
            print(f"archdoc lint: removed {len(match.stale)} entries from {args.baseline}", file=sys.stderr)
        elif args.strict_baseline:
            status = 1
        else:
            print("archdoc lint: --prune-baseline removes them", file=sys.stderr)
    return shown, status


def _entry(problem: Problem, models: dict[str, Model]) -> Entry:
    # Only with a baseline: plain `archdoc lint` does not load the diff package.
    from archdoc.diff.identity import finding_identity

    identity = finding_identity(problem, models)
    return (identity.code, identity.model, identity.subject, identity.message)


def _write(path: Path, text: str) -> None:
    if path.exists() and not path.is_file():
        raise OSError(f"{path} is not a regular file")
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _fail(message: str) -> tuple[LintReport, int]:
    print(f"archdoc lint: {message}", file=sys.stderr)
    return LintReport(unreadable=True), 2
