"""kinerja-report: capaian kinerja, Perjanjian Kinerja and evaluation reports from OPD workbooks.

The library API; the ``kinerja`` command is a thin shell over it.
"""

from __future__ import annotations

from kinerja_report.compute.capaian import HasilCapaian, capaian_angka, hitung_capaian, kategori
from kinerja_report.errors import KinerjaError
from kinerja_report.pipeline import HasilBuild, Kumpulan, build, kumpulkan
from kinerja_report.problems import KATALOG, Masalah, Tingkat
from kinerja_report.read.numbers import BukanAngka, parse_angka

__version__ = "0.1.0"

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
