"""The LKjIP draft as a Word document analysts edit (python-docx).

Real Word headings (styles 'Heading 1-3', so the navigation pane and a table of contents
work), tables whose header row repeats on every page, page numbers in the footer ('Halaman
n dari m' as Word fields), the paper of the settings (F4 by default). The same input gives
the same bytes (fixed document dates and zip member dates).
"""

from __future__ import annotations

import copy
import io
import re
from datetime import datetime

from docx import Document
from docx.document import Document as DokumenWord
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from kinerja_report.compute.lkjip import DokumenLkjip
from kinerja_report.compute.lkjip_blok import DaftarIsi, Judul, Paragraf, Tabel
from kinerja_report.settings import UKURAN_KERTAS
from kinerja_report.write.rekap_xlsx import _zip_tetap

_TETAP = datetime(2000, 1, 1)
HURUF = "Arial"
_BUKAN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
BATAS_PROPERTI = 255
"""Word's limit for a document property (title, author)."""


def _xml(teks: str) -> str:
    """``teks`` without the characters XML cannot hold (a workbook may contain them)."""
    return _BUKAN_XML.sub("", teks)


def _properti(teks: str) -> str:
    teks = _xml(teks)
    return teks if len(teks) <= BATAS_PROPERTI else teks[: BATAS_PROPERTI - 1] + "…"


def _field(paragraph: Paragraph, instruksi: str) -> None:
    """A Word field (PAGE, NUMPAGES) at the end of ``paragraph``."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruksi)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _header_berulang(table: Table) -> None:
    """Mark the first row as a header row, repeated at the top of every page."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


_SESUDAH_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)
"""Elements of w:settings that come after w:updateFields in the schema."""


