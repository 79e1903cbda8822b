"""The reading cache: a workbook's reading survives JSON exactly; unchanged workbooks are not
parsed again, and give the same results."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from kinerja_report.pipeline import build, kumpulkan
from kinerja_report.read.cache import CacheBaca, dari_json, ke_json
from kinerja_report.read.folder import IsiBerkas, baca_berkas
from kinerja_report.read.walk import nama_tampil, telusuri
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
