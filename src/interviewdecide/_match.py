"""How the ``fit`` and ``accepted-offer`` rules compare what people write.

Titles, employers and places arrive as people type them ("Sr. Software Engineer
II", "Initech, Inc.", "DE"). This module turns each into a canonical form so that
two spellings of the same thing compare equal. Everything here is the library's
reading, not the advice's words, and every table is documented data: the small
tables below, and the country and city tables shipped beside this module (generated
from pycountry and GeoNames by the scripts in tools/).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from enum import Enum
from types import MappingProxyType
from typing import NamedTuple

from ._model import Location

__all__ = [
    "SENIORITY_WORDS",
    "TITLE_ABBREVIATIONS",
    "TITLE_EQUIVALENTS",
    "Comparison",
    "compare_places",
    "country_code",
    "normalise_place",
    "same_employer",
    "title_matches",
]


class Comparison(Enum):
    """What comparing one thing the candidate wants with the posting found."""

    MATCH = "match"
    CLASH = "clash"
    UNKNOWN = "unknown"


_NON_WORD = re.compile(r"[^\w]+")

#: How many spellings each cache below keeps. Titles, employers and places repeat
#: across an inbox; the bound keeps memory flat however many distinct ones arrive.
_CACHE_SIZE = 4096


_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def _plain(text: str) -> str:
    """Casefold, strip accents, join hyphenated words, keep letters and digits.

    ``"Front-End Developer"`` becomes ``"frontend developer"``; a hyphen between
    spaces (``"Engineer - Payments"``) separates words.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    joined = _INNER_HYPHEN.sub("", bare.replace("_", " "))
    return " ".join(_NON_WORD.sub(" ", joined).split())


# -- titles ----------------------------------------------------------------------

#: Words that say how senior a role is, not what it is; a title match ignores them.
SENIORITY_WORDS = frozenset(
    {
        "sr",
        "senior",
        "jr",
        "junior",
        "lead",
        "principal",
        "staff",
        "associate",
        "entry",
        "level",
        "mid",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "1",
        "2",
        "3",
        "4",
        "5",
    }
)

#: Words that join a title together and carry no role of their own.
_FILLER_WORDS = frozenset({"of", "and", "the", "for", "in", "a", "an", "to", "at", "with"})

#: Role words that name the same job; each maps to the word it is compared as.
TITLE_EQUIVALENTS: Mapping[str, str] = MappingProxyType(
    {"developer": "engineer", "programmer": "engineer", "dev": "engineer"}
)

#: Abbreviations written for whole titles, expanded before comparing.
TITLE_ABBREVIATIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "swe": ("software", "engineer"),
        "sde": ("software", "engineer"),
        "sre": ("site", "reliability", "engineer"),
        "eng": ("engineer",),
        "mgr": ("manager",),
        "rn": ("registered", "nurse"),
        "ml": ("machine", "learning"),
        "ux": ("user", "experience"),
        "ui": ("user", "interface"),
        "qa": ("quality", "assurance"),
        "bi": ("business", "intelligence"),
        "hr": ("human", "resources"),
    }
)


def _stem(word: str) -> str:
    """Reduce a word to a stem shared by its plural and inflected forms.

    Deliberately small: plural ``-s``/``-es``/``-ies``, ``-ing``, and a final
    ``-e``, so that "analysts" ~ "analyst", "engineering" ~ "engineer" and
    "nursing" ~ "nurse".
    """
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


#: ``++`` and ``#`` right after a word ("C++", "C#", "F#") are part of a language's
#: name; spelled out, they survive :func:`_plain`, so "C++" is not read as "C".
_LANGUAGE_MARK = re.compile(r"(?<=\w)(\+\+|#)")
_LANGUAGE_MARK_WORDS = MappingProxyType({"++": "plusplus", "#": "sharp"})


def _title_plain(text: str) -> str:
    marked = _LANGUAGE_MARK.sub(lambda m: _LANGUAGE_MARK_WORDS[m.group()], text)
    return _plain(marked)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _words(text: str) -> tuple[str, ...]:
    """The plain words of a title, its abbreviations written out."""
    words: list[str] = []
    for word in _title_plain(text).split():
        words.extend(TITLE_ABBREVIATIONS.get(word, (word,)))
    return tuple(words)


def _roles(words: Iterable[str]) -> frozenset[str]:
    """The stems of the words that say what a role is."""
    stems = {
        _stem(TITLE_EQUIVALENTS.get(word, word))
        for word in words
        if word not in SENIORITY_WORDS and word not in _FILLER_WORDS
    }
    return frozenset(TITLE_EQUIVALENTS.get(stem, stem) for stem in stems)


