"""The library for analysts: ``kinerja_report.baca`` gives capaian, masalah and the per-OPD
summaries as typed DataFrames that agree with capaian.csv, cell for cell."""

from __future__ import annotations

import doctest
import inspect
import io
import math
from pathlib import Path

import pandas as pd
import pytest

import kinerja_report
import kinerja_report.compute.capaian
import kinerja_report.tabel
from kinerja_report.write.csv_files import (
    KOLOM,
    KOLOM_CAPAIAN,
    KOLOM_MASALAH,
    Jenis,
    csv_capaian,
    netralkan,
)
from tests.builders import BARIS_CONTOH, buat_evaluasi

SKALA_NAIK = ["Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi"]
_ANGKA = {Jenis.BULAT, Jenis.TAHUN, Jenis.ANGKA, Jenis.PERSEN, Jenis.RUPIAH}


@pytest.fixture(scope="module")
def data(kumpulan_sampel: kinerja_report.Kumpulan) -> kinerja_report.DataKinerja:
    """The sample's tables, from the test run's shared reading of it (``baca`` itself is
    tested on a small folder below)."""
    return kinerja_report.dari_kumpulan(kumpulan_sampel)


@pytest.fixture(scope="module")
def csv(data: kinerja_report.DataKinerja) -> pd.DataFrame:
    """capaian.csv of the same rows, as any pandas user would read it."""
    teks = csv_capaian(data.kumpulan.baris)
    return pd.read_csv(io.BytesIO(teks), dtype=str, keep_default_na=False)


