"""Behaviour of the model's validators that mutation testing found unguarded.

Each test names the mutmut mutant it kills (see docs/development.md); it asserts what a
user sees (a value accepted, or an error naming the field), never how the code is
written.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import attrs
import pytest

from interviewdecide import (
    Aspirations,
    Candidate,
    Extra,
    Invitation,
    JobPosting,
    Location,
    Money,
    Offer,
    OfferStatus,
    PayRange,
    Policy,
    TriageItem,
    triage,
)


class TestPolicyCounts:
    """Policy's whole-number fields take ints at or above their floor (x__int_at_least).

    ``_int_at_least`` builds its check when the module is imported, before mutmut can
    switch a mutant on, so mutmut reports its mutants as surviving whatever the tests
    do; these tests were checked against each mutant by hand (docs/development.md).
    """

    @pytest.mark.parametrize(
        ("field", "floor"),
        [("fit_clashes_to_decline", 1), ("targeting_min_batch", 1), ("max_interviews", 0)],
    )
    def test_the_floor_is_accepted(self, field: str, floor: int) -> None:
        """The smallest allowed count is a valid policy."""
        assert floor == getattr(Policy(**{field: floor}), field)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("field", "below"),
        [("fit_clashes_to_decline", 0), ("targeting_min_batch", -3), ("max_interviews", -1)],
    )
    def test_below_the_floor(self, field: str, below: int) -> None:
        """One under the floor is a ValueError that names the field, the floor and the value."""
        floor = 0 if field == "max_interviews" else 1

        with pytest.raises(ValueError, match=rf"^{field}: must be >= {floor}, got {below}$"):
            Policy(**{field: below})  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [True, 2.0, "4", None])
    def test_not_an_int(self, value: object) -> None:
        """A bool, a float, text or None is a TypeError that names the field and the type."""
        kind = type(value).__name__

        with pytest.raises(TypeError, match=rf"^targeting_min_batch: must be an int, not {kind}$"):
            Policy(targeting_min_batch=value)  # type: ignore[arg-type]

    def test_no_cap_is_allowed(self) -> None:
        """max_interviews alone may be None: no cap."""
        assert None is Policy(max_interviews=None).max_interviews


class TestPolicyNumbers:
    """Policy's ratios and shares: the errors name the field, and the bounds are exact (_share, _optional_positive)."""

    def test_a_share_of_one_is_allowed(self) -> None:
        """targeting_share=1 (every request a poor fit) is a valid share; just above is not."""
        assert 1 == Policy(targeting_share=1).targeting_share
        with pytest.raises(ValueError, match=r"^targeting_share: must be a share between 0 and 1"):
            Policy(targeting_share=1.01)

    def test_ratio_of_the_wrong_type(self) -> None:
        """A ratio given as text names the field and the type."""
        with pytest.raises(TypeError, match=r"^overqualified_ratio: must be a number, not str$"):
            Policy(overqualified_ratio="2")  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [0, -1.5, math.inf])
    def test_ratio_out_of_range(self, value: float) -> None:
        """A ratio of zero, below zero or infinite names the field and the value."""
        with pytest.raises(
            ValueError, match=rf"^overqualified_ratio: must be a finite number > 0, got {value!r}$"
        ):
            Policy(overqualified_ratio=value)


class TestExtraValues:
    """An invitation's extra data is frozen all the way down, and errors give the path (x__frozen_json)."""

    def test_nested_values_are_kept(self) -> None:
        """Mappings inside lists inside mappings keep every value, frozen."""
        invitation = Invitation(
            posting=JobPosting(title="Data Analyst"),
            extra={"board": {"tags": ["remote", {"rank": 2.5}], "seen": None}},
        )

        assert isinstance(invitation.extra["board"], Extra)
        expected: object = {"board": {"tags": ("remote", {"rank": 2.5}), "seen": None}}
        assert expected == invitation.extra

    def test_a_bad_number_deep_inside(self) -> None:
        """A NaN inside a list inside a mapping is named by its full path."""
        with pytest.raises(
            ValueError, match=r"^extra\.board\.tags\[1\]: must be a finite number, got nan$"
        ):
            Invitation(
                posting=JobPosting(title="Data Analyst"), extra={"board": {"tags": [1, math.nan]}}
            )

    def test_a_value_that_is_not_json_deep_inside(self) -> None:
        """A set inside a list is a TypeError named by its full path."""
        with pytest.raises(
            TypeError, match=r"^extra\.board\.tags\[0\]: must be a JSON value .*, not set$"
        ):
            Invitation(posting=JobPosting(title="Data Analyst"), extra={"board": {"tags": [{"a"}]}})


