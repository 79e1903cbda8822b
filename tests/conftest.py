"""Shared fixtures: where the real workbooks are; WeasyPrint warnings fail tests."""

from __future__ import annotations

import gc
import logging
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from filelock import FileLock

from kinerja_report.cli import main
from kinerja_report.pipeline import HasilBuild, Kumpulan, build, kumpulkan
from kinerja_report.render import pool
from tests.pdf_teks import FOLDER_CACHE
from tests.pdf_tersimpan import PdfTersimpan

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DATA = ROOT / "sample_data"
REAL_WORKBOOKS = ROOT.parent / "shared" / "real_workbooks"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

BUKAN_MASALAH_RENDER = "Using fontTools instead of HarfBuzz-Subset"
"""WeasyPrint's note for every font on a machine without libharfbuzz-subset0: the PDF is the
same, only slower to write ('kinerja build' says so once)."""


def python_checkout(
    argumen: Sequence[str], timeout: float, **env: str
) -> subprocess.CompletedProcess[str]:
    """``python ARGUMEN`` in a new process that imports this checkout's package (PYTHONPATH),
    started in the checkout's root, its output captured as text; ``env``: more environment
    variables."""
    return subprocess.run(
        [sys.executable, *argumen],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def peringatan_render(pesan: Iterable[str]) -> list[str]:
    """WeasyPrint's warnings that are a problem of the document."""
    return [text for text in pesan if not text.startswith(BUKAN_MASALAH_RENDER)]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "weasyprint_warnings_ok: the test expects WeasyPrint to log warnings"
    )
    config.addinivalue_line(
        "markers",
        "pdf_selalu_dirender: every PDF of the test's builds is rendered, none taken from the"
        " run's PDFs (tests/pdf_tersimpan.py); for tests of rendering itself",
    )


def pytest_collection_finish(session: pytest.Session) -> None:
    """Freeze (:func:`gc.freeze`) what every test keeps alive: the modules imported and the
    tests collected, some 200.000 objects in each xdist worker. Every build that renders a
    PDF starts with a full collection (:func:`~kinerja_report.render.pool.sampah_tiap_langkah`:
    the memory reading and computing left is given back before the PDF workers start); in a
    test worker it walked all of them, 0,1 to 0,3 s a build, 7 % of the suite's py-spy
    samples. Frozen, it walks only what the tests made since: the whole suite 429 → 387
    CPU-seconds, 255 → 228 s. A program that froze its own objects is one the library
    already serves (the steps then collect nothing; the start and the end collect the
    rest)."""
    gc.collect()
    gc.freeze()


@pytest.fixture
def real_workbooks() -> Path:
    if not REAL_WORKBOOKS.is_dir():
        pytest.skip(f"real workbooks not found at {REAL_WORKBOOKS} (shared/ beside the checkout)")
    return REAL_WORKBOOKS


