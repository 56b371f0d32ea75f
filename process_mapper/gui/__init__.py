"""The Qt desktop interface of Process Mapper (gui layer, above the core).

:mod:`.canvas` draws BPMN diagrams; :mod:`.main_window` and :mod:`.app` are the
application shell. Nothing below this package imports Qt.

PySide6 6.12.0 drops a reference to ``None`` on every Qt call without a result under
Python 3.11, which aborts the interpreter after a repaint or two; ``pyproject.toml``
therefore keeps Python < 3.12 on PySide6 < 6.12.
"""
