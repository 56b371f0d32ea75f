"""The shipped thesaurus files (``resources/thesaurus/*.txt``): they load, and they say what they should.

Key equivalences of the domain vocabulary hold (BEK ~ skicka remissbekräftelse ~ send referral
confirmation; vårdadministratör ~ sekreterare), distinct roles stay apart (so a role change
between them is still reported by the diff), and no entry can silently change other words.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from process_mapper.core.diff import Category, default_thesaurus, diff_documents
from process_mapper.core.diff.similarity import LabelAnalyser
from process_mapper.core.diff.text import STOP_WORDS, Language, stem
from process_mapper.core.diff.thesaurus import parse_thesaurus
from process_mapper.core.resources import resource_path
from tests.diff.models import model

FILES = sorted(resource_path("thesaurus").glob("*.txt"))
THESAURUS = default_thesaurus()
#: Roles that are NOT synonyms: moving a step between two of them is a role change.
DISTINCT_ROLES = ("läkare", "sjuksköterska", "undersköterska", "barnmorska", "psykolog", "kurator",
                  "hälso och sjukvårdskurator", "fysioterapeut", "tandläkare", "vårdadministratör",
                  "remissbedömare", "remittent", "behandlare", "verksamhetschef", "patient", "vårdnadshavare")


def terms(label: str, language: Language = "sv") -> frozenset[str]:
    """The comparable terms of a label, as the matcher sees it."""
    return frozenset(LabelAnalyser(THESAURUS, [label]).analyse(label, language).terms)


def concept_of(term: str) -> frozenset[str]:
    """The terms of the synonym concept holding ``term`` (empty when none does)."""
    return next((members for members, _ in THESAURUS.concepts() if term in members), frozenset())


@pytest.mark.parametrize("file", FILES, ids=lambda path: path.name)
def test_each_shipped_file_loads_on_its_own(file: Path) -> None:
    thesaurus = parse_thesaurus(file.read_text(encoding="utf-8"), file.name)
    assert thesaurus.groups or thesaurus.abbreviations


def test_the_shipped_files_load_together_and_cover_the_themes() -> None:
    assert {f.name for f in FILES} >= {"activities.txt", "documents.txt", "roles.txt", "systems.txt"}
    assert len(THESAURUS.groups) > 100
    for short in ("bek", "kom", "avb", "avv", "psv", "dsv", "ssv", "fk", "svf", "mdk"):
        assert short in THESAURUS.abbreviations


@pytest.mark.parametrize(("labels", "languages"), [
    (("Skicka BEK", "Skicka remissbekräftelse", "Send referral confirmation", "Skicka mottagningsbekräftelse"),
     ("sv", "sv", "en", "sv")),
    (("Vidarebefordra remiss", "Skicka vidare remissen", "Forward referral"), ("sv", "sv", "en")),
    (("Avvisa remiss", "AVV", "Returnera remissen", "Reject referral"), ("sv", "sv", "sv", "en")),
    (("Begära komplettering", "KOM", "Request completion"), ("sv", "sv", "en")),
    (("Skriva remissvar", "Skriva konsultsvar", "Write referral answer"), ("sv", "sv", "en")),
    (("Signera intyg", "Underteckna läkarintyget", "Sign certificate"), ("sv", "sv", "en")),
    (("Vårdadministratör", "Medicinsk sekreterare", "Sekreterare", "Medical secretary"), ("sv", "sv", "sv", "en")),
    (("Läkare", "Doktor", "Physician"), ("sv", "sv", "en")),
    (("e-remiss", "Elektronisk remiss", "Electronic referral"), ("sv", "sv", "en")),
    (("Fylla i blankett FK 7804", "Fylla i blankett FK7804"), ("sv", "sv")),
])
def test_key_equivalences(labels: tuple[str, ...], languages: tuple[Language, ...]) -> None:
    found = {label: terms(label, language) for label, language in zip(labels, languages, strict=True)}
    assert len(set(found.values())) == 1, found


def test_an_abbreviation_alone_shares_the_concept_of_the_activity() -> None:
    assert terms("BEK") < terms("Skicka remissbekräftelse") == terms("Send referral confirmation", "en")
    assert terms("PSV") == terms("Preliminärt svar") and terms("SSV") == terms("Slutsvar")


def test_distinct_roles_are_not_merged() -> None:
    for role_a, role_b in combinations(DISTINCT_ROLES, 2):
        assert not terms(role_a) & terms(role_b), (role_a, role_b)
    assert terms("Läkare") != terms("Sjuksköterska")
    assert "sjuksköterska" not in concept_of("läkare") and "undersköterska" not in concept_of("sjuksköterska")


def test_the_diff_still_reports_a_change_between_distinct_roles_only() -> None:
    # given: the same step done by the secretary, the doctor and the nurse
    def drawn(role: str) -> object:
        return model([("s", "startEvent", ""), ("t", "userTask", "Bedöma remiss"), ("e", "endEvent", "")],
                     [("s", "t"), ("t", "e")], {role: ["s", "t", "e"]})

    # when
    changes = {pair: diff_documents(drawn(pair[0]), drawn(pair[1])).changes for pair in [  # type: ignore[arg-type]
        ("Vårdadministratör", "Medicinsk sekreterare"), ("Läkare", "Sjuksköterska"),
        ("Sjuksköterska", "Undersköterska")]}
    # then
    role_changes = {pair: [c for c in found if c.category is Category.ROLE_CHANGE] for pair, found in changes.items()}
    assert role_changes[("Vårdadministratör", "Medicinsk sekreterare")] == []
    assert role_changes[("Läkare", "Sjuksköterska")] and role_changes[("Sjuksköterska", "Undersköterska")]


def test_no_abbreviation_is_an_ordinary_function_word() -> None:
    # Abbreviations are written out wherever the word occurs: "VID" would turn "vid avslut" into a forwarding.
    for short in THESAURUS.abbreviations:
        assert short not in STOP_WORDS["sv"] and short not in STOP_WORDS["en"], short


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_two_concepts_claim_the_same_words(language: Language) -> None:
    # The matcher looks a phrase up as written and by its stems: "remissenhet" stems to "remissen",
    # which would make every "remissen" a unit. Each written or stemmed phrase names one concept.
    owners: dict[tuple[str, ...], set[int]] = {}
    for number, (members, _) in enumerate(THESAURUS.concepts()):
        for term in members:
            words = tuple(term.split())
            for key in {words, tuple(stem(word, language) for word in words)}:
                owners.setdefault(key, set()).add(number)
    assert {key: found for key, found in owners.items() if len(found) > 1} == {}