def title_matches(aim: str, title: str) -> bool:
    """Whether every role word of ``aim`` is in ``title``.

    Case, punctuation, plurals and inflections, seniority and level words, and the
    role words of :data:`TITLE_EQUIVALENTS` do not count; abbreviations
    (:data:`TITLE_ABBREVIATIONS`) are written out, and a compound is one whether
    written as one word, with a hyphen or as two ("Frontend", "Front-End", "Front
    End"). Extra words in the title (a team, a shift, "(2 openings)") never stop a
    match. An aim made only of seniority words ("Senior") is compared word for word
    instead.
    """
    offered = _title_words(title)
    if _wanted(aim) <= offered:
        return True
    words = _words(aim)
    joined = _joined(words, offered)
    return joined != words and _wanted_of(joined) <= offered


def _wanted_of(words: tuple[str, ...]) -> frozenset[str]:
    """What a title must hold to match an aim of ``words``: its role stems, or its words."""
    return _roles(words) or frozenset(words)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _wanted(aim: str) -> frozenset[str]:
    return _wanted_of(_words(aim))


def _joined(words: tuple[str, ...], offered: frozenset[str]) -> tuple[str, ...]:
    """``words`` with each pair of neighbours joined where ``offered`` has them as one."""
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = "".join(words[i : i + 2])
        if i + 1 < len(words) and (pair in offered or _stem(pair) in offered):
            out.append(pair)
            i += 2
        else:
            out.append(words[i])
            i += 1
    return tuple(out)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _title_words(title: str) -> frozenset[str]:
    """Every plain word of a title, each pair of neighbours as one, and their role stems."""
    words = _words(title)
    pairs = [a + b for a, b in itertools.pairwise(words)]
    return _roles(words) | frozenset(words) | _roles(pairs) | frozenset(pairs)


# -- employers -------------------------------------------------------------------

_LEGAL_SUFFIXES = frozenset(
    {
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "lp",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "sarl",
        "srl",
        "spa",
        "bv",
        "nv",
        "co",
        "corp",
        "corporation",
        "company",
        "pte",
        "pty",
        "oy",
        "ab",
        "as",
        "kk",
        "kg",
        "group",
        "holding",
        "holdings",
        "se",
        "aktiengesellschaft",
        "kgaa",
        "publ",
        "asa",
        "oyj",
        "sl",
        "sau",
        "ltda",
        "bhd",
        "sdn",
        "pvt",
        "private",
        "pllc",
    }
)

#: A web address's ending in a company's name ("Amazon.com", "Booking.com").
_WEB_ENDING = re.compile(r"\.(?:com|net|org|io|ai|co)(?:\.[a-z]{2})?\b", re.IGNORECASE)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _employer_key(name: str) -> str:
    # Dots go first, so that "N.V.", "S.A." and "J.P." are one word each.
    words = _plain(_WEB_ENDING.sub("", name).replace(".", "")).split()
    if len(words) > 1 and words[0] == "the":
        del words[0]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def same_employer(a: str, b: str) -> bool:
    """Whether two employer names name the same employer.

    Case, punctuation, a leading "The", a web address's ending and trailing legal
    forms and group words do not count: "Initech", "Initech, Inc." and "INITECH LLC"
    are one employer, and so are "Grab" and "Grab Holdings Inc.", "Adyen N.V." and
    "Adyen", "Amazon.com, Inc." and "Amazon", "The Boeing Company" and "Boeing".
    """
    return _employer_key(a) == _employer_key(b)


# -- places ----------------------------------------------------------------------


@functools.lru_cache(maxsize=_CACHE_SIZE)
def normalise_place(text: str) -> str:
    """The form a place name is compared in: plain lower-case words, no "the"."""
    plain = _plain(text.replace(".", ""))
    return plain.removeprefix("the ")


@functools.cache
def _country_table() -> dict[str, str]:
    # Imported here: deciding without a place to compare need not load them.
    import json
    from importlib import resources

    text = resources.files(__package__).joinpath("_countries.json").read_text("utf-8")
    table: dict[str, str] = json.loads(text)["names"]
    return table


_BRACKETED = re.compile(r"\(([^()]*)\)")


@functools.lru_cache(maxsize=_CACHE_SIZE)
def country_code(name: str) -> str | None:
    """The ISO 3166 alpha-2 code of a country name, code or alias; ``None`` if unknown.

    ``"DE"``, ``"DEU"``, ``"Germany"`` and ``"Germany (DE)"`` all give ``"DE"``;
    ``"UK"`` and ``"United Kingdom"`` give ``"GB"``.
    """
    table = _country_table()
    for spelling in (name, _BRACKETED.sub(" ", name), *_BRACKETED.findall(name)):
        code = table.get(normalise_place(spelling))
        if code is not None:
            return code
    return None


