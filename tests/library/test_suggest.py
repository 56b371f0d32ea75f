"""Which standard fits a local process: the shipped variants pick their own standard."""

from __future__ import annotations

from pathlib import Path

import pytest

import process_mapper.core.library.suggest as suggest_module
from process_mapper.core.library import StandardLibrary, rank_standards
from process_mapper.core.xmlio import read_bpmn, read_bpmn_bytes
from tests.diff.models import chain

from .builders import expected_standard, local_variants, shipped_standards, with_new_ids, write_standard

VARIANTS = local_variants()


@pytest.fixture(scope="module")
def library() -> StandardLibrary:
    """The shipped library, scanned once."""
    shipped_standards()
    library = StandardLibrary()
    library.scan()
    return library


@pytest.mark.skipif(not VARIANTS, reason="no local variants in sample_processes/local/ yet")
@pytest.mark.parametrize("local", VARIANTS, ids=lambda path: path.stem)
def test_each_local_variant_gets_its_own_standard_first(library: StandardLibrary, local: Path) -> None:
    # when
    suggestions = library.suggest(read_bpmn(local), top=3)
    # then
    best, *others = suggestions
    assert best.entry.identifier == expected_standard(local)
    assert best.matched_steps > 0 and best.score > 0
    assert all(best.score > other.score for other in others)
    assert best.reason.startswith(f"{best.matched_steps} of {best.local_steps} local steps")
    assert len(suggestions) == 3


@pytest.mark.skipif(not VARIANTS, reason="no local variants in sample_processes/local/ yet")
@pytest.mark.parametrize("local", VARIANTS, ids=lambda path: path.stem)
def test_the_suggestion_does_not_rest_on_shared_ids(library: StandardLibrary, local: Path) -> None:
    # given: the variant with every id renamed, so that no id is shared with its standard
    renamed = read_bpmn_bytes(with_new_ids(local.read_text(encoding="utf-8")).encode("utf-8"), local.name)
    assert not {n.id for n in renamed.flow_nodes()} & {n.id for n in read_bpmn(local).flow_nodes()}
    # when
    suggestions = library.suggest(renamed, top=2)
    # then
    assert suggestions[0].entry.identifier == expected_standard(local)


@pytest.mark.skipif(not VARIANTS, reason="no local variants in sample_processes/local/ yet")
@pytest.mark.parametrize("local", VARIANTS, ids=lambda path: path.stem)
def test_the_screening_alone_short_lists_the_right_standard(library: StandardLibrary, local: Path) -> None:
    # given
    listing = library.scan()
    candidates = [(entry, library.graph(entry)) for entry in listing.latest()]
    # when
    suggestions = rank_standards(candidates, read_bpmn(local), top=1, shortlist=1)
    # then
    assert [s.entry.identifier for s in suggestions] == [expected_standard(local)]


def test_only_the_short_list_is_matched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # given: four standards, two of them about referrals
    write_standard(
        tmp_path / "a.bpmn", ["Ankomstregistrera remiss", "Bedöma remiss", "Skicka remissvar"], identifier="A"
    )
    write_standard(tmp_path / "b.bpmn", ["Registrera remiss", "Bedöma och prioritera remiss"], identifier="B")
    write_standard(tmp_path / "c.bpmn", ["Konstatera dödsfallet", "Utfärda dödsbevis"], identifier="C")
    write_standard(tmp_path / "d.bpmn", ["Signera intyg", "Skicka intyg till Försäkringskassan"], identifier="D")
    matched: list[int] = []
    real_matcher = suggest_module.StepMatcher

    def counting_matcher(*args: object) -> object:
        matched.append(1)
        return real_matcher(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(suggest_module, "StepMatcher", counting_matcher)
    library = StandardLibrary([tmp_path], shipped=None)
    local = chain(["Registrera remiss", "Bedöma remiss", "Skicka remissvar till remittent"])
    # when
    suggestions = rank_standards(
        [(e, library.graph(e)) for e in library.scan().entries], local, top=2, shortlist=2)
    # then
    assert len(matched) == 2
    assert [s.entry.identifier for s in suggestions] == ["A", "B"]


def test_category_and_versions_limit_the_candidates(tmp_path: Path) -> None:
    # given
    labels = ["Ankomstregistrera remiss", "Bedöma remiss"]
    write_standard(tmp_path / "old.bpmn", labels, identifier="REM", version="1.0", category="referral")
    write_standard(tmp_path / "new.bpmn", labels, identifier="REM", version="2.0", category="referral")
    write_standard(tmp_path / "cert.bpmn", ["Signera intyg"], identifier="CERT", category="certificate")
    library = StandardLibrary([tmp_path], shipped=None)
    local = chain(labels)
    # when
    latest = library.suggest(local, top=5)
    every = library.suggest(local, top=5, all_versions=True)
    certificates = library.suggest(local, top=5, category="certificate")
    # then
    assert [(s.entry.identifier, s.entry.version) for s in latest] == [("REM", "2.0"), ("CERT", "")]
    assert {s.entry.path.name for s in every} == {"old.bpmn", "new.bpmn", "cert.bpmn"}
    assert [s.entry.identifier for s in certificates] == ["CERT"]
    assert certificates[0].reason.startswith("no step matched; wording similarity 0.")


def test_nothing_to_suggest(tmp_path: Path) -> None:
    # given
    write_standard(tmp_path / "a.bpmn", identifier="A")
    empty_library = StandardLibrary([tmp_path / "none"], shipped=None)
    library = StandardLibrary([tmp_path], shipped=None)
    # when / then
    assert empty_library.suggest(chain(["Registrera remiss"])) == []
    assert library.suggest(chain(["", ""])) == []
    assert library.suggest(chain(["Registrera remiss"]), top=0) == []
