"""Geometry of a sample diagram: bands, lanes, node boxes, orthogonal edges and labels.

Rules (bpmn.io conventions):

- collapsed pools are full-width bands above/below the unit's pool; the pool has a 30 px
  header, each lane another 30 px header, lanes are full-width horizontal bands;
- nodes sit on a grid inside their lane's band (column width and row height per
  process); tasks 100x80, events 36x36, gateways 50x50; boundary events sit on the
  bottom border of their host;
- sequence flows are orthogonal; the router tries the usual shapes (straight, one bend,
  two bends through a column gap or a row gap, three bends) and keeps the cheapest,
  where passing through a shape is prohibitive, overlapping another edge is expensive and
  bends and length cost a little;
- message flows are vertical lines between a node and the band of its pool; a band that
  is not next to the pool is reached around the right-hand side of the diagram;
- labels of events and gateways go below the shape (shifted sideways when an edge leaves
  downwards); branch labels go beside the first segment of their flow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import product

from .spec import EVENT_KINDS, GATEWAY_KINDS, TASK_KINDS, MessageFlow, Node, ProcessSpec

POOL_X = 150.0
TOP_Y = 60.0
POOL_HEADER = 30.0
LANE_HEADER = 30.0
BAND_HEIGHT = 60.0
BAND_GAP = 60.0
SIZES = {"task": (100.0, 80.0), "event": (36.0, 36.0), "gateway": (50.0, 50.0)}

#: Average glyph width and line height of an 11 px sans-serif label (bpmn.io's default).
CHAR_WIDTH = 6.3
LINE_HEIGHT = 14.0
EXTERNAL_LABEL_WIDTH = 110.0

Point = tuple[float, float]
SIDES = ("left", "right", "top", "bottom")
DIRECTION = {"left": (-1, 0), "right": (1, 0), "top": (0, -1), "bottom": (0, 1)}


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def inflate(self, d: float) -> Box:
        return Box(self.x - d, self.y - d, self.w + 2 * d, self.h + 2 * d)

    def intersects(self, other: Box) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def contains(self, other: Box) -> bool:
        return other.x >= self.x and other.y >= self.y and other.right <= self.right and other.bottom <= self.bottom

    def port(self, side: str, offset: float = 0.0) -> Point:
        if side == "left":
            return (self.x, self.cy + offset)
        if side == "right":
            return (self.right, self.cy + offset)
        if side == "top":
            return (self.cx + offset, self.y)
        return (self.cx + offset, self.bottom)


def segment_hits_box(a: Point, b: Point, box: Box) -> bool:
    """True when the axis-parallel segment a-b passes through the open interior of ``box``."""
    x1, x2 = sorted((a[0], b[0]))
    y1, y2 = sorted((a[1], b[1]))
    if x1 == x2:
        return box.x < x1 < box.right and y1 < box.bottom and y2 > box.y
    if y1 == y2:
        return box.y < y1 < box.bottom and x1 < box.right and x2 > box.x
    return box.intersects(Box(x1, y1, x2 - x1, y2 - y1))


def segments(points: list[Point]) -> list[tuple[Point, Point]]:
    return list(zip(points, points[1:], strict=False))


def _overlap(s1: tuple[Point, Point], s2: tuple[Point, Point]) -> float:
    """Length of collinear overlap of two axis-parallel segments (0 if none)."""
    (a, b), (c, d) = s1, s2
    if a[0] == b[0] and c[0] == d[0] and abs(a[0] - c[0]) < 4:
        lo = max(min(a[1], b[1]), min(c[1], d[1]))
        hi = min(max(a[1], b[1]), max(c[1], d[1]))
        return max(0.0, hi - lo)
    if a[1] == b[1] and c[1] == d[1] and abs(a[1] - c[1]) < 4:
        lo = max(min(a[0], b[0]), min(c[0], d[0]))
        hi = min(max(a[0], b[0]), max(c[0], d[0]))
        return max(0.0, hi - lo)
    return 0.0


def _crosses(s1: tuple[Point, Point], s2: tuple[Point, Point]) -> bool:
    """True when a horizontal and a vertical segment cross in their interiors."""
    (a, b), (c, d) = s1, s2
    if a[1] == b[1] and c[0] == d[0]:
        h, v = (a, b), (c, d)
    elif a[0] == b[0] and c[1] == d[1]:
        h, v = (c, d), (a, b)
    else:
        return False
    x = v[0][0]
    y = h[0][1]
    return min(h[0][0], h[1][0]) < x < max(h[0][0], h[1][0]) and min(v[0][1], v[1][1]) < y < max(v[0][1], v[1][1])


def common_prefix(p: list[Point], q: list[Point]) -> float:
    """Length of the path two polylines share from their first point on."""
    if not p or not q or p[0] != q[0]:
        return 0.0
    total = 0.0
    i = j = 0
    pos = p[0]
    while i < len(p) - 1 and j < len(q) - 1:
        a, b = p[i + 1], q[j + 1]
        da = (_sign(a[0] - pos[0]), _sign(a[1] - pos[1]))
        db = (_sign(b[0] - pos[0]), _sign(b[1] - pos[1]))
        if da != db or da == (0, 0):
            break
        la = abs(a[0] - pos[0]) + abs(a[1] - pos[1])
        lb = abs(b[0] - pos[0]) + abs(b[1] - pos[1])
        step = min(la, lb)
        total += step
        pos = (pos[0] + da[0] * step, pos[1] + da[1] * step)
        if la <= step:
            i += 1
        if lb <= step:
            j += 1
    return total


def point_at(points: list[Point], dist: float) -> tuple[Point, Point]:
    """The point ``dist`` along the polyline and the end of the segment it lies on."""
    for a, b in segments(points):
        length = abs(a[0] - b[0]) + abs(a[1] - b[1])
        if dist < length - 1:
            t = dist / length if length else 0.0
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), b
        dist -= length
    return points[-2], points[-1]


def _sign(v: float) -> int:
    return (v > 1e-9) - (v < -1e-9)


def simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and middle points of straight runs."""
    out: list[Point] = []
    for p in points:
        p = (round(p[0], 1), round(p[1], 1))
        if out and out[-1] == p:
            continue
        out.append(p)
    changed = True
    while changed and len(out) > 2:
        changed = False
        for i in range(1, len(out) - 1):
            a, b, c = out[i - 1], out[i], out[i + 1]
            if (a[0] == b[0] == c[0]) or (a[1] == b[1] == c[1]):
                del out[i]
                changed = True
                break
    return out


