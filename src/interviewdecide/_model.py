"""The immutable facts that rules read: candidates, postings, offers, invitations.

Validators here state invariants only (a year count is finite and not negative, a
range's minimum is not above its maximum). Turning untrusted documents into these
types is the job of :mod:`interviewdecide.serialization` and of the named
constructors, which live in their own modules.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeAlias, final

import attrs

from ._errors import FieldTypeError, FieldValueError, at_key
from ._validators import (
    MAX_AMOUNT,
    amount,
    as_amount,
    as_frozenset,
    as_optional_amount,
    as_tuple,
    email_address,
    finite_non_negative,
    frozenset_of,
    instance_of,
    non_blank,
    optional_amount,
    single_line,
    tuple_of,
)

# -- closed vocabularies ---------------------------------------------------------


class OfferStatus(StrEnum):
    """Where an offer stands now.

    Only :attr:`ACCEPTED` makes the ``accepted-offer`` advice act; an offer that was
    rescinded or has expired no longer binds the candidate.

    .. versionadded:: 0.1.0
    """

    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    RESCINDED = "rescinded"
    EXPIRED = "expired"


class ConcernKind(StrEnum):
    """What the candidate worries about in a role.

    .. versionadded:: 0.1.0
    """

    OVERQUALIFIED = "overqualified"
    UNSUITABLE = "unsuitable"


class Basis(StrEnum):
    """What a concern rests on.

    Only :attr:`JOB_DESCRIPTION` is evidence enough to decline; the others are
    hearsay and lead to a note that points the candidate to the job description.

    .. versionadded:: 0.1.0
    """

    JOB_DESCRIPTION = "job_description"
    FRIENDS_ADVICE = "friends_advice"
    HEARSAY = "hearsay"
    OWN_IMPRESSION = "own_impression"


class WorkArrangement(StrEnum):
    """Where the work happens.

    .. versionadded:: 0.1.0
    """

    ONSITE = "onsite"
    HYBRID = "hybrid"
    REMOTE = "remote"


class PayPeriod(StrEnum):
    """The period a pay figure is quoted for.

    .. versionadded:: 0.1.0
    """

    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"

    @property
    def per_year(self) -> int:
        """How many of this period make a working year (2080 hours, 260 days)."""
        return _PERIODS_PER_YEAR[self]


_PERIODS_PER_YEAR = {
    PayPeriod.HOUR: 2080,
    PayPeriod.DAY: 260,
    PayPeriod.WEEK: 52,
    PayPeriod.MONTH: 12,
    PayPeriod.YEAR: 1,
}


class Conflict(StrEnum):
    """How findings that disagree are combined into one verdict.

    .. versionadded:: 0.1.0
    """

    #: Any decline in the trace wins over any attend (the advice's own ordering).
    DECLINE_WINS = "decline_wins"
    #: The first decisive finding in pipeline order wins, so a "yes" on ``fit``
    #: outranks a ``suitability`` decline that comes after it.
    FIRST_DECISIVE = "first_decisive"


# -- converters and validators ---------------------------------------------------
#
# The shared ones live in ._validators; each converter below is a named function
# only so that mypy can type ``__init__`` (it types no converter factory).


def _strs(values: Iterable[str]) -> frozenset[str]:
    return as_frozenset(values)


def _arrangements(values: Iterable[WorkArrangement]) -> frozenset[WorkArrangement]:
    return as_frozenset(values)


def _locations(values: Iterable[Location]) -> tuple[Location, ...]:
    return as_tuple(values)


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(values)


def _offers(values: Iterable[Offer]) -> tuple[Offer, ...]:
    return as_tuple(values)


def _concerns(values: Iterable[Concern]) -> tuple[Concern, ...]:
    return as_tuple(values)


def _optional_finite_non_negative(
    inst: object, attribute: attrs.Attribute[Any], value: float | None
) -> None:
    if value is not None:
        finite_non_negative(inst, attribute, value)


def _optional_positive(_inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldTypeError(attribute.name, f"must be a number, not {type(value).__name__}")
    if not (math.isfinite(value) and value > 0):
        raise FieldValueError(attribute.name, f"must be a finite number > 0, got {value!r}")


def _aware(_inst: object, attribute: attrs.Attribute[Any], value: dt.datetime | None) -> None:
    if value is not None and value.utcoffset() is None:
        raise FieldValueError(
            attribute.name, f"must be timezone-aware, got naive {value.isoformat()}"
        )


def _currency(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not (len(value) == 3 and value.isascii() and value.isalpha() and value.isupper()):
        raise FieldValueError(
            attribute.name,
            f"must be a three-letter ISO 4217 code such as 'EUR', got {value!r}",
        )


_str = instance_of(str)
_opt_line = attrs.validators.and_(instance_of(str, optional=True), single_line)
_line = attrs.validators.and_(_str, non_blank, single_line)
_opt_bool = instance_of(bool, optional=True)
_code = attrs.validators.and_(_str, _currency)
_aware_time = attrs.validators.and_(instance_of(dt.datetime, optional=True), _aware)


# -- money -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Money:
    """An amount in one currency, exact (a :class:`~decimal.Decimal`).

    Attributes:
        amount: The amount, finite and not negative.
        currency: A three-letter ISO 4217 code in capitals, such as ``"EUR"``.

    .. versionadded:: 0.1.0
    """

    amount: Decimal = attrs.field(converter=as_amount, validator=amount)
    currency: str = attrs.field(validator=_code)


@attrs.frozen(kw_only=True)
class PayRange:
    """What a posting pays: a minimum, a maximum or both, per period.

    Attributes:
        currency: A three-letter ISO 4217 code.
        period: The period the figures are quoted for.
        minimum: The lowest pay offered, if stated.
        maximum: The highest pay offered, if stated.

    .. versionadded:: 0.1.0
    """

    currency: str = attrs.field(validator=_code)
    period: PayPeriod = attrs.field(default=PayPeriod.YEAR, validator=instance_of(PayPeriod))
    minimum: Decimal | None = attrs.field(
        default=None, converter=as_optional_amount, validator=optional_amount
    )
    maximum: Decimal | None = attrs.field(
        default=None, converter=as_optional_amount, validator=optional_amount
    )

    def __attrs_post_init__(self) -> None:
        if self.minimum is None and self.maximum is None:
            raise FieldValueError("minimum", "a pay range needs a minimum, a maximum or both")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise FieldValueError("minimum", f"{self.minimum} is above maximum {self.maximum}")

    def best_per_year(self) -> Money | None:
        """Return the highest figure of the range, scaled to a working year.

        Returns:
            The yearly figure, or ``None`` when scaling takes it past the bound on
            amounts (10**15): such a figure cannot be compared with anything real.
        """
        top = self.maximum if self.maximum is not None else self.minimum
        assert top is not None  # guaranteed by __attrs_post_init__  # noqa: S101
        yearly = top * self.period.per_year
        if yearly >= MAX_AMOUNT:
            return None
        return Money(amount=yearly, currency=self.currency)


# -- places and people -----------------------------------------------------------


@attrs.frozen(kw_only=True)
class Location:
    """A place, as precise as the source states it.

    Two locations match when they state a part in common and every part that both
    state agrees (see :meth:`matches`).

    Attributes:
        city: The city or locality.
        region: The state, province or region.
        country: The country, as a name or code.

    .. versionadded:: 0.1.0
    """

    city: str | None = attrs.field(default=None, validator=_opt_line)
    region: str | None = attrs.field(default=None, validator=_opt_line)
    country: str | None = attrs.field(default=None, validator=_opt_line)

    def __attrs_post_init__(self) -> None:
        if self.city is None and self.region is None and self.country is None:
            raise FieldValueError("city", "a location needs at least a city, a region or a country")

    def matches(self, other: Location) -> bool:
        """Return whether the two share a stated part and every shared part agrees.

        Case, accents and punctuation do not count, and a country may be written as
        its ISO 3166 alpha-2 or alpha-3 code, its name or a common alias: ``"DE"``
        is ``"Germany"``, ``"UK"`` is ``"GB"``.
        """
        from ._match import Comparison, compare_places

        return compare_places((self,), (other,)) is Comparison.MATCH

    def __str__(self) -> str:
        return ", ".join(p for p in (self.city, self.region, self.country) if p)


@attrs.frozen(kw_only=True)
class Contact:
    """Who to write to about a posting.

    Attributes:
        name: The person's name, if known.
        email: Their e-mail address, if known.

    .. versionadded:: 0.1.0
    """

    name: str | None = attrs.field(default=None, validator=_opt_line)
    email: str | None = attrs.field(default=None, validator=email_address)


# -- the candidate ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Aspirations:
    """What the candidate wants now; every part is optional.

    Attributes:
        roles: Role names the candidate aims for. A role matches a posting's
            title when every word of the role appears in the title, ignoring case
            (``"data engineer"`` matches ``"Senior Data Engineer"``).
        industries: Industries the candidate wants to work in.
        companies: Employers the candidate would like to work for.
        avoid_companies: Employers the candidate does not want to work for.
        locations: Places the candidate can work in.
        arrangements: Acceptable work arrangements (on site, hybrid, remote).
        min_salary: The lowest yearly pay the candidate would take.

    .. versionadded:: 0.1.0
    """

    roles: frozenset[str] = attrs.field(factory=frozenset, converter=_strs)
    industries: frozenset[str] = attrs.field(factory=frozenset, converter=_strs)
    companies: frozenset[str] = attrs.field(factory=frozenset, converter=_strs)
    avoid_companies: frozenset[str] = attrs.field(factory=frozenset, converter=_strs)
    locations: tuple[Location, ...] = attrs.field(
        default=(), converter=_locations, validator=tuple_of(Location)
    )
    arrangements: frozenset[WorkArrangement] = attrs.field(
        factory=frozenset, converter=_arrangements, validator=frozenset_of(WorkArrangement)
    )
    min_salary: Money | None = attrs.field(
        default=None, validator=instance_of(Money, optional=True)
    )

    @roles.validator
    @industries.validator
    @companies.validator
    @avoid_companies.validator
    def _check_words(self, attribute: attrs.Attribute[Any], value: frozenset[str]) -> None:
        if not isinstance(value, frozenset):
            raise FieldTypeError(
                attribute.name,
                f"must be a collection of strings (a list, tuple or set), "
                f"not {type(value).__name__}",
            )
        # A frozenset has no order: report every bad item, sorted, so that the
        # message is the same under every hash seed.
        bad = sorted(repr(i) for i in value if not isinstance(i, str) or not i.strip())
        if bad:
            raise FieldValueError(
                attribute.name, f"must hold non-empty strings, got {', '.join(bad)}"
            )


@attrs.frozen(kw_only=True)
class Offer:
    """A job offer the candidate holds or held.

    Attributes:
        company: The employer that made the offer.
        status: Where the offer stands now.
        role: The role offered, if recorded.
        salary: The yearly pay offered, if known (the offer's "terms").
        received_at: When the offer arrived (timezone-aware).
        deadline: When the offer must be answered; after ``received_at``.

    .. versionadded:: 0.1.0
    """

    company: str = attrs.field(validator=_line)
    status: OfferStatus = attrs.field(
        default=OfferStatus.PENDING, validator=instance_of(OfferStatus)
    )
    role: str | None = attrs.field(default=None, validator=_opt_line)
    salary: Money | None = attrs.field(default=None, validator=instance_of(Money, optional=True))
    received_at: dt.datetime | None = attrs.field(default=None, validator=_aware_time)
    deadline: dt.datetime | None = attrs.field(default=None, validator=_aware_time)

    def __attrs_post_init__(self) -> None:
        if (
            self.received_at is not None
            and self.deadline is not None
            and self.deadline <= self.received_at
        ):
            raise FieldValueError(
                "deadline",
                f"{self.deadline.isoformat()} is not after received_at "
                f"{self.received_at.isoformat()}",
            )

    @property
    def is_live(self) -> bool:
        """Whether the offer still stands (pending or accepted)."""
        return self.status in {OfferStatus.PENDING, OfferStatus.ACCEPTED}


@attrs.frozen(kw_only=True)
class Candidate:
    """The person deciding.

    Attributes:
        name: The candidate's name, used to sign e-mails.
        years_experience: Years of relevant experience, finite and not negative.
        aspirations: What the candidate wants now.
        offers: Offers the candidate holds or held.
        email: The candidate's e-mail address, if known.
        applied_widely: The candidate's own word on whether they sent applications
            widely rather than to chosen roles; ``None`` when not said.
            :func:`~interviewdecide.triage` uses it in its ``targeting`` note.

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=_line)
    years_experience: float = attrs.field(validator=finite_non_negative)
    aspirations: Aspirations = attrs.field(factory=Aspirations, validator=instance_of(Aspirations))
    offers: tuple[Offer, ...] = attrs.field(
        default=(), converter=_offers, validator=tuple_of(Offer)
    )
    email: str | None = attrs.field(default=None, validator=email_address)
    applied_widely: bool | None = attrs.field(default=None, validator=_opt_bool)

    @property
    def accepted_offers(self) -> tuple[Offer, ...]:
        """The offers the candidate has accepted and that still stand."""
        return tuple(o for o in self.offers if o.status is OfferStatus.ACCEPTED)

    @classmethod
    def from_json_resume(
        cls, data: Mapping[str, Any], *, as_of: dt.date | None = None
    ) -> Candidate:
        """Build a candidate from a JSON Resume document.

        Args:
            data: The parsed JSON Resume document.
            as_of: The date an open-ended job counts up to; today by default.

        Returns:
            The candidate, with years of experience from ``work``.

        Raises:
            InvalidInput: When the document cannot be read; the message names the
                offending path.

        .. versionadded:: 0.1.0
        """
        from ._readers.json_resume import read_json_resume

        return read_json_resume(data, as_of=as_of)


