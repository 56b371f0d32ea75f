"""``process-mapper library``: list the regional standard processes, or suggest one (cli layer)."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...core.xmlio import read_bpmn
from . import ExitCode, Subparsers, warn
from .match import format_table, load_thesaurus_option

if TYPE_CHECKING:
    from ...core.library import LibraryEntry, LibraryListing, Suggestion

HELP = "list the regional standard processes, or suggest the one a local process follows"
DESCRIPTION = (
    "List the standard processes in the shipped folder and in the given folders with their "
    "metadata, newest version first; or, with --suggest, rank the standards by how well they "
    "fit a local process."
)
FOLDER_HELP = "a further folder of standards (e.g. the region's shared folder); may be repeated"
FORMAT_HELP = "text: a table; json: {\"standards\", \"unreadable\", \"warnings\"} or {\"local\", \"suggestions\"}"
CATEGORY_HELP = "only standards of this category"
ALL_VERSIONS_HELP = "every version of each standard, not only the newest"
SUGGEST_HELP = "rank the standards by how well they fit this local process (BPMN file)"
TOP_HELP = "how many standards --suggest shows (default: 3)"
THESAURUS_HELP = "a thesaurus file, or a folder of *.txt thesaurus files, used with the shipped one (--suggest)"
CATEGORIES = ("referral", "certificate")
COLUMNS = ("identifier", "title", "version", "valid from", "owner", "category", "file")
SUGGEST_COLUMNS = ("rank", "identifier", "title", "version", "score", "matched", "reason")
EMPTY = "-"
NO_STANDARDS = "No standard processes found."
NO_SUGGESTIONS = "No standard process to suggest for {local}."
SUMMARY = "{standards} standard process(es), {unreadable} unreadable file(s)"
UNREADABLE = "{file} is not listed: {reason}"


def register(subparsers: Subparsers) -> None:
    """Add the ``library`` command to ``subparsers``.

    Parameters
    ----------
    subparsers
        The sub-command registry of the ``process-mapper`` parser.
    """
    parser = subparsers.add_parser("library", help=HELP, description=DESCRIPTION)
    parser.add_argument("--folder", metavar="DIR", type=Path, action="append", default=[], help=FOLDER_HELP)
    parser.add_argument("--format", choices=("text", "json"), default="text", help=FORMAT_HELP)
    parser.add_argument("--category", choices=CATEGORIES, help=CATEGORY_HELP)
    parser.add_argument("--all-versions", action="store_true", help=ALL_VERSIONS_HELP)
    parser.add_argument("--suggest", metavar="LOCAL", type=Path, help=SUGGEST_HELP)
    parser.add_argument("--top", metavar="N", type=_positive, default=3, help=TOP_HELP)
    parser.add_argument("--thesaurus", metavar="DIR_OR_FILE", type=Path, help=THESAURUS_HELP)
    parser.set_defaults(run=run)


def _positive(text: str) -> int:
    """``--top``'s value: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def run(args: argparse.Namespace) -> ExitCode:
    """List the library, or suggest standards for ``args.suggest``, on stdout.

    Parameters
    ----------
    args
        The parsed command line.

    Returns
    -------
    ExitCode
        ``OK``; folders and files that cannot be read are warnings on stderr.
    """
    from ...core.library import StandardLibrary

    local = read_bpmn(args.suggest) if args.suggest is not None else None
    thesaurus = load_thesaurus_option(args.thesaurus) if local is not None else None
    library = StandardLibrary(args.folder)
    listing = library.scan()
    _warn(listing)
    if local is not None:
        suggestions = library.suggest(local, args.top, category=args.category, all_versions=args.all_versions,
                                      thesaurus=thesaurus)
        _print_suggestions(suggestions, args.suggest, args.format)
        return ExitCode.OK
    entries = listing.select(args.category, all_versions=args.all_versions)
    if args.format == "json":
        print(json.dumps(_listing_json(listing, entries), indent=2, ensure_ascii=False))
    else:
        print("\n".join(_listing_text(listing, entries)))
    return ExitCode.OK


def _warn(listing: LibraryListing) -> None:
    """Folders that cannot be read and files that cannot be listed, on stderr."""
    for message in listing.warnings:
        warn(message)
    for file in listing.unreadable:
        warn(UNREADABLE.format(file=_display_path(file.path), reason=file.reason))


def _display_path(path: Path) -> str:
    """``path`` relative to the working folder when it lies inside it, else as it is."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _listing_text(listing: LibraryListing, entries: Sequence[LibraryEntry]) -> list[str]:
    """The lines of the text listing: a table of ``entries`` and a summary."""
    if not entries:
        return [NO_STANDARDS]
    rows = [
        [entry.identifier, entry.title, entry.version or EMPTY, entry.valid_from or EMPTY,
         entry.owner or EMPTY, entry.category or EMPTY, _display_path(entry.path)]
        for entry in entries
    ]
    summary = SUMMARY.format(standards=len(entries), unreadable=len(listing.unreadable))
    return [*format_table(rows, COLUMNS), "", summary]


def _listing_json(listing: LibraryListing, entries: Sequence[LibraryEntry]) -> dict[str, Any]:
    """The JSON listing: ``entries``, the unreadable files and the warnings."""
    return {
        "standards": [entry.to_json() for entry in entries],
        "unreadable": [file.to_json() for file in listing.unreadable],
        "warnings": list(listing.warnings),
    }


def _print_suggestions(suggestions: Sequence[Suggestion], local: Path, output: str) -> None:
    """Print the suggestions for ``local`` as a table (``output="text"``) or JSON."""
    if output == "json":
        records = [_suggestion_json(rank, suggestion) for rank, suggestion in enumerate(suggestions, start=1)]
        print(json.dumps({"local": os.fspath(local), "suggestions": records}, indent=2, ensure_ascii=False))
        return
    if not suggestions:
        print(NO_SUGGESTIONS.format(local=local))
        return
    rows = [
        [str(rank), s.entry.identifier, s.entry.title, s.entry.version or EMPTY, f"{s.score:.2f}",
         f"{s.matched_steps}/{s.local_steps}", s.reason]
        for rank, s in enumerate(suggestions, start=1)
    ]
    print("\n".join(format_table(rows, SUGGEST_COLUMNS)))


def _suggestion_json(rank: int, suggestion: Suggestion) -> dict[str, Any]:
    """One suggestion as plain data."""
    entry = suggestion.entry
    return {"rank": rank, "identifier": entry.identifier, "title": entry.title, "version": entry.version,
            "file": str(entry.path), "score": round(suggestion.score, 4), "matched_steps": suggestion.matched_steps,
            "local_steps": suggestion.local_steps, "standard_steps": suggestion.standard_steps,
            "reason": suggestion.reason}
