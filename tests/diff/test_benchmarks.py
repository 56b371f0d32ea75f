"""Regression floors for the matcher on the PMMC 2015 and MIWG redrawn-model benchmarks.

The floors are what the matcher reached when they were set (PMMC: micro F1 0.726, macro
F1 0.673; MIWG: 2274 of 2275 ground-truth nodes). Raise them when the matcher improves;
never lower them to make a change pass.
"""

from __future__ import annotations

import pytest

from benchmarks import miwg_redrawn
from benchmarks.pmmc import evaluate, run_matcher

PMMC = evaluate.default_corpus_dir()
MIWG = miwg_redrawn.default_corpus_dir()


@pytest.mark.slow
@pytest.mark.skipif(not (PMMC / "goldstandard").is_dir(), reason=f"PMMC corpus not found: {PMMC}")
def test_pmmc_scores_stay_above_the_floor() -> None:
    scores = run_matcher.score_matcher(PMMC)
    assert scores.f1_micro >= 0.72
    assert scores.f1_macro >= 0.67
    assert scores.f1_micro > 0.698 and scores.f1_macro > 0.658  # the best published (AML, OAEI 2016)


@pytest.mark.slow
@pytest.mark.skipif(not (MIWG / "reference").is_dir(), reason=f"MIWG corpus not found: {MIWG}")
def test_miwg_redrawn_exports_are_matched() -> None:
    results, _ = miwg_redrawn.run(MIWG)
    scored = sum(r.scored for r in results)
    correct = sum(r.correct for r in results)
    assert scored > 2000
    assert correct / scored >= 0.98
