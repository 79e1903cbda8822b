"""Perjanjian Kinerja PDFs from the sample data: parties, targets, budget, paper, signatories."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from kinerja_report import formats
from kinerja_report.compute.capaian import HasilCapaian
from kinerja_report.compute.perjanjian import (
    PerjanjianKinerja,
    daftar_perjanjian,
    jabatan_tanda_tangan,
    program_opd,
)
from kinerja_report.compute.report import LaporanOpd, RingkasanAnggaran
from kinerja_report.compute.rules import Agregasi
from kinerja_report.compute.semantics import SifatIndikator
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import Nilai, Penandatangan, Polaritas, TingkatIndikator
from kinerja_report.pipeline import Kumpulan
from kinerja_report.problems import Masalah, Tingkat
from kinerja_report.render.html import lingkungan
from kinerja_report.render.pdf import render_pdf
from kinerja_report.render.perjanjian import html_perjanjian, tugas_perjanjian
from kinerja_report.render.pool import TugasPdf
from kinerja_report.settings import Daerah, baca_pengaturan

NAMA_BUPATI = "H. Rahmat Hidayat Saleh, S.E., M.M."
NIP_BERKELOMPOK = re.compile(r"NIP\. \d{8} \d{6} \d \d{3}\b")


@pytest.fixture(scope="module")
def kumpulan(kumpulan_sampel: Kumpulan) -> Kumpulan:
    return kumpulan_sampel


def _perjanjian(kumpulan: Kumpulan) -> tuple[list[PerjanjianKinerja], list[Masalah]]:
    """The PKs of a (changed) collection, computed again from its parts as kumpulkan does."""
    pengaturan = kumpulan.pengaturan
    return daftar_perjanjian(
        kumpulan.laporan,
        kumpulan.baris_daerah,
        kumpulan.penandatangan,
        kumpulan.identitas.daerah,
        pengaturan.tanggal_perjanjian,
        pengaturan.tempat_penandatanganan,
    )


def _tugas(kumpulan: Kumpulan) -> tuple[list[TugasPdf], list[Masalah]]:
    daftar, problems = _perjanjian(kumpulan)
    return tugas_perjanjian(daftar, kumpulan.pengaturan), problems


def _pdf(kumpulan: Kumpulan, relatif: str) -> bytes:
    tugas, _ = _tugas(kumpulan)
    (item,) = [t for t in tugas if t.relatif == relatif]
    return render_pdf(item.html, item.folder_templat, item.aset)


def _halaman(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().replace("\u00a0", " ").split()) for page in reader.pages]


def _teks_berposisi(pdf: bytes) -> dict[str, tuple[float, str]]:
    """Each text run of the first page: its x position and its font name."""
    out: dict[str, tuple[float, str]] = {}

    def visitor(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        name = str(font.get("/BaseFont")) if isinstance(font, DictionaryObject) else ""
        out.setdefault(text.strip(), (cm[4] + tm[4] * cm[0], name))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visitor)
    return out


def _ukuran_mm(pdf: bytes) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return float(box.width) / 72 * 25.4, float(box.height) / 72 * 25.4


def _laporan(kumpulan: Kumpulan, tahun: int, opd: str) -> LaporanOpd:
    (lap,) = [lap for lap in kumpulan.laporan if lap.tahun == tahun and lap.opd == opd]
    return lap


def _tanpa_spasi(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_satu_dokumen_per_opd_per_tahun_dan_bupati(kumpulan: Kumpulan) -> None:
    tugas, problems = _tugas(kumpulan)
    kepala = [pk for pk in kumpulan.perjanjian if pk.jenis in ("opd", "bupati")]
    assert [pk.slug for pk in kepala] == [pk.slug for pk in _perjanjian(kumpulan)[0]]
    paths = [t.relatif for t in tugas if t.relatif.count("/") == 2]  # the heads' and Bupati's
    assert len(paths) == len(set(paths)) == len(kumpulan.laporan) + 4
    for tahun in (2021, 2022, 2023, 2024):
        assert f"{tahun}/perjanjian-kinerja/bupati.pdf" in paths
    assert "2023/perjanjian-kinerja/dinas-kesehatan.pdf" in paths
    assert problems == []  # every signatory of the sample data is listed


def test_pernyataan_dinas_kesehatan_2023(kumpulan: Kumpulan) -> None:
    pdf = _pdf(kumpulan, "2023/perjanjian-kinerja/dinas-kesehatan.pdf")
    pernyataan, *lampiran = _halaman(pdf)
    for expected in (
        "PEMERINTAH KABUPATEN KEPAHIANG",
        "DINAS KESEHATAN",
        "PERJANJIAN KINERJA TAHUN 2023",
        "kami yang bertanda tangan di bawah ini",
        "Nama : dr. Rina Marlina, M.Kes. Jabatan : Kepala Dinas Kesehatan",
        "selanjutnya disebut pihak pertama",
        f"Nama : {NAMA_BUPATI} Jabatan : Bupati Kepahiang",
        "selanjutnya disebut pihak kedua",
        "Pihak pertama berjanji akan mewujudkan target kinerja",
        "Pihak kedua akan melakukan supervisi",
        "Kepahiang, 2 Januari 2023",
        "Pihak Kedua, Pihak Pertama, BUPATI KEPAHIANG KEPALA DINAS KESEHATAN",
        f"{NAMA_BUPATI} dr. Rina Marlina, M.Kes. Pembina Utama Muda, IV/c "
        "NIP. 19740922 200201 2 001",
    ):
        assert expected in pernyataan, expected
    # Pihak Kedua signs on the left, Pihak Pertama on the right; names in bold.
    teks = _teks_berposisi(pdf)
    tengah = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width) / 2
    assert teks["Pihak Kedua, Pihak Pertama,"][0] < tengah  # one line, read left to right
    assert tengah < teks["Kepahiang, 2 Januari 2023"][0]
    assert tengah < teks["NIP. 19740922 200201 2 001"][0]
    assert teks[NAMA_BUPATI][0] < tengah < teks["dr. Rina Marlina, M.Kes."][0]
    assert "Bold" in teks[NAMA_BUPATI][1]
    assert "Bold" in teks["dr. Rina Marlina, M.Kes."][1]
    assert "Bold" not in teks["Pembina Utama Muda, IV/c"][1]
    assert len(NIP_BERKELOMPOK.findall(pernyataan)) == 1  # the Bupati has no NIP
    assert "LAMPIRAN PERJANJIAN KINERJA TAHUN 2023" in lampiran[0]
    assert "NIP. 19740922 200201 2 001" in lampiran[-1]  # signed again under the attachment
    width, height = _ukuran_mm(pdf)
    assert abs(width - 215) < 1
    assert abs(height - 330) < 1


def test_lampiran_indikator_target_dan_anggaran(kumpulan: Kumpulan) -> None:
    lap = _laporan(kumpulan, 2023, "Dinas Kesehatan")
    text = " ".join(_halaman(_pdf(kumpulan, "2023/perjanjian-kinerja/dinas-kesehatan.pdf"))[1:])
    flat = _tanpa_spasi(text)
    program_rows = [row for row in lap.baris if row.tingkat is TingkatIndikator.PROGRAM]
    assert len(program_rows) == 6
    for row in program_rows:
        assert row.target.angka is not None
        target = formats.angka(row.target.angka)
        assert _tanpa_spasi(f"{row.indikator}{target}{row.satuan}") in flat, row.indikator
    kegiatan = [row for row in lap.baris if row.tingkat is TingkatIndikator.KEGIATAN]
    assert _tanpa_spasi(kegiatan[0].indikator) not in flat
    pagu: dict[str, float] = {}
    for row in program_rows:
        if row.target_rp.angka:
            pagu.setdefault(row.kode, row.target_rp.angka)
    assert len(pagu) == 3
    total = formats.rupiah(sum(pagu.values())).replace("\u00a0", " ")
    assert re.fullmatch(r"Rp \d{1,3}(\.\d{3})+", total)
    assert f"Jumlah {total}" in text
    for kode, amount in pagu.items():
        assert kode in text
        assert formats.rupiah(amount).replace("\u00a0", " ") in text


def test_perjanjian_bupati(kumpulan: Kumpulan) -> None:
    pdf = _pdf(kumpulan, "2023/perjanjian-kinerja/bupati.pdf")
    pernyataan, *lampiran = _halaman(pdf)
    for expected in (
        "BUPATI KEPAHIANG PROVINSI BENGKULU PERJANJIAN KINERJA TAHUN 2023",
        f"Nama : {NAMA_BUPATI} Jabatan : Bupati Kepahiang berjanji akan mewujudkan target "
        "kinerja tahunan sesuai lampiran perjanjian ini",
        f"Kepahiang, 2 Januari 2023 BUPATI KEPAHIANG, {NAMA_BUPATI}",
    ):
        assert expected in pernyataan, expected
    for absent in ("Pihak Kedua", "pihak kedua", "NIP", "Jl. Pembangunan"):
        assert absent not in pernyataan, absent
    text = " ".join(lampiran)
    flat = _tanpa_spasi(text)
    daerah = [row for row in kumpulan.baris_daerah if row.tahun == 2023]
    assert daerah
    for row in daerah:
        target = formats.angka(row.target.angka, 4) if row.target.angka is not None else ""
        assert _tanpa_spasi(f"{row.indikator}{target or row.target.teks}") in flat
    assert "Opini BPK atas LKPD WTP" in text
    total = 0.0
    for lap in (lap for lap in kumpulan.laporan if lap.tahun == 2023):
        pagu: dict[str, float] = {}
        for row in lap.baris:
            if row.tingkat is TingkatIndikator.PROGRAM and row.target_rp.angka:
                pagu.setdefault(row.kode, row.target_rp.angka)
        total += sum(pagu.values())
        assert _tanpa_spasi(lap.opd) in flat  # keterangan: the OPD
    assert f"Jumlah {formats.rupiah(total)}".replace("\u00a0", " ") in text
    assert "NIP" not in text


@pytest.mark.parametrize(
    ("relatif", "jabatan"),
    [
        ("2021/perjanjian-kinerja/rsud-kepahiang.pdf", "Plt. DIREKTUR RSUD KEPAHIANG"),
        ("2022/perjanjian-kinerja/dinas-sosial.pdf", "Plt. KEPALA DINAS SOSIAL"),
        (
            "2024/perjanjian-kinerja/badan-perencanaan-pembangunan-daerah.pdf",
            "Plt. KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH",
        ),
    ],
)
def test_plt_tetap_tertulis(kumpulan: Kumpulan, relatif: str, jabatan: str) -> None:
    pernyataan = _halaman(_pdf(kumpulan, relatif))[0]
    assert jabatan in pernyataan
    assert "Jabatan : Plt. " in pernyataan
    assert len(NIP_BERKELOMPOK.findall(pernyataan)) == 1


def _tanpa_kepala_dinkes_2023(kumpulan: Kumpulan, juga_di_formulir: bool) -> Kumpulan:
    lap = _laporan(kumpulan, 2023, "Dinas Kesehatan")
    return replace(
        kumpulan,
        penandatangan=tuple(
            p
            for p in kumpulan.penandatangan
            if not (p.perangkat_daerah == "Dinas Kesehatan" and p.tahun == 2023)
        ),
        laporan=tuple(
            replace(item, tanda_tangan=None) if item is lap and juga_di_formulir else item
            for item in kumpulan.laporan
        ),
    )


def test_penandatangan_dari_blok_tanda_tangan_formulir(kumpulan: Kumpulan) -> None:
    """Not in penandatangan.xlsx: the head who signed the form's own block signs the PK."""
    tanpa = _tanpa_kepala_dinkes_2023(kumpulan, juga_di_formulir=False)
    _, problems = _tugas(tanpa)
    (problem,) = problems
    assert (problem.kode, problem.tingkat) == ("penandatangan-dari-formulir", Tingkat.INFO)
    assert problem.sel == "U43"
    assert "dr. Rina Marlina, M.Kes." in problem.pesan
    pernyataan = _halaman(_pdf(tanpa, "2023/perjanjian-kinerja/dinas-kesehatan.pdf"))[0]
    assert "Nama : dr. Rina Marlina, M.Kes. Jabatan : Kepala Dinas Kesehatan" in pernyataan
    assert "NIP. 19740922 200201 2 001" in pernyataan


