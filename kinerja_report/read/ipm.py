"""Reading an IPM components table: Tahun | UHH | HLS | RLS | Pengeluaran | Seri."""

from __future__ import annotations

from kinerja_report.model import KomponenIpm, Nilai
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.cells import masalah_angka_tidak_wajar
from kinerja_report.read.header import Header
from kinerja_report.read.normalize import normalisasi
from kinerja_report.read.numbers import AngkaTidakWajar, BukanAngka, parse_angka
from kinerja_report.read.sheet import Lembar


def baca_komponen_ipm(lembar: Lembar, header: Header) -> tuple[list[KomponenIpm], list[Masalah]]:
    """One :class:`KomponenIpm` per row with a year; text in a number cell is reported."""
    problems: list[Masalah] = []

    def nilai(baris: int, bidang: str) -> Nilai:
        kolom = header.cari(bidang)
        assert kolom is not None
        sumber = lembar.sumber(baris, kolom.indeks)
        try:
            return Nilai(angka=parse_angka(lembar.nilai(baris, kolom.indeks)), sumber=sumber)
        except AngkaTidakWajar as exc:
            problems.append(masalah_angka_tidak_wajar(sumber, exc.teks))
            return Nilai(sumber=sumber)
        except BukanAngka as exc:
            problems.append(
                masalah(
                    "teks-di-kolom-angka",
                    sumber.berkas,
                    sumber.lembar,
                    sumber.sel,
                    teks=exc.teks,
                    kolom=kolom.jalur,
                )
            )
            return Nilai(sumber=sumber)

    seri_kolom = header.cari("seri")
    out = []
    for baris in range(header.baris_data, lembar.jumlah_baris + 1):
        tahun = nilai(baris, "tahun").angka
        if tahun is None or not 1990 <= tahun <= 2100:
            continue
        seri = normalisasi(lembar.nilai(baris, seri_kolom.indeks)) if seri_kolom else ""
        out.append(
            KomponenIpm(
                tahun=int(tahun),
                uhh=nilai(baris, "uhh"),
                hls=nilai(baris, "hls"),
                rls=nilai(baris, "rls"),
                pengeluaran=nilai(baris, "pengeluaran"),
                seri="baru" if "baru" in seri else ("lama" if "lama" in seri else ""),
            )
        )
    return out, problems
