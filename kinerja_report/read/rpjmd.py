"""Reading the RPJMD indicator matrix (Indikator Kinerja Daerah, target and realisasi per year).

Rows go through the same cell reader as the E.81 form (:class:`~.cells.PembacaSel`): cached
formula errors, text in number cells, hidden rows are reported by cell. The title block names
the region and the period ('RPJMD KABUPATEN KEPAHIANG TAHUN 2021-2026'); without a period in
the title, the last target year is the end of the period.
"""

from __future__ import annotations

import re

from kinerja_report.errors import LembarTidakDikenali, galat
from kinerja_report.model import KOSONG, IndikatorRpjmd, MatriksRpjmd, Polaritas
from kinerja_report.problems import Masalah
from kinerja_report.read.cells import PembacaSel
from kinerja_report.read.header import Header
from kinerja_report.read.normalize import normalisasi
from kinerja_report.read.sheet import Lembar
from kinerja_report.read.titles import periode_dari_teks, teks_judul, wilayah_dari_judul

_NEGATIF = re.compile(r"negati|minim|rendah|kecil|turun|^\(?-\)?$")
_POSITIF = re.compile(r"positi|maksim|maxim|tinggi|besar|naik|^\(?\+\)?$")


def baca_polaritas(text: str) -> Polaritas | None:
    """'Positif'/'Negatif', '+'/'-', '(-)', 'Maximize'/'Minimize', 'semakin tinggi/rendah
    (besar/kecil) semakin baik', 'menurun'; ``None`` when blank or not recognised."""
    value = normalisasi(text)
    if not value:
        return None
    if _NEGATIF.search(value):
        return Polaritas.NEGATIF
    if _POSITIF.search(value):
        return Polaritas.POSITIF
    return None


def baca_matriks_rpjmd(lembar: Lembar, header: Header) -> tuple[MatriksRpjmd, list[Masalah]]:
    """Read the matrix; rows without an indicator name (tujuan/sasaran banners) are context."""
    if header.cari("indikator") is None:
        raise galat(
            LembarTidakDikenali,
            "kolom-wajib-hilang",
            lembar.berkas,
            lembar.nama,
            kolom="indikator",
        )
    tahun_target = sorted({k.tahun for k in header.kolom if k.bidang == "target_tahun"})
    tahun_realisasi = sorted({k.tahun for k in header.kolom if k.bidang == "realisasi_tahun"})
    sel = PembacaSel(lembar, header)
    rows = []
    for baris in sel.baris_data():
        nama = sel.teks(baris, "indikator")
        if not nama:
            continue
        target = {t: sel.k(baris, "target_tahun", tahun=t) for t in tahun_target}
        rows.append(
            IndikatorRpjmd(
                baris=baris,
                tujuan=sel.teks(baris, "tujuan"),
                sasaran=sel.teks(baris, "sasaran"),
                indikator=nama,
                satuan=sel.teks(baris, "satuan"),
                polaritas=baca_polaritas(sel.teks(baris, "polaritas")) or Polaritas.POSITIF,
                kondisi_awal=sel.k(baris, "kondisi_awal"),
                target=target,
                realisasi={
                    t: sel.k(baris, "realisasi_tahun", 0, target.get(t, KOSONG), t)
                    for t in tahun_realisasi
                },
                penanggung_jawab=sel.teks(baris, "penanggung_jawab"),
                agregasi=sel.teks(baris, "agregasi"),
            )
        )
    judul = teks_judul(lembar, header.baris_awal)
    awal, akhir = next(
        ((a, b) for text in judul for a, b in [periode_dari_teks(text)] if a and b), (None, None)
    )
    matriks = MatriksRpjmd(
        lembar.berkas,
        lembar.nama,
        tuple(rows),
        wilayah=wilayah_dari_judul(judul),
        tahun_awal=awal or (min(tahun_target) if tahun_target else None),
        tahun_akhir=akhir or (max(tahun_target) if tahun_target else None),
    )
    return matriks, sel.masalah
