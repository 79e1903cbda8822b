"""Which cells of a workbook hold a formula, read from the sheets' XML.

The values come from openpyxl's reading with ``data_only`` (the values Excel cached); a
formula cell whose cached value is empty was never recalculated, which the reader reports.
openpyxl can give either the values or the formulas of one loading, so the formulas took a
second, read-only loading of the whole workbook, a quarter of a workbook's reading time (issue
25). Here each sheet's XML is streamed once and only the ``<c>`` elements are looked at: a
cell is a formula cell when it has an ``<f>`` child that is not an array or data-table
formula, which is when openpyxl's read-only value is a text starting with "=". Two things
differ, both on openpyxl's side of right: a text cell whose text starts with "=" is no
formula here (it was one for the read-only value), and rows out of order are all seen (the
read-only reading stopped at the first row past the extent).

The XML is parsed by :mod:`defusedxml`, as openpyxl parses it: no entity is expanded. A part
that cannot be parsed so is left to openpyxl's own reading (:class:`TidakDitemukan`).
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from typing import IO, BinaryIO
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

_UTAMA = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELASI = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PAKET = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_JENIS_LEMBAR = _RELASI + "/worksheet"
_BUKAN_RUMUS_TEKS = {"array", "dataTable"}
"""Formula kinds openpyxl gives as objects, not as a text starting with "="."""


class TidakDitemukan(Exception):
    """A sheet's XML part could not be found from the workbook's relationships, or parsed."""


def rumus_paket(
    handle: BinaryIO, luas: dict[str, tuple[int, int]]
) -> dict[str, frozenset[tuple[int, int]]]:
    """The formula cells (row, column) of each sheet named in ``luas``, within its extent
    (rows, columns: the cells openpyxl's ``iter_rows(max_row, max_col)`` gives)."""
    with zipfile.ZipFile(handle) as arsip:
        bagian = bagian_lembar(arsip)
        hasil = {}
        for judul, (baris, kolom) in luas.items():
            if not baris:
                continue
            if judul not in bagian:
                raise TidakDitemukan(judul)
            try:
                with arsip.open(bagian[judul]) as xml:
                    hasil[judul] = frozenset(
                        (r, c) for r, c in _sel_rumus(xml) if r <= baris and c <= kolom
                    )
            except (ParseError, DefusedXmlException, ValueError) as exc:
                raise TidakDitemukan(judul) from exc  # openpyxl's own pass says what is wrong
        return hasil


def bagian_lembar(arsip: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's name and the zip member holding its XML (xl/workbook.xml's sheets
    and their relationships; member names matched regardless of case, as Excel does)."""
    try:
        return _bagian_lembar(arsip)
    except (ParseError, DefusedXmlException) as exc:
        # openpyxl reads these two parts with lxml, which takes a DOCTYPE without expanding
        # its entities: its own loading decides
        raise TidakDitemukan("xl/workbook.xml") from exc


def _bagian_lembar(arsip: zipfile.ZipFile) -> dict[str, str]:
    anggota = {nama.lower(): nama for nama in arsip.namelist()}
    buku = anggota.get("xl/workbook.xml")
    relasi = anggota.get("xl/_rels/workbook.xml.rels")
    if buku is None or relasi is None:
        raise TidakDitemukan("xl/workbook.xml")
    sasaran = {}
    with arsip.open(relasi) as xml:
        for _, el in iterparse(xml):
            if el.tag == _PAKET + "Relationship" and el.get("Type") == _JENIS_LEMBAR:
                target = el.get("Target") or ""
                if target.startswith("/"):
                    jalur = target.lstrip("/")
                else:
                    jalur = posixpath.normpath(posixpath.join("xl", target))
                sasaran[el.get("Id")] = jalur
    bagian = {}
    with arsip.open(buku) as xml:
        for _, el in iterparse(xml):
            if el.tag == _UTAMA + "sheet":
                jalur = sasaran.get(el.get(f"{{{_RELASI}}}id"))
                nama = el.get("name")
                if jalur is not None and nama is not None and jalur.lower() in anggota:
                    bagian[nama] = anggota[jalur.lower()]
    return bagian


def _sel_rumus(xml: IO[bytes]) -> Iterator[tuple[int, int]]:
    """(row, column) of every formula cell of a sheet, numbered as openpyxl numbers them
    (a row or cell without its ``r`` attribute follows the one before)."""
    from openpyxl.utils.cell import coordinate_to_tuple

    baris = kolom = 0
    for peristiwa, el in iterparse(xml, events=("start", "end")):
        if peristiwa == "start":
            if el.tag == _UTAMA + "row":
                r = el.get("r")
                baris = int(float(r)) if r is not None else baris + 1
                kolom = 0
            continue
        if el.tag == _UTAMA + "c":
            alamat = el.get("r")
            if alamat:
                letak = coordinate_to_tuple(alamat)
                kolom = letak[1]
            else:
                kolom += 1
                letak = (baris, kolom)
            rumus = el.find(_UTAMA + "f")
            if rumus is not None and rumus.get("t") not in _BUKAN_RUMUS_TEKS:
                yield letak
            el.clear()
        elif el.tag == _UTAMA + "row":
            el.clear()
