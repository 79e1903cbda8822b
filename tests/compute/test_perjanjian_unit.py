"""Perjanjian Kinerja down the tree: the Administrators' and Pengawas' PKs of the sample."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from kinerja_report.compute.perjanjian_unit import jabatan_unit
from kinerja_report.pipeline import Kumpulan, kumpulkan
from kinerja_report.render.pdf import render_pdf
from kinerja_report.render.perjanjian import tugas_perjanjian
from tests.conftest import SAMPLE_DATA


@pytest.fixture(scope="module")
def kumpulan() -> Kumpulan:
    return kumpulkan(SAMPLE_DATA)


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
    assert [s.sasaran for s in admin.sasaran][:2] == [
        "1.02.02 PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
        "1.02.05 PROGRAM PEMBERDAYAAN MASYARAKAT BIDANG KESEHATAN",
    ]
    assert [p.program.split()[0] for p in admin.program] == [
        "1.02.02.2.01",
        "1.02.02.2.02",
        "1.02.05.2.03",
    ]
    assert [s.sasaran.split()[0] for s in seksi.sasaran] == [
        "1.02.02.2.02.0001",
        "1.02.02.2.02.0004",
    ]
    assert seksi.pihak_kedua == admin.pihak_pertama  # the Kepala Bidang signs as superior


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

    from kinerja_report.pipeline import kumpulkan

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
