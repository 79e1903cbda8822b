"""The pohon kinerja (cascading) of one year, from everything the inputs say about it.

Sources, in the order they are laid into the tree:

1. the RPJMD matrix: tujuan -> sasaran RPJMD, each with its regency indicators (IKD) and
   their target, realisasi and capaian of the year;
2. the cascading sheets (:mod:`kinerja_report.read.kaskade`): each link hangs a child under
   a parent, both found by level and name (created when not yet there);
3. each OPD's E.81 form of the year: sasaran PD -> programme -> kegiatan -> sub kegiatan, from
   the head rows in the form's order (codes when there are, the level of each row
   otherwise); the indicators with their capaian; the unit (column 16); the Sasaran RPJMD
   column, when the form has one, links the sasaran PD to it.

A node is identified by its level, its OPD and its code (or its name): the same programme
code in two OPDs is two nodes. A node keeps its first parent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from statistics import fmean

from kinerja_report.compute.capaian import kategori
from kinerja_report.compute.report import LaporanOpd, pagu_kegiatan_rinci
from kinerja_report.compute.rules import AturanCapaian
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import (
    KOSONG,
    EvaluasiRenja,
    IndikatorRenja,
    LembarKaskade,
    Nilai,
    Sumber,
    TingkatIndikator,
    TingkatPohon,
)
from kinerja_report.read.normalize import normalisasi

TINGKAT_OPD = (
    TingkatPohon.SASARAN_PD,
    TingkatPohon.PROGRAM,
    TingkatPohon.KEGIATAN,
    TingkatPohon.SUB_KEGIATAN,
)
LABEL_TINGKAT: dict[str, str] = {tingkat: tingkat.label for tingkat in TingkatPohon}
"""How each level is named in documents and messages (:attr:`TingkatPohon.label`)."""
_TINGKAT_RENJA = {
    TingkatIndikator.PROGRAM: TingkatPohon.PROGRAM,
    TingkatIndikator.KEGIATAN: TingkatPohon.KEGIATAN,
    TingkatIndikator.SUB_KEGIATAN: TingkatPohon.SUB_KEGIATAN,
}
_DALAM = {TingkatPohon.PROGRAM: 1, TingkatPohon.KEGIATAN: 2, TingkatPohon.SUB_KEGIATAN: 3}


@dataclass(frozen=True)
class IndikatorSimpul:
    """An indicator of a node, with the year's numbers when known."""

    indikator: str
    satuan: str = ""
    target: Nilai = KOSONG
    realisasi: Nilai = KOSONG
    capaian: float | None = None
    kategori: str = ""
    sumber: Sumber | None = None
    """The cell of the indicator's name (or of its target, for the RPJMD)."""
    pelaksana: str = ""
    """The OPD whose numbers these are, on a node that groups several OPDs' nodes."""


@dataclass(frozen=True)
class Simpul:
    """One node of the tree."""

    kunci: str
    tingkat: str
    uraian: str
    induk: str = ""
    """The key of the parent; '' for a root."""
    kode: str = ""
    opd: str = ""
    unit: str = ""
    indikator: tuple[IndikatorSimpul, ...] = ()
    pagu: float | None = None
    sumber: Sumber | None = None
    dari_kaskade: bool = False
    """True when a cascading sheet (or a Sasaran RPJMD column) placed it under its parent."""

    @property
    def capaian(self) -> float | None:
        values = [item.capaian for item in self.indikator if item.capaian is not None]
        return fmean(values) if values else None


