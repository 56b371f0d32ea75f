"""The comparison file (``.pmcompare``): save a comparison and open it again (core layer, no Qt).

The file is UTF-8 JSON in the form documented in ``docs/comparison-file.md``: the two
compared files' identities (path relative to the comparison file where there is one, and
absolute), the links, the unlinks and the workshop decisions. It is written atomically.

Opening (:func:`load_comparison`) finds each BPMN file at its relative path, else at its
absolute path, reads it, notes whether it changed (another SHA-256) or moved, and diffs
again; decisions and links that no longer fit are kept and listed
(:attr:`.Comparison.unplaced_decisions`, :attr:`.Comparison.unplaced_links`). Anything
that is not a readable comparison file gives a :class:`~.errors.ComparisonFileError`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import Any, TypeVar

from ..diff import Category, ChangeSeverity, Thesaurus
from ..model import BpmnDocument
from ..xmlio import atomic_write_bytes
from .decisions import Decision, WorkshopDecision
from .errors import ComparisonFileError, Side, side_name
from .identity import FileIdentity, read_side
from .session import Comparison, ComparisonRecord, FileStatus, Link

__all__ = ["FORMAT", "SUFFIX", "VERSION", "load_comparison", "record_from_json", "record_to_json", "save_comparison"]

FORMAT = "process-mapper-comparison"
#: ``major.minor``: readers accept any minor version of their major version.
VERSION = "1.0"
SUFFIX = ".pmcompare"
#: A comparison file holds text and ids; anything larger is not one.
MAX_FILE_BYTES = 20 * 1024 * 1024

T = TypeVar("T")


# --- writing ------------------------------------------------------------------------------------


def _relative(path: Path, folder: Path) -> str | None:
    try:
        return PurePath(os.path.relpath(path, folder)).as_posix()
    except ValueError:  # another drive (Windows): no relative path
        return None


def _identity_json(identity: FileIdentity, folder: Path) -> dict[str, Any]:
    return {
        "path": _relative(identity.path, folder),
        "absolute_path": str(identity.path),
        "sha256": identity.sha256,
        "size": identity.size,
        "identifier": identity.identifier,
        "version": identity.version,
        "title": identity.title,
        "process_name": identity.process_name,
    }


def _decision_json(decision: WorkshopDecision) -> dict[str, Any]:
    return {
        "change": decision.change_id,
        "decision": decision.decision.value,
        "justification": decision.justification,
        "owner": decision.owner,
        "due_date": decision.due_date.isoformat() if decision.due_date else None,
        "comment": decision.comment,
        "updated": decision.updated.isoformat(),
        "category": decision.category.value,
        "severity": decision.severity.value,
        "standard_elements": list(decision.standard_elements),
        "local_elements": list(decision.local_elements),
        "summary": {"sv": decision.summary["sv"], "en": decision.summary["en"]},
    }


def record_to_json(record: ComparisonRecord, folder: Path) -> dict[str, Any]:
    """Plain data in the documented form; relative paths are taken from ``folder``.

    Parameters
    ----------
    record : ComparisonRecord
        What to save.
    folder : Path
        The folder of the comparison file.
    """
    folder = folder.resolve()
    return {
        "format": FORMAT,
        "version": VERSION,
        "standard": _identity_json(record.standard, folder),
        "local": _identity_json(record.local, folder),
        "links": [{"standard": a, "local": b} for a, b in record.links],
        "unlinks": [{"standard": a, "local": b} for a, b in record.unlinks],
        "decisions": [_decision_json(d) for d in record.decisions],
    }


def save_comparison(comparison: Comparison, path: Path) -> None:
    """Write ``comparison`` to ``path`` atomically and remember ``path`` as its file.

    Raises
    ------
    ComparisonFileError
        When the file cannot be written.
    """
    path = Path(path).resolve()
    text = json.dumps(record_to_json(comparison.record, path.parent), ensure_ascii=False, indent=2) + "\n"
    try:
        atomic_write_bytes(path, text.encode("utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        raise ComparisonFileError({"sv": f"Det går inte att spara {path}: {reason}.",
                                   "en": f"Cannot save {path}: {reason}."}) from None
    comparison.path = path


# --- reading ------------------------------------------------------------------------------------


class _Reader:
    """Checks the parts of a parsed comparison file, with messages that say where it is damaged."""

    def __init__(self, name: str) -> None:
        self.name = name

    def damaged(self, where: str, problem_sv: str, problem_en: str) -> ComparisonFileError:
        return ComparisonFileError({"sv": f"{self.name} är skadad: {where} {problem_sv}.",
                                    "en": f"{self.name} is damaged: {where} {problem_en}."})

    def get(self, data: dict[str, Any], key: str, kind: type[T], where: str) -> T:
        if key not in data:
            raise self.damaged(f"{where}.{key}" if where else key, "saknas", "is missing")
        value = data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            wanted = {str: ("ingen text", "is not text"), int: ("inget heltal", "is not a whole number"),
                      list: ("ingen lista", "is not a list"), dict: ("inget objekt", "is not an object")}[kind]
            raise self.damaged(f"{where}.{key}" if where else key, *wanted)
        return value

    def optional_text(self, data: dict[str, Any], key: str, where: str) -> str | None:
        if data.get(key) is None:
            return None
        return self.get(data, key, str, where)

    def texts(self, data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        values = self.get(data, key, list, where)
        if not all(isinstance(value, str) for value in values):
            raise self.damaged(f"{where}.{key}", "innehåller annat än text", "holds something other than text")
        return tuple(values)

    def parsed(self, text: str, parse: Callable[[str], T], where: str, format_sv: str, format_en: str) -> T:
        try:
            return parse(text)
        except ValueError:
            raise self.damaged(where, f"är inte {format_sv}: {text!r}", f"is not {format_en}: {text!r}") from None

    def identity(self, data: dict[str, Any], side: Side) -> tuple[FileIdentity, str | None]:
        part = self.get(data, side, dict, "")
        absolute = self.get(part, "absolute_path", str, side)
        identity = FileIdentity(
            path=Path(absolute),
            sha256=self.get(part, "sha256", str, side),
            size=self.get(part, "size", int, side),
            identifier=self.get(part, "identifier", str, side),
            version=self.get(part, "version", str, side),
            title=self.get(part, "title", str, side),
            process_name=self.get(part, "process_name", str, side),
        )
        return identity, self.optional_text(part, "path", side)

    def pairs(self, data: dict[str, Any], key: str) -> tuple[Link, ...]:
        rows = self.get(data, key, list, "")
        pairs = []
        for n, row in enumerate(rows):
            where = f"{key}[{n}]"
            if not isinstance(row, dict):
                raise self.damaged(where, "är inget objekt", "is not an object")
            pairs.append((self.get(row, "standard", str, where), self.get(row, "local", str, where)))
        return tuple(pairs)

    def decision(self, row: Any, where: str) -> WorkshopDecision:
        if not isinstance(row, dict):
            raise self.damaged(where, "är inget objekt", "is not an object")
        summary = self.get(row, "summary", dict, where)
        due = self.optional_text(row, "due_date", where)
        try:
            return WorkshopDecision(
                change_id=self.get(row, "change", str, where),
                decision=self.parsed(self.get(row, "decision", str, where), Decision, f"{where}.decision",
                                     "ett känt beslut", "a known decision"),
                justification=self.get(row, "justification", str, where),
                owner=self.get(row, "owner", str, where),
                due_date=None if due is None else self.parsed(due, date.fromisoformat, f"{where}.due_date",
                                                              "ett datum (ÅÅÅÅ-MM-DD)", "a date (YYYY-MM-DD)"),
                comment=self.get(row, "comment", str, where),
                updated=self.parsed(self.get(row, "updated", str, where), datetime.fromisoformat,
                                    f"{where}.updated", "en tidpunkt (ISO 8601)", "a time (ISO 8601)"),
                category=self.parsed(self.get(row, "category", str, where), Category, f"{where}.category",
                                     "en känd kategori", "a known category"),
                severity=self.parsed(self.get(row, "severity", str, where), ChangeSeverity, f"{where}.severity",
                                     "en känd allvarlighetsgrad", "a known severity"),
                standard_elements=self.texts(row, "standard_elements", where),
                local_elements=self.texts(row, "local_elements", where),
                summary={language: self.get(summary, language, str, f"{where}.summary") for language in ("sv", "en")},
            )
        except ValueError:
            raise self.damaged(where, "behåller en lokal avvikelse utan motivering",
                               "keeps a local deviation without a justification") from None


def record_from_json(data: Any, name: str) -> tuple[ComparisonRecord, dict[Side, str | None]]:
    """The record in parsed comparison-file data, and each side's relative path (None if none).

    Parameters
    ----------
    data : Any
        The parsed JSON.
    name : str
        How messages name the file.

    Raises
    ------
    ComparisonFileError
        When ``data`` is not a comparison of a version this reader understands, or is damaged.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ComparisonFileError({"sv": f"{name} är ingen jämförelsefil från Process Mapper.",
                                   "en": f"{name} is not a Process Mapper comparison file."})
    version = data.get("version")
    if not isinstance(version, str) or version.split(".")[0] != VERSION.split(".")[0]:
        raise ComparisonFileError({
            "sv": f"{name} har version {version} av jämförelseformatet; den här versionen av Process Mapper "
                  f"läser version {VERSION.split('.')[0]}.x.",
            "en": f"{name} is in version {version} of the comparison format; this version of Process Mapper "
                  f"reads version {VERSION.split('.')[0]}.x.",
        })
    reader = _Reader(name)
    standard, standard_path = reader.identity(data, "standard")
    local, local_path = reader.identity(data, "local")
    decisions = [reader.decision(row, f"decisions[{n}]")
                 for n, row in enumerate(reader.get(data, "decisions", list, ""))]
    seen: set[str] = set()
    for decision in decisions:
        if decision.change_id in seen:
            raise reader.damaged("decisions", f"har två beslut om {decision.change_id}",
                                 f"has two decisions on {decision.change_id}")
        seen.add(decision.change_id)
    links, unlinks = reader.pairs(data, "links"), reader.pairs(data, "unlinks")
    both = next((pair for pair in links if pair in unlinks), None)
    if both is not None:
        raise reader.damaged("links", f"och unlinks har båda paret {both[0]}–{both[1]}",
                             f"and unlinks both hold the pair {both[0]}–{both[1]}")
    record = ComparisonRecord(standard, local, links, unlinks, tuple(sorted(decisions, key=lambda d: d.change_id)))
    return record, {"standard": standard_path, "local": local_path}


