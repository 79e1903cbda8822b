"""The regency logo: an image file inside the input folder, checked and made print-sized.

The logo is untrusted input like the workbooks. It must lie inside the input folder (no
``/proc/self/environ``, no ``../rahasia.png``), be at most :data:`UKURAN_MAKS` bytes, and be
a real image:

* raster (PNG, JPEG, GIF, WebP): opened by Pillow within ``Image.MAX_IMAGE_PIXELS`` and
  :data:`PIKSEL_SUMBER_MAKS` (a decompression bomb is an error, its warning never reaches the
  screen), turned upright, scaled down to :data:`SISI_MAKS` pixels and re-encoded as PNG;
* SVG: parsed with defusedxml (no DTD, no entities), with no script, no reference outside
  the file (``href``/``url()`` only to ``#id``), no reference cycle and at most
  :data:`SIMPUL_MAKS` elements once every internal reference is expanded.

Documents embed the processed bytes (:attr:`Logo.url`, a ``data:`` URL), never the file.
"""

from __future__ import annotations

import base64
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from PIL import Image, ImageOps, UnidentifiedImageError

from kinerja_report.errors import alasan_isi, alasan_os

MB = 1024 * 1024
UKURAN_MAKS = 5 * MB
SISI_MAKS = 600
"""Longest side of a raster logo after processing: 600 px is 5 cm at 300 dpi, more than the
letterhead needs."""
PIKSEL_SUMBER_MAKS = 50_000_000
"""Pixels a raster logo may have before scaling (Pillow's own limit applies as well)."""
SIMPUL_MAKS = 100_000
FORMAT_RASTER = ("PNG", "JPEG", "GIF", "WEBP")
_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.IGNORECASE)


class LogoTidakValid(ValueError):
    """The logo cannot be used; the message (Indonesian) says why."""


@dataclass(frozen=True)
class Logo:
    """The processed logo: the bytes documents embed and their MIME type."""

    isi: bytes
    jenis: str

    @property
    def url(self) -> str:
        return f"data:{self.jenis};base64,{base64.b64encode(self.isi).decode('ascii')}"


def baca_logo(folder: Path, nama: str) -> tuple[Path, Logo]:
    """The logo file ``nama`` (relative to ``folder``) and its processed form.

    Raises :class:`LogoTidakValid` when it is outside ``folder``, missing, too large, or not
    a safe image."""
    path = _di_dalam(folder, nama)
    data = _baca_terbatas(path, nama)
    if _mirip_svg(data):
        return path, Logo(_periksa_svg(data, nama), "image/svg+xml")
    return path, Logo(_proses_raster(data, nama), "image/png")


def _di_dalam(folder: Path, nama: str) -> Path:
    try:
        root = folder.resolve()
        path = (folder / nama).resolve()
    except (OSError, RuntimeError, ValueError) as exc:
        raise LogoTidakValid(
            f"berkas logo '{nama}' tidak dapat dibaca ({alasan_isi(exc)})"
        ) from exc
    if not path.is_relative_to(root):
        raise LogoTidakValid(f"berkas logo '{nama}' harus berada di dalam folder masukan")
    if not path.exists():
        raise LogoTidakValid(f"berkas logo '{nama}' tidak ada")
    if not path.is_file():
        raise LogoTidakValid(f"logo '{nama}' bukan berkas gambar biasa")
    return path


def _baca_terbatas(path: Path, nama: str) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(UKURAN_MAKS + 1)
    except OSError as exc:
        raise LogoTidakValid(f"berkas logo '{nama}' tidak dapat dibaca: {alasan_os(exc)}") from exc
    if len(data) > UKURAN_MAKS:
        raise LogoTidakValid(
            f"berkas logo '{nama}' lebih dari {UKURAN_MAKS // MB} MB; simpan logo yang lebih "
            f"kecil (cukup {SISI_MAKS} piksel)"
        )
    if not data:
        raise LogoTidakValid(f"berkas logo '{nama}' kosong")
    return data


