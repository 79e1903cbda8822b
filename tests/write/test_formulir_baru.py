"""'kinerja template': next year's E.81 workbook; round trip generate, fill, check, build."""

from __future__ import annotations

import copy
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
    berkas.write_bytes(templat_e81("bappeda", 2024, masukan).isi)
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
        ["template", str(masukan), "--opd", "bappeda", "--tahun", "2024", "--out", str(berkas)],
    )
    assert result.exit_code == 0, result.output
    # the OPD's name as the folder has it, not the fragment typed
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
    wb = openpyxl.load_workbook(__import__("io").BytesIO(templat_e81("Dinas Sosial", 2025).isi))
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


RUMUS_JAHAT = ('=HYPERLINK("http://contoh.invalid","Klik")', "=cmd|' /C calc'!A0")


def test_teks_berawalan_sama_dengan_tetap_teks(tmp_path: Path) -> None:
    """An indicator or uraian the OPD typed as '=…' comes out as text in the form Bappeda
    sends to every OPD, never a live formula; so do settings texts (the signing place)."""
    folder = tmp_path / "in"
    baris = copy.deepcopy(BARIS_CONTOH)  # the third row: kegiatan and its indicator
    baris[2][3], baris[2][4] = RUMUS_JAHAT[1], RUMUS_JAHAT[0]  # stored as text, as typed
    buat_evaluasi(folder / "bappeda-2023.xlsx", "Bappeda", 2023, baris)
    (folder / "pengaturan.toml").write_text(
        f'[dokumen]\ntempat_penandatanganan = "{RUMUS_JAHAT[1]}"\n', encoding="utf-8"
    )
    berkas = tmp_path / "baru.xlsx"
    berkas.write_bytes(templat_e81("Bappeda", 2024, folder).isi)
    ws = openpyxl.load_workbook(berkas).worksheets[0]
    assert [ws["D12"].value, ws["E12"].value] == [RUMUS_JAHAT[1], RUMUS_JAHAT[0]]
    teks = [sel for row in ws.iter_rows() for sel in row if sel.value in RUMUS_JAHAT]
    assert len(teks) == 2
    assert all(sel.data_type == "s" for sel in teks)
    with zipfile.ZipFile(berkas) as arsip:
        lembar = arsip.read("xl/worksheets/sheet1.xml").decode("utf-8")
    rumus = re.findall(r"<f>(.*?)</f>", lembar)
    assert rumus  # our own formulas, columns 13-15
    assert not any("HYPERLINK" in f or "cmd" in f for f in rumus)
    assert '<is><t>=HYPERLINK("http://contoh.invalid","Klik")</t></is>' in lembar  # text


def test_tempat_dengan_sama_dengan_tidak_menjadi_rumus(tmp_path: Path) -> None:
    from kinerja_report.write.formulir_baru import FormulirBaru, workbook_e81

    data = workbook_e81(FormulirBaru("=1+1", 2025, "=2+2", RUMUS_JAHAT[1], 2026, ()))
    ws = openpyxl.load_workbook(__import__("io").BytesIO(data)).worksheets[0]
    teks = {sel.value: sel.data_type for row in ws.iter_rows() for sel in row if sel.value}
    assert teks["=2+2"] == "s"
    assert teks[f"{RUMUS_JAHAT[1]}, .................................... 2026"] == "s"
    assert teks["Kepala =1+1"] == "s"


def _template(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["template", *args])
    return result.exit_code, result.output


def test_out_yang_sudah_ada_tidak_ditimpa_tanpa_timpa(masukan: Path, tmp_path: Path) -> None:
    berkas = tmp_path / "ada.xlsx"
    berkas.write_bytes(b"berkas pengguna")
    kode, keluaran = _template("--opd", "Dinas Sosial", "--tahun", "2025", "--out", str(berkas))
    assert kode == 2, keluaran
    assert f"berkas '{berkas}' sudah ada" in keluaran
    assert "--timpa" in keluaran
    assert berkas.read_bytes() == b"berkas pengguna"
    args = ("--opd", "Dinas Sosial", "--tahun", "2025", "--out", str(berkas), "--timpa")
    kode, keluaran = _template(*args)
    assert kode == 0, keluaran
    assert openpyxl.load_workbook(berkas).worksheets[0]["A3"].value == (
        "Perangkat Daerah : Dinas Sosial"
    )


def test_out_workbook_masukan_selalu_ditolak(masukan: Path) -> None:
    workbook = masukan / "bappeda-2023.xlsx"
    sebelum = workbook.read_bytes()
    for timpa in ([], ["--timpa"]):
        args = [str(masukan), "--opd", "Bappeda", "--tahun", "2024", "--out", str(workbook)]
        kode, keluaran = _template(*args, *timpa)
        assert kode == 2, keluaran
        assert "adalah berkas di folder masukan" in keluaran
        assert workbook.read_bytes() == sebelum


@pytest.mark.parametrize("tahun", ["0", "-5", "1" + "0" * 30, "1999", "2101"])
def test_tahun_di_luar_rentang_ditolak(tmp_path: Path, tahun: str) -> None:
    berkas = tmp_path / "x.xlsx"
    kode, keluaran = _template("--opd", "Bappeda", "--tahun", tahun, "--out", str(berkas))
    assert kode == 2, keluaran
    assert "tahun harus antara 2000 dan 2100" in keluaran
    assert not berkas.exists()


@pytest.mark.parametrize("opd", ["Bappeda\x1b[31m", "Dinas\nSosial", "Dinas\x00Sosial"])
def test_opd_dengan_karakter_kendali_exit_2(tmp_path: Path, opd: str) -> None:
    berkas = tmp_path / "x.xlsx"
    kode, keluaran = _template("--opd", opd, "--tahun", "2025", "--out", str(berkas))
    assert kode == 2, keluaran
    assert "berisi karakter kendali" in keluaran
    assert "Galat tak terduga" not in keluaran
    assert not berkas.exists()


def test_template_dengan_path_relatif(masukan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from a working directory, as users do: input folder and output file relative."""
    monkeypatch.chdir(masukan.parent)
    args = ["in", "--opd", "Bappeda", "--tahun", "2024", "--out", "formulir/bappeda-2024.xlsx"]
    kode, keluaran = _template(*args)
    assert kode == 0, keluaran
    berkas = masukan.parent / "formulir" / "bappeda-2024.xlsx"
    assert openpyxl.load_workbook(berkas).worksheets[0]["E10"].value == (
        "Persentase dokumen perencanaan tepat waktu"
    )
    assert _template(*args)[0] == 2  # now it exists
    assert _template(*args, "--timpa")[0] == 0


def test_opd_bappeda_dengan_nama_lengkap_dicari_dengan_singkatan(tmp_path: Path) -> None:
    """'--opd Bappeda' finds the form of 'Badan Perencanaan Pembangunan Daerah' (a new user
    typed it so on sample_data and got opd-tidak-ditemukan)."""
    folder = tmp_path / "in"
    nama = "Badan Perencanaan Pembangunan Daerah"
    buat_evaluasi(folder / "bappeda-2023.xlsx", nama, 2023, BARIS_CONTOH)
    buat_evaluasi(folder / "dinsos-2023.xlsx", "Dinas Sosial", 2023, BARIS_CONTOH)
    berkas = tmp_path / "bappeda-2024.xlsx"
    berkas.write_bytes(templat_e81("Bappeda", 2024, folder).isi)
    ws = openpyxl.load_workbook(berkas).worksheets[0]
    assert ws["A3"].value == f"Perangkat Daerah : {nama}"
