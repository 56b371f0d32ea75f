"""Context evidence by similarity propagation over two process graphs (core layer, no Qt).

Two steps are more likely the same when what surrounds them is the same. For each
relation (previous steps, next steps, message partners, nesting in sub-processes) the
context of a pair (a, b) is how well the steps related to a pair with the steps related
to b::

    sum of scores[a', b'] over a' related to a, b' related to b
    ------------------------------------------------------------   (at most 1)
            max(number related to a, number related to b)

and the context of the pair is the mean over the relations that at least one of the two
steps has. :meth:`Propagation.run` blends it with the label evidence a few times, so
agreement travels a few steps along the flow. A pair without evidence of its own stays at
0 and takes no context, so the rounds work on the pairs with evidence only (about a tenth
of all pairs): for each of them the sums over related steps are gathers, rank by rank of
the related steps (:class:`_Related`), in float32 and in a fixed order, so every result
is the same whichever pairs are computed.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from scipy.sparse import csr_matrix

from .steps import ProcessGraph

__all__ = ["RELATIONS", "Propagation", "adjacency"]

RELATIONS = ("previous", "next", "message", "nesting")
#: The number of set bits of every set of relations (bit r for ``RELATIONS[r]``).
_BIT_COUNTS = np.array([mask.bit_count() for mask in range(1 << len(RELATIONS))], dtype=np.intp)


def adjacency(graph: ProcessGraph, relation: str) -> csr_matrix:
    """The 0/1 matrix of ``relation`` between the steps of ``graph``, in step order."""
    index = graph.position
    rows: list[int] = []
    cols: list[int] = []
    for step in graph:
        if relation == "previous":
            related = graph.previous_steps(step.id)
        elif relation == "next":
            related = graph.next_steps(step.id)
        elif relation == "message":
            related = graph.message_partners.get(step.id, ())
        else:
            related = tuple(filter(None, (step.container, *graph.children.get(step.id, ()))))
        for other in related:
            rows.append(index[step.id])
            cols.append(index[other])
    size = len(index)
    return csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(size, size))


def _inverses(largest: int) -> np.ndarray:
    """``1 / n`` for ``n`` from 0 to ``largest`` in float32, with 0 for ``n = 0``: a lookup table."""
    counts = np.arange(largest + 1, dtype=np.float32)
    with np.errstate(divide="ignore"):
        return np.where(counts > 0, np.float32(1.0) / counts, np.float32(0.0)).astype(np.float32)


class _Related:
    """One relation of one graph: for each step, the steps it relates to, by rank.

    ``degree[i]`` is the number of steps related to step ``i``; their indices are
    ``indices[start[i]:start[i] + degree[i]]`` in the order of the adjacency matrix's row.
    """

    def __init__(self, matrix: csr_matrix) -> None:
        self.start = matrix.indptr[:-1].astype(np.intp)
        self.degree = np.diff(matrix.indptr).astype(np.intp)
        self.indices = matrix.indices.astype(np.intp)

    def ranked(self, steps: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per rank ``k``: the positions in ``steps`` of those with more than ``k`` related steps,
        and the index of their ``k``-th related step."""
        degree = self.degree[steps]
        ranks = []
        for k in range(int(degree.max(initial=0))):
            where = np.flatnonzero(degree > k)
            ranks.append((where, self.indices[self.start[steps[where]] + k]))
        return ranks


class _Gathers:
    """How to sum the scores of related pairs for a fixed list of pairs, worked out once.

    For each relation: the inverse of the larger number of related steps per pair, and per
    rank of the second step's related steps, the positions of the pairs that have it, and
    per rank of the first step's related steps, which of those to add (positions among
    them) and where the related pair's score is: its flat index in the score matrix, or
    with ``support`` (the flat indices of the only pairs that may score above 0) its
    position there; a related pair outside the support adds 0 and is left out.
    """

    def __init__(self, propagation: Propagation, rows: np.ndarray, columns: np.ndarray, shape: tuple[int, int],
                 support: np.ndarray | None = None) -> None:
        self.size = len(rows)
        width = shape[1]
        slot = None
        if support is not None:
            slot = np.full(shape[0] * width, -1, dtype=np.int32)  # positions in the support: half the memory of intp
            slot[support] = np.arange(len(support))
        self.relations: list[tuple[np.ndarray, list[tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]]]] = []
        for related_a, related_b, inverses in propagation.relations:
            degree_a = related_a.degree[rows]
            by_rank_b = []
            for where_b, steps_b in related_b.ranked(columns):
                rows_b, degree_b_a = rows[where_b], degree_a[where_b]
                adds = []
                for rank in range(int(degree_b_a.max(initial=0))):
                    chosen = np.flatnonzero(degree_b_a > rank)
                    index = related_a.indices[related_a.start[rows_b[chosen]] + rank] * width + steps_b[chosen]
                    if slot is not None:
                        index = slot[index]
                        kept = index >= 0
                        chosen, index = chosen[kept], index[kept]
                    adds.append((chosen, index))
                by_rank_b.append((where_b, adds))
            larger = np.maximum(degree_a, related_b.degree[columns])
            self.relations.append((inverses[larger], by_rank_b))
        self.count_inverse = propagation.count_inverses[propagation.relation_counts(rows, columns)]

    def context(self, flat: np.ndarray) -> np.ndarray:
        """The context of the pairs given the scores (float32): the score matrix flattened, or
        the scores of the ``support`` in its order."""
        total = np.zeros(self.size, dtype=np.float32)
        for inverse, by_rank_b in self.relations:
            paired = np.zeros(self.size, dtype=np.float32)
            for where_b, adds in by_rank_b:
                # the sum over a's related steps for b's related step of this rank, in rank order
                inner = np.zeros(len(where_b), dtype=np.float32)
                for chosen, index in adds:
                    inner[chosen] += flat[index]
                paired[where_b] += inner
            paired *= inverse
            np.minimum(paired, 1.0, out=paired)
            total += paired
        total *= self.count_inverse
        return total


