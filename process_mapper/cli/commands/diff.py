"""``process-mapper diff STANDARD LOCAL``: where a unit's practice differs from the standard (cli layer)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ...core.xmlio import read_bpmn
from . import CommandError, ExitCode, Subparsers
from .match import THESAURUS_HELP, format_table, load_thesaurus_option

if TYPE_CHECKING:
    from ...core.diff import DiffResult

HELP = "list where a local process must change to follow the standard"
DESCRIPTION = (
    "Compare the unit's LOCAL process with the regional STANDARD process step by step and "
    "list the practice changes (missing and extra steps, other roles, order, decisions, "
    "systems and media, time limits, messages, data), most urgent first."
)
STANDARD_HELP = "the regional standard process (BPMN file)"
LOCAL_HELP = "the unit's local process (BPMN file)"
FORMAT_HELP = "text: changes grouped by severity; json: matches and changes (see docs/diff-json.md)"
LANG_HELP = "language of the text output (default: sv)"
FORCE_HELP = "match standard step A with local step B (ids); may be repeated"
FORBID_HELP = "never match standard step A with local step B (ids); may be repeated"
BAD_PAIR = "{option} expects STANDARD_ID=LOCAL_ID, got {value!r}"
UNKNOWN_STEP = "{message} (check the ids given to --force and --forbid)"
#: Per language: the heading of each severity group, the table header and the totals line.
HEADINGS = {
    "sv": {"must": "MÅSTE ÄNDRAS", "review": "GRANSKA", "info": "FÖR KÄNNEDOM"},
    "en": {"must": "MUST CHANGE", "review": "REVIEW", "info": "FOR INFORMATION"},
}
COLUMNS = {"sv": ("kategori", "standard", "lokalt", "sammanfattning"),
           "en": ("category", "standard", "local", "summary")}
TOTALS = {
    "sv": "{n} skillnad(er) i arbetssätt: {must} måste ändras, {review} att granska, {info} för kännedom.",
    "en": "{n} practice change(s): {must} must change, {review} to review, {info} for information.",
}
NO_CHANGES = {"sv": "Inga skillnader i arbetssätt.", "en": "No practice changes."}


def register(subparsers: Subparsers) -> None:
    """Add the ``diff`` command to ``subparsers``.

    Parameters
    ----------
    subparsers
        The sub-command registry of the ``process-mapper`` parser.
    """
    parser = subparsers.add_parser("diff", help=HELP, description=DESCRIPTION)
    parser.add_argument("standard", metavar="STANDARD", type=Path, help=STANDARD_HELP)
    parser.add_argument("local", metavar="LOCAL", type=Path, help=LOCAL_HELP)
    parser.add_argument("--format", choices=("text", "json"), default="text", help=FORMAT_HELP)
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help=LANG_HELP)
    parser.add_argument("--force", metavar="A=B", nargs="+", action="extend", default=[], help=FORCE_HELP)
    parser.add_argument("--forbid", metavar="A=B", nargs="+", action="extend", default=[], help=FORBID_HELP)
    parser.add_argument("--thesaurus", metavar="DIR_OR_FILE", type=Path, help=THESAURUS_HELP)
    parser.set_defaults(run=run)


def parse_pairs(values: Sequence[str], option: str) -> list[tuple[str, str]]:
    """``["A=B", ...]`` as ``[("A", "B"), ...]``.

    Parameters
    ----------
    values
        The option's values.
    option
        The option's name, for the message.

    Raises
    ------
    CommandError
        When a value is not two non-empty ids joined by ``=``.
    """
    pairs = []
    for value in values:
        a, separator, b = value.partition("=")
        if not separator or not a.strip() or not b.strip():
            raise CommandError(BAD_PAIR.format(option=option, value=value))
        pairs.append((a.strip(), b.strip()))
    return pairs


def run(args: argparse.Namespace) -> ExitCode:
    """Diff ``args.local`` against ``args.standard`` and print the practice changes.

    Parameters
    ----------
    args
        The parsed command line.

    Returns
    -------
    ExitCode
        ``OK``, whatever the changes.

    Raises
    ------
    CommandError
        When ``--force``/``--forbid`` are malformed or name unknown steps, or the
        thesaurus cannot be read.
    """
    from ...core.diff import Differ  # numpy and scipy: load them only here

    forced, forbidden = parse_pairs(args.force, "--force"), parse_pairs(args.forbid, "--forbid")
    thesaurus = load_thesaurus_option(args.thesaurus)
    differ = Differ(read_bpmn(args.standard), read_bpmn(args.local), thesaurus=thesaurus)
    try:
        result = differ.diff(forced, forbidden)
    except KeyError as error:
        raise CommandError(UNKNOWN_STEP.format(message=error.args[0])) from None
    if args.format == "json":
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(_text(result, args.lang)))
    return ExitCode.OK


def _text(result: DiffResult, language: str) -> list[str]:
    from ...core.diff import ChangeSeverity

    if not result.changes:
        return [NO_CHANGES[language]]
    lines: list[str] = []
    counts = {severity.value: 0 for severity in ChangeSeverity}
    for severity in ChangeSeverity:
        group = [change for change in result.changes if change.severity is severity]
        counts[severity.value] = len(group)
        if not group:
            continue
        rows = [
            [change.category.value, ", ".join(change.standard_elements) or "-",
             ", ".join(change.local_elements) or "-", change.summary[language]]
            for change in group
        ]
        lines += [f"{HEADINGS[language][severity.value]} ({len(group)})", *format_table(rows, COLUMNS[language]), ""]
    lines.append(TOTALS[language].format(n=len(result.changes), **counts))
    return lines
