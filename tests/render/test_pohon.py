"""Pohon kinerja diagrams: layout across pages, A3 landscape, labels for greyscale, no text
under 6 pt."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from kinerja_report.compute.pohon import IndikatorSimpul, PohonKinerja, Simpul
from kinerja_report.model import Nilai
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan
from kinerja_report.render.pdf import render_pdf
from kinerja_report.render.pohon import (
    BARIS_PER_HALAMAN,
    TEMPLAT,
    TINGGI_BARIS,
    gabung_kembar,
    html_bagan,
    susun_bagan,
)
from kinerja_report.settings import Daerah

SKALA = ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]


def _pohon(jumlah_sub: int) -> PohonKinerja:
    """One sasaran, one programme (capaian 'Sedang'), one kegiatan with ``jumlah_sub`` sub
    kegiatan, then a second programme."""
    ind = IndikatorSimpul("Persentase contoh", "persen", Nilai(angka=80), Nilai(angka=56),
                          70.0, "Sedang")  # fmt: skip
    nodes = [
        Simpul("s", "sasaran pd", "Meningkatnya contoh", opd="Dinas Contoh"),
        Simpul("p1", "program", "PROGRAM SATU", "s", "1.01.02", "Dinas Contoh", indikator=(ind,)),
        Simpul("k1", "kegiatan", "Kegiatan Satu", "p1", "1.01.02.2.01", "Dinas Contoh"),
        *[
            Simpul(f"sk{i}", "sub kegiatan", f"Sub Kegiatan {i}", "k1", f"1.01.02.2.01.{i:04d}")
            for i in range(1, jumlah_sub + 1)
        ],
        Simpul("p2", "program", "PROGRAM DUA", "s", "1.01.03", "Dinas Contoh"),
    ]
    return PohonKinerja(2024, tuple(nodes))


def test_pohon_lebar_dipecah_dengan_tanda_bersambung() -> None:
    bagan = susun_bagan(_pohon(24), "Pohon Kinerja Dinas Contoh", SKALA)
    # 24 sub kegiatan + the second programme = 25 rows: three pages of 10
    assert [h.nomor for h in bagan.halaman] == [1, 2, 3]
    assert bagan.kolom == ("Sasaran Perangkat Daerah", "Program", "Kegiatan", "Sub Kegiatan")
    first, second, third = bagan.halaman
    (program,) = [k for k in first.kotak if k.simpul.kunci == "p1"]
    assert (program.bersambung, program.lanjutan, program.kelas, program.kategori) == (
        2,
        None,
        "p2",
        "Sedang",
    )
    assert program.tinggi == BARIS_PER_HALAMAN * TINGGI_BARIS - 2.0
    (lanjut,) = [k for k in second.kotak if k.simpul.kunci == "p1"]
    assert (lanjut.bersambung, lanjut.lanjutan) == (3, 1)
    (akhir,) = [k for k in third.kotak if k.simpul.kunci == "p1"]
    assert (akhir.bersambung, akhir.lanjutan) == (None, 2)
    assert [k.simpul.kunci for k in third.kotak if k.simpul.tingkat == "program"] == ["p1", "p2"]
    # every sub kegiatan once, each joined to its kegiatan by a line
    assert (
        sum(1 for h in bagan.halaman for k in h.kotak if k.simpul.tingkat == "sub kegiatan") == 24
    )
    assert len(first.garis) == 1 + 1 + 10  # sasaran-program, program-kegiatan, 10 sub kegiatan


def test_pdf_a3_mendatar_dengan_label_predikat() -> None:
    bagan = susun_bagan(_pohon(12), "Pohon Kinerja Dinas Contoh", SKALA)
    html = html_bagan(lingkungan(), bagan, Daerah())
    reader = PdfReader(io.BytesIO(render_pdf(html, FOLDER_TEMPLAT)))
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (1191, 842)  # A3 landscape
    first = " ".join(reader.pages[0].extract_text().split())
    second = " ".join(reader.pages[1].extract_text().split())
    assert "POHON KINERJA DINAS CONTOH TAHUN 2024" in first
    assert "SEDANG" in first  # the predikat as a word, not only a colour
    assert "T 80 · R 56 · C 70,00 %" in first
    assert "mengikuti predikat terendah di antara indikatornya" in first  # the colour rule
    assert "bersambung ke halaman 2" in first
    assert "lanjutan dari halaman 1" in second


def test_tidak_ada_huruf_di_bawah_6_pt() -> None:
    css = (FOLDER_TEMPLAT / TEMPLAT).read_text(encoding="utf-8")
    sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)pt", css)]
    assert sizes
    assert min(sizes) >= 6.5


def test_program_penunjang_kembar_digabung_di_bagan_daerah() -> None:
    def ind(capaian: float, kategori: str) -> IndikatorSimpul:
        return IndikatorSimpul("Persentase layanan administrasi", "persen", Nilai(angka=100),
                               Nilai(angka=capaian), capaian, kategori)  # fmt: skip

    nodes = [Simpul("r", "sasaran rpjmd", "Meningkatnya akuntabilitas pemerintah daerah")]
    for opd, kode, capaian, kategori in [
        ("Dinas A", "1.02.01", 95.0, "Sangat Tinggi"),
        ("Dinas B", "2.11.01", 56.0, "Sangat Rendah"),
    ]:
        nodes += [
            Simpul(f"s{opd}", "sasaran pd", "Meningkatnya akuntabilitas kinerja", "r", opd=opd),
            Simpul(
                f"p{opd}",
                "program",
                "PROGRAM PENUNJANG URUSAN",
                f"s{opd}",
                kode,
                opd,
                indikator=(ind(capaian, kategori),),
            ),
        ]
    nodes.append(Simpul("pX", "program", "PROGRAM LAIN", "sDinas B", "2.11.02", "Dinas B"))
    tree = gabung_kembar(PohonKinerja(2024, tuple(nodes)))
    sasaran, program, lain = (n for n in tree.simpul if n.tingkat != "sasaran rpjmd")
    assert (sasaran.opd, sasaran.induk) == ("2 perangkat daerah: Dinas A, Dinas B", "r")
    assert (program.kode, program.induk, lain.induk) == ("", sasaran.kunci, sasaran.kunci)
    bagan = susun_bagan(tree, "Pohon Kinerja Kabupaten Contoh", SKALA)
    (kotak,) = [k for h in bagan.halaman for k in h.kotak if k.simpul is program]
    assert kotak.indikator == (
        ("Persentase layanan administrasi (persen)", ""),
        ("", "Dinas A: T 100 · R 95 · C 95,00\u00a0%"),
        ("", "Dinas B: T 100 · R 56 · C 56,00\u00a0%"),
    )
    assert kotak.kategori == "Sangat Rendah"  # the lowest, as the legend says
