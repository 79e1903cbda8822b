"""Issue 20: every document tells the same numbers.

Each input is built once per test session (``sample_data``, each real E.81 form alone, and a
small folder with the cases that once disagreed), then the outputs are read back: the PDF
text, the .docx, rekap.xlsx and capaian.csv. The figures of every indicator printed in the
E.81, the regency evaluation and the LKjIP equal capaian.csv; every total (E.81 footer, PK,
evaluasi-rkpd Part A and Part B per OPD and overall, the regent's summary) is the number
rekap.xlsx gives. The officials' names of the real workbooks are read, never written here.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
import pytest

from kinerja_report.formats import angka, angka_tetap, miliar, persen, rupiah
from kinerja_report.pipeline import Kumpulan, build, templat_e81
from tests.builders import BARIS_CONTOH, buat_evaluasi
from tests.conftest import SAMPLE_DATA, bangun_nyata
from tests.dokumen import dokumen_build
from tests.pdf_teks import teks_pdf

DELI = "evaluasi_renja_tw4_bappedalitbang_deliserdang_2025.xlsx"
SUKABUMI = "evaluasi_hasil_renja_pd_bappeda_sukabumi_2018.xlsx"
KASUS = "kasus"
MASUKAN = ("sample_data", DELI, SUKABUMI, KASUS)

KEPALA_BAPPEDA_2023 = "Dr. Contoh Kepala Perencanaan, M.Si."
SEKRETARIS_BAPPEDA_2024 = "Contoh Sekretaris Perencanaan, S.E."


def _program(kode: str, uraian: str, indikator: str, rp: int, capaian: int) -> list[object]:
    return [1, "Meningkatnya layanan kesehatan", kode, uraian, indikator, "persen",
            100, rp, 25, rp // 4, 25, rp // 4, 25, rp // 4, 25, rp // 4, capaian, rp]  # fmt: skip


def _kegiatan(kode: str, uraian: str, indikator: str, rp: int) -> list[object]:
    return [2, None, kode, uraian, indikator, "dokumen",
            4, rp, 1, rp // 4, 1, rp // 4, 1, rp // 4, 1, rp // 4, 4, rp]  # fmt: skip


PENUNJANG = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"


def _kasus(folder: Path) -> Path:
    """Two OPDs with the same programme code (Dinas Kesehatan and RSUD both use 1.02.01),
    RSUD's programme row with pagu 0 whose kegiatan carry Rp 300 M + 200 M, and a
    signatories list naming Bappeda's head for 2023 and only its Sekretaris for 2024."""
    folder.mkdir(parents=True)
    buat_evaluasi(folder / "dinkes-2024.xlsx", "Dinas Kesehatan", 2024, [
        _program("1.02.01", PENUNJANG, "Persentase layanan penunjang terpenuhi", 400_000_000, 90),
        _kegiatan("1.02.01.2.01", "Perencanaan Perangkat Daerah", "Jumlah dokumen", 400_000_000),
    ])  # fmt: skip
    rsud = _program("1.02.01", PENUNJANG, "Persentase layanan administrasi RSUD", 0, 80)
    rsud[7] = rsud[9] = rsud[11] = rsud[13] = rsud[15] = rsud[17] = 0
    buat_evaluasi(folder / "rsud-2024.xlsx", "RSUD Kepahiang", 2024, [
        rsud,
        _kegiatan("1.02.01.2.02", "Administrasi Keuangan", "Jumlah laporan keuangan", 300_000_000),
        _kegiatan("1.02.01.2.06", "Administrasi Umum", "Jumlah paket layanan umum", 200_000_000),
    ])  # fmt: skip
    for tahun in (2023, 2024):
        buat_evaluasi(folder / f"bappeda-{tahun}.xlsx", "Bappeda", tahun, BARIS_CONTOH)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DAFTAR PENANDATANGAN PERJANJIAN KINERJA"])
    ws.append([])
    ws.append(["No", "Tahun", "Perangkat Daerah", "Jabatan", "Nama", "NIP", "Pangkat/Golongan"])
    ws.append([1, 2023, "Bappeda", "Kepala Bappeda", KEPALA_BAPPEDA_2023,
               "19700101 199503 1 001", "Pembina Utama Muda, IV/c"])  # fmt: skip
    ws.append([2, 2024, "Bappeda", "Sekretaris Bappeda", SEKRETARIS_BAPPEDA_2024,
               "19750202 200003 1 002", "Pembina, IV/a"])  # fmt: skip
    wb.save(folder / "penandatangan.xlsx")
    (folder / "pengaturan.toml").write_text(
        '[daerah]\njenis = "Kabupaten"\nnama = "Kepahiang"\nibu_kota = "Kepahiang"\n',
        encoding="utf-8",
    )
    return folder


