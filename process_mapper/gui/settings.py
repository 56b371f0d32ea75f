"""What the application remembers between sessions, kept with QSettings (gui layer)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

ORGANISATION = "Process Mapper"
APPLICATION = "Process Mapper"
MAX_RECENT_FILES = 10
#: Seconds between two autosaves of the unsaved documents, until the user chooses.
DEFAULT_AUTOSAVE_SECONDS = 60

_RECENT = "recentFiles"
_LANGUAGE = "language"
_GEOMETRY = "mainWindow/geometry"
_STATE = "mainWindow/state"
_SHOW_GRID = "canvas/showGrid"
_AUTOSAVE_SECONDS = "autosave/intervalSeconds"
_LIBRARY_FOLDERS = "library/folders"
_DIAGRAM_EXPORT = "diagramExport/"


@dataclass(frozen=True)
class DiagramExportChoices:
    """What the user chose in the diagram export dialog the last time.

    Plain values, so that the settings need not load the export modules at start.

    Attributes
    ----------
    suffix : {".pdf", ".svg", ".png"}
        The format.
    paper : {"A4", "A3"}
        PDF paper size.
    orientation : {"auto", "portrait", "landscape"}
        PDF orientation.
    tile : bool
        PDF: a poster over several pages instead of one fitted page.
    scale_percent, overlap_mm : float
        Poster scale and the drawing repeated by neighbouring pages.
    title_block : bool
        The title block under the drawing (all formats).
    dpi : int
        PNG resolution.
    transparent : bool
        PNG background: transparent instead of white.
    """

    suffix: str = ".pdf"
    paper: str = "A4"
    orientation: str = "auto"
    tile: bool = False
    scale_percent: float = 100.0
    overlap_mm: float = 10.0
    title_block: bool = True
    dpi: int = 192
    transparent: bool = False


class AppSettings:
    """Recent files, the preferences, the library folders, the window layout, the canvas grid and the data folder.

    Parameters
    ----------
    settings
        Where they are stored: ``QSettings(ORGANISATION, APPLICATION)`` in the
        application, a temporary file in tests.
    data_folder
        The folder for the application's own files (autosaves); default: the platform's
        application data location (``QStandardPaths.AppDataLocation``).
    """

    def __init__(self, settings: QSettings, data_folder: Path | None = None) -> None:
        self._settings = settings
        self._data_folder = data_folder

    def data_folder(self) -> Path:
        """The folder for the application's own files."""
        if self._data_folder is not None:
            return self._data_folder
        return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))

    def autosave_folder(self) -> Path:
        """Where unsaved documents are autosaved: ``autosave`` in the data folder."""
        return self.data_folder() / "autosave"

    def autosave_seconds(self) -> int:
        """Seconds between two autosaves (0: autosave is off)."""
        try:
            return max(0, int(str(self._settings.value(_AUTOSAVE_SECONDS, DEFAULT_AUTOSAVE_SECONDS))))
        except (TypeError, ValueError):
            return DEFAULT_AUTOSAVE_SECONDS

    def set_autosave_seconds(self, seconds: int) -> None:
        """Choose the seconds between two autosaves (0 turns autosave off)."""
        self._settings.setValue(_AUTOSAVE_SECONDS, max(0, seconds))
        self._settings.sync()

    def recent_files(self) -> list[Path]:
        """The files opened last, most recent first."""
        return self._paths(_RECENT)

    def _paths(self, key: str) -> list[Path]:
        value = self._settings.value(key, [])
        # INI files give a one-item list back as the item itself.
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(item) for item in items if item]

    def add_recent_file(self, path: Path) -> None:
        """Put ``path`` first among the recent files (keeping at most :data:`MAX_RECENT_FILES`)."""
        path = path.resolve()
        paths = [path, *(p for p in self.recent_files() if p != path)][:MAX_RECENT_FILES]
        self._store_recent(paths)

    def remove_recent_file(self, path: Path) -> None:
        """Forget ``path`` (it could not be opened)."""
        self._store_recent([p for p in self.recent_files() if p != path.resolve()])

    def clear_recent_files(self) -> None:
        """Forget every recent file."""
        self._store_recent([])

    def _store_recent(self, paths: list[Path]) -> None:
        self._settings.setValue(_RECENT, [str(p) for p in paths])
        self._settings.sync()

    def library_folders(self) -> list[Path]:
        """The user's extra folders of standard processes (e.g. the region's shared folder)."""
        return self._paths(_LIBRARY_FOLDERS)

    def set_library_folders(self, folders: list[Path]) -> None:
        """Choose the extra folders of standard processes (duplicates dropped, order kept)."""
        self._settings.setValue(_LIBRARY_FOLDERS, list(dict.fromkeys(str(folder) for folder in folders)))
        self._settings.sync()

    def language(self) -> str:
        """The chosen interface language (``sv`` or ``en``), or '' to follow the system."""
        return str(self._settings.value(_LANGUAGE, "") or "")

    def set_language(self, language: str) -> None:
        """Choose the interface language ('' follows the system); applies at the next start."""
        self._settings.setValue(_LANGUAGE, language)
        self._settings.sync()

    def window_layout(self) -> tuple[QByteArray | None, QByteArray | None]:
        """The saved main-window geometry and dock/toolbar state, if any."""
        geometry = self._settings.value(_GEOMETRY)
        state = self._settings.value(_STATE)
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def set_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the main window's geometry and dock/toolbar state."""
        self._settings.setValue(_GEOMETRY, geometry)
        self._settings.setValue(_STATE, state)
        self._settings.sync()

    def diagram_export(self) -> DiagramExportChoices:
        """The diagram export dialog's last choices (the defaults at first, or for values unreadable)."""
        choices = DiagramExportChoices()
        for field in fields(choices):
            default = getattr(choices, field.name)
            value = self._settings.value(_DIAGRAM_EXPORT + field.name, default)
            try:
                if isinstance(default, bool):  # INI files give booleans back as text
                    value = value is True or str(value).lower() == "true"
                choices = replace(choices, **{field.name: type(default)(value)})
            except (TypeError, ValueError):
                continue
        return choices

    def set_diagram_export(self, choices: DiagramExportChoices) -> None:
        """Remember the diagram export dialog's choices."""
        for field in fields(choices):
            self._settings.setValue(_DIAGRAM_EXPORT + field.name, getattr(choices, field.name))
        self._settings.sync()

    def show_grid(self) -> bool:
        """Whether the canvas shows (and snaps to) its grid."""
        value = self._settings.value(_SHOW_GRID, False)
        return value is True or str(value).lower() == "true"

    def set_show_grid(self, shown: bool) -> None:
        """Remember whether the canvas shows its grid."""
        self._settings.setValue(_SHOW_GRID, shown)
        self._settings.sync()
