"""Text primitives for comparing step labels in Swedish and English (core layer, no Qt).

Labels are short ("Skicka remissbekräftelse", "Check application complete"), so the tools
here are deliberately simple and predictable:

- :func:`normalise` folds case, Unicode forms, punctuation and whitespace;
- :func:`tokenise` cuts a label into words;
- :func:`detect_language` tells Swedish from English over a whole model's labels, where
  there is enough text to decide;
- :func:`stem` reduces a word with the Snowball stemmer of its language, plus a light
  step for Swedish nominalisations (``registrering`` → ``registrer``, like ``registrera``);
- :data:`STOP_WORDS` lists function words that carry no meaning in a label;
- :func:`split_compound` cuts a Swedish compound into known words
  (``remissbekräftelse`` → ``remiss`` + ``bekräftelse``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from typing import Literal

import snowballstemmer

__all__ = [
    "LANGUAGES",
    "Language",
    "STOP_WORDS",
    "detect_language",
    "normalise",
    "split_compound",
    "stem",
    "tokenise",
]

Language = Literal["sv", "en"]
LANGUAGES: tuple[Language, ...] = ("sv", "en")

STOP_WORDS: dict[Language, frozenset[str]] = {
    "en": frozenset(
        "a an the of to for in on at by with from into over and or if is are be been being was were "
        "as it its this that these those all any each per via than then there their his her our "
        "your not no yes whether about up out".split()
    ),
    "sv": frozenset(
        "och i på av till för med om som att en ett den det de dess deras är var vara blir bli "
        "eller från vid hos under över efter före mot utan inom genom samt ej inte nej ja alla "
        "varje vilken vilket vilka sin sitt sina hans hennes vår vårt våra er ert era".split()
    ),
}
"""Function words of each language, dropped before comparing labels."""

_SNOWBALL_NAMES: dict[Language, str] = {"sv": "swedish", "en": "english"}
_WORD = re.compile(r"[^\W\d_]+|\d+")
_SWEDISH_LETTERS = re.compile(r"[åäö]")
_ENGLISH_HINTS = re.compile(r"(?:tion|ing|th|ee|oo|w)\b|\b(?:th|wh)")
_SWEDISH_HINTS = re.compile(r"(?:ning|else|are|era|ar|tt)\b|\b(?:sj|skj|stj|tj)")
#: Swedish nominalising endings that Snowball leaves alone, and what they become so that
#: the noun stems like its verb (``bedömning``/``bedöma``, ``registrering``/``registrera``).
_SWEDISH_DERIVATIONS = (("ering", "er"), ("ning", ""), ("ing", ""))
_MIN_STEM = 4


def normalise(text: str) -> str:
    """Fold a label for comparison.

    Applies Unicode NFKC (so ``ﬁ`` becomes ``fi``), case folding, turns every character
    that is not a letter or digit into a space and collapses whitespace.

    Examples
    --------
    >>> normalise("  Skicka\\nREMISS-svar! ")
    'skicka remiss svar'
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(folded))


def tokenise(text: str) -> list[str]:
    """Split ``text`` into normalised words (letters and digits; ``_`` splits too)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def detect_language(texts: Iterable[str], default: Language = "sv") -> Language:
    """Guess whether ``texts`` (a model's labels, say) are Swedish or English.

    Counts Swedish letters (å, ä, ö), stop words of each language and typical word
    endings. Short or mixed evidence falls back to ``default``.

    Parameters
    ----------
    texts : iterable of str
        The texts to judge together.
    default : {"sv", "en"}, optional
        The answer when the evidence is even.
    """
    # All texts at once: the patterns match within words, so the counts add up alike.
    folded = normalise("\n".join(texts))
    scores: dict[Language, float] = {
        "sv": 2 * len(_SWEDISH_LETTERS.findall(folded)) + 0.5 * len(_SWEDISH_HINTS.findall(folded)),
        "en": 0.5 * len(_ENGLISH_HINTS.findall(folded)),
    }
    for word in folded.split():
        for language in LANGUAGES:
            if word in STOP_WORDS[language]:
                scores[language] += 1.0
    if scores["sv"] == scores["en"]:
        return default
    return "sv" if scores["sv"] > scores["en"] else "en"


@cache
def _stemmer(language: Language) -> Callable[[str], str]:
    return snowballstemmer.stemmer(_SNOWBALL_NAMES[language]).stemWord


@lru_cache(maxsize=65536)
def stem(word: str, language: Language) -> str:
    """Return the stem of a normalised word in ``language``.

    Examples
    --------
    >>> stem("remissen", "sv"), stem("bedömning", "sv"), stem("rejected", "en")
    ('remiss', 'bedöm', 'reject')
    """
    result = _stemmer(language)(word)
    if language == "sv":
        for ending, replacement in _SWEDISH_DERIVATIONS:
            if result.endswith(ending) and len(result) - len(ending) + len(replacement) >= _MIN_STEM:
                return result[: -len(ending)] + replacement
    return result


def split_compound(
    word: str, is_known: Callable[[str], bool], min_part: int = 3, max_parts: int = 3
) -> tuple[str, ...]:
    """Split a Swedish compound into parts that ``is_known`` accepts.

    Tries every cut that leaves a known head of at least ``min_part`` letters (optionally
    followed by a linking ``s``, as in ``ankomst|s|registrering``) and a tail that is known
    or splits again. Prefers the split with the fewest parts, then the longest head. A word
    that cannot be split into known parts comes back whole (whether it is known itself
    does not matter: a known compound is still split, so that it meets its parts).

    Parameters
    ----------
    word : str
        A normalised word.
    is_known : callable
        Says whether a candidate part is a word of the vocabulary (for instance, whether
        its stem occurs in the models being compared).
    min_part : int, optional
        The shortest part accepted.
    max_parts : int, optional
        The most parts a word is cut into.

    Examples
    --------
    >>> split_compound("remissbekräftelse", {"remiss", "bekräftelse"}.__contains__)
    ('remiss', 'bekräftelse')
    """
    found = _split(word, is_known, min_part, max_parts, top=True)
    return found if found else (word,)


def _split(
    word: str, is_known: Callable[[str], bool], min_part: int, parts_left: int, top: bool = False
) -> tuple[str, ...] | None:
    if not top and len(word) >= min_part and is_known(word):
        return (word,)
    if parts_left < 2:
        return None
    best: tuple[str, ...] | None = None
    for cut in range(len(word) - min_part, min_part - 1, -1):
        head, tail = word[:cut], word[cut:]
        heads = [head]
        if head.endswith("s") and len(head) > min_part:
            heads.append(head[:-1])  # linking s: "ankomst|s|registrering" style joints
        for candidate in heads:
            if not is_known(candidate):
                continue
            rest = _split(tail, is_known, min_part, parts_left - 1)
            if rest is not None and (best is None or len(rest) + 1 < len(best)):
                best = (candidate, *rest)
    return best
