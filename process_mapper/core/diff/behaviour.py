"""Behavioural relations between the steps of one model (core layer, no Qt).

Whether two models do their steps "in the same order" is a question about behaviour, not
drawing: a step drawn further right may still come first. :class:`BehaviourProfile`
answers it from the sequence flows alone, in the spirit of behavioural profiles
(Weidlich et al., 2011). For two steps x and y it gives one :class:`Relation`:

- ``BEFORE`` / ``AFTER``: y can follow x (is reachable from it), but x cannot follow y;
- ``LOOP``: each can follow the other (both lie on a cycle, such as a rework loop);
- ``CONCURRENT``: neither follows the other, and they lie on different branches of a
  split that lets branches run at once (parallel, inclusive or complex gateway, or an
  activity with several outgoing flows);
- ``EXCLUSIVE``: neither follows the other otherwise (different branches of a decision).

It also tells which steps are *mandatory*: on every path from a start of their flow to
an end, exception paths (boundary events) aside, and, for steps on a common loop, their
order *within one round* of the loop (:meth:`BehaviourProfile.round_relations`): with the
flows that close a loop cut, a swap of two steps in a rework loop shows as ``BEFORE``
against ``AFTER`` where the whole-run relation is ``LOOP`` on both sides.

Sub-processes are flattened: the flow enters a sub-process at its first steps and leaves
it from its last ones, so a step inside is ordered against the steps around the
sub-process. Reachability is computed once per model with bit sets over the condensation
of the graph's cycles, so a 2,000-step model takes a few tens of milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import IntEnum

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from .facts import DocumentFacts

__all__ = ["BehaviourProfile", "Relation"]


class Relation(IntEnum):
    """How two steps are related by behaviour (see the module docstring)."""

    SAME = 0
    BEFORE = 1
    AFTER = 2
    LOOP = 3
    CONCURRENT = 4
    EXCLUSIVE = 5


def _bits(value: int) -> Iterable[int]:
    while value:
        low = value & -value
        yield low.bit_length() - 1
        value ^= low


class BehaviourProfile:
    """Ordering relations and mandatory steps of one model.

    Parameters
    ----------
    facts : DocumentFacts
        The model's steps, splits, exception paths and event sub-processes.
    relevant : sequence of str
        The steps whose mutual relations are wanted (:meth:`relations` answers for these).
    """

    def __init__(self, facts: DocumentFacts, relevant: Sequence[str]) -> None:
        graph = facts.graph
        self.ids = list(graph.steps)
        self.index = {step_id: i for i, step_id in enumerate(self.ids)}
        edges = self._flattened_edges(facts)
        self._edges = edges
        reach = self._reach(edges)
        self.relevant = [s for s in relevant if s in self.index]
        self.position = {step_id: k for k, step_id in enumerate(self.relevant)}
        self._matrix = self._relations(reach, facts)
        self._rounds: np.ndarray | None = None
        self.mandatory = self._mandatory(edges, facts)

    # --- graph ----------------------------------------------------------------------------------

    def _flattened_edges(self, facts: DocumentFacts) -> list[list[int]]:
        """Successor lists with sub-processes entered at their first and left from their last steps."""
        graph, index = facts.graph, self.index
        children: dict[str, list[str]] = {}
        parent: dict[str, str] = {}
        for owner, members in (*graph.children.items(), *facts.calls.items()):
            children[owner] = [c for c in members if c not in facts.event_subprocesses and c != owner]
            for kid in children[owner]:
                parent.setdefault(kid, owner)
        exits: dict[str, tuple[str, ...]] = {}

        def exits_of(step_id: str, seen: frozenset[str] = frozenset()) -> tuple[str, ...]:
            if step_id not in exits:
                own = tuple(s for s in graph.successors.get(step_id, ()) if s not in facts.exceptions)
                owner = parent.get(step_id)
                exits[step_id] = own or (exits_of(owner, seen | {step_id}) if owner and owner not in seen else ())
            return exits[step_id]

        successors: list[list[int]] = [[] for _ in self.ids]
        for step_id, i in index.items():
            kids = children.get(step_id, [])
            entries: list[str] = [c for c in kids if not graph.predecessors.get(c) and c not in facts.exceptions]
            normal = entries or [s for s in graph.successors.get(step_id, ()) if s not in facts.exceptions]
            boundary = [s for s in graph.successors.get(step_id, ()) if s in facts.exceptions]
            successors[i] += [index[s] for s in (*normal, *facts.links.get(step_id, ()), *boundary)]
            for kid in kids:
                if not [s for s in graph.successors.get(kid, ()) if s not in facts.exceptions]:
                    successors[index[kid]] += [index[s] for s in exits_of(step_id)]
        return successors

    def _reach(self, edges: list[list[int]]) -> list[int]:
        """For every step, the bit set of the steps reachable from it by one or more flows."""
        size = len(edges)
        if size == 0:
            return []
        rows = [i for i, targets in enumerate(edges) for _ in targets]
        cols = [j for targets in edges for j in targets]
        matrix = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(size, size))
        count, component = connected_components(matrix, directed=True, connection="strong")
        members = [0] * count
        cyclic = [False] * count
        for i, c in enumerate(component):
            members[c] |= 1 << i
        component_edges: list[set[int]] = [set() for _ in range(count)]
        for i, targets in enumerate(edges):
            for j in targets:
                if component[i] == component[j]:
                    cyclic[component[i]] = True
                else:
                    component_edges[component[i]].add(int(component[j]))
        reach = [0] * count
        for c in self._topological(component_edges)[::-1]:
            value = members[c] if cyclic[c] else 0
            for d in component_edges[c]:
                value |= members[d] | reach[d]
            reach[c] = value
        return [reach[c] for c in component]

    @staticmethod
    def _topological(edges: list[set[int]]) -> list[int]:
        incoming = [0] * len(edges)
        for targets in edges:
            for d in targets:
                incoming[d] += 1
        ready = [c for c, n in enumerate(incoming) if n == 0]
        order = []
        while ready:
            c = ready.pop()
            order.append(c)
            for d in edges[c]:
                incoming[d] -= 1
                if incoming[d] == 0:
                    ready.append(d)
        return order

    # --- relations ------------------------------------------------------------------------------

    def _relations(self, reach: list[int], facts: DocumentFacts) -> np.ndarray:
        count = len(self.relevant)
        if count == 0:
            return np.zeros((0, 0), dtype=np.int8)
        columns = np.array([self.index[s] for s in self.relevant], dtype=np.intp)
        forward = self._forward(reach, columns)
        backward = forward.T
        concurrent = self._concurrent(reach, facts, columns)
        result = np.full((count, count), Relation.EXCLUSIVE, dtype=np.int8)
        result[concurrent] = Relation.CONCURRENT
        result[forward & ~backward] = Relation.BEFORE
        result[backward & ~forward] = Relation.AFTER
        result[forward & backward] = Relation.LOOP
        np.fill_diagonal(result, Relation.SAME)
        return result

    def _forward(self, reach: list[int], columns: np.ndarray) -> np.ndarray:
        """``result[k, m]``: relevant step ``m`` is reachable from relevant step ``k``."""
        size = len(self.ids)
        width = (size + 7) // 8
        rows = np.empty((len(self.relevant), size), dtype=bool)
        for k, step_id in enumerate(self.relevant):
            packed = np.frombuffer(reach[self.index[step_id]].to_bytes(width, "little"), dtype=np.uint8)
            rows[k] = np.unpackbits(packed, bitorder="little")[:size]
        return rows[:, columns]

    def _concurrent(self, reach: list[int], facts: DocumentFacts, columns: np.ndarray) -> np.ndarray:
        """Pairs of relevant steps on different branches of a split that may run branches at once."""
        relevant_mask = 0
        for i in columns:
            relevant_mask |= 1 << int(i)
        position = {int(i): k for k, i in enumerate(columns)}
        partners: dict[int, int] = {}
        for targets in facts.splits.values():
            branches = [(1 << self.index[t]) | reach[self.index[t]] for t in targets]
            for x, first in enumerate(branches):
                for second in branches[x + 1:]:
                    only_first, only_second = first & ~second, second & ~first
                    for i in _bits(only_first & relevant_mask):
                        partners[i] = partners.get(i, 0) | only_second
                    for i in _bits(only_second & relevant_mask):
                        partners[i] = partners.get(i, 0) | only_first
        result = np.zeros((len(columns), len(columns)), dtype=bool)
        for i, others in partners.items():
            result[position[i], [position[j] for j in _bits(others & relevant_mask)]] = True
        return result | result.T

    def relations(self, step_ids: Sequence[str]) -> np.ndarray:
        """The :class:`Relation` codes between ``step_ids`` (relevant steps), as a square matrix."""
        at = np.array([self.position[s] for s in step_ids], dtype=np.intp)
        return self._matrix[np.ix_(at, at)]

    def round_relations(self, step_ids: Sequence[str]) -> np.ndarray:
        """The order of ``step_ids`` (relevant steps) within one round of the loops they share.

        The flows that close a loop (into a step that every path to their source passes,
        see :func:`_loop_closing_cut`) are cut; in what is left, ``BEFORE`` and ``AFTER``
        say which step comes first in a round, ``LOOP`` is kept for the steps that still
        reach each other (a loop with several entries), and steps that reach neither way
        are ``EXCLUSIVE``. Computed on first use: only steps on a common loop need it.
        """
        if self._rounds is None:
            columns = np.array([self.index[s] for s in self.relevant], dtype=np.intp)
            forward = self._forward(self._reach(_loop_closing_cut(self._edges)), columns) if columns.size else (
                np.zeros((0, 0), dtype=bool))
            rounds = np.full(forward.shape, Relation.EXCLUSIVE, dtype=np.int8)
            rounds[forward & ~forward.T] = Relation.BEFORE
            rounds[forward.T & ~forward] = Relation.AFTER
            rounds[forward & forward.T] = Relation.LOOP
            np.fill_diagonal(rounds, Relation.SAME)
            self._rounds = rounds
        at = np.array([self.position[s] for s in step_ids], dtype=np.intp)
        return self._rounds[np.ix_(at, at)]

    # --- mandatory steps ------------------------------------------------------------------------

    def _mandatory(self, edges: list[list[int]], facts: DocumentFacts) -> frozenset[str]:
        """Steps on every normal path from a start to an end of their flow.

        Each weakly connected flow (a process, a pool, an event sub-process) gets a
        virtual start before its first steps and a virtual end after its last ones; its
        mandatory steps are the dominators of that end. One dominator tree, rooted above
        every virtual start, answers for all flows at once.
        """
        size = len(edges)
        if size == 0:
            return frozenset()
        normal = [[j for j in targets if self.ids[j] not in facts.exceptions] for targets in edges]
        rows = [i for i, targets in enumerate(normal) for _ in targets]
        cols = [j for targets in normal for j in targets]
        matrix = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(size, size))
        count, component = connected_components(matrix, directed=False)
        has_incoming = [False] * size
        for j in cols:
            has_incoming[j] = True
        root = size + 2 * count
        successors = [list(t) for t in normal] + [[] for _ in range(2 * count)] + [[]]
        successors[root] = [size + 2 * c for c in range(count)]
        for i in range(size):
            if self.ids[i] in facts.exceptions:
                continue
            start, end = size + 2 * int(component[i]), size + 2 * int(component[i]) + 1
            if not has_incoming[i]:
                successors[start].append(i)
            if not normal[i]:
                successors[i].append(end)
        idom = _dominators(successors, root)
        found: set[str] = set()
        for c in range(count):
            current = idom.get(size + 2 * c + 1)
            while current is not None and current < size:
                found.add(self.ids[current])
                current = idom.get(current)
        # Dominators take every split for a choice. A step on a branch of a parallel split
        # runs whenever the split does: check those steps by trying to finish a run without them.
        parallel = {self.index[s] for s in facts.parallel}
        candidates = [self.index[s] for s in self.relevant
                      if s not in found and self.index[s] in idom
                      and self._on_parallel_branch(self.index[s], bool(parallel))]
        found.update(self.ids[i] for i in _unavoidable_in_their_flow(successors, parallel, candidates, component, size))
        return frozenset(found)

    def _on_parallel_branch(self, i: int, has_parallel: bool) -> bool:
        """Whether a step may run beside another: concurrent with one, or (a loop hides concurrency) on a loop."""
        position = self.position.get(self.ids[i])
        if position is None:
            return False
        row = self._matrix[position]
        return bool((row == Relation.CONCURRENT).any() or (has_parallel and (row == Relation.LOOP).any()))


def _unavoidable_in_their_flow(
    successors: list[list[int]], parallel: set[int], candidates: Sequence[int], component: np.ndarray, size: int
) -> list[int]:
    """The candidates that no run of their own flow can finish without.

    Each flow (weakly connected component ``c``) is run from its own virtual start,
    ``size + 2 * c``: a run of another flow (another pool, started by a signal) finishing
    without a step says nothing about the step's own flow.
    """
    by_flow: dict[int, list[int]] = {}
    for i in candidates:
        by_flow.setdefault(int(component[i]), []).append(i)
    found = []
    for flow, members in by_flow.items():
        finishing = _completions_without(successors, parallel, size + 2 * flow, members)
        found += [i for k, i in enumerate(members) if not finishing >> k & 1]
    return found


def _loop_closing_cut(edges: list[list[int]]) -> list[list[int]]:
    """The successor lists without the flows that close a loop.

    A flow closes a loop when its target dominates its source: every path from a start to
    the source passes the target first (the flow back to the start of a rework loop).
    Starts are the steps without incoming flows, and for a flow that is a cycle only, its
    first step. A loop entered at several places has no such flow and stays.
    """
    size = len(edges)
    root = size
    successors = [list(targets) for targets in edges] + [[]]
    entered = [False] * size
    for targets in edges:
        for j in targets:
            entered[j] = True
    successors[root] = [i for i in range(size) if not entered[i]]
    reached = set(_postorder(successors, root))
    for i in range(size):
        if i not in reached:
            successors[root].append(i)
            reached.update(_postorder(successors, i))
    idom = _dominators(successors, root)
    children: dict[int, list[int]] = {}
    for node, parent in idom.items():
        children.setdefault(parent, []).append(node)
    enter, leave = [0] * (size + 1), [0] * (size + 1)
    clock = 0
    stack: list[tuple[int, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        clock += 1
        if done:
            leave[node] = clock
            continue
        enter[node] = clock
        stack.append((node, True))
        stack.extend((child, False) for child in children.get(node, ()))

    def dominates(upper: int, lower: int) -> bool:
        return enter[upper] <= enter[lower] and leave[lower] <= leave[upper]

    return [[j for j in targets if not dominates(j, i)] for i, targets in enumerate(edges)]


def _completions_without(successors: list[list[int]], parallel: set[int], root: int, avoided: Sequence[int]) -> int:
    """For each node of ``avoided``, whether a run from ``root`` can reach an end without it.

    A node can finish when it has no successors (an end), when one of its successors can
    finish, or, for a parallel split, when all of them can; the avoided node never
    finishes. All avoided nodes are tried at once: a node's state is a bit set whose bit
    ``k`` says whether it can finish without ``avoided[k]``. Solved backwards from the ends
    as the least fixed point, re-visiting a node's predecessors whenever its bits grow.

    Returns
    -------
    int
        The bit set of ``root``: bit ``k`` is set when a run can finish without ``avoided[k]``.
    """
    everything = (1 << len(avoided)) - 1
    excluded = dict.fromkeys(avoided, 0)
    for k, node in enumerate(avoided):
        excluded[node] |= 1 << k
    order = _postorder(successors, root)
    predecessors: dict[int, set[int]] = {node: set() for node in order}
    for node in order:
        for target in successors[node]:
            predecessors[target].add(node)
    state = dict.fromkeys(order, 0)
    pending = set(order)
    queue = list(reversed(order))
    while queue:
        node = queue.pop()
        pending.discard(node)
        targets = successors[node]
        if not targets:
            value = everything
        elif node in parallel:
            value = everything
            for target in targets:
                value &= state[target]
        else:
            value = 0
            for target in targets:
                value |= state[target]
        value &= ~excluded.get(node, 0)
        if value != state[node]:
            state[node] = value
            for before in predecessors[node]:
                if before not in pending:
                    pending.add(before)
                    queue.append(before)
    return state[root]


def _postorder(successors: list[list[int]], root: int) -> list[int]:
    order: list[int] = []
    seen = {root}
    stack: list[tuple[int, int]] = [(root, 0)]
    while stack:
        node, k = stack[-1]
        if k < len(successors[node]):
            stack[-1] = (node, k + 1)
            nxt = successors[node][k]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, 0))
        else:
            stack.pop()
            order.append(node)
    return order


def _dominators(successors: list[list[int]], root: int) -> dict[int, int]:
    """Immediate dominators of the nodes reachable from ``root`` (Cooper, Harvey and Kennedy)."""
    order = _postorder(successors, root)
    number = {node: n for n, node in enumerate(order)}
    predecessors: dict[int, list[int]] = {node: [] for node in order}
    for node in order:
        for nxt in successors[node]:
            predecessors[nxt].append(node)
    idom: dict[int, int] = {root: root}
    changed = True
    while changed:
        changed = False
        for node in reversed(order):
            if node == root:
                continue
            chosen = None
            for pred in predecessors[node]:
                if pred not in idom:
                    continue
                if chosen is None:
                    chosen = pred
                    continue
                a, b = pred, chosen
                while a != b:
                    while number[a] < number[b]:
                        a = idom[a]
                    while number[b] < number[a]:
                        b = idom[b]
                chosen = a
            if chosen is not None and idom.get(node) != chosen:
                idom[node] = chosen
                changed = True
    del idom[root]
    return idom
