"""The evaluation report as form E.81 (Permendagri 86/2017): its rows by the form's own
column numbers, the footer (averages, predikat, the OPD's narrative) and who signs it.

Pure: from an OPD-year's form (:class:`~kinerja_report.model.EvaluasiRenja`), its capaian
rows and the signatories list to a plain object the template prints. Values the OPD entered
(columns 6-12, 16, 17) are kept as entered, with their cells; columns 13-15 and the year's
capaian are ours, by the row's rules (docs/capaian.md):

- 13 = 9 + 10 + 11 + 12, or the last or mean quarter for indicators that say so;
- 14 = 7 + 13 for indicators whose years add up; for rates, indices and percentages the
  latest value (13), since adding years of a rate is meaningless; Rp always 7 + 13;
- 15 = 14 / 6 x 100 (for a negative indicator by the region's formula);
- 18 = 13 / 8 x 100 (the year's capaian, K; Rp = serapan) and 19 its predikat.

An ordinal indicator (Opini BPK, predikat SAKIP ...) has no percentage: columns 15 and 18
say 'Tercapai' / 'Tidak tercapai' by rank and the footer averages leave it out (and say so).
Percentages are computed from unrounded values; only printing rounds.

A quarterly form (TW I-III) keeps the later quarters empty and scores the realisation so far
against the year's target ("s.d. triwulan n").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kinerja_report.compute.capaian import hitung_capaian, kategori, kategori_hasil
from kinerja_report.compute.perjanjian import (
    cari_penandatangan,
    jabatan_kepala_opd,
    kepala_opd_daftar,
    pejabat_unit,
)
from kinerja_report.compute.report import dirata, rata_rata, simpul_anggaran
from kinerja_report.compute.rules import Agregasi, AntarTahun, AturanCapaian, pencilan
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import (
    KOSONG,
    EvaluasiRenja,
    IndikatorRenja,
    Nilai,
    Penandatangan,
    TandaTanganFormulir,
    TingkatIndikator,
)
from kinerja_report.read.normalize import normalisasi

DESIMAL_MAKS = 3
"""A value typed with more decimals than this is a formula's result: printed with 2."""


def desimal_isian(value: float) -> int:
    """The decimals a number was entered with: 92.5 -> 1, 93.0 -> 0, 1.86 -> 2; a value with
    more than :data:`DESIMAL_MAKS` (1.6666...) was computed in the workbook: 2."""
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return places if places <= DESIMAL_MAKS else 2


def _bulat_seperti(nilai: Nilai, bagian: Sequence[Nilai]) -> Nilai:
    """A value computed from ``bagian`` rounded to the precision they were entered with
    (0.1 + 0.2 prints 0,3; a mean of whole numbers a whole number)."""
    if nilai.angka is None:
        return nilai
    numbers = [b.angka for b in bagian if b.angka is not None]
    if not numbers:
        return nilai
    places = max(desimal_isian(value) for value in numbers)
    return Nilai(angka=round(nilai.angka, places), sumber=nilai.sumber)


@dataclass(frozen=True)
class KRp:
    """One form column's pair: K (physical) and Rp (rupiah)."""

    k: Nilai = KOSONG
    rp: Nilai = KOSONG


@dataclass(frozen=True)
class Persen:
    """A pair of percentages (K and Rp) the tool computed; None when not computable."""

    k: float | None = None
    rp: float | None = None
    k_teks: str = ""
    """For an ordinal indicator, in place of K: 'Tercapai' / 'Tidak tercapai' by rank."""
    dasar: int = 0
    """For a mean: how many K values it averages (printed beside it: 'rata-rata N
    indikator'); 0 for one row's percentages."""


@dataclass(frozen=True)
class BarisFormulir:
    """One indicator row of the form, by the form's column numbers."""

    no: int | None
    """Column 1: numbered on the first row of each programme, kegiatan, sub kegiatan."""
    sasaran: str
    """Column 2, printed on the first row of a run of the same sasaran."""
    sasaran_rpjmd: str
    """The form's own 'Sasaran RPJMD' column, when it has one."""
    rentang_sasaran: int
    """Rows the sasaran cell spans from here; 0 on the rows it covers."""
    kode: str
    uraian: str
    tingkat: TingkatIndikator
    lanjutan: bool
    """A further indicator of the row above: code and name are not repeated."""
    indikator: str
    satuan: str
    negatif: bool
    target_renstra: KRp
    realisasi_lalu: KRp
    target: KRp
    triwulan: tuple[KRp, KRp, KRp, KRp]
    realisasi: KRp
    realisasi_renstra: KRp
    capaian_renstra: Persen
    penanggung_jawab: str
    keterangan: str
    capaian: Persen
    """Column 18: 13 / 8 x 100 (K, by the row's rule) and the serapan (Rp)."""
    predikat: str
    """Column 19: the category of the year's capaian (K)."""
    baris: BarisCapaian


