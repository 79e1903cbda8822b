"""Templates, stylesheet and fonts of the PDFs; installed as ``kinerja_report.templates``."""
