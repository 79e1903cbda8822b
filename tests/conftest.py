"""Shared fixtures: where the real workbooks are; WeasyPrint warnings fail tests."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DATA = ROOT / "sample_data"
REAL_WORKBOOKS = ROOT.parent / "shared" / "real_workbooks"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

BUKAN_MASALAH_RENDER = "Using fontTools instead of HarfBuzz-Subset"
"""WeasyPrint's note for every font on a machine without libharfbuzz-subset0: the PDF is the
same, only slower to write ('kinerja build' says so once)."""


def peringatan_render(pesan: Iterable[str]) -> list[str]:
    """WeasyPrint's warnings that are a problem of the document."""
    return [text for text in pesan if not text.startswith(BUKAN_MASALAH_RENDER)]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "weasyprint_warnings_ok: the test expects WeasyPrint to log warnings"
    )


@pytest.fixture
def real_workbooks() -> Path:
    if not REAL_WORKBOOKS.is_dir():
        pytest.skip(f"real workbooks not found at {REAL_WORKBOOKS} (shared/ beside the checkout)")
    return REAL_WORKBOOKS


@pytest.fixture(scope="session", autouse=True)
def kunci_segel_sementara(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The key that seals the cache and the manifest lies in a temporary folder: no test
    ever touches the real configuration folder. Session-wide (set in os.environ before any
    module fixture builds, and inherited by the 'kinerja' subprocesses)."""
    folder = tmp_path_factory.mktemp("kunci-segel")
    lama = os.environ.get("KINERJA_KUNCI_DIR")
    os.environ["KINERJA_KUNCI_DIR"] = str(folder)
    yield folder
    if lama is None:
        os.environ.pop("KINERJA_KUNCI_DIR", None)
    else:
        os.environ["KINERJA_KUNCI_DIR"] = lama


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
