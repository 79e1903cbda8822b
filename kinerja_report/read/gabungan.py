"""Merged ranges read from the sheets' XML, so that openpyxl need not format them.

openpyxl, loading a sheet, gives every cell on the edge of a merged range the border of its
top-left cell (``MergedCellRange.format``, through its style tables): 43 % of the time it took
to read the sample's 61 workbooks, for borders the readers never look at (issue 25). So the
``<mergeCells>`` element is taken out of each worksheet's XML before openpyxl loads the
workbook (a copy in memory, its members stored uncompressed), its ranges are kept here, and
:func:`~kinerja_report.read.sheet.lembar_dari_worksheet` does what openpyxl does with them
besides the borders: the cells of a range other than its top-left keep no value.

A workbook whose sheets cannot be found from its relationships, or with a member that cannot
be read (encrypted, corrupt, compressed in a way zipfile does not know), is loaded as it is:
openpyxl then reads only the members it needs, as before.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import BinaryIO

from kinerja_report.read.rumus import TidakDitemukan, bagian_lembar

_AWALAN = rb"(?:[A-Za-z_][\w.-]*:)?"
_GABUNGAN = re.compile(
    rb"<" + _AWALAN + rb"mergeCells\b[^>]*?(?:/>|>.*?</" + _AWALAN + rb"mergeCells\s*>)", re.S
)
_RENTANG = re.compile(rb"<" + _AWALAN + rb"mergeCell\b[^>]*?\bref\s*=\s*[\"']([^\"']*)[\"']")


def tanpa_gabungan(handle: BinaryIO) -> tuple[bytes, dict[str, tuple[str, ...]]] | None:
    """The workbook in ``handle`` without its sheets' ``<mergeCells>`` (a zip in memory) and
    each sheet's merged ranges in the order of its XML; None when its sheets cannot be found
    (then openpyxl loads it as it is)."""
    with zipfile.ZipFile(handle) as arsip:
        try:
            bagian = bagian_lembar(arsip)
        except TidakDitemukan:
            return None
        judul = {anggota: nama for nama, anggota in bagian.items()}
        gabungan: dict[str, tuple[str, ...]] = {}
        salinan = io.BytesIO()
        with zipfile.ZipFile(salinan, "w", zipfile.ZIP_STORED, allowZip64=True) as baru:
            for info in arsip.infolist():
                try:
                    isi = arsip.read(info)
                except (zipfile.BadZipFile, RuntimeError, NotImplementedError):
                    return None  # a member openpyxl may never read (encrypted, corrupt)
                if info.filename in judul:
                    rentang = [
                        ref.decode("utf-8")
                        for blok in _GABUNGAN.findall(isi)
                        for ref in _RENTANG.findall(blok)
                    ]
                    gabungan[judul[info.filename]] = tuple(rentang)
                    if rentang:
                        isi = _GABUNGAN.sub(b"", isi)
                baru.writestr(info.filename, isi)
    return salinan.getvalue(), gabungan
