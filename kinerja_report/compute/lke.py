"""The index of evidence for the SAKIP evaluation (LKE, PermenPAN-RB 88/2021): for every
criterion of the worksheet (:mod:`kinerja_report.compute.lke_kriteria`), the documents this
build wrote that serve as its evidence, and what in them; the criteria none of ours covers
are listed as such ("belum ada"), never filled with a document that does not show them.

The rules (:data:`ATURAN_BUKTI`) name outputs by their place in the output folder
(``{tahun}`` the year, ``{opd}`` a perangkat daerah's file name, ``*`` any name in one
folder); the index is computed from the list of outputs the build writes, so a document the
build did not write (no cascading sheet: no pohon kinerja) is not claimed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase

from kinerja_report.compute.lke_kriteria import (
    LKE_88_2021,
    Komponen,
    Kriteria,
    SubKomponen,
    semua_kriteria,
)
from kinerja_report.settings import Daerah

ADA_PEMBANDING = "pembanding"
"""A fact a rule may need: the RPJMD matrix gives national/provincial comparison figures."""


@dataclass(frozen=True)
class Bukti:
    """One kind of our outputs that serves as evidence of a criterion."""

    pola: str
    isi: str
    """What in it serves as evidence, in the analyst's words."""
    pemda: bool = True
    """Evidence for the regency's self-assessment."""
    opd: bool = True
    """Evidence for a perangkat daerah's self-assessment."""
    syarat: str | None = None
    """A fact the build must establish for the document to show it (:data:`ADA_PEMBANDING`)."""


PK_BUPATI = "{tahun}/perjanjian-kinerja/bupati.pdf"
PK_OPD = "{tahun}/perjanjian-kinerja/{opd}.pdf"
PK_UNIT = "{tahun}/perjanjian-kinerja/{opd}/*.pdf"
POHON_PEMDA = "{tahun}/pohon-kinerja/pemda.pdf"
POHON_OPD = "{tahun}/pohon-kinerja/{opd}.pdf"
E81 = "{tahun}/evaluasi/{opd}.pdf"
E81_TRIWULAN = "{tahun}/triwulan-*/evaluasi/{opd}.pdf"
RKPD = "{tahun}/evaluasi-rkpd.pdf"
RKPD_TRIWULAN = "{tahun}/triwulan-*/evaluasi-rkpd.pdf"
PERINGATAN_DINI = "{tahun}/triwulan-*/peringatan-dini.pdf"
RINGKASAN = "{tahun}/ringkasan-bupati.pdf"
LKJIP_PEMDA = "{tahun}/lkjip/lkjip-pemda.docx"
LKJIP_OPD = "{tahun}/lkjip/{opd}.docx"
VERIFIKASI = "{tahun}/verifikasi/{opd}.pdf"
CAPAIAN = "capaian.csv"
MASALAH = "masalah.csv"
REKAP = "rekap.xlsx"
RIWAYAT = "kinerja.sqlite"


def _lkjip(isi_pemda: str, isi_opd: str, syarat: str | None = None) -> tuple[Bukti, ...]:
    return (
        Bukti(LKJIP_PEMDA, isi_pemda, opd=False, syarat=syarat),
        Bukti(LKJIP_OPD, isi_opd, pemda=False, syarat=syarat),
    )


