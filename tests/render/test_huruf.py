"""The font-subsetting probe that spares a no-change rebuild WeasyPrint's import agrees with
WeasyPrint's own loader, on this machine and on one without the library."""

from __future__ import annotations

import subprocess
import sys

from weasyprint.text import ffi

from kinerja_report.render import huruf
from tests.conftest import ROOT


def test_probe_sama_dengan_pemuat_weasyprint() -> None:
    assert huruf.subset_huruf_cepat() is (ffi.harfbuzz_subset is not None)


def test_probe_tanpa_pustaka_sama_dengan_weasyprint() -> None:
    kode = (
        "import tests.tanpa_harfbuzz_subset, warnings; warnings.simplefilter('ignore'); "
        "from kinerja_report.render.huruf import subset_huruf_cepat; "
        "from weasyprint.text import ffi; print(subset_huruf_cepat(), ffi.harfbuzz_subset)"
    )
    keluar = subprocess.run(
        [sys.executable, "-c", kode], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert keluar.stdout.split() == ["False", "None"], keluar.stderr


def test_versi_weasyprint_dari_metadata() -> None:
    import weasyprint

    assert huruf.versi_weasyprint() == weasyprint.__version__


def test_impor_pipeline_tanpa_weasyprint() -> None:
    # a rebuild that renders nothing never loads WeasyPrint (its import is most of the
    # import time of the command)
    kode = "import sys, kinerja_report.cli; print('weasyprint' in sys.modules)"
    keluar = subprocess.run(
        [sys.executable, "-c", kode], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert keluar.stdout.strip() == "False", keluar.stderr
