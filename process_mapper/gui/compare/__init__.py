"""The compare view: a local process beside its regional standard, for workshops (gui layer).

:class:`CompareWindow` shows a :class:`~process_mapper.core.comparison.Comparison`: both
diagrams with the differences marked (:mod:`.marks`), the change list, the decisions and
workshop mode. :mod:`.opening` opens one from two BPMN files or from a comparison file.
"""

from .opening import choose_comparison_file, compare_files, open_comparison_file
from .start_dialog import CompareDialog
from .window import CompareWindow

__all__ = ["CompareDialog", "CompareWindow", "choose_comparison_file", "compare_files", "open_comparison_file"]