@dataclass(frozen=True)
class Narasi:
    """The free-text rows under the table; '' when the OPD wrote nothing."""

    faktor_pendorong: str = ""
    faktor_penghambat: str = ""
    tindak_lanjut_triwulan: str = ""
    tindak_lanjut_renja: str = ""

    def baris(self) -> list[tuple[str, str]]:
        """(the form's caption, what the OPD wrote) of each row, in the form's order."""
        return [(label, getattr(self, nama)) for nama, label in LABEL_NARASI]


LABEL_NARASI = (
    ("faktor_pendorong", "Faktor pendorong keberhasilan pencapaian"),
    ("faktor_penghambat", "Faktor penghambat pencapaian kinerja"),
    ("tindak_lanjut_triwulan", "Tindak lanjut yang diperlukan dalam triwulan berikutnya"),
    (
        "tindak_lanjut_renja",
        "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
    ),
)
"""The captions of the form's narrative rows (Permendagri 86/2017, E.81), by field."""


@dataclass(frozen=True)
class TandaTangan:
    """A signature block: the label above it, the signatory (None: dotted lines)."""

    label: str
    jabatan: str
    penandatangan: Penandatangan | None


@dataclass(frozen=True)
class FormulirE81:
    """Everything the E.81 evaluation report of one OPD-year prints."""

    tahun: int
    triwulan: int
    """4 for the year; 1-3: the realisation so far, columns of later quarters empty."""
    tahun_akhir: int | None
    """The end of the Renstra period (column 6's header), when known."""
    baris: tuple[BarisFormulir, ...]
    rata_rata_renja: Persen
    """Footer: the mean of column 18 (K: capped when the settings say so) and of serapan."""
    rata_rata_renstra: Persen
    """Footer: the mean of column 15 (K, Rp)."""
    jumlah_urut: int
    """Ordinal indicators (reached or not by rank), left out of the footer averages."""
    jumlah_pencilan: int
    """Capaian of columns 15 and 18 above the outlier bound (:func:`jumlah_pencilan`)."""
    tidak_dijumlah: dict[str, list[str]]
    """Indicators whose column 13 is not the quarters' sum, by rule (:func:`tidak_dijumlah`)."""
    predikat_renja: tuple[str, str]
    predikat_renstra: tuple[str, str]
    jumlah_rp: tuple[float | None, ...]
    """Footer: the budget of columns 6, 7, 8, 9, 10, 11, 12, 13, 14 summed over the nodes
    that carry it (each programme once; its kegiatan or sub kegiatan when it has none)."""
    narasi: Narasi
    tempat: str
    tanggal: str
    disusun: TandaTangan
    dievaluasi: TandaTangan
    tindak_lanjut_lalu: str = ""
    """The 'tindak lanjut triwulan berikutnya' of the same OPD-year's previous quarter's form
    in the folder (:mod:`kinerja_report.compute.tahapan`), printed beside this quarter's."""
    triwulan_lalu: int = 0
    """The quarter of that form (0: none)."""

    @property
    def sebagian(self) -> bool:
        """A quarterly (not a full year's) evaluation."""
        return self.triwulan < 4


_BAPPEDA = re.compile(r"\b(bappeda\w*|bapperida|perencanaan pembangunan)\b", re.IGNORECASE)
_NARASI = (
    ("faktor_pendorong", re.compile(r"^faktor\s+pendorong", re.IGNORECASE)),
    ("faktor_penghambat", re.compile(r"^faktor\s+penghambat", re.IGNORECASE)),
    ("tindak_lanjut_triwulan", re.compile(r"^tindak\s+lanjut.*\btriwulan", re.IGNORECASE)),
    ("tindak_lanjut_renja", re.compile(r"^tindak\s+lanjut.*\b(renja|rkpd)", re.IGNORECASE)),
)
_TANDA_CATATAN = re.compile(r"^[\s*)]+")


