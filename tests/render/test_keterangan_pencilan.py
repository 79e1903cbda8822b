"""The documents say how their averages and end-of-period projections treat outliers, as the
code does for ``[kewajaran] pencilan`` (the averages: tests/check/test_kewajaran.py
test_pencilan_dalam_rata_rata; the projection: tests/compute/test_progress.py)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest

from tests.conftest import SAMPLE_DATA
from tests.dokumen import dokumen_build
from tests.pdf_teks import teks_pdf

RATA_RATA = {
    "ikut": "Rata-rata capaian menghitung semua capaian, termasuk pencilan (capaian yang jauh "
    "di atas batas wajar; lihat Catatan Hasil Verifikasi).",
    "keluarkan": "Rata-rata capaian tidak menghitung capaian di atas 300,00 % (pencilan; lihat "
    "Catatan Hasil Verifikasi).",
}
PROYEKSI = {
    "ikut": "Proyeksi akhir periode memakai realisasi semua tahun, termasuk tahun yang nilainya "
    "jauh menyimpang dari tahun sebelum dan sesudahnya (pencilan).",
    "keluarkan": "Proyeksi akhir periode (garis tren) tidak memakai tahun yang nilainya "
    "menyimpang lebih dari 50 % dari rata-rata tahun sebelum dan sesudahnya (pencilan); tahun "
    "yang dievaluasi selalu dipakai, dan indikator yang dijumlahkan antartahun tetap "
    "diproyeksikan dari rata-rata semua tahunnya.",
}


def _teks(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


@pytest.mark.parametrize("pilihan", ["ikut", "keluarkan"])
def test_dokumen_menyebut_perlakuan_pencilan(tmp_path: Path, pilihan: str) -> None:
    """The regency's LKjIP and an OPD's (averages and projection), the regency evaluation
    (averages), the regent's summary (projection), built from the sample's RPJMD matrix and
    one OPD form (only these four documents made, as a build writes them)."""
    masukan = tmp_path / "masukan"
    (masukan / "rpjmd").mkdir(parents=True)
    (masukan / "2023").mkdir()
    shutil.copy(SAMPLE_DATA / "rpjmd" / "matriks-ikd-rpjmd-2021-2026.xlsx", masukan / "rpjmd")
    shutil.copy(SAMPLE_DATA / "2023" / "EVALUASI RENJA DINKES TW IV 2023.xlsx", masukan / "2023")
    (masukan / "pengaturan.toml").write_text(
        f'[kewajaran]\npencilan = "{pilihan}"\n', encoding="utf-8"
    )
    lkjip, opd_docx, evaluasi_rkpd, ringkasan_bupati = (
        "2023/lkjip/lkjip-pemda.pdf",
        "2023/lkjip/dinas-kesehatan.docx",
        "2023/evaluasi-rkpd.pdf",
        "2023/ringkasan-bupati.pdf",
    )
    hasil = dokumen_build(masukan, lkjip, opd_docx, evaluasi_rkpd, ringkasan_bupati).berkas
    kalimat = f"{RATA_RATA[pilihan]} {PROYEKSI[pilihan]}"
    assert kalimat in _teks(teks_pdf(hasil[lkjip]))
    opd = docx.Document(io.BytesIO(hasil[opd_docx]))
    assert kalimat in [_teks(p.text) for p in opd.paragraphs]
    rkpd = _teks(teks_pdf(hasil[evaluasi_rkpd]))
    assert RATA_RATA[pilihan] in rkpd
    other = "keluarkan" if pilihan == "ikut" else "ikut"
    assert RATA_RATA[other] not in rkpd
    ringkasan = _teks(teks_pdf(hasil[ringkasan_bupati]))
    assert PROYEKSI[pilihan] in ringkasan  # the regent's summary: the same sentence
    assert PROYEKSI[other] not in ringkasan
