"""The title block above a header: year and OPD name."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from kinerja_report.model import Wilayah
from kinerja_report.read.sheet import Lembar

_TAHUN_JUDUL = re.compile(r"\btahun(?:\s+anggaran)?\s*:?\s*(20\d\d)\b", re.IGNORECASE)
_TAHUN = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_OPD = re.compile(
    r"^\s*(?:nama\s+)?(?:perangkat\s+daerah|opd|skpd|unit\s+kerja)\s*:\s*(.+?)\s*$",
    re.IGNORECASE,
)


def teks_judul(lembar: Lembar, sampai_baris: int) -> list[str]:
    """The texts of the rows above the header, top to bottom, without duplicates."""
    seen: list[str] = []
    for baris in range(1, sampai_baris):
        for _, text in lembar.baris_teks(baris):
            if text not in seen:
                seen.append(text)
    return seen


def tahun_dari_judul(judul: list[str]) -> int | None:
    """'Tahun 2023' / 'TAHUN ANGGARAN 2023' in the title block."""
    for text in judul:
        found = _TAHUN_JUDUL.search(text)
        if found:
            return int(found.group(1))
    return None


def tahun_dari_path(relatif: PurePath) -> int | None:
    """The year from the folder names (innermost first), else from the file name."""
    for part in reversed(relatif.parts[:-1]):
        if re.fullmatch(r"20\d\d", part.strip()):
            return int(part)
    found = _TAHUN.findall(relatif.stem)
    return int(found[-1]) if found else None


def opd_dari_teks(text: str) -> str | None:
    """'Perangkat Daerah : Dinas Kesehatan' -> 'Dinas Kesehatan'."""
    found = _OPD.match(" ".join(text.split()))
    return found.group(1) if found else None


KATA_UMUM = frozenset((
    "evaluasi", "eval", "hasil", "terhadap", "renja", "rkpd", "pd", "opd", "tw", "triwulan",
    "i", "ii", "iii", "iv", "final", "revisi", "rev", "tahun", "ta", "laporan", "lap", "form",
    "formulir", "e", "copy", "of", "salinan", "dari", "untuk", "draft", "draf", "edit",
    "update", "versi", "v", "baru", "new", "fix", "ok", "kirim", "lampiran", "realisasi",
    "monev", "rekap", "kinerja", "anggaran",
))  # fmt: skip
"""Words of file names that are not the agency's name ('Eval Renja ... 2021 (final)')."""


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def opd_dari_nama_berkas(relatif: PurePath) -> str:
    """A last resort: the words of the file name without the usual ones, numbers and signs
    ('Salinan dari Eval Renja Bappeda 2018 (1) ✓' -> 'BAPPEDA'); '' when nothing is left."""
    words = [
        word
        for word in re.findall(r"[^\W\d_]+", relatif.stem)
        if len(word) > 1 and _ascii(word) not in KATA_UMUM
    ]
    text = " ".join(words)
    return text.upper() if len(text) <= 8 else text.title()


_WILAYAH = re.compile(
    r"(?<!tata )(?<!kecamatan )(?<!kelurahan )(?<!desa )(?<!wilayah )"
    r"\b(kabupaten|kab\.|kota)\s+(?![/\u2026.])([^\d,()/:;\u2026\u2013\u2014]+?)\s*"
    r"(?=$|[,()/:;\u2026\u2013\u2014]|\s-\s|\d|\b(?:tahun|periode|provinsi|prov\.)\b)",
    re.IGNORECASE,
)
_JENIS = {"kabupaten": "Kabupaten", "kab.": "Kabupaten", "kota": "Kota"}
_BUKAN_NAMA = {"yang", "dan", "di", "ke", "dari", "untuk", "pada", "dalam", "se", "atau"}


def wilayah_dari_teks(text: str) -> Wilayah | None:
    """'Kabupaten Deli Serdang ' -> Wilayah('Kabupaten', 'Deli Serdang'); 'RPJMD KABUPATEN
    KEPAHIANG TAHUN 2021-2026' -> ('Kabupaten', 'Kepahiang'); not 'kabupaten/kota', 'Tata
    Kota', 'Kecamatan Kota ...', nor 'Kabupaten yang dievaluasi'; the name ends at a dash."""
    found = _WILAYAH.search(" ".join(text.split()))
    if not found:
        return None
    nama = found.group(2).strip(" .-'")
    words = nama.lower().split()
    if not words or words[0] in _BUKAN_NAMA or len(nama) > 60:
        return None
    if not any(ch.isalpha() for ch in nama):
        return None
    nama = nama.title() if nama.isupper() or nama.islower() else nama
    return Wilayah(_JENIS[found.group(1).lower()], nama)


def wilayah_dari_judul(judul: list[str]) -> Wilayah | None:
    """The first region named in the title block."""
    return next((found for text in judul if (found := wilayah_dari_teks(text))), None)


_PERIODE = re.compile(
    r"(?<!\d)(20\d\d|19\d\d)\s*(?:s\.?/?d\.?|sampai dengan|-|\u2013)\s*(20\d\d)(?!\d)"
)


def periode_dari_teks(text: str) -> tuple[int | None, int | None]:
    """The period a header or title names: 'Tahun 2016 s/d 2021' -> (2016, 2021);
    'RPJMD ... 2021-2026' -> (2021, 2026); '... pada Tahun 2030 (akhir periode)' and
    '... akhir periode (2026)' -> (None, the latest year named); none -> (None, None)."""
    value = " ".join(text.lower().split())
    found = _PERIODE.search(value)
    if found and int(found.group(1)) < int(found.group(2)):
        return int(found.group(1)), int(found.group(2))
    years = [int(year) for year in _TAHUN.findall(value)]
    return (None, max(years)) if years else (None, None)


