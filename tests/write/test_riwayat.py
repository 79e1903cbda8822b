"""The history store OUT/kinerja.sqlite: idempotent re-ingest, versions on change, removed
files flagged, 'kinerja riwayat' naming the values that moved."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from kinerja_report.cli import main
from kinerja_report.errors import DiskPenuh, RiwayatTidakValid
from kinerja_report.pipeline import build, kumpulkan
from kinerja_report.read.cache import muat_cache
from kinerja_report.read.riwayat import perubahan
from kinerja_report.write.riwayat import CatatanBuild, buka_riwayat, catat_build
from tests.builders import BARIS_CONTOH, buat_evaluasi

TABEL_DATA = (
    "SELECT berkas_id, sha256, ukuran, mtime, jenis_lembar, tahun, opd, dibaca, gagal, "
    "pertama_dilihat, build_pertama FROM versi_berkas ORDER BY id",
    "SELECT * FROM indikator ORDER BY id",
    "SELECT * FROM nilai ORDER BY indikator_id, kolom",
    "SELECT id, path FROM berkas ORDER BY id",
)


def _isi(db: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()


def _semua(db: Path) -> list[list[tuple[object, ...]]]:
    return [_isi(db, sql) for sql in TABEL_DATA]


def _masukan(folder: Path) -> Path:
    buat_evaluasi(folder / "2023" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    buat_evaluasi(folder / "2023" / "dinkes.xlsx", "Dinas Kesehatan", 2023, BARIS_CONTOH[:2])
    return folder


def test_baca_ulang_tanpa_perubahan_tidak_mengubah_apa_pun(tmp_path: Path) -> None:
    masukan, out = _masukan(tmp_path / "in"), tmp_path / "out"
    build(masukan, out, pekerja=1)
    db = out / "kinerja.sqlite"
    pertama = _semua(db)
    assert len(pertama[0]) == 2  # two versions, one per workbook
    assert len(pertama[1]) == 5  # 3 + 2 indicator rows
    build(masukan, out, pekerja=1)
    assert _semua(db) == pertama
    assert _isi(db, "SELECT id FROM build") == [(1,), (2,)]
    assert _isi(db, "SELECT build_id, COUNT(*) FROM build_masukan GROUP BY build_id") == [
        (1, 2),
        (2, 2),
    ]
    assert _isi(db, "SELECT DISTINCT build_terakhir FROM versi_berkas") == [(2,)]
    result = CliRunner().invoke(main, ["riwayat", str(masukan), "--out", str(out)])
    assert result.exit_code == 0
    waktu = _isi(db, "SELECT waktu FROM build WHERE id = 2")[0][0]
    assert result.stdout == (
        f"Belum ada perubahan: semua build sampai build 2 ({waktu}) membaca berkas yang sama.\n"
    )


def test_versi_baru_saat_berubah_dan_tanda_saat_dihapus(tmp_path: Path) -> None:
    masukan, out = _masukan(tmp_path / "in"), tmp_path / "out"
    build(masukan, out, pekerja=1)
    ubah = [list(row) for row in BARIS_CONTOH]
    ubah[0][14], ubah[0][16] = 25, 100  # TW IV and the year's realisation of the programme
    buat_evaluasi(masukan / "2023" / "bappeda.xlsx", "Bappeda", 2023, ubah)
    dinkes = (masukan / "2023" / "dinkes.xlsx").read_bytes()
    (masukan / "2023" / "dinkes.xlsx").unlink()
    build(masukan, out, pekerja=1)
    db = out / "kinerja.sqlite"
    assert _isi(db, "SELECT berkas, versi_ke, status FROM riwayat_berkas") == [
        ("2023/bappeda.xlsx", 1, "lama"),
        ("2023/bappeda.xlsx", 2, "terkini"),
        ("2023/dinkes.xlsx", 1, "dihapus"),
    ]
    # the old version's values stay; the latest view has the new ones only
    assert _isi(db, "SELECT COUNT(*) FROM indikator") == [(3 + 2 + 3,)]
    assert _isi(
        db, "SELECT opd, indikator, realisasi, sel_realisasi FROM capaian_terbaru LIMIT 1"
    ) == [
        (
            "Bappeda",
            "Persentase dokumen perencanaan tepat waktu",
            100.0,
            "Evaluasi Renja!Q10",
        )
    ]
    assert _isi(db, "SELECT COUNT(*) FROM capaian_terbaru") == [(3,)]
    hasil = perubahan(out)
    assert (hasil.dari and hasil.dari.id, hasil.ke and hasil.ke.id) == (1, 2)
    assert hasil.berkas_berubah == ("2023/bappeda.xlsx",)
    assert hasil.berkas_dihapus == ("2023/dinkes.xlsx",)
    assert hasil.nilai_hilang == 8  # K and Rp, target and realisation, of 2 rows
    result = CliRunner().invoke(main, ["riwayat", str(masukan), "--out", str(out)])
    assert result.exit_code == 0
    baris = result.stdout.splitlines()
    assert baris[1:] == [
        "berkas berubah: 2023/bappeda.xlsx",
        "berkas dihapus: 2023/dinkes.xlsx",
        "2023 Bappeda: 5.01.02 Persentase dokumen perencanaan tepat waktu: realisasi 95 -> 100 "
        "(2023/bappeda.xlsx!Evaluasi Renja!Q10)",
        "1 nilai berubah, 0 nilai baru, 8 nilai hilang.",
    ]
    result = CliRunner().invoke(
        main, ["riwayat", str(masukan), "--out", str(out), "--opd", "kesehatan"]
    )
    assert result.stdout.splitlines()[1:] == [
        "berkas dihapus: 2023/dinkes.xlsx",
        "0 nilai berubah, 0 nilai baru, 8 nilai hilang.",
    ]
    # the file comes back unchanged: its old version, no longer flagged
    (masukan / "2023" / "dinkes.xlsx").write_bytes(dinkes)
    build(masukan, out, pekerja=1)
    sql = "SELECT versi_ke, status FROM riwayat_berkas WHERE berkas = '2023/dinkes.xlsx'"
    assert _isi(db, sql) == [(1, "terkini")]


def test_riwayat_tanpa_build(tmp_path: Path) -> None:
    with pytest.raises(RiwayatTidakValid) as info:
        perubahan(tmp_path)
    assert info.value.masalah.kode == "riwayat-tidak-ada"
    result = CliRunner().invoke(main, ["riwayat", str(tmp_path), "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "Belum ada riwayat (kinerja.sqlite) di folder hasil ini" in result.stderr


def test_riwayat_rusak_menghentikan_build_tanpa_mengubah_hasil(tmp_path: Path) -> None:
    masukan, out = _masukan(tmp_path / "in"), tmp_path / "out"
    out.mkdir()
    (out / "kinerja.sqlite").write_bytes(b"bukan basis data " * 100)
    result = CliRunner().invoke(main, ["build", str(masukan), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 2
    assert "Berkas riwayat tidak dapat dibuka" in result.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["kinerja.sqlite"]


def _disk_penuh_untuk_riwayat(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every writing connection to a store may not grow it by a single page: SQLite then
    fails with SQLITE_FULL, as on a full disk (no root needed, no mount)."""
    asli = sqlite3.connect

    def connect(database: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        conn = asli(database, *args, **kwargs)  # type: ignore[arg-type]
        if not kwargs.get("uri"):
            (halaman,) = conn.execute("PRAGMA page_count").fetchone()
            conn.execute(f"PRAGMA max_page_count = {max(halaman, 1)}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_disk_penuh_saat_menulis_riwayat_bukan_riwayat_rusak(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Disk full while the store is written: 'disk-penuh' naming the store, exit 4, never
    the advice to set the history aside; the store and the outputs stay as they were."""
    masukan, out = _masukan(tmp_path / "in"), tmp_path / "out"
    build(masukan, out, pekerja=1)
    db = out / "kinerja.sqlite"
    sebelum, csv = _semua(db), (out / "capaian.csv").read_bytes()
    buat_evaluasi(masukan / "2023" / "dinsos.xlsx", "Dinas Sosial", 2023, BARIS_CONTOH)
    with monkeypatch.context() as patch:
        _disk_penuh_untuk_riwayat(patch)
        with pytest.raises(DiskPenuh) as info:
            build(masukan, out, pekerja=1)
        assert info.value.masalah.kode == "disk-penuh"
        assert "Disk penuh saat menulis hasil (kinerja.sqlite)" in info.value.masalah.pesan
        assert "pindahkan" not in info.value.masalah.pesan
        args = ["build", str(masukan), "--out", str(out), "--jobs", "1"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 4, result.output
        assert "Disk penuh saat menulis hasil (kinerja.sqlite)" in result.stderr
    assert _semua(db) == sebelum
    assert (out / "capaian.csv").read_bytes() == csv


def _catat(masukan: Path, out: Path) -> None:
    """Record a build of ``masukan`` in ``out``'s store as a build does, without its PDFs."""
    kumpulan = kumpulkan(masukan)
    baris = [(lap.berkas, row) for lap in kumpulan.laporan for row in lap.baris]
    catatan = CatatanBuild(
        str(masukan), "-", kumpulan.jejak, baris, kumpulan.masalah, {}, kumpulan.jumlah_berkas
    )
    out.mkdir(parents=True, exist_ok=True)
    with buka_riwayat(out / "kinerja.sqlite") as conn:
        catat_build(conn, catatan, datetime.now(UTC))


def _dua_build(tmp_path: Path) -> tuple[Path, Path]:
    masukan, out = _masukan(tmp_path / "in"), tmp_path / "out"
    _catat(masukan, out)
    ubah = [list(row) for row in BARIS_CONTOH]
    ubah[0][14], ubah[0][16] = 25, 100
    buat_evaluasi(masukan / "2023" / "bappeda.xlsx", "Bappeda", 2023, ubah)
    _catat(masukan, out)
    return masukan, out


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE indikator SET tahun = 'dua ribu dua puluh tiga'",
        "UPDATE indikator SET tahun = x'00ff'",
    ],
)
def test_riwayat_dengan_teks_di_kolom_bilangan(tmp_path: Path, sql: str) -> None:
    """Issue 27: text in an integer column made 'kinerja riwayat' exit 3."""
    masukan, out = _dua_build(tmp_path)
    assert perubahan(out).bergeser  # the store as written is fine
    db = out / "kinerja.sqlite"
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(sql)
    with pytest.raises(RiwayatTidakValid) as info:
        perubahan(out)
    assert (info.value.masalah.kode, info.value.masalah.berkas) == ("riwayat-tidak-valid", str(db))
    result = CliRunner().invoke(main, ["riwayat", str(masukan), "--out", str(out)])
    assert result.exit_code == 2
    assert "Berkas riwayat tidak dapat dibuka" in result.stderr
    assert "kinerja.sqlite" in result.stderr


