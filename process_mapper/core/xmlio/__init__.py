"""BPMN 2.0 XML input and output (core layer, no Qt)."""

from .reader import os_error_code, read_bpmn, read_bpmn_bytes
from .safe_xml import BpmnReadError
from .writer import atomic_write_bytes, to_bytes, to_tree, write_bpmn

__all__ = [
    "BpmnReadError",
    "atomic_write_bytes",
    "os_error_code",
    "read_bpmn",
    "read_bpmn_bytes",
    "to_bytes",
    "to_tree",
    "write_bpmn",
]
