"""Semantic comparison of BPMN models: steps, label similarity, step matching, practice changes (no Qt).

Entry points: :func:`~.matching.match_documents` pairs the steps of two models;
:func:`~.changes.diff_documents` (or a :class:`~.changes.Differ`, for diffing again after
the user adjusted the match) derives the practice changes between a regional standard
and a local process. The step view (:mod:`.steps`) is meant for reuse by the GUI.
"""

from .changes import Differ, DiffResult, diff_documents
from .matching import Match, MatchResult, MatchSettings, StepMatcher, match_documents
from .practice import Category, ChangeSeverity, PracticeChange
from .steps import ProcessGraph, Step, StepKind, build_graph
from .thesaurus import Thesaurus, ThesaurusError, default_thesaurus, load_thesaurus

__all__ = [
    "Category",
    "ChangeSeverity",
    "DiffResult",
    "Differ",
    "Match",
    "MatchResult",
    "MatchSettings",
    "PracticeChange",
    "ProcessGraph",
    "Step",
    "StepKind",
    "StepMatcher",
    "Thesaurus",
    "ThesaurusError",
    "build_graph",
    "default_thesaurus",
    "diff_documents",
    "load_thesaurus",
    "match_documents",
]
