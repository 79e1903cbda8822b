"""The blocks an LKjIP draft is made of (:mod:`kinerja_report.compute.lkjip`), read by
both writers: the .docx (:mod:`kinerja_report.write.lkjip_docx`) and the PDF
(:mod:`kinerja_report.render.lkjip`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kinerja_report.compute.table import BarisCapaian
from kinerja_report.formats import angka, persen
from kinerja_report.model import Nilai

ISIAN = "[Diisi analis: "
"""The start of every paragraph the numbers cannot write."""


@dataclass(frozen=True)
class Judul:
    tingkat: int
    """1 = chapter (BAB), 2 = section, 3 = sub-section."""
    teks: str


@dataclass(frozen=True)
class Paragraf:
    teks: str
    isian: bool = False
    """A placeholder for the analyst (printed in italics)."""
    kutipan: bool = False
    """Words of an OPD, quoted as written."""
    kanan: bool = False
    """Aligned right (the place, date and signatory under the Kata Pengantar)."""


@dataclass(frozen=True)
class Tabel:
    judul: str
    kepala: tuple[str, ...]
    baris: tuple[tuple[str, ...], ...]
    lebar: tuple[int, ...]
    """Relative column widths."""
    angka: frozenset[int] = field(default_factory=frozenset)
    """Indices of right-aligned (number) columns."""


@dataclass(frozen=True)
class DaftarIsi:
    """The table of contents: a Word TOC field in the .docx (filled when Word updates its
    fields on opening), the headings with their page numbers in the PDF."""


Blok = Judul | Paragraf | Tabel | DaftarIsi


def teks_nilai(nilai: Nilai) -> str:
    """A target or realisation as the LKjIP prints it: the number, or the text as written."""
    if nilai.angka is not None:
        return angka(nilai.angka, 4)
    return nilai.teks or ""


def teks_capaian(row: BarisCapaian) -> str:
    """The capaian as printed: a percentage, or 'Tercapai' / 'Tidak tercapai' for an
    ordinal indicator (reached or not by rank)."""
    return row.kategori if row.capaian.urut else persen(row.capaian.persen)
