"""Bappeda's evaluation of the year for the whole region: 'Evaluasi terhadap Hasil RKPD'
(Permendagri 86/2017), the regency twin of form E.81.

Pure: from every OPD's E.81 report of one year
(:class:`~kinerja_report.compute.formulir.FormulirE81`) and the RPJMD matrix to a plain
object the template prints:

- the programme rows of every OPD, grouped by RPJMD sasaran, with the form's columns 6-15,
  the responsible OPD in column 16;
- a row per OPD: indicators, average capaian and predikat, count per predikat, budget;
- the 'Dievaluasi' block of the head of Bappeda.

A programme's RPJMD sasaran is the one the year's pohon kinerja hangs it under
(:func:`~kinerja_report.compute.pohon.sasaran_rpjmd_program`: the form's own 'Sasaran RPJMD'
column or a cascading sheet), else the group "belum terhubung ke sasaran RPJMD", the node the
pohon marks 'Belum terhubung'; a missing link is shown, never guessed. A programme is its
OPD and its code: two OPDs' programmes of one code are two rows and two budgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kinerja_report.compute.capaian import kategori
from kinerja_report.compute.formulir import (
    BarisFormulir,
    Persen,
    TandaTangan,
    jumlah_rp_gabungan,
    kepala_bappeda_daftar,
    rata_rata_persen,
)
from kinerja_report.compute.pohon import PohonKinerja, sasaran_rpjmd_program
from kinerja_report.compute.report import LaporanOpd
from kinerja_report.compute.rules import AturanCapaian
from kinerja_report.model import MatriksRpjmd, Penandatangan, TingkatIndikator
from kinerja_report.read.normalize import normalisasi

TANPA_SASARAN = "Program yang belum terhubung ke sasaran RPJMD"


ROMAWI = ("I", "II", "III", "IV")
"""The quarters as the forms write them."""


@dataclass(frozen=True)
class KelompokSasaran:
    """The programmes of one RPJMD sasaran."""

    sasaran: str
    baris: tuple[BarisFormulir, ...]


@dataclass(frozen=True)
class RingkasanOpd:
    """One OPD's line in the second table."""

    opd: str
    jumlah_indikator: int
    jumlah_dinilai: int
    rata_rata: float | None
    predikat: str
    jumlah_kategori: tuple[tuple[str, int], ...]
    pagu: float
    realisasi: float
    serapan: float | None


@dataclass(frozen=True)
class EvaluasiRkpd:
    """Everything the regency's evaluation of one year prints."""

    tahun: int
    tahun_akhir: int | None
    kelompok: tuple[KelompokSasaran, ...]
    opd: tuple[RingkasanOpd, ...]
    label_kategori: tuple[str, ...]
    jumlah_rp: tuple[float | None, ...]
    """The budget of columns 6-14: the sum of each OPD's E.81 footer."""
    rata_rata_renja: Persen
    rata_rata_renstra: Persen
    predikat_renja: tuple[str, str]
    predikat_renstra: tuple[str, str]
    tempat: str
    dievaluasi: TandaTangan
    sebagian: bool
    """Some forms report only part of the year (TW I-III)."""
    triwulan: int = 4
    """The quarter of a quarterly evaluation (``<tahun>/triwulan-<n>/evaluasi-rkpd.pdf``:
    every form reports up to it); 4 for the year's."""
    jumlah_urut: int = 0
    """Ordinal indicators of all OPDs (reached or not by rank), left out of the averages."""
    menyeluruh: bool = True
    """The folder holds the region's RPJMD matrix: an evaluation of the RKPD. False: only
    the forms of the OPDs listed, titled as their combined Renja evaluation."""

    @property
    def judul(self) -> str:
        """The title's first words, for what the evaluation covers (:attr:`menyeluruh`)."""
        if self.menyeluruh:
            return "EVALUASI TERHADAP HASIL RKPD"
        return f"EVALUASI TERHADAP HASIL RENJA {len(self.opd)} PERANGKAT DAERAH"

    @property
    def periode(self) -> str:
        """'Triwulan I s.d. IV Tahun 2024', with what a partial period means."""
        teks = f"Triwulan I s.d. {ROMAWI[self.triwulan - 1]} Tahun {self.tahun}"
        if self.triwulan < 4:
            return f"{teks} (evaluasi triwulan, bukan hasil setahun)"
        if self.sebagian:
            return f"{teks} (sebagian perangkat daerah baru melaporkan sampai triwulan sebelumnya)"
        return teks

    @property
    def cakupan(self) -> str:
        """Which OPDs the evaluation covers; without the RPJMD matrix, named, and why it
        rates no regency indicator."""
        teks = f"{len(self.opd)} perangkat daerah yang mengirim formulir evaluasi Renja"
        if self.menyeluruh:
            return teks
        return (
            f"{teks} ({', '.join(item.opd for item in self.opd)}); matriks RPJMD tidak ada di "
            "folder, sehingga dokumen ini hanya menggabungkan formulir perangkat daerah tersebut "
            "dan tidak menilai indikator kinerja daerah"
        )

    @property
    def jumlah_kategori(self) -> tuple[int, ...]:
        """Indicators per predikat over all OPDs, in the order of :attr:`label_kategori`."""
        per_label = {label: 0 for label in self.label_kategori}
        for item in self.opd:
            for label, count in item.jumlah_kategori:
                per_label[label] = per_label.get(label, 0) + count
        return tuple(per_label[label] for label in self.label_kategori)

    @property
    def pagu(self) -> float:
        return sum(item.pagu for item in self.opd)

    @property
    def realisasi(self) -> float:
        return sum(item.realisasi for item in self.opd)

    @property
    def serapan(self) -> float | None:
        return self.realisasi / self.pagu * 100 if self.pagu else None


