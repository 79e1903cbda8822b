"""The LKjIP draft as a Word document analysts edit (python-docx).

Real Word headings (styles 'Heading 1-3', so the navigation pane and a table of contents
work), tables whose header row repeats on every page, page numbers in the footer ('Halaman
n dari m' as Word fields), the paper of the settings (F4 by default). The same input gives
the same bytes (fixed document dates and zip member dates).

python-docx makes the document and its package; the body's paragraphs, runs and tables are
written as the XML elements python-docx's API would make (see the note before ``_anak``),
several times sooner: a regency's drafts have thousands of table cells.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime
from typing import cast

from docx import Document
from docx.document import Document as DokumenWord
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.packuri import PackURI
from docx.opc.phys_pkg import PhysPkgWriter
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree  # type: ignore[import-untyped]  # python-docx's own XML library

from kinerja_report.compute.lkjip import DokumenLkjip
from kinerja_report.compute.lkjip_blok import DaftarIsi, Judul, Paragraf, Tabel
from kinerja_report.settings import UKURAN_KERTAS

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


def _instruksi_daftar_isi() -> BaseOxmlElement:
    """The run holding the TOC field's instruction: heading levels 1-3, as links."""
    run = OxmlElement("w:r")
    instruksi = OxmlElement("w:instrText")
    instruksi.set(qn("xml:space"), "preserve")
    instruksi.text = ' TOC \\o "1-3" \\h \\z \\u '
    run.append(instruksi)
    return run


def _daftar_isi(akhir: BaseOxmlElement, doc: DokumenWord, dokumen: DokumenLkjip) -> None:
    """A Word table of contents (TOC field over heading levels 1-3) whose shown result,
    until Word updates it (it asks on opening: ``w:updateFields``), lists the chapter and
    section headings without page numbers."""
    judul = [
        b
        for b in dokumen.blok
        if isinstance(b, Judul) and b.tingkat <= 2 and b.teks != "DAFTAR ISI"
    ]
    for i, j in enumerate(judul or [None]):
        p = _blok(akhir, _paragraf((_INDEN_ISI,) if j is not None and j.tingkat > 1 else ()))
        if i == 0:
            p.append(_karakter_field("begin"))
            p.append(_instruksi_daftar_isi())
            p.append(_karakter_field("separate"))
        if j is not None:
            _run(p, _xml(j.teks), (_TEBAL if j.tingkat == 1 else _TIDAK_TEBAL,))
    p.append(_karakter_field("end"))
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


# The body is written as XML elements directly, each child appended in the order the schema
# wants: python-docx's add_paragraph, add_run, bold, alignment, cell width... look for the new
# child's place by searching the element's children at every call (the body's, for every
# paragraph and table), which was most of the time of writing a draft. The elements are the
# ones python-docx makes (tests/write/test_lkjip_docx_xml.py compares them).

_W = f"{{{nsmap['w']}}}"  # the Clark prefix of w: names
_XML_SPACE = qn("xml:space")
_PEMISAH_RUN = re.compile("([\t\r\n])")

Sifat = tuple[str, dict[str, str]]
"""A child of a ``w:pPr`` or ``w:rPr``: its name without ``w:`` and its ``w:`` attributes."""

_TEBAL: Sifat = ("b", {})  # run.bold = True
_TIDAK_TEBAL: Sifat = ("b", {"val": "0"})  # run.bold = False
_MIRING: Sifat = ("i", {})  # run.italic = True
_KECIL: Sifat = ("sz", {"val": "16"})  # run.font.size = Pt(8), in half points
_TETAP_BERSAMA: Sifat = ("keepNext", {})  # paragraph_format.keep_with_next = True
_INDEN_ISI: Sifat = ("ind", {"left": str(Mm(8).twips)})  # left_indent = Mm(8)
_INDEN_KUTIPAN: Sifat = ("ind", {"left": str(Mm(10).twips)})  # left_indent = Mm(10)
_RATA_KIRI_KANAN: Sifat = ("jc", {"val": "both"})  # alignment = JUSTIFY
_RATA_KANAN: Sifat = ("jc", {"val": "right"})  # alignment = RIGHT
_RATA_TENGAH: Sifat = ("jc", {"val": "center"})  # alignment = CENTER


def _anak(induk: BaseOxmlElement, nama: str, **atribut: str) -> BaseOxmlElement:
    """``<w:nama w:atribut="..."/>`` appended as the last child of ``induk``; the caller adds
    the children in the schema's order."""
    anak: BaseOxmlElement = etree.SubElement(
        induk, _W + nama, {_W + k: v for k, v in atribut.items()}
    )
    return anak


def _sifat(induk: BaseOxmlElement, nama: str, sifat: tuple[Sifat, ...]) -> None:
    """The properties element ``nama`` (``pPr``, ``rPr``) of ``induk`` holding ``sifat`` (in
    the schema's order), none when there are no properties, as python-docx leaves it."""
    if sifat:
        properti = _anak(induk, nama)
        for anak, atribut in sifat:
            _anak(properti, anak, **atribut)


