"""Snapping a dragged box: neighbours' edges and centres first, then the grid."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF

from process_mapper.gui.editing.tools.snapping import snap_move, snap_point

BOX = QRectF(0, 0, 100, 80)  # centre (50, 40)
NEIGHBOUR = QRectF(300, 200, 100, 40)  # centre (350, 220)


def test_a_box_near_a_neighbours_centre_line_snaps_onto_it_with_a_guide() -> None:
    # when the box's centre is dragged to 4 units below the neighbour's centre line, far away in x
    delta, guides = snap_move(BOX, QPointF(0, 184), [NEIGHBOUR], tolerance=6, grid=None)
    # then it lands on the line and a horizontal guide spans both boxes
    assert delta == QPointF(0, 180)
    assert guides == [QLineF(0, 220, 400, 220)]


def test_the_nearest_match_wins_and_each_axis_snaps_on_its_own() -> None:
    # when the box's left edge comes 2 units from the neighbour's right edge (and 5 from its centre)
    delta, guides = snap_move(BOX, QPointF(402, 500), [NEIGHBOUR], tolerance=6, grid=10)
    # then x snaps to the edge, y (no neighbour near) snaps the centre to the grid
    assert delta == QPointF(400, 500)
    assert [guide.x1() for guide in guides] == [400.0]


def test_without_neighbours_near_the_centre_goes_on_the_grid_or_stays() -> None:
    assert snap_move(BOX, QPointF(33, 47), [NEIGHBOUR], tolerance=6, grid=10) == (QPointF(30, 50), [])
    assert snap_move(BOX, QPointF(33, 47), [NEIGHBOUR], tolerance=6, grid=None) == (QPointF(33, 47), [])


def test_snap_point_rounds_to_the_grid_only_when_there_is_one() -> None:
    assert snap_point(QPointF(14.9, 25.1), 10) == QPointF(10, 30)
    assert snap_point(QPointF(14.9, 25.1), None) == QPointF(14.9, 25.1)
