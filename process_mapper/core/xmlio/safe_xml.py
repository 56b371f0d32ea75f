"""Safe parsing of untrusted XML into an lxml tree (core layer, no Qt).

The parser never resolves entities, never loads a DTD and never touches the network.
Input is bounded in size and nesting depth. Two defects that real BPMN tools produce are
repaired with a warning instead of refused: a file that declares UTF-8 but holds Latin-1
or Windows-1252 bytes, and namespace URIs that are not valid URIs (with spaces).
Everything else that is not well-formed becomes a :class:`BpmnReadError` with one
sentence a person can act on.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from lxml import etree

from ..model.issues import Issue, Severity

#: Files larger than this are refused before parsing.
MAX_FILE_BYTES = 50 * 1024 * 1024
#: libxml2's own limit without ``huge_tree``; we report it in our words.
MAX_DEPTH = 256


class BpmnReadError(Exception):
    """The input cannot be read as BPMN; ``str(error)`` is one human sentence (English).

    ``code`` says what kind of problem it is, for an interface that words it in its own
    language: ``too-large``, ``empty``, ``not-xml``, ``unsafe-doctype``, ``too-deep``,
    ``truncated``, ``no-document``, ``malformed`` (not well-formed XML), ``not-bpmn-2``
    (BPMN 1.x, XPDL, drafts), ``not-bpmn`` (other XML), ``not-found``, ``is-folder``,
    ``permission-denied`` and ``unreadable`` (any other failure to read the file).
    """

    def __init__(self, message: str, code: str = "unreadable") -> None:
        super().__init__(message)
        self.code = code


@dataclass
class ParsedXml:
    """The parsed root element and what had to be repaired on the way."""

    root: etree._Element
    issues: list[Issue] = field(default_factory=list)


_ENCODING_ERROR_CODES = {
    etree.ErrorTypes.ERR_INVALID_CHAR,
    etree.ErrorTypes.ERR_INVALID_ENCODING,
    etree.ErrorTypes.ERR_UNKNOWN_ENCODING,
}


def _latin1_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as Windows-1252 (Latin-1 where 1252 has a hole)."""
    chunk = error.object[error.start : error.end]
    return "".join(_decode_single_byte(b) for b in chunk), error.end


def _decode_single_byte(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


codecs.register_error("process_mapper_latin1", _latin1_fallback)


class _RefuseExternal(etree.Resolver):
    """Answers every request for an external resource (DTD, entity) with nothing."""

    def resolve(self, system_url: str, public_id: str, context: object) -> object:
        return self.resolve_string("", context)


def _new_parser() -> etree.XMLParser:
    # lxml keeps a thread-wide error log; earlier failures must not colour this diagnosis.
    etree.clear_error_log()
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        collect_ids=False,
    )
    parser.resolvers.add(_RefuseExternal())
    return parser


_LINE_IN_MESSAGE = re.compile(r"\bline \d+")


def _syntax_error(name: str, error: etree.XMLSyntaxError, data: bytes) -> BpmnReadError:
    """The error to raise for XML that libxml2 could not parse, said in our words."""
    entry = error.error_log.last_error if error.error_log else None
    message = (entry.message if entry else str(error)).strip().rstrip(".")
    line = entry.line if entry else getattr(error, "lineno", 0)
    last_line = data.rstrip().count(b"\n") + 1
    if "Excessive depth" in message or "depth" in message.lower() and "exceed" in message.lower():
        code, reason = "too-deep", f"elements are nested more than {MAX_DEPTH} levels deep, which no BPMN file needs"
    elif "Document is empty" in message or "Start tag expected" in message:
        code, reason = "no-document", "it does not contain an XML document"
    elif line >= last_line or "Premature end of data" in message:
        code, reason = "truncated", f"the XML ends before it is complete (line {line}); the file may be truncated"
    else:
        where = "" if _LINE_IN_MESSAGE.search(message) else f" (line {line})"
        code, reason = "malformed", f"the XML is not well-formed: {message}{where}"
    return BpmnReadError(f"{name} cannot be read: {reason}", code)


def _is_encoding_problem(error: etree.XMLSyntaxError) -> bool:
    text = str(error)
    if "Invalid bytes in character encoding" in text or "not proper UTF-8" in text:
        return True
    return any(e.type in _ENCODING_ERROR_CODES for e in error.error_log)


