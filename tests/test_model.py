"""Constructors reject bad values with errors that name the field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest

from interviewdecide import (
    Aspirations,
    Candidate,
    Concern,
    Contact,
    Fact,
    Invitation,
    JobPosting,
    Location,
    Money,
    Offer,
    OfferStatus,
    PayPeriod,
    PayRange,
    Policy,
)

UTC = dt.UTC


class TestValidation:
    @pytest.mark.parametrize(
        ("build", "error", "field"),
        [
            (lambda: Candidate(name="A", years_experience=-3), ValueError, "years_experience"),
            (
                lambda: Candidate(name="A", years_experience=float("nan")),
                ValueError,
                "years_experience",
            ),
            (lambda: Candidate(name="A", years_experience="7"), TypeError, "years_experience"),  # type: ignore[arg-type]
            (lambda: Candidate(name="A", years_experience=True), TypeError, "years_experience"),
            (lambda: Candidate(name="  ", years_experience=1), ValueError, "name"),
            (lambda: Candidate(name="A\nBcc: x", years_experience=1), ValueError, "name"),
            (lambda: Candidate(name="A\u2028B", years_experience=1), ValueError, "name"),
            (lambda: Candidate(name="A", years_experience=1, offers=["Acme"]), TypeError, "offers"),  # type: ignore[list-item]
            (lambda: JobPosting(title=""), ValueError, "title"),
            (lambda: JobPosting(title="A", required_years=-1), ValueError, "required_years"),
            (
                lambda: JobPosting(title="A", required_years=float("inf")),
                ValueError,
                "required_years",
            ),
            (
                lambda: JobPosting(title="A", valid_through=dt.datetime(2030, 1, 1)),  # noqa: DTZ001
                ValueError,
                "valid_through",
            ),
            (lambda: Offer(company="A", status="accepted"), TypeError, "status"),  # type: ignore[arg-type]
            (
                lambda: Offer(
                    company="A",
                    received_at=dt.datetime(2026, 5, 2, tzinfo=UTC),
                    deadline=dt.datetime(2026, 5, 1, tzinfo=UTC),
                ),
                ValueError,
                "deadline",
            ),
            (lambda: Money(amount=Decimal(-1), currency="EUR"), ValueError, "amount"),
            (lambda: Money(amount=Decimal("NaN"), currency="EUR"), ValueError, "amount"),
            (lambda: Money(amount=Decimal(10) ** 15, currency="EUR"), ValueError, "amount"),
            (lambda: Money(amount=Decimal(1), currency="euro"), ValueError, "currency"),
            (lambda: PayRange(currency="EUR"), ValueError, "minimum"),
            (
                lambda: PayRange(currency="EUR", minimum=Decimal(5), maximum=Decimal(4)),
                ValueError,
                "minimum",
            ),
            (lambda: Location(), ValueError, "city"),
            (lambda: Contact(email="a@b\r\nBcc: c@d"), ValueError, "email"),
            (lambda: Aspirations(roles="analyst"), TypeError, "roles: must be a collection"),
            (lambda: Aspirations(roles={""}), ValueError, "roles"),
            (lambda: Aspirations(industries={3}), ValueError, "industries"),  # type: ignore[arg-type]
            (lambda: Concern(kind="overqualified", basis="hearsay"), TypeError, "kind"),  # type: ignore[arg-type]
            (lambda: Invitation(posting="Analyst"), TypeError, "posting"),  # type: ignore[arg-type]
            (
                lambda: Policy(overqualified_surplus_years=-1),
                ValueError,
                "overqualified_surplus_years",
            ),
            (lambda: Policy(overqualified_ratio=0), ValueError, "overqualified_ratio"),
            (lambda: Policy(fit_clashes_to_decline=0), ValueError, "fit_clashes_to_decline"),
            (lambda: Policy(fit_clashes_to_decline=1.5), TypeError, "fit_clashes_to_decline"),  # type: ignore[arg-type]
            (lambda: Policy(fit_clashes_to_decline=True), TypeError, "fit_clashes_to_decline"),
            (lambda: Policy(targeting_share=1.5), ValueError, "targeting_share"),
            (lambda: Policy(max_interviews=-1), ValueError, "max_interviews"),
            (lambda: Fact(name="x", value=float("nan")), ValueError, "value"),
            (lambda: Fact(name="x", value=[1]), TypeError, "value"),  # type: ignore[arg-type]
        ],
    )
    def test_bad_values_name_the_field(
        self, build: Any, error: type[Exception], field: str
    ) -> None:
        """Each invariant is enforced, and the message names the field."""
        with pytest.raises(error, match=field):
            build()

    def test_instances_are_frozen(self) -> None:
        """Values cannot be changed after construction."""
        c = Candidate(name="A", years_experience=1)

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            c.name = "B"  # type: ignore[misc]

    def test_collections_become_tuples_and_frozensets(self) -> None:
        """Any iterable is accepted and stored immutably, so values hash."""
        c = Candidate(
            name="A",
            years_experience=1,
            offers=iter([Offer(company="X")]),
            aspirations=Aspirations(roles=["b", "a", "a"]),
        )

        assert (Offer(company="X"),) == c.offers
        assert frozenset({"a", "b"}) == c.aspirations.roles
        assert hash(c) == hash(attrs.evolve(c))


class TestValidators:
    """A field's validator says what it checks when printed, as attrs' own validators do."""

    def test_repr(self) -> None:
        """The collection, optional and enum checks each name their type."""
        assert [
            "tuple_of(Offer)",
            "instance_of(PayRange, optional=True)",
            "frozenset_of(WorkArrangement)",
        ] == [
            repr(attrs.fields(Candidate).offers.validator),
            repr(attrs.fields(JobPosting).salary.validator),
            repr(attrs.fields(Aspirations).arrangements.validator),
        ]


class TestHelpers:
    def test_location_matching(self) -> None:
        """Locations match on the parts both state, ignoring case."""
        sg = Location(city="Singapore")

        assert sg.matches(Location(city="singapore", country="SG"))
        assert not sg.matches(Location(city="Berlin"))
        assert not sg.matches(Location(country="SG"))
        assert "Kirkland, WA" == str(Location(city="Kirkland", region="WA"))

    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            (PayPeriod.HOUR, Decimal(41600)),
            (PayPeriod.MONTH, Decimal(240)),
            (PayPeriod.YEAR, Decimal(20)),
        ],
    )
    def test_pay_per_year(self, period: PayPeriod, expected: Decimal) -> None:
        """The highest figure of a range is scaled to a working year."""
        pay = PayRange(currency="EUR", period=period, minimum=Decimal(10), maximum=Decimal(20))

        assert Money(amount=expected, currency="EUR") == pay.best_per_year()

    def test_minimum_only(self) -> None:
        """A range with only a minimum scales its minimum."""
        pay = PayRange(currency="EUR", minimum=Decimal(10))

        assert Money(amount=Decimal(10), currency="EUR") == pay.best_per_year()

    def test_offer_liveness(self) -> None:
        """Pending and accepted offers are live; the rest are not."""
        live = {s for s in OfferStatus if Offer(company="A", status=s).is_live}

        assert {OfferStatus.PENDING, OfferStatus.ACCEPTED} == live
