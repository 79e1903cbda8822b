"""WeasyPrint imported without ctypes.util.find_library's programs loads the libraries its own
import loads, and falls back to its own import when a library is found only by that search.
Each case in a new interpreter: a process imports WeasyPrint once."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import python_checkout

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the quick way is for Linux only"
)

PUSTAKA_DIMUAT = (
    "libs = sorted({l.split()[-1] for l in open('/proc/self/maps') if '.so' in l}); "
    "print(len(libs)); print(*libs, sep='\\n')"
)
"""Print the shared libraries this process has loaded."""


def test_tanpa_program_dan_find_library_dikembalikan() -> None:
    kode = (
        "import ctypes.util, subprocess, sys\n"
        "asli = ctypes.util.find_library\n"
        "dimulai = []\n"
        "popen = subprocess.Popen.__init__\n"
        "def catat(self, args, *a, **k):\n"
        "    dimulai.append(args)\n"
        "    popen(self, args, *a, **k)\n"
        "subprocess.Popen.__init__ = catat\n"
        "from kinerja_report.render import muat_weasyprint\n"
        "print(muat_weasyprint.CEPAT, 'weasyprint.text.ffi' in sys.modules,"
        " ctypes.util.find_library is asli, dimulai)\n"
    )
    keluar = python_checkout(["-c", kode], timeout=60)
    assert keluar.stdout.split() == ["True", "True", "True", "[]"], keluar.stderr


def test_pustaka_sama_dengan_impor_weasyprint_sendiri() -> None:
    cepat = python_checkout(
        ["-c", f"import kinerja_report.render.muat_weasyprint; {PUSTAKA_DIMUAT}"], timeout=60
    )
    sendiri = python_checkout(
        ["-W", "ignore", "-c", f"import weasyprint; {PUSTAKA_DIMUAT}"], timeout=60
    )
    assert cepat.returncode == sendiri.returncode == 0, cepat.stderr + sendiri.stderr
    assert int(cepat.stdout.split()[0]) > 10  # Pango, HarfBuzz, fontconfig and theirs
    assert cepat.stdout == sendiri.stdout


def test_pustaka_yang_hanya_ditemukan_pencarian_lewat_impor_weasyprint() -> None:
    # a system whose fontconfig is not at the file name WeasyPrint lists
    # ('libfontconfig.so.1'): only find_library's search gives it (here, its full path)
    kode = (
        "import ctypes, ctypes.util, _cffi_backend, sys\n"
        "ctypes.CDLL('libfontconfig.so.1')\n"
        "jalur = next(l.split()[-1] for l in open('/proc/self/maps') if 'libfontconfig.so' in l)\n"
        "muat = _cffi_backend.load_library\n"
        "def tanpa_nama_berkas(nama, *a):\n"
        "    if nama == 'libfontconfig.so.1':\n"
        "        raise OSError(nama)\n"
        "    return muat(nama, *a)\n"
        "_cffi_backend.load_library = tanpa_nama_berkas\n"
        "cari = ctypes.util.find_library\n"
        "ctypes.util.find_library = lambda nama: jalur if nama == 'fontconfig' else cari(nama)\n"
        "from kinerja_report.render import muat_weasyprint\n"
        "from weasyprint.text import ffi\n"
        "print(muat_weasyprint.CEPAT, ffi.fontconfig is not None)\n"
    )
    keluar = python_checkout(["-W", "ignore", "-c", kode], timeout=60)
    # the quick way failed, silently (WeasyPrint's message was for that try only), and
    # WeasyPrint's own import found the library
    assert keluar.stdout.split() == ["False", "True"], keluar.stdout + keluar.stderr