def test_daftar_menang_bila_berbeda_dengan_formulir(kumpulan: Kumpulan) -> None:
    lain = tuple(
        replace(p, nama="Nama Lain, S.KM.", nip="198001012005011002")
        if p.perangkat_daerah == "Dinas Kesehatan" and p.tahun == 2023
        else p
        for p in kumpulan.penandatangan
    )
    _, problems = _tugas(replace(kumpulan, penandatangan=lain))
    (problem,) = problems
    assert problem.kode == "penandatangan-berbeda"
    assert "(Nama Lain, S.KM.)" in problem.pesan
    assert "(dr. Rina Marlina, M.Kes.)" in problem.pesan


def test_penandatangan_tidak_ada(kumpulan: Kumpulan) -> None:
    tanpa = _tanpa_kepala_dinkes_2023(kumpulan, juga_di_formulir=True)
    tugas, problems = _tugas(tanpa)
    assert len(tugas) == len(kumpulan.laporan) + 4  # still rendered
    (problem,) = problems
    assert problem.kode == "penandatangan-tidak-ada"
    assert problem.tingkat is Tingkat.PERINGATAN
    assert "Dinas Kesehatan" in problem.pesan
    assert "2023" in problem.pesan
    pernyataan = _halaman(_pdf(tanpa, "2023/perjanjian-kinerja/dinas-kesehatan.pdf"))[0]
    assert "Rina Marlina" not in pernyataan
    assert "Nama : ....." in pernyataan
    # the position is known without the person: the default every document of the head
    # prints (the E.81's 'Disusun', the unit PKs' pihak kedua)
    assert "Jabatan : Kepala Dinas Kesehatan" in pernyataan
    assert NIP_BERKELOMPOK.findall(pernyataan) == []
    assert "NIP. ....." in pernyataan
    assert NAMA_BUPATI in pernyataan  # the other party is still there


