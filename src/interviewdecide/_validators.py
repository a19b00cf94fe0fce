"""The validators and converters that the public types share.

Each validator is an attrs validator (``(instance, attribute, value)``) that fails
with :class:`~interviewdecide.FieldTypeError` or
:class:`~interviewdecide.FieldValueError` naming the field, never with a bare
:class:`TypeError` from attrs or from iterating a value that is not a collection.

Converters cannot name the field (attrs passes them the value alone), so the
collection and amount converters here convert what they can and hand anything
else on unchanged: the field's validator then refuses it by name. Each class
module wraps them in small named functions (``Iterable[Offer] -> tuple[Offer,
...]``), which is what lets mypy type ``__init__``.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ._errors import LINE_BREAKS, FieldTypeError, FieldValueError

if TYPE_CHECKING:
    # Imported where addresses are parsed: the models import this module, and
    # deciding need not load the e-mail package.
    from email.headerregistry import Address

    import attrs

__all__ = [
    "ENCODED_WORD",
    "LINE_BREAKS",
    "MAX_ADDRESS_LENGTH",
    "MAX_AMOUNT",
    "NOT_IN_A_LINE",
    "NOT_IN_HEADERS",
    "InstanceOf",
    "TupleOf",
    "amount",
    "as_amount",
    "as_frozenset",
    "as_optional_amount",
    "as_tuple",
    "ascii_domain",
    "check_address",
    "check_header_text",
    "check_unicode",
    "email_address",
    "finite_non_negative",
    "frozenset_of",
    "instance_of",
    "non_blank",
    "non_negative_int",
    "optional_amount",
    "parse_address",
    "single_line",
    "tuple_of",
]

T = TypeVar("T")

#: What a single-line field refuses: a line break, or NUL.
NOT_IN_A_LINE = LINE_BREAKS | {"\x00"}


def _kind(value: object) -> str:
    return type(value).__name__


# -- types -------------------------------------------------------------------------


class InstanceOf:
    """Check that a value is one of ``types`` (or ``None`` when ``optional``).

    The validators are plain classes, not attrs classes: the library builds dozens
    at import time, and a plain class costs nothing to define.
    """

    __slots__ = ("optional", "types")

    def __init__(self, types: tuple[type, ...], optional: bool) -> None:
        self.types = types
        self.optional = optional

    def __repr__(self) -> str:
        return f"instance_of({', '.join(t.__name__ for t in self.types)}, optional={self.optional})"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, self.types) or (value is None and self.optional):
            return
        names = " or ".join(t.__name__ for t in self.types)
        if self.optional:
            names += " or None"
        raise FieldTypeError(attribute.name, f"must be a {names}, not {_kind(value)}")


def instance_of(*types: type, optional: bool = False) -> InstanceOf:
    """Return a validator that the value is one of ``types`` (``None`` too if ``optional``)."""
    return InstanceOf(types, optional)


class TupleOf:
    """Check that a value is a tuple (or a frozenset) whose every item is a ``kind``."""

    __slots__ = ("container", "kind")

    def __init__(self, kind: type, container: type) -> None:
        self.kind = kind
        self.container = container

    def __repr__(self) -> str:
        return f"{self.container.__name__}_of({self.kind.__name__})"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, self.container):
            raise FieldTypeError(
                attribute.name,
                f"must be a collection of {self.kind.__name__} (a list, tuple or set), "
                f"not {_kind(value)}",
            )
        kind = self.kind.__name__
        if self.container is tuple:
            for i, item in enumerate(cast("tuple[object, ...]", value)):
                if not isinstance(item, self.kind):
                    raise FieldTypeError(
                        f"{attribute.name}[{i}]", f"must be a {kind}, not {_kind(item)}"
                    )
            return
        # a frozenset has no order: name every bad item, sorted, the same under every seed
        items = cast("frozenset[object]", value)
        bad = sorted(repr(v) for v in items if not isinstance(v, self.kind))
        if bad:
            raise FieldTypeError(attribute.name, f"must hold {kind} members, got {', '.join(bad)}")


def tuple_of(kind: type) -> TupleOf:
    """Return a validator that the value is a tuple of ``kind`` items."""
    return TupleOf(kind, tuple)


def frozenset_of(kind: type) -> TupleOf:
    """Return a validator that the value is a frozenset of ``kind`` items."""
    return TupleOf(kind, frozenset)


def _collection(values: object) -> Iterable[Any] | None:
    """Return ``values`` as an iterable collection, or ``None`` when it is not one.

    Text, bytes and mappings are iterable but are not collections of items: a
    string would become its letters and a mapping its keys, silently.
    """
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
        return None
    return values


def as_tuple(values: Iterable[T]) -> tuple[T, ...]:
    """Convert a collection to a tuple; hand anything else on for the validator."""
    items = _collection(values)
    return cast("tuple[T, ...]", values) if items is None else tuple(items)


def as_frozenset(values: Iterable[T]) -> frozenset[T]:
    """Convert a collection to a frozenset; hand anything else on for the validator."""
    items = _collection(values)
    return cast("frozenset[T]", values) if items is None else frozenset(items)


# -- numbers -----------------------------------------------------------------------


def finite_non_negative(_inst: object, attribute: attrs.Attribute[Any], value: float) -> None:
    """Check a number (int or float, never bool) that is finite and not negative."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldTypeError(attribute.name, f"must be a number, not {_kind(value)}")
    if not math.isfinite(value) or value < 0:
        raise FieldValueError(attribute.name, f"must be a finite number >= 0, got {value!r}")


