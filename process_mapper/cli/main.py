"""The ``process-mapper`` command line (cli layer).

Each sub-command lives in its own module of :mod:`process_mapper.cli.commands` and is
found by listing that package; see its docstring for the contract. Exit codes are those
of :class:`~process_mapper.cli.commands.ExitCode`. A problem with the user's input ends
the program with exactly one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from ..core.xmlio import BpmnReadError
from . import commands
from .commands import PROG, CommandError, ExitCode

DESCRIPTION = "Map, validate and convert care processes drawn in BPMN 2.0."
FAILURE = "{prog}: {message}"


def command_modules() -> list[ModuleType]:
    """Every command module of :mod:`process_mapper.cli.commands`, by name.

    Returns
    -------
    list[ModuleType]
        The imported modules, each with a ``register`` function.
    """
    return [
        importlib.import_module(f"{commands.__name__}.{info.name}")
        for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda info: info.name)
    ]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered.

    Returns
    -------
    argparse.ArgumentParser
        Parsing sets ``run`` on the namespace: the chosen command's entry point.
    """
    parser = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    subparsers = parser.add_subparsers(metavar="COMMAND", required=True)
    for module in command_modules():
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``process-mapper`` with ``argv`` (default: the process's arguments).

    Parameters
    ----------
    argv
        The arguments after the program name.

    Returns
    -------
    int
        The exit status (argparse itself exits with 2 on a usage error).
    """
    args = build_parser().parse_args(argv)
    try:
        exit_code: int = args.run(args)
    except BpmnReadError as error:
        return _fail(str(error), ExitCode.BAD_INPUT)
    except CommandError as error:
        return _fail(str(error), error.exit_code)
    return exit_code


def _fail(message: str, exit_code: ExitCode) -> int:
    """Print ``message`` as the one line on stderr (whatever line breaks it holds)."""
    print(FAILURE.format(prog=PROG, message=" ".join(message.split())), file=sys.stderr)
    return exit_code