def test_bupati_tidak_ada(kumpulan: Kumpulan) -> None:
    tanpa = replace(
        kumpulan,
        penandatangan=tuple(p for p in kumpulan.penandatangan if p.perangkat_daerah != "Bupati"),
    )
    tugas, problems = _tugas(tanpa)
    assert len(tugas) == len(kumpulan.laporan) + 4
    # One warning per year, not one per document.
    assert sorted(p.pesan for p in problems) == [
        f"Penandatangan Bupati Kepahiang tahun {tahun} tidak ada di daftar penandatangan"
        for tahun in (2021, 2022, 2023, 2024)
    ]
    pernyataan = _halaman(_pdf(tanpa, "2024/perjanjian-kinerja/bupati.pdf"))[0]
    assert NAMA_BUPATI not in pernyataan
    assert "Jabatan : Bupati Kepahiang" in pernyataan
    assert "BUPATI KEPAHIANG, ....." in pernyataan


def test_program_tanpa_anggaran_tidak_dicantumkan(kumpulan: Kumpulan) -> None:
    lap = _laporan(kumpulan, 2023, "Dinas Kesehatan")
    nol = "1.02.05"
    # no budget on the programme nor below it (a pagu 0 on the programme row alone is its
    # kegiatan's sum, the one rule of compute.report.simpul_program)
    baris = tuple(
        replace(row, target_rp=Nilai(0.0))
        if row.kode == nol or row.kode.startswith(nol + ".")
        else row
        for row in lap.baris
    )
    ubah = replace(
        kumpulan,
        laporan=tuple(
            replace(item, baris=baris) if item is lap else item for item in kumpulan.laporan
        ),
    )
    assert [p.program[:7] for p in program_opd(baris)] == ["1.02.01", "1.02.02"]
    text = " ".join(_halaman(_pdf(ubah, "2023/perjanjian-kinerja/dinas-kesehatan.pdf"))[1:])
    assert "1.02.05 PROGRAM" not in text
    assert "Persentase rumah tangga ber" in text  # its indicator stays in table 1
    total = sum(p.anggaran for p in program_opd(baris))
    assert f"Jumlah {formats.rupiah(total)}".replace("\u00a0", " ") in text
    bupati = " ".join(_halaman(_pdf(ubah, "2023/perjanjian-kinerja/bupati.pdf")))
    assert "1.02.05 PROGRAM" not in bupati


