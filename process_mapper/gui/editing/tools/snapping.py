"""Snapping a dragged box to its neighbours' edges and centres, or to the grid (gui layer)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLineF, QPointF, QRectF


def _xs(rect: QRectF) -> tuple[float, float, float]:
    return rect.left(), rect.center().x(), rect.right()


def _ys(rect: QRectF) -> tuple[float, float, float]:
    return rect.top(), rect.center().y(), rect.bottom()


def _nearest(moved: tuple[float, ...], others: list[tuple[float, ...]], tolerance: float) -> tuple[float, float] | None:
    """The smallest correction that puts one of ``moved`` on one of ``others``, and the line's position."""
    best: tuple[float, float] | None = None
    for values in others:
        for value in values:
            for mine in moved:
                correction = value - mine
                if abs(correction) <= tolerance and (best is None or abs(correction) < abs(best[0])):
                    best = (correction, value)
    return best


def _on_grid(value: float, grid: float) -> float:
    return round(value / grid) * grid - value


def snap_move(
    box: QRectF, delta: QPointF, neighbours: Sequence[QRectF], tolerance: float, grid: float | None
) -> tuple[QPointF, list[QLineF]]:
    """The snapped ``delta`` for ``box`` and the alignment guides to draw.

    Each axis snaps on its own: to the nearest neighbour edge or centre within
    ``tolerance`` (drawing a guide through both boxes), else, when ``grid`` is given,
    the box's centre to the grid.

    Parameters
    ----------
    box
        The dragged shapes' bounds before the drag.
    delta
        How far the mouse moved them.
    neighbours
        The bounds of the shapes that stay.
    tolerance
        Snapping distance in scene units.
    grid
        Grid spacing, or None when the grid is hidden.
    """
    moved = box.translated(delta)
    dx, dy = delta.x(), delta.y()
    guides: list[QLineF] = []
    x_snap = _nearest(_xs(moved), [_xs(r) for r in neighbours], tolerance)
    if x_snap is not None:
        dx += x_snap[0]
        partners = [r for r in neighbours if any(abs(v - x_snap[1]) < 1e-6 for v in _xs(r))]
        top = min([moved.top(), *(r.top() for r in partners)])
        bottom = max([moved.bottom(), *(r.bottom() for r in partners)])
        guides.append(QLineF(x_snap[1], top, x_snap[1], bottom))
    elif grid:
        dx += _on_grid(moved.center().x(), grid)
    y_snap = _nearest(_ys(moved), [_ys(r) for r in neighbours], tolerance)
    if y_snap is not None:
        dy += y_snap[0]
        partners = [r for r in neighbours if any(abs(v - y_snap[1]) < 1e-6 for v in _ys(r))]
        left = min([moved.left(), *(r.left() for r in partners)])
        right = max([moved.right(), *(r.right() for r in partners)])
        guides.append(QLineF(left, y_snap[1], right, y_snap[1]))
    elif grid:
        dy += _on_grid(moved.center().y(), grid)
    return QPointF(dx, dy), guides


def snap_point(point: QPointF, grid: float | None) -> QPointF:
    """``point`` on the nearest grid crossing (unchanged when ``grid`` is None)."""
    if not grid:
        return QPointF(point)
    return QPointF(round(point.x() / grid) * grid, round(point.y() / grid) * grid)
