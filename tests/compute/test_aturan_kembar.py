"""Issue 20: rules once written twice, now one. Each test states what the former copies
must agree on, and checks it through every place that uses the rule."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kinerja_report.compute.perjanjian import PerjanjianKinerja, program_opd
from kinerja_report.compute.perjanjian_unit import _slug_unik
from kinerja_report.compute.pohon import LABEL_TINGKAT, TINGKAT_OPD
from kinerja_report.compute.report import (
    SLUG_BUPATI,
    LaporanOpd,
    RingkasanAnggaran,
    anggaran,
    pagu_program,
    slug_opd,
)
from kinerja_report.compute.rules import AturanCapaian
from kinerja_report.compute.slugs import dengan_slug_unik
from kinerja_report.model import TingkatIndikator, TingkatPohon
from kinerja_report.pipeline import Kumpulan, kumpulkan
from kinerja_report.read.kaskade import TINGKAT_KASKADE, tingkat_kaskade
from kinerja_report.settings import baca_pengaturan
from tests.builders import BARIS_CONTOH, buat_evaluasi
from tests.check.test_kewajaran import _judul, program_dinkes, sub_kegiatan_dinkes
from tests.fixtures.formulir import tulis_formulir


def _baris(kode: str, uraian: str, indikator: str, rp: int) -> list[object]:
    return [None, "Sasaran", kode, uraian, indikator, "persen",
            100, rp, 25, rp // 4, 25, rp // 4, 25, rp // 4, 25, rp // 4, 100, rp]  # fmt: skip


def _pagu_nol(folder: Path) -> Kumpulan:
    """A programme row with pagu 0 whose kegiatan carry Rp 300 M + 200 M, then a programme
    with its own Rp 100 M; a signatories list with the OPD's head for 2023 only and its
    Sekretaris for 2024."""
    program = _baris("1.02.01", "PROGRAM PENUNJANG", "Persentase layanan", 0)
    buat_evaluasi(folder / "rsud-2024.xlsx", "RSUD Kepahiang", 2024, [
        program,
        _baris("1.02.01.2.02", "Administrasi Keuangan", "Jumlah laporan", 300_000_000),
        _baris("1.02.01.2.06", "Administrasi Umum", "Jumlah paket", 200_000_000),
        _baris("1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "Persentase pasien", 100_000_000),
        _baris("1.02.02.2.01", "Pelayanan Kesehatan", "Jumlah pasien", 100_000_000),
    ])  # fmt: skip
    buat_evaluasi(folder / "rsud-2023.xlsx", "RSUD Kepahiang", 2023, BARIS_CONTOH)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["No", "Tahun", "Perangkat Daerah", "Jabatan", "Nama", "NIP", "Pangkat/Golongan"])
    ws.append([1, 2023, "RSUD Kepahiang", "Direktur RSUD Kepahiang", "dr. Contoh Direktur",
               "19700101 199503 1 001", "Pembina, IV/a"])  # fmt: skip
    ws.append([2, 2024, "RSUD Kepahiang", "Sekretaris RSUD Kepahiang", "Contoh Sekretaris",
               "19750202 200003 1 002", "Penata, III/c"])  # fmt: skip
    wb.save(folder / "penandatangan.xlsx")
    return kumpulkan(folder)


@pytest.fixture(scope="module")
def kasus(tmp_path_factory: pytest.TempPathFactory) -> Kumpulan:
    return _pagu_nol(tmp_path_factory.mktemp("kembar"))


def test_anggaran_program_satu_aturan(kasus: Kumpulan) -> None:
    """Programme budget (formerly report.pagu_program / anggaran and the E.81 footer's
    formulir.simpul_anggaran): both count a pagu-0 programme row by its kegiatan (Rp 500 M)
    and a programme with its own pagu by that pagu, so the report, rekap, PK, E.81 footer
    and regency evaluation give one total."""
    (lap,) = [lap for lap in kasus.laporan if lap.tahun == 2024]
    assert [(p.kode, p.pagu) for p in pagu_program(lap.baris)] == [
        ("1.02.01", 500_000_000),
        ("1.02.02", 100_000_000),
    ]
    total = 600_000_000
    assert anggaran(lap.baris).pagu == total
    assert lap.anggaran.pagu == total
    assert lap.formulir is not None
    assert lap.formulir.jumlah_rp[2] == total  # column 8 of the E.81 footer
    assert sum(item.anggaran for item in program_opd(lap.baris)) == total
    (pk,) = [pk for pk in kasus.perjanjian if pk.tahun == 2024 and pk.jenis == "opd"]
    assert pk.total_anggaran == total


def test_kepala_opd_satu_jawaban(kasus: Kumpulan) -> None:
    """Signatories (formerly formulir.kepala_opd, perjanjian._kepala_opd and the template's
    own 'latest row of the OPD' lookup): the E.81 'Disusun' block and the PK's pihak pertama
    name the same head, never a unit head (the 2024 Sekretaris) as head."""
    for tahun in (2023, 2024):
        (lap,) = [lap for lap in kasus.laporan if lap.tahun == tahun]
        (pk,) = [pk for pk in kasus.perjanjian if pk.tahun == tahun and pk.jenis == "opd"]
        assert lap.formulir is not None
        disusun = lap.formulir.disusun.penandatangan
        pertama = pk.pihak_pertama
        assert (disusun.nama if disusun else None) == (pertama.nama if pertama else None)
        assert "Sekretaris" not in (disusun.jabatan if disusun else "")
    (lap_2023,) = [lap for lap in kasus.laporan if lap.tahun == 2023]
    assert lap_2023.formulir is not None
    assert lap_2023.formulir.disusun.penandatangan is not None
    assert lap_2023.formulir.disusun.penandatangan.nama == "dr. Contoh Direktur"


def _pk(slug: str, unit: str) -> PerjanjianKinerja:
    return PerjanjianKinerja(
        tahun=2024,
        jenis="administrator",
        instansi="Dinas Kesehatan",
        slug=slug,
        pihak_pertama=None,
        pihak_kedua=None,
        tanggal=date(2024, 1, 2),
        sasaran=(),
        program=(),
        jabatan_pertama="Kepala Bidang",
        unit=unit,
    )


def test_slug_tanpa_bergantung_urutan() -> None:
    """Slugs (formerly report.slug_opd, the build's dengan_slug_unik, and the unit PKs'
    counters that followed list order): the same OPD gets the same slug alone or among
    others, and unit PKs with one position's slug get their numbers whatever the order."""
    lap = LaporanOpd(
        tahun=2024,
        opd="Dinas Kesehatan",
        slug="",
        berkas="x.xlsx",
        lembar="x",
        baris=(),
        catatan=(),
        rata_rata=None,
        kategori_rata_rata="",
        jumlah_kategori=(),
        anggaran=RingkasanAnggaran(0.0, 0.0),
    )
    assert dengan_slug_unik([lap])[0].slug == slug_opd("Dinas Kesehatan") == "dinas-kesehatan"
    assert slug_opd("Bupati") != SLUG_BUPATI
    daftar = [_pk("dinkes/kepala-bidang", u) for u in ("Bidang P2P", "Bidang Kesmas", "Bidang SDK")]
    maju = {pk.unit: pk.slug for pk in _slug_unik(daftar)}
    mundur = {pk.unit: pk.slug for pk in _slug_unik(list(reversed(daftar)))}
    assert maju == mundur
    assert sorted(maju.values()) == [
        "dinkes/kepala-bidang",
        "dinkes/kepala-bidang-2",
        "dinkes/kepala-bidang-3",
    ]


