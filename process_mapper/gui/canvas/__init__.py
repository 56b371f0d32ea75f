"""The BPMN canvas: a read-only scene and view of one diagram, with view markers (gui layer).

:class:`BpmnScene` turns a diagram into generic items painted through the renderer
registry of :mod:`.render`; :class:`BpmnView` shows it with zoom and pan. The editor and
the compare view build on these two.
"""

from .scene import BpmnScene
from .view import BpmnView

__all__ = ["BpmnScene", "BpmnView"]