def _mirip_svg(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--"))


def _proses_raster(data: bytes, nama: str) -> bytes:
    bukan = f"logo '{nama}' bukan gambar PNG, JPEG, GIF, WebP atau SVG yang dapat dibaca"
    terlalu_besar = (
        f"gambar logo '{nama}' terlalu besar (piksel); simpan logo paling besar "
        f"{SISI_MAKS} x {SISI_MAKS} piksel"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=FORMAT_RASTER) as image:
                if image.width * image.height > PIKSEL_SUMBER_MAKS:
                    raise LogoTidakValid(terlalu_besar)
                image.draft("RGB", (SISI_MAKS, SISI_MAKS))  # JPEG: decode at a smaller scale
                picture = ImageOps.exif_transpose(image)
                picture.thumbnail((SISI_MAKS, SISI_MAKS))
                if picture.mode not in {"RGB", "RGBA", "L", "LA"}:
                    picture = picture.convert("RGBA")
                out = io.BytesIO()
                picture.save(out, format="PNG")
        except LogoTidakValid:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise LogoTidakValid(terlalu_besar) from exc
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
            raise LogoTidakValid(bukan) from exc
    return out.getvalue()


def _periksa_svg(data: bytes, nama: str) -> bytes:
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise LogoTidakValid(
            f"logo SVG '{nama}' memuat DTD atau entitas XML; simpan ulang tanpa keduanya"
        ) from exc
    except Exception as exc:  # expat's ParseError, bad encodings: not a readable SVG
        raise LogoTidakValid(f"logo '{nama}' bukan SVG yang dapat dibaca") from exc
    if _lokal(root.tag) != "svg":
        raise LogoTidakValid(f"logo '{nama}' bukan SVG yang dapat dibaca")
    ids: dict[str, Element] = {}
    for element in root.iter():
        _periksa_elemen(element, nama)
        if "id" in element.attrib:
            ids.setdefault(element.attrib["id"], element)
    if _jumlah_simpul(root, ids, nama) > SIMPUL_MAKS:
        raise LogoTidakValid(f"logo SVG '{nama}' terlalu rumit (lebih dari {SIMPUL_MAKS} unsur)")
    return data


def _lokal(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1].lower()


def _rujukan(element: Element) -> list[str]:
    """Every reference an element makes: href attributes and url(...) in attributes/text."""
    refs = [value for key, value in element.attrib.items() if _lokal(key) == "href"]
    texts = list(element.attrib.values())
    if _lokal(element.tag) == "style":
        texts.append(element.text or "")
    refs.extend(found for text in texts for found in _URL.findall(text))
    return [ref.strip() for ref in refs]


def _periksa_elemen(element: Element, nama: str) -> None:
    if _lokal(element.tag) in {"script", "foreignobject"}:
        raise LogoTidakValid(f"logo SVG '{nama}' memuat <{_lokal(element.tag)}>; tidak diizinkan")
    if _lokal(element.tag) == "style" and "@import" in (element.text or "").lower():
        raise LogoTidakValid(f"logo SVG '{nama}' memuat @import; tidak diizinkan")
    for ref in _rujukan(element):
        if not ref.startswith("#"):
            raise LogoTidakValid(
                f"logo SVG '{nama}' merujuk ke luar berkasnya ('{ref[:60]}'); hanya rujukan "
                "ke dalam berkas (#id) yang diizinkan"
            )


def _berikut(element: Element, ids: dict[str, Element]) -> list[Element]:
    targets = [ids[ref[1:]] for ref in _rujukan(element) if ref[1:] in ids]
    return [*element, *targets]


def _jumlah_simpul(root: Element, ids: dict[str, Element], nama: str) -> int:
    """Elements once every reference is expanded (iterative DFS; a cycle is an error)."""
    cost: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Element, bool]] = [(root, False)]
    while stack:
        element, selesai = stack.pop()
        key = id(element)
        if selesai:
            total = 1 + sum(cost[id(nxt)] for nxt in _berikut(element, ids))
            cost[key] = min(total, SIMPUL_MAKS + 1)
            on_path.discard(key)
            continue
        if key in cost:
            continue
        on_path.add(key)
        stack.append((element, True))
        for nxt in _berikut(element, ids):
            if id(nxt) in on_path:
                raise LogoTidakValid(f"logo SVG '{nama}' memuat rujukan melingkar")
            if id(nxt) not in cost:
                stack.append((nxt, False))
    return cost[id(root)]
