"""A machine without libharfbuzz-subset0 (simulated by tests/tanpa_harfbuzz_subset.py): the
tests still run, and ``kinerja build`` says once, in Indonesian, what to install."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from kinerja_report.render.pdf import PETUNJUK_HARFBUZZ
from tests.builders import BARIS_CONTOH, buat_evaluasi
from tests.conftest import ROOT

TANPA_SUBSET = "import tests.tanpa_harfbuzz_subset"


def _python(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def test_simulasi_menyembunyikan_pustaka() -> None:
    keluar = _python(
        "-c",
        f"{TANPA_SUBSET}; from kinerja_report.render.pdf import subset_huruf_cepat; "
        "print(subset_huruf_cepat())",
    )
    assert keluar.stdout == "False\n", keluar.stderr
    # WeasyPrint's import warns then; as an error, that warning is what stopped the tests
    keluar = _python("-W", "error::DeprecationWarning", "-c", f"{TANPA_SUBSET}; import weasyprint")
    assert keluar.returncode == 1
    assert "DeprecationWarning: HarfBuzz-Subset will be required" in keluar.stderr


def test_uji_tetap_berjalan() -> None:
    # the project's pytest settings (warnings are errors) with a test file that renders PDFs,
    # in one process ('-n 0': two xdist workers would only add their start-up)
    keluar = _python(
        "-m",
        "pytest",
        "-q",
        "-n",
        "0",
        "-p",
        "no:cacheprovider",
        "-p",
        "tests.tanpa_harfbuzz_subset",
        "tests/render/test_fetcher.py",
    )
    assert keluar.returncode == 0, keluar.stdout[-3000:]
    assert re.fullmatch(r"\d+ passed in .*", keluar.stdout.strip().splitlines()[-1])


def test_build_memberi_petunjuk_sekali(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "in" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    buat_evaluasi(tmp_path / "in" / "dinsos.xlsx", "Dinas Sosial", 2023, BARIS_CONTOH)
    perintah = (
        "-c",
        f"{TANPA_SUBSET}; from kinerja_report.__main__ import utama; utama()",
        "build",
        str(tmp_path / "in"),
        "--out",
        str(tmp_path / "out"),
    )
    keluar = _python(*perintah)
    assert keluar.returncode == 0, keluar.stderr
    assert keluar.stderr.startswith(PETUNJUK_HARFBUZZ + "\n")
    assert keluar.stderr.count("HarfBuzz") == 1
    assert "libharfbuzz-subset0" in PETUNJUK_HARFBUZZ
    assert "Selesai: 2 workbook dibaca (0 gagal)" in keluar.stdout
    assert len(list((tmp_path / "out").glob("2023/evaluasi/*.pdf"))) == 2
    # the same build again writes no PDF, so it says nothing of how PDFs are written
    lagi = _python(*perintah)
    assert lagi.returncode == 0, lagi.stderr
    assert "Selesai: 2 workbook dibaca (0 gagal)" in lagi.stdout
    assert "HarfBuzz" not in lagi.stderr


def test_pdf_sama_persis_dengan_fonttools() -> None:
    # fontTools stamps each subset font with the clock; two renders a second apart must match
    kode = f"""
{TANPA_SUBSET}
import io, os, time
import pypdf
from kinerja_report.render.html import FOLDER_TEMPLAT
from kinerja_report.render.pdf import render_pdf

html = "<link rel=stylesheet href=dasar.css><p>Capaian 95,41 %</p>"
a = render_pdf(html, FOLDER_TEMPLAT)
time.sleep(1.1)
b = render_pdf(html, FOLDER_TEMPLAT)
fonts = pypdf.PdfReader(io.BytesIO(b)).pages[0]["/Resources"]["/Font"]
print(a == b, sorted(str(f.get_object()["/BaseFont"])[8:] for f in fonts.values()))
print("SOURCE_DATE_EPOCH" in os.environ)
"""
    keluar = _python("-c", kode)
    assert keluar.stdout == "True ['Liberation-Sans']\nFalse\n", keluar.stderr
