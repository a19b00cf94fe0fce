"""Read a schema.org ``JobPosting`` JSON-LD document into a posting's fields.

:func:`posting_from_schema_org` returns the keyword arguments of
:class:`~interviewdecide.JobPosting`; the named constructor
:meth:`~interviewdecide.JobPosting.from_schema_org` is the public way in.

The reader accepts the shapes that real postings use and refuses, with
:class:`~interviewdecide.InvalidInput`, whatever it cannot read for certain: a
structured figure that is not a number, a salary without a currency, a text
address that would have to be split by guesswork. Each error names the JSON-LD
property path, such as ``$.experienceRequirements.monthsOfExperience``; a property
reached through an ``@id`` reference keeps the path of the property that refers.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ._errors import FieldTypeError, FieldValueError, InvalidInput, json_kind, json_problems
from ._model import Contact, JobPosting, Location, PayPeriod, PayRange, WorkArrangement

__all__ = ["posting_from_schema_org", "years_from_text"]

_SCHEMA_PREFIXES = ("", "schema:", "http://schema.org/", "https://schema.org/")

#: UN/CEFACT common codes that schema.org's ``unitCode`` uses for pay periods.
_UNIT_CODES = {
    "HUR": PayPeriod.HOUR,
    "DAY": PayPeriod.DAY,
    "WEE": PayPeriod.WEEK,
    "MON": PayPeriod.MONTH,
    "ANN": PayPeriod.YEAR,
}

_DECIMAL = re.compile(r"[+-]?\d+(?:\.\d+)?")


# -- paths and JSON shapes -------------------------------------------------------


def _at(path: str, key: str) -> str:
    """Extend ``path`` by an object key, in bracket form when it is not a name."""
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key)}]"


def _kind(value: object) -> str:
    """Name the JSON type of ``value`` for an error message, value objects included."""
    if isinstance(value, dict) and "@value" in value:
        return "a JSON-LD value object"
    return json_kind(value)


def _message(exc: FieldValueError | FieldTypeError) -> str:
    return str(exc).removeprefix(f"{exc.field}: ")


def _types(node: dict[str, Any], path: str) -> tuple[str, ...]:
    """Return the ``@type`` names of ``node``: none, one, or a list."""
    raw = node.get("@type")
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,)
    if isinstance(raw, list) and all(isinstance(t, str) for t in raw):
        return tuple(raw)
    raise InvalidInput.at(_at(path, "@type"), f"expected a type name, got {_kind(raw)}")


def _is_posting(node: dict[str, Any], path: str) -> bool:
    return any(
        t.removeprefix(p) == "JobPosting" for t in _types(node, path) for p in _SCHEMA_PREFIXES
    )


def _is_text(value: object) -> bool:
    return isinstance(value, str) or (isinstance(value, dict) and "@value" in value)


def _text(value: object, path: str) -> str | None:
    """Read text (plain, or a ``{"@value": ...}`` object); blank text is absent."""
    if isinstance(value, dict) and "@value" in value:
        value = value["@value"]
    if not isinstance(value, str):
        raise InvalidInput.at(path, f"expected text, got {_kind(value)}")
    return value.strip() or None


def _amount(value: object, path: str) -> Decimal:
    """Read a figure that must be a number, or text holding only a number."""
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        out = Decimal(value.strip())
    elif isinstance(value, int) and not isinstance(value, bool):
        out = Decimal(value)
    elif isinstance(value, float) and math.isfinite(value):
        out = Decimal(repr(value))
    else:
        shown = repr(value) if isinstance(value, str | float) else _kind(value)
        raise InvalidInput.at(path, f"expected a number, got {shown}")
    if out < 0:
        raise InvalidInput.at(path, f"must not be negative, got {value!r}")
    return out


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


# -- the document ----------------------------------------------------------------


class _Document:
    """The nodes of a JSON-LD document, and the one posting among them."""

    def __init__(self, data: Any) -> None:
        self.nodes: list[tuple[str, dict[str, Any]]] = list(self._collect(data, "$", top=True))
        self.ids: dict[str, dict[str, Any]] = {}
        for _path, node in self.nodes:
            if isinstance(node.get("@id"), str):
                self.ids[node["@id"]] = node
        self.single = isinstance(data, dict) and "@graph" not in data

    def _collect(
        self, data: Any, path: str, *, top: bool = False
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        if isinstance(data, list) and top:
            for i, item in enumerate(data):
                yield from self._collect(item, f"{path}[{i}]")
            return
        if not isinstance(data, dict):
            what = "a JSON-LD object or array" if top else "a JSON-LD object"
            raise InvalidInput.at(path, f"expected {what}, got {_kind(data)}")
        if "@graph" not in data:
            yield path, data
            return
        if "@type" in data:
            yield path, data
        graph = data["@graph"]
        graph_path = _at(path, "@graph")
        if isinstance(graph, dict):
            yield from self._collect(graph, graph_path)
        elif isinstance(graph, list):
            for i, item in enumerate(graph):
                yield from self._collect(item, f"{graph_path}[{i}]")
        else:
            raise InvalidInput.at(graph_path, f"expected an array of nodes, got {_kind(graph)}")

    def posting(self) -> tuple[str, dict[str, Any]]:
        """Return the path and node of the one ``JobPosting``."""
        found = [(p, n) for p, n in self.nodes if _is_posting(n, p)]
        if len(found) == 1:
            return found[0]
        if not found and self.single:
            path, node = self.nodes[0]
            got = ", ".join(_types(node, path)) or "no @type"
            raise InvalidInput.at(_at(path, "@type"), f"expected a JobPosting, got {got}")
        if not found:
            raise InvalidInput.at(
                "$", f"no JobPosting among the document's {len(self.nodes)} nodes"
            )
        where = ", ".join(p for p, _ in found)
        raise InvalidInput.at(
            "$", f"expected exactly one JobPosting, found {len(found)} (at {where})"
        )

    def object(self, value: object, path: str) -> dict[str, Any]:
        """Return ``value`` as an object, following an ``@id`` reference."""
        if isinstance(value, dict) and list(value) == ["@id"]:
            ref = value["@id"]
            if not isinstance(ref, str) or ref not in self.ids:
                raise InvalidInput.at(
                    _at(path, "@id"), f"{ref!r} names no node of the document's @graph"
                )
            return self.ids[ref]
        if not isinstance(value, dict) or _is_text(value):
            raise InvalidInput.at(path, f"expected an object, got {_kind(value)}")
        return value


# -- the properties --------------------------------------------------------------


class _Reader:
    """Read one posting node; :attr:`paths` records where each field came from."""

    def __init__(self, document: _Document, node: dict[str, Any], path: str) -> None:
        self.doc = document
        self.node = node
        self.path = path
        self.paths: dict[str, str] = {}

    def fields(self) -> dict[str, Any]:
        """Return every field of the posting that the node states."""
        return {
            "title": self.title(),
            "company": self.company(),
            **self.experience(),
            "industry": self.industry(),
            "locations": self.locations(),
            "arrangement": self.arrangement(),
            "salary": self.salary(),
            "contact": self.contact(),
            "date_posted": self.date_posted(),
            "valid_through": self.valid_through(),
            "url": self.text(self.node, self.path, "url", field="url"),
        }

    def text(
        self, node: dict[str, Any], path: str, key: str, *, field: str | None = None
    ) -> str | None:
        """Read the text under ``key`` of ``node``; ``None`` when absent or blank."""
        at = _at(path, key)
        if field is not None:
            self.paths[field] = at
        return None if node.get(key) is None else _text(node[key], at)

    def title(self) -> str:
        for key in ("title", "name"):
            if (text := self.text(self.node, self.path, key, field="title")) is not None:
                return text
        raise InvalidInput.at(_at(self.path, "title"), "missing: a posting needs a title or a name")

    def company(self) -> str | None:
        path = self.paths["company"] = _at(self.path, "hiringOrganization")
        value = self.node.get("hiringOrganization")
        if value is None or _is_text(value):
            return self.text(self.node, self.path, "hiringOrganization")
        org = self.doc.object(value, path)
        for key in ("name", "legalName"):
            if (name := self.text(org, path, key, field="company")) is not None:
                return name
        given, family = (self.text(org, path, key) for key in ("givenName", "familyName"))
        return " ".join(p for p in (given, family) if p) or None

    def experience(self) -> dict[str, Any]:
        path = self.paths["required_years"] = _at(self.path, "experienceRequirements")
        value = self.node.get("experienceRequirements")
        years: float | None = None
        if value is not None and _is_text(value):
            text = _text(value, path)
            years = None if text is None else years_from_text(text)
            return {"required_years": years, "required_years_from_text": years is not None}
        if value is not None:
            requirement = self.doc.object(value, path)
            if requirement.get("monthsOfExperience") is not None:
                path = self.paths["required_years"] = _at(path, "monthsOfExperience")
                years = float(_amount(requirement["monthsOfExperience"], path)) / 12
        return {"required_years": years, "required_years_from_text": False}

    def industry(self) -> str | None:
        path = self.paths["industry"] = _at(self.path, "industry")
        value = self.node.get("industry")
        if value is None or _is_text(value):
            return self.text(self.node, self.path, "industry")
        term = self.doc.object(value, path)
        if (name := self.text(term, path, "name", field="industry")) is None:
            raise InvalidInput.at(_at(path, "name"), "missing: an industry term needs a name")
        return name

    def locations(self) -> tuple[Location, ...]:
        path = _at(self.path, "jobLocation")
        value = self.node.get("jobLocation")
        if value is None:
            return ()
        if isinstance(value, list):
            return tuple(self.place(v, f"{path}[{i}]") for i, v in enumerate(value))
        return (self.place(value, path),)

    def place(self, value: object, path: str) -> Location:
        place = self.doc.object(value, path)
        path = _at(path, "address")
        raw = place.get("address")
        if raw is None:
            raise InvalidInput.at(path, "missing: a job location needs a PostalAddress")
        if _is_text(raw):
            raise InvalidInput.at(
                path,
                "a text address cannot be split into city, region and country without "
                "guessing; give a PostalAddress",
            )
        address = self.doc.object(raw, path)
        paths = {
            "city": _at(path, "addressLocality"),
            "region": _at(path, "addressRegion"),
            "country": _at(path, "addressCountry"),
        }
        parts = {
            "city": self.text(address, path, "addressLocality"),
            "region": self.text(address, path, "addressRegion"),
        }
        country = address.get("addressCountry")
        if isinstance(country, dict) and not _is_text(country):
            country_path = paths["country"]
            parts["country"] = self.text(
                self.doc.object(country, country_path), country_path, "name"
            )
            paths["country"] = _at(country_path, "name")
            if parts["country"] is None:
                raise InvalidInput.at(paths["country"], "missing: a Country needs a name")
        else:
            parts["country"] = self.text(address, path, "addressCountry")
        if not any(parts.values()):
            raise InvalidInput.at(
                path, "a PostalAddress needs addressLocality, addressRegion or addressCountry"
            )
        try:
            return Location(**parts)
        except (FieldValueError, FieldTypeError) as e:
            raise InvalidInput.at(paths[e.field], _message(e)) from None

    def arrangement(self) -> WorkArrangement | None:
        text = self.text(self.node, self.path, "jobLocationType")
        if text is None:
            return None
        if text.upper() == "TELECOMMUTE":
            return WorkArrangement.REMOTE
        raise InvalidInput.at(
            _at(self.path, "jobLocationType"),
            f"unknown value {text!r}; schema.org defines only 'TELECOMMUTE'",
        )

    def salary(self) -> PayRange | None:
        path = _at(self.path, "baseSalary")
        value = self.node.get("baseSalary")
        if value is None:
            return None
        currency_path = _at(self.path, "salaryCurrency")
        currency = self.text(self.node, self.path, "salaryCurrency")
        if _is_text(value) or not isinstance(value, dict):
            figure: _Figure = (_amount(value, path), path)
            low, high, period = figure, figure, PayPeriod.YEAR
        else:
            amount = self.doc.object(value, path)
            own = self.text(amount, path, "currency")
            if own is not None and currency is not None and own != currency:
                raise InvalidInput.at(
                    _at(path, "currency"), f"{own!r} disagrees with salaryCurrency {currency!r}"
                )
            if own is not None or currency is None:
                currency, currency_path = own, _at(path, "currency")
            inner = amount.get("value")
            if isinstance(inner, dict) and not _is_text(inner):
                if amount.get("minValue") is not None or amount.get("maxValue") is not None:
                    raise InvalidInput.at(
                        path, "give a QuantitativeValue or minValue/maxValue, not both"
                    )
                inner_path = _at(path, "value")
                low, high, period = _quantity(self.doc.object(inner, inner_path), inner_path)
            else:
                low, high, period = _quantity(amount, path)
        if currency is None:
            raise InvalidInput.at(
                currency_path, "missing: a salary needs a currency, and none is guessed"
            )
        paths = {"currency": currency_path, "minimum": low[1], "maximum": high[1]}
        try:
            return PayRange(currency=currency, period=period, minimum=low[0], maximum=high[0])
        except (FieldValueError, FieldTypeError) as e:
            raise InvalidInput.at(paths[e.field], _message(e)) from None

    def contact(self) -> Contact | None:
        path = _at(self.path, "applicationContact")
        value = self.node.get("applicationContact")
        if value is None:
            return None
        point = self.doc.object(value, path)
        name = self.text(point, path, "name")
        email = self.text(point, path, "email")
        if email is not None and email.casefold().startswith("mailto:"):
            email = email[len("mailto:") :].strip() or None
        if name is None and email is None:
            return None
        try:
            return Contact(name=name, email=email)
        except (FieldValueError, FieldTypeError) as e:
            raise InvalidInput.at(_at(path, e.field), _message(e)) from None

    def date_posted(self) -> dt.date | None:
        text = self.text(self.node, self.path, "datePosted", field="date_posted")
        if text is None:
            return None
        when = _when(text, self.paths["date_posted"])
        return when.date() if isinstance(when, dt.datetime) else when

    def valid_through(self) -> dt.datetime | None:
        text = self.text(self.node, self.path, "validThrough", field="valid_through")
        if text is None:
            return None
        when = _when(text, self.paths["valid_through"])
        if not isinstance(when, dt.datetime):
            return dt.datetime.combine(when, dt.time.max, tzinfo=dt.UTC)
        return when if when.utcoffset() is not None else when.replace(tzinfo=dt.UTC)


_Figure = tuple[Decimal | None, str]


def _quantity(node: dict[str, Any], path: str) -> tuple[_Figure, _Figure, PayPeriod]:
    """Read ``value`` or ``minValue``/``maxValue``, each with its path, and the period."""
    figures: dict[str, _Figure] = {}
    for key in ("value", "minValue", "maxValue"):
        at = _at(path, key)
        figures[key] = (None if node.get(key) is None else _amount(node[key], at), at)
    if figures["value"][0] is not None:
        if figures["minValue"][0] is not None or figures["maxValue"][0] is not None:
            raise InvalidInput.at(path, "give value or minValue/maxValue, not both")
        return figures["value"], figures["value"], _period(node, path)
    if figures["minValue"][0] is None and figures["maxValue"][0] is None:
        raise InvalidInput.at(
            _at(path, "value"), "missing: a salary needs value, minValue or maxValue"
        )
    return figures["minValue"], figures["maxValue"], _period(node, path)


def _period(node: dict[str, Any], path: str) -> PayPeriod:
    """Read the pay period from ``unitText`` and ``unitCode``; a year when neither is given."""
    periods: set[PayPeriod] = set()
    unit_text = (
        None if node.get("unitText") is None else _text(node["unitText"], _at(path, "unitText"))
    )
    if unit_text is not None:
        try:
            periods.add(PayPeriod(unit_text.casefold()))
        except ValueError:
            names = ", ".join(p.name for p in PayPeriod)
            raise InvalidInput.at(
                _at(path, "unitText"), f"unknown pay period {unit_text!r}; expected {names}"
            ) from None
    code = None if node.get("unitCode") is None else _text(node["unitCode"], _at(path, "unitCode"))
    if code is not None:
        if code.upper() not in _UNIT_CODES:
            codes = ", ".join(_UNIT_CODES)
            raise InvalidInput.at(
                _at(path, "unitCode"), f"unknown pay period code {code!r}; expected {codes}"
            )
        periods.add(_UNIT_CODES[code.upper()])
    if len(periods) > 1:
        raise InvalidInput.at(path, "unitText and unitCode name different pay periods")
    return periods.pop() if periods else PayPeriod.YEAR


def _when(text: str, path: str) -> dt.date | dt.datetime:
    """Read an ISO 8601 date or datetime."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput.at(
            path, f"expected an ISO 8601 date or datetime, got {text!r}"
        ) from None


# -- the entry point -------------------------------------------------------------


def posting_from_schema_org(data: Any) -> dict[str, Any]:
    """Return the keyword arguments of a posting read from schema.org JSON-LD.

    Args:
        data: Parsed JSON-LD: one ``JobPosting`` object, a document with
            ``@graph``, or an array of nodes; exactly one node must be a
            ``JobPosting``.

    Returns:
        The fields of :class:`~interviewdecide.JobPosting`, with ``source`` set to
        the canonical JSON text of ``data``.

    Raises:
        InvalidInput: When ``data`` holds no posting or several, or a property
            cannot be read, or any text in it (a key included) holds a lone
            surrogate; the message names the property path.
    """
    try:
        source = json.dumps(data, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError) as e:
        raise InvalidInput.at("$", f"not a JSON value: {e}") from None
    if problems := json_problems(data):
        raise InvalidInput(problems)
    document = _Document(data)
    path, node = document.posting()
    reader = _Reader(document, node, path)
    fields = reader.fields()
    fields["source"] = source
    try:
        JobPosting(**fields)
    except (FieldValueError, FieldTypeError) as e:
        raise InvalidInput.at(reader.paths.get(e.field, path), _message(e)) from None
    return fields
