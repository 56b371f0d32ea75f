"""The sub-commands of ``process-mapper``, one module each (cli layer).

The contract of a command module:

- it defines ``register(subparsers: Subparsers) -> None``, which adds the command's
  parser with ``subparsers.add_parser(name, ...)`` and points it at the command's
  ``run(args: argparse.Namespace) -> int`` with ``parser.set_defaults(run=run)``;
- ``run`` returns an :class:`ExitCode` and raises :class:`CommandError` to stop with one
  line for the user (a :class:`~process_mapper.core.xmlio.BpmnReadError` is reported the
  same way, with :attr:`ExitCode.BAD_INPUT`); it reports what the user should know about a
  success with :func:`warn`;
- it keeps its user-facing strings together at the top of the module;
- it imports heavy dependencies (Qt, layout engines) inside ``run``, because
  :mod:`process_mapper.cli.main` imports every module of this package at start-up.

A new command is a new module here; nothing else needs to change.
"""

from __future__ import annotations

import argparse
import sys
from enum import IntEnum
from typing import TypeAlias

PROG = "process-mapper"
WARNING = "{prog}: warning: {message}"

#: What ``register`` receives: the object ``ArgumentParser.add_subparsers()`` returns.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class ExitCode(IntEnum):
    """The exit status of ``process-mapper``."""

    OK = 0
    #: ``validate`` found at least one error.
    FINDINGS = 1
    #: The input cannot be read, the output cannot be written, or the command line is wrong.
    BAD_INPUT = 2


class CommandError(Exception):
    """Stops a command; ``str(error)`` is the one line the user sees.

    Parameters
    ----------
    message
        One English sentence, without the program name.
    exit_code
        The exit status to end with.
    """

    def __init__(self, message: str, exit_code: ExitCode = ExitCode.BAD_INPUT) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def warn(message: str) -> None:
    """Tell the user, on stderr, something they should know about a command that succeeded.

    Parameters
    ----------
    message
        One English sentence, without the program name.
    """
    print(WARNING.format(prog=PROG, message=message), file=sys.stderr)