def wrap(text: str, width: float) -> list[str]:
    """Greedy word wrap by estimated glyph width."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}".strip()
            if current and len(candidate) * CHAR_WIDTH > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


def label_size(text: str, width: float = EXTERNAL_LABEL_WIDTH) -> tuple[float, float]:
    """Width and height of a wrapped label; a word longer than ``width`` widens the box."""
    lines = wrap(text, width)
    w = max(len(line) for line in lines) * CHAR_WIDTH + 6
    return (float(round(max(w, 20.0))), float(round(len(lines) * LINE_HEIGHT)))


def shape_kind(node: Node) -> str:
    if node.kind in TASK_KINDS:
        return "task"
    if node.kind in EVENT_KINDS:
        return "event"
    assert node.kind in GATEWAY_KINDS, node.kind
    return "gateway"


@dataclass
class RoutedEdge:
    id: str
    source: str
    target: str
    points: list[Point]
    label: Box | None = None

    def __post_init__(self) -> None:
        self.segs = segments(self.points)
        self.extent = _extent(self.points).inflate(5)


def _extent(points: list[Point]) -> Box:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


@dataclass
class Layout:
    """All coordinates of one diagram."""

    spec: ProcessSpec
    pool: Box = field(init=False)
    bands: dict[str, Box] = field(default_factory=dict)
    lanes: dict[str, Box] = field(default_factory=dict)
    nodes: dict[str, Box] = field(default_factory=dict)
    node_labels: dict[str, Box] = field(default_factory=dict)
    flows: dict[str, RoutedEdge] = field(default_factory=dict)
    messages: dict[str, RoutedEdge] = field(default_factory=dict)

    def __post_init__(self) -> None:
        spec = self.spec
        self.by_id = {n.id: n for n in spec.nodes}
        grid = spec.grid
        ncols = math.ceil(max(n.col for n in spec.nodes if n.kind != "boundary") + 1)
        self.content_x = POOL_X + POOL_HEADER + LANE_HEADER + grid.margin_left
        width = POOL_HEADER + LANE_HEADER + grid.margin_left + ncols * grid.col_width + grid.margin_right
        self.ncols = ncols
        tops = [e for e in spec.externals if e.side == "top"]
        bottoms = [e for e in spec.externals if e.side == "bottom"]
        y = TOP_Y
        for external in reversed(tops):  # the first listed is next to the pool
            self.bands[external.id] = Box(POOL_X, y, width, BAND_HEIGHT)
            y += BAND_HEIGHT + BAND_GAP
        lane_y = y
        self.row_height = {lane.id: lane.row_height or grid.row_height for lane in spec.lanes}
        for lane in spec.lanes:
            h = lane.rows * self.row_height[lane.id]
            self.lanes[lane.id] = Box(POOL_X + POOL_HEADER, lane_y, width - POOL_HEADER, h)
            lane_y += h
        self.pool = Box(POOL_X, y, width, lane_y - y)
        y = lane_y + BAND_GAP
        for external in bottoms:
            self.bands[external.id] = Box(POOL_X, y, width, BAND_HEIGHT)
            y += BAND_HEIGHT + BAND_GAP
        for node in spec.nodes:
            if node.kind == "boundary":
                continue
            w, h = SIZES[shape_kind(node)]
            lane = self.lanes[node.lane]
            cx = round(self.content_x + node.col * grid.col_width + grid.col_width / 2)
            rh = self.row_height[node.lane]
            cy = round(lane.y + node.row * rh + rh / 2)
            self.nodes[node.id] = Box(cx - w / 2, cy - h / 2, w, h)
        for node in spec.nodes:
            if node.kind == "boundary":
                host = self.nodes[node.attached_to]
                cx = round(host.x + host.w * node.boundary_at)
                self.nodes[node.id] = Box(cx - 18, host.bottom - 18, 36, 36)
        self._port_use: dict[tuple[str, Point], str] = {}  # (node, point) -> "in"/"out"
        self._side_use: dict[tuple[str, str], set[str]] = {}
        self._segments: list[tuple[tuple[Point, Point], str, str, str]] = []  # seg, edge id, source, target
        # sides where message flows will attach: sequence flows keep off them
        self._message_sides: set[tuple[str, str]] = set()
        for m in spec.messages:
            for node_id, band_id in ((m.source, m.target), (m.target, m.source)):
                if node_id in self.nodes and band_id in self.bands:
                    self._message_sides.add((node_id, self._band_side(band_id)))
        # provisional labels below events and gateways, so that edges keep clear of them
        for node in spec.nodes:
            if shape_kind(node) != "task" and node.label:
                box = self.nodes[node.id]
                w, h = label_size(node.label)
                options = self._label_options(box, w, h)
                self.node_labels[node.id] = options[node.label_side or "below"]
        self._route_flows()
        self._route_messages()
        self.node_labels = {}
        self._place_node_labels()
        self._place_flow_labels()
        self._place_message_labels()

    # --- helpers -----------------------------------------------------------------------

    def kind(self, node_id: str) -> str:
        return shape_kind(self.by_id[node_id])

    def _x_channels(self) -> list[float]:
        w = self.spec.grid.col_width
        xs = [self.content_x + k * w for k in range(self.ncols + 1)]
        return xs + [x + d for x in xs for d in (-12, 12)]

    def _y_channels(self) -> list[float]:
        ys: list[float] = []
        for lane_spec in self.spec.lanes:
            lane = self.lanes[lane_spec.id]
            h = self.row_height[lane_spec.id]
            for r in range(lane_spec.rows + 1):
                base = lane.y + r * h
                if r in (0, lane_spec.rows):
                    ys += [base + (15 if r == 0 else -15), base + (28 if r == 0 else -28)]
                else:
                    ys += [base, base - 12, base + 12]
        return ys

    # --- sequence flows ------------------------------------------------------------------

    def _route_flows(self) -> None:
        for flow in self.spec.flows:
            edge_id = flow.id or f"F_{flow.source}_{flow.target}"
            points = self._best_route(flow.source, flow.target, flow.exit, flow.entry, edge_id)
            self.flows[edge_id] = RoutedEdge(edge_id, flow.source, flow.target, points)
            for seg in segments(points):
                self._segments.append((seg, edge_id, flow.source, flow.target))

    def _candidates(self, p0: Point, s: str, p3: Point, t: str) -> list[list[Point]]:
        horizontal_s = s in ("left", "right")
        horizontal_t = t in ("left", "right")
        w, h = self.spec.grid.col_width, self.spec.grid.row_height
        x_lo, x_hi = min(p0[0], p3[0]) - w, max(p0[0], p3[0]) + w
        y_lo, y_hi = min(p0[1], p3[1]) - h, max(p0[1], p3[1]) + h
        xs = [x for x in self._x_channels() if x_lo <= x <= x_hi] + [(p0[0] + p3[0]) / 2]
        ys = [y for y in self._y_channels() if y_lo <= y <= y_hi]
        ys += [(p0[1] + p3[1]) / 2, p0[1] + 25 * DIRECTION[s][1], p3[1] + 25 * DIRECTION[t][1]]
        out: list[list[Point]] = []
        if horizontal_s and horizontal_t:
            if p0[1] == p3[1]:
                out.append([p0, p3])
            out += [[p0, (x, p0[1]), (x, p3[1]), p3] for x in xs]
            x1s = [x for x in xs if 0 < (x - p0[0]) * DIRECTION[s][0] < 60]
            x2s = [x for x in xs if 0 < (x - p3[0]) * DIRECTION[t][0] < 60]
            out += [[p0, (x1, p0[1]), (x1, y), (x2, y), (x2, p3[1]), p3] for x1 in x1s for x2 in x2s for y in ys]
        elif not horizontal_s and not horizontal_t:
            if p0[0] == p3[0]:
                out.append([p0, p3])
            out += [[p0, (p0[0], y), (p3[0], y), p3] for y in ys]
            y1s = [y for y in ys if 0 < (y - p0[1]) * DIRECTION[s][1] < 60]
            y2s = [y for y in ys if 0 < (y - p3[1]) * DIRECTION[t][1] < 60]
            out += [[p0, (p0[0], y1), (x, y1), (x, y2), (p3[0], y2), p3] for y1 in y1s for y2 in y2s for x in xs]
        elif horizontal_s:
            out.append([p0, (p3[0], p0[1]), p3])
            out += [[p0, (x, p0[1]), (x, y), (p3[0], y), p3] for x in xs for y in ys]
        else:
            out.append([p0, (p0[0], p3[1]), p3])
            out += [[p0, (p0[0], y), (x, y), (x, p3[1]), p3] for x in xs for y in ys]
        return out

    @staticmethod
    def _valid(points: list[Point], s: str, t: str) -> bool:
        (x0, y0), (x1, y1) = points[0], points[1]
        dx, dy = DIRECTION[s]
        if dx and (x1 - x0) * dx < 8 and not (len(points) == 2):
            return False
        if dy and (y1 - y0) * dy < 8 and not (len(points) == 2):
            return False
        if len(points) == 2:
            if dx and ((x1 - x0) * dx <= 0 or y1 != y0):
                return False
            if dy and ((y1 - y0) * dy <= 0 or x1 != x0):
                return False
        (xa, ya), (xb, yb) = points[-2], points[-1]
        ex, ey = DIRECTION[t]  # outward direction of the entry side; travel must be opposite
        if ex and (xb - xa) * -ex < 8:
            return False
        if ey and (yb - ya) * -ey < 8:
            return False
        for (a, b) in segments(points):
            if a[0] != b[0] and a[1] != b[1]:
                return False
        return True

    def _score(self, points: list[Point], source: str, target: str, s: str, t: str) -> float:
        score = 0.0
        segs = segments(points)
        src_node = self.by_id[source]
        tgt_node = self.by_id[target]
        skip = {source, target}
        extent = _extent(points).inflate(8)
        for node_id, box in self.nodes.items():
            if node_id in skip or not box.intersects(extent):
                continue
            grow = 6 if self.kind(node_id) != "event" else 4
            inflated = box.inflate(grow)
            for a, b in segs:
                if segment_hits_box(a, b, inflated):
                    score += 1000
        # no passing back through the own shapes
        src_box, tgt_box = self.nodes[source].inflate(-1), self.nodes[target].inflate(-1)
        for a, b in segs:
            if segment_hits_box(a, b, src_box) or segment_hits_box(a, b, tgt_box):
                score += 1000
        # boundary events: stay clear of the host as well
        if src_node.attached_to:
            host = self.nodes[src_node.attached_to]
            for a, b in segs:
                if segment_hits_box(a, b, host):
                    score += 1000
        for owner, label in self.node_labels.items():
            if owner in skip:
                continue  # the own labels move out of the way later
            for a, b in segs:
                if segment_hits_box(a, b, label):
                    score += 60
        for edge in self.flows.values():
            if not edge.extent.intersects(extent):
                continue
            other_segs = edge.segs
            ov = sum(_overlap(a, b) for a in segs for b in other_segs)
            if ov > 2:
                # a gateway's branches may leave along a common stem; anything else shared is a
                # junction a reader may misread, so it costs (merging into one port less so)
                prefix = common_prefix(points, edge.points) if edge.source == source else 0.0
                suffix = common_prefix(points[::-1], edge.points[::-1]) if edge.target == target else 0.0
                if ov - prefix <= 2 and self.kind(source) == "gateway":
                    score += 4
                elif ov - max(prefix, suffix) <= 2:
                    score += 80
                else:
                    score += 400
            score += 12 * sum(1 for a in segs for b in other_segs if _crosses(a, b))
        score += 18 * (len(points) - 2)
        score += sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in segs) / 40
        # ports: conventional directions, free points
        if s == "left":
            score += 60
        if t == "right":
            score += 60
        p0, p3 = points[0], points[-1]
        if self._port_use.get((source, p0)) == "in":
            score += 300
        if self._port_use.get((target, p3)) == "out":
            score += 300
        if self.kind(target) == "task" and self._port_use.get((target, p3)) == "in":
            score += 60
        if self.kind(source) == "task" and self._port_use.get((source, p0)) == "out":
            score += 60
        if self.kind(source) != "task" and "in" in self._side_use.get((source, s), set()):
            score += 200
        if self.kind(target) != "task" and "out" in self._side_use.get((target, t), set()):
            score += 200
        for node_id, side in ((source, s), (target, t)):
            if (node_id, side) in self._message_sides:
                score += 30 if self.kind(node_id) == "task" else 300
        if tgt_node.kind == "end" and t != "left":
            score += 15
        if src_node.kind == "start" and s != "right":
            score += 15
        return score

    def _port_offsets(self, node_id: str, side: str, box: Box) -> list[float]:
        if self.kind(node_id) != "task":
            return [0.0]
        if (node_id, box.port(side)) in self._port_use:
            return [0.0, -22.0, 22.0]
        return [0.0]

    @staticmethod
    def _base_cost(points: list[Point]) -> float:
        return 18 * (len(points) - 2) + sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in segments(points)) / 40

    def _best_route(self, source: str, target: str, exit: str | None, entry: str | None, edge_id: str) -> list[Point]:
        src, tgt = self.nodes[source], self.nodes[target]
        exits = [exit] if exit else (["bottom"] if self.by_id[source].kind == "boundary" else list(SIDES))
        entries = [entry] if entry else list(SIDES)
        pool: list[tuple[float, list[Point], str, str, float]] = []
        seen: set[tuple[Point, ...]] = set()
        for s, t in product(exits, entries):
            for o0, o3 in product(self._port_offsets(source, s, src), self._port_offsets(target, t, tgt)):
                p0 = src.port(s, o0)
                p3 = tgt.port(t, o3)
                for cand in self._candidates(p0, s, p3, t):
                    if not self._valid(cand, s, t):
                        continue
                    pts = simplify(cand)
                    key = tuple(pts)
                    if key in seen or len(pts) < 2 or not self._valid(pts, s, t):
                        continue
                    seen.add(key)
                    extra = (abs(o0) + abs(o3)) / 4
                    pool.append((self._base_cost(pts) + extra, pts, s, t, extra))
        pool.sort(key=lambda item: item[0])
        best: tuple[float, list[Point], str, str] | None = None
        for base, pts, s, t, extra in pool:
            if best is not None and base >= best[0]:
                break
            sc = self._score(pts, source, target, s, t) + extra
            if best is None or sc < best[0]:
                best = (sc, pts, s, t)
        assert best is not None, f"no route for {edge_id}"
        score, pts, s, t = best
        if score >= 1000:
            print(f"warning: {self.spec.file}: flow {edge_id} crosses a shape (score {score:.0f})")
        self._port_use[(source, pts[0])] = "out"
        self._port_use[(target, pts[-1])] = "in"
        self._side_use.setdefault((source, s), set()).add("out")
        self._side_use.setdefault((target, t), set()).add("in")
        return pts

    # --- labels --------------------------------------------------------------------------

    def _label_score(self, box: Box, owner: str | None = None) -> float:
        score = 0.0
        for nbox in self.nodes.values():
            if box.intersects(nbox.inflate(2)):
                score += 2000
        for other_id, other in self.node_labels.items():
            if other_id != owner and box.intersects(other.inflate(2)):
                score += 800
        for edge in [*self.flows.values(), *self.messages.values()]:
            if edge.label is not None and box.intersects(edge.label.inflate(2)):
                score += 800
        for seg, *_ in self._segments:
            if segment_hits_box(seg[0], seg[1], box.inflate(2)):
                score += 150
        if box.intersects(self.pool) and not any(lane.contains(box) for lane in self.lanes.values()):
            score += 600  # straddles a lane border or the pool border
        for band in self.bands.values():
            if box.intersects(band):
                score += 1000
        return score

    def _place_node_labels(self) -> None:
        order = {"xor": 0, "and": 0, "event": 0, "boundary": 2}
        for node in sorted(self.spec.nodes, key=lambda n: order.get(n.kind, 1)):
            if shape_kind(node) == "task" or not node.label:
                continue
            box = self.nodes[node.id]
            w, h = label_size(node.label)
            options = self._label_options(box, w, h)
            preference = {"below": 0, "below-right": 30, "below-left": 35, "above": 60, "above-right": 70,
                          "above-left": 75, "right": 80, "left": 85}
            if node.label_side:
                chosen = options[node.label_side]
            else:
                chosen = min(options, key=lambda k: self._label_score(options[k], node.id) + preference[k])
                chosen = options[chosen]
            self.node_labels[node.id] = Box(round(chosen.x), round(chosen.y), chosen.w, chosen.h)

    @staticmethod
    def _label_options(box: Box, w: float, h: float) -> dict[str, Box]:
        return {
            "below": Box(box.cx - w / 2, box.bottom + 5, w, h),
            "below-right": Box(box.cx + 8, box.bottom + 5, w, h),
            "below-left": Box(box.cx - 8 - w, box.bottom + 5, w, h),
            "above": Box(box.cx - w / 2, box.y - 5 - h, w, h),
            "above-right": Box(box.cx + 8, box.y - 5 - h, w, h),
            "above-left": Box(box.cx - 8 - w, box.y - 5 - h, w, h),
            "right": Box(box.right + 5, box.cy + 6, w, h),
            "left": Box(box.x - 5 - w, box.cy + 6, w, h),
        }

    def _place_flow_labels(self) -> None:
        for flow in self.spec.flows:
            if not flow.label:
                continue
            edge = self.flows[flow.id or f"F_{flow.source}_{flow.target}"]
            w, h = label_size(flow.label, 110)
            shared = max(
                (common_prefix(edge.points, other.points) for other in self.flows.values()
                 if other is not edge and other.source == edge.source),
                default=0.0,
            )
            (x0, y0), (x1, y1) = point_at(edge.points, shared)
            opts: list[tuple[Box, float]] = []
            if y0 == y1:  # horizontal first segment
                d = 1 if x1 > x0 else -1
                for k, along in enumerate((8, 30)):
                    bx = x0 + along if d > 0 else x0 - along - w
                    opts.append((Box(bx, y0 - h - 3, w, h), k * 10))
                    opts.append((Box(bx, y0 + 3, w, h), 5 + k * 10))
                for k, bx in enumerate((x0 - w / 2, x0 - w + 10 if d > 0 else x0 - 10)):
                    opts.append((Box(bx, y0 - h - 16, w, h), 25 + k * 5))
                    opts.append((Box(bx, y0 + 16, w, h), 30 + k * 5))
            else:
                d = 1 if y1 > y0 else -1
                for k, along in enumerate((6, 24, 44)):
                    by = y0 + along if d > 0 else y0 - along - h
                    opts.append((Box(x0 + 5, by, w, h), k * 10))
                    opts.append((Box(x0 - 5 - w, by, w, h), 5 + k * 10))
                by = y0 - h - 3 if d > 0 else y0 + 3
                opts.append((Box(x0 + 5, by, w, h), 15))
                opts.append((Box(x0 - 5 - w, by, w, h), 20))
            best = min(opts, key=lambda o: self._label_score(o[0]) + o[1])[0]
            edge.label = Box(round(best.x), round(best.y), best.w, best.h)

    # --- message flows -------------------------------------------------------------------

    def _band_side(self, band_id: str) -> str:
        return "top" if self.bands[band_id].bottom <= self.pool.y else "bottom"

    def _adjacent(self, band_id: str) -> bool:
        band = self.bands[band_id]
        return abs(band.bottom + BAND_GAP - self.pool.y) < 1 or abs(self.pool.bottom + BAND_GAP - band.y) < 1

    def _route_messages(self) -> None:
        margin_used = 0
        for m in self.spec.messages:
            edge_id = m.id or f"MF_{m.source}_{m.target}"
            src_is_band, tgt_is_band = m.source in self.bands, m.target in self.bands
            if src_is_band and tgt_is_band:
                points, margin_used = self._band_to_band(m, margin_used)
            else:
                node_id, band_id = (m.target, m.source) if src_is_band else (m.source, m.target)
                points, margin_used = self._node_to_band(node_id, band_id, margin_used)
                if src_is_band:
                    points = list(reversed(points))
            self.messages[edge_id] = RoutedEdge(edge_id, m.source, m.target, points)
            for seg in segments(points):
                self._segments.append((seg, edge_id, m.source, m.target))

    def _place_message_labels(self) -> None:
        for m in self.spec.messages:
            if m.label:
                edge = self.messages[m.id or f"MF_{m.source}_{m.target}"]
                edge.label = self._message_label(edge.points, m.label)

    def _node_to_band(self, node_id: str, band_id: str, margin_used: int) -> tuple[list[Point], int]:
        box = self.nodes[node_id]
        side = self._band_side(band_id)
        band = self.bands[band_id]
        offsets = [0, 18, -18, 32, -32, 42, -42] if self.kind(node_id) == "task" else [0]
        best: tuple[float, list[Point]] | None = None
        for off in offsets:
            x = round(box.cx + off)
            start = (x, box.y) if side == "top" else (x, box.bottom)
            if self._adjacent(band_id):
                end = (x, band.bottom) if side == "top" else (x, band.y)
                pts = [start, end]
            else:
                gap_y = self.pool.y - 12 if side == "top" else self.pool.bottom + 12
                if box.cx - self.pool.x < self.pool.right - box.cx:
                    mx = self.pool.x - 25 - 15 * margin_used
                    pts = [start, (x, gap_y), (mx, gap_y), (mx, band.cy), (band.x, band.cy)]
                else:
                    mx = self.pool.right + 25 + 15 * margin_used
                    pts = [start, (x, gap_y), (mx, gap_y), (mx, band.cy), (band.right, band.cy)]
            sc = abs(off) / 2
            for node, nbox in self.nodes.items():
                if node != node_id and any(segment_hits_box(a, b, nbox.inflate(5)) for a, b in segments(pts)):
                    sc += 1000
            for lbl in self.node_labels.values():
                if any(segment_hits_box(a, b, lbl) for a, b in segments(pts)):
                    sc += 60
            for seg in segments(pts):
                for other, *_ in self._segments:
                    if _overlap(seg, other) > 2:
                        sc += 500
                    elif seg[0][0] == seg[1][0] and other[0][0] == other[1][0] and abs(seg[0][0] - other[0][0]) < 10:
                        sc += 100
            if self._port_use.get((node_id, start)):
                sc += 200
            if best is None or sc < best[0]:
                best = (sc, pts)
        assert best is not None
        if best[0] >= 1000:
            print(f"warning: {self.spec.file}: message flow {node_id}<->{band_id} crosses a shape")
        if not self._adjacent(band_id):
            margin_used += 1
        return best[1], margin_used

    def _band_to_band(self, m: MessageFlow, margin_used: int) -> tuple[list[Point], int]:
        a, b = self.bands[m.source], self.bands[m.target]
        if abs(a.bottom + BAND_GAP - b.y) < 1 or abs(b.bottom + BAND_GAP - a.y) < 1:
            col = m.col if m.col is not None else self.ncols - 1
            x = round(self.content_x + col * self.spec.grid.col_width + self.spec.grid.col_width / 2)
            if a.y < b.y:
                return [(x, a.bottom), (x, b.y)], margin_used
            return [(x, a.y), (x, b.bottom)], margin_used
        mx = self.pool.right + 25 + 15 * margin_used
        return [(a.right, a.cy), (mx, a.cy), (mx, b.cy), (b.right, b.cy)], margin_used + 1

    def _message_label(self, points: list[Point], text: str) -> Box:
        w, h = label_size(text, 100)
        # the vertical segment next to the band runs through the gap between pool and band
        opts: list[tuple[Box, float]] = []
        for a, b in segments(points):
            if a[0] == b[0]:
                lo, hi = sorted((a[1], b[1]))
                gaps = []
                for band in self.bands.values():
                    for gy0, gy1 in ((band.bottom, band.bottom + BAND_GAP), (band.y - BAND_GAP, band.y)):
                        if lo <= gy0 + 1 and hi >= gy1 - 1:
                            gaps.append((gy0, gy1))
                for gy0, gy1 in gaps:
                    for yy, pen in ((gy0 + (gy1 - gy0 - h) / 2, 0), (gy0 + 3, 4), (gy1 - h - 3, 4)):
                        opts.append((Box(a[0] + 5, yy, w, h), pen))
                        opts.append((Box(a[0] - 5 - w, yy, w, h), pen + 2))
            else:
                x_lo = min(a[0], b[0])
                opts.append((Box(x_lo + 10, a[1] - h - 3, w, h), 10))
        if not opts:
            a, b = points[0], points[-1]
            opts.append((Box((a[0] + b[0]) / 2 + 5, (a[1] + b[1]) / 2 - h / 2, w, h), 0))
        best = min(opts, key=lambda o: self._label_score(o[0]) + o[1])[0]
        return Box(round(best.x), round(best.y), best.w, best.h)
