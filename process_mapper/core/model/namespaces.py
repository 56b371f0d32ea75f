"""Namespace URIs of BPMN 2.0 and its diagram interchange (core layer, no Qt).

Elements are always matched on these URIs, never on the prefixes a file happens to use.
"""

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"

#: Process Mapper's own extension namespace: our properties travel inside
#: ``bpmn:extensionElements`` so that other tools keep them untouched.
PM = "urn:process-mapper:bpmn-extensions:1"

#: Prefixes used when we create a document from scratch (bpmn.io's choices).
DEFAULT_PREFIXES: dict[str, str] = {
    "bpmn": BPMN,
    "bpmndi": BPMNDI,
    "dc": DC,
    "di": DI,
}

#: Namespace URIs of older or foreign dialects, recognised only to give a clear message.
BPMN_1X_HINTS = (
    "http://schema.omg.org/spec/BPMN/2.0",  # BPMN 2.0 beta drafts
    "http://www.omg.org/bpmn20",
    "http://www.wfmc.org/2008/XPDL2.1",  # XPDL, how BPMN 1.x was exchanged
    "http://www.wfmc.org/2009/XPDL2.2",
)


def clark(namespace: str, local: str) -> str:
    """Return the Clark notation ``{namespace}local`` lxml uses for qualified names."""
    return f"{{{namespace}}}{local}"


def split_clark(name: str) -> tuple[str | None, str]:
    """Split ``{ns}local`` into ``(ns, local)``; a plain name gives ``(None, name)``."""
    if name.startswith("{"):
        ns, _, local = name[1:].partition("}")
        return ns, local
    return None, name
