"""The paragraph per indicator: facts from the numbers only, nothing about missing data."""

from __future__ import annotations

from dataclasses import replace

from kinerja_report.compute.narasi import FaktaIndikator, paragraf
from kinerja_report.model import Nilai, Polaritas

IPM = FaktaIndikator(
    indikator="Indeks Pembangunan Manusia",
    satuan="poin",
    tahun=2024,
    target=Nilai(69.35),
    realisasi=Nilai(69.39),
    capaian=100.06,
    kategori="Sangat Tinggi",
    lalu=(2023, 68.91),
    nasional=(75.02, "BPS"),
    target_akhir=70.31,
    tahun_akhir=2026,
    proyeksi=70.503,
    capaian_sd=98.69,
    status="sesuai jalur",
)


def test_naik_dengan_nasional_dan_proyeksi() -> None:
    assert paragraf(IPM) == (
        "Realisasi Indeks Pembangunan Manusia tahun 2024 sebesar 69,39 poin, naik 0,48 poin "
        "dari 68,91 poin pada tahun 2023 (membaik). Target tahun 2024 69,35 poin, sehingga "
        "capaian 100,06\u00a0% (target tercapai, predikat Sangat Tinggi). Angka nasional tahun "
        "2024 sebesar 75,02 poin (BPS); realisasi daerah 5,63 poin di bawah angka nasional "
        "(kurang baik). Bila tren realisasi sampai tahun 2024 berlanjut, proyeksi tahun 2026 "
        "adalah 70,503 poin terhadap target akhir 70,31 poin: sesuai jalur untuk mencapai "
        "target akhir."
    )


def test_turun_tanpa_nasional_tanpa_proyeksi() -> None:
    fakta = FaktaIndikator(
        indikator="Persentase dokumen tepat waktu",
        satuan="persen",
        tahun=2023,
        target=Nilai(100),
        realisasi=Nilai(90),
        capaian=90.0,
        kategori="Sangat Tinggi",
        lalu=(2022, 95),
    )
    assert paragraf(fakta) == (
        "Realisasi Persentase dokumen tepat waktu tahun 2023 sebesar 90 persen, turun 5 poin "
        "persen dari 95 persen pada tahun 2022 (memburuk). Target tahun 2023 100 persen, sehingga "
        "capaian 90,00\u00a0% (target belum tercapai, predikat Sangat Tinggi)."
    )
    assert "nasional" not in paragraf(fakta)
    assert "proyeksi" not in paragraf(fakta)


def test_tanpa_tahun_lalu() -> None:
    fakta = FaktaIndikator(
        "Jumlah forum", "kali", 2021, target=Nilai(4), realisasi=Nilai(4), capaian=100.0
    )
    text = paragraf(fakta)
    assert text == (
        "Realisasi Jumlah forum tahun 2021 sebesar 4 kali. Target tahun 2021 4 kali, sehingga "
        "capaian 100,00\u00a0% (target tercapai)."
    )
    assert "2020" not in text


def test_tahun_lalu_bukan_tahun_sebelumnya_tidak_dibandingkan() -> None:
    fakta = FaktaIndikator("Jumlah forum", "kali", 2023, realisasi=Nilai(4), lalu=(2021, 3))
    assert paragraf(fakta) == "Realisasi Jumlah forum tahun 2023 sebesar 4 kali."


def test_indikator_negatif() -> None:
    fakta = FaktaIndikator(
        indikator="Tingkat Pengangguran Terbuka",
        satuan="persen",
        tahun=2024,
        polaritas=Polaritas.NEGATIF,
        target=Nilai(3.15),
        realisasi=Nilai(3.18),
        capaian=99.05,
        kategori="Sangat Tinggi",
        lalu=(2023, 3.02),
        nasional=(4.91, "BPS"),
        target_akhir=2.95,
        tahun_akhir=2026,
        proyeksi=2.73,
        status="sesuai jalur",
    )
    assert paragraf(fakta) == (
        "Realisasi Tingkat Pengangguran Terbuka tahun 2024 sebesar 3,18 persen, naik 0,16 "
        "poin persen dari 3,02 persen pada tahun 2023 (memburuk). Indikator ini bersifat negatif: "
        "semakin rendah semakin baik. Target tahun 2024 3,15 persen, sehingga capaian "
        "99,05\u00a0% (target belum tercapai, predikat Sangat Tinggi). Angka nasional tahun "
        "2024 sebesar 4,91 persen (BPS); realisasi daerah 1,73 poin persen di bawah angka nasional "
        "(lebih baik). Bila tren realisasi sampai tahun 2024 berlanjut, proyeksi tahun 2026 "
        "adalah 2,73 persen terhadap target akhir 2,95 persen: sesuai jalur untuk mencapai "
        "target akhir."
    )