def baca_narasi(catatan: Sequence[str]) -> Narasi:
    """The form's narrative rows by kind; the text after the label's colon ('Faktor
    penghambat pencapaian kinerja : ...'), footnote marks ('*)') dropped."""
    found: dict[str, str] = {}
    for text in catatan:
        for field_name, pattern in _NARASI:
            if pattern.match(text.strip()) and field_name not in found:
                _, _, isi = text.partition(":")
                isi = _TANDA_CATATAN.sub("", isi).strip()
                found[field_name] = isi if any(ch.isalnum() for ch in isi) else ""
                break
    return Narasi(**found)


def _sasaran_berjalan(rows: Sequence[BarisCapaian]) -> list[int]:
    """The row span of each run of one sasaran (0 inside a run)."""
    spans = [0] * len(rows)
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or normalisasi(rows[i].sasaran) != normalisasi(rows[start].sasaran):
            spans[start] = i - start
            start = i
    return spans


def _realisasi_renstra(
    row: IndikatorRenja, baris: BarisCapaian, realisasi: KRp, bulat: bool = True
) -> KRp:
    """Column 14 by the row's rule across years (module docstring); ``bulat``: rounded for
    printing, else exact (for column 15)."""
    if baris.sifat.antar_tahun is AntarTahun.TERAKHIR:
        k = realisasi.k
    elif row.realisasi_lalu.angka is not None and realisasi.k.angka is not None:
        total = row.realisasi_lalu.angka + realisasi.k.angka
        k = Nilai(angka=total)
        if bulat:
            k = _bulat_seperti(k, (row.realisasi_lalu, realisasi.k))
    else:
        k = row.realisasi_renstra  # the form's own column 14, when 7 is empty
    if row.realisasi_lalu_rp.angka is not None and realisasi.rp.angka is not None:
        rp = Nilai(angka=row.realisasi_lalu_rp.angka + realisasi.rp.angka)
    else:
        rp = row.realisasi_renstra_rp
    return KRp(k, rp)


def _capaian_renstra(
    row: IndikatorRenja, baris: BarisCapaian, renstra: KRp, aturan: AturanCapaian
) -> Persen:
    """Column 15 from column 14 as computed, unrounded (the printed 14 may be rounded)."""
    hasil = hitung_capaian(row.target_renstra, renstra.k, baris.polaritas, aturan)
    rp = None
    if row.target_renstra_rp.angka and renstra.rp.angka is not None:
        rp = renstra.rp.angka / row.target_renstra_rp.angka * 100
    return Persen(hasil.persen, rp, kategori_hasil(hasil) if hasil.urut else "")


def baris_formulir(
    evaluasi: EvaluasiRenja, rows: Sequence[BarisCapaian], aturan: AturanCapaian
) -> list[BarisFormulir]:
    """The form's rows: ``rows`` are the capaian rows of ``evaluasi``'s indicators, in order."""
    spans = _sasaran_berjalan(rows)
    out: list[BarisFormulir] = []
    nomor = 0
    for i, (row, baris) in enumerate(zip(evaluasi.indikator, rows, strict=True)):
        previous = rows[i - 1] if i else None
        lanjutan = previous is not None and (previous.kode, previous.uraian) == (
            baris.kode,
            baris.uraian,
        )
        if not lanjutan:
            nomor += 1
        quarters = tuple(
            KRp(row.triwulan[q], row.triwulan_rp[q])
            if q < evaluasi.triwulan
            else KRp()  # a quarterly form: the later quarters are not reported yet
            for q in range(4)
        )
        realisasi = KRp(
            _bulat_seperti(baris.realisasi, row.triwulan[: evaluasi.triwulan]), baris.realisasi_rp
        )
        renstra = _realisasi_renstra(row, baris, realisasi)
        tepat = _realisasi_renstra(row, baris, KRp(baris.realisasi, baris.realisasi_rp), False)
        out.append(
            BarisFormulir(
                no=None if lanjutan else nomor,
                sasaran=baris.sasaran,
                sasaran_rpjmd=row.sasaran_rpjmd,
                rentang_sasaran=spans[i],
                kode=baris.kode,
                uraian=baris.uraian,
                tingkat=baris.tingkat,
                lanjutan=lanjutan,
                indikator=baris.indikator,
                satuan=baris.satuan,
                negatif=baris.polaritas.value == "negatif",
                target_renstra=KRp(row.target_renstra, row.target_renstra_rp),
                realisasi_lalu=KRp(row.realisasi_lalu, row.realisasi_lalu_rp),
                target=KRp(row.target, row.target_rp),
                triwulan=(quarters[0], quarters[1], quarters[2], quarters[3]),
                realisasi=realisasi,
                realisasi_renstra=renstra,
                capaian_renstra=_capaian_renstra(row, baris, tepat, aturan),
                penanggung_jawab=row.penanggung_jawab,
                keterangan=row.keterangan,
                capaian=Persen(
                    baris.capaian.persen,
                    baris.serapan,
                    baris.kategori if baris.capaian.urut else "",
                ),
                predikat=baris.kategori,
                baris=baris,
            )
        )
    return out


