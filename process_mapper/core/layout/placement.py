"""Place every shape of a diagram plan: sizes, ``dot`` columns, bands (core layer, no Qt).

Steps, for one :class:`~.plan.DiagramPlan`:

1. Lay out the content of every expanded sub-process first (recursively, one ``dot`` run
   each), which fixes the sub-process's size.
2. Give every direct node of every band a *box*: its shape plus room for its external
   label and its boundary events, kept symmetric so that box and shape share a centre
   and flows between neighbours stay straight.
3. Run ``dot`` once for the whole diagram, each band and lane a cluster. Nodes with no
   sequence or message flow, and event sub-processes, are left out: they go in a row
   below the flow of their band. Artifacts share the column of their anchor.
4. Stack bands and lanes (:mod:`.lanes`), then centre each shape in its box, put
   sub-process content inside its shape and boundary events on their host's lower border.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .geometry import EVENT_SIZE, LABEL_DISTANCE, Rect, even, label_size
from .graphviz_runner import DotBox, DotEdge, DotSettings, run_dot
from .lanes import BAND_GAP, BAND_PADDING, Block, BlockPath, block_path, header_width, place_block, stack_bands
from .plan import Band, BandKind, ContainerGraph, DiagramPlan, LayoutNode, NodeKind

#: Room inside an expanded sub-process: around its content, and above it for the name.
SUB_PROCESS_PADDING = 26.0
SUB_PROCESS_TOP = 40.0
#: Least width along its host's border taken by a boundary event (its label may need more).
BOUNDARY_SPACING = 46.0
MIN_DIAGRAM_WIDTH = 400.0
#: Vertical distance between message flows turning in the same gap between bands.
MESSAGE_TRACK = 14.0


@dataclass
class ContentLayout:
    """Shapes and labels of a container's content, relative to the content's top-left corner."""

    shapes: dict[str, Rect] = field(default_factory=dict)
    labels: dict[str, Rect] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0


@dataclass
class DiagramGeometry:
    """Where everything of one diagram goes, in diagram pixels.

    ``shapes`` holds pools, lanes, nodes and boundary events by element id; ``bands`` the
    area of every band (a pool, or a process drawn without one), and ``band_of`` the band
    of every element drawn in one.
    """

    shapes: dict[str, Rect] = field(default_factory=dict)
    labels: dict[str, Rect] = field(default_factory=dict)
    bands: dict[str, Rect] = field(default_factory=dict)
    band_of: dict[str, str] = field(default_factory=dict)


def label_below(shape: Rect, text: str) -> Rect:
    """Bounds of the external label of ``shape``, centred below it."""
    width, height = label_size(text)
    return Rect(float(round(shape.cx - width / 2)), shape.bottom + LABEL_DISTANCE, width, height)


def boundary_slots(node: LayoutNode) -> list[float]:
    """Width along the host's lower border taken by each boundary event and its label."""
    return [max(BOUNDARY_SPACING, label_size(e.name)[0] + 8 if e.name else 0.0) for e in node.boundary_events]


def _acyclic(edges: list[DotEdge], extra: list[DotEdge]) -> list[DotEdge]:
    """The edges of ``extra`` that close no cycle with ``edges`` (nor with those kept before)."""
    successors: dict[str, set[str]] = {}
    for edge in edges:
        successors.setdefault(edge.tail, set()).add(edge.head)
    kept: list[DotEdge] = []
    for edge in extra:
        seen, stack = {edge.head}, [edge.head]
        while stack and edge.tail not in seen:
            for following in successors.get(stack.pop(), ()):
                if following not in seen:
                    seen.add(following)
                    stack.append(following)
        if edge.tail not in seen:
            kept.append(edge)
            successors.setdefault(edge.tail, set()).add(edge.head)
    return kept


