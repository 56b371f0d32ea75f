"""Renderers of tasks, sub-processes and call activities (gui layer).

Activities are rounded rectangles. Tasks show their type icon top left; collapsed
sub-processes and call activities the [+] marker; loops and multi-instance, ad hoc and
compensation markers sit together at the bottom centre. An expanded sub-process writes
its name top left and is dotted when it is an event sub-process, doubled when it is a
transaction; a call activity has a thick border.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from ..element_view import ShapeView
from .drawing import CENTRED, TOP_LEFT, draw_glyphs, draw_text
from .paths import TASK_ICONS, activity_markers, task_icon
from .renderers import RendererRegistry, ShapeRenderer
from .style import Palette

TASK_KINDS = ("task", *TASK_ICONS)
SUB_PROCESS_KINDS = ("subProcess", "transaction", "adHocSubProcess", "callActivity")
#: Where the type icon of a task sits, from the task's top-left corner.
ICON_OFFSET, ICON_SIZE = 6.0, 16.0
TEXT_PADDING = 5.0
#: Inset of a transaction's inner border.
TRANSACTION_GAP = 3.0


def marker_kinds(view: ShapeView) -> list[str]:
    """The activity markers at the bottom of ``view``, left to right."""
    kinds = [view.loop] if view.loop else []
    if view.for_compensation:
        kinds.append("compensation")
    if view.kind == "adHocSubProcess":
        kinds.append("adhoc")
    if view.kind in SUB_PROCESS_KINDS and not view.expanded:
        kinds.append("collapsed")
    return kinds


def _border(painter: QPainter, view: ShapeView, palette: Palette) -> None:
    style = palette.style
    radius = style.corner_radius
    if view.kind == "callActivity":
        pen = palette.pen(style.call_activity_width)
    elif view.triggered_by_event:
        pen = palette.dashed_pen(style.line_width * 0.75, (1.5, 3.0))
    elif view.kind == "transaction":
        pen = palette.pen(style.thin_width)
    else:
        pen = palette.pen(style.line_width)
    painter.setPen(pen)
    painter.setBrush(palette.fill_brush)
    painter.drawRoundedRect(view.bounds, radius, radius)
    if view.kind == "transaction":
        inner = view.bounds.adjusted(TRANSACTION_GAP, TRANSACTION_GAP, -TRANSACTION_GAP, -TRANSACTION_GAP)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(inner, radius - TRANSACTION_GAP, radius - TRANSACTION_GAP)


def paint_activity(painter: QPainter, view: ShapeView, palette: Palette) -> None:
    """A task, sub-process or call activity: border, icon, name and markers."""
    style = palette.style
    _border(painter, view, palette)
    b = view.bounds
    icon = QRectF(b.left() + ICON_OFFSET, b.top() + ICON_OFFSET, ICON_SIZE, ICON_SIZE)
    draw_glyphs(painter, task_icon(view.kind, icon), palette, style.thin_width)
    if view.expanded:
        box = QRectF(b.left() + 8, b.top() + TEXT_PADDING, b.width() - 16, b.height() - 2 * TEXT_PADDING)
        draw_text(painter, box, view.name, palette, TOP_LEFT)
    else:
        inside = b.adjusted(TEXT_PADDING, TEXT_PADDING, -TEXT_PADDING, -TEXT_PADDING)
        draw_text(painter, inside, view.name, palette, CENTRED)
    draw_glyphs(painter, activity_markers(marker_kinds(view), b), palette, style.thin_width * 1.5)


def register(registry: RendererRegistry) -> None:
    """Add the activity renderers to ``registry``."""
    registry.add_shape((*TASK_KINDS, *SUB_PROCESS_KINDS), ShapeRenderer(paint_activity))
