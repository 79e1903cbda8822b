"""The run's PDFs (tests/pdf_tersimpan.py): a document is found again only when its HTML,
template folder and assets are the same."""

from __future__ import annotations

import shutil
from pathlib import Path

from kinerja_report.render.html import FOLDER_TEMPLAT
from kinerja_report.render.pool import TugasPdf
from tests.pdf_tersimpan import PdfTersimpan


def test_ditemukan_hanya_bila_semua_masukannya_sama(tmp_path: Path) -> None:
    simpanan = PdfTersimpan(tmp_path / "pdf")
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"logo-1")
    tugas = TugasPdf("a.pdf", "<p>Capaian 97,50 %</p>", FOLDER_TEMPLAT, (logo,))
    assert simpanan.ambil(tugas) is None
    simpanan.simpan(tugas, b"%PDF-1")
    assert simpanan.ambil(tugas) == b"%PDF-1"
    assert simpanan.ambil(TugasPdf("lain.pdf", tugas.html, FOLDER_TEMPLAT, (logo,))) == b"%PDF-1"
    assert (
        simpanan.ambil(TugasPdf("a.pdf", "<p>Capaian 97,51 %</p>", FOLDER_TEMPLAT, (logo,))) is None
    )
    templat = tmp_path / "templat"
    shutil.copytree(FOLDER_TEMPLAT, templat, ignore=shutil.ignore_patterns("__pycache__"))
    assert simpanan.ambil(TugasPdf("a.pdf", tugas.html, templat, (logo,))) is None
    logo.write_bytes(b"logo-2")  # the same path, another picture
    assert simpanan.ambil(tugas) is None
    logo.unlink()
    assert simpanan.ambil(tugas) is None
    simpanan.simpan(tugas, b"%PDF-2")  # a missing asset: never kept
    assert [p.suffix for p in (tmp_path / "pdf").iterdir()] == [".pdf"]  # the first, no .tmp
