"""Reading the RPJMD indicator matrix (Indikator Kinerja Daerah, target and realisasi per year)."""

from __future__ import annotations

import re

from kinerja_report.errors import LembarTidakDikenali, galat
from kinerja_report.model import KOSONG, IndikatorRpjmd, MatriksRpjmd, Nilai, Polaritas
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.cells import masalah_angka_tidak_wajar
from kinerja_report.read.header import Header
from kinerja_report.read.normalize import bersihkan, normalisasi
from kinerja_report.read.numbers import AngkaTidakWajar, BukanAngka, parse_angka
from kinerja_report.read.sheet import Lembar

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

    def teks(baris: int, bidang: str) -> str:
        kolom = header.cari(bidang)
        return bersihkan(lembar.nilai(baris, kolom.indeks)) if kolom else ""

    def nilai(baris: int, bidang: str, tahun: int = 0) -> Nilai:
        kolom = header.cari(bidang, tahun=tahun)
        if kolom is None:
            return KOSONG
        sumber = lembar.sumber(baris, kolom.indeks)
        try:
            angka = parse_angka(lembar.nilai(baris, kolom.indeks))
        except AngkaTidakWajar as exc:
            problems.append(masalah_angka_tidak_wajar(sumber, exc.teks))
            return Nilai(sumber=sumber)
        except BukanAngka as exc:
            return Nilai(teks=bersihkan(exc.teks), sumber=sumber)
        return Nilai(angka=angka, sumber=sumber)

    rows = []
    problems: list[Masalah] = []
    for baris in range(header.baris_data, lembar.jumlah_baris + 1):
        nama = teks(baris, "indikator")
        if not nama:
            continue
        if baris in lembar.baris_tersembunyi:
            problems.append(
                masalah("baris-tersembunyi", lembar.berkas, lembar.nama, f"A{baris}", baris=baris)
            )
            continue
        rows.append(
            IndikatorRpjmd(
                baris=baris,
                tujuan=teks(baris, "tujuan"),
                sasaran=teks(baris, "sasaran"),
                indikator=nama,
                satuan=teks(baris, "satuan"),
                polaritas=baca_polaritas(teks(baris, "polaritas")) or Polaritas.POSITIF,
                kondisi_awal=nilai(baris, "kondisi_awal"),
                target={t: nilai(baris, "target_tahun", t) for t in tahun_target},
                realisasi={t: nilai(baris, "realisasi_tahun", t) for t in tahun_realisasi},
                penanggung_jawab=teks(baris, "penanggung_jawab"),
                agregasi=teks(baris, "agregasi"),
            )
        )
    return MatriksRpjmd(lembar.berkas, lembar.nama, tuple(rows)), problems
