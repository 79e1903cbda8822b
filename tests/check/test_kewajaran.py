"""Plausibility findings (issue 21), each on a form typed the way a clerk would type it, and
on the real forms and the sample data."""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from kinerja_report.check.kewajaran import AturanKewajaran
from kinerja_report.pipeline import Kumpulan, kumpulkan
from tests.fixtures.formulir import STANDAR, Kolom, tulis_formulir

RENSTRA_LALU = "Realisasi Capaian Kinerja Renstra Perangkat Daerah sampai dengan Renja Tahun Lalu"
RENSTRA_SD = "Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s/d Tahun Berjalan"
DENGAN_RENSTRA: list[Kolom] = [
    *STANDAR[:6],
    ("l", (RENSTRA_LALU, "K")),
    ("l_rp", (RENSTRA_LALU, "Rp")),
    *STANDAR[6:],
    ("sd", (RENSTRA_SD, "K")),
    ("sd_rp", (RENSTRA_SD, "Rp")),
]


def _judul(tahun: int = 2023) -> list[str]:
    return [
        "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
        "Perangkat Daerah : Dinas Kesehatan",
        f"Tahun {tahun}",
    ]


def _kumpulkan(
    tmp_path: Path,
    baris: Sequence[Mapping[str, object]],
    kolom: Sequence[Kolom] = STANDAR,
    judul: Sequence[str] | None = None,
) -> Kumpulan:
    masukan = tmp_path / "masukan"
    tulis_formulir(masukan / "evaluasi-dinkes-2023.xlsx", judul or _judul(), baris, kolom)
    return kumpulkan(masukan)


def _temuan(kumpulan: Kumpulan, kode: str) -> list[str]:
    return [p.sel for p in kumpulan.masalah if p.kode == kode]


def _pesan(kumpulan: Kumpulan, kode: str) -> dict[str, str]:
    """Each message of ``kode`` by its cell, with plain spaces for the non-breaking ones."""
    return {p.sel: p.pesan.replace("\xa0", " ") for p in kumpulan.masalah if p.kode == kode}


def program_dinkes(**extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "kode": "1.02.02",
        "uraian": "PROGRAM PEMENUHAN UPAYA KESEHATAN",
        "indikator": "Jumlah puskesmas terakreditasi",
        "satuan": "unit",
        "t": 10,
        "t_rp": 900_000_000,
        "tw4": 10,
        "r": 10,
    }
    row.update(extra)
    return row


def sub_kegiatan_dinkes(pagu: float, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "kode": "1.02.02.2.01.0001",
        "uraian": "Pengadaan Obat dan Vaksin",
        "indikator": "Jumlah paket obat yang disediakan",
        "satuan": "paket",
        "t": 4,
        "t_rp": pagu,
        "tw4": 4,
        "r": 4,
    }
    row.update(extra)
    return row


def test_sub_kegiatan_dalam_ribuan_tanpa_catatan(tmp_path: Path) -> None:
    """Rp 350.000.000 typed as 350000 without a note: a sub kegiatan of Rp 350.000 is
    plausible; 350 is not."""
    kumpulan = _kumpulkan(tmp_path, [program_dinkes(), sub_kegiatan_dinkes(350)])
    assert _temuan(kumpulan, "anggaran-terlalu-kecil") == ["H10"]
    (pesan,) = _pesan(kumpulan, "anggaran-terlalu-kecil").values()
    assert "Rp 350" in pesan
    assert "Rp 100.000" in pesan
    assert kumpulan.laporan[0].baris[1].target_rp.angka == 350  # never changed


def test_program_lebih_kecil_dari_kegiatannya(tmp_path: Path) -> None:
    kegiatan = [
        {
            "kode": f"1.02.02.2.0{i}",
            "uraian": f"Kegiatan {i}",
            "indikator": f"Jumlah dokumen {i}",
            "satuan": "dokumen",
            "t": 1,
            "t_rp": 600_000_000,
            "tw4": 1,
            "r": 1,
        }
        for i in (1, 2)
    ]
    kumpulan = _kumpulkan(tmp_path, [program_dinkes(t_rp=900_000_000), *kegiatan])
    assert _temuan(kumpulan, "anggaran-program-kurang") == ["H9"]
    (pesan,) = _pesan(kumpulan, "anggaran-program-kurang").values()
    assert "Rp 900.000.000" in pesan
    assert "Rp 1.200.000.000" in pesan


