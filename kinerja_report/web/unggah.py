"""Uploads: name checks, the immediate check, and the atomic placing in ``MASUKAN/<tahun>/``.

An upload is first copied into a staging folder outside MASUKAN and checked there with the
library's own stages (:func:`kinerja_report.pipeline.kumpulkan`, as ``kinerja check`` does,
with the folder's settings). Only then is it placed: written to a hidden temporary file in
``MASUKAN/<tahun>/`` and renamed over the target, so the folder never holds half a file. A
file it replaces (the same name, or the same OPD, year and quarter under another name) is
moved to ``MASUKAN/.riwayat-unggah/<tahun>/``: a hidden folder, which the reader never enters
(:func:`kinerja_report.read.walk.telusuri` skips hidden names), so no workbook is read twice.
Every placed upload is logged in ``MASUKAN/.riwayat-unggah/unggahan.jsonl``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import tempfile
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO

from kinerja_report.errors import KinerjaError
from kinerja_report.pipeline import kumpulkan
from kinerja_report.problems import Masalah, Tingkat
from kinerja_report.read.normalize import kunci_nama
from kinerja_report.read.workbook import EKSTENSI_EXCEL
from kinerja_report.settings import baca_pengaturan
from kinerja_report.validasi import NAMA_BERKAS as NAMA_PENGATURAN

FOLDER_RIWAYAT = ".riwayat-unggah"
NAMA_LOG = "unggahan.jsonl"
BATAS_UNGGAH = 25 * 1024 * 1024
"""Bytes of one upload (the request as a whole may carry a little more: the form fields)."""
PANJANG_NAMA_MAKS = 150
_KUNCI_TEMPAT = threading.Lock()
"""Held while a file is placed and the log appended: one placing at a time."""


class UnggahanDitolak(ValueError):
    """An upload that is refused; the message is for the user (Indonesian)."""

    kode_http = 400


class UnggahanDilarang(UnggahanDitolak):
    """An upload of what the sender may not send (another OPD's form through a link)."""

    kode_http = 403


def periksa_nama(nama: str) -> str:
    """The file name as it will be stored, or :class:`UnggahanDitolak` saying why not."""
    nama = unicodedata.normalize("NFC", nama.strip())
    if not nama:
        raise UnggahanDitolak("Nama berkas kosong.")
    if any(pemisah in nama for pemisah in ("/", "\\", "\0")) or nama in {".", ".."}:
        raise UnggahanDitolak("Nama berkas tidak boleh memuat garis miring atau nama folder.")
    if any(unicodedata.category(ch).startswith("C") for ch in nama):
        raise UnggahanDitolak("Nama berkas memuat karakter kendali.")
    if nama.startswith((".", "~$")):
        raise UnggahanDitolak(
            "Nama berkas tidak boleh diawali titik atau '~$' (berkas tersembunyi atau berkas "
            "kunci Excel)."
        )
    if len(nama) > PANJANG_NAMA_MAKS:
        raise UnggahanDitolak(f"Nama berkas terlalu panjang (maksimal {PANJANG_NAMA_MAKS}).")
    if PurePosixPath(nama).suffix.lower() not in EKSTENSI_EXCEL:
        raise UnggahanDitolak("Hanya workbook Excel (.xlsx, .xlsm atau .xls) yang dapat diunggah.")
    return nama


@dataclass(frozen=True)
class Formulir:
    """One evaluation form read from the upload."""

    opd: str
    tahun: int
    triwulan: int
    baris: int


@dataclass
class HasilPeriksa:
    """What the immediate check of one upload found, and where it was placed."""

    nama: str
    terbaca: list[str] = field(default_factory=list)
    formulir: list[Formulir] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    status_verifikasi: list[tuple[str, str]] = field(default_factory=list)
    """(OPD, status of its verification note)."""
    gagal: bool = False
    """The workbook could not be read at all: it is not placed."""
    relatif: str = ""
    """Where it was placed, relative to MASUKAN ('' until placed)."""
    diganti: list[str] = field(default_factory=list)
    """Files it replaced, moved to the history."""

    def jumlah(self, tingkat: Tingkat) -> int:
        return sum(1 for m in self.masalah if m.tingkat is tingkat)

    @property
    def tahun(self) -> int | None:
        tahun = {f.tahun for f in self.formulir}
        return tahun.pop() if len(tahun) == 1 else None


def salin_terbatas(sumber: IO[bytes], tujuan: Path, batas: int = BATAS_UNGGAH) -> int:
    """Copy an upload to ``tujuan``; :class:`UnggahanDitolak` past ``batas`` bytes."""
    total = 0
    with tujuan.open("xb") as keluar:
        while blok := sumber.read(1 << 20):
            total += len(blok)
            if total > batas:
                raise UnggahanDitolak(_pesan_terlalu_besar(batas))
            keluar.write(blok)
    if total == 0:
        raise UnggahanDitolak("Berkas kosong (0 bita).")
    return total


def _pesan_terlalu_besar(batas: int) -> str:
    return f"Berkas terlalu besar: maksimal {batas // (1024 * 1024)} MB per unggahan."


def _siapkan_pengaturan(masukan: Path, staging: Path) -> None:
    """Copy the folder's settings (and the files they name inside it) beside the upload, so
    that it is checked under the same rules and limits as a build."""
    try:
        pengaturan = baca_pengaturan(masukan)
    except KinerjaError:
        return  # a broken settings file: the build names it; the upload is checked without
    if pengaturan is None:
        return
    shutil.copy2(masukan / NAMA_PENGATURAN, staging / NAMA_PENGATURAN)
    for pendukung in pengaturan.berkas_pendukung:
        if pendukung.is_file() and pendukung.is_relative_to(masukan):
            tujuan = staging / pendukung.relative_to(masukan)
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(pendukung, tujuan)


def periksa_unggahan(masukan: Path, berkas: Path, nama: str) -> HasilPeriksa:
    """Check the workbook ``berkas`` (a staged copy named ``nama``) with the library's read
    and check stages; never raises for bad data."""
    hasil = HasilPeriksa(nama)
    with tempfile.TemporaryDirectory(prefix="kinerja-periksa-") as sementara:
        staging = Path(sementara)
        shutil.copyfile(berkas, staging / nama)
        _siapkan_pengaturan(masukan, staging)
        try:
            kumpulan = kumpulkan(staging)
        except KinerjaError:
            (staging / NAMA_PENGATURAN).unlink(missing_ok=True)
            kumpulan = kumpulkan(staging)
    hasil.terbaca = list(kumpulan.terbaca)
    hasil.masalah = [m for m in kumpulan.masalah if m.berkas == nama]
    hasil.gagal = nama in kumpulan.berkas_gagal and not kumpulan.laporan
    for lap in (*kumpulan.laporan, *kumpulan.tahapan):
        hasil.formulir.append(Formulir(lap.opd, lap.tahun, lap.triwulan, len(lap.baris)))
    hasil.status_verifikasi = [(c.opd, c.status) for c in kumpulan.verifikasi]
    return hasil


def milik_opd(hasil: HasilPeriksa, opd: str) -> bool:
    """Whether every form of the upload is ``opd``'s (and there is at least one)."""
    kunci = kunci_nama(opd)
    return bool(hasil.formulir) and all(kunci_nama(f.opd) == kunci for f in hasil.formulir)


def _tujuan_riwayat(masukan: Path, path: Path, cap: str) -> Path:
    """Where a replaced file is kept: ``MASUKAN/.riwayat-unggah/<its folder>/<cap>-<name>``."""
    folder = masukan / FOLDER_RIWAYAT / path.parent.relative_to(masukan)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{cap}-{path.name}"


def tempatkan(
    masukan: Path,
    berkas: Path,
    hasil: HasilPeriksa,
    tahun: int,
    oleh: str,
    lama: Iterable[str] = (),
) -> None:
    """Place the checked upload at ``MASUKAN/<tahun>/<nama>`` atomically; the file there
    before, and ``lama`` (other files of the same OPD-year-quarter, relative to MASUKAN),
    go to the history. Logs the upload."""
    folder = masukan / str(tahun)
    target = folder / hasil.nama
    sekarang = datetime.now(UTC)
    cap = f"{sekarang:%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"
    with _KUNCI_TEMPAT:
        folder.mkdir(parents=True, exist_ok=True)
        sementara = folder / f".unggah-{secrets.token_hex(8)}.tmp"
        try:
            shutil.copyfile(berkas, sementara)
            with sementara.open("rb+") as handle:
                os.fsync(handle.fileno())
            if target.is_file():  # a copy: the new file is then renamed over it
                shutil.copy2(target, _tujuan_riwayat(masukan, target, cap))
                hasil.diganti.append(target.relative_to(masukan).as_posix())
            sementara.replace(target)
        finally:
            sementara.unlink(missing_ok=True)
        for relatif in lama:
            path = masukan / relatif
            if (
                path != target
                and path.is_file()
                and path.resolve().is_relative_to(masukan.resolve())
            ):
                path.replace(_tujuan_riwayat(masukan, path, cap))
                hasil.diganti.append(relatif)
        hasil.relatif = target.relative_to(masukan).as_posix()
        _catat(masukan, hasil, oleh, sekarang)


def _catat(masukan: Path, hasil: HasilPeriksa, oleh: str, waktu: datetime) -> None:
    baris = {
        "waktu": waktu.isoformat(timespec="seconds"),
        "oleh": oleh,
        "berkas": hasil.relatif,
        "opd": sorted({f.opd for f in hasil.formulir}),
        "galat": hasil.jumlah(Tingkat.GALAT),
        "peringatan": hasil.jumlah(Tingkat.PERINGATAN),
        "diganti": hasil.diganti,
    }
    log = masukan / FOLDER_RIWAYAT / NAMA_LOG
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(baris, ensure_ascii=False) + "\n")


@dataclass(frozen=True)
class Penerimaan:
    """The last upload of one file, from the log."""

    waktu: datetime
    oleh: str
    berkas: str
    opd: tuple[str, ...] = ()
    """The OPDs of the forms read from it."""


def penerimaan(masukan: Path) -> dict[str, Penerimaan]:
    """The last upload of every file placed (by its path relative to MASUKAN)."""
    hasil: dict[str, Penerimaan] = {}
    try:
        teks = (masukan / FOLDER_RIWAYAT / NAMA_LOG).read_text(encoding="utf-8")
    except OSError:
        return hasil
    for baris in teks.splitlines():
        try:
            data = json.loads(baris)
            item = Penerimaan(
                datetime.fromisoformat(data["waktu"]),
                str(data["oleh"]),
                str(data["berkas"]),
                tuple(str(opd) for opd in data.get("opd", ())),
            )
        except (ValueError, KeyError, TypeError):
            continue
        hasil[item.berkas] = item
    return hasil
