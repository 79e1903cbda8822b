"""Domain data read from the workbooks: frozen dataclasses with their provenance.

Every value keeps the cell it came from (:class:`Sumber`), so that every number in our
outputs can be traced back to ``file!sheet!cell``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Sumber:
    """Where a value was read: file name, sheet name and cell (``B12``)."""

    berkas: str
    lembar: str
    sel: str

    def __str__(self) -> str:
        return f"{self.berkas}!{self.lembar}!{self.sel}"


@dataclass(frozen=True)
class Nilai:
    """A cell value: a number, a text (qualitative value such as 'WTP'), or empty."""

    angka: float | None = None
    teks: str | None = None
    sumber: Sumber | None = None
    strip: bool = False
    """The cell holds a dash ('-'): empty, but written so on purpose (printed as '-')."""

    @property
    def kosong(self) -> bool:
        return self.angka is None and self.teks is None


KOSONG = Nilai()


@dataclass(frozen=True)
class Wilayah:
    """A region as a workbook or the settings name it: 'Kabupaten' | 'Kota' and its name."""

    jenis: str
    nama: str

    def __str__(self) -> str:
        return f"{self.jenis} {self.nama}"

    @property
    def kunci(self) -> str:
        """For comparing two regions whatever their case and spacing."""
        return " ".join(str(self).lower().split())


class Polaritas(StrEnum):
    """Whether a higher (positif) or lower (negatif) value is better."""

    POSITIF = "positif"
    NEGATIF = "negatif"


class TingkatIndikator(StrEnum):
    """Level of an indicator in the planning hierarchy."""

    DAERAH = "daerah"
    URUSAN = "urusan"
    BIDANG_URUSAN = "bidang urusan"
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub kegiatan"
    LAINNYA = "lainnya"


class TingkatPohon(StrEnum):
    """The levels of a pohon kinerja (cascading), from the top: the one vocabulary of the
    cascading sheets' reader, the tree and its documents. Its programme, kegiatan and sub
    kegiatan are :class:`TingkatIndikator`'s (same values); 'jabatan' is a position of an
    IKI chart."""

    VISI = "visi"
    MISI = "misi"
    TUJUAN = "tujuan"
    SASARAN_RPJMD = "sasaran rpjmd"
    SASARAN_PD = "sasaran pd"
    PROGRAM = TingkatIndikator.PROGRAM.value
    KEGIATAN = TingkatIndikator.KEGIATAN.value
    SUB_KEGIATAN = TingkatIndikator.SUB_KEGIATAN.value
    JABATAN = "jabatan"

    @property
    def label(self) -> str:
        """How the level is named in documents and messages ('Sasaran Perangkat Daerah')."""
        return _LABEL_POHON[self]


_LABEL_POHON = {
    TingkatPohon.VISI: "Visi",
    TingkatPohon.MISI: "Misi",
    TingkatPohon.TUJUAN: "Tujuan",
    TingkatPohon.SASARAN_RPJMD: "Sasaran RPJMD",
    TingkatPohon.SASARAN_PD: "Sasaran Perangkat Daerah",
    TingkatPohon.PROGRAM: "Program",
    TingkatPohon.KEGIATAN: "Kegiatan",
    TingkatPohon.SUB_KEGIATAN: "Sub Kegiatan",
    TingkatPohon.JABATAN: "Jabatan",
}


@dataclass(frozen=True)
class IndikatorRenja:
    """One indicator row of an E.81 'Evaluasi terhadap Hasil Renja PD' sheet."""

    baris: int
    kode: str
    tingkat: TingkatIndikator
    uraian: str
    sasaran: str
    indikator: str
    satuan: str
    target: Nilai
    target_rp: Nilai
    triwulan: tuple[Nilai, Nilai, Nilai, Nilai]
    triwulan_rp: tuple[Nilai, Nilai, Nilai, Nilai]
    realisasi_tahunan: Nilai
    """The workbook's own column 13 (K), as written by the OPD."""
    realisasi_tahunan_rp: Nilai
    target_renstra: Nilai = KOSONG
    """Column 6: the Renstra target at the end of the period."""
    target_renstra_rp: Nilai = KOSONG
    realisasi_lalu: Nilai = KOSONG
    """Column 7: Renstra realisation up to last year's Renja."""
    realisasi_lalu_rp: Nilai = KOSONG
    realisasi_renstra: Nilai = KOSONG
    """Column 14 = 7 + 13."""
    realisasi_renstra_rp: Nilai = KOSONG
    capaian_renstra: Nilai = KOSONG
    """Column 15 = 14 / 6 x 100."""
    capaian_renstra_rp: Nilai = KOSONG
    tujuan: str = ""
    sasaran_rpjmd: str = ""
    polaritas: str = ""
    """The workbook's own polarity text, when it has such a column."""
    agregasi: str = ""
    """The workbook's own yearly aggregation text (kumulatif / akhir / rata-rata), if any."""
    triwulan_persen: tuple[Nilai, ...] = ()
    """The quarters' own '%' columns when the form has them (cumulative, as typed)."""
    penanggung_jawab: str = ""
    """Column 16: the responsible unit."""
    keterangan: str = ""
    """Column 17: the row's note."""
    sumber_indikator: Sumber | None = None
    """The cell of the indicator's name."""
    sumber_sasaran: Sumber | None = None
    """The cell the row's sasaran was read from (carried down from the row that names it)."""


