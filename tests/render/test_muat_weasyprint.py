"""WeasyPrint imported without ctypes.util.find_library's programs loads the libraries its own
import loads, and falls back to its own import when a library is found only by that search.
Each case in a new interpreter: a process imports WeasyPrint once."""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

import pytest

from tests.conftest import python_checkout

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the quick way is for Linux only"
)

PUSTAKA_DIMUAT = (
    "import sys; libs = sorted({l.split()[-1] for l in open('/proc/self/maps') if '.so' in l} "
    "- {l.split()[-1] for l in open('/proc/self/maps') if l.split()[-1].startswith("
    "(sys.base_prefix, sys.prefix))}); print(len(libs)); print(*libs, sep='\\n')"
)
"""Print the shared libraries this process has loaded from outside Python's installation
(the system's: Pango, HarfBuzz, fontconfig and theirs; not Python's extension modules, which
another import may add)."""


def keluaran_python(kode: str) -> list[str]:
    """The words ``kode`` prints in a new interpreter (warnings off) that imports this
    checkout's package."""
    keluar = python_checkout(["-W", "ignore", "-c", kode], timeout=60)
    assert keluar.returncode == 0, keluar.stderr
    return keluar.stdout.split()


def hanya_lewat_pencarian(berkas: str, nama: str) -> str:
    """Code that makes the library WeasyPrint lists as ``berkas`` (its Linux file name)
    unreachable by that name, and found only by find_library's search for ``nama``, which
    gives its full path: a system whose file names differ from WeasyPrint's list."""
    return (
        "import ctypes, ctypes.util, _cffi_backend, sys\n"
        f"ctypes.CDLL({berkas!r})\n"
        f"jalur = next(l.split()[-1] for l in open('/proc/self/maps') if {berkas[:-2]!r} in l)\n"
        "muat = _cffi_backend.load_library\n"
        "def tanpa_nama_berkas(n, *a):\n"
        f"    if n == {berkas!r}:\n"
        "        raise OSError(n)\n"
        "    return muat(n, *a)\n"
        "_cffi_backend.load_library = tanpa_nama_berkas\n"
        "cari = ctypes.util.find_library\n"
        f"ctypes.util.find_library = lambda n: jalur if n == {nama!r} else cari(n)\n"
    )


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
    assert keluaran_python(kode) == ["True", "True", "True", "[]"]


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
    kode = hanya_lewat_pencarian("libfontconfig.so.1", "fontconfig") + (
        "from kinerja_report.render import muat_weasyprint\n"
        "dimuat = 'weasyprint.text.ffi' in sys.modules\n"
        "from weasyprint.text import ffi\n"
        "print(muat_weasyprint.CEPAT, dimuat, ffi.fontconfig is not None)\n"
    )
    # the quick way failed, silently (WeasyPrint's message was for that try only), and the
    # module then imported WeasyPrint its own way, which found the library
    assert keluaran_python(kode) == ["False", "True", "True"]


def test_pemanasan_pekerja_memuat_cara_cepat() -> None:
    # a first build's workers import WeasyPrint as they start, before any document
    kode = (
        "import sys; from kinerja_report.render.pool import _impor_weasyprint; "
        "_impor_weasyprint(); print(sys.modules['kinerja_report.render.muat_weasyprint'].CEPAT)"
    )
    assert keluaran_python(kode) == ["True"]


def test_conda_cara_weasyprint_sendiri(tmp_path: Path) -> None:
    # a conda Python's find_library gives the environment's own libraries: not replaced there
    (tmp_path / "conda-meta").mkdir()
    kode = (
        f"import sys; sys.prefix = {str(tmp_path)!r}\n"
        "from kinerja_report.render import muat_weasyprint\n"
        "print(muat_weasyprint.CEPAT, 'weasyprint.text.ffi' in sys.modules)\n"
    )
    assert keluaran_python(kode) == ["False", "True"]


def test_probe_subset_dengan_aturan_pekerja() -> None:
    # HarfBuzz-Subset found only by find_library's search (not at 'libharfbuzz-subset.so.0'):
    # the build's probe, without WeasyPrint, answers as a worker's quick import loads it
    try:
        ctypes.CDLL("libharfbuzz-subset.so.0")
    except OSError:
        pytest.skip("no libharfbuzz-subset0 on this machine (optional: slower PDFs only)")
    kode = hanya_lewat_pencarian("libharfbuzz-subset.so.0", "harfbuzz-subset") + (
        "from kinerja_report.render.huruf import subset_huruf_cepat\n"
        "probe = subset_huruf_cepat()\n"
        "from kinerja_report.render import muat_weasyprint\n"
        "from weasyprint.text import ffi\n"
        "print(probe, muat_weasyprint.CEPAT, ffi.harfbuzz_subset is not None)\n"
    )
    assert keluaran_python(kode) == ["False", "True", "False"]
