"""kinerja-report: capaian kinerja, Perjanjian Kinerja and evaluation reports from OPD workbooks.

The library API; the ``kinerja`` command is a thin shell over it. Names are imported on first
use (PEP 562), so that the command can set up its signal handling before WeasyPrint and
pandas load.
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
    from kinerja_report.errors import KinerjaError
    from kinerja_report.pipeline import HasilBuild, Kumpulan, build, kumpulkan
    from kinerja_report.problems import KATALOG, Masalah, Tingkat
    from kinerja_report.read.numbers import BukanAngka, parse_angka

__version__ = "0.1.0"

_MODUL = {
    "HasilCapaian": "kinerja_report.compute.capaian",
    "capaian_angka": "kinerja_report.compute.capaian",
    "hitung_capaian": "kinerja_report.compute.capaian",
    "kategori": "kinerja_report.compute.capaian",
    "KinerjaError": "kinerja_report.errors",
    "HasilBuild": "kinerja_report.pipeline",
    "Kumpulan": "kinerja_report.pipeline",
    "build": "kinerja_report.pipeline",
    "kumpulkan": "kinerja_report.pipeline",
    "KATALOG": "kinerja_report.problems",
    "Masalah": "kinerja_report.problems",
    "Tingkat": "kinerja_report.problems",
    "BukanAngka": "kinerja_report.read.numbers",
    "parse_angka": "kinerja_report.read.numbers",
}

__all__ = [
    "KATALOG",
    "BukanAngka",
    "HasilBuild",
    "HasilCapaian",
    "KinerjaError",
    "Kumpulan",
    "Masalah",
    "Tingkat",
    "__version__",
    "build",
    "capaian_angka",
    "hitung_capaian",
    "kategori",
    "kumpulkan",
    "parse_angka",
]


def __getattr__(nama: str) -> object:
    if nama in _MODUL:
        return getattr(importlib.import_module(_MODUL[nama]), nama)
    raise AttributeError(f"module 'kinerja_report' has no attribute '{nama}'")
