"""Behaviour of advise_disclosure that mutation testing found unguarded.

Each test names the mutmut mutant it kills (see docs/development.md); it asserts what a
user sees (a stance, a step's facts, a sentence), never how the code is written.
"""

from __future__ import annotations

from interviewdecide import (
    Candidate,
    Disclosure,
    Money,
    Offer,
    OfferStatus,
    advise_disclosure,
)


def _candidate(*offers: tuple[str, OfferStatus]) -> Candidate:
    return Candidate(
        name="Mei Tan",
        years_experience=7,
        offers=[Offer(company=company, status=status) for company, status in offers],
    )


PENDING, DECLINED = OfferStatus.PENDING, OfferStatus.DECLINED


class TestFollowUpCountsOtherOffersOnly:
    """The follow-up counts the other live offers, not every offer on record (x__next, x__other_offers 1)."""

    def test_keep_private_one_other_offer(self) -> None:
        """Two offers on record, one of them declined: the advice speaks of one offer."""
        c = _candidate(("Globex Corp.", PENDING), ("Initech", DECLINED))

        advice = advise_disclosure(c, employer="Acme")

        assert Disclosure.KEEP_PRIVATE == advice.stance
        assert advice.follow_up.startswith("Keep your other offer to yourself for now;")
        assert advice.follow_up.endswith("without naming it or its terms.")

    def test_optional_one_other_offer(self) -> None:
        """An own offer from this employer plus one elsewhere: "your other offer", singular."""
        c = _candidate(("Globex", PENDING), ("ACME, Inc.", PENDING))

        advice = advise_disclosure(c, employer="Acme")

        assert Disclosure.OPTIONAL == advice.stance
        assert advice.follow_up.startswith("You may mention your other offer if doing so helps")
        assert advice.follow_up.endswith(" you decide how much to say.")

    def test_optional_several_other_offers(self) -> None:
        """Two offers elsewhere at the final stage: "your other offers", plural."""
        c = _candidate(("Globex", PENDING), ("Initech GmbH", PENDING))

        advice = advise_disclosure(c, employer="Acme", final_stage=True)

        assert Disclosure.OPTIONAL == advice.stance
        assert advice.follow_up.startswith("You may mention your other offers if doing so helps")


class TestExplain:
    """explain() heads the list of considerations (xǁDisclosureAdviceǁexplain 13)."""

    def test_heading_of_the_considerations(self) -> None:
        """The considerations follow a "What was weighed:" line, one line each."""
        lines = advise_disclosure(_candidate(("Globex", PENDING))).explain().splitlines()

        at = lines.index("What was weighed:")
        assert 3 == sum(line.startswith("  - [disclosure] ") for line in lines[at + 1 : at + 4])


class TestEmployerNames:
    """An employer named only by a legal-form word is still recognised (x__employer_key 9)."""

    def test_company_called_company(self) -> None:
        """An offer from "Company" is this employer's own when it is written "COMPANY."."""
        advice = advise_disclosure(_candidate(("Company", PENDING)), employer="COMPANY.")

        assert True is advice.trace[1].fact("offer_on_record_from_employer")
        assert 0 == advice.trace[0].fact("other_live_offers")


class TestFacts:
    """Every step records the facts it used, by name (x__holding, x__interest, x__comparison)."""

    def test_holding_counts_live_offers(self) -> None:
        """live_offers counts the live offers, lapsed ones left out."""
        c = _candidate(("Globex", PENDING), ("Initech", DECLINED), ("Umbrella", PENDING))

        advice = advise_disclosure(c, employer="Acme")

        assert 3 == advice.trace[0].fact("offers_on_record")
        assert 2 == advice.trace[0].fact("live_offers")

    def test_interest_names_the_employer(self) -> None:
        """The interest step records which employer it judged."""
        advice = advise_disclosure(_candidate(("Globex", PENDING)), employer="Acme Ltd")

        assert "Acme Ltd" == advice.trace[1].fact("employer")

    def test_interest_without_a_named_employer(self) -> None:
        """Without a name, the reason speaks of "this employer"."""
        advice = advise_disclosure(_candidate(("Globex", PENDING)))

        assert advice.trace[1].reason.startswith("This employer has made no offer")
        assert None is advice.trace[1].fact("employer")

    def test_comparison_facts_when_an_offer_is_in_hand(self) -> None:
        """With this employer's offer and priced ones elsewhere, the comparison keeps its facts."""
        priced = Offer(
            company="Globex",
            status=PENDING,
            salary=Money(amount=85_000, currency="EUR"),
        )
        c = Candidate(name="Mei Tan", years_experience=7, offers=[priced])

        advice = advise_disclosure(c, employer="Acme", employer_made_offer=True)

        step = advice.trace[2]
        assert (True, 1, 1) == (
            step.fact("offer_from_employer"),
            step.fact("other_live_offers"),
            step.fact("other_offers_with_pay"),
        )

    def test_comparison_facts_without_an_offer(self) -> None:
        """Without this employer's offer, the comparison still records what it weighed."""
        advice = advise_disclosure(_candidate(("Globex", PENDING)), employer="Acme")

        step = advice.trace[2]
        assert (False, 1, 0) == (
            step.fact("offer_from_employer"),
            step.fact("other_live_offers"),
            step.fact("other_offers_with_pay"),
        )

    def test_comparison_facts_with_nothing_to_compare(self) -> None:
        """With no other live offer, the comparison still records what it found."""
        advice = advise_disclosure(_candidate(("Acme", PENDING)), employer="Acme")

        step = advice.trace[2]
        assert (True, 0, 0) == (
            step.fact("offer_from_employer"),
            step.fact("other_live_offers"),
            step.fact("other_offers_with_pay"),
        )
