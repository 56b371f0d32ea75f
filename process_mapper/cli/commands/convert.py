"""``process-mapper convert IN OUT``: read a BPMN file and write it again (cli layer).

Writing is atomic, and nothing is written when the input cannot be read or (without
``--lenient``) has errors, so OUT is either the complete new file or left as it was.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ...core.model import BpmnDocument, Severity
from ...core.xmlio import read_bpmn, write_bpmn
from . import CommandError, ExitCode, Subparsers, warn

HELP = "read a BPMN file and write it out again"
DESCRIPTION = (
    "Read IN and write it to OUT as BPMN 2.0 XML, keeping vendor extensions. "
    "OUT is replaced atomically and left untouched when anything fails."
)
IN_HELP = "the BPMN file to read"
OUT_HELP = "where to write the result (replaced if it exists)"
LAYOUT_HELP = "lay the diagrams out anew before writing"
LENIENT_HELP = "write even when IN has errors such as flows that point to no element"
REFUSED = (
    "{file} has {count} error(s), so nothing was written; the first: {first} "
    "(--lenient converts it anyway)"
)
CANNOT_LAY_OUT = "cannot lay out {file}: {reason}"
CANNOT_WRITE = "cannot write {file}: {reason}"


def register(subparsers: Subparsers) -> None:
    """Add the ``convert`` command to ``subparsers``.

    Parameters
    ----------
    subparsers
        The sub-command registry of the ``process-mapper`` parser.
    """
    parser = subparsers.add_parser("convert", help=HELP, description=DESCRIPTION)
    parser.add_argument("input", metavar="IN", type=Path, help=IN_HELP)
    parser.add_argument("output", metavar="OUT", type=Path, help=OUT_HELP)
    parser.add_argument("--layout", action="store_true", help=LAYOUT_HELP)
    parser.add_argument("--lenient", action="store_true", help=LENIENT_HELP)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitCode:
    """Convert ``args.input`` to ``args.output``.

    Parameters
    ----------
    args
        The parsed command line.

    Returns
    -------
    ExitCode
        ``OK`` once OUT is written.

    Raises
    ------
    CommandError
        When IN has errors (without ``--lenient``), cannot be laid out, or OUT cannot be
        written.
    """
    document = read_bpmn(args.input)
    errors = [issue for issue in document.issues if issue.severity is Severity.ERROR]
    if errors and not args.lenient:
        raise CommandError(REFUSED.format(file=args.input, count=len(errors), first=errors[0].message))
    if args.layout:
        _lay_out(document, args.input)
    try:
        write_bpmn(document, args.output)
    except OSError as error:
        raise CommandError(CANNOT_WRITE.format(file=args.output, reason=error.strerror or error)) from None
    return ExitCode.OK


def _lay_out(document: BpmnDocument, name: Path) -> None:
    """Replace the document's diagrams by an automatic layout; warn about what it left out."""
    from ...core.layout import LayoutError, auto_layout  # needs Graphviz: load it only here

    try:
        result = auto_layout(document)
    except LayoutError as error:
        raise CommandError(CANNOT_LAY_OUT.format(file=name, reason=error)) from None
    for issue in result.warnings:
        warn(issue.message)
