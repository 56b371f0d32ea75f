"""Opening the compare window: from two BPMN files or from a comparison file (gui layer).

A file that cannot be read gives a message in plain words; a BPMN file a comparison file
cannot find can be located by the user, and the comparison opens with it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...core.comparison import Comparison, ComparisonFileError, Side, load_comparison
from ...core.comparison.errors import side_name
from ..i18n import interface_language
from .window import CompareWindow, comparison_filter


def compare_files(parent: QWidget, standard: Path, local: Path) -> CompareWindow | None:
    """Compare ``standard`` with ``local`` in a new compare window (shown); None when a file cannot be read."""
    try:
        comparison = Comparison.create(standard, local)
    except ComparisonFileError as error:
        title = QCoreApplication.translate("CompareWindow", "Cannot Compare")
        QMessageBox.warning(parent, title, error.text(interface_language()))
        return None
    window = CompareWindow(comparison, parent)
    window.show()
    return window


def choose_comparison_file(parent: QWidget) -> CompareWindow | None:
    """Ask for a comparison file and open it."""
    title = QCoreApplication.translate("CompareWindow", "Open Comparison")
    name, _ = QFileDialog.getOpenFileName(parent, title, "", comparison_filter())
    return open_comparison_file(parent, Path(name)) if name else None


def open_comparison_file(parent: QWidget, path: Path) -> CompareWindow | None:
    """Open the comparison file ``path`` in a new compare window (shown).

    When a BPMN file it names is not found, the user may locate it; None when the
    comparison cannot be opened (the user was told why).
    """
    language = interface_language()
    located: dict[Side, Path] = {}
    while True:
        try:
            comparison = load_comparison(path, standard=located.get("standard"), local=located.get("local"))
            break
        except ComparisonFileError as error:
            if error.side is None or error.side in located:
                title = QCoreApplication.translate("CompareWindow", "Cannot Open Comparison")
                QMessageBox.warning(parent, title, error.text(language))
                return None
            answer = QMessageBox.question(
                parent, QCoreApplication.translate("CompareWindow", "Locate File?"),
                error.text(language) + "\n\n"
                + QCoreApplication.translate("CompareWindow", "Do you want to locate the file?"),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            )
            name = ""
            if answer == QMessageBox.StandardButton.Open:
                name, _ = QFileDialog.getOpenFileName(parent, side_name(error.side, language), str(path.parent),
                                                      "*.bpmn *.xml")
            if not name:
                return None
            located[error.side] = Path(name)
    window = CompareWindow(comparison, parent)
    window.show()
    return window