def test_teks_panjang_terlipat(kumpulan: Kumpulan) -> None:
    kata = [f"Kata{i:02d}panjang" for i in range(25)]
    nama = " ".join(kata)
    assert len(nama) >= 300
    lap = _laporan(kumpulan, 2023, "Dinas Sosial")
    baris = tuple(
        replace(row, indikator=f"{row.indikator} {nama}", uraian=f"{row.uraian} {nama}")
        for row in lap.baris
    )
    panjang = replace(lap, opd=nama, baris=baris)
    ubah = replace(
        kumpulan,
        laporan=tuple(panjang if item is lap else item for item in kumpulan.laporan),
        penandatangan=(
            *kumpulan.penandatangan,
            Penandatangan(2023, nama, f"Plt. Kepala {nama}", f"Nama {nama}", "197001011995011001"),
        ),
    )
    halaman = _halaman(_pdf(ubah, f"2023/perjanjian-kinerja/{panjang.slug}.pdf"))
    text = " ".join(halaman)
    for word in kata:
        assert word in text
        assert word.upper() in text
        assert text.count(word) >= 10  # parties, signatures, indicators, programs
    assert "NIP. 19700101 199501 1 001" in text
    assert f"Plt. KEPALA {kata[0].upper()}" in text


def test_teks_workbook_tidak_menjadi_html(kumpulan: Kumpulan) -> None:
    jahat = '<img src="file:///etc/passwd"> & <b>tebal</b>'
    lap = _laporan(kumpulan, 2023, "Dinas Sosial")
    baris = tuple(replace(row, indikator=f"{row.indikator} {jahat}") for row in lap.baris)
    ubah = replace(
        kumpulan,
        laporan=tuple(
            replace(item, baris=baris) if item is lap else item for item in kumpulan.laporan
        ),
    )
    pdf = _pdf(ubah, "2023/perjanjian-kinerja/dinas-sosial.pdf")
    text = " ".join(_halaman(pdf))
    assert '<img src="file:///etc/passwd"> & <b>tebal</b>' in text
    assert "&lt;" not in text
    assert b"root:x:0:0" not in pdf


