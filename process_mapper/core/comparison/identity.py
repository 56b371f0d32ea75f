"""Which BPMN file a comparison compares: its place, its content hash and its metadata (no Qt).

A comparison is only meaningful for the files it was made with. :class:`FileIdentity`
records enough to find a file again (its absolute path; the comparison file adds the path
relative to itself) and to tell whether it changed since (SHA-256 and size of its bytes),
plus what a person recognises it by: the library identifier, version and title of a
standard (our ``pm:metadata``) and the process name. :func:`read_side` reads a file once
and gives both the document and its identity, so the hash is that of the bytes parsed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..library import merged_metadata
from ..model import BpmnDocument
from ..xmlio import BpmnReadError, read_bpmn_bytes
from .errors import ComparisonFileError, Side, side_name

__all__ = ["FileIdentity", "process_name", "read_side"]


@dataclass(frozen=True)
class FileIdentity:
    """One compared BPMN file as the comparison remembers it.

    Attributes
    ----------
    path : Path
        The absolute path the file was read from.
    sha256 : str
        SHA-256 of the file's bytes, 64 lower-case hex digits.
    size : int
        The file's size in bytes.
    identifier, version, title : str
        The library metadata (``pm:metadata``) the file states; ``""`` where it states none.
    process_name : str
        The name of the process (else of its pool), ``""`` when unnamed.
    """

    path: Path
    sha256: str
    size: int
    identifier: str = ""
    version: str = ""
    title: str = ""
    process_name: str = ""

    @property
    def display_name(self) -> str:
        """What a person calls the file: its title, else its process name, else its file name."""
        return self.title or self.process_name or self.path.name


def process_name(document: BpmnDocument) -> str:
    """The first named process, else the first named pool with a process, else ``""``."""
    names = [process.name for process in document.processes]
    names += [p.name for c in document.collaborations for p in c.participants if p.process_ref]
    return next((" ".join(name.split()) for name in names if name and name.strip()), "")


def read_side(path: Path, side: Side) -> tuple[BpmnDocument, FileIdentity]:
    """Read one compared file: its document and its identity, from one read of its bytes.

    Parameters
    ----------
    path : Path
        The BPMN file.
    side : {"standard", "local"}
        Which file of the comparison it is (for the messages).

    Raises
    ------
    ComparisonFileError
        When the file cannot be read or is not readable BPMN; the message names the side.
    """
    absolute = Path(path).resolve()
    try:
        data = absolute.read_bytes()
    except FileNotFoundError:
        raise _unreadable(side, absolute, {"sv": "filen finns inte", "en": "the file does not exist"}) from None
    except IsADirectoryError:
        raise _unreadable(side, absolute, {"sv": "det är en mapp", "en": "it is a folder"}) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise _unreadable(side, absolute, {"sv": reason, "en": reason}) from None
    try:
        document = read_bpmn_bytes(data, absolute.name, absolute.parent)
    except BpmnReadError as error:
        raise _unreadable(side, absolute, {"sv": str(error), "en": str(error)}) from None
    document.path = absolute
    data_block, _ = merged_metadata(document)
    identity = FileIdentity(
        path=absolute,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        identifier=data_block.identifier,
        version=data_block.version,
        title=data_block.title,
        process_name=process_name(document),
    )
    return document, identity


def _unreadable(side: Side, path: Path, reason: dict[str, str]) -> ComparisonFileError:
    return ComparisonFileError(
        {
            "sv": f"Det går inte att öppna {side_name(side, 'sv')} {path}: {reason['sv']}.",
            "en": f"Cannot open {side_name(side, 'en')} {path}: {reason['en']}.",
        },
        side,
    )
