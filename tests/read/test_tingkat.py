"""The level of each row from its code, name, cell format and position (read/tingkat.py),
on fixtures of each shape met in real forms and on both real E.81 forms."""

from __future__ import annotations

from collections import Counter
from pathlib import Path, PurePosixPath

import pytest

from kinerja_report.compute.report import anggaran
from kinerja_report.compute.rules import AturanCapaian
from kinerja_report.compute.table import baris_evaluasi
from kinerja_report.model import EvaluasiRenja, TingkatIndikator
from kinerja_report.read.folder import baca_berkas
from kinerja_report.read.styles import Gaya, beri_tint, palet_tema
from kinerja_report.read.tingkat import BarisKepala, tentukan_tingkat
from tests.conftest import FIXTURES
from tests.fixtures.buat import TINGKAT_HIERARKI

DELI = "evaluasi_renja_tw4_bappedalitbang_deliserdang_2025.xlsx"
SUKABUMI = "evaluasi_hasil_renja_pd_bappeda_sukabumi_2018.xlsx"


def _baca(folder: Path, name: str) -> tuple[EvaluasiRenja, list[tuple[str, str]]]:
    isi = baca_berkas(folder / name, PurePosixPath(name))
    (evaluasi,) = isi.evaluasi
    return evaluasi, [(p.kode, p.sel) for p in isi.masalah]


def _pagu(evaluasi: EvaluasiRenja) -> float:
    rows, _ = baris_evaluasi(evaluasi, AturanCapaian())
    return anggaran(rows).pagu


@pytest.mark.parametrize("name", ["tingkat-dari-warna.xlsx", "tingkat-dari-inden.xlsx"])
def test_tingkat_tanpa_kode(name: str) -> None:
    """No code column: theme fill with tint (Deli Serdang), or bold and indentation."""
    evaluasi, problems = _baca(FIXTURES, name)
    assert [row.tingkat.value for row in evaluasi.indikator] == TINGKAT_HIERARKI
    assert _pagu(evaluasi) == 650  # the two programmes, never a kegiatan or sub kegiatan
    assert problems == []


def test_kode_berulang_dan_baris_tanpa_kode() -> None:
    """Sukabumi's shape: a kegiatan repeating its programme's code is a child; rows without
    a code below a programme are kegiatan; 'Program ...' without a code is a programme."""
    evaluasi, problems = _baca(FIXTURES, "kode-berulang.xlsx")
    assert [row.tingkat.value for row in evaluasi.indikator] == [
        "program", "kegiatan", "kegiatan", "kegiatan", "program", "kegiatan",
    ]  # fmt: skip
    assert _pagu(evaluasi) == 1_300
    assert problems == [("kode-berulang", "D11")]


def test_kode_dan_nama_bertentangan_dilaporkan() -> None:
    rows = [
        BarisKepala(10, "1.02.01", "Program Pelayanan", Gaya()),
        BarisKepala(11, "1.02.01.2.01", "Program Lain", Gaya()),  # code: kegiatan
    ]
    levels, problems = tentukan_tingkat(rows)
    assert levels == [TingkatIndikator.PROGRAM, TingkatIndikator.KEGIATAN]  # codes win
    assert [p.kode for p in problems] == ["tingkat-tidak-konsisten"]
    assert "menurut kode 'kegiatan', menurut nama 'program'" in problems[0].pesan


def test_format_tanpa_nama_mengikuti_urutan_kemunculan() -> None:
    """Formats never anchored by a code or name take the next level down the sheet."""
    a, b, c = Gaya("AAAAAA", True), Gaya("BBBBBB"), Gaya()
    rows = [
        BarisKepala(1, "", "Program X", a),
        BarisKepala(2, "", "Satu", b),
        BarisKepala(3, "", "Dua", c),
        BarisKepala(4, "", "Tiga", c),
        BarisKepala(5, "", "Empat", b),
    ]
    levels, _ = tentukan_tingkat(rows)
    assert [level.value for level in levels] == [
        "program", "kegiatan", "sub kegiatan", "sub kegiatan", "kegiatan",
    ]  # fmt: skip


def test_format_tanpa_jangkar_dari_urutan_baris_berindikator() -> None:
    """Names that do not say 'Program', no codes: the formats of rows with indicators are
    programme, kegiatan and sub kegiatan in order; a heading above them is bidang urusan."""
    bidang, program, kegiatan, sub = (
        Gaya("8EB4E3", True),
        Gaya("DCE6F2", True),
        Gaya("FCD5B5"),
        Gaya(),
    )
    rows = [
        BarisKepala(1, "", "PERENCANAAN", bidang, berindikator=False),
        BarisKepala(2, "", "Perencanaan Pembangunan", program),
        BarisKepala(3, "", "Koordinasi", kegiatan),
        BarisKepala(4, "", "Penyusunan", sub),
        BarisKepala(5, "", "Keuangan Daerah", program),
    ]
    levels, _ = tentukan_tingkat(rows)
    assert [level.value for level in levels] == [
        "bidang urusan", "program", "kegiatan", "sub kegiatan", "program",
    ]  # fmt: skip


