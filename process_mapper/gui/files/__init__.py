"""The File menu's work: saving, exporting, printing, changes on disk, autosave (gui layer)."""
