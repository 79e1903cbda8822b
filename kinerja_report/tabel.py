"""The library for analysts: a folder of workbooks read into pandas DataFrames.

:func:`baca` reads, checks and computes exactly as ``kinerja check`` does (nothing is
written) and returns the results as tables: ``capaian`` with the columns of capaian.csv,
``masalah`` with those of masalah.csv, and ``ringkasan``, one row per OPD per year. The typed
results they come from stay at hand in ``kumpulan``.

The DataFrames are built from the same column table as capaian.csv
(:data:`kinerja_report.write.csv_files.KOLOM`), so a column added or renamed there appears
here too, with the dtype its :class:`~kinerja_report.write.csv_files.Jenis` gives.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from kinerja_report.compute.report import LaporanOpd
from kinerja_report.compute.rules import LABEL_TERCAPAI, LABEL_TIDAK_TERCAPAI, AturanCapaian
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import Nilai
from kinerja_report.pipeline import Kumpulan, kumpulkan
from kinerja_report.problems import Masalah, Tingkat
from kinerja_report.write.csv_files import KOLOM, KOLOM_MASALAH, Jenis, KolomCapaian

_DTYPE: dict[Jenis, str | None] = {
    Jenis.BULAT: "int64",
    Jenis.TAHUN: "Int64",  # pandas' integer with missing values (<NA>)
    Jenis.ANGKA: "float64",
    Jenis.PERSEN: "float64",
    Jenis.RUPIAH: "float64",
    Jenis.NILAI: "object",  # a number, or the text of a qualitative value ('WTP')
    Jenis.TEKS: None,  # pandas' own text dtype
    Jenis.LABEL: None,
}

URUTAN_TINGKAT = (Tingkat.INFO.value, Tingkat.PERINGATAN.value, Tingkat.GALAT.value)
"""Problem severities from least to most severe: the order of ``masalah['tingkat']``."""


@dataclass(frozen=True, eq=False)
class DataKinerja:
    """What :func:`baca` returns: the results of one input folder as DataFrames."""

    capaian: pd.DataFrame
    """One row per indicator per OPD (or the regency) per year, in the order and with the
    columns of capaian.csv. Years are integers (the end year of the period a nullable
    ``Int64``: it may be unknown); numbers and percentages floats (NaN when empty;
    percentages rounded to 2 decimals as in the CSV); ``target``, ``realisasi`` and the
    end-of-period target hold a float, or the text of a qualitative value such as 'WTP';
    ``kategori`` is an ordered categorical, lowest category first ('Tidak tercapai' and
    'Tercapai' of ordinal indicators, then the scale); ``sumber`` names the cell
    (``berkas!lembar!sel``) of each realisation."""
    masalah: pd.DataFrame
    """Every problem found, with the columns of masalah.csv; ``tingkat`` is an ordered
    categorical (info < peringatan < galat)."""
    ringkasan: pd.DataFrame
    """One row per OPD per year: number of indicators, the average capaian and its kategori,
    the number of indicators per kategori (one column per label), pagu, realised budget and
    absorption (``serapan_persen``), as in the evaluation report and rekap.xlsx."""
    kumpulan: Kumpulan
    """The typed results the tables are made of (rows, reports, settings, IPM ...)."""


def baca(folder: str | os.PathLike[str]) -> DataKinerja:
    """Read every workbook below ``folder`` (and its ``pengaturan.toml``) into DataFrames.

    Bad data in a workbook never raises: it is a row of ``masalah``. A settings file that is
    not valid raises :class:`~kinerja_report.errors.PengaturanTidakValid`.

    >>> data = baca("sample_data")  # doctest: +SKIP
    >>> data.capaian.groupby("opd")["capaian_persen"].mean()  # doctest: +SKIP
    """
    return dari_kumpulan(kumpulkan(Path(folder)))


def dari_kumpulan(kumpulan: Kumpulan) -> DataKinerja:
    """The DataFrames of results already read (:func:`~kinerja_report.pipeline.kumpulkan`),
    as :func:`baca` gives them."""
    kategori = urutan_kategori(kumpulan.pengaturan.aturan)
    return DataKinerja(
        capaian=tabel_capaian(kumpulan.baris, [*KATEGORI_URUT, *kategori]),
        masalah=tabel_masalah(kumpulan.masalah),
        ringkasan=tabel_ringkasan(kumpulan.laporan, kategori),
        kumpulan=kumpulan,
    )


KATEGORI_URUT = (LABEL_TIDAK_TERCAPAI, LABEL_TERCAPAI)
"""The kategori of ordinal indicators (reached or not by rank), ordered before the scale."""


def urutan_kategori(aturan: AturanCapaian) -> list[str]:
    """The labels of the category scale from the lowest to the highest."""
    return list(dict.fromkeys(pita.label for pita in aturan.skala))[::-1]


def tabel_capaian(baris: Iterable[BarisCapaian], kategori: Sequence[str]) -> pd.DataFrame:
    """Capaian rows as a DataFrame with the columns of capaian.csv; ``kategori`` lists the
    category labels from the lowest to the highest."""
    rows = list(baris)
    return pd.DataFrame({kolom.nama: _seri(kolom, rows, kategori) for kolom in KOLOM})


def _seri(kolom: KolomCapaian, rows: list[BarisCapaian], kategori: Sequence[str]) -> pd.Series:
    values = [_nilai(kolom.jenis, kolom.nilai(row)) for row in rows]
    if kolom.jenis is Jenis.KATEGORI:
        return pd.Series(_kategori(values, kategori))
    return pd.Series(values, dtype=_DTYPE[kolom.jenis])


def _nilai(jenis: Jenis, value: Any) -> object:
    if isinstance(value, Nilai):
        if jenis is Jenis.NILAI and value.angka is None:
            return value.teks
        return value.angka
    if jenis is Jenis.PERSEN and value is not None:
        return round(value, 2)
    if jenis is Jenis.KATEGORI:
        return value or None
    return value


def _kategori(values: Sequence[object], urutan: Sequence[str]) -> pd.Categorical:
    """An ordered categorical; a value outside ``urutan`` is an error, not a silent NaN."""
    teks = [None if value is None else str(value) for value in values]
    asing = {value for value in teks if value is not None} - set(urutan)
    if asing:
        raise ValueError(f"nilai di luar kategori {list(urutan)}: {sorted(asing)}")
    return pd.Categorical(teks, categories=list(urutan), ordered=True)


def tabel_masalah(problems: Iterable[Masalah]) -> pd.DataFrame:
    """Problems as a DataFrame with the columns of masalah.csv."""
    items = list(problems)
    data = {name: pd.Series([getattr(p, name) for p in items]) for name in KOLOM_MASALAH}
    data["tingkat"] = pd.Series(_kategori([p.tingkat.value for p in items], URUTAN_TINGKAT))
    return pd.DataFrame(data)


def tabel_ringkasan(laporan: Iterable[LaporanOpd], kategori: Sequence[str]) -> pd.DataFrame:
    """One row per OPD per year, from the same figures as the evaluation report."""
    items = list(laporan)
    per_label = list(reversed(kategori))  # highest first, as in rekap.xlsx
    counts = [dict(lap.jumlah_kategori) for lap in items]
    return pd.DataFrame(
        {
            "tahun": pd.Series([lap.tahun for lap in items], dtype="int64"),
            "opd": pd.Series([lap.opd for lap in items]),
            "berkas": pd.Series([lap.berkas for lap in items]),
            "lembar": pd.Series([lap.lembar for lap in items]),
            "jumlah_indikator": pd.Series([len(lap.baris) for lap in items], dtype="int64"),
            "jumlah_terhitung": pd.Series(
                [sum(1 for r in lap.baris if r.capaian.persen is not None) for lap in items],
                dtype="int64",
            ),
            "rata_rata_capaian": pd.Series([lap.rata_rata for lap in items], dtype="float64"),
            "kategori": pd.Series(
                _kategori([lap.kategori_rata_rata or None for lap in items], kategori)
            ),
            **{
                label: pd.Series([c.get(label, 0) for c in counts], dtype="int64")
                for label in per_label
            },
            "pagu": pd.Series([lap.anggaran.pagu for lap in items], dtype="float64"),
            "realisasi_anggaran": pd.Series(
                [lap.anggaran.realisasi for lap in items], dtype="float64"
            ),
            "serapan_persen": pd.Series([lap.anggaran.serapan for lap in items], dtype="float64"),
        }
    )
