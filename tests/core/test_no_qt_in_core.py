"""The core runs without Qt: every module imports with PySide6 unavailable, and none imports it.

``run-tests.sh`` also runs import-linter with the same contract; these tests catch what a
static contract cannot (an import hidden in a function, ``importlib`` by name) and give the
offending file and line when it breaks.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import process_mapper.core

CORE_DIR = Path(process_mapper.core.__file__).resolve().parent
REPO_ROOT = CORE_DIR.parents[1]
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "process_mapper.gui")

_IMPORT_ALL = r"""
import importlib, json, sys
# A None entry makes any import of the name raise ImportError, as if Qt were not installed.
for name in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
    sys.modules[name] = None
failed, imported = {}, []
# The module names come from the files on disk (pkgutil would skip folders without __init__.py).
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
        imported.append(name)
    except BaseException as error:  # noqa: BLE001 - report every kind of failure
        failed[name] = f"{type(error).__name__}: {error}"
qt = sorted(n for n in sys.modules
            if n.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6") and sys.modules[n] is not None)
print(json.dumps({"imported": imported, "failed": failed, "qt_loaded": qt}))
"""


def core_modules_on_disk() -> list[str]:
    names = []
    for path in sorted(CORE_DIR.rglob("*.py")):
        parts = path.relative_to(CORE_DIR.parent.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_every_core_module_imports_without_qt() -> None:
    # given a fresh interpreter in which PySide6 and shiboken6 cannot be imported
    modules = core_modules_on_disk()
    assert "process_mapper.core.xmlio.reader" in modules
    # when every module under process_mapper.core is imported there
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, json.dumps(modules)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO_ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # then each one imported, and no Qt module got loaded
    assert report["failed"] == {}
    assert report["qt_loaded"] == []
    assert report["imported"] == modules


def _forbidden_imports(path: Path, root: Path = REPO_ROOT) -> list[str]:
    """``file:line: statement`` for every import of a forbidden module in one source file.

    ``root`` is the folder holding the ``process_mapper`` package, to resolve relative imports.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    found = []

    def forbidden(module: str) -> bool:
        return any(module == f or module.startswith(f + ".") for f in FORBIDDEN)

    for node in ast.walk(tree):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the file's package
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            modules = [base] + [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            callee = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if callee in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                modules = [node.args[0].value]
        hits = [m for m in modules if forbidden(m)]
        if hits:
            found.append(f"{path.relative_to(root)}:{node.lineno}: imports {hits[0]}")
    return found


def test_no_core_file_imports_qt_or_the_gui() -> None:
    # given every Python file under process_mapper/core
    files = sorted(CORE_DIR.rglob("*.py"))
    assert files
    # when their import statements are inspected
    found = [hit for path in files for hit in _forbidden_imports(path)]
    # then none names PySide6, shiboken6 or the gui package
    assert found == []


def test_the_static_check_would_catch_an_import(tmp_path: Path) -> None:
    # given sources with the imports the check is meant to catch, in a copy of the package layout
    samples = {
        "plain.py": "import PySide6.QtCore\n",
        "from.py": "from shiboken6 import isValid\n",
        "nested.py": "def f():\n    from PySide6.QtWidgets import QWidget\n",
        "dynamic.py": "import importlib\nimportlib.import_module('PySide6.QtGui')\n",
        "relative_gui.py": "from ...gui import main_window\n",
    }
    folder = tmp_path / "process_mapper" / "core" / "model"
    folder.mkdir(parents=True)
    for name, text in samples.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        # when it is inspected
        found = _forbidden_imports(path, tmp_path)
        # then it is reported with its file and line
        assert len(found) == 1 and found[0].startswith(f"process_mapper/core/model/{name}:"), (name, found)
    # and a harmless file is not
    harmless = folder / "fine.py"
    harmless.write_text("from ..xmlio import reader\nimport lxml.etree\n", encoding="utf-8")
    assert _forbidden_imports(harmless, tmp_path) == []
