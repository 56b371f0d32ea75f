"""The Qt side of editing: undo commands and the editing session of one open document (gui layer).

The core's :class:`~process_mapper.core.editing.DocumentEditor` builds every edit; this
package only pushes them onto a ``QUndoStack`` and forwards the editor's notifications as
Qt signals. Tools, panels and menus never change the model any other way.
"""

from .commands import EditCommand
from .session import EditingSession

__all__ = ["EditCommand", "EditingSession"]
