"""What one delete removes, gathered before any change is made (core layer, no Qt)."""

from __future__ import annotations

from lxml import etree

from ...model.base import XmlElement
from ...model.document import BpmnDocument
from ..changes import element_ids


class Deletion:
    """The records a delete detaches; widening behaviours add to it.

    Parameters
    ----------
    document
        The document the records belong to.
    records
        The records the user chose.
    """

    def __init__(self, document: BpmnDocument, records: list[XmlElement]) -> None:
        self.document = document
        self.records: list[XmlElement] = []
        for record in records:
            self.add(record)

    def add(self, record: XmlElement) -> bool:
        """Add ``record`` (and so its subtree); False when it goes already."""
        if any(record is known for known in self.records):
            return False
        self.records.append(record)
        return True

    @property
    def ids(self) -> set[str]:
        """Every element id in the subtrees that go, ids inside their carried content included.

        Carried content counts because other tools draw it: a process's ``dataInput``
        has a shape of its own.
        """
        ids: set[str] = set()
        for record in self.records:
            ids |= element_ids(record)
            for node in record.iter_tree():
                for _, carried in node.foreign:
                    if isinstance(carried.tag, str):
                        ids.update(i for element in carried.iter(etree.Element) if (i := element.get("id")))
        return ids

    def goes(self, record: XmlElement) -> bool:
        """True when ``record`` is removed, itself or with an ancestor."""
        current: XmlElement | None = record
        while current is not None:
            if any(current is known for known in self.records):
                return True
            current = self.document.parent_of(current)
        return False

    def top_level(self) -> list[XmlElement]:
        """The records to detach: those not removed with an ancestor anyway."""
        return [record for record in self.records if not self._inside_another(record)]

    def _inside_another(self, record: XmlElement) -> bool:
        parent = self.document.parent_of(record)
        return parent is not None and self.goes(parent)
