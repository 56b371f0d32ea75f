"""The canvas's editing tools: selection, palette creation, connecting, moving, resizing, labels (gui layer)."""

from .canvas_editor import CONNECT_TOOL, GROUP_TOOL, LANE_TOOL, POOL_TOOL, SELECT_TOOL, TOOL_MIME_TYPE, CanvasEditor

__all__ = ["CONNECT_TOOL", "GROUP_TOOL", "LANE_TOOL", "POOL_TOOL", "SELECT_TOOL", "TOOL_MIME_TYPE", "CanvasEditor"]
