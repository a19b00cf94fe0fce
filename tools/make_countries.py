"""Write src/interviewdecide/_countries.json from pycountry's ISO 3166-1 table.

Run at development time (``python tools/make_countries.py``) when pycountry updates;
the package ships the JSON, so the runtime needs nothing beyond attrs and cattrs.
``tests/test_match.py`` checks that the shipped file is what this script writes.

The table maps every spelling of a country that the library recognises, normalised
by :func:`interviewdecide._match.normalise_place`, to its alpha-2 code: the alpha-2
and alpha-3 codes, ISO's short name, common name and official name, the inverted
forms ("Korea, Republic of" is also "Republic of Korea"), and the few everyday
aliases in ``ALIASES``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from interviewdecide._match import normalise_place

TARGET = Path(__file__).resolve().parents[1] / "src" / "interviewdecide" / "_countries.json"

#: Everyday names that ISO 3166 does not list. Keep this short and uncontroversial.
ALIASES = {
    "UK": "GB",
    "U.K.": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Northern Ireland": "GB",
    "USA": "US",
    "U.S.": "US",
    "U.S.A.": "US",
    "America": "US",
    "Holland": "NL",
    "Russia": "RU",
    "Czech Republic": "CZ",
    "Turkey": "TR",
    "Ivory Coast": "CI",
    "UAE": "AE",
    "South Korea": "KR",
    "North Korea": "KP",
    "Vietnam": "VN",
    "Burma": "MM",
    "Macedonia": "MK",
    "Swaziland": "SZ",
    "Cape Verde": "CV",
    "Vatican": "VA",
    "Brunei": "BN",
    "Palestine": "PS",
    "DR Congo": "CD",
    "Democratic Republic of the Congo": "CD",
}


def spellings(country: object) -> list[str]:
    """Every ISO spelling of one pycountry country."""
    names = [
        getattr(country, attr)
        for attr in ("alpha_2", "alpha_3", "name", "common_name", "official_name")
        if getattr(country, attr, None)
    ]
    for name in list(names):
        head, comma, tail = name.partition(", ")
        if comma:  # "Korea, Republic of" -> "Republic of Korea"
            names.append(f"{tail} {head}")
    return names


def build() -> dict[str, dict[str, str]]:
    """The table: every normalised spelling -> its alpha-2 code."""
    names: dict[str, str] = {}

    def add(spelling: str, code: str) -> None:
        key = normalise_place(spelling)
        if names.setdefault(key, code) != code:
            msg = f"{spelling!r} names both {names[key]} and {code}"
            raise ValueError(msg)

    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        for spelling in spellings(country):
            add(spelling, country.alpha_2)
    for alias, code in ALIASES.items():
        add(alias, code)
    return {"names": dict(sorted(names.items()))}


def render() -> str:
    """The JSON text of the table, as the package ships it."""
    return json.dumps(build(), indent=0, ensure_ascii=True, sort_keys=True) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")