@dataclass(frozen=True)
class Keluaran:
    """One input's build: its input folder, the output folder and the result."""

    masukan: Path
    out: Path
    kumpulan: Kumpulan
    _teks: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    """Each PDF's text, extracted once for all the tests (the outputs are only read)."""

    def pdf(self, relatif: str) -> str | None:
        if relatif not in self._teks:
            path = self.out / relatif
            teks = teks_pdf(path).replace("\u00a0", " ") if path.is_file() else None
            self._teks[relatif] = teks
        return self._teks[relatif]

    def capaian(self) -> list[dict[str, str]]:
        text = (self.out / "capaian.csv").read_text(encoding="utf-8")
        return list(csv.DictReader(text.splitlines()))

    def slug(self) -> dict[tuple[int, str], str]:
        return {(lap.tahun, lap.opd): lap.slug for lap in self.kumpulan.laporan}

    def pagu_rekap(self) -> dict[tuple[int, str], float]:
        """The 'Ringkasan OPD' sheet of rekap.xlsx: the pagu of each OPD-year."""
        wb = openpyxl.load_workbook(self.out / "rekap.xlsx", read_only=True, data_only=True)
        rows = list(wb["Ringkasan OPD"].iter_rows(values_only=True))
        wb.close()
        header = [str(cell) for cell in rows[0]]
        tahun, opd = header.index("Tahun"), header.index("Perangkat Daerah")
        pagu = header.index("Pagu Program (Rp)")
        return {(int(r[tahun]), str(r[opd])): float(r[pagu] or 0) for r in rows[1:] if r[tahun]}


_CACHE: dict[str, Keluaran] = {}


