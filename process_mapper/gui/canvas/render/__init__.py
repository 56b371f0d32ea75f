"""How BPMN elements look: renderer registry, marker and icon geometry, styles (gui layer)."""