class TestFieldErrorsNameTheType:
    """Type errors say what was given, not just what was wanted (_kind, non_negative_int)."""

    def test_years_as_text(self) -> None:
        """Years of experience given as text."""
        with pytest.raises(TypeError, match=r"^years_experience: must be a number, not str$"):
            Candidate(name="Mei Tan", years_experience="7")  # type: ignore[arg-type]

    def test_an_offer_given_by_name(self) -> None:
        """An offer given as a company name is named by its position."""
        offers = [Offer(company="Acme", status=OfferStatus.PENDING), "Globex"]

        with pytest.raises(TypeError, match=r"^offers\[1\]: must be a Offer, not str$"):
            Candidate(name="Mei Tan", years_experience=7, offers=offers)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("index", "error", "message"),
        [
            (-1, ValueError, "index: must be >= 0, got -1"),
            (True, TypeError, "index: must be an int, not bool"),
            (2.0, TypeError, "index: must be an int, not float"),
        ],
    )
    def test_a_triage_item_position(self, index: object, error: type, message: str) -> None:
        """A request's position is a whole number from 0."""
        item = triage(
            Candidate(name="Mei Tan", years_experience=7), [JobPosting(title="Cook")]
        ).attend[0]
        assert isinstance(item, TriageItem)
        assert 0 == attrs.evolve(item, index=0).index

        with pytest.raises(error, match=rf"^{message}$"):
            attrs.evolve(item, index=index)  # type: ignore[arg-type]


RECEIVED = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


class TestInvariantMessages:
    """Each refused value is named with its field and the rule it breaks (__attrs_post_init__, _opt_id, non_blank)."""

    @pytest.mark.parametrize(
        ("build", "error", "message"),
        [
            (
                lambda: Candidate(name=" \t ", years_experience=1),
                ValueError,
                "name: must not be empty",
            ),
            (
                lambda: PayRange(currency="EUR"),
                ValueError,
                "minimum: a pay range needs a minimum, a maximum or both",
            ),
            (
                lambda: PayRange(minimum=90_000, maximum=80_000, currency="EUR"),
                ValueError,
                "minimum: 90000 is above maximum 80000",
            ),
            (
                lambda: PayRange(minimum=-5, currency="EUR"),
                ValueError,
                "minimum: must be a finite amount >= 0 and below 10**15, got -5",
            ),
            (
                lambda: Location(),
                ValueError,
                "city: a location needs at least a city, a region or a country",
            ),
            (
                lambda: Invitation(posting=JobPosting(title="Cook"), id=7),  # type: ignore[arg-type]
                TypeError,
                "id: must be a string or None, not int",
            ),
            (
                lambda: Invitation(posting=JobPosting(title="Cook"), id="   "),
                ValueError,
                "id: must not be empty",
            ),
        ],
    )
    def test_message(self, build: object, error: type, message: str) -> None:
        """The error is the documented type and its message starts with the field."""
        with pytest.raises(error) as caught:
            build()  # type: ignore[operator]

        assert message == str(caught.value)


class TestOfferDates:
    """An offer's deadline must come after it was received, strictly (xǁOfferǁ__attrs_post_init__ 5)."""

    def test_deadline_at_the_moment_received(self) -> None:
        """A deadline equal to the time received is refused, naming both fields."""
        with pytest.raises(ValueError, match=r"^deadline: .* is not after received_at "):
            Offer(
                company="Acme", status=OfferStatus.PENDING, received_at=RECEIVED, deadline=RECEIVED
            )

    def test_deadline_a_minute_later(self) -> None:
        """A minute later is fine."""
        later = RECEIVED + dt.timedelta(minutes=1)

        offer = Offer(
            company="Acme", status=OfferStatus.PENDING, received_at=RECEIVED, deadline=later
        )

        assert later == offer.deadline


class TestExtraKept:
    """A plain mapping given as extra is kept, not dropped (x__extra 3)."""

    def test_flat_mapping(self) -> None:
        """Every key of a flat mapping survives, and an Extra given as such is kept equal."""
        invitation = Invitation(
            posting=JobPosting(title="Cook"), extra={"source": "LinkedIn", "score": 3}
        )

        assert {"source": "LinkedIn", "score": 3} == dict(invitation.extra)
        again = Invitation(posting=JobPosting(title="Cook"), extra=invitation.extra)
        assert invitation.extra == again.extra


