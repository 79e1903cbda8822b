"""HTML to PDF with WeasyPrint, through the safe fetcher only."""

from __future__ import annotations

from pathlib import Path

from weasyprint import HTML

from kinerja_report.render.fetcher import FetcherAman


def render_pdf(html: str, folder_templat: Path, aset_lain: tuple[Path, ...] = ()) -> bytes:
    """A PDF of ``html``; relative URLs resolve in ``folder_templat``.

    Only files below ``folder_templat`` and the files in ``aset_lain`` (the logo) can be
    loaded by the document.
    """
    fetcher = FetcherAman([folder_templat], aset_lain)
    document = HTML(string=html, base_url=folder_templat.as_uri() + "/", url_fetcher=fetcher)
    pdf: bytes = document.write_pdf()
    return pdf
