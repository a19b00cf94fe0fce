"""Write src/interviewdecide/_currencies.json from pycountry's ISO 4217 table.

Run at development time (``python tools/make_currencies.py``) when pycountry updates;
the package ships the JSON, so the runtime needs nothing beyond attrs and cattrs.
``tests/test_schema_org.py`` checks that the shipped file is what this script writes.

The table lists every active ISO 4217 alphabetic code with its name, and the
currency symbols in ``SYMBOLS`` that name one currency without doubt.
"""

from __future__ import annotations

import json
from pathlib import Path

import pycountry

TARGET = Path(__file__).resolve().parents[1] / "src" / "interviewdecide" / "_currencies.json"

#: Symbols that career sites put before a figure, each read as one currency. "$" is
#: the US dollar only because postings that mean another dollar write its code
#: ("CA$", "A$", "CAD"); keep this list short.
SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "CA$": "CAD",
    "C$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "S$": "SGD",
    "HK$": "HKD",
    "R$": "BRL",
    "₩": "KRW",
    "₪": "ILS",
    "₱": "PHP",
    "zł": "PLN",
    "CHF": "CHF",
}


def build() -> dict[str, dict[str, str]]:
    """The table: every code -> its name, and every symbol -> its code."""
    codes = {c.alpha_3: c.name for c in pycountry.currencies}
    for symbol, code in SYMBOLS.items():
        if code not in codes:
            msg = f"the symbol {symbol!r} names {code}, which ISO 4217 does not list"
            raise ValueError(msg)
    return {"codes": dict(sorted(codes.items())), "symbols": dict(sorted(SYMBOLS.items()))}


def render() -> str:
    """The JSON text of the table, as the package ships it."""
    return json.dumps(build(), indent=0, ensure_ascii=True, sort_keys=True) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
