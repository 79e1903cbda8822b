"""kinerja-report: capaian kinerja, Perjanjian Kinerja and evaluation reports from OPD workbooks.

The library API; the ``kinerja`` command is a thin shell over it. Names are imported on first
use (PEP 562), so that the command can set up its signal handling before WeasyPrint and
pandas load. For analysis in Python:

>>> import kinerja_report as kr
>>> data = kr.baca("sample_data")  # doctest: +SKIP
>>> data.capaian.dtypes  # doctest: +SKIP

:func:`baca` gives the results as pandas DataFrames, :func:`kumpulkan` the typed results
and :func:`build` writes every output; :func:`hitung_capaian` and :func:`hitung_ipm` compute
one value. The rules are described in the repository's ``docs/`` pages.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kinerja_report.compute.capaian import (
        HasilCapaian,
        capaian_angka,
        hitung_capaian,
        kategori,
    )
    from kinerja_report.compute.ipm import HasilIpm, IpmTidakValid, hitung_ipm
    from kinerja_report.compute.rules import AturanCapaian, RumusNegatif
    from kinerja_report.errors import KinerjaError
    from kinerja_report.model import Nilai, Polaritas
    from kinerja_report.pipeline import HasilBuild, Kumpulan, build, kumpulkan
    from kinerja_report.problems import KATALOG, Masalah, Tingkat
    from kinerja_report.read.numbers import BukanAngka, parse_angka
    from kinerja_report.settings import Pengaturan, baca_pengaturan
    from kinerja_report.tabel import DataKinerja, baca, dari_kumpulan

__version__ = "0.1.0"
"""The version, in this one place (pyproject.toml reads it from here)."""

_MODUL = {
    "HasilCapaian": "kinerja_report.compute.capaian",
    "capaian_angka": "kinerja_report.compute.capaian",
    "hitung_capaian": "kinerja_report.compute.capaian",
    "kategori": "kinerja_report.compute.capaian",
    "HasilIpm": "kinerja_report.compute.ipm",
    "IpmTidakValid": "kinerja_report.compute.ipm",
    "hitung_ipm": "kinerja_report.compute.ipm",
    "AturanCapaian": "kinerja_report.compute.rules",
    "RumusNegatif": "kinerja_report.compute.rules",
    "KinerjaError": "kinerja_report.errors",
    "Nilai": "kinerja_report.model",
    "Polaritas": "kinerja_report.model",
    "HasilBuild": "kinerja_report.pipeline",
    "Kumpulan": "kinerja_report.pipeline",
    "build": "kinerja_report.pipeline",
    "kumpulkan": "kinerja_report.pipeline",
    "KATALOG": "kinerja_report.problems",
    "Masalah": "kinerja_report.problems",
    "Tingkat": "kinerja_report.problems",
    "BukanAngka": "kinerja_report.read.numbers",
    "parse_angka": "kinerja_report.read.numbers",
    "Pengaturan": "kinerja_report.settings",
    "baca_pengaturan": "kinerja_report.settings",
    "DataKinerja": "kinerja_report.tabel",
    "baca": "kinerja_report.tabel",
    "dari_kumpulan": "kinerja_report.tabel",
}

__all__ = [
    "KATALOG",
    "AturanCapaian",
    "BukanAngka",
    "DataKinerja",
    "HasilBuild",
    "HasilCapaian",
    "HasilIpm",
    "IpmTidakValid",
    "KinerjaError",
    "Kumpulan",
    "Masalah",
    "Nilai",
    "Pengaturan",
    "Polaritas",
    "RumusNegatif",
    "Tingkat",
    "__version__",
    "baca",
    "baca_pengaturan",
    "build",
    "capaian_angka",
    "dari_kumpulan",
    "hitung_capaian",
    "hitung_ipm",
    "kategori",
    "kumpulkan",
    "parse_angka",
]


def __getattr__(nama: str) -> object:
    if nama in _MODUL:
        return getattr(importlib.import_module(_MODUL[nama]), nama)
    raise AttributeError(f"module 'kinerja_report' has no attribute '{nama}'")
