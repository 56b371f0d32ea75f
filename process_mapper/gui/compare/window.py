"""The compare window: a standard beside a local process, their differences, the workshop's decisions (gui layer).

The standard is drawn on the left (or on top) and the local process on the right (or
below), with pan and zoom kept in step. Every difference is marked by colour and symbol
(:mod:`.marks`); the change list and the decision form sit in a dock. Link and Unlink
correct the matcher and the diff, marks, list and summary update at once. Workshop mode
fills the screen with larger text and marks and shows one change at a time. The File menu
exports the comparison report (PDF) and the change list (XLSX or CSV), or prints the report,
with the decisions recorded so far, saved or not.

All of it shows a :class:`~process_mapper.core.comparison.Comparison`, which holds the
state; the window only keeps what is on screen in step with it.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QFont,
    QHelpEvent,
    QKeySequence,
    QMouseEvent,
    QPageLayout,
    QPageSize,
    QPalette,
    QShowEvent,
    QTransform,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ...core.comparison import (
    CATEGORY_NAMES,
    SUFFIX,
    Comparison,
    ComparisonFileError,
    Side,
    save_comparison,
)
from ...core.diff import ChangeSeverity
from ..canvas import BpmnScene, BpmnView
from ..canvas.items import EdgeItem, LabelItem, ShapeItem
from ..canvas.scene import NO_HOVER_KINDS
from ..files.prompts import show_write_error
from ..i18n import interface_language
from ..marks import Mark, element_marks
from .change_list import ChangeList
from .decision_form import DecisionForm, DecisionInput
from .marks import BADGE_RADIUS_PX, MarkLayer, legend_icon

SIDES: tuple[Side, Side] = ("standard", "local")
#: Zoom of both diagrams when workshop mode focuses a change.
WORKSHOP_ZOOM = 1.4
#: Text and marks in workshop mode are this much larger.
WORKSHOP_SCALE = 1.6
#: Marker of the counterpart of the step under the mouse.
COUNTERPART_MARKER = "hover"
#: Marker of the elements of the chosen change.
FOCUS_MARKER = "selected"
LEGEND_ICON_PX = 18
HEADING_BACKGROUND = "#eef1f5"
#: Diagrams this many times wider than high are stacked when the window opens.
WIDE_RATIO = 2.0
#: Width of the changes dock until the user resizes it.
DOCK_WIDTH = 420
STATUS_TIMEOUT_MS = 8000
PDF_SUFFIX = ".pdf"
#: The change list's formats; the first is the default.
TABLE_SUFFIXES = (".xlsx", ".csv")


def comparison_filter() -> str:
    """The file dialogs' filter for comparison files."""
    return QCoreApplication.translate("CompareWindow", "Comparisons (*{suffix});;All files (*)").format(suffix=SUFFIX)


class DiagramPane(QWidget):
    """One side: a heading naming the process and its diagram.

    Parameters
    ----------
    heading
        "Standard: …" or "Local: …".
    parent
        The owning widget.
    """

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(heading, self)
        self.heading.setContentsMargins(6, 3, 6, 3)
        # A palette, not a style sheet: a style sheet would keep workshop mode's larger font out.
        background = self.heading.palette()
        background.setColor(QPalette.ColorRole.Window, QColor(HEADING_BACKGROUND))
        self.heading.setPalette(background)
        self.heading.setAutoFillBackground(True)
        self.scene = BpmnScene(parent=self)
        self.view = BpmnView(self.scene, self)
        self.view.setAcceptDrops(False)
        self.marks = MarkLayer(self.scene)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)

    def element_at(self, position: QPoint) -> str:
        """The id of the element drawn at a viewport position ('' for none; pools and lanes do not count)."""
        point = self.view.mapToScene(position)
        for item in self.scene.items(point, Qt.ItemSelectionMode.IntersectsItemShape, Qt.SortOrder.DescendingOrder,
                                     QTransform()):
            if isinstance(item, ShapeItem) and item.view.kind in NO_HOVER_KINDS:
                return ""
            if isinstance(item, ShapeItem | EdgeItem | LabelItem):
                return item.element_id
        return ""

    def centred_fraction(self) -> tuple[float, float]:
        """Where the middle of the viewport lies in the scene, as fractions of its width and height."""
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        rect = self.scene.sceneRect()
        return (centre.x() - rect.left()) / rect.width(), (centre.y() - rect.top()) / rect.height()

    def centre_on_fraction(self, x: float, y: float) -> None:
        """Centre the view on the scene point at these fractions of the scene's width and height."""
        rect = self.scene.sceneRect()
        self.view.centerOn(rect.left() + x * rect.width(), rect.top() + y * rect.height())

    def fit_factor(self) -> float:
        """The zoom that shows the whole diagram, at most actual size."""
        rect, view = self.scene.sceneRect(), self.view.viewport().rect()
        if rect.isEmpty() or view.isEmpty():
            return 1.0
        return min(view.width() / rect.width(), view.height() / rect.height(), 1.0)


