"""The Rencana Aksi sheet: recognised by its header, cumulative or per-quarter targets, each
value with its cell; a clerk's messy sheet reported by cell."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from openpyxl import Workbook

from kinerja_report.model import Nilai, Sumber
from kinerja_report.read.folder import baca_berkas


def _merged(path: Path, judul: list[str], rows: list[list[object]], sifat: bool = False) -> Path:
    """Header rows 6-7: 'Target Triwulan' and 'Rencana Anggaran per Triwulan (Rp)' merged
    over I..IV (the usual layout), optionally a 'Sifat Target' column P."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "RA"
    for r, teks in enumerate(judul, start=1):
        ws.cell(r, 1, teks)
    kepala = ["No", "Indikator Kinerja", "Satuan", "Target Tahun 2024", "Target Triwulan"]
    for c, teks in enumerate(kepala, start=1):
        ws.cell(6, c, teks)
    ws.cell(6, 9, "Rencana Anggaran per Triwulan (Rp)")
    ws.merge_cells("E6:H6")
    ws.merge_cells("I6:L6")
    for c in "ABCD":
        ws.merge_cells(f"{c}6:{c}7")
    for i, romawi in enumerate(("I", "II", "III", "IV")):
        ws.cell(7, 5 + i, romawi)
        ws.cell(7, 9 + i, romawi)
    if sifat:
        ws.cell(6, 13, "Sifat Target")
        ws.merge_cells("M6:M7")
    for r, row in enumerate(rows, start=8):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c, value)
    wb.save(path)
    return path


def _sel(berkas: str, sel: str, angka: float) -> Nilai:
    return Nilai(angka, sumber=Sumber(berkas, "RA", sel))


def test_kumulatif_menurut_catatan_judul(tmp_path: Path) -> None:
    judul = [
        "RENCANA AKSI PERJANJIAN KINERJA",
        "Perangkat Daerah : Dinas Kesehatan",
        "Tahun 2024",
        "Target triwulan diisi kumulatif (s.d. triwulan)",
    ]
    rows: list[list[object]] = [
        [1, "Persentase ibu hamil", "persen", 96, 20, 45, 70, 96, 1e8, 2.5e8, 4e8, 5e8],
        [2, "Jumlah posyandu aktif", "unit", 250, 60, 120, 180, 250],
    ]
    path = _merged(tmp_path / "ra.xlsx", judul, rows)
    isi = baca_berkas(path, PurePosixPath("ra.xlsx"))
    assert (isi.gagal, isi.masalah) == (False, [])
    (rencana,) = isi.rencana_aksi
    assert (rencana.opd, rencana.tahun, rencana.lembar) == ("Dinas Kesehatan", 2024, "RA")
    ibu, posyandu = rencana.indikator
    assert ibu.indikator == "Persentase ibu hamil"
    assert ibu.satuan == "persen"
    assert ibu.target == _sel("ra.xlsx", "D8", 96)
    assert ibu.target_triwulan == tuple(
        _sel("ra.xlsx", sel, v)
        for sel, v in zip(("E8", "F8", "G8", "H8"), (20, 45, 70, 96), strict=True)
    )
    assert [n.angka for n in ibu.anggaran_triwulan] == [1e8, 2.5e8, 4e8, 5e8]
    assert ibu.anggaran_triwulan[1].sumber == Sumber("ra.xlsx", "RA", "J8")
    assert (ibu.kumulatif, ibu.dasar_kumulatif) == (True, "judul")
    assert ibu.sumber_indikator == Sumber("ra.xlsx", "RA", "B8")
    assert [n.kosong for n in posyandu.anggaran_triwulan] == [True] * 4


