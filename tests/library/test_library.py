"""The standard library: discovery, metadata, versions, read-only protection and the mtime cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import process_mapper.core.library.catalogue as catalogue_module
import process_mapper.core.library.entries as entries_module
from process_mapper.core.library import (
    LibraryReadOnlyError,
    StandardLibrary,
    newest_first,
    version_key,
)
from process_mapper.core.model.extensions import metadata
from process_mapper.core.xmlio import read_bpmn

from .builders import BROKEN, shipped_standards, write_standard


def _library(*folders: Path) -> StandardLibrary:
    """A library of ``folders`` only (the shipped folder left out)."""
    return StandardLibrary(folders, shipped=None)


# --- discovery --------------------------------------------------------------------------------


def test_the_shipped_standards_are_listed_with_their_metadata() -> None:
    # given
    folder = shipped_standards()
    files = sorted(folder.glob("*.bpmn"))
    # when
    listing = StandardLibrary().scan()
    # then
    assert listing.unreadable == () and listing.warnings == ()
    assert sorted(entry.path for entry in listing.entries) == files
    for entry in listing.entries:
        stored = metadata(read_bpmn(entry.path).processes[0])
        assert stored is not None and entry.has_metadata and entry.read_only
        assert (entry.identifier, entry.title, entry.version) == (stored.identifier, stored.title, stored.version)
        assert entry.category in {"referral", "certificate"} and entry.folder == folder


def test_entries_are_listed_by_category_then_identifier(tmp_path: Path) -> None:
    # given
    write_standard(tmp_path / "c.bpmn", identifier="STD-B", category="referral")
    write_standard(tmp_path / "b.bpmn", identifier="STD-A", category="referral")
    write_standard(tmp_path / "a.bpmn", identifier="STD-C", category="certificate")
    # when
    listing = _library(tmp_path).scan()
    # then
    assert [e.identifier for e in listing.entries] == ["STD-C", "STD-A", "STD-B"]
    assert {c: [e.identifier for e in es] for c, es in listing.by_category().items()} == {
        "certificate": ["STD-C"], "referral": ["STD-A", "STD-B"]}
    assert [e.identifier for e in listing.select("referral")] == ["STD-A", "STD-B"]


def test_extra_folders_are_searched_with_their_sub_folders(tmp_path: Path) -> None:
    # given: the region's folder, with a sub-folder, a hidden folder and a file that is not BPMN
    regional = tmp_path / "region"
    write_standard(regional / "STD-1.bpmn", identifier="STD-1")
    write_standard(regional / "intyg" / "STD-2.BPMN", identifier="STD-2")
    write_standard(regional / ".old" / "STD-3.bpmn", identifier="STD-3")
    (regional / "notes.txt").write_text("not a model", encoding="utf-8")
    # when
    listing = _library(regional).scan()
    # then
    assert [e.identifier for e in listing.entries] == ["STD-1", "STD-2"]
    assert listing.entries[1].folder == regional.absolute()


def test_a_broken_file_is_listed_as_unreadable_with_a_one_line_reason(tmp_path: Path) -> None:
    # given
    write_standard(tmp_path / "good.bpmn", identifier="STD-1")
    (tmp_path / "broken.bpmn").write_bytes(BROKEN)
    (tmp_path / "empty.bpmn").write_bytes(b"")
    # when
    listing = _library(tmp_path).scan()
    # then
    assert [e.identifier for e in listing.entries] == ["STD-1"]
    assert [u.path.name for u in listing.unreadable] == ["broken.bpmn", "empty.bpmn"]
    for unreadable in listing.unreadable:
        assert unreadable.reason and "\n" not in unreadable.reason and unreadable.path.name in unreadable.reason
    assert "is empty" in listing.unreadable[1].reason


def test_missing_and_unusable_folders_give_warnings_not_errors(tmp_path: Path) -> None:
    # given
    write_standard(tmp_path / "ok" / "STD-1.bpmn", identifier="STD-1")
    (tmp_path / "file.bpmn").write_bytes(b"")
    missing, not_a_folder, beyond = tmp_path / "network-share", tmp_path / "file.bpmn", tmp_path / "file.bpmn" / "x"
    # when
    listing = _library(tmp_path / "ok", missing, not_a_folder, beyond).scan()
    # then
    assert [e.identifier for e in listing.entries] == ["STD-1"]
    assert listing.warnings == (f"standard folder {missing} does not exist",
                                f"standard folder {not_a_folder} is not a folder",
                                f"standard folder {beyond} cannot be read: not a directory")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user")
def test_a_folder_that_cannot_be_read_gives_a_warning(tmp_path: Path) -> None:
    # given
    locked = tmp_path / "locked"
    write_standard(locked / "STD-1.bpmn", identifier="STD-1")
    locked.chmod(0)
    try:
        # when
        listing = _library(locked).scan()
    finally:
        locked.chmod(0o755)
    # then
    assert listing.entries == ()
    assert listing.warnings == (f"standard folder {locked} cannot be read: permission denied",)


def test_a_folder_the_system_refuses_to_list_gives_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # given: listing the folder fails, as on a network share without read access
    def refusing_walk(top: Path, onerror: object = None) -> list[tuple[str, list[str], list[str]]]:
        onerror(PermissionError(13, "Permission denied", str(top)))  # type: ignore[operator]
        return []

    monkeypatch.setattr(catalogue_module.os, "walk", refusing_walk)
    # when
    listing = _library(tmp_path).scan()
    # then
    assert listing.entries == ()
    assert listing.warnings == (f"standard folder {tmp_path} cannot be read: permission denied",)


def test_metadata_falls_back_to_the_file_and_process_names(tmp_path: Path) -> None:
    # given
    write_standard(tmp_path / "Remissrutin.bpmn", process_name="Inkommande remiss")
    write_standard(tmp_path / "Utan-namn.bpmn")
    write_standard(tmp_path / "Delvis.bpmn", process_name="Intyg", version="2.0")
    # when
    entries = {e.path.name: e for e in _library(tmp_path).scan().entries}
    # then
    unnamed, named, partly = entries["Utan-namn.bpmn"], entries["Remissrutin.bpmn"], entries["Delvis.bpmn"]
    assert (named.identifier, named.title, named.has_metadata) == ("Remissrutin", "Inkommande remiss", False)
    assert (unnamed.identifier, unnamed.title) == ("Utan-namn", "Utan-namn")
    assert (partly.identifier, partly.title, partly.version, partly.has_metadata) == ("Delvis", "Intyg", "2.0", True)


# --- versions ---------------------------------------------------------------------------------


def test_version_texts_compare_part_by_part() -> None:
    shuffled = ["1.10", "", "10", "1.a", "2.0-rc", "0.9", "1.2", "1"]
    assert sorted(shuffled, key=version_key) == ["", "0.9", "1", "1.a", "1.2", "1.10", "2.0-rc", "10"]
    assert version_key("1.0") == version_key("1") == version_key("1.0.0")


def test_versions_are_newest_first_then_by_valid_from(tmp_path: Path) -> None:
    # given: five versions of one standard and one other standard
    for name, version, valid_from in [("a", "1.9", "2024-01-01"), ("b", "1.10", "2025-01-01"),
                                      ("c", "2.0", "2026-01-01"), ("d", "2.0", "2026-06-01"), ("e", "", "")]:
        write_standard(tmp_path / f"{name}.bpmn", identifier="STD-REM-IN", version=version, valid_from=valid_from)
    write_standard(tmp_path / "other.bpmn", identifier="STD-REM-UT", version="1.0")
    # when
    listing = _library(tmp_path).scan()
    # then
    assert [e.path.stem for e in listing.versions("STD-REM-IN")] == ["d", "c", "b", "a", "e"]
    assert [e.path.stem for e in listing.latest()] == ["d", "other"]
    assert [e.path.stem for e in listing.select(all_versions=False)] == ["d", "other"]
    assert listing.versions("STD-NONE") == []
    assert newest_first(reversed(listing.versions("STD-REM-IN"))) == listing.versions("STD-REM-IN")


# --- read-only protection -----------------------------------------------------------------------


def test_standards_are_read_only_and_the_library_refuses_to_be_written(tmp_path: Path) -> None:
    # given
    library_folder = tmp_path / "library"
    source = write_standard(library_folder / "STD-1.bpmn", identifier="STD-1", title="Inkommande remiss")
    (tmp_path / "link").symlink_to(library_folder)
    library = _library(library_folder)
    entry = library.scan().entries[0]
    original = source.read_bytes()
    # when / then
    assert entry.read_only
    targets = (source, library_folder / "copy.bpmn", library_folder / "sub" / "copy.bpmn", tmp_path / "link" / "x.bpmn")
    for target in targets:
        with pytest.raises(LibraryReadOnlyError, match="standards are read-only"):
            library.save_copy(entry, target)
    assert source.read_bytes() == original
    assert sorted(p.name for p in library_folder.rglob("*")) == ["STD-1.bpmn"]


def test_save_copy_writes_an_editable_copy_with_new_metadata(tmp_path: Path) -> None:
    # given
    source = write_standard(tmp_path / "library" / "STD-1.bpmn", identifier="STD-1", title="Inkommande remiss",
                            version="1.2", owner="VGR", category="referral", description="Regional standard.")
    library = _library(tmp_path / "library")
    entry = library.scan().entries[0]
    target = tmp_path / "mine" / "copy.bpmn"
    target.parent.mkdir()
    # when
    written = library.save_copy(entry, target)
    # then
    assert written == target
    copied = read_bpmn(target)
    data = metadata(copied.processes[0])
    assert data is not None
    assert (data.identifier, data.title, data.version, data.owner, data.category) == (
        "STD-1-kopia", "Inkommande remiss (kopia)", "1.2", "VGR", "referral")
    assert data.description == "Kopia av STD-1 version 1.2 ur standardbiblioteket (STD-1.bpmn).\n\nRegional standard."
    assert [n.name for n in copied.flow_nodes()] == [n.name for n in read_bpmn(source).flow_nodes()]
    library.check_writable(target)  # the copy is outside the library: no error


def test_save_copy_does_not_overwrite_unless_asked(tmp_path: Path) -> None:
    # given
    write_standard(tmp_path / "library" / "STD-1.bpmn", identifier="STD-1")
    library = _library(tmp_path / "library")
    entry = library.scan().entries[0]
    target = tmp_path / "copy.bpmn"
    target.write_text("mine", encoding="utf-8")
    # when / then
    with pytest.raises(FileExistsError):
        library.save_copy(entry, target)
    assert target.read_text(encoding="utf-8") == "mine"
    library.save_copy(entry, target, overwrite=True)
    assert metadata(read_bpmn(target).processes[0]).identifier == "STD-1-kopia"  # type: ignore[union-attr]


# --- cache ------------------------------------------------------------------------------------------


def test_a_rescan_reads_only_files_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # given
    for n in range(3):
        write_standard(tmp_path / f"STD-{n}.bpmn", identifier=f"STD-{n}", version="1.0")
    reads: list[str] = []
    real_read = entries_module.read_bpmn

    def counting_read(path: Path) -> object:
        reads.append(Path(path).name)
        return real_read(path)

    monkeypatch.setattr(entries_module, "read_bpmn", counting_read)
    library = _library(tmp_path)
    # when / then: the first scan reads all, the second none
    library.scan()
    assert sorted(reads) == ["STD-0.bpmn", "STD-1.bpmn", "STD-2.bpmn"]
    reads.clear()
    assert [e.identifier for e in library.scan().entries] == ["STD-0", "STD-1", "STD-2"]
    assert reads == []
    # when / then: a changed file is read again, a deleted one disappears
    write_standard(tmp_path / "STD-1.bpmn", identifier="STD-1", version="2.0")
    stamp = (tmp_path / "STD-1.bpmn").stat().st_mtime_ns + 2_000_000_000
    os.utime(tmp_path / "STD-1.bpmn", ns=(stamp, stamp))
    (tmp_path / "STD-2.bpmn").unlink()
    listing = library.scan()
    assert reads == ["STD-1.bpmn"]
    assert [(e.identifier, e.version) for e in listing.entries] == [("STD-0", "1.0"), ("STD-1", "2.0")]


def test_step_graphs_are_built_when_first_asked_for_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # given a scanned library
    write_standard(tmp_path / "STD-1.bpmn", identifier="STD-1", version="1.0")
    library = _library(tmp_path)
    (entry,) = library.scan().entries
    reads: list[str] = []
    real_read = entries_module.read_bpmn

    def counting_read(path: Path) -> object:
        reads.append(Path(path).name)
        return real_read(path)

    monkeypatch.setattr(entries_module, "read_bpmn", counting_read)
    # when the graph is asked for twice, then the file is read once for it
    graph = library.graph(entry)
    assert library.graph(entry) is graph and reads == ["STD-1.bpmn"]
    assert any(step.label for step in graph)


_LIST_THEN_SUGGEST = """
import sys
from process_mapper.core.library import StandardLibrary
from process_mapper.core.xmlio import read_bpmn
library = StandardLibrary()
listed = len(library.scan().entries)
print(listed, "process_mapper.core.diff" in sys.modules, "scipy" in sys.modules)
library.suggest(read_bpmn(sys.argv[1]))
print("process_mapper.core.diff" in sys.modules)
"""


def test_listing_the_library_does_not_load_the_diff_engine() -> None:
    # given a fresh interpreter, when it lists the shipped standards and then asks for a suggestion
    local = Path(__file__).resolve().parents[2] / "sample_processes" / "local" / "A-V1.bpmn"
    result = subprocess.run([sys.executable, "-c", _LIST_THEN_SUGGEST, str(local)],
                            capture_output=True, text=True, timeout=120, check=True)
    # then the diff engine (numpy, scipy) is loaded only for the suggestion
    assert result.stdout.split() == ["5", "False", "False", "True"]
