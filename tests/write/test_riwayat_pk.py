"""The signed PKs in the history store: stored as written, sealed, read back the same."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from kinerja_report.compute.perjanjian import (
    IndikatorPk,
    PerjanjianKinerja,
    PerubahanPk,
    ProgramPk,
    SasaranPk,
)
from kinerja_report.model import Nilai, Penandatangan
from kinerja_report.write.riwayat import buka_riwayat
from kinerja_report.write.riwayat_pk import catat_perjanjian, muat_perjanjian

PK = PerjanjianKinerja(
    tahun=2025,
    jenis="administrator",
    instansi="Dinas Sosial",
    slug="dinas-sosial/kepala-bidang-rehabilitasi-sosial",
    pihak_pertama=Penandatangan(None, "Dinas Sosial", "Kepala Bidang Rehabilitasi Sosial", "A"),
    pihak_kedua=Penandatangan(2025, "Dinas Sosial", "Kepala Dinas Sosial", "B", "1970", "IV/c"),
    tanggal=date(2025, 10, 2),
    sasaran=(
        SasaranPk(
            "Meningkatnya pelayanan rehabilitasi sosial",
            (
                IndikatorPk("Persentase PPKS direhabilitasi", Nilai(75.5), "persen"),
                IndikatorPk("Predikat layanan", Nilai(teks="Baik"), "predikat"),
            ),
        ),
    ),
    program=(ProgramPk("1.06.04.2.01 Rehabilitasi Sosial", 125_000_000.0, "APBD"),),
    jabatan_pertama="Kepala Bidang Rehabilitasi Sosial",
    jabatan_kedua="Kepala Dinas Sosial",
    tempat="Kepahiang",
    judul_sasaran="Sasaran Program / Kegiatan",
    judul_program="Kegiatan",
    unit="Bidang Rehabilitasi Sosial",
    versi=1,
    perubahan=(
        PerubahanPk("target", "Persentase PPKS direhabilitasi", "persen", None, Nilai(75.5)),
    ),
    tanggal_semula=date(2025, 1, 2),
)


def _catat(path: Path) -> None:
    with buka_riwayat(path) as conn:
        conn.execute("INSERT INTO build VALUES (1, '2025-10-02', 'x', 'x', 'x', 1, 0, 0)")
        catat_perjanjian(conn, [PK], 1)


def test_dibaca_kembali_sama(tmp_path: Path) -> None:
    path = tmp_path / "kinerja.sqlite"
    assert muat_perjanjian(path) == ({}, [])  # no store yet
    _catat(path)
    tercatat, problems = muat_perjanjian(path)
    assert problems == []
    assert tercatat == {(2025, PK.slug): [PK]}  # the letterhead is the settings' own


def test_baris_diubah_tidak_dipakai(tmp_path: Path) -> None:
    path = tmp_path / "kinerja.sqlite"
    _catat(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE perjanjian_kinerja SET isi = replace(isi, '75.5', '99.0')")
    tercatat, problems = muat_perjanjian(path)
    assert tercatat == {}
    assert [p.kode for p in problems] == ["pk-riwayat-tidak-sah"]
