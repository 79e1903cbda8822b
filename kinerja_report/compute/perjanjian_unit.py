"""Perjanjian Kinerja down the tree: each Administrator's and Pengawas's, from the units.

PermenPAN-RB 53/2014 levels below the head of an OPD:

* **Administrator** (Sekretaris, Kepala Bidang / Bagian): one PK per unit responsible for
  programmes (column 16 of the form, or the cascading sheet): its programmes (outcome) and
  their kegiatan (output) with targets; table 2 the kegiatan with their pagu. Pihak kedua is
  the head of the OPD, as on the head's own PK.
* **Pengawas** (Kepala Subbagian / Seksi), where the tree names a unit for kegiatan or sub
  kegiatan other than its programme's: those nodes with their indicators; table 2 the sub
  kegiatan with their pagu. Pihak kedua is the Administrator of the programme's unit.

Files: ``<tahun>/perjanjian-kinerja/<opd-slug>/<jabatan-slug>.pdf``. Signatories come from
the signatories list (a row of the OPD whose position names the unit: 'Kepala Bidang X' for
'Bidang X', 'Sekretaris ...' for 'Sekretariat'); a missing one is a warning and blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from kinerja_report.compute.perjanjian import (
    KETERANGAN_OPD,
    IndikatorPk,
    PerjanjianKinerja,
    ProgramPk,
    SasaranPk,
    jabatan_kepala_opd,
    pejabat_unit,
    tanggal_pk,
)
from kinerja_report.compute.pohon import PohonKinerja, Simpul
from kinerja_report.compute.report import LaporanOpd
from kinerja_report.model import Penandatangan, TingkatPohon
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.normalize import normalisasi, slug

_AWALAN = re.compile(r"^\s*(plt|plh|pj)\.?\s+", re.IGNORECASE)


@dataclass(frozen=True)
class _Konteks:
    lap: LaporanOpd
    kepala: PerjanjianKinerja | None
    penandatangan: Sequence[Penandatangan]
    tanggal: Callable[[int], date]


def jabatan_unit(unit: str, opd: str) -> str:
    """The position heading ``unit``: 'Sekretaris Dinas X' for 'Sekretariat', else 'Kepala
    <unit>' (a unit already named as a position is kept)."""
    key = normalisasi(unit)
    if key.startswith(("kepala ", "sekretaris")):
        return unit
    if key.startswith("sekretariat"):  # 'Sekretariat', 'SEKRETARIAT BAPPEDA'
        return f"Sekretaris {opd}"
    return f"Kepala {unit}"


def penandatangan_unit(
    semua: Sequence[Penandatangan], opd: str, unit: str, tahun: int
) -> Penandatangan | None:
    """The signatory row of the OPD whose position names ``unit`` (that year, else any)."""
    key, nama_opd = normalisasi(unit), normalisasi(opd)

    def cocok(item: Penandatangan) -> bool:
        if normalisasi(item.perangkat_daerah) != nama_opd or not pejabat_unit(item):
            return False
        jabatan = normalisasi(_AWALAN.sub("", item.jabatan))
        if key.startswith("sekretariat"):
            return jabatan.startswith("sekretaris")
        return key in jabatan

    rows = [item for item in semua if cocok(item)]
    return next((p for p in rows if p.tahun == tahun), None) or next(
        (p for p in rows if p.tahun is None), None
    )


def perjanjian_unit(
    pohon: Sequence[PohonKinerja],
    laporan: Sequence[LaporanOpd],
    perjanjian: Sequence[PerjanjianKinerja],
    penandatangan: Sequence[Penandatangan],
    tanggal: Callable[[int], date] = tanggal_pk,
) -> tuple[list[PerjanjianKinerja], list[Masalah]]:
    """Every Administrator's and Pengawas's PK of every OPD-year (module doc); dated as
    their head's PK, else by ``tanggal`` (the settings' rule)."""
    heads = {(pk.tahun, normalisasi(pk.instansi)): pk for pk in perjanjian if pk.jenis == "opd"}
    out: list[PerjanjianKinerja] = []
    problems: list[Masalah] = []
    for tree in pohon:
        for lap in sorted(laporan, key=lambda item: item.opd):
            if lap.tahun != tree.tahun:
                continue
            konteks = _Konteks(
                lap, heads.get((lap.tahun, normalisasi(lap.opd))), penandatangan, tanggal
            )
            found, missing = _satu_opd(tree, konteks)
            out.extend(found)
            problems.extend(missing)
    return out, problems