@dataclass(frozen=True)
class PohonKinerja:
    """The tree of one year; nodes listed parents first."""

    tahun: int | None
    simpul: tuple[Simpul, ...]
    _anak: dict[str, tuple[Simpul, ...]] = field(init=False, repr=False, compare=False)
    _indeks: dict[str, Simpul] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        anak: dict[str, list[Simpul]] = {}
        for node in self.simpul:
            anak.setdefault(node.induk, []).append(node)
        object.__setattr__(self, "_anak", {k: tuple(v) for k, v in anak.items()})
        object.__setattr__(self, "_indeks", {node.kunci: node for node in self.simpul})

    @property
    def akar(self) -> tuple[Simpul, ...]:
        return self._anak.get("", ())

    def anak(self, simpul: Simpul) -> tuple[Simpul, ...]:
        return self._anak.get(simpul.kunci, ())

    def cari(self, kunci: str) -> Simpul | None:
        return self._indeks.get(kunci)

    def leluhur(self, simpul: Simpul) -> list[Simpul]:
        """The parents of ``simpul`` up to its root, nearest first."""
        index = self._indeks
        out: list[Simpul] = []
        node = index.get(simpul.induk)
        while node is not None and node not in out:
            out.append(node)
            node = index.get(node.induk)
        return out

    def keturunan(self, simpul: Simpul) -> list[Simpul]:
        out: list[Simpul] = []
        stack = list(reversed(self.anak(simpul)))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(self.anak(node)))
        return out

    def bagian_opd(self, opd: str) -> PohonKinerja:
        """The nodes of one OPD and their ancestors (the sasaran RPJMD they serve)."""
        mine = [node for node in self.simpul if normalisasi(node.opd) == normalisasi(opd)]
        keep = {node.kunci for node in mine}
        for node in mine:
            keep |= {parent.kunci for parent in self.leluhur(node)}
        return PohonKinerja(self.tahun, tuple(n for n in self.simpul if n.kunci in keep))

    def sampai(self, tingkat: Iterable[str]) -> PohonKinerja:
        """The tree cut below the given levels (the regency diagram stops at programmes)."""
        levels = set(tingkat)
        keep = [node for node in self.simpul if node.tingkat in levels]
        kept = {node.kunci for node in keep}
        return PohonKinerja(
            self.tahun,
            tuple(n if n.induk in kept else replace(n, induk="") for n in keep),
        )


def kunci_simpul(tingkat: str, uraian: str, opd: str = "", kode: str = "") -> str:
    if tingkat in TINGKAT_OPD or tingkat == "jabatan":
        return f"{tingkat}|{normalisasi(opd)}|{kode or normalisasi(uraian)}"
    return f"{tingkat}||{normalisasi(uraian)}"


@dataclass
class _Penyusun:
    """Builds a tree: nodes by key, in order of arrival."""

    simpul: dict[str, Simpul] = field(default_factory=dict)
    nama: dict[tuple[str, str], str] = field(default_factory=dict)
    """(level, normalised name) -> the latest node key with that name."""

    def tambah(self, node: Simpul) -> Simpul:
        """Add ``node``, or merge it into the node of the same key: a parent is kept once
        set, indicators are appended (distinct), a missing unit, code or budget filled."""
        old = self.simpul.get(node.kunci)
        if old is None:
            self.simpul[node.kunci] = node
        else:
            seen = {normalisasi(i.indikator) for i in old.indikator}
            new = tuple(i for i in node.indikator if normalisasi(i.indikator) not in seen)
            node = replace(
                old,
                induk=old.induk or (node.induk if node.induk != old.kunci else ""),
                indikator=old.indikator + new,
                unit=old.unit or node.unit,
                kode=old.kode or node.kode,
                pagu=old.pagu if old.pagu is not None else node.pagu,
                dari_kaskade=old.dari_kaskade or node.dari_kaskade,
            )
            self.simpul[node.kunci] = node
        self.nama[(node.tingkat, normalisasi(node.uraian))] = node.kunci
        return node

    def cari_nama(self, tingkat: str, uraian: str) -> str | None:
        return self.nama.get((tingkat, normalisasi(uraian)))

    def pohon(self, tahun: int | None) -> PohonKinerja:
        """Parents before children, each group in order of arrival; a cycle is cut."""
        anak: dict[str, list[Simpul]] = {}
        for node in self.simpul.values():
            parent = node.induk if node.induk in self.simpul else ""
            anak.setdefault(parent, []).append(replace(node, induk=parent))
        for group in anak.values():
            group.sort(key=lambda n: n.kode)  # by code where there are; stable otherwise
        out: list[Simpul] = []
        seen: set[str] = set()
        stack = list(reversed(anak.get("", [])))
        while stack:
            node = stack.pop()
            if node.kunci in seen:
                continue
            seen.add(node.kunci)
            out.append(node)
            stack.extend(reversed(anak.get(node.kunci, [])))
        out.extend(replace(n, induk="") for n in self.simpul.values() if n.kunci not in seen)
        return PohonKinerja(tahun, tuple(out))


def pohon_kaskade(kaskade: Sequence[LembarKaskade]) -> PohonKinerja:
    """The tree of the cascading sheets alone (e.g. an IKI chart)."""
    penyusun = _Penyusun()
    for sheet in kaskade:
        _tambah_kaskade(penyusun, sheet)
    return penyusun.pohon(None)