# -- the posting and the invitation ----------------------------------------------


@attrs.frozen(kw_only=True)
class JobPosting:
    """A job as its posting describes it.

    Attributes:
        title: The job title.
        company: The employer's name; ``None`` when the posting does not name it.
        required_years: The experience the job description asks for, in years;
            ``None`` when it states none.
        required_years_from_text: Whether ``required_years`` was read from free
            text rather than a structured field.
        industry: The employer's industry, if stated.
        locations: Where the job is.
        arrangement: On site, hybrid or remote, if stated.
        salary: What the job pays, if stated.
        contact: Who to write to about the job, if stated.
        date_posted: When the posting was published.
        valid_through: When the posting closes (timezone-aware).
        url: Where the posting lives.
        applicant_locations: Where applicants must be, for a remote job limited
            to some countries or regions (``applicantLocationRequirements``);
            empty when anyone may apply.
        employment_type: Full time, part time, contract..., as the posting
            states it (``employmentType``, such as ``"FULL_TIME"``).
        source: The source document the posting was read from, as canonical JSON
            text, kept for reference; rules never read it.

    .. versionadded:: 0.1.0
    """

    title: str = attrs.field(validator=_line)
    company: str | None = attrs.field(default=None, validator=_opt_line)
    required_years: float | None = attrs.field(
        default=None, validator=_optional_finite_non_negative
    )
    required_years_from_text: bool = attrs.field(default=False, validator=instance_of(bool))
    industry: str | None = attrs.field(default=None, validator=_opt_line)
    locations: tuple[Location, ...] = attrs.field(
        default=(), converter=_locations, validator=tuple_of(Location)
    )
    arrangement: WorkArrangement | None = attrs.field(
        default=None, validator=instance_of(WorkArrangement, optional=True)
    )
    salary: PayRange | None = attrs.field(
        default=None, validator=instance_of(PayRange, optional=True)
    )
    contact: Contact | None = attrs.field(
        default=None, validator=instance_of(Contact, optional=True)
    )
    date_posted: dt.date | None = attrs.field(
        default=None, validator=instance_of(dt.date, optional=True)
    )
    valid_through: dt.datetime | None = attrs.field(default=None, validator=_aware_time)
    url: str | None = attrs.field(default=None, validator=_opt_line)
    applicant_locations: tuple[Location, ...] = attrs.field(
        default=(), converter=_locations, validator=tuple_of(Location)
    )
    employment_type: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=tuple_of(str)
    )
    source: str | None = attrs.field(
        default=None, validator=instance_of(str, optional=True), repr=False
    )

    @property
    def label(self) -> str:
        """The posting in words for people, such as ``"Data Engineer at Acme"``."""
        if self.company is None:
            return f"{self.title} (employer not named)"
        return f"{self.title} at {self.company}"

    @classmethod
    def from_schema_org(cls, data: Any, *, strict: bool = False) -> JobPosting:
        """Build a posting from a schema.org ``JobPosting`` JSON-LD document.

        By default a property that cannot be read is left out; use
        :func:`~interviewdecide.read_schema_org` to learn which were.

        Args:
            data: The parsed JSON-LD: one posting, a document with ``@graph``, a
                page with the posting as ``mainEntity``, an ``ItemList``, or a list
                holding exactly one posting.
            strict: Refuse any property that cannot be read, instead of leaving
                it out.

        Returns:
            The posting; the source document is kept in :attr:`source`.

        Raises:
            InvalidInput: When the document holds no posting or no title, or (when
                ``strict``) a property cannot be read; the message names the
                JSON-LD property.

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.2.0 Lenient by default; ``strict``.
        """
        from ._readers.schema_org import read_schema_org

        return read_schema_org(data, strict=strict).posting

    @classmethod
    def from_html(cls, text: str, *, strict: bool = False) -> JobPosting:
        """Build a posting from the JSON-LD, microdata or RDFa of a saved job page.

        Needs the ``html`` extra (``pip install interviewdecide[html]``). By
        default a property that cannot be read is left out; use
        :func:`~interviewdecide.read_html` to learn which were.

        Args:
            text: The page's HTML.
            strict: Refuse any property that cannot be read.

        Returns:
            The posting the page describes.

        Raises:
            InvalidInput: When the page holds no posting, several, or (when
                ``strict``) one with a property that cannot be read.
            ModuleNotFoundError: When the ``html`` extra is not installed; the
                message says what to install.

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.2.0 Lenient by default, ``strict``; microdata and RDFa.
        """
        from ._readers.html import read_html

        return read_html(text, strict=strict).posting


