"""Score process-model matchers on the PMMC 2015 University Admission benchmark.

Reads Alignment API RDF files, scores alignments with the contest's conventions
and checks itself against the published scores of 17 systems
(``reference-alignments/EXPECTED.tsv``)::

    python -m benchmarks.pmmc.evaluate [--corpus DIR] [--check]

Conventions (corpus README): one test case is one model pair; correspondences
are sets of (entity1, entity2) URI pairs, relation and measure ignored. Micro
scores come once from TP/FP/FN summed over all pairs; macro scores are means of
the per-pair precision, recall and F1. 0/0 counts as 1.0 (in micro scores too)
and F1 is 0 when precision or recall is 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

from lxml import etree

Correspondence = tuple[str, str]
"""An (entity1 URI, entity2 URI) pair, e.g. ``("http://Cologne#sid-1", ...)``."""

Alignment = set[Correspondence]
"""The correspondences of one model pair."""

MatchFn = Callable[[Path, Path], set[tuple[str, str]]]
"""A matcher: BPMN file of model A, BPMN file of model B -> set of (id_a, id_b)."""

CORPUS_ENV_VAR = "PMMC_CORPUS"
CORPUS_RELATIVE_TO_REPO = Path("..", "shared", "corpora", "pmmc", "university-admission")
GOLD_DIRS: dict[str, str] = {
    "binary": "goldstandard",
    "subsumption": "goldstandard-subsumption",
}
REFERENCE_DIR = "reference-alignments"
EXPECTED_FILE = "EXPECTED.tsv"
HEADER = (
    "system", "event", "gold", "P_micro", "R_micro", "F1_micro",
    "P_macro", "R_macro", "F1_macro", "TP", "FP", "FN",
)
_OAEI16_17 = "OAEI 2016 (same files also filed as OAEI 2017)"
EVENTS: dict[str, str] = {
    "AML": _OAEI16_17, "AML-PM": "PMMC 2015", "BPLangMatch": "PMMC 2015",
    "DKP": "OAEI 2016", "DKP-lite": "OAEI 2016", "I-Match": "OAEI 2017",
    "KnoMa-Proc": "PMMC 2015", "Know-Match-SSS": "PMMC 2015", "LogMap": _OAEI16_17,
    "Match-SSS": "PMMC 2015", "OPBOT": "PMMC 2015", "RMM-NHCM": "PMMC 2015",
    "RMM-NLM": "PMMC 2015", "RMM-SMSL": "PMMC 2015", "RMM-VM2": "PMMC 2015",
    "TripleS": "PMMC 2015", "pPalm-DS": "PMMC 2015",
}
"""The event at which each published system's output was submitted."""

_RDF_RESOURCE = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}resource"


@dataclass(frozen=True)
class Scores:
    """Micro and macro precision, recall and F1 of a matcher over all pairs.

    Attributes
    ----------
    precision_micro, recall_micro, f1_micro : float
        Computed once from the summed ``tp``, ``fp`` and ``fn``.
    precision_macro, recall_macro, f1_macro : float
        Means over the model pairs of the per-pair scores.
    tp, fp, fn : int
        True positives, false positives and false negatives over all pairs.
    """

    precision_micro: float
    recall_micro: float
    f1_micro: float
    precision_macro: float
    recall_macro: float
    f1_macro: float
    tp: int
    fp: int
    fn: int


def default_corpus_dir() -> Path:
    """Return ``$PMMC_CORPUS`` if set, else the corpus beside the repository root.

    The repository root is the nearest ancestor of this module that holds
    ``pyproject.toml``. The returned folder may not exist.
    """
    override = os.environ.get(CORPUS_ENV_VAR)
    if override:
        return Path(override)
    here = Path(__file__).resolve()
    root = next((p for p in here.parents if (p / "pyproject.toml").is_file()), None)
    if root is None:
        raise FileNotFoundError(f"no pyproject.toml above {here}")
    return (root / CORPUS_RELATIVE_TO_REPO).resolve()


def pair_names(corpus_dir: Path) -> list[str]:
    """Return the names ``"<A>-<B>"`` of the model pairs that have a gold standard.

    They are the stems of ``goldstandard/*.rdf``, sorted case-insensitively,
    which is the contest's order (Cologne-Frankfurt, Cologne-FU_Berlin, ...).
    """
    stems = (path.stem for path in (corpus_dir / GOLD_DIRS["binary"]).glob("*.rdf"))
    return sorted(stems, key=str.casefold)


