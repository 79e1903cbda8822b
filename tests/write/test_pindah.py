"""Outputs move into OUT all or nothing: an output path that cannot be replaced leaves every
previous output, the manifest and the history store exactly as they were."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path, PurePosixPath

import pytest

from kinerja_report.errors import KeluaranTidakDapatDitulis
from kinerja_report.pipeline import build
from kinerja_report.write.pindah import Pemindahan, TujuanBukanBerkas
from tests.builders import BARIS_CONTOH, buat_evaluasi

_BERUBAH_TIAP_BUILD = {".kinerja.lock", ".kinerja.log"}


def _isi(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (but the lock and the log) with its sha256."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in _BERUBAH_TIAP_BUILD
    }


def _jumlah_build(keluaran: Path) -> int:
    with closing(sqlite3.connect(keluaran / "kinerja.sqlite")) as conn:
        return int(conn.execute("SELECT count(*) FROM build").fetchone()[0])


def _dua_build(tmp_path: Path, halangi: Callable[[Path], None]) -> tuple[Path, dict[str, str]]:
    """Build once, change the workbook, block the second build's move with ``halangi``;
    returns OUT and its content before the second build."""
    masukan, keluaran = tmp_path / "in", tmp_path / "hasil"
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    build(masukan, keluaran, pekerja=1)
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH[:2])
    halangi(keluaran)
    sebelum = _isi(keluaran)
    assert _jumlah_build(keluaran) == 1
    with pytest.raises(KeluaranTidakDapatDitulis) as info:
        build(masukan, keluaran, pekerja=1)
    assert info.value.masalah.kode == "keluaran-tidak-dapat-ditulis"
    return keluaran, sebelum


def test_folder_di_jalur_hasil_tidak_mengubah_apa_pun(tmp_path: Path) -> None:
    def folder_di_tempat_pdf(keluaran: Path) -> None:
        pdf = keluaran / "2023" / "evaluasi" / "bappeda.pdf"
        pdf.unlink()
        pdf.mkdir()
        (pdf / "catatan.txt").write_text("milik pengguna", encoding="utf-8")

    keluaran, sebelum = _dua_build(tmp_path, folder_di_tempat_pdf)
    assert _isi(keluaran) == sebelum
    assert _jumlah_build(keluaran) == 1  # the refused build is not in the history
    assert not list(keluaran.glob(".sementara-*"))


def test_satu_hasil_tidak_dapat_diganti_semua_dikembalikan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows a file open in a viewer cannot be replaced; here ``rekap.xlsx``, moved after
    the PDFs and the CSV files: those must be put back too."""
    asli = Path.replace

    def replace(self: Path, target: str | Path) -> Path:
        if self.name == "rekap.xlsx" and ".sementara-" not in str(self):
            raise PermissionError(13, "Berkas sedang dibuka", str(self))
        return asli(self, target)

    def buka_di_excel(_: Path) -> None:
        monkeypatch.setattr(Path, "replace", replace)

    keluaran, sebelum = _dua_build(tmp_path, buka_di_excel)
    monkeypatch.undo()
    assert _isi(keluaran) == sebelum
    assert _jumlah_build(keluaran) == 1


def test_pemindahan_dikembalikan_termasuk_folder_baru(tmp_path: Path) -> None:
    keluaran, staging = tmp_path / "out", tmp_path / "out" / ".sementara-1"
    (keluaran / "lama").mkdir(parents=True)
    (keluaran / "lama" / "a.pdf").write_bytes(b"lama")
    for relatif, isi in (("lama/a.pdf", b"baru"), ("baru/b/c.pdf", b"baru")):
        (staging / relatif).parent.mkdir(parents=True, exist_ok=True)
        (staging / relatif).write_bytes(isi)
    pemindahan = Pemindahan(keluaran, staging, staging / ".cadangan")
    semua = [PurePosixPath("lama/a.pdf"), PurePosixPath("baru/b/c.pdf")]
    pemindahan.periksa(semua)
    for relatif in semua:
        pemindahan.pindahkan(relatif)
    assert (keluaran / "lama" / "a.pdf").read_bytes() == b"baru"
    pemindahan.kembalikan()
    assert (keluaran / "lama" / "a.pdf").read_bytes() == b"lama"
    assert not (keluaran / "baru").exists()


def test_berkas_di_jalur_folder_hasil_ditolak_sebelum_dipindah(tmp_path: Path) -> None:
    keluaran = tmp_path / "out"
    keluaran.mkdir()
    (keluaran / "2023").write_text("bukan folder", encoding="utf-8")
    pemindahan = Pemindahan(keluaran, tmp_path / "s", tmp_path / "c")
    with pytest.raises(TujuanBukanBerkas):
        pemindahan.periksa([PurePosixPath("capaian.csv"), PurePosixPath("2023/x.pdf")])
