"""What a file on disk looked like when a tab last read or wrote it (gui layer).

Another program may change or delete a file while it is open. A :class:`DiskStamp`
taken at open and at save tells later whether the file is still the one the tab holds:
modification time and size first (one ``stat``), the content's hash when they differ,
so a file touched without a change is not reported.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

_CHUNK = 1 << 20


def _content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class DiskStamp:
    """The modification time, size and SHA-256 of a file's content."""

    modified_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> DiskStamp | None:
        """The stamp of ``path`` as it is now; None when it cannot be read (deleted, say)."""
        try:
            status = path.stat()
            return cls(status.st_mtime_ns, status.st_size, _content_hash(path))
        except OSError:
            return None

    def matches(self, path: Path) -> bool:
        """Whether ``path`` still holds the content stamped (False when it is gone)."""
        try:
            status = path.stat()
            if status.st_mtime_ns == self.modified_ns and status.st_size == self.size:
                return True
            return status.st_size == self.size and _content_hash(path) == self.sha256
        except OSError:
            return False

    def to_json(self) -> dict[str, object]:
        """The stamp as JSON values (for the autosave sidecar)."""
        return {"modified_ns": self.modified_ns, "size": self.size, "sha256": self.sha256}

    @classmethod
    def from_json(cls, value: object) -> DiskStamp | None:
        """The stamp written by :meth:`to_json`; None for anything else."""
        if not isinstance(value, dict):
            return None
        try:
            return cls(int(value["modified_ns"]), int(value["size"]), str(value["sha256"]))
        except (KeyError, TypeError, ValueError):
            return None

