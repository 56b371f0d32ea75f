"""Colours, line widths and fonts of the canvas, kept as data (gui layer).

A :class:`Style` is the look of a whole diagram. View markers (``selected``, ``hover``,
the ``diff-*`` highlights of the compare view) are entries of :attr:`Style.markers`:
each may override the stroke, fill and text colours and ask for an outline. The scene
resolves an element's markers once into a :class:`Palette`, which renderers paint with.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen


@dataclass(frozen=True)
class MarkerStyle:
    """What one view marker changes; ``None`` keeps the colour underneath.

    Parameters
    ----------
    stroke, fill, text
        Colours (any string ``QColor`` accepts) replacing the element's own.
    outline
        Colour of a halo drawn around the element (selection, hover).
    """

    stroke: str | None = None
    fill: str | None = None
    text: str | None = None
    outline: str | None = None


def _default_markers() -> Mapping[str, MarkerStyle]:
    return MappingProxyType(
        {
            "hover": MarkerStyle(outline="#9dbcf2"),
            "selected": MarkerStyle(outline="#2f6fdf"),
            "diff-added": MarkerStyle(stroke="#2e8b1f", fill="#e4f4dc", text="#1f5e15"),
            "diff-removed": MarkerStyle(stroke="#c62828", fill="#fbe3e3", text="#8e1c1c"),
            "diff-changed": MarkerStyle(stroke="#c77700", fill="#fff1d6", text="#7a4900"),
            "diff-renamed": MarkerStyle(stroke="#2f5fc4", fill="#e2eafb", text="#1d3f86"),
        }
    )


@dataclass(frozen=True)
class Style:
    """The look of a diagram, in scene units (1 unit = 1 DI pixel at 100 %).

    Attributes
    ----------
    marker_order
        Markers applied in this order; a later one wins where two set the same colour.
    """

    stroke: str = "#22242a"
    fill: str = "#ffffff"
    text: str = "#22242a"
    font_families: tuple[str, ...] = ("Arial", "Liberation Sans", "Helvetica", "Segoe UI", "DejaVu Sans")
    font_px: int = 12
    label_font_px: int = 11
    line_width: float = 2.0
    thin_width: float = 1.0
    flow_width: float = 1.5
    end_event_width: float = 4.0
    call_activity_width: float = 5.0
    corner_radius: float = 10.0
    outline_px: float = 2.0
    outline_gap: float = 6.0
    markers: Mapping[str, MarkerStyle] = field(default_factory=_default_markers)
    marker_order: tuple[str, ...] = (
        "hover", "selected", "diff-changed", "diff-renamed", "diff-added", "diff-removed",
    )

    def palette(self, markers: Iterable[str] = ()) -> Palette:
        """The colours of an element carrying ``markers`` (unknown names are ignored).

        Parameters
        ----------
        markers
            Marker names, in any order.

        Returns
        -------
        Palette
            The base colours with each marker's overrides applied in :attr:`marker_order`.
        """
        stroke, fill, text, outline = self.stroke, self.fill, self.text, None
        present = set(markers)
        for name in self.marker_order:
            marker = self.markers.get(name)
            if name in present and marker is not None:
                stroke = marker.stroke or stroke
                fill = marker.fill or fill
                text = marker.text or text
                outline = marker.outline or outline
        return Palette(self, QColor(stroke), QColor(fill), QColor(text), QColor(outline) if outline else None)


@dataclass(frozen=True)
class Palette:
    """Resolved colours for one element, with the pens and fonts renderers use.

    Pens and fonts are made once per palette and handed out as copies (Qt shares their
    data until a copy is changed): painting asks for them for every element.
    """

    style: Style
    stroke: QColor
    fill: QColor
    text: QColor
    outline: QColor | None = None
    _pens: dict[tuple[float | None, Qt.PenStyle], QPen] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _fonts: dict[bool, QFont] = field(default_factory=dict, init=False, repr=False, compare=False)

    def pen(self, width: float | None = None, line: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
        """A stroke pen of ``width`` scene units (default :attr:`Style.line_width`)."""
        pen = self._pens.get((width, line))
        if pen is None:
            pen = self._pens[width, line] = QPen(self.stroke, self.style.line_width if width is None else width, line)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap if line == Qt.PenStyle.SolidLine else Qt.PenCapStyle.FlatCap)
        return QPen(pen)

    def dashed_pen(self, width: float, pattern: tuple[float, ...]) -> QPen:
        """A stroke pen with a dash ``pattern`` given in scene units (not pen widths)."""
        pen = self.pen(width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setDashPattern([length / width for length in pattern])
        return pen

    def outline_pen(self) -> QPen:
        """The halo pen of selection and hover: cosmetic, so as wide at every zoom."""
        pen = QPen(self.outline or self.stroke, self.style.outline_px)
        pen.setCosmetic(True)
        return pen

    @property
    def fill_brush(self) -> QBrush:
        return QBrush(self.fill)

    @property
    def stroke_brush(self) -> QBrush:
        return QBrush(self.stroke)

    def font(self, external: bool = False) -> QFont:
        """The font of names inside shapes, or of external labels."""
        font = self._fonts.get(external)
        if font is None:
            font = self._fonts[external] = QFont()
            font.setFamilies(list(self.style.font_families))
            font.setPixelSize(self.style.label_font_px if external else self.style.font_px)
            # Unhinted glyphs keep their proportions at every zoom: names wrap the same way.
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return QFont(font)


#: The look of diagrams in this application.
DEFAULT_STYLE = Style()