def _kegiatan_dengan_sub(pagu_sub: Sequence[float]) -> list[dict[str, object]]:
    """A programme, one kegiatan and its sub kegiatan, each with the pagu given."""
    kegiatan: dict[str, object] = {
        "kode": "1.02.02.2.01",
        "uraian": "Penyediaan Fasilitas Pelayanan Kesehatan",
        "indikator": "Persentase fasilitas kesehatan yang memenuhi standar",
        "satuan": "%",
        "t": 100,
        "t_rp": 9_000_000_000,
        "tw4": 100,
        "r": 100,
    }
    subs = [
        sub_kegiatan_dinkes(
            pagu,
            kode=f"1.02.02.2.01.000{i}",
            uraian=f"Pengadaan Alat Kesehatan Paket {i}",
            indikator=f"Jumlah alat kesehatan paket {i}",
        )
        for i, pagu in enumerate(pagu_sub, start=1)
    ]
    return [program_dinkes(t_rp=20_000_000_000), kegiatan, *subs]


def test_pagu_jauh_dari_saudaranya(tmp_path: Path) -> None:
    """One sub kegiatan typed in thousands (250.000 for Rp 250 juta: above the Rp 100.000
    minimum) and one with three zeros too many, among siblings of Rp 150-200 juta."""
    pagu = [150_000_000, 250_000, 175_000_000, 200_000_000, 180_000_000_000]
    kumpulan = _kumpulkan(tmp_path, _kegiatan_dengan_sub(pagu))
    assert _temuan(kumpulan, "pagu-jauh-dari-saudara") == ["H12", "H15"]
    pesan = _pesan(kumpulan, "pagu-jauh-dari-saudara")
    assert "(Rp 250.000) 750 kali lebih kecil" in pesan["H12"]
    assert "median pagu 4 sub kegiatan lain" in pesan["H12"]
    assert "(Rp 187.500.000)" in pesan["H12"]  # the median of the four others
    assert "(Rp 180.000.000.000) 1.108 kali lebih besar" in pesan["H15"]
    assert "(Rp 162.500.000)" in pesan["H15"]
    assert _temuan(kumpulan, "anggaran-terlalu-kecil") == []


def test_pagu_saudara_wajar(tmp_path: Path) -> None:
    """Salaries 90 times the office supplies beside them (Deli Serdang 2025 O23), and a row
    far from only two siblings: no finding."""
    gaji = [7_000_000_000, 77_000_000, 80_000_000, 60_000_000]
    assert (
        _temuan(_kumpulkan(tmp_path / "a", _kegiatan_dengan_sub(gaji)), "pagu-jauh-dari-saudara")
        == []
    )
    sedikit = [250_000, 150_000_000, 175_000_000]
    assert (
        _temuan(_kumpulkan(tmp_path / "b", _kegiatan_dengan_sub(sedikit)), "pagu-jauh-dari-saudara")
        == []
    )


def test_triwulan_persentase_sebagai_tingkat(tmp_path: Path) -> None:
    """PHBS typed as the level reached each quarter (60, 62, 64, 66 %), summed by the E.81
    default to 252 %."""
    phbs = program_dinkes(
        indikator="Persentase rumah tangga ber-PHBS",
        satuan="%",
        t=68,
        tw1=60,
        tw2=62,
        tw3=64,
        tw4=66,
        r=252,
    )
    kumpulan = _kumpulkan(tmp_path, [phbs])
    assert _temuan(kumpulan, "triwulan-persen-dijumlah") == ["Q9"]
    (pesan,) = _pesan(kumpulan, "triwulan-persen-dijumlah").values()
    assert "TW I 60 di I9" in pesan
    assert "252" in pesan