def _is_namespace_problem(error: etree.XMLSyntaxError) -> bool:
    """Only namespace declarations are wrong (e.g. URIs with spaces); the XML is intact."""
    log = error.error_log
    last = log.last_error
    fatal = log.filter_from_level(etree.ErrorLevels.FATAL)
    return last is not None and last.domain == etree.ErrorDomains.NAMESPACE and not fatal


_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16 (and UTF-32 LE starts the same way)
_DOCTYPE_DECLARATION = re.compile(rb"<!DOCTYPE\s[^\[>]*(\[.*?\])?\s*>", re.DOTALL | re.IGNORECASE)
_NAMESPACE_DECLARATION = re.compile(rb"""(xmlns(?::[\w.-]+)?\s*=\s*)(["'])(.*?)\2""")


def check_envelope(data: bytes, name: str) -> None:
    """Refuse input that is empty, too big, binary, or has an unsafe DOCTYPE, before parsing.

    A DOCTYPE may not declare entities nor point at an external subset: BPMN never needs
    either, and both are how XML attacks reach files and memory.
    """
    if len(data) > MAX_FILE_BYTES:
        raise BpmnReadError(
            f"{name} is {len(data) / 1048576:.0f} MB; Process Mapper opens BPMN files up to "
            f"{MAX_FILE_BYTES // 1048576} MB", "too-large"
        )
    if data.startswith(_UNICODE_BOMS):
        return  # UTF-16/32 text: libxml2 reads it; the byte checks below do not apply
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if not body.strip():
        raise BpmnReadError(f"{name} is empty", "empty")
    head = body[:4096].lstrip()
    if b"\x00" in head or not head.startswith(b"<"):
        raise BpmnReadError(f"{name} is not an XML file (it does not start with '<')", "not-xml")
    start = data.find(b"<!DOCTYPE")
    if start < 0:
        start = data.find(b"<!doctype")
    if start >= 0:
        declaration = _DOCTYPE_DECLARATION.match(data, start)
        text = declaration.group(0) if declaration else data[start:]
        if declaration is None or any(word in text for word in (b"<!ENTITY", b"SYSTEM", b"PUBLIC")):
            raise BpmnReadError(
                f"{name} has a DOCTYPE that declares entities or refers to an external file; "
                "BPMN files never need one and Process Mapper refuses it for safety", "unsafe-doctype"
            )


def parse_xml(data: bytes, name: str) -> ParsedXml:
    """Parse ``data`` safely; ``name`` is how the input is called in messages.

    Raises
    ------
    BpmnReadError
        When the bytes are not a readable XML document.
    """
    check_envelope(data, name)
    issues: list[Issue] = []
    try:
        root = etree.fromstring(data, _new_parser())
    except etree.XMLSyntaxError as error:
        if _is_encoding_problem(error):
            root = _parse_repaired(data.decode("utf-8", errors="process_mapper_latin1").encode("utf-8"), name)
            issues.append(
                Issue(
                    "encoding-repaired",
                    f"{name} declares UTF-8 but contains Latin-1/Windows-1252 bytes; they were "
                    "read as such (å, ä, ö) and will be saved as proper UTF-8",
                )
            )
        elif _is_namespace_problem(error):
            root = _parse_repaired(_percent_encode_namespaces(data), name)
            issues.append(
                Issue(
                    "namespace-repaired",
                    f"{name} declares namespace URIs with spaces, which XML does not allow; "
                    "the spaces were written as %20",
                )
            )
        else:
            raise _syntax_error(name, error, data) from None
    if root is None:
        raise BpmnReadError(f"{name} cannot be read: it does not contain an XML document", "no-document")
    if root.getroottree().docinfo.internalDTD is not None:
        issues.append(Issue("doctype-ignored", f"{name} has a DOCTYPE; it was ignored", Severity.INFO))
    return ParsedXml(root, issues)


def _percent_encode_namespaces(data: bytes) -> bytes:
    """Write spaces in namespace declarations as ``%20`` (IBM Process Designer's defect)."""
    return _NAMESPACE_DECLARATION.sub(
        lambda m: m.group(1) + m.group(2) + m.group(3).replace(b" ", b"%20") + m.group(2), data
    )


def _parse_repaired(repaired: bytes, name: str) -> etree._Element:
    try:
        return etree.fromstring(repaired, _new_parser())
    except etree.XMLSyntaxError as error:
        raise _syntax_error(name, error, repaired) from None