def split_pair(pair_name: str) -> tuple[str, str]:
    """Split ``"<A>-<B>"`` into the model names A and B (no model name has a ``-``)."""
    models = pair_name.split("-")
    if len(models) != 2 or not all(models):
        raise ValueError(f"not a model pair name: {pair_name!r}")
    return models[0], models[1]


def model_path(corpus_dir: Path, model_name: str) -> Path:
    """Return the BPMN file of a model, e.g. ``models/Cologne.bpmn``.

    Raises
    ------
    FileNotFoundError
        If the corpus has no model of that name.
    """
    path = corpus_dir / "models" / f"{model_name}.bpmn"
    if not path.is_file():
        raise FileNotFoundError(f"no model {model_name!r}: {path} does not exist")
    return path


def load_alignment(path: Path) -> Alignment:
    """Read the (entity1, entity2) ``rdf:resource`` URIs of an Alignment API RDF file.

    Elements are matched by local name only (``Cell``, ``entity1``, ``entity2``):
    some systems bind the default namespace to ``.../alignment`` without the
    trailing ``#``. Relation and measure are ignored. Entity resolution, DTD
    loading and network access are off.

    Raises
    ------
    ValueError
        If a ``Cell`` lacks an ``entity1`` or ``entity2`` with ``rdf:resource``.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(Path(path).read_bytes(), parser)
    alignment: Alignment = set()
    for cell in root.iter("{*}Cell"):
        uri1, uri2 = (
            None if entity is None else entity.get(_RDF_RESOURCE)
            for entity in (cell.find("{*}entity1"), cell.find("{*}entity2"))
        )
        if uri1 is None or uri2 is None:
            raise ValueError(f"{path}:{cell.sourceline}: Cell without entity1/entity2 rdf:resource")
        alignment.add((uri1.strip(), uri2.strip()))
    return alignment


def load_gold(corpus_dir: Path, subsumption: bool = False) -> dict[str, Alignment]:
    """Read the gold standard of every model pair, keyed by pair name.

    Parameters
    ----------
    corpus_dir : Path
        The ``university-admission`` folder.
    subsumption : bool, optional
        Read the OAEI 2017 extension (``equals`` + ``subsumes`` cells) instead
        of the contest's binary gold standard.
    """
    folder = corpus_dir / GOLD_DIRS["subsumption" if subsumption else "binary"]
    return {pair: load_alignment(folder / f"{pair}.rdf") for pair in pair_names(corpus_dir)}


def load_system(system_dir: Path) -> dict[str, Alignment]:
    """Read a system's output, one ``<A>-<B>.rdf`` per pair, keyed by file stem."""
    return {path.stem: load_alignment(path) for path in sorted(system_dir.glob("*.rdf"))}


def _ratio(numerator: int, denominator: int) -> float:
    """Return ``numerator / denominator``, counting 0/0 as 1.0."""
    return 1.0 if denominator == 0 else numerator / denominator


def _f1(precision: float, recall: float) -> float:
    """Return the harmonic mean, 0 when precision or recall is 0."""
    if precision == 0.0 or recall == 0.0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def score(found: Mapping[str, Alignment], gold: Mapping[str, Alignment]) -> Scores:
    """Score found correspondences against the gold standard.

    Parameters
    ----------
    found : mapping of str to Alignment
        A matcher's output by pair name; a missing pair counts as empty output.
    gold : mapping of str to Alignment
        The gold standard by pair name; its keys are the test cases.

    Raises
    ------
    ValueError
        If ``found`` names a pair that has no gold standard.
    """
    unknown = sorted(set(found) - set(gold))
    if unknown:
        raise ValueError(f"output for pairs without gold standard: {unknown}")
    counts = []
    for pair, reference in gold.items():
        output = found.get(pair, set())
        tp = len(output & reference)
        counts.append((tp, len(output) - tp, len(reference) - tp))
    precisions = [_ratio(tp, tp + fp) for tp, fp, _ in counts]
    recalls = [_ratio(tp, tp + fn) for tp, _, fn in counts]
    tp, fp, fn = (sum(column) for column in zip(*counts, strict=True))
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return Scores(
        precision_micro=precision, recall_micro=recall, f1_micro=_f1(precision, recall),
        precision_macro=fmean(precisions), recall_macro=fmean(recalls),
        f1_macro=fmean(map(_f1, precisions, recalls)), tp=tp, fp=fp, fn=fn,
    )


