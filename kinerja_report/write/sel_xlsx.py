"""Writing a value into a cell of a workbook we produce: text stays text.

openpyxl makes a formula of any text that starts with ``=``: an indicator typed
``=HYPERLINK("http://…","Klik")`` or an uraian ``=cmd|' /C calc'!A0`` in an OPD's workbook
would come out live in the rekap or in the form Bappeda sends to every OPD. Every workbook we
write puts its cells through :func:`isi_sel`; the formulas of our own (the E.81 form's columns
13-15) are the only ones, written as such on purpose.
"""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell


def isi_sel(sel: Cell | MergedCell, nilai: object) -> None:
    """Put ``nilai`` in ``sel``; a text as text, never a formula, without the control
    characters a workbook cannot hold (old .xls files have them)."""
    if isinstance(nilai, str):
        sel.value = ILLEGAL_CHARACTERS_RE.sub("", nilai)
        sel.data_type = "s"
    else:
        sel.value = nilai  # type: ignore[assignment]