@attrs.frozen(kw_only=True)
class Concern:
    """A doubt the candidate has about a role, and what it rests on.

    Attributes:
        kind: Overqualified or otherwise unsuitable.
        basis: Where the doubt comes from; only the job description counts as
            evidence.
        detail: The candidate's own words, if any.

    .. versionadded:: 0.1.0
    """

    kind: ConcernKind = attrs.field(validator=instance_of(ConcernKind))
    basis: Basis = attrs.field(validator=instance_of(Basis))
    detail: str | None = attrs.field(default=None, validator=instance_of(str, optional=True))


#: A JSON value as :class:`Extra` holds it: objects are ``Extra``, arrays tuples.
JSONValue: TypeAlias = "bool | int | float | str | tuple[JSONValue, ...] | Extra | None"


def _frozen_json(value: object, path: str) -> JSONValue:
    """``value`` as an immutable JSON value; ``path`` names it in errors."""
    if value is None or isinstance(value, bool | int | str | Extra):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise FieldValueError(path, f"must be a finite number, got {value!r}")
        return value
    if isinstance(value, Mapping):
        return Extra(value, _path=path)
    if isinstance(value, list | tuple):
        return tuple(_frozen_json(v, f"{path}[{i}]") for i, v in enumerate(value))
    raise FieldTypeError(
        path,
        "must be a JSON value (null, true or false, a number, a string, a list or a "
        f"mapping with string keys), not {type(value).__name__}",
    )


