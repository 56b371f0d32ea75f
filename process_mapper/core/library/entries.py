"""One standard process file of the library and its metadata (core layer, no Qt).

:func:`read_entry` reads a BPMN file into a :class:`LibraryEntry` (what the library lists)
or an :class:`UnreadableFile` (why it cannot be listed). Metadata comes from our
``pm:metadata`` block on the collaboration and the processes
(:func:`~process_mapper.core.model.extensions.metadata`); a field no block states falls back
to the file: the identifier to the file name, the title to the process name.

:func:`newest_first` orders versions of one standard: by version (numbers compare as
numbers, so 1.10 is newer than 1.9), then by the date the version is valid from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import BpmnDocument
from ..model.extensions import ProcessMetadata, merged_metadata
from ..xmlio import BpmnReadError, read_bpmn

if TYPE_CHECKING:
    from ..diff.steps import ProcessGraph

__all__ = [
    "LibraryEntry",
    "UnreadableFile",
    "merged_metadata",
    "newest_first",
    "read_entry",
    "read_metadata",
    "version_key",
]

_VERSION_PART = re.compile(r"\d+|[^\W\d_]+")


@dataclass(frozen=True)
class LibraryEntry:
    """A standard process in the library, as listed.

    Standards are read-only: :attr:`read_only` is always True, and the library refuses to
    write into its folders (see :meth:`.StandardLibrary.save_copy`).

    Attributes
    ----------
    path : Path
        The BPMN file.
    folder : Path
        The library folder the file was found in.
    identifier, title, version, valid_from, owner, category, description : str
        The metadata, with the fallbacks applied (see :func:`read_entry`).
    has_metadata : bool
        Whether the file carries a metadata block at all.
    read_only : bool
        Always True.
    """

    path: Path
    folder: Path
    identifier: str
    title: str
    version: str = ""
    valid_from: str = ""
    owner: str = ""
    category: str = ""
    description: str = ""
    has_metadata: bool = True
    read_only: bool = field(default=True, init=False)

    @property
    def metadata(self) -> ProcessMetadata:
        """The metadata as the model extension represents it (a new object each time)."""
        return ProcessMetadata(**{f.name: getattr(self, f.name) for f in fields(ProcessMetadata)})

    def to_json(self) -> dict[str, Any]:
        """Plain data: the metadata fields, ``file`` and ``has_metadata``."""
        return {**{f.name: getattr(self, f.name) for f in fields(ProcessMetadata)},
                "file": str(self.path), "has_metadata": self.has_metadata}


@dataclass(frozen=True)
class UnreadableFile:
    """A file in a library folder that cannot be listed.

    Attributes
    ----------
    path : Path
        The file.
    folder : Path
        The library folder it was found in.
    reason : str
        One line saying why, as the BPMN reader put it (English).
    code : str
        The kind of problem (:attr:`~process_mapper.core.xmlio.BpmnReadError.code`), for
        an interface that words it in its own language.
    """

    path: Path
    folder: Path
    reason: str
    code: str = "unreadable"

    def to_json(self) -> dict[str, str]:
        """Plain data: ``file`` and ``reason``."""
        return {"file": str(self.path), "reason": self.reason}


def _first_name(document: BpmnDocument) -> str:
    """The first process, collaboration or participant name of the document, or ``""``."""
    names = [p.name for p in document.processes]
    names += [c.name for c in document.collaborations]
    names += [p.name for c in document.collaborations for p in c.participants]
    return next((" ".join(name.split()) for name in names if name and name.strip()), "")


def read_metadata(path: Path, folder: Path) -> LibraryEntry | UnreadableFile:
    """Read what the library lists of one file, or why it cannot be read (no step graph).

    The metadata is :func:`merged_metadata`; without an identifier the file name (without
    ``.bpmn``) stands in, without a title the first process (or collaboration, or
    participant) name, else the file name.

    Parameters
    ----------
    path : Path
        The BPMN file.
    folder : Path
        The library folder it was found in.
    """
    result = _read(path, folder)
    return result if isinstance(result, UnreadableFile) else result[0]


def read_entry(path: Path, folder: Path) -> tuple[LibraryEntry, ProcessGraph] | UnreadableFile:
    """Read one library file: its entry (as :func:`read_metadata`) and step graph, or why it cannot be read.

    Building the step graph loads the diff engine (numpy, scipy); listing the library does
    not need it.

    Parameters
    ----------
    path : Path
        The BPMN file.
    folder : Path
        The library folder it was found in.
    """
    from ..diff.steps import build_graph  # the diff engine: loaded only when steps are compared

    result = _read(path, folder)
    return result if isinstance(result, UnreadableFile) else (result[0], build_graph(result[1]))


def _read(path: Path, folder: Path) -> tuple[LibraryEntry, BpmnDocument] | UnreadableFile:
    """The entry of one file and the document it was read from, or why it cannot be read."""
    try:
        document = read_bpmn(path)
    except BpmnReadError as error:
        return UnreadableFile(path, folder, " ".join(str(error).split()), error.code)
    data, has_metadata = merged_metadata(document)
    values = {f.name: getattr(data, f.name) for f in fields(ProcessMetadata)}
    values["identifier"] = data.identifier or path.stem
    values["title"] = data.title or _first_name(document) or path.stem
    return LibraryEntry(path=path, folder=folder, has_metadata=has_metadata, **values), document


def version_key(version: str) -> tuple[tuple[int, int, str], ...]:
    """A sort key for version texts: numbers compare as numbers, words alphabetically.

    Trailing zero parts do not count ("1.0" equals "1"); a word sorts before a number
    ("1.a" before "1.1"); an empty version is the oldest.

    Examples
    --------
    >>> sorted(["1.10", "1.9", "2", "1.0"], key=version_key)
    ['1.0', '1.9', '1.10', '2']
    """
    parts = [(1, int(part), "") if part.isdigit() else (0, 0, part.casefold())
             for part in _VERSION_PART.findall(version)]
    while parts and parts[-1] == (1, 0, ""):
        parts.pop()
    return tuple(parts)


def newest_first(entries: Iterable[LibraryEntry]) -> list[LibraryEntry]:
    """Entries by version, newest first; then by valid-from date, latest first; then by path."""
    by_path = sorted(entries, key=lambda entry: str(entry.path))
    return sorted(by_path, key=lambda entry: (version_key(entry.version), entry.valid_from), reverse=True)
