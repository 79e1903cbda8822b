"""Opening a workbook file safely and turning its sheets into :class:`Lembar` grids."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from kinerja_report.errors import WorkbookTidakTerbaca, galat
from kinerja_report.read.sheet import Lembar, lembar_dari_worksheet

EKSTENSI_EXCEL = {".xlsx", ".xlsm"}
EKSTENSI_BELUM_DIDUKUNG = {".xls", ".ods", ".xlsb"}


def baca_lembar(path: Path, nama: str) -> list[Lembar]:
    """All sheets of the workbook at ``path``; ``nama`` is how the file is named in reports.

    Raises :class:`WorkbookTidakTerbaca` with a clear message when the file cannot be read.
    """
    suffix = path.suffix.lower()
    if suffix in EKSTENSI_BELUM_DIDUKUNG:
        raise galat(WorkbookTidakTerbaca, "format-belum-didukung", nama, format=suffix)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about unsupported extensions (data validation, slicers ...);
            # they do not change cell values.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise galat(
            WorkbookTidakTerbaca, "berkas-tidak-terbaca", nama, alasan=_alasan(exc)
        ) from exc
    try:
        return [lembar_dari_worksheet(nama, ws) for ws in workbook.worksheets]
    finally:
        workbook.close()


def _alasan(exc: Exception) -> str:
    if isinstance(exc, zipfile.BadZipFile | InvalidFileException):
        return "bukan berkas .xlsx yang utuh (rusak, terenkripsi, atau format lain)"
    if isinstance(exc, OSError):
        return f"tidak dapat dibuka ({exc.strerror or exc})"
    return str(exc) or type(exc).__name__
