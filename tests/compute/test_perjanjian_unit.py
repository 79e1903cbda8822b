"""Perjanjian Kinerja down the tree: the Administrators' and Pengawas' PKs of the sample."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from kinerja_report.compute.perjanjian_unit import SASARAN_BELUM_DIRUMUSKAN, jabatan_unit
from kinerja_report.compute.pohon import Simpul
from kinerja_report.model import TingkatPohon
from kinerja_report.pipeline import Kumpulan, kumpulkan
from kinerja_report.read.normalize import normalisasi
from kinerja_report.render.pdf import render_pdf
from kinerja_report.render.perjanjian import tugas_perjanjian
from tests.conftest import SampelDibangun
from tests.pdf_teks import teks_pdf


@pytest.fixture(scope="module")
def kumpulan(kumpulan_sampel: Kumpulan) -> Kumpulan:
    return kumpulan_sampel


def test_pk_administrator_dan_pengawas_dinas_kesehatan(kumpulan: Kumpulan) -> None:
    pks = [
        pk
        for pk in kumpulan.perjanjian
        if pk.tahun == 2024 and pk.instansi == "Dinas Kesehatan" and pk.jenis != "opd"
    ]
    got = [
        (pk.jenis, pk.slug, pk.jabatan_pertama, pk.jabatan_kedua, pk.pihak_kedua is not None)
        for pk in pks
    ]
    assert got == [
        ("administrator", "dinas-kesehatan/kepala-bidang-kesehatan-masyarakat",
         "Kepala Bidang Kesehatan Masyarakat", "Kepala Dinas Kesehatan", True),
        ("administrator", "dinas-kesehatan/sekretaris-dinas-kesehatan",
         "Sekretaris Dinas Kesehatan", "Kepala Dinas Kesehatan", True),
        ("pengawas", "dinas-kesehatan/kepala-seksi-kesehatan-keluarga-dan-gizi",
         "Kepala Seksi Kesehatan Keluarga dan Gizi", "Kepala Bidang Kesehatan Masyarakat", True),
        ("pengawas", "dinas-kesehatan/kepala-subbagian-perencanaan-dan-keuangan",
         "Kepala Subbagian Perencanaan dan Keuangan", "Sekretaris Dinas Kesehatan", True),
    ]  # fmt: skip
    admin, _, seksi, _ = pks
    assert admin.pihak_kedua is not None
    assert admin.pihak_kedua.nama == "dr. Rina Marlina, M.Kes."
    # issue 24: result statements (the sasaran PD each programme serves), not nomenclature
    assert [s.sasaran for s in admin.sasaran] == [
        "Meningkatnya derajat kesehatan masyarakat",
        "Meningkatnya perilaku hidup bersih dan sehat masyarakat",
    ]
    assert [p.program.split()[0] for p in admin.program] == [
        "1.02.02.2.01",
        "1.02.02.2.02",
        "1.02.05.2.03",
    ]
    assert [s.sasaran for s in seksi.sasaran] == ["Meningkatnya derajat kesehatan masyarakat"]
    assert [i.indikator for i in seksi.sasaran[0].indikator][:1] == [
        next(n for n in _nomenklatur_pohon(kumpulan, "1.02.02.2.02.0001")).indikator[0].indikator
    ]
    assert seksi.pihak_kedua == admin.pihak_pertama  # the Kepala Bidang signs as superior


def _nomenklatur_pohon(kumpulan: Kumpulan, kode: str = "") -> list[Simpul]:
    """The programme, kegiatan and sub kegiatan nodes of every tree (of ``kode`` only)."""
    levels = {TingkatPohon.PROGRAM, TingkatPohon.KEGIATAN, TingkatPohon.SUB_KEGIATAN}
    return [
        node
        for tree in kumpulan.pohon
        for node in tree.simpul
        if node.tingkat in levels and (not kode or node.kode == kode)
    ]


def test_sasaran_unit_bukan_nomenklatur(kumpulan: Kumpulan) -> None:
    """No Sasaran of an Administrator's or Pengawas's PK is a programme, kegiatan or sub
    kegiatan name (with or without its code); the sample's cascading gives every one."""
    names = {
        normalisasi(text)
        for node in _nomenklatur_pohon(kumpulan)
        for text in (node.uraian, f"{node.kode} {node.uraian}")
    }
    units = [pk for pk in kumpulan.perjanjian if pk.jenis in {"administrator", "pengawas"}]
    assert len(units) > 20
    labels = {group.sasaran for pk in units for group in pk.sasaran}
    assert labels
    assert not {label for label in labels if normalisasi(label) in names}
    assert SASARAN_BELUM_DIRUMUSKAN not in labels
    assert "pk-sasaran-belum-dirumuskan" not in [p.kode for p in kumpulan.masalah]