def test_baca_menerima_str_dan_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    buat_evaluasi(tmp_path / "masukan" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    dari_path = kinerja_report.baca(tmp_path / "masukan")
    monkeypatch.chdir(tmp_path)
    dari_str = kinerja_report.baca("masukan")
    pd.testing.assert_frame_equal(dari_str.capaian, dari_path.capaian)
    pd.testing.assert_frame_equal(dari_str.masalah, dari_path.masalah)
    pd.testing.assert_frame_equal(dari_str.ringkasan, dari_path.ringkasan)
    assert len(dari_str.capaian) == 3


def test_sampel_840_baris(data: kinerja_report.DataKinerja) -> None:
    assert len(data.capaian) == 840


def test_kumpulkan_menerima_str(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    buat_evaluasi(tmp_path / "masukan" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    monkeypatch.chdir(tmp_path)
    assert len(kinerja_report.kumpulkan("masukan").baris) == 3


def test_kolom_capaian_seperti_csv(data: kinerja_report.DataKinerja, csv: pd.DataFrame) -> None:
    assert list(data.capaian.columns) == list(KOLOM_CAPAIAN) == list(csv.columns)
    assert len(data.capaian) == len(csv)


def test_jenis_kolom(data: kinerja_report.DataKinerja) -> None:
    df = data.capaian
    assert df["tahun"].dtype == "int64"
    assert df["capaian_persen"].dtype == "float64"
    assert sorted(df["tahun"].unique()) == [2021, 2022, 2023, 2024]
    for kolom in KOLOM:
        seri = df[kolom.nama]
        if kolom.jenis is Jenis.BULAT:
            assert seri.dtype == "int64", kolom.nama
        elif kolom.jenis is Jenis.TAHUN:
            assert seri.dtype == "Int64", kolom.nama
        elif kolom.jenis in _ANGKA:
            assert seri.dtype == "float64", kolom.nama
        elif kolom.jenis is Jenis.KATEGORI:
            assert isinstance(seri.dtype, pd.CategoricalDtype), kolom.nama
            assert seri.dtype.ordered
            # ordinal indicators' 'Tidak tercapai' / 'Tercapai' first, then the scale
            assert list(seri.dtype.categories) == ["Tidak tercapai", "Tercapai", *SKALA_NAIK]
        elif kolom.jenis is Jenis.NILAI:
            assert seri.dtype == object, kolom.nama
            assert {type(v) for v in seri if v is not None} <= {float, str}, kolom.nama
        else:
            assert pd.api.types.is_string_dtype(seri), kolom.nama


def _angka(teks: str) -> float:
    return float(teks) if teks else math.nan


def test_setiap_sel_sama_dengan_csv(data: kinerja_report.DataKinerja, csv: pd.DataFrame) -> None:
    for kolom in KOLOM:
        di_csv = list(csv[kolom.nama])
        di_df = list(data.capaian[kolom.nama])
        if kolom.jenis in _ANGKA:
            sama = [
                (a == "") if pd.isna(b) else math.isclose(_angka(a), float(b), abs_tol=1e-6)
                for a, b in zip(di_csv, di_df, strict=True)
            ]
        elif kolom.jenis is Jenis.NILAI:  # a number, or a text (neutralised in the CSV)
            sama = [
                math.isclose(float(a), b, abs_tol=1e-6)
                if isinstance(b, float)
                else a == netralkan(b or "")
                for a, b in zip(di_csv, di_df, strict=True)
            ]
        elif kolom.jenis is Jenis.KATEGORI:
            sama = [a == ("" if pd.isna(b) else b) for a, b in zip(di_csv, di_df, strict=True)]
        elif kolom.jenis is Jenis.TEKS:
            sama = [a == netralkan(b) for a, b in zip(di_csv, di_df, strict=True)]
        else:
            sama = [a == b for a, b in zip(di_csv, di_df, strict=True)]
        assert all(sama), (kolom.nama, [i for i, ok in enumerate(sama) if not ok][:5])


def test_target_kualitatif_dan_sumber(data: kinerja_report.DataKinerja) -> None:
    df = data.capaian
    (baris,) = df[(df["tahun"] == 2023) & (df["indikator"] == "Opini BPK atas LKPD")].itertuples()
    # an ordinal indicator: reached or not by rank, never 75 % Sedang
    assert (baris.target, baris.realisasi) == ("WTP", "WDP")
    assert pd.isna(baris.capaian_persen)
    assert baris.kategori == "Tidak tercapai"
    assert baris.sumber == "rpjmd/matriks-ikd-rpjmd-2021-2026.xlsx!Matriks IKD!M21"
    assert (df["sumber"] != "").all()


def test_kategori_berurutan(data: kinerja_report.DataKinerja) -> None:
    df = data.capaian
    tinggi = df[df["kategori"] >= "Tinggi"]
    assert set(tinggi["kategori"]) == {"Tinggi", "Sangat Tinggi"}
    assert (tinggi["capaian_persen"] >= 76).all()
    urut = df["kategori"].isin(["Tercapai", "Tidak tercapai"])
    assert urut.sum() == 8  # Opini BPK and predikat SAKIP 2021-2024: no percentage
    assert df.loc[urut, "capaian_persen"].isna().all()
    assert df["kategori"].isna().sum() == df["capaian_persen"].isna().sum() - urut.sum()


def test_ringkasan_per_opd(data: kinerja_report.DataKinerja) -> None:
    ringkasan = data.ringkasan
    assert len(ringkasan) == len(data.kumpulan.laporan) == 44
    assert list(ringkasan.columns[:8]) == [
        "tahun",
        "opd",
        "berkas",
        "lembar",
        "jumlah_indikator",
        "jumlah_terhitung",
        "rata_rata_capaian",
        "kategori",
    ]
    assert list(ringkasan.columns[8:13]) == SKALA_NAIK[::-1]
    assert list(ringkasan.columns[13:]) == ["pagu", "realisasi_anggaran", "serapan_persen"]
    # the same figures pandas gets from the capaian rows of each OPD-year
    opd = data.capaian[data.capaian["tingkat"] != "daerah"]
    per_opd = opd.groupby(["tahun", "opd"]).agg(
        n=("indikator", "size"),
        terhitung=("capaian_persen", "count"),
        rata=("capaian_persen", "mean"),
    )
    gabung = ringkasan.join(per_opd, on=["tahun", "opd"])
    assert (gabung["jumlah_indikator"] == gabung["n"]).all()
    assert (gabung["jumlah_terhitung"] == gabung["terhitung"]).all()
    assert ((gabung["rata_rata_capaian"] - gabung["rata"]).abs() < 0.01).all()
    per_kategori = ringkasan[SKALA_NAIK].sum(axis=1)
    assert (per_kategori == ringkasan["jumlah_terhitung"]).all()
    assert (
        (
            ringkasan["serapan_persen"] - ringkasan["realisasi_anggaran"] / ringkasan["pagu"] * 100
        ).abs()
        < 1e-9
    ).all()


def test_masalah(data: kinerja_report.DataKinerja) -> None:
    masalah = data.masalah
    assert list(masalah.columns) == list(KOLOM_MASALAH)
    assert len(masalah) == len(data.kumpulan.masalah)
    assert list(masalah["tingkat"].dtype.categories) == ["info", "peringatan", "galat"]
    assert (masalah["tingkat"] == "galat").sum() == 0
    # 5 + the deliberate misalignment of the cascade: 2 poverty IKD without programme, Dinas
    # Sosial's 2 sasaran linked to nothing, Dinas Kesehatan's 2 programme outcomes that repeat
    # the IKD; each of the 4 years; and the analyst's findings (docs/kewajaran.md): AKB 2022
    # at the matrix and at Dinas Kesehatan's form, two RSUD outlier years, PUPR 2023's
    # column 14 (Rp); Dinas Kesehatan's TW II form of 2024, whose AKB and stunting wait for
    # TW IV
    assert (masalah["tingkat"] >= "peringatan").sum() == 5 + 24 + 5 + 2
    assert set(masalah[masalah["tingkat"] == "peringatan"]["kode"]) == {
        "realisasi-beda-kolom-13",
        "anggaran-beda-kolom-13",
        "ipm-seri-berbeda",
        "keselarasan-ikd-tanpa-program",
        "keselarasan-sasaran-tanpa-induk",
        "keselarasan-indikator-sama-induk",
        "nilai-pencilan-riwayat",
        "anggaran-beda-kolom-14",
        "target-tidak-terhitung",
    }


def test_folder_kosong_tabel_kosong(tmp_path: Path) -> None:
    data = kinerja_report.baca(tmp_path)
    assert list(data.capaian.columns) == list(KOLOM_CAPAIAN)
    assert data.capaian.empty
    assert data.ringkasan.empty
    assert list(data.masalah["kode"]) == ["pengaturan-tidak-ada", "tidak-ada-workbook"]


def test_api_atas_berdokumen() -> None:
    for nama in kinerja_report.__all__:
        objek = getattr(kinerja_report, nama)
        if callable(objek):
            assert inspect.getdoc(objek), nama
    for nama in ("baca", "hitung_capaian", "hitung_ipm", "Pengaturan", "DataKinerja"):
        assert nama in kinerja_report.__all__
    # the examples in the docstrings run
    for modul in (kinerja_report, kinerja_report.tabel, kinerja_report.compute.capaian):
        hasil = doctest.testmod(modul, raise_on_error=False, report=False)
        assert hasil.failed == 0, modul.__name__
    assert doctest.testmod(kinerja_report.compute.capaian, report=False).attempted == 2
