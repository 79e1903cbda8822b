"""Opening a workbook file safely and turning its sheets into :class:`Lembar` grids."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import openpyxl
import xlrd
from openpyxl.utils.exceptions import InvalidFileException

from kinerja_report.errors import WorkbookTidakTerbaca, galat
from kinerja_report.read.sheet import Lembar, lembar_dari_worksheet
from kinerja_report.read.xls import lembar_xls

EKSTENSI_EXCEL = {".xlsx", ".xlsm", ".xls"}
EKSTENSI_BELUM_DIDUKUNG = {".ods", ".xlsb"}


def baca_lembar(path: Path, nama: str) -> list[Lembar]:
    """All sheets of the workbook at ``path``; ``nama`` is how the file is named in reports.

    Raises :class:`WorkbookTidakTerbaca` with a clear message when the file cannot be read.
    """
    suffix = path.suffix.lower()
    if suffix in EKSTENSI_BELUM_DIDUKUNG:
        raise galat(WorkbookTidakTerbaca, "format-belum-didukung", nama, format=suffix)
    if suffix == ".xls":
        return _baca_xls(path, nama)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about unsupported extensions (data validation, slicers ...);
            # they do not change cell values.
            warnings.simplefilter("ignore")
            formulas = _sel_rumus(path)
            workbook = openpyxl.load_workbook(path, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise galat(
            WorkbookTidakTerbaca, "berkas-tidak-terbaca", nama, alasan=_alasan(exc)
        ) from exc
    try:
        return [
            lembar_dari_worksheet(nama, ws, formulas.get(ws.title, frozenset()))
            for ws in workbook.worksheets
        ]
    finally:
        workbook.close()


def _baca_xls(path: Path, nama: str) -> list[Lembar]:
    try:
        return lembar_xls(path, nama)
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, OSError, ValueError, IndexError) as exc:
        raise galat(
            WorkbookTidakTerbaca, "berkas-tidak-terbaca", nama, alasan=f".xls rusak ({exc})"
        ) from exc


def _sel_rumus(path: Path) -> dict[str, frozenset[tuple[int, int]]]:
    """The formula cells of each sheet (a fast streaming pass over the formulas)."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    try:
        out = {}
        for ws in workbook.worksheets:
            cells: set[tuple[int, int]] = set()
            for row in ws.iter_rows():
                for cell in row:
                    value = getattr(cell, "value", None)
                    if isinstance(value, str) and value.startswith("="):
                        cells.add((int(cell.row or 0), int(cell.column or 0)))
            out[ws.title] = frozenset(cells)
        return out
    finally:
        workbook.close()


def _alasan(exc: Exception) -> str:
    if isinstance(exc, zipfile.BadZipFile | InvalidFileException):
        return "bukan berkas .xlsx yang utuh (rusak, terenkripsi, atau format lain)"
    if isinstance(exc, OSError):
        return f"tidak dapat dibuka ({exc.strerror or exc})"
    return str(exc) or type(exc).__name__
