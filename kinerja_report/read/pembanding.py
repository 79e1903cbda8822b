"""Reading the comparison figures: Indikator | Tahun | Tingkat | Nilai | Sumber [| Seri].

An optional sheet (named 'Pembanding' by habit; recognised by its header, like every sheet)
with the national or provincial value of a regency indicator in a year, as published (BPS).
Rows go through the shared cell reader: text in the value or year cell, formula errors and
hidden rows are reported by cell. A level other than national or provincial is reported and
the row skipped. The optional column 'Seri' / 'Metode' names the BPS series of the figure
('baru' for IPM since the 2023 release, 'lama' before): a figure is compared only with a
regency figure of the same series (docs/ipm.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from kinerja_report.model import NilaiPembanding
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.cells import PembacaSel
from kinerja_report.read.header import Header
from kinerja_report.read.ipm import baca_seri
from kinerja_report.read.normalize import normalisasi
from kinerja_report.read.sheet import Lembar

TINGKAT_PEMBANDING = ("nasional", "provinsi")


def tingkat_pembanding(teks: str) -> str | None:
    """'Nasional', 'Indonesia' -> 'nasional'; 'Provinsi', 'Prov. Bengkulu' -> 'provinsi'."""
    value = normalisasi(teks)
    if value.startswith(("nasional", "indonesia", "nas")):
        return "nasional"
    if value.startswith(("provinsi", "prov")):
        return "provinsi"
    return None


def baca_pembanding(lembar: Lembar, header: Header) -> tuple[list[NilaiPembanding], list[Masalah]]:
    """One :class:`NilaiPembanding` per row with an indicator, a year and a value."""
    sel = PembacaSel(lembar, header)
    # 'Tingkat' alone is read as a cascading level; here it is the level of the figure
    bidang_tingkat = "tingkat_pembanding" if "tingkat_pembanding" in header.bidang else "tingkat"
    out = []
    for baris in sel.baris_data():
        indikator = sel.teks(baris, "indikator")
        tahun = sel.angka(baris, "tahun").angka
        if not indikator or tahun is None or not 1990 <= tahun <= 2100:
            continue
        teks_tingkat = sel.teks(baris, bidang_tingkat)
        tingkat = tingkat_pembanding(teks_tingkat)
        if tingkat is None:
            kolom = header.cari(bidang_tingkat)
            sumber = lembar.sumber(baris, kolom.indeks) if kolom else None
            sel.masalah.append(
                masalah(
                    "pembanding-tingkat-tidak-dikenal",
                    lembar.berkas,
                    lembar.nama,
                    sumber.sel if sumber else f"A{baris}",
                    tingkat=teks_tingkat,
                )
            )
            continue
        nilai = sel.angka(baris, "nilai_pembanding")
        if nilai.angka is None:
            continue
        out.append(
            NilaiPembanding(
                indikator=indikator,
                tahun=int(tahun),
                tingkat=tingkat,
                nilai=nilai,
                sumber=sel.teks(baris, "sumber_pembanding"),
                seri=baca_seri(sel.teks(baris, "seri")),
            )
        )
    return out, sel.masalah


def cari_pembanding(
    daftar: Sequence[NilaiPembanding],
    indikator: str,
    tahun: int,
    tingkat: str = "nasional",
) -> NilaiPembanding | None:
    """The figure of ``indikator`` (matched by normalised name) in ``tahun`` at ``tingkat``;
    the first one given, ``None`` when there is none."""
    kunci = normalisasi(indikator)
    return next(
        (
            item
            for item in daftar
            if item.tahun == tahun
            and item.tingkat == tingkat
            and normalisasi(item.indikator) == kunci
        ),
        None,
    )
