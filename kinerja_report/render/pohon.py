"""Pohon kinerja diagrams: one per OPD per year and the regency's, as PDF render jobs.

Files: ``<tahun>/pohon-kinerja/<opd-slug>.pdf`` and ``<tahun>/pohon-kinerja/pemda.pdf``.

Layout: one column per level (tujuan, sasaran RPJMD, sasaran PD, programme, kegiatan, sub
kegiatan), one row per leaf; a node's box spans the rows of its leaves, and a line joins it
to each child. A3 landscape holds :data:`BARIS_PER_HALAMAN` rows: a taller tree goes on to
the next page, and a box cut by the page end says "bersambung ke halaman n" (and "lanjutan
dari halaman n" where it resumes). Each box: name, up to two indicators with target,
realisasi and capaian, and the predikat as a word (and a border style), so that a greyscale
print reads as well as the colours.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kinerja_report.compute.pohon import LABEL_TINGKAT, PohonKinerja, Simpul
from kinerja_report.compute.report import LaporanOpd
from kinerja_report.read.kaskade import TINGKAT_KASKADE
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan, render_html
from kinerja_report.render.pool import TugasPdf

if TYPE_CHECKING:
    from jinja2 import Environment

    from kinerja_report.settings import Daerah, Pengaturan

TEMPLAT = "pohon.html.j2"
SLUG_PEMDA = "pemda"
TINGKAT_PEMDA = ("tujuan", "sasaran rpjmd", "sasaran pd", "program")
"""The regency diagram stops at programmes; each OPD's diagram goes down to sub kegiatan."""
LEBAR_HALAMAN = 400.0
"""Drawing width in mm (A3 landscape, 420 mm, less the margins)."""
TINGGI_BARIS = 24.0
BARIS_PER_HALAMAN = 10
JARAK = 7.0
"""Gap between two columns, where the joining lines run (mm)."""


@dataclass(frozen=True)
class Kotak:
    """One box on one page, positioned in mm."""

    simpul: Simpul
    x: float
    y: float
    lebar: float
    tinggi: float
    bersambung: int | None = None
    """The page the box continues on, if cut by the page end."""
    lanjutan: int | None = None
    """The page the box started on, if it started earlier."""
    kelas: str = "tanpa"
    """CSS class of the predikat (its rank in the scale: p0 best), 'tanpa' without capaian."""
    kategori: str = ""
    catatan: str = ""


@dataclass(frozen=True)
class Garis:
    """A joining line, in mm: horizontal from (x1, y) to (x2, y)."""

    x1: float
    x2: float
    y: float


@dataclass(frozen=True)
class Halaman:
    nomor: int
    kotak: tuple[Kotak, ...]
    garis: tuple[Garis, ...]


@dataclass(frozen=True)
class Bagan:
    """Everything one diagram document shows."""

    judul: str
    tahun: int | None
    kolom: tuple[str, ...]
    """Column titles, left to right."""
    lebar_kolom: float
    halaman: tuple[Halaman, ...]
    skala: tuple[tuple[str, str], ...]
    """(css class, label) of each predikat, for the legend."""


def _baris(tree: PohonKinerja) -> dict[str, tuple[int, int]]:
    """Each node's first row and its number of rows (its leaves), depth first."""
    out: dict[str, tuple[int, int]] = {}
    next_row = 0

    def visit(node: Simpul, seen: frozenset[str]) -> int:
        nonlocal next_row
        start = next_row
        children = [c for c in tree.anak(node) if c.kunci not in seen]
        for child in children:
            visit(child, seen | {node.kunci})
        if not children:
            next_row += 1
        out[node.kunci] = (start, next_row - start)
        return start

    for root in tree.akar:
        visit(root, frozenset())
    return out