def non_negative_int(_inst: object, attribute: attrs.Attribute[Any], value: int) -> None:
    """Check an int (never bool) that is not negative."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldTypeError(attribute.name, f"must be an int, not {_kind(value)}")
    if value < 0:
        raise FieldValueError(attribute.name, f"must be >= 0, got {value}")


#: Amounts must stay below this (a quadrillion): far above any pay, and low enough
#: that scaling hourly pay to a year can neither overflow nor print a huge number.
MAX_AMOUNT = Decimal(10) ** 15


def as_amount(value: Decimal | int | str) -> Decimal:
    """Convert an int or decimal text to a :class:`~decimal.Decimal`.

    Anything else (a float, a bool, text that is not a number) is handed on
    unchanged, for :func:`amount` to refuse by the field's name.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            pass
    return cast("Decimal", value)


def as_optional_amount(value: Decimal | int | str | None) -> Decimal | None:
    """Convert like :func:`as_amount`, keeping ``None``."""
    return None if value is None else as_amount(value)


def amount(_inst: object, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    """Check an amount of money: a finite Decimal, at least 0 and below 10**15."""
    if not isinstance(value, Decimal):
        if isinstance(value, float):
            raise FieldTypeError(
                attribute.name,
                f"must be a Decimal, an int or decimal text such as '85000.00', not the "
                f"float {value!r}: a float cannot hold every amount of cents exactly",
            )
        if isinstance(value, str):
            raise FieldValueError(attribute.name, f"{value[:40]!r} is not a decimal number")
        raise FieldTypeError(
            attribute.name, f"must be a Decimal, an int or decimal text, not {_kind(value)}"
        )
    if not value.is_finite() or not 0 <= value < MAX_AMOUNT:
        raise FieldValueError(
            attribute.name, f"must be a finite amount >= 0 and below 10**15, got {value}"
        )


def optional_amount(inst: object, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
    """Check an amount of money, or ``None``."""
    if value is not None:
        amount(inst, attribute, value)


# -- text --------------------------------------------------------------------------


def non_blank(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Check text that holds more than white space (the value must be a str)."""
    if not value.strip():
        raise FieldValueError(attribute.name, "must not be empty")


def single_line(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Check text (or ``None``) without line breaks or NUL (the value must be a str)."""
    if value is not None and not NOT_IN_A_LINE.isdisjoint(value):
        raise FieldValueError(attribute.name, "must be a single line (no line breaks)")


# -- e-mail headers and addresses ------------------------------------------------------

# Line and paragraph separators and control characters (tab, vertical tab, form
# feed, NEL, ...) have no place in a header; nor has a lone surrogate ("Cs"), which
# no UTF-8 output can hold.
NOT_IN_HEADERS = frozenset({"Cc", "Cs", "Zl", "Zp"})

#: RFC 2047 encoded-word syntax. A reader decodes ``=?utf-8?q?a=0D=0Ab?=`` to a
#: line break, and the standard library of Python 3.11 and 3.12 releases before the
#: fix for CVE-2024-6923 writes that break back out raw, as a header of its own.
ENCODED_WORD = re.compile(r"=\?.*\?=", re.DOTALL)

#: The longest address that SMTP carries (RFC 5321's limit on a path, less "<>").
MAX_ADDRESS_LENGTH = 254


def check_unicode(field: str, value: str) -> None:
    """Refuse text holding a lone surrogate, which no UTF-8 output can hold."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            raise FieldValueError(
                field, f"must be valid Unicode, found a lone surrogate {value[e.start]!r}"
            ) from None


def check_header_text(field: str, value: object) -> str:
    """Return ``value`` when it can go in an e-mail header as it is; refuse it otherwise."""
    if not isinstance(value, str):
        raise FieldTypeError(field, f"must be a str, not {_kind(value)}")
    check_unicode(field, value)
    for c in value:
        if unicodedata.category(c) in NOT_IN_HEADERS:
            raise FieldValueError(
                field, f"must be a single line without control characters, found {c!r}"
            )
    if ENCODED_WORD.search(value):
        raise FieldValueError(
            field,
            "must not hold RFC 2047 encoded-word syntax ('=?...?='): a mail reader "
            "would decode it, possibly into a line break",
        )
    return value


def check_address(field: str, value: object) -> Address:
    """Parse one e-mail address (``name@domain``), or refuse it naming ``field``."""
    text = check_header_text(field, value)
    address = parse_address(text)
    if isinstance(address, str):
        raise FieldValueError(field, address)
    return address


@functools.lru_cache(maxsize=1024)
def parse_address(text: str) -> Address | str:
    """Parse one address, or say what is wrong with it.

    The answer depends only on the text, so it is cached (bounded): a triage that
    drafts many declines to the same recruiter parses the address once.
    """
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    try:
        address = Address(addr_spec=text)
    except (ValueError, HeaderParseError, IndexError) as e:
        return f"{text!r} is not one e-mail address: {e}"
    if len(address.addr_spec) > MAX_ADDRESS_LENGTH:
        return f"must be at most {MAX_ADDRESS_LENGTH} characters long, got {len(address.addr_spec)}"
    try:
        ascii_domain(address.domain)
    except UnicodeError as e:
        return f"{text!r} has a domain that cannot be written in ASCII (IDNA): {e}"
    return address


def ascii_domain(domain: str) -> str:
    """Write an internationalized domain in its ASCII (IDNA) form."""
    return domain if domain.isascii() else domain.encode("idna").decode("ascii")


def email_address(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Check one e-mail address such as ``sam@acme.example`` (or ``None``)."""
    if value is not None:
        check_address(attribute.name, value)
