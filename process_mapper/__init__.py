"""Process Mapper: map care processes as BPMN 2.0 and compare them with regional standards."""

__version__ = "0.1.0"
