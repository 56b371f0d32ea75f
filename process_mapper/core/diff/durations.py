"""Time limits as the diff compares them: ISO 8601 durations and plain wording (core layer, no Qt).

A standard says "within 14 days" in many ways: a timer's ``P14D`` or ``P2W``, a
``deadline`` property of ``P14D``, ``14 dagar`` or ``two weeks``. :func:`parse_duration`
turns each into a :class:`Duration`, and equal durations compare equal however they were
written. Conventions, chosen so that comparisons stay predictable:

- a month counts as 30 days and a year as 365 days (``P1M`` equals ``P30D``);
- working days ("5 arbetsdagar", "5 working days") are a unit of their own: 5 working
  days are *not* 5 calendar days, so the two differ. For ordering, a working day weighs
  7/5 of a day, so "5 working days" is longer than "P5D" and equal in length to ``P7D``;
- "samma dag"/"same day" is one day, "samma arbetsdag"/"same working day" one working day;
- a repeating interval (``R/P1W``, "varje vecka", "weekly") is a cycle: its period is the
  duration and :attr:`Duration.cycle` is True;
- text that states no duration (``${dueDate}``, "tisdag") gives None.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Duration", "parse_duration"]

DAY = 86_400.0
WORKING_DAY_WEIGHT = 7 / 5
_ISO_UNITS = {"Y": 365 * DAY, "M": 30 * DAY, "W": 7 * DAY, "D": DAY}
_ISO_TIME_UNITS = {"H": 3_600.0, "M": 60.0, "S": 1.0}
_ISO = re.compile(
    r"^(?:R\d*/)?P(?!$)((?:\d+(?:[.,]\d+)?[YMWD])*)(?:T((?:\d+(?:[.,]\d+)?[HMS])+))?$"
)
_ISO_PART = re.compile(r"(\d+(?:[.,]\d+)?)([YMWDHS])")
#: Spoken units (normalised words) and their length in seconds; "working" units are marked.
_WORD_UNITS: dict[str, tuple[float, bool]] = {
    **dict.fromkeys(("sekund", "sekunder", "second", "seconds", "s"), (1.0, False)),
    **dict.fromkeys(("minut", "minuter", "minute", "minutes", "min"), (60.0, False)),
    **dict.fromkeys(("timme", "timmar", "hour", "hours", "h", "tim"), (3_600.0, False)),
    **dict.fromkeys(("dag", "dagar", "dygn", "day", "days", "d", "kalenderdag", "kalenderdagar"), (DAY, False)),
    **dict.fromkeys(("arbetsdag", "arbetsdagar", "vardag", "vardagar"), (DAY, True)),
    **dict.fromkeys(("vecka", "veckor", "veckan", "week", "weeks", "v"), (7 * DAY, False)),
    **dict.fromkeys(("månad", "månader", "month", "months"), (30 * DAY, False)),
    **dict.fromkeys(("år", "year", "years"), (365 * DAY, False)),
}
_NUMBER_WORDS = {
    "en": 1, "ett": 1, "one": 1, "a": 1, "två": 2, "two": 2, "tre": 3, "three": 3, "fyra": 4, "four": 4,
    "fem": 5, "five": 5, "sex": 6, "six": 6, "sju": 7, "seven": 7, "åtta": 8, "eight": 8, "nio": 9,
    "nine": 9, "tio": 10, "ten": 10, "fjorton": 14, "fourteen": 14, "trettio": 30, "thirty": 30,
}
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+")
_QUALIFIERS = {"working": True, "business": True, "calendar": False}
_SAME_DAY = re.compile(r"\b(?:samma|same)\s+(arbetsdag|working day|business day|dag|day)\b")
_CYCLE = re.compile(r"\b(?:varje|every|each|per)\s+(\w+)\b|\b(dagligen|daily|veckovis|weekly|månadsvis|monthly)\b")
_CYCLE_WORDS = {"dagligen": "dag", "daily": "dag", "veckovis": "vecka", "weekly": "vecka",
                "månadsvis": "månad", "monthly": "månad"}


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time, as the diff compares it.

    Attributes
    ----------
    seconds : float
        The length; for working days, the number of working days times one day.
    working_days : bool
        True when counted in working days rather than calendar time.
    cycle : bool
        True for a repeating interval (the length is its period).
    """

    seconds: float
    working_days: bool = False
    cycle: bool = False

    @property
    def calendar_seconds(self) -> float:
        """The length in calendar time, a working day weighing 7/5 of a day (for ordering)."""
        return self.seconds * WORKING_DAY_WEIGHT if self.working_days else self.seconds

    def describe(self, language: str = "en") -> str:
        """A short wording such as ``14 dagar`` or ``2 hours`` (``language`` ``sv`` or ``en``)."""
        units = _DESCRIBE_SV if language == "sv" else _DESCRIBE_EN
        if self.working_days:
            value, names = self.seconds / DAY, units["working"]
        else:
            value, names = self.seconds, units["seconds"]
            for size, unit in ((7 * DAY, "week"), (DAY, "day"), (3_600.0, "hour"), (60.0, "minute")):
                if self.seconds >= size and self.seconds % size == 0:
                    value, names = self.seconds / size, units[unit]
                    break
        if self.cycle and value == 1:
            return f"{units['every']} {names[0]}"
        text = f"{value:g} {names[0] if value == 1 else names[1]}"
        return f"{units['cycle']} {text}" if self.cycle else text


