"""capaian.csv and masalah.csv: UTF-8, comma-separated, '.' as decimal point.

Text cells that start with '=', '+', '-', '@', a tab or a carriage return are prefixed with
a single quote (OWASP's advice against CSV injection), so a spreadsheet never runs them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence

from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import Nilai
from kinerja_report.problems import Masalah

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


_KOLOM: tuple[tuple[str, Callable[[BarisCapaian], str]], ...] = (
    ("tahun", lambda r: str(r.tahun)),
    ("opd", lambda r: netralkan(r.opd)),
    ("kode", lambda r: netralkan(r.kode)),
    ("tingkat", lambda r: r.tingkat.value),
    ("indikator", lambda r: netralkan(r.indikator)),
    ("satuan", lambda r: netralkan(r.satuan)),
    ("polaritas", lambda r: r.polaritas.value),
    ("target", lambda r: _nilai_csv(r.target)),
    ("realisasi", lambda r: _nilai_csv(r.realisasi)),
    ("capaian_persen", lambda r: _persen(r.capaian.persen)),
    ("kategori", lambda r: r.kategori),
    ("sumber", lambda r: netralkan(str(r.realisasi.sumber or ""))),
    # beyond the contract:
    ("rumus", lambda r: netralkan(r.rumus)),
    ("agregasi", lambda r: r.sifat.agregasi.value),
    ("uraian", lambda r: netralkan(r.uraian)),
    ("sasaran", lambda r: netralkan(r.sasaran)),
    ("sumber_target", lambda r: netralkan(str(r.target.sumber or ""))),
    ("capaian_tw1", lambda r: _persen(r.capaian_sampai(1))),
    ("capaian_tw2", lambda r: _persen(r.capaian_sampai(2))),
    ("capaian_tw3", lambda r: _persen(r.capaian_sampai(3))),
    ("capaian_tw4", lambda r: _persen(r.capaian_sampai(4))),
    ("target_rp", lambda r: _nilai_csv(r.target_rp)),
    ("realisasi_rp", lambda r: _nilai_csv(r.realisasi_rp)),
    ("serapan_persen", lambda r: _persen(r.serapan)),
    ("efisiensi", lambda r: r.efisiensi),
    ("tahun_akhir", lambda r: str(r.tahun_akhir or "")),
    ("target_akhir", lambda r: _nilai_csv(r.target_akhir)),
    ("realisasi_sd", lambda r: angka_csv(r.kemajuan.realisasi_sd)),
    ("capaian_sd_persen", lambda r: _persen(r.kemajuan.capaian_sd)),
    ("proyeksi_akhir", lambda r: angka_csv(r.kemajuan.proyeksi)),
    ("status_akhir", lambda r: r.kemajuan.status),
)
KOLOM_CAPAIAN = tuple(name for name, _ in _KOLOM)
"""The columns of capaian.csv; the first twelve are a contract for other tools."""


def _baris_capaian(row: BarisCapaian) -> list[str]:
    return [fn(row) for _, fn in _KOLOM]


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    # Text reaching here is valid Unicode (names are escaped when read); a lone surrogate from
    # an odd .xls string is written escaped rather than failing the whole build.
    return buffer.getvalue().encode("utf-8", errors="backslashreplace")


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
