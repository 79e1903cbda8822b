"""The PDF pool: what a worker warns goes to the log, never straight to the terminal."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

from tests.conftest import ROOT


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
    result = subprocess.run(
        [sys.executable, str(skrip), str(png)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # this checkout's package
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
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