def _read_json(path: Path) -> Any:
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ComparisonFileError({
                "sv": f"{name} är {size // 1048576} MB, för stor för att vara en jämförelsefil.",
                "en": f"{name} is {size // 1048576} MB, too large to be a comparison file."})
        data = path.read_bytes()
    except FileNotFoundError:
        raise ComparisonFileError({"sv": f"Jämförelsefilen {path} finns inte.",
                                   "en": f"The comparison file {path} does not exist."}) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ComparisonFileError({"sv": f"Det går inte att öppna {path}: {reason}.",
                                   "en": f"Cannot open {path}: {reason}."}) from None
    if not data.strip():
        raise ComparisonFileError({"sv": f"{name} är tom.", "en": f"{name} is empty."})
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ComparisonFileError({"sv": f"{name} är ingen jämförelsefil: den är inte UTF-8-text.",
                                   "en": f"{name} is not a comparison file: it is not UTF-8 text."}) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ComparisonFileError({
            "sv": f"{name} är ingen läsbar jämförelsefil: ogiltig JSON på rad {error.lineno}, kolumn {error.colno}.",
            "en": f"{name} is not a readable comparison file: invalid JSON at line {error.lineno}, "
                  f"column {error.colno}.",
        }) from None
    except RecursionError:
        raise ComparisonFileError({
            "sv": f"{name} är ingen läsbar jämförelsefil: för djupt nästlad JSON.",
            "en": f"{name} is not a readable comparison file: JSON nested too deeply.",
        }) from None


