"""The PDF pool: what a worker warns goes to the log, never straight to the terminal."""

from __future__ import annotations

import contextlib
import gc
import logging
import struct
import sys
import time
import zlib
from pathlib import Path

import psutil
import pytest

from kinerja_report.render import pool as pool_modul
from kinerja_report.render.html import FOLDER_TEMPLAT
from kinerja_report.render.pool import (
    TugasPdf,
    _pool,
    pekerja_dipanaskan,
    render_satu_per_satu,
    render_semua,
)
from tests.conftest import python_checkout

pytestmark = pytest.mark.pdf_selalu_dirender  # the pool itself is what is tested


def png_besar(path: Path, lebar: int = 10_000, tinggi: int = 9_000) -> Path:
    """A PNG header declaring 90 million pixels (over Pillow's 89.5 million limit): Pillow
    warns (DecompressionBombWarning) as soon as it is opened; it has no pixel data."""

    def chunk(jenis: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + jenis
            + data
            + struct.pack(">I", zlib.crc32(jenis + data))
        )

    ihdr = struct.pack(">IIBBBBB", lebar, tinggi, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))
    return path


SKRIP = """
import logging, sys
from pathlib import Path
from kinerja_report.render.html import FOLDER_TEMPLAT
from kinerja_report.render.pool import TugasPdf, render_semua

if __name__ == "__main__":
    catatan = []
    handler = logging.Handler()
    handler.emit = lambda record: catatan.append(f"{record.name}: {record.getMessage()}")
    logging.getLogger().addHandler(handler)
    png = Path(sys.argv[1])
    # opened (so Pillow warns) but never drawn (so its missing pixels are never needed)
    html = f'<img style="visibility:hidden" src="{png.as_uri()}">'
    tugas = [TugasPdf(f"{i}.pdf", html, FOLDER_TEMPLAT, (png,)) for i in range(2)]
    hasil = render_semua(tugas, lambda _: None, pekerja=2)
    print(sorted(hasil))
    print("\\n".join(sorted(catatan)))
"""