def cakupan_daerah(
    matriks: Sequence[MatriksRpjmd], laporan: Sequence[LaporanOpd], tahun: int
) -> bool:
    """The one rule for a regency-wide document of ``tahun`` (the regency's evaluation, the
    regent's summary, the regency's LKjIP, the regency's pohon kinerja): the folder holds the
    region's RPJMD matrix, or the forms of more than one OPD that year. One OPD's form alone
    speaks for that OPD, never for the whole Kabupaten."""
    if matriks:
        return True
    return len({normalisasi(lap.opd) for lap in laporan if lap.tahun == tahun}) > 1


def _kepala_bappeda(
    laporan: Sequence[LaporanOpd], penandatangan: Sequence[Penandatangan], tahun: int
) -> Penandatangan | None:
    """The list's head of Bappeda; else the one the OPDs' reports already name."""
    found = kepala_bappeda_daftar(penandatangan, tahun)
    if found is not None:
        return found
    named = {
        lap.formulir.dievaluasi.penandatangan
        for lap in laporan
        if lap.formulir is not None and lap.formulir.dievaluasi.penandatangan is not None
    }
    return named.pop() if len(named) == 1 else None


def evaluasi_rkpd(
    tahun: int,
    laporan: Sequence[LaporanOpd],
    matriks: Sequence[MatriksRpjmd],
    penandatangan: Sequence[Penandatangan],
    aturan: AturanCapaian,
    tempat: str = "",
    wilayah: str = "",
    pohon: PohonKinerja | None = None,
) -> EvaluasiRkpd | None:
    """The regency's evaluation of ``tahun`` from its OPDs' reports; None without any.
    ``pohon``: the year's pohon kinerja, whose links group the programmes (module doc)."""
    reports = sorted(
        (lap for lap in laporan if lap.tahun == tahun and lap.formulir is not None),
        key=lambda lap: lap.opd,
    )
    if not reports:
        return None
    rpjmd = [row for item in matriks for row in item.indikator]
    order = list(dict.fromkeys(row.sasaran for row in rpjmd))
    groups: dict[str, list[BarisFormulir]] = {}
    for lap in reports:
        assert lap.formulir is not None
        for row in lap.formulir.baris:
            if row.tingkat is not TingkatIndikator.PROGRAM:
                continue
            linked = sasaran_rpjmd_program(pohon, lap.opd, row.kode, row.uraian) if pohon else ""
            sasaran = linked or row.sasaran_rpjmd or TANPA_SASARAN
            groups.setdefault(sasaran, []).append(replace(row, penanggung_jawab=lap.opd))
    ranked = sorted(
        groups,
        key=lambda s: (s == TANPA_SASARAN, order.index(s) if s in order else len(order), s),
    )
    kelompok, nomor = [], 0
    for sasaran in ranked:
        rows = []
        for i, row in enumerate(groups[sasaran]):
            if row.no is not None:
                nomor += 1
            span = len(groups[sasaran]) if i == 0 else 0
            rows.append(
                replace(
                    row,
                    no=nomor if row.no is not None else None,
                    sasaran=sasaran,
                    rentang_sasaran=span,
                )
            )
        kelompok.append(KelompokSasaran(sasaran, tuple(rows)))
    kepala = _kepala_bappeda(reports, penandatangan, tahun)
    programmes = [row for group in kelompok for row in group.baris]
    renja = rata_rata_persen([row.capaian for row in programmes], aturan)
    renstra = rata_rata_persen([row.capaian_renstra for row in programmes], aturan)
    return EvaluasiRkpd(
        tahun=tahun,
        tahun_akhir=max(
            (
                lap.formulir.tahun_akhir
                for lap in reports
                if lap.formulir and lap.formulir.tahun_akhir
            ),
            default=None,
        ),
        kelompok=tuple(kelompok),
        opd=tuple(_ringkasan(lap) for lap in reports),
        label_kategori=tuple(dict.fromkeys(pita.label for pita in aturan.skala)),
        jumlah_rp=jumlah_rp_gabungan(
            [lap.formulir.jumlah_rp for lap in reports if lap.formulir is not None]
        ),
        rata_rata_renja=renja,
        rata_rata_renstra=renstra,
        predikat_renja=(kategori(renja.k, aturan.skala), kategori(renja.rp, aturan.skala)),
        predikat_renstra=(kategori(renstra.k, aturan.skala), kategori(renstra.rp, aturan.skala)),
        menyeluruh=bool(matriks),
        tempat=tempat,
        dievaluasi=TandaTangan(
            "Dievaluasi",
            kepala.jabatan if kepala else f"Kepala Bappeda {wilayah}".strip(),
            kepala,
        ),
        sebagian=any(lap.formulir.sebagian for lap in reports if lap.formulir),
        jumlah_urut=sum(1 for lap in reports for row in lap.baris if row.capaian.urut),
    )


def _ringkasan(lap: LaporanOpd) -> RingkasanOpd:
    return RingkasanOpd(
        opd=lap.opd,
        jumlah_indikator=len(lap.baris),
        jumlah_dinilai=sum(1 for row in lap.baris if row.capaian.persen is not None),
        rata_rata=lap.rata_rata,
        predikat=lap.kategori_rata_rata,
        jumlah_kategori=lap.jumlah_kategori,
        pagu=lap.anggaran.pagu,
        realisasi=lap.anggaran.realisasi,
        serapan=lap.anggaran.serapan,
    )