class Placer:
    """Computes :class:`DiagramGeometry` for diagram plans, running ``dot`` with ``settings``."""

    def __init__(self, settings: DotSettings) -> None:
        self.settings = settings
        #: Laid-out content of every expanded sub-process met so far, by sub-process id.
        self._content: dict[str, ContentLayout] = {}

    # --- sizes --------------------------------------------------------------------------

    def shape_size(self, node: LayoutNode) -> tuple[float, float]:
        """The drawn size of ``node``: standard, fitted to content, or widened for boundary events."""
        content = self._content.get(node.element_id) if node.content is not None else None
        if content is not None:
            width = even(content.width + 2 * SUB_PROCESS_PADDING)
            height = even(content.height + SUB_PROCESS_TOP + SUB_PROCESS_PADDING)
        else:
            width, height = node.size
        return max(width, even(sum(boundary_slots(node)))), height

    def box_size(self, node: LayoutNode) -> tuple[float, float]:
        """The room ``node`` needs: its shape, plus its label and boundary events below it."""
        width, height = self.shape_size(node)
        below = 0.0
        if node.kind.has_external_label and node.name:
            label_width, label_height = label_size(node.name)
            width, below = max(width, label_width), LABEL_DISTANCE + label_height
        for event in node.boundary_events:
            label = LABEL_DISTANCE + label_size(event.name)[1] if event.name else 0.0
            below = max(below, EVENT_SIZE[1] / 2 + label)
        return even(width), even(height + 2 * below)

    # --- containers ---------------------------------------------------------------------

    def _lay_out_sub_processes(self, graph: ContainerGraph) -> None:
        for node in graph.nodes:
            if node.content is not None and node.element_id not in self._content:
                self._content[node.element_id] = self.content_layout(node.content)

    def _dot_nodes(self, graph: ContainerGraph, connected: set[str]) -> set[str]:
        """The direct nodes of ``graph`` that ``dot`` places; the others go in a row."""
        placed = {n.element_id for n in graph.nodes if n.element_id in connected and not n.detached}
        placed |= {n.element_id for n in graph.nodes if n.kind.is_artifact and n.anchor in placed}
        return placed

    def content_layout(self, graph: ContainerGraph) -> ContentLayout:
        """Lay out the content of an expanded sub-process on its own.

        Parameters
        ----------
        graph
            The sub-process's content.

        Returns
        -------
        ContentLayout
            Every shape and label inside it (nested content too), relative to the top-left
            corner of the content.
        """
        self._lay_out_sub_processes(graph)
        edges = [DotEdge(*edge) for edge in graph.ranking_edges()]
        in_dot = self._dot_nodes(graph, {end for edge in edges for end in (edge.tail, edge.head)})
        block = Block()
        boxes = [self._dot_box(node, (), in_dot) for node in graph.nodes if node.element_id in in_dot]
        centres = run_dot(boxes, edges + self._anchor_edges(graph, in_dot), self.settings)
        block.boxes = {box.key: Rect.around(*centres[box.key], box.width, box.height) for box in boxes}
        block.row = [(n.element_id, *self.box_size(n)) for n in graph.nodes if n.element_id not in in_dot]
        left = min((box.x for box in block.boxes.values()), default=0.0)
        block.boxes = {key: box.moved(-left, 0.0) for key, box in block.boxes.items()}
        placed, height = place_block(block, 0.0, 0.0, 0.0, 0.0)
        layout = ContentLayout(width=block.right(0.0), height=height)
        self._finish(graph, placed, layout.shapes, layout.labels)
        return layout

    @staticmethod
    def _anchor_edges(graph: ContainerGraph, in_dot: set[str]) -> list[DotEdge]:
        """Edges keeping each artifact next to its anchor: annotations above, data below.

        (With ``rankdir=LR`` the tail of an edge within one column is drawn below its head.)
        """
        edges = []
        for node in graph.nodes:
            if node.kind.is_artifact and node.element_id in in_dot and node.anchor is not None:
                pair = (
                    (node.anchor, node.element_id)
                    if node.kind is NodeKind.ANNOTATION
                    else (node.element_id, node.anchor)
                )
                edges.append(DotEdge(*pair))
        return edges

    def _dot_box(self, node: LayoutNode, clusters: BlockPath, in_dot: set[str]) -> DotBox:
        width, height = self.box_size(node)
        anchor = node.anchor if node.anchor in in_dot else None
        return DotBox(node.element_id, width, height, clusters, anchor)

    def _finish(
        self, graph: ContainerGraph, boxes: dict[str, Rect], shapes: dict[str, Rect], labels: dict[str, Rect]
    ) -> None:
        """Centre each node's shape in its box and place what travels with it."""
        for node in graph.nodes:
            box = boxes[node.element_id]
            shape = Rect.around(box.cx, box.cy, *self.shape_size(node))
            shapes[node.element_id] = shape
            if node.kind.has_external_label and node.name:
                labels[node.element_id] = label_below(shape, node.name)
            content = self._content.get(node.element_id) if node.content is not None else None
            if content is not None:
                dx, dy = shape.x + SUB_PROCESS_PADDING, shape.y + SUB_PROCESS_TOP
                shapes.update({key: rect.moved(dx, dy) for key, rect in content.shapes.items()})
                labels.update({key: rect.moved(dx, dy) for key, rect in content.labels.items()})
            slots = boundary_slots(node)
            start = shape.cx - sum(slots) / 2
            for index, event in enumerate(node.boundary_events):
                centre = start + sum(slots[:index]) + slots[index] / 2
                shapes[event.element_id] = Rect.around(centre, shape.bottom, *EVENT_SIZE)
                if event.name:
                    labels[event.element_id] = label_below(shapes[event.element_id], event.name)

    # --- diagrams -----------------------------------------------------------------------

    @staticmethod
    def _ranking_edges(plan: DiagramPlan, graphs: list[tuple[int, Band, ContainerGraph]]) -> list[DotEdge]:
        """Sequence flows of every band, plus message flows that agree with them.

        A message flow puts its receiver in a later column than its sender, unless that
        closes a cycle (a request and its answer). Flows to events, the usual receivers,
        are kept first.
        """
        holder = {e: (graph.owner[e], index) for index, _, graph in graphs for e in graph.owner}
        edges = [DotEdge(*edge) for _, _, graph in graphs for edge in graph.ranking_edges()]
        events = {
            n.element_id for _, _, graph in graphs for g in graph.walk() for n in g.nodes if n.kind is NodeKind.EVENT
        }
        messages = []
        for flow in sorted(plan.message_flows, key=lambda flow: flow.target not in events):
            ends = holder.get(flow.source), holder.get(flow.target)
            if ends[0] and ends[1] and ends[0][1] != ends[1][1]:
                messages.append(DotEdge(ends[0][0], ends[1][0], weight=0))
        return edges + _acyclic(edges, messages)

    def place_diagram(self, plan: DiagramPlan) -> DiagramGeometry:
        """Place every pool, lane, node, boundary event and label of ``plan``."""
        graphs = [(index, band, band.graph) for index, band in enumerate(plan.bands) if band.graph is not None]
        edges = self._ranking_edges(plan, graphs)
        connected = {end for edge in edges for end in (edge.tail, edge.head)}
        boxes: list[DotBox] = []
        blocks: dict[BlockPath, Block] = {}
        for index, band, graph in graphs:
            self._lay_out_sub_processes(graph)
            in_dot = self._dot_nodes(graph, connected)
            edges += self._anchor_edges(graph, in_dot)
            for node in graph.nodes:
                path = block_path(index, band, node.lane)
                if node.element_id in in_dot:
                    boxes.append(self._dot_box(node, path, in_dot))
                else:
                    blocks.setdefault(path, Block()).row.append((node.element_id, *self.box_size(node)))
        centres = run_dot(boxes, edges, self.settings)
        # Columns are shared by all bands: content starts right of the widest headers.
        left = max((header_width(band) for band in plan.bands), default=0.0) + BAND_PADDING
        shift = left - min((centres[b.key][0] - b.width / 2 for b in boxes), default=0.0)
        for box in boxes:
            cx, cy = centres[box.key]
            blocks.setdefault(box.clusters, Block()).boxes[box.key] = Rect.around(cx + shift, cy, box.width, box.height)
        right = max((block.right(left) for block in blocks.values()), default=left)
        width = max(MIN_DIAGRAM_WIDTH, even(right + BAND_PADDING))
        stacked = stack_bands(plan.bands, blocks, left, width, self._gaps(plan))
        geometry = DiagramGeometry(bands=stacked.bands)
        for band in plan.bands:
            if band.kind is not BandKind.PROCESS:
                geometry.shapes[band.element_id] = stacked.bands[band.element_id]
            geometry.band_of[band.element_id] = band.element_id
        geometry.shapes.update(stacked.lanes)
        for _, band, graph in graphs:
            self._finish(graph, stacked.boxes, geometry.shapes, geometry.labels)
            geometry.band_of.update(dict.fromkeys(graph.owner, band.element_id))
        return geometry

    @staticmethod
    def _gaps(plan: DiagramPlan) -> list[float]:
        """The gap below each band: wide enough for the message flows that turn in it."""
        index = {band.element_id: i for i, band in enumerate(plan.bands)}
        for i, band in enumerate(plan.bands):
            index.update(dict.fromkeys(band.graph.owner if band.graph is not None else (), i))
        counts = [0] * len(plan.bands)
        for flow in plan.message_flows:
            source, target = index.get(flow.source), index.get(flow.target)
            if source is not None and target is not None and source != target:
                counts[source if target > source else source - 1] += 1
        return [max(BAND_GAP, MESSAGE_TRACK * (count + 1)) for count in counts]


__all__ = ["ContentLayout", "DiagramGeometry", "Placer", "label_below"]
