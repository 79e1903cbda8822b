"""Numbers as OPDs type them: numeric cells, or text in the Indonesian convention.

Rules (documented in docs/membaca.md):

* '.' groups thousands and ',' is the decimal mark: ``'1.300.000.000'``, ``'85,5'``,
  ``'1.234.567,89'``;
* a lone '.' followed by exactly three digits is a thousands separator (``'2.240'`` is
  2240); any other lone '.' is a decimal point (``'2.5'``, ``'0.75'``, ``'12.3456'``);
* a leading ``Rp``/``Rp.``, a trailing ``,-`` or ``%`` and spaces are dropped;
* ``''``, ``' '``, ``'-'`` and dashes are empty;
* a number that is not finite (``inf``, ``nan`` in the file) or larger than
  :data:`BATAS_ANGKA` in magnitude does not fit: :class:`AngkaTidakWajar`. Bounding every
  cell keeps every sum and ratio we compute finite.
"""

from __future__ import annotations

import math
import re

_EMPTY = {"", "-", "--", "\u2013", "\u2014"}
_RP_PREFIX = re.compile(r"^rp\.?\s*", re.IGNORECASE)
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_PLAIN = re.compile(r"^\d+(?:,\d+)?$")
_LONE_DOT = re.compile(r"^(\d*)\.(\d+)$")


BATAS_ANGKA = 1e15
"""Largest magnitude a cell may hold: Rp 1.000 triliun, far above any regional budget, and
exact in a float (below 2**53), so sums of many cells stay exact and finite."""


def adalah_strip(value: object) -> bool:
    """A cell holding only a dash ('-', '--', en or em dash): empty on purpose."""
    return isinstance(value, str) and value.replace("\u00a0", " ").strip() in _EMPTY - {""}


class BukanAngka(ValueError):
    """The text is not a number; ``teks`` holds the original text."""

    def __init__(self, teks: str) -> None:
        super().__init__(f"bukan angka: {teks!r}")
        self.teks = teks


class AngkaTidakWajar(BukanAngka):
    """A number that is not finite or larger than :data:`BATAS_ANGKA`; ``teks`` shows it.

    A subclass of :class:`BukanAngka`, so a caller that only knows that one never sees it as a
    number."""


def _besaran(value: int) -> str:
    """'1e+400' for an int too large to show or convert."""
    tanda = "-" if value < 0 else ""
    return f"{tanda}1e+{int(value.bit_length() * math.log10(2))}"


def _wajar(number: float, teks: str) -> float:
    if not math.isfinite(number) or abs(number) > BATAS_ANGKA:
        raise AngkaTidakWajar(teks)
    return number


def parse_angka(value: object) -> float | None:
    """Return the number a cell holds, ``None`` when it is empty.

    Raises :class:`BukanAngka` for text that is not a number (e.g. 'WTP', 'Ada'), and its
    subclass :class:`AngkaTidakWajar` for a number that does not fit (see the module).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise BukanAngka(str(value))
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:  # an int beyond the float range: show its order of magnitude
            raise AngkaTidakWajar(_besaran(int(value))) from None
        return _wajar(number, repr(number) if math.isfinite(number) else str(number))
    if not isinstance(value, str):
        raise BukanAngka(str(value))
    return _parse_text(value)


def _parse_text(text: str) -> float | None:
    cleaned = text.replace("\u00a0", " ").strip()
    if cleaned in _EMPTY:
        return None
    body = _RP_PREFIX.sub("", cleaned)
    body = body.removesuffix(",-").removesuffix("%").strip()
    if body in _EMPTY:
        return None  # 'Rp. -', '- %'
    number = _angka_teks(body)
    if number is None:
        raise BukanAngka(text)
    return _wajar(number, text)


def _angka_teks(body: str) -> float | None:
    sign = 1.0
    if body.startswith("-") and len(body) > 1:
        sign, body = -1.0, body[1:].strip()
    body = body.replace(" ", "")
    if (_GROUPED.match(body) and not body.startswith("0.")) or _PLAIN.match(body):
        return sign * float(body.replace(".", "").replace(",", "."))
    lone_dot = _LONE_DOT.match(body)
    if lone_dot:
        whole, fraction = lone_dot.groups()
        if len(fraction) == 3 and whole.lstrip("0"):
            return sign * float(whole + fraction)  # '2.240' = 2240, but '0.750' = 0,75
        return sign * float(body)
    return None