def folder_bersama(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary folder of the whole test run: with pytest-xdist (``-n``), the one all
    workers share (each worker's own base folder lies in it); without, the session's."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def kunci_segel_sementara(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The key that seals the cache and the manifest lies in a temporary folder: no test
    ever touches the real configuration folder. Session-wide (set in os.environ before any
    module fixture builds, and inherited by the 'kinerja' subprocesses), one for all the
    xdist workers (a build sealed in one is read in another; the key file is made once,
    atomically, :mod:`kinerja_report.segel`)."""
    folder = folder_bersama(tmp_path_factory) / "kunci-segel"
    folder.mkdir(exist_ok=True)
    lama = os.environ.get("KINERJA_KUNCI_DIR")
    os.environ["KINERJA_KUNCI_DIR"] = str(folder)
    yield folder
    if lama is None:
        os.environ.pop("KINERJA_KUNCI_DIR", None)
    else:
        os.environ["KINERJA_KUNCI_DIR"] = lama


@pytest.fixture(scope="session", autouse=True)
def teks_pdf_bersama(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Each PDF's text extracted once per run, for all the xdist workers (tests/pdf_teks.py)."""
    folder = folder_bersama(tmp_path_factory) / "teks-pdf"
    folder.mkdir(exist_ok=True)
    FOLDER_CACHE.append(folder)
    yield
    FOLDER_CACHE.remove(folder)


@pytest.fixture(scope="session", autouse=True)
def pdf_sekali_per_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A build in this process (a test's, a fixture's, the web page's worker thread) takes a
    document rendered before in this run, in any xdist worker, from the run's PDFs instead
    of rendering it again (tests/pdf_tersimpan.py); session-wide, so that the builds of
    module and session fixtures share them too."""
    pool.simpanan = PdfTersimpan(folder_bersama(tmp_path_factory) / "pdf")
    yield
    pool.simpanan = None


@pytest.fixture(scope="session", autouse=True)
def weasyprint_di_server_pdf() -> Iterator[None]:
    """The PDF fork server of each test worker imports WeasyPrint (the quick way,
    :mod:`~kinerja_report.render.muat_weasyprint`, with our user-agent stylesheet parsed,
    :mod:`~kinerja_report.render.lembar_ua`) and the pool once as it starts, so that the
    workers it forks have them: each of the run's builds starts new workers, and each worker
    imported WeasyPrint anew (some 0,6 CPU-s; 5 % of the suite's py-spy samples). A build
    outside the tests leaves the workers to import it (the server's memory would count in
    every worker's RSS, :data:`~kinerja_report.render.pool.PRAMUAT_SERVER`)."""
    lama = pool.PRAMUAT_SERVER
    pool.PRAMUAT_SERVER = (
        *lama,
        "kinerja_report.render.muat_weasyprint",
        "kinerja_report.render.lembar_ua",
        "kinerja_report.render.pool",
    )
    yield
    pool.PRAMUAT_SERVER = lama


@pytest.fixture(autouse=True)
def pdf_dirender_bila_diminta(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test marked ``pdf_selalu_dirender`` renders every PDF of its builds."""
    if request.node.get_closest_marker("pdf_selalu_dirender"):
        monkeypatch.setattr(pool, "simpanan", None)


@pytest.fixture(autouse=True)
def weasyprint_tanpa_peringatan(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """Like WeasyPrint's own assert_no_logs: a rendering warning is a test failure."""
    caplog.set_level(logging.WARNING, logger="weasyprint")
    yield
    if request.node.get_closest_marker("weasyprint_warnings_ok"):
        return
    warnings = peringatan_render(
        r.getMessage()
        for r in caplog.get_records("call")
        if r.name.startswith("weasyprint") and r.levelno >= logging.WARNING
    )
    assert not warnings, f"WeasyPrint warned: {warnings}"


@pytest.fixture(scope="session")
def workbook_baik(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a small valid E.81 workbook (Bappeda 2023), written once per session."""
    from tests.builders import BARIS_CONTOH, buat_evaluasi

    path = tmp_path_factory.mktemp("baik") / "bappeda.xlsx"
    return buat_evaluasi(path, "Bappeda", 2023, BARIS_CONTOH).read_bytes()


@pytest.fixture(autouse=True)
def tanpa_debug_tersisa() -> Iterator[None]:
    """'kinerja --debug' run in-process (CliRunner) sets KINERJA_DEBUG for the processes it
    starts; it must not stay for the tests after it (their builds would then warn as in
    debug mode, e.g. the resource tracker after a SIGKILL)."""
    sebelum = os.environ.get("KINERJA_DEBUG")
    yield
    if sebelum is None:
        os.environ.pop("KINERJA_DEBUG", None)
    else:
        os.environ["KINERJA_DEBUG"] = sebelum


# --- builds shared by the whole session (issue 25: each input built once) ---------------------


@dataclass(frozen=True)
class Bangunan:
    """One input folder built once per test run; tests only read its outputs."""

    masukan: Path
    out: Path
    hasil: HasilBuild


_BANGUNAN: dict[str, Bangunan] = {}


def bangun_nyata(tmp_path_factory: pytest.TempPathFactory, nama: str) -> Bangunan:
    """The real workbook ``nama`` alone in a folder without settings, built once per test
    run (skipped when the real workbooks are not beside the checkout). With pytest-xdist the
    first worker to ask builds it, under a file lock, and leaves its result (pickled) beside
    the outputs; the others read both (test_konsistensi and test_dokumen_nyata, in two
    workers, read the same build)."""
    if not (REAL_WORKBOOKS / nama).is_file():
        pytest.skip(f"real workbook {nama} not found at {REAL_WORKBOOKS}")
    if nama not in _BANGUNAN:
        base = folder_bersama(tmp_path_factory) / f"nyata-{Path(nama).stem}"
        masukan, out, hasil_build = base / "masukan", base / "hasil", base / "hasil-build.pickle"
        with FileLock(f"{base}.lock"):
            if not hasil_build.is_file():
                shutil.rmtree(base, ignore_errors=True)  # a worker stopped half-way
                masukan.mkdir(parents=True)
                shutil.copy(REAL_WORKBOOKS / nama, masukan / nama)
                sementara = base / "hasil-build.tmp"
                sementara.write_bytes(pickle.dumps(build(masukan, out, pekerja=2)))
                sementara.replace(hasil_build)  # whole or not at all
        _BANGUNAN[nama] = Bangunan(masukan, out, pickle.loads(hasil_build.read_bytes()))
    return _BANGUNAN[nama]


@dataclass(frozen=True)
class SampelDibangun:
    """The README's main job run once per session: ``kinerja build sample_data --out hasil``
    typed in the working folder ``kerja`` (a copy of sample_data there, relative paths)."""

    kerja: Path
    out: Path
    keluaran: str
    """What the command printed."""


@pytest.fixture(scope="session")
def sampel_dibangun(tmp_path_factory: pytest.TempPathFactory) -> SampelDibangun:
    """The README's main job, ``kinerja build sample_data --out hasil``, run once per test
    run through the command as a user types it: from a working folder holding a copy of
    sample_data, with relative paths (test_jalur_relatif.py runs it a second time there).
    With pytest-xdist the first worker to ask builds it, under a file lock; the others wait
    and read the same folder. WeasyPrint warned about nothing, in any PDF worker."""
    bersama = folder_bersama(tmp_path_factory)
    kerja = bersama / "sampel"
    dicetak = bersama / "sampel-keluaran.txt"
    with FileLock(bersama / "sampel.lock"):
        if not dicetak.is_file():
            shutil.rmtree(kerja, ignore_errors=True)  # a worker stopped half-way
            shutil.copytree(SAMPLE_DATA, kerja / "sample_data")
            dicetak.write_text(_bangun_readme(kerja), encoding="utf-8")
    return SampelDibangun(kerja, kerja / "hasil", dicetak.read_text(encoding="utf-8"))


def _bangun_readme(kerja: Path) -> str:
    """``kinerja build sample_data --out hasil`` typed in ``kerja``: what it printed."""
    warnings: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: warnings.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("weasyprint").addHandler(handler)
    sebelum = Path.cwd()
    os.chdir(kerja)
    try:
        result = CliRunner().invoke(main, ["build", "sample_data", "--out", "hasil"])
    finally:
        os.chdir(sebelum)
        logging.getLogger("weasyprint").removeHandler(handler)
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    assert peringatan_render(warnings) == []
    return result.stdout


@pytest.fixture(scope="session")
def kumpulan_sampel(tmp_path_factory: pytest.TempPathFactory) -> Kumpulan:
    """``kumpulkan(sample_data)`` (read, checked, computed) once per test run: the tests only
    read it (a frozen dataclass of tuples). With pytest-xdist the first worker to ask
    computes it, under a file lock, and leaves it pickled for the others."""
    bersama = folder_bersama(tmp_path_factory)
    tersimpan = bersama / "kumpulan-sampel.pickle"
    with FileLock(bersama / "kumpulan-sampel.lock"):
        if not tersimpan.is_file():
            sementara = bersama / "kumpulan-sampel.tmp"
            sementara.write_bytes(pickle.dumps(kumpulkan(SAMPLE_DATA)))
            sementara.replace(tersimpan)  # whole or not at all
    kumpulan: Kumpulan = pickle.loads(tersimpan.read_bytes())
    return kumpulan
