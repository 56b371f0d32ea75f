"""The regional standard library: find, list, protect and suggest standard processes (no Qt).

:class:`StandardLibrary` finds the standard processes in the shipped folder
(:data:`SHIPPED_STANDARDS_DIR`) and in the user's folders, lists them with their metadata
(:class:`LibraryListing`: by category, versions newest first, the latest of each), keeps
them read-only (:meth:`~StandardLibrary.save_copy` writes an editable copy elsewhere) and
suggests which standard a local process is a variant of (:meth:`~StandardLibrary.suggest`).

Listing the library does not load the diff engine (numpy, scipy): :mod:`.suggest` and with
it :class:`Suggestion` and :func:`rank_standards` are imported when first used, so that the
desktop app can list the standards at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .catalogue import (
    SHIPPED_STANDARDS_DIR,
    FolderProblem,
    LibraryListing,
    LibraryReadOnlyError,
    StandardLibrary,
    copy_metadata,
)
from .entries import (
    LibraryEntry,
    UnreadableFile,
    merged_metadata,
    newest_first,
    read_entry,
    read_metadata,
    version_key,
)

if TYPE_CHECKING:
    from .suggest import Suggestion, rank_standards

__all__ = [
    "SHIPPED_STANDARDS_DIR",
    "FolderProblem",
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
    "read_metadata",
    "version_key",
]

_ON_DEMAND = {"Suggestion", "rank_standards"}


def __getattr__(name: str) -> object:
    """:class:`Suggestion` and :func:`rank_standards`, imported with the diff engine when first asked for."""
    if name in _ON_DEMAND:
        from . import suggest

        return getattr(suggest, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
