"""One line per workbook saying what was read from which sheet ('kinerja check')."""

from __future__ import annotations

from kinerja_report.formats import angka
from kinerja_report.model import EvaluasiRenja
from kinerja_report.read.folder import IsiBerkas
from kinerja_report.teks import teks_aman

_TRIWULAN = {1: "Triwulan I", 2: "Triwulan II", 3: "Triwulan III", 4: "Triwulan IV"}


def _formulir(evaluasi: EvaluasiRenja) -> str:
    return (
        f"formulir E.81 dari lembar '{evaluasi.lembar}' ({evaluasi.opd}, tahun "
        f"{evaluasi.tahun}, s.d. {_TRIWULAN.get(evaluasi.triwulan, '?')}, "
        f"{angka(len(evaluasi.indikator))} baris indikator)"
    )


def ringkasan_berkas(isi: IsiBerkas) -> str:
    """'dinas.xlsx: formulir E.81 dari lembar 'Isian' (Dinas X, tahun 2024, s.d. Triwulan
    IV, 3 baris indikator); lembar 'Cetak' hanya dibandingkan'."""
    parts = [_formulir(ev) for ev in isi.evaluasi]
    lain = (
        (isi.rpjmd, "matriks RPJMD"),
        (isi.penandatangan, "daftar penandatangan"),
        (isi.ipm, "komponen IPM"),
        (isi.pembanding, "angka pembanding"),
        (isi.kaskade, "cascading"),
        (isi.nomenklatur, "nomenklatur"),
    )
    parts += [f"{nama} ({angka(len(items))} baris)" for items, nama in lain if items]
    parts += isi.catatan_baca
    if isi.gagal:
        parts.append("gagal dibaca (lihat galat)")
    if not parts:
        parts.append("tidak ada isi yang dikenali")
    return teks_aman(f"{isi.nama}: {'; '.join(parts)}")
