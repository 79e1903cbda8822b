"""Small charts for the documents, as inline SVG written here.

Why plain SVG and not matplotlib or pygal: the charts are few and simple (a trend line, bars
side by side); SVG text is vector (crisp in print at any zoom), WeasyPrint draws inline SVG
itself, nothing is fetched (no file, no network: see :mod:`~kinerja_report.render.fetcher`),
and generating it costs microseconds where importing matplotlib costs a second in every PDF
worker. Colours are black and greys that stay apart in greyscale print; every bar carries
its number as text, so no colour is ever the only carrier of a value. Numbers are in the
Indonesian format (:mod:`kinerja_report.formats`).

Every function returns :class:`markupsafe.Markup`; every text from the data is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from kinerja_report.formats import angka, angka_tetap

HITAM = "#000000"
GELAP = "#4d4d4d"
TERANG = "#bfbfbf"
GARIS = "#808080"
_HURUF = 'font-family="Liberation Sans" '


def _svg(lebar: float, tinggi: float, isi: list[str], judul: str) -> Markup:
    kepala = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{lebar:g}" height="{tinggi:g}" '
        f'viewBox="0 0 {lebar:g} {tinggi:g}" role="img" aria-label="{escape(judul)}">'
    )
    return Markup(kepala + "".join(isi) + "</svg>")


def _teks(
    x: float, y: float, teks: str, ukuran: float = 7, anchor: str = "start", **gaya: str
) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in gaya.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" {_HURUF}font-size="{ukuran:g}" '
        f'text-anchor="{anchor}"{extra}>{escape(teks)}</text>'
    )


def tren(
    titik: Sequence[tuple[int, float]],
    target: Sequence[tuple[int, float]] = (),
    lebar: float = 150,
    tinggi: float = 46,
    desimal: int = 2,
) -> Markup:
    """A small line of the yearly values (solid, dots labelled with the first and last
    value) and the yearly targets (dashed grey); years along the bottom. Empty without
    values."""
    if not titik:
        return Markup("")
    tahun = sorted({t for t, _ in titik} | {t for t, _ in target})
    semua = [v for _, v in titik] + [v for _, v in target]
    bawah, atas = min(semua), max(semua)
    if atas == bawah:
        bawah, atas = bawah - 1, atas + 1
    kiri, kanan, puncak, dasar = 6.0, lebar - 6.0, 10.0, tinggi - 11.0

    def x(t: int) -> float:
        if len(tahun) == 1:
            return (kiri + kanan) / 2
        return kiri + (kanan - kiri) * (t - tahun[0]) / (tahun[-1] - tahun[0])

    def y(v: float) -> float:
        return dasar - (dasar - puncak) * (v - bawah) / (atas - bawah)

    isi = _garis_tren(titik, target, x, y)
    for t in tahun:
        isi.append(_teks(x(t), tinggi - 2, str(t), 6.5, "middle", fill=GELAP))
    urut = sorted(titik)
    for t, v in {urut[0], urut[-1]}:
        anchor = "start" if t == urut[0][0] and len(urut) > 1 else "end"
        isi.append(_teks(x(t), y(v) - 2.5, angka(v, desimal), 7, anchor))
    return _svg(lebar, tinggi, isi, "Tren realisasi per tahun")


def _garis_tren(
    titik: Sequence[tuple[int, float]],
    target: Sequence[tuple[int, float]],
    x: Callable[[int], float],
    y: Callable[[float], float],
) -> list[str]:
    isi = []
    if len(target) > 1:
        jalur = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in sorted(target))
        isi.append(
            f'<polyline points="{jalur}" fill="none" stroke="{GARIS}" stroke-width="0.8" '
            'stroke-dasharray="2,1.5"/>'
        )
    urut = sorted(titik)
    if len(urut) > 1:
        jalur = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in urut)
        isi.append(f'<polyline points="{jalur}" fill="none" stroke="{HITAM}" stroke-width="1.2"/>')
    for t, v in urut:
        isi.append(f'<circle cx="{x(t):.1f}" cy="{y(v):.1f}" r="1.6" fill="{HITAM}"/>')
    return isi


def batang_berpasangan(
    baris: Sequence[tuple[str, float | None, float | None]],
    nama: tuple[str, str],
    lebar: float = 680,
    satuan: str = "%",
    skala: float = 1.0,
    desimal: int = 2,
) -> Markup:
    """Horizontal bars, two per row (dark: the first value, light: the second), the label
    left and each value printed at the bar's end (:func:`_label_batang`); a legend on top
    naming ``nama``; values divided by ``skala`` for print (e.g. 1e9 for 'miliar'). An empty
    value draws no bar."""
    label_lebar, tinggi_baris, atas = 230.0, 24.0, 18.0
    tinggi = atas + tinggi_baris * len(baris) + 14
    nilai = [v for _, a, b in baris for v in (a, b) if v is not None]
    maks = max([*nilai, 100.0 if satuan == "%" else 1.0])
    ruang = lebar - label_lebar - 70
    isi = [
        f'<rect x="{label_lebar:.0f}" y="2" width="10" height="8" fill="{GELAP}"/>',
        _teks(label_lebar + 13, 9.5, nama[0], 9),
        f'<rect x="{label_lebar + 160:.0f}" y="2" width="10" height="8" fill="{TERANG}" '
        f'stroke="{GELAP}" stroke-width="0.4"/>',
        _teks(label_lebar + 173, 9.5, nama[1], 9),
    ]
    x100 = label_lebar + ruang * 100 / maks if satuan == "%" and maks >= 100 else None
    if x100 is not None:
        isi.append(
            f'<line x1="{x100:.1f}" y1="{atas - 2:.1f}" x2="{x100:.1f}" '
            f'y2="{tinggi - 12:.1f}" stroke="{GARIS}" stroke-width="0.5" stroke-dasharray="2,2"/>'
        )
        isi.append(_teks(x100, tinggi - 3, "100 %", 8, "middle", fill=GELAP))
    for i, (label, pertama, kedua) in enumerate(baris):
        y0 = atas + i * tinggi_baris
        pendek = label if len(label) <= 46 else label[:45] + "…"
        isi.append(_teks(label_lebar - 4, y0 + 13, pendek, 9, "end"))
        for j, (v, warna) in enumerate(((pertama, GELAP), (kedua, TERANG))):
            if v is None:
                continue
            w = max(0.0, ruang * v / maks)
            yb = y0 + 2 + j * 10
            isi.append(
                f'<rect x="{label_lebar:.0f}" y="{yb:.1f}" width="{w:.1f}" height="9" '
                f'fill="{warna}" stroke="{GELAP}" stroke-width="0.4"/>'
            )
            teks = angka_tetap(v / skala, desimal) + (f" {satuan}" if satuan else "")
            isi.append(_label_batang(label_lebar, label_lebar + w, yb + 8, teks, warna, x100))
    return _svg(lebar, tinggi, isi, f"{nama[0]} dan {nama[1]}")


LEBAR_HURUF = 4.6
"""About the width of one character of 8 pt Liberation Sans in the chart's units."""