def _compare_countries(a: str, b: str) -> Comparison:
    """Countries by code; two spellings the table does not know differ only if unknown."""
    code_a, code_b = country_code(a), country_code(b)
    if code_a is not None and code_b is not None:
        return Comparison.MATCH if code_a == code_b else Comparison.CLASH
    same = normalise_place(a) == normalise_place(b)
    return Comparison.MATCH if same else Comparison.UNKNOWN


#: Region codes as long as this ("WA", "NSW") are not compared with names ("Washington").
_REGION_CODE_LENGTH = 3


def _compare_regions(a: str, b: str) -> Comparison:
    """Regions by name; a code against a full name cannot be told apart, so unknown."""
    plain_a, plain_b = normalise_place(a), normalise_place(b)
    if plain_a == plain_b:
        return Comparison.MATCH
    if (len(plain_a) <= _REGION_CODE_LENGTH) != (len(plain_b) <= _REGION_CODE_LENGTH):
        return Comparison.UNKNOWN
    return Comparison.CLASH


class _CityTable(NamedTuple):
    """The large city each spelling names, and the spellings that name several."""

    #: A spelling and the one city (by position in the table) it names; a spelling
    #: that names several names the first, and is in ``shared``.
    city: dict[str, int]
    #: The spellings that name several cities of the table, and the cities.
    shared: dict[str, frozenset[int]]
    #: The spellings another city shares, in the table or not ("vienna").
    ambiguous: frozenset[str]

    def cities(self, spelling: str) -> frozenset[int]:
        """The cities a spelling names; none if the table does not know it."""
        found = self.shared.get(spelling)
        if found is not None:
            return found
        index = self.city.get(spelling)
        return frozenset() if index is None else frozenset((index,))


@functools.cache
def _city_table() -> _CityTable:
    # Loaded on the first two city names that differ (about 20 ms and 4 MB): GeoNames'
    # cities of 100,000 people or more, each with its names in Latin letters.
    import json
    from importlib import resources

    text = resources.files(__package__).joinpath("_cities.json").read_text("utf-8")
    data = json.loads(text)
    city: dict[str, int] = {}
    shared: dict[str, set[int]] = {}
    for index, spellings in enumerate(data["cities"]):
        for spelling in spellings.split("|"):
            first = city.setdefault(spelling, index)
            if first != index:
                shared.setdefault(spelling, {first}).add(index)
    return _CityTable(
        city, {name: frozenset(ids) for name, ids in shared.items()}, frozenset(data["ambiguous"])
    )


def _compare_cities(a: str, b: str) -> Comparison:
    """Cities by name, and by GeoNames' names of large cities in other languages.

    "Munich" and "München" are one city; two names of one city where either may
    also name another ("Vienna" is in Virginia too) cannot be told apart, so unknown.
    """
    plain_a, plain_b = normalise_place(a), normalise_place(b)
    if plain_a == plain_b:
        return Comparison.MATCH
    table = _city_table()
    if not table.cities(plain_a) & table.cities(plain_b):
        return Comparison.CLASH
    if plain_a in table.ambiguous or plain_b in table.ambiguous:
        return Comparison.UNKNOWN
    return Comparison.MATCH


def _compare_place(wanted: Location, offered: Location) -> Comparison:
    """Compare the parts of two places that both state.

    A clash on any part is a clash; otherwise a match needs some part to match.
    """
    found = [
        compare(a, b)
        for a, b, compare in (
            (wanted.city, offered.city, _compare_cities),
            (wanted.region, offered.region, _compare_regions),
            (wanted.country, offered.country, _compare_countries),
        )
        if a is not None and b is not None
    ]
    if Comparison.CLASH in found:
        return Comparison.CLASH
    return Comparison.MATCH if Comparison.MATCH in found else Comparison.UNKNOWN


def compare_places(wanted: tuple[Location, ...], offered: tuple[Location, ...]) -> Comparison:
    """Compare the places a candidate can work in with a posting's places.

    A match when some posting place matches some wanted place; a clash only when
    every posting place can be compared with, and differs from, every wanted place;
    unknown otherwise (a city on one side and only a country on the other).
    """
    found = [_compare_place(w, o) for o in offered for w in wanted]
    if Comparison.MATCH in found:
        return Comparison.MATCH
    if found and all(f is Comparison.CLASH for f in found):
        return Comparison.CLASH
    return Comparison.UNKNOWN