ATURAN_BUKTI: dict[str, tuple[Bukti, ...]] = {
    "1.a.4": (
        Bukti(
            PK_BUPATI, "Perjanjian Kinerja Bupati: sasaran, indikator dan target tahunan", opd=False
        ),
        Bukti(
            PK_OPD,
            "Perjanjian Kinerja kepala perangkat daerah: sasaran, indikator, target dan "
            "anggaran program",
        ),
    ),
    "1.b.1": (
        Bukti(PK_BUPATI, "Perjanjian Kinerja Bupati, formal setelah ditandatangani", opd=False),
        Bukti(
            PK_OPD,
            "Perjanjian Kinerja kepala perangkat daerah, formal setelah ditandatangani para pihak",
        ),
    ),
    "1.b.4": (
        Bukti(POHON_PEMDA, "rumusan tujuan dan sasaran RPJMD dengan indikatornya", opd=False),
        Bukti(
            POHON_OPD, "rumusan sasaran perangkat daerah, program dan kegiatan dengan indikatornya"
        ),
    ),
    "1.b.8": (
        Bukti(
            POHON_PEMDA,
            "penjenjangan sasaran RPJMD ke sasaran perangkat daerah, program dan kegiatan",
            opd=False,
        ),
        Bukti(
            POHON_OPD, "penjenjangan sasaran perangkat daerah ke program, kegiatan dan sub kegiatan"
        ),
        Bukti(
            PK_UNIT,
            "PK pejabat administrator dan pengawas yang menurunkan sasaran kepala perangkat daerah",
        ),
    ),
    "1.b.9": (
        Bukti(
            POHON_PEMDA,
            "sasaran RPJMD yang didukung oleh lebih dari satu perangkat daerah",
            opd=False,
        ),
    ),
    "1.b.10": (
        Bukti(PK_OPD, "Perjanjian Kinerja setiap kepala perangkat daerah", opd=False),
        Bukti(PK_UNIT, "Perjanjian Kinerja setiap unit: pejabat administrator dan pengawas"),
    ),
    "1.b.11": (
        Bukti(
            PK_UNIT,
            "sebagian: PK pejabat pengawas; rencana kinerja pegawai lainnya (SKP) tidak "
            "dibuat alat ini",
            pemda=False,
        ),
    ),
    "1.c.1": (
        Bukti(
            RKPD,
            "pagu dan realisasi anggaran setiap program seluruh perangkat daerah "
            "berdampingan dengan capaiannya",
            opd=False,
        ),
        Bukti(
            E81,
            "pagu dan realisasi anggaran setiap program, kegiatan dan sub kegiatan "
            "berdampingan dengan target kinerjanya",
        ),
    ),
    "1.c.2": (
        Bukti(
            POHON_PEMDA,
            "program perangkat daerah di bawah sasaran RPJMD yang didukungnya",
            opd=False,
        ),
        Bukti(POHON_OPD, "program dan kegiatan di bawah sasaran yang didukungnya"),
    ),
    "1.c.3": (
        Bukti(
            RINGKASAN,
            "capaian indikator kinerja daerah dan proyeksi akhir periode RPJMD",
            opd=False,
        ),
        Bukti(RKPD, "capaian program seluruh perangkat daerah terhadap target tahunan", opd=False),
        Bukti(E81, "capaian setiap indikator terhadap target tahunan dan target Renstra"),
    ),
    "1.c.4": (
        Bukti(
            E81_TRIWULAN, "evaluasi s.d. triwulan berjalan dengan tindak lanjut triwulan sebelumnya"
        ),
        Bukti(RKPD_TRIWULAN, "evaluasi triwulanan seluruh perangkat daerah", opd=False),
        Bukti(
            PERINGATAN_DINI, "indikator dan anggaran yang tertinggal dari rencana aksi", opd=False
        ),
    ),
    "1.c.6": (
        Bukti(
            "{tahun}/perjanjian-kinerja/bupati-perubahan.pdf",
            "Perjanjian Kinerja Perubahan Bupati: target yang disesuaikan dan alasannya",
            opd=False,
        ),
        Bukti(
            "{tahun}/perjanjian-kinerja/{opd}-perubahan.pdf",
            "Perjanjian Kinerja Perubahan: target dan pagu yang disesuaikan setelah APBD "
            "Perubahan, lama dan baru",
        ),
    ),
    "2.a.3": (
        Bukti(
            VERIFIKASI,
            "catatan verifikasi formulir E.81: isian yang diragukan dan perbaikan yang diminta",
        ),
        Bukti(MASALAH, "temuan pemeriksaan data dengan berkas, lembar dan selnya"),
        Bukti(CAPAIAN, "setiap angka capaian dengan sel sumbernya (berkas, lembar, sel)"),
    ),
    "2.b.4": (
        Bukti(E81_TRIWULAN, "pengukuran capaian per triwulan"),
        Bukti(E81, "pengukuran capaian tahunan (s.d. triwulan IV)"),
    ),
    "2.b.5": (
        Bukti(RKPD, "evaluasi Bappeda atas hasil Renja seluruh perangkat daerah", opd=False),
        Bukti(E81, "capaian berjenjang program, kegiatan dan sub kegiatan", pemda=False),
    ),
    "2.b.6": (
        Bukti(
            RIWAYAT,
            "riwayat setiap workbook yang diterima dan sumber setiap angka (basis data SQLite)",
        ),
    ),
    "2.b.7": (
        Bukti(CAPAIAN, "capaian dihitung dengan aplikasi dari workbook perangkat daerah"),
        Bukti(REKAP, "rekap capaian per tingkat, per sasaran dan per perangkat daerah"),
    ),
    "2.c.8": _lkjip(
        "Bab III: efisiensi penggunaan anggaran per sasaran (draf)",
        "Bab III: efisiensi penggunaan anggaran per sasaran perangkat daerah (draf)",
    ),
    "3.a.1": _lkjip("draf LKjIP pemerintah daerah", "draf LKjIP perangkat daerah"),
    "3.a.2": (
        Bukti(E81_TRIWULAN, "laporan evaluasi per triwulan"),
        Bukti(RKPD_TRIWULAN, "laporan evaluasi triwulanan seluruh perangkat daerah", opd=False),
        Bukti(E81, "laporan evaluasi tahunan"),
    ),
    "3.b.1": _lkjip(
        "draf menurut sistematika PermenPAN-RB 53/2014; bagian yang perlu dilengkapi ditandai",
        "draf menurut sistematika PermenPAN-RB 53/2014; bagian yang perlu dilengkapi ditandai",
    ),
    "3.b.2": (
        *_lkjip(
            "Bab III: capaian seluruh indikator kinerja daerah",
            "Bab III: capaian seluruh indikator",
        ),
        Bukti(E81, "capaian seluruh indikator program, kegiatan dan sub kegiatan"),
    ),
    "3.b.3": (
        *_lkjip(
            "Bab III: realisasi dibandingkan target tahunan",
            "Bab III: realisasi dibandingkan target tahunan",
        ),
        Bukti(E81, "capaian terhadap target Renja tahun berjalan"),
    ),
    "3.b.4": (
        *_lkjip(
            "Bab III: realisasi dibandingkan target akhir periode RPJMD",
            "Bab III: realisasi dibandingkan target akhir Renstra",
        ),
        Bukti(RINGKASAN, "proyeksi capaian akhir periode RPJMD", opd=False),
        Bukti(E81, "capaian kumulatif terhadap target Renstra"),
    ),
    "3.b.5": _lkjip(
        "Bab III: realisasi dan capaian tahun-tahun sebelumnya",
        "Bab III: realisasi dan capaian tahun-tahun sebelumnya",
    ),
    "3.b.6": (
        Bukti(
            LKJIP_PEMDA,
            "Bab III: angka pembanding nasional/provinsi",
            opd=False,
            syarat=ADA_PEMBANDING,
        ),
        Bukti(
            RINGKASAN,
            "perbandingan dengan angka nasional/provinsi",
            opd=False,
            syarat=ADA_PEMBANDING,
        ),
    ),
    "3.b.7": (
        *_lkjip(
            "Bab III: faktor pendorong, penghambat dan upaya yang ditulis perangkat daerah",
            "Bab III: faktor pendorong, penghambat dan upaya yang ditulis perangkat daerah",
        ),
        Bukti(E81, "faktor pendorong dan penghambat pencapaian kinerja"),
    ),
    "3.b.8": _lkjip(
        "Bab III: efisiensi penggunaan sumber daya per sasaran",
        "Bab III: efisiensi penggunaan sumber daya per sasaran",
    ),
    "3.b.9": (
        *_lkjip(
            "Bab IV: langkah selanjutnya yang ditulis perangkat daerah",
            "Bab IV: langkah selanjutnya",
        ),
        Bukti(E81, "tindak lanjut yang diperlukan pada triwulan dan Renja berikutnya"),
    ),
}
"""Criterion code → the outputs that serve as its evidence. A criterion without rules has
no document of ours as evidence (guidelines, publication, SKP, internal evaluation by the
Inspektorat, and use of the results by the leadership are outside what this tool writes)."""


