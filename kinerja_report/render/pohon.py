"""Pohon kinerja diagrams: one per OPD per year and the regency's, as PDF render jobs.

Files: ``<tahun>/pohon-kinerja/<opd-slug>.pdf`` and ``<tahun>/pohon-kinerja/pemda.pdf``.

Layout: one column per level (tujuan, sasaran RPJMD, sasaran PD, programme, kegiatan, sub
kegiatan), one row per leaf; a node's box spans the rows of its leaves, and a line joins it
to each child. A3 landscape holds :data:`BARIS_PER_HALAMAN` rows: a taller tree goes on to
the next page, and a box cut by the page end says "bersambung ke halaman n" (and "lanjutan
dari halaman n" where it resumes, with its name only). Each box: name, its indicators with
target, realisasi and capaian (all of them: a row grows to the text of its boxes, measured with
:mod:`~kinerja_report.render.ukur`), and the predikat as a word (and a border style), so
that a greyscale print reads as well as the colours.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from kinerja_report.compute.pohon import LABEL_TINGKAT, PohonKinerja, Simpul
from kinerja_report.compute.report import LaporanOpd
from kinerja_report.formats import angka, persen
from kinerja_report.model import Nilai
from kinerja_report.read.kaskade import TINGKAT_KASKADE
from kinerja_report.read.normalize import normalisasi
from kinerja_report.render.bertahap import kunci_data
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan, render_html
from kinerja_report.render.pool import TugasPdf
from kinerja_report.render.ukur import tinggi_teks

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
"""The least height of a row (mm); a row grows to the text of its boxes."""
BARIS_PER_HALAMAN = 10
TINGGI_HALAMAN = BARIS_PER_HALAMAN * TINGGI_BARIS
"""Drawing height of a page (mm)."""
CELAH = 2.0
"""Space between two boxes stacked in a column (mm)."""
HURUF, KECIL = 7.5, 6.5
"""Font sizes (pt) of a box's name and of its other lines, as in the template."""
PADDING_V, PADDING_H, BINGKAI = 1.0, 1.3, 1.0
"""A box's padding and its widest border (mm), as in the template."""
SAMBUNG = 3.5
"""Height of the 'bersambung' line at a cut box's foot (mm)."""
SAMBUNG_ATAS = "lanjutan dari halaman 99"
SAMBUNG_BAWAH = "bersambung ke halaman 99 →"
ATURAN_WARNA = "warna dan predikat kotak mengikuti predikat terendah di antara indikatornya"
"""The colour rule (:func:`_kategori`), as the legend states it."""
TANPA_INDIKATOR_SASARAN = (
    "Indikator sasaran belum tercantum (formulir E.81 tidak memuatnya; isi di lembar cascading)"
)
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
    indikator: tuple[tuple[str, str], ...] = ()
    """Each indicator's name and numbers line (:func:`baris_indikator`)."""


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


def _isi_penuh(
    node: Simpul, catatan: str, indikator: Sequence[tuple[str, str]], kategori: str
) -> list[tuple[str, float, bool, float]]:
    """What a first box shows, top down: (text, pt, bold, space above in mm)."""
    out = [(f"{node.kode} {node.uraian}" if node.kode else node.uraian, HURUF, True, 0.0)]
    if node.opd and node.tingkat in ("sasaran pd", "program"):
        out.append((f"{node.opd} · {node.unit}" if node.unit else node.opd, KECIL, False, 0.0))
    if catatan:
        out.append((f"⚠ {catatan}", KECIL, True, 0.0))
    if not indikator and node.tingkat == "sasaran pd":
        out.append((TANPA_INDIKATOR_SASARAN, KECIL, False, 0.6))
    for nama, numbers in indikator:
        out += [(nama, KECIL, False, 0.6)] if nama else []
        out += [(numbers, KECIL, False, 0.0)] if numbers else []
    if kategori:
        out.append((kategori.upper(), KECIL, True, 0.0))
    return out


def tinggi_isi(kotak: Kotak) -> float:
    """The height in mm the box's text needs, as the template sets it (:mod:`ukur`)."""
    node = kotak.simpul
    if kotak.lanjutan:
        parts = [(SAMBUNG_ATAS, KECIL, False, 0.0)]
        parts.append((f"{node.kode} {node.uraian}" if node.kode else node.uraian, HURUF, True, 0.0))
    else:
        parts = _isi_penuh(node, kotak.catatan, kotak.indikator, kotak.kategori)
    if kotak.bersambung:
        parts.append((SAMBUNG_BAWAH, KECIL, False, 0.4))
    inner = kotak.lebar - 2 * (PADDING_H + BINGKAI)
    text = sum(tinggi_teks(t, inner, pt, bold) + gap for t, pt, bold, gap in parts)
    return text + 2 * (PADDING_V + BINGKAI)