def test_per_triwulan_menurut_kolom_sifat_dan_header_datar(tmp_path: Path) -> None:
    """One header row ('Target TW I'), the year from 'Tahun Anggaran', a per-quarter row
    and a cumulative one side by side."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Renaksi"
    ws["A1"] = "RENCANA AKSI TAHUN ANGGARAN 2025"
    ws["A2"] = "Perangkat Daerah : Dinas Sosial"
    kepala = ["Indikator", "Satuan", "Target", "Target TW I", "Target TW II", "Target TW III",
              "Target TW IV", "Sifat Target"]  # fmt: skip
    for c, teks in enumerate(kepala, start=1):
        ws.cell(4, c, teks)
    ws.append(["Jumlah PMKS yang diberdayakan", "orang", 80, 10, 30, 25, 15, "Per Triwulan"])
    ws.append(["Persentase PMKS tertangani", "persen", 90, 60, 70, 80, 90, "kumulatif"])
    wb.save(tmp_path / "renaksi.xlsx")
    isi = baca_berkas(tmp_path / "renaksi.xlsx", PurePosixPath("renaksi.xlsx"))
    assert isi.masalah == []
    (rencana,) = isi.rencana_aksi
    assert (rencana.opd, rencana.tahun) == ("Dinas Sosial", 2025)
    pmks, persen = rencana.indikator
    assert [n.angka for n in pmks.target_triwulan] == [10, 30, 25, 15]
    assert (pmks.kumulatif, pmks.dasar_kumulatif) == (False, "kolom")
    assert (persen.kumulatif, persen.dasar_kumulatif) == (True, "kolom")


def test_rencana_aksi_ketikan_juru_tulis(tmp_path: Path) -> None:
    """Indonesian text numbers, a dash, a 'Jumlah' row, an unknown 'Sifat Target', quarters
    that say nothing, and the year only in the file name: read, each reported by cell."""
    judul = ["RENCANA AKSI", "Perangkat Daerah : Dinas PUPR"]
    rows: list[list[object]] = [
        [1, "Panjang jalan  yang ditingkatkan", "km", "12,5", "2,5", "5", "8,5", "12,5",
         "Rp 1.250.000.000", "-", None, None, "ya"],
        [2, "Jumlah jembatan yang dibangun", "unit", "4", "1", "1", "3", "2",
         None, None, None, None, "bertahap"],
        [None, "Jumlah", None, None, None, None, None, None, "1.250.000.000"],
    ]  # fmt: skip
    path = _merged(tmp_path / "Renaksi PUPR 2024.xlsx", judul, rows, sifat=True)
    isi = baca_berkas(path, PurePosixPath("Renaksi PUPR 2024.xlsx"))
    (rencana,) = isi.rencana_aksi
    assert rencana.tahun == 2024
    jalan, jembatan = rencana.indikator  # the 'Jumlah' row is no indicator
    assert jalan.indikator == "Panjang jalan yang ditingkatkan"
    assert [n.angka for n in jalan.target_triwulan] == [2.5, 5, 8.5, 12.5]
    assert jalan.anggaran_triwulan[0].angka == 1_250_000_000
    assert jalan.anggaran_triwulan[1].strip
    assert (jalan.kumulatif, jalan.dasar_kumulatif) == (True, "kolom")
    # 'bertahap' is no known rule; 1+1+3+2 = 7 and TW IV 2 are not the target 4
    assert (jembatan.kumulatif, jembatan.dasar_kumulatif) == (True, "bawaan")
    found = sorted((p.kode, p.sel) for p in isi.masalah)
    assert found == [
        ("rencana-aksi-sifat-tidak-dikenal", "M9"),
        ("rencana-aksi-sifat-tidak-jelas", "E9"),
        ("tahun-dari-folder", ""),
    ]


def test_sifat_dari_angka(tmp_path: Path) -> None:
    """No column, no note: TW IV equal to the year's target is cumulative, quarters adding
    up to it are per quarter."""
    judul = ["RENCANA AKSI", "Perangkat Daerah : Dinas Sosial", "Tahun 2024"]
    rows: list[list[object]] = [
        [1, "Jumlah bantuan sosial tersalur", "paket", 100, 20, 50, 80, 100],
        [2, "Jumlah pendamping dilatih", "orang", 40, 10, 10, 10, 10],
    ]
    isi = baca_berkas(_merged(tmp_path / "ra.xlsx", judul, rows), PurePosixPath("ra.xlsx"))
    assert isi.masalah == []
    bansos, pendamping = isi.rencana_aksi[0].indikator
    assert (bansos.kumulatif, bansos.dasar_kumulatif) == (True, "angka")
    assert (pendamping.kumulatif, pendamping.dasar_kumulatif) == (False, "angka")
