"""Interface languages: choosing one and loading its translations (gui layer).

Every visible string goes through ``tr()``. The Swedish and English catalogues live in
``resources/i18n/process_mapper_<lang>.ts`` and are compiled to the ``.qm`` files next
to them, which are committed. After changing strings, refresh and compile them from the
repository root (``tests/gui/test_translations.py`` fails until Swedish is complete)::

    SOURCES=$(find process_mapper/gui -name '*.py' | sort)
    .venv/bin/pyside6-lupdate $SOURCES -locations none -no-obsolete \\
        -source-language en -target-language sv -ts resources/i18n/process_mapper_sv.ts
    .venv/bin/pyside6-lupdate $SOURCES -locations none -no-obsolete -pluralonly \\
        -source-language en -target-language en -ts resources/i18n/process_mapper_en.ts
    .venv/bin/pyside6-lrelease resources/i18n/process_mapper_sv.ts resources/i18n/process_mapper_en.ts

English is the source language: its catalogue holds only the plural forms.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core.resources import resource_path

#: Interface languages, by code.
LANGUAGES = ("sv", "en")
CATALOGUE = "process_mapper_{language}"


def catalogue_dir() -> Path:
    """The folder of the ``.ts`` and ``.qm`` files."""
    return resource_path("i18n")


def system_language() -> str:
    """``sv`` on a Swedish system, else ``en``."""
    return "sv" if QLocale.system().language() == QLocale.Language.Swedish else "en"


def choose_language(requested: str | None, preference: str) -> str:
    """The language to use: the command line's, else the saved preference, else the system's.

    Parameters
    ----------
    requested
        ``--lang`` from the command line, if given.
    preference
        The saved preference ('' to follow the system).
    """
    for candidate in (requested, preference):
        if candidate in LANGUAGES:
            return candidate
    return system_language()


def interface_language() -> str:
    """The language the interface runs in: the one :func:`install_translators` chose."""
    return "sv" if QLocale().language() == QLocale.Language.Swedish else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Process Mapper's and Qt's own translations into ``app``.

    Parameters
    ----------
    app
        The application.
    language
        One of :data:`LANGUAGES`.

    Returns
    -------
    list[QTranslator]
        The installed translators; keep them alive as long as the application.
    """
    QLocale.setDefault(QLocale(language))
    sources = [
        (CATALOGUE.format(language=language), str(catalogue_dir())),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    translators = []
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators
