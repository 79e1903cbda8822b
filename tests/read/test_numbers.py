from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_report.formats import angka
from kinerja_report.read.numbers import AngkaTidakWajar, BukanAngka, parse_angka


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("1.300.000.000", 1_300_000_000.0),
        ("85,5", 85.5),
        ("12,5 %", 12.5),
        ("Rp.  800.000.000,-", 800_000_000.0),
        ("Rp 1.250.000", 1_250_000.0),
        ("1.234.567,89", 1_234_567.89),
        ("2.240", 2240.0),  # a lone '.' before exactly three digits groups thousands
        ("12.345", 12345.0),
        ("2.5", 2.5),  # any other lone '.' is a decimal point
        ("0.75", 0.75),
        ("98.25", 98.25),
        ("12.3456", 12.3456),
        ("1234.567", 1_234_567.0),
        ("0.750", 0.75),  # a zero whole part groups no thousands
        ("-0.500", -0.5),
        ("-5,5", -5.5),
        ("  42 ", 42.0),
        ("1\u00a0000", 1000.0),
        (7, 7.0),
        (0.25, 0.25),
    ],
)
def test_angka_indonesia(teks: object, nilai: float) -> None:
    assert parse_angka(teks) == pytest.approx(nilai)


@pytest.mark.parametrize("teks", [None, "", " ", "-", "\u2013", "  -  ", "Rp. -", "Rp -", "- %"])
def test_kosong(teks: object) -> None:
    assert parse_angka(teks) is None


@pytest.mark.parametrize(
    "teks", ["WTP", "Ada", "1.2.3", "1,234.5", "12,5,6", "#DIV/0!", True, "9" * 400]
)
def test_bukan_angka(teks: object) -> None:
    with pytest.raises(BukanAngka):
        parse_angka(teks)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_format_indonesia_terbaca_kembali(value: object) -> None:
    """What we print in Indonesian format, we read back (babel formats, we parse)."""
    number = float(value)  # type: ignore[arg-type]
    assert parse_angka(angka(number, 2)) == pytest.approx(number, abs=0.005)


@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.none(), st.booleans()))
def test_tidak_pernah_galat_lain(value: object) -> None:
    """Any cell value gives a number, None, or BukanAngka; nothing else escapes."""
    try:
        result = parse_angka(value)
    except BukanAngka:
        return
    assert result is None or isinstance(result, float)


@pytest.mark.parametrize(
    ("value", "teks"),
    [
        (1e308, "1e+308"),
        (float("inf"), "inf"),
        (float("nan"), "nan"),
        (-(10**400), "-1e+400"),
        (1e15 + 2, "1000000000000002.0"),
        ("1.000.000.000.000.001", "1.000.000.000.000.001"),
        ("9" * 400, "9" * 400),
    ],
)
def test_angka_tidak_wajar(value: object, teks: str) -> None:
    """Not finite or beyond 1e15: an error of its own, never a silent None or inf."""
    with pytest.raises(AngkaTidakWajar) as info:
        parse_angka(value)
    assert info.value.teks == teks


def test_batas_angka_masih_wajar() -> None:
    assert parse_angka(1e15) == 1e15
    assert parse_angka("-1.000.000.000.000.000") == -1e15
