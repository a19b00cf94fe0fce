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
#: Two priced offers from other employers, neither from the employer asking.
TWO_PRICED = candidate(offer("Initech, Inc.", 90_000), offer("Globex GmbH", 95_000))


def outcomes(advice: DisclosureAdvice) -> list[Outcome]:
    return [s.outcome for s in advice.trace]


def contradictions(advice: DisclosureAdvice) -> list[str]:
    """Sentences in the trace or follow-up that argue against the stance."""
    texts = [s.reason for s in advice.trace] + [advice.follow_up]
    against: tuple[str, ...]
    if advice.stance is Disclosure.OPTIONAL:
        against = ("would show your hand", "Keep your other", "nothing to disclose")
    else:
        against = ("becomes a choice open to you", "You may mention")
    return [t for t in texts if any(a in t for a in against)]


class TestStance:
    """When other offers stay private and when mentioning them is optional."""

    def test_priced_offers_elsewhere_alone_keep_them_private(self) -> None:
        """Two priced offers elsewhere and a first round here: keep private (bug in #9)."""
        advice = advise_disclosure(TWO_PRICED, employer="Northwind Traders")

        assert Disclosure.KEEP_PRIVATE == advice.stance
        assert [Outcome.NO_OBJECTION] * 3 == outcomes(advice)
        assert (
            "Comparing offers needs one from Northwind Traders to set against your 2 other "
            "live offers (Initech, Inc. and Globex GmbH), and it has made none yet, so "
            "there is no comparison to lean on."
        ) == advice.trace[2].reason
        assert [] == contradictions(advice)

    def test_priced_offers_without_an_employer_stay_private(self) -> None:
        """Without a named employer or a sign of interest, priced offers stay private."""
        advice = advise_disclosure(TWO_PRICED)

        assert Disclosure.KEEP_PRIVATE == advice.stance
        assert advice.trace[2].reason.startswith("Comparing offers needs one from this employer")

    def test_employer_offer_makes_it_optional(self) -> None:
        """An offer from this employer shows interest and can be compared."""
        advice = advise_disclosure(
            TWO_PRICED, employer="Northwind Traders", employer_made_offer=True
        )

        assert Disclosure.OPTIONAL == advice.stance
        assert [Outcome.NO_OBJECTION, Outcome.NOTE, Outcome.NOTE] == outcomes(advice)
        assert (
            "Northwind Traders has made you an offer, so you can judge how keen it is on "
            "you; mentioning your 2 other offers becomes a choice open to you."
        ) == advice.trace[1].reason
        assert (
            "Northwind Traders has made you an offer, so you can set it against your 2 "
            "other live offers (Initech, Inc. and Globex GmbH); mentioning them becomes a "
            "choice open to you."
        ) == advice.trace[2].reason
        assert [] == contradictions(advice)

    def test_final_stage_makes_it_optional(self) -> None:
        """The final stage shows interest, though there is no offer here to compare yet."""
        advice = advise_disclosure(TWO_PRICED, employer="Northwind Traders", final_stage=True)

        assert Disclosure.OPTIONAL == advice.stance
        assert [Outcome.NO_OBJECTION, Outcome.NOTE, Outcome.NO_OBJECTION] == outcomes(advice)
        assert advice.trace[1].reason.startswith(
            "You have reached the final stage with Northwind Traders, so"
        )
        assert [] == contradictions(advice)

    def test_offer_and_final_stage_are_both_named(self) -> None:
        """Both signs of interest land in one sentence, names kept as written."""
        advice = advise_disclosure(
            TWO_PRICED, employer="ACME Corp", employer_made_offer=True, final_stage=True
        )

        assert advice.trace[1].reason.startswith(
            "ACME Corp has made you an offer and you have reached the final stage with "
            "ACME Corp, so"
        )

    @pytest.mark.parametrize(
        ("on_record", "asked_by"),
        [
            ("NORTHWIND TRADERS LTD", "Northwind Traders"),
            ("Initech, Inc.", "INITECH LLC"),
            ("Acme GmbH & Co. KG", "acme"),
            ("Umbrella Corp.", "Umbrella Corporation"),
            ("Soylent S.A.", "Soylent SA"),
        ],
    )
    def test_live_offer_on_record_from_the_employer_counts(
        self, on_record: str, asked_by: str
    ) -> None:
        """A live offer from this employer, however its name is written, is its offer."""
        held = candidate(offer(on_record, 70_000), offer("Hooli", 80_000))
        advice = advise_disclosure(held, employer=asked_by)

        assert Disclosure.OPTIONAL == advice.stance
        assert advice.trace[1].reason.startswith(f"You hold a live offer from {on_record}, so")
        assert True is advice.trace[1].fact("offer_on_record_from_employer")
        assert False is advice.trace[1].fact("employer_made_offer")
        assert 1 == advice.trace[0].fact("other_live_offers")
        assert advice.trace[2].reason.endswith(
            "against your other live offer (Hooli); mentioning it becomes a choice open to you."
        )

    @pytest.mark.parametrize("other", ["Initech Systems", "Northwind", "Acme Widgets Ltd"])
    def test_different_employers_stay_apart(self, other: str) -> None:
        """Names that differ in more than case, punctuation or legal form are other employers."""
        held = candidate(offer(other, 70_000), offer("Hooli", 80_000))
        advice = advise_disclosure(held, employer="Initech Northwind Acme")

        assert Disclosure.KEEP_PRIVATE == advice.stance
        assert 2 == advice.trace[0].fact("other_live_offers")

    def test_a_company_named_like_a_legal_form_keeps_its_name(self) -> None:
        """A name made only of a legal form is not reduced to nothing."""
        held = candidate(offer("Company", 70_000), offer("Hooli", 80_000))

        assert Disclosure.OPTIONAL == advise_disclosure(held, employer="COMPANY").stance
        assert Disclosure.KEEP_PRIVATE == advise_disclosure(held, employer="Co.").stance

    def test_punctuation_only_names_are_compared_as_written(self) -> None:
        """A name with no letters still compares, ignoring case and spaces around it."""
        held = candidate(offer("+++", 70_000), offer("Hooli", 80_000))

        assert 1 == advise_disclosure(held, employer=" +++ ").trace[0].fact("other_live_offers")
        assert 2 == advise_disclosure(held, employer="***").trace[0].fact("other_live_offers")

    def test_lapsed_offer_from_the_employer_does_not_count(self) -> None:
        """An expired offer from the employer is no sign of interest now."""
        lapsed = candidate(offer("Acme", status=OfferStatus.EXPIRED), offer("Hooli", 80_000))
        advice = advise_disclosure(lapsed, employer="Acme Inc.")

        assert Disclosure.KEEP_PRIVATE == advice.stance
        assert advice.trace[1].reason.startswith("Acme Inc. has made no offer")

    def test_accepted_offers_elsewhere_are_other_offers(self) -> None:
        """An accepted offer still stands, so it is an offer that could be mentioned."""
        taken = candidate(offer("Globex", 90_000, OfferStatus.ACCEPTED))
        advice = advise_disclosure(taken, employer="Acme", final_stage=True)

        assert Disclosure.OPTIONAL == advice.stance
        assert 1 == advice.trace[0].fact("other_live_offers")

    def test_never_a_duty(self) -> None:
        """There is no stance that obliges the candidate to tell."""
        assert {"keep_private", "optional"} == {d.value for d in Disclosure}