def _satu_opd(
    tree: PohonKinerja, konteks: _Konteks
) -> tuple[list[PerjanjianKinerja], list[Masalah]]:
    opd = konteks.lap.opd
    nodes = [n for n in tree.simpul if normalisasi(n.opd) == normalisasi(opd)]
    units = {n.kunci: unit_program(n, tree) for n in nodes if n.tingkat == "program"}
    programs = [n for n in nodes if n.tingkat == "program" and units[n.kunci]]
    unitless = [n for n in nodes if n.tingkat == "program" and not units[n.kunci]]
    out, problems = [], []
    admin: dict[str, PerjanjianKinerja] = {}
    for unit in dict.fromkeys(units[p.kunci] for p in programs):
        mine = [p for p in programs if units[p.kunci] == unit]
        kegiatan = [k for p in mine for k in tree.anak(p) if k.unit in ("", unit)]
        kegiatan += [k for p in unitless for k in tree.anak(p) if k.unit == unit]
        pk, missing = _pk(
            konteks,
            unit,
            "administrator",
            sasaran=_sasaran([*mine, *kegiatan], tree),
            anggaran=_anggaran(kegiatan, tree),
            kedua=(
                konteks.kepala.pihak_pertama if konteks.kepala else None,
                konteks.kepala.jabatan_pertama if konteks.kepala else jabatan_kepala_opd(opd),
            ),
        )
        admin[unit] = pk
        out.append(pk)
        problems.extend(missing)
    for unit, below in _unit_pengawas(nodes, tree, set(admin), units).items():
        program = next((p for p in tree.leluhur(below[0]) if p.tingkat == "program"), None)
        atasan = admin.get(units[program.kunci]) if program else None
        subs = [n for node in below for n in [node, *tree.keturunan(node)]]
        pk, missing = _pk(
            konteks,
            unit,
            "pengawas",
            sasaran=_sasaran(subs, tree),
            anggaran=_anggaran([n for n in subs if not tree.anak(n)], tree),
            kedua=(
                atasan.pihak_pertama if atasan else None,
                atasan.jabatan_pertama if atasan else "",
            ),
        )
        out.append(pk)
        problems.extend(missing)
    kosong = sum(
        len(group.indikator)
        for pk in out
        for group in pk.sasaran
        if group.sasaran == SASARAN_BELUM_DIRUMUSKAN
    )
    if kosong:
        lap = konteks.lap
        problems.append(
            masalah(
                "pk-sasaran-belum-dirumuskan", lap.berkas, opd=opd, tahun=lap.tahun, jumlah=kosong
            )
        )
    return _slug_unik(out), problems


def unit_program(program: Simpul, tree: PohonKinerja) -> str:
    """The unit responsible for a programme: the unit column of its own row; else, when
    every kegiatan of it names one and the same unit (a merged unit cell beside the
    kegiatan rows, Sukabumi 2018), that unit; else ''."""
    if program.unit:
        return program.unit
    named = {k.unit for k in tree.anak(program) if k.tingkat == "kegiatan"}
    return named.pop() if len(named) == 1 else ""


def _unit_pengawas(
    nodes: Sequence[Simpul],
    tree: PohonKinerja,
    administrator: set[str],
    units: dict[str, str],
) -> dict[str, list[Simpul]]:
    """Kegiatan and sub kegiatan whose unit differs from their programme's, by unit (the
    topmost such node of each branch); a unit that already heads programmes (an
    Administrator's) gets no second, Pengawas PK."""
    out: dict[str, list[Simpul]] = {}
    for node in nodes:
        if node.tingkat not in ("kegiatan", "sub kegiatan") or not node.unit:
            continue
        if node.unit in administrator:
            continue
        parents = tree.leluhur(node)
        program = next((p for p in parents if p.tingkat == "program"), None)
        if program is None or node.unit == units.get(program.kunci, program.unit):
            continue
        if any(p.unit == node.unit for p in parents):
            continue  # an ancestor of the same unit already stands for this branch
        out.setdefault(node.unit, []).append(node)
    return out


def _label(node: Simpul) -> str:
    return " ".join(part for part in (node.kode, node.uraian) if part)


SASARAN_BELUM_DIRUMUSKAN = "Sasaran belum dirumuskan"
"""Printed in the Sasaran column for indicators whose result statement neither the cascading
nor the form gives (never the programme or kegiatan name in its place)."""
_PERNYATAAN = (TingkatPohon.SASARAN_PD, TingkatPohon.SASARAN_RPJMD)


