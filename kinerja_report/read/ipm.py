"""Reading an IPM components table: Tahun | UHH | HLS | RLS | Pengeluaran | Seri."""

from __future__ import annotations

from kinerja_report.model import KomponenIpm
from kinerja_report.problems import Masalah
from kinerja_report.read.cells import PembacaSel
from kinerja_report.read.header import Header
from kinerja_report.read.normalize import normalisasi
from kinerja_report.read.sheet import Lembar


def baca_komponen_ipm(lembar: Lembar, header: Header) -> tuple[list[KomponenIpm], list[Masalah]]:
    """One :class:`KomponenIpm` per row with a year; rows go through the shared cell reader
    (text in a number cell, formula errors and hidden rows are reported by cell)."""
    sel = PembacaSel(lembar, header)
    out = []
    for baris in sel.baris_data():
        tahun = sel.angka(baris, "tahun").angka
        if tahun is None or not 1990 <= tahun <= 2100:
            continue
        seri = normalisasi(sel.teks(baris, "seri"))
        out.append(
            KomponenIpm(
                tahun=int(tahun),
                uhh=sel.angka(baris, "uhh"),
                hls=sel.angka(baris, "hls"),
                rls=sel.angka(baris, "rls"),
                pengeluaran=sel.angka(baris, "pengeluaran"),
                seri="baru" if "baru" in seri else ("lama" if "lama" in seri else ""),
            )
        )
    return out, sel.masalah
