"""A Qt application for drawing without a window: exports from the command line (gui layer)."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

__all__ = ["ensure_application"]


def ensure_application() -> QApplication:
    """The running Qt application, else a new one; headless when there is no display.

    On Linux without ``DISPLAY`` or ``WAYLAND_DISPLAY`` (a server, CI) Qt is told to use
    the ``offscreen`` platform before the application is created, unless
    ``QT_QPA_PLATFORM`` already says otherwise.
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(sys.argv[:1] or ["process-mapper"])
