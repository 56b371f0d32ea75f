"""Run Graphviz ``dot`` on boxes and edges and read back where it put the boxes (core layer, no Qt).

Knows nothing of BPMN: callers give sized boxes, nested cluster paths, edges and
"same column" pairs, and get box centres back. ``dot`` is run as a subprocess with
``-Tplain`` (a stable, line-based output every Graphviz version writes) and a timeout.
Nodes and clusters get generated names (``n0``, ``cluster_1``), so element ids never need
quoting.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

#: Graphviz measures in inches; BPMN DI in pixels at 72 per inch, like Graphviz points.
_PER_INCH = 72.0


class LayoutError(RuntimeError):
    """Auto-layout could not run."""


class GraphvizNotFoundError(LayoutError):
    """The Graphviz ``dot`` program is not installed or not where the options say."""


@dataclass(frozen=True)
class DotBox:
    """A box for ``dot`` to place: its key, size in pixels and the clusters it is in."""

    key: str
    width: float
    height: float
    #: Keys of the nested clusters holding the box, outermost first.
    clusters: tuple[str, ...] = ()
    #: Key of a box that must share this box's rank (the same column, left to right).
    same_rank_as: str | None = None


@dataclass(frozen=True)
class DotEdge:
    """An edge ``tail -> head``: the head goes in a later column (rank)."""

    tail: str
    head: str
    weight: int = 1


@dataclass(frozen=True)
class DotSettings:
    """How ``dot`` spaces boxes and how it is run.

    Parameters
    ----------
    rank_gap
        Horizontal gap between columns, in pixels.
    node_gap
        Vertical gap between boxes of one column, in pixels.
    dot_path
        The ``dot`` executable; None looks it up on ``PATH``.
    timeout
        Seconds one run may take.
    """

    rank_gap: float = 50.0
    node_gap: float = 40.0
    dot_path: str | None = None
    timeout: float = 30.0


def find_dot(dot_path: str | None = None) -> str:
    """The ``dot`` executable to run.

    Raises
    ------
    GraphvizNotFoundError
        When ``dot`` is not on ``PATH`` (or ``dot_path`` is not executable).
    """
    found = shutil.which(dot_path or "dot")
    if found is None:
        where = f"at '{dot_path}'" if dot_path else "on PATH"
        raise GraphvizNotFoundError(
            f"auto-layout needs Graphviz, but its 'dot' program was not found {where}; "
            "install Graphviz (https://graphviz.org/download/, 'apt install graphviz' on Debian/Ubuntu)"
        )
    return found


def dot_source(boxes: Sequence[DotBox], edges: Sequence[DotEdge], settings: DotSettings) -> tuple[str, dict[str, str]]:
    """The DOT text for ``boxes`` and ``edges``, and the generated node name of each box key."""
    names = {box.key: f"n{i}" for i, box in enumerate(boxes)}
    lines = [
        "digraph layout {",
        f"  graph [rankdir=LR, newrank=true, splines=false, "
        f"ranksep={settings.rank_gap / _PER_INCH:.4f}, nodesep={settings.node_gap / _PER_INCH:.4f}];",
        '  node [shape=box, fixedsize=true, label=""];',
    ]
    tree: dict[tuple[str, ...], list[DotBox]] = {}
    for box in boxes:
        for depth in range(len(box.clusters) + 1):
            tree.setdefault(box.clusters[:depth], [])
        tree[box.clusters].append(box)
    cluster_names = {path: f"cluster_{i}" for i, path in enumerate(sorted(tree, key=len)) if path}

    def write(path: tuple[str, ...], indent: str) -> None:
        for box in tree[path]:
            lines.append(
                f"{indent}{names[box.key]} [width={box.width / _PER_INCH:.4f}, height={box.height / _PER_INCH:.4f}];"
            )
        for sub in (p for p in tree if len(p) == len(path) + 1 and p[: len(path)] == path):
            lines.append(f"{indent}subgraph {cluster_names[sub]} {{")
            write(sub, indent + "  ")
            lines.append(f"{indent}}}")

    write((), "  ")
    for box in boxes:
        if box.same_rank_as in names:
            lines.append(f"  {{rank=same; {names[box.same_rank_as]}; {names[box.key]};}}")
    for edge in edges:
        if edge.tail in names and edge.head in names:
            lines.append(f"  {names[edge.tail]} -> {names[edge.head]} [weight={edge.weight}];")
    lines.append("}")
    return "\n".join(lines) + "\n", names


def run_dot(
    boxes: Sequence[DotBox], edges: Sequence[DotEdge], settings: DotSettings | None = None
) -> dict[str, tuple[float, float]]:
    """Lay the boxes out left to right with ``dot``.

    Parameters
    ----------
    boxes
        The boxes; keys must be unique.
    edges
        Edges between box keys; edges naming unknown keys are ignored.
    settings
        Spacing, executable and timeout.

    Returns
    -------
    dict of str to (float, float)
        The centre of each box in pixels, y pointing down.

    Raises
    ------
    GraphvizNotFoundError
        When ``dot`` is not installed.
    LayoutError
        When ``dot`` fails, times out or writes something unreadable.
    """
    settings = settings or DotSettings()
    if not boxes:
        return {}
    source, names = dot_source(boxes, edges, settings)
    executable = find_dot(settings.dot_path)
    try:
        done = subprocess.run(
            [executable, "-Tplain"], input=source, capture_output=True, text=True, timeout=settings.timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise LayoutError(f"Graphviz 'dot' took longer than {settings.timeout:g} s and was stopped") from None
    except OSError as error:
        raise GraphvizNotFoundError(f"Graphviz 'dot' could not be started: {error}") from None
    if done.returncode != 0:
        raise LayoutError(f"Graphviz 'dot' failed (exit {done.returncode}): {done.stderr.strip()[:500]}")
    return _parse_plain(done.stdout, {name: key for key, name in names.items()})


def _parse_plain(output: str, keys: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Box centres from ``-Tplain`` output, flipped so that y points down."""
    height = None
    centres: dict[str, tuple[float, float]] = {}
    for line in output.splitlines():
        parts = line.split()
        if parts[:1] == ["graph"] and len(parts) >= 4:
            height = float(parts[3]) * _PER_INCH
        elif parts[:1] == ["node"] and len(parts) >= 4 and parts[1] in keys:
            centres[keys[parts[1]]] = (float(parts[2]) * _PER_INCH, float(parts[3]) * _PER_INCH)
    if height is None or len(centres) != len(keys):
        raise LayoutError("Graphviz 'dot' wrote no usable layout")
    return {key: (x, height - y) for key, (x, y) in centres.items()}


__all__ = ["DotBox", "DotEdge", "DotSettings", "GraphvizNotFoundError", "LayoutError", "find_dot", "run_dot"]