def baris_indikator(node: Simpul) -> tuple[tuple[str, str], ...]:
    """Each indicator as two lines: its name (and unit), then target, realisasi, capaian; on
    a box grouping several OPDs, the name once and a numbers line per OPD ('' for the
    other)."""
    out = []
    previous = ""
    for item in node.indikator:
        name = f"{item.indikator} ({item.satuan})" if item.satuan else item.indikator
        numbers = f"T {_nilai(item.target)} · R {_nilai(item.realisasi)}"
        if item.capaian is not None:
            numbers += f" · C {persen(item.capaian)}"
        if not item.pelaksana:
            out.append((name, numbers))
            continue
        if name != previous:
            out.append((name, ""))
        out.append(("", f"{item.pelaksana}: {numbers}"))
        previous = name
    return tuple(out)


def _nilai(value: Nilai) -> str:
    if value.angka is not None:
        return angka(value.angka, 2)
    return value.teks or "–"


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
    index = {node.kunci: node for node in tree.simpul}
    classes = {label: f"p{i}" for i, label in enumerate(skala)}
    notes = catatan or {}

    def kotak(
        key: str,
        y: float,
        tinggi: float,
        bersambung: int | None = None,
        lanjutan: int | None = None,
    ) -> Kotak:
        node = index[key]
        label = _kategori(node, skala)
        return Kotak(
            node,
            x=column[node.tingkat] * (width + JARAK),
            y=y,
            lebar=width,
            tinggi=tinggi,
            bersambung=bersambung,
            lanjutan=lanjutan,
            kelas=classes.get(label, "tanpa"),
            kategori=label,
            catatan=notes.get(key, ""),
            indikator=baris_indikator(node),
        )

    # each row as tall as the boxes it carries need: the deepest first, a shortfall
    # spread over the box's rows
    heights = [TINGGI_BARIS] * total
    need = {key: tinggi_isi(kotak(key, y=0.0, tinggi=0.0)) + CELAH for key in rows}
    for key in sorted(rows, key=lambda k: -column[index[k].tingkat]):
        start, span = rows[key]
        short = need[key] - sum(heights[start : start + span])
        for r in range(start, start + span):
            heights[r] += max(short, 0.0) / span
    # pages: a row goes on when it fits; a page breaks early before a box whose first part
    # would be cut too short for its text
    starting: dict[int, list[str]] = {}
    for key, (start, _span) in rows.items():
        starting.setdefault(start, []).append(key)
    page_of, top_of = [0] * total, [0.0] * total
    page, y = 0, 0.0
    for r in range(total):
        room = TINGGI_HALAMAN - y
        cut = any(
            sum(heights[start : start + span]) > room and need[key] + SAMBUNG > room
            for key in starting.get(r, [])
            for start, span in [rows[key]]
        )
        if y > 0 and (heights[r] > room or cut):
            page, y = page + 1, 0.0
        page_of[r], top_of[r] = page, y
        y += heights[r]
    pages = page_of[-1] + 1 if total else 1
    halaman = []
    for p in range(pages):
        boxes: dict[str, Kotak] = {}
        for key, (start, span) in rows.items():
            mine = [r for r in range(start, start + span) if page_of[r] == p]
            if not mine:
                continue
            boxes[key] = kotak(
                key,
                y=top_of[mine[0]],
                tinggi=top_of[mine[-1]] + heights[mine[-1]] - top_of[mine[0]] - CELAH,
                bersambung=p + 2 if page_of[start + span - 1] > p else None,
                lanjutan=p if page_of[start] < p else None,
            )
        lines = [
            Garis(parent.x + parent.lebar, box.x, box.y + min(box.tinggi, 20.0) / 2)
            for box in boxes.values()
            if (parent := boxes.get(box.simpul.induk)) is not None
            and box.x > parent.x  # an IKI chart hangs a tujuan under a jabatan's column
        ]
        halaman.append(
            Halaman(
                p + 1,
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


def gabung_kembar(tree: PohonKinerja) -> PohonKinerja:
    """The tree with the sasaran PD and programmes of the same name that several OPDs hang
    under one parent (each OPD's 'Program Penunjang Urusan ...' under its own 'Meningkatnya
    akuntabilitas ...') drawn as one box: it names the OPDs and keeps each OPD's indicators
    (:attr:`IndikatorSimpul.pelaksana`); the children of all go under it. The first node
    keeps its key."""
    nodes = {node.kunci: node for node in tree.simpul}
    parent_of = {node.kunci: node.induk for node in tree.simpul}
    order = [node.kunci for node in tree.simpul]
    queue = [""]
    while queue:
        parent = queue.pop(0)
        groups: dict[tuple[str, str], list[str]] = {}
        for key in order:
            node = nodes.get(key)
            if node is not None and parent_of[key] == parent:
                groups.setdefault((node.tingkat, normalisasi(node.uraian)), []).append(key)
        for (level, _), keys in groups.items():
            members = [nodes[k] for k in keys]
            if level not in ("sasaran pd", "program") or len({m.opd for m in members}) < 2:
                queue.extend(keys)
                continue
            nodes[keys[0]] = _gabungan(members)
            for key in keys[1:]:
                del nodes[key]
            for key, up in parent_of.items():
                if up in keys[1:]:
                    parent_of[key] = keys[0]
            queue.append(keys[0])
    return PohonKinerja(
        tree.tahun,
        tuple(replace(nodes[k], induk=parent_of[k]) for k in order if k in nodes),
    )


def _gabungan(members: Sequence[Simpul]) -> Simpul:
    """One node for ``members`` (same level and name, several OPDs): :func:`gabung_kembar`."""
    codes = {m.kode for m in members}
    opds = list(dict.fromkeys(m.opd for m in members))
    return replace(
        members[0],
        kode=codes.pop() if len(codes) == 1 else "",
        opd=f"{len(opds)} perangkat daerah: {', '.join(opds)}",
        unit="",
        indikator=tuple(
            sorted(
                (replace(item, pelaksana=m.opd) for m in members for item in m.indikator),
                key=lambda item: normalisasi(item.indikator),
            )
        ),
    )


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
    """A render job for each diagram of :func:`bagan_pohon`: keyed by the tree part it lays
    out, laid out only when its HTML is made (a rebuild that keeps the PDF never lays it
    out)."""
    env = lingkungan()
    skala = list(dict.fromkeys(p.label for p in pengaturan.aturan.skala))
    return [
        TugasPdf(
            relatif=relatif,
            sumber=partial(_html_rencana, env, tree, judul, skala, notes, milik),
            kunci_data=kunci_data(TEMPLAT, tree, judul, skala, notes, milik),
            folder_templat=FOLDER_TEMPLAT,
            aset=milik.aset,
            keterangan=f"{tree.tahun} {judul}",
        )
        for relatif, tree, judul, notes, milik in _rencana_bagan(
            pohon, laporan, daerah, tahun_daerah
        )
    ]


def _html_rencana(
    env: Environment,
    tree: PohonKinerja,
    judul: str,
    skala: Sequence[str],
    notes: dict[str, str],
    daerah: Daerah,
) -> str:
    return html_bagan(env, susun_bagan(tree, judul, skala, notes), daerah)


def bagan_pohon(
    pohon: Sequence[PohonKinerja],
    laporan: Sequence[LaporanOpd],
    pengaturan: Pengaturan,
    daerah: Daerah,
    tahun_daerah: Collection[int | None] = (),
) -> list[tuple[str, Bagan, Daerah]]:
    """(file, diagram, whose) of each OPD's diagram of each year, and the regency's for the
    years of ``tahun_daerah`` (:func:`~kinerja_report.compute.rkpd.cakupan_daerah`: an RPJMD
    matrix or more than one OPD; one OPD's form never yields a tree titled for the
    Kabupaten)."""
    skala = list(dict.fromkeys(p.label for p in pengaturan.aturan.skala))
    return [
        (relatif, susun_bagan(tree, judul, skala, notes), milik)
        for relatif, tree, judul, notes, milik in _rencana_bagan(
            pohon, laporan, daerah, tahun_daerah
        )
    ]


def _rencana_bagan(
    pohon: Sequence[PohonKinerja],
    laporan: Sequence[LaporanOpd],
    daerah: Daerah,
    tahun_daerah: Collection[int | None],
) -> list[tuple[str, PohonKinerja, str, dict[str, str], Daerah]]:
    """(file, tree part, title, the notes of its nodes, whose) of each diagram of
    :func:`bagan_pohon`, before it is laid out."""
    out = []
    for tree in pohon:
        notes = catatan_keselarasan(tree)
        for lap in laporan:
            if lap.tahun != tree.tahun:
                continue
            part = tree.bagian_opd(lap.opd)
            if not part.simpul:
                continue
            out.append(
                (
                    f"{tree.tahun}/pohon-kinerja/{lap.slug}.pdf",
                    part,
                    f"Pohon Kinerja {lap.opd}",
                    _catatan_bagian(notes, part),
                    lap.daerah,
                )
            )
        regency = gabung_kembar(tree.sampai(TINGKAT_PEMDA))
        if tree.tahun in tahun_daerah and any(
            node.tingkat == "sasaran rpjmd" for node in regency.simpul
        ):
            title = f"Pohon Kinerja {daerah.nama_lengkap or 'Pemerintah Daerah'}"
            slug = f"{tree.tahun}/pohon-kinerja/{SLUG_PEMDA}.pdf"
            out.append((slug, regency, title, _catatan_bagian(notes, regency), daerah))
    return out


def _catatan_bagian(catatan: dict[str, str], tree: PohonKinerja) -> dict[str, str]:
    """The notes of the nodes of ``tree`` (a diagram's key holds only what it shows)."""
    kunci = {node.kunci for node in tree.simpul}
    return {k: v for k, v in catatan.items() if k in kunci}


def html_bagan(env: Environment, bagan: Bagan, daerah: Daerah) -> str:
    return render_html(
        env,
        TEMPLAT,
        bagan=bagan,
        daerah=daerah,
        T=TINGGI_HALAMAN,
        tanpa_indikator_sasaran=TANPA_INDIKATOR_SASARAN,
        aturan_warna=ATURAN_WARNA,
    )
