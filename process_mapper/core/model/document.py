"""The BPMN document: definitions plus lookups by id (core layer, no Qt).

A :class:`BpmnDocument` owns one :class:`~.semantic.Definitions` tree, the issues found
when it was read, and the BPMN documents it imports. Lookups (id index, parents, the
drawing of an element) are computed on demand and cached; code that edits the tree calls
:meth:`BpmnDocument.invalidate` afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from lxml import etree

from .base import XmlElement
from .di import Diagram, DiagramElement, Edge, Plane, Shape
from .issues import Issue
from .namespaces import DEFAULT_PREFIXES
from .references import index_ids, iter_references, missing_reference_issues, reference_issues
from .semantic import (
    Collaboration,
    Definitions,
    FlowElement,
    FlowNode,
    Lane,
    LaneSet,
    Process,
    SubProcess,
)

T = TypeVar("T", bound=XmlElement)

class BpmnDocument:
    """One BPMN file's content: the definitions tree, its issues and its imports.

    Parameters
    ----------
    definitions
        The root record.
    issues
        Findings made while reading (the reader fills them in).
    path
        Where the document was read from or last saved to, if anywhere.
    """

    def __init__(self, definitions: Definitions, issues: list[Issue] | None = None, path: Path | None = None) -> None:
        self.definitions = definitions
        self.issues: list[Issue] = list(issues or [])
        self.path = path
        #: Imported BPMN documents by their namespace (``bpmn:import``).
        self.imported: dict[str, BpmnDocument] = {}
        self._index: dict[str, XmlElement] | None = None
        self._parents: dict[int, XmlElement] | None = None
        self._foreign_ids: set[str] | None = None
        self._drawings: dict[str, DiagramElement] | None = None
        #: Bumped by :meth:`invalidate`: 0 means the tree is as it was read or created.
        self.revision = 0

    # --- construction -----------------------------------------------------------------------

    @classmethod
    def new(cls, name: str = "", process_id: str = "Process_1") -> BpmnDocument:
        """An empty document with one process and one diagram of it, as a modeller starts."""
        process = Process(id=process_id, name=name or None, is_executable=False)
        plane = Plane(id=f"{process_id}_plane", bpmn_element=process_id)
        definitions = Definitions(
            id="Definitions_1",
            target_namespace="http://bpmn.io/schema/bpmn",
            exporter="Process Mapper",
            root_elements=[process],
            diagrams=[Diagram(id="Diagram_1", plane=plane)],
        )
        definitions.namespace_declarations = dict(DEFAULT_PREFIXES)
        return cls(definitions)

    def invalidate(self) -> None:
        """Forget cached lookups and count a revision; call after changing the tree."""
        self._index = self._parents = self._foreign_ids = self._drawings = None
        self.revision += 1

    # --- lookups ----------------------------------------------------------------------------

    @property
    def index(self) -> dict[str, XmlElement]:
        """Typed records by id (the first one wins where ids repeat)."""
        if self._index is None:
            self._build_index()
        assert self._index is not None
        return self._index

    def _build_index(self) -> None:
        parents: dict[int, XmlElement] = {}
        records: list[XmlElement] = []
        for record in self.definitions.iter_tree():
            records.append(record)
            for sub in record.iter_children():
                parents[id(sub)] = record
        self._index = index_ids(records, []).records
        self._parents = parents

    def get(self, element_id: str | None) -> XmlElement | None:
        """The record with this id, or None."""
        return self.index.get(element_id) if element_id else None

    def parent_of(self, record: XmlElement) -> XmlElement | None:
        """The record that contains ``record`` (None for the definitions)."""
        if self._parents is None:
            self._build_index()
        assert self._parents is not None
        return self._parents.get(id(record))

    @property
    def foreign_ids(self) -> set[str]:
        """Ids declared inside carried content (``ioSpecification`` inputs, for example)."""
        if self._foreign_ids is None:
            ids: set[str] = set()
            for record in self.definitions.iter_tree():
                for _, node in record.foreign:
                    if isinstance(node.tag, str):
                        ids.update(v for n in node.iter() if (v := n.get("id")) is not None)
            self._foreign_ids = ids
        return self._foreign_ids

    def resolve(self, ref: str | None) -> XmlElement | None:
        """Resolve an id or a QName reference, looking into imported documents too."""
        if not ref:
            return None
        found = self.index.get(ref)
        if found is not None:
            return found
        if ":" in ref:
            prefix, local = ref.split(":", 1)
            namespace = self.definitions.namespace_declarations.get(prefix)
            if namespace in self.imported:
                return self.imported[namespace].get(local)
            found = self.index.get(local)
            if found is not None:
                return found
            return None
        # Tools such as Camunda refer to an imported file's process by its bare id.
        for imported in self.imported.values():
            hit = imported.get(ref)
            if hit is not None:
                return hit
        return None

    def exists(self, ref: str) -> bool:
        """True when ``ref`` names a typed record, carried content or an imported element."""
        if self.resolve(ref) is not None:
            return True
        local = ref.split(":", 1)[-1]
        return ref in self.foreign_ids or local in self.foreign_ids

    # --- typed queries ----------------------------------------------------------------------

    def root_elements(self, cls: type[T]) -> list[T]:
        """Root elements of type ``cls``, in document order."""
        return [r for r in self.definitions.root_elements if isinstance(r, cls)]

    @property
    def processes(self) -> list[Process]:
        return self.root_elements(Process)

    @property
    def collaborations(self) -> list[Collaboration]:
        return self.root_elements(Collaboration)

    @property
    def diagrams(self) -> list[Diagram]:
        return list(self.definitions.diagrams)

    def iter_flow_elements(
        self, container: Process | SubProcess | None = None, nested: bool = True
    ) -> Iterator[FlowElement]:
        """Flow elements of one container (or all processes), sub-process content included."""
        containers = [container] if container is not None else self.processes
        for owner in containers:
            for element in owner.flow_elements:
                yield element
                if nested and isinstance(element, SubProcess):
                    yield from self.iter_flow_elements(element, nested=True)

    def flow_nodes(self, container: Process | SubProcess | None = None, nested: bool = True) -> list[FlowNode]:
        """Flow nodes (activities, events, gateways) in document order."""
        return [e for e in self.iter_flow_elements(container, nested) if isinstance(e, FlowNode)]

    def lanes(self, container: Process | SubProcess | None = None) -> list[Lane]:
        """All lanes, nested ones included, depth first."""
        result: list[Lane] = []

        def walk(lane_sets: list[LaneSet]) -> None:
            for lane_set in lane_sets:
                for lane in lane_set.lanes:
                    result.append(lane)
                    if lane.child_lane_set is not None:
                        walk([lane.child_lane_set])

        for owner in [container] if container is not None else self.processes:
            walk(owner.lane_sets)
        return result

    def lane_of(self, node_id: str) -> Lane | None:
        """The innermost lane listing ``node_id`` among its flow node refs."""
        found = None
        for lane in self.lanes():
            if node_id in lane.flow_node_refs:
                found = lane  # depth-first order: a nested lane comes after its parent
        return found

    def drawing_of(self, element_id: str) -> DiagramElement | None:
        """The first shape or edge drawing ``element_id``, in any diagram."""
        if self._drawings is None:
            drawings: dict[str, DiagramElement] = {}
            for diagram in self.definitions.diagrams:
                if diagram.plane is not None:
                    for item in diagram.plane.elements:
                        if item.bpmn_element and item.bpmn_element not in drawings:
                            drawings[item.bpmn_element] = item
            self._drawings = drawings
        return self._drawings.get(element_id)

    def shape_of(self, element_id: str) -> Shape | None:
        drawing = self.drawing_of(element_id)
        return drawing if isinstance(drawing, Shape) else None

    def edge_of(self, element_id: str) -> Edge | None:
        drawing = self.drawing_of(element_id)
        return drawing if isinstance(drawing, Edge) else None

    # --- integrity --------------------------------------------------------------------------

    def integrity_issues(self) -> list[Issue]:
        """Duplicate ids, empty references and dangling references, found by walking the tree."""
        records = list(self.definitions.iter_tree())
        foreign = [node for record in records for _, node in record.foreign if isinstance(node.tag, str)]
        return (
            self.adopt_lookups(records, foreign)
            + missing_reference_issues(records)
            + reference_issues(iter_references(self.definitions), self.index, self.exists)
        )

    def adopt_lookups(
        self, records: list[XmlElement], foreign: list[etree._Element], parents: dict[int, XmlElement] | None = None
    ) -> list[Issue]:
        """Index ``records`` (all typed records) and ``foreign`` (all carried elements).

        The reader calls this with what it collected while reading, so that loading walks
        the tree once; ``parents`` (each typed child's holder, by ``id()`` of the child),
        when given, spares :meth:`parent_of` a walk of its own. Returns the duplicate-id issues.
        """
        ids = index_ids(records, foreign)
        self._index, self._foreign_ids, self._parents = ids.records, ids.foreign_ids, parents
        return ids.issues