def test_pdf_sasaran_unit_sampel(sampel_dibangun: SampelDibangun, kumpulan: Kumpulan) -> None:
    """The built sample's unit PKs: table 1 names no programme, kegiatan or sub kegiatan."""
    out = sampel_dibangun.out
    names = {node.uraian for node in _nomenklatur_pohon(kumpulan) if len(node.uraian) > 12}
    pdfs = sorted((out / "2024" / "perjanjian-kinerja").glob("*/*.pdf"))
    assert len(pdfs) > 5
    for pdf in pdfs:
        text = teks_pdf(pdf)
        table_1 = text.split("1. Sasaran dan Indikator Kinerja")[1].split("Anggaran No")[0]
        slug = f"{pdf.parent.name}/{pdf.stem}"
        (pk,) = [pk for pk in kumpulan.perjanjian if pk.tahun == 2024 and pk.slug == slug]
        assert all(group.sasaran in table_1 for group in pk.sasaran), pdf.name
        assert not [name for name in names if name in table_1], pdf.name


def test_kepala_opd_tetap_dari_daftar(kumpulan: Kumpulan) -> None:
    (kepala,) = [
        pk
        for pk in kumpulan.perjanjian
        if pk.tahun == 2024 and pk.instansi == "Dinas Kesehatan" and pk.jenis == "opd"
    ]
    assert kepala.jabatan_pertama == "Kepala Dinas Kesehatan"


@pytest.mark.parametrize(
    ("unit", "jabatan"),
    [
        ("Sekretariat", "Sekretaris Dinas Sosial"),
        ("SEKRETARIAT BAPPEDA", "Sekretaris Dinas Sosial"),
        ("Bidang Rehabilitasi Sosial", "Kepala Bidang Rehabilitasi Sosial"),
        ("Kepala Seksi Data", "Kepala Seksi Data"),
    ],
)
def test_jabatan_unit(unit: str, jabatan: str) -> None:
    assert jabatan_unit(unit, "Dinas Sosial") == jabatan


def test_pdf_pk_administrator(kumpulan: Kumpulan) -> None:
    (pk,) = [
        pk
        for pk in kumpulan.perjanjian
        if pk.tahun == 2024 and pk.slug == "dinas-kesehatan/kepala-bidang-kesehatan-masyarakat"
    ]
    (tugas,) = tugas_perjanjian([pk], kumpulan.pengaturan)
    assert tugas.relatif == (
        "2024/perjanjian-kinerja/dinas-kesehatan/kepala-bidang-kesehatan-masyarakat.pdf"
    )
    reader = PdfReader(io.BytesIO(render_pdf(tugas.html, tugas.folder_templat, tugas.aset)))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    # issue 24: pihak kedua, the OPD's head, signs with rank and NIP (the Bupati has none)
    assert "Pembina Utama Muda, IV/c" in text
    assert "NIP. 19740922 200201 2 001" in text
    for expected in (
        "Jabatan : Kepala Bidang Kesehatan Masyarakat",
        "Nama : dr. Rina Marlina, M.Kes. Jabatan : Kepala Dinas Kesehatan",
        "BIDANG KESEHATAN MASYARAKAT",
        "Sasaran Program / Kegiatan",
        "2. Kegiatan dan Anggaran",
    ):
        assert expected in text


def test_sukabumi_satu_pk_per_unit(real_workbooks: Path, tmp_path: Path) -> None:
    """Sukabumi 2018: both programmes and their kegiatan name 'SEKRETARIAT BAPPEDA' (the
    second programme's own cell is empty): one Administrator PK, the Sekretaris's, never a
    second (Pengawas) one for the same unit."""
    import shutil

    shutil.copy(real_workbooks / "evaluasi_hasil_renja_pd_bappeda_sukabumi_2018.xlsx", tmp_path)
    kumpulan = kumpulkan(tmp_path)
    units = [pk for pk in kumpulan.perjanjian if pk.jenis in {"administrator", "pengawas"}]
    assert [(pk.jenis, pk.jabatan_pertama, pk.slug) for pk in units] == [
        (
            "administrator",
            "Sekretaris Bappeda Sukabumi",
            "bappeda-sukabumi/sekretaris-bappeda-sukabumi",
        )
    ]
