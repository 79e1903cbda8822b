"""``python -m kinerja_report`` runs the ``kinerja`` command."""

from kinerja_report.cli import jalankan

jalankan()