def test_target_persentase_dijumlahkan(tmp_path: Path) -> None:
    """Five yearly targets of 100 % summed into the end-of-period target: 500 %."""
    row = program_dinkes(indikator="Cakupan layanan", satuan="persen", t=100, tw4=100, r=100)
    row.update(tr=500)
    kolom = [
        *STANDAR[:6],
        ("tr", ("Target Renstra Perangkat Daerah pada Tahun 2026", "K")),
        *STANDAR[6:],
    ]
    assert _temuan(_kumpulkan(tmp_path, [row], kolom), "target-persen-tidak-wajar") == ["G9"]


def test_triwulan_persentase_tambahan_wajar(tmp_path: Path) -> None:
    """Increments that add up to the year's value are not a finding."""
    phbs = program_dinkes(
        indikator="Persentase rumah tangga ber-PHBS", satuan="%", t=68, tw1=11, tw2=17, tw3=14
    )
    phbs.update(tw4=22, r=64)
    assert _temuan(_kumpulkan(tmp_path, [phbs]), "triwulan-persen-dijumlah") == []


def _mebel() -> dict[str, object]:
    row = sub_kegiatan_dinkes(5_000_000, indikator="Jumlah unit mebel", satuan="unit", t=1)
    row.update(tw4=37.5, r=37.5)
    return row


def test_capaian_pencilan(tmp_path: Path) -> None:
    """Deli Serdang's furniture row: target 1 unit, 37,5 typed: 3.750 %."""
    row = sub_kegiatan_dinkes(
        5_000_000, indikator="Jumlah unit mebel", satuan="unit", t=1, tw4=37.5
    )
    row.update(r=37.5)
    kumpulan = _kumpulkan(tmp_path, [program_dinkes(), row])
    assert _temuan(kumpulan, "capaian-pencilan") == ["Q10"]
    (pesan,) = _pesan(kumpulan, "capaian-pencilan").values()
    assert "3.750,00 %" in pesan


def test_rumus_kolom_14_rp_keliru(tmp_path: Path) -> None:
    """Column 14 (Rp) typed as '=M+AF' in the original: here its wrong cached sum."""
    row = program_dinkes(l=5, l_rp=800_000_000, tw4_rp=850_000_000, r_rp=850_000_000, sd=15)
    row.update(sd_rp=800_000_192)
    kumpulan = _kumpulkan(tmp_path, [row], DENGAN_RENSTRA)
    assert _temuan(kumpulan, "anggaran-beda-kolom-14") == ["V9"]
    (pesan,) = _pesan(kumpulan, "anggaran-beda-kolom-14").values()
    assert "Rp 800.000.192" in pesan
    assert "Rp 1.650.000.000" in pesan


def test_baris_jumlah_formulir_keliru(tmp_path: Path) -> None:
    """A total row without a label right after the data that counts a programme twice."""
    rows = [
        program_dinkes(tw4_rp=400_000_000, r_rp=400_000_000),
        program_dinkes(kode="1.02.03", uraian="PROGRAM SDM KESEHATAN", indikator="Jumlah nakes"),
        {"t_rp": 2_700_000_000, "tw4_rp": 400_000_000},
    ]
    kumpulan = _kumpulkan(tmp_path, rows)
    assert _temuan(kumpulan, "jumlah-formulir-beda") == ["H11"]
    (pesan,) = _pesan(kumpulan, "jumlah-formulir-beda").values()
    assert "Rp 2.700.000.000" in pesan
    assert "Rp 1.800.000.000" in pesan


def test_baris_rata_rata_bukan_baris_jumlah(tmp_path: Path) -> None:
    """Unlabelled rows under a 'Rata-rata' row (Sukabumi) are not total rows."""
    rows = [program_dinkes(), {"no": "Rata-rata capaian kinerja (%)", "t_rp": 5}, {"t_rp": 7}]
    assert _temuan(_kumpulkan(tmp_path, rows), "jumlah-formulir-beda") == []


