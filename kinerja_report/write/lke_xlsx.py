"""The index of evidence for the SAKIP evaluation as Excel: ``<tahun>/lke/indeks-bukti.xlsx``,
one row per criterion and document (the regency's sheet), and per perangkat daerah,
criterion and document (the perangkat daerah sheet), with filters, for the analyst who
gathers the evidence (:mod:`kinerja_report.compute.lke`)."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_report.compute.lke import BarisIndeks, IndeksBukti
from kinerja_report.write.rekap_xlsx import Kolom, Lembar, rekap_xlsx

BELUM_ADA = "Belum ada"


@dataclass(frozen=True)
class BarisLke:
    opd: str
    baris: BarisIndeks
    berkas: str
    isi: str
    keterangan: str


def _baris(opd: str, item: BarisIndeks, jumlah_opd: int) -> list[BarisLke]:
    if not item.bukti:
        return [BarisLke(opd, item, "", "", BELUM_ADA)]
    hasil = []
    for b in item.bukti:
        berkas = b.pola if b.jumlah_opd or len(b.berkas) > 1 else b.berkas[0]
        hasil.append(BarisLke(opd, item, berkas, b.isi, b.cakupan(jumlah_opd)))
    return hasil


_KOLOM_KRITERIA = [
    Kolom(
        "Komponen",
        lambda r: f"{r.baris.komponen.kode}. {r.baris.komponen.nama}",
        lebar=22,
        bungkus=True,
    ),
    Kolom(
        "Sub komponen", lambda r: f"{r.baris.sub.kode} {r.baris.sub.jenis}", lebar=14, bungkus=True
    ),
    Kolom("Kode", lambda r: r.baris.kriteria.kode, lebar=8),
    Kolom("Kriteria", lambda r: r.baris.kriteria.teks, lebar=50, bungkus=True),
    Kolom("Berkas bukti", lambda r: r.berkas, lebar=38, bungkus=True),
    Kolom("Yang menjadi bukti", lambda r: r.isi, lebar=40, bungkus=True),
    Kolom("Keterangan", lambda r: r.keterangan, lebar=16, bungkus=True),
]


def lke_xlsx(indeks: IndeksBukti) -> bytes:
    """The index of one year as an .xlsx (fixed document dates: same input, same bytes)."""
    jumlah = len(indeks.opd)
    pemda = [r for item in indeks.pemda for r in _baris("", item, jumlah)]
    per_opd = [r for o in indeks.opd for item in o.baris for r in _baris(o.opd, item, jumlah)]
    lembar = [Lembar("Pemerintah Daerah", _KOLOM_KRITERIA, pemda)]
    if per_opd:
        kolom_opd = [Kolom("Perangkat Daerah", lambda r: r.opd, lebar=30, bungkus=True)]
        lembar.append(Lembar("Perangkat Daerah", kolom_opd + _KOLOM_KRITERIA, per_opd))
    return rekap_xlsx(lembar)