def test_tingkat_satu_enum() -> None:
    """Levels (formerly strings in read/kaskade.py and compute/pohon.py beside the
    TingkatIndikator enum): the cascading reader, the tree and its labels use one
    vocabulary, and its programme, kegiatan and sub kegiatan are the form's."""
    assert tuple(TingkatPohon) == TINGKAT_KASKADE
    assert set(LABEL_TINGKAT) == set(TingkatPohon)
    assert set(TINGKAT_OPD) <= set(TingkatPohon)
    for tingkat in (
        TingkatIndikator.PROGRAM,
        TingkatIndikator.KEGIATAN,
        TingkatIndikator.SUB_KEGIATAN,
    ):
        assert TingkatPohon(tingkat.value) == tingkat
    for teks in ("Sasaran Perangkat Daerah", "Sasaran RPJMD", "Sub-Kegiatan", "Program", "Unit"):
        assert isinstance(tingkat_kaskade(teks), TingkatPohon)


def test_bawaan_satu_tempat(tmp_path: Path) -> None:
    """Defaults (formerly written in compute/rules.py and again in settings.py): a settings
    file whose [capaian] says nothing gives exactly AturanCapaian()'s defaults."""
    (tmp_path / "pengaturan.toml").write_text("[capaian]\n", encoding="utf-8")
    pengaturan = baca_pengaturan(tmp_path)
    assert pengaturan is not None
    bawaan = AturanCapaian()
    aturan = pengaturan.aturan
    assert aturan.ambang_efisiensi == bawaan.ambang_efisiensi
    assert aturan.batas_rata_rata == bawaan.batas_rata_rata
    assert aturan.rumus_negatif == bawaan.rumus_negatif
    assert aturan.skala == bawaan.skala


@pytest.mark.parametrize(("batas", "pilihan"), [(300, "ikut"), (300, "keluarkan"), (5000, "ikut")])
def test_pencilan_satu_aturan(tmp_path: Path, batas: int, pilihan: str) -> None:
    """The outlier bound (formerly a comparison in the averages, another in the E.81 footer's
    count and a third in the verification check): the footer's count of outliers, the
    verification findings and the basis of the mean all use ``[kewajaran] batas_capaian``."""
    masukan = tmp_path / "masukan"
    row = sub_kegiatan_dinkes(5_000_000, indikator="Jumlah unit mebel", satuan="unit", t=1)
    row.update(tw4=37.5, r=37.5)  # 3.750 %
    tulis_formulir(masukan / "dinkes.xlsx", _judul(), [program_dinkes(), row])
    (masukan / "pengaturan.toml").write_text(
        f'[kewajaran]\nbatas_capaian = {batas}\npencilan = "{pilihan}"\n', encoding="utf-8"
    )
    kumpulan = kumpulkan(masukan)
    (laporan,) = kumpulan.laporan
    assert laporan.formulir is not None
    f = laporan.formulir
    temuan = [p for p in kumpulan.masalah if p.kode == "capaian-pencilan"]
    berisi_k = sum(1 for b in f.baris if b.capaian.k is not None)
    assert f.jumlah_pencilan == (1 if batas == 300 else 0)
    assert len(temuan) == f.jumlah_pencilan  # column 15 is empty: one outlier, one finding
    keluar = f.jumlah_pencilan if pilihan == "keluarkan" else 0
    assert f.rata_rata_renja.dasar == berisi_k - keluar
