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

_RENTANG_TUNGGAL = rb"<mergeCell\b[^>]*?(?:/>|>\s*</mergeCell\s*>)"
_GABUNGAN = re.compile(
    rb"<mergeCells\b[^>]*?(?:/>|>(?:\s|" + _RENTANG_TUNGGAL + rb")*</mergeCells\s*>)"
)
"""The ``<mergeCells>`` element as Excel writes it: without a namespace prefix, holding only
``<mergeCell>`` elements. Linear: the body cannot run past anything else, so a part full of
unclosed ``<mergeCells>`` costs one pass, not one pass each. Any other form is left in the
XML for openpyxl."""
_RENTANG = re.compile(rb"<mergeCell\b[^>]*?\bref\s*=\s*[\"']([A-Za-z0-9:$]*)[\"']")
_LAIN = re.compile(rb"<!--|<!\[CDATA\[|<[A-Za-z_][\w.-]*:mergeCells?\b")
"""What makes a part's ranges uncertain from its text (a comment or CDATA that might hold
one, a prefixed element): such a sheet is left whole for openpyxl."""


def tanpa_gabungan(handle: BinaryIO) -> tuple[bytes, dict[str, tuple[str, ...]]] | None:
    """The workbook in ``handle`` without its sheets' ``<mergeCells>`` (a zip in memory) and
    the merged ranges taken from each sheet, in the order of its XML; None when its sheets
    cannot be matched one to one with the names openpyxl will give them, or a member cannot
    be read (then openpyxl loads it as it is, as before)."""
    with zipfile.ZipFile(handle) as arsip:
        try:
            bagian = bagian_lembar(arsip)
        except TidakDitemukan:
            return None
        if not _satu_satu(bagian):
            return None
        judul = {anggota: nama for nama, anggota in bagian.items()}
        gabungan: dict[str, tuple[str, ...]] = {}
        salinan = io.BytesIO()
        with zipfile.ZipFile(salinan, "w", zipfile.ZIP_STORED, allowZip64=True) as baru:
            for info in arsip.infolist():
                try:
                    isi = arsip.read(info)
                except Exception:  # encrypted, corrupt, compressed in an unknown way: a member
                    return None  # openpyxl may never read; it loads the file itself
                if info.filename in judul:
                    isi, rentang = _ambil_rentang(isi)
                    gabungan[judul[info.filename]] = rentang
                baru.writestr(info.filename, isi)
    return salinan.getvalue(), gabungan


def _satu_satu(bagian: dict[str, str]) -> bool:
    """Whether each sheet keeps its name in openpyxl (no two alike but for case: openpyxl
    renames the second) and has a part of its own."""
    nama = [judul.lower() for judul in bagian]
    anggota = [jalur.lower() for jalur in bagian.values()]
    return all(nama) and len(set(nama)) == len(nama) and len(set(anggota)) == len(anggota)


def _ambil_rentang(isi: bytes) -> tuple[bytes, tuple[str, ...]]:
    """The part without its one ``<mergeCells>`` and the ranges in it; the part as it is and
    no range when its ranges are not certain from its text (:data:`_LAIN`, several blocks)."""
    if _LAIN.search(isi):
        return isi, ()
    blok = _GABUNGAN.findall(isi)
    if len(blok) != 1:
        return isi, ()
    rentang = tuple(ref.decode("ascii") for ref in _RENTANG.findall(blok[0]))
    if not rentang or len(rentang) != blok[0].count(b"<mergeCell "):
        return isi, ()  # a range written some other way (an escape in ref): openpyxl's
    return _GABUNGAN.sub(b"", isi, count=1), rentang
