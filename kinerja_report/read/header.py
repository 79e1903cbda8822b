"""Finding a table's header by its text, never by fixed positions.

The header is the first block of rows (in the first 40) whose cells name at least
``min_bidang`` known fields (see :mod:`kinerja_report.read.synonyms`); it may span up to
four rows, with merged cells flattened into paths. A column-number row right below it
(``1, 2, 3 ...`` or captions such as ``'13 = 9 + 10 + 11 + 12'``) is recognised and skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kinerja_report.read.normalize import normalisasi
from kinerja_report.read.sheet import Lembar
from kinerja_report.read.synonyms import bidang_untuk

BARIS_CARI = 40
MAKS_BARIS_HEADER = 4
_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_TW = re.compile(r"^(?:triwulan|tw\.?)\s*(i|ii|iii|iv|[1-4])$")
_NOMOR_KOLOM = re.compile(r"^\d{1,2}[a-z]?(\s*=.*)?$")


@dataclass(frozen=True)
class Kolom:
    """One classified column of a header."""

    indeks: int
    jalur: str
    bidang: str
    sub: str = ""
    """'k', 'rp' or 'persen' for the sub-columns of a group, else ''."""
    triwulan: int = 0
    tahun: int = 0
    skala: float = 1.0
    """Multiplier for money columns headed e.g. 'Rp. (000)' or 'ribu'."""


@dataclass(frozen=True)
class Header:
    """Where a table's header is and what its columns hold."""

    baris_awal: int
    baris_data: int
    kolom: tuple[Kolom, ...]

    def cari(self, bidang: str, sub: str = "", triwulan: int = 0, tahun: int = 0) -> Kolom | None:
        """The first column of ``bidang``; with ``sub`` also matching a bare group."""
        fallback = None
        for kolom in self.kolom:
            if kolom.bidang != bidang or kolom.triwulan != triwulan or kolom.tahun != tahun:
                continue
            if kolom.sub == sub:
                return kolom
            if sub == "k" and kolom.sub == "" and fallback is None:
                fallback = kolom
        return fallback

    @property
    def bidang(self) -> set[str]:
        return {kolom.bidang for kolom in self.kolom}


def cari_header(lembar: Lembar, min_bidang: int = 3) -> Header | None:
    """Locate and classify the header of ``lembar``; ``None`` when there is none."""
    batas = min(BARIS_CARI, lembar.jumlah_baris)
    for awal in range(1, batas + 1):
        if len(_bidang_di_baris(lembar, awal)) >= min_bidang:
            return _susun_header(lembar, awal)
    return None


def _bidang_di_baris(lembar: Lembar, baris: int) -> set[str]:
    found = set()
    for _, text in lembar.baris_teks(baris):
        hit = bidang_untuk(normalisasi(text))
        if hit:
            found.add(hit[0])
    return found


def adalah_baris_nomor(lembar: Lembar, baris: int) -> bool:
    """A column-number row: mostly small integers or captions like '13 = 9 + 10'."""
    cells = [_sebagai_teks(lembar.nilai(baris, kolom)) for kolom, _ in lembar.baris_teks(baris)]
    if len(cells) < 3:
        return False
    hits = sum(1 for text in cells if _NOMOR_KOLOM.match(text))
    return hits >= 0.8 * len(cells)


