"""Normalising header and label text so that synonyms match whatever the OPD typed."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w%/&.\-=+()]+")


_ESCAPE_OOXML = re.compile(r"_x([0-9A-Fa-f]{4})_")
_TIDAK_TERCETAK = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""Control characters other than tab and line breaks, bidi embeddings, overrides and
isolates ('Trojan Source': they reorder what a PDF or a .docx shows), lone surrogates."""


def teks_sel(text: str) -> str:
    """A cell's text as the clerk meant it; every reader applies it to each text cell it
    takes from a workbook. OOXML's escapes of characters are decoded (``_x0001_``;
    ``_x005F_`` is a literal ``_``: openpyxl leaves them as they are), then control
    characters, bidi overrides and lone surrogates are removed."""
    if "_x" in text:
        text = _ESCAPE_OOXML.sub(lambda m: chr(int(m.group(1), 16)), text)
    return _TIDAK_TERCETAK.sub("", text)


def normalisasi(text: object) -> str:
    """Lower-case, collapse spaces and line breaks, drop stray punctuation."""
    if text is None:
        return ""
    return _normalisasi_teks(str(text))


@lru_cache(maxsize=65536)
def _normalisasi_teks(text: str) -> str:
    """:func:`normalisasi` of a text, remembered: the same labels and names are compared
    many times in a build (the matching of officials, indicators and sasaran)."""
    cleaned = text.replace("\u00a0", " ").replace("_x000D_", " ").lower()
    cleaned = _PUNCT.sub(" ", cleaned)
    return _SPACES.sub(" ", cleaned).strip()


def bersihkan(text: object) -> str:
    """Tidy a data text: collapse runs of spaces, strip; keep case."""
    if text is None:
        return ""
    return _SPACES.sub(" ", str(text).replace("\u00a0", " ")).strip()


SLUG_MAKS = 80
"""Longest readable part of a slug; a longer name is cut and gets a hash of the full name,
so that file names stay far below the 255 bytes a file system allows."""
_PANJANG_HASH = 8


def kunci_nama(text: str) -> str:
    """The key two names of the same OPD share: case, accents, punctuation and spaces
    ignored ('Dinas Sosial', 'DINAS  SOSIAL', 'Dinas-Sosial', 'Dinas Sosiál'); any script is
    kept, so two Arabic names stay two names."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    key = " ".join(part for part in re.split(r"[\W_]+", letters) if part)
    return key or unicodedata.normalize("NFC", text).strip().casefold()


def _hash(text: str, panjang: int = _PANJANG_HASH) -> str:
    return hashlib.sha256(kunci_nama(text).encode("utf-8", "surrogatepass")).hexdigest()[:panjang]


def slug(text: str) -> str:
    """'Dinas Pekerjaan Umum dan Penataan Ruang' -> 'dinas-pekerjaan-umum-dan-penataan-ruang'.

    Only a-z, 0-9 and '-': safe as a file name whatever the workbook says. Other scripts are
    transliterated (anyascii: 'دائرة الصحة' -> 'di-rh-lshh'); a name longer than
    :data:`SLUG_MAKS` is cut and gets a short hash of the full name, so that two long names
    never share a slug."""
    ascii_text = anyascii(unicodedata.normalize("NFC", text))
    name = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "tanpa-nama"
    if len(name) <= SLUG_MAKS:
        return name
    return f"{name[:SLUG_MAKS].rstrip('-')}-{_hash(text)}"


def slug_unik(names: Iterable[str], terpakai: Iterable[str] = ()) -> dict[str, str]:
    """A slug for each name, distinct for names that are not the same OPD.

    Names with the same :func:`kunci_nama` share one slug (that of the least of them). When
    different names give the same :func:`slug` (or a slug in ``terpakai``, such as 'bupati'),
    the name whose key sorts first keeps the plain slug and each other gets '-' and a short
    hash of its name. Deterministic:
    the same names always give the same slugs, in any order."""
    per_kunci: dict[str, list[str]] = {}
    for name in names:
        per_kunci.setdefault(kunci_nama(name), []).append(name)
    kunci_slug: dict[str, str] = {}
    taken = set(terpakai)
    by_slug: dict[str, list[str]] = {}
    for kunci in sorted(per_kunci):
        by_slug.setdefault(slug(min(per_kunci[kunci])), []).append(kunci)
    for base, keys in sorted(by_slug.items()):
        for index, kunci in enumerate(keys):
            kunci_slug[kunci] = base if index == 0 and base not in taken else ""
        taken.add(base)
    for kunci in sorted(k for k, v in kunci_slug.items() if not v):
        kunci_slug[kunci] = _slug_baru(slug(min(per_kunci[kunci])), kunci, taken)
        taken.add(kunci_slug[kunci])
    return {name: kunci_slug[kunci] for kunci, group in per_kunci.items() for name in group}


def _slug_baru(base: str, kunci: str, taken: set[str]) -> str:
    panjang = _PANJANG_HASH
    while True:
        candidate = f"{base}-{_hash(kunci, panjang)}"
        if candidate not in taken or panjang >= 64:
            return candidate
        panjang *= 2