def test_a4_bila_diatur(kumpulan: Kumpulan) -> None:
    a4 = replace(kumpulan, pengaturan=replace(kumpulan.pengaturan, ukuran_kertas="A4"))
    for relatif in (
        "2023/perjanjian-kinerja/dinas-kesehatan.pdf",
        "2023/perjanjian-kinerja/bupati.pdf",
    ):
        width, height = _ukuran_mm(_pdf(a4, relatif))
        assert abs(width - 210) < 1
        assert abs(height - 297) < 1


def test_pdf_sama_persis_dan_huruf_tertanam(kumpulan: Kumpulan) -> None:
    pertama = _pdf(kumpulan, "2024/perjanjian-kinerja/dinas-sosial.pdf")
    assert pertama == _pdf(kumpulan, "2024/perjanjian-kinerja/dinas-sosial.pdf")
    reader = PdfReader(io.BytesIO(pertama))
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            assert isinstance(descriptor, DictionaryObject)
            assert "/FontFile2" in descriptor, font["/BaseFont"]
    assert any("Liberation-Sans-Bold" in name for name in names)
    assert any(name.endswith("+Liberation-Sans") for name in names)


def test_penandatangan_tanpa_tahun_dan_bupati_pj() -> None:
    """Pure rules: a row without a year applies to every year; 'Pj. Bupati' is the Bupati;
    a row of the year wins over a row without one."""
    umum = Penandatangan(None, "dinas  sosial", "Kepala Dinas Sosial", "A")
    khusus = Penandatangan(2024, "Dinas Sosial", "Plh. Kepala Dinas Sosial", "B")
    pj = Penandatangan(None, "Sekretariat", "Pj. Bupati Kepahiang", "C")
    wakil = Penandatangan(None, "Wakil Bupati", "Wakil Bupati Kepahiang", "D")

    def baris(tahun: int, tingkat: TingkatIndikator) -> BarisCapaian:
        sifat = SifatIndikator(Polaritas.POSITIF, Agregasi.KUMULATIF, "uji", "uji")
        return BarisCapaian(
            tahun, "Dinas Sosial", "1.06.02", tingkat, "PROGRAM X", "Persentase X", "%",
            sifat, Nilai(80), Nilai(80), HasilCapaian(100, "uji"), "Sangat Tinggi",
        )  # fmt: skip

    def lap(tahun: int) -> LaporanOpd:
        return LaporanOpd(
            tahun,
            "Dinas Sosial",
            "dinas-sosial",
            "x.xlsx",
            "TW IV",
            (baris(tahun, TingkatIndikator.PROGRAM),),
            (),
            None,
            "",
            (),
            RingkasanAnggaran(0.0, 0.0),
        )

    daerah = [baris(t, TingkatIndikator.DAERAH) for t in (2023, 2024)]
    out, problems = daftar_perjanjian(
        [lap(2023), lap(2024)], daerah, [wakil, umum, khusus, pj], Daerah()
    )
    assert problems == []
    assert [(pk.tahun, pk.jenis, pk.pihak_pertama and pk.pihak_pertama.nama) for pk in out] == [
        (2023, "opd", "A"),
        (2024, "opd", "B"),
        (2023, "bupati", "C"),
        (2024, "bupati", "C"),
    ]
    assert all(pk.tanggal == date(pk.tahun, 1, 2) for pk in out)
    assert out[1].pihak_kedua == pj
    assert out[2].pihak_kedua is None
    assert jabatan_tanda_tangan("Plh. Kepala Dinas Sosial") == "Plh. KEPALA DINAS SOSIAL"
    assert jabatan_tanda_tangan("Pj. Bupati Kepahiang") == "Pj. BUPATI KEPAHIANG"
    assert jabatan_tanda_tangan("Kepala Dinas") == "KEPALA DINAS"


