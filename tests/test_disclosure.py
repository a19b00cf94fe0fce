"""Tests for advise_disclosure(): when other offers may be mentioned, and why."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewdecide import (
    Candidate,
    Disclosure,
    DisclosureAdvice,
    Fact,
    Money,
    Offer,
    OfferStatus,
    Outcome,
    Step,
    advise_disclosure,
    from_json,
    to_json,
)


def offer(
    company: str, salary: int | None = None, status: OfferStatus = OfferStatus.PENDING
) -> Offer:
    pay = None if salary is None else Money(amount=Decimal(salary), currency="EUR")
    return Offer(company=company, salary=pay, status=status)


def candidate(*offers: Offer) -> Candidate:
    return Candidate(name="Ana Lima", years_experience=5, offers=offers)


NOBODY = candidate()
TWO_KNOWN = candidate(offer("Beta", 90_000), offer("Gamma", 95_000))


def outcomes(advice: DisclosureAdvice) -> list[Outcome]:
    return [s.outcome for s in advice.trace]


class TestStance:
    def test_keep_private_by_default(self) -> None:
        """With no offers and nothing known of the employer, keep offers private."""
        advice = advise_disclosure(NOBODY)

        assert Disclosure.KEEP_PRIVATE == advice.stance
        assert [Outcome.NO_OBJECTION, Outcome.NO_OBJECTION, Outcome.NOT_APPLICABLE] == outcomes(
            advice
        )
        assert {"disclosure"} == {s.rule for s in advice.trace}

    def test_employer_offer_makes_it_optional(self) -> None:
        """An offer from the employer lets the candidate gauge interest."""
        advice = advise_disclosure(NOBODY, employer="Acme", employer_made_offer=True)

        assert Disclosure.OPTIONAL == advice.stance
        assert (
            "Acme has made you an offer, so you can now judge how keen they are on you; "
            "mentioning other offers becomes a choice open to you."
        ) == advice.trace[1].reason

    def test_final_stage_makes_it_optional(self) -> None:
        """Reaching the final stage lets the candidate gauge interest."""
        advice = advise_disclosure(NOBODY, final_stage=True)

        assert Disclosure.OPTIONAL == advice.stance
        assert advice.trace[1].reason.startswith(
            "You have reached the final stage with this employer, so"
        )

    def test_offer_and_final_stage_are_both_named(self) -> None:
        """Both signs of interest land in one sentence, names kept as written."""
        advice = advise_disclosure(
            NOBODY, employer="ACME Corp", employer_made_offer=True, final_stage=True
        )

        assert advice.trace[1].reason.startswith(
            "ACME Corp has made you an offer and you have reached the final stage with "
            "ACME Corp, so"
        )

    def test_live_offer_on_record_from_the_employer_counts(self) -> None:
        """A live offer from the named employer (any case) counts as its offer."""
        advice = advise_disclosure(candidate(offer("Acme")), employer="acme")

        assert Disclosure.OPTIONAL == advice.stance
        assert advice.trace[1].reason.startswith(
            "Your offers on record include a live one from Acme, so"
        )
        assert True is advice.trace[1].fact("offer_on_record_from_employer")
        assert False is advice.trace[1].fact("employer_made_offer")

    def test_lapsed_offer_from_the_employer_does_not_count(self) -> None:
        """An expired offer from the employer is no sign of interest now."""
        lapsed = candidate(offer("Acme", status=OfferStatus.EXPIRED))
        advice = advise_disclosure(lapsed, employer="Acme")

        assert Disclosure.KEEP_PRIVATE == advice.stance
        assert advice.trace[1].reason.startswith("Acme has made no offer")

    def test_two_live_offers_with_terms_make_it_optional(self) -> None:
        """Two live offers with known pay can be compared."""
        advice = advise_disclosure(TWO_KNOWN)

        assert Disclosure.OPTIONAL == advice.stance
        assert (
            "2 of your live offers state their pay (Beta, Gamma), so you can weigh them "
            "against each other; mentioning them becomes a choice open to you."
        ) == advice.trace[2].reason
        assert (
            Fact(name="live_offers", value=2),
            Fact(name="live_offers_with_terms", value=2),
        ) == advice.trace[2].facts

    def test_one_offer_with_terms_cannot_be_compared(self) -> None:
        """Two live offers, only one with pay, keep offers private."""
        advice = advise_disclosure(candidate(offer("Beta", 90_000), offer("Gamma")))

        assert Disclosure.KEEP_PRIVATE == advice.stance
        assert advice.trace[2].reason.startswith(
            "Of your 2 live offers, 1 states its pay; comparing offers needs at least two"
        )

    def test_single_offer_without_terms(self) -> None:
        """The counts agree in number for one offer and none with pay."""
        advice = advise_disclosure(candidate(offer("Beta")))

        assert advice.trace[2].reason.startswith("Of your 1 live offer, 0 state its pay;")
        assert advice.trace[0].reason.startswith("You hold 1 live offer.")

    def test_offers_no_longer_live_are_not_compared(self) -> None:
        """Declined or rescinded offers do not count towards a comparison."""
        gone = candidate(
            offer("Beta", 90_000, OfferStatus.DECLINED),
            offer("Gamma", 95_000, OfferStatus.RESCINDED),
        )
        advice = advise_disclosure(gone)

        assert Disclosure.KEEP_PRIVATE == advice.stance
        assert Outcome.NOT_APPLICABLE == advice.trace[2].outcome
        assert advice.trace[0].reason.startswith("You hold no live offers.")
        assert 2 == advice.trace[0].fact("offers_on_record")

    def test_accepted_offers_are_live(self) -> None:
        """An accepted offer with pay still counts as a live offer to compare."""
        both = candidate(offer("Beta", 90_000, OfferStatus.ACCEPTED), offer("Gamma", 95_000))

        assert Disclosure.OPTIONAL == advise_disclosure(both).stance

    def test_never_a_duty(self) -> None:
        """There is no stance that obliges the candidate to tell."""
        assert {"keep_private", "optional"} == {d.value for d in Disclosure}


class TestExplain:
    def test_keep_private(self) -> None:
        """The account names the stance, every step and what to do next."""
        text = advise_disclosure(NOBODY).explain()
        lines = text.splitlines()

        assert "Other offers: KEEP PRIVATE (advice disclosure)." == lines[0]
        assert 3 == sum(line.startswith("  - [disclosure] ") for line in lines)
        assert "*" not in text
        assert lines[-1].startswith("Next: Keep your other offers to yourself for now;")

    def test_optional_marks_the_deciding_steps(self) -> None:
        """The steps that opened the option are starred."""
        text = advise_disclosure(TWO_KNOWN, final_stage=True).explain()

        assert text.startswith("Other offers: OPTIONAL (advice disclosure).")
        assert 2 == text.count("\n  * [disclosure] note: ")
        assert 1 == text.count("\n  - [disclosure] no objection: ")
        assert "nothing obliges you to" in text


class TestBadInput:
    def test_candidate_type(self) -> None:
        """A candidate of the wrong type is named."""
        with pytest.raises(TypeError, match=r"^candidate: expected a Candidate, got str$"):
            advise_disclosure("Ana")  # type: ignore[arg-type]

    def test_employer_type(self) -> None:
        """A non-string employer is named."""
        with pytest.raises(TypeError, match=r"^employer: expected a str or None, got int$"):
            advise_disclosure(NOBODY, employer=3)  # type: ignore[arg-type]

    @pytest.mark.parametrize("name", ["employer_made_offer", "final_stage"])
    def test_flags_must_be_bools(self, name: str) -> None:
        """A flag given as something other than a bool is named."""
        with pytest.raises(TypeError, match=rf"^{name}: expected a bool, got str$"):
            advise_disclosure(NOBODY, **{name: "yes"})  # type: ignore[arg-type]

    def test_advice_validates_its_fields(self) -> None:
        """DisclosureAdvice rejects a stance that is not a Disclosure."""
        step = Step(rule="disclosure", outcome=Outcome.NOTE, reason="Noted.")
        with pytest.raises(TypeError, match="stance"):
            DisclosureAdvice(stance="must", trace=[step])  # type: ignore[arg-type]


_offers = st.builds(
    Offer,
    company=st.sampled_from(["Acme", "Beta", "Gamma"]),
    status=st.sampled_from(OfferStatus),
    salary=st.none() | st.builds(Money, amount=st.just(Decimal(80_000)), currency=st.just("EUR")),
)


class TestProperties:
    @given(
        st.lists(_offers, max_size=4),
        st.none() | st.sampled_from(["Acme", "acme", "Delta"]),
        st.booleans(),
        st.booleans(),
    )
    def test_stance_follows_the_advice(
        self, offers: list[Offer], employer: str | None, made_offer: bool, final: bool
    ) -> None:
        """OPTIONAL exactly when interest can be gauged or offers compared; round-trips."""
        advice = advise_disclosure(
            candidate(*offers),
            employer=employer,
            employer_made_offer=made_offer,
            final_stage=final,
        )
        live = [o for o in offers if o.is_live]
        own = employer is not None and any(
            o.company.casefold() == employer.casefold() for o in live
        )
        comparable = sum(o.salary is not None for o in live) >= 2
        expected = (
            Disclosure.OPTIONAL
            if made_offer or final or own or comparable
            else Disclosure.KEEP_PRIVATE
        )

        assert expected == advice.stance
        assert advice == from_json(DisclosureAdvice, to_json(advice))