def susun_bagan(
    tree: PohonKinerja,
    judul: str,
    skala: Sequence[str],
    catatan: dict[str, str] | None = None,
) -> Bagan:
    """Lay ``tree`` out on pages (module doc); ``skala`` are the predikat labels, best first;
    ``catatan`` a short note per node key (e.g. 'tidak terhubung ke sasaran RPJMD')."""
    levels: list[str] = [t for t in TINGKAT_KASKADE if any(n.tingkat == t for n in tree.simpul)]
    column = {level: i for i, level in enumerate(levels)}
    width = (LEBAR_HALAMAN - JARAK * (len(levels) - 1)) / max(len(levels), 1)
    rows = _baris(tree)
    total = max((start + span for start, span in rows.values()), default=0)
    pages = max(1, -(-total // BARIS_PER_HALAMAN))
    index = {node.kunci: node for node in tree.simpul}
    classes = {label: f"p{i}" for i, label in enumerate(skala)}
    halaman = []
    for page in range(pages):
        first, last = page * BARIS_PER_HALAMAN, (page + 1) * BARIS_PER_HALAMAN
        boxes: dict[str, Kotak] = {}
        for key, (start, span) in rows.items():
            end = start + span
            if end <= first or start >= last:
                continue
            node = index[key]
            top, bottom = max(start, first), min(end, last)
            label = _kategori(node, skala)
            boxes[key] = Kotak(
                node,
                x=column[node.tingkat] * (width + JARAK),
                y=(top - first) * TINGGI_BARIS,
                lebar=width,
                tinggi=(bottom - top) * TINGGI_BARIS - 2.0,
                bersambung=page + 2 if end > last else None,
                lanjutan=page if start < first else None,
                kelas=classes.get(label, "tanpa"),
                kategori=label,
                catatan=(catatan or {}).get(key, ""),
            )
        lines = [
            Garis(parent.x + parent.lebar, box.x, box.y + min(box.tinggi, 20.0) / 2)
            for box in boxes.values()
            if (parent := boxes.get(box.simpul.induk)) is not None
        ]
        halaman.append(
            Halaman(
                page + 1,
                tuple(sorted(boxes.values(), key=lambda b: (b.x, b.y))),
                tuple(lines),
            )
        )
    return Bagan(
        judul,
        tree.tahun,
        tuple(LABEL_TINGKAT[level] for level in levels),
        width,
        tuple(halaman),
        tuple((classes[label], label) for label in skala),
    )


def _kategori(node: Simpul, skala: Sequence[str]) -> str:
    """The predikat of the node: its indicators' own when they agree, else the worst."""
    labels = [item.kategori for item in node.indikator if item.kategori]
    if not labels:
        return ""
    rank = {label: i for i, label in enumerate(skala)}
    return max(labels, key=lambda label: rank.get(label, -1))


def catatan_keselarasan(tree: PohonKinerja) -> dict[str, str]:
    """Notes printed in the boxes that the alignment checks flag."""
    notes = {}
    for node in tree.simpul:
        if node.tingkat == "sasaran rpjmd" and not any(
            child.tingkat == "program" for child in tree.keturunan(node)
        ):
            notes[node.kunci] = "Belum ada program pendukung"
        if (
            node.tingkat == "sasaran pd"
            and node.opd
            and not any(p.tingkat == "sasaran rpjmd" for p in tree.leluhur(node))
        ):
            notes[node.kunci] = "Belum terhubung ke sasaran RPJMD"
    return notes


def tugas_pohon(
    pohon: Sequence[PohonKinerja],
    laporan: Sequence[LaporanOpd],
    pengaturan: Pengaturan,
    daerah: Daerah,
    tahun_daerah: Collection[int | None] = (),
) -> list[TugasPdf]:
    """A render job for each OPD's diagram of each year, and the regency's for the years of
    ``tahun_daerah`` (:func:`~kinerja_report.compute.rkpd.cakupan_daerah`: an RPJMD matrix
    or more than one OPD; one OPD's form never yields a tree titled for the Kabupaten)."""
    env = lingkungan()
    skala = list(dict.fromkeys(p.label for p in pengaturan.aturan.skala))
    jobs = []
    for tree in pohon:
        notes = catatan_keselarasan(tree)
        for lap in laporan:
            if lap.tahun != tree.tahun:
                continue
            part = tree.bagian_opd(lap.opd)
            if not part.simpul:
                continue
            bagan = susun_bagan(part, f"Pohon Kinerja {lap.opd}", skala, notes)
            relatif = f"{tree.tahun}/pohon-kinerja/{lap.slug}.pdf"
            jobs.append(_tugas(env, bagan, relatif, lap.daerah))
        regency = tree.sampai(TINGKAT_PEMDA)
        if tree.tahun in tahun_daerah and any(
            node.tingkat == "sasaran rpjmd" for node in regency.simpul
        ):
            title = f"Pohon Kinerja {daerah.nama_lengkap or 'Pemerintah Daerah'}"
            bagan = susun_bagan(regency, title, skala, notes)
            relatif = f"{tree.tahun}/pohon-kinerja/{SLUG_PEMDA}.pdf"
            jobs.append(_tugas(env, bagan, relatif, daerah))
    return jobs


def _tugas(env: Environment, bagan: Bagan, relatif: str, daerah: Daerah) -> TugasPdf:
    return TugasPdf(
        relatif=relatif,
        html=render_html(env, TEMPLAT, bagan=bagan, daerah=daerah, T=TINGGI_BARIS),
        folder_templat=FOLDER_TEMPLAT,
        aset=daerah.aset,
        keterangan=f"{bagan.tahun} {bagan.judul}",
    )
