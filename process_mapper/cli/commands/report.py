"""``process-mapper report STANDARD LOCAL -o OUT``: the comparison report or change list (cli layer).

OUT's suffix chooses: ``.pdf`` the full report (cover, both diagrams with the difference
marks, the change list with decisions), ``.csv`` or ``.xlsx`` the change list for action
planning. LOCAL may be a folder of local processes: then OUT is a folder that receives one
report per unit and the overview of which standard steps most units miss
(``overview.csv``, ``overview.xlsx`` and ``overview.pdf``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from . import CommandError, ExitCode, Subparsers, warn
from .export import PAGE_HELP, check_writable, load_export_package

HELP = "write the comparison report (PDF) or the change list (CSV, XLSX)"
DESCRIPTION = (
    "Compare LOCAL with STANDARD and write OUT by its suffix: .pdf the comparison report, "
    ".csv or .xlsx the change list (one row per change, with the workshop's decisions when "
    "--comparison gives the comparison file). With a folder as LOCAL, OUT is a folder: one "
    "report per local process (--format) and an overview of the standard steps units miss."
)
STANDARD_HELP = "the regional standard process (BPMN file)"
LOCAL_HELP = "the unit's local process (BPMN file), or a folder of them"
OUT_HELP = "the file to write (.pdf, .csv, .xlsx), or a folder for a folder of local processes"
COMPARISON_HELP = "a comparison file (.pmcompare) whose links and decisions to report"
FORMAT_HELP = "for a folder of local processes: the format of each unit's report (default: pdf)"
LANG_HELP = "language of the report (default: sv)"
SUFFIXES = (".pdf", ".csv", ".xlsx")
BAD_SUFFIX = "cannot write a report to {suffix!r}: give OUT the suffix .pdf, .csv or .xlsx"
NOT_A_FOLDER = "{file} is not a folder: with a folder of local processes, OUT must be a folder"
NO_LOCALS = "no .bpmn files in {folder}"
COMPARISON_IN_BATCH = "--comparison applies to one local process, not to a folder"
CANNOT_OPEN = "{message}"
CANNOT_WRITE = "cannot write {file}: {reason}"
SKIPPED = "left out {file}: {reason}"
FILE_CHANGED = (
    "the {side} process changed since the comparison was saved; decisions that no longer fit are listed apart"
)
OVERVIEW = "overview"


def register(subparsers: Subparsers) -> None:
    """Add the ``report`` command to ``subparsers``.

    Parameters
    ----------
    subparsers
        The sub-command registry of the ``process-mapper`` parser.
    """
    parser = subparsers.add_parser("report", help=HELP, description=DESCRIPTION)
    parser.add_argument("standard", metavar="STANDARD", type=Path, help=STANDARD_HELP)
    parser.add_argument("local", metavar="LOCAL", type=Path, help=LOCAL_HELP)
    parser.add_argument("-o", "--output", metavar="OUT", type=Path, required=True, help=OUT_HELP)
    parser.add_argument("--comparison", metavar="FILE", type=Path, help=COMPARISON_HELP)
    parser.add_argument("--format", choices=("pdf", "csv", "xlsx"), default="pdf", help=FORMAT_HELP)
    parser.add_argument("--page", choices=("A4", "A3"), default="A4", help=PAGE_HELP)
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help=LANG_HELP)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitCode:
    """Write the report of ``args.local`` against ``args.standard`` (or of each file of a folder).

    Parameters
    ----------
    args
        The parsed command line.

    Returns
    -------
    ExitCode
        ``OK`` once everything is written.

    Raises
    ------
    CommandError
        When a file cannot be read, OUT's suffix is not known, or OUT cannot be written.
    """
    if args.local.is_dir():
        return _batch(args)
    suffix = args.output.suffix.lower()
    if suffix not in SUFFIXES:
        raise CommandError(BAD_SUFFIX.format(suffix=args.output.suffix or args.output.name))
    check_writable(args.output)
    comparison = _open(args.standard, args.local, args.comparison)
    for status in comparison.file_status:
        if status.changed:
            warn(FILE_CHANGED.format(side=status.side))
    _write(comparison, args.output, args.lang, args.page)
    return ExitCode.OK


def _open(standard: Path, local: Path, comparison_file: Path | None):
    from ...core.comparison import Comparison, ComparisonFileError, load_comparison

    try:
        if comparison_file is not None:
            return load_comparison(comparison_file, standard=standard, local=local)
        return Comparison.create(standard, local)
    except ComparisonFileError as error:
        raise CommandError(CANNOT_OPEN.format(message=error)) from None


def _write(comparison, path: Path, language: str, paper: str) -> None:
    from ...core.reports import comparison_tables, write_table

    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            load_export_package().write_comparison_report(comparison, path, language, paper=paper)
        else:
            write_table(comparison_tables(comparison, language), path)
    except OSError as error:
        raise CommandError(CANNOT_WRITE.format(file=path, reason=error.strerror or error)) from None


def _batch(args: argparse.Namespace) -> ExitCode:
    from ...core.comparison import Comparison, ComparisonFileError, read_side
    from ...core.reports import build_overview, write_table

    if args.comparison is not None:
        raise CommandError(COMPARISON_IN_BATCH)
    if args.output.exists() and not args.output.is_dir():
        raise CommandError(NOT_A_FOLDER.format(file=args.output))
    locals_ = sorted(path for path in args.local.glob("*.bpmn") if path.is_file())
    if not locals_:
        raise CommandError(NO_LOCALS.format(folder=args.local))
    try:
        args.output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(CANNOT_WRITE.format(file=args.output, reason=error.strerror or error)) from None
    try:  # an unreadable standard stops the batch; an unreadable unit is left out
        standard = read_side(args.standard, "standard")  # read once, compared with every unit
    except ComparisonFileError as error:
        raise CommandError(CANNOT_OPEN.format(message=error)) from None
    units = []
    for local in locals_:
        try:
            comparison = Comparison(standard, read_side(local, "local"))
        except ComparisonFileError as error:
            warn(SKIPPED.format(file=local, reason=CANNOT_OPEN.format(message=error)))
            continue
        _write(comparison, args.output / f"{local.stem}.{args.format}", args.lang, args.page)
        units.append((local.stem, comparison))
    if not units:
        raise CommandError(NO_LOCALS.format(folder=args.local))
    overview = build_overview(units, args.lang)
    try:
        tables = overview.tables(args.lang)
        write_table(tables, args.output / f"{OVERVIEW}.xlsx")
        write_table(tables, args.output / f"{OVERVIEW}.csv")
        load_export_package().write_overview_report(overview, args.output / f"{OVERVIEW}.pdf", args.lang,
                                                    paper=args.page)
    except OSError as error:
        raise CommandError(CANNOT_WRITE.format(file=args.output, reason=error.strerror or error)) from None
    return ExitCode.OK
