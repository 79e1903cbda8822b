"""The logo: an image inside the input folder, checked, made print-sized, embedded."""

from __future__ import annotations

import base64
import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from kinerja_report.errors import PengaturanTidakValid
from kinerja_report.render.html import FOLDER_TEMPLAT
from kinerja_report.render.pdf import render_pdf
from kinerja_report.settings import baca_pengaturan
from tests.conftest import SAMPLE_DATA

SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def _png(width: int, height: int) -> bytes:
    image = Image.new("RGB", (width, height), (27, 122, 58))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _png_kepala(width: int, height: int) -> bytes:
    """A PNG that only claims its size: what a decompression bomb looks like to open()."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def _pengaturan(folder: Path, logo: str) -> None:
    (folder / "pengaturan.toml").write_text(f"[daerah]\nlogo = '{logo}'\n", encoding="utf-8")


def _galat(folder: Path) -> str:
    with pytest.raises(PengaturanTidakValid) as info:
        baca_pengaturan(folder)
    return info.value.masalah.pesan.removeprefix("Pengaturan tidak valid: ")


def test_logo_png_diperkecil_dan_disematkan(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(_png(2000, 1000))
    _pengaturan(tmp_path, "logo.png")
    pengaturan = baca_pengaturan(tmp_path)
    assert pengaturan is not None
    daerah = pengaturan.daerah
    assert daerah.logo == (tmp_path / "logo.png").resolve()
    assert daerah.aset == ()
    url = daerah.logo_url or ""
    assert url.startswith("data:image/png;base64,")
    with Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))) as image:
        assert image.size == (600, 300)
    html = f'<html><body><img src="{url}" style="width: 3cm"></body></html>'
    pdf = PdfReader(io.BytesIO(render_pdf(html, FOLDER_TEMPLAT)))
    assert len(pdf.pages[0].images) == 1


def test_logo_svg_contoh_diterima() -> None:
    pengaturan = baca_pengaturan(SAMPLE_DATA)
    assert pengaturan is not None
    assert (pengaturan.daerah.logo_url or "").startswith("data:image/svg+xml;base64,")


@pytest.mark.parametrize("logo", ["/proc/self/environ", "../rahasia.png", "tautan.png"])
def test_logo_di_luar_folder_masukan_ditolak(tmp_path: Path, logo: str) -> None:
    (tmp_path / "rahasia.png").write_bytes(_png(10, 10))
    masukan = tmp_path / "masukan"
    masukan.mkdir()
    (masukan / "tautan.png").symlink_to(tmp_path / "rahasia.png")
    _pengaturan(masukan, logo)
    assert _galat(masukan) == f"berkas logo '{logo}' harus berada di dalam folder masukan"


def test_logo_bukan_gambar_ditolak(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_text("NIP 19700101 ...", encoding="utf-8")
    _pengaturan(tmp_path, "logo.png")
    assert _galat(tmp_path) == (
        "logo 'logo.png' bukan gambar PNG, JPEG, GIF, WebP atau SVG yang dapat dibaca"
    )


def test_logo_lebih_dari_5_mb_ditolak(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(_png(10, 10) + b"\0" * (5 * 1024 * 1024))
    _pengaturan(tmp_path, "logo.png")
    assert _galat(tmp_path).startswith("berkas logo 'logo.png' lebih dari 5 MB")


@pytest.mark.parametrize(
    "ukuran",
    [
        (30_000, 30_000),  # beyond twice Pillow's limit: DecompressionBombError
        (10_000, 10_000),  # beyond Pillow's limit: a DecompressionBombWarning, made an error
        (8_000, 8_000),  # within Pillow's limit, beyond ours
    ],
)
def test_bom_piksel_ditolak_tanpa_peringatan(tmp_path: Path, ukuran: tuple[int, int]) -> None:
    (tmp_path / "logo.png").write_bytes(_png_kepala(*ukuran))
    _pengaturan(tmp_path, "logo.png")
    assert _galat(tmp_path).startswith("gambar logo 'logo.png' terlalu besar (piksel)")


def _svg(body: str) -> str:
    return f'<svg {SVG} width="10" height="10">{body}</svg>'


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (
            _svg('<image href="logo.svg" width="10" height="10"/>'),
            "logo SVG 'logo.svg' merujuk ke luar berkasnya ('logo.svg')",
        ),
        (
            _svg('<image xlink:href="file:///etc/passwd" width="1" height="1"/>'),
            "merujuk ke luar berkasnya ('file:///etc/passwd')",
        ),
        (_svg('<rect style="fill: url(http://x/y)"/>'), "merujuk ke luar berkasnya ('http://x/y')"),
        (_svg("<style>@import url(#a);</style>"), "memuat @import"),
        (_svg('<g id="a"><use href="#a"/></g>'), "memuat rujukan melingkar"),
        (
            _svg('<g id="a"><use href="#b"/></g><g id="b"><rect fill="url(#a)"/></g>'),
            "memuat rujukan melingkar",
        ),
        (
            _svg(
                '<g id="g0"><rect width="1" height="1"/></g>'
                + "".join(
                    f'<g id="g{i}">' + f'<use href="#g{i - 1}"/>' * 10 + "</g>" for i in range(1, 7)
                )
            ),
            "terlalu rumit (lebih dari 100000 unsur)",
        ),
        (_svg("<script>alert(1)</script>"), "memuat <script>"),
        (
            '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "b">]>' + _svg("<text>&a;</text>"),
            "memuat DTD atau entitas XML",
        ),
        ("<svg", "bukan SVG yang dapat dibaca"),
        ('<?xml version="1.0"?><html/>', "bukan SVG yang dapat dibaca"),
    ],
)
def test_svg_berbahaya_ditolak(tmp_path: Path, isi: str, pesan: str) -> None:
    (tmp_path / "logo.svg").write_text(isi, encoding="utf-8")
    _pengaturan(tmp_path, "logo.svg")
    assert pesan in _galat(tmp_path)


def test_svg_dengan_rujukan_internal_diterima(tmp_path: Path) -> None:
    isi = _svg(
        '<defs><linearGradient id="w"><stop offset="0"/></linearGradient>'
        '<g id="bintang"><rect width="2" height="2" fill="url(#w)"/></g></defs>'
        '<use href="#bintang"/><use xlink:href="#bintang" x="4"/>'
    )
    (tmp_path / "logo.svg").write_text(isi, encoding="utf-8")
    _pengaturan(tmp_path, "logo.svg")
    pengaturan = baca_pengaturan(tmp_path)
    assert pengaturan is not None
    url = pengaturan.daerah.logo_url or ""
    assert base64.b64decode(url.split(",", 1)[1]).decode() == isi
