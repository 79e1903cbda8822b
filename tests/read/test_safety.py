"""The pre-parse safety check refuses hostile or mislabelled files, each with its own code.

Every hostile file is built here, in ``tmp_path``, from bytes or with :mod:`zipfile`; the
zip bombs are written in streamed chunks so the tests stay fast and memory-light.
"""

from __future__ import annotations

import gc
import os
import struct
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
from defusedxml import DefusedXmlException, EntitiesForbidden

from kinerja_report.errors import WorkbookTidakTerbaca
from kinerja_report.problems import KATALOG, Tingkat
from kinerja_report.read.safety import BATAS_BAWAAN, MB, BatasWorkbook, periksa_workbook

KODE_BARU = (
    "berkas-kosong",
    "berkas-terenkripsi",
    "format-xls-lama",
    "berkas-terpotong",
    "bukan-excel",
    "bukan-xlsx",
    "workbook-terlalu-besar",
)

# --- fixture builders -----------------------------------------------------------------------


def workbook_asli(path: Path) -> Path:
    """A small, normal workbook written by openpyxl."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Indikator", "Satuan", "Target"])
    sheet.append(["Persentase jalan mantap", "%", 85.5])
    workbook.save(path)
    return path


def zip_dari(path: Path, anggota: dict[str, bytes]) -> Path:
    """A zip archive with the given members (deflated)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as arsip:
        for nama, isi in anggota.items():
            arsip.writestr(nama, isi)
    return path


def zip_bom(
    path: Path,
    ukuran_mb: int,
    jumlah_anggota: int = 1,
    ukuran_anggota: int | None = None,
) -> Path:
    """An xlsx-like zip whose sheet member(s) inflate to ``ukuran_mb`` MB in total.

    Streamed in 1 MB chunks with ``force_zip64`` so the file is never held in memory;
    compression level 1 keeps it fast (the ratio is still about 230:1).
    ``ukuran_anggota`` splits the content into members of that many bytes.
    """
    total = ukuran_mb * MB
    per_anggota = ukuran_anggota or total // jumlah_anggota
    potongan = b"A" * MB
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as arsip:
        arsip.writestr("[Content_Types].xml", "<Types/>")
        arsip.writestr("xl/workbook.xml", "<workbook/>")
        for nomor in range(1, jumlah_anggota + 1):
            nama = f"xl/worksheets/sheet{nomor}.xml"
            with arsip.open(nama, "w", force_zip64=True) as anggota:
                sisa = per_anggota
                while sisa > 0:
                    anggota.write(potongan[: min(sisa, MB)])
                    sisa -= MB
    return path


def ole2(path: Path, nama_stream: list[str], pengisi: int = 0) -> Path:
    """A minimal OLE2/CFB container (version 3, 512-byte sectors): FAT, filler, directory.

    The directory sector holds the Root Entry and one stream entry per name (UTF-16LE names,
    as Office writes them). ``pengisi`` sectors of stream data go before the directory, the
    way Excel puts the directory near the end of the file.
    """
    assert len(nama_stream) <= 3, "one 512-byte directory sector holds four entries"
    jumlah_fat = 1
    while jumlah_fat * 128 < jumlah_fat + pengisi + 1:
        jumlah_fat += 1
    sektor_dir = jumlah_fat + pengisi
    fat = [0xFFFFFFFD] * jumlah_fat  # the FAT sectors themselves
    fat += [jumlah_fat + i + 1 for i in range(pengisi - 1)] + [0xFFFFFFFE] * (pengisi > 0)
    fat += [0xFFFFFFFE]  # the directory: one sector
    fat += [0xFFFFFFFF] * (jumlah_fat * 128 - len(fat))  # free
    difat = list(range(jumlah_fat)) + [0xFFFFFFFF] * (109 - jumlah_fat)
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + bytes(16)  # CLSID
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)  # versions, byte order, 512 / 64
        + bytes(6)
        + struct.pack("<9I", 0, jumlah_fat, sektor_dir, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
        + struct.pack("<109I", *difat)
    )
    entri = [_entri_ole2("Root Entry", 5, anak=1 if nama_stream else None)]
    for nomor, nama in enumerate(nama_stream, start=1):
        kanan = nomor + 1 if nomor < len(nama_stream) else None
        entri.append(_entri_ole2(nama, 2, kanan=kanan))
    isi = (
        header
        + struct.pack(f"<{len(fat)}I", *fat)
        + b"\xab" * (512 * pengisi)
        + b"".join(entri).ljust(512, b"\x00")
    )
    path.write_bytes(isi)
    return path