@dataclass(frozen=True)
class BuktiDitemukan:
    """The outputs of one rule found for a criterion."""

    pola: str
    """The rule's place with the year filled in ('2024/evaluasi/<perangkat-daerah>.pdf')."""
    berkas: tuple[str, ...]
    isi: str
    jumlah_opd: int = 0
    """For a per-perangkat-daerah rule in the regency's index: how many have the document."""

    def cakupan(self, jumlah: int) -> str:
        """What the index prints beside the place: '10 dari 11 perangkat daerah' (of
        ``jumlah``), 'n berkas' for a place naming several files, else ''."""
        if self.jumlah_opd:
            return f"{self.jumlah_opd} dari {jumlah} perangkat daerah"
        return f"{len(self.berkas)} berkas" if len(self.berkas) > 1 else ""


@dataclass(frozen=True)
class BarisIndeks:
    komponen: Komponen
    sub: SubKomponen
    kriteria: Kriteria
    bukti: tuple[BuktiDitemukan, ...]

    @property
    def ada(self) -> bool:
        return bool(self.bukti)


def per_komponen(baris: Sequence[BarisIndeks]) -> tuple[tuple[int, int], ...]:
    """For each component of the worksheet, in order: (criteria with evidence, criteria)."""
    return tuple(
        (
            sum(b.ada for b in baris if b.komponen.kode == k.kode),
            sum(b.komponen.kode == k.kode for b in baris),
        )
        for k in LKE_88_2021
    )


@dataclass(frozen=True)
class IndeksOpd:
    """One perangkat daerah's index."""

    opd: str
    slug: str
    baris: tuple[BarisIndeks, ...]

    @property
    def jumlah_ada(self) -> int:
        return sum(b.ada for b in self.baris)

    @property
    def per_komponen(self) -> tuple[tuple[int, int], ...]:
        return per_komponen(self.baris)