@dataclass(frozen=True)
class Penandatangan:
    """A signatory of documents: position (with Plt./Plh./Pj.), name, NIP, rank."""

    tahun: int | None
    perangkat_daerah: str
    jabatan: str
    nama: str
    nip: str = ""
    pangkat: str = ""


@dataclass(frozen=True)
class TandaTanganFormulir:
    """The signature block at the foot of a form: who signed it, where and when."""

    penandatangan: Penandatangan
    tempat: str
    tanggal: str
    """The date as written ('Desember 2025', '8 Januari 2024')."""
    sumber: Sumber
    """The cell of the name."""


@dataclass(frozen=True)
class SimpulRenja:
    """A head row of an E.81 form (programme, kegiatan, sub kegiatan ...): its code, name and
    level, whether the row itself names an indicator, and the budget (column 8 Rp) it carries
    when it names none (rows with indicators carry theirs on the indicator)."""

    baris: int
    kode: str
    uraian: str
    tingkat: TingkatIndikator
    berindikator: bool
    sumber: Sumber | None = None
    pagu: Nilai = KOSONG


@dataclass(frozen=True)
class JumlahFormulir:
    """A total row of the form itself ('Jumlah', or an unlabelled row of sums right after
    the data): its money cells of columns 6 to 14, in that order."""

    baris: int
    rp: tuple[Nilai, ...]


@dataclass(frozen=True)
class EvaluasiRenja:
    """One OPD's evaluation form for one year."""

    berkas: str
    lembar: str
    opd: str
    tahun: int
    indikator: tuple[IndikatorRenja, ...]
    catatan: tuple[str, ...] = ()
    """Narrative rows (faktor pendorong / penghambat, tindak lanjut), kept as text."""
    wilayah: Wilayah | None = None
    """The region the title block names ('Kabupaten Deli Serdang'), if any."""
    tahun_awal: int | None = None
    tahun_akhir: int | None = None
    """The Renstra period, from the header of column 6 ('... pada Tahun 2030')."""
    sumber_periode: Sumber | None = None
    tanda_tangan: TandaTanganFormulir | None = None
    sasaran_judul: str = ""
    """A 'Sasaran: ...' line of the title block: the sasaran of rows that name none."""
    tujuan_judul: str = ""
    program_judul: str = ""
    triwulan: int = 4
    """The last quarter the form reports: 4 for the year, 1-3 for a quarterly evaluation
    ('Triwulan II' in its title or sheet name)."""
    tanda_tangan_evaluator: TandaTanganFormulir | None = None
    """The form's 'Dievaluasi' block (the head of Bappeda), when it is filled in."""
    simpul: tuple[SimpulRenja, ...] = ()
    """Every head row in the order of the form (the cascading checks look at these)."""
    jumlah_formulir: tuple[JumlahFormulir, ...] = ()
    """The form's own total rows, compared with ours (:mod:`kinerja_report.check.kewajaran`)."""


