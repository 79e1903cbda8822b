"""Starting the web application with uvicorn (``kinerja serve``)."""

from __future__ import annotations

from pathlib import Path

import uvicorn

from kinerja_report.web.aplikasi import buat_aplikasi


def baris_mulai(host: str, port: int) -> str:
    """The start line: where the page is, and who can reach it."""
    alamat = f"http://{host}:{port}/"
    if host in {"127.0.0.1", "localhost", "::1"}:
        return (
            f"Halaman kinerja di {alamat} (hanya dari komputer ini). Tekan Ctrl-C untuk berhenti."
        )
    return (
        f"Halaman kinerja di {alamat} (terbuka untuk komputer lain di jaringan, --host {host}). "
        "Tekan Ctrl-C untuk berhenti."
    )


def layani(masukan: Path, keluaran: Path, host: str, port: int, jobs: int | None = None) -> None:
    """Serve until Ctrl-C. Access logs are off: OPD links carry their token in the path."""
    app = buat_aplikasi(masukan, keluaran, jobs)
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning")
