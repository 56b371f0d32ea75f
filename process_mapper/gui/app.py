"""Start the desktop application (gui layer).

:func:`run_app` creates the Qt application, picks the interface language (command line,
then saved preference, then the system's), opens the main window, offers the diagrams
autosaved before a crash, opens the files given, and runs until the window closes.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QPixmapCache
from PySide6.QtWidgets import QApplication

from .. import __version__
from .canvas.items import PIXMAP_CACHE_KIB
from .editing.clipboard import release_clipboard
from .i18n import choose_language, install_translators
from .main_window import MainWindow
from .settings import APPLICATION, ORGANISATION, AppSettings


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The Qt application, created once, with its names set for QSettings.

    Parameters
    ----------
    argv
        Arguments for Qt (default: the program name only).
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scale factors (125 %, 150 % on Windows) are kept, not rounded: crisp drawing.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    QPixmapCache.setCacheLimit(PIXMAP_CACHE_KIB)
    app.aboutToQuit.connect(release_clipboard)
    return app


def run_app(files: Sequence[Path] = (), library: Path | None = None, language: str | None = None) -> int:
    """Run Process Mapper until its window closes.

    Parameters
    ----------
    files
        BPMN files to open at start.
    library
        A further folder of standard processes for the library dock, for this session.
    language
        ``sv`` or ``en`` to override the saved preference and the system language.

    Returns
    -------
    int
        The Qt event loop's exit status.
    """
    app = create_application()
    settings = AppSettings(QSettings(ORGANISATION, APPLICATION))
    translators = install_translators(app, choose_language(language, settings.language()))
    window = MainWindow(settings, library)
    window.show()
    window.restore_autosaves()
    for path in files:
        window.open_file(path)
    status = app.exec()
    del translators  # kept alive until the event loop ends
    return status
