"""The PK year: PKs from a Renja/DPA form with targets only (January), then a Perjanjian
Kinerja Perubahan when targets or pagu change, the signed PK kept; a small folder written
with openpyxl, three builds into one output folder."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from kinerja_report.pipeline import HasilBuild, build
from kinerja_report.settings import BULAN, Pengaturan
from tests.fixtures.formulir import STANDAR, tulis_formulir
from tests.pdf_teks import teks_pdf

OPD = "Badan Perencanaan Pembangunan Daerah"
UNIT = ("unit", ("Unit PD Penanggung Jawab",))
LIBUR = ["2025-01-02", "2025-01-03", "2025-10-01"]
PENGATURAN = f"""
[daerah]
jenis = "Kabupaten"
nama = "Kepahiang"
provinsi = "Bengkulu"
ibu_kota = "Kepahiang"

[dokumen]
hari_libur = {LIBUR!r}
""".replace("'", '"')


def _formulir(folder: Path, target: float, pagu: float) -> None:
    """A Renja/DPA form of 2025 as a clerk fills it in January: targets and pagu, the
    realisation columns empty."""
    rows = [
        {"no": 1, "sasaran": "Meningkatnya kualitas perencanaan pembangunan", "kode": "5.01.02",
         "uraian": "PROGRAM PERENCANAAN PEMBANGUNAN DAERAH",
         "indikator": "Persentase dokumen perencanaan tepat waktu", "satuan": "persen",
         "t": target, "t_rp": pagu, "unit": "Bidang Perencanaan"},
        {"no": 2, "kode": "5.01.02.2.01", "uraian": "Penyusunan Dokumen Perencanaan",
         "indikator": "Jumlah dokumen RKPD", "satuan": "dokumen", "t": 1, "t_rp": pagu,
         "unit": "Bidang Perencanaan"},
        {"no": 3, "kode": "5.01.02.2.01.0001", "uraian": "Penyusunan RKPD",
         "indikator": "Jumlah dokumen RKPD yang ditetapkan", "satuan": "dokumen", "t": 1,
         "t_rp": pagu, "unit": "Sub Bidang Program"},
    ]  # fmt: skip
    judul = ["RENJA PERANGKAT DAERAH", "KABUPATEN KEPAHIANG", f"Perangkat Daerah : {OPD}",
             "Tahun 2025"]  # fmt: skip
    tulis_formulir(folder / "renja-bappeda-2025.xlsx", judul, rows, [*STANDAR, UNIT])


def _matriks(folder: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "IKD"
    ws.append(["MATRIKS INDIKATOR KINERJA DAERAH RPJMD KABUPATEN KEPAHIANG 2021-2026"])
    ws.append([])
    ws.append(["No", "Tujuan", "Sasaran", "Indikator", "Satuan", "Tahun 2025", None,
               "Perangkat Daerah Penanggung Jawab"])  # fmt: skip
    ws.append([None, None, None, None, None, "Target", "Realisasi", None])
    ws.append([1, "Meningkatkan tata kelola", "Meningkatnya akuntabilitas kinerja",
               "Nilai SAKIP", "predikat", "A", None, OPD])  # fmt: skip
    for rng in ("A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:G3", "H3:H4"):
        ws.merge_cells(rng)
    wb.save(folder / "matriks-rpjmd.xlsx")


def _penandatangan(folder: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["DAFTAR PENANDATANGAN PERJANJIAN KINERJA"])
    ws.append([])
    ws.append(["No", "Tahun", "Perangkat Daerah", "Jabatan", "Nama", "NIP", "Pangkat/Golongan"])
    ws.append([1, None, "Bupati", "Bupati Kepahiang", "Contoh Bupati, S.H.", None, None])
    ws.append([2, None, OPD, f"Kepala {OPD}", "Contoh Kepala, S.E.",
               "197001012000031001", "Pembina Utama Muda, IV/c"])  # fmt: skip
    ws.append([3, None, OPD, "Kepala Bidang Perencanaan", "Contoh Kabid, S.T.",
               "198001012005011002", "Pembina, IV/a"])  # fmt: skip
    ws.append([4, None, OPD, "Kepala Sub Bidang Program", "Contoh Kasubid, S.Kom.",
               "199001012015031003", "Penata, III/c"])  # fmt: skip
    wb.save(folder / "penandatangan.xlsx")


TigaBuild = tuple[Path, list[HasilBuild], list[dict[str, bytes]]]
"""The output folder, the three builds' results and the PK files after each."""


