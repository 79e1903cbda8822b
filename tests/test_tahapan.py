"""Quarters as stages of the year (issue 24): a TW II form beside the TW IV form of the same
OPD-year is a stage, not a duplicate; the year's documents come from the TW IV form and the
stage gets its own quarterly E.81 (``<tahun>/triwulan-2/evaluasi/<opd>.pdf``)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kinerja_report.pipeline import HasilBuild, kumpulkan, tugas_pdf
from tests.dokumen import dokumen_build
from tests.fixtures.formulir import tulis_formulir
from tests.pdf_teks import teks_pdf


def _judul(opd: str, periode: str) -> list[str]:
    return [
        "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
        "KABUPATEN KEPAHIANG",
        f"Perangkat Daerah : {opd}",
        f"Periode Pelaksanaan : {periode} Tahun 2023",
    ]


def _program(**isian: object) -> dict[str, object]:
    row: dict[str, object] = {
        "kode": "1.06.02",
        "uraian": "PROGRAM PEMBERDAYAAN SOSIAL",
        "indikator": "Jumlah PMKS yang diberdayakan",
        "satuan": "orang",
        "t": 80,
        "t_rp": 400_000_000,
    }
    row.update(isian)
    return row


TINDAK_LANJUT = "percepatan verifikasi data PMKS sebelum penyaluran triwulan III"


def _tw2(folder: Path, opd: str, nama: str) -> None:
    """A TW II form as a clerk sends it in July: TW III and IV hold a dash; below the table
    what the OPD plans for the next quarter."""
    row = _program(tw1=20, tw1_rp=50_000_000, tw2=25, tw2_rp=70_000_000, tw3="-", tw4="-")
    kaki = {"A13": f"Tindak lanjut yang diperlukan dalam triwulan berikutnya : {TINDAK_LANJUT}"}
    tulis_formulir(folder / f"{nama}-tw2.xlsx", _judul(opd, "Triwulan II"), [row], kaki=kaki)


def _tw4(folder: Path, opd: str, nama: str) -> None:
    """The same OPD-year at the end of the year: 20 + 25 + 15 + 10 = 70 of 80."""
    row = _program(
        tw1=20, tw1_rp=50_000_000, tw2=25, tw2_rp=70_000_000,
        tw3=15, tw3_rp=100_000_000, tw4=10, tw4_rp=150_000_000, r=70, r_rp=370_000_000,
    )  # fmt: skip
    tulis_formulir(folder / f"{nama}-tw4.xlsx", _judul(opd, "Triwulan I s.d. IV"), [row])


def test_tw2_di_samping_tw4_adalah_tahapan(tmp_path: Path) -> None:
    _tw2(tmp_path, "Dinas Sosial", "dinsos")
    _tw4(tmp_path, "Dinas Sosial", "dinsos")
    kumpulan = kumpulkan(tmp_path)
    assert [p.kode for p in kumpulan.masalah if p.kode == "opd-tahun-ganda"] == []
    assert kumpulan.berkas_gagal == ()
    (lap,) = kumpulan.laporan  # the year's report: the TW IV form
    assert lap.berkas == "dinsos-tw4.xlsx"
    assert lap.formulir is not None
    assert lap.formulir.triwulan == 4
    (program,) = lap.baris
    assert program.realisasi.angka == 70
    (tahap,) = kumpulan.tahapan  # the stage: the TW II form, as that form alone gives it
    assert (tahap.berkas, tahap.slug) == ("dinsos-tw2.xlsx", lap.slug)
    assert tahap.formulir is not None
    assert tahap.formulir.triwulan == 2
    (stage_row,) = tahap.baris
    assert stage_row.realisasi.angka == 45  # 20 + 25, never the dashes
    assert stage_row.capaian.persen == pytest.approx(56.25)  # 45 / 80, the year's target
    assert kumpulan.evaluasi_rkpd_triwulan == ()  # one OPD speaks only for itself
    # the TW II plan for the next quarter is printed on the TW IV form, not on TW II's own
    assert lap.formulir.tindak_lanjut_lalu == TINDAK_LANJUT
    assert lap.formulir.triwulan_lalu == 2
    assert tahap.formulir.tindak_lanjut_lalu == ""
    assert tahap.formulir.narasi.tindak_lanjut_triwulan == TINDAK_LANJUT
    relatif = {t.relatif for t in tugas_pdf(kumpulan)}
    assert "2023/triwulan-2/evaluasi/dinas-sosial.pdf" in relatif
    assert "2023/evaluasi/dinas-sosial.pdf" in relatif
    assert not any(r.startswith("2023/triwulan-2/evaluasi-rkpd") for r in relatif)


def test_tw2_dan_tw2_tetap_ganda(tmp_path: Path) -> None:
    """Two forms of the same quarter remain a duplicate: no silent choice between them."""
    _tw2(tmp_path, "Dinas Sosial", "dinsos")
    _tw2(tmp_path, "Dinas Sosial", "dinsos-lagi")
    kumpulan = kumpulkan(tmp_path)
    assert [p.kode for p in kumpulan.masalah if p.kode == "opd-tahun-ganda"] == 2 * [
        "opd-tahun-ganda"
    ]
    assert kumpulan.laporan == ()
    assert kumpulan.tahapan == ()


def test_build_triwulan_dua_dua_opd(tmp_path: Path) -> None:
    """Two OPDs with TW II and TW IV and one with only TW II (in the quarter's folder and
    regency evaluation too): the year's documents from TW IV, the quarter's E.81 and regency
    evaluation from TW II. (The outputs read here, made as a build makes them: its PKs,
    pohon kinerja and verification notes are not rendered.)"""
    masukan = tmp_path / "in"
    _tw2(masukan, "Dinas Sosial", "dinsos")
    _tw4(masukan, "Dinas Sosial", "dinsos")
    _tw2(masukan, "Dinas Kesehatan", "dinkes")
    _tw4(masukan, "Dinas Kesehatan", "dinkes")
    _tw2(masukan, "Dinas Pangan", "pangan")  # its year's form is the TW II form
    hasil = dokumen_build(
        masukan,
        "capaian.csv",
        "2023/evaluasi/dinas-sosial.pdf",
        "2023/triwulan-2/evaluasi/dinas-sosial.pdf",
        "2023/triwulan-2/evaluasi/dinas-pangan.pdf",
        "2023/evaluasi/dinas-pangan.pdf",
        "2023/triwulan-2/evaluasi-rkpd.pdf",
        "2023/evaluasi-rkpd.pdf",
    )
    assert HasilBuild(hasil.kumpulan, ()).berhasil
    assert [p.kode for p in hasil.kumpulan.masalah if p.kode == "opd-tahun-ganda"] == []
    baris = hasil.berkas["capaian.csv"].decode("utf-8").splitlines()
    rows = [r for r in csv.DictReader(baris) if r["opd"] in {"Dinas Sosial", "Dinas Pangan"}]
    assert {(r["opd"], r["realisasi"], r["sampai_triwulan"]) for r in rows} == {
        ("Dinas Sosial", "70", "4"),
        ("Dinas Pangan", "45", "2"),
    }
    tahunan = teks_pdf(hasil.berkas["2023/evaluasi/dinas-sosial.pdf"])
    assert "s.d. Triwulan" not in tahunan
    assert "87,50" in tahunan  # 70 / 80
    assert f"Tindak lanjut yang direncanakan pada evaluasi Triwulan II : {TINDAK_LANJUT}" in tahunan
    e81 = teks_pdf(hasil.berkas["2023/triwulan-2/evaluasi/dinas-sosial.pdf"])
    assert "s.d. Triwulan II" in e81
    assert "45" in e81
    assert "56,25" in e81
    # the quarter's folder holds every OPD's TW II E.81, also one whose year's form is TW II
    pangan = teks_pdf(hasil.berkas["2023/triwulan-2/evaluasi/dinas-pangan.pdf"])
    assert pangan == teks_pdf(hasil.berkas["2023/evaluasi/dinas-pangan.pdf"])
    rkpd = teks_pdf(hasil.berkas["2023/triwulan-2/evaluasi-rkpd.pdf"])
    assert "s.d. Triwulan II" in rkpd
    assert "3 perangkat daerah" in rkpd
    assert "Dinas Pangan" in rkpd
    tahunan_rkpd = teks_pdf(hasil.berkas["2023/evaluasi-rkpd.pdf"])
    assert "Triwulan I s.d. IV Tahun 2023" in tahunan_rkpd


def test_hanya_tw4_tanpa_tahapan(tmp_path: Path) -> None:
    _tw4(tmp_path, "Dinas Sosial", "dinsos")
    kumpulan = kumpulkan(tmp_path)
    assert kumpulan.tahapan == ()
    assert kumpulan.evaluasi_rkpd_triwulan == ()
    assert not any("triwulan-" in t.relatif for t in tugas_pdf(kumpulan))