_LABEL_JUDUL = (
    ("opd", re.compile(
        r"^(?:nama\s+)?(?:perangkat\s+daerah|opd|skpd|unit\s+kerja|satuan\s+kerja|instansi)$"
    )),
    ("tahun", re.compile(r"^tahun(?:\s+anggaran)?$")),
    ("triwulan", re.compile(r"^(?:triwulan|periode(?:\s+laporan)?)$")),
    ("bidang", re.compile(r"^bidang(?:\s+urusan)?$")),
    ("program", re.compile(r"^program$")),
    ("kegiatan", re.compile(r"^kegiatan$")),
    ("sasaran", re.compile(r"^sasaran(?:\s+(?:pd|perangkat\s+daerah|strategis))?$")),
    ("tujuan", re.compile(r"^tujuan$")),
)  # fmt: skip
_BERLABEL = re.compile(r"^([^:]{2,40}?)\s*:\s*(.*)$", re.DOTALL)


def _label(text: str) -> str | None:
    value = " ".join(text.lower().split())
    return next((key for key, pola in _LABEL_JUDUL if pola.match(value)), None)


def label_judul(lembar: Lembar, sampai_baris: int) -> dict[str, str]:
    """'Label : value' lines of the title block, in one cell ('Tahun : 2021') or across
    cells ('Nama OPD      :' in A, the name in C; 'Tahun' | ':' | 2021 | 'Triwulan I'), by
    label (opd, tahun, triwulan, bidang, program, kegiatan, sasaran, tujuan); the first
    filled one of each label counts."""
    out: dict[str, str] = {}
    for baris in range(1, sampai_baris):
        cells = [text for _, text in lembar.baris_teks(baris)]
        for i, text in enumerate(cells):
            found = _BERLABEL.match(text)
            key, rest = (_label(found[1]), found[2]) if found else (_label(text), None)
            if key is None:
                continue
            if rest is None and not (i + 1 < len(cells) and cells[i + 1].startswith(":")):
                continue  # a bare word ('Program') that is not followed by a colon
            value = rest.strip() if rest else ""
            if not value:
                after = [c.lstrip(":").strip() for c in cells[i + 1 :]]
                value = next((c for c in after if c), "")
            if value and not _label(value.rstrip(": ")) and key not in out:
                out[key] = value
    return out


_OPD_DI_DEPAN = re.compile(
    r"\b((?:dinas|badan|kantor|sekretariat|inspektorat|satuan\s+polisi|rumah\s+sakit|rsud"
    r"|bappeda\w*|kecamatan|bagian)\b.*?)\s+(?:kabupaten|kab\.|kota)\s+\S",
    re.IGNORECASE,
)


_OPD_SEBARIS = re.compile(
    r"^((?:dinas|badan|kantor|sekretariat|inspektorat|satuan\s+polisi|rumah\s+sakit|rsud"
    r"|bappeda\w*)\b[^:\d]{3,80})$",
    re.IGNORECASE,
)


def opd_sebelum_wilayah(judul: list[str]) -> str | None:
    """'DINAS PERTANIAN KABUPATEN SUKAMAJU' (on one line) -> 'Dinas Pertanian'; else a title
    line that is only an agency's name ('DINAS PERTANIAN')."""
    lines = [" ".join(text.split()) for text in judul]
    found = next((f for line in lines if (f := _OPD_DI_DEPAN.search(line))), None)
    found = found or next((f for line in lines if (f := _OPD_SEBARIS.match(line))), None)
    if found is None:
        return None
    nama = found.group(1).strip(" ,.-")
    return nama.title() if nama.isupper() else nama


_LABEL = re.compile(
    r"^\s*(sasaran|tujuan|program)\s*(?:pd|perangkat daerah|strategis)?\s*:\s*(\S.*)$",
    re.IGNORECASE,
)


def baris_berlabel(judul: list[str]) -> dict[str, str]:
    """'Sasaran: Meningkatnya ...' lines of the title block, by label (sasaran, tujuan,
    program); a label without text after the colon is skipped."""
    out: dict[str, str] = {}
    for text in judul:
        found = _LABEL.match(" ".join(text.split()))
        if found and any(ch.isalpha() for ch in found.group(2)):
            out.setdefault(found.group(1).lower(), found.group(2).strip())
    return out


_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_NOMOR_TW = r"(iv|i{1,3}|[1-4])"
_TRIWULAN = re.compile(
    rf"\b(?:triwulan|tw)\s*[-.:]?\s*{_NOMOR_TW}\b"
    rf"(?:\s*(?:s\.?\s*/?\s*d\.?|sampai\s+dengan|-|\u2013)\s*(?:triwulan|tw)?\s*{_NOMOR_TW}\b)?",
    re.IGNORECASE,
)


def triwulan_dari_teks(texts: list[str]) -> int | None:
    """The last quarter a title or sheet name says the form reports: 'Triwulan II' -> 2,
    'Realisasi TW IV' -> 4, 'Triwulan I s.d. III' -> 3; the first text naming one counts."""
    for text in texts:
        found = _TRIWULAN.search(" ".join(text.split()))
        if found:
            return _ROMAWI[(found.group(2) or found.group(1)).lower()]
    return None
