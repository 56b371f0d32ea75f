"""Autosave of unsaved documents, and restoring them after a crash (gui layer).

Every few seconds (a preference) the modified documents are written, atomically
through the core writer, to a folder of this run of the application in the user's
data folder, each with a JSON sidecar::

    autosave/<run>/lock          held (QLockFile) while the run lives
    autosave/<run>/<key>.bpmn    the document at the last autosave
    autosave/<run>/<key>.json    its original file (or none), tab title, read-only, time

A document's autosave goes when it is saved, when its changes are discarded, when its
edits are undone back to the saved state; a clean quit removes the run's folder. A folder
left by another run whose lock is free (that run crashed) holds documents to restore;
a lock still held belongs to a running copy of the application, whose files are left
alone.
"""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from ...core.xmlio import atomic_write_bytes, to_bytes
from ..document_tab import DocumentTab
from .disk import DiskStamp

LOCK_NAME = "lock"
SIDECAR_SUFFIX = ".json"
AUTOSAVE_SUFFIX = ".bpmn"


@dataclass(frozen=True)
class AutosavedDocument:
    """A document autosaved by a run that did not quit cleanly.

    Attributes
    ----------
    autosave
        The autosaved BPMN file.
    original_path
        The file the document belonged to (None for a document never saved).
    title
        Its tab title at the time.
    read_only
        Whether it was a standard opened from the library.
    saved_at
        When it was autosaved (UTC).
    disk_stamp
        Its file as the tab had read or written it, to notice later changes on disk.
    """

    autosave: Path
    original_path: Path | None
    title: str
    read_only: bool
    saved_at: datetime
    disk_stamp: DiskStamp | None

    @classmethod
    def read(cls, sidecar: Path) -> AutosavedDocument | None:
        """The document described by ``sidecar``; None when it or its BPMN file is unusable."""
        autosave = sidecar.with_suffix(AUTOSAVE_SUFFIX)
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8"))
            original = data["original_path"]
            saved_at = datetime.fromisoformat(data["saved_at"])
            if not autosave.is_file():
                return None
            return cls(
                autosave=autosave,
                original_path=Path(original) if original else None,
                title=str(data["title"]),
                read_only=bool(data.get("read_only", False)),
                saved_at=saved_at,
                disk_stamp=DiskStamp.from_json(data.get("disk_stamp")),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None


class Autosaver(QObject):
    """Autosaves the modified documents of one window, and finds those of crashed runs.

    Parameters
    ----------
    folder
        The autosave folder (``AppSettings.autosave_folder()``; a temporary one in tests).
    tabs
        Gives the window's open tabs.
    parent
        The owning Qt object.
    """

    #: An autosave could not be written, with the reason.
    failed = Signal(str)

    def __init__(self, folder: Path, tabs: Callable[[], list[DocumentTab]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._tabs = tabs
        self._run_folder = folder / uuid.uuid4().hex
        self._lock: QLockFile | None = None
        self._keys: dict[DocumentTab, str] = {}
        self._written_revision: dict[DocumentTab, int] = {}
        self._claimed: dict[Path, QLockFile] = {}
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.autosave)

    def set_interval(self, seconds: int) -> None:
        """Autosave every ``seconds`` seconds (0 stops autosaving)."""
        if seconds > 0:
            self._timer.start(seconds * 1000)
        else:
            self._timer.stop()

    def interval(self) -> int:
        """Seconds between two autosaves (0 when stopped)."""
        return self._timer.interval() // 1000 if self._timer.isActive() else 0

    # --- this run ---------------------------------------------------------------------------

    def autosave(self) -> list[Path]:
        """Write every modified document that changed since its last autosave.

        Returns
        -------
        list[Path]
            The autosave files written now.
        """
        written = []
        for tab in self._tabs():
            if not tab.session.is_modified():
                self.discard(tab)
            elif self._written_revision.get(tab) != tab.document.revision:
                path = self._write(tab)
                if path is not None:
                    written.append(path)
        return written

    def _write(self, tab: DocumentTab) -> Path | None:
        try:
            self._hold_run_folder()
            key = self._keys.setdefault(tab, uuid.uuid4().hex)
            target = self._run_folder / f"{key}{AUTOSAVE_SUFFIX}"
            atomic_write_bytes(target, to_bytes(tab.document))
            sidecar = {
                "original_path": str(tab.path) if tab.path is not None else None,
                "title": tab.title(),
                "read_only": tab.read_only,
                "saved_at": datetime.now(UTC).isoformat(),
                "disk_stamp": tab.disk_stamp.to_json() if tab.disk_stamp is not None else None,
            }
            atomic_write_bytes(target.with_suffix(SIDECAR_SUFFIX), json.dumps(sidecar, indent=2).encode("utf-8"))
        except (OSError, ValueError) as error:
            self.failed.emit(str(error))
            return None
        self._written_revision[tab] = tab.document.revision
        return target

    def _hold_run_folder(self) -> None:
        if self._lock is not None:
            return
        self._run_folder.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self._run_folder / LOCK_NAME))
        lock.setStaleLockTime(0)  # only a dead owner makes it stale, never its age
        if not lock.tryLock(0):
            raise OSError(f"{self._run_folder / LOCK_NAME} cannot be locked")
        self._lock = lock

    def discard(self, tab: DocumentTab) -> None:
        """Remove ``tab``'s autosave (it was saved, closed or its changes discarded)."""
        key = self._keys.pop(tab, None)
        self._written_revision.pop(tab, None)
        if key is None:
            return
        for suffix in (AUTOSAVE_SUFFIX, SIDECAR_SUFFIX):
            (self._run_folder / f"{key}{suffix}").unlink(missing_ok=True)

    def shutdown(self) -> None:
        """A clean quit: stop, and remove this run's autosaves."""
        self._timer.stop()
        self._keys.clear()
        self._written_revision.clear()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        shutil.rmtree(self._run_folder, ignore_errors=True)

    # --- crashed runs -----------------------------------------------------------------------

    def leftovers(self) -> list[AutosavedDocument]:
        """The documents autosaved by runs that did not quit cleanly, oldest first.

        Their folders are claimed (locked) until :meth:`forget` so that another copy of
        the application starting now does not offer them too.
        """
        found: list[AutosavedDocument] = []
        try:
            runs = sorted(p for p in self._folder.iterdir() if p.is_dir() and p != self._run_folder)
        except OSError:
            return []
        for run in runs:
            if run not in self._claimed:
                lock = QLockFile(str(run / LOCK_NAME))
                lock.setStaleLockTime(0)
                if not lock.tryLock(0):
                    continue  # a running copy of the application
                self._claimed[run] = lock
            found.extend(
                document
                for sidecar in sorted(run.glob(f"*{SIDECAR_SUFFIX}"))
                if (document := AutosavedDocument.read(sidecar))
            )
        return sorted(found, key=lambda document: document.saved_at)

    def forget(self) -> None:
        """Remove the claimed folders of crashed runs (after restoring what the user chose)."""
        for run, lock in self._claimed.items():
            lock.unlock()
            shutil.rmtree(run, ignore_errors=True)
        self._claimed.clear()
