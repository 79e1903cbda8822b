"""Formula cells read from the sheets' XML (read/rumus.py): the same cells openpyxl's
read-only loading gives as formulas, on every real workbook and on hand-made sheets of the
forms the XML may take."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kinerja_report.read.rumus import TidakDitemukan, rumus_paket
from kinerja_report.read.workbook import _rumus_dari, _rumus_openpyxl

_JENIS = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/lembar1.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="xl/workbook.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
_BUKU = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Evaluasi Renja" sheetId="1" r:id="rId7"/></sheets></workbook>"""
_RELS_BUKU = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId7" Target="{target}"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>
</Relationships>"""
_LEMBAR = """<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
{baris}</sheetData></worksheet>"""

BARIS = """
<row r="1"><c r="A1" t="str"><f>SUM(B1:C1)</f><v>3</v></c><c r="B1"><v>1</v></c></row>
<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">B2*2</f><v>4</v></c></row>
<row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c><c r="D3"><f>A3</f></c></row>
<row><c><v>1</v></c><c><f>A4+1</f><v>2</v></c><c t="array"><f t="array" ref="C4">A4</f></c></row>
<row r="6"><c r="A6"><f t="dataTable" ref="A6:B6" dt2D="0" dtr="0" r1="B1"/></c>
<c r="B6"><f>1+1</f></c><c><f>B6</f></c></row>
<row r="9"><c r="A9"><f>A1</f><v>3</v></c></row>
"""
"""Formulas plain, shared (the first with its text, the next without), array and data
table; a row without its number and cells without their address (numbered after the one
before, as openpyxl does); a formula past the extent asked for (row 9)."""


def _paket(baris: str, target: str = "worksheets/lembar1.xml", awal: str = "") -> bytes:
    """A workbook of one sheet with the rows ``baris``, its part named by ``target`` in the
    relationships; ``awal`` comes before the sheet's XML."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as arsip:
        arsip.writestr("[Content_Types].xml", _JENIS)
        arsip.writestr("_rels/.rels", _RELS)
        arsip.writestr("xl/workbook.xml", _BUKU)
        arsip.writestr("xl/_rels/workbook.xml.rels", _RELS_BUKU.format(target=target))
        arsip.writestr("xl/worksheets/lembar1.xml", awal + _LEMBAR.format(baris=baris))
    return data.getvalue()


def test_bentuk_xml_sama_dengan_openpyxl() -> None:
    paket = _paket(BARIS)
    luas = {"Evaluasi Renja": (6, 4)}
    harapan = {
        "Evaluasi Renja": frozenset({(1, 1), (2, 1), (3, 1), (3, 4), (4, 2), (6, 2), (6, 3)})
    }
    assert _rumus_openpyxl(io.BytesIO(paket), luas) == harapan
    assert rumus_paket(io.BytesIO(paket), luas) == harapan
    # a target given from the package's root
    assert rumus_paket(io.BytesIO(_paket(BARIS, "/xl/worksheets/lembar1.xml")), luas) == harapan
    assert rumus_paket(io.BytesIO(paket), {"Evaluasi Renja": (0, 0)}) == {}


def test_lembar_tak_ditemukan_dibaca_openpyxl() -> None:
    # a relationship that leads nowhere: the formulas are read by openpyxl's own loading
    # (which leaves that sheet out, as it left it out of the values)
    paket = _paket(BARIS, "worksheets/tidak-ada.xml")
    with pytest.raises(TidakDitemukan):
        rumus_paket(io.BytesIO(paket), {"Evaluasi Renja": (6, 4)})
    assert _rumus_dari(io.BytesIO(paket), {"Evaluasi Renja": (6, 4)}) == {}


def test_entitas_xml_ditolak() -> None:
    from defusedxml import EntitiesForbidden

    paket = _paket("<row r='1'/>", awal='<!DOCTYPE x [<!ENTITY e "boom">]>')
    luas = {"Evaluasi Renja": (1, 1)}
    with pytest.raises(TidakDitemukan) as info:  # left to openpyxl's own reading...
        rumus_paket(io.BytesIO(paket), luas)
    assert isinstance(info.value.__cause__, EntitiesForbidden)
    with pytest.raises(ValueError, match="could not read worksheets") as ditolak:
        _rumus_dari(io.BytesIO(paket), luas)  # ...which refuses it too
    assert isinstance(ditolak.value.__cause__ or ditolak.value.__context__, EntitiesForbidden)


def _luas(data: bytes) -> dict[str, tuple[int, int]]:
    """Each sheet's extent as its XML declares it (openpyxl's read-only dimensions: cheaper
    than loading the values, and the same cells for both readings compared)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        buku = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        return {ws.title: (ws.max_row or 0, ws.max_column or 0) for ws in buku.worksheets}
    finally:
        buku.close()


def test_semua_workbook_nyata_sama_dengan_openpyxl(real_workbooks: Path) -> None:
    diperiksa = 0
    for path in sorted(real_workbooks.glob("*.xlsx")):
        data = path.read_bytes()
        luas = _luas(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            harapan = _rumus_openpyxl(io.BytesIO(data), luas)
        assert rumus_paket(io.BytesIO(data), luas) == harapan, path.name
        diperiksa += bool(any(harapan.values()))
    assert diperiksa >= 4  # the real workbooks with formulas (four of them)