class Propagation:
    """The relations of two graphs, prepared once for repeated context computation.

    Parameters
    ----------
    graph_a, graph_b : ProcessGraph
        The models being matched.
    """

    def __init__(self, graph_a: ProcessGraph, graph_b: ProcessGraph) -> None:
        self.relations: list[tuple[_Related, _Related, np.ndarray]] = []
        self._related_a = np.zeros(len(graph_a), dtype=np.uint8)  # bit r: the step has relation r
        self._related_b = np.zeros(len(graph_b), dtype=np.uint8)
        for bit, relation in enumerate(RELATIONS):
            related_a, related_b = _Related(adjacency(graph_a, relation)), _Related(adjacency(graph_b, relation))
            if not related_a.degree.any() and not related_b.degree.any():
                continue
            largest = max(int(related_a.degree.max(initial=0)), int(related_b.degree.max(initial=0)))
            self.relations.append((related_a, related_b, _inverses(largest)))
            self._related_a |= (related_a.degree > 0).astype(np.uint8) << bit
            self._related_b |= (related_b.degree > 0).astype(np.uint8) << bit
        self.count_inverses = _inverses(len(RELATIONS))

    def relation_counts(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """For pairs (``rows[k]``, ``columns[k]``): how many relations at least one of the two steps has."""
        return _BIT_COUNTS[self._related_a[rows] | self._related_b[columns]]

    def context_of(self, scores: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """The context of the pairs (``rows[k]``, ``columns[k]``) given the pair ``scores``."""
        scores = np.ascontiguousarray(scores, dtype=np.float32)
        return _Gathers(self, np.asarray(rows, dtype=np.intp), np.asarray(columns, dtype=np.intp),
                        scores.shape).context(scores.ravel())

    def run(
        self, base: np.ndarray, label_weight: np.ndarray, iterations: int, pinned: Iterable[tuple[int, int]] = ()
    ) -> np.ndarray:
        """Blend ``base`` evidence with context, ``iterations`` times.

        Parameters
        ----------
        base : numpy.ndarray
            Evidence per pair that does not depend on other pairs; a pair at 0 stays 0.
        label_weight : numpy.ndarray
            Per pair, the share of ``base`` in the blend (the rest is context). Pairs
            without any relation keep their ``base``.
        iterations : int
            Rounds of propagation.
        pinned : iterable of (int, int)
            Pairs held at 1.0 throughout (forced by the user).
        """
        pinned = list(pinned)
        base = base.astype(np.float32)
        rows, columns = np.nonzero(base > 0)
        own = base[rows, columns]
        has_context = self.relation_counts(rows, columns) > 0
        context_weight = np.where(has_context, 1.0 - label_weight[rows, columns], 0.0).astype(np.float32)
        own_part = (1.0 - context_weight) * own
        taking = np.flatnonzero(context_weight > 0)
        width = base.shape[1]
        support = rows * width + columns  # sorted: np.nonzero goes row by row
        gathers = _Gathers(self, rows[taking], columns[taking], base.shape, support)
        held = np.searchsorted(support, [i * width + j for i, j in pinned]).astype(np.intp)
        values = own  # the scores of the support; every other pair stays at 0
        for _ in range(iterations):
            context = gathers.context(values)
            context *= context_weight[taking]
            values = own_part.copy()
            values[taking] = context + own_part[taking]
            values[held] = 1.0
        result = np.zeros(base.shape, dtype=np.float32)
        result[rows, columns] = values
        return result