class TestNothingToDisclose:
    """With no other live offer, the advice says there is nothing to disclose."""

    def test_no_offers_at_all(self) -> None:
        """No offers: keep private, and the reason says there is nothing to disclose."""
        advice = advise_disclosure(NOBODY, employer="Globex", final_stage=True)

        assert Disclosure.KEEP_PRIVATE == advice.stance
        assert [Outcome.NOT_APPLICABLE, Outcome.NO_OBJECTION, Outcome.NOT_APPLICABLE] == (
            outcomes(advice)
        )
        assert "You hold no offers, so there is nothing to disclose." == advice.trace[0].reason
        assert (
            "You have reached the final stage with Globex, so you can judge how keen it is "
            "on you, but you hold no other offer to mention."
        ) == advice.trace[1].reason
        assert advice.follow_up.startswith("There is nothing to disclose")
        assert "keep" not in advice.follow_up.casefold()
        assert [] == contradictions(advice)

    def test_first_round_without_offers(self) -> None:
        """No offers and no sign of interest: the trace does not warn about showing a hand."""
        advice = advise_disclosure(NOBODY, employer="Globex")

        assert (
            "Globex has made no offer and you have not reached its final stage, so you "
            "cannot yet tell how interested it is."
        ) == advice.trace[1].reason
        assert advice.follow_up.startswith("There is nothing to disclose")

    def test_only_offer_is_from_this_employer(self) -> None:
        """The employer's own offer is not another offer to disclose."""
        held = candidate(offer("Globex Ltd.", 90_000), offer("Hooli", status=OfferStatus.EXPIRED))
        advice = advise_disclosure(held, employer="Globex")

        assert Disclosure.KEEP_PRIVATE == advice.stance
        assert (
            "You hold no live offer from another employer (your only live offer is from "
            "Globex Ltd. itself, and 1 offer on record is no longer live), so there is "
            "nothing to disclose."
        ) == advice.trace[0].reason
        assert "With no other live offer, there is nothing to compare." == (advice.trace[2].reason)
        assert [] == contradictions(advice)

    def test_offers_no_longer_live(self) -> None:
        """Declined or rescinded offers are not live, so nothing is left to disclose."""
        gone = candidate(
            offer("Beta", 90_000, OfferStatus.DECLINED),
            offer("Gamma", 95_000, OfferStatus.RESCINDED),
        )
        advice = advise_disclosure(gone, employer_made_offer=True)

        assert Disclosure.KEEP_PRIVATE == advice.stance
        assert (
            "You hold no live offer (2 offers on record are no longer live), so there is "
            "nothing to disclose."
        ) == advice.trace[0].reason
        assert 2 == advice.trace[0].fact("offers_on_record")


