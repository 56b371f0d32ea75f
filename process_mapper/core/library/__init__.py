"""The regional standard library: find, list, protect and suggest standard processes (no Qt).

:class:`StandardLibrary` finds the standard processes in the shipped folder
(:data:`SHIPPED_STANDARDS_DIR`) and in the user's folders, lists them with their metadata
(:class:`LibraryListing`: by category, versions newest first, the latest of each), keeps
them read-only (:meth:`~StandardLibrary.save_copy` writes an editable copy elsewhere) and
suggests which standard a local process is a variant of (:meth:`~StandardLibrary.suggest`).
"""

from .catalogue import SHIPPED_STANDARDS_DIR, LibraryListing, LibraryReadOnlyError, StandardLibrary, copy_metadata
from .entries import LibraryEntry, UnreadableFile, merged_metadata, newest_first, read_entry, version_key
from .suggest import Suggestion, rank_standards

__all__ = [
    "SHIPPED_STANDARDS_DIR",
    "LibraryEntry",
    "LibraryListing",
    "LibraryReadOnlyError",
    "StandardLibrary",
    "Suggestion",
    "UnreadableFile",
    "copy_metadata",
    "merged_metadata",
    "newest_first",
    "rank_standards",
    "read_entry",
    "version_key",
]
