"""A message box with buttons of the caller's own wording (gui layer).

Qt's static message boxes cover the standard answers (Save, Discard, Cancel, Yes, No);
:func:`choose` is for questions whose answers have no standard button, such as
"Overwrite" or "Save As…". Tests replace it the way they replace QMessageBox's
static functions.
"""

from __future__ import annotations

from collections.abc import Sequence

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
