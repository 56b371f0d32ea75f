"""A deadline in plain units: a number and a unit, read from and written as ISO 8601 (gui layer).

Process owners think "5 days", files say ``P5D``. :func:`plain_duration` reads the ISO
8601 durations a timer or a ``deadline`` property holds into a number of one unit, in the
unit the text was written in (``P14D`` stays 14 days, ``P2W`` 2 weeks, ``P1DT12H`` becomes
36 hours); :func:`iso_duration` writes them back. :class:`DurationEdit` shows them as a
spin box and a unit list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

#: The largest number the spin box offers.
MAX_AMOUNT = 9999
#: A number that takes the plural, for unit names without a number.
PLURAL = 2
_ISO = re.compile(r"^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")


class Unit(Enum):
    """A unit a deadline is given in, with its ISO 8601 form (``{n}`` is the number)."""

    MINUTES = "PT{n}M"
    HOURS = "PT{n}H"
    DAYS = "P{n}D"
    WEEKS = "P{n}W"
    MONTHS = "P{n}M"
    YEARS = "P{n}Y"


#: Length of the units counted in seconds.
_SECONDS = {Unit.MINUTES: 60, Unit.HOURS: 3_600, Unit.DAYS: 86_400, Unit.WEEKS: 604_800}


@dataclass(frozen=True)
class PlainDuration:
    """A whole number of one unit: ``PlainDuration(5, Unit.DAYS)`` is ``P5D``."""

    amount: int
    unit: Unit

    def iso(self) -> str:
        """The ISO 8601 text, e.g. ``P5D``."""
        return iso_duration(self.amount, self.unit)


def iso_duration(amount: int, unit: Unit) -> str:
    """``amount`` of ``unit`` in ISO 8601: ``iso_duration(5, Unit.DAYS) == "P5D"``."""
    return unit.value.format(n=amount)


def plain_duration(text: str | None) -> PlainDuration | None:
    """Read an ISO 8601 duration as a whole number of one unit.

    Parameters
    ----------
    text
        For example ``P5D``, ``P2W``, ``PT4H``, ``P1DT12H`` or ``P1Y``.

    Returns
    -------
    PlainDuration | None
        Years or months as written, otherwise the smallest unit written (exactly); None
        when the text is no ISO 8601 duration or no whole number of one of the units
        (seconds, fractions, years mixed with months or days, repeating intervals, dates,
        words). The diff counts a month as 30 days and a year as 365, so neither is
        turned into the other.
    """
    match = _ISO.match((text or "").strip())
    if match is None:
        return None
    years, months, weeks, days, hours, minutes, seconds = (int(part) if part else None for part in match.groups())
    if years is not None or months is not None:
        if sum(part is not None for part in (years, months, weeks, days, hours, minutes, seconds)) > 1:
            return None
        return PlainDuration(years, Unit.YEARS) if years is not None else PlainDuration(months or 0, Unit.MONTHS)
    written = {Unit.WEEKS: weeks, Unit.DAYS: days, Unit.HOURS: hours, Unit.MINUTES: minutes}
    total = sum((amount or 0) * _SECONDS[unit] for unit, amount in written.items()) + (seconds or 0)
    smallest = [unit for unit, amount in written.items() if amount is not None]
    if seconds is not None:
        smallest.append(Unit.MINUTES)
    unit = smallest[-1]
    if total % _SECONDS[unit]:
        return None
    return PlainDuration(total // _SECONDS[unit], unit)


class DurationEdit(QWidget):
    """A deadline as a number and a unit; 0 (shown as "None") means no deadline.

    :attr:`committed` is emitted with the ISO 8601 text (None for no deadline) when the
    user presses Enter in the number, leaves it after changing it, or picks another unit.
    """

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = QSpinBox(self)
        self.amount.setRange(0, MAX_AMOUNT)
        self.amount.setSpecialValueText(self.tr("None"))
        self.amount.setKeyboardTracking(False)
        self.amount.setAccelerated(True)
        self.unit = QComboBox(self)
        for unit in Unit:
            self.unit.addItem("", unit)
        self._name_units()
        self.unit.setCurrentIndex(self.unit.findData(Unit.DAYS))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.amount, 1)
        layout.addWidget(self.unit, 1)
        self._shown: str | None = None
        self.amount.textChanged.connect(lambda _text: self._name_units())
        self.amount.editingFinished.connect(self._commit)
        self.unit.activated.connect(lambda _index: self._commit())

    def _name_units(self) -> None:
        """Name the units in the number's grammatical number: "1 day", "5 days"."""
        text = self.amount.cleanText()
        count = int(text) if text.isdigit() and int(text) > 0 else PLURAL  # "None" reads best with the plural
        names = {
            Unit.MINUTES: self.tr("minute(s)", "", count),
            Unit.HOURS: self.tr("hour(s)", "", count),
            Unit.DAYS: self.tr("day(s)", "", count),
            Unit.WEEKS: self.tr("week(s)", "", count),
            Unit.MONTHS: self.tr("month(s)", "", count),
            Unit.YEARS: self.tr("year(s)", "", count),
        }
        for index in range(self.unit.count()):
            self.unit.setItemText(index, names[self.unit.itemData(index)])

    def set_duration(self, text: str | None) -> None:
        """Show ``text`` (an ISO 8601 duration, None for none) without committing it.

        A deadline that is no whole number of one unit shows as "None", with the text
        in the tooltip; choosing a number replaces it.
        """
        self._shown = text
        plain = plain_duration(text)
        for widget in (self.amount, self.unit):
            widget.blockSignals(True)
        self.amount.setValue(plain.amount if plain is not None else 0)
        if plain is not None:
            self.unit.setCurrentIndex(self.unit.findData(plain.unit))
        for widget in (self.amount, self.unit):
            widget.blockSignals(False)
        self._name_units()
        if text and plain is None:
            self.setToolTip(self.tr("The deadline is written as “{text}”.").format(text=text))
        else:
            self.setToolTip("")

    def duration(self) -> str | None:
        """The deadline shown, in ISO 8601 (None for none)."""
        amount = self.amount.value()
        if amount == 0:  # "None" also stands for a deadline that is no number of one unit: it stays
            return self._shown if self._shown and plain_duration(self._shown) is None else None
        return iso_duration(amount, self.unit.currentData())

    def _commit(self) -> None:
        value = self.duration()
        if value != self._shown:
            self._shown = value
            self.committed.emit(value)
