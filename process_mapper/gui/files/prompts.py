"""Message boxes of the file commands (gui layer).

Qt's static message boxes cover the standard answers (Save, Discard, Cancel, Yes, No);
:func:`choose` is for questions whose answers have no standard button, such as
"Overwrite" or "Save As…". Tests replace it the way they replace QMessageBox's
static functions. :func:`show_write_error` explains a failed save or export.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def choose(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    answers: Sequence[tuple[str, QMessageBox.ButtonRole]],
    default: int = 0,
) -> int:
    """Ask ``text`` with one button per answer; the index of the answer given.

    Parameters
    ----------
    parent
        The window the box belongs to.
    icon
        The box's icon.
    title
        The window title.
    text
        The question.
    answers
        Each button's text and role; the one with ``RejectRole`` also answers Escape.
    default
        The index of the default button.

    Returns
    -------
    int
        The index in ``answers`` of the button pressed (the rejecting one for Escape).
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = [box.addButton(answer, role) for answer, role in answers]
    box.setDefaultButton(buttons[default])
    box.exec()
    clicked = box.clickedButton()
    if clicked in buttons:
        return buttons.index(clicked)
    rejecting = [i for i, (_answer, role) in enumerate(answers) if role == QMessageBox.ButtonRole.RejectRole]
    return rejecting[0] if rejecting else default


def show_write_error(parent: QWidget | None, title: str, text: str, error: Exception) -> None:
    """Tell the user that a file could not be written: ``text``, then why in plain words.

    Parameters
    ----------
    parent
        The window the box belongs to.
    title
        The window title ("Cannot Save File", "Cannot Export").
    text
        What was not written and what stayed as it was.
    error
        The failure: a permission error, another ``OSError`` (its system message) or a
        ``ValueError`` from the writer.
    """
    if isinstance(error, PermissionError):
        reason = QCoreApplication.translate("WriteError", "You do not have permission to write there.")
    elif isinstance(error, OSError):
        reason = error.strerror or str(error)
    else:
        reason = str(error)
    QMessageBox.critical(parent, title, f"{text}\n\n{reason}")
