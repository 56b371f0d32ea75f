"""The thesaurus file format: parsing, validation messages, folders, the shipped file."""

from __future__ import annotations

from pathlib import Path

import pytest

from process_mapper.core.diff.thesaurus import (
    ThesaurusError,
    default_thesaurus,
    load_thesaurus,
    parse_thesaurus,
)

GOOD = """\
# a comment
Vårdadministratör = Medicinsk sekreterare = sekreterare

remiss = referral
BEK: remissbekräftelse
"""


def test_parse_groups_and_abbreviations() -> None:
    # when
    thesaurus = parse_thesaurus(GOOD, "mine.txt")
    # then
    assert [g.terms for g in thesaurus.groups] == [
        ("vårdadministratör", "medicinsk sekreterare", "sekreterare"),
        ("remiss", "referral"),
    ]
    assert thesaurus.groups[1].source == "mine.txt:4"
    assert thesaurus.abbreviations["bek"].expansion == "remissbekräftelse"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("just one term", "expected 'term = term'"),
        ("remiss = = referral", "empty term"),
        ("remiss = Remiss", "at least two different terms"),
        ("TWO WORDS: something", "must be one word"),
        ("BEK:", "needs what it stands for"),
    ],
)
def test_mistakes_are_reported_with_file_and_line(line: str, message: str) -> None:
    with pytest.raises(ThesaurusError) as caught:
        parse_thesaurus(f"# header\n{line}\n", "mine.txt")
    assert caught.value.problems[0].startswith("mine.txt:2: ")
    assert message in str(caught.value)


def test_all_mistakes_are_reported_at_once() -> None:
    with pytest.raises(ThesaurusError) as caught:
        parse_thesaurus("oops\nBEK: a\nBEK: b\nalso oops\n", "x.txt")
    assert [p.split(": ")[0] for p in caught.value.problems] == ["x.txt:1", "x.txt:3", "x.txt:4"]
    assert "already means 'a' (x.txt:2)" in caught.value.problems[1]


def test_shared_terms_join_groups_into_one_concept() -> None:
    thesaurus = parse_thesaurus("a = b\nc = d\nb = c\ne = f\n")
    concepts = sorted(sorted(terms) for terms, _ in thesaurus.concepts())
    assert concepts == [["a", "b", "c", "d"], ["e", "f"]]


def test_load_reads_files_and_folders(tmp_path: Path) -> None:
    # given
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "one.txt").write_text("läkare = doktor\n", encoding="utf-8")
    (folder / "ignored.md").write_text("not read", encoding="utf-8")
    single = tmp_path / "two.txt"
    single.write_text("\ufeffKOM: begära komplettering\n", encoding="utf-8")
    # when
    thesaurus = load_thesaurus(folder, single)
    # then
    assert [g.terms for g in thesaurus.groups] == [("läkare", "doktor")]
    assert "kom" in thesaurus.abbreviations


def test_load_reports_problems_of_every_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("bad line\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("x = r\xe4k\n".encode("latin-1"))
    with pytest.raises(ThesaurusError) as caught:
        load_thesaurus(tmp_path)
    assert caught.value.problems[0].startswith("a.txt:1:")
    assert caught.value.problems[1].startswith("b.txt: not UTF-8")


def test_shipped_thesaurus_loads_and_extends(tmp_path: Path) -> None:
    # given
    (tmp_path / "local.txt").write_text("kurator = counsellor\n", encoding="utf-8")
    # when
    shipped, extended = default_thesaurus(), default_thesaurus(tmp_path)
    # then
    assert shipped.abbreviations["bek"].expansion == "remissbekräftelse"
    assert any({"vårdadministratör", "sekreterare"} <= set(g.terms) for g in shipped.groups)
    assert any({"remiss", "referral"} <= set(g.terms) for g in shipped.groups)
    assert len(extended.groups) == len(shipped.groups) + 1