def _entri_ole2(nama: str, jenis: int, kanan: int | None = None, anak: int | None = None) -> bytes:
    """A 128-byte directory entry (jenis 5: root, 2: stream), black, no data."""
    nama_utf16 = nama.encode("utf-16-le") + b"\x00\x00"
    tidak_ada = 0xFFFFFFFF
    return (
        nama_utf16.ljust(64, b"\x00")
        + struct.pack("<HBB", len(nama_utf16), jenis, 1)
        + struct.pack("<III", tidak_ada, tidak_ada if kanan is None else kanan, anak or tidak_ada)
        + bytes(16 + 4 + 16)  # CLSID, state bits, times
        + struct.pack("<IQ", 0xFFFFFFFE, 0)  # start sector, size
    )


def xlsx_tangan(path: Path, sel_a1: str, doctype: str = "") -> Path:
    """A minimal xlsx written by hand (no openpyxl), with an optional DOCTYPE in the sheet."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg_rel = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return zip_dari(
        path,
        {
            "[Content_Types].xml": (
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                'package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
                '<Override PartName="/xl/worksheets/sheet1.xml" '
                f'ContentType="{ct}.worksheet+xml"/>'
                "</Types>"
            ).encode(),
            "_rels/.rels": (
                f'<Relationships xmlns="{pkg_rel}"><Relationship Id="rId1" '
                f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
            ).encode(),
            "xl/workbook.xml": (
                f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
            ).encode(),
            "xl/_rels/workbook.xml.rels": (
                f'<Relationships xmlns="{pkg_rel}"><Relationship Id="rId1" '
                f'Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
            ).encode(),
            "xl/worksheets/sheet1.xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f"{doctype}"
                f'<worksheet xmlns="{main}"><sheetData><row r="1">'
                f'<c r="A1" t="inlineStr"><is><t>{sel_a1}</t></is></c>'
                "</row></sheetData></worksheet>"
            ).encode(),
        },
    )


def tolak(path: Path, batas: BatasWorkbook | None = None) -> WorkbookTidakTerbaca:
    """The error the check raises for ``path`` (fails the test when it raises none)."""
    with pytest.raises(WorkbookTidakTerbaca) as info:
        periksa_workbook(path, path.name, batas or BATAS_BAWAAN)
    assert info.value.masalah.berkas == path.name
    assert info.value.masalah.tingkat is Tingkat.GALAT
    return info.value


def kode(path: Path, batas: BatasWorkbook | None = None) -> str:
    return tolak(path, batas).masalah.kode


# --- normal workbooks pass --------------------------------------------------------------------


def test_workbook_openpyxl_lolos(tmp_path: Path) -> None:
    periksa_workbook(workbook_asli(tmp_path / "renja.xlsx"), "renja.xlsx")


def test_workbook_tangan_lolos(tmp_path: Path) -> None:
    periksa_workbook(xlsx_tangan(tmp_path / "tangan.xlsx", "aman"), "tangan.xlsx")


def test_anggota_besar_tak_termampatkan_lolos(tmp_path: Path) -> None:
    # 3 MB of random bytes compress about 1:1: big, but no bomb.
    path = zip_dari(
        tmp_path / "gambar.xlsx",
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/media/image1.png": os.urandom(3 * MB),
        },
    )
    periksa_workbook(path, path.name)


def test_anggota_kecil_termampatkan_tinggi_lolos(tmp_path: Path) -> None:
    # Below the 1 MB threshold a high ratio is normal (small repetitive XML).
    path = zip_dari(
        tmp_path / "kecil.xlsx",
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/styles.xml": b"<xf/>" * 100_000,
        },
    )
    periksa_workbook(path, path.name)


def test_workbook_nyata_lolos_dan_xls_dikenali(real_workbooks: Path) -> None:
    for path in sorted(real_workbooks.iterdir()):
        if path.suffix == ".xlsx":
            periksa_workbook(path, path.name)
        elif path.suffix == ".xls":
            assert kode(path) == "format-xls-lama", path.name
        elif path.suffix == ".csv":
            assert kode(path) == "bukan-excel", path.name
            assert "teks biasa atau CSV" in tolak(path).masalah.pesan


# --- not a workbook at all ------------------------------------------------------------------------


def test_berkas_kosong(tmp_path: Path) -> None:
    path = tmp_path / "kosong.xlsx"
    path.write_bytes(b"")
    assert kode(path) == "berkas-kosong"


@pytest.mark.parametrize(
    ("isi", "jenis"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
        (
            "\ufeffno;kode;indikator;target\n1;1.03.02;Persentase jalan mantap;85,5\n".encode(),
            "teks biasa atau CSV",
        ),
        ("no\tindikator\r\n1\tJalan mantap\r\n".encode("utf-16"), "teks biasa atau CSV"),
        (b"<!DOCTYPE html>\n<html><body><table><tr><td>1</td></tr></table>", "HTML"),
        (
            b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:'
            b'spreadsheet">',
            "XML Spreadsheet 2003",
        ),
        (b"Rar!\x1a\x07\x01\x00" + bytes(20), "RAR"),
        (bytes(range(256)), "tidak dikenali"),
    ],
)
def test_bukan_excel_menyebut_jenisnya(tmp_path: Path, isi: bytes, jenis: str) -> None:
    path = tmp_path / "laporan.xlsx"
    path.write_bytes(isi)
    galat = tolak(path)
    assert galat.masalah.kode == "bukan-excel"
    assert jenis in galat.masalah.pesan


# --- OLE2: encrypted workbooks, old .xls ----------------------------------------------------------


def test_ole2_terenkripsi(tmp_path: Path) -> None:
    path = ole2(tmp_path / "terkunci.xlsx", ["EncryptionInfo", "EncryptedPackage"])
    galat = tolak(path)
    assert galat.masalah.kode == "berkas-terenkripsi"
    assert "kata sandi" in galat.masalah.pesan


def test_ole2_terenkripsi_direktori_di_akhir_berkas(tmp_path: Path) -> None:
    # 3 MB of streams before the directory, as Excel lays a big encrypted file out.
    path = ole2(tmp_path / "terkunci.xlsx", ["EncryptedPackage"], pengisi=6 * 1024)
    assert path.stat().st_size > 3 * MB
    assert kode(path) == "berkas-terenkripsi"


def test_nama_stream_di_perbatasan_potongan_baca(tmp_path: Path) -> None:
    # The name straddles the 1 MB chunk boundary of the search.
    nama = "EncryptionInfo".encode("utf-16-le") + b"\x00\x00"
    awal = ole2(tmp_path / "awal.bin", []).read_bytes()
    isi = awal + bytes(MB - 10 - len(awal)) + nama + bytes(100)
    path = tmp_path / "terkunci.xlsx"
    path.write_bytes(isi)
    assert kode(path) == "berkas-terenkripsi"


def test_ole2_tanpa_enkripsi_adalah_xls_lama(tmp_path: Path) -> None:
    path = ole2(tmp_path / "lama.xlsx", ["Workbook", "\x05SummaryInformation"])
    galat = tolak(path)
    assert galat.masalah.kode == "format-xls-lama"
    assert ".xlsx" in galat.masalah.pesan


def test_ole2_biff5_book_adalah_xls_lama(tmp_path: Path) -> None:
    assert kode(ole2(tmp_path / "lama95.xlsx", ["Book"])) == "format-xls-lama"


def test_ole2_bukan_workbook(tmp_path: Path) -> None:
    galat = tolak(ole2(tmp_path / "surat.xlsx", ["WordDocument", "1Table"]))
    assert galat.masalah.kode == "bukan-excel"
    assert ".doc" in galat.masalah.pesan


# --- zip: truncated, damaged, not a workbook ---------------------------------------------------


def test_xlsx_terpotong(tmp_path: Path) -> None:
    isi = workbook_asli(tmp_path / "asli.xlsx").read_bytes()
    path = tmp_path / "terpotong.xlsx"
    path.write_bytes(isi[: len(isi) // 2])
    assert path.read_bytes().startswith(b"PK\x03\x04")
    assert kode(path) == "berkas-terpotong"


def test_xlsx_hanya_header_zip(tmp_path: Path) -> None:
    path = tmp_path / "terpotong.xlsx"
    path.write_bytes(b"PK\x03\x04")
    assert kode(path) == "berkas-terpotong"


def test_direktori_zip_menunjuk_lewat_akhir_berkas(tmp_path: Path) -> None:
    # An intact central directory whose first entry claims more data than the file holds.
    isi = bytearray(workbook_asli(tmp_path / "asli.xlsx").read_bytes())
    awal_cd = isi.index(b"PK\x01\x02")
    isi[awal_cd + 20 : awal_cd + 24] = struct.pack("<I", 10 * MB)  # compressed size
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(bytes(isi))
    assert kode(path) == "berkas-terpotong"


@pytest.mark.parametrize(
    ("anggota", "jenis"),
    [
        ({"data.txt": b"bukan workbook"}, "[Content_Types].xml"),
        (
            {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"},
            "Word",
        ),
        (
            {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b""},
            "OpenDocument",
        ),
        ({"[Content_Types].xml": b"<Types/>", "xl/workbook.bin": b"\x83\x01"}, ".xlsb"),
        ({}, "[Content_Types].xml"),  # an empty archive: only the end record, PK\x05\x06
    ],
)
def test_zip_bukan_workbook(tmp_path: Path, anggota: dict[str, bytes], jenis: str) -> None:
    galat = tolak(zip_dari(tmp_path / "arsip.xlsx", anggota))
    assert galat.masalah.kode == "bukan-xlsx"
    assert jenis in galat.masalah.pesan


# --- limits (zip bombs) ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bom_besar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 MB of sheet XML once unpacked, about 1,3 MB on disk."""
    return zip_bom(tmp_path_factory.mktemp("bom") / "bom.xlsx", ukuran_mb=300)


