"""HTML to PDF with WeasyPrint, through the safe fetcher only."""

from __future__ import annotations

from pathlib import Path

from weasyprint import HTML
from weasyprint.text import ffi

from kinerja_report.render.fetcher import FetcherAman


def subset_huruf_cepat() -> bool:
    """Whether WeasyPrint found the HarfBuzz subset library (Debian: libharfbuzz-subset0).

    Without it WeasyPrint still embeds our fonts, subsetting them with fontTools: the PDFs are
    the same but take longer to write (WeasyPrint's import then warns that future versions
    will require the library).
    """
    return getattr(ffi, "harfbuzz_subset", True) is not None


def render_pdf(html: str, folder_templat: Path, aset_lain: tuple[Path, ...] = ()) -> bytes:
    """A PDF of ``html``; relative URLs resolve in ``folder_templat``.

    Only files below ``folder_templat`` and the files in ``aset_lain`` (the logo) can be
    loaded by the document.
    """
    fetcher = FetcherAman([folder_templat], aset_lain)
    document = HTML(string=html, base_url=folder_templat.as_uri() + "/", url_fetcher=fetcher)
    pdf: bytes = document.write_pdf()
    return pdf
