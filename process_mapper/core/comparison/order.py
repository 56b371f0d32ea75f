"""Practice changes in process order, for walking through them step by step (core layer, no Qt).

The diff sorts its changes by severity first (``docs/diff-json.md``), which suits a list
grouped by severity but not a walk through the process. *Process order* follows the
standard's flow instead:

1. Every step gets a rank in *flow order* (:func:`flow_order`): breadth first along the
   sequence flows from the steps nothing leads to (start events), the content of a
   sub-process right after the sub-process, boundary events after their activity; steps
   no start reaches (a loop without entry) follow in document order.
2. A change is placed at the flow rank of its first standard element that is a step.
3. A change with local elements only (an extra step) is placed after the standard step
   whose counterpart comes last before it in the local flow, so it is met where it
   happens; before any matched step it comes first.
4. Changes at the same place keep the diff's order (severity, then category).
   Changes on no step at all (messages between two pools) come last.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence

from ..diff import MatchResult, PracticeChange, ProcessGraph

__all__ = ["flow_order", "in_process_order"]


def flow_order(graph: ProcessGraph) -> dict[str, int]:
    """The rank of every step of ``graph`` in flow order (see the module docstring)."""
    order: dict[str, int] = {}

    def entries(ids: Iterable[str]) -> list[str]:
        return [step_id for step_id in ids if not graph.predecessors.get(step_id)]

    def walk(start: Sequence[str]) -> None:
        queue = deque(start)
        while queue:
            step_id = queue.popleft()
            if step_id in order:
                continue
            order[step_id] = len(order)
            inside = graph.children.get(step_id, ())
            if inside:
                walk(entries(inside) or inside[:1])
            queue.extend(next_id for next_id in graph.successors.get(step_id, ()) if next_id not in order)

    walk(entries(step.id for step in graph if step.container is None))
    for step_id in graph.steps:
        if step_id not in order:
            walk([step_id])
    return order


def in_process_order(
    changes: Sequence[PracticeChange], matches: MatchResult, rank_a: Mapping[str, int], rank_b: Mapping[str, int]
) -> tuple[PracticeChange, ...]:
    """``changes`` sorted in process order (see the module docstring).

    Parameters
    ----------
    changes : sequence of PracticeChange
        The diff's changes, in the diff's order.
    matches : MatchResult
        The match the changes were derived from.
    rank_a, rank_b : Mapping of str to int
        The :func:`flow_order` of the standard's and of the local model's steps.
    """
    partner_rank: dict[str, int] = {}
    for a, b in matches.pairs():
        if a in rank_a:
            partner_rank[b] = min(partner_rank.get(b, rank_a[a]), rank_a[a])
    anchor: dict[str, int] = {}
    last = -1
    for step_id in sorted(rank_b, key=rank_b.__getitem__):
        last = partner_rank.get(step_id, last)
        anchor[step_id] = last
    end = len(rank_a) + 1

    def place(change: PracticeChange) -> tuple[int, int, int]:
        first_a = next((e for e in change.standard_elements if e in rank_a), None)
        if first_a is not None:
            return rank_a[first_a], 0, 0
        first_b = next((e for e in change.local_elements if e in rank_b), None)
        if first_b is not None:
            return anchor[first_b], 1, rank_b[first_b]
        return end, 2, 0

    return tuple(sorted(changes, key=place))