def _pagu_formulir(row: BarisFormulir) -> Nilai:
    return row.target.rp


def _kolom_rp(row: BarisFormulir) -> tuple[Nilai, ...]:
    """The Rp values of columns 6 to 14 of a row."""
    return (
        row.target_renstra.rp,
        row.realisasi_lalu.rp,
        row.target.rp,
        *(quarter.rp for quarter in row.triwulan),
        row.realisasi.rp,
        row.realisasi_renstra.rp,
    )


def baris_anggaran(baris: Sequence[BarisFormulir]) -> list[BarisFormulir]:
    """The rows (of ``baris`` themselves) whose budget the footer sums, by the one rule of
    :func:`kinerja_report.compute.report.simpul_anggaran` (column 8 decides)."""
    return simpul_anggaran(baris, _pagu_formulir)


def jumlah_rp(baris: Sequence[BarisFormulir]) -> tuple[float | None, ...]:
    """The budget of columns 6 to 14 summed over the rows whose budget counts
    (:func:`baris_anggaran`)."""
    nodes = baris_anggaran(baris)
    columns = list(zip(*(_kolom_rp(node) for node in nodes), strict=True))
    totals: list[float | None] = []
    for values in columns or [()] * 9:
        numbers = [v.angka for v in values if v.angka is not None]
        totals.append(sum(numbers) if numbers else None)
    return tuple(totals)


def jumlah_rp_gabungan(per_opd: Sequence[tuple[float | None, ...]]) -> tuple[float | None, ...]:
    """Columns 6 to 14 of several OPDs: the sum of each OPD's own :func:`jumlah_rp` (a
    programme is its OPD and its code: two OPDs' programmes of one code are two)."""
    totals: list[float | None] = []
    for values in zip(*per_opd, strict=True) if per_opd else [()] * 9:
        numbers = [v for v in values if v is not None]
        totals.append(sum(numbers) if numbers else None)
    return tuple(totals)


def rata_rata_persen(values: Sequence[Persen], aturan: AturanCapaian) -> Persen:
    """The mean of a percentage column (K capped when the settings say so; Rp never)."""
    return Persen(
        rata_rata((v.k for v in values), aturan.batas_rata_rata, aturan.pencilan_rata_rata),
        rata_rata(v.rp for v in values),
        dasar=len(dirata((v.k for v in values), aturan.pencilan_rata_rata)),
    )


def jumlah_pencilan(baris: Sequence[BarisFormulir], aturan: AturanCapaian) -> int:
    """How many capaian of columns 15 and 18 (K) are outliers, for the footer's note."""
    return sum(
        1
        for b in baris
        for value in (b.capaian.k, b.capaian_renstra.k)
        if pencilan(value, aturan.batas_pencilan)
    )


def tidak_dijumlah(rows: Sequence[BarisCapaian]) -> dict[str, list[str]]:
    """The indicators whose column 13 is not the sum of the quarters, by the rule used
    ('akhir', 'rata-rata'), so that the note of the report says the rule of the table."""
    out: dict[str, list[str]] = {}
    for row in rows:
        if row.sifat.agregasi is not Agregasi.KUMULATIF:
            names = out.setdefault(row.sifat.agregasi.value, [])
            if row.indikator not in names:
                names.append(row.indikator)
    return out


def adalah_bappeda(teks: str) -> bool:
    """The planning agency's name or its head's position ('Bappeda', 'Badan Perencanaan
    Pembangunan Daerah', 'Bappedalitbang', 'Bapperida')."""
    return bool(_BAPPEDA.search(teks))


