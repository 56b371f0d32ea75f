"""The BPMN 2.0 document model: typed records, diagram interchange, the document (no Qt).

Importing this package registers every record class and binds their XML specs.
"""

from . import di, semantic
from .base import CLASS_BY_NAME, CLASS_BY_TAG, XmlElement, resolve_specs
from .di import *  # noqa: F401,F403 - re-exported record classes
from .document import BpmnDocument
from .issues import Issue, Severity
from .semantic import *  # noqa: F401,F403 - re-exported record classes

resolve_specs()

__all__ = [
    "BpmnDocument",
    "CLASS_BY_NAME",
    "CLASS_BY_TAG",
    "Issue",
    "Severity",
    "XmlElement",
    *semantic.__all__,
    *di.__all__,
]