@final
class Extra(Mapping[str, JSONValue]):
    """An immutable, hashable mapping of JSON values: the caller's own data.

    Mappings inside it become ``Extra`` too, and lists become tuples, so the whole
    value is immutable and hashable and compares equal to any mapping with the same
    items. Numbers must be finite.

    Args:
        data: A mapping with string keys and JSON values.

    Raises:
        TypeError: When ``data`` is not a mapping, a key is not a string or a
            value is not a JSON value; the message names it (``extra.commute[2]``).
        ValueError: When a number is not finite.

    .. versionadded:: 0.2.0
    """

    __slots__ = ("_data", "_hash")

    _data: dict[str, JSONValue]
    _hash: int | None

    def __init__(
        self, data: Mapping[str, object] | None = None, /, *, _path: str = "extra"
    ) -> None:
        if data is None:
            data = {}
        elif not isinstance(data, Mapping):
            raise FieldTypeError(_path, f"must be a mapping, not {type(data).__name__}")
        frozen: dict[str, JSONValue] = {}
        for key, value in data.items():
            if not isinstance(key, str):
                raise FieldTypeError(_path, f"keys must be strings, not {type(key).__name__}")
            frozen[key] = _frozen_json(value, at_key(_path, key) if _path else _top_key(key))
        object.__setattr__(self, "_data", frozen)
        object.__setattr__(self, "_hash", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Extra is immutable; cannot set {name!r}")

    def __getitem__(self, key: str) -> JSONValue:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(frozenset(self._data.items())))
        return self._hash  # type: ignore[return-value]  # set just above

    def __repr__(self) -> str:
        return f"Extra({self._data!r})"

    def __reduce__(self) -> tuple[type[Extra], tuple[dict[str, Any]]]:
        # Pickled as its plain data (process pools send invitations to workers);
        # the default for slots would set attributes, which Extra refuses.
        return (Extra, (self.to_dict(),))

    def to_dict(self) -> dict[str, Any]:
        """Return the data as plain dicts and lists, as :mod:`json` writes them."""
        return {k: _thawed(v) for k, v in self._data.items()}