def _paragraf(sifat: tuple[Sifat, ...] = ()) -> BaseOxmlElement:
    """A new ``w:p`` with the paragraph properties ``sifat``, not yet in the document."""
    p: BaseOxmlElement = OxmlElement("w:p")
    _sifat(p, "pPr", sifat)
    return p


def _blok(akhir: BaseOxmlElement, blok: BaseOxmlElement) -> BaseOxmlElement:
    """``blok`` (a paragraph or table) put at the end of the body, before its section
    properties ``akhir`` (python-docx finds them among all the body's children every time)."""
    akhir.addprevious(blok)
    return blok


def _run(p: BaseOxmlElement, teks: str, sifat: tuple[Sifat, ...] = ()) -> BaseOxmlElement:
    """A run of ``teks`` with the font properties ``sifat`` appended to paragraph ``p``:
    ``p.add_run(teks)`` and then ``run.bold = ...`` and the like."""
    r = _anak(p, "r")
    _sifat(r, "rPr", sifat)
    _isi_run(r, teks)
    return r


def _isi_run(r: BaseOxmlElement, teks: str) -> None:
    """``teks`` appended to run ``r`` as python-docx's ``Run.text`` setter writes it: a
    ``w:tab`` for each tab, a ``w:br`` for each line break (``\\n`` or ``\\r``), the text
    between in ``w:t`` elements, which keep their spaces (``xml:space``) when the text starts
    or ends with whitespace."""
    for potongan in _PEMISAH_RUN.split(teks) if teks else ():
        if potongan == "\t":
            _anak(r, "tab")
        elif potongan in ("\r", "\n"):
            _anak(r, "br")
        elif potongan:
            t = _anak(r, "t")
            t.text = potongan
            if len(potongan.strip()) < len(potongan):
                t.set(_XML_SPACE, "preserve")


def _judul(
    akhir: BaseOxmlElement, gaya: _IdGaya, teks: str, tingkat: int, halaman_baru: bool | None
) -> None:
    """A heading, the XML ``doc.add_heading(teks, tingkat)`` makes (level 0: the title),
    starting a page when ``halaman_baru`` (``page_break_before``; None: not set)."""
    sifat: list[Sifat] = [
        ("pStyle", {"val": gaya["Title" if tingkat == 0 else f"Heading {tingkat}"]})
    ]
    if halaman_baru is not None:
        sifat.append(("pageBreakBefore", {} if halaman_baru else {"val": "0"}))
    p = _blok(akhir, _paragraf(tuple(sifat)))
    if teks := _xml(teks):  # add_paragraph("") adds no run
        _run(p, teks)


def _sel_kosong(rata: Sifat | None, huruf: tuple[Sifat, ...]) -> BaseOxmlElement:
    """An empty table cell, its width left for the caller: one paragraph aligned by ``rata``
    holding an empty run of font ``huruf``."""
    tc: BaseOxmlElement = OxmlElement("w:tc")
    _anak(_anak(tc, "tcPr"), "tcW", type="dxa", w="0")
    p = _anak(tc, "p")
    _sifat(p, "pPr", (rata,) if rata else ())
    _sifat(_anak(p, "r"), "rPr", huruf)
    return tc


def _baris_kosong(
    lebar: Sequence[str], sel: Sequence[BaseOxmlElement], kepala: bool = False
) -> BaseOxmlElement:
    """An empty row, in each column a copy of ``sel[i]`` ``lebar[i]`` twips wide (copying a
    cell costs a fraction of building it); a header row (``kepala``) is repeated at the top
    of every page."""
    tr: BaseOxmlElement = OxmlElement("w:tr")
    if kepala:
        _anak(_anak(tr, "trPr"), "tblHeader", val="true")
    for w, contoh in zip(lebar, sel, strict=True):
        tc = copy.deepcopy(contoh)
        tc[0][0].set(_W + "w", w)  # tcPr/tcW, as cell.width = ... sets it
        tr.append(tc)
    return tr


_TAMPILAN_TABEL = {
    "firstColumn": "1",
    "firstRow": "1",
    "lastColumn": "0",
    "lastRow": "0",
    "noHBand": "0",
    "noVBand": "1",
    "val": "04A0",
}
"""The ``w:tblLook`` of python-docx's new tables."""


