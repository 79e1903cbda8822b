"""Text that is safe to show: the one place where names and messages are made printable.

File names on Linux are bytes: a name that is not valid UTF-8 reaches Python with each bad
byte as a lone surrogate (``surrogateescape``), which no UTF-8 writer accepts. Names and cell
texts may also hold control characters (an ESC starts a terminal escape sequence) or bidi
overrides that reorder what a terminal shows. :func:`teks_aman` turns all of these into
visible backslash escapes (``\\xff``, ``\\x1b``, ``\\u202e``); every other character, any
script, is kept as it is.
"""

from __future__ import annotations

import unicodedata

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Bidi marks, embeddings, overrides and isolates ('Trojan Source')."""
_KATEGORI_TIDAK_AMAN = frozenset({"Cc", "Cs", "Zl", "Zp"})


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def karakter_tidak_aman(char: str) -> bool:
    """Whether ``char`` must not be shown as it is (control, surrogate, line separator, bidi)."""
    return char in _BIDI or unicodedata.category(char) in _KATEGORI_TIDAK_AMAN


def teks_aman(text: str) -> str:
    """``text`` with every unsafe character (see :func:`karakter_tidak_aman`) escaped."""
    if text.isprintable() and not any(char in _BIDI for char in text):
        return text  # the common case, fast
    return "".join(_escape(char) if karakter_tidak_aman(char) else char for char in text)


def ada_yang_tidak_aman(text: str) -> bool:
    """Whether :func:`teks_aman` would change ``text``."""
    return teks_aman(text) != text