class LegendBar(QWidget):
    """What the marks mean, in one row under the diagrams."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        entries = [
            (Mark.INTRODUCE, self.tr("Step to introduce (in the standard only)")),
            (Mark.DROP, self.tr("Step to drop or justify (local only)")),
            (Mark.CHANGED, self.tr("Changed step: role, order, decision, medium, time limit, message or data")),
            (Mark.RENAMED, self.tr("Renamed only")),
            (None, self.tr("Matched, unchanged")),
        ]
        for mark, text in entries:
            icon = QLabel(self)
            icon.setPixmap(legend_icon(mark, LEGEND_ICON_PX))
            label = QLabel(text, self)
            label.setWordWrap(True)
            layout.addWidget(icon)
            layout.addWidget(label, 1)


class CompareWindow(QMainWindow):
    """The compare window of one comparison.

    Parameters
    ----------
    comparison
        What to show; the window records links, unlinks and decisions in it.
    parent
        The main window (the compare window stays a window of its own).
    """

    def __init__(self, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.comparison = comparison
        self.language = interface_language()
        self._syncing = False
        self._hovered: tuple[Side, str] | None = None
        self._counterparts: tuple[Side, tuple[str, ...]] | None = None
        self._focused: dict[Side, tuple[str, ...]] = {"standard": (), "local": ()}
        self._modified = False
        self._workshop = False
        self._fitted = False
        self._normal_font = QFont(self.font())
        self.panes: dict[Side, DiagramPane] = {
            "standard": DiagramPane(
                self.tr("<b>Standard:</b> {name}").format(name=escape(comparison.standard.display_name))
            ),
            "local": DiagramPane(self.tr("<b>Local:</b> {name}").format(name=escape(comparison.local.display_name))),
        }
        self.panes["standard"].scene.load(comparison.standard_document)
        self.panes["local"].scene.load(comparison.local_document)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for side in SIDES:
            pane = self.panes[side]
            self.splitter.addWidget(pane)
            pane.view.viewport().installEventFilter(self)
            pane.view.horizontalScrollBar().valueChanged.connect(lambda _v, s=side: self._follow(s))
            pane.view.verticalScrollBar().valueChanged.connect(lambda _v, s=side: self._follow(s))
            pane.view.zoom_changed.connect(lambda _z, s=side: self._follow(s))
            pane.scene.selection_changed.connect(self._update_actions)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setContentsMargins(8, 6, 8, 6)
        self.banner.setStyleSheet("background: #fff4c2; color: #4a3b00; border-bottom: 1px solid #e0c65c;")
        self.summary_bar = QLabel(self)
        self.summary_bar.setWordWrap(True)
        self.summary_bar.setContentsMargins(8, 4, 8, 4)
        self.legend = LegendBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary_bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.legend)
        self.setCentralWidget(central)
        self.change_list = ChangeList(self.language, self)
        self.change_list.change_chosen.connect(self.show_change)
        self.card = QLabel(self)
        self.card.setWordWrap(True)
        self.card.setTextFormat(Qt.TextFormat.RichText)
        self.card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.decision_form = DecisionForm(self.language, self)
        self.decision_form.submitted.connect(self.record_decision)
        panel = QWidget(self)
        self._panel_layout = QVBoxLayout(panel)
        self._panel_layout.addWidget(self.change_list, 1)
        self._panel_layout.addWidget(self.card)  # the whole sentence; the list shows one line each
        self._panel_layout.addWidget(self.decision_form)
        self.dock = QDockWidget(self.tr("Changes"), self)
        self.dock.setObjectName("ChangesDock")
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self._create_actions()
        rects = [pane.scene.sceneRect() for pane in self.panes.values()]
        self._set_stacked(all(rect.width() > WIDE_RATIO * rect.height() for rect in rects))
        self.resize(1500, 900)
        self.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        self.refresh()
        self._update_title()

    # --- actions ------------------------------------------------------------------------------

    def _action(self, text: str, slot: object, shortcuts: list[QKeySequence] | None = None,
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts(shortcuts)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        key = QKeySequence
        self.save_action = self._action(self.tr("&Save Comparison"), self.save, [key(key.StandardKey.Save)])
        self.save_as_action = self._action(self.tr("Save Comparison &As…"), self.save_as,
                                           [key(key.StandardKey.SaveAs)])
        self.export_report_action = self._action(self.tr("Export &Report (PDF)…"), self.export_report)
        self.export_changes_action = self._action(self.tr("Export Change &List…"), self.export_change_list)
        self.export_changes_action.setToolTip(self.tr("The changes with their decisions as an Excel workbook or "
                                                      "a CSV file, for action planning"))
        self.preview_report_action = self._action(self.tr("Print Report Pre&view…"), self.preview_report)
        self.print_report_action = self._action(self.tr("&Print Report…"), self.print_report,
                                                [key(key.StandardKey.Print)])
        self.close_action = self._action(self.tr("&Close"), self.close, [key(key.StandardKey.Close)])
        self.previous_action = self._action(self.tr("&Previous Change"), lambda: self.step(-1),
                                            [key("Shift+F8"), key("K")])
        self.next_action = self._action(self.tr("&Next Change"), lambda: self.step(1), [key("F8"), key("J")])
        self.link_action = self._action(self.tr("&Link Steps"), self.link_selected, [key("Ctrl+L")])
        self.link_action.setToolTip(self.tr("Pair the step selected in the standard with the step selected "
                                            "in the local process"))
        self.unlink_action = self._action(self.tr("&Unlink Steps"), self.unlink_selected, [key("Ctrl+Shift+L")])
        self.unlink_action.setToolTip(self.tr("Tell the comparison that the selected steps are not the same step"))
        self.stack_action = self._action(self.tr("S&tack Diagrams"), self._set_stacked, [key("Ctrl+T")], True)
        self.stack_action.setToolTip(self.tr("Standard on top and local below, for wide processes"))
        self.sync_action = self._action(self.tr("&Synchronise Pan and Zoom"), self._set_synced, [key("Ctrl+Y")], True)
        self.sync_action.setChecked(True)
        self.fit_action = self._action(self.tr("Zoom to &Fit"), self.fit_both, [key("Ctrl+1")])
        self.workshop_action = self._action(self.tr("&Workshop Mode"), self.set_workshop_mode, [key("F11")], True)
        self.workshop_action.setToolTip(self.tr("Full screen, one change at a time; arrow keys step, Escape leaves"))
        self._workshop_keys = [
            self._action(self.tr("Next Change"), lambda: self.step(1), [key("Right"), key("Down")]),
            self._action(self.tr("Previous Change"), lambda: self.step(-1), [key("Left"), key("Up")]),
            self._action(self.tr("Leave Workshop Mode"), lambda: self.set_workshop_mode(False), [key("Escape")]),
        ]
        for action in self._workshop_keys:
            action.setEnabled(False)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_report_action, self.export_changes_action])
        file_menu.addSeparator()
        file_menu.addActions([self.preview_report_action, self.print_report_action])
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        changes_menu = self.menuBar().addMenu(self.tr("&Changes"))
        changes_menu.addActions([self.previous_action, self.next_action])
        changes_menu.addSeparator()
        changes_menu.addActions([self.link_action, self.unlink_action])
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addActions([self.stack_action, self.sync_action, self.fit_action])
        view_menu.addSeparator()
        view_menu.addAction(self.workshop_action)
        toolbar = self.addToolBar(self.tr("Compare"))
        toolbar.setObjectName("CompareToolBar")
        toolbar.setMovable(False)
        toolbar.addActions([self.previous_action, self.next_action])
        toolbar.addSeparator()
        toolbar.addActions([self.link_action, self.unlink_action])
        toolbar.addSeparator()
        toolbar.addActions([self.stack_action, self.sync_action, self.fit_action, self.workshop_action])

    # --- showing the comparison ---------------------------------------------------------------

    def refresh(self) -> None:
        """Bring marks, change list, summary and banner in step with the comparison."""
        standard_marks, local_marks = element_marks(self.comparison.result().changes)
        self.panes["standard"].marks.show(standard_marks)
        self.panes["local"].marks.show(local_marks)
        self.change_list.set_rows(self.comparison.rows(self.language), self.comparison.unplaced_rows(self.language))
        self._show_summary()
        self._show_banner()
        self._update_actions()
        self._show_card(self.change_list.current_change())

    def _show_summary(self) -> None:
        summary = self.comparison.summary()
        by_category = ", ".join(f"{CATEGORY_NAMES[category][self.language]} {count}"
                                for category, count in summary.by_category.items() if count)
        parts = [
            self.tr("<b>{matched}</b> of {steps} standard steps matched").format(
                matched=summary.matched_steps, steps=summary.standard_steps),
            self.tr("<b>{must}</b> must change").format(must=summary.by_severity[ChangeSeverity.MUST]),
            self.tr("{changes} changes: {categories}").format(changes=summary.changes, categories=by_category)
            if summary.changes else self.tr("no differences"),
            self.tr("<b>{open}</b> of {changes} decisions open").format(open=summary.open_decisions,
                                                                        changes=summary.changes),
        ]
        self.summary_bar.setText(" · ".join(parts))

    def _show_banner(self) -> None:
        lines = []
        changed = self.comparison.changed_files
        if "standard" in changed:
            lines.append(self.tr("The standard process file has changed since this comparison was saved."))
        if "local" in changed:
            lines.append(self.tr("The local process file has changed since this comparison was saved."))
        unplaced = len(self.comparison.unplaced_decisions)
        if unplaced:
            lines.append(self.tr(
                "%n decision(s) no longer fit a current change. They are listed under "
                "“Decisions that cannot be placed” and kept in the comparison file.", "", unplaced))
        links = len(self.comparison.unplaced_links)
        if links:
            lines.append(self.tr("%n link(s) name a step that no longer exists; they are kept but not applied.",
                                 "", links))
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    def _update_title(self) -> None:
        name = self.comparison.path.name if self.comparison.path else self.tr("Unsaved comparison")
        self.setWindowTitle(self.tr("{name}[*] – {standard} and {local}").format(
            name=name, standard=self.comparison.standard.display_name, local=self.comparison.local.display_name))
        self.setWindowModified(self._modified)

    def _set_modified(self, modified: bool) -> None:
        self._modified = modified
        self._update_title()

    # --- choosing a change --------------------------------------------------------------------

    def step(self, offset: int) -> str:
        """Go to the change ``offset`` places away in process order (1: Next, -1: Previous); its id."""
        return self.change_list.step(offset)

    def show_change(self, change_id: str) -> None:
        """Highlight the elements of ``change_id`` on both sides and centre both views on them."""
        unplaced = self.change_list.is_unplaced(change_id)
        decision = self.comparison.decision(change_id) if change_id else None
        self.decision_form.show_decision(change_id, decision, editable=not unplaced)
        self._show_card(change_id)
        try:
            change = self.comparison.change(change_id) if change_id and not unplaced else None
        except KeyError:
            change = None
        elements: dict[Side, tuple[str, ...]] = {
            "standard": change.standard_elements if change else (),
            "local": change.local_elements if change else (),
        }
        self._syncing = True
        try:
            for side in SIDES:
                self._focus(side, elements[side])
        finally:
            self._syncing = False
        drawn = [side for side in SIDES if elements[side] and self.panes[side].scene.item_for_id(elements[side][0])]
        if len(drawn) == 1:  # the other side shows the same part of the process
            self._show_nearest_counterpart(drawn[0], elements[drawn[0]][0])
        self._update_actions()

    def _show_nearest_counterpart(self, side: Side, element_id: str) -> None:
        """Centre the other side on the counterpart of the matched step drawn nearest to ``element_id``."""
        own, other = self.panes[side], self.panes["local" if side == "standard" else "standard"]
        focus = own.scene.item_for_id(element_id)
        assert focus is not None
        centre = focus.sceneBoundingRect().center()
        nearest: tuple[float, str] | None = None
        for a, b in self.comparison.result().matches.pairs():
            mine, theirs = (a, b) if side == "standard" else (b, a)
            item = own.scene.item_for_id(mine)
            if item is None or other.scene.item_for_id(theirs) is None:
                continue
            offset = item.sceneBoundingRect().center() - centre
            distance = offset.x() ** 2 + offset.y() ** 2
            if nearest is None or distance < nearest[0]:
                nearest = (distance, theirs)
        if nearest is None:
            self._follow(side)
            return
        if self._workshop:
            other.view.set_zoom(WORKSHOP_ZOOM)
        self._syncing = True
        try:
            other.view.centre_on_element(nearest[1])
        finally:
            self._syncing = False

    def _focus(self, side: Side, elements: tuple[str, ...]) -> None:
        pane = self.panes[side]
        for element in self._focused[side]:
            pane.scene.remove_marker(element, FOCUS_MARKER)
        pane.scene.select(elements[0] if elements else "")
        for element in elements[1:]:
            pane.scene.add_marker(element, FOCUS_MARKER)
        self._focused[side] = elements[1:]
        if elements:
            if self._workshop:
                pane.view.set_zoom(WORKSHOP_ZOOM)
            pane.view.centre_on_element(elements[0])

    # --- synchronised pan and zoom ------------------------------------------------------------

    def _follow(self, side: Side) -> None:
        if self._syncing or not self._alive() or not self.sync_action.isChecked():
            return
        source, other = self.panes[side], self.panes["local" if side == "standard" else "standard"]
        self._syncing = True
        try:
            other.view.set_zoom(source.view.zoom())
            other.centre_on_fraction(*source.centred_fraction())
        finally:
            self._syncing = False

    def _alive(self) -> bool:
        # While the window is destroyed its views and scenes go one by one, still sending signals.
        return all(isValid(part) for pane in self.panes.values() for part in (pane, pane.view, pane.scene))

    def _set_synced(self, synced: bool) -> None:
        self.sync_action.setChecked(synced)
        if synced:
            self._follow("standard")

    def _set_stacked(self, stacked: bool) -> None:
        self.stack_action.setChecked(stacked)
        self.splitter.setOrientation(Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal)

    def fit_both(self) -> None:
        """Show both diagrams whole; while synchronised, at the same zoom (the smaller fit)."""
        factors = {side: pane.fit_factor() for side, pane in self.panes.items()}
        self._syncing = True
        try:
            for side, pane in self.panes.items():
                pane.view.set_zoom(min(factors.values()) if self.sync_action.isChecked() else factors[side])
                pane.centre_on_fraction(0.5, 0.5)
        finally:
            self._syncing = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self.fit_both()

    # --- hover: the counterpart and why -------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        side = next((s for s in SIDES if watched is self.panes[s].view.viewport()), None) if self._alive() else None
        if side is not None:
            if event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
                self.hover(side, self.panes[side].element_at(event.position().toPoint()))
            elif event.type() == QEvent.Type.Leave:
                self.hover(side, "")
            elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
                text = self.hover_text(side, self.panes[side].element_at(event.pos()))
                if text:
                    QToolTip.showText(event.globalPos(), text, self.panes[side].view.viewport())
                else:
                    QToolTip.hideText()
                return True
        return super().eventFilter(watched, event)

    def hover(self, side: Side, element_id: str) -> None:
        """The mouse is over ``element_id`` of ``side`` ('' for none): mark its counterpart on the other side."""
        if self._hovered == (side, element_id):
            return
        self._hovered = (side, element_id) if element_id else None
        if self._counterparts is not None:
            other, ids = self._counterparts
            for element in ids:
                self.panes[other].scene.remove_marker(element, COUNTERPART_MARKER)
            self._counterparts = None
        match = self.comparison.match_of(side, element_id) if element_id else None
        if match is not None:
            other = "local" if side == "standard" else "standard"
            ids = match.b_ids if side == "standard" else match.a_ids
            for element in ids:
                self.panes[other].scene.add_marker(element, COUNTERPART_MARKER)
            self._counterparts = (other, ids)

    def counterparts(self) -> tuple[str, ...]:
        """The elements marked as the counterpart of the hovered step."""
        return self._counterparts[1] if self._counterparts else ()

    def hover_text(self, side: Side, element_id: str) -> str:
        """The tooltip of an element: its counterpart and why they were paired, and its changes."""
        if not element_id:
            return ""
        namer = self.comparison.namer()
        lines = []
        match = self.comparison.match_of(side, element_id)
        steps = (self.comparison.differ.standard.graph.steps if side == "standard"
                 else self.comparison.differ.local.graph.steps)
        if match is not None:
            other, ids = (1, match.b_ids) if side == "standard" else (0, match.a_ids)
            names = " + ".join(f"“{namer.name(other, element, self.language)}”" for element in ids)
            where = self.tr("in the local process") if side == "standard" else self.tr("in the standard")
            lines.append(self.tr("Paired with {names} {where}").format(names=names, where=where))
            lines.append(self.tr("Why: {reason} (confidence {score:.0%})").format(reason=match.reason,
                                                                                  score=match.score))
        elif element_id in steps:
            lines.append(self.tr("No counterpart in the local process") if side == "standard"
                         else self.tr("No counterpart in the standard"))
        key = "standard_elements" if side == "standard" else "local_elements"
        lines += [f"• {change.summary[self.language]}" for change in self.comparison.result().changes
                  if element_id in getattr(change, key)]
        return "\n".join(lines)

    # --- correcting the matcher ---------------------------------------------------------------

    def _selected_steps(self) -> tuple[str, str]:
        standard = self.panes["standard"].scene.selected_id()
        local = self.panes["local"].scene.selected_id()
        return (standard if standard in self.comparison.differ.standard.graph.steps else "",
                local if local in self.comparison.differ.local.graph.steps else "")

    def _pairs_to_unlink(self) -> list[tuple[str, str]]:
        standard, local = self._selected_steps()
        pairs = self.comparison.result().matches.pairs()
        return sorted((a, b) for a, b in pairs if (a == standard or not standard) and (b == local or not local)
                      and (standard or local))

    def _update_actions(self, _id: str = "") -> None:
        standard, local = self._selected_steps()
        paired = bool(standard and local and (standard, local) in self.comparison.result().matches.pairs())
        self.link_action.setEnabled(bool(standard and local) and not paired)
        self.unlink_action.setEnabled(bool(self._pairs_to_unlink()))

    def link_selected(self) -> None:
        """Pair the steps selected on each side; the diff and everything shown update."""
        standard, local = self._selected_steps()
        if standard and local:
            self.comparison.link(standard, local)
            self._after_correction()

    def unlink_selected(self) -> None:
        """Separate the selected matched steps (or a selected step from its counterparts)."""
        for pair in self._pairs_to_unlink():
            self.comparison.unlink(*pair)
        self._after_correction()

    def _after_correction(self) -> None:
        self._set_modified(True)
        self.refresh()

    # --- decisions ----------------------------------------------------------------------------

    def record_decision(self, entered: DecisionInput) -> None:
        """Record the decision entered in the form on its change."""
        try:
            self.comparison.decide(entered.change_id, entered.decision, justification=entered.justification,
                                   owner=entered.owner, due_date=entered.due_date, comment=entered.comment)
        except (KeyError, ValueError) as error:
            self.decision_form.show_error(str(error))
            return
        self._set_modified(True)
        self.refresh()

    # --- workshop mode ------------------------------------------------------------------------

    def is_workshop_mode(self) -> bool:
        """True while workshop mode is on."""
        return self._workshop

    def set_workshop_mode(self, on: bool) -> None:
        """Full screen with larger text and marks, one change at a time (or back to normal)."""
        self._workshop = on
        self.workshop_action.setChecked(on)
        for action in self._workshop_keys:
            action.setEnabled(on)
        scale = WORKSHOP_SCALE if on else 1.0
        for pane in self.panes.values():
            pane.marks.set_badge_radius(BADGE_RADIUS_PX * scale)
        font = QFont(self._normal_font)
        font.setPointSizeF(self._normal_font.pointSizeF() * scale)
        self.setFont(font)
        self.change_list.setVisible(not on)
        self._panel_layout.setStretchFactor(self.card, 1 if on else 0)
        if on:
            self.showFullScreen()
            if not self.change_list.current_change():
                self.step(1)
            self.show_change(self.change_list.current_change())
        else:
            self.showNormal()

    def _show_card(self, change_id: str) -> None:
        row = self.change_list.row(change_id)
        shown = self.change_list.visible_changes()
        if row is None:
            self.card.setText(self.tr("No change chosen."))
            return
        position = (self.tr("Change {number} of {count}").format(number=shown.index(change_id) + 1, count=len(shown))
                    if change_id in shown else self.tr("Decision that cannot be placed"))
        steps = [
            text
            for text in (row.standard_step and self.tr("Standard: {step}").format(step=escape(row.standard_step)),
                         row.local_step and self.tr("Local: {step}").format(step=escape(row.local_step)))
            if text
        ]
        decision = self.tr("Decision: {decision}").format(decision=row.decision_name)
        self.card.setText(
            f"<p>{position}</p><p><b>{row.category_name}</b> · {row.severity_name}</p>"
            f"<p style='font-size: large'>{escape(row.explanation)}</p>"
            f"<p>{'<br>'.join(steps)}</p><p>{decision}</p>"
        )

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the comparison's file (asking for one the first time); False when not saved."""
        if self.comparison.path is None:
            return self.save_as()
        return self._save_to(self.comparison.path)

    def save_as(self) -> bool:
        """Ask for a file and save the comparison there; False when not saved."""
        suggested = self.comparison.path or self.comparison.local.path.with_suffix(SUFFIX)
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save Comparison"), str(suggested),
                                              comparison_filter())
        if not name:
            return False
        path = Path(name)
        return self._save_to(path if path.suffix else path.with_suffix(SUFFIX))

    def _save_to(self, path: Path) -> bool:
        try:
            save_comparison(self.comparison, path)
        except ComparisonFileError as error:
            QMessageBox.warning(self, self.tr("Cannot Save Comparison"), error.text(self.language))
            return False
        self._set_modified(False)
        return True

    # --- reports ------------------------------------------------------------------------------

    def export_report(self) -> bool:
        """Ask where and write the comparison report as PDF, with the decisions recorded so far.

        Returns
        -------
        bool
            Whether the report was written.
        """
        from ..export import write_comparison_report  # exports: loaded when first needed

        path = self._ask_report_target(self.tr("Export Report"), self.tr("PDF documents (*.pdf)"), (PDF_SUFFIX,))
        return path is not None and self._export(path, lambda: write_comparison_report(self.comparison, path,
                                                                                       self.language))

    def export_change_list(self) -> bool:
        """Ask where and write the change list with the decisions recorded so far, as XLSX or CSV.

        A CSV file holds the change list only; a workbook also the decisions that cannot be placed.

        Returns
        -------
        bool
            Whether the file was written.
        """
        from ...core.reports import comparison_tables, write_table  # openpyxl: loaded when first needed

        name_filter = ";;".join(
            (self.tr("Excel workbooks (*.xlsx)"), self.tr("CSV files, semicolon-separated (*.csv)"))
        )
        path = self._ask_report_target(self.tr("Export Change List"), name_filter, TABLE_SUFFIXES)
        return path is not None and self._export(path, lambda: write_table(comparison_tables(self.comparison,
                                                                                             self.language), path))

    def _ask_report_target(self, title: str, name_filter: str, suffixes: tuple[str, ...]) -> Path | None:
        """A file for a report of this comparison, beside its file (or the local process); None when cancelled.

        A name typed without one of ``suffixes`` gets the suffix of the filter chosen (the first by default).
        """
        standard, local = self.comparison.standard.path, self.comparison.local.path
        folder = (self.comparison.path or local).parent
        name = self.tr("{local} compared with {standard}").format(local=local.stem, standard=standard.stem)
        chosen, chosen_filter = QFileDialog.getSaveFileName(self, title, str(folder / f"{name}{suffixes[0]}"),
                                                            name_filter)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() in suffixes:
            return path
        suffix = next((suffix for suffix in suffixes if f"*{suffix}" in chosen_filter), suffixes[0])
        return path.with_name(path.name + suffix)

    def _export(self, path: Path, write: Callable[[], object]) -> bool:
        """Write a report with ``write`` (atomically); a failure is explained, success shown in the status bar."""
        try:
            write()
        except (OSError, ValueError) as error:
            text = self.tr("“{file}” could not be written. A file already there was not changed.").format(
                file=path.name
            )
            show_write_error(self, self.tr("Cannot Export"), text, error)
            return False
        self.statusBar().showMessage(self.tr("Exported to “{file}”.").format(file=path.name), STATUS_TIMEOUT_MS)
        return True

    def print_report(self) -> bool:
        """Ask for a printer and print the comparison report; whether it was printed."""
        printer = self._report_printer()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return False
        return self._paint_report(printer) > 0

    def preview_report(self) -> None:
        """Show the comparison report as it would be printed, with the printer settings."""
        preview = QPrintPreviewDialog(self._report_printer(), self)
        preview.paintRequested.connect(self._paint_report)
        preview.exec()

    def _report_printer(self) -> QPrinter:
        """A printer set up for the report's pages: landscape A4."""
        from ..export.report import report_title  # exports: loaded when first needed

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setDocName(report_title(self.comparison, self.language))
        return printer

    def _paint_report(self, printer: QPrinter) -> int:
        """Print the report as its PDF is laid out, on A3 when the user chose it, else on A4."""
        from ..export import paint_comparison_report  # exports: loaded when first needed

        paper = "A3" if printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A3 else "A4"
        return paint_comparison_report(printer, self.comparison, self.language, paper=paper)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._modified:
            answer = QMessageBox.question(
                self, self.tr("Save Comparison?"),
                self.tr("The links and decisions of this comparison are not saved. Save them?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.save()
            ):
                event.ignore()
                return
        super().closeEvent(event)
