"""Docks that follow the current tab: its selection's properties and its problems (gui layer).

:class:`PropertiesDock` shows and edits the selected element (or, with nothing selected,
the process); :class:`ProblemsDock` lists the validator's findings. Both change the model
only through the tab's editing session, and refresh after every edit, undo and redo.
"""

from .problems import ProblemsDock
from .properties import PropertiesDock

__all__ = ["ProblemsDock", "PropertiesDock"]
