"""``process-mapper gui [FILES...]``: start the desktop application (cli layer).

Qt is imported only when the command runs, so the rest of the command line works on
machines without a display or without PySide6.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import CommandError, ExitCode, Subparsers

HELP = "open the desktop application"
DESCRIPTION = "Open Process Mapper's window, with FILE... in tabs."
FILES_HELP = "BPMN files to open"
LIBRARY_HELP = (
    "a further folder of standard processes to list in the library panel for this session "
    "(the shipped standards and the folders chosen in Preferences are always listed)"
)
LANG_HELP = "interface language (default: the saved choice, else the system's)"
NO_QT = "the desktop application needs PySide6: install it with pip install 'process-mapper[gui]'"
NO_DISPLAY = "no display to open a window on (set DISPLAY, or QT_QPA_PLATFORM=offscreen for tests)"


def register(subparsers: Subparsers) -> None:
    """Add the ``gui`` command to ``subparsers``.

    Parameters
    ----------
    subparsers
        The sub-command registry of the ``process-mapper`` parser.
    """
    parser = subparsers.add_parser("gui", help=HELP, description=DESCRIPTION)
    parser.add_argument("files", metavar="FILE", nargs="*", type=Path, help=FILES_HELP)
    parser.add_argument("--library", metavar="DIR", type=Path, help=LIBRARY_HELP)
    parser.add_argument("--lang", choices=("sv", "en"), help=LANG_HELP)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Start the application and wait until its window closes.

    Parameters
    ----------
    args
        The parsed command line.

    Returns
    -------
    int
        ``ExitCode.OK``, or the event loop's status when Qt ended with another.
    """
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        raise CommandError(NO_DISPLAY)
    try:
        from ...gui.app import run_app
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in ("PySide6", "shiboken6"):
            raise
        raise CommandError(NO_QT) from error
    status = run_app(args.files, args.library, args.lang)
    return ExitCode.OK if status == 0 else status
