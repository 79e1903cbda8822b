"""The PDF renderer reads nothing but the project's own assets."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from kinerja_report.render.fetcher import AksesDitolak, FetcherAman
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan
from kinerja_report.render.pdf import render_pdf

RAHASIA = "isi-rahasia-yang-tidak-boleh-bocor"


@pytest.fixture
def rahasia(tmp_path: Path) -> Path:
    path = tmp_path / "rahasia.txt"
    path.write_text(RAHASIA, encoding="utf-8")
    return path


def test_fetcher_menolak_berkas_lokal_dan_http(rahasia: Path) -> None:
    fetcher = FetcherAman([FOLDER_TEMPLAT])
    for url in (
        rahasia.as_uri(),
        "http://127.0.0.1:9/x.png",
        "https://example.org/a.css",
        "data:text/plain,hai",
        (FOLDER_TEMPLAT / ".." / "README.md").resolve().as_uri(),
    ):
        with pytest.raises(AksesDitolak):
            fetcher.fetch(url)


def test_fetcher_melayani_aset_templat() -> None:
    response = FetcherAman([FOLDER_TEMPLAT]).fetch((FOLDER_TEMPLAT / "dasar.css").as_uri())
    assert b"Liberation Sans" in response.read()


def test_fetcher_melayani_logo_yang_diizinkan(rahasia: Path) -> None:
    response = FetcherAman([FOLDER_TEMPLAT], [rahasia]).fetch(rahasia.as_uri())
    assert response.read().decode() == RAHASIA


@pytest.mark.weasyprint_warnings_ok
def test_pdf_tidak_menyematkan_berkas_lokal(rahasia: Path) -> None:
    html = (
        f'<html><head><link rel="attachment" href="{rahasia.as_uri()}">'
        f'<link rel="stylesheet" href="{rahasia.as_uri()}"></head>'
        f'<body><p>Halo</p><img src="http://127.0.0.1:9/x.png">'
        f'<a rel="attachment" href="{rahasia.as_uri()}">lampiran</a></body></html>'
    )
    pdf = render_pdf(html, FOLDER_TEMPLAT)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.attachments == {}
    assert RAHASIA.encode() not in pdf
    assert "Halo" in reader.pages[0].extract_text()


def test_autoescape_aktif_untuk_j2() -> None:
    template = lingkungan().from_string("{{ teks }}")
    assert lingkungan().autoescape is True
    assert template.render(teks="<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"


def test_tidak_ada_safe_di_templat() -> None:
    """Workbook text is always escaped: no template marks anything as safe."""
    for path in FOLDER_TEMPLAT.glob("*.j2"):
        text = path.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", ""), path.name
        assert "autoescape false" not in text, path.name


def test_fetcher_melayani_logo_sebagai_data_url() -> None:
    fetcher = FetcherAman([FOLDER_TEMPLAT])
    response = fetcher.fetch("data:image/png;base64,iVBORw0KGgo=")
    assert response.read() == b"\x89PNG\r\n\x1a\n"
    assert response.headers["Content-Type"] == "image/png"
    for url in ("data:text/html;base64,PGI+", "data:image/png;base64,!!", "data:image/png,x"):
        with pytest.raises((AksesDitolak, ValueError)):
            fetcher.fetch(url)
