"""CSV files are valid UTF-8 whatever text reaches them."""

from __future__ import annotations

import os

from kinerja_report.problems import Masalah, masalah
from kinerja_report.write.csv_files import csv_masalah


def test_nama_bukan_utf8_di_masalah_csv() -> None:
    name = os.fsdecode(b"dinas-\xff.xlsx")
    data = csv_masalah([masalah("berkas-kosong", name), Masalah("berkas-kosong", "\udcfe")])
    text = data.decode("utf-8")
    assert "dinas-\\xff.xlsx" in text  # escaped by masalah()
    assert "\\udcfe" in text  # and a stray surrogate never fails the writer