def _sebagai_teks(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return normalisasi(value)


_SUB_K = {"k", "kinerja", "fisik", "volume"}
_SUB_RP = {"keuangan", "anggaran"}


def _kata_header(text: str) -> bool:
    """A header word: a known field, or a sub-column (K, Rp, %, quarter numeral)."""
    value = normalisasi(text)
    return (
        value in _SUB_K
        or value in _SUB_RP
        or value == "%"
        or value.startswith("rp")
        or value in _ROMAWI
        or bool(_TW.match(value))
        or bidang_untuk(value) is not None
    )


def _baris_header_lanjutan(lembar: Lembar, baris: int) -> bool:
    """Whether a row below the first header row still belongs to the header: every text of
    its own (not merged down from above) is a header word. A first data row of plain text,
    such as a signatory without a year, is not absorbed into the header."""
    own = [
        (kolom, text)
        for kolom, text in lembar.baris_teks(baris)
        if not _digabung_dari_atas(lembar, baris, kolom)
    ]
    if not own:
        return bool(lembar.baris_teks(baris))  # only cells merged from the header above
    return all(
        isinstance(lembar.nilai(baris, kolom), str) and _kata_header(text) for kolom, text in own
    )


def _baris_sub_kolom(lembar: Lembar, baris: int) -> bool:
    row = [
        (kolom, text)
        for kolom, text in lembar.baris_teks(baris)
        if not _digabung_dari_atas(lembar, baris, kolom)
    ]
    return bool(row) and all(
        normalisasi(text) in {"k", "%"} or normalisasi(text).startswith("rp") for _, text in row
    )


def _digabung_dari_atas(lembar: Lembar, baris: int, kolom: int) -> bool:
    return lembar.asal.get((baris, kolom), (baris, kolom))[0] < baris


def _susun_header(lembar: Lembar, awal: int) -> Header:
    rows, baris = _baris_header(lembar, awal)
    kolom = []
    for indeks in range(1, lembar.jumlah_kolom + 1):
        klas = _klasifikasi(indeks, _jalur(lembar, rows, indeks))
        if klas is not None:
            kolom.append(klas)
    return Header(awal, baris, tuple(kolom))


def _baris_header(lembar: Lembar, awal: int) -> tuple[list[int], int]:
    """The header's rows and the first data row (after a column-number row, if any)."""
    rows = [awal]
    baris = awal + 1
    while len(rows) < MAKS_BARIS_HEADER and baris <= lembar.jumlah_baris:
        if adalah_baris_nomor(lembar, baris) or not _baris_header_lanjutan(lembar, baris):
            break
        rows.append(baris)
        baris += 1
    if baris <= lembar.jumlah_baris and adalah_baris_nomor(lembar, baris):
        baris += 1
        # Some forms put the K / Rp row below the column-number row (Deli Serdang 2025).
        if _baris_sub_kolom(lembar, baris):
            rows.append(baris)
            baris += 1
    return rows, baris


def _jalur(lembar: Lembar, rows: list[int], indeks: int) -> list[str]:
    """The header texts of one column, top to bottom, repeats (merged cells) once."""
    parts: list[str] = []
    for row in rows:
        if lembar.asal.get((row, indeks), (row, 0))[0] not in rows:
            continue  # merged down from the column-number row
        text = normalisasi(lembar.nilai(row, indeks))
        if text and (not parts or parts[-1] != text):
            parts.append(text)
    return parts


def _klasifikasi(indeks: int, parts: list[str]) -> Kolom | None:
    if not parts:
        return None
    sub, skala, triwulan = "", 1.0, 0
    rest = list(parts)
    while len(rest) > 1:
        last = rest[-1]
        if last in _SUB_K:
            sub = "k"
        elif last.startswith("rp") or last in _SUB_RP:
            sub, skala = "rp", skala_catatan(last) or 1.0
        elif last == "%":
            sub = "persen"
        elif last in _ROMAWI or _TW.match(last):
            triwulan = _nomor_triwulan(last)
        else:
            break
        rest.pop()
    jalur = " / ".join(rest)
    hit = bidang_untuk(jalur)
    if hit is None:
        return None
    bidang, match = hit
    # 'Pagu', 'Realisasi Anggaran TW1', 'Rencana Anggaran Triwulan I'
    sub = sub or ("rp" if _UANG.match(jalur) or bidang == "anggaran_triwulan" else "")
    if bidang in _BIDANG_TRIWULAN and triwulan == 0:
        quarter = re.search(r"(?:triwulan|tw)\.? ?(iv|iii|ii|i|[1-4])\b", jalur)
        triwulan = _nomor_triwulan(quarter.group(1)) if quarter else 0
    tahun = 0
    if bidang in {"target_tahun", "realisasi_tahun"}:
        tahun = int(match.group(2))
    return Kolom(indeks, " / ".join(parts), bidang, sub, triwulan, tahun, skala)


_BIDANG_TRIWULAN = frozenset({"triwulan", "target_triwulan", "anggaran_triwulan"})
_UANG = re.compile(r"^(realisasi |target )?(anggaran|keuangan|pagu)\b|^pagu")


def _nomor_triwulan(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text in _ROMAWI:
        return _ROMAWI[text]
    found = _TW.match(text)
    assert found is not None
    token = found.group(1)
    return _ROMAWI.get(token) or int(token)


_JUTA = re.compile(
    r"(dalam|rp\.?)\s*\(?\s*juta(an)?|juta(an)? rupiah|rp\.?\s*\(?\s*000\.000\s*\)?"
    r"|x\s*1\.?000\.?000"
)
_RIBU = re.compile(
    r"(dalam|rp\.?)\s*\(?\s*ribu(an)?|ribu(an)? rupiah|rp\.?\s*\(?\s*000\s*\)?(?!\.)"
    r"|\(\s*000\s*\)|x\s*1\.?000(?![.\d])"
)


def skala_catatan(teks: str) -> float | None:
    """1000 for a note of thousands, 1.000.000 for millions, None for neither: the one rule
    for a sub-header ('Rp. (000)') and for a note over the table (:mod:`.satuan_uang`)."""
    text = normalisasi(teks)
    if _JUTA.search(text):
        return 1_000_000.0
    if _RIBU.search(text):
        return 1_000.0
    return None


_KODE_ISI = re.compile(r"^(?:\d+|x{1,2})(?:\.(?:\d+|x{1,2}))+\.?$|^0\d$", re.IGNORECASE)
"""A code: two segments or more ('1.02', '1.02.01'), or one zero-padded segment ('01');
never a plain number, nor '1.500' (Indonesian thousands)."""
_RIBUAN = re.compile(r"^\d{1,3}(\.\d{3})+$")
SAMPEL_ISI = 200
"""Data rows looked at when a column is judged by its content."""


def _isi_kolom(lembar: Lembar, header: Header, indeks: int) -> list[object]:
    last = min(lembar.jumlah_baris, header.baris_data + SAMPEL_ISI)
    out = []
    for baris in range(header.baris_data, last + 1):
        if lembar.asal.get((baris, indeks), (baris, indeks))[1] != indeks:
            continue  # merged in from a column to the left
        value = lembar.nilai(baris, indeks)
        if value is not None:
            out.append(value)
    return out


def _jenis_isi(values: list[object]) -> str:
    """'satuan' when most values are short words, 'kode' when most are codes, else ''."""
    texts = [str(v).strip() for v in values if isinstance(v, str) and str(v).strip()]
    if len(texts) < max(1, 0.6 * len(values)):
        return ""
    codes = [t for t in texts if _KODE_ISI.match(t) and not _RIBUAN.match(t)]
    if len(codes) >= 0.8 * len(texts):
        return "kode"
    short = [t for t in texts if len(t) <= 30 and not any(ch.isdigit() for ch in t)]
    return "satuan" if len(short) >= 0.8 * len(texts) else ""


def kolom_menurut_isi(lembar: Lembar, header: Header) -> Header:
    """Columns the header does not name, judged by their content: a column inside a merged
    header span that repeats its neighbour's field (Sukabumi 2018: 'Target RPJMD' spans H:J,
    with K in H, Rp in J and the unit in I) but holds unit words ('persen', 'jenis') or
    codes becomes 'satuan' or 'kode', when the header has no such column already."""
    seen: set[tuple[str, str, int, int]] = set()
    bidang = header.bidang
    changed = []
    for kolom in header.kolom:
        key = (kolom.bidang, kolom.sub, kolom.triwulan, kolom.tahun)
        repeated = key in seen and kolom.bidang not in {"kode", "satuan", "uraian", "indikator"}
        seen.add(key)
        jenis = _jenis_isi(_isi_kolom(lembar, header, kolom.indeks)) if repeated else ""
        if jenis in {"satuan", "kode"} and jenis not in bidang:
            kolom = Kolom(kolom.indeks, kolom.jalur, jenis)
            bidang = bidang | {jenis}
        changed.append(kolom)
    return Header(header.baris_awal, header.baris_data, tuple(changed))
