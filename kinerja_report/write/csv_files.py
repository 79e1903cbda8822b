"""capaian.csv and masalah.csv: UTF-8, comma-separated, '.' as decimal point.

Text cells that start with '=', '+', '-', '@', a tab or a carriage return are prefixed with
a single quote (OWASP's advice against CSV injection), so a spreadsheet never runs them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import Nilai
from kinerja_report.problems import Masalah

KOLOM_CAPAIAN = (
    "tahun",
    "opd",
    "kode",
    "tingkat",
    "indikator",
    "satuan",
    "polaritas",
    "target",
    "realisasi",
    "capaian_persen",
    "kategori",
    "sumber",
    # beyond the contract:
    "uraian",
    "rumus",
    "sumber_target",
    "target_rp",
    "realisasi_rp",
)
KOLOM_MASALAH = ("tingkat", "kode", "berkas", "lembar", "sel", "pesan")
_FORMULA_AWAL = ("=", "+", "-", "@", "\t", "\r")


def netralkan(text: str) -> str:
    """Prefix text that a spreadsheet would read as a formula with a single quote."""
    return "'" + text if text.startswith(_FORMULA_AWAL) else text


def angka_csv(value: float | None) -> str:
    """A number with '.' as decimal point, no exponent, no trailing zeros."""
    if value is None:
        return ""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _nilai_csv(nilai: Nilai) -> str:
    if nilai.angka is not None:
        return angka_csv(nilai.angka)
    return netralkan(nilai.teks or "")


def _persen(value: float | None) -> str:
    return angka_csv(round(value, 2)) if value is not None else ""


def _baris_capaian(row: BarisCapaian) -> list[str]:
    quarters = [*row.capaian_triwulan, None, None, None, None][:4]
    progress = row.kemajuan
    return [
        str(row.tahun),
        netralkan(row.opd),
        netralkan(row.kode),
        row.tingkat.value,
        netralkan(row.indikator),
        netralkan(row.satuan),
        row.polaritas.value,
        _nilai_csv(row.target),
        _nilai_csv(row.realisasi),
        _persen(row.capaian.persen),
        row.kategori,
        netralkan(str(row.realisasi.sumber or "")),
        netralkan(row.rumus),
        row.sifat.agregasi.value,
        netralkan(row.uraian),
        netralkan(row.sasaran),
        netralkan(str(row.target.sumber or "")),
        *(_persen(q) for q in quarters),
        _nilai_csv(row.target_rp),
        _nilai_csv(row.realisasi_rp),
        _persen(row.serapan),
        row.efisiensi,
        _nilai_csv(row.target_akhir),
        angka_csv(progress.realisasi_sd),
        _persen(progress.capaian_sd),
        angka_csv(progress.proyeksi),
        progress.status,
    ]


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def csv_capaian(rows: Iterable[BarisCapaian]) -> bytes:
    """capaian.csv as bytes."""
    return _csv_bytes(KOLOM_CAPAIAN, (_baris_capaian(row) for row in rows))


def csv_masalah(problems: Iterable[Masalah]) -> bytes:
    """masalah.csv as bytes."""
    rows = (
        [
            p.tingkat.value,
            p.kode,
            netralkan(p.berkas),
            netralkan(p.lembar),
            p.sel,
            netralkan(p.pesan),
        ]
        for p in problems
    )
    return _csv_bytes(KOLOM_MASALAH, rows)
