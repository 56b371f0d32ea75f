"""Why a file or folder could not be read, in the interface language (gui layer).

The core words its refusals in English, one sentence naming the file and the detail (a
line number, the system's message) and tags each with a code
(:attr:`~process_mapper.core.xmlio.BpmnReadError.code`, :attr:`UnreadableFile.code
<process_mapper.core.library.UnreadableFile.code>`, :attr:`FolderProblem.code
<process_mapper.core.library.FolderProblem.code>`). The interface says what the code means
in its own language and keeps the core's sentence as the detail, as the problems panel
does with the validator's findings.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...core.xmlio import BpmnReadError, os_error_code
from ...core.xmlio.safe_xml import MAX_FILE_BYTES

__all__ = ["read_error_reason", "read_problem"]

_CONTEXT = "ReadProblem"
_UNREADABLE = QT_TRANSLATE_NOOP("ReadProblem", "The file cannot be read.")
#: The sentence for each problem code, translated when shown.
_SENTENCES = {
    "too-large": QT_TRANSLATE_NOOP("ReadProblem", "The file is larger than the {size} MB Process Mapper opens."),
    "empty": QT_TRANSLATE_NOOP("ReadProblem", "The file is empty."),
    "not-xml": QT_TRANSLATE_NOOP("ReadProblem", "The file is not an XML file."),
    "unsafe-doctype": QT_TRANSLATE_NOOP(
        "ReadProblem", "The file declares XML entities or refers to another file; Process Mapper refuses it."),
    "too-deep": QT_TRANSLATE_NOOP("ReadProblem", "The elements are nested deeper than any BPMN file needs."),
    "truncated": QT_TRANSLATE_NOOP("ReadProblem", "The file ends before its XML is complete; it may be cut off."),
    "no-document": QT_TRANSLATE_NOOP("ReadProblem", "The file contains no XML document."),
    "malformed": QT_TRANSLATE_NOOP("ReadProblem", "The file is not well-formed XML; it may be damaged."),
    "not-bpmn-2": QT_TRANSLATE_NOOP(
        "ReadProblem", "The file is not BPMN 2.0 (BPMN 1.x, XPDL and draft files are not supported)."),
    "not-bpmn": QT_TRANSLATE_NOOP("ReadProblem", "The file is XML but not a BPMN 2.0 model."),
    "not-found": QT_TRANSLATE_NOOP("ReadProblem", "The file does not exist."),
    "is-folder": QT_TRANSLATE_NOOP("ReadProblem", "This is a folder, not a file."),
    "permission-denied": QT_TRANSLATE_NOOP("ReadProblem", "You do not have permission to read the file."),
    "unreadable": _UNREADABLE,
    "folder-missing": QT_TRANSLATE_NOOP("ReadProblem", "The folder does not exist."),
    "not-a-folder": QT_TRANSLATE_NOOP("ReadProblem", "This is not a folder."),
    "folder-unreadable": QT_TRANSLATE_NOOP("ReadProblem", "The folder cannot be read."),
}


def read_problem(code: str) -> str:
    """One sentence for a problem code, in the interface language ("The file cannot be read." if unknown)."""
    text = _SENTENCES.get(code, _UNREADABLE)
    return QCoreApplication.translate(_CONTEXT, text).format(size=MAX_FILE_BYTES // 1048576)


def read_error_reason(error: Exception) -> tuple[str, str]:
    """Why reading a file failed: (a sentence in the interface language, the detail as the core or system put it)."""
    if isinstance(error, BpmnReadError):
        return read_problem(error.code), str(error)
    if isinstance(error, OSError):
        return read_problem(os_error_code(error)), str(error)
    return read_problem("unreadable"), str(error)
