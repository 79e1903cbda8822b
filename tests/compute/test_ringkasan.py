"""The regency's year at a glance, computed from the sample and from a form alone."""

from __future__ import annotations

import math
from pathlib import Path

from kinerja_report.compute.ringkasan import panel_ipm
from kinerja_report.pipeline import Kumpulan, kumpulkan, ringkasan_daerah
from tests.builders import BARIS_CONTOH, buat_evaluasi


def test_ringkasan_sample(kumpulan_sampel: Kumpulan) -> None:
    kumpulan = kumpulan_sampel
    daftar = ringkasan_daerah(kumpulan)
    assert [r.tahun for r in daftar] == [2021, 2022, 2023, 2024]
    r = daftar[-1]
    assert r.daerah.nama_lengkap == "Kabupaten Kepahiang"
    assert len(r.indikator) == 15
    ipm = next(i for i in r.indikator if i.baris.indikator == "Indeks Pembangunan Manusia")
    assert ipm.seri == ((2021, 67.76), (2022, 68.42), (2023, 68.91), (2024, 69.39))
    assert ipm.nasional is not None
    assert ipm.nasional.nilai.angka == 75.02
    # two series: the national 75,02 (new method) is set beside the regency's new-method
    # IPM from the components table (70,09), never beside the matrix's 69,39 (old method)
    assert (ipm.nasional.seri, ipm.seri_daerah, ipm.seri_berbeda) == ("baru", "lama", True)
    assert ipm.daerah_sebanding == 70.09
    ipm_2021 = next(i for i in daftar[0].indikator if i.baris.indikator == ipm.baris.indikator)
    assert (ipm_2021.seri_berbeda, ipm_2021.daerah_sebanding) == (False, 67.76)
    assert ipm.realisasi_lalu == (2023, 68.91)
    assert ipm.provinsi is None
    assert ipm.penanggung_jawab.startswith("Bappeda, Dinas Kesehatan")
    assert len(r.peringkat) == 11
    rata = [p.rata_rata for p in r.peringkat]
    assert rata == sorted(rata, reverse=True)  # type: ignore[type-var]
    assert r.peringkat[0].opd == "Dinas Pertanian"
    assert r.ipm is not None
    assert (r.ipm.ipm.komponen.seri, r.ipm.seri_lain and r.ipm.seri_lain.komponen.seri) == (
        "lama",
        "baru",
    )
    assert r.ipm.sebelum is not None
    assert r.ipm.sebelum.komponen.tahun == 2023
    kontribusi = r.ipm.ipm.kontribusi
    assert kontribusi is not None
    assert r.ipm.ipm.perubahan is not None
    assert math.isclose(sum(kontribusi.values()), r.ipm.ipm.perubahan)
    for x in r.rawan:
        assert (
            (x.capaian is not None and x.capaian < 100)
            or x.tercapai is False  # an ordinal indicator below its target's rank
            or x.status in ("berisiko", "tidak tercapai")
        )
    sakip = next(x for x in r.rawan if x.indikator == "Nilai SAKIP Pemerintah Daerah")
    assert (sakip.capaian, sakip.kategori) == (None, "Tidak tercapai")  # BB against A
    assert [x.indikator for x in r.rawan if x.daerah][:2] == [
        "Umur Harapan Hidup",
        "Angka Kematian Bayi",
    ]
    assert math.isclose(r.pagu, sum(p.pagu for p in r.peringkat))


def test_formulir_saja_tanpa_ringkasan_daerah(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    kumpulan = kumpulkan(tmp_path)
    assert len(kumpulan.laporan) == 1
    assert ringkasan_daerah(kumpulan) == []


def test_panel_ipm_seri_lain_dan_tanpa_tahun_sebelumnya(kumpulan_sampel: Kumpulan) -> None:
    kumpulan = kumpulan_sampel
    baru = [i for i in kumpulan.ipm if i.komponen.seri == "baru"]
    panel = panel_ipm(baru, 2022, "lama")
    assert panel is not None
    assert panel.ipm.komponen.seri == "baru"
    assert panel.sebelum is None  # the new series starts in 2022
    assert panel.seri_lain is None
    assert panel_ipm(kumpulan.ipm, 2030, "lama") is None
