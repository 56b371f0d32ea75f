"""Page set-up of diagram exports and printouts: paper, orientation, fit or tiles (gui layer).

A diagram is either fitted on one page or, for wall posters, drawn at a chosen scale and
cut into tiles: adjacent tiles repeat :attr:`PageSetup.overlap_mm` of the drawing so the
sheets can be trimmed along the dashed line and glued over the neighbour.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize

__all__ = ["MM_PER_INCH", "SCENE_DPI", "Orientation", "PageSetup", "Tile", "tiles"]

MM_PER_INCH = 25.4
#: Scene units per inch at 100 %: one DI pixel is one screen pixel at 96 dpi.
SCENE_DPI = 96.0
_PAPERS = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}


class Orientation(str, Enum):
    """Portrait, landscape, or whichever suits the drawing's shape (``auto``)."""

    AUTO = "auto"
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True)
class PageSetup:
    """How a diagram is laid on paper.

    Attributes
    ----------
    paper : {"A4", "A3"}
        The paper size.
    orientation : Orientation
        ``auto`` takes landscape for a drawing wider than tall.
    tile : bool
        False fits the whole diagram on one page; True draws it at :attr:`scale_percent`
        over as many pages as it takes.
    scale_percent : float
        For tiles: 100 draws one DI pixel as 1/96 inch.
    overlap_mm : float
        For tiles: how much of the drawing adjacent pages repeat.
    margin_mm : float
        Blank border of every page (printers cannot print to the edge).
    title_block : bool
        Draw the title block at the foot of every page.
    """

    paper: str = "A4"
    orientation: Orientation = Orientation.AUTO
    tile: bool = False
    scale_percent: float = 100.0
    overlap_mm: float = 10.0
    margin_mm: float = 10.0
    title_block: bool = True

    def __post_init__(self) -> None:
        if self.paper not in _PAPERS:
            raise ValueError(f"paper must be one of {', '.join(_PAPERS)}, not {self.paper!r}")
        if self.scale_percent <= 0:
            raise ValueError("the scale must be positive")
        if self.overlap_mm < 0 or self.margin_mm < 0:
            raise ValueError("overlap and margin cannot be negative")

    def page_layout(self, drawing: QRectF) -> QPageLayout:
        """The page layout for a drawing of this shape (decides ``auto`` orientation)."""
        if self.orientation is Orientation.AUTO:
            landscape = drawing.width() >= drawing.height()
        else:
            landscape = self.orientation is Orientation.LANDSCAPE
        orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        margins = QMarginsF(self.margin_mm, self.margin_mm, self.margin_mm, self.margin_mm)
        return QPageLayout(QPageSize(_PAPERS[self.paper]), orientation, margins, QPageLayout.Unit.Millimeter)

    @property
    def mm_per_unit(self) -> float:
        """Millimetres per scene unit when tiling."""
        return self.scale_percent / 100.0 * MM_PER_INCH / SCENE_DPI


@dataclass(frozen=True)
class Tile:
    """One page of a poster: which part of the scene it shows and where it sits.

    Attributes
    ----------
    row, column : int
        Zero-based position in the poster.
    rows, columns : int
        The poster's size in pages.
    source : QRectF
        The part of the scene drawn on this page.
    """

    row: int
    column: int
    rows: int
    columns: int
    source: QRectF

    @property
    def has_right(self) -> bool:
        """Another page continues the drawing to the right."""
        return self.column < self.columns - 1

    @property
    def has_below(self) -> bool:
        """Another page continues the drawing below."""
        return self.row < self.rows - 1


def _count(length_mm: float, window_mm: float, overlap_mm: float) -> int:
    step = window_mm - overlap_mm
    return max(1, math.ceil((length_mm - overlap_mm) / step - 1e-9))


def tiles(scene_rect: QRectF, window_mm: tuple[float, float], setup: PageSetup) -> list[Tile]:
    """The pages of a poster of ``scene_rect``, row by row.

    Parameters
    ----------
    scene_rect
        What is drawn, in scene units.
    window_mm
        Width and height of the drawing area of one page.
    setup
        Scale and overlap.

    Raises
    ------
    ValueError
        When the overlap leaves nothing of a page for new drawing.
    """
    width_mm, height_mm = window_mm
    overlap = setup.overlap_mm
    if overlap >= min(width_mm, height_mm) / 2:
        raise ValueError(f"an overlap of {overlap:g} mm leaves too little of each page")
    unit = setup.mm_per_unit
    columns = _count(scene_rect.width() * unit, width_mm, overlap)
    rows = _count(scene_rect.height() * unit, height_mm, overlap)
    step_x, step_y = (width_mm - overlap) / unit, (height_mm - overlap) / unit
    return [
        Tile(row, column, rows, columns,
             QRectF(scene_rect.left() + column * step_x, scene_rect.top() + row * step_y,
                    width_mm / unit, height_mm / unit))
        for row in range(rows) for column in range(columns)
    ]
