"""The LKjIP .docx writer builds its body's XML itself (python-docx's API searches each
element's children at every add): here each helper's XML is compared with what python-docx's
API makes for the same paragraph, run, heading, table and table of contents, and the
one-pass zip with ``doc.save`` followed by ``_zip_tetap``."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime

import docx
import pytest
from docx.document import Document as DokumenWord
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from kinerja_report.compute.lkjip import DokumenLkjip
from kinerja_report.compute.lkjip_blok import DaftarIsi, Judul, Tabel
from kinerja_report.settings import Daerah
from kinerja_report.write import lkjip_docx as tulis
from kinerja_report.write.rekap_xlsx import _zip_tetap

TEKS = [
    "",
    "Satu paragraf.",
    " spasi di depan",
    "spasi di belakang ",
    "\u00a0tanpa putus",
    "A\nB",
    "baris\r\nWindows",
    "\tkolom\t\tdua",
    "\n",
    "akhir\t",
    "<tag> & \"kutip\" 'satu'",
    "Rp 1.234,56 — 99,72 %",
]
"""Texts of the drafts' kinds: empty, line breaks and tabs in a cell, spaces at an end (the
xml:space rule), characters XML escapes."""


def _body(doc: DokumenWord) -> bytes:
    return bytes(etree.tostring(doc.element.body))


def _sama(kita: DokumenWord, python_docx: DokumenWord) -> None:
    """Both bodies serialise to the same bytes, block by block (and hold something)."""
    assert len(kita.element.body) > 1  # more than the section properties
    assert _blok(kita) == _blok(python_docx)
    assert _body(kita) == _body(python_docx)


def _blok(doc: DokumenWord) -> list[bytes]:
    return [bytes(etree.tostring(e)) for e in doc.element.body]


def _akhir(doc: DokumenWord) -> tulis.BaseOxmlElement:
    return doc.element.body.sectPr


HURUF: list[tuple[tuple[tulis.Sifat, ...], Callable[[Run], None]]] = [
    ((), lambda run: None),
    ((tulis._TEBAL,), lambda run: setattr(run, "bold", True)),
    ((tulis._TIDAK_TEBAL,), lambda run: setattr(run, "bold", False)),
    ((tulis._MIRING,), lambda run: setattr(run, "italic", True)),
    ((tulis._KECIL,), lambda run: setattr(run.font, "size", Pt(8))),
    (
        (tulis._TEBAL, tulis._KECIL),
        lambda run: (setattr(run, "bold", True), setattr(run.font, "size", Pt(8))),
    ),
]


@pytest.mark.parametrize(("sifat", "atur"), HURUF)
def test_run_seperti_add_run(sifat: tuple[tulis.Sifat, ...], atur: Callable[[Run], None]) -> None:
    kita, python_docx = docx.Document(), docx.Document()
    for teks in TEKS:
        tulis._run(tulis._blok(_akhir(kita), tulis._paragraf()), teks, sifat)
        atur(python_docx.add_paragraph().add_run(teks))
    _sama(kita, python_docx)


def _rata_kanan_kutipan(p: Paragraph) -> None:  # as docx_lkjip sets a right-aligned quote
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.left_indent = Mm(10)
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


PARAGRAF: list[tuple[tuple[tulis.Sifat, ...], Callable[[Paragraph], None]]] = [
    ((), lambda p: None),
    ((tulis._RATA_KIRI_KANAN,), lambda p: setattr(p, "alignment", WD_ALIGN_PARAGRAPH.JUSTIFY)),
    ((tulis._RATA_KANAN,), lambda p: setattr(p, "alignment", WD_ALIGN_PARAGRAPH.RIGHT)),
    (
        (tulis._INDEN_KUTIPAN, tulis._RATA_KIRI_KANAN),
        lambda p: (
            setattr(p, "alignment", WD_ALIGN_PARAGRAPH.JUSTIFY),
            setattr(p.paragraph_format, "left_indent", Mm(10)),
        ),
    ),
    ((tulis._INDEN_KUTIPAN, tulis._RATA_KANAN), _rata_kanan_kutipan),
    ((tulis._INDEN_ISI,), lambda p: setattr(p.paragraph_format, "left_indent", Mm(8))),
    ((tulis._TETAP_BERSAMA,), lambda p: setattr(p.paragraph_format, "keep_with_next", True)),
]


@pytest.mark.parametrize(("sifat", "atur"), PARAGRAF)
def test_paragraf_seperti_add_paragraph(
    sifat: tuple[tulis.Sifat, ...], atur: Callable[[Paragraph], None]
) -> None:
    kita, python_docx = docx.Document(), docx.Document()
    tulis._run(tulis._blok(_akhir(kita), tulis._paragraf(sifat)), "Teks.", (tulis._MIRING,))
    p = python_docx.add_paragraph()
    p.add_run("Teks.").italic = True
    atur(p)
    _sama(kita, python_docx)


@pytest.mark.parametrize("halaman_baru", [None, True, False])
def test_judul_seperti_add_heading(halaman_baru: bool | None) -> None:
    kita, python_docx = docx.Document(), docx.Document()
    gaya = tulis._IdGaya(kita)
    for tingkat in (0, 1, 2, 3):
        for teks in ("BAB I PENDAHULUAN", "", "a\x00b", " 1.1 Bagian "):
            tulis._judul(_akhir(kita), gaya, teks, tingkat, halaman_baru)
            heading = python_docx.add_heading(tulis._xml(teks), tingkat)
            if halaman_baru is not None:
                heading.paragraph_format.page_break_before = halaman_baru
    _sama(kita, python_docx)


def _tabel_python_docx(doc: DokumenWord, blok: Tabel, lebar_isi: float) -> None:
    """The table as python-docx's API makes it, cell by cell (the writer's code before it
    built the XML itself)."""
    caption = doc.add_paragraph()
    caption.paragraph_format.keep_with_next = True
    caption.add_run(blok.judul).bold = True
    table = doc.add_table(rows=1, cols=len(blok.kepala))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(blok.lebar) or 1
    widths = [Mm(lebar_isi * w / total) for w in blok.lebar]
    for kolom, lebar in zip(table.columns, widths, strict=True):
        kolom.width = lebar
    for i, teks in enumerate(blok.kepala):
        cell = table.rows[0].cells[i]
        cell.width = widths[i]
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(teks)
        run.bold = True
        run.font.size = Pt(8)
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)
    for baris in blok.baris:
        cells = table.add_row().cells
        for i, teks in enumerate(baris):
            paragraph = cells[i].paragraphs[0]
            if i in blok.angka:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.add_run(teks).font.size = Pt(8)
    doc.add_paragraph()


TABEL = [
    Tabel(
        "Tabel 3.1 Capaian <IKU> & target",
        ("No", "Indikator (satuan)", "Target", "Realisasi", "Capaian"),
        tuple((str(n), teks, "67,95", "", "99,72 %") for n, teks in enumerate(TEKS, start=1)),
        (6, 44, 12, 12, 12),
        frozenset({2, 3, 4}),
    ),
    Tabel("Satu kolom", ("Program",), (("A\nB",), ("",), (" x ",)), (1,)),
    Tabel("Tanpa baris", ("Bidang", "Pagu"), (), (0, 0), frozenset({1})),
]


@pytest.mark.parametrize("blok", TABEL, ids=["angka", "satu-kolom", "kosong"])
def test_tabel_seperti_add_table(blok: Tabel) -> None:
    kita, python_docx = docx.Document(), docx.Document()
    tulis._tabel(_akhir(kita), blok, 170, tulis._IdGaya(kita))
    _tabel_python_docx(python_docx, blok, 170)
    _sama(kita, python_docx)
    # twice in one document: the second table's rows are not the first's
    tulis._tabel(_akhir(kita), blok, 170, tulis._IdGaya(kita))
    _tabel_python_docx(python_docx, blok, 170)
    _sama(kita, python_docx)


def _daftar_isi_python_docx(doc: DokumenWord, judul: list[Judul]) -> None:
    """The table of contents' paragraphs as python-docx's API makes them."""
    paragraf = [doc.add_paragraph() for _ in judul] or [doc.add_paragraph()]
    awal = paragraf[0]._p
    awal.append(tulis._karakter_field("begin"))
    awal.append(tulis._instruksi_daftar_isi())
    awal.append(tulis._karakter_field("separate"))
    for p, j in zip(paragraf, judul, strict=False):
        p.add_run(j.teks).bold = j.tingkat == 1
        if j.tingkat > 1:
            p.paragraph_format.left_indent = Mm(8)
    paragraf[-1]._p.append(tulis._karakter_field("end"))


@pytest.mark.parametrize(
    "blok",
    [
        (Judul(1, "BAB I PENDAHULUAN"), Judul(2, "1.1 Latar Belakang"), Judul(3, "1.1.1 x")),
        (Judul(1, "DAFTAR ISI"), DaftarIsi()),
        (Judul(2, " 2.1 Visi\tdan Misi "),),
    ],
    ids=["bab-dan-bagian", "tanpa-judul", "satu-bagian"],
)
def test_daftar_isi_seperti_add_paragraph(blok: tuple[Judul | DaftarIsi, ...]) -> None:
    dokumen = DokumenLkjip(2024, "Dinas Uji", Daerah(), blok)
    kita, python_docx = docx.Document(), docx.Document()
    tulis._daftar_isi(_akhir(kita), kita, dokumen)
    judul = [b for b in blok if isinstance(b, Judul) and b.tingkat <= 2 and b.teks != "DAFTAR ISI"]
    _daftar_isi_python_docx(python_docx, judul)
    _sama(kita, python_docx)


def test_simpan_seperti_save_lalu_zip_tetap() -> None:
    """One zip with fixed member dates: the bytes of ``doc.save`` rewritten by _zip_tetap."""
    doc = docx.Document()
    doc.sections[0].footer.paragraphs[0].add_run("Halaman")  # a part more: the footer
    dokumen = DokumenLkjip(2024, "Dinas Uji", Daerah(), (Judul(1, "BAB I"), DaftarIsi()))
    tulis._daftar_isi(_akhir(doc), doc, dokumen)  # and the settings changed
    tulis._tabel(_akhir(doc), TABEL[0], 170, tulis._IdGaya(doc))
    doc.core_properties.title = "Laporan Kinerja"
    doc.core_properties.created = doc.core_properties.modified = datetime(2000, 1, 1)
    simpan = io.BytesIO()
    doc.save(simpan)
    assert tulis._simpan(doc) == _zip_tetap(simpan.getvalue())