def test_nilai_pencilan_riwayat(tmp_path: Path) -> None:
    """AKB 9,6 -> 19,7 -> 8,7 over three forms: the middle year is flagged at its cell."""
    masukan = tmp_path / "masukan"
    for tahun, nilai in ((2021, 9.6), (2022, 19.7), (2023, 8.7)):
        row = program_dinkes(
            indikator="Angka Kematian Bayi", satuan="per 1.000 KH", t=9, tw4=nilai, r=nilai
        )
        tulis_formulir(masukan / f"dinkes-{tahun}.xlsx", _judul(tahun), [row])
    kumpulan = kumpulkan(masukan)
    found = [(p.berkas, p.sel) for p in kumpulan.masalah if p.kode == "nilai-pencilan-riwayat"]
    assert found == [("dinkes-2022.xlsx", "Q9")]


def test_catatan_verifikasi(tmp_path: Path) -> None:
    masukan = tmp_path / "masukan"
    tulis_formulir(masukan / "dinkes.xlsx", _judul(), [program_dinkes(), sub_kegiatan_dinkes(350)])
    judul = [*_judul()[:1], "Perangkat Daerah : Dinas Sosial", "Tahun 2023"]
    tulis_formulir(
        masukan / "dinsos.xlsx", judul, [program_dinkes(), sub_kegiatan_dinkes(350_000_000)]
    )
    kumpulan = kumpulkan(masukan)
    catatan = {c.opd: c for c in kumpulan.verifikasi}
    dinkes, dinsos = catatan["Dinas Kesehatan"], catatan["Dinas Sosial"]
    assert dinkes.status == "perlu perbaikan"
    (temuan,) = [t for t in dinkes.temuan if t.kode == "anggaran-terlalu-kecil"]
    assert (temuan.lembar, temuan.sel, temuan.isian) == ("Evaluasi Renja", "H10", "350")
    assert "(Rp 000)" in temuan.perbaikan
    assert dinsos.status == "lengkap"
    assert dinsos.temuan == ()


def _mebel(**extra: object) -> dict[str, object]:
    """The Deli Serdang furniture row: target 1 unit, 37,5 typed as the realisation: a
    capaian of 3.750 % (an outlier to confirm, not a form that contradicts itself)."""
    row = sub_kegiatan_dinkes(
        5_000_000, indikator="Jumlah unit mebel", satuan="unit", t=1, tw4=37.5, **extra
    )
    row.update(r=37.5)
    return row


def test_status_lengkap_dengan_catatan(tmp_path: Path) -> None:
    """A note whose findings are all advisory asks nothing of the OPD: 'lengkap dengan
    catatan'; one finding that asks a correction or a confirmation (an outlier of 3.750 %)
    makes it 'perlu perbaikan'."""
    masukan = tmp_path / "masukan"
    tulis_formulir(masukan / "dinkes.xlsx", _judul(), [program_dinkes(), _mebel()])
    judul = [*_judul()[:1], "Perangkat Daerah : Dinas Sosial", "Tahun 2023", "(Rp 000)"]
    row = sub_kegiatan_dinkes(350_000)  # Rp 350.000.000 in thousands, as the note says
    tulis_formulir(masukan / "dinsos.xlsx", judul, [program_dinkes(t_rp=900_000), row])
    catatan = {c.opd: c for c in kumpulkan(masukan).verifikasi}
    dinkes, dinsos = catatan["Dinas Kesehatan"], catatan["Dinas Sosial"]
    assert [(t.kode, t.perlu_perbaikan) for t in dinkes.temuan] == [("capaian-pencilan", True)]
    assert dinkes.status == "perlu perbaikan"
    assert [(t.kode, t.perlu_perbaikan) for t in dinsos.temuan] == [
        ("satuan-uang-dari-catatan", False)
    ]
    assert dinsos.status == "lengkap dengan catatan"