@dataclass(frozen=True)
class IndikatorRpjmd:
    """One regency indicator of the RPJMD matrix, with its target and realisation per year."""

    baris: int
    tujuan: str
    sasaran: str
    indikator: str
    satuan: str
    polaritas: Polaritas
    kondisi_awal: Nilai
    target: dict[int, Nilai] = field(hash=False)
    realisasi: dict[int, Nilai] = field(hash=False)
    penanggung_jawab: str = ""
    agregasi: str = ""


@dataclass(frozen=True)
class MatriksRpjmd:
    """The RPJMD indicator matrix (Indikator Kinerja Daerah)."""

    berkas: str
    lembar: str
    indikator: tuple[IndikatorRpjmd, ...]
    wilayah: Wilayah | None = None
    tahun_awal: int | None = None
    tahun_akhir: int | None = None
    """The RPJMD period: from the title ('RPJMD ... 2021-2026'), else the target years."""


@dataclass(frozen=True)
class KomponenIpm:
    """The BPS components of IPM for one year, and the series they belong to."""

    tahun: int
    uhh: Nilai
    hls: Nilai
    rls: Nilai
    pengeluaran: Nilai
    """Adjusted per-capita expenditure, thousand rupiah per year (as BPS publishes it)."""
    seri: str
    """'lama' (before the 2023 release), 'baru' (UHH from the 2020 census long form), or ''
    when the table does not say."""


@dataclass(frozen=True)
class NilaiPembanding:
    """A comparison figure of a regency indicator: its national or provincial value in one
    year, as published (sheet 'Pembanding')."""

    indikator: str
    tahun: int
    tingkat: str
    """'nasional' or 'provinsi'."""
    nilai: Nilai
    sumber: str
    """The publisher as written ('BPS')."""
    seri: str = ""
    """The BPS series or method of the figure ('lama', 'baru'; column 'Seri' / 'Metode'),
    '' when the sheet does not say: figures of different series are never compared."""


@dataclass(frozen=True)
class TautanKaskade:
    """One link of a cascading sheet: a parent node and a child node, each with its level,
    the child's indicator (with its target) and the unit responsible for the child."""

    tingkat_induk: str
    induk: str
    tingkat: str
    uraian: str
    indikator: str = ""
    target: Nilai = KOSONG
    satuan: str = ""
    unit: str = ""
    perangkat_daerah: str = ""
    kode: str = ""
    kode_induk: str = ""
    sumber: Sumber | None = None
    """The cell of the child ('Uraian')."""
    sumber_indikator: Sumber | None = None


@dataclass(frozen=True)
class LembarKaskade:
    """A cascading sheet: the links an analyst wrote, or those read from an IKI/PK chart."""

    berkas: str
    lembar: str
    tautan: tuple[TautanKaskade, ...]


@dataclass(frozen=True)
class Nomenklatur:
    """A Permendagri 90 reference list (SIPD export or code list): the codes it holds."""

    berkas: str
    kode: frozenset[str]


@dataclass(frozen=True)
class IndikatorRencanaAksi:
    """One indicator of a Rencana Aksi sheet: the year's target and its quarterly targets
    (and, when the sheet has them, the budget planned per quarter)."""

    baris: int
    indikator: str
    satuan: str
    target: Nilai
    """The target of the year."""
    target_triwulan: tuple[Nilai, Nilai, Nilai, Nilai]
    anggaran_triwulan: tuple[Nilai, Nilai, Nilai, Nilai] = (KOSONG, KOSONG, KOSONG, KOSONG)
    anggaran: Nilai = KOSONG
    """The budget of the year, when the sheet has a column for it."""
    kumulatif: bool = True
    """Whether the quarterly values are cumulative ('s.d. triwulan n') or per quarter."""
    dasar_kumulatif: str = ""
    """How that was decided: 'kolom', 'judul', 'angka' or 'bawaan' (docs/peringatan-dini.md)."""
    sumber_indikator: Sumber | None = None


@dataclass(frozen=True)
class RencanaAksi:
    """An OPD's Rencana Aksi of one year: each PK indicator with its quarterly targets."""

    berkas: str
    lembar: str
    opd: str
    tahun: int
    indikator: tuple[IndikatorRencanaAksi, ...]
