"""The template environment: one per folder for the process, yet a template edited since it
was compiled is read again (``kinerja watch`` renders with the template as it is now)."""

from __future__ import annotations

import os
from pathlib import Path

from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan, render_html


def test_satu_lingkungan_per_folder() -> None:
    assert lingkungan() is lingkungan()
    assert lingkungan(FOLDER_TEMPLAT) is lingkungan(FOLDER_TEMPLAT)
    assert "miliar" in lingkungan().filters  # every filter set when made, none added later


def test_templat_yang_diubah_dibaca_lagi(tmp_path: Path) -> None:
    templat = tmp_path / "surat.html.j2"
    templat.write_text("<p>{{ nilai | persen }}</p>", encoding="utf-8")
    env = lingkungan(tmp_path)
    assert render_html(env, "surat.html.j2", nilai=87.5) == "<p>87,50\u00a0%</p>"
    templat.write_text("<h1>{{ nilai | persen }}</h1>", encoding="utf-8")
    waktu = templat.stat().st_mtime + 2  # a later time, also on a coarse file system
    os.utime(templat, (waktu, waktu))
    assert lingkungan(tmp_path) is env
    assert render_html(env, "surat.html.j2", nilai=87.5) == "<h1>87,50\u00a0%</h1>"
