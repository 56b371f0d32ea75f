"""The regional standard library: standard processes found in folders (core layer, no Qt).

A :class:`StandardLibrary` looks for ``*.bpmn`` files (in sub-folders too) in the shipped
folder of standards and in any folders the user adds, such as the region's shared network
folder. :meth:`StandardLibrary.scan` lists them as a :class:`LibraryListing`:

- a folder that is missing or cannot be read gives a warning, never an exception;
- a file that cannot be read as BPMN is listed as unreadable with a one-line reason;
- a file is read again only when its modification time or size changed since the last
  scan, so listing a big network folder again costs one ``stat`` per file;
- listing reads only the metadata: a standard's step graph, and with it the diff engine
  (numpy, scipy), is loaded only when a suggestion needs it (:meth:`StandardLibrary.graph`).

Standards are read-only. :meth:`StandardLibrary.save_copy` writes an edited copy outside
the library folders, and :meth:`StandardLibrary.check_writable` tells any other writer
whether a path lies inside them. :meth:`StandardLibrary.suggest` ranks the standards by how
well they fit a local process (:mod:`.suggest`).
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import BpmnDocument
from ..model.extensions import ProcessMetadata, metadata, set_metadata
from ..xmlio import os_error_code, read_bpmn, write_bpmn
from .entries import LibraryEntry, UnreadableFile, merged_metadata, newest_first, read_entry, read_metadata

if TYPE_CHECKING:
    from ..diff.steps import ProcessGraph
    from ..diff.thesaurus import Thesaurus
    from .suggest import Suggestion

__all__ = [
    "SHIPPED_STANDARDS_DIR",
    "FolderProblem",
    "LibraryListing",
    "LibraryReadOnlyError",
    "StandardLibrary",
    "copy_metadata",
]

#: ``sample_processes/standard/`` in a source checkout or editable install;
#: ``PROCESS_MAPPER_STANDARDS`` overrides it (for packaged builds).
SHIPPED_STANDARDS_DIR = Path(os.environ.get(
    "PROCESS_MAPPER_STANDARDS", Path(__file__).resolve().parents[3] / "sample_processes" / "standard"))
STANDARD_SUFFIX = ".bpmn"
COPY_IDENTIFIER = "{identifier}-kopia"
COPY_TITLE = "{title} (kopia)"
COPY_NOTE = "Kopia av {identifier} version {version} ur standardbiblioteket ({file})."

MISSING_FOLDER = "standard folder {folder} does not exist"
NOT_A_FOLDER = "standard folder {folder} is not a folder"
UNREADABLE_FOLDER = "standard folder {folder} cannot be read: {reason}"
READ_ONLY = ("{path} is inside the standard library folder {folder}; standards are read-only, "
             "save a copy somewhere else")
TARGET_EXISTS = "{path} already exists"


class LibraryReadOnlyError(PermissionError):
    """Something was about to be written into a library folder; ``str(error)`` says where."""


@dataclass(frozen=True)
class FolderProblem:
    """A library folder that cannot be looked through.

    Attributes
    ----------
    folder : Path
        The folder (or the sub-folder that could not be read).
    code : str
        ``folder-missing``, ``not-a-folder`` or ``folder-unreadable``, for an interface
        that words the problem in its own language.
    message : str
        One English sentence naming the folder and the reason.
    """

    folder: Path
    code: str
    message: str


@dataclass(frozen=True)
class LibraryListing:
    """What one scan of the library found.

    Attributes
    ----------
    entries : tuple of LibraryEntry
        Every readable standard, by category, then identifier, then newest version first.
    unreadable : tuple of UnreadableFile
        Files that could not be read, by path.
    folder_problems : tuple of FolderProblem
        The folders that are missing or cannot be read.
    """

    entries: tuple[LibraryEntry, ...] = ()
    unreadable: tuple[UnreadableFile, ...] = ()
    folder_problems: tuple[FolderProblem, ...] = ()

    @property
    def warnings(self) -> tuple[str, ...]:
        """One sentence per folder that is missing or cannot be read."""
        return tuple(problem.message for problem in self.folder_problems)

    def identifiers(self) -> list[str]:
        """The distinct identifiers, in listing order."""
        return list(dict.fromkeys(entry.identifier for entry in self.entries))

    def versions(self, identifier: str) -> list[LibraryEntry]:
        """All versions of one standard, newest first (empty when there is none)."""
        return [entry for entry in self.entries if entry.identifier == identifier]

    def latest(self) -> list[LibraryEntry]:
        """The newest version of each standard, in listing order."""
        return [self.versions(identifier)[0] for identifier in self.identifiers()]

    def by_category(self, *, all_versions: bool = True) -> dict[str, list[LibraryEntry]]:
        """Entries per category (``""`` for those without one), categories alphabetically."""
        grouped: dict[str, list[LibraryEntry]] = {}
        for entry in self.entries if all_versions else self.latest():
            grouped.setdefault(entry.category, []).append(entry)
        return grouped

    def select(self, category: str | None = None, *, all_versions: bool = True) -> list[LibraryEntry]:
        """Entries of one category (all when None), every version or only the newest."""
        chosen = self.entries if all_versions else self.latest()
        return [entry for entry in chosen if category is None or entry.category == category]


@dataclass
class _Cached:
    """What the last read of one file gave, the file's state then, and its step graph once built."""

    stamp: tuple[int, int]  # (st_mtime_ns, st_size)
    result: LibraryEntry | UnreadableFile
    graph: ProcessGraph | None = None


