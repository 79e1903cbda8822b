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
    parts += [f"matriks RPJMD dari lembar '{m.lembar}'" for m in isi.rpjmd]
    parts += [f"cascading dari lembar '{k.lembar}'" for k in isi.kaskade]
    parts += [
        f"rencana aksi dari lembar '{r.lembar}' ({r.opd}, tahun {r.tahun}, "
        f"{angka(len(r.indikator))} indikator)"
        for r in isi.rencana_aksi
    ]
    lain = (
        (len(isi.penandatangan), "penandatangan"),
        (len(isi.ipm), "komponen IPM"),
        (len(isi.pembanding), "angka pembanding"),
        (sum(len(n.kode) for n in isi.nomenklatur), "kode nomenklatur"),
    )
    parts += [f"{angka(jumlah)} {nama}" for jumlah, nama in lain if jumlah]
    parts += isi.catatan_baca
    if isi.gagal:
        parts.append("gagal dibaca (lihat galat)")
    if not parts:
        parts.append("tidak ada isi yang dikenali")
    return teks_aman(f"{isi.nama}: {'; '.join(parts)}")