def test_batas_bawaan_menolak_bom_ratusan_mb(bom_besar: Path) -> None:
    assert bom_besar.stat().st_size < 2 * MB
    galat = tolak(bom_besar)
    assert galat.masalah.kode == "workbook-terlalu-besar"
    assert "ukuran isi setelah diekstrak: 300 MB (batas 200 MB)" in galat.masalah.pesan


def test_batas_rasio_satu_anggota(tmp_path: Path) -> None:
    # 5 MB, far below the size limit, but one member compresses about 230:1.
    galat = tolak(zip_bom(tmp_path / "bom.xlsx", ukuran_mb=5))
    assert galat.masalah.kode == "workbook-terlalu-besar"
    pesan = galat.masalah.pesan
    assert "rasio kompresi xl/worksheets/sheet1.xml" in pesan
    assert "(batas 100:1)" in pesan


def test_batas_rasio_seluruh_isi_bom_dipecah(tmp_path: Path) -> None:
    # Eight members of 900 KB each: every one below the per-member threshold.
    path = zip_bom(tmp_path / "bom.xlsx", ukuran_mb=8, jumlah_anggota=8, ukuran_anggota=900_000)
    galat = tolak(path)
    assert galat.masalah.kode == "workbook-terlalu-besar"
    assert "rasio kompresi seluruh isi" in galat.masalah.pesan