_DESCRIBE_EN = {"working": ("working day", "working days"), "seconds": ("second", "seconds"),
                "week": ("week", "weeks"), "day": ("day", "days"), "hour": ("hour", "hours"),
                "minute": ("minute", "minutes"), "cycle": "every", "every": "every"}
_DESCRIBE_SV = {"working": ("arbetsdag", "arbetsdagar"), "seconds": ("sekund", "sekunder"),
                "week": ("vecka", "veckor"), "day": ("dag", "dagar"), "hour": ("timme", "timmar"),
                "minute": ("minut", "minuter"), "cycle": "var", "every": "varje"}


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _parse_iso(text: str) -> Duration | None:
    found = _ISO.match(text.strip().upper())
    if found is None:
        return None
    seconds = sum(_number(n) * _ISO_UNITS[u] for n, u in _ISO_PART.findall(found.group(1) or ""))
    seconds += sum(_number(n) * _ISO_TIME_UNITS[u] for n, u in _ISO_PART.findall(found.group(2) or ""))
    return Duration(seconds, cycle=text.strip().upper().startswith("R"))


def _parse_words(text: str) -> Duration | None:
    words = _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())
    folded = " ".join(words)
    same_day = _SAME_DAY.search(folded)
    if same_day:
        return Duration(DAY, working_days=same_day.group(1) not in ("dag", "day"))
    cycle = _CYCLE.search(folded)
    for position, word in enumerate(words):
        unit = _WORD_UNITS.get(word)
        if unit is None or position == 0:
            continue
        working = unit[1]
        amount_at = position - 1
        if words[amount_at] in _QUALIFIERS:
            working = working or _QUALIFIERS[words[amount_at]]
            amount_at -= 1
        if amount_at < 0:
            continue
        amount_word = words[amount_at]
        if amount_word[0].isdigit():
            amount = _number(amount_word)
        elif amount_word in _NUMBER_WORDS:
            amount = float(_NUMBER_WORDS[amount_word])
        else:
            continue
        return Duration(amount * unit[0], working_days=working)
    if cycle:
        unit_word = cycle.group(1) or _CYCLE_WORDS[cycle.group(2)]
        unit = _WORD_UNITS.get(unit_word)
        if unit is not None:
            return Duration(unit[0], working_days=unit[1], cycle=True)
    return None


def parse_duration(text: str | None) -> Duration | None:
    """Read a duration written as ISO 8601 or in Swedish or English words.

    Parameters
    ----------
    text : str or None
        For example ``P14D``, ``PT8H``, ``R/P1W``, ``3 dagar``, ``5 arbetsdagar`` or
        ``Ingen komplettering inom 14 dagar``.

    Returns
    -------
    Duration or None
        None when the text states no duration.

    Examples
    --------
    >>> parse_duration("P2W") == parse_duration("14 dagar") == parse_duration("P14D")
    True
    >>> parse_duration("5 arbetsdagar") == parse_duration("P5D")
    False
    """
    if not text or not text.strip():
        return None
    return _parse_iso(text) or _parse_words(text)