@pytest.mark.parametrize(
    ("pilihan", "rata_rata"), [("ikut", (100 + 3750) / 2), ("keluarkan", 100.0)]
)
def test_pencilan_dalam_rata_rata(tmp_path: Path, pilihan: str, rata_rata: float) -> None:
    masukan = tmp_path / "masukan"
    tulis_formulir(masukan / "dinkes.xlsx", _judul(), [program_dinkes(), _mebel()])
    (masukan / "pengaturan.toml").write_text(
        f'[kewajaran]\npencilan = "{pilihan}"\n', encoding="utf-8"
    )
    kumpulan = kumpulkan(masukan)
    assert kumpulan.pengaturan.kewajaran.pencilan == pilihan
    assert kumpulan.laporan[0].rata_rata == pytest.approx(rata_rata)


def test_ambang_bawaan() -> None:
    aturan = AturanKewajaran()
    assert (aturan.pagu_minimum_sub_kegiatan, aturan.batas_capaian) == (100_000, 300)
    assert (aturan.kelipatan_saudara, aturan.saudara_minimum) == (200, 3)
    assert aturan.pencilan == "ikut"


DELI = "evaluasi_renja_tw4_bappedalitbang_deliserdang_2025.xlsx"
SUKABUMI = "evaluasi_hasil_renja_pd_bappeda_sukabumi_2018.xlsx"


def _nyata(real_workbooks: Path, tmp_path: Path, name: str) -> Kumpulan:
    masukan = tmp_path / "masukan"
    masukan.mkdir()
    shutil.copy(real_workbooks / name, masukan / name)
    return kumpulkan(masukan)


def test_deli_serdang(real_workbooks: Path, tmp_path: Path) -> None:
    kumpulan = _nyata(real_workbooks, tmp_path, DELI)
    pesan = _pesan(kumpulan, "anggaran-beda-kolom-14")
    assert "Rp 81.825.849" in pesan["AE64"]
    assert "Rp 177.868.883" in pesan["AE64"]
    total = _pesan(kumpulan, "jumlah-formulir-beda")
    assert sorted(total) == ["AA113", "R113", "U113", "X113"]
    assert "Rp 2.004.106.779" in total["R113"]
    assert "Rp 1.971.343.265" in total["R113"]
    pencilan = _pesan(kumpulan, "capaian-pencilan")
    assert "3.750,00 %" in pencilan["J42"]  # the furniture row
    assert "1.388,89 %" in pencilan["J23"]
    assert "880,00 %" in pencilan["J21"]
    (catatan,) = kumpulan.verifikasi
    assert catatan.status == "perlu perbaikan"
    assert {"AE64", "R113", "J42"} <= {t.sel for t in catatan.temuan}


def test_sukabumi(real_workbooks: Path, tmp_path: Path) -> None:
    kumpulan = _nyata(real_workbooks, tmp_path, SUKABUMI)
    (pesan,) = _pesan(kumpulan, "anggaran-beda-kolom-14").values()
    assert "Rp 656.244.000" in pesan
    assert "Rp 4.374.960.000" in pesan
    assert not [p for p in kumpulan.masalah if p.kode == "jumlah-formulir-beda"]
    assert _temuan(kumpulan, "target-persen-tidak-wajar") == ["H42"]  # 500 %


def test_sample_data(kumpulan_sampel: Kumpulan) -> None:
    kumpulan = kumpulan_sampel
    akb = {(p.berkas, p.sel) for p in kumpulan.masalah if p.kode == "nilai-pencilan-riwayat"}
    assert ("rpjmd/matriks-ikd-rpjmd-2021-2026.xlsx", "K10") in akb
    assert ("2022/EVALUASI RENJA DINKES TW IV 2022.xlsx", "U20") in akb
    notes = {(c.tahun, c.opd) for c in kumpulan.verifikasi}
    years = {(lap.tahun, lap.opd) for lap in kumpulan.laporan}
    assert notes == years
    assert len([n for n in notes if n[0] in (2023, 2024)]) == 22
    dinkes = next(c for c in kumpulan.verifikasi if c.berkas.endswith("DINKES TW IV 2022.xlsx"))
    assert "U20" in {t.sel for t in dinkes.temuan}
