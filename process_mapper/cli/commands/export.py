"""``process-mapper export IN -o OUT``: a diagram as PDF, SVG or PNG (cli layer).

Runs without a display: Qt draws offscreen. A file without a diagram is laid out first.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from . import CommandError, ExitCode, Subparsers, warn

if TYPE_CHECKING:
    from ...core.model import BpmnDocument

HELP = "draw a diagram to PDF, SVG or PNG"
DESCRIPTION = (
    "Draw the diagram of IN to OUT, by OUT's suffix: .pdf (vector, selectable text, fitted on "
    "one page or tiled as a poster), .svg or .png, with a title block (process name, version, "
    "unit, date) taken from the process metadata unless given."
)
IN_HELP = "the BPMN file to draw"
OUT_HELP = "the file to write: .pdf, .svg or .png"
PAGE_HELP = "paper size of a PDF (default: A4)"
ORIENTATION_HELP = "page orientation of a PDF (default: auto, landscape for a wide diagram)"
FIT_HELP = "fit the whole diagram on one page (the default)"
TILE_HELP = "draw at --scale over as many pages as it takes, for a wall poster"
SCALE_HELP = "with --tile: size in percent, 100 draws one diagram pixel as 1/96 inch (default: 100)"
OVERLAP_HELP = "with --tile: millimetres of drawing repeated on adjacent pages (default: 10)"
DPI_HELP = "PNG resolution in pixels per inch (default: 192)"
TRANSPARENT_HELP = "PNG on a transparent background instead of white"
TITLE_HELP = "process name in the title block (default: the metadata title, else the process name)"
UNIT_HELP = "unit in the title block (default: the metadata owner)"
PROCESS_VERSION_HELP = "version in the title block (default: the metadata version)"
NO_TITLE_BLOCK_HELP = "leave the title block out"
LANG_HELP = "language of the title block's captions (default: sv)"
NO_QT = "exports need PySide6: install it with pip install 'process-mapper[gui]'"
BAD_SUFFIX = "cannot export to {suffix!r}: give OUT the suffix .pdf, .svg or .png"
BAD_OPTION = "{reason}"
CANNOT_WRITE = "cannot write {file}: {reason}"
LAID_OUT = "{file} has no diagram: it was laid out automatically"
CANNOT_LAY_OUT = "{file} has no diagram and cannot be laid out: {reason}"


def register(subparsers: Subparsers) -> None:
    """Add the ``export`` command to ``subparsers``.

    Parameters
    ----------
    subparsers
        The sub-command registry of the ``process-mapper`` parser.
    """
    parser = subparsers.add_parser("export", help=HELP, description=DESCRIPTION)
    parser.add_argument("input", metavar="IN", type=Path, help=IN_HELP)
    parser.add_argument("-o", "--output", metavar="OUT", type=Path, required=True, help=OUT_HELP)
    add_page_options(parser)
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument("--fit", dest="tile", action="store_false", help=FIT_HELP)
    layout.add_argument("--tile", dest="tile", action="store_true", help=TILE_HELP)
    parser.add_argument("--scale", metavar="PERCENT", type=float, default=100.0, help=SCALE_HELP)
    parser.add_argument("--overlap", metavar="MM", type=float, default=10.0, help=OVERLAP_HELP)
    parser.add_argument("--dpi", type=float, default=192.0, help=DPI_HELP)
    parser.add_argument("--transparent", action="store_true", help=TRANSPARENT_HELP)
    parser.add_argument("--title", help=TITLE_HELP)
    parser.add_argument("--unit", help=UNIT_HELP)
    parser.add_argument("--process-version", metavar="VERSION", help=PROCESS_VERSION_HELP)
    parser.add_argument("--no-title-block", action="store_true", help=NO_TITLE_BLOCK_HELP)
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help=LANG_HELP)
    parser.set_defaults(run=run)


def add_page_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--page`` and ``--orientation`` (shared with ``report``)."""
    parser.add_argument("--page", choices=("A4", "A3"), default="A4", help=PAGE_HELP)
    parser.add_argument("--orientation", choices=("auto", "portrait", "landscape"), default="auto",
                        help=ORIENTATION_HELP)


def load_export_package() -> ModuleType:
    """:mod:`process_mapper.gui.export` with a running (offscreen when headless) Qt application.

    Raises
    ------
    CommandError
        When PySide6 is not installed.
    """
    try:
        from ...gui import export
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in ("PySide6", "shiboken6"):
            raise
        raise CommandError(NO_QT) from error
    export.ensure_application()
    return export


def run(args: argparse.Namespace) -> ExitCode:
    """Draw ``args.input`` to ``args.output``.

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
        When OUT's suffix is not known, an option is out of range, IN has no diagram and
        cannot be laid out, or OUT cannot be written.
    """
    from ...core.xmlio import read_bpmn

    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".svg", ".png"):
        raise CommandError(BAD_SUFFIX.format(suffix=args.output.suffix or args.output.name))
    if args.dpi <= 0:
        raise CommandError(BAD_OPTION.format(reason="--dpi must be positive"))
    check_writable(args.output)
    document = read_bpmn(args.input)
    if not document.diagrams:
        _lay_out(document, args.input)
    export = load_export_package()
    try:
        setup = export.PageSetup(paper=args.page, orientation=export.Orientation(args.orientation), tile=args.tile,
                                 scale_percent=args.scale, overlap_mm=args.overlap,
                                 title_block=not args.no_title_block)
    except ValueError as error:
        raise CommandError(BAD_OPTION.format(reason=error)) from None
    block = export.TitleBlock.of(document).with_overrides(args.title, args.process_version, args.unit)
    try:
        export.export_diagram(document, args.output, setup=setup, block=block, language=args.lang,
                              image=export.ImageOptions(dpi=args.dpi, transparent=args.transparent))
    except ValueError as error:  # an overlap that leaves nothing of a page
        raise CommandError(BAD_OPTION.format(reason=error)) from None
    except OSError as error:
        raise CommandError(CANNOT_WRITE.format(file=args.output, reason=error.strerror or error)) from None
    return ExitCode.OK


def check_writable(path: Path) -> None:
    """Refuse early (one line, no Qt warning) when ``path``'s folder does not exist.

    Raises
    ------
    CommandError
        When the folder is missing.
    """
    if not path.parent.is_dir():
        raise CommandError(CANNOT_WRITE.format(file=path, reason="the folder does not exist"))


def _lay_out(document: BpmnDocument, name: Path) -> None:
    from ...core.layout import LayoutError, auto_layout  # needs Graphviz: load it only here

    try:
        auto_layout(document)
    except LayoutError as error:
        raise CommandError(CANNOT_LAY_OUT.format(file=name, reason=error)) from None
    warn(LAID_OUT.format(file=name))
