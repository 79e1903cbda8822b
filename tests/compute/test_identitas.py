"""Whose documents these are: the region from the settings or the workbooks, never made up
(compute/identitas.py)."""

from __future__ import annotations

from pathlib import Path

from kinerja_report.compute.perjanjian import jabatan_kepala_daerah
from kinerja_report.pipeline import kumpulkan, tugas_evaluasi
from kinerja_report.settings import Daerah
from tests.builders import BARIS_CONTOH
from tests.fixtures.formulir import STANDAR, tulis_formulir

PENGATURAN_KEPAHIANG = '[daerah]\njenis = "Kabupaten"\nnama = "Kepahiang"\n'


def _formulir(path: Path, daerah: str | None, opd: str = "Dinas Sosial") -> None:
    keys = [key for key, _ in STANDAR]
    rows = [dict(zip(keys, values, strict=False)) for values in BARIS_CONTOH]
    judul = ["EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH"]
    judul += [daerah] if daerah else []
    judul += [f"Perangkat Daerah : {opd}", "Tahun 2023"]
    tulis_formulir(path, judul, rows, STANDAR, teks_apa_adanya=True)


def test_workbook_daerah_lain_dari_pengaturan_tidak_dipakai(tmp_path: Path) -> None:
    (tmp_path / "pengaturan.toml").write_text(PENGATURAN_KEPAHIANG, encoding="utf-8")
    _formulir(tmp_path / "dinsos.xlsx", "KABUPATEN KEPAHIANG")
    _formulir(tmp_path / "lain.xlsx", "Kabupaten Rejang Lebong", "Dinas Kesehatan")
    kumpulan = kumpulkan(tmp_path)
    assert [lap.opd for lap in kumpulan.laporan] == ["Dinas Sosial"]
    assert kumpulan.berkas_gagal == ("lain.xlsx",)
    (problem,) = [p for p in kumpulan.masalah if p.kode == "daerah-beda-pengaturan"]
    assert problem.berkas == "lain.xlsx"
    assert "Kabupaten Rejang Lebong" in problem.pesan
    assert "Kabupaten Kepahiang" in problem.pesan


def test_dua_daerah_tanpa_pengaturan(tmp_path: Path) -> None:
    _formulir(tmp_path / "a.xlsx", "KABUPATEN KEPAHIANG")
    _formulir(tmp_path / "b.xlsx", "KOTA BENGKULU", "Dinas Kesehatan")
    kumpulan = kumpulkan(tmp_path)
    (problem,) = [p for p in kumpulan.masalah if p.kode == "daerah-ganda"]
    assert "Kabupaten Kepahiang (a.xlsx)" in problem.pesan
    assert "Kota Bengkulu (b.xlsx)" in problem.pesan
    assert kumpulan.identitas.ganda
    daerah = {lap.opd: lap.daerah.nama_lengkap for lap in kumpulan.laporan}
    assert daerah == {"Dinas Sosial": "Kabupaten Kepahiang", "Dinas Kesehatan": "Kota Bengkulu"}
    assert not [pk for pk in kumpulan.perjanjian if pk.bupati]
    pihak_kedua = {pk.instansi: pk.jabatan_kedua for pk in kumpulan.perjanjian}
    assert pihak_kedua == {
        "Dinas Sosial": "Bupati Kepahiang",
        "Dinas Kesehatan": "Wali Kota Bengkulu",
    }


def test_tanpa_daerah_kop_netral(tmp_path: Path) -> None:
    _formulir(tmp_path / "a.xlsx", None)
    kumpulan = kumpulkan(tmp_path)
    assert "daerah-tidak-diketahui" in {p.kode for p in kumpulan.masalah}
    (lap,) = kumpulan.laporan
    assert lap.daerah.nama_lengkap == ""
    (tugas,) = tugas_evaluasi(kumpulan.laporan, kumpulan.pengaturan)
    assert "PEMERINTAH" not in tugas.html
    assert "KEPAHIANG" not in tugas.html.upper()
    assert jabatan_kepala_daerah(Daerah()) == "Kepala Daerah"


def test_satu_daerah_dari_judul(tmp_path: Path) -> None:
    _formulir(tmp_path / "a.xlsx", "KABUPATEN REJANG LEBONG")
    kumpulan = kumpulkan(tmp_path)
    (problem,) = [p for p in kumpulan.masalah if p.kode == "daerah-dari-workbook"]
    assert "'Kabupaten Rejang Lebong'" in problem.pesan
    (tugas,) = tugas_evaluasi(kumpulan.laporan, kumpulan.pengaturan)
    assert "PEMERINTAH KABUPATEN REJANG LEBONG" in tugas.html


def test_logo_dan_alamat_pengaturan_tetap_dipakai_tanpa_nama(tmp_path: Path) -> None:
    """Settings that give the logo and address but not the name: the workbook names the
    region, the settings' letterhead details stay."""
    (tmp_path / "pengaturan.toml").write_text(
        '[daerah]\nalamat = "Jl. Contoh 1"\nlogo = "logo.svg"\n', encoding="utf-8"
    )
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', "utf-8")
    _formulir(tmp_path / "a.xlsx", "KABUPATEN REJANG LEBONG")
    kumpulan = kumpulkan(tmp_path)
    (lap,) = kumpulan.laporan
    assert (lap.daerah.nama_lengkap, lap.daerah.alamat) == (
        "Kabupaten Rejang Lebong",
        "Jl. Contoh 1",
    )
    assert lap.daerah.logo_url is not None
    (tugas,) = tugas_evaluasi(kumpulan.laporan, kumpulan.pengaturan)
    assert "data:image/svg+xml;base64," in tugas.html
