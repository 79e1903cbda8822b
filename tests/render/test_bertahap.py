"""Incremental builds: a PDF is rendered again only when its content changed; the outputs
are byte-identical to a full build's."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from click.testing import CliRunner

from kinerja_report.cli import main
from kinerja_report.pipeline import build
from kinerja_report.render.bertahap import kunci_dokumen
from kinerja_report.render.pool import TugasPdf
from tests.builders import BARIS_CONTOH, buat_evaluasi
from tests.conftest import ROOT, python_checkout


def _pdf(out: Path) -> list[str]:
    daftar = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["keluaran"]
    return sorted(relatif for relatif in daftar if relatif.endswith(".pdf"))


def _keadaan(out: Path) -> dict[str, tuple[int, str]]:
    """mtime (ns) and sha256 of every PDF."""
    return {
        relatif: (
            (out / relatif).stat().st_mtime_ns,
            hashlib.sha256((out / relatif).read_bytes()).hexdigest(),
        )
        for relatif in _pdf(out)
    }


def _keluaran(out: Path) -> dict[str, bytes]:
    """Every output the manifest lists, but the manifest itself."""
    daftar = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["keluaran"]
    return {relatif: (out / relatif).read_bytes() for relatif in daftar}


def test_hanya_dokumen_yang_berubah_dibuat_ulang(tmp_path: Path) -> None:
    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "2023" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    buat_evaluasi(masukan / "2023" / "dinkes.xlsx", "Dinas Kesehatan", 2023, BARIS_CONTOH[:2])
    build(masukan, out, pekerja=1)
    pertama = _keadaan(out)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    pdf = _pdf(out)
    assert {"2023/evaluasi/bappeda.pdf", "2023/perjanjian-kinerja/dinas-kesehatan.pdf"} <= set(pdf)
    assert all(len(manifest["keluaran"][relatif]["kunci"]) == 64 for relatif in pdf)

    docx = out / "2023" / "lkjip" / "dinas-kesehatan.docx"
    waktu_docx = docx.stat().st_mtime_ns
    # nothing changed: no PDF and no .docx is written again
    hasil = build(masukan, out, pekerja=1)
    assert _keadaan(out) == pertama
    assert docx.stat().st_mtime_ns == waktu_docx
    assert (
        sorted(p.relative_to(out).as_posix() for p in hasil.berkas_keluaran if p.suffix == ".pdf")
        == pdf
    )

    # Bappeda's realisation changes
    ubah = [list(row) for row in BARIS_CONTOH]
    ubah[0][14], ubah[0][16] = 25, 100
    buat_evaluasi(masukan / "2023" / "bappeda.xlsx", "Bappeda", 2023, ubah)
    build(masukan, out, pekerja=1)
    kedua = _keadaan(out)
    berubah = sorted(relatif for relatif in pdf if kedua[relatif] != pertama[relatif])
    # Bappeda's evaluation, its pohon kinerja and the regency's evaluation; not its PK
    # (targets only), nothing of Dinas Kesehatan
    assert berubah == [
        "2023/evaluasi-rkpd.pdf",
        "2023/evaluasi/bappeda.pdf",
        "2023/pohon-kinerja/bappeda.pdf",
    ]
    # byte-identical to a full build of the same input
    penuh = tmp_path / "penuh"
    build(masukan, penuh, pekerja=1, bertahap=False)
    assert _keluaran(out) == _keluaran(penuh)


def test_pdf_yang_diubah_pengguna_dibuat_ulang(tmp_path: Path) -> None:
    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    build(masukan, out, pekerja=1)
    asli = (out / "2023" / "evaluasi" / "bappeda.pdf").read_bytes()
    (out / "2023" / "evaluasi" / "bappeda.pdf").write_bytes(b"%PDF rusak")
    result = CliRunner().invoke(main, ["build", str(masukan), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0
    assert (out / "2023" / "evaluasi" / "bappeda.pdf").read_bytes() == asli
    # --penuh renders every PDF again: same bytes, new files
    sebelum = (out / "2023" / "perjanjian-kinerja" / "bappeda.pdf").stat().st_mtime_ns
    result = CliRunner().invoke(
        main, ["build", str(masukan), "--out", str(out), "--penuh", "--jobs", "1"]
    )
    assert result.exit_code == 0
    assert (out / "2023" / "perjanjian-kinerja" / "bappeda.pdf").stat().st_mtime_ns != sebelum
    assert (out / "2023" / "evaluasi" / "bappeda.pdf").read_bytes() == asli


def test_kunci_berubah_dengan_html_dan_aset(tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text("<svg/>", encoding="utf-8")
    folder = tmp_path / "templat"
    folder.mkdir()
    dasar = TugasPdf("a.pdf", "<p>1</p>", folder, (logo,))
    assert kunci_dokumen(dasar) == kunci_dokumen(TugasPdf("b.pdf", "<p>1</p>", folder, (logo,)))
    assert kunci_dokumen(dasar) != kunci_dokumen(TugasPdf("a.pdf", "<p>2</p>", folder, (logo,)))
    lama = kunci_dokumen(dasar)
    logo.write_text("<svg></svg>", encoding="utf-8")
    assert kunci_dokumen(dasar) != lama


def test_satu_aturan_pakai_lagi_untuk_pdf_dan_docx(tmp_path: Path) -> None:
    """PDFs and LKjIP .docx drafts are kept by the same rule (render.bertahap.dipakai_lagi;
    the .docx once had its own copy): same key and the file as recorded -> kept; another
    key, or a file changed by hand -> made again."""
    from kinerja_report.render.bertahap import dipakai_lagi
    from kinerja_report.write.manifest import Keluaran

    for relatif in ("2023/evaluasi/bappeda.pdf", "2023/lkjip/bappeda.docx"):
        path = tmp_path / relatif
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"isi")
        lama = {relatif: Keluaran(hashlib.sha256(b"isi").hexdigest(), 3, "k1")}
        assert dipakai_lagi(tmp_path, relatif, "k1", lama) == lama[relatif]
        assert dipakai_lagi(tmp_path, relatif, "k2", lama) is None
        path.write_bytes(b"diubah")
        assert dipakai_lagi(tmp_path, relatif, "k1", lama) is None
        assert dipakai_lagi(tmp_path, "2023/lain.pdf", "k1", lama) is None


def test_sidik_templat_mengikuti_perubahan_berkas(tmp_path: Path) -> None:
    """A CSS edited while 'kinerja watch' runs changes the documents' keys at the next build
    (the folder's hash was once computed once per process)."""
    from kinerja_report.render.bertahap import sidik_folder

    (tmp_path / "dasar.css").write_text("body { color: black }", encoding="utf-8")
    pertama = sidik_folder(tmp_path)
    assert sidik_folder(tmp_path) == pertama
    (tmp_path / "dasar.css").write_text("body { color: navy }", encoding="utf-8")
    assert sidik_folder(tmp_path) != pertama


def test_folder_masukan_dipindah_tidak_membuat_ulang(tmp_path: Path) -> None:
    """The logo's place on this computer is in no document's key (documents embed its
    content): the same input in another folder keeps every PDF; another logo does not."""
    import shutil

    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "2023" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    shutil.copy(ROOT / "sample_data" / "logo-kabupaten.svg", masukan / "logo.svg")
    (masukan / "pengaturan.toml").write_text(
        '[daerah]\njenis = "Kabupaten"\nnama = "Kepahiang"\nlogo = "logo.svg"\n',
        encoding="utf-8",
    )
    build(masukan, out, pekerja=1)
    pertama = _keadaan(out)
    assert "2023/evaluasi/bappeda.pdf" in pertama
    dipindah = tmp_path / "pindahan" / "in"
    shutil.move(masukan, dipindah)
    build(dipindah, out, pekerja=1)
    assert _keadaan(out) == pertama

    svg = (dipindah / "logo.svg").read_text(encoding="utf-8")
    (dipindah / "logo.svg").write_text(svg.replace("</svg>", "<!-- lain --></svg>"), "utf-8")
    build(dipindah, out, pekerja=1)
    kedua = _keadaan(out)
    assert kedua["2023/evaluasi/bappeda.pdf"] != pertama["2023/evaluasi/bappeda.pdf"]


BUILD_LALU_MODUL = """
import sys
from kinerja_report.pipeline import build

hasil = build(sys.argv[1], sys.argv[2], pekerja=1)
print(len(hasil.berkas_keluaran), [m for m in ("openpyxl", "docx", "xlrd") if m in sys.modules])
"""


def _build_lalu_modul(masukan: Path, out: Path) -> tuple[int, str]:
    """A build in a new process: how many outputs, and which of openpyxl, python-docx and
    xlrd it imported."""
    result = python_checkout(["-c", BUILD_LALU_MODUL, str(masukan), str(out)], timeout=120)
    assert result.returncode == 0, result.stderr
    jumlah, modul = result.stdout.strip().split(" ", 1)
    return int(jumlah), modul


def test_build_tanpa_perubahan_tidak_memuat_pembaca_dan_penulis_excel(tmp_path: Path) -> None:
    # issue 25: a rebuild that changes nothing reads every workbook from the history store and
    # writes no Excel or Word file, so it never imports openpyxl, python-docx or xlrd
    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "2023" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH[:2])
    build(masukan, out, pekerja=1)
    jumlah, modul = _build_lalu_modul(masukan, out)
    assert jumlah > 5  # the outputs, kept
    assert modul == "[]"
    # a workbook changed: it is read, and its forms written, with openpyxl
    buat_evaluasi(masukan / "2023" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH[:1])
    assert "'openpyxl'" in _build_lalu_modul(masukan, out)[1]
