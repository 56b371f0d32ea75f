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
agreement travels a few steps along the flow. The sums over related steps are whole-array
gathers and additions (:class:`_Entries`) into buffers reused from round to round, so two
1,000-step models take about ten milliseconds per round.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from .steps import ProcessGraph

__all__ = ["RELATIONS", "Propagation", "adjacency"]

RELATIONS = ("previous", "next", "message", "nesting")
#: The number of set bits of every set of relations (bit r for ``RELATIONS[r]``).
_BIT_COUNTS = np.array([mask.bit_count() for mask in range(1 << len(RELATIONS))], dtype=np.intp)


def adjacency(graph: ProcessGraph, relation: str) -> csr_matrix:
    """The 0/1 matrix of ``relation`` between the steps of ``graph``, in step order."""
    index = {step_id: i for i, step_id in enumerate(graph.steps)}
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


@dataclass(frozen=True)
class _Entries:
    """The entries of a 0/1 matrix, ranked within each row, for sums without a sparse product.

    ``first[i]`` is the column of the first entry of row ``i`` (0 where the row is empty),
    ``empty`` lists the rows without entries, and ``later`` holds, for each further rank
    ``s``, the rows with more than ``s`` entries and the column of their entry ``s``.
    Adding ``x[first]`` and then ``x[columns]`` rank by rank (rows of ``x`` for ``matrix @
    x``, columns for ``x @ matrix.T``) sums each cell in the same order as a sparse product.
    """

    first: np.ndarray
    empty: np.ndarray
    later: tuple[tuple[np.ndarray, np.ndarray], ...]

    @classmethod
    def of(cls, matrix: csr_matrix) -> _Entries:
        counts = np.diff(matrix.indptr)
        starts = matrix.indptr[:-1]
        first = np.where(counts > 0, matrix.indices[np.minimum(starts, max(matrix.nnz - 1, 0))], 0) \
            if matrix.nnz else np.zeros(len(counts), dtype=np.intp)
        later = []
        for rank in range(1, int(counts.max(initial=0))):
            rows = np.flatnonzero(counts > rank)
            later.append((rows, matrix.indices[starts[rows] + rank]))
        return cls(first.astype(np.intp), np.flatnonzero(counts == 0), tuple(later))

    def sum_into(self, x: np.ndarray, axis: int, out: np.ndarray) -> None:
        """``out`` = ``matrix @ x`` (``axis`` 0) or ``x @ matrix.T`` (``axis`` 1)."""
        np.take(x, self.first, axis=axis, out=out)
        if axis == 0:
            out[self.empty] = 0.0
            for rows, columns in self.later:
                out[rows] += x[columns]
        else:
            out[:, self.empty] = 0.0
            for rows, columns in self.later:
                out[:, rows] += x[:, columns]


def _inverses(largest: int) -> np.ndarray:
    """``1 / n`` for ``n`` from 0 to ``largest`` in float32, with 0 for ``n = 0``: a lookup table."""
    counts = np.arange(largest + 1, dtype=np.float32)
    with np.errstate(divide="ignore"):
        return np.where(counts > 0, np.float32(1.0) / counts, np.float32(0.0)).astype(np.float32)


class Propagation:
    """The relations of two graphs, prepared once for repeated context computation.

    Parameters
    ----------
    graph_a, graph_b : ProcessGraph
        The models being matched.

    Attributes
    ----------
    has_context : numpy.ndarray of bool
        True for the pairs where at least one step has at least one relation.
    """

    def __init__(self, graph_a: ProcessGraph, graph_b: ProcessGraph) -> None:
        self._relations: list[tuple[_Entries, _Entries, np.ndarray]] = []
        self._matrices: list[tuple[csr_matrix, csr_matrix]] = []
        related_a = np.zeros(len(graph_a), dtype=np.uint8)  # bit r: the step has relation r
        related_b = np.zeros(len(graph_b), dtype=np.uint8)
        for bit, relation in enumerate(RELATIONS):
            matrix_a, matrix_b = adjacency(graph_a, relation), adjacency(graph_b, relation)
            degree_a, degree_b = np.diff(matrix_a.indptr), np.diff(matrix_b.indptr)
            small = np.min_scalar_type(max(degree_a.max(initial=0), degree_b.max(initial=0)))
            degree_a, degree_b = degree_a.astype(small), degree_b.astype(small)
            if not degree_a.any() and not degree_b.any():
                continue
            larger = np.maximum(degree_a[:, None], degree_b[None, :])
            self._relations.append((_Entries.of(matrix_a), _Entries.of(matrix_b), _inverses(int(larger.max()))[larger]))
            self._matrices.append((matrix_a, matrix_b))
            related_a |= (degree_a > 0).astype(np.uint8) << bit
            related_b |= (degree_b > 0).astype(np.uint8) << bit
        counted = _BIT_COUNTS[related_a[:, None] | related_b[None, :]]
        self.has_context = counted > 0
        self._inverse_count = _inverses(len(RELATIONS))[counted]

    def context(self, scores: np.ndarray) -> np.ndarray:
        """The context of every pair given the current pair ``scores`` (float32)."""
        total = np.empty(scores.shape, dtype=np.float32)
        self._context_into(scores, total, _Workspace(scores.shape))
        return total

    def _context_into(self, scores: np.ndarray, total: np.ndarray, work: _Workspace) -> None:
        """:meth:`context` written into ``total``, with the scratch arrays of ``work``."""
        total.fill(0.0)
        for entries_a, entries_b, inverse in self._relations:
            entries_a.sum_into(scores, 0, work.related)
            entries_b.sum_into(work.related, 1, work.paired)
            np.multiply(work.paired, inverse, out=work.paired)
            np.minimum(work.paired, 1.0, out=work.paired)
            total += work.paired
        total *= self._inverse_count

    def context_at(self, scores: np.ndarray, i: int, j: int) -> float:
        """The context of the single pair (``i``, ``j``)."""
        total = 0.0
        for (_, _, inverse), (matrix_a, matrix_b) in zip(self._relations, self._matrices, strict=True):
            related_a = matrix_a.indices[matrix_a.indptr[i]:matrix_a.indptr[i + 1]]
            related_b = matrix_b.indices[matrix_b.indptr[j]:matrix_b.indptr[j + 1]]
            paired = float(scores[related_a][:, related_b].sum()) if related_a.size and related_b.size else 0.0
            total += min(1.0, paired * float(inverse[i, j]))
        return total * float(self._inverse_count[i, j])

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
        context_weight = np.where(self.has_context, 1.0 - label_weight, 0.0).astype(np.float32)
        base_part = (1.0 - context_weight) * base
        context_weight *= base > 0
        current = base
        work = _Workspace(base.shape)
        for _ in range(iterations):
            following = np.empty(base.shape, dtype=np.float32)
            self._context_into(current, following, work)
            following *= context_weight
            following += base_part
            for i, j in pinned:
                following[i, j] = 1.0
            current = following
        return current


class _Workspace:
    """Scratch arrays of one shape, reused by every round of :meth:`Propagation.run`.

    Fresh arrays of a million cells cost more to fault in than to compute with, so one
    round's intermediate results live here.
    """

    def __init__(self, shape: tuple[int, int]) -> None:
        self.related = np.empty(shape, dtype=np.float32)
        self.paired = np.empty(shape, dtype=np.float32)
