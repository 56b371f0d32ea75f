"""XSD findings for a document, with line numbers of the user's own file (core layer, no Qt).

The schema judges XML, not the model, so a document is validated in its XML form. While
the document is unchanged since it was read, its file is validated, so that
the line of each finding is a line the user can open. Otherwise (an edited or never saved
document) the document is validated as it would be written, and the findings carry no
line: a line of text nobody has seen would only mislead.
"""

from __future__ import annotations

import dataclasses

from lxml import etree

from ..model import BpmnDocument, Issue
from ..xmlio import BpmnReadError, to_tree
from ..xmlio.safe_xml import parse_xml
from ..xmlio.schema import schema_issues


def schema_findings(document: BpmnDocument) -> list[Issue]:
    """Validate ``document`` against the BPMN 2.0 XML schema.

    Parameters
    ----------
    document
        The document; its file (``document.path``) is read again while the document is
        unchanged since it was read (``document.revision == 0``).

    Returns
    -------
    list[Issue]
        One ``schema`` issue (error) per schema violation.
    """
    source = _unchanged_source(document)
    if source is not None:
        return schema_issues(source)
    return [dataclasses.replace(issue, line=None) for issue in schema_issues(to_tree(document))]


def _unchanged_source(document: BpmnDocument) -> etree._Element | None:
    """The parsed file ``document`` was read from, while the document is unchanged."""
    path = document.path
    if path is None or document.revision:
        return None
    try:
        return parse_xml(path.read_bytes(), path.name).root
    except (OSError, BpmnReadError):
        return None