def test_tanpa_data_tidak_ada_kalimat_tentangnya() -> None:
    assert paragraf(FaktaIndikator("Indeks Gini", "indeks", 2024, target=Nilai(0.294))) == (
        "Realisasi Indeks Gini tahun 2024 tidak tercantum dalam data. Target tahun 2024 0,294 "
        "indeks; capaian tidak dapat dihitung."
    )
    assert paragraf(FaktaIndikator("Indeks Gini", "", 2024)) == (
        "Realisasi Indeks Gini tahun 2024 tidak tercantum dalam data."
    )


def test_nilai_kualitatif_dan_target_akhir_tercapai() -> None:
    fakta = FaktaIndikator(
        indikator="Opini BPK atas LKPD",
        satuan="opini",
        tahun=2024,
        target=Nilai(teks="WTP"),
        realisasi=Nilai(teks="WTP"),
        capaian=100.0,
        kategori="Sangat Tinggi",
        lalu=None,
    )
    assert paragraf(fakta) == (
        "Realisasi Opini BPK atas LKPD tahun 2024 adalah WTP. Target tahun 2024 WTP, sehingga "
        "capaian 100,00\u00a0% (target tercapai, predikat Sangat Tinggi)."
    )
    tercapai = FaktaIndikator(
        "Indeks Kualitas Lingkungan Hidup",
        "indeks",
        2024,
        realisasi=Nilai(69.88),
        target_akhir=69.6,
        tahun_akhir=2026,
        capaian_sd=100.4,
        status="tercapai",
    )
    assert paragraf(tercapai) == (
        "Realisasi Indeks Kualitas Lingkungan Hidup tahun 2024 sebesar 69,88 indeks. Target "
        "akhir periode tahun 2026 sebesar 69,6 indeks sudah tercapai sampai tahun 2024 "
        "(capaian 100,40\u00a0%)."
    )


def test_selisih_persentase_dalam_poin_persen() -> None:
    """'naik 0,16 persen dari 3,02 persen' is a relative change; the data say points."""
    tpt = FaktaIndikator(
        "Tingkat Pengangguran Terbuka",
        "persen",
        2024,
        polaritas=Polaritas.NEGATIF,
        realisasi=Nilai(3.18),
        lalu=(2023, 3.02),
        nasional=(4.91, "BPS"),
    )
    text = paragraf(tpt)
    assert "naik 0,16 poin persen dari 3,02 persen pada tahun 2023 (memburuk)" in text
    assert "realisasi daerah 1,73 poin persen di bawah angka nasional (lebih baik)" in text
    assert "0,16 persen" not in text


def test_proyeksi_persentase_di_luar_0_100_diberi_peringatan() -> None:
    apm = FaktaIndikator(
        "Angka Partisipasi Murni SD/MI",
        "persen",
        2022,
        realisasi=Nilai(99.1),
        target_akhir=99.5,
        tahun_akhir=2026,
        proyeksi=131.5,
        capaian_sd=99.6,
        status="sesuai jalur",
    )
    text = paragraf(apm)
    assert "proyeksi tahun 2026 adalah 131,5 persen" not in text
    assert (
        "garis tren tahun 2026 menunjuk 131,5 persen, di luar 0-100 persen yang mungkin untuk "
        "satuan ini: angka itu hanya menunjukkan arah tren, bukan nilai yang dapat dicapai."
    ) in text
    # a percentage inside 0-100 is stated as before
    assert "proyeksi tahun 2026 adalah 99,8 persen" in paragraf(replace(apm, proyeksi=99.8))


def test_angka_nasional_seri_lain_tidak_dibandingkan_langsung() -> None:
    """Two series: the regency's IPM 69,39 (old method) is never set against the national
    75,02 (new method); the regency's new-method 70,09 is, when known."""
    dua_seri = replace(IPM, seri_nasional="baru", seri_daerah="lama")
    assert (
        "Angka nasional tahun 2024 sebesar 75,02 poin (BPS, seri baru); realisasi daerah di "
        "atas memakai seri lama, sehingga tidak dibandingkan."
    ) in paragraf(dua_seri)
    text = paragraf(replace(dua_seri, daerah_sebanding=70.09))
    assert (
        "Angka nasional tahun 2024 sebesar 75,02 poin (BPS, seri baru); dalam seri yang sama "
        "angka daerah 70,09 poin, 4,93 poin di bawah angka nasional (kurang baik)."
    ) in text
    assert "5,63" not in text