@pytest.fixture(scope="module")
def tiga_build(tmp_path_factory: pytest.TempPathFactory) -> TigaBuild:
    """Build 1 from January's targets; build 2 after the APBD Perubahan (a target and the
    pagu changed); build 3 of the same folder again. The PK files after each build."""
    root = tmp_path_factory.mktemp("pk-tahunan")
    masukan, keluaran = root / "masukan", root / "keluaran"
    masukan.mkdir()
    (masukan / "pengaturan.toml").write_text(PENGATURAN, encoding="utf-8")
    _matriks(masukan)
    _penandatangan(masukan)
    hasil, berkas = [], []
    for target, pagu in ((100, 500_000_000), (90, 650_000_000), (90, 650_000_000)):
        _formulir(masukan, target, pagu)
        hasil.append(build(masukan, keluaran, pekerja=1))
        folder = keluaran / "2025" / "perjanjian-kinerja"
        berkas.append(
            {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.pdf")}
        )
    return keluaran, hasil, berkas


def _tanggal(teks: str) -> list[date]:
    """Every 'd Bulan yyyy' date of a text."""
    bulan = [b.capitalize() for b in BULAN]
    pola = re.compile(r"\b(\d{1,2}) (" + "|".join(bulan) + r") (\d{4})\b")
    return [date(int(y), bulan.index(m) + 1, int(d)) for d, m, y in pola.findall(teks)]


PK_JANUARI = {
    "badan-perencanaan-pembangunan-daerah.pdf",
    "bupati.pdf",
    "badan-perencanaan-pembangunan-daerah/kepala-bidang-perencanaan.pdf",
    "badan-perencanaan-pembangunan-daerah/kepala-sub-bidang-program.pdf",
}


def test_pk_januari_dari_target_saja(
    tiga_build: TigaBuild,
) -> None:
    keluaran, hasil, berkas = tiga_build
    kumpulan = hasil[0].kumpulan
    assert set(berkas[0]) == PK_JANUARI
    kode = [p.kode for p in kumpulan.masalah]
    assert "target-tidak-terhitung" not in kode  # nothing is missing in January
    assert kode.count("pk-dari-target") == 1
    assert kumpulan.laporan == ()
    assert len(kumpulan.rencana) == 1
    # no capaian document prints empty capaian as if it were 0 %
    tertulis = {p.relative_to(keluaran).as_posix() for p in hasil[0].berkas_keluaran}
    assert not any(re.match(r"2025/(evaluasi|verifikasi|lkjip)/", p) for p in tertulis)
    opd = teks_pdf(berkas[0]["badan-perencanaan-pembangunan-daerah.pdf"])
    assert "PERJANJIAN KINERJA TAHUN 2025" in opd
    assert "Persentase dokumen perencanaan tepat waktu 100 persen" in opd
    assert "Rp 500.000.000" in opd
    assert "Contoh Kepala, S.E." in opd
    assert "Contoh Bupati, S.H." in opd
    assert "Nilai SAKIP A predikat" in teks_pdf(berkas[0]["bupati.pdf"])
    kasubid = teks_pdf(
        berkas[0]["badan-perencanaan-pembangunan-daerah/kepala-sub-bidang-program.pdf"]
    )
    assert "Jumlah dokumen RKPD yang ditetapkan 1 dokumen" in kasubid
    assert "NIP. 19800101 200501 1 002" in kasubid  # pihak kedua, the Kepala Bidang
    libur = {date.fromisoformat(d) for d in LIBUR}
    for nama, isi in berkas[0].items():
        dates = _tanggal(teks_pdf(isi))
        assert dates, nama
        assert set(dates) == {date(2025, 1, 6)}, nama  # 2 and 3 January are listed holidays
        assert all(d.weekday() < 5 and d not in libur for d in dates), nama


def test_pk_perubahan_menyebut_yang_berubah(
    tiga_build: TigaBuild,
) -> None:
    _, hasil, berkas = tiga_build
    baru = set(berkas[1]) - set(berkas[0])
    assert baru == {
        "badan-perencanaan-pembangunan-daerah-perubahan.pdf",
        "badan-perencanaan-pembangunan-daerah/kepala-bidang-perencanaan-perubahan.pdf",
        "badan-perencanaan-pembangunan-daerah/kepala-sub-bidang-program-perubahan.pdf",
        "bupati-perubahan.pdf",  # its table 2 lists every OPD's programmes with their pagu
    }
    for nama in PK_JANUARI:  # signed: never written again with other numbers
        assert berkas[1][nama] == berkas[0][nama], nama
    teks = teks_pdf(berkas[1]["badan-perencanaan-pembangunan-daerah-perubahan.pdf"])
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025" in teks
    assert "mengubah Perjanjian Kinerja Tahun 2025 tanggal 6 Januari 2025" in teks
    assert "Target Persentase dokumen perencanaan tepat waktu (persen) 100 90" in teks, teks
    assert (
        "Anggaran 5.01.02 PROGRAM PERENCANAAN PEMBANGUNAN DAERAH Rp 500.000.000 Rp 650.000.000"
        in teks
    )
    # dated from 1 October, moved past the listed holiday
    assert "Kepahiang, 2 Oktober 2025" in teks
    kode = [p.kode for p in hasil[1].kumpulan.masalah]
    assert kode.count("pk-perubahan") == 4
    bupati = teks_pdf(berkas[1]["bupati-perubahan.pdf"])
    perubahan = bupati.split("Perubahan terhadap")[1].split("1. Sasaran")[0]
    assert "Nilai SAKIP" not in perubahan  # its RPJMD target is the same
    assert f"PROGRAM PERENCANAAN PEMBANGUNAN DAERAH ({OPD}) Rp 500.000.000 Rp 650.000.000" in (
        perubahan
    )  # on the Bupati's PK each programme names its OPD


def test_build_ketiga_tanpa_perubahan_tidak_menulis_yang_baru(
    tiga_build: TigaBuild,
) -> None:
    keluaran, hasil, berkas = tiga_build
    assert berkas[2] == berkas[1]
    assert "pk-perubahan" not in [p.kode for p in hasil[2].kumpulan.masalah]
    with sqlite3.connect(keluaran / "kinerja.sqlite") as conn:
        rows = conn.execute(
            "SELECT b.id, COUNT(p.versi) FROM build b "
            "LEFT JOIN perjanjian_kinerja p ON p.build_id = b.id GROUP BY b.id ORDER BY b.id"
        ).fetchall()
    assert [n for _, n in rows] == [4, 4, 0]  # January's four, four Perubahan, nothing


def test_tanggal_perubahan_dari_pengaturan() -> None:
    pengaturan = Pengaturan(hari_libur=frozenset({date(2025, 10, 1)}))
    assert pengaturan.tanggal_perjanjian_perubahan(2025) == date(2025, 10, 2)
    # never before the PK it changes: the next working day after it
    assert pengaturan.tanggal_perjanjian_perubahan(2025, date(2025, 10, 10)) == date(2025, 10, 13)
