"""Read a schema.org ``JobPosting`` JSON-LD document into a posting.

:func:`read_schema_org` returns a :class:`Reading`: the posting, and the properties
it left out with the reason for each. The named constructor
:meth:`~interviewdecide.JobPosting.from_schema_org` returns the posting alone.

Two modes. By default the reader takes what career sites publish: the spellings
they use beside schema.org's own (``"REMOTE"``, ``"Yearly"``, ``"usd"``), a salary
written as text, an address as text, an array where one value belongs (the first
is read), dates in RFC 2822 form. A property it still cannot read is left out and
reported, never fatal, as long as a title remains. With ``strict=True`` it reads
schema.org as specified and refuses, with
:class:`~interviewdecide.InvalidInput`, every shape the default mode had to
interpret and every property it would leave out.

Each problem names the JSON-LD property path, such as
``$.experienceRequirements.monthsOfExperience``; a property reached through an
``@id`` reference keeps the path of the property that refers.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import math
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import partial
from importlib import resources
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from interviewdecide._errors import FieldTypeError, FieldValueError, InvalidInput, json_problems
from interviewdecide._errors import at_key as at
from interviewdecide._match import country_code
from interviewdecide._model import (
    Contact,
    JobPosting,
    Location,
    PayPeriod,
    PayRange,
    WorkArrangement,
)
from interviewdecide._problem import Problem
from interviewdecide._validators import NOT_IN_A_LINE, as_tuple, instance_of, tuple_of

from ._jsonld import kind, local_name, postings, types_of

__all__ = ["Reading", "read_schema_org", "years_from_text"]

T = TypeVar("T")


def _tuple_of_problems(values: Iterable[Problem]) -> tuple[Problem, ...]:
    return as_tuple(values)


@attrs.frozen(kw_only=True)
class Reading:
    """A posting read from a document, and what the reader left out.

    Attributes:
        posting: The posting.
        skipped: Each property, or part of one, that could not be read, with its
            path and the reason; empty for a clean document, and always empty
            after a strict read.

    .. versionadded:: 0.2.0
    """

    posting: JobPosting = attrs.field(validator=instance_of(JobPosting))
    skipped: tuple[Problem, ...] = attrs.field(
        default=(),
        converter=_tuple_of_problems,
        validator=tuple_of(Problem),
    )


# -- tables ----------------------------------------------------------------------

#: UN/CEFACT common codes that schema.org's ``unitCode`` uses for pay periods.
_UNIT_CODES = MappingProxyType(
    {
        "HUR": PayPeriod.HOUR,
        "DAY": PayPeriod.DAY,
        "WEE": PayPeriod.WEEK,
        "MON": PayPeriod.MONTH,
        "ANN": PayPeriod.YEAR,
    }
)

#: What career sites write for a pay period (casefolded, without "per", "a", "/").
_PERIOD_WORDS = MappingProxyType(
    {
        **dict.fromkeys(("hour", "hourly", "hr", "hrs", "hours"), PayPeriod.HOUR),
        **dict.fromkeys(("day", "daily", "days"), PayPeriod.DAY),
        **dict.fromkeys(("week", "weekly", "wk", "weeks"), PayPeriod.WEEK),
        **dict.fromkeys(("month", "monthly", "mo", "mth", "months"), PayPeriod.MONTH),
        **dict.fromkeys(
            ("year", "yearly", "annual", "annually", "annum", "yr", "years", "p.a.", "pa"),
            PayPeriod.YEAR,
        ),
    }
)
_PERIOD_NAMES = frozenset(p.value for p in PayPeriod)
_PERIOD_LEAD = re.compile(r"^(?:(?:per|an?|each|every)\b|/)\s*")

#: ``jobLocationType`` spellings (casefolded, letters only) and what they mean.
_ARRANGEMENTS = MappingProxyType(
    {
        **dict.fromkeys(
            (
                "telecommute",
                "remote",
                "fullyremote",
                "remoteonly",
                "workfromhome",
                "wfh",
                "anywhere",
            ),
            WorkArrangement.REMOTE,
        ),
        **dict.fromkeys(("hybrid", "hybridremote", "partlyremote"), WorkArrangement.HYBRID),
        **dict.fromkeys(("onsite", "inoffice", "office", "inperson"), WorkArrangement.ONSITE),
    }
)

#: Words that a location text uses to say there is no place at all.
_NO_PLACE = frozenset({"remote", "anywhere", "worldwide", "global", "wfh", "work from home"})


def _currency_table() -> dict[str, dict[str, str]]:
    text = resources.files("interviewdecide").joinpath("_currencies.json").read_text("utf-8")
    table: dict[str, dict[str, str]] = json.loads(text)
    return table


_CURRENCIES = MappingProxyType(
    {part: MappingProxyType(names) for part, names in _currency_table().items()}
)

_DECIMAL = re.compile(r"[+-]?\d+(?:\.\d+)?")
#: Text such as "60.000": sixty in some countries, sixty thousand in others.
_DOT_THOUSANDS = re.compile(r"[+-]?\d{1,3}\.\d{3}")
_BREAKS = NOT_IN_A_LINE

# -- the free-text experience reader ---------------------------------------------

# Every quantifier is possessive: no part of a phrase can give characters back to
# the next one to any use, so a long gap of spaces costs linear time (issue #15).
_FIGURE = r"(\d++(?:\.\d++)?+)"
_PHRASE = re.compile(
    rf"(?<![\w.]){_FIGURE}\s*+(?:\+|plus\b)?+\s*+(?:(?:-|to\b)\s*+{_FIGURE}\s*+\+?+\s*+)?+"
    r"(years?|yrs?|months?)\b"
)
_NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")
_UPPER_BOUND_OR_WINDOW = re.compile(
    r"\b(?:up to|less than|fewer than|under|below|at most|no more than|not more than"
    r"|maximum|max\.?|within|last|past|next|first|after)[\s:(]*$"
)
_AGE = re.compile(r"\s*+(?:ago|old|of age)\b")
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))


def years_from_text(text: str) -> float | None:
    """Read the years of experience that free text states, or ``None``.

    The reader finds a figure only when the text holds exactly one figure of
    years or months (``"Minimum 3 years"``, ``"3+ years of experience"``,
    ``"18 months"``) or one range (``"2-4 years"``, of which the lower bound is
    taken) and no other number. It refuses an upper bound (``"up to 3 years"``), a
    time window (``"in the last 2 years"``), an age (``"5 years old"``), a range
    whose ends are reversed, and figures written in words.

    Args:
        text: The free text of ``experienceRequirements``.

    Returns:
        The years the text asks for, or ``None`` when it states no clear figure.
    """
    folded = text.translate(_DASHES).casefold()
    phrases = list(_PHRASE.finditer(folded))
    if len(phrases) != 1:
        return None
    found = phrases[0]
    low, high, unit = found.groups()
    if len(_NUMBER.findall(folded)) != (1 if high is None else 2):
        return None
    if _UPPER_BOUND_OR_WINDOW.search(folded[: found.start()]) or _AGE.match(folded[found.end() :]):
        return None
    if high is not None and float(high) < float(low):
        return None
    return float(low) / 12 if unit.startswith("m") else float(low)


# -- salaries written as text ----------------------------------------------------

_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
_SYMBOL = "|".join(
    re.escape(s) for s in sorted(_CURRENCIES["symbols"], key=len, reverse=True) if len(s) < 3
)
_CUR = rf"(?:[A-Za-z]{{2}}\$|[A-Za-z]{{3}}(?![A-Za-z])|{_SYMBOL})"
_TEXT_SALARY = re.compile(
    rf"(?P<c1>{_CUR})?\s*(?P<low>{_AMOUNT})\s*(?P<k1>[kK](?![A-Za-z]))?\s*(?P<c2>{_CUR})?"
    rf"(?:\s*(?:-|to)\s*(?P<c3>{_CUR})?\s*(?P<high>{_AMOUNT})\s*(?P<k2>[kK](?![A-Za-z]))?"
    rf"\s*(?P<c4>{_CUR})?)?"
)
_TEXT_PERIOD = re.compile(
    r"\s*(?:(?:/|\bper\b|\ban?\b|\beach\b)\s*(?P<unit>[a-z.]+)|(?P<adverb>hourly|daily|weekly"
    r"|monthly|yearly|annually|p\.a\.))\s*$"
)
_DASH_TABLE = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))


def _money_code(raw: str) -> str | None:
    """The ISO 4217 code a currency symbol or code stands for; ``None`` if unknown."""
    code = _CURRENCIES["symbols"].get(raw, raw.upper())
    return code if code in _CURRENCIES["codes"] else None


def _thousands(figure: str, k: str | None) -> Decimal:
    amount = Decimal(figure.replace(",", ""))
    return amount * 1000 if k else amount


def salary_from_text(text: str) -> tuple[str | None, Decimal, Decimal, PayPeriod] | None:
    """Read ``"$100,000 - $150,000"``, ``"USD 90k to 110k per year"``, ``"€45/hour"``.

    Conservative: a currency symbol or code before or after the figures,
    thousands written with commas, a ``k`` for thousands, a range with ``-``,
    ``to`` or a dash, and a period at the end. Anything else gives ``None``.

    Returns:
        The currency (``None`` when the text names none), the low and high
        figures, and the period (a year when the text names none).
    """
    folded = " ".join(text.translate(_DASH_TABLE).split())
    period = PayPeriod.YEAR
    if found := _TEXT_PERIOD.search(folded.casefold()):
        word = found["unit"] or found["adverb"]
        if word not in _PERIOD_WORDS:
            return None
        period = _PERIOD_WORDS[word]
        folded = folded[: found.start()]
    match = _TEXT_SALARY.fullmatch(folded.strip())
    if match is None:
        return None
    codes = {_money_code(c) for c in match.group("c1", "c2", "c3", "c4") if c is not None}
    if None in codes or len(codes) > 1:
        return None
    low = _thousands(match["low"], match["k1"])
    high = low if match["high"] is None else _thousands(match["high"], match["k2"])
    if match["k2"] and not match["k1"] and low < 1000:  # "$90-110k"
        low *= 1000
    return (codes.pop() if codes else None), low, high, period


# -- the reader ------------------------------------------------------------------


class _Node:
    """An object of the document, its properties keyed by their schema.org names."""

    __slots__ = ("path", "props")

    def __init__(self, raw: dict[Any, Any], path: str) -> None:
        self.path = path
        self.props: dict[str, tuple[str, Any]] = {}
        for key, value in raw.items():
            name = local_name(str(key))
            if name not in self.props or name == key:  # "title" wins over "schema:title"
                self.props[name] = (str(key), value)

    def get(self, name: str) -> Any:
        entry = self.props.get(name)
        return None if entry is None else entry[1]

    def at(self, name: str) -> str:
        entry = self.props.get(name)
        return at(self.path, name if entry is None else entry[0])


def _is_value(value: object) -> bool:
    """Say whether ``value`` is text, a scalar, or a JSON-LD value object."""
    return not isinstance(value, dict | list) or "@value" in value


def _is_text(value: object) -> bool:
    """Say whether ``value`` is text or a JSON-LD value object."""
    return isinstance(value, str) or (isinstance(value, dict) and "@value" in value)


class _Reader:
    """Read one posting node, in the lenient or the strict mode."""

    def __init__(self, ids: dict[str, dict[str, Any]], *, strict: bool) -> None:
        self.ids = ids
        self.strict = strict
        self.skipped: list[Problem] = []

    # -- the two modes ---------------------------------------------------------

    def loose(self, path: str, message: str) -> None:
        """Refuse, in the strict mode, a shape that only the lenient mode reads."""
        if self.strict:
            raise InvalidInput.at(path, message)

    def skip(self, path: str, message: str, *, lenient: str = "") -> None:
        """Refuse (strict) or report (lenient) a value that is left out."""
        if self.strict:
            raise InvalidInput.at(path, message)
        self.skipped.append(Problem(path, message + lenient))

    def attempt(self, read: Callable[[], T], default: T) -> T:
        """Return ``read()``; when it fails, report why and return ``default`` (lenient)."""
        try:
            return read()
        except InvalidInput as e:
            if self.strict:
                raise
            self.skipped.extend(e.problems)
            return default

    # -- JSON-LD values ----------------------------------------------------------

    def one(self, node: _Node, name: str) -> tuple[Any, str]:
        """Return the one value of a property and its path: the first of an array."""
        value, path = node.get(name), node.at(name)
        if not isinstance(value, list):
            return value, path
        if len(value) > 1:
            self.skip(
                path,
                f"expected one value, got an array of {len(value)}",
                lenient="; only the first is read",
            )
        return (value[0], f"{path}[0]") if value else (None, path)

    def many(self, node: _Node, name: str) -> list[tuple[Any, str]]:
        """Return each value of a property that may repeat, with its path."""
        value, path = node.get(name), node.at(name)
        if isinstance(value, list):
            return [(v, f"{path}[{i}]") for i, v in enumerate(value) if v is not None]
        return [] if value is None else [(value, path)]

    def text(self, value: object, path: str, *, line: bool = True) -> str | None:
        """Read text (plain or a value object); entities decoded, blank is absent.

        A ``line`` text must hold no line break: the strict mode refuses one, the
        lenient mode joins the lines.
        """
        if isinstance(value, dict) and "@value" in value:
            value = value["@value"]
        if not isinstance(value, str):
            raise InvalidInput.at(path, f"expected text, got {kind(value)}")
        if "&" in value:
            value = html.unescape(value)
        value = value.strip()
        if line and not _BREAKS.isdisjoint(value):
            if self.strict:
                raise InvalidInput.at(path, "must be a single line (no line breaks)")
            value = " ".join(value.replace("\x00", " ").split())
        return value or None

    def prop(self, node: _Node, name: str, *, line: bool = True) -> str | None:
        """Read the one text value of a property of ``node``."""
        value, path = self.one(node, name)
        return None if value is None else self.text(value, path, line=line)

    def node(self, value: object, path: str) -> _Node:
        """Return ``value`` as an object, following an ``@id`` reference."""
        if isinstance(value, dict) and list(value) == ["@id"]:
            ref = value["@id"]
            if not isinstance(ref, str) or ref not in self.ids:
                raise InvalidInput.at(
                    at(path, "@id"), f"{ref!r} names no node of the document's @graph"
                )
            return _Node(self.ids[ref], path)
        if not isinstance(value, dict) or "@value" in value:
            raise InvalidInput.at(path, f"expected an object, got {kind(value)}")
        return _Node(value, path)

    # -- the posting -------------------------------------------------------------

    def posting(self, node: _Node, source: str) -> JobPosting:
        title = self.title(node)
        fields: dict[str, Any] = {"title": title, "source": source}
        readers: dict[str, Callable[[_Node], object]] = {
            "company": self.company,
            "industry": self.industry,
            "arrangement": self.arrangement,
            "salary": self.salary,
            "contact": self.contact,
            "date_posted": self.date_posted,
            "valid_through": self.valid_through,
            "url": self.url,
        }
        for name, read in readers.items():
            fields[name] = self.attempt(partial(read, node), None)
        no_years: tuple[float | None, bool] = (None, False)
        years, from_text = self.attempt(partial(self.experience, node), no_years)
        fields["locations"] = self.places(node, "jobLocation", self.place)
        fields["applicant_locations"] = self.places(
            node, "applicantLocationRequirements", self.area
        )
        fields["employment_type"] = self.employment_type(node)
        return JobPosting(**fields, required_years=years, required_years_from_text=from_text)

    def url(self, node: _Node) -> str | None:
        return self.prop(node, "url")

    def title(self, node: _Node) -> str:
        for name in ("title", "name"):
            if (text := self.attempt(partial(self.prop, node, name), None)) is not None:
                return text
        missing = Problem(node.at("title"), "missing: a posting needs a title or a name")
        raise InvalidInput([*self.skipped, missing])

    def company(self, node: _Node) -> str | None:
        value, path = self.one(node, "hiringOrganization")
        if value is None or _is_text(value):
            return None if value is None else self.text(value, path)
        org = self.node(value, path)
        for name in ("name", "legalName"):
            if (found := self.prop(org, name)) is not None:
                return found
        given, family = (self.prop(org, name) for name in ("givenName", "familyName"))
        return " ".join(p for p in (given, family) if p) or None

    def experience(self, node: _Node) -> tuple[float | None, bool]:
        value, path = self.one(node, "experienceRequirements")
        if value is None:
            return None, False
        if _is_text(value):
            text = self.text(value, path, line=False)
            years = None if text is None else years_from_text(text)
            return years, years is not None
        requirement = self.node(value, path)
        months, path = self.one(requirement, "monthsOfExperience")
        if months is None:
            return None, False
        years = float(self.amount(months, path)) / 12
        if not math.isfinite(years):
            raise InvalidInput.at(path, f"must be a finite number >= 0, got {years!r}")
        return years, False

    def industry(self, node: _Node) -> str | None:
        value, path = self.one(node, "industry")
        if value is None or _is_text(value):
            return None if value is None else self.text(value, path)
        term = self.node(value, path)
        if (name := self.prop(term, "name")) is None:
            raise InvalidInput.at(term.at("name"), "missing: an industry term needs a name")
        return name

    def arrangement(self, node: _Node) -> WorkArrangement | None:
        text = self.prop(node, "jobLocationType")
        if text is None:
            return None
        letters = "".join(c for c in text.casefold() if c.isalpha())
        found = _ARRANGEMENTS.get(letters)
        if letters != "telecommute":
            message = f"unknown value {text!r}; schema.org defines only 'TELECOMMUTE'"
            if found is None:
                raise InvalidInput.at(node.at("jobLocationType"), message)
            self.loose(node.at("jobLocationType"), message)
        return found

    def employment_type(self, node: _Node) -> tuple[str, ...]:
        out: dict[str, None] = {}
        for value, path in self.many(node, "employmentType"):
            text = self.attempt(partial(self.text, value, path), None)
            if text is not None:
                out["_".join(text.replace("-", " ").split()).upper()] = None
        return tuple(out)

    # -- places --------------------------------------------------------------------

    def places(
        self, node: _Node, name: str, read: Callable[[object, str], Location]
    ) -> tuple[Location, ...]:
        found = (self.attempt(partial(read, v, p), None) for v, p in self.many(node, name))
        return tuple(place for place in found if place is not None)

    def place(self, value: object, path: str) -> Location:
        """Read a ``Place`` with its ``PostalAddress`` (or text, leniently)."""
        if _is_text(value):
            return self.address_text(value, path)
        place = self.node(value, path)
        raw, path = self.one(place, "address")
        if raw is None:
            if (name := self.prop(place, "name")) is not None:
                self.loose(path, "missing: a job location needs a PostalAddress")
                return self.split_address(name, place.at("name"))
            raise InvalidInput.at(path, "missing: a job location needs a PostalAddress")
        if _is_text(raw):
            return self.address_text(raw, path)
        address = self.node(raw, path)
        parts = {
            "city": self.prop(address, "addressLocality"),
            "region": self.prop(address, "addressRegion"),
            "country": self.country(address),
        }
        if not any(parts.values()):
            raise InvalidInput.at(
                path, "a PostalAddress needs addressLocality, addressRegion or addressCountry"
            )
        return Location(**parts)

    def country(self, address: _Node) -> str | None:
        value, path = self.one(address, "addressCountry")
        if value is None or _is_value(value):
            return None if value is None else self.text(value, path)
        country = self.node(value, path)
        if (name := self.prop(country, "name")) is None:
            raise InvalidInput.at(country.at("name"), "missing: a Country needs a name")
        return name

    def address_text(self, value: object, path: str) -> Location:
        text = self.text(value, path)
        self.loose(
            path,
            "a text address cannot be split into city, region and country without "
            "guessing; give a PostalAddress",
        )
        if text is None:
            raise InvalidInput.at(path, "an empty address names no place")
        return self.split_address(text, path)

    @staticmethod
    def split_address(text: str, path: str) -> Location:
        """Read ``"City"``, ``"City, Region"``, ``"City, Region, Country"`` leniently.

        Words holding digits (street numbers, postal codes) are dropped. The last part
        is the country when it names one, except a two-letter code after a city
        (``"Austin, TX"``, ``"Portland, OR"``), which is a region.
        """
        parts = [" ".join(w for w in p.split() if w.isalpha() or "-" in w) for p in text.split(",")]
        parts = [p for p in parts if p]
        if not parts or parts[0].casefold() in _NO_PLACE:
            raise InvalidInput.at(path, f"{text!r} names no place")
        country = None
        last = parts[-1]
        if country_code(last) is not None and (len(last) > 2 or len(parts) != 2):
            country = parts.pop()
        city = parts[-2] if len(parts) > 1 else (parts[0] if parts else None)
        region = parts[-1] if len(parts) > 1 else None
        return Location(city=city, region=region, country=country)

    def area(self, value: object, path: str) -> Location:
        """Read one ``applicantLocationRequirements``: a Country or an area, by name."""
        if _is_text(value):
            name = self.text(value, path)
        else:
            node = self.node(value, path)
            path = node.at("name")
            name = self.prop(node, "name")
        if name is None:
            raise InvalidInput.at(path, "missing: an applicant location needs a name")
        if country_code(name) is not None:
            return Location(country=name)
        return Location(region=name)

    # -- pay -------------------------------------------------------------------------

    def amount(self, value: object, path: str) -> Decimal:
        """Read a figure that must be a number, or text holding only a number."""
        if isinstance(value, dict) and "@value" in value:
            value = value["@value"]
        text = value.strip() if isinstance(value, str) else None
        if text is not None and _DOT_THOUSANDS.fullmatch(text):
            raise InvalidInput.at(
                path,
                f"{value!r} is ambiguous: {text} with a decimal point, or "
                f"{text.replace('.', '')} with a dot between thousands",
            )
        if text is not None and _DECIMAL.fullmatch(text):
            out = Decimal(text)
        elif isinstance(value, int) and not isinstance(value, bool):
            out = Decimal(value)
        elif isinstance(value, float) and math.isfinite(value):
            out = Decimal(repr(value))
        else:
            shown = repr(value) if isinstance(value, str | float) else kind(value)
            raise InvalidInput.at(path, f"expected a number, got {shown}")
        if out < 0:
            raise InvalidInput.at(path, f"must not be negative, got {value!r}")
        return out

    def currency(self, value: object, path: str) -> str | None:
        text = self.text(value, path)
        if text is None:
            return None
        if text in _CURRENCIES["codes"]:
            return text
        code = _money_code(text)
        if code is None:
            raise InvalidInput.at(path, f"{text!r} is not an ISO 4217 currency code")
        self.loose(path, f"must be a three-letter ISO 4217 code such as 'EUR', got {text!r}")
        return code

    def salary(self, node: _Node) -> PayRange | None:
        value, path = self.one(node, "baseSalary")
        if value is None:
            return None
        given, currency_path = self.one(node, "salaryCurrency")
        currency = None if given is None else self.currency(given, currency_path)
        if _is_value(value):
            low, high, period, stated = self.bare_salary(value, path)
            if stated is not None:
                currency, currency_path = stated, path
        else:
            amount = self.node(value, path)
            key = "priceCurrency" if amount.get("currency") is None else "currency"
            own, own_path = self.one(amount, key)
            if own is None:
                own_path = amount.at("currency")
            own = None if own is None else self.currency(own, own_path)
            if own is not None and currency is not None and own != currency:
                raise InvalidInput.at(
                    own_path, f"{own!r} disagrees with salaryCurrency {currency!r}"
                )
            if own is not None or currency is None:
                currency, currency_path = own, own_path
            low, high, period = self.monetary_amount(amount)
        if currency is None:
            raise InvalidInput.at(
                currency_path, "missing: a salary needs a currency, and none is guessed"
            )
        paths = {"minimum": low[1], "maximum": high[1]}
        try:
            return PayRange(currency=currency, period=period, minimum=low[0], maximum=high[0])
        except (FieldValueError, FieldTypeError) as e:
            raise InvalidInput.at(paths[e.field], e.reason) from None

    def bare_salary(
        self, value: object, path: str
    ) -> tuple[_Figure, _Figure, PayPeriod, str | None]:
        """Read a salary given as a number, or leniently as text such as ``"$90k"``."""
        raw = value["@value"] if isinstance(value, dict) else value
        if not isinstance(raw, str) or _DECIMAL.fullmatch(raw.strip()):
            figure = (self.amount(raw, path), path)
            return figure, figure, PayPeriod.YEAR, None
        self.loose(path, f"expected a number, got {raw!r}")
        read = salary_from_text(raw)
        if read is None:
            raise InvalidInput.at(path, f"cannot read a salary from the text {raw!r}")
        currency, low, high, period = read
        return (low, path), (high, path), period, currency

    def monetary_amount(self, amount: _Node) -> tuple[_Figure, _Figure, PayPeriod]:
        """Read a MonetaryAmount or PriceSpecification: its figures and period."""
        inner, inner_path = self.one(amount, "value")
        if inner is not None and not _is_value(inner):
            if amount.get("minValue") is not None or amount.get("maxValue") is not None:
                raise InvalidInput.at(
                    amount.path, "give a QuantitativeValue or minValue/maxValue, not both"
                )
            return self.quantity(self.node(inner, inner_path))
        return self.quantity(amount)

    def quantity(self, node: _Node) -> tuple[_Figure, _Figure, PayPeriod]:
        """Read ``value`` or ``minValue``/``maxValue`` (or ``price``...), and the period."""
        figures: dict[str, _Figure] = {}
        for key, alias in (("value", "price"), ("minValue", "minPrice"), ("maxValue", "maxPrice")):
            name = key if node.get(key) is not None or node.get(alias) is None else alias
            value, at_ = self.one(node, name)
            figures[key] = (None if value is None else self.amount(value, at_), at_)
        if figures["value"][0] is not None:
            if figures["minValue"][0] is not None or figures["maxValue"][0] is not None:
                raise InvalidInput.at(node.path, "give value or minValue/maxValue, not both")
            return figures["value"], figures["value"], self.period(node)
        if figures["minValue"][0] is None and figures["maxValue"][0] is None:
            raise InvalidInput.at(
                node.at("value"), "missing: a salary needs value, minValue or maxValue"
            )
        return figures["minValue"], figures["maxValue"], self.period(node)

    def period(self, node: _Node) -> PayPeriod:
        """Read the pay period from ``unitText`` and ``unitCode``; a year when neither is given."""
        periods: set[PayPeriod] = set()
        if (text := self.prop(node, "unitText")) is not None:
            word = _PERIOD_LEAD.sub("", text.casefold())
            found = _PERIOD_WORDS.get(word)
            if text.casefold() not in _PERIOD_NAMES:
                names = ", ".join(p.name for p in PayPeriod)
                message = f"unknown pay period {text!r}; expected {names}"
                if found is None:
                    raise InvalidInput.at(node.at("unitText"), message)
                self.loose(node.at("unitText"), message)
            periods.add(found or PayPeriod(text.casefold()))
        if (code := self.prop(node, "unitCode")) is not None:
            if code.upper() not in _UNIT_CODES:
                codes = ", ".join(_UNIT_CODES)
                raise InvalidInput.at(
                    node.at("unitCode"), f"unknown pay period code {code!r}; expected {codes}"
                )
            periods.add(_UNIT_CODES[code.upper()])
        if len(periods) > 1:
            raise InvalidInput.at(node.path, "unitText and unitCode name different pay periods")
        return periods.pop() if periods else PayPeriod.YEAR

    # -- contact and dates -----------------------------------------------------------

    def contact(self, node: _Node) -> Contact | None:
        value, path = self.one(node, "applicationContact")
        if value is None:
            return None
        point = self.node(value, path)
        name = self.prop(point, "name")
        mail = self.prop(point, "email")
        if mail is not None and mail.casefold().startswith("mailto:"):
            mail = mail[len("mailto:") :].strip() or None
        if name is None and mail is None:
            return None
        try:
            return Contact(name=name, email=mail)  # each text is a single line already
        except FieldValueError as e:  # an address that is not one
            raise InvalidInput.at(at(point.path, "email"), e.reason) from None

    def date_posted(self, node: _Node) -> dt.date | None:
        when = self.when(node, "datePosted")
        return when.date() if isinstance(when, dt.datetime) else when

    def valid_through(self, node: _Node) -> dt.datetime | None:
        when = self.when(node, "validThrough")
        if when is None or isinstance(when, dt.datetime):
            return (
                when
                if when is None or when.utcoffset() is not None
                else when.replace(tzinfo=dt.UTC)
            )
        return dt.datetime.combine(when, dt.time.max, tzinfo=dt.UTC)

    def when(self, node: _Node, name: str) -> dt.date | dt.datetime | None:
        """Read an ISO 8601 date or datetime; leniently, RFC 2822 and "... UTC" too."""
        text = self.prop(node, name)
        if text is None:
            return None
        path = node.at(name)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        self.loose(path, f"expected an ISO 8601 date or datetime, got {text!r}")
        zoned = re.sub(r"\s*\b(?:UTC|GMT)$", "+00:00", text)
        try:
            return dt.datetime.fromisoformat(zoned)
        except ValueError:
            pass
        try:
            return email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            raise InvalidInput.at(path, f"expected a date, got {text!r}") from None


_Figure = tuple[Decimal | None, str]


# -- the document ----------------------------------------------------------------


def _ids(data: Any) -> dict[str, dict[str, Any]]:
    """Every node of the document that has an ``@id`` and says more than that."""
    ids: dict[str, dict[str, Any]] = {}
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            ref = value.get("@id")
            if isinstance(ref, str) and len(value) > 1:
                ids.setdefault(ref, value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return ids


def _no_posting(data: Any) -> InvalidInput:
    """Say why ``data`` holds no posting: a wrong shape, or only other nodes."""
    if not isinstance(data, dict | list):
        return InvalidInput.at("$", f"expected a JSON-LD object or array, got {kind(data)}")
    if isinstance(data, dict) and "@graph" not in data:
        got = ", ".join(types_of(data, "$")) or "no @type"
        return InvalidInput.at(at("$", "@type"), f"expected a JobPosting, got {got}")
    path, nodes = ("$", data) if isinstance(data, list) else (at("$", "@graph"), data["@graph"])
    if isinstance(nodes, dict):
        nodes = [nodes]
    if not isinstance(nodes, list):
        return InvalidInput.at(path, f"expected an array of nodes, got {kind(nodes)}")
    for i, node in enumerate(nodes):
        if not isinstance(node, dict):
            return InvalidInput.at(f"{path}[{i}]", f"expected a JSON-LD object, got {kind(node)}")
    return InvalidInput.at("$", f"no JobPosting among the document's {len(nodes)} nodes")


def read_schema_org(data: Any, *, strict: bool = False) -> Reading:
    """Read a schema.org ``JobPosting`` from parsed JSON-LD, and say what was left out.

    Args:
        data: Parsed JSON-LD: one ``JobPosting`` object, a document with
            ``@graph``, a page whose ``mainEntity`` is the posting, an
            ``ItemList``, or an array of nodes; exactly one node must be a
            ``JobPosting``.
        strict: Refuse every property that cannot be read as schema.org specifies
            it, rather than leaving it out (or reading the spelling career sites
            use).

    Returns:
        The posting, with ``source`` set to the canonical JSON text of ``data``,
        and the properties left out (always none when ``strict``).

    Raises:
        InvalidInput: When ``data`` holds no posting or several, or no title;
            when any text in it (a key included) holds a lone surrogate or a key
            repeats; in the strict mode, when any property cannot be read. The
            message names each property path.

    .. versionadded:: 0.2.0
    """
    try:
        source = json.dumps(data, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError) as e:
        raise InvalidInput.at("$", f"not a JSON value: {e}") from None
    if problems := json_problems(data):
        raise InvalidInput(problems)
    found = list(postings(data))
    if not found:
        raise _no_posting(data)
    if len(found) > 1:
        where = ", ".join(p for p, _ in found)
        raise InvalidInput.at(
            "$", f"expected exactly one JobPosting, found {len(found)} (at {where})"
        )
    path, node = found[0]
    reader = _Reader(_ids(data), strict=strict)
    posting = reader.posting(_Node(node, path), source)
    return Reading(posting=posting, skipped=tuple(reader.skipped))
