"""Synonyms and abbreviations that process owners maintain as text files (core layer, no Qt).

A thesaurus file is UTF-8 text, one entry per line::

    # Lines starting with "#" are comments; blank lines are ignored.
    # Synonyms: terms that mean the same, separated by "=". A term may be several words.
    vårdadministratör = medicinsk sekreterare = sekreterare
    remiss = referral
    # Abbreviations: the abbreviation, a colon, then what it stands for.
    BEK: remissbekräftelse

Case, punctuation and extra spaces do not matter. A term listed in two synonym lines joins
the two groups. Files are checked when they are read; every mistake is reported with its
file and line number (:class:`ThesaurusError`).

The application ships ``resources/thesaurus/*.txt``; :func:`default_thesaurus` reads
those plus any folders or files the user adds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..resources import resource_path
from .text import normalise

__all__ = [
    "Abbreviation",
    "SynonymGroup",
    "Thesaurus",
    "ThesaurusError",
    "default_thesaurus",
    "load_thesaurus",
    "parse_thesaurus",
]

THESAURUS_SUFFIX = ".txt"


class ThesaurusError(ValueError):
    """A thesaurus file has mistakes; the message lists each as ``file:line: problem``.

    Attributes
    ----------
    problems : list of str
        One ``file:line: problem`` text per mistake.
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class SynonymGroup:
    """Terms that mean the same, as normalised text, and where they were written."""

    terms: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """An abbreviation (normalised, e.g. ``bek``) and what it stands for."""

    short: str
    expansion: str
    source: str


@dataclass(frozen=True)
class Thesaurus:
    """Synonym groups and abbreviations, read from one or more files.

    Attributes
    ----------
    groups : tuple of SynonymGroup
        Every synonym line, in reading order.
    abbreviations : dict of str to Abbreviation
        Abbreviations by their normalised form.
    """

    groups: tuple[SynonymGroup, ...] = ()
    abbreviations: dict[str, Abbreviation] = field(default_factory=dict)

    def merged(self, other: Thesaurus) -> Thesaurus:
        """Both thesauri together; ``other`` wins where an abbreviation is defined twice."""
        return Thesaurus(self.groups + other.groups, {**self.abbreviations, **other.abbreviations})

    def concepts(self) -> list[tuple[frozenset[str], tuple[str, ...]]]:
        """Synonym groups with shared terms joined: ``(terms, sources)`` per concept."""
        parent: dict[str, str] = {}

        def find(term: str) -> str:
            while parent.setdefault(term, term) != term:
                parent[term] = parent[parent[term]]
                term = parent[term]
            return term

        for group in self.groups:
            for term in group.terms[1:]:
                parent[find(term)] = find(group.terms[0])
        members: dict[str, set[str]] = {}
        sources: dict[str, list[str]] = {}
        for group in self.groups:
            root = find(group.terms[0])
            members.setdefault(root, set()).update(group.terms)
            sources.setdefault(root, []).append(group.source)
        return [(frozenset(members[root]), tuple(sources[root])) for root in members]


def _parse_line(line: str, source: str, problems: list[str]) -> SynonymGroup | Abbreviation | None:
    if "=" in line:
        raw_terms = line.split("=")
        terms = [normalise(term) for term in raw_terms]
        if any(not term for term in terms):
            problems.append(f"{source}: empty term in synonym line {line!r} (two '=' in a row, or '=' at an end?)")
            return None
        unique = tuple(dict.fromkeys(terms))
        if len(unique) < 2:
            problems.append(f"{source}: a synonym line needs at least two different terms: {line!r}")
            return None
        return SynonymGroup(unique, source)
    if ":" in line:
        raw_short, _, raw_expansion = line.partition(":")
        short, expansion = normalise(raw_short), normalise(raw_expansion)
        if not short or " " in short:
            problems.append(f"{source}: an abbreviation must be one word before ':', got {raw_short.strip()!r}")
            return None
        if not expansion or expansion == short:
            problems.append(f"{source}: abbreviation {raw_short.strip()!r} needs what it stands for after ':'")
            return None
        return Abbreviation(short, expansion, source)
    problems.append(f"{source}: expected 'term = term' (synonyms) or 'ABBREVIATION: meaning', got {line!r}")
    return None


def parse_thesaurus(text: str, name: str = "<thesaurus>") -> Thesaurus:
    """Read thesaurus text; ``name`` is how messages refer to it.

    Raises
    ------
    ThesaurusError
        Listing every malformed line and every abbreviation defined twice differently.
    """
    problems: list[str] = []
    groups: list[SynonymGroup] = []
    abbreviations: dict[str, Abbreviation] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        entry = _parse_line(line, f"{name}:{number}", problems)
        if isinstance(entry, SynonymGroup):
            groups.append(entry)
        elif isinstance(entry, Abbreviation):
            earlier = abbreviations.get(entry.short)
            if earlier is not None and earlier.expansion != entry.expansion:
                problems.append(
                    f"{entry.source}: abbreviation {entry.short!r} already means "
                    f"{earlier.expansion!r} ({earlier.source})"
                )
            abbreviations.setdefault(entry.short, entry)
    if problems:
        raise ThesaurusError(problems)
    return Thesaurus(tuple(groups), abbreviations)


def _files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(path.glob(f"*{THESAURUS_SUFFIX}"))
        else:
            files.append(path)
    return files


def load_thesaurus(*paths: str | Path) -> Thesaurus:
    """Read thesaurus files, and every ``*.txt`` in the folders among ``paths``.

    Raises
    ------
    ThesaurusError
        With the problems of all files at once.
    OSError
        When a named file cannot be read.
    """
    problems: list[str] = []
    result = Thesaurus()
    for file in _files(paths):
        try:
            result = result.merged(parse_thesaurus(file.read_text(encoding="utf-8-sig"), file.name))
        except ThesaurusError as error:
            problems += error.problems
        except UnicodeDecodeError as error:
            problems.append(f"{file.name}: not UTF-8 text ({error.reason} at byte {error.start})")
    if problems:
        raise ThesaurusError(problems)
    return result


def default_thesaurus(*extra: str | Path) -> Thesaurus:
    """The shipped thesaurus (``resources/thesaurus``) plus the user's files or folders."""
    return load_thesaurus(resource_path("thesaurus"), *extra)