def _locate(side: Side, recorded: FileIdentity, relative: str | None, folder: Path, override: Path | None) -> Path:
    if override is not None:
        return Path(override)
    candidates = ([folder / relative] if relative else []) + [recorded.path]
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        places = " / ".join(str(c) for c in dict.fromkeys(candidates))
        label = recorded.path.name
        raise ComparisonFileError({
            "sv": f"Hittar inte {side_name(side, 'sv')} {label}: den finns inte på {places}. "
                  "Den kan ha flyttats eller tagits bort.",
            "en": f"Cannot find {side_name(side, 'en')} {label}: it is not at {places}. "
                  "It may have been moved or deleted.",
        }, side)
    return found


def load_comparison(
    path: Path,
    *,
    thesaurus: Thesaurus | None = None,
    standard: Path | None = None,
    local: Path | None = None,
) -> Comparison:
    """Open a comparison file: find and read both BPMN files and diff them again.

    Parameters
    ----------
    path : Path
        The ``.pmcompare`` file.
    thesaurus : Thesaurus or None
        For the matcher; None reads the shipped thesaurus.
    standard, local : Path or None
        Where to read that side from instead of its recorded place (after the user
        located a file the comparison could not find).

    Returns
    -------
    Comparison
        With :attr:`~.Comparison.file_status` telling which file changed or moved.

    Raises
    ------
    ComparisonFileError
        When the file is not a readable comparison file, or a BPMN file cannot be found
        or read (:attr:`~.ComparisonFileError.side` then says which).
    """
    path = Path(path).resolve()
    record, relative = record_from_json(_read_json(path), path.name)
    overrides: dict[Side, Path | None] = {"standard": standard, "local": local}
    sides: dict[Side, tuple[BpmnDocument, FileIdentity]] = {}
    statuses = []
    recorded_sides: tuple[tuple[Side, FileIdentity], ...] = (("standard", record.standard), ("local", record.local))
    for side, recorded in recorded_sides:
        found = _locate(side, recorded, relative[side], path.parent, overrides[side])
        document, identity = read_side(found, side)
        sides[side] = (document, identity)
        statuses.append(FileStatus(side, identity.sha256 != recorded.sha256, identity.path != recorded.path, recorded))
    comparison = Comparison(sides["standard"], sides["local"], links=record.links, unlinks=record.unlinks,
                            decisions=record.decisions, thesaurus=thesaurus)
    comparison.path = path
    comparison.file_status = tuple(statuses)
    return comparison
