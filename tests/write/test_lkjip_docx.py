"""The LKjIP .docx read back with python-docx: headings, repeated header rows, page
numbers, paper size, same bytes for the same input."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from openpyxl import load_workbook

from kinerja_report.compute.lkjip import DokumenLkjip
from kinerja_report.compute.lkjip_blok import Judul, Paragraf, Tabel
from kinerja_report.settings import Daerah
from kinerja_report.write.lkjip_docx import docx_lkjip
from tests.conftest import SampelDibangun

DOKUMEN = DokumenLkjip(
    2024,
    "Dinas <Uji> & Co",
    Daerah(jenis="Kabupaten", nama="Kepahiang"),
    (
        Judul(1, "BAB I PENDAHULUAN"),
        Paragraf("Satu paragraf."),
        Paragraf("[Diisi analis: isu strategis.]", isian=True),
        Judul(2, "1.1 Bagian"),
        Tabel(
            "Tabel uji",
            ("Indikator", "Nilai"),
            (("A\nB", "1,5"), ("C", "2")),
            (70, 30),
            frozenset({1}),
        ),
        Paragraf("Faktor pendorong: kerja sama.", kutipan=True),
    ),
)


def _baca(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_struktur_docx() -> None:
    data = docx_lkjip(DOKUMEN)
    assert data == docx_lkjip(DOKUMEN)  # the same bytes every time
    doc = _baca(data)
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (215, 330)
    judul = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name != "Normal"]
    assert judul == [
        ("Title", "LAPORAN KINERJA DINAS <UJI> & CO TAHUN 2024"),
        ("Heading 1", "BAB I PENDAHULUAN"),
        ("Heading 2", "1.1 Bagian"),
    ]
    teks = [p.text for p in doc.paragraphs]
    assert "Satu paragraf." in teks
    isian = next(p for p in doc.paragraphs if p.text.startswith("[Diisi analis"))
    assert isian.runs[0].italic is True
    (table,) = doc.tables
    assert [c.text for c in table.rows[0].cells] == ["Indikator", "Nilai"]
    assert [[c.text for c in row.cells] for row in table.rows[1:]] == [["A\nB", "1,5"], ["C", "2"]]
    header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header is not None
    assert header.get(qn("w:val")) == "true"
    footer = section.footer.paragraphs[0]._p
    instruksi = [f.get(qn("w:instr")) for f in footer.iter(qn("w:fldSimple"))]
    assert instruksi == ["PAGE", "NUMPAGES"]
    assert doc.core_properties.title == "Laporan Kinerja Dinas <Uji> & Co Tahun 2024"


def test_kertas_a4() -> None:
    section = _baca(docx_lkjip(DOKUMEN, "A4")).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_teks_panjang_dan_karakter_kendali() -> None:
    nama = "Dinas \x07Pemberdayaan " + "Masyarakat dan Desa " * 20
    dokumen = DokumenLkjip(2023, nama, Daerah(), (Paragraf("a\x00b\x1fc"),))
    doc = _baca(docx_lkjip(dokumen))
    assert len(doc.core_properties.title) == 255
    assert doc.core_properties.title.endswith("…")
    assert "abc" in [p.text for p in doc.paragraphs]
    assert doc.paragraphs[0].text.startswith("LAPORAN KINERJA DINAS PEMBERDAYAAN MASYARAKAT")


def test_the_sample_regency_lkjip_has_the_parts_of_53_2014_and_quotes_only_the_forms(
    sampel_dibangun: SampelDibangun,
) -> None:
    out = sampel_dibangun.out
    document = docx.Document(str(out / "2024/lkjip/lkjip-pemda.docx"))
    bab = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert bab == [
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "DAFTAR ISI",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN",
    ]
    bagian = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert [b for b in bagian if b.startswith("Lampiran")] == [
        "Lampiran 1 Perjanjian Kinerja Tahun 2024",
        "Lampiran 2 Indikator Kinerja Utama",
        "Lampiran 3 Capaian Indikator Kinerja Daerah Tahun 2024",
    ]
    assert {"2.1 Visi dan Misi", "2.2 Tujuan, Sasaran dan Indikator Kinerja Utama"} <= set(bagian)
    # Bab I and II from the settings ([lkjip]); what they leave empty is marked
    teks = [p.text for p in document.paragraphs]
    assert "Visi: Kepahiang yang maju, sejahtera dan berdaya saing" in teks
    assert "2. Kemantapan jalan kabupaten dan akses air minum layak" in teks
    assert any(t.startswith("[Diisi analis: tugas pokok dan fungsi") for t in teks)
    # a real Word TOC field over the headings, updated by Word when the file opens
    body = document.element.body
    instruksi = [e.text for e in body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith('TOC \\o "1-3"') for i in instruksi)
    assert document.settings.element.find(qn("w:updateFields")) is not None
    # Bab III per RPJMD sasaran: each with its supporting programmes
    sasaran = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert len(sasaran) >= 5
    assert all(s.startswith("3.1.") for s in sasaran[:5])
    judul_tabel = [p.text for p in document.paragraphs if p.text.startswith("Program pendukung")]
    assert len(judul_tabel) >= 5
    # every cause or next step quoted is an OPD's own words in its form (E.81 .xlsx cells)
    isian_opd: set[str] = set()
    for berkas in (out / "2024/evaluasi").glob("*.xlsx"):
        wb = load_workbook(berkas, read_only=True)
        for row in wb.active.iter_rows(values_only=True):
            isian_opd.update(str(v).strip() for v in row if isinstance(v, str))
        wb.close()
    kutipan = [
        p.text
        for p in document.paragraphs
        if p.runs and all(r.italic for r in p.runs) and p.paragraph_format.left_indent
    ]
    assert kutipan
    for teks in kutipan:
        _, _, isi = teks.partition(": ")
        assert any(isi in sel for sel in isian_opd), teks
