"""Opening a workbook file safely and turning its sheets into :class:`Lembar` grids.

openpyxl and xlrd are imported when a workbook is opened, not with this module: a rebuild
that takes every workbook's reading from the history store never loads them (issue 25, some
0,3 s of a no-change rebuild's start)."""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from defusedxml.common import EntitiesForbidden

from kinerja_report.errors import WorkbookTidakTerbaca, alasan_isi, alasan_os, galat
from kinerja_report.read.gabungan import tanpa_gabungan
from kinerja_report.read.safety import BATAS_BAWAAN, BatasWorkbook, periksa_workbook
from kinerja_report.read.sheet import Lembar, lembar_dari_worksheet

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

EKSTENSI_EXCEL = {".xlsx", ".xlsm", ".xls"}
EKSTENSI_BELUM_DIDUKUNG = {".ods", ".xlsb"}


def baca_lembar(path: Path, nama: str, batas: BatasWorkbook = BATAS_BAWAAN) -> list[Lembar]:
    """All sheets of the workbook at ``path``; ``nama`` is how the file is named in reports.

    Raises :class:`WorkbookTidakTerbaca` with a clear message when the file cannot be read.
    """
    from openpyxl.utils.exceptions import InvalidFileException

    suffix = path.suffix.lower()
    if suffix in EKSTENSI_BELUM_DIDUKUNG:
        raise galat(WorkbookTidakTerbaca, "format-belum-didukung", nama, format=suffix)
    try:
        # Size, compression ratio and content are checked before any parser runs.
        periksa_workbook(path, nama, batas)
    except WorkbookTidakTerbaca as exc:
        if exc.masalah.kode == "format-xls-lama":
            return _baca_xls(path, nama)  # an Excel 97-2003 workbook, whatever its name
        raise
    try:
        with warnings.catch_warnings():
            # openpyxl warns about unsupported extensions (data validation, slicers ...);
            # they do not change cell values.
            warnings.simplefilter("ignore")
            with path.open("rb") as handle:
                workbook, gabungan = _muat(handle)
            try:
                tema = workbook.loaded_theme if isinstance(workbook.loaded_theme, bytes) else None
                sheets = [
                    lembar_dari_worksheet(nama, ws, tema, gabungan.get(ws.title, ()))
                    for ws in workbook.worksheets
                ]
            finally:
                workbook.close()
            formulas = _sel_rumus(path, {s.nama: (s.jumlah_baris, s.jumlah_kolom) for s in sheets})
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise galat(
            WorkbookTidakTerbaca, "berkas-tidak-terbaca", nama, alasan=_alasan(exc)
        ) from exc
    return [replace(s, rumus=formulas.get(s.nama, frozenset())) for s in sheets]


def _muat(handle: BinaryIO) -> tuple[Workbook, dict[str, tuple[str, ...]]]:
    """openpyxl's workbook of the values, loaded without its sheets' merged ranges, and those
    ranges (:mod:`kinerja_report.read.gabungan`); loaded as it is when they cannot be taken
    out, or when a sheet they were taken from is not among the loaded sheets by its name."""
    import openpyxl

    tanpa = tanpa_gabungan(handle)
    handle.seek(0)
    if tanpa is not None:
        salinan, gabungan = tanpa
        del tanpa  # the copy is dropped once loaded, before the sheets are read
        workbook = openpyxl.load_workbook(io.BytesIO(salinan), data_only=True, keep_links=False)
        del salinan
        dimuat = {ws.title for ws in workbook.worksheets}
        if all(judul in dimuat for judul, rentang in gabungan.items() if rentang):
            return workbook, gabungan
        workbook.close()
    return openpyxl.load_workbook(handle, data_only=True, keep_links=False), {}


def _baca_xls(path: Path, nama: str) -> list[Lembar]:
    import xlrd

    from kinerja_report.read.xls import lembar_xls

    try:
        return lembar_xls(path, nama)
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, OSError, ValueError, IndexError) as exc:
        if isinstance(exc, xlrd.XLRDError | xlrd.compdoc.CompDocError):
            alasan = f"isi .xls rusak atau tidak lengkap ({type(exc).__name__})"
        else:
            alasan = f".xls rusak: {alasan_isi(exc)}"
        raise galat(WorkbookTidakTerbaca, "berkas-tidak-terbaca", nama, alasan=alasan) from exc


def _sel_rumus(
    path: Path, luas: dict[str, tuple[int, int]]
) -> dict[str, frozenset[tuple[int, int]]]:
    """The formula cells of each sheet, within the extent of its values (``luas``: rows and
    columns per sheet), found by a streaming pass: a formula cell that came back empty had no
    cached value (the file was never recalculated)."""
    if not any(rows for rows, _ in luas.values()):
        return {}
    with path.open("rb") as handle:
        return _rumus_dari(handle, luas)


def _rumus_dari(
    handle: BinaryIO, luas: dict[str, tuple[int, int]]
) -> dict[str, frozenset[tuple[int, int]]]:
    """The formula cells, from the sheets' XML (:mod:`kinerja_report.read.rumus`); openpyxl's
    own reading of the formulas when a sheet's part cannot be found that way."""
    from kinerja_report.read.rumus import TidakDitemukan, rumus_paket

    try:
        return rumus_paket(handle, luas)
    except TidakDitemukan:
        handle.seek(0)
        return _rumus_openpyxl(handle, luas)


def _rumus_openpyxl(
    handle: BinaryIO, luas: dict[str, tuple[int, int]]
) -> dict[str, frozenset[tuple[int, int]]]:
    import openpyxl

    workbook = openpyxl.load_workbook(handle, read_only=True, data_only=False, keep_links=False)
    try:
        out = {}
        for ws in workbook.worksheets:
            rows, cols = luas.get(ws.title, (0, 0))
            cells: set[tuple[int, int]] = set()
            if not rows:
                continue
            for row in ws.iter_rows(max_row=rows, max_col=cols):
                for cell in row:
                    value = getattr(cell, "value", None)
                    if isinstance(value, str) and value.startswith("="):
                        cells.add((int(cell.row or 0), int(cell.column or 0)))
            out[ws.title] = frozenset(cells)
        return out
    finally:
        workbook.close()


def _alasan(exc: Exception) -> str:
    from openpyxl.utils.exceptions import InvalidFileException

    if isinstance(exc, EntitiesForbidden) or isinstance(
        exc.__cause__ or exc.__context__, EntitiesForbidden
    ):
        return "berkas berisi deklarasi entitas XML yang tidak diizinkan (berkas mencurigakan)"
    if isinstance(exc, zipfile.BadZipFile | InvalidFileException):
        return "bukan berkas .xlsx yang utuh (rusak, terenkripsi, atau format lain)"
    if isinstance(exc, OSError):
        return f"tidak dapat dibuka: {alasan_os(exc)}"
    return alasan_isi(exc)