def kepala_bappeda_daftar(
    penandatangan: Sequence[Penandatangan], tahun: int
) -> Penandatangan | None:
    """The head of Bappeda in the signatories list (that year, else one without a year):
    a row of the planning agency or naming it in the position, never a unit head of it."""
    return cari_penandatangan(
        penandatangan,
        tahun,
        lambda item: (
            (adalah_bappeda(item.perangkat_daerah) or adalah_bappeda(item.jabatan))
            and not pejabat_unit(item)
        ),
    )


def kepala_bappeda(
    evaluasi: EvaluasiRenja, penandatangan: Sequence[Penandatangan]
) -> Penandatangan | None:
    """Who signs 'Dievaluasi': the head of Bappeda in the signatories list (that year, else
    one without a year); else the form's own 'Dievaluasi' block; else, when the form is
    Bappeda's own, its head's block; else None (dotted lines)."""
    from_list = kepala_bappeda_daftar(penandatangan, evaluasi.tahun)
    if from_list is not None:
        return from_list
    if evaluasi.tanda_tangan_evaluator is not None:
        return evaluasi.tanda_tangan_evaluator.penandatangan
    if evaluasi.tanda_tangan is not None and adalah_bappeda(evaluasi.opd):
        return evaluasi.tanda_tangan.penandatangan
    return None


def kepala_opd(
    evaluasi: EvaluasiRenja, penandatangan: Sequence[Penandatangan]
) -> Penandatangan | None:
    """Who signs 'Disusun': the OPD's head in the signatories list, else the form's block
    (the Perjanjian Kinerja reports a difference between the two, once)."""
    found = kepala_opd_daftar(penandatangan, evaluasi.opd, evaluasi.tahun)
    if found is not None:
        return found
    return evaluasi.tanda_tangan.penandatangan if evaluasi.tanda_tangan else None


def _tempat_tanggal(evaluasi: EvaluasiRenja, tempat_bawaan: str) -> tuple[str, str]:
    blok: TandaTanganFormulir | None = evaluasi.tanda_tangan
    tempat = (blok.tempat if blok else "") or tempat_bawaan
    tanggal = blok.tanggal if blok else ""
    return tempat, tanggal


def formulir_e81(
    evaluasi: EvaluasiRenja,
    rows: Sequence[BarisCapaian],
    aturan: AturanCapaian,
    penandatangan: Sequence[Penandatangan] = (),
    tempat: str = "",
    tahun_akhir: int | None = None,
    wilayah: str = "",
) -> FormulirE81:
    """The E.81 report of one OPD-year. ``tempat`` is the place printed when the form's own
    block names none (the settings' place or the capital); ``wilayah`` the region's name
    ('Kabupaten Kepahiang') for a position without a signatory."""
    baris = baris_formulir(evaluasi, rows, aturan)
    renja = rata_rata_persen([b.capaian for b in baris], aturan)
    renstra = rata_rata_persen([b.capaian_renstra for b in baris], aturan)
    tempat_ttd, tanggal = _tempat_tanggal(evaluasi, tempat)
    penyusun = kepala_opd(evaluasi, penandatangan)
    evaluator = kepala_bappeda(evaluasi, penandatangan)
    return FormulirE81(
        tahun=evaluasi.tahun,
        triwulan=evaluasi.triwulan,
        tahun_akhir=evaluasi.tahun_akhir or tahun_akhir,
        baris=tuple(baris),
        rata_rata_renja=renja,
        rata_rata_renstra=renstra,
        jumlah_urut=sum(1 for b in baris if b.baris.capaian.urut),
        jumlah_pencilan=jumlah_pencilan(baris, aturan),
        tidak_dijumlah=tidak_dijumlah(rows),
        predikat_renja=(kategori(renja.k, aturan.skala), kategori(renja.rp, aturan.skala)),
        predikat_renstra=(
            kategori(renstra.k, aturan.skala),
            kategori(renstra.rp, aturan.skala),
        ),
        jumlah_rp=jumlah_rp(baris),
        narasi=baca_narasi(evaluasi.catatan),
        tempat=tempat_ttd,
        tanggal=tanggal,
        disusun=TandaTangan(
            "Disusun",
            jabatan_kepala_opd(evaluasi.opd, penyusun),
            penyusun,
        ),
        dievaluasi=TandaTangan(
            "Dievaluasi",
            evaluator.jabatan if evaluator else f"Kepala Bappeda {wilayah}".strip(),
            evaluator,
        ),
    )
