"""``process-mapper validate FILE``: report what is wrong with a BPMN file (cli layer)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ...core.model import Issue, Severity
from ...core.validation import validate
from ...core.xmlio import read_bpmn
from . import ExitCode, Subparsers

HELP = "check a BPMN file against the schema and modelling rules"
DESCRIPTION = (
    "Check FILE against the BPMN 2.0 XML schema, its references and Process Mapper's "
    "modelling rules. Exits with 1 when there is at least one error."
)
FILE_HELP = "the BPMN file to check"
FORMAT_HELP = "text: one line per finding and a summary; json: one JSON object"
NO_SCHEMA_HELP = "skip the XML schema check"
FINDING = "{severity} {code} {element}: {message}"
AT_LINE = " (line {line})"
NO_ELEMENT = "-"
SUMMARY = "{file}: {verdict} ({counts})"
VERDICTS = {True: "valid", False: "not valid"}
COUNTED = {
    Severity.ERROR: ("{n} error", "{n} errors"),
    Severity.WARNING: ("{n} warning", "{n} warnings"),
    Severity.INFO: ("{n} info", "{n} info"),
}


def register(subparsers: Subparsers) -> None:
    """Add the ``validate`` command to ``subparsers``.

    Parameters
    ----------
    subparsers
        The sub-command registry of the ``process-mapper`` parser.
    """
    parser = subparsers.add_parser("validate", help=HELP, description=DESCRIPTION)
    parser.add_argument("file", metavar="FILE", type=Path, help=FILE_HELP)
    parser.add_argument("--format", choices=("text", "json"), default="text", help=FORMAT_HELP)
    parser.add_argument("--no-schema", action="store_true", help=NO_SCHEMA_HELP)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitCode:
    """Validate ``args.file`` and print the findings on stdout.

    Parameters
    ----------
    args
        The parsed command line.

    Returns
    -------
    ExitCode
        ``OK`` without errors, ``FINDINGS`` with at least one.
    """
    issues = validate(read_bpmn(args.file), schema=not args.no_schema)
    counts = {severity: sum(issue.severity is severity for issue in issues) for severity in Severity}
    valid = counts[Severity.ERROR] == 0
    if args.format == "json":
        report = {
            "file": str(args.file),
            "valid": valid,
            "counts": {severity.value: n for severity, n in counts.items()},
            "issues": [issue.as_dict() for issue in issues],
        }
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for issue in issues:
            print(_text_line(issue))
        tally = ", ".join(_counted(severity, n) for severity, n in counts.items())
        print(SUMMARY.format(file=args.file, verdict=VERDICTS[valid], counts=tally))
    return ExitCode.OK if valid else ExitCode.FINDINGS


def _text_line(issue: Issue) -> str:
    line = FINDING.format(
        severity=issue.severity.value,
        code=issue.code,
        element=issue.element_id or NO_ELEMENT,
        message=issue.message,
    )
    return line + AT_LINE.format(line=issue.line) if issue.line else line


def _counted(severity: Severity, n: int) -> str:
    one, many = COUNTED[severity]
    return (one if n == 1 else many).format(n=n)
