"""Links inside OUT are never written through: the log, the lock, the history store and the
journals SQLite writes beside it. A decoy folder outside OUT is hashed before and after."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from kinerja_report.catatan import NAMA_LOG, tulis_log
from kinerja_report.cli import main
from kinerja_report.errors import KeluaranTidakDapatDitulis
from kinerja_report.read.cache import muat_cache
from kinerja_report.write.output_dir import NAMA_KUNCI, FolderKeluaran
from kinerja_report.write.riwayat import NAMA_RIWAYAT, buka_riwayat
from tests.builders import BARIS_CONTOH, buat_evaluasi

ISI_UMPAN = b"isi berkas di luar folder hasil, " * 40


def _sidik(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (names too: a new file shows) with its sha256."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _umpan(tmp_path: Path) -> Path:
    luar = tmp_path / "luar"
    luar.mkdir()
    for nama in ("log.txt", "kunci.txt", "lain.txt"):
        (luar / nama).write_bytes(ISI_UMPAN)
    return luar


def _symlink(path: Path, target: Path) -> None:
    path.symlink_to(target)


def _hardlink(path: Path, target: Path) -> None:
    os.link(target, path)


TAUTAN: dict[str, Callable[[Path, Path], None]] = {"symlink": _symlink, "hardlink": _hardlink}


@pytest.mark.parametrize("jenis", sorted(TAUTAN))
def test_log_dan_kunci_lewat_tautan_tidak_mengubah_di_luar(tmp_path: Path, jenis: str) -> None:
    luar, out = _umpan(tmp_path), tmp_path / "out"
    out.mkdir()
    TAUTAN[jenis](out / NAMA_LOG, luar / "log.txt")
    TAUTAN[jenis](out / NAMA_KUNCI, luar / "kunci.txt")
    sebelum = _sidik(luar)
    with FolderKeluaran(out) as folder:
        folder.tulis("capaian.csv", b"a")
    assert tulis_log(out / NAMA_LOG, ["WARNING x: pesan"])
    assert _sidik(luar) == sebelum
    for nama in (NAMA_LOG, NAMA_KUNCI):  # replaced by files of our own
        assert not (out / nama).is_symlink()
        assert (out / nama).stat().st_nlink == 1
    assert (out / NAMA_LOG).read_text(encoding="utf-8") == "WARNING x: pesan\n"


def test_tautan_menggantung_tidak_membuat_berkas_di_luar(tmp_path: Path) -> None:
    luar, out = _umpan(tmp_path), tmp_path / "out"
    out.mkdir()
    (out / NAMA_LOG).symlink_to(luar / "log-baru.txt")
    (out / NAMA_KUNCI).symlink_to(luar / "kunci-baru.txt")
    sebelum = _sidik(luar)
    with FolderKeluaran(out) as folder:
        folder.tulis("capaian.csv", b"a")
    assert tulis_log(out / NAMA_LOG, [])
    assert _sidik(luar) == sebelum
    assert sorted(p.name for p in luar.iterdir()) == ["kunci.txt", "lain.txt", "log.txt"]


def _riwayat_wal(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE cache_baca (kunci TEXT PRIMARY KEY, isi TEXT NOT NULL)")
        conn.commit()


def test_riwayat_tautan_ke_luar_ditolak_tanpa_jurnal_di_luar(tmp_path: Path) -> None:
    luar, out = _umpan(tmp_path), tmp_path / "out"
    out.mkdir()
    _riwayat_wal(luar / "riwayat.sqlite")
    (out / NAMA_RIWAYAT).symlink_to(luar / "riwayat.sqlite")
    sebelum = _sidik(luar)
    assert muat_cache(out / NAMA_RIWAYAT).dipakai == {}  # read-only: no -wal/-shm outside
    with pytest.raises(KeluaranTidakDapatDitulis) as info, buka_riwayat(out / NAMA_RIWAYAT):
        pass
    assert info.value.masalah.kode == "keluaran-lewat-tautan"
    assert "'kinerja.sqlite' di dalam folder hasil adalah tautan" in info.value.masalah.pesan
    assert _sidik(luar) == sebelum


@pytest.mark.parametrize("akhiran", ["-wal", "-shm", "-journal", ""])
@pytest.mark.parametrize("jenis", sorted(TAUTAN))
def test_riwayat_atau_jurnalnya_bertautan_ditolak(tmp_path: Path, akhiran: str, jenis: str) -> None:
    luar, out = _umpan(tmp_path), tmp_path / "out"
    out.mkdir()
    db = out / NAMA_RIWAYAT
    with buka_riwayat(db):
        pass  # a store of ours
    if akhiran:
        TAUTAN[jenis](db.with_name(db.name + akhiran), luar / "lain.txt")
    else:
        db.unlink()
        TAUTAN[jenis](db, luar / "lain.txt")
    sebelum = _sidik(luar)
    with pytest.raises(KeluaranTidakDapatDitulis) as info, buka_riwayat(db):
        pass
    assert info.value.masalah.kode == "keluaran-lewat-tautan"
    assert muat_cache(db).dipakai == {}
    assert _sidik(luar) == sebelum


def test_build_lewat_cli_dengan_tautan_di_keluaran(tmp_path: Path) -> None:
    """The whole command: the log and the lock are links to the decoy; the build succeeds
    and the decoy is untouched. Then a store linked to a WAL-mode database outside: refused
    with exit 2, no journal appears outside."""
    luar, masukan, out = _umpan(tmp_path), tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    out.mkdir()
    (out / NAMA_LOG).symlink_to(luar / "log.txt")
    os.link(luar / "kunci.txt", out / NAMA_KUNCI)
    sebelum = _sidik(luar)
    args = ["build", str(masukan), "--out", str(out), "--jobs", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert _sidik(luar) == sebelum
    (out / NAMA_RIWAYAT).unlink()
    _riwayat_wal(luar / "riwayat.sqlite")
    (out / NAMA_RIWAYAT).symlink_to(luar / "riwayat.sqlite")
    (out / NAMA_LOG).unlink()
    (out / NAMA_LOG).symlink_to(luar / "log.txt")
    sebelum = _sidik(luar)
    result = CliRunner().invoke(main, [*args, "--penuh"])
    assert result.exit_code == 2, result.output
    assert "'kinerja.sqlite' di dalam folder hasil adalah tautan" in result.stderr
    assert _sidik(luar) == sebelum


def test_build_tanpa_workbook_tidak_membuat_atau_mengubah_keluaran(tmp_path: Path) -> None:
    """README: a build that reads no workbook changes nothing in OUT (keluaran-tidak-diubah):
    it does not create OUT, nor empty the previous build's log."""
    kosong, out = tmp_path / "kosong", tmp_path / "baru" / "hasil"
    kosong.mkdir()
    result = CliRunner().invoke(main, ["build", str(kosong), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert not (tmp_path / "baru").exists()
    ada = tmp_path / "ada"
    ada.mkdir()
    (ada / NAMA_LOG).write_text("WARNING catatan build sebelumnya\n", encoding="utf-8")
    (ada / "capaian.csv").write_bytes(b"lama")
    sebelum = _sidik(ada)
    result = CliRunner().invoke(main, ["build", str(kosong), "--out", str(ada)])
    assert result.exit_code == 1, result.output
    assert _sidik(ada) == sebelum
    assert sorted(p.name for p in ada.iterdir()) == [NAMA_LOG, "capaian.csv"]
