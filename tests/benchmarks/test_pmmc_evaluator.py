"""The PMMC 2015 evaluator reproduces the published scores and the contest's conventions."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.pmmc import evaluate
from benchmarks.pmmc.evaluate import Scores, score

CORPUS = evaluate.default_corpus_dir()
EXPECTED = CORPUS / evaluate.REFERENCE_DIR / evaluate.EXPECTED_FILE
CORPUS_ABSENT = f"PMMC corpus not found: {EXPECTED} is missing (set PMMC_CORPUS to its folder)"

RDF_TEMPLATE = """\ufeff<?xml version='1.0' encoding='utf-8'?>
<rdf:RDF xmlns='{namespace}' xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
<Alignment><map><Cell>
  {entities}
  <relation>=</relation><measure>0.5</measure>
</Cell></map></Alignment></rdf:RDF>
"""
ENTITIES = (
    "<entity1 rdf:resource='http://A#a1'/>\n"
    "  <entity2 rdf:resource=' http://B#b1 '></entity2>"
)


def _expected_rows() -> list[object]:
    """One parameter per row of EXPECTED.tsv, or a single skipped one without the corpus."""
    if not EXPECTED.is_file():
        return [pytest.param(None, id="corpus-absent", marks=pytest.mark.skip(reason=CORPUS_ABSENT))]
    return [pytest.param(row, id=f"{row[0]}-{row[2]}") for row in evaluate.read_expected(CORPUS)]


@pytest.fixture(scope="module")
def corpus() -> Path:
    """The university-admission folder; skips the test when it is absent."""
    if not EXPECTED.is_file():
        pytest.skip(CORPUS_ABSENT)
    return CORPUS


@pytest.fixture(scope="module")
def golds(corpus: Path) -> dict[str, dict[str, evaluate.Alignment]]:
    """Both gold standards, keyed like the ``gold`` column of EXPECTED.tsv."""
    return {
        "binary": evaluate.load_gold(corpus),
        "subsumption": evaluate.load_gold(corpus, subsumption=True),
    }


@pytest.mark.slow
@pytest.mark.parametrize("row", _expected_rows())
def test_published_scores_are_reproduced(
    row: tuple[str, ...], golds: dict[str, dict[str, evaluate.Alignment]]
) -> None:
    system, _, gold_name = row[:3]
    found = evaluate.load_system(CORPUS / evaluate.REFERENCE_DIR / system)
    assert evaluate.format_row(system, gold_name, score(found, golds[gold_name])) == row


@pytest.mark.slow
def test_cli_prints_expected_tsv_verbatim(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate.main(["--corpus", str(corpus)]) == 0
    assert capsys.readouterr().out == EXPECTED.read_text(encoding="utf-8")


@pytest.mark.slow
def test_cli_check_passes(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate.main(["--corpus", str(corpus), "--check"]) == 0
    assert "0 mismatches" in capsys.readouterr().out


def test_corpus_layout(corpus: Path, golds: dict[str, dict[str, evaluate.Alignment]]) -> None:
    pairs = evaluate.pair_names(corpus)
    assert len(pairs) == 36
    assert pairs[:2] == ["Cologne-Frankfurt", "Cologne-FU_Berlin"]
    for pair in pairs:
        for model in evaluate.split_pair(pair):
            assert evaluate.model_path(corpus, model).is_file()
    assert sum(map(len, golds["binary"].values())) == 232
    assert sum(map(len, golds["subsumption"].values())) == 628
    assert all(golds["binary"][pair] <= golds["subsumption"][pair] for pair in pairs)


def test_evaluate_matcher_builds_uris_per_pair(
    corpus: Path, golds: dict[str, dict[str, evaluate.Alignment]]
) -> None:
    def oracle(path_a: Path, path_b: Path) -> set[tuple[str, str]]:
        gold = golds["binary"][f"{path_a.stem}-{path_b.stem}"]
        return {(uri1.split("#", 1)[1], uri2.split("#", 1)[1]) for uri1, uri2 in gold}

    assert evaluate.evaluate_matcher(oracle, corpus) == Scores(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 232, 0, 0)
    against_subsumption = evaluate.evaluate_matcher(oracle, corpus, subsumption=True)
    assert (against_subsumption.tp, against_subsumption.fn) == (232, 396)


def test_default_corpus_dir_honours_env_var(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(evaluate.CORPUS_ENV_VAR, str(tmp_path))
    assert evaluate.default_corpus_dir() == tmp_path


def test_empty_output_scores_precision_one_and_recall_zero() -> None:
    gold = {"A-B": {("a1", "b1"), ("a2", "b2")}, "A-C": {("a1", "c1")}}
    assert score({}, gold) == Scores(1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0, 0, 3)


def test_zero_over_zero_counts_as_one_in_macro() -> None:
    gold = {"A-B": {("a1", "b1")}, "A-C": {("a1", "c1")}, "B-C": set()}
    found = {"A-B": {("a1", "b1")}, "A-C": set(), "B-C": set()}
    scores = score(found, gold)
    assert (scores.precision_macro, scores.recall_macro) == (1.0, pytest.approx(2 / 3))
    assert scores.f1_macro == pytest.approx(2 / 3)
    assert (scores.precision_micro, scores.recall_micro, scores.f1_micro) == (1.0, 0.5, pytest.approx(2 / 3))


def test_macro_f1_is_mean_of_pair_f1_and_zero_when_precision_is_zero() -> None:
    gold = {
        "A-B": {("a1", "b1"), ("a2", "b2"), ("a3", "b3"), ("a4", "b4")},
        "A-C": {("a1", "c1")},
        "B-C": {("b1", "c1")},
    }
    found = {
        "A-B": {("a1", "b1")},
        "A-C": {("a1", "c1"), ("a2", "c2"), ("a3", "c3"), ("a4", "c4")},
        "B-C": {("b2", "c2")},
    }
    scores = score(found, gold)
    assert scores.precision_macro == pytest.approx((1 + 0.25 + 0) / 3)
    assert scores.recall_macro == pytest.approx((0.25 + 1 + 0) / 3)
    assert scores.f1_macro == pytest.approx((0.4 + 0.4 + 0) / 3)
    assert (scores.tp, scores.fp, scores.fn) == (2, 4, 4)
    assert scores.f1_micro == pytest.approx(2 * 2 / (2 * 2 + 4 + 4))


def test_output_for_unknown_pair_is_rejected() -> None:
    with pytest.raises(ValueError, match="Z-Y"):
        score({"Z-Y": set()}, {"A-B": {("a1", "b1")}})


@pytest.mark.parametrize(
    "namespace",
    [
        "http://knowledgeweb.semanticweb.org/heterogeneity/alignment#",
        "http://knowledgeweb.semanticweb.org/heterogeneity/alignment",
    ],
)
def test_load_alignment_ignores_namespace_relation_and_measure(tmp_path: Path, namespace: str) -> None:
    path = tmp_path / "A-B.rdf"
    path.write_text(RDF_TEMPLATE.format(namespace=namespace, entities=ENTITIES), encoding="utf-8")
    assert evaluate.load_alignment(path) == {("http://A#a1", "http://B#b1")}
    assert evaluate.load_system(tmp_path) == {"A-B": {("http://A#a1", "http://B#b1")}}


def test_load_alignment_rejects_cell_without_resource(tmp_path: Path) -> None:
    path = tmp_path / "A-B.rdf"
    path.write_text(
        RDF_TEMPLATE.format(namespace="urn:x", entities="<entity1 rdf:resource='http://A#a1'/><entity2/>"),
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="Cell without"):
        evaluate.load_alignment(path)
