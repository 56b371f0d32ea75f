"""The system clipboard at exit (gui layer)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from ...core.editing import MIME_TYPE


def release_clipboard() -> None:
    """Clear the clipboard when it holds elements copied in Process Mapper; call before Qt shuts down.

    Copied elements are a ``QMimeData`` made in Python and owned by the clipboard. Left on
    the clipboard, PySide 6 crashes (segmentation fault) while the interpreter shuts
    down; the elements mean nothing to other programs, so nothing of use is lost.
    """
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(MIME_TYPE):
        clipboard.clear()