def test_batas_ukuran_isi_lebih_rendah(tmp_path: Path) -> None:
    path = zip_bom(tmp_path / "bom.xlsx", ukuran_mb=5)
    galat = tolak(path, BatasWorkbook(ukuran_isi_maks=4 * MB))
    assert galat.masalah.kode == "workbook-terlalu-besar"
    assert "ukuran isi setelah diekstrak: 5 MB (batas 4 MB)" in galat.masalah.pesan


def test_batas_jumlah_anggota(tmp_path: Path) -> None:
    path = workbook_asli(tmp_path / "renja.xlsx")
    with zipfile.ZipFile(path) as arsip:
        jumlah = len(arsip.infolist())
    galat = tolak(path, BatasWorkbook(jumlah_anggota_maks=3))
    assert galat.masalah.kode == "workbook-terlalu-besar"
    assert f"jumlah berkas di dalam arsip: {jumlah} (batas 3)" in galat.masalah.pesan


def test_batas_ukuran_berkas(tmp_path: Path) -> None:
    path = zip_dari(
        tmp_path / "besar.xlsx",
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/media/image1.png": os.urandom(3 * MB // 2),
        },
    )
    galat = tolak(path, BatasWorkbook(ukuran_berkas_maks=1 * MB))
    assert galat.masalah.kode == "workbook-terlalu-besar"
    assert "ukuran berkas: 1,5 MB (batas 1 MB)" in galat.masalah.pesan


