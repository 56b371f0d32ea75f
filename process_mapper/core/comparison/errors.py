"""Why a comparison file or one of its BPMN files cannot be opened (core layer, no Qt)."""

from __future__ import annotations

from typing import Literal

__all__ = ["ComparisonFileError", "Side", "side_name"]

Side = Literal["standard", "local"]
"""Which of the two compared files: the regional standard or the unit's local process."""

_SIDE_NAMES: dict[str, dict[str, str]] = {
    "standard": {"sv": "standardprocessen", "en": "the standard process"},
    "local": {"sv": "den lokala processen", "en": "the local process"},
}


def side_name(side: Side, language: str) -> str:
    """How messages name a side: "the standard process", "den lokala processen"."""
    return _SIDE_NAMES[side][language]


class ComparisonFileError(Exception):
    """A comparison file, or a BPMN file it names, cannot be opened or saved.

    ``str(error)`` is the English message; :meth:`text` gives it in either language.

    Parameters
    ----------
    message : dict of str to str
        One sentence per language, ``{"sv": ..., "en": ...}``, naming the file.
    side : {"standard", "local"} or None
        The BPMN file the problem concerns (a GUI can offer to locate it), or None when
        the comparison file itself is at fault.
    """

    def __init__(self, message: dict[str, str], side: Side | None = None) -> None:
        super().__init__(message["en"])
        self.message = dict(message)
        self.side = side

    def text(self, language: str) -> str:
        """The message in ``language`` (``"sv"`` or ``"en"``)."""
        return self.message[language]
