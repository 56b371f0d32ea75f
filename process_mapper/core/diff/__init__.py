"""Semantic comparison of BPMN models: steps, label similarity, step matching (core layer, no Qt).

Entry point: :func:`~.matching.match_documents`. The step view (:mod:`.steps`) is meant for
reuse by the practice-change derivation and the GUI.
"""

from .matching import Match, MatchResult, MatchSettings, StepMatcher, match_documents
from .steps import ProcessGraph, Step, StepKind, build_graph
from .thesaurus import Thesaurus, ThesaurusError, default_thesaurus, load_thesaurus

__all__ = [
    "Match",
    "MatchResult",
    "MatchSettings",
    "ProcessGraph",
    "Step",
    "StepKind",
    "StepMatcher",
    "Thesaurus",
    "ThesaurusError",
    "build_graph",
    "default_thesaurus",
    "load_thesaurus",
    "match_documents",
]
