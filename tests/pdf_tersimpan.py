"""The PDFs of the test run, kept by what they are made of (issue 25: the suite in 3 minutes).

Hundreds of tests build small folders of the same workbooks, and so render the same HTML,
which always gives the same PDF (tests/render/test_pdf.py, test_bertahap.py). Set as the
pool's :data:`~kinerja_report.render.pool.simpanan` for each test (tests/conftest.py), this
keeps every PDF a worker rendered without a warning in a folder of the whole run, shared by
the pytest-xdist workers, by the sha256 of its HTML, template folder and assets; the next
build that asks for the same document takes it from there instead of rendering it again.

Only builds run in the test's own process use it (``build``, ``CliRunner``): a ``kinerja``
subprocess renders everything. Tests of rendering itself (the pool, its queue, its memory)
are marked ``pdf_selalu_dirender`` and go without it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from kinerja_report.render.pdf import sidik_folder
from kinerja_report.render.pool import TugasPdf


class PdfTersimpan:
    """A :class:`~kinerja_report.render.pool.SimpananPdf` in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _berkas(self, tugas: TugasPdf) -> Path | None:
        digest = hashlib.sha256()
        digest.update(tugas.html.encode("utf-8", errors="surrogatepass"))
        digest.update(b"\0" + str(tugas.folder_templat).encode("utf-8", errors="surrogateescape"))
        digest.update(b"\0" + sidik_folder(tugas.folder_templat).encode("ascii"))
        for aset in tugas.aset:
            try:
                isi = aset.read_bytes()
            except OSError:
                return None  # rendered every time, as the document says what is missing
            digest.update(b"\0" + str(aset).encode("utf-8", errors="surrogateescape"))
            digest.update(hashlib.sha256(isi).digest())
        return self.folder / f"{digest.hexdigest()}.pdf"

    def ambil(self, tugas: TugasPdf) -> bytes | None:
        berkas = self._berkas(tugas)
        if berkas is None or not berkas.is_file():
            return None
        return berkas.read_bytes()

    def simpan(self, tugas: TugasPdf, pdf: bytes) -> None:
        berkas = self._berkas(tugas)
        if berkas is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        sementara = berkas.with_name(f"{berkas.stem}.{os.getpid()}.tmp")
        sementara.write_bytes(pdf)
        sementara.replace(berkas)  # whole or not at all, whichever worker is first
