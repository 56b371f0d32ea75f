"""Exports, reports and printing: diagrams and comparisons on paper and in files (gui layer).

Drawing needs Qt, so these live above the core: :mod:`.diagram` writes a diagram to PDF
(vector, embedded fonts), SVG or PNG, fitted on one page or tiled as a poster
(:mod:`.pages`) with a title block (:mod:`.title_block`); :mod:`.report` writes the
comparison report and the rollout overview as PDF; :mod:`.printing` prints with the same
layouts, and so can the comparison report (:func:`paint_comparison_report`).
:func:`ensure_application` starts Qt without a display for the command line.
The change list as CSV or XLSX needs no Qt: see :mod:`process_mapper.core.reports`.
"""

from .application import ensure_application
from .diagram import EXPORT_SUFFIXES, ImageOptions, diagram_scene, export_diagram, paint_pages
from .pages import Orientation, PageSetup
from .printing import print_diagram, print_with_preview
from .report import paint_comparison_report, write_comparison_report, write_overview_report
from .title_block import TitleBlock

__all__ = [
    "EXPORT_SUFFIXES",
    "ImageOptions",
    "Orientation",
    "PageSetup",
    "TitleBlock",
    "diagram_scene",
    "ensure_application",
    "export_diagram",
    "paint_comparison_report",
    "paint_pages",
    "print_diagram",
    "print_with_preview",
    "write_comparison_report",
    "write_overview_report",
]