@dataclass(frozen=True)
class IndeksBukti:
    """The index of evidence of one year: the regency's and every perangkat daerah's."""

    tahun: int
    daerah: Daerah
    pemda: tuple[BarisIndeks, ...]
    opd: tuple[IndeksOpd, ...]

    @property
    def jumlah_kriteria(self) -> int:
        return len(self.pemda)

    @property
    def jumlah_ada(self) -> int:
        return sum(b.ada for b in self.pemda)

    @property
    def per_komponen(self) -> tuple[tuple[int, int], ...]:
        return per_komponen(self.pemda)


TANDA_OPD = "<perangkat-daerah>"


def _cocok(pola: str, relatif: str) -> bool:
    """``relatif`` matches ``pola`` segment by segment (a ``*`` never crosses a folder)."""
    bagian_pola, bagian = pola.split("/"), relatif.split("/")
    return len(bagian_pola) == len(bagian) and all(
        fnmatchcase(b, p) for p, b in zip(bagian_pola, bagian, strict=True)
    )


@dataclass(frozen=True)
class _Keluaran:
    """The build's outputs, as a sorted list and as a set (most rules name one file)."""

    daftar: tuple[str, ...]
    himpunan: frozenset[str]


def _temukan(pola: str, keluaran: _Keluaran) -> tuple[str, ...]:
    wildcard = [i for i in (pola.find(tanda) for tanda in "*?[") if i >= 0]
    if not wildcard:
        return (pola,) if pola in keluaran.himpunan else ()
    awalan = pola[: min(wildcard)]  # only the sorted list's run with the pattern's prefix
    ditemukan = []
    for relatif in keluaran.daftar[bisect_left(keluaran.daftar, awalan) :]:
        if not relatif.startswith(awalan):
            break
        if _cocok(pola, relatif):
            ditemukan.append(relatif)
    return tuple(ditemukan)


def _bukti_pemda(
    aturan: Bukti, tahun: int, keluaran: _Keluaran, slugs: Sequence[str]
) -> BuktiDitemukan | None:
    pola = aturan.pola.replace("{tahun}", str(tahun))
    if "{opd}" not in pola:
        berkas = _temukan(pola, keluaran)
        return BuktiDitemukan(pola, berkas, aturan.isi) if berkas else None
    per_opd = [_temukan(pola.replace("{opd}", s), keluaran) for s in slugs]
    berkas = tuple(b for item in per_opd for b in item)
    if not berkas:
        return None
    tampil = pola.replace("{opd}", TANDA_OPD)
    return BuktiDitemukan(tampil, berkas, aturan.isi, jumlah_opd=sum(map(bool, per_opd)))


def _bukti_opd(aturan: Bukti, tahun: int, keluaran: _Keluaran, slug: str) -> BuktiDitemukan | None:
    pola = aturan.pola.replace("{tahun}", str(tahun)).replace("{opd}", slug)
    berkas = _temukan(pola, keluaran)
    return BuktiDitemukan(pola, berkas, aturan.isi) if berkas else None


def indeks_bukti(
    tahun: int,
    daerah: Daerah,
    keluaran: Iterable[str],
    opd: Sequence[tuple[str, str]],
    fakta: frozenset[str] = frozenset(),
) -> IndeksBukti:
    """The index of evidence of ``tahun`` from the outputs ``keluaran`` (paths relative to
    the output folder, '/'-separated) for the regency and every perangkat daerah of ``opd``
    ((name, file name) pairs); ``fakta``: what the build established (:data:`ADA_PEMBANDING`)."""
    himpunan = frozenset(keluaran)
    daftar = _Keluaran(tuple(sorted(himpunan)), himpunan)
    slugs = [slug for _, slug in opd]

    def berlaku(b: Bukti) -> bool:
        return b.syarat is None or b.syarat in fakta

    pemda = []
    per_opd: dict[str, list[BarisIndeks]] = {slug: [] for slug in slugs}
    for komponen, sub, kriteria in semua_kriteria():
        aturan = [b for b in ATURAN_BUKTI.get(kriteria.kode, ()) if berlaku(b)]
        ditemukan = [_bukti_pemda(b, tahun, daftar, slugs) for b in aturan if b.pemda]
        pemda.append(
            BarisIndeks(komponen, sub, kriteria, tuple(d for d in ditemukan if d is not None))
        )
        for slug in slugs:
            milik = [_bukti_opd(b, tahun, daftar, slug) for b in aturan if b.opd]
            per_opd[slug].append(
                BarisIndeks(komponen, sub, kriteria, tuple(d for d in milik if d is not None))
            )
    return IndeksBukti(
        tahun,
        daerah,
        tuple(pemda),
        tuple(IndeksOpd(nama, slug, tuple(per_opd[slug])) for nama, slug in opd),
    )
