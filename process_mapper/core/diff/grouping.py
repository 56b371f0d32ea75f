"""Optimal assignment of steps and 1:n groups, on plain score matrices (core layer, no Qt).

:mod:`.matching` computes how well every step of model A pairs with every step of model
B; this module decides which pairs to keep:

- :func:`twin_classes` groups steps drawn twice in one model (the same label in the same
  role, typically the same step on two branches). Twins are assigned together, so they do not compete with
  each other for one partner and leave a wrong step to take the other twin.
- :func:`assign` solves the assignment (Hungarian method) between twin classes, one
  connected block of candidate pairs at a time, and expands each assigned class pair
  into a 1:1, 1:n or n:1 group.
- :func:`join_leftovers` lets a step that is still unmatched join the group of its best
  partner when a caller-supplied test says it belongs there (a split or merged step).

Groups are ``(rows, cols)`` lists of indices into the score matrix; at least one of the
two lists has exactly one element.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

__all__ = ["Group", "assign", "join_leftovers", "twin_classes"]

Group = tuple[list[int], list[int]]


def twin_classes(keys: Sequence[Hashable | None]) -> list[list[int]]:
    """Indices grouped by equal key; a None key makes a class of its own.

    A caller makes twins of the steps it wants assigned together, e.g. by keying each
    named step on its normalised label and its role, and unnamed steps on None.
    """
    classes: list[list[int]] = []
    by_key: dict[Hashable, list[int]] = {}
    for index, key in enumerate(keys):
        if key is None:
            classes.append([index])
        elif key in by_key:
            by_key[key].append(index)
        else:
            by_key[key] = [index]
            classes.append(by_key[key])
    return classes


def _class_scores(scores: np.ndarray, classes_a: list[list[int]], classes_b: list[list[int]]) -> np.ndarray:
    """The best member score of every (class of A, class of B) pair.

    Most classes have one member: their first members' scores are taken as they are, and
    the few further members raise them where they score higher.
    """
    rows = scores[[members[0] for members in classes_a]]
    for k, members in enumerate(classes_a):
        for i in members[1:]:
            np.maximum(rows[k], scores[i], out=rows[k])
    result = rows[:, [members[0] for members in classes_b]]
    for k, members in enumerate(classes_b):
        for j in members[1:]:
            np.maximum(result[:, k], rows[:, j], out=result[:, k])
    return result


def _expand(members_a: list[int], members_b: list[int], scores: np.ndarray, floor: float) -> list[Group]:
    """Turn an assigned pair of twin classes into groups of the members that score well."""
    block = scores[np.ix_(members_a, members_b)]
    if len(members_a) == 1 or len(members_b) == 1:
        best = np.unravel_index(int(np.argmax(block)), block.shape)
        rows = [m for k, m in enumerate(members_a) if k == best[0] or block[k, best[1]] >= floor]
        cols = [m for k, m in enumerate(members_b) if k == best[1] or block[best[0], k] >= floor]
        return [(rows, cols)]
    chosen_a, chosen_b = linear_sum_assignment(block, maximize=True)
    return [([members_a[r]], [members_b[c]]) for r, c in zip(chosen_a, chosen_b, strict=True) if block[r, c] >= floor]


def assign(
    scores: np.ndarray,
    classes_a: list[list[int]],
    classes_b: list[list[int]],
    threshold: float,
    group_threshold: float,
) -> list[Group]:
    """Best assignment between twin classes, expanded into groups of steps.

    Parameters
    ----------
    scores : numpy.ndarray
        Pair scores, rows for model A and columns for model B. Rows and columns that
        must stay out (already matched by the user) hold 0.
    classes_a, classes_b : list of list of int
        Twin classes of each side (:func:`twin_classes`).
    threshold : float
        Lowest score of an assigned class pair.
    group_threshold : float
        Lowest score of a further twin joining its class's match.
    """
    if scores.size == 0:
        return []
    class_scores = _class_scores(scores, classes_a, classes_b)
    candidate = class_scores >= threshold
    rows, cols = np.nonzero(candidate)
    if rows.size == 0:
        return []
    n_a, n_b = class_scores.shape
    graph = csr_matrix((np.ones(rows.size), (rows, cols + n_a)), shape=(n_a + n_b, n_a + n_b))
    _, component = connected_components(graph, directed=False)
    order = np.argsort(component[rows], kind="stable")
    breaks = np.flatnonzero(np.diff(component[rows][order])) + 1
    groups: list[Group] = []
    floor = max(group_threshold, threshold)
    for chunk in np.split(order, breaks):
        block_a, block_b = np.unique(rows[chunk]), np.unique(cols[chunk])
        if block_a.size == 1 and block_b.size == 1:
            chosen = [(0, 0)]
        else:
            block = np.where(candidate[np.ix_(block_a, block_b)], class_scores[np.ix_(block_a, block_b)], 0.0)
            assigned_rows, assigned_cols = linear_sum_assignment(block, maximize=True)
            chosen = [(r, c) for r, c in zip(assigned_rows, assigned_cols, strict=True) if block[r, c] > 0]
        for r, c in chosen:
            members_a, members_b = classes_a[block_a[r]], classes_b[block_b[c]]
            if len(members_a) == 1 and len(members_b) == 1:
                groups.append((list(members_a), list(members_b)))
            else:
                groups += _expand(members_a, members_b, scores, floor)
    return groups


def join_leftovers(
    scores: np.ndarray,
    groups: list[Group],
    floor: float,
    belongs: Callable[[int, int, int, int], bool],
    blocked: tuple[set[int], set[int]] = (set(), set()),
) -> None:
    """Let unmatched steps join the group of their best partner, in place.

    A step joins when it scores at least ``floor`` with its best partner, that partner
    is in a group whose other side has one step only, and ``belongs(side, step, mate,
    partner)`` is true for one of the steps (``mate``) already on its side of the group.
    ``side`` is 0 for a step of model A and 1 for model B. Steps in ``blocked`` (rows,
    columns) never join.
    """
    owner: tuple[dict[int, int], dict[int, int]] = ({}, {})
    for number, (rows, cols) in enumerate(groups):
        owner[0].update(dict.fromkeys(rows, number))
        owner[1].update(dict.fromkeys(cols, number))
    joins: list[tuple[int, int, int]] = []
    for side, matrix in ((1, scores), (0, scores.T)):
        other = 1 - side
        for step in range(matrix.shape[1]):
            if step in owner[side] or step in blocked[side] or matrix.shape[0] == 0:
                continue
            partner = int(np.argmax(matrix[:, step]))
            if matrix[partner, step] < floor or partner not in owner[other]:
                continue
            number = owner[other][partner]
            if any(belongs(side, step, mate, partner) for mate in groups[number][side]):
                joins.append((side, step, number))
    for side, step, number in joins:
        if len(groups[number][1 - side]) == 1:
            groups[number][side].append(step)
