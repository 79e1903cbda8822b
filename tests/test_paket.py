"""The package as users install it: a wheel built from the sources, installed in a fresh
virtual environment, runs ``kinerja build`` on sample_data from another folder.

The wheel is installed without its dependencies; the new environment borrows them from the
environment running the tests (a .pth file), so the test needs no network. A .pth line only
adds a folder to sys.path, so the editable install of the test environment stays invisible.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import kinerja_report
from tests.conftest import ROOT, SAMPLE_DATA, SampelDibangun

_BUKAN_SUMBER = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "hasil",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".hypothesis",
)


def _jalankan(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,  # a guard against a hang, not a measure: the sample build takes 1-2 min
        check=False,
    )


def _python_venv(venv: Path) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / "python"


def _site_packages(python: Path, cwd: Path) -> Path:
    keluar = _jalankan(
        python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=cwd
    )
    return Path(keluar.stdout.strip())


@pytest.fixture(scope="module")
def terpasang(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the fresh venv, the wheel): sdist then wheel built from a copy of the sources."""
    kerja = tmp_path_factory.mktemp("paket")
    sumber = kerja / "sumber"
    shutil.copytree(ROOT, sumber, ignore=_BUKAN_SUMBER)
    dibuat = _jalankan(sys.executable, "-m", "build", "--outdir", kerja / "dist", sumber, cwd=kerja)
    assert dibuat.returncode == 0, dibuat.stdout[-3000:] + dibuat.stderr[-3000:]
    (wheel,) = (kerja / "dist").glob("*.whl")
    venv = kerja / "venv"
    dibuat = _jalankan(sys.executable, "-m", "venv", venv, cwd=kerja)
    assert dibuat.returncode == 0, dibuat.stderr
    python = _python_venv(venv)
    folder_dep = [
        p for p in [*site.getsitepackages(), site.getusersitepackages()] if Path(p).is_dir()
    ]
    (_site_packages(python, kerja) / "dependensi-uji.pth").write_text(
        "\n".join(folder_dep) + "\n", encoding="utf-8"
    )
    dipasang = _jalankan(
        python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel, cwd=kerja
    )
    assert dipasang.returncode == 0, dipasang.stderr
    return venv, wheel


def test_wheel_memuat_paket_dan_templat(terpasang: tuple[Path, Path]) -> None:
    _, wheel = terpasang
    with zipfile.ZipFile(wheel) as arsip:
        isi = set(arsip.namelist())
    diharapkan = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "kinerja_report").rglob("*.py")
        if "__pycache__" not in path.parts
    } | {
        "kinerja_report/templates/" + path.relative_to(ROOT / "templates").as_posix()
        for path in (ROOT / "templates").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    diharapkan |= {  # the pages and assets of 'kinerja serve'
        path.relative_to(ROOT).as_posix()
        for folder in ("templat", "statis")
        for path in (ROOT / "kinerja_report" / "web" / folder).iterdir()
    }
    assert diharapkan - isi == set()
    assert "kinerja_report/templates/fonts/LiberationSans-Regular.ttf" in isi


KECIL = (
    "rpjmd",
    "penandatangan.xlsx",
    "pengaturan.toml",
    "logo-kabupaten.svg",
    "2024/EVALUASI RENJA DINKES TW II 2024.xlsx",
    "2024/EVALUASI RENJA DINKES TW IV 2024.xlsx",
    "2024/Rencana Aksi Dinas Kesehatan 2024.xlsx",
    "2024/eval renja bappeda 2024.xlsx",
)
"""A part of sample_data that still makes every kind of document the sample does: Dinas
Kesehatan's year and its second quarter with its Rencana Aksi, Bappeda's year, the RPJMD
matrix, cascading and IPM workbooks, the signatories, the settings and the logo."""


def _jenis(out: Path) -> set[str]:
    """The kinds of file a build wrote: each path with its year left out, and the name of a
    file in a folder of one file per OPD or unit ('Y/evaluasi-rkpd.pdf',
    'Y/triwulan-2/peringatan-dini.pdf', 'Y/evaluasi/*.pdf', 'Y/perjanjian-kinerja/*/*.pdf')."""
    jenis = set()
    for path in out.rglob("*.*"):
        bagian = list(path.relative_to(out).parts)
        if bagian[0].isdigit():
            bagian[0] = "Y"
        if len(bagian) == 4 and bagian[1] == "perjanjian-kinerja":
            bagian[2] = "*"
        if len(bagian) > 2 and not bagian[-2].startswith("triwulan-"):
            bagian[-1] = "*" + path.suffix
        jenis.add("/".join(bagian))
    return jenis


def test_wheel_terpasang_membangun_dokumen_dari_folder_lain(
    terpasang: tuple[Path, Path], tmp_path: Path, sampel_dibangun: SampelDibangun
) -> None:
    """The installed wheel (its templates, fonts and code, not the checkout's) builds a part
    of sample_data from another folder: every kind of document the whole sample gives."""
    venv, _ = terpasang
    python = _python_venv(venv)
    lokasi = _jalankan(
        python,
        "-c",
        "import kinerja_report; from kinerja_report.render.html import FOLDER_TEMPLAT; "
        "print(kinerja_report.__file__); print(FOLDER_TEMPLAT)",
        cwd=tmp_path,
    )
    assert lokasi.returncode == 0, lokasi.stderr
    site_venv = _site_packages(python, tmp_path)
    berkas_paket, folder_templat = (Path(line) for line in lokasi.stdout.splitlines())
    assert berkas_paket == site_venv / "kinerja_report" / "__init__.py"
    assert folder_templat == (site_venv / "kinerja_report" / "templates").resolve()

    masukan = tmp_path / "data"
    for nama in KECIL:
        (masukan / nama).parent.mkdir(parents=True, exist_ok=True)
        if (SAMPLE_DATA / nama).is_dir():
            shutil.copytree(SAMPLE_DATA / nama, masukan / nama)
        else:
            shutil.copy(SAMPLE_DATA / nama, masukan / nama)
    kerja = tmp_path / "kerja"
    kerja.mkdir()
    kinerja = python.parent / "kinerja"
    hasil = _jalankan(kinerja, "build", masukan, "--out", "hasil", cwd=kerja)
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    assert (
        hasil.stdout.strip()
        .splitlines()[-1]
        .startswith(
            "Selesai: 8 workbook dibaca (0 gagal), 101 baris capaian dari 2 perangkat daerah, "
            "30 PDF, 5 Excel, 6 Word; 0 galat, 17 peringatan."
        )
    )
    assert "Galat" not in hasil.stderr
    out = kerja / "hasil"
    assert (out / "2024" / "evaluasi" / "dinas-kesehatan.pdf").stat().st_size > 0
    assert len(list(out.rglob("*.pdf"))) == 30
    assert _jenis(out) == _jenis(sampel_dibangun.out)


def test_versi_dari_satu_tempat(terpasang: tuple[Path, Path], tmp_path: Path) -> None:
    venv, _ = terpasang
    python = _python_venv(venv)
    harapan = f"kinerja-report {kinerja_report.__version__}"
    for perintah in ([python.parent / "kinerja", "--version"], [python, "-m", "kinerja_report"]):
        keluar = _jalankan(*perintah, cwd=tmp_path)
        assert keluar.returncode == 0, keluar.stderr
        assert keluar.stdout.splitlines()[0] == harapan
    metadata = _jalankan(
        python,
        "-c",
        "import importlib.metadata as m; print(m.version('kinerja-report'))",
        cwd=tmp_path,
    )
    assert metadata.stdout.strip() == kinerja_report.__version__