def _tabel(akhir: BaseOxmlElement, blok: Tabel, lebar_isi: float, gaya: _IdGaya) -> None:
    """The table's caption, the table (a grid of fixed column widths, centred, its header
    row repeated on every page) and an empty paragraph after it."""
    judul = _blok(akhir, _paragraf((_TETAP_BERSAMA,)))
    _run(judul, _xml(blok.judul), (_TEBAL,))
    tbl = _blok(akhir, OxmlElement("w:tbl"))
    tbl_pr = _anak(tbl, "tblPr")
    _anak(tbl_pr, "tblStyle", val=gaya["Table Grid"])
    _anak(tbl_pr, "tblW", type="auto", w="0")
    _anak(tbl_pr, "jc", val="center")
    _anak(tbl_pr, "tblLayout", type="fixed")  # autofit = False
    _anak(tbl_pr, "tblLook", **_TAMPILAN_TABEL)
    total = sum(blok.lebar) or 1
    lebar = [str(Mm(lebar_isi * w / total).twips) for w in blok.lebar]
    grid = _anak(tbl, "tblGrid")  # LibreOffice sizes columns by it, not by cells
    for w in lebar:
        _anak(grid, "gridCol", w=w)
    n = len(blok.kepala)
    kepala = [_sel_kosong(_RATA_TENGAH, (_TEBAL, _KECIL))] * n
    _baris_seperti(tbl, _baris_kosong(lebar, kepala, kepala=True), blok.kepala)
    kiri, kanan = _sel_kosong(None, (_KECIL,)), _sel_kosong(_RATA_KANAN, (_KECIL,))
    cetakan = _baris_kosong(lebar, [kanan if i in blok.angka else kiri for i in range(n)])
    for baris in blok.baris:
        _baris_seperti(tbl, cetakan, baris)
    _blok(akhir, _paragraf())


def _baris_seperti(tbl: BaseOxmlElement, cetakan: BaseOxmlElement, baris: tuple[str, ...]) -> None:
    """A row of ``baris`` appended to ``tbl``: a copy of the empty row ``cetakan`` (its cells'
    widths, alignment and font) with each cell's run holding its text."""
    tr = copy.deepcopy(cetakan)
    tbl.append(tr)
    for r, teks in zip(tr.iter(_W + "r"), baris, strict=True):
        _isi_run(r, _xml(teks))


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
    akhir = doc.element.body.sectPr
    judul = f"LAPORAN KINERJA {dokumen.instansi.upper()} TAHUN {dokumen.tahun}"
    _judul(akhir, gaya, judul, 0, None)
    _run(_blok(akhir, _paragraf()), dokumen.pengantar, (_MIRING,))
    lebar_isi = lebar - 45
    for blok in dokumen.blok:
        if isinstance(blok, Judul):
            _judul(akhir, gaya, blok.teks, blok.tingkat, blok.tingkat == 1)
        elif isinstance(blok, Paragraf):
            rata = _RATA_KANAN if blok.kanan else _RATA_KIRI_KANAN
            sifat = (_INDEN_KUTIPAN, rata) if blok.kutipan else (rata,)
            p = _blok(akhir, _paragraf(sifat))
            _run(p, _xml(blok.teks), (_MIRING,) if blok.isian or blok.kutipan else ())
        elif isinstance(blok, DaftarIsi):
            _daftar_isi(akhir, doc, dokumen)
        else:
            _tabel(akhir, blok, lebar_isi, gaya)
    core = doc.core_properties
    core.title = _properti(dokumen.judul)
    core.author = _properti(dokumen.daerah.nama_lengkap or dokumen.instansi)
    core.created = core.modified = _TETAP
    core.last_modified_by = "kinerja-report"
    core.revision = 1
    return _simpan(doc)


_TANGGAL_ANGGOTA = (1980, 1, 1, 0, 0, 0)
"""The date of every zip member (the earliest a zip holds), as ``rekap_xlsx._zip_tetap`` dates
a workbook's."""


class _AnggotaTetap:
    """python-docx's physical package writer (its ``write(pack_uri, blob)``) writing into
    ``arsip`` each member as ``doc.save`` would, but dated :data:`_TANGGAL_ANGGOTA`."""

    def __init__(self, arsip: zipfile.ZipFile) -> None:
        self.arsip = arsip

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=_TANGGAL_ANGGOTA)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16  # rw-------, as ZipFile.writestr gives a name
        self.arsip.writestr(info, blob)


def _simpan(doc: DokumenWord) -> bytes:
    """The .docx bytes of ``doc``: the members ``doc.save`` writes (python-docx's own
    ``OpcPackage.save`` steps), each dated :data:`_TANGGAL_ANGGOTA`, compressed once (saving
    and then rewriting the zip with fixed dates, as ``rekap_xlsx._zip_tetap`` does for a
    workbook, deflated every member twice: the two style parts alone are 0,8 MB of XML).
    The core properties' dates are set before (``docx_lkjip``)."""
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as arsip:
        # PackageWriter.write's steps, with our writer in place of its zip writer
        penulis = cast(PhysPkgWriter, _AnggotaTetap(arsip))
        PackageWriter._write_content_types_stream(penulis, package.parts)  # type: ignore[no-untyped-call]
        PackageWriter._write_pkg_rels(penulis, package.rels)  # type: ignore[no-untyped-call]
        PackageWriter._write_parts(penulis, package.parts)
    return buffer.getvalue()