class TestWording:
    """Every sentence agrees in number and reads as written for a person."""

    def test_one_other_offer_is_singular(self) -> None:
        """One other offer is 'it', never 'offer(s)' or 'them'."""
        advice = advise_disclosure(
            candidate(offer("Initech, Inc.")), employer="Globex", employer_made_offer=True
        )
        text = advice.explain()

        assert advice.trace[0].reason.startswith(
            "You hold 1 live offer from another employer (Initech, Inc.). No hiring manager "
            "is owed an account of it, so it stays private"
        )
        assert advice.follow_up.startswith("You may mention your other offer if")
        assert "(s)" not in text
        assert " 1 other" not in text

    def test_one_other_offer_kept_private(self) -> None:
        """The follow-up for one private offer says 'it', not 'them'."""
        advice = advise_disclosure(candidate(offer("Initech")), employer="Globex")

        assert advice.trace[1].reason.endswith(
            "; mentioning your other offer now would show your hand too early."
        )
        assert advice.follow_up.endswith("without naming it or its terms.")

    def test_three_names_are_listed_as_a_sentence(self) -> None:
        """Several companies are joined with commas and 'and'."""
        held = candidate(offer("Initech"), offer("Globex"), offer("Hooli"))
        advice = advise_disclosure(held)

        assert advice.trace[0].reason.startswith(
            "You hold 3 live offers (Initech, Globex and Hooli). No hiring manager is owed "
            "an account of them, so they stay private"
        )
        assert advice.follow_up.endswith("without naming them or their terms.")

    def test_follow_up_of_a_hand_built_advice(self) -> None:
        """Advice whose trace does not count the offers gets the general wording."""
        step = Step(rule="disclosure", outcome=Outcome.NOTE, reason="Noted.")
        advice = DisclosureAdvice(stance=Disclosure.KEEP_PRIVATE, trace=[step])

        assert advice.follow_up.startswith("Keep your other offers to yourself for now;")

    def test_pay_is_counted_in_the_facts(self) -> None:
        """The comparison step records how many other offers state their pay."""
        held = candidate(offer("Initech", 90_000), offer("Globex"))
        advice = advise_disclosure(held, employer="Hooli", employer_made_offer=True)

        assert (
            Fact(name="offer_from_employer", value=True),
            Fact(name="other_live_offers", value=2),
            Fact(name="other_offers_with_pay", value=1),
        ) == advice.trace[2].facts


class TestExplain:
    """The plain-text account."""

    def test_keep_private(self) -> None:
        """The account names the stance, every step and what to do next."""
        text = advise_disclosure(TWO_PRICED, employer="Northwind").explain()
        lines = text.splitlines()

        assert "Other offers: KEEP PRIVATE (advice disclosure)." == lines[0]
        assert 3 == sum(line.startswith("  - [disclosure] ") for line in lines)
        assert "*" not in text
        assert lines[-1].startswith("Next: Keep your other offers to yourself for now;")

    def test_optional_marks_the_deciding_steps(self) -> None:
        """The steps that opened the option are starred."""
        text = advise_disclosure(TWO_PRICED, employer_made_offer=True).explain()

        assert text.startswith("Other offers: OPTIONAL (advice disclosure).")
        assert 2 == text.count("\n  * [disclosure] note: ")
        assert 1 == text.count("\n  - [disclosure] no objection: ")
        assert "nothing obliges you to" in text


class TestBadInput:
    """Arguments of the wrong type are refused, naming the argument."""

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
    """Properties over arbitrary offers, employers and signs of interest."""

    @given(
        st.lists(_offers, max_size=4),
        st.none() | st.sampled_from(["Acme", "ACME, Inc.", "Delta"]),
        st.booleans(),
        st.booleans(),
    )
    def test_stance_follows_the_advice(
        self, offers: list[Offer], employer: str | None, made_offer: bool, final: bool
    ) -> None:
        """OPTIONAL exactly when other offers exist and interest shows; no contradictions."""
        advice = advise_disclosure(
            candidate(*offers),
            employer=employer,
            employer_made_offer=made_offer,
            final_stage=final,
        )
        live = [o for o in offers if o.is_live]
        asked = None if employer is None else ("acme" if "acme" in employer.casefold() else "")
        own = [o for o in live if o.company.casefold() == asked]
        others = len(live) - len(own)
        expected = (
            Disclosure.OPTIONAL
            if others and (made_offer or final or own)
            else Disclosure.KEEP_PRIVATE
        )

        assert expected == advice.stance
        assert [] == contradictions(advice)
        assert advice == from_json(DisclosureAdvice, to_json(advice))
