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
        out.append(
            KomponenIpm(
                tahun=int(tahun),
                uhh=sel.angka(baris, "uhh"),
                hls=sel.angka(baris, "hls"),
                rls=sel.angka(baris, "rls"),
                pengeluaran=sel.angka(baris, "pengeluaran"),
                seri=baca_seri(sel.teks(baris, "seri")),
            )
        )
    return out, sel.masalah


def baca_seri(teks: str) -> str:
    """A BPS series as written ('Seri baru', 'metode baru (LF SP2020)', 'lama') -> 'baru',
    'lama', or '' when the cell does not say."""
    seri = normalisasi(teks)
    return "baru" if "baru" in seri else ("lama" if "lama" in seri else "")