def _top_key(key: str) -> str:
    """Name a top-level key as a path step: a name, or a quoted key in brackets."""
    return key if key.isidentifier() else at_key("", key)


def _thawed(value: JSONValue) -> Any:
    if isinstance(value, Extra):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_thawed(v) for v in value]
    return value


def _extra(value: Mapping[str, object] | None) -> Extra:
    return value if isinstance(value, Extra) else Extra(value)


def _opt_id(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise FieldTypeError(
            attribute.name, f"must be a string or None, not {type(value).__name__}"
        )
    if not value.strip():
        raise FieldValueError(attribute.name, "must not be empty")


@attrs.frozen(kw_only=True)
class Invitation:
    """One interview request and what the candidate thinks of it.

    Attributes:
        posting: The job the interview is for.
        matches_aspirations: The candidate's own answer to "does this company or
            role match what I want now?"; ``None`` when not answered.
        concerns: The candidate's doubts about the role.
        id: The caller's own identifier for the request (a tracker's record id),
            kept in verdict-bearing results and JSON; ``None`` when not given.
            The library never reads it.
        extra: The caller's own data for the request, an immutable mapping of
            JSON values, for custom rules to read (a commute time, a referral).
            The library's rules never read it.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``id`` and ``extra``.
    """

    posting: JobPosting = attrs.field(validator=instance_of(JobPosting))
    matches_aspirations: bool | None = attrs.field(default=None, validator=_opt_bool)
    concerns: tuple[Concern, ...] = attrs.field(
        default=(), converter=_concerns, validator=tuple_of(Concern)
    )
    id: str | None = attrs.field(default=None, validator=_opt_id)
    extra: Extra = attrs.field(factory=Extra, converter=_extra)


# -- the policy ------------------------------------------------------------------


def _int_at_least(bound: int) -> Callable[[object, attrs.Attribute[Any], int], None]:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldTypeError(attribute.name, f"must be an int, not {type(value).__name__}")
        if value < bound:
            raise FieldValueError(attribute.name, f"must be >= {bound}, got {value}")

    return check


def _share(_inst: object, attribute: attrs.Attribute[Any], value: float) -> None:
    finite_non_negative(_inst, attribute, value)
    if value > 1:
        raise FieldValueError(attribute.name, f"must be a share between 0 and 1, got {value!r}")


@attrs.frozen(kw_only=True)
class Policy:
    """Every threshold and switch the rules obey, with documented defaults.

    The article gives one figure: a job that asks for two years is one to skip for
    a candidate with seven. The defaults decline that case and attend a near match.

    Attributes:
        overqualified_surplus_years: Years held beyond the job description's figure
            that ``suitability`` needs before it calls the candidate overqualified.
            Default ``5.0``. ``None`` switches the surplus test off.
        overqualified_ratio: The multiple of the years asked that the years held
            must also reach (a figure of ``0`` asked counts as any multiple).
            Default ``2.0``. ``None`` switches the ratio test off. With both
            defaults, "2 asked, 7 held" declines (5 years more, 3.5 times) and "10
            asked, 15 held" attends (5 more, but only 1.5 times): a few extra years
            on a senior role are not the early-career mismatch the advice has in
            mind. With both switched off the figure never declines.
        underqualified_shortfall_years: When set, ``suitability`` declines when the
            job asks for at least this many years more than the candidate holds.
            Default ``None``: the advice never tells a candidate to skip a stretch.
        fit_clashes_to_decline: How many unmet needs (an avoided employer, pay
            below the floor, an arrangement or place ruled out) make ``fit`` answer
            "no" when the candidate has not answered it. Default ``1``.
        fit_needs_outweigh_aims: Whether an unmet need makes ``fit`` answer "no"
            even when an aim (a wanted role, employer or industry) matches. Default
            ``True``: a job in the wrong country is no use, whatever its title.
        fit_unmatched_aims_decline: Whether ``fit`` answers "no" when the
            candidate states aims and none of those that can be compared matches.
            Default ``True``: aims are alternatives, so missing all of them is a
            poor fit.
        conflict: How disagreeing findings combine. Default
            :attr:`Conflict.DECLINE_WINS`, the advice's ordering.
        targeting_share: In :func:`~interviewdecide.triage`, the share of a batch declined for a
            poor fit at or above which the batch looks mass-applied. Default ``0.5``.
        targeting_min_batch: The smallest batch :func:`~interviewdecide.triage` judges for
            mass-applying. Default ``4``.
        max_interviews: In :func:`~interviewdecide.triage`, the most interviews to attend in one
            batch; the least promising beyond it are deferred. Default ``None``
            (no cap).

    .. versionadded:: 0.1.0
    """

    overqualified_surplus_years: float | None = attrs.field(
        default=5.0, validator=_optional_finite_non_negative
    )
    overqualified_ratio: float | None = attrs.field(default=2.0, validator=_optional_positive)
    underqualified_shortfall_years: float | None = attrs.field(
        default=None, validator=_optional_positive
    )
    fit_clashes_to_decline: int = attrs.field(
        default=1,
        validator=_int_at_least(1),
    )
    fit_needs_outweigh_aims: bool = attrs.field(default=True, validator=instance_of(bool))
    fit_unmatched_aims_decline: bool = attrs.field(default=True, validator=instance_of(bool))
    conflict: Conflict = attrs.field(default=Conflict.DECLINE_WINS, validator=instance_of(Conflict))
    targeting_share: float = attrs.field(
        default=0.5,
        validator=_share,
    )
    targeting_min_batch: int = attrs.field(
        default=4,
        validator=_int_at_least(1),
    )
    max_interviews: int | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(_int_at_least(0)),
    )