def susun_pohon(
    tahun: int,
    baris_daerah: Sequence[BarisCapaian],
    kaskade: Sequence[LembarKaskade],
    formulir: Sequence[tuple[EvaluasiRenja, Sequence[BarisCapaian]]],
    aturan: AturanCapaian,
) -> PohonKinerja:
    """The tree of year ``tahun`` (module doc). ``formulir`` pairs each E.81 form of the year
    with its capaian rows."""
    penyusun = _Penyusun()
    for row in baris_daerah:
        if row.tahun == tahun:
            _tambah_ikd(penyusun, row)
    for sheet in kaskade:
        _tambah_kaskade(penyusun, sheet)
    for evaluasi, rows in formulir:
        _tambah_formulir(penyusun, evaluasi, rows)
    tree = penyusun.pohon(tahun)
    return _dengan_kategori(tree, aturan)


def _dengan_kategori(tree: PohonKinerja, aturan: AturanCapaian) -> PohonKinerja:
    nodes = tuple(
        replace(
            node,
            indikator=tuple(
                replace(i, kategori=i.kategori or kategori(i.capaian, aturan.skala))
                for i in node.indikator
            ),
        )
        for node in tree.simpul
    )
    return PohonKinerja(tree.tahun, nodes)


def _indikator_baris(row: BarisCapaian, sumber: Sumber | None) -> IndikatorSimpul:
    return IndikatorSimpul(
        row.indikator,
        row.satuan,
        row.target,
        row.realisasi,
        row.capaian.persen,
        row.kategori,
        sumber or row.target.sumber,
    )


def _tambah_ikd(penyusun: _Penyusun, row: BarisCapaian) -> None:
    parent_key = ""
    if row.tujuan:
        tujuan = Simpul(kunci_simpul("tujuan", row.tujuan), "tujuan", row.tujuan)
        parent_key = penyusun.tambah(tujuan).kunci
    if not row.sasaran:
        return
    penyusun.tambah(
        Simpul(
            kunci_simpul("sasaran rpjmd", row.sasaran),
            "sasaran rpjmd",
            row.sasaran,
            induk=parent_key,
            indikator=(_indikator_baris(row, None),),
            sumber=row.target.sumber,
        )
    )


def _tambah_kaskade(penyusun: _Penyusun, sheet: LembarKaskade) -> None:
    for link in sheet.tautan:
        parent_key = ""
        if link.induk:
            parent_key = penyusun.cari_nama(link.tingkat_induk, link.induk) or ""
            if not parent_key:
                parent = Simpul(
                    kunci_simpul(
                        link.tingkat_induk, link.induk, link.perangkat_daerah, link.kode_induk
                    ),
                    link.tingkat_induk,
                    link.induk,
                    kode=link.kode_induk,
                    opd=link.perangkat_daerah if link.tingkat_induk in TINGKAT_OPD else "",
                    sumber=link.sumber,
                )
                parent_key = penyusun.tambah(parent).kunci
        opd = link.perangkat_daerah
        key = kunci_simpul(link.tingkat, link.uraian, opd, link.kode)
        if link.tingkat == "jabatan":
            key = f"{key}|{parent_key}"
        indikator = (
            (
                IndikatorSimpul(
                    link.indikator, link.satuan, link.target, sumber=link.sumber_indikator
                ),
            )
            if link.indikator
            else ()
        )
        penyusun.tambah(
            Simpul(
                key,
                link.tingkat,
                link.uraian,
                induk=parent_key,
                kode=link.kode,
                opd=opd if link.tingkat in TINGKAT_OPD else "",
                unit=link.unit,
                indikator=indikator,
                sumber=link.sumber,
                dari_kaskade=bool(parent_key),
            )
        )


