"""One WeasyPrint font configuration per process and template folder: the same bytes as
WeasyPrint's own per-document one, renewed when a font changes, its fonts' temporary copies
removed when the process ends (a PDF worker's too)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from weasyprint import HTML

from kinerja_report.render.fetcher import FetcherAman
from kinerja_report.render.html import FOLDER_TEMPLAT
from kinerja_report.render.pdf import render_pdf

HTML_UJI = (
    '<html><head><meta charset="utf-8"><title>Uji</title>'
    '<link rel="stylesheet" href="dasar.css"></head>'
    "<body><h1>Perjanjian Kinerja</h1><p>Capaian 97,5 % dari target.</p>"
    "<p><b>Kepala Dinas</b> <i>Kabupaten Contoh</i></p></body></html>"
)


def _pdf_weasyprint_sendiri(html: str, folder: Path) -> bytes:
    """What WeasyPrint makes with a font configuration of the document's own."""
    dokumen = HTML(
        string=html, base_url=folder.as_uri() + "/", url_fetcher=FetcherAman([folder], ())
    )
    pdf: bytes = dokumen.write_pdf()
    return pdf


def test_konfigurasi_bersama_memberi_byte_yang_sama() -> None:
    pertama = render_pdf(HTML_UJI, FOLDER_TEMPLAT)
    assert render_pdf(HTML_UJI, FOLDER_TEMPLAT) == pertama
    assert _pdf_weasyprint_sendiri(HTML_UJI, FOLDER_TEMPLAT) == pertama


def test_huruf_yang_diganti_dipakai_dokumen_berikutnya(tmp_path: Path) -> None:
    """A template folder of one's own whose font file is replaced while the process lives
    (the web page's server): the next document has the new font."""
    folder = tmp_path / "templat"
    (folder / "fonts").mkdir(parents=True)
    huruf = folder / "fonts" / "huruf-uji.ttf"
    shutil.copyfile(FOLDER_TEMPLAT / "fonts" / "LiberationSans-Regular.ttf", huruf)
    (folder / "uji.css").write_text(
        '@font-face { font-family: "Huruf Uji"; src: url(fonts/huruf-uji.ttf); }\n'
        'body { font-family: "Huruf Uji"; }\n',
        encoding="utf-8",
    )
    html = HTML_UJI.replace("dasar.css", "uji.css")
    sebelum = render_pdf(html, folder)
    assert sebelum == _pdf_weasyprint_sendiri(html, folder)

    shutil.copyfile(FOLDER_TEMPLAT / "fonts" / "LiberationSans-BoldItalic.ttf", huruf)
    sesudah = render_pdf(html, folder)
    assert sesudah != sebelum
    assert sesudah == _pdf_weasyprint_sendiri(html, folder)


_SKRIP = textwrap.dedent(
    """
    import os, sys, tempfile
    from kinerja_report.render.html import FOLDER_TEMPLAT
    from kinerja_report.render.pdf import render_pdf
    from kinerja_report.render.pool import TugasPdf, render_semua

    def folder_huruf():
        return [n for n in os.listdir(tempfile.gettempdir()) if n.startswith("weasyprint-")]

    if __name__ == "__main__":
        html = sys.argv[1]
        for _ in range(3):
            render_pdf(html, FOLDER_TEMPLAT)
        print("di-proses", len(folder_huruf()))
        tugas = [TugasPdf(f"{i}.pdf", html, FOLDER_TEMPLAT) for i in range(6)]
        print("pekerja", len(render_semua(tugas, lambda _: None, pekerja=2)))
    """
)


@pytest.fixture
def sementara_pendek() -> Iterator[Path]:
    """A temporary directory of a short path: the fork server's socket is made there, and a
    Unix socket's path has at most 107 bytes (pytest's folders under xdist are longer)."""
    folder = Path(tempfile.mkdtemp(prefix="kr-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_folder_sementara_huruf_dihapus_saat_proses_selesai(
    tmp_path: Path, sementara_pendek: Path
) -> None:
    sementara = sementara_pendek
    skrip = tmp_path / "render_lalu_keluar.py"
    skrip.write_text(_SKRIP, encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(sementara)}
    hasil = subprocess.run(
        [sys.executable, str(skrip), HTML_UJI],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert hasil.returncode == 0, hasil.stderr
    # three documents in the process: one copy of the fonts, not three
    assert hasil.stdout.split() == ["di-proses", "1", "pekerja", "6"]
    # the process's and both workers' copies are gone once they have ended
    assert [p.name for p in sementara.iterdir() if p.name.startswith("weasyprint-")] == []


def test_folder_huruf_dihapus_saat_keluar_tanpa_galat_saat_modul_dibongkar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exit finalizer removes the fonts' copies and the configuration forgets them, so
    WeasyPrint's ``__del__``, run later as the interpreter tears its modules down (when
    ``rmtree`` is already gone from its module, as at the end of a test worker), has nothing
    left to do; before, it printed "Exception ignored in: FontConfiguration.__del__"."""
    import gc
    import weakref

    import weasyprint.text.fonts as fonts

    from kinerja_report.render.pdf import _hapus_folder_huruf

    huruf = fonts.FontConfiguration()
    folder = Path(tempfile.mkdtemp(prefix="weasyprint-", dir=tmp_path))
    huruf._folder = folder  # what the first @font-face makes
    _hapus_folder_huruf(weakref.ref(huruf))
    assert not folder.exists()

    gc.collect()  # other tests' configurations, collected before the module is "torn down"
    monkeypatch.setattr(fonts, "rmtree", None)  # the module torn down
    del huruf
    gc.collect()  # pytest reports an exception ignored in __del__ as an error here