def _karakter_field(jenis: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar", {qn("w:fldCharType"): jenis})
    run.append(char)
    return run


def _daftar_isi(doc: DokumenWord, dokumen: DokumenLkjip) -> None:
    """A Word table of contents (TOC field over heading levels 1-3) whose shown result,
    until Word updates it (it asks on opening: ``w:updateFields``), lists the chapter and
    section headings without page numbers."""
    judul = [
        b
        for b in dokumen.blok
        if isinstance(b, Judul) and b.tingkat <= 2 and b.teks != "DAFTAR ISI"
    ]
    paragraf = [doc.add_paragraph() for _ in judul] or [doc.add_paragraph()]
    awal = paragraf[0]._p
    awal.append(_karakter_field("begin"))
    instruksi_run = OxmlElement("w:r")
    instruksi = OxmlElement("w:instrText")
    instruksi.set(qn("xml:space"), "preserve")
    instruksi.text = ' TOC \\o "1-3" \\h \\z \\u '
    instruksi_run.append(instruksi)
    awal.append(instruksi_run)
    awal.append(_karakter_field("separate"))
    for p, j in zip(paragraf, judul, strict=False):
        run = p.add_run(_xml(j.teks))
        run.bold = j.tingkat == 1
        if j.tingkat > 1:
            p.paragraph_format.left_indent = Mm(8)
    paragraf[-1]._p.append(_karakter_field("end"))
    perbarui = OxmlElement("w:updateFields", {qn("w:val"): "true"})
    settings = doc.settings.element
    sesudahnya = [settings.find(qn(f"w:{nama}")) for nama in _SESUDAH_UPDATE_FIELDS]
    berikut = next((e for e in sesudahnya if e is not None), None)
    if berikut is None:
        settings.append(perbarui)
    else:  # the schema's order (CT_Settings), which Word checks
        berikut.addprevious(perbarui)


class _IdGaya(dict[str, str]):
    """The style ids of ``doc`` by style name, each looked up once: python-docx finds a style
    given by name, and then the default style, by going through every style of the document,
    at every heading and table (a quarter of the time of writing a draft)."""

    def __init__(self, doc: DokumenWord) -> None:
        super().__init__()
        self.doc = doc

    def __missing__(self, nama: str) -> str:
        id_gaya: str = self.doc.styles[nama].style_id
        self[nama] = id_gaya
        return id_gaya


def _judul(doc: DokumenWord, gaya: _IdGaya, teks: str, tingkat: int) -> Paragraph:
    """A heading, the XML ``doc.add_heading(teks, tingkat)`` makes (level 0: the title)."""
    paragraph = doc.add_paragraph(_xml(teks))
    paragraph._p.style = gaya["Title" if tingkat == 0 else f"Heading {tingkat}"]
    return paragraph


def _tabel(doc: DokumenWord, blok: Tabel, lebar_isi: float, gaya: _IdGaya) -> None:
    caption = doc.add_paragraph()
    caption.paragraph_format.keep_with_next = True
    caption.add_run(_xml(blok.judul)).bold = True
    table = doc.add_table(rows=1, cols=len(blok.kepala))
    table._tbl.tblStyle_val = gaya["Table Grid"]  # as ``table.style = "Table Grid"``
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(blok.lebar) or 1
    widths = [Mm(lebar_isi * w / total) for w in blok.lebar]
    for kolom, lebar in zip(table.columns, widths, strict=True):
        kolom.width = lebar  # the table grid: LibreOffice sizes columns by it, not by cells
    for i, teks in enumerate(blok.kepala):
        cell = table.rows[0].cells[i]
        cell.width = widths[i]
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(_xml(teks))
        run.bold = True
        run.font.size = Pt(8)
    _header_berulang(table)
    contoh: BaseOxmlElement | None = None
    for baris in blok.baris:
        if contoh is None:
            cells = table.add_row().cells  # each cell as wide as its column (add_row copies it)
            for i, teks in enumerate(baris):
                paragraph = cells[i].paragraphs[0]
                if i in blok.angka:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                run = paragraph.add_run(_xml(teks))
                run.font.size = Pt(8)
            contoh = table.rows[-1]._tr
        else:
            _baris_seperti(contoh, baris)
    doc.add_paragraph()


def _baris_seperti(contoh: BaseOxmlElement, baris: tuple[str, ...]) -> None:
    """A table row made as the first (``contoh``: its cells' widths, alignment and font size)
    holding ``baris``: the same XML as python-docx makes cell by cell, some 3× sooner (a
    regency's LKjIP drafts have thousands of cells)."""
    tr = copy.deepcopy(contoh)
    contoh.getparent().append(tr)
    for tc, teks in zip(tr.iterchildren(qn("w:tc")), baris, strict=True):
        r = tc.find(qn("w:p")).find(qn("w:r"))
        r.text = _xml(teks)  # python-docx's setter: the first row's text goes, tabs and
        # line breaks become their elements, as add_run(teks) makes them


def docx_lkjip(dokumen: DokumenLkjip, ukuran_kertas: str = "F4") -> bytes:
    """The .docx bytes of ``dokumen``."""
    doc = Document()
    lebar, tinggi = UKURAN_KERTAS[ukuran_kertas]
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(lebar), Mm(tinggi)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name = HURUF
    normal.font.size = Pt(11)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(f"{_xml(dokumen.judul)} - Halaman ")
    _field(footer, "PAGE")
    footer.add_run(" dari ")
    _field(footer, "NUMPAGES")

    gaya = _IdGaya(doc)
    _judul(doc, gaya, f"LAPORAN KINERJA {dokumen.instansi.upper()} TAHUN {dokumen.tahun}", 0)
    intro = doc.add_paragraph()
    intro.add_run(dokumen.pengantar).italic = True
    lebar_isi = lebar - 45
    for blok in dokumen.blok:
        if isinstance(blok, Judul):
            heading = _judul(doc, gaya, blok.teks, blok.tingkat)
            heading.paragraph_format.page_break_before = blok.tingkat == 1
        elif isinstance(blok, Paragraf):
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            run = paragraph.add_run(_xml(blok.teks))
            if blok.isian or blok.kutipan:
                run.italic = True
            if blok.kutipan:
                paragraph.paragraph_format.left_indent = Mm(10)
            if blok.kanan:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif isinstance(blok, DaftarIsi):
            _daftar_isi(doc, dokumen)
        else:
            _tabel(doc, blok, lebar_isi, gaya)
    core = doc.core_properties
    core.title = _properti(dokumen.judul)
    core.author = _properti(dokumen.daerah.nama_lengkap or dokumen.instansi)
    core.created = core.modified = _TETAP
    core.last_modified_by = "kinerja-report"
    core.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return _zip_tetap(buffer.getvalue())