def _label_batang(
    awal: float, ujung: float, y: float, teks: str, warna: str, garis: float | None
) -> str:
    """A bar's value: inside the bar's end when it fits (white on the dark bar), else after
    it; never across the 100 % line (placed past the line when it would cross it)."""
    lebar = len(teks) * LEBAR_HURUF
    if ujung - lebar - 3 > awal:
        fill = "#ffffff" if warna == GELAP else GELAP
        return _teks(ujung - 2, y, teks, 8, "end", fill=fill)
    x = ujung + 2
    if garis is not None and x < garis < x + lebar:
        x = garis + 2
    return _teks(x, y, teks, 8)


def batang_kontribusi(
    bagian: Sequence[tuple[str, float]], lebar: float = 320, desimal: int = 2
) -> Markup:
    """Bars left or right of a zero line: each dimension's points of a change."""
    label_lebar, tinggi_baris = 90.0, 20.0
    tinggi = tinggi_baris * len(bagian) + 6
    maks = max([abs(v) for _, v in bagian] + [1e-9])
    tengah = label_lebar + (lebar - label_lebar) / 2
    ruang = (lebar - label_lebar) / 2 - 30
    isi = [
        f'<line x1="{tengah:.1f}" y1="0" x2="{tengah:.1f}" y2="{tinggi:.1f}" '
        f'stroke="{HITAM}" stroke-width="0.6"/>'
    ]
    for i, (label, v) in enumerate(bagian):
        y0 = 3 + i * tinggi_baris
        w = ruang * abs(v) / maks
        x0 = tengah if v >= 0 else tengah - w
        isi.append(_teks(label_lebar - 4, y0 + 9, label, 7, "end"))
        isi.append(f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{w:.1f}" height="10" fill="{GELAP}"/>')
        teks = ("+" if v > 0 else "") + angka(v, desimal)
        if v >= 0:
            isi.append(_teks(tengah + w + 2, y0 + 10, teks, 9))
        else:
            isi.append(_teks(tengah - w - 2, y0 + 10, teks, 9, "end"))
    return _svg(lebar, tinggi, isi, "Kontribusi tiap dimensi terhadap perubahan")
