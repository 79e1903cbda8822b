"""The inline SVG charts: escaped text, Indonesian numbers, nothing without data."""

from __future__ import annotations

from kinerja_report.render import grafik


def test_tren_kosong_dan_angka_indonesia() -> None:
    assert grafik.tren([]) == ""
    svg = str(grafik.tren([(2021, 68.12), (2024, 69.39)], [(2021, 68.0), (2024, 69.35)]))
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert ">68,12</text>" in svg
    assert ">69,39</text>" in svg
    assert ">2021</text>" in svg
    assert "stroke-dasharray" in svg  # the targets


def test_label_di_escape() -> None:
    svg = str(grafik.batang_berpasangan([("<b>Dinas</b> & Co", 95.5, None)], ("A", "B")))
    assert "&lt;b&gt;Dinas&lt;/b&gt; &amp; Co" in svg
    assert "<b>" not in svg
    assert ">95,50 %</text>" in svg  # two decimals, as every percentage of the summary
    assert svg.count("<rect") == 3  # two legend boxes, one bar (no bar for None)


def test_kontribusi_tanda() -> None:
    svg = str(grafik.batang_kontribusi([("Kesehatan", 0.06), ("Pendidikan", -0.1)]))
    assert ">+0,06</text>" in svg
    assert ">-0,1</text>" in svg


def test_label_batang_tidak_memotong_garis_100() -> None:
    """A value printed at a bar's end never straddles the 100 % line: inside the bar when
    it fits, else to the right of the line."""
    svg = str(grafik.batang_berpasangan([("Dinas", 96.21, 4.0)], ("A", "B")))
    x100 = float(svg.split('<line x1="')[1].split('"')[0])
    for teks in ("96,21 %", "4,00 %"):
        potong = svg[: svg.index(f">{teks}</text>")]
        awal = potong.rindex("<text ")
        x = float(potong[awal:].split('x="')[1].split('"')[0])
        anchor = potong[awal:].split('text-anchor="')[1].split('"')[0]
        lebar = len(teks) * grafik.LEBAR_HURUF
        kiri, kanan = (x - lebar, x) if anchor == "end" else (x, x + lebar)
        assert not kiri < x100 < kanan, teks
