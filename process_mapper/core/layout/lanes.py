"""Stack pools and lanes as horizontal bands and put each node in its band (core layer, no Qt).

``dot`` lays out a whole diagram in one run, each pool and each lane a cluster, so the
columns (x) are shared by every band. Clusters may come back in any vertical order, so
each *leaf band* (a lane without child lanes, a pool without lanes, ...) is cut out as a
:class:`Block` and moved as a whole into its band: bands follow document order, nodes of
one block keep the positions ``dot`` gave them relative to each other, and since blocks
never share a vertical range no two nodes of different bands can overlap.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .geometry import COLLAPSED_POOL_HEIGHT, LANE_HEADER, POOL_HEADER, Rect
from .plan import Band, BandKind, LaneBand

#: Space above and below the nodes of a band, and left and right of the content.
BAND_PADDING = 30.0
#: Vertical gap between stacked pools (room for message flows to turn).
BAND_GAP = 40.0
MIN_LANE_HEIGHT = 100.0
MIN_POOL_HEIGHT = 140.0
#: Gap between the flow and the row of detached nodes below it, and within that row.
ROW_GAP = 40.0

#: Where a node goes: its band key, then the lane ids down to its leaf lane. A trailing
#: ``""`` marks nodes of a lane (or band) that has lanes but does not list them in one.
BlockPath = tuple[str, ...]


@dataclass
class Block:
    """The nodes of one leaf band: boxes placed by ``dot`` and a row of detached boxes."""

    boxes: dict[str, Rect] = field(default_factory=dict)
    #: ``(key, width, height)`` of boxes laid side by side below the flow, in order.
    row: list[tuple[str, float, float]] = field(default_factory=list)

    def right(self, left: float) -> float:
        """The right edge of the block's content when its row starts at ``left``."""
        row_end = left + sum(w for _, w, _ in self.row) + ROW_GAP * max(0, len(self.row) - 1)
        return max([row_end, *(box.right for box in self.boxes.values())])


@dataclass
class BandLayout:
    """Result of stacking: every box, and the rectangle of every band and lane."""

    boxes: dict[str, Rect] = field(default_factory=dict)
    bands: dict[str, Rect] = field(default_factory=dict)
    lanes: dict[str, Rect] = field(default_factory=dict)


def band_key(index: int) -> str:
    """The cluster key of the band at ``index``."""
    return f"band{index}"


def block_path(index: int, band: Band, lane: str | None) -> BlockPath:
    """The block a node of ``band`` listed in ``lane`` (or in none) belongs to."""
    root = (band_key(index),)
    if not band.lanes:
        return root

    def find(lanes: list[LaneBand], path: BlockPath) -> BlockPath | None:
        for candidate in lanes:
            here = (*path, candidate.element_id)
            if candidate.element_id == lane:
                return (*here, "") if candidate.children else here
            found = find(candidate.children, here)
            if found is not None:
                return found
        return None

    return find(band.lanes, root) or (*root, "")


def header_width(band: Band) -> float:
    """Width of the pool and lane headers left of a band's content."""
    pool = POOL_HEADER if band.kind is BandKind.POOL else 0.0
    return pool + LANE_HEADER * max((lane.depth for lane in band.lanes), default=0)


def place_block(
    block: Block | None, left: float, top: float, min_height: float, padding: float
) -> tuple[dict[str, Rect], float]:
    """Move a block so that its content starts ``padding`` below ``top``.

    Parameters
    ----------
    block
        The block, or None for an empty band.
    left
        Where the row of detached boxes starts.
    top
        Top of the band.
    min_height
        The band is at least this tall; smaller content is centred vertically.
    padding
        Space kept above and below the content.

    Returns
    -------
    tuple of (dict of str to Rect, float)
        The placed boxes and the height of the band.
    """
    if block is None or not (block.boxes or block.row):
        return {}, min_height
    placed: dict[str, Rect] = {}
    flow_top = min((box.y for box in block.boxes.values()), default=0.0)
    flow_height = max((box.bottom for box in block.boxes.values()), default=flow_top) - flow_top
    row_height = max((h for _, _, h in block.row), default=0.0)
    gap = ROW_GAP if block.boxes and block.row else 0.0
    content = flow_height + gap + row_height
    height = max(min_height, content + 2 * padding)
    start = top + round((height - content) / 2)
    for key, box in block.boxes.items():
        placed[key] = box.moved(0.0, start - flow_top)
    x = left
    row_top = start + flow_height + gap
    for key, width, box_height in block.row:
        placed[key] = Rect(x, row_top + round((row_height - box_height) / 2), width, box_height)
        x += width + ROW_GAP
    return placed, height


def stack_bands(
    bands: list[Band], blocks: dict[BlockPath, Block], left: float, width: float, gaps: list[float]
) -> BandLayout:
    """Stack ``bands`` top to bottom, ``width`` wide, lanes inside their pools.

    Parameters
    ----------
    bands
        The diagram's bands, in document order.
    blocks
        The nodes of every leaf band, with x already final.
    left
        Where content (and rows of detached boxes) start, right of every header.
    width
        Width of every band.
    gaps
        The gap below each band.

    Returns
    -------
    BandLayout
        The boxes moved into their bands, and the band and lane rectangles.
    """
    result = BandLayout()

    def place(path: BlockPath, top: float, min_height: float) -> float:
        boxes, height = place_block(blocks.get(path), left, top, min_height, BAND_PADDING)
        result.boxes.update(boxes)
        return top + height

    def stack_lanes(lanes: list[LaneBand], path: BlockPath, x: float, top: float) -> float:
        for lane in lanes:
            here = (*path, lane.element_id)
            if lane.children:
                bottom = stack_lanes(lane.children, here, x + LANE_HEADER, top)
                if (*here, "") in blocks:
                    bottom = place((*here, ""), bottom, 0.0)
            else:
                bottom = place(here, top, MIN_LANE_HEIGHT)
            result.lanes[lane.element_id] = Rect(x, top, width - x, bottom - top)
            top = bottom
        return top

    y = 0.0
    for index, band in enumerate(bands):
        root = (band_key(index),)
        if band.kind is BandKind.COLLAPSED_POOL:
            bottom = y + COLLAPSED_POOL_HEIGHT
        elif band.lanes:
            bottom = stack_lanes(band.lanes, root, POOL_HEADER if band.kind is BandKind.POOL else 0.0, y)
            if (*root, "") in blocks:
                bottom = place((*root, ""), bottom, 0.0)
        else:
            bottom = place(root, y, MIN_POOL_HEIGHT)
        result.bands[band.element_id] = Rect(0.0, y, width, bottom - y)
        y = bottom + gaps[index]
    return result


__all__ = [
    "BAND_GAP",
    "BAND_PADDING",
    "BandLayout",
    "Block",
    "BlockPath",
    "band_key",
    "block_path",
    "header_width",
    "place_block",
    "stack_bands",
]