def _tambah_formulir(
    penyusun: _Penyusun, evaluasi: EvaluasiRenja, rows: Sequence[BarisCapaian]
) -> None:
    """The OPD's nodes from its form: head rows in order, indicators matched to their head
    by code and name; programmes under their row's sasaran PD."""
    opd = evaluasi.opd
    rinci = {
        (kode, normalisasi(uraian)): v for (kode, uraian), v in pagu_kegiatan_rinci(rows).items()
    }
    per_head: dict[tuple[str, str], list[tuple[IndikatorRenja, BarisCapaian]]] = {}
    for source, row in zip(evaluasi.indikator, rows, strict=False):
        per_head.setdefault((source.kode, normalisasi(source.uraian)), []).append((source, row))
    stack: dict[int, str] = {}
    for head in evaluasi.simpul:
        level = _TINGKAT_RENJA.get(head.tingkat)
        if level is None:
            continue
        pairs = per_head.get((head.kode, normalisasi(head.uraian)), [])
        depth = _DALAM[level]
        parent = next((stack[d] for d in range(depth - 1, 0, -1) if d in stack), "")
        if level == "program" or not parent:
            parent = _sasaran_pd(penyusun, opd, pairs) or parent
        unit = next((src.penanggung_jawab for src, _ in pairs if src.penanggung_jawab), "")
        if not unit and parent in penyusun.simpul:
            unit = penyusun.simpul[parent].unit if level != "program" else ""
        node = penyusun.tambah(
            Simpul(
                kunci_simpul(level, head.uraian, opd, head.kode),
                level,
                head.uraian,
                induk=parent,
                kode=head.kode,
                opd=opd,
                unit=unit,
                indikator=tuple(_indikator_baris(row, src.sumber_indikator) for src, row in pairs),
                pagu=rinci.get((head.kode.strip(), normalisasi(head.uraian)))
                if level == "kegiatan" and (head.kode.strip(), normalisasi(head.uraian)) in rinci
                else head.pagu.angka
                if head.pagu.angka is not None
                else _pagu(pairs),
                sumber=head.sumber,
            )
        )
        stack = {d: k for d, k in stack.items() if d < depth}
        stack[depth] = node.kunci


def _pagu(pairs: Sequence[tuple[IndikatorRenja, BarisCapaian]]) -> float | None:
    return next((src.target_rp.angka for src, _ in pairs if src.target_rp.angka is not None), None)


def _sasaran_pd(
    penyusun: _Penyusun, opd: str, pairs: Sequence[tuple[IndikatorRenja, BarisCapaian]]
) -> str:
    """The sasaran PD node of a programme's rows (created, and linked to the row's Sasaran
    RPJMD when the form names one); '' when the rows name no sasaran."""
    source = next((src for src, _ in pairs if src.sasaran), None)
    if source is None:
        return ""
    key = kunci_simpul("sasaran pd", source.sasaran, opd)
    parent = ""
    if source.sasaran_rpjmd:
        parent = penyusun.cari_nama("sasaran rpjmd", source.sasaran_rpjmd) or ""
        if not parent:
            parent = penyusun.tambah(
                Simpul(
                    kunci_simpul("sasaran rpjmd", source.sasaran_rpjmd),
                    "sasaran rpjmd",
                    source.sasaran_rpjmd,
                )
            ).kunci
    existing = penyusun.simpul.get(key)
    if existing is None and not parent:
        found = penyusun.cari_nama("sasaran pd", source.sasaran)
        existing = penyusun.simpul.get(found) if found else None
        if existing is not None and not existing.opd:  # named by a cascading sheet
            key = existing.kunci
    return penyusun.tambah(
        Simpul(
            key,
            "sasaran pd",
            source.sasaran,
            induk=parent,
            opd=opd,
            sumber=source.sumber_sasaran,
            dari_kaskade=bool(parent),
        )
    ).kunci


def sasaran_rpjmd_program(tree: PohonKinerja, opd: str, kode: str, uraian: str) -> str:
    """The RPJMD sasaran the tree hangs an OPD's programme under (through its sasaran PD:
    a cascading sheet or the form's Sasaran RPJMD column); '' when it has none. The one
    link the regency evaluation groups by and the pohon kinerja draws."""
    node = tree.cari(kunci_simpul(TingkatPohon.PROGRAM, uraian, opd, kode.strip()))
    if node is None:
        return ""
    return next(
        (p.uraian for p in tree.leluhur(node) if p.tingkat == TingkatPohon.SASARAN_RPJMD), ""
    )


def pohon_per_tahun(
    evaluasi: Sequence[EvaluasiRenja],
    laporan: Sequence[LaporanOpd],
    baris_daerah: Sequence[BarisCapaian],
    kaskade: Sequence[LembarKaskade],
    aturan: AturanCapaian,
) -> tuple[PohonKinerja, ...]:
    """The tree of every year that has evaluation forms."""
    by_sheet = {(ev.berkas, ev.lembar): ev for ev in evaluasi}
    trees = []
    for tahun in sorted({lap.tahun for lap in laporan}):
        formulir = [
            (by_sheet[(lap.berkas, lap.lembar)], lap.baris)
            for lap in laporan
            if lap.tahun == tahun and (lap.berkas, lap.lembar) in by_sheet
        ]
        trees.append(susun_pohon(tahun, baris_daerah, kaskade, formulir, aturan))
    return tuple(trees)