def test_tanggal_perjanjian_dari_pengaturan(kumpulan: Kumpulan) -> None:
    diatur = replace(
        kumpulan, pengaturan=replace(kumpulan.pengaturan, tanggal_perjanjian_kinerja=(1, 15))
    )
    pks, _ = _perjanjian(diatur)
    # 15 January 2023 was a Sunday: the PK is dated the next working day
    assert {pk.tanggal for pk in pks if pk.tahun == 2023} == {date(2023, 1, 16)}


def test_lambang_kepala_daerah_pada_pk_bupati(kumpulan: Kumpulan, tmp_path: Path) -> None:
    """Issue 24: the Bupati's own PK carries the emblem ``[daerah] lambang_kepala_daerah``
    names (the Garuda); the OPDs' PKs keep the regency's logo."""
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect fill="{}" width="10" height="10"/></svg>'  # noqa: E501
    (tmp_path / "logo.svg").write_text(svg.format("#00aa00"), encoding="utf-8")
    (tmp_path / "garuda.svg").write_text(svg.format("#d4af37"), encoding="utf-8")
    (tmp_path / "pengaturan.toml").write_text(
        '[daerah]\nnama = "Kepahiang"\nlogo = "logo.svg"\nlambang_kepala_daerah = "garuda.svg"\n',
        encoding="utf-8",
    )
    pengaturan = baca_pengaturan(tmp_path)
    assert pengaturan is not None
    daerah = pengaturan.daerah
    assert daerah.lambang_url
    assert daerah.logo_url
    assert daerah.lambang_url != daerah.logo_url
    assert (tmp_path / "garuda.svg").resolve() in [p.resolve() for p in pengaturan.berkas_pendukung]
    pks, _ = _perjanjian(kumpulan)
    bupati = next(replace(pk, daerah=daerah) for pk in pks if pk.bupati)
    opd = next(replace(pk, daerah=daerah) for pk in pks if pk.jenis == "opd")
    html = {pk.jenis: html_perjanjian(lingkungan(), pk, pengaturan) for pk in (bupati, opd)}
    assert daerah.lambang_url in html["bupati"]
    assert daerah.logo_url not in html["bupati"]
    assert daerah.logo_url in html["opd"]
    assert daerah.lambang_url not in html["opd"]
