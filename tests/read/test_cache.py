"""The reading cache: a workbook's reading survives JSON exactly; unchanged workbooks are not
parsed again, and give the same results."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kinerja_report.pipeline import build, kumpulkan
from kinerja_report.problems import Tingkat
from kinerja_report.read.cache import CacheBaca, dari_json, ke_json, muat_cache
from kinerja_report.read.folder import IsiBerkas, baca_berkas
from kinerja_report.read.walk import nama_tampil, telusuri
from kinerja_report.write.riwayat import buka_riwayat, simpan_cache
from tests.builders import BARIS_CONTOH, buat_evaluasi
from tests.conftest import SAMPLE_DATA


def test_bacaan_sama_setelah_json() -> None:
    paths = telusuri(SAMPLE_DATA).workbook
    assert len(paths) > 40
    for path in paths:  # E.81 forms, the RPJMD, the signatories, IPM, comparisons, cascading
        isi = baca_berkas(path, nama_tampil(path, SAMPLE_DATA))
        balik = dari_json(IsiBerkas, json.loads(json.dumps(ke_json(isi))))
        balik.path = isi.path
        assert balik == isi, path.name


def test_workbook_tak_berubah_tidak_dibaca_ulang(tmp_path: Path) -> None:
    masukan = tmp_path / "in"
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    buat_evaluasi(masukan / "dinkes.xlsx", "Dinas Kesehatan", 2023, BARIS_CONTOH[:2])
    pertama = CacheBaca()
    hasil_pertama = kumpulkan(masukan, cache=pertama)
    assert (pertama.kena, len(pertama.dipakai)) == (0, 2)
    kedua = CacheBaca(dict(pertama.dipakai))
    hasil_kedua = kumpulkan(masukan, cache=kedua)
    assert kedua.kena == 2
    assert hasil_kedua.baris == hasil_pertama.baris
    assert hasil_kedua.masalah == hasil_pertama.masalah
    buat_evaluasi(masukan / "dinkes.xlsx", "Dinas Kesehatan", 2024, BARIS_CONTOH[:2])
    ketiga = CacheBaca(dict(kedua.dipakai))
    hasil_ketiga = kumpulkan(masukan, cache=ketiga)
    assert ketiga.kena == 1
    assert sorted({row.tahun for row in hasil_ketiga.baris}) == [2023, 2024]


def test_cache_di_riwayat_hanya_untuk_workbook_terakhir(tmp_path: Path) -> None:
    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    buat_evaluasi(masukan / "dinkes.xlsx", "Dinas Kesehatan", 2023, BARIS_CONTOH[:2])
    build(masukan, out, pekerja=1)
    (masukan / "dinkes.xlsx").unlink()
    build(masukan, out, pekerja=1)
    with closing(sqlite3.connect(out / "kinerja.sqlite")) as conn:
        ((isi,),) = conn.execute("SELECT isi FROM cache_baca").fetchall()
    assert json.loads(isi)["nama"] == "bappeda.xlsx"


def _simpan_cache_ke_riwayat(masukan: Path, out: Path) -> None:
    """The store as a build leaves it: this reading of every workbook, sealed."""
    cache = CacheBaca()
    kumpulkan(masukan, cache=cache)
    out.mkdir(parents=True, exist_ok=True)
    with buka_riwayat(out / "kinerja.sqlite") as conn:
        simpan_cache(conn, cache.dipakai)


def _ubah_isi(db: Path, lama: str, baru: str) -> None:
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE cache_baca SET isi = replace(isi, ?, ?)", (lama, baru))


def test_baris_cache_yang_diubah_tidak_dipakai(tmp_path: Path) -> None:
    """Issue 27: an edited cache row changed a realisation 92 -> 4000 in the outputs."""
    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    _simpan_cache_ke_riwayat(masukan, out)
    db = out / "kinerja.sqlite"
    cache = muat_cache(db)
    assert (len(cache.lama), cache.tidak_sah) == (1, frozenset())
    _ubah_isi(db, '"realisasi_tahunan":{"angka":95.0', '"realisasi_tahunan":{"angka":4000.0')
    cache = muat_cache(db)
    assert (cache.lama, len(cache.tidak_sah)) == ({}, 1)
    hasil = kumpulkan(masukan, cache=cache)
    assert cache.kena == 0
    assert hasil.baris[0].realisasi.angka == 95
    (problem,) = [p for p in hasil.masalah if p.kode == "cache-tidak-sah"]
    assert (problem.tingkat, problem.berkas) == (Tingkat.INFO, "bappeda.xlsx")
    with buka_riwayat(db) as conn:  # the build replaces the refused entry
        simpan_cache(conn, cache.dipakai)
    assert len(muat_cache(db).lama) == 1


def test_cache_dengan_kunci_pengguna_lain_tidak_dipakai(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    _simpan_cache_ke_riwayat(masukan, out)
    monkeypatch.setenv("KINERJA_KUNCI_DIR", str(tmp_path / "kunci-lain"))
    cache = muat_cache(out / "kinerja.sqlite")
    assert (cache.lama, len(cache.tidak_sah)) == ({}, 1)


def test_baris_cache_bertipe_salah_diabaikan(tmp_path: Path) -> None:
    """Wrong types in cache rows, or a table of an older shape: only a cache, ignored and
    made afresh; the build goes on."""
    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    _simpan_cache_ke_riwayat(masukan, out)
    db = out / "kinerja.sqlite"
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE cache_baca SET isi = x'00ff', segel = 7")
        conn.execute("INSERT INTO cache_baca VALUES (5, 3.5, x'01')")
    assert muat_cache(db).lama == {}  # TEXT columns turn 5 into '5': its seal fails
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("DROP TABLE cache_baca")
        conn.execute("CREATE TABLE cache_baca (kunci INTEGER, isi BLOB)")  # no seal column
        conn.execute("INSERT INTO cache_baca VALUES (1, x'00')")
    assert muat_cache(db).lama == {}
    _simpan_cache_ke_riwayat(masukan, out)
    assert len(muat_cache(db).lama) == 1


def test_build_dengan_cache_diubah_menulis_nilai_asli(tmp_path: Path) -> None:
    """The issue's scenario end to end: the edited reading reaches neither capaian.csv nor
    the PDFs, and masalah.csv says the cached reading was refused."""
    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    build(masukan, out, pekerja=1)
    capaian = (out / "capaian.csv").read_bytes()
    pdf = (out / "2023" / "evaluasi" / "bappeda.pdf").read_bytes()
    _ubah_isi(
        out / "kinerja.sqlite",
        '"realisasi_tahunan":{"angka":95.0',
        '"realisasi_tahunan":{"angka":4000.0',
    )
    hasil = build(masukan, out, pekerja=1)
    assert hasil.berhasil
    assert (out / "capaian.csv").read_bytes() == capaian
    assert (out / "2023" / "evaluasi" / "bappeda.pdf").read_bytes() == pdf
    assert "cache-tidak-sah" in (out / "masalah.csv").read_text(encoding="utf-8")