class StandardLibrary:
    """The standard processes in the shipped folder and the user's folders.

    Parameters
    ----------
    folders : iterable of str or Path
        The user's extra folders, e.g. the region's shared network folder.
    shipped : Path or None
        The folder of standards shipped with the application; None leaves it out.
    """

    def __init__(self, folders: Iterable[str | Path] = (), *, shipped: Path | None = SHIPPED_STANDARDS_DIR) -> None:
        listed = ([shipped] if shipped is not None else []) + [Path(folder) for folder in folders]
        self.folders: tuple[Path, ...] = tuple(dict.fromkeys(Path(os.path.abspath(f)) for f in listed))
        self._cache: dict[Path, _Cached] = {}
        # scan() may run on a worker thread (the app's library dock) while a suggestion asks for graphs
        self._lock = threading.RLock()

    # --- listing ----------------------------------------------------------------------------

    def scan(self) -> LibraryListing:
        """Look through the folders again and list what is there.

        Files not changed since the previous scan (same modification time and size) are
        not read again. Safe to call from another thread than the one asking for graphs.
        """
        problems: list[FolderProblem] = []
        found: dict[Path, Path] = {}
        for folder in self.folders:
            for path in self._files(folder, problems):
                found.setdefault(path, folder)
        with self._lock:
            for gone in set(self._cache) - set(found):
                del self._cache[gone]
            results = [self._read(path, folder) for path, folder in sorted(found.items())]
        entries = [result for result in results if isinstance(result, LibraryEntry)]
        unreadable = [result for result in results if isinstance(result, UnreadableFile)]
        return LibraryListing(tuple(_ordered(entries)), tuple(unreadable), tuple(problems))

    @staticmethod
    def _files(folder: Path, problems: list[FolderProblem]) -> list[Path]:
        """The BPMN files under ``folder``; a folder that cannot be read adds a problem."""
        try:
            is_folder = stat.S_ISDIR(folder.stat().st_mode)
        except FileNotFoundError:
            problems.append(FolderProblem(folder, "folder-missing", MISSING_FOLDER.format(folder=folder)))
            return []
        except OSError as error:  # e.g. a network share that is not mounted or not allowed
            problems.append(FolderProblem(folder, "folder-unreadable",
                                          UNREADABLE_FOLDER.format(folder=folder, reason=_os_reason(error))))
            return []
        if not is_folder:
            problems.append(FolderProblem(folder, "not-a-folder", NOT_A_FOLDER.format(folder=folder)))
            return []

        def report(error: OSError) -> None:
            where = Path(error.filename) if error.filename else folder
            problems.append(FolderProblem(where, "folder-unreadable",
                                          UNREADABLE_FOLDER.format(folder=where, reason=_os_reason(error))))

        files: list[Path] = []
        for root, dirs, names in os.walk(folder, onerror=report):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files += [Path(root, name) for name in sorted(names)
                      if name.lower().endswith(STANDARD_SUFFIX) and not name.startswith(".")]
        return files

    def _read(self, path: Path, folder: Path) -> LibraryEntry | UnreadableFile:
        """The cached result for ``path`` when the file did not change, else a fresh read."""
        try:
            status = path.stat()
        except OSError as error:
            self._cache.pop(path, None)
            return UnreadableFile(path, folder, f"{path} cannot be read: {_os_reason(error)}", os_error_code(error))
        stamp = (status.st_mtime_ns, status.st_size)
        cached = self._cache.get(path)
        if cached is None or cached.stamp != stamp:
            cached = _Cached(stamp, read_metadata(path, folder))
            self._cache[path] = cached
        return cached.result

    # --- read-only protection ---------------------------------------------------------------

    def library_folder_of(self, path: str | Path) -> Path | None:
        """The library folder that holds ``path`` (symbolic links resolved), or None."""
        target = Path(path).resolve()
        return next((folder for folder in self.folders if target.is_relative_to(folder.resolve())), None)

    def check_writable(self, path: str | Path) -> None:
        """Refuse a path inside a library folder.

        Raises
        ------
        LibraryReadOnlyError
            When ``path`` lies in one of the library folders.
        """
        folder = self.library_folder_of(path)
        if folder is not None:
            raise LibraryReadOnlyError(READ_ONLY.format(path=path, folder=folder))

    def save_copy(self, entry: LibraryEntry, target: str | Path, *, overwrite: bool = False) -> Path:
        """Write an editable copy of a standard to ``target``, outside the library.

        The copy's metadata is the entry's, marked as a copy (:func:`copy_metadata`);
        everything else is the standard as stored.

        Parameters
        ----------
        entry : LibraryEntry
            The standard to copy.
        target : str or Path
            Where to write the copy.
        overwrite : bool, optional
            Replace an existing file at ``target``.

        Returns
        -------
        Path
            ``target``.

        Raises
        ------
        LibraryReadOnlyError
            When ``target`` is inside a library folder.
        FileExistsError
            When ``target`` exists and ``overwrite`` is False.
        BpmnReadError
            When the standard's file can no longer be read.
        OSError
            When the copy cannot be written.
        """
        target = Path(target)
        self.check_writable(target)
        if target.exists() and not overwrite:
            raise FileExistsError(TARGET_EXISTS.format(path=target))
        document = read_bpmn(entry.path)
        copy = copy_metadata(entry.metadata, entry.path)
        carriers = [e for e in (*document.collaborations, *document.processes) if metadata(e) is not None]
        for element in carriers or (document.collaborations or document.processes)[:1]:
            set_metadata(element, copy)
        document.invalidate()
        write_bpmn(document, target)
        return target

    # --- which standard fits ----------------------------------------------------------------

    def suggest(
        self,
        local: BpmnDocument,
        top: int = 3,
        *,
        category: str | None = None,
        all_versions: bool = False,
        thesaurus: Thesaurus | None = None,
    ) -> list[Suggestion]:
        """The standards that fit the local process best, best first.

        Parameters
        ----------
        local : BpmnDocument
            The unit's process.
        top : int, optional
            How many suggestions to return at most.
        category : str or None, optional
            Only standards of this category.
        all_versions : bool, optional
            Consider every version, not only the newest of each standard.
        thesaurus : Thesaurus or None, optional
            Synonyms for the matcher; None reads the shipped thesaurus.
        """
        from .suggest import rank_standards  # the diff engine: loaded only when a suggestion is asked for

        listing = self.scan()
        candidates = [(entry, self.graph(entry)) for entry in listing.select(category, all_versions=all_versions)]
        declared, _ = merged_metadata(local)
        return rank_standards(candidates, local, top, thesaurus=thesaurus, local_category=declared.category)

    def graph(self, entry: LibraryEntry) -> ProcessGraph:
        """The step graph of a standard listed by the last scan.

        The file is read again and its graph built the first time it is asked for; the
        graph is kept until a scan finds the file changed. This loads the diff engine.

        Raises
        ------
        KeyError
            When ``entry`` is not a readable file of the last scan, or its file can no
            longer be read.
        """
        with self._lock:
            cached = self._cache[entry.path]
            if isinstance(cached.result, UnreadableFile):
                raise KeyError(entry.path)
            if cached.graph is None:
                result = read_entry(entry.path, entry.folder)
                if isinstance(result, UnreadableFile):
                    raise KeyError(entry.path)
                cached.graph = result[1]
            return cached.graph


