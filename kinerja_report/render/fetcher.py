"""A WeasyPrint URL fetcher that serves only the project's own assets.

By default WeasyPrint reads any local file named in the HTML (``<link rel="attachment"
href="file:///etc/passwd">`` embeds it into the PDF), applies local stylesheets and fetches
http URLs. This fetcher serves ``file:`` URLs inside the allowed folders and files only
(templates, fonts), and ``data:`` URLs of the image types the logo is embedded as (they hold
their own bytes: no file, no network); it refuses everything else.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse


class AksesDitolak(ValueError):
    """A document asked for a resource outside the allowed assets."""


DATA_GAMBAR = ("data:image/png;base64,", "data:image/svg+xml;base64,")
"""The ``data:`` URLs served: the processed logo (``Daerah.logo_url``)."""


def _data(url: str) -> URLFetcherResponse:
    header, _, payload = url.partition(",")
    try:
        body = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise AksesDitolak("data: URL tidak sah") from exc
    mime = header.removeprefix("data:").removesuffix(";base64")
    return URLFetcherResponse(url, body, {"Content-Type": mime})


class FetcherAman(URLFetcher):  # type: ignore[misc]
    """Serve files below ``folder`` and the exact ``berkas``; refuse all else."""

    def __init__(self, folder: Iterable[Path], berkas: Iterable[Path] = ()) -> None:
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self._folder = tuple(path.resolve() for path in folder)
        self._berkas = frozenset(path.resolve() for path in berkas)

    def _diizinkan(self, path: Path) -> bool:
        return path in self._berkas or any(path.is_relative_to(root) for root in self._folder)

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        if url.startswith(DATA_GAMBAR):
            return _data(url)
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in {"", "localhost"}:
            raise AksesDitolak(f"sumber di luar aset proyek ditolak: {url[:80]}")
        path = Path(unquote(parts.path)).resolve()
        if not self._diizinkan(path) or not path.is_file():
            raise AksesDitolak(f"sumber di luar aset proyek ditolak: {url[:80]}")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})
