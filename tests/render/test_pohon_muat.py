"""Every pohon kinerja box holds its whole text: measured by the layout's own estimate on the
sample's trees and the real cascading charts, and by the PDF engine's layout itself."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from weasyprint import HTML

from kinerja_report.compute.pohon import pohon_kaskade
from kinerja_report.compute.rkpd import cakupan_daerah
from kinerja_report.pipeline import Kumpulan
from kinerja_report.read.folder import baca_berkas
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan
from kinerja_report.render.pohon import (
    TANPA_INDIKATOR_SASARAN,
    Bagan,
    bagan_pohon,
    html_bagan,
    susun_bagan,
    tinggi_isi,
)
from kinerja_report.settings import Daerah

SKALA = ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]
BAGAN_KASKADE = (
    "cascade_iki_pk_biro_organisasi_jabar.xlsx",
    "cascading_pk_biro_produksi_jabar_2017.xls",
)
MM = 25.4 / 96
"""One CSS pixel (the PDF engine's unit) in mm."""


@pytest.fixture(scope="module")
def bagan_sample(kumpulan_sampel: Kumpulan) -> list[tuple[str, Bagan, Daerah]]:
    kumpulan = kumpulan_sampel
    years = {
        tree.tahun
        for tree in kumpulan.pohon
        if tree.tahun is not None and cakupan_daerah(kumpulan.matriks, kumpulan.laporan, tree.tahun)
    }
    daerah = kumpulan.identitas.daerah
    return bagan_pohon(kumpulan.pohon, kumpulan.laporan, kumpulan.pengaturan, daerah, years)


def _terpotong(bagan: Bagan) -> list[str]:
    """Boxes whose estimated text is taller than the box."""
    return [
        f"hal. {h.nomor} {k.simpul.uraian[:40]}: {tinggi_isi(k):.1f} > {k.tinggi:.1f} mm"
        for h in bagan.halaman
        for k in h.kotak
        if tinggi_isi(k) > k.tinggi + 1e-6
    ]


def _sisa_di_pdf(html: str) -> list[tuple[float, str]]:
    """Each box's room left below its text, in mm, from the PDF engine's own layout (a
    negative number: text past the box's padding); the 'bersambung' line, which sits at the
    box's foot, counts as text."""
    document = HTML(string=html, base_url=FOLDER_TEMPLAT.as_uri() + "/").render()
    out = []
    for page in document.pages:
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if box.element_tag != "div" or "kotak" not in (element.get("class") or "").split():
                continue
            bottom = box.content_box_y() + box.height + box.padding_bottom
            parts = [
                d
                for d in box.descendants()
                if d.element is not element and hasattr(d, "margin_height")
            ]
            foot = [d.position_y for d in parts if "bawah" in (d.element.get("class") or "")]
            used = max(
                (
                    d.position_y + d.margin_height()
                    for d in parts
                    if "bawah" not in (d.element.get("class") or "")
                ),
                default=0.0,
            )
            room = (min(foot, default=bottom) - used) * MM
            out.append((room, " ".join("".join(element.itertext()).split())))
    return out


def test_setiap_kotak_sample_memuat_teksnya(bagan_sample: list[tuple[str, Bagan, Daerah]]) -> None:
    assert len(bagan_sample) > 40  # 11 OPDs a year and the regency's
    assert [masalah for _, bagan, _ in bagan_sample for masalah in _terpotong(bagan)] == []
    # every Sasaran PD box lists all its indicators (the PDF says when the form names none)
    sasaran = [
        k
        for _, bagan, _ in bagan_sample
        for h in bagan.halaman
        for k in h.kotak
        if k.simpul.tingkat == "sasaran pd" and not k.lanjutan
    ]
    assert sasaran
    # one line of numbers per indicator (a box grouping several OPDs names a shared
    # indicator once, then each OPD's numbers)
    assert all(
        sum(1 for _, angka in k.indikator if angka) == len(k.simpul.indikator) for k in sasaran
    )
    # the sample's cascading sheet gives each linked Sasaran PD its indicator; only Dinas
    # Sosial's two sasaran, deliberately linked to nothing, have none (and say so)
    tanpa = {(k.simpul.opd, k.simpul.uraian) for k in sasaran if not k.simpul.indikator}
    assert tanpa == {
        ("Dinas Sosial", "Meningkatnya pelayanan rehabilitasi sosial bagi PPKS"),
        ("Dinas Sosial", "Meningkatnya ketepatan sasaran perlindungan sosial"),
    }


def test_pdf_sample_tanpa_teks_terpotong(bagan_sample: list[tuple[str, Bagan, Daerah]]) -> None:
    """Every diagram of 2024, as the PDF engine lays it out."""
    env = lingkungan()
    teks: dict[str, list[str]] = {}
    for relatif, bagan, daerah in bagan_sample:
        if not relatif.startswith("2024/"):
            continue
        rooms = _sisa_di_pdf(html_bagan(env, bagan, daerah))
        assert len(rooms) == sum(len(h.kotak) for h in bagan.halaman)
        assert [(relatif, round(room, 2), isi) for room, isi in rooms if room < 0] == []
        teks[relatif] = [isi for _, isi in rooms]
    assert len(teks) == 12  # 11 OPDs and the regency
    # the box clipped before shows both its indicators, stunting included
    dinkes = teks["2024/pohon-kinerja/dinas-kesehatan.pdf"]
    (balita,) = [isi for isi in dinkes if isi.startswith("1.02.02.2.02.0004")]
    assert "Jumlah balita stunting" in balita
    assert "indikator lain" not in " ".join(dinkes)
    # Sasaran PD boxes show the cascading sheet's indicator; where none is given, say so
    assert "Persentase desa ODF" in " ".join(dinkes)
    assert TANPA_INDIKATOR_SASARAN not in " ".join(dinkes)
    assert TANPA_INDIKATOR_SASARAN in " ".join(teks["2024/pohon-kinerja/dinas-sosial.pdf"])
    # one box for the 11 OPDs' support programme
    pemda = teks["2024/pohon-kinerja/pemda.pdf"]
    assert sum("PROGRAM PENUNJANG URUSAN" in isi for isi in pemda) == 1


@pytest.mark.parametrize("nama", BAGAN_KASKADE)
def test_bagan_kaskade_nyata_memuat_teksnya(real_workbooks: Path, nama: str) -> None:
    isi = baca_berkas(real_workbooks / nama, PurePosixPath(nama))
    tree = pohon_kaskade(list(isi.kaskade))
    bagan = susun_bagan(tree, "Pohon Kinerja", SKALA)
    assert sum(len(h.kotak) for h in bagan.halaman) >= len(tree.simpul)
    assert _terpotong(bagan) == []
    rooms = _sisa_di_pdf(html_bagan(lingkungan(), bagan, Daerah()))
    assert [(round(room, 2), teks) for room, teks in rooms if room < 0] == []
