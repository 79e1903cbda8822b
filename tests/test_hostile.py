"""Hostile and broken files beside a good workbook: named, reported, never a crash.

The fuzz test feeds random cell values and sheet shapes through the whole read-check-compute
path: the invariant is no exception and every problem located (file, and for data problems
the sheet and cell).
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from kinerja_report.cli import main
from kinerja_report.errors import alasan_isi
from kinerja_report.pipeline import kumpulkan
from kinerja_report.problems import Tingkat
from kinerja_report.read.folder import baca_berkas
from tests.builders import BARIS_CONTOH, buat_evaluasi, ganti_di_anggota


def _bom_zip(path: Path, ukuran_mb: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"0" * (1024 * 1024)
            for _ in range(ukuran_mb):
                member.write(chunk)


def _entitas(path: Path) -> None:
    wb = Workbook()
    wb.save(path)
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    members["xl/worksheets/sheet1.xml"] = sheet.replace(
        "<worksheet", '<!DOCTYPE x [<!ENTITY e "boom">]><worksheet', 1
    ).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)


def _terpotong(path: Path, good: Path) -> None:
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])


HOSTILE = {
    "kosong.xlsx": ("berkas-kosong", lambda p, g: p.write_bytes(b"")),
    "laporan.xlsx": ("bukan-excel", lambda p, g: p.write_bytes(b"%PDF-1.7\n%...")),
    "data.xlsx": ("bukan-excel", lambda p, g: p.write_text("a;b;c\n1;2;3\n", encoding="utf-8")),
    "terpotong.xlsx": ("berkas-terpotong", _terpotong),
    "dokumen.xlsx": ("bukan-xlsx", lambda p, g: zipfile.ZipFile(p, "w").writestr("word/x", "")),
    "terenkripsi.xlsx": (
        "berkas-terenkripsi",
        lambda p, g: p.write_bytes(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 500
            + "EncryptionInfo".encode("utf-16-le")
            + b"\0" * 500
        ),
    ),
    "bom.xlsx": ("workbook-terlalu-besar", lambda p, g: _bom_zip(p, 300)),
    "entitas.xlsx": ("berkas-tidak-terbaca", lambda p, g: _entitas(p)),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_berkas_jahat_di_samping_workbook_baik(tmp_path: Path, name: str) -> None:
    masukan = tmp_path / "in"
    good = buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    kode, make = HOSTILE[name]
    make(masukan / name, good)
    result = CliRunner().invoke(
        main, ["build", str(masukan), "--out", str(tmp_path / "out"), "--jobs", "1"]
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"[{kode}] {name}:" in result.stderr
    assert "1 gagal" in result.stdout
    assert (tmp_path / "out" / "2023" / "evaluasi" / "bappeda.pdf").is_file()


def test_pesan_entitas_xml_dalam_bahasa_indonesia(tmp_path: Path) -> None:
    _entitas(tmp_path / "entitas.xlsx")
    (problem,) = kumpulkan(tmp_path).masalah[1:]
    assert problem.kode == "berkas-tidak-terbaca"
    assert "entitas XML" in problem.pesan


def test_batas_workbook_dari_pengaturan(tmp_path: Path) -> None:
    (tmp_path / "pengaturan.toml").write_text(
        "[batas_workbook]\nukuran_isi_mb = 5\nrasio_kompresi = 50\n", encoding="utf-8"
    )
    _bom_zip(tmp_path / "sedang.xlsx", 8)
    problems = kumpulkan(tmp_path).masalah
    assert [p.kode for p in problems] == ["workbook-terlalu-besar"]
    assert "5 MB" in problems[0].pesan


NILAI_SEL = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40),
    st.sampled_from(
        [
            "-",
            " ",
            "#DIV/0!",
            "#REF!",
            "1.234,5",
            "2.240",
            "Rp. 1.000,-",
            "12,5 %",
            "WTP",
            "=1+1",
            "1. a 2. b",
            "Jumlah",
            "Perangkat Daerah : X",
            "Faktor pendorong",
            "80-90",
            "X.XX.01 Program",
            "1.02.02.2.01",
        ]
    ),
)


TENTANG_FOLDER = {
    "pengaturan-tidak-ada",  # the settings file is not in the workbook
    "penandatangan-tidak-ada",  # nor the signatories list
    "daerah-dari-workbook",  # the region of the whole folder
    "daerah-tidak-diketahui",
    "pk-tidak-dibuat",  # the Bupati's PK: regency-wide
}
"""Problems about the folder as a whole, not about a place in the workbook."""
TENTANG_LEMBAR = {"opd-tahun-ganda", "pk-tidak-dibuat", "periode-tidak-diketahui"}
"""Problems about a whole sheet: file and sheet, no cell."""


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.lists(NILAI_SEL, min_size=0, max_size=20), min_size=0, max_size=12),
    st.sets(st.integers(10, 22), max_size=3),
)
def test_fuzz_tanpa_traceback_semua_masalah_berlokasi(
    tmp_path: Path, rows: list[list[object]], hidden: set[int]
) -> None:
    folder = tmp_path / "fuzz"
    shutil.rmtree(folder, ignore_errors=True)
    buat_evaluasi(folder / "acak.xlsx", "Dinas Acak", 2023, rows, sembunyikan=sorted(hidden))
    kumpulan = kumpulkan(folder)
    for problem in kumpulan.masalah:
        if problem.kode in TENTANG_FOLDER:
            continue
        assert problem.berkas == "acak.xlsx", problem
        if problem.tingkat is not Tingkat.INFO and problem.kode not in TENTANG_LEMBAR:
            assert problem.lembar == "Evaluasi Renja", problem
            assert problem.sel, problem


KATA_HEADER = st.sampled_from(
    [
        "No",
        "Kode",
        "Indikator",
        "Satuan",
        "Target",
        "Realisasi",
        "Triwulan",
        "I",
        "II",
        "K",
        "Rp",
        "Tahun 2023",
        "Sasaran",
        "Realisasi Kinerja Pada Triwulan",
        "Tahun",
        "Nama",
        "NIP",
        "Target Renja",
        "13 = 9 + 10 + 11 + 12",
        "UHH",
        "HLS",
    ]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.tuples(st.integers(1, 25), st.integers(1, 30)),
        st.one_of(NILAI_SEL, KATA_HEADER),
        max_size=80,
    ),
    st.lists(
        st.tuples(st.integers(1, 25), st.integers(1, 30), st.integers(0, 3), st.integers(0, 3)),
        max_size=6,
    ),
)
def test_fuzz_bentuk_lembar_bebas(
    tmp_path: Path, cells: dict[tuple[int, int], object], merges: list[tuple[int, int, int, int]]
) -> None:
    folder = tmp_path / "bebas"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for (row, col), value in cells.items():
        cell = ws.cell(row=row, column=col, value=value)  # type: ignore[arg-type]
        if isinstance(value, str):
            cell.data_type = "s"
    taken: set[tuple[int, int]] = set()
    for row, col, down, right in merges:
        area = {(r, c) for r in range(row, row + down + 1) for c in range(col, col + right + 1)}
        if (down or right) and not area & taken:
            taken |= area
            ws.merge_cells(
                start_row=row, start_column=col, end_row=row + down, end_column=col + right
            )
    wb.save(folder / "bebas.xlsx")
    kumpulan = kumpulkan(folder)
    for problem in kumpulan.masalah:
        if problem.kode not in TENTANG_FOLDER:
            assert problem.berkas == "bebas.xlsx", problem


def test_sel_berformat_jauh_di_bawah_tidak_dijelajahi(tmp_path: Path) -> None:
    """A formatted empty cell at row 1.000.000 must not make the reader walk every row."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    from kinerja_report.read.workbook import baca_lembar

    path = buat_evaluasi(tmp_path / "x.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws.cell(row=1_000_000, column=200).font = Font(bold=True)
    wb.save(path)
    (lembar,) = baca_lembar(path, "x.xlsx")
    assert (lembar.jumlah_baris, lembar.jumlah_kolom) == (12, 18)


def test_matriks_rpjmd_ganda_tidak_crash(tmp_path: Path) -> None:
    from tests.conftest import SAMPLE_DATA

    for name in ("a.xlsx", "b.xlsx"):
        shutil.copy(SAMPLE_DATA / "rpjmd" / "matriks-ikd-rpjmd-2021-2026.xlsx", tmp_path / name)
    kumpulan = kumpulkan(tmp_path)
    ipm_2024 = [
        r
        for r in kumpulan.baris_daerah
        if r.tahun == 2024 and r.indikator == "Indeks Pembangunan Manusia"
    ]
    assert len(ipm_2024) == 2
    # 67,76 68,42 68,91 69,39: +0,53 a year reaches 70,45 in 2026 against a target of 70,31
    assert {r.kemajuan.status for r in ipm_2024} == {"sesuai jalur"}


# --- reasons in Indonesian, never a parser's English text ----------------------------------------


def _ubah_anggota(path: Path, anggota: str, lama: bytes, baru: bytes) -> Path:
    wb = Workbook()
    wb.active["A1"] = 1
    wb.save(path)
    return ganti_di_anggota(path, anggota, {lama: baru})


RUSAK_DALAM = {
    # openpyxl: "Unable to read workbook: could not read worksheets from /tmp/...xlsx ..."
    # caused by "could not convert string to float: 'abc'"
    "teks-di-sel-angka.xlsx": (
        ("xl/worksheets/sheet1.xml", b"<v>1</v>", b"<v>abc</v>"),
        "isi berkas tidak sesuai format Excel, mis. teks di sel bertipe angka (ValueError)",
    ),
    # "not well-formed (invalid token): line 1, column 388"
    "xml-rusak.xlsx": (
        ("xl/worksheets/sheet1.xml", b"<v>1</v>", b"<v>1\xff</v>"),
        "XML di dalam berkas rusak (ParseError)",
    ),
}


@pytest.mark.parametrize("name", sorted(RUSAK_DALAM))
def test_alasan_berkas_rusak_dalam_bahasa_indonesia(tmp_path: Path, name: str) -> None:
    ubahan, alasan = RUSAK_DALAM[name]
    _ubah_anggota(tmp_path / name, *ubahan)
    (problem,) = kumpulkan(tmp_path).masalah[1:]  # after 'pengaturan-tidak-ada'
    assert (problem.kode, problem.berkas) == ("berkas-tidak-terbaca", name)
    assert problem.pesan == f"Berkas tidak dapat dibaca sebagai workbook Excel: {alasan}"


def test_alasan_xls_rusak_dan_berkas_hilang_dalam_bahasa_indonesia(tmp_path: Path) -> None:
    from tests.read.test_safety import ole2

    ole2(tmp_path / "lama.xls", ["Workbook"])  # an Excel 97-2003 container with no records
    isi = baca_berkas(tmp_path / "lama.xls", PurePosixPath("lama.xls"))
    assert [p.pesan for p in isi.masalah] == [
        "Berkas tidak dapat dibaca sebagai workbook Excel: "
        "isi .xls rusak atau tidak lengkap (XLRDError)"
    ]
    isi = baca_berkas(tmp_path / "hilang.xlsx", PurePosixPath("hilang.xlsx"))
    assert [p.pesan for p in isi.masalah] == [
        "Berkas tidak dapat dibaca sebagai workbook Excel: tidak dapat dibuka: tidak ada (ENOENT)"
    ]


def test_alasan_pengodean_rusak() -> None:
    with pytest.raises(UnicodeDecodeError) as info:
        b"te\xffks".decode("utf-8")
    assert alasan_isi(info.value) == (
        "teks di dalam berkas memakai pengodean karakter yang rusak (UnicodeDecodeError)"
    )
