"""Merged ranges taken out of the sheets' XML before openpyxl loads a workbook
(read/gabungan.py): every sheet reads exactly as when openpyxl merges the ranges itself."""

from __future__ import annotations

import io
import time
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kinerja_report.read.gabungan import tanpa_gabungan
from kinerja_report.read.sheet import Lembar, lembar_dari_worksheet
from kinerja_report.read.workbook import baca_lembar
from tests.builders import ganti_di_anggota

_LEMBAR = "xl/worksheets/sheet1.xml"


def _dengan_openpyxl(path: Path) -> list[Lembar]:
    """The sheets as read before: openpyxl merging (and formatting) the ranges itself."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        buku = openpyxl.load_workbook(path, data_only=True, keep_links=False)
    try:
        tema = buku.loaded_theme if isinstance(buku.loaded_theme, bytes) else None
        return [lembar_dari_worksheet(path.name, ws, tema) for ws in buku.worksheets]
    finally:
        buku.close()


def _tanpa_rumus(lembar: list[Lembar]) -> list[Lembar]:
    from dataclasses import replace

    return [replace(item, rumus=frozenset()) for item in lembar]


def _bandingkan(path: Path) -> list[Lembar]:
    baru = baca_lembar(path, path.name)
    assert _tanpa_rumus(baru) == _dengan_openpyxl(path), path.name
    return baru


def test_workbook_nyata_sama(real_workbooks: Path) -> None:
    diperiksa = 0
    for path in sorted(real_workbooks.glob("*.xlsx")):
        if path.stat().st_size > 300_000:  # the large SIPD export has no merged range
            continue
        lembar = _bandingkan(path)
        diperiksa += any(item.asal for item in lembar)
    assert diperiksa >= 8  # workbooks with merged ranges


def test_nilai_di_dalam_rentang_dibuang_seperti_openpyxl(tmp_path: Path) -> None:
    # a value stored in a merged range's other cell (a stale one) is dropped; overlapping
    # ranges; a range past the values
    path = tmp_path / "gabung.xlsx"
    buku = openpyxl.Workbook()
    ws = buku.active
    assert ws is not None
    for baris in range(1, 7):
        for kolom in range(1, 5):
            ws.cell(baris, kolom, f"{baris}-{kolom}")
    ws["E2"] = "basi"  # in E1:E2, whose top-left cell is empty
    buku.save(path)
    xml = (
        b'<mergeCells count="5"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/>'
        b'<mergeCell ref="D5:D40"/>\n <mergeCell ref="A6:C6"></mergeCell>'
        b'<mergeCell ref="E1:E2"/></mergeCells>'
    )
    ganti_di_anggota(path, _LEMBAR, {b"</sheetData>": b"</sheetData>" + xml})
    with path.open("rb") as handle:
        hasil = tanpa_gabungan(handle)
    assert hasil is not None
    assert hasil[1] == {"Sheet": ("A1:B2", "B2:C3", "D5:D40", "A6:C6", "E1:E2")}
    assert b"mergeCell" not in zipfile.ZipFile(io.BytesIO(hasil[0])).read(_LEMBAR)
    (lembar,) = _bandingkan(path)
    assert lembar.nilai(2, 2) == "1-1"  # flattened from A1, its own value gone
    assert lembar.nilai(6, 3) == "6-1"
    assert (lembar.nilai(6, 4), lembar.asal[(6, 4)]) == ("5-4", (5, 4))  # within the extent
    assert lembar.nilai(2, 5) is None  # "basi" is not read


def _sasaran(path: Path, gabung: str | None = None) -> Path:
    """A workbook whose A1 says "Sasaran", merged over ``gabung``."""
    buku = openpyxl.Workbook()
    ws = buku.active
    assert ws is not None
    ws["A1"] = "Sasaran"
    if gabung:
        ws.merge_cells(gabung)
    buku.save(path)
    return path


def test_tanpa_rentang_dibaca_openpyxl(tmp_path: Path) -> None:
    # a <mergeCells> without a range in it is left for openpyxl
    path = _sasaran(tmp_path / "kosong.xlsx", "A1:B1")
    ganti_di_anggota(path, _LEMBAR, {b'<mergeCell ref="A1:B1"/>': b"<mergeCell/>"})
    with path.open("rb") as handle:
        hasil = tanpa_gabungan(handle)
    assert hasil is not None
    assert hasil[1] == {"Sheet": ()}
    assert b"<mergeCell/>" in zipfile.ZipFile(io.BytesIO(hasil[0])).read(_LEMBAR)


def test_lembar_tak_ditemukan_dimuat_apa_adanya(tmp_path: Path) -> None:
    # without the workbook's relationships the sheets cannot be found: loaded as it is
    path = tmp_path / "aneh.xlsx"
    buku = openpyxl.Workbook()
    buku.save(path)
    data = io.BytesIO()
    with zipfile.ZipFile(path) as asli, zipfile.ZipFile(data, "w") as baru:
        for nama in asli.namelist():
            if nama != "xl/_rels/workbook.xml.rels":
                baru.writestr(nama, asli.read(nama))
    assert tanpa_gabungan(io.BytesIO(data.getvalue())) is None


def test_anggota_tak_terbaca_dimuat_apa_adanya(tmp_path: Path) -> None:
    # a member whose content is corrupt (bad CRC) and that openpyxl never reads: the
    # workbook is loaded as it is, as before
    path = _sasaran(tmp_path / "rusak.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as arsip:
        arsip.writestr("customXml/item1.xml", b"<a>" + b"x" * 64 + b"</a>")
    data = bytearray(path.read_bytes())
    letak = data.find(b"x" * 64)
    data[letak] = ord("y")  # the stored content no longer matches its CRC
    path.write_bytes(bytes(data))
    assert tanpa_gabungan(io.BytesIO(bytes(data))) is None
    assert baca_lembar(path, path.name)[0].nilai(1, 1) == "Sasaran"


@pytest.mark.parametrize(
    "xml",
    [
        # a prefixed element, a comment, ranges in two blocks, an escape in a range
        b'<x:mergeCells xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<x:mergeCell ref="A1:B1"/></x:mergeCells>',
        b'<mergeCells><mergeCell ref="A1:B1"/></mergeCells><!-- <mergeCell ref="A2:B2"/> -->',
        b'<mergeCells><mergeCell ref="A1:B1"/></mergeCells>'
        b'<mergeCells><mergeCell ref="A2:B2"/></mergeCells>',
        b'<mergeCells><mergeCell ref="A1&#58;B1"/></mergeCells>',
    ],
)
def test_bentuk_lain_dibiarkan_untuk_openpyxl(tmp_path: Path, xml: bytes) -> None:
    path = _sasaran(tmp_path / "lain.xlsx")
    ganti_di_anggota(path, _LEMBAR, {b"</sheetData>": b"</sheetData>" + xml})
    with path.open("rb") as handle:
        hasil = tanpa_gabungan(handle)
    assert hasil is not None
    assert hasil[1] == {"Sheet": ()}
    assert xml in zipfile.ZipFile(io.BytesIO(hasil[0])).read(_LEMBAR)


def test_mergecells_tanpa_penutup_tidak_kuadratik() -> None:
    # a part full of unclosed <mergeCells>: one pass, not one pass each (a 5 KB workbook
    # of these took 1,8 s with the first expression, minutes at 1 MB)
    from kinerja_report.read.gabungan import _ambil_rentang

    isi = b"<worksheet><sheetData/>" + b"<mergeCells>" * 200_000 + b"</worksheet>"
    mulai = time.process_time()
    assert _ambil_rentang(isi) == (isi, ())
    assert time.process_time() - mulai < 5  # about 0,1 s; quadratic would be hours


def test_nama_lembar_kembar_dimuat_apa_adanya(tmp_path: Path) -> None:
    # "Data" and "DATA": openpyxl renames the second, so ranges by name would be lost
    path = tmp_path / "kembar.xlsx"
    buku = openpyxl.Workbook()
    pertama = buku.active
    assert pertama is not None
    pertama.title = "Data"
    kedua = buku.create_sheet("Lain")
    for ws in (pertama, kedua):
        ws["A1"], ws["B3"] = "Program", "Indikator"
        ws.merge_cells("A1:A3")
    buku.save(path)
    ganti_di_anggota(path, "xl/workbook.xml", {b'name="Lain"': b'name="DATA"'})
    assert tanpa_gabungan(io.BytesIO(path.read_bytes())) is None
    lembar = _bandingkan(path)
    assert [item.asal.get((3, 1)) for item in lembar] == [(1, 1), (1, 1)]
