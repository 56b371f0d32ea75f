"""The properties dock: what the selected element is, and its editable properties (gui layer).

With an element selected the dock shows its type and id, and lets the user change its
name, documentation, role (the lane it is drawn in), system, medium, deadline and free
key-value properties. With nothing selected it shows the diagram's process or
collaboration with the metadata the standard library reads (title, identifier, version,
valid-from date, owner, category, description), all editable. Every change the user finishes
(Enter, leaving the field, choosing from a list) is one edit through the tab's editing
session, so it is one command in Edit > Undo; typing alone changes nothing.

System, medium and the free properties are written as Process Mapper's extension
properties (``pm:property``), which the diff reads before a ``system: …`` line in the
documentation. A deadline is written where the element states it: its timer boundary
event, else its ``deadline`` property; a new deadline of an activity becomes a
non-interrupting timer boundary event that marks the limit (the step goes on when it
passes), which needs no outgoing flow.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.editing import DocumentEditor, Edit, check_metadata
from ...core.editing.behaviours.boundary_events import attached_to
from ...core.editing.lookup import label_text
from ...core.editing.names import TYPE_NAMES, element_name
from ...core.model import BpmnDocument
from ...core.model.base import XmlElement
from ...core.model.extensions import (
    ProcessMetadata,
    documented_properties,
    merged_metadata,
    properties,
    step_properties,
)
from ...core.model.semantic import (
    Activity,
    BaseElement,
    BoundaryEvent,
    Collaboration,
    Event,
    FlowNode,
    Lane,
    Process,
    TextAnnotation,
    TimerEventDefinition,
)
from ..document_tab import DocumentTab
from ..i18n import interface_language
from .duration import DurationEdit
from .fields import CommitTextEdit, SuggestionCombo
from .key_values import KeyValueTable
from .model_signals import model_signals
from .suggestions import suggestions

SYSTEM, MEDIUM, DEADLINE = "system", "medium", "deadline"
#: Lane names in a nested lane's path, e.g. "Mottagning › Sjuksköterska".
LANE_PATH_SEPARATOR = " › "
#: Width of the dock until the user resizes it.
PROPERTIES_WIDTH = 340


def _timer_deadline(document: BpmnDocument, activity_id: str) -> tuple[bool, str | None]:
    """Whether the activity has a timer boundary event, and the duration its timer states."""
    for event in attached_to(document, {activity_id}):
        for definition in event.event_definitions:
            if isinstance(definition, TimerEventDefinition):
                expression = definition.time_duration or definition.time_date or definition.time_cycle
                text = (expression.body or "").strip() if expression is not None else ""
                return True, text or None
    return False, None


def _leaf_lanes(lanes: list[Lane], prefix: str = "") -> list[tuple[str, Lane]]:
    """The lanes without nested lanes, each with its path of names."""
    found: list[tuple[str, Lane]] = []
    for lane in lanes:
        name = prefix + (lane.name or lane.id or "")
        children = lane.child_lane_set.lanes if lane.child_lane_set is not None else []
        found += _leaf_lanes(children, name + LANE_PATH_SEPARATOR) if children else [(name, lane)]
    return found


class PropertiesDock(QDockWidget):
    """The properties of the selected element (or of the process) of the current tab.

    Parameters
    ----------
    parent
        The main window.
    """

    #: A message for the status bar (why a change was not made).
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Properties"), parent)
        self.setObjectName("PropertiesDock")
        self._tab: DocumentTab | None = None
        self._subject_id = ""
        self._shown_properties: dict[str, str] = {}
        self._build_form()
        self.refresh()

    # --- the form ---------------------------------------------------------------------------

    def _build_form(self) -> None:
        page = QWidget(self)
        column = QVBoxLayout(page)
        self.form = QFormLayout()
        column.addLayout(self.form)
        column.addStretch(1)  # spare height goes below the fields, not between them
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.kind_label = QLabel(page)
        bold = QFont(self.kind_label.font())
        bold.setBold(True)
        self.kind_label.setFont(bold)
        self.id_label = QLabel(page)
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_edit = QLineEdit(page)
        self.name_edit.setClearButtonEnabled(True)
        self.documentation_edit = CommitTextEdit(page)
        self.documentation_edit.setPlaceholderText(self.tr("What is done, by whom, and why"))
        self.documentation_edit.setToolTip(self.tr("Saved when you leave the field or press Ctrl+Enter."))
        self.role_combo = QComboBox(page)
        self.role_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.role_combo.setToolTip(self.tr("The lane the step is drawn in: who does it."))
        self.system_combo = SuggestionCombo(page)
        self.system_combo.set_placeholder(self.tr("e.g. journalsystem, Webcert"))
        self.medium_combo = SuggestionCombo(page)
        self.medium_combo.set_placeholder(self.tr("e.g. electronic, paper"))
        self.deadline_edit = DurationEdit(page)
        self.key_values = KeyValueTable(page)
        self.form.addRow(self.tr("Type:"), self.kind_label)
        self.form.addRow(self.tr("ID:"), self.id_label)
        self.form.addRow(self.tr("Name:"), self.name_edit)
        self.form.addRow(self.tr("Documentation:"), self.documentation_edit)
        self.form.addRow(self.tr("Role:"), self.role_combo)
        self.form.addRow(self.tr("System:"), self.system_combo)
        self.form.addRow(self.tr("Medium:"), self.medium_combo)
        self.form.addRow(self.tr("Deadline:"), self.deadline_edit)
        self._build_metadata_fields(page)
        self.form.addRow(self.tr("Properties:"), self.key_values)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        self.setWidget(scroll)
        self.name_edit.editingFinished.connect(self._commit_name)
        self.documentation_edit.committed.connect(self._commit_documentation)
        self.role_combo.activated.connect(self._commit_role)
        self.system_combo.committed.connect(lambda value: self._commit_property(SYSTEM, value or None))
        self.medium_combo.committed.connect(lambda value: self._commit_property(MEDIUM, value or None))
        self.deadline_edit.committed.connect(self._commit_deadline)
        self.key_values.value_set.connect(self._commit_property)
        self.key_values.key_added.connect(self._add_key)
        self.key_values.key_renamed.connect(self._rename_key)
        self.key_values.key_removed.connect(lambda key: self._commit_property(key, None))

    def _build_metadata_fields(self, page: QWidget) -> None:
        """The library's metadata fields: lines of text, the category as a choice, the description as a text."""
        self.metadata_fields: dict[str, QLineEdit | QComboBox | CommitTextEdit] = {}
        self._shown_metadata = ProcessMetadata()
        self.category_combo = QComboBox(page)
        for value, text in (("", self.tr("Not set")), ("referral", self.tr("Referral")),
                            ("certificate", self.tr("Certificate"))):
            self.category_combo.addItem(text, value)
        self.category_combo.activated.connect(lambda _index: self._commit_metadata("category"))
        self.description_edit = CommitTextEdit(page)
        self.description_edit.committed.connect(lambda _text: self._commit_metadata("description"))
        self.date_error_label = QLabel(page)
        self.date_error_label.setWordWrap(True)
        self.date_error_label.setStyleSheet("color: #c62828;")
        for field_name, text in (
            ("title", self.tr("Title:")),
            ("identifier", self.tr("Identifier:")),
            ("version", self.tr("Version:")),
            ("valid_from", self.tr("Valid from:")),
            ("owner", self.tr("Owner:")),
            ("category", self.tr("Category:")),
            ("description", self.tr("Description:")),
        ):
            field: QLineEdit | QComboBox | CommitTextEdit
            if field_name == "category":
                field = self.category_combo
            elif field_name == "description":
                field = self.description_edit
            else:
                field = QLineEdit(page)
                field.editingFinished.connect(lambda name=field_name: self._commit_metadata(name))
            self.metadata_fields[field_name] = field
            self.form.addRow(text, field)
            if field_name == "valid_from":
                assert isinstance(field, QLineEdit)
                field.setPlaceholderText(self.tr("YYYY-MM-DD"))
                self.form.addRow("", self.date_error_label)

    # --- following the current tab, its selection and its model -------------------------------

    def set_tab(self, tab: DocumentTab | None) -> None:
        """Show the properties of ``tab``'s selection (nothing without a tab)."""
        if tab is self._tab:
            return
        self.commit_pending()
        if self._tab is not None:
            self._connect(self._tab, connect=False)
        self._tab = tab
        if tab is not None:
            self._connect(tab, connect=True)
        self._subject_id = tab.scene.selected_id() if tab is not None else ""
        self.refresh()

    def _connect(self, tab: DocumentTab, connect: bool) -> None:
        pairs: list[tuple[SignalInstance, Callable[..., None]]] = [
            (tab.scene.selection_changed, self._on_selection_changed)
        ]
        pairs += [(signal, self._on_model_changed) for signal in model_signals(tab)]
        for signal, slot in pairs:
            if connect:
                signal.connect(slot)
            else:
                signal.disconnect(slot)

    def _on_selection_changed(self, element_id: str) -> None:
        self.commit_pending()
        self._subject_id = element_id
        self.refresh()

    def _on_model_changed(self, _ids: tuple[str, ...] = ()) -> None:
        self.refresh()

    def subject(self) -> BaseElement | None:
        """The element shown: the selection, else the diagram's collaboration or process."""
        if self._tab is None:
            return None
        document = self._tab.document
        record = document.get(self._subject_id) if self._subject_id else None
        if isinstance(record, BaseElement):
            return record
        self._subject_id = ""
        return self._root(document)

    def _root(self, document: BpmnDocument) -> BaseElement | None:
        diagrams = document.diagrams
        index = self._tab.session.editor.diagram_index if self._tab is not None else 0
        plane = diagrams[index].plane if index < len(diagrams) else None
        root = document.get(plane.bpmn_element) if plane is not None else None
        if isinstance(root, BaseElement):
            return root
        return next(iter([*document.collaborations, *document.processes]), None)

    # --- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the subject's properties as the model has them now."""
        record = self.subject()
        page = self.widget()
        page.setEnabled(record is not None)
        if record is None:
            self._show_nothing()
            return
        assert self._tab is not None
        document = self._tab.document
        editable = not self._tab.read_only
        self.kind_label.setText(self._kind_text(record))
        self.id_label.setText(record.id or "")
        self._show_name(document, record, editable)
        first = record.documentation[0].text if record.documentation else ""
        self.documentation_edit.set_text(first or "")
        self.documentation_edit.setReadOnly(not editable)  # read-only, not disabled: long texts scroll
        self.form.setRowVisible(self.documentation_edit, True)
        self._show_role(document, record, editable)
        step = isinstance(record, (Activity, Event))
        values = step_properties(record)
        documented = documented_properties(record)
        self._shown_properties = properties(record)
        for key, combo in ((SYSTEM, self.system_combo), (MEDIUM, self.medium_combo)):
            self._set_row(combo, step, editable)
            if step:
                combo.set_value(values.get(key, ""), suggestions(document, key))
                from_text = key in documented and key not in self._shown_properties
                combo.setToolTip(
                    self.tr(
                        "Read from the documentation text; "
                        "a value entered here is saved as a property and takes precedence."
                    )
                    if from_text
                    else ""
                )
        self._show_deadline(document, record, editable)
        reserved = {SYSTEM, MEDIUM} if step else set()
        if isinstance(record, Activity):
            reserved.add(DEADLINE)
        self.key_values.set_values({k: v for k, v in self._shown_properties.items() if k not in reserved})
        self._set_row(self.key_values, True, editable)
        self._show_metadata(document, editable)

    def _show_nothing(self) -> None:
        self.kind_label.setText(self.tr("No document open"))
        self.id_label.clear()
        for widget in (self.name_edit, self.documentation_edit, self.role_combo, self.system_combo, self.medium_combo,
                       self.deadline_edit, self.key_values, *self.metadata_fields.values(), self.date_error_label):
            self.form.setRowVisible(widget, False)

    def _kind_text(self, record: XmlElement) -> str:
        if isinstance(record, Process):
            return self.tr("Process")
        if isinstance(record, Collaboration):
            return self.tr("Collaboration")
        text = element_name(record)[interface_language()] if record.TAG in TYPE_NAMES else record.type_name
        return text[:1].upper() + text[1:]

    def _set_row(self, widget: QWidget, visible: bool, editable: bool) -> None:
        self.form.setRowVisible(widget, visible)
        widget.setEnabled(editable)

    def _show_name(self, document: BpmnDocument, record: BaseElement, editable: bool) -> None:
        """The name, an annotation's text or a group's label (its category value)."""
        text = label_text(document, record)
        label = self.form.labelForField(self.name_edit)
        if isinstance(label, QLabel):
            label.setText(self.tr("Text:") if isinstance(record, TextAnnotation) else self.tr("Name:"))
        self.name_edit.setText(text or "")
        self.name_edit.setCursorPosition(0)
        self._set_row(self.name_edit, text is not None, editable)

    def _show_role(self, document: BpmnDocument, record: BaseElement, editable: bool) -> None:
        parent = document.parent_of(record)
        lanes: list[tuple[str, Lane]] = []
        if isinstance(record, FlowNode) and not isinstance(record, BoundaryEvent) and isinstance(parent, Process):
            lanes = _leaf_lanes([lane for lane_set in parent.lane_sets for lane in lane_set.lanes])
        self.role_combo.blockSignals(True)
        self.role_combo.clear()
        for text, lane in lanes:
            self.role_combo.addItem(text, lane.id)
        current = document.lane_of(record.id) if record.id else None
        self.role_combo.setCurrentIndex(self.role_combo.findData(current.id) if current is not None else -1)
        self.role_combo.setPlaceholderText(self.tr("No lane"))
        self.role_combo.blockSignals(False)
        drawn = record.id is not None and document.shape_of(record.id) is not None
        self._set_row(self.role_combo, bool(lanes), editable and drawn)

    def _show_deadline(self, document: BpmnDocument, record: BaseElement, editable: bool) -> None:
        visible = isinstance(record, Activity) and record.id is not None
        if visible:
            assert record.id is not None
            has_timer, duration = _timer_deadline(document, record.id)
            self.deadline_edit.set_duration(duration if has_timer else self._shown_properties.get(DEADLINE))
        self._set_row(self.deadline_edit, visible, editable)

    def _show_metadata(self, document: BpmnDocument, editable: bool) -> None:
        """In the process view, the metadata as the library reads it, merged from every block."""
        process_view = not self._subject_id
        self._shown_metadata = merged_metadata(document)[0] if process_view else ProcessMetadata()
        for field_name, field in self.metadata_fields.items():
            value = getattr(self._shown_metadata, field_name)
            if isinstance(field, QLineEdit):
                field.setText(value)
                field.setCursorPosition(0)
            elif isinstance(field, CommitTextEdit):
                field.set_text(value)
            else:
                self._show_category(value)
            self.form.setRowVisible(field, process_view)
            if isinstance(field, CommitTextEdit):
                field.setReadOnly(not editable)  # read-only, not disabled: long texts scroll
            else:
                field.setEnabled(editable)
        self.form.setRowVisible(self.date_error_label, False)

    def _show_category(self, value: str) -> None:
        """Choose ``value`` in the category list; a category of another tool is listed as it is written."""
        index = self.category_combo.findData(value)
        if index < 0:
            self.category_combo.addItem(value, value)
            index = self.category_combo.count() - 1
        self.category_combo.setCurrentIndex(index)

    # --- committing -------------------------------------------------------------------------

    def commit_pending(self) -> None:
        """Commit what the user typed and has not committed yet (before the subject changes)."""
        self._commit_name()
        if self.documentation_edit.document().isModified():
            self._commit_documentation(self.documentation_edit.toPlainText())
        for field_name in self.metadata_fields:
            self._commit_metadata(field_name)

    def _editable(self) -> tuple[DocumentTab, BaseElement, str] | None:
        """The tab, the element shown and its id, when the user may edit it."""
        record = self.subject()
        if self._tab is None or self._tab.read_only or record is None or record.id is None:
            return None
        return self._tab, record, record.id

    def _perform(self, tab: DocumentTab, build: Callable[[DocumentEditor], Edit]) -> None:
        tab.session.perform(build)
        self.refresh()  # also when nothing changed: show the model's value again

    def _commit_name(self) -> None:
        editable = self._editable()
        if editable is None or not self.form.isRowVisible(self.name_edit):
            return
        tab, record, element_id = editable
        text = self.name_edit.text().strip()
        if text != label_text(tab.document, record):
            self._perform(tab, lambda editor: editor.rename(element_id, text or None))

    def _commit_documentation(self, text: str) -> None:
        editable = self._editable()
        if editable is None:
            return
        tab, record, element_id = editable
        first = record.documentation[0].text if record.documentation else ""
        if text.strip() != (first or "").strip():
            self._perform(tab, lambda editor: editor.set_documentation(element_id, text.strip() or None))

    def _commit_role(self, index: int) -> None:
        """Move the step vertically to the middle of the chosen lane's band; its lanes follow."""
        editable = self._editable()
        if editable is None:
            return
        tab, _record, element_id = editable
        document = tab.document
        lane = document.get(self.role_combo.itemData(index))
        node = document.shape_of(element_id)
        band = document.shape_of(lane.id) if isinstance(lane, Lane) and lane.id else None
        if (lane is document.lane_of(element_id) or node is None or node.bounds is None
                or band is None or band.bounds is None):
            self.refresh()
            return
        delta = (0.0, band.bounds.center[1] - node.bounds.center[1])
        self._perform(tab, lambda editor: editor.move([element_id], delta))

    def _metadata_value(self, field_name: str) -> str:
        """What the metadata field shows now (typed or chosen), without surrounding blanks."""
        field = self.metadata_fields[field_name]
        if isinstance(field, QLineEdit):
            return field.text().strip()
        if isinstance(field, CommitTextEdit):
            return field.toPlainText().strip()
        return str(field.currentData() or "")

    def _commit_metadata(self, field_name: str) -> None:
        """Write a changed metadata field; a date that is no ISO date stays typed, with the reason under it."""
        field = self.metadata_fields[field_name]
        if self._tab is None or self._tab.read_only or self._subject_id or not self.form.isRowVisible(field):
            return
        text = self._metadata_value(field_name)
        if text == getattr(self._shown_metadata, field_name):
            if field_name == "valid_from":
                self.form.setRowVisible(self.date_error_label, False)
            return
        refusal = check_metadata(field_name, text)
        if refusal is not None:
            message = refusal.reason.get(interface_language()) or refusal.reason["en"]
            self.date_error_label.setText(message)
            self.form.setRowVisible(self.date_error_label, True)
            self.status_message.emit(message)
            return
        tab = self._tab
        self._perform(tab, lambda editor: editor.set_metadata(field_name, text or None))

    def _commit_property(self, key: str, value: str | None) -> None:
        editable = self._editable()
        if editable is not None:
            tab, _record, element_id = editable
            self._perform(tab, lambda editor: editor.set_property(element_id, key, value))

    def _commit_deadline(self, duration: str | None) -> None:
        """Change the deadline where it is written: the timer, else the property; a new one is a timer."""
        editable = self._editable()
        if editable is None:
            return
        tab, record, element_id = editable
        has_timer, _ = _timer_deadline(tab.document, element_id)
        if not has_timer and DEADLINE in properties(record):
            self._perform(tab, lambda editor: editor.set_property(element_id, DEADLINE, duration))
        else:
            self._perform(tab, lambda editor: editor.set_deadline(element_id, duration))

    def _add_key(self, key: str, value: str) -> None:
        editable = self._editable()
        if editable is None:
            return
        if key in properties(editable[1]):
            self.status_message.emit(self.tr("There is a property “{key}” already.").format(key=key))
            self.refresh()
            return
        self._commit_property(key, value)

    def _rename_key(self, old: str, new: str) -> None:
        """Rename a property: removing the old key and setting the new one, as one command."""
        editable = self._editable()
        if editable is None:
            return
        tab, record, element_id = editable
        current = properties(record)
        if new in current:
            self.status_message.emit(self.tr("There is a property “{key}” already.").format(key=new))
            self.refresh()
            return
        value = current.get(old, "")
        stack = tab.session.undo_stack
        stack.beginMacro(self.tr("Rename Property '{old}' to '{new}'").format(old=old, new=new))
        tab.session.perform(lambda editor: editor.set_property(element_id, old, None))
        tab.session.perform(lambda editor: editor.set_property(element_id, new, value))
        stack.endMacro()
        self.refresh()