class TestAmounts:
    """Money takes ints and decimal text, never floats, and says why (as_amount 1, amount 3 and 5)."""

    @pytest.mark.parametrize("value", [85_000.5, 70_000.0])
    def test_a_float_is_refused_with_the_reason(self, value: float) -> None:
        """A float, even a whole one, is a TypeError explaining that floats lose cents."""
        with pytest.raises(TypeError) as caught:
            Money(amount=value, currency="EUR")  # type: ignore[arg-type]

        assert (
            f"amount: must be a Decimal, an int or decimal text such as '85000.00', not the "
            f"float {value!r}: a float cannot hold every amount of cents exactly"
        ) == str(caught.value)

    def test_text_that_is_not_a_number(self) -> None:
        """Text such as "85k" is a ValueError quoting it."""
        with pytest.raises(ValueError, match=r"^amount: '85k' is not a decimal number$"):
            Money(amount="85k", currency="EUR")

    def test_padded_decimal_text(self) -> None:
        """Decimal text with spaces around it is read exactly."""
        assert Decimal("85000.00") == Money(amount=" 85000.00 ", currency="EUR").amount

    @pytest.mark.parametrize(
        ("value", "error", "message"),
        [
            (None, TypeError, "amount: must be a Decimal, an int or decimal text, not NoneType"),
            ([85_000], TypeError, "amount: must be a Decimal, an int or decimal text, not list"),
            (
                Decimal("NaN"),
                ValueError,
                "amount: must be a finite amount >= 0 and below 10**15, got NaN",
            ),
            (-1, ValueError, "amount: must be a finite amount >= 0 and below 10**15, got -1"),
            (
                10**15,
                ValueError,
                "amount: must be a finite amount >= 0 and below 10**15, got 1000000000000000",
            ),
        ],
    )
    def test_other_refusals(self, value: object, error: type, message: str) -> None:
        """No amount, not a number, negative or absurdly large: each named with the value."""
        with pytest.raises(error) as caught:
            Money(amount=value, currency="EUR")  # type: ignore[arg-type]

        assert message == str(caught.value)

    def test_just_below_the_ceiling(self) -> None:
        """The largest whole amount below 10**15 is accepted."""
        assert Decimal(10**15 - 1) == Money(amount=10**15 - 1, currency="EUR").amount


class TestSharedValidatorMessages:
    """The shared validators name the field, what they want and what they got (InstanceOf, TupleOf, as_tuple)."""

    @pytest.mark.parametrize(
        ("build", "error", "message"),
        [
            (
                lambda: Money(amount=1, currency="euro"),
                ValueError,
                "currency: must be a three-letter ISO 4217 code such as 'EUR', got 'euro'",
            ),
            (
                lambda: Money(amount=1, currency="EURO"),
                ValueError,
                "currency: must be a three-letter ISO 4217 code such as 'EUR', got 'EURO'",
            ),
            (
                lambda: JobPosting(title="Data\u2028Analyst"),
                ValueError,
                "title: must be a single line (no line breaks)",
            ),
            (
                lambda: Offer(company="Acme", status="accepted"),  # type: ignore[arg-type]
                TypeError,
                "status: must be a OfferStatus, not str",
            ),
            (
                lambda: Offer(company="Acme", status=OfferStatus.PENDING, received_at="2026-11-02"),  # type: ignore[arg-type]
                TypeError,
                "received_at: must be a datetime or None, not str",
            ),
            (
                lambda: Candidate(name="Mei Tan", years_experience=7, offers="Acme"),  # type: ignore[arg-type]
                TypeError,
                "offers: must be a collection of Offer (a list, tuple or set), not str",
            ),
            (
                lambda: Candidate(
                    name="Mei Tan",
                    years_experience=7,
                    offers=Offer(company="Acme", status=OfferStatus.PENDING),  # type: ignore[arg-type]
                ),
                TypeError,
                "offers: must be a collection of Offer (a list, tuple or set), not Offer",
            ),
            (
                lambda: Aspirations(arrangements=["remote", 3, "x"]),  # type: ignore[list-item]
                TypeError,
                "arrangements: must hold WorkArrangement members, got 'remote', 'x', 3",
            ),
        ],
    )
    def test_message(self, build: object, error: type, message: str) -> None:
        """The error is the documented type, with the whole message."""
        with pytest.raises(error) as caught:
            build()  # type: ignore[operator]

        assert message == str(caught.value)
