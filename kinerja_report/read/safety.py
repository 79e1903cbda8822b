"""A pre-parse safety check of an untrusted workbook, run before openpyxl opens anything.

Only headers are read: the first bytes of the file (its magic number), the directory of an
OLE2 container (by a plain bytes search, never parsing the streams) and the zip central
directory (:meth:`zipfile.ZipFile.infolist` sizes; no member is ever decompressed). That is
enough to tell, cheaply and with a message the user can act on:

- an empty file, a PDF/PNG/CSV/HTML file that only carries an Excel name;
- a password-protected workbook (an OLE2 container with an ``EncryptionInfo`` stream), which
  openpyxl reports as a cryptic ``BadZipFile``;
- an old ``.xls`` (an OLE2 container with a ``Workbook`` or ``Book`` stream);
- a truncated or damaged ``.xlsx`` (zip magic, unreadable central directory);
- a zip that is not a workbook (``.docx``, ``.ods`` ...);
- a zip bomb: no Excel reader guards against one, and a 0,5 MB file can inflate to hundreds
  of MB. Python's :mod:`zipfile` never inflates a member past the size its central directory
  declares, so checking the declared sizes bounds what openpyxl can unpack.

XML entity expansion is not checked here: openpyxl refuses entities while ``defusedxml`` is
installed (a declared dependency).
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kinerja_report.errors import KinerjaError, WorkbookTidakTerbaca, alasan_os, galat
from kinerja_report.formats import angka

KB = 1024
MB = 1024 * KB

MAGIC_OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
"""First bytes of an OLE2/CFB container: old .xls, .doc, and every encrypted Office file."""

MAGIC_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
"""First bytes of a zip archive (a local file header, an empty archive, a spanned archive)."""

_PANJANG_AWAL = 4 * KB
"""How much of the file start is read to recognise its content."""

_POTONGAN = 1 * MB
"""Chunk size of the bytes search through an OLE2 container."""


@dataclass(frozen=True)
class BatasWorkbook:
    """Limits a workbook must stay within before it is opened.

    The defaults are far above any real OPD workbook (the largest of the real test corpus is
    1,3 MB on disk and 9 MB unpacked; its members compress at most 27:1, and a sheet of
    100 000 repeated rows written by openpyxl compresses 16:1) and far below what makes
    openpyxl take minutes and gigabytes of memory.
    """

    ukuran_berkas_maks: int = 100 * MB
    """Largest file on disk, in bytes."""

    ukuran_isi_maks: int = 200 * MB
    """Largest total size of all zip members once unpacked, in bytes."""

    jumlah_anggota_maks: int = 10_000
    """Largest number of members (files) in the zip archive."""

    rasio_anggota_maks: float = 100.0
    """Largest compression ratio (unpacked / packed) of one member bigger than
    :attr:`ambang_rasio`."""

    rasio_total_maks: float = 100.0
    """Largest overall compression ratio (all members), when the unpacked total is bigger
    than :attr:`ambang_rasio`; catches a bomb split into many small members."""

    ambang_rasio: int = 1 * MB
    """Ratios are checked only above this unpacked size: small XML members legitimately
    compress 20-50:1."""


BATAS_BAWAAN = BatasWorkbook()
"""The default limits."""


def periksa_workbook(path: Path, nama: str, batas: BatasWorkbook = BATAS_BAWAAN) -> None:
    """Refuse a file that is not a safe .xlsx/.xlsm workbook, reading only its headers.

    ``nama`` is how the file is named in reports. Raises :class:`WorkbookTidakTerbaca` with a
    distinct catalogue code per cause (``berkas-kosong``, ``berkas-terenkripsi``,
    ``format-xls-lama``, ``berkas-terpotong``, ``bukan-excel``, ``bukan-xlsx``,
    ``workbook-terlalu-besar``; ``berkas-tidak-terbaca`` when the file cannot be opened at
    all); returns ``None`` when openpyxl may open the file.
    """
    try:
        _periksa(path, nama, batas)
    except OSError as exc:
        raise galat(
            WorkbookTidakTerbaca,
            "berkas-tidak-terbaca",
            nama,
            alasan=f"tidak dapat dibuka: {alasan_os(exc)}",
        ) from exc


def _periksa(path: Path, nama: str, batas: BatasWorkbook) -> None:
    ukuran = path.stat().st_size
    if ukuran == 0:
        raise galat(WorkbookTidakTerbaca, "berkas-kosong", nama)
    if ukuran > batas.ukuran_berkas_maks:
        raise _terlalu_besar(
            nama, "ukuran berkas", _ukuran(ukuran), _ukuran(batas.ukuran_berkas_maks)
        )
    with path.open("rb") as berkas:
        awal = berkas.read(_PANJANG_AWAL)
        if awal.startswith(MAGIC_OLE2):
            _periksa_ole2(berkas, nama)
    if not awal.startswith(MAGIC_ZIP):
        raise galat(WorkbookTidakTerbaca, "bukan-excel", nama, jenis=_jenis_isi(awal))
    _periksa_zip(path, nama, ukuran, batas)


# --- OLE2 (old .xls, encrypted workbooks) -------------------------------------------------


def _nama_ole2(nama: str) -> bytes:
    """A stream name as it is stored in an OLE2 directory entry: UTF-16LE, NUL-terminated."""
    return nama.encode("utf-16-le") + b"\x00\x00"


_NAMA_ENKRIPSI = (_nama_ole2("EncryptionInfo"), _nama_ole2("EncryptedPackage"))
_NAMA_XLS = (_nama_ole2("Workbook"), _nama_ole2("Book"))
_TUMPANG = max(len(n) for n in _NAMA_ENKRIPSI + _NAMA_XLS) - 1


def _periksa_ole2(berkas: BinaryIO, nama: str) -> None:
    """Always raises: an OLE2 container is never an .xlsx openpyxl can read.

    The directory of an OLE2 file may lie anywhere (Excel writes it near the end), so the
    whole file is searched in chunks for the stream names; its size is already bounded.
    """
    berkas.seek(0)
    sisa = b""
    ada_xls = False
    while potongan := berkas.read(_POTONGAN):
        data = sisa + potongan
        if any(n in data for n in _NAMA_ENKRIPSI):
            raise galat(WorkbookTidakTerbaca, "berkas-terenkripsi", nama)
        ada_xls = ada_xls or any(n in data for n in _NAMA_XLS)
        sisa = data[-_TUMPANG:]
    if ada_xls:
        raise galat(WorkbookTidakTerbaca, "format-xls-lama", nama)
    raise galat(
        WorkbookTidakTerbaca,
        "bukan-excel",
        nama,
        jenis="tampaknya dokumen Office lama seperti .doc, bukan workbook",
    )


# --- other content ------------------------------------------------------------------------

_TANDA_BINER = (
    (b"%PDF", "tampaknya dokumen PDF"),
    (b"\x89PNG\r\n\x1a\n", "tampaknya gambar PNG"),
    (b"\xff\xd8\xff", "tampaknya gambar JPEG"),
    (b"GIF8", "tampaknya gambar GIF"),
    (b"Rar!\x1a\x07", "tampaknya arsip RAR"),
    (b"7z\xbc\xaf\x27\x1c", "tampaknya arsip 7-Zip"),
    (b"\x1f\x8b", "tampaknya arsip gzip"),
)

_BYTE_KONTROL = frozenset(range(0x09)) | {0x0B} | (frozenset(range(0x0E, 0x20)) - {0x1A})
"""Bytes that do not occur in text (NUL, other C0 controls; tab, newlines, form feed and
the DOS end-of-file mark do)."""


def _jenis_isi(awal: bytes) -> str:
    """What the start of a non-workbook file looks like, as a phrase for the message."""
    for tanda, jenis in _TANDA_BINER:
        if awal.startswith(tanda):
            return jenis
    if awal.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 ('Unicode Text' from Excel)
        return _jenis_teks(awal.decode("utf-16", errors="replace"))
    if not _BYTE_KONTROL.intersection(awal):
        return _jenis_teks(awal.decode("utf-8", errors="replace"))
    return "jenis isinya tidak dikenali"


def _jenis_teks(teks: str) -> str:
    awal = teks.lstrip("\ufeff \t\r\n").lower()
    if awal.startswith(("<!doctype html", "<html")):
        return "tampaknya halaman HTML, mis. hasil 'ekspor ke Excel' aplikasi web"
    if awal.startswith("<?xml"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in awal:
            return "tampaknya XML Spreadsheet 2003"
        return "tampaknya berkas XML"
    return "tampaknya teks biasa atau CSV"


# --- zip (xlsx) ---------------------------------------------------------------------------


def _periksa_zip(path: Path, nama: str, ukuran: int, batas: BatasWorkbook) -> None:
    try:
        with zipfile.ZipFile(path) as arsip:
            anggota = arsip.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, struct.error) as exc:
        raise galat(WorkbookTidakTerbaca, "berkas-terpotong", nama) from exc
    # A member whose data would end past the end of the file: the archive was cut short.
    if any(info.header_offset + info.compress_size > ukuran for info in anggota):
        raise galat(WorkbookTidakTerbaca, "berkas-terpotong", nama)
    _periksa_struktur(anggota, nama)
    _periksa_batas(anggota, nama, batas)


def _periksa_struktur(anggota: list[zipfile.ZipInfo], nama: str) -> None:
    """A workbook has ``[Content_Types].xml`` and ``xl/workbook.xml`` (Office part names
    are case-insensitive)."""
    isi = {info.filename.lower() for info in anggota}
    if "[content_types].xml" in isi and "xl/workbook.xml" in isi:
        return
    raise galat(WorkbookTidakTerbaca, "bukan-xlsx", nama, jenis=_jenis_zip(isi))


def _jenis_zip(isi: set[str]) -> str:
    if "xl/workbook.bin" in isi:
        return "tampaknya workbook biner Excel .xlsb"
    if "word/document.xml" in isi:
        return "tampaknya dokumen Word .docx"
    if "ppt/presentation.xml" in isi:
        return "tampaknya presentasi PowerPoint .pptx"
    if "mimetype" in isi and "content.xml" in isi:
        return "tampaknya dokumen OpenDocument seperti .ods"
    return "tidak ada [Content_Types].xml dan xl/workbook.xml"


def _periksa_batas(anggota: list[zipfile.ZipInfo], nama: str, batas: BatasWorkbook) -> None:
    if len(anggota) > batas.jumlah_anggota_maks:
        raise _terlalu_besar(
            nama,
            "jumlah berkas di dalam arsip",
            angka(len(anggota), 0),
            angka(batas.jumlah_anggota_maks, 0),
        )
    total = sum(info.file_size for info in anggota)
    if total > batas.ukuran_isi_maks:
        raise _terlalu_besar(
            nama, "ukuran isi setelah diekstrak", _ukuran(total), _ukuran(batas.ukuran_isi_maks)
        )
    for info in anggota:
        rasio = _rasio(info.file_size, info.compress_size)
        if info.file_size > batas.ambang_rasio and rasio > batas.rasio_anggota_maks:
            raise _terlalu_besar(
                nama,
                f"rasio kompresi {_nama_aman(info.filename)}",
                _teks_rasio(rasio),
                _teks_rasio(batas.rasio_anggota_maks),
            )
    rasio = _rasio(total, sum(info.compress_size for info in anggota))
    if total > batas.ambang_rasio and rasio > batas.rasio_total_maks:
        raise _terlalu_besar(
            nama,
            "rasio kompresi seluruh isi",
            _teks_rasio(rasio),
            _teks_rasio(batas.rasio_total_maks),
        )


def _terlalu_besar(nama: str, batas: str, nilai: str, maks: str) -> KinerjaError:
    return galat(
        WorkbookTidakTerbaca, "workbook-terlalu-besar", nama, batas=batas, nilai=nilai, maks=maks
    )


def _rasio(asli: int, terkompresi: int) -> float:
    return asli / max(terkompresi, 1)


def _teks_rasio(rasio: float) -> str:
    """'1.029:1'."""
    return f"{angka(rasio, 0)}:1"


def _ukuran(byte: int) -> str:
    """'300 MB', '1,5 KB', '12 byte' (1 MB = 1024 x 1024 byte)."""
    if byte >= MB:
        return f"{angka(byte / MB, 1)} MB"
    if byte >= KB:
        return f"{angka(byte / KB, 1)} KB"
    return f"{angka(byte, 0)} byte"


def _nama_aman(nama: str) -> str:
    """A member name from an untrusted archive, fit for a message: printable, short."""
    bersih = "".join(c if c.isprintable() else "?" for c in nama)
    return bersih if len(bersih) <= 80 else bersih[:77] + "..."