def sasaran_simpul(node: Simpul, tree: PohonKinerja) -> str:
    """The result statement ('Meningkatnya ...') a unit's PK prints beside ``node``'s
    indicators; never its nomenclature. The one rule: (1) a sasaran statement of the tree
    (cascading sheet or form) carrying one of ``node``'s indicators; else (2) the nearest
    sasaran above ``node`` (the sasaran PD its programme serves, from the form's Sasaran
    column or the cascading); else '' (:data:`SASARAN_BELUM_DIRUMUSKAN` is printed)."""
    names = {normalisasi(item.indikator) for item in node.indikator}
    statements = sorted(
        (n for n in tree.simpul if n.tingkat in _PERNYATAAN),
        key=lambda n: n.tingkat != TingkatPohon.SASARAN_PD,  # the OPD's own first
    )
    for other in statements:
        if any(normalisasi(item.indikator) in names for item in other.indikator):
            return other.uraian
    above = next((p for p in tree.leluhur(node) if p.tingkat in _PERNYATAAN), None)
    return above.uraian if above else ""


def _sasaran(nodes: Iterable[Simpul], tree: PohonKinerja) -> tuple[SasaranPk, ...]:
    """The indicators of ``nodes`` grouped by their result statement (:func:`sasaran_simpul`),
    in order of first appearance; those without one under :data:`SASARAN_BELUM_DIRUMUSKAN`."""
    groups: dict[str, list[IndikatorPk]] = {}
    labels: dict[str, str] = {}
    for node in nodes:
        if not node.indikator:
            continue
        label = sasaran_simpul(node, tree) or SASARAN_BELUM_DIRUMUSKAN
        key = normalisasi(label)
        labels.setdefault(key, label)
        group = groups.setdefault(key, [])
        group.extend(IndikatorPk(i.indikator, i.target, i.satuan) for i in node.indikator)
    return tuple(SasaranPk(labels[key], tuple(items)) for key, items in groups.items())


def _pagu(node: Simpul, tree: PohonKinerja) -> float:
    children = tree.anak(node)
    if children:
        total = sum(_pagu(child, tree) for child in children)
        if total > 0:
            return total
    return node.pagu or 0.0


def _anggaran(nodes: Iterable[Simpul], tree: PohonKinerja) -> tuple[ProgramPk, ...]:
    return tuple(
        ProgramPk(_label(node), pagu, KETERANGAN_OPD)
        for node in nodes
        if (pagu := _pagu(node, tree)) > 0
    )


def _pk(
    konteks: _Konteks,
    unit: str,
    jenis: str,
    sasaran: tuple[SasaranPk, ...],
    anggaran: tuple[ProgramPk, ...],
    kedua: tuple[Penandatangan | None, str],
) -> tuple[PerjanjianKinerja, list[Masalah]]:
    lap, kepala = konteks.lap, konteks.kepala
    jabatan = jabatan_unit(unit, lap.opd)
    orang = penandatangan_unit(konteks.penandatangan, lap.opd, unit, lap.tahun)
    problems = []
    if orang is None:
        problems.append(
            masalah(
                "penandatangan-tidak-ada", lap.berkas, opd=f"{jabatan} ({lap.opd})", tahun=lap.tahun
            )
        )
    administrator = jenis == "administrator"
    pk = PerjanjianKinerja(
        tahun=lap.tahun,
        jenis="administrator" if administrator else "pengawas",
        instansi=lap.opd,
        slug=f"{lap.slug}/{slug(_AWALAN.sub('', orang.jabatan if orang else jabatan))}",
        pihak_pertama=orang,
        pihak_kedua=kedua[0],
        tanggal=kepala.tanggal if kepala else konteks.tanggal(lap.tahun),
        sasaran=sasaran,
        program=anggaran,
        jabatan_pertama=orang.jabatan if orang and orang.jabatan else jabatan,
        jabatan_kedua=kedua[1],
        daerah=lap.daerah,
        tempat=kepala.tempat if kepala else "",
        judul_sasaran="Sasaran Program / Kegiatan" if administrator else "Sasaran Kegiatan",
        judul_program="Kegiatan" if administrator else "Sub Kegiatan",
        unit=unit,
    )
    return pk, problems


def _slug_unik(daftar: list[PerjanjianKinerja]) -> list[PerjanjianKinerja]:
    """Distinct file names for PKs whose positions give the same slug, whatever the order
    of ``daftar``: the one whose unit sorts first keeps it, the others get '-2', '-3', ...
    in the order of their units (names, then the unit as written)."""
    per_slug: dict[str, list[PerjanjianKinerja]] = {}
    for pk in daftar:
        per_slug.setdefault(pk.slug, []).append(pk)
    nomor: dict[int, int] = {}
    for group in per_slug.values():
        ranked = sorted(group, key=lambda pk: (normalisasi(pk.unit), pk.unit, pk.jenis))
        for n, pk in enumerate(ranked):
            nomor[id(pk)] = n
    return [
        pk if nomor[id(pk)] == 0 else replace(pk, slug=f"{pk.slug}-{nomor[id(pk)] + 1}")
        for pk in daftar
    ]
