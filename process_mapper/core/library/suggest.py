"""Which standard fits a local process best (core layer, no Qt).

:func:`rank_standards` answers the process owner's first question: *which regional
standard is our process a variant of?* It works in two steps, so that a large library
stays fast:

1. **Screening**: every standard's labels, and the local process's, become a bag of
   thesaurus-aware terms (:class:`~process_mapper.core.diff.similarity.LabelAnalyser`);
   the standards are ranked by the cosine similarity of these bags (terms weighted by
   inverse document frequency) and the best few go on.
2. **Matching**: the step matcher (:class:`~process_mapper.core.diff.matching.StepMatcher`)
   pairs the steps of the local process with those of each short-listed standard. The fit
   is the harmonic mean of two coverages: the share of the local process's named steps
   that found a counterpart, and the share of the standard's, each counterpart weighted by
   its match score. A small standard does not win by covering only part of a large local
   process, nor a large one by holding every local step among many others.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..diff.matching import MatchResult, StepMatcher
from ..diff.similarity import LabelAnalyser
from ..diff.steps import ProcessGraph, build_graph
from ..diff.text import detect_language
from ..diff.thesaurus import Thesaurus, default_thesaurus
from ..model import BpmnDocument
from .entries import LibraryEntry

__all__ = ["SHORTLIST", "Suggestion", "rank_standards"]

#: How many standards the screening passes on to the matcher (at least ``top``).
SHORTLIST = 5
REASON = (
    "{matched} of {local} local steps and {standard_matched} of {standard} standard steps matched, "
    "mean score {mean:.2f}"
)
NO_STEP_MATCHED = "no step matched; wording similarity {similarity:.2f}"
SAME_CATEGORY = "same category ({category})"
OTHER_CATEGORY = "other category ({category})"


@dataclass(frozen=True)
class Suggestion:
    """A standard that may fit the local process.

    Attributes
    ----------
    entry : LibraryEntry
        The standard.
    score : float
        The fit in [0, 1]: harmonic mean of the local and the standard coverage.
    matched_steps : int
        Named steps of the local process with a counterpart in the standard.
    reason : str
        One line for people: how many steps matched on each side and how well (or, when
        none did, how alike the wording is), and whether the categories agree.
    local_steps, standard_steps : int
        Named steps of the local process and of the standard.
    """

    entry: LibraryEntry
    score: float
    matched_steps: int
    reason: str
    local_steps: int
    standard_steps: int


def rank_standards(
    candidates: Sequence[tuple[LibraryEntry, ProcessGraph]],
    local: BpmnDocument,
    top: int = 3,
    *,
    thesaurus: Thesaurus | None = None,
    local_category: str = "",
    shortlist: int = SHORTLIST,
) -> list[Suggestion]:
    """The ``top`` standards that fit ``local`` best, best first.

    Parameters
    ----------
    candidates : sequence of (LibraryEntry, ProcessGraph)
        The standards to choose from, with their step graphs.
    local : BpmnDocument
        The unit's process.
    top : int, optional
        How many suggestions to return at most.
    thesaurus : Thesaurus or None, optional
        Synonyms for labels; None reads the shipped thesaurus.
    local_category : str, optional
        The local process's declared category, mentioned in the reasons.
    shortlist : int, optional
        How many screened standards the matcher compares (at least ``top``).

    Returns
    -------
    list of Suggestion
        Empty when there are no candidates or the local process has no named step.
    """
    local_graph = build_graph(local)
    if not candidates or not _named(local_graph) or top < 1:
        return []
    thesaurus = thesaurus or default_thesaurus()
    screened = _screen([graph for _, graph in candidates], local_graph, thesaurus)
    order = sorted(range(len(candidates)), key=lambda i: (-screened[i], candidates[i][0].identifier))
    chosen = order[:max(top, shortlist)]
    suggestions = [_suggestion(*candidates[i], local_graph, thesaurus, local_category, screened[i]) for i in chosen]
    ranked = sorted(zip(suggestions, chosen, strict=True), key=lambda pair: (-pair[0].score, -screened[pair[1]]))
    return [suggestion for suggestion, _ in ranked[:top]]


def _named(graph: ProcessGraph) -> list[str]:
    """The ids of the steps that have a label."""
    return [step.id for step in graph if step.label]


def _screen(graphs: Sequence[ProcessGraph], local: ProcessGraph, thesaurus: Thesaurus) -> list[float]:
    """For each graph, the cosine similarity of its label terms with the local graph's."""
    labels = [[step.label for step in graph if step.label] for graph in (local, *graphs)]
    analyser = LabelAnalyser(thesaurus, [label for group in labels for label in group])
    bags = []
    for group in labels:
        language = detect_language(group)
        bags.append(Counter(term for label in group for term in analyser.analyse(label, language).terms))
    frequency = Counter(term for bag in bags for term in bag)
    weight = {term: math.log1p(len(bags) / count) for term, count in frequency.items()}
    vectors = [{term: count * weight[term] for term, count in bag.items()} for bag in bags]
    norms = [math.sqrt(sum(value * value for value in vector.values())) for vector in vectors]
    local_vector, local_norm = vectors[0], norms[0]
    return [
        sum(value * vector.get(term, 0.0) for term, value in local_vector.items()) / (local_norm * norm)
        if norm and local_norm else 0.0
        for vector, norm in zip(vectors[1:], norms[1:], strict=True)
    ]


def _suggestion(
    entry: LibraryEntry,
    graph: ProcessGraph,
    local: ProcessGraph,
    thesaurus: Thesaurus,
    local_category: str,
    similarity: float,
) -> Suggestion:
    """Match one standard with the local process and measure the fit (``similarity``: the screening's)."""
    result = StepMatcher(graph, local, thesaurus).match()
    standard_named, local_named = set(_named(graph)), set(_named(local))
    best_standard, best_local = _best_scores(result, standard_named, local_named)
    coverage_standard = sum(best_standard.values()) / len(standard_named) if standard_named else 0.0
    coverage_local = sum(best_local.values()) / len(local_named)
    total = coverage_standard + coverage_local
    score = 2 * coverage_standard * coverage_local / total if total else 0.0
    if best_local:
        notes = [REASON.format(matched=len(best_local), local=len(local_named), standard_matched=len(best_standard),
                               standard=len(standard_named), mean=sum(best_local.values()) / len(best_local))]
    else:
        notes = [NO_STEP_MATCHED.format(similarity=similarity)]
    if local_category and entry.category:
        template = SAME_CATEGORY if local_category == entry.category else OTHER_CATEGORY
        notes.append(template.format(category=entry.category))
    return Suggestion(entry, score, len(best_local), "; ".join(notes), len(local_named), len(standard_named))


def _best_scores(
    result: MatchResult, standard_named: set[str], local_named: set[str]
) -> tuple[dict[str, float], dict[str, float]]:
    """The best match score of each named step on either side that has a named counterpart."""
    best_standard: dict[str, float] = {}
    best_local: dict[str, float] = {}
    for match in result.matches:
        for a, b in match.pairs():
            if a in standard_named and b in local_named:
                best_standard[a] = max(best_standard.get(a, 0.0), match.score)
                best_local[b] = max(best_local.get(b, 0.0), match.score)
    return best_standard, best_local