def test_batas_bilangan_format_indonesia(tmp_path: Path) -> None:
    path = workbook_asli(tmp_path / "renja.xlsx")
    galat = tolak(path, BatasWorkbook(ukuran_berkas_maks=1500))
    assert "(batas 1,5 KB)" in galat.masalah.pesan


# --- the file cannot be opened -------------------------------------------------------------------


def test_berkas_tidak_ada(tmp_path: Path) -> None:
    assert kode(tmp_path / "hilang.xlsx") == "berkas-tidak-terbaca"


def test_folder_bukan_berkas(tmp_path: Path) -> None:
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    assert kode(folder) == "berkas-tidak-terbaca"


# --- catalogue ---------------------------------------------------------------------------------


def test_kode_baru_di_katalog_sebagai_galat() -> None:
    for kode_baru in KODE_BARU:
        assert KATALOG[kode_baru].tingkat is Tingkat.GALAT, kode_baru


# --- XML entities: openpyxl's job, with defusedxml installed ------------------------------------


def _buka(path: Path, read_only: bool) -> openpyxl.Workbook:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a hand-written workbook has no styles part
        return openpyxl.load_workbook(path, read_only=read_only)


@pytest.mark.parametrize("read_only", [False, True])
def test_openpyxl_menolak_entitas_xml(tmp_path: Path, read_only: bool) -> None:
    aman = xlsx_tangan(tmp_path / "aman.xlsx", "aman", doctype="<!DOCTYPE x>")
    workbook = _buka(aman, read_only)
    try:  # the hand-built workbook itself is readable, DOCTYPE and all
        assert next(workbook.worksheets[0].iter_rows(values_only=True))[0] == "aman"
    finally:
        workbook.close()

    bahaya = xlsx_tangan(
        tmp_path / "entitas.xlsx", "&e;", doctype='<!DOCTYPE x [<!ENTITY e "boom">]>'
    )
    periksa_workbook(bahaya, bahaya.name)  # headers only: the XML is openpyxl's to refuse
    # load_workbook itself raises (both modes): openpyxl 3.1 wraps defusedxml's
    # EntitiesForbidden in a plain ValueError; baca_lembar catches ValueError.
    with pytest.raises(ValueError, match="could not read worksheets") as info:
        _buka(bahaya, read_only)
    assert type(info.value) is ValueError
    assert isinstance(info.value.__cause__, EntitiesForbidden)
    assert isinstance(info.value.__cause__, DefusedXmlException)
    # openpyxl leaves the zip file open when loading fails; let it go quietly.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        del info
        gc.collect()
