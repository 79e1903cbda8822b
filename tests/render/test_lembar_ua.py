"""Our user-agent stylesheet: WeasyPrint's, less the universal rules of pseudo-elements no
document shows; the PDFs stay byte-identical."""

from __future__ import annotations

import re

import pytest
from weasyprint import HTML

from kinerja_report.pipeline import Kumpulan, rencana_keluaran
from kinerja_report.render import lembar_ua
from kinerja_report.render.html import FOLDER_TEMPLAT
from kinerja_report.render.pdf import render_pdf
from kinerja_report.render.pool import TugasPdf, render_satu_per_satu


def test_setiap_perubahan_menemukan_aturannya() -> None:
    # a WeasyPrint that writes one of these rules differently leaves it in place (slower
    # documents, never different ones): this test is where that shows
    _, diubah = lembar_ua.teks_ua_ringkas(lembar_ua.teks_ua_weasyprint())
    assert diubah == ["marker", *lembar_ua.PSEUDO_TANPA_GAYA]


def test_selebihnya_teks_weasyprint() -> None:
    asli = lembar_ua.teks_ua_weasyprint()
    ringkas, _ = lembar_ua.teks_ua_ringkas(asli)
    dibuang = tuple(f"::{pseudo} {{" for pseudo in lembar_ua.PSEUDO_TANPA_GAYA)
    harapan = [
        "li" + baris if baris.startswith("::marker {") else baris
        for baris in asli.splitlines()
        if not baris.startswith(dibuang)
    ]
    assert ringkas.splitlines() == harapan
    assert len(harapan) == len(asli.splitlines()) - len(dibuang)


def test_tanpa_teks_weasyprint_lembar_weasyprint_sendiri(monkeypatch: pytest.MonkeyPatch) -> None:
    # a WeasyPrint that keeps its stylesheet elsewhere: its own sheets, the same documents
    def tidak_ada() -> str:
        raise FileNotFoundError("html5_ua.css")

    assert lembar_ua.lembar_ua(tidak_ada) is None
    monkeypatch.setattr(lembar_ua, "LEMBAR_UA", None)
    html = "<p>Capaian</p>"
    assert (
        lembar_ua.HtmlRingkas(string=html)._ua_stylesheets() == HTML(string=html)._ua_stylesheets()
    )
    assert lembar_ua.lembar_ua() is not None


def test_templat_tidak_memakai_yang_dibuang() -> None:
    # what the stylesheet no longer styles: markers of elements other than li, footnotes
    # and notes; no template asks for them
    for path in sorted(FOLDER_TEMPLAT.glob("*.*")):
        if path.suffix in (".css", ".j2"):
            teks = path.read_text(encoding="utf-8")
            assert not re.search(r"list-item|footnote|::marker|float:\s*note", teks), path.name


CONTOH_TEMPLAT = {
    "evaluasi": "evaluasi",  # the E.81 form of an OPD
    "triwulan-2/evaluasi-rkpd.pdf": "evaluasi-rkpd",  # the regency's, of a quarter (smaller)
    "triwulan-2/peringatan-dini.pdf": "peringatan-dini",
    "ringkasan-bupati.pdf": "ringkasan",
    "lkjip": "lkjip",
    "perjanjian-kinerja": "perjanjian",
    "pohon-kinerja": "pohon",
    "verifikasi": "verifikasi",
    "lke": "lke",
}
"""A kind of document of the sample (:func:`_jenis`) for each template."""


def _jenis(relatif: str) -> str:
    """The kind of a document by its path: ``2024/evaluasi/dinas-x.pdf`` is ``evaluasi``,
    ``2024/triwulan-2/peringatan-dini.pdf`` is ``triwulan-2/peringatan-dini.pdf``."""
    bagian = relatif.split("/")[1:]
    return "/".join(bagian[:2]) if bagian[0].startswith("triwulan-") else bagian[0]


def test_pdf_sama_dengan_lembar_weasyprint(
    kumpulan_sampel: Kumpulan, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the smallest document the sample makes with each template, as a build renders it (in
    # the test run, taken from the run's store when the sample's build made it first) and
    # with WeasyPrint's own stylesheet: the same bytes
    templat = {p.name.removesuffix(".html.j2") for p in FOLDER_TEMPLAT.glob("[!_]*.html.j2")}
    assert set(CONTOH_TEMPLAT.values()) == templat
    _, semua = rencana_keluaran(kumpulan_sampel)
    terkecil: dict[str, TugasPdf] = {}
    for tugas in semua:
        jenis = _jenis(tugas.relatif)
        if jenis in CONTOH_TEMPLAT:
            siap = tugas.siap()  # its HTML made once
            if jenis not in terkecil or len(siap.html) < len(terkecil[jenis].html):
                terkecil[jenis] = siap
    assert sorted(terkecil) == sorted(CONTOH_TEMPLAT)
    build: dict[str, bytes] = {}
    render_satu_per_satu(list(terkecil.values()), lambda _: None, build.__setitem__, pekerja=1)
    monkeypatch.setattr(lembar_ua.HtmlRingkas, "_ua_stylesheets", HTML._ua_stylesheets)
    berbeda = [
        t.relatif
        for t in terkecil.values()
        if render_pdf(t.html, t.folder_templat, t.aset) != build[t.relatif]
    ]
    assert berbeda == []