def copy_metadata(data: ProcessMetadata, source: Path) -> ProcessMetadata:
    """The metadata of an editable copy: a new identifier and title, and a note on the source.

    Parameters
    ----------
    data : ProcessMetadata
        The standard's metadata.
    source : Path
        The standard's file, named in the note.
    """
    note = COPY_NOTE.format(identifier=data.identifier, version=data.version or "-", file=source.name)
    description = f"{note}\n\n{data.description}" if data.description else note
    values = {f.name: getattr(data, f.name) for f in fields(ProcessMetadata)}
    values.update(identifier=COPY_IDENTIFIER.format(identifier=data.identifier),
                  title=COPY_TITLE.format(title=data.title), description=description)
    return ProcessMetadata(**values)


def _ordered(entries: Sequence[LibraryEntry]) -> list[LibraryEntry]:
    """By category, then identifier (case-insensitively), then newest version first."""
    groups: dict[tuple[str, str], list[LibraryEntry]] = {}
    for entry in entries:
        groups.setdefault((entry.category, entry.identifier), []).append(entry)
    return [entry for key in sorted(groups, key=lambda k: (k[0].casefold(), k[1].casefold(), k))
            for entry in newest_first(groups[key])]


def _os_reason(error: OSError) -> str:
    """``permission denied`` and the like, for a one-line message."""
    return " ".join((error.strerror or str(error)).lower().split())