def test_peringatan_pekerja_ke_log_bukan_terminal(tmp_path: Path) -> None:
    png = png_besar(tmp_path / "besar.png")
    skrip = tmp_path / "skrip.py"  # a file: workers import the main module by its path
    skrip.write_text(SKRIP, encoding="utf-8")
    result = python_checkout([str(skrip), str(png)], timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no worker printed anything
    baris = result.stdout.splitlines()
    assert baris[0] == "['0.pdf', '1.pdf']"
    assert (
        baris[1:]
        == [
            "py.warnings: DecompressionBombWarning: Image size (90000000 pixels) exceeds limit of "
            "89478485 pixels, could be decompression bomb DOS attack."
        ]
        * 2
    )


SKRIP_MEMORI = """
import os, sys
from pathlib import Path

if __name__ == "__mp_main__":  # this script run again in a worker
    Path(sys.argv[1]).touch()

from kinerja_report.render.html import FOLDER_TEMPLAT
from kinerja_report.render.pdf import render_pdf
from kinerja_report.render.pool import BATAS_BERAT, TugasPdf, _pool, render_semua

DIIMPOR = "'weasyprint' in __import__('sys').modules"
CEPAT = "__import__('sys').modules['kinerja_report.render.muat_weasyprint'].CEPAT"

if __name__ == "__main__":
    import kinerja_report.cli, kinerja_report.pipeline  # noqa: F401
    print("weasyprint" in sys.modules)
    with _pool(1) as pool:  # a new worker, before any document: not from its server
        print("pekerja", pool.submit(eval, DIIMPOR).result())
        pool.submit(render_pdf, "<p>x</p>", FOLDER_TEMPLAT).result()
        print("cepat", pool.submit(eval, CEPAT).result())  # its first document imported it
    berat = "<p>" + "kata " * (BATAS_BERAT // 5) + "</p>"
    tugas = [
        TugasPdf(f"{i}.pdf", berat if i % 2 else f"<p>{i}</p>", FOLDER_TEMPLAT) for i in range(6)
    ]
    hasil = render_semua(tugas, lambda _: None, pekerja=2)
    print(sorted(hasil), all(pdf.startswith(b"%PDF") for pdf in hasil.values()))
    print("weasyprint" in sys.modules)
"""


def test_proses_build_ringan(tmp_path: Path) -> None:
    # issue 25: the build process never imports WeasyPrint (only its PDF workers do, the
    # quick way), and the workers do not run the program's main module again (with all its
    # imports)
    skrip = tmp_path / "skrip.py"
    skrip.write_text(SKRIP_MEMORI, encoding="utf-8")
    penanda = tmp_path / "main-dijalankan-di-pekerja"
    result = python_checkout([str(skrip), str(penanda)], timeout=300)
    assert result.returncode == 0, result.stderr
    daftar = str(sorted(f"{i}.pdf" for i in range(6)))
    cepat = f"cepat {sys.platform.startswith('linux')}"
    assert result.stdout.splitlines() == [
        "False",
        "pekerja False",
        cepat,
        f"{daftar} True",
        "False",
    ]
    assert not penanda.exists()


def test_server_pdf_uji_memuat_weasyprint() -> None:
    # the test run's fork server imports WeasyPrint, the quick way and with our user-agent
    # stylesheet, before it forks (tests/conftest.py); a build outside the tests leaves it to
    # each worker (test_proses_build_ringan)
    assert "kinerja_report.render.lembar_ua" in pool_modul.PRAMUAT_SERVER
    dimuat = "[m in __import__('sys').modules for m in ('weasyprint', '%s')]"
    cepat = "__import__('sys').modules['kinerja_report.render.muat_weasyprint'].CEPAT"
    with _pool(1) as pool:
        assert pool.submit(eval, dimuat % "kinerja_report.render.lembar_ua").result() == [True] * 2
        assert pool.submit(eval, cepat).result() is sys.platform.startswith("linux")


SKRIP_DUA = """
from kinerja_report.render.html import FOLDER_TEMPLAT
from kinerja_report.render.pool import TugasPdf, render_semua

if __name__ == "__main__":
    tugas = [TugasPdf(f"{i}.pdf", f"<p>{i}</p>", FOLDER_TEMPLAT) for i in range(2)]
    hasil = render_semua(tugas, lambda _: None, pekerja=2)
    print(sorted(hasil), all(pdf.startswith(b"%PDF") for pdf in hasil.values()))
"""


def test_tmpdir_panjang_pekerja_tetap_jalan(tmp_path: Path) -> None:
    # a TMPDIR too long for the fork server's Unix socket (at most 107 bytes with what
    # multiprocessing adds): the socket goes to /tmp, the build renders as usual
    panjang = tmp_path / ("folder-sementara-layanan-" * 4)
    panjang.mkdir()
    assert len(str(panjang)) > 80
    skrip = tmp_path / "skrip.py"
    skrip.write_text(SKRIP_DUA, encoding="utf-8")
    result = python_checkout([str(skrip)], timeout=300, TMPDIR=str(panjang))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["['0.pdf', '1.pdf'] True"]


def _pekerja_forkserver() -> set[int]:
    """The processes the fork server of this process forked (the PDF workers)."""
    hasil: set[int] = set()
    for anak in psutil.Process().children():
        with contextlib.suppress(psutil.Error):
            if "forkserver" in " ".join(anak.cmdline()):
                hasil |= {p.pid for p in anak.children()}
    return hasil


def test_pekerja_dipanaskan_siap_sebelum_dokumen_dan_dipakai(tmp_path: Path) -> None:
    # issue 25: a first build starts its PDF workers before it reads the workbooks; the
    # documents then go to those workers, which stop when the block ends
    with pekerja_dipanaskan(1) as tanpa_pool:
        assert tanpa_pool is None  # one worker: rendered in this process
    tugas = [TugasPdf(f"{i}.pdf", f"<p>{i}</p>", FOLDER_TEMPLAT) for i in range(4)]
    with pekerja_dipanaskan(2) as pool:
        assert pool is not None
        batas = time.monotonic() + 60
        while len(awal := _pekerja_forkserver()) < 2 and time.monotonic() < batas:
            time.sleep(0.05)
        assert len(awal) == 2  # started before any document was sent
        hasil: dict[str, bytes] = {}
        selama: list[set[int]] = []  # the workers alive as each document arrives
        render_satu_per_satu(
            tugas, lambda _: selama.append(_pekerja_forkserver()), hasil.__setitem__, 2, pool
        )
        assert sorted(hasil) == [f"{i}.pdf" for i in range(4)]
        assert all(pdf.startswith(b"%PDF") for pdf in hasil.values())
        assert selama == [awal] * 4  # rendered by those workers, no others started
        assert _pekerja_forkserver() == awal  # and left running
    batas = time.monotonic() + 30
    while _pekerja_forkserver() & awal and time.monotonic() < batas:
        time.sleep(0.05)
    assert not _pekerja_forkserver() & awal


def test_pekerja_membekukan_yang_tetap_setelah_dokumen_pertama() -> None:
    # issue 25: after its first document a worker freezes what stays alive (WeasyPrint's
    # modules and caches), so that the collection after each later document walks only that
    # document's objects; the later documents are the same bytes
    tugas = [TugasPdf(f"{i}.pdf", "<p>Capaian 100,00 %</p>", FOLDER_TEMPLAT) for i in range(4)]
    hasil: dict[str, bytes] = {}
    with _pool(1) as pool:
        assert pool.submit(gc.get_freeze_count).result() == 0
        render_satu_per_satu(tugas[:2], lambda _: None, hasil.__setitem__, 2, pool)
        beku = pool.submit(gc.get_freeze_count).result()
        assert beku > 1000
        render_satu_per_satu(tugas[2:], lambda _: None, hasil.__setitem__, 2, pool)
        assert pool.submit(gc.get_freeze_count).result() == beku  # frozen once, not again
    assert len(hasil) == 4
    assert len(set(hasil.values())) == 1


class _SimpananDict:
    """A :class:`~kinerja_report.render.pool.SimpananPdf` in a dict, by HTML."""

    def __init__(self) -> None:
        self.isi: dict[str, bytes] = {}
        self.diminta: list[str] = []

    def ambil(self, tugas: TugasPdf) -> bytes | None:
        self.diminta.append(tugas.relatif)
        return self.isi.get(tugas.html)

    def simpan(self, tugas: TugasPdf, pdf: bytes) -> None:
        self.isi[tugas.html] = pdf


@pytest.mark.weasyprint_warnings_ok
@pytest.mark.parametrize("pekerja", [1, 2])
def test_simpanan_menyimpan_pdf_tanpa_peringatan_lalu_memberikannya(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, pekerja: int
) -> None:
    # the seam the test suite keeps its run's PDFs in (tests/pdf_tersimpan.py): a document
    # rendered without a warning is kept; a document found there is not rendered again, by
    # a worker (2) or in this process (1); a warning still reaches the caller's log
    simpanan = _SimpananDict()
    monkeypatch.setattr(pool_modul, "simpanan", simpanan)
    tugas = [TugasPdf(f"{i}.pdf", f"<p>Capaian {i},00 %</p>", FOLDER_TEMPLAT) for i in range(3)]
    tugas.append(TugasPdf("warna.pdf", '<p style="warna: merah">x</p>', FOLDER_TEMPLAT))
    pertama = render_semua(tugas, lambda _: None, pekerja)
    assert [r.name for r in caplog.records if r.levelno >= logging.WARNING] == ["weasyprint"]
    assert sorted(simpanan.diminta) == ["0.pdf", "1.pdf", "2.pdf", "warna.pdf"]
    assert sorted(simpanan.isi) == sorted(t.html for t in tugas[:3])  # not the one warned of
    assert all(simpanan.isi[t.html] == pertama[t.relatif] for t in tugas[:3])
    for html in simpanan.isi:
        simpanan.isi[html] = b"%PDF tersimpan"
    dikerjakan: list[str] = []
    kedua = render_semua(tugas, dikerjakan.append, pekerja)
    assert {k: v for k, v in kedua.items() if k != "warna.pdf"} == dict.fromkeys(
        ["0.pdf", "1.pdf", "2.pdf"], b"%PDF tersimpan"
    )
    assert kedua["warna.pdf"] == pertama["warna.pdf"]  # rendered again
    assert len(dikerjakan) == 4  # progress for every document, kept or rendered


def test_tanpa_simpanan_setiap_dokumen_dirender() -> None:
    assert pool_modul.simpanan is None  # a build's default (this module is marked)
