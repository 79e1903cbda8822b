"""WeasyPrint's user-agent stylesheet without the pseudo-elements our documents never show.

WeasyPrint computes a style for every pseudo-element that has a declaration in the cascade,
before layout, whether or not the pseudo-element is ever made. Its user-agent stylesheet
(``html5_ua.css``) declares ``::marker`` and five footnote and note pseudo-elements with
universal selectors, so every element of a document got seven computed styles instead of one:
6.600 unused styles in an E.81 form of 1.100 elements, 50.000 in the regency evaluation at 40
OPDs. Here ``::marker`` keeps its declarations for ``li``, the only element our templates make
a list item (the only one WeasyPrint's sheets make one, tested), and the footnote and note
pseudo-elements (made only for ``float: footnote`` and ``position: note()``, which no template
uses) lose theirs. Everything else is WeasyPrint's own text. A rule WeasyPrint writes otherwise
is kept as it is, and a sheet that cannot be read leaves WeasyPrint's own in place: the
documents as before, only slower.

The PDFs stay byte-identical (``tests/render/test_lembar_ua.py`` renders a document of each
template both ways). The sample's 340 documents took some 9 % less CPU as a PDF worker renders
them, 16 % in a process that does not freeze its lasting objects (fewer objects for Python's
garbage collector to walk); ``evaluasi-rkpd.pdf`` at 40 OPDs peaks at 148 MB instead of 209
(issue 25, docs/pengembang.md).

Imported by the PDF workers only, with WeasyPrint (:func:`~kinerja_report.render.pdf.render_pdf`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib.resources import files

import weasyprint.css
from weasyprint import CSS, HTML

PSEUDO_TANPA_GAYA = (
    "footnote-call",
    "footnote-marker",
    "note-call",
    "note-marker",
    "note-callback",
)
"""The pseudo-elements of footnotes and notes, whose universal rules are dropped."""

PENANDA_SEMUA = "::marker {"
PENANDA_LI = "li::marker {"


def _aturan_universal(pseudo: str) -> re.Pattern[str]:
    return re.compile(rf"^::{re.escape(pseudo)} \{{[^}}]*\}}\n", re.MULTILINE)


def teks_ua_weasyprint() -> str:
    """The text of WeasyPrint's ``html5_ua.css``, as installed."""
    return (files(weasyprint.css) / "html5_ua.css").read_text("utf-8")


def teks_ua_ringkas(teks: str) -> tuple[str, list[str]]:
    """``teks`` (WeasyPrint's stylesheet) with the changes above, and the changes that found
    their rule. A rule WeasyPrint no longer writes the same way is left as it is: its
    documents are then only slower, never different (the tests list what was found)."""
    diubah = []
    if teks.count(f"\n{PENANDA_SEMUA}") == 1:
        teks = teks.replace(f"\n{PENANDA_SEMUA}", f"\n{PENANDA_LI}")
        diubah.append("marker")
    for pseudo in PSEUDO_TANPA_GAYA:
        teks, jumlah = _aturan_universal(pseudo).subn("", teks)
        if jumlah == 1:
            diubah.append(pseudo)
    return teks, diubah


def lembar_ua(baca: Callable[[], str] = teks_ua_weasyprint) -> CSS | None:
    """Our stylesheet, parsed (some 30 ms); None when WeasyPrint's text cannot be read where
    this version keeps it: the documents then use WeasyPrint's own sheet (the same PDFs,
    slower)."""
    try:
        teks = baca()
    except (OSError, ValueError):  # missing, or not UTF-8
        return None
    return CSS(string=teks_ua_ringkas(teks)[0])


LEMBAR_UA = lembar_ua()
"""Parsed as the module is imported: once per PDF worker, or once for all of them when their
fork server imports this module first (the test run)."""


class HtmlRingkas(HTML):  # type: ignore[misc]  # WeasyPrint has no type hints
    """WeasyPrint's ``HTML`` with :data:`LEMBAR_UA` as its user-agent stylesheet (the hook
    WeasyPrint's own tests override to set theirs). Forms, which our templates never ask
    for, keep WeasyPrint's sheets."""

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        if forms or LEMBAR_UA is None:
            return list(super()._ua_stylesheets(forms))
        return [LEMBAR_UA]
