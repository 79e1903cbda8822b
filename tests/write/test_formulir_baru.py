"""'kinerja template': next year's E.81 workbook; round trip generate, fill, check, build."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from kinerja_report.cli import main
from kinerja_report.errors import OpdTidakDitemukan
from kinerja_report.pipeline import build, kumpulkan, templat_e81
from kinerja_report.problems import Tingkat
from tests.builders import BARIS_CONTOH, buat_evaluasi

_JUMLAH = re.compile(r"^([A-Z]+\d+)(\+[A-Z]+\d+)+$")
_BAGI = re.compile(r'^IF\(N\(([A-Z]+\d+)\)=0,"-",([A-Z]+\d+)/\1\*100\)$')


def _hitung_ulang(path: Path) -> None:
    """What Excel does on saving: store each formula's value beside it (openpyxl cannot)."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    nilai: dict[str, float | str] = {}

    def angka(ref: str) -> float:
        isi = nilai.get(ref, ws[ref].value)
        return float(isi) if isinstance(isi, int | float) else 0.0

    for row in ws.iter_rows(min_row=10):
        for sel in row:  # left to right: U, V before W, X before Y, Z
            rumus = sel.value
            if not (isinstance(rumus, str) and rumus.startswith("=")):
                continue
            teks = rumus[1:]
            if _JUMLAH.match(teks):
                nilai[sel.coordinate] = sum(angka(ref) for ref in teks.split("+"))
            elif found := _BAGI.match(teks):
                penyebut = angka(found[1])
                nilai[sel.coordinate] = angka(found[2]) / penyebut * 100 if penyebut else "-"
    with zipfile.ZipFile(path) as asal:
        anggota = {info.filename: asal.read(info) for info in asal.infolist()}
    xml = anggota["xl/worksheets/sheet1.xml"].decode("utf-8")
    for ref, isi in nilai.items():
        pola = re.compile(rf'<c r="{ref}"([^>]*)><f>([^<]*)</f>(?:<v\s*/>|<v></v>)')
        tipe = ' t="str"' if isinstance(isi, str) else ""
        xml, n = pola.subn(
            lambda m, r=ref, t=tipe, v=isi: f'<c r="{r}"{m[1]}{t}><f>{m[2]}</f><v>{v}</v>', xml
        )
        assert n == 1, ref
    anggota["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as tujuan:
        for nama, isi in anggota.items():
            tujuan.writestr(nama, isi)


def _isi(path: Path) -> None:
    """An OPD fills the year's targets and quarters, the narrative and the signature date."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for r in range(10, ws.max_row + 1):
        if not ws[f"E{r}"].value:
            continue
        ws[f"K{r}"], ws[f"L{r}"] = 100, 400_000_000
        for kol_k, kol_rp in (("M", "N"), ("O", "P"), ("Q", "R"), ("S", "T")):
            ws[f"{kol_k}{r}"], ws[f"{kol_rp}{r}"] = 25, 100_000_000
    for r in range(10, ws.max_row + 1):
        teks = str(ws[f"U{r}"].value or "")
        if teks.startswith("Kepahiang,"):
            ws[f"U{r}"] = "Kepahiang, 12 Januari 2025"
        elif teks.startswith("( ...."):
            ws[f"U{r}"] = "Ir. Contoh Pejabat, M.T."
        elif teks.startswith("NIP. ...."):
            ws[f"U{r}"] = "NIP. 19700101 199503 1 001"
    wb.save(path)


@pytest.fixture(scope="module")
def masukan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "in"
    buat_evaluasi(folder / "bappeda-2023.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    (folder / "pengaturan.toml").write_text(
        '[daerah]\njenis = "Kabupaten"\nnama = "Kepahiang"\nibu_kota = "Kepahiang"\n',
        encoding="utf-8",
    )
    return folder


def test_formulir_terisi_dari_tahun_lalu_dan_terkunci(masukan: Path, tmp_path: Path) -> None:
    berkas = tmp_path / "bappeda-2024.xlsx"
    berkas.write_bytes(templat_e81("bappeda", 2024, masukan))
    wb = openpyxl.load_workbook(berkas)
    ws, petunjuk = wb.worksheets
    assert petunjuk.title == "Petunjuk Pengisian"
    assert [ws[f"A{r}"].value for r in range(1, 5)] == [
        "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
        "KABUPATEN KEPAHIANG",
        "Perangkat Daerah : Bappeda",
        "Periode Pelaksanaan : Triwulan I s.d. IV Tahun 2024",
    ]
    rows = [[ws.cell(r, c).value for c in (1, 3, 4, 5, 6)] for r in (10, 11, 12)]
    assert rows == [
        [1, "5.01.02", "PROGRAM PERENCANAAN PEMBANGUNAN DAERAH",
         "Persentase dokumen perencanaan tepat waktu", "persen"],
        [None, None, None, "Jumlah forum konsultasi publik", "kali"],
        [2, "5.01.02.2.01", "Penyusunan Dokumen Perencanaan", "Jumlah dokumen RKPD", "dokumen"],
    ]  # fmt: skip
    assert (ws["U10"].value, ws["W10"].value, ws["Y10"].value) == (
        "=M10+O10+Q10+S10",
        "=I10+U10",
        '=IF(N(G10)=0,"-",W10/G10*100)',
    )
    assert ws.protection.sheet
    assert ws["U10"].protection.locked
    assert ws["A6"].protection.locked
    assert not ws["K10"].protection.locked
    assert not ws["AB10"].protection.locked
    (validasi,) = ws.data_validations.dataValidation
    assert (validasi.type, validasi.errorStyle, str(validasi.sqref)) == (
        "decimal",
        "stop",
        "G10:T17",
    )
    assert validasi.error.startswith("Isi sel ini dengan angka saja")


def test_putaran_penuh_buat_isi_periksa_build(masukan: Path, tmp_path: Path) -> None:
    folder = tmp_path / "2024"
    folder.mkdir()
    berkas = folder / "bappeda-2024.xlsx"
    result = CliRunner().invoke(
        main,
        ["template", str(masukan), "--opd", "Bappeda", "--tahun", "2024", "--out", str(berkas)],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Formulir E.81 2024 untuk Bappeda ditulis di {berkas}\n"
    _isi(berkas)
    _hitung_ulang(berkas)
    kumpulan = kumpulkan(folder)
    milik = [(p.kode, p.sel) for p in kumpulan.masalah if p.berkas == "bappeda-2024.xlsx"]
    assert milik == [("penandatangan-dari-formulir", "U31")]  # info: no signatories list here
    assert kumpulan.jumlah(Tingkat.GALAT) == 0
    (laporan,) = kumpulan.laporan
    assert (laporan.opd, laporan.tahun) == ("Bappeda", 2024)
    assert [row.realisasi.angka for row in laporan.baris] == [100, 100, 100]
    assert [row.capaian.persen for row in laporan.baris] == [100, 100, 100]
    hasil = build(folder, tmp_path / "out", pekerja=1)
    assert hasil.berhasil
    assert (tmp_path / "out" / "2024" / "evaluasi" / "bappeda.pdf").is_file()


def test_formulir_kosong_dan_opd_tidak_ada(masukan: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(__import__("io").BytesIO(templat_e81("Dinas Sosial", 2025)))
    ws = wb.worksheets[0]
    assert ws["A3"].value == "Perangkat Daerah : Dinas Sosial"
    assert all(ws[f"E{r}"].value is None for r in range(10, 25))
    with pytest.raises(OpdTidakDitemukan) as info:
        templat_e81("Dinas Sosial", 2025, masukan)
    assert info.value.masalah.pesan == (
        "Perangkat daerah 'Dinas Sosial' tidak ada di folder masukan atau namanya cocok dengan "
        "lebih dari satu; tulis nama lengkapnya. Yang ada: Bappeda"
    )
    result = CliRunner().invoke(
        main, ["template", "--opd", "x", "--tahun", "2025", "--out", str(tmp_path / "x.pdf")]
    )
    assert result.exit_code == 2
    assert "nama berkas harus berakhiran .xlsx" in result.stderr
