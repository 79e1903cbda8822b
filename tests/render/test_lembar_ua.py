"""Our user-agent stylesheet: WeasyPrint's, less the universal rules of pseudo-elements no
document shows; the PDFs stay byte-identical."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest
import weasyprint.css
from weasyprint import CSS, HTML

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
        "li" + baris if baris.startswith(lembar_ua.PENANDA_SEMUA) else baris
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
    for path in sorted(FOLDER_TEMPLAT.rglob("*")):
        if path.suffix in (".css", ".j2"):
            teks = path.read_text(encoding="utf-8")
            assert not re.search(r"list-item|footnote|::marker|note\(", teks), path.name


def test_hanya_li_butir_daftar_di_lembar_weasyprint() -> None:
    # ::marker is kept for li alone: WeasyPrint's sheets (user agent, forms, presentational
    # hints) make no other element a list item (a summary made one, as browsers do, would
    # lose its marker's style here)
    folder = files(weasyprint.css)
    butir = []
    for nama in ("html5_ua.css", "html5_ua_form.css", "html5_ph.css"):
        teks = (folder / nama).read_text("utf-8")
        butir += re.findall(r"^([^{}\n]*)\{[^}]*display:\s*list-item", teks, re.MULTILINE)
    assert [pemilih.strip() for pemilih in butir] == ["li"]


def test_weasyprint_memakai_lembar_kita(monkeypatch: pytest.MonkeyPatch) -> None:
    # the hook is WeasyPrint's: a version that stopped calling it would render with its own
    # sheet, the same PDFs, slower, and no other test would see it
    dipanggil: list[list[object]] = []
    asli = lembar_ua.HtmlRingkas._ua_stylesheets

    def dicatat(self: lembar_ua.HtmlRingkas, forms: bool = False) -> list[object]:
        dipanggil.append(lembar := asli(self, forms))
        return lembar

    monkeypatch.setattr(lembar_ua.HtmlRingkas, "_ua_stylesheets", dicatat)
    render_pdf("<p>Capaian 97,5 %</p>", FOLDER_TEMPLAT)
    assert dipanggil == [[lembar_ua.LEMBAR_UA]]
    assert lembar_ua.HtmlRingkas(string="<p></p>")._ua_stylesheets(forms=True) == HTML(
        string="<p></p>"
    )._ua_stylesheets(forms=True)


DAFTAR_BERPENANDA = """<html><head><meta charset="utf-8"><link rel="stylesheet" href="dasar.css">
<style>li.besar { text-transform: uppercase; } ol.romawi { list-style-type: lower-roman; }
ul.strip { list-style-type: "-   "; }</style>
</head><body><ol><li>indikator 1</li><li class="besar">capaian 97,5 %</li><li>target 100</li>
</ol><ol class="romawi" start="8"><li class="besar">delapan</li><li>sembilan</li></ol>
<ul class="strip"><li>butir <b>tebal</b><ul><li>anak</li></ul></li></ul></body></html>"""
"""Lists whose markers show what the ``::marker`` rule declares: an item in capitals whose
roman numeral stays small (``text-transform: none``), a marker of spaces kept as written
(``white-space: pre``), numbers, nested bullets."""


def test_penanda_daftar_dari_aturan_li(monkeypatch: pytest.MonkeyPatch) -> None:
    # the fixture above shows the rule: without it, the markers change
    kita = render_pdf(DAFTAR_BERPENANDA, FOLDER_TEMPLAT)
    teks, _ = lembar_ua.teks_ua_ringkas(lembar_ua.teks_ua_weasyprint())
    tanpa = CSS(string=teks.replace(f"\n{lembar_ua.PENANDA_LI}", "\np::marker {"))
    monkeypatch.setattr(lembar_ua, "LEMBAR_UA", tanpa)
    assert render_pdf(DAFTAR_BERPENANDA, FOLDER_TEMPLAT) != kita


def test_penanda_daftar_sama_dengan_lembar_weasyprint(monkeypatch: pytest.MonkeyPatch) -> None:
    kita = render_pdf(DAFTAR_BERPENANDA, FOLDER_TEMPLAT)
    monkeypatch.setattr(lembar_ua.HtmlRingkas, "_ua_stylesheets", HTML._ua_stylesheets)
    assert render_pdf(DAFTAR_BERPENANDA, FOLDER_TEMPLAT) == kita


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
    # the smallest document the sample makes with each template, as a build with one worker
    # renders it (in the test run, taken from the run's store when the sample's build made
    # it first) and with WeasyPrint's own stylesheet: the same bytes
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