def test_riwayat_menampilkan_teks_tersimpan_dengan_aman(tmp_path: Path) -> None:
    masukan, out = _dua_build(tmp_path)
    with closing(sqlite3.connect(out / "kinerja.sqlite")) as conn, conn:
        conn.execute("UPDATE indikator SET opd = 'Bappeda\x1b[31m'")
        conn.execute(
            "UPDATE nilai SET angka = 'bukan angka' WHERE kolom = 'realisasi' "
            "AND indikator_id = (SELECT MAX(id) FROM indikator WHERE urutan = 0)"
        )
    result = CliRunner().invoke(main, ["riwayat", str(masukan), "--out", str(out)])
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert (
        "Bappeda\\x1b[31m: 5.01.02 Persentase dokumen perencanaan tepat waktu: "
        "realisasi 95 -> bukan angka" in result.stdout
    )


def test_pemicu_yang_mematahkan_pencarian(tmp_path: Path) -> None:
    """Issue 27: a trigger that drops the insert of a new file made the lookup after it
    find no row, and the build exit 3."""
    masukan, out = _masukan(tmp_path / "in"), tmp_path / "out"
    _catat(masukan, out)
    db = out / "kinerja.sqlite"
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("CREATE TRIGGER buang BEFORE INSERT ON berkas BEGIN SELECT RAISE(IGNORE); END")
    buat_evaluasi(masukan / "2023" / "dishub.xlsx", "Dinas Perhubungan", 2023, BARIS_CONTOH)
    with pytest.raises(RiwayatTidakValid) as info:
        _catat(masukan, out)
    assert (info.value.masalah.kode, info.value.masalah.berkas) == ("riwayat-tidak-valid", str(db))
    result = CliRunner().invoke(main, ["build", str(masukan), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 2, result.output
    assert "Berkas riwayat tidak dapat dibuka" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_riwayat_fifo_tidak_menggantung(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "kinerja.sqlite")
    with pytest.raises(RiwayatTidakValid) as info:
        perubahan(out)
    assert info.value.masalah.kode == "riwayat-tidak-valid"
    with pytest.raises(RiwayatTidakValid), buka_riwayat(out / "kinerja.sqlite"):
        pass
    assert muat_cache(out / "kinerja.sqlite").lama == {}
