"""Parts of the regency's LKjIP draft around its chapters (PermenPAN-RB 53/2014): Kata
Pengantar, Ikhtisar Eksekutif, Sistematika Penyajian, the programmes and the perangkat
daerah's own words under each RPJMD sasaran, the next steps, and the lampiran.

Every number comes from the year's summary (:class:`~kinerja_report.compute.ringkasan.
RingkasanTahun`, the figures the regent's summary prints) or the regency's evaluation
(:class:`~kinerja_report.compute.rkpd.EvaluasiRkpd`, its grouping of programmes by RPJMD
sasaran); causes and next steps are quoted from the forms, never written by the tool.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kinerja_report.compute.budget import efisiensi
from kinerja_report.compute.formulir import LABEL_NARASI, BarisFormulir, rata_rata_persen
from kinerja_report.compute.lkjip_blok import (
    ISIAN,
    Blok,
    Judul,
    Paragraf,
    Tabel,
    teks_capaian,
    teks_nilai,
)
from kinerja_report.compute.perjanjian import PerjanjianKinerja
from kinerja_report.compute.report import LaporanOpd, PaguSimpul, pagu_program
from kinerja_report.compute.ringkasan import RingkasanTahun
from kinerja_report.compute.rules import AturanCapaian
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.formats import persen, rupiah
from kinerja_report.read.normalize import kunci_nama


def kata_pengantar(
    instansi: str,
    tahun: int,
    penanda: str,
    tempat: str,
    rencana: str = "Rencana Pembangunan Jangka Menengah Daerah",
) -> list[Blok]:
    """The foreword, signed by the head of the institution (``penanda``: the position);
    ``rencana``: the medium-term plan it reports against (an OPD's Renstra)."""
    return [
        Judul(1, "KATA PENGANTAR"),
        Paragraf(
            f"Laporan Kinerja {instansi} Tahun {tahun} disusun sebagai bentuk "
            "pertanggungjawaban atas pelaksanaan tugas pemerintahan dan pembangunan dalam "
            f"mencapai sasaran yang ditetapkan dalam {rencana} dan Perjanjian Kinerja tahun "
            "yang sama. Laporan ini menyajikan capaian indikator "
            "kinerja, perbandingannya dengan target tahunan, target akhir periode, tahun-tahun "
            "sebelumnya dan angka pembanding, penjelasan perangkat daerah atas keberhasilan "
            "dan hambatannya, serta penggunaan anggaran."
        ),
        Paragraf(
            "Laporan ini diharapkan menjadi bahan evaluasi dan perbaikan perencanaan serta "
            "pelaksanaan program pada tahun berikutnya, dan menjadi sarana akuntabilitas "
            "kepada masyarakat."
        ),
        Paragraf(f"{tempat or '........'}, {ISIAN}tanggal penetapan]", kanan=True),
        Paragraf(penanda, kanan=True),
        Paragraf(f"{ISIAN}nama dan tanda tangan]", isian=True, kanan=True),
    ]


def ikhtisar_pemda(r: RingkasanTahun, jumlah_sasaran: int, jumlah_opd: int) -> list[Blok]:
    """One page: the year's results in numbers, from the summary the regent reads."""
    jumlah = len(r.indikator)
    tercapai = r.jumlah_tercapai()
    kategori = "; ".join(f"{label} {n}" for label, n in r.jumlah_kategori())
    belum = r.belum_dinilai()
    blok: list[Blok] = [
        Judul(1, "IKHTISAR EKSEKUTIF"),
        Paragraf(
            f"Pada tahun {r.tahun}, kinerja {r.daerah.nama_lengkap or 'daerah'} diukur dengan "
            f"{jumlah} indikator kinerja daerah pada {jumlah_sasaran} sasaran RPJMD, didukung "
            f"oleh program {jumlah_opd} perangkat daerah. Sebanyak {tercapai} dari {jumlah} "
            "indikator mencapai atau melampaui target tahunannya."
            + (f" Menurut predikat capaian: {kategori}." if kategori else "")
            + (
                f" {len(belum)} indikator belum dapat dinilai karena target atau realisasinya "
                f"belum tersedia: {', '.join(belum)}."
                if belum
                else ""
            )
        ),
    ]
    if r.pagu:
        blok.append(
            Paragraf(
                f"Pagu anggaran perangkat daerah yang dievaluasi {rupiah(r.pagu)} dengan "
                f"realisasi {rupiah(r.realisasi_anggaran)}, serapan {persen(r.serapan)}."
            )
        )
    rawan = list(dict.fromkeys(i.indikator for i in r.rawan if i.daerah))
    if rawan:
        blok.append(
            Paragraf(
                "Indikator kinerja daerah yang belum tercapai atau berisiko tidak mencapai "
                f"target akhir periode: {', '.join(rawan)}."
            )
        )
    blok.append(
        Tabel(
            f"Capaian indikator kinerja daerah tahun {r.tahun}",
            ("No", "Indikator (satuan)", "Target", "Realisasi", "Capaian", "Predikat"),
            tuple(
                (
                    str(n),
                    i.baris.indikator + (f" ({i.baris.satuan})" if i.baris.satuan else ""),
                    teks_nilai(i.baris.target),
                    teks_nilai(i.baris.realisasi),
                    teks_capaian(i.baris),
                    i.baris.kategori,
                )
                for n, i in enumerate(r.indikator, start=1)
            ),
            (6, 44, 12, 12, 12, 14),
            frozenset({2, 3, 4}),
        )
    )
    return blok


SISTEMATIKA = (
    "Bab I Pendahuluan: latar belakang, gambaran umum, tugas, fungsi dan struktur organisasi, "
    "serta isu strategis.",
    "Bab II Perencanaan Kinerja: visi, misi, tujuan, sasaran dan indikator kinerja utama "
    "RPJMD, serta Perjanjian Kinerja tahun berjalan.",
    "Bab III Akuntabilitas Kinerja: capaian setiap sasaran dan indikatornya dibandingkan "
    "dengan target tahunan, tahun-tahun sebelumnya, target akhir periode dan angka "
    "pembanding; penjelasan perangkat daerah; program pendukung dan efisiensinya; realisasi "
    "anggaran.",
    "Bab IV Penutup: simpulan capaian dan langkah perbaikan ke depan.",
    "Lampiran: Perjanjian Kinerja, Indikator Kinerja Utama dan tabel capaian.",
)


def sistematika(nomor: str) -> list[Blok]:
    return [
        Judul(2, f"{nomor} Sistematika Penyajian"),
        *(Paragraf(teks) for teks in SISTEMATIKA),
    ]


@dataclass(frozen=True)
class DukunganSasaran:
    """The programmes under one RPJMD sasaran, their budget and efficiency."""

    baris: tuple[tuple[str, BarisFormulir, float, float], ...]
    """(OPD, programme row, pagu, realisasi) per programme indicator row."""
    rata_rata: float | None
    jumlah_dinilai: int
    pagu: float
    realisasi: float
    efisiensi: str

    @property
    def serapan(self) -> float | None:
        return self.realisasi / self.pagu * 100 if self.pagu else None

    @property
    def opd(self) -> list[str]:
        return list(dict.fromkeys(opd for opd, *_ in self.baris))


KunciProgram = tuple[str, str, str]
"""(OPD by :func:`kunci_nama`, programme code, programme name)."""


def pagu_per_program(laporan: Sequence[LaporanOpd]) -> dict[KunciProgram, PaguSimpul]:
    """Each OPD's programmes with their budget by the one rule
    (:func:`~kinerja_report.compute.report.pagu_program`), once for every sasaran."""
    return {
        (kunci_nama(lap.opd), node.kode, node.uraian): node
        for lap in laporan
        for node in pagu_program(lap.baris)
    }


def dukungan_sasaran(
    rows: Sequence[BarisFormulir],
    nodes: Mapping[KunciProgram, PaguSimpul],
    aturan: AturanCapaian,
) -> DukunganSasaran:
    """The programme rows of one sasaran (``EvaluasiRkpd.kelompok``, each with its
    penanggung jawab) with each programme's budget (``nodes``: :func:`pagu_per_program`)
    and the sasaran's efficiency: the mean capaian of its programme indicators against the
    serapan of their budget."""
    baris, dihitung = [], set()
    pagu = realisasi = 0.0
    for row in rows:
        kunci = (kunci_nama(row.penanggung_jawab), row.kode.strip(), row.uraian.strip())
        node = nodes.get(kunci)
        p, q = (node.pagu, node.realisasi) if node is not None else (0.0, 0.0)
        if kunci not in dihitung:  # a programme's budget once, whatever its indicators
            dihitung.add(kunci)
            pagu += p
            realisasi += q
        baris.append((row.penanggung_jawab, row, p, q))
    rerata = rata_rata_persen([row.capaian for row in rows], aturan)
    serapan = realisasi / pagu * 100 if pagu else None
    return DukunganSasaran(
        tuple(baris),
        rerata.k,
        rerata.dasar,
        pagu,
        realisasi,
        efisiensi(rerata.k, serapan, aturan),
    )


def blok_dukungan(
    sasaran: str, dukungan: DukunganSasaran, laporan: Sequence[LaporanOpd]
) -> list[Blok]:
    """The programme table, the efficiency sentence and the supporting OPDs' own words."""
    if not dukungan.baris:
        return [Paragraf("Belum ada program perangkat daerah yang terhubung ke sasaran ini.")]
    blok: list[Blok] = [
        Tabel(
            f"Program pendukung sasaran: {sasaran}",
            ("Perangkat Daerah", "Program", "Indikator", "Capaian", "Pagu", "Realisasi"),
            tuple(
                (
                    opd,
                    "" if row.lanjutan else f"{row.kode} {row.uraian}".strip(),
                    row.indikator,
                    row.capaian.k_teks or persen(row.capaian.k),
                    "" if row.lanjutan else rupiah(p),
                    "" if row.lanjutan else rupiah(q),
                )
                for opd, row, p, q in dukungan.baris
            ),
            (14, 21, 21, 9, 17, 17),
            frozenset({3, 4, 5}),
        )
    ]
    if dukungan.rata_rata is not None and dukungan.serapan is not None:
        blok.append(
            Paragraf(
                f"Rata-rata capaian {dukungan.jumlah_dinilai} indikator program pendukung "
                f"{persen(dukungan.rata_rata)} dengan serapan anggaran "
                f"{persen(dukungan.serapan)} (pagu {rupiah(dukungan.pagu)}, realisasi "
                f"{rupiah(dukungan.realisasi)}): penggunaan sumber daya untuk sasaran ini "
                f"{dukungan.efisiensi}."
            )
        )
    blok.extend(penjelasan_opd(dukungan.opd, laporan))
    return blok


_LABEL_NARASI = tuple(
    (nama, label) for nama, label in LABEL_NARASI if nama != "tindak_lanjut_triwulan"
)
"""What an LKjIP quotes of a form: the causes and the next Renja's steps."""


def _narasi(lap: LaporanOpd, kolom: Sequence[tuple[str, str]]) -> list[Blok]:
    if lap.formulir is None:
        return []
    return [
        Paragraf(f"{label}: {teks}", kutipan=True)
        for nama, label in kolom
        if (teks := getattr(lap.formulir.narasi, nama).strip())
    ]


TANPA_PENJELASAN = Paragraf(
    "Perangkat daerah pendukung sasaran ini tidak menuliskan faktor pendorong, penghambat "
    "atau tindak lanjut dalam formulir evaluasinya."
)


def penjelasan_opd(
    opd: Sequence[str], laporan: Sequence[LaporanOpd], kosong: Paragraf = TANPA_PENJELASAN
) -> list[Blok]:
    """What each supporting OPD wrote in its form about what moved its results, quoted;
    ``kosong`` when none wrote anything."""
    per_opd = {kunci_nama(lap.opd): lap for lap in laporan}
    blok: list[Blok] = []
    for nama in opd:
        lap = per_opd.get(kunci_nama(nama))
        kutipan = _narasi(lap, _LABEL_NARASI) if lap is not None else []
        if kutipan:
            blok.append(Paragraf(f"Penjelasan {nama} dalam formulir evaluasi hasil Renja:"))
            blok.extend(kutipan)
    if not blok:
        blok.append(kosong)
    return blok


def langkah_selanjutnya(laporan: Sequence[LaporanOpd]) -> list[Blok]:
    """Bab IV's next steps: each OPD's 'tindak lanjut pada Renja berikutnya', quoted."""
    blok: list[Blok] = []
    for lap in laporan:
        kutipan = _narasi(lap, (("tindak_lanjut_renja", lap.opd),))
        blok.extend(kutipan)
    if not blok:
        return [
            Paragraf(
                f"{ISIAN}langkah perbaikan tahun berikutnya; formulir evaluasi perangkat daerah "
                "tidak memuat tindak lanjut Renja berikutnya.]",
                isian=True,
            )
        ]
    return [
        Paragraf(
            "Tindak lanjut yang direncanakan perangkat daerah pada Renja berikutnya, "
            "sebagaimana dituliskan dalam formulir evaluasi:"
        ),
        *blok,
    ]


def lampiran_pemda(r: RingkasanTahun, pk: PerjanjianKinerja | None, iku: Tabel) -> list[Blok]:
    """Lampiran: the Bupati's PK (both tables), the IKU, the capaian table."""
    blok: list[Blok] = [
        Judul(1, "LAMPIRAN"),
        Judul(2, f"Lampiran 1 Perjanjian Kinerja Tahun {r.tahun}"),
        *tabel_pk(pk, "Perjanjian Kinerja Bupati"),
    ]
    blok += [Judul(2, "Lampiran 2 Indikator Kinerja Utama"), iku]
    blok += [
        Judul(2, f"Lampiran 3 Capaian Indikator Kinerja Daerah Tahun {r.tahun}"),
        Tabel(
            f"Capaian indikator kinerja daerah tahun {r.tahun}",
            (
                "No",
                "Sasaran",
                "Indikator (satuan)",
                "Target",
                "Realisasi",
                "Capaian",
                "Predikat",
                "Penanggung jawab",
            ),
            tuple(
                (
                    str(n),
                    i.baris.sasaran,
                    i.baris.indikator + (f" ({i.baris.satuan})" if i.baris.satuan else ""),
                    teks_nilai(i.baris.target),
                    teks_nilai(i.baris.realisasi),
                    teks_capaian(i.baris),
                    i.baris.kategori,
                    i.penanggung_jawab,
                )
                for n, i in enumerate(r.indikator, start=1)
            ),
            (5, 20, 22, 9, 9, 9, 11, 15),
            frozenset({3, 4, 5}),
        ),
    ]
    return blok


def tabel_pk(pk: PerjanjianKinerja | None, nama: str) -> list[Blok]:
    """The two tables of a Perjanjian Kinerja (sasaran, indicators and targets; programmes
    and budget with their total), or a place for the signed one."""
    if pk is None:
        return [
            Paragraf(
                f"{ISIAN}{nama} yang telah ditandatangani; folder masukan tidak memuat data "
                "untuk menyusunnya.]",
                isian=True,
            )
        ]
    return [
        Tabel(
            f"{pk.judul_sasaran}, indikator kinerja dan target",
            ("No", pk.judul_sasaran, "Indikator kinerja", "Target"),
            tuple(
                (
                    str(n) if i == 0 else "",
                    s.sasaran if i == 0 else "",
                    ind.indikator,
                    " ".join(x for x in (teks_nilai(ind.target), ind.satuan) if x),
                )
                for n, s in enumerate(pk.sasaran, start=1)
                for i, ind in enumerate(s.indikator)
            ),
            (6, 36, 40, 18),
            frozenset({3}),
        ),
        Tabel(
            f"{pk.judul_program} dan anggaran",
            ("No", pk.judul_program, "Anggaran (Rp)", "Keterangan"),
            (
                *(
                    (str(n), p.program, rupiah(p.anggaran), p.keterangan)
                    for n, p in enumerate(pk.program, start=1)
                ),
                ("", "Jumlah", rupiah(pk.total_anggaran), ""),
            ),
            (6, 56, 22, 16),
            frozenset({2}),
        ),
    ]


def ikhtisar_opd(lap: LaporanOpd, utama: Sequence[BarisCapaian], jumlah_sasaran: int) -> list[Blok]:
    """One page for an OPD: its year in numbers, from its report (the E.81's figures)."""
    tercapai = sum(1 for r in utama if r.capaian.target_tercapai)
    kategori = "; ".join(f"{label} {n}" for label, n in lap.jumlah_kategori if n)
    blok: list[Blok] = [
        Judul(1, "IKHTISAR EKSEKUTIF"),
        Paragraf(
            f"Pada tahun {lap.tahun}, kinerja {lap.opd} diukur dengan {len(utama)} indikator "
            f"program pada {jumlah_sasaran} sasaran. Sebanyak {tercapai} dari {len(utama)} "
            "indikator program mencapai atau melampaui target tahunannya."
            + (
                f" Rata-rata capaian seluruh {len(lap.baris)} indikator (program, kegiatan dan "
                f"sub kegiatan) {persen(lap.rata_rata)}, predikat {lap.kategori_rata_rata}."
                if lap.rata_rata is not None
                else ""
            )
            + (f" Menurut predikat capaian: {kategori}." if kategori else "")
        ),
    ]
    if lap.anggaran.pagu:
        blok.append(
            Paragraf(
                f"Pagu anggaran {rupiah(lap.anggaran.pagu)} dengan realisasi "
                f"{rupiah(lap.anggaran.realisasi)}, serapan {persen(lap.anggaran.serapan)}."
            )
        )
    blok.append(
        Tabel(
            f"Capaian indikator program tahun {lap.tahun}",
            ("No", "Indikator (satuan)", "Target", "Realisasi", "Capaian", "Predikat"),
            tuple(
                (
                    str(n),
                    r.indikator + (f" ({r.satuan})" if r.satuan else ""),
                    teks_nilai(r.target),
                    teks_nilai(r.realisasi),
                    teks_capaian(r),
                    r.kategori,
                )
                for n, r in enumerate(utama, start=1)
            ),
            (6, 44, 12, 12, 12, 14),
            frozenset({2, 3, 4}),
        )
    )
    return blok
