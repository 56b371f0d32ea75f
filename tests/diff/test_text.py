"""Normalising, tokenising, stemming, language detection and compound splitting."""

from __future__ import annotations

import pytest

from process_mapper.core.diff.text import STOP_WORDS, detect_language, normalise, split_compound, stem, tokenise


def test_normalise_folds_case_punctuation_whitespace_and_unicode() -> None:
    assert normalise("  Skicka\nREMISS-svar!  ") == "skicka remiss svar"
    assert normalise("Ta\u00a0emot  ﬁl") == "ta emot fil"


def test_tokenise_keeps_swedish_letters_and_digits() -> None:
    assert tokenise("Bedöma & prioritera (FK 7804)") == ["bedöma", "prioritera", "fk", "7804"]


def test_a_number_written_against_a_word_is_a_word_of_its_own() -> None:
    # "Task1" and "Task 1", "FK7804" and "FK 7804": tools differ in the space, the label does not
    assert normalise("Task1") == normalise("Task 1") == "task 1"
    assert tokenise("Intyg FK7804") == ["intyg", "fk", "7804"]


@pytest.mark.parametrize(
    ("labels", "language"),
    [
        (["Ankomstregistrera remiss", "Bedöma och prioritera remiss", "Skicka remissbekräftelse"], "sv"),
        (["Check application complete", "Send letter of rejection", "Wait for the results"], "en"),
    ],
)
def test_detect_language(labels: list[str], language: str) -> None:
    assert detect_language(labels) == language


def test_detect_language_falls_back_on_default_without_evidence() -> None:
    assert detect_language([], default="en") == "en"
    assert detect_language(["X"], default="sv") == "sv"


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [
        ("remissen", "sv", "remiss"),
        ("remisser", "sv", "remiss"),
        ("bekräftelse", "sv", "bekräft"),
        ("bekräfta", "sv", "bekräft"),
        ("registrering", "sv", "registrer"),  # nominalisation stems like the verb ...
        ("registrera", "sv", "registrer"),
        ("bedömning", "sv", "bedöm"),
        ("bedöma", "sv", "bedöm"),
        ("rejected", "en", "reject"),
        ("rejection", "en", "reject"),
    ],
)
def test_stem(word: str, language: str, expected: str) -> None:
    assert stem(word, language) == expected


def test_stop_words_cover_both_languages() -> None:
    assert {"och", "att", "till"} <= STOP_WORDS["sv"]
    assert {"the", "of", "to"} <= STOP_WORDS["en"]


def test_split_compound_uses_known_words() -> None:
    known = {"remiss", "bekräftelse", "ankomst", "registrering"}.__contains__
    assert split_compound("remissbekräftelse", known) == ("remiss", "bekräftelse")
    assert split_compound("ankomstsregistrering", known) == ("ankomst", "registrering")  # linking s


def test_split_compound_leaves_unknown_words_whole() -> None:
    assert split_compound("vårdcentral", {"remiss"}.__contains__) == ("vårdcentral",)
    assert split_compound("remissxyz", {"remiss"}.__contains__) == ("remissxyz",)


def test_split_compound_prefers_fewest_parts() -> None:
    known = {"vård", "administratör", "admin", "istratör"}.__contains__
    assert split_compound("vårdadministratör", known) == ("vård", "administratör")