def test_warna_tema_dan_tint_seperti_excel() -> None:
    palet = palet_tema(None)  # the Office 2007-2010 theme
    assert palet[4] == "4F81BD"
    assert beri_tint(palet[4], 0.8) == "DCE6F2"  # Deli's programme rows
    assert beri_tint(palet[9], 0.6) == "FCD5B5"  # Deli's kegiatan rows
    assert beri_tint("808080", -0.5) == "404040"


def test_deli_serdang_tingkat_dari_warna(real_workbooks: Path) -> None:
    evaluasi, _ = _baca(real_workbooks, DELI)
    counts = Counter(row.tingkat.value for row in evaluasi.indikator)
    assert counts == {"program": 5, "kegiatan": 17, "sub kegiatan": 62}
    programs = [row.baris for row in evaluasi.indikator if row.tingkat.value == "program"]
    assert programs == [13, 55, 70, 92, 97]
    assert _pagu(evaluasi) == 14_723_660_349  # = O113, the form's own total


def test_sukabumi_tingkat_dan_satuan(real_workbooks: Path) -> None:
    evaluasi, problems = _baca(real_workbooks, SUKABUMI)
    programs = [row.baris for row in evaluasi.indikator if row.tingkat.value == "program"]
    assert programs == [17, 42]
    assert {row.tingkat.value for row in evaluasi.indikator if row.baris not in programs} == {
        "kegiatan"
    }
    assert _pagu(evaluasi) == 2_039_260_000  # N17 + N42, Rp. (000)
    assert all(row.satuan for row in evaluasi.indikator)  # column I, inside 'Target RPJMD'
    assert ("kode-berulang", "F18") in problems


def test_kode_diketik_lagi_di_baris_indikator_berikutnya() -> None:
    """Review finding: a programme's code typed again on its further indicator rows (name
    merged down, or typed again) are further indicators of it, not kegiatan and sub kegiatan."""
    evaluasi, problems = _baca(FIXTURES, "kode-di-setiap-baris.xlsx")
    assert [(row.kode, row.tingkat.value, row.uraian) for row in evaluasi.indikator] == [
        ("1.06.02", "program", "PROGRAM PEMBERDAYAAN SOSIAL"),
        ("1.06.02", "program", "PROGRAM PEMBERDAYAAN SOSIAL"),
        ("1.06.02", "program", "PROGRAM PEMBERDAYAAN SOSIAL"),
        ("1.06.03", "program", "PROGRAM REHABILITASI SOSIAL"),
        ("1.06.03", "program", "PROGRAM REHABILITASI SOSIAL"),
    ]
    assert problems == []
    assert _pagu(evaluasi) == 700_000_000


def test_kode_berulang_tidak_berantai() -> None:
    """A code repeated by two rows in a row with other names: each is one level below the
    code's own level, never deeper and deeper."""
    rows = [
        BarisKepala(1, "1.01.01", "Program A", Gaya()),
        BarisKepala(2, "1.01.01", "Kegiatan satu", Gaya()),
        BarisKepala(3, "1.01.01", "Kegiatan dua", Gaya()),
    ]
    levels, problems = tentukan_tingkat(rows)
    assert [level.value for level in levels] == ["program", "kegiatan", "kegiatan"]
    assert [p.kode for p in problems] == ["kode-berulang", "kode-berulang"]


def test_judul_di_atas_urusan_bukan_program() -> None:
    """Sukabumi's shape: a heading without code or indicator ('Fungsi Penunjang Urusan
    Pemerintahan Daerah') above the urusan row (code '1'), in the programme's format, is a
    heading of urusan rank, never a programme."""
    program, urusan = Gaya("", True), Gaya("DDEBF7", True)
    rows = [
        BarisKepala(
            15, "", "Fungsi Penunjang Urusan Pemerintahan Daerah", program, berindikator=False
        ),
        BarisKepala(16, "1", "Perencanaan", urusan, berindikator=False),
        BarisKepala(17, "1.01.01", "Program Pelayanan Administrasi Perkantoran", program),
    ]
    levels, _ = tentukan_tingkat(rows)
    assert [level.value for level in levels] == ["urusan", "urusan", "program"]


def test_sukabumi_judul_urusan_bukan_kotak_program(real_workbooks: Path, tmp_path: Path) -> None:
    from kinerja_report.pipeline import kumpulkan

    masukan = tmp_path / "masukan"
    masukan.mkdir()
    (masukan / SUKABUMI).write_bytes((real_workbooks / SUKABUMI).read_bytes())
    (pohon,) = kumpulkan(masukan).pohon
    programs = [node.uraian for node in pohon.simpul if node.tingkat == "program"]
    assert sorted(programs) == [
        "Program Pelayanan Administrasi Perkantoran",
        "Program Peningkatan Kapasitas Sumber Daya Aparatur",
    ]  # not F15 'Fungsi Penunjang Urusan Pemerintahan Daerah'
