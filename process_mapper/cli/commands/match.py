"""``process-mapper match A B``: pair the steps of two BPMN models by meaning (cli layer)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ...core.xmlio import read_bpmn
from . import CommandError, ExitCode, Subparsers

if TYPE_CHECKING:
    from ...core.diff import MatchResult, ProcessGraph, Thesaurus

HELP = "pair the steps of two BPMN models by meaning"
DESCRIPTION = (
    "Match the steps of A with the steps of B by their labels (Swedish or English, with the "
    "thesaurus), roles and neighbours, not by id. Prints one row per matched pair."
)
A_HELP = "the first BPMN file"
B_HELP = "the second BPMN file"
FORMAT_HELP = "text: a table; json: {\"matches\": [{\"a\", \"b\", \"score\", \"reason\"}]}"
THESAURUS_HELP = "a thesaurus file, or a folder of *.txt thesaurus files, used with the shipped one"
COLUMNS = ("A step", "B step", "score", "reason")
NO_STEP = "-"
UNMATCHED = "no counterpart"
SUMMARY = "{pairs} matched pair(s); {a} step(s) of A and {b} step(s) of B without a counterpart"
BAD_THESAURUS = "cannot read the thesaurus {path}: {reason}"


def register(subparsers: Subparsers) -> None:
    """Add the ``match`` command to ``subparsers``.

    Parameters
    ----------
    subparsers
        The sub-command registry of the ``process-mapper`` parser.
    """
    parser = subparsers.add_parser("match", help=HELP, description=DESCRIPTION)
    parser.add_argument("a", metavar="A", type=Path, help=A_HELP)
    parser.add_argument("b", metavar="B", type=Path, help=B_HELP)
    parser.add_argument("--format", choices=("text", "json"), default="text", help=FORMAT_HELP)
    parser.add_argument("--thesaurus", metavar="DIR_OR_FILE", type=Path, help=THESAURUS_HELP)
    parser.set_defaults(run=run)


def load_thesaurus_option(path: Path | None) -> Thesaurus:
    """The shipped thesaurus plus the user's ``--thesaurus`` file or folder.

    Parameters
    ----------
    path
        The option's value, or None.

    Raises
    ------
    CommandError
        When the file or folder cannot be read or has mistakes (the first one is named).
    """
    from ...core.diff import ThesaurusError, default_thesaurus  # numpy and scipy: load them only here

    try:
        return default_thesaurus(*([path] if path is not None else []))
    except ThesaurusError as error:
        raise CommandError(BAD_THESAURUS.format(path=path, reason=error.problems[0])) from None
    except OSError as error:
        raise CommandError(BAD_THESAURUS.format(path=path, reason=error.strerror or error)) from None


def format_table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> list[str]:
    """Lines of a plain-text table: left-aligned columns, a rule under the header.

    Parameters
    ----------
    rows
        The cells, one sequence per row.
    header
        The column titles.
    """
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(cell).ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

    return [line(header), line(["-" * width for width in widths]), *(line(row) for row in rows)]


def step_name(graph: ProcessGraph, step_id: str) -> str:
    """A step as a table shows it: ``label (id)``, or the id and BPMN type when unnamed."""
    step = graph.steps[step_id]
    return f"{step.label} ({step_id})" if step.label else f"{step_id} [{step.bpmn_type}]"


def run(args: argparse.Namespace) -> ExitCode:
    """Match ``args.a`` with ``args.b`` and print the pairs on stdout.

    Parameters
    ----------
    args
        The parsed command line.

    Returns
    -------
    ExitCode
        ``OK``.
    """
    from ...core.diff import StepMatcher, build_graph  # numpy and scipy: load them only here

    graph_a, graph_b = build_graph(read_bpmn(args.a)), build_graph(read_bpmn(args.b))
    result = StepMatcher(graph_a, graph_b, load_thesaurus_option(args.thesaurus)).match()
    if args.format == "json":
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(_text(result, graph_a, graph_b)))
    return ExitCode.OK


def _text(result: MatchResult, graph_a: ProcessGraph, graph_b: ProcessGraph) -> list[str]:
    rows = [
        [step_name(graph_a, a), step_name(graph_b, b), f"{match.score:.2f}", match.reason]
        for match in result.matches
        for a, b in match.pairs()
    ]
    rows += [[step_name(graph_a, a), NO_STEP, "", UNMATCHED] for a in result.unmatched_a]
    rows += [[NO_STEP, step_name(graph_b, b), "", UNMATCHED] for b in result.unmatched_b]
    summary = SUMMARY.format(pairs=len(result.pairs()), a=len(result.unmatched_a), b=len(result.unmatched_b))
    return [*format_table(rows, COLUMNS), "", summary]
