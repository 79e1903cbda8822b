"""capaian.csv and masalah.csv: UTF-8, comma-separated, '.' as decimal point.

Text cells that start with '=', '+', '-', '@', a tab or a carriage return are prefixed with
a single quote (OWASP's advice against CSV injection), so a spreadsheet never runs them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum, auto
from typing import Any

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


class Jenis(Enum):
    """What a capaian.csv column holds: how the CSV writes it, and its dtype in the library's
    DataFrame (:func:`kinerja_report.tabel.tabel_capaian`)."""

    BULAT = auto()
    """A whole number (the year)."""
    TAHUN = auto()
    """A year, or None when not known (the end year of the period)."""
    ANGKA = auto()
    """A number or None."""
    PERSEN = auto()
    """A percentage or None, rounded to 2 decimals."""
    NILAI = auto()
    """A cell value (:class:`Nilai`): a number, or a text such as a qualitative target 'WTP'."""
    RUPIAH = auto()
    """A cell value of a rupiah column: its number (text there is a 'teks-di-kolom-angka'
    error; the CSV still shows it)."""
    TEKS = auto()
    """Text from the workbooks (names, codes, cells): neutralised in the CSV."""
    LABEL = auto()
    """One of the tool's own words (tingkat, polaritas, agregasi, status ...)."""
    KATEGORI = auto()
    """A label of the category scale, which is ordered."""


@dataclass(frozen=True)
class KolomCapaian:
    """One column of capaian.csv: its name, what it holds, and its value for a row."""

    nama: str
    jenis: Jenis
    nilai: Callable[[BarisCapaian], Any]


_FORMAT_CSV: dict[Jenis, Callable[[Any], str]] = {
    Jenis.BULAT: str,
    Jenis.TAHUN: lambda value: str(value or ""),
    Jenis.ANGKA: angka_csv,
    Jenis.PERSEN: _persen,
    Jenis.NILAI: _nilai_csv,
    Jenis.RUPIAH: _nilai_csv,
    Jenis.TEKS: netralkan,
    Jenis.LABEL: str,
    Jenis.KATEGORI: str,
}

_K = KolomCapaian
KOLOM: tuple[KolomCapaian, ...] = (
    _K("tahun", Jenis.BULAT, lambda r: r.tahun),
    _K("opd", Jenis.TEKS, lambda r: r.opd),
    _K("kode", Jenis.TEKS, lambda r: r.kode),
    _K("tingkat", Jenis.LABEL, lambda r: r.tingkat.value),
    _K("indikator", Jenis.TEKS, lambda r: r.indikator),
    _K("satuan", Jenis.TEKS, lambda r: r.satuan),
    _K("polaritas", Jenis.LABEL, lambda r: r.polaritas.value),
    _K("target", Jenis.NILAI, lambda r: r.target),
    _K("realisasi", Jenis.NILAI, lambda r: r.realisasi),
    _K("capaian_persen", Jenis.PERSEN, lambda r: r.capaian.persen),
    _K("kategori", Jenis.KATEGORI, lambda r: r.kategori),
    _K("sumber", Jenis.TEKS, lambda r: str(r.realisasi.sumber or "")),
    # beyond the contract:
    _K("rumus", Jenis.TEKS, lambda r: r.rumus),
    _K("agregasi", Jenis.LABEL, lambda r: r.sifat.agregasi.value),
    _K("uraian", Jenis.TEKS, lambda r: r.uraian),
    _K("sasaran", Jenis.TEKS, lambda r: r.sasaran),
    _K("sumber_target", Jenis.TEKS, lambda r: str(r.target.sumber or "")),
    _K("capaian_tw1", Jenis.PERSEN, lambda r: r.capaian_sampai(1)),
    _K("capaian_tw2", Jenis.PERSEN, lambda r: r.capaian_sampai(2)),
    _K("capaian_tw3", Jenis.PERSEN, lambda r: r.capaian_sampai(3)),
    _K("capaian_tw4", Jenis.PERSEN, lambda r: r.capaian_sampai(4)),
    _K("target_rp", Jenis.RUPIAH, lambda r: r.target_rp),
    _K("realisasi_rp", Jenis.RUPIAH, lambda r: r.realisasi_rp),
    _K("serapan_persen", Jenis.PERSEN, lambda r: r.serapan),
    _K("efisiensi", Jenis.LABEL, lambda r: r.efisiensi),
    _K("tahun_akhir", Jenis.TAHUN, lambda r: r.tahun_akhir),
    _K("target_akhir", Jenis.NILAI, lambda r: r.target_akhir),
    _K("realisasi_sd", Jenis.ANGKA, lambda r: r.kemajuan.realisasi_sd),
    _K("capaian_sd_persen", Jenis.PERSEN, lambda r: r.kemajuan.capaian_sd),
    _K("proyeksi_akhir", Jenis.ANGKA, lambda r: r.kemajuan.proyeksi),
    _K("status_akhir", Jenis.LABEL, lambda r: r.kemajuan.status),
    _K("sampai_triwulan", Jenis.BULAT, lambda r: r.triwulan),
)
"""The columns of capaian.csv, in order; the first twelve are a contract for other tools.
The library's DataFrame is built from this same table."""
KOLOM_CAPAIAN = tuple(kolom.nama for kolom in KOLOM)


def _baris_capaian(row: BarisCapaian) -> list[str]:
    return [_FORMAT_CSV[kolom.jenis](kolom.nilai(row)) for kolom in KOLOM]


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