@pytest.fixture(scope="session", params=MASUKAN)
def keluaran(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Keluaran:
    """Each input built once per session: the sample by the README's command
    (``sampel_dibangun``), each real form alone (``bangun_nyata``), shared with the other
    test modules; the "kasus" folder here."""
    nama: str = request.param
    if nama not in _CACHE:
        if nama == "sample_data":
            out = request.getfixturevalue("sampel_dibangun").out
            _CACHE[nama] = Keluaran(SAMPLE_DATA, out, request.getfixturevalue("kumpulan_sampel"))
        elif nama == KASUS:
            base = tmp_path_factory.mktemp("konsistensi")
            masukan = _kasus(base / "masukan")
            hasil = build(masukan, base / "hasil", pekerja=2)
            assert hasil.berhasil
            _CACHE[nama] = Keluaran(masukan, base / "hasil", hasil.kumpulan)
        else:
            bangunan = bangun_nyata(tmp_path_factory, nama)
            assert bangunan.hasil.berhasil
            _CACHE[nama] = Keluaran(bangunan.masukan, bangunan.out, bangunan.hasil.kumpulan)
    return _CACHE[nama]


_ANGKA = re.compile(r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?")


def _angka_setelah(teks: str, label: str, sampai: str) -> list[str]:
    """The numbers printed after ``label`` up to ``sampai`` (a footer row)."""
    start = teks.index(label) + len(label)
    end = teks.index(sampai, start)
    return _ANGKA.findall(teks[start:end])


def _bagian(teks: str, awal: str, akhir: str) -> str:
    start = teks.index(awal)
    return teks[start : teks.index(akhir, start)]


def _token(teks: str) -> Counter[str]:
    return Counter(_ANGKA.findall(teks))


def _kurang(perlu: Counter[str], ada: Counter[str]) -> dict[str, int]:
    """What ``perlu`` needs that ``ada`` lacks."""
    return {key: n - ada[key] for key, n in perlu.items() if ada[key] < n}


def _per_opd_tahun(
    rows: list[dict[str, str]],
) -> Iterator[tuple[tuple[int, str], list[dict[str, str]]]]:
    groups: dict[tuple[int, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        groups[(int(row["tahun"]), row["opd"])].append(row)
    yield from sorted(groups.items())


def _sel_docx(path: Path) -> str:
    """The text of every table cell of a .docx, joined."""
    document = docx.Document(str(path))
    sel = " | ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    return sel.replace("\u00a0", " ")


def _sel(nilai: str) -> str:
    """A capaian of capaian.csv as a form cell prints it ('95,41')."""
    return angka_tetap(float(nilai), 2)


def test_angka_indikator_sama_dengan_capaian_csv(keluaran: Keluaran) -> None:
    """Every indicator's capaian and predikat in capaian.csv is what the OPD's E.81 and its
    LKjIP print; every programme indicator's capaian is in Part A of the regency evaluation;
    every regency indicator's capaian is in the regent's summary."""
    slugs = keluaran.slug()
    per_tahun: dict[int, Counter[str]] = defaultdict(Counter)
    for (tahun, opd), rows in _per_opd_tahun(keluaran.capaian()):
        if all(r["tingkat"] == "daerah" for r in rows):  # the regency's (RPJMD) indicators
            ringkasan = keluaran.pdf(f"{tahun}/ringkasan-bupati.pdf")
            if ringkasan is not None:
                perlu = Counter(
                    persen(float(r["capaian_persen"])).replace("\u00a0", " ")
                    for r in rows
                    if r["capaian_persen"]
                )
                assert all(ringkasan.count(k) >= n for k, n in perlu.items()), tahun
            continue
        slug = slugs[(tahun, opd)]
        e81 = keluaran.pdf(f"{tahun}/evaluasi/{slug}.pdf")
        assert e81 is not None, (tahun, opd)
        nilai = [r["capaian_persen"] for r in rows if r["capaian_persen"]]
        assert not _kurang(Counter(_sel(v) for v in nilai), _token(e81)), (tahun, opd)
        predikat = Counter(r["kategori"] for r in rows if r["kategori"])
        assert all(e81.count(label) >= n for label, n in predikat.items()), (tahun, opd)
        sel = _sel_docx(keluaran.out / f"{tahun}/lkjip/{slug}.docx")
        perlu = Counter(persen(float(v)).replace("\u00a0", " ") for v in nilai)
        assert all(sel.count(k) >= n for k, n in perlu.items()), (tahun, opd)
        per_tahun[tahun].update(
            _sel(r["capaian_persen"])
            for r in rows
            if r["tingkat"] == "program" and r["capaian_persen"]
        )
    for tahun, perlu in per_tahun.items():
        rkpd = keluaran.pdf(f"{tahun}/evaluasi-rkpd.pdf")
        if rkpd is not None:
            bagian_a = _bagian(rkpd, "A. Capaian program", "B. Capaian kinerja")
            assert not _kurang(perlu, _token(bagian_a)), tahun


def test_setiap_jumlah_anggaran_sama(keluaran: Keluaran) -> None:
    """The pagu of each OPD-year in rekap.xlsx is column 8 of its E.81 footer, the total of
    its PK and its row of Part B; the year's sum is Part A's and Part B's total, the
    Bupati's PK total, the regent's summary and the regency LKjIP's budget table."""
    slugs = keluaran.slug()
    pagu = keluaran.pagu_rekap()
    assert set(pagu) == set(slugs)
    per_tahun: dict[int, float] = defaultdict(float)
    for (tahun, opd), nilai in sorted(pagu.items()):
        per_tahun[tahun] += nilai
        teks = angka(round(nilai), 0)
        e81 = keluaran.pdf(f"{tahun}/evaluasi/{slugs[(tahun, opd)]}.pdf")
        assert e81 is not None
        footer = _angka_setelah(e81, "Jumlah anggaran (Rp)", "Rata-rata capaian")
        assert nilai == 0 or teks in footer, (tahun, opd, teks, footer)
        pk = keluaran.pdf(f"{tahun}/perjanjian-kinerja/{slugs[(tahun, opd)]}.pdf")
        if pk is not None and nilai:
            assert f"Jumlah Rp {teks}" in pk, (tahun, opd, teks)
        rkpd = keluaran.pdf(f"{tahun}/evaluasi-rkpd.pdf")
        if rkpd is not None:
            bagian_b = rkpd[rkpd.index("B. Capaian kinerja dan anggaran") :]
            baris = bagian_b[bagian_b.index(opd) :]
            assert teks in _ANGKA.findall(baris[: baris.index("Jumlah") if opd else None])[:12]
    for tahun, total in per_tahun.items():
        teks = angka(round(total), 0)
        rkpd = keluaran.pdf(f"{tahun}/evaluasi-rkpd.pdf")
        if rkpd is not None:
            bagian_a = _bagian(rkpd, "A. Capaian program", "B. Capaian kinerja")
            kolom = _angka_setelah(bagian_a, "Jumlah anggaran (Rp)", "Rata-rata capaian")
            assert teks in kolom, (tahun, teks, kolom)
            bagian_b = rkpd[rkpd.index("B. Capaian kinerja dan anggaran") :]
            assert teks in _angka_setelah(bagian_b, "Jumlah", "Keterangan"), (tahun, teks)
        bupati = keluaran.pdf(f"{tahun}/perjanjian-kinerja/bupati.pdf")
        if bupati is not None:
            assert f"Jumlah Rp {teks}" in bupati, (tahun, teks)
        ringkasan = keluaran.pdf(f"{tahun}/ringkasan-bupati.pdf")
        if ringkasan is not None:
            assert f"pagu {miliar(total)}".replace("\u00a0", " ") in ringkasan, tahun
        pemda = keluaran.out / f"{tahun}/lkjip/lkjip-pemda.docx"
        if pemda.is_file():
            sel = _sel_docx(pemda)
            assert rupiah(total).replace("\u00a0", " ") in sel, tahun


def test_rsud_dan_dinkes_dua_program_pagu_nol_dari_kegiatan(keluaran: Keluaran) -> None:
    """The hand-counted budgets of the small folder: RSUD's programme 1.02.01 is its own
    (not Dinas Kesehatan's), and its pagu 0 with Rp 300 M + 200 M on its kegiatan is
    Rp 500.000.000 in every document."""
    if keluaran.masukan.name != "masukan" or not (keluaran.masukan / "rsud-2024.xlsx").exists():
        pytest.skip("the small folder's case")
    pagu = keluaran.pagu_rekap()
    assert pagu[(2024, "RSUD Kepahiang")] == 500_000_000
    assert pagu[(2024, "Dinas Kesehatan")] == 400_000_000
    rkpd = keluaran.pdf("2024/evaluasi-rkpd.pdf")
    assert rkpd is not None
    bagian_a = _bagian(rkpd, "A. Capaian program", "B. Capaian kinerja")
    assert bagian_a.count("Persentase layanan administrasi RSUD") == 1
    assert bagian_a.count("Persentase layanan penunjang terpenuhi") == 1
    kolom = _angka_setelah(bagian_a, "Jumlah anggaran (Rp)", "Rata-rata capaian")
    # Dinas Kesehatan 400 M + RSUD 500 M (never merged into one 1.02.01) + Bappeda 500 M
    assert "1.400.000.000" in kolom


def test_templat_ditandatangani_kepala_yang_sama(keluaran: Keluaran, tmp_path: Path) -> None:
    """Who heads Bappeda has one answer: the list names its head for 2023 and only its
    Sekretaris for 2024; the 2023 E.81 and the 2024 template are signed by the head, never
    by the Sekretaris (a unit head)."""
    if not (keluaran.masukan / "penandatangan.xlsx").exists() or keluaran.masukan == SAMPLE_DATA:
        pytest.skip("the small folder's case")
    e81 = keluaran.pdf("2023/evaluasi/bappeda.pdf")
    assert e81 is not None
    assert KEPALA_BAPPEDA_2023 in e81
    wb = openpyxl.load_workbook(io.BytesIO(templat_e81("Bappeda", 2024, keluaran.masukan).isi))
    isi = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value}
    assert KEPALA_BAPPEDA_2023 in isi
    assert SEKRETARIS_BAPPEDA_2024 not in isi


def test_sukabumi_pk_sekretaris_memuat_kedua_program(keluaran: Keluaran) -> None:
    """The Sukabumi 2018 form assigns every kegiatan of both programmes to its Sekretariat
    (unit column AE, merged over rows 18-37 and 42-44): the Sekretaris' PK carries them all,
    Rp 2.039.260.000 like the head's PK."""
    if not (keluaran.masukan / SUKABUMI).exists():
        pytest.skip("the Sukabumi form's case")
    folder = keluaran.out / "2018/perjanjian-kinerja"
    (kepala,) = [p for p in folder.glob("*.pdf")]
    (sekretaris,) = list((folder / kepala.stem).glob("sekretaris*.pdf"))
    for path in (kepala, sekretaris):
        assert "Jumlah Rp 2.039.260.000" in teks_pdf(path).replace("\u00a0", " "), path.name
    teks = teks_pdf(sekretaris)
    assert "Pelayanan Administrasi Aset" in teks
    assert "Pendidikan dan Pelatihan Formal" in teks


def test_satu_formulir_bukan_dokumen_daerah(keluaran: Keluaran) -> None:
    """One OPD's form alone speaks for that OPD: no regency evaluation, summary, regency
    LKjIP or regency pohon kinerja titled for the whole Kabupaten."""
    opd = {lap.opd for lap in keluaran.kumpulan.laporan}
    if len(opd) > 1 or keluaran.kumpulan.matriks:
        pytest.skip("a folder with several OPDs or an RPJMD matrix")
    names = {p.relative_to(keluaran.out).as_posix() for p in keluaran.out.rglob("*.*")}
    for name in names:
        assert not name.endswith(("pohon-kinerja/pemda.pdf", "evaluasi-rkpd.pdf")), name
        assert "ringkasan-bupati" not in name, name
        assert "lkjip-pemda" not in name, name


def test_dokumen_daerah_berjudul_sesuai_cakupan(keluaran: Keluaran) -> None:
    """A regency-wide evaluation is titled for what it covers: with the RPJMD matrix the
    RKPD's, without it the combined Renja evaluation of the OPDs named in it."""
    kumpulan = keluaran.kumpulan
    for tahun in sorted({lap.tahun for lap in kumpulan.laporan}):
        teks = keluaran.pdf(f"{tahun}/evaluasi-rkpd.pdf")
        if teks is None:
            continue
        opd = sorted({lap.opd for lap in kumpulan.laporan if lap.tahun == tahun})
        rata = " ".join(teks.split())
        if kumpulan.matriks:
            assert f"EVALUASI TERHADAP HASIL RKPD KABUPATEN KEPAHIANG TAHUN {tahun}" in rata
        else:
            judul = f"EVALUASI TERHADAP HASIL RENJA {len(opd)} PERANGKAT DAERAH"
            assert judul in rata, tahun
            assert "HASIL RKPD" not in rata, tahun
            assert "matriks RPJMD tidak ada di folder" in rata
            for nama in opd:
                assert nama in rata, (tahun, nama)


def _angka_csv(nilai: str) -> str:
    """A target or realisation of capaian.csv as the documents print it ('0,5', '1.250')."""
    return angka(float(nilai), 4)


def test_target_dan_realisasi_sama_dengan_capaian_csv(keluaran: Keluaran) -> None:
    """Every indicator's target and realisation in capaian.csv is what the OPD's E.81 and its
    LKjIP print; every programme indicator's target is in the head's Perjanjian Kinerja."""
    slugs = keluaran.slug()
    for (tahun, opd), rows in _per_opd_tahun(keluaran.capaian()):
        if all(r["tingkat"] == "daerah" for r in rows):
            continue
        slug = slugs[(tahun, opd)]
        e81 = keluaran.pdf(f"{tahun}/evaluasi/{slug}.pdf")
        assert e81 is not None, (tahun, opd)
        tercetak = _token(e81)
        for r in rows:
            for kolom in ("target", "realisasi"):
                if r[kolom]:  # a computed mean (92,857142...) is printed with 2 decimals
                    bentuk = {_angka_csv(r[kolom]), angka(float(r[kolom]), 2)}
                    assert bentuk & set(tercetak), (tahun, opd, r["indikator"], kolom, bentuk)
        lkjip = _token(_sel_docx(keluaran.out / f"{tahun}/lkjip/{slug}.docx"))
        program = {
            _angka_csv(r["target"]) for r in rows if r["tingkat"] == "program" and r["target"]
        }
        assert not _kurang(Counter(program), lkjip), (tahun, opd)
        pk = keluaran.pdf(f"{tahun}/perjanjian-kinerja/{slug}.pdf")
        if pk is not None:
            assert not _kurang(Counter(program), _token(pk)), (tahun, opd)


def test_dokumen_build_sama_dengan_build(keluaran: Keluaran) -> None:
    """tests/dokumen.py, which some tests use to make only the outputs they read, makes them
    byte for byte as the build did (the small folder: a data file, an E.81, a PK, the
    regency evaluation, an E.81 workbook and an LKjIP draft)."""
    if keluaran.masukan.name != "masukan" or not (keluaran.masukan / "rsud-2024.xlsx").exists():
        pytest.skip("the small folder's case")
    relatif = (
        "capaian.csv",
        "2024/evaluasi/rsud-kepahiang.pdf",
        "2024/perjanjian-kinerja/dinas-kesehatan.pdf",
        "2024/evaluasi-rkpd.pdf",
        "2024/evaluasi/dinas-kesehatan.xlsx",
        "2023/lkjip/bappeda.docx",
    )
    dibuat = dokumen_build(keluaran.masukan, *relatif)
    assert dibuat.kumpulan.laporan == keluaran.kumpulan.laporan
    for nama in relatif:
        assert dibuat.berkas[nama] == (keluaran.out / nama).read_bytes(), nama
