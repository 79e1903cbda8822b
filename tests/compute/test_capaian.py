from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_report.compute.capaian import capaian_angka, hitung_capaian, kategori, kategori_hasil
from kinerja_report.compute.rules import AturanCapaian, SkalaUrut
from kinerja_report.model import Nilai, Polaritas

POS, NEG = Polaritas.POSITIF, Polaritas.NEGATIF


def test_positif_dihitung_tangan() -> None:
    # 52 dokumen dari target 60: 52 / 60 x 100 = 86,666...
    assert capaian_angka(60, 52, POS).persen == pytest.approx(86.6667, abs=1e-4)


def test_negatif_rumus_a_contoh_domain() -> None:
    # Kemiskinan T = 13,50 %, R = 14,12 %: (27,00 - 14,12) / 13,50 x 100 = 95,41 %
    hasil = capaian_angka(13.50, 14.12, NEG)
    assert round(hasil.persen or 0, 2) == 95.41
    assert hasil.rumus.startswith("negatif A")


def test_negatif_lebih_baik_dari_target_di_atas_100() -> None:
    # Stunting T = 20, R = 18: (40 - 18) / 20 x 100 = 110
    assert capaian_angka(20, 18, NEG).persen == pytest.approx(110.0)


def test_negatif_dibatasi_nol() -> None:
    # AKB T = 10, R = 25: (20 - 25) / 10 x 100 = -50 -> 0
    assert capaian_angka(10, 25, NEG).persen == 0.0


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "persen"),
    [(0, 0, POS, 100.0), (0, 0, NEG, 100.0), (0, 3, NEG, 0.0), (0, 3, POS, None)],
)
def test_target_nol(
    target: float, realisasi: float, polaritas: Polaritas, persen: float | None
) -> None:
    assert capaian_angka(target, realisasi, polaritas).persen == persen


def test_opini_bpk_wdp_terhadap_wtp_tidak_tercapai_bukan_75_persen() -> None:
    hasil = hitung_capaian(Nilai(teks="WTP"), Nilai(teks="WDP"), POS)
    assert (hasil.persen, hasil.tercapai, kategori_hasil(hasil)) == (None, False, "Tidak tercapai")
    assert hasil.rumus.startswith("urutan (Opini BPK: WTP > WDP > TW > TMP)")
    assert hasil.dinilai
    assert not hasil.target_tercapai


@pytest.mark.parametrize(
    ("target", "realisasi", "tercapai"),
    [
        ("A", "BB", False),  # not 83,33 % Tinggi
        ("BB", "b ", False),
        ("BB", "A", True),
        ("wdp", "WTP", True),
        ("WTP", "WTP", True),
        ("Baik", "Sangat  Baik", True),
        ("Sangat Baik", "Kurang Baik", False),
    ],
)
def test_skala_urut_menurut_peringkat(target: str, realisasi: str, tercapai: bool) -> None:
    hasil = hitung_capaian(Nilai(teks=target), Nilai(teks=realisasi), POS)
    assert (hasil.persen, hasil.tercapai) == (None, tercapai)
    assert kategori_hasil(hasil) == ("Tercapai" if tercapai else "Tidak tercapai")


def test_skala_urut_dari_pengaturan() -> None:
    aturan = AturanCapaian(skala_urut=(SkalaUrut("akreditasi", ("Paripurna", "Utama", "Madya")),))
    hasil = hitung_capaian(Nilai(teks="Utama"), Nilai(teks="Madya"), POS, aturan)
    assert (hasil.tercapai, hasil.rumus.split(":")[0]) == (False, "urutan (akreditasi")
    # skala yang berbeda tidak dibandingkan
    assert not hitung_capaian(Nilai(teks="WTP"), Nilai(teks="Baik"), POS).dinilai


def test_tidak_terhitung_memberi_alasan() -> None:
    hasil = hitung_capaian(Nilai(angka=10), Nilai(), POS)
    assert hasil.persen is None
    assert hasil.alasan == "realisasi kosong"
    assert hitung_capaian(Nilai(teks="Ada"), Nilai(angka=1), POS).persen is None


