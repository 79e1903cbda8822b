"""Indonesian number and date formats (babel, locale ``id_ID``), as docs/format.md sets.

``1.234.567,89`` for numbers, ``Rp 1.234.567`` for money, ``95,41 %`` for percentages,
``8 Juni 2022`` for dates. A value that is not finite (``inf``, ``nan``) prints as '', like
``None``: no formatter ever raises for a float, however large.
"""

from __future__ import annotations

import decimal
import math
from datetime import date
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal as _format_decimal

LOCALE = "id_ID"


def format_decimal(value: float, format: str, locale: str = LOCALE) -> str:
    """babel's format_decimal with enough decimal precision for any float (babel quantizes in
    the current decimal context: 28 digits fail for 1e22 with decimals); '' when not finite."""
    if not math.isfinite(value):
        return ""
    # remembered by value, type and sign (0.0 and -0.0 are equal keys but print '0', '-0')
    return _format_decimal_ingat(
        value, type(value).__name__, math.copysign(1, value), format, locale
    )


@lru_cache(maxsize=65536)
def _format_decimal_ingat(value: float, kelas: type, tanda: float, format: str, locale: str) -> str:
    """:func:`format_decimal` of a finite value: the same figures are printed in several
    documents of a build."""
    with decimal.localcontext() as context:
        context.prec = 400
        return _format_decimal(value, format=format, locale=locale)


def angka(value: float | None, desimal: int = 2) -> str:
    """'1.234.567,89'; at most ``desimal`` decimals, none for whole numbers; '' for None."""
    if value is None or not math.isfinite(value):
        return ""
    pattern = "#,##0" + ("." + "#" * desimal if desimal else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def angka_tetap(value: float | None, desimal: int = 2) -> str:
    """'95,40': always ``desimal`` decimals; '' for None."""
    if value is None or not math.isfinite(value):
        return ""
    pattern = "#,##0" + ("." + "0" * desimal if desimal else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def persen(value: float | None) -> str:
    """'95,41 %' (always two decimals); '' for None."""
    if value is None or not math.isfinite(value):
        return ""
    return format_decimal(value, format="#,##0.00", locale=LOCALE) + "\u00a0%"


def rupiah(value: float | None) -> str:
    """'Rp 1.234.567' (whole rupiah); '' for None."""
    if value is None or not math.isfinite(value):
        return ""
    return "Rp\u00a0" + format_decimal(round(value), format="#,##0", locale=LOCALE)


def miliar(value: float | None) -> str:
    """'Rp 12,35 miliar' (two decimals at most); '' for None."""
    if value is None or not math.isfinite(value):
        return ""
    return "Rp\u00a0" + angka(value / 1e9, 2) + "\u00a0miliar"


def tanggal(value: date) -> str:
    """'8 Juni 2022'."""
    return format_date(value, format="d MMMM y", locale=LOCALE)