def evaluate_matcher(match_fn: MatchFn, corpus_dir: Path, subsumption: bool = False) -> Scores:
    """Run a matcher on every model pair and score it.

    Parameters
    ----------
    match_fn : MatchFn
        Called as ``match_fn(model_a_path, model_b_path)`` for each pair; returns
        the matched ``(id_a, id_b)`` flow-node ids, which become the URIs
        ``http://<A>#<id_a>`` and ``http://<B>#<id_b>``.
    corpus_dir : Path
        The ``university-admission`` folder.
    subsumption : bool, optional
        Score against the subsumption extension of the gold standard.
    """
    found: dict[str, Alignment] = {}
    for pair in pair_names(corpus_dir):
        model_a, model_b = split_pair(pair)
        matches = match_fn(model_path(corpus_dir, model_a), model_path(corpus_dir, model_b))
        found[pair] = {(f"http://{model_a}#{a}", f"http://{model_b}#{b}") for a, b in matches}
    return score(found, load_gold(corpus_dir, subsumption))


def format_row(system: str, gold_name: str, scores: Scores) -> tuple[str, ...]:
    """Format one row of ``EXPECTED.tsv``: scores to 3 decimals, then the counts."""
    values = (
        scores.precision_micro, scores.recall_micro, scores.f1_micro,
        scores.precision_macro, scores.recall_macro, scores.f1_macro,
    )
    return (
        system, EVENTS.get(system, ""), gold_name,
        *(f"{value:.3f}" for value in values),
        str(scores.tp), str(scores.fp), str(scores.fn),
    )


def published_rows(corpus_dir: Path) -> list[tuple[str, ...]]:
    """Score every system in ``reference-alignments/`` against both gold standards.

    Rows come in the layout of ``EXPECTED.tsv`` (without header): binary gold
    first, each group by descending rounded micro F1, ties by system name.
    """
    systems = sorted(p for p in (corpus_dir / REFERENCE_DIR).iterdir() if p.is_dir())
    outputs = {system.name: load_system(system) for system in systems}
    rows = []
    for gold_name in GOLD_DIRS:
        gold = load_gold(corpus_dir, subsumption=gold_name == "subsumption")
        group = [format_row(name, gold_name, score(found, gold)) for name, found in outputs.items()]
        rows += sorted(group, key=lambda row: (-float(row[HEADER.index("F1_micro")]), row[0]))
    return rows


def read_expected(corpus_dir: Path) -> list[tuple[str, ...]]:
    """Read the rows (without header) of ``reference-alignments/EXPECTED.tsv``."""
    lines = (corpus_dir / REFERENCE_DIR / EXPECTED_FILE).read_text(encoding="utf-8").splitlines()
    if tuple(lines[0].split("\t")) != HEADER:
        raise ValueError(f"unexpected header in {EXPECTED_FILE}: {lines[0]!r}")
    return [tuple(line.split("\t")) for line in lines[1:] if line]


def compare_rows(computed: Sequence[tuple[str, ...]], expected: Sequence[tuple[str, ...]]) -> list[str]:
    """Describe each row, matched by (system, gold), that is missing, extra or different."""
    mine = {(row[0], row[2]): row for row in computed}
    theirs = {(row[0], row[2]): row for row in expected}
    problems = []
    for key in sorted(mine.keys() | theirs.keys()):
        got, want = mine.get(key), theirs.get(key)
        if got != want:
            problems.append(f"{'/'.join(key)}: computed {got}, expected {want}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Print every published system's scores, or check them with ``--check``."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.pmmc.evaluate", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--corpus", type=Path, default=None,
        help=f"the university-admission folder (default: ${CORPUS_ENV_VAR} or "
        f"<repo>/{CORPUS_RELATIVE_TO_REPO.as_posix()})",
    )
    parser.add_argument(
        "--check", action="store_true",
        help=f"compare with {REFERENCE_DIR}/{EXPECTED_FILE}; exit 1 on any mismatch",
    )
    args = parser.parse_args(argv)
    corpus_dir = args.corpus or default_corpus_dir()
    if not (corpus_dir / REFERENCE_DIR).is_dir():
        parser.error(f"no {REFERENCE_DIR}/ in corpus folder {corpus_dir}")
    rows = published_rows(corpus_dir)
    if not args.check:
        print("\n".join("\t".join(row) for row in (HEADER, *rows)))
        return 0
    problems = compare_rows(rows, read_expected(corpus_dir))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(rows)} rows computed, {len(problems)} mismatches with {EXPECTED_FILE}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