@pytest.mark.parametrize(
    ("persen", "label"),
    [
        (120, "Sangat Tinggi"),
        (91, "Sangat Tinggi"),
        (90.99, "Tinggi"),
        (76, "Tinggi"),
        (75.99, "Sedang"),
        (66, "Sedang"),
        (65.99, "Rendah"),
        (51, "Rendah"),
        (50.01, "Rendah"),
        (50, "Sangat Rendah"),
        (0, "Sangat Rendah"),
        (None, ""),
    ],
)
def test_kategori_skala_permendagri_86(persen: float | None, label: str) -> None:
    assert kategori(persen) == label


nilai_positif = st.floats(min_value=0.01, max_value=1e9, allow_nan=False)
nilai_apa_saja = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)


@given(nilai_positif, st.sampled_from([POS, NEG]))
def test_realisasi_sama_target_100(target: float, polaritas: Polaritas) -> None:
    assert capaian_angka(target, target, polaritas).persen == pytest.approx(100.0)


@given(nilai_positif, nilai_apa_saja, nilai_apa_saja)
def test_arah_polaritas(target: float, r1: float, r2: float) -> None:
    low, high = sorted((r1, r2))
    pos_low, pos_high = (
        capaian_angka(target, low, POS).persen,
        capaian_angka(target, high, POS).persen,
    )
    neg_low, neg_high = (
        capaian_angka(target, low, NEG).persen,
        capaian_angka(target, high, NEG).persen,
    )
    assert pos_low is not None
    assert pos_high is not None
    assert neg_low is not None
    assert neg_high is not None
    assert pos_high >= pos_low
    assert neg_high <= neg_low
    assert neg_high >= 0


@given(nilai_apa_saja, nilai_apa_saja, st.sampled_from([POS, NEG]))
def test_tidak_pernah_galat(target: float, realisasi: float, polaritas: Polaritas) -> None:
    hasil = capaian_angka(target, realisasi, polaritas)
    assert hasil.persen is None or hasil.persen == hasil.persen  # never NaN


def test_negatif_rumus_b_contoh_domain() -> None:
    from kinerja_report.compute.rules import AturanCapaian, RumusNegatif

    aturan = AturanCapaian(rumus_negatif=RumusNegatif.B)
    # T / R x 100 = 13,50 / 14,12 x 100 = 95,61 %
    hasil = capaian_angka(13.50, 14.12, NEG, aturan)
    assert round(hasil.persen or 0, 2) == 95.61
    assert hasil.rumus == "negatif B: T/R x 100"
    assert capaian_angka(5, 0, NEG, aturan).persen is None  # undefined for R = 0


@pytest.mark.parametrize(
    ("realisasi", "polaritas", "persen"),
    [
        (85, POS, 100.0),  # inside 80-90
        (72, POS, 90.0),  # below: 72 / 80
        (85.0, POS, 100.0),
        (99, POS, pytest.approx(110.0)),  # above: 99 / 90
        (95, NEG, pytest.approx(94.4444, abs=1e-4)),  # above, negative: (180 - 95) / 90
        (60, NEG, 125.0),  # below, negative: (160 - 60) / 80
    ],
)
def test_target_rentang(realisasi: float, polaritas: Polaritas, persen: object) -> None:
    hasil = hitung_capaian(Nilai(teks="80-90"), Nilai(angka=realisasi), polaritas)
    assert hasil.persen == persen
    assert hasil.rumus.startswith("rentang")


def test_skala_kategori_dari_pengaturan() -> None:
    from kinerja_report.compute.rules import Pita

    skala = (
        Pita(100, "Sangat Berhasil"),
        Pita(75, "Berhasil"),
        Pita(55, "Cukup Berhasil"),
        Pita(float("-inf"), "Kurang Berhasil"),
    )
    assert [kategori(x, skala) for x in (100, 99.9, 75, 54.9)] == [
        "Sangat Berhasil",
        "Berhasil",
        "Berhasil",
        "Kurang Berhasil",
    ]


def test_rentang_dengan_persen() -> None:
    hasil = hitung_capaian(Nilai(teks="80 - 90 %"), Nilai(angka=95), POS)
    assert hasil.persen == pytest.approx(95 / 90 * 100)
