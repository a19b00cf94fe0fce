"""The article's situations, one advice id at a time."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import mei
from interviewdecide import (
    Action,
    Aspirations,
    Basis,
    Concern,
    ConcernKind,
    Conflict,
    Invitation,
    JobPosting,
    Location,
    Money,
    Offer,
    OfferStatus,
    Outcome,
    PayPeriod,
    PayRange,
    Policy,
    WorkArrangement,
    decide,
    rules,
)

POLICY = Policy()


def invitation(posting: JobPosting | None = None, **kw: object) -> Invitation:
    return Invitation(posting=posting or JobPosting(title="Data Analyst", company="Acme"), **kw)  # type: ignore[arg-type]


class TestAcceptedOffer:
    def test_no_offers_is_not_applicable(self) -> None:
        """Without offers the rule has no input."""
        step = rules.accepted_offer(mei(), invitation(), POLICY)

        assert Outcome.NOT_APPLICABLE == step.outcome
        assert "accepted-offer" == step.rule

    def test_accepted_offer_declines(self) -> None:
        """An accepted offer declines and names the employer."""
        c = mei(offers=[Offer(company="Globex", status=OfferStatus.ACCEPTED)])

        step = rules.accepted_offer(c, invitation(), POLICY)

        assert Outcome.DECLINE == step.outcome
        assert "Globex" in step.reason
        assert "Globex" == step.fact("accepted_offer_from")

    @pytest.mark.parametrize(
        "status",
        [OfferStatus.PENDING, OfferStatus.DECLINED, OfferStatus.RESCINDED, OfferStatus.EXPIRED],
    )
    def test_other_statuses_do_not_decline(self, status: OfferStatus) -> None:
        """Only a current acceptance counts: rescinded or expired offers do not bind."""
        c = mei(offers=[Offer(company="Globex", status=status)])

        step = rules.accepted_offer(c, invitation(), POLICY)

        assert Outcome.NO_OBJECTION == step.outcome
        assert f"Globex: {status.value}" in step.reason

    def test_lapsed_offers_are_called_out(self) -> None:
        """The reason says a rescinded offer no longer binds."""
        c = mei(offers=[Offer(company="Globex", status=OfferStatus.RESCINDED)])

        step = rules.accepted_offer(c, invitation(), POLICY)

        assert "no longer bind" in step.reason

    def test_accepted_offer_beats_a_perfect_match(self) -> None:
        """An accepted offer overrides an explicit yes on fit."""
        c = mei(offers=[Offer(company="Globex", status=OfferStatus.ACCEPTED)])

        verdict = decide(c, invitation(matches_aspirations=True))

        assert (Action.DECLINE, "accepted-offer") == (verdict.action, verdict.decided_by)


class TestFit:
    def test_own_answer_yes_attends(self) -> None:
        """The candidate's yes attends, to learn first-hand."""
        step = rules.fit(mei(), invitation(matches_aspirations=True), POLICY)

        assert Outcome.ATTEND == step.outcome
        assert step.fact("matches_aspirations") is True

    def test_own_answer_no_declines(self) -> None:
        """The candidate's no declines with a short e-mail."""
        verdict = decide(mei(), invitation(matches_aspirations=False))

        assert (Action.DECLINE, "fit") == (verdict.action, verdict.decided_by)
        assert "e-mail" in verdict.follow_up

    def test_nothing_to_compare_stays_silent(self) -> None:
        """Without an answer or aspirations, fit does not guess."""
        step = rules.fit(mei(), invitation(), POLICY)

        assert Outcome.NOT_APPLICABLE == step.outcome

    def test_role_match_attends(self) -> None:
        """Every word of an aspired role in the title is a match."""
        c = mei(aspirations=Aspirations(roles={"data analyst"}))
        posting = JobPosting(title="Senior Data Analyst (Finance)", company="Acme")

        step = rules.fit(c, invitation(posting), POLICY)

        assert Outcome.ATTEND == step.outcome
        assert "match" == step.fact("role")

    def test_role_clash_declines(self) -> None:
        """A title matching none of the roles is a clash."""
        c = mei(aspirations=Aspirations(roles={"designer", "ux researcher"}))

        step = rules.fit(c, invitation(), POLICY)

        assert Outcome.DECLINE == step.outcome
        assert "is not 'designer' or 'ux researcher'" in step.reason

    def test_all_dimensions_compared(self) -> None:
        """Industry, employer, arrangement, place and pay are each compared."""
        c = mei(
            aspirations=Aspirations(
                industries={"Finance"},
                companies={"acme"},
                arrangements={WorkArrangement.HYBRID},
                locations=[Location(city="Singapore")],
                min_salary=Money(amount=Decimal(60000), currency="SGD"),
            )
        )
        posting = JobPosting(
            title="Analyst",
            company="Acme",
            industry="finance",
            arrangement=WorkArrangement.HYBRID,
            locations=[Location(city="singapore", country="SG")],
            salary=PayRange(currency="SGD", period=PayPeriod.MONTH, minimum=Decimal(5000)),
        )

        step = rules.fit(c, invitation(posting), POLICY)

        assert Outcome.ATTEND == step.outcome
        assert {"industry", "company", "arrangement", "location", "pay"} <= {
            f.name for f in step.facts if f.value == "match"
        }

    def test_clashes_decline(self) -> None:
        """Avoided employer, wrong arrangement, place and low pay all clash."""
        c = mei(
            aspirations=Aspirations(
                industries={"health"},
                avoid_companies={"ACME"},
                arrangements={WorkArrangement.REMOTE},
                locations=[Location(city="Berlin")],
                min_salary=Money(amount=Decimal(90000), currency="EUR"),
            )
        )
        posting = JobPosting(
            title="Analyst",
            company="Acme",
            industry="finance",
            arrangement=WorkArrangement.ONSITE,
            locations=[Location(city="Lyon")],
            salary=PayRange(currency="EUR", minimum=Decimal(40000), maximum=Decimal(50000)),
        )

        step = rules.fit(c, invitation(posting), POLICY)

        assert Outcome.DECLINE == step.outcome
        assert [
            "industry",
            "avoided_company",
            "pay",
            "arrangement",
            "location",
        ] == [f.name for f in step.facts if f.value == "clash"]
        assert step.reason.startswith(
            "This posting misses what you need: Acme is an employer you avoid; the pay "
            "reaches 50,000 EUR a year, below your floor of 90,000; the work is onsite, "
            "which you ruled out; the job is in Lyon, not a place you listed."
        )
        assert "(s)" not in step.reason

    def test_remote_posting_ignores_location(self) -> None:
        """A remote job's office city does not clash with where the candidate lives."""
        c = mei(aspirations=Aspirations(locations=[Location(city="Berlin")]))
        posting = JobPosting(
            title="Analyst", arrangement=WorkArrangement.REMOTE, locations=[Location(city="Lyon")]
        )

        step = rules.fit(c, invitation(posting), POLICY)

        assert Outcome.NOT_APPLICABLE == step.outcome

    def test_pay_in_another_currency_is_not_compared(self) -> None:
        """Different currencies are named, not converted or guessed."""
        c = mei(aspirations=Aspirations(min_salary=Money(amount=Decimal(1), currency="EUR")))
        posting = JobPosting(title="Analyst", salary=PayRange(currency="USD", maximum=Decimal(9)))

        step = rules.fit(c, invitation(posting), POLICY)

        assert Outcome.NOT_APPLICABLE == step.outcome
        assert "unknown" == step.fact("pay")
        assert "USD" in step.reason

    def test_clash_threshold_is_a_policy(self) -> None:
        """With two unmet needs required, one unmet need beside a matching aim attends."""
        c = mei(aspirations=Aspirations(roles={"analyst"}, arrangements={WorkArrangement.REMOTE}))
        posting = JobPosting(title="Analyst", arrangement=WorkArrangement.ONSITE)

        strict = rules.fit(c, invitation(posting), POLICY)
        lenient = rules.fit(c, invitation(posting), Policy(fit_clashes_to_decline=2))

        assert (Outcome.DECLINE, Outcome.ATTEND) == (strict.outcome, lenient.outcome)
        assert 2 == lenient.fact("clashes_to_decline")
        assert (
            "It misses 1 need (the work is onsite, which you ruled out), fewer than the "
            "2 at which the policy says no."
        ) in lenient.reason

    def test_one_matching_aim_is_enough(self) -> None:
        """Aims are alternatives: a matching role outweighs an industry that differs."""
        c = mei(aspirations=Aspirations(roles={"analyst"}, industries={"health"}))
        posting = JobPosting(title="Analyst", industry="finance")

        step = rules.fit(c, invitation(posting), POLICY)

        assert Outcome.ATTEND == step.outcome
        assert ("match", "clash") == (step.fact("role"), step.fact("industry"))

    def test_aims_may_outweigh_needs_by_policy(self) -> None:
        """With needs_outweigh_aims off, a matching aim attends despite an unmet need."""
        c = mei(aspirations=Aspirations(roles={"analyst"}, locations=[Location(country="Germany")]))
        posting = JobPosting(title="Analyst", locations=[Location(city="Austin", country="US")])

        default = rules.fit(c, invitation(posting), POLICY)
        lenient = rules.fit(c, invitation(posting), Policy(fit_needs_outweigh_aims=False))

        assert (Outcome.DECLINE, Outcome.ATTEND) == (default.outcome, lenient.outcome)
        assert "but the policy lets aims outweigh needs" in lenient.reason

    def test_unmatched_aims_may_be_left_open_by_policy(self) -> None:
        """With unmatched_aims_decline off, a title outside the aims is no finding."""
        c = mei(aspirations=Aspirations(roles={"software engineer"}))
        posting = JobPosting(title="Sales Executive")

        default = rules.fit(c, invitation(posting), POLICY)
        lenient = rules.fit(c, invitation(posting), Policy(fit_unmatched_aims_decline=False))

        assert (Outcome.DECLINE, Outcome.NOT_APPLICABLE) == (default.outcome, lenient.outcome)
        assert (
            "what could be compared settles nothing: the title 'Sales Executive' is not "
            "'software engineer'."
        ) in lenient.reason


class TestSuitability:
    def test_article_case_declines(self) -> None:
        """Two years asked, seven held: skip it, with the threshold in the trace."""
        posting = JobPosting(title="Junior Analyst", required_years=2)

        verdict = decide(mei(7), posting)

        assert (Action.DECLINE, "suitability") == (verdict.action, verdict.decided_by)
        step = verdict.deciding_step
        assert 5.0 == step.fact("overqualified_surplus_years")
        assert (
            "With 7 years of experience, this check would not call you overqualified "
            "if the posting asked for more than 2 years."
        ) == step.counterfactual

    def test_near_match_attends(self) -> None:
        """Three asked, seven held is within the default surplus."""
        verdict = decide(mei(7), JobPosting(title="Analyst", required_years=3))

        assert (Action.ATTEND, "learning") == (verdict.action, verdict.decided_by)
        assert Outcome.NO_OBJECTION == verdict.trace[2].outcome
        assert (
            "With 7 years of experience, this check would call you overqualified if the "
            "posting asked for 2 years or fewer."
        ) == verdict.trace[2].counterfactual

    def test_ratio_alone(self) -> None:
        """With the surplus test off, a ratio of 3 declines four held against one asked."""
        posting = JobPosting(title="Analyst", required_years=1)
        policy = Policy(overqualified_surplus_years=None, overqualified_ratio=3.0)

        default = rules.suitability(mei(4), invitation(posting), POLICY)
        by_ratio = rules.suitability(mei(4), invitation(posting), policy)

        assert (Outcome.NO_OBJECTION, Outcome.DECLINE) == (default.outcome, by_ratio.outcome)
        assert "(at least 3 times the figure)" in by_ratio.reason
        assert "more than 1.34 years" in (by_ratio.counterfactual or "")
        assert pytest.approx(4 / 3) == by_ratio.fact("overqualified_at_or_below_years")

    def test_surplus_alone(self) -> None:
        """With the ratio test off, a senior role asking 10 of 15 years declines."""
        posting = JobPosting(title="Head of Engineering", required_years=10)
        policy = Policy(overqualified_ratio=None)

        default = rules.suitability(mei(15), invitation(posting), POLICY)
        by_surplus = rules.suitability(mei(15), invitation(posting), policy)

        assert (Outcome.NO_OBJECTION, Outcome.DECLINE) == (default.outcome, by_surplus.outcome)
        assert "(at least 5 years more than asked)" in by_surplus.reason

    @pytest.mark.parametrize(
        ("held", "policy", "expected"),
        [
            (7, Policy(), 2.0),
            (15, Policy(), 7.5),
            (4, Policy(overqualified_surplus_years=None, overqualified_ratio=3.0), 4 / 3),
            (3, Policy(), None),
            (30, Policy(overqualified_surplus_years=None, overqualified_ratio=None), None),
        ],
    )
    def test_overqualified_limit(self, held: float, policy: Policy, expected: float | None) -> None:
        """The public limit is the figure at or below which suitability declines."""
        assert pytest.approx(expected) == rules.overqualified_limit(held, policy)
        if expected is not None:
            at = rules.suitability(
                mei(held), invitation(JobPosting(title="A", required_years=expected)), policy
            )
            assert Outcome.DECLINE == at.outcome

    def test_both_tests_off(self) -> None:
        """With both tests switched off, no figure declines and no flip is promised."""
        posting = JobPosting(title="Analyst", required_years=0)
        policy = Policy(overqualified_surplus_years=None, overqualified_ratio=None)

        step = rules.suitability(mei(30), invitation(posting), policy)

        assert Outcome.NO_OBJECTION == step.outcome
        assert step.counterfactual is None
        assert "the policy's overqualification test is switched off" in step.reason

    def test_too_few_years_to_be_overqualified(self) -> None:
        """Three years held can never be five more than asked: said, with no flip."""
        posting = JobPosting(title="Analyst", required_years=1)

        step = rules.suitability(mei(3), invitation(posting), POLICY)

        assert Outcome.NO_OBJECTION == step.outcome
        assert step.counterfactual is None
        assert "with 3 years no posting would be too junior" in step.reason

    @pytest.mark.parametrize(
        ("asked", "held", "expected"),
        [
            (2, 7, Outcome.DECLINE),
            (1, 8, Outcome.DECLINE),
            (0, 6, Outcome.DECLINE),
            (2, 12, Outcome.DECLINE),
            (10, 15, Outcome.NO_OBJECTION),
            (8, 14, Outcome.NO_OBJECTION),
            (12, 20, Outcome.NO_OBJECTION),
            (15, 22, Outcome.NO_OBJECTION),
            (3, 7, Outcome.NO_OBJECTION),
            (2, 6, Outcome.NO_OBJECTION),
            (7, 7, Outcome.NO_OBJECTION),
        ],
    )
    def test_default_thresholds_at_the_clear_ends(
        self, asked: float, held: float, expected: Outcome
    ) -> None:
        """The early-career mismatch declines; a few extra years on a senior role do not."""
        posting = JobPosting(title="Engineer", required_years=asked)

        assert expected == rules.suitability(mei(held), invitation(posting), POLICY).outcome

    def test_fewer_years_than_asked_is_worded_as_such(self) -> None:
        """Someone short of the figure is told so, not that they are 'within' a surplus."""
        posting = JobPosting(title="Engineer", required_years=5)

        step = rules.suitability(mei(3), invitation(posting), POLICY)

        assert step.reason.startswith(
            "The job description asks for 5 years and you have 3 years, 2 years fewer;"
        )
        assert "within" not in step.reason

    def test_ratio_ignores_a_zero_figure(self) -> None:
        """A posting asking for nothing is not a multiple of anything."""
        policy = Policy(overqualified_ratio=2.0, overqualified_surplus_years=50)

        step = rules.suitability(
            mei(0), invitation(JobPosting(title="Intern", required_years=0)), policy
        )

        assert Outcome.NO_OBJECTION == step.outcome
        assert step.counterfactual is None

    def test_no_reachable_threshold_has_no_counterfactual(self) -> None:
        """A newcomer cannot be overqualified, so no flip is offered."""
        step = rules.suitability(
            mei(1), invitation(JobPosting(title="Analyst", required_years=1)), POLICY
        )

        assert step.counterfactual is None

    def test_figure_from_text_is_said(self) -> None:
        """A figure read from free text is flagged in the reason and the facts."""
        posting = JobPosting(title="Analyst", required_years=2, required_years_from_text=True)

        step = rules.suitability(mei(7), invitation(posting), POLICY)

        assert "read from the description's text" in step.reason
        assert step.fact("years_asked_from_text") is True

    def test_underqualified_is_off_by_default(self) -> None:
        """A stretch role is never skipped unless the policy says so."""
        posting = JobPosting(title="Lead", required_years=10)

        default = rules.suitability(mei(2), invitation(posting), POLICY)
        strict = rules.suitability(
            mei(2), invitation(posting), Policy(underqualified_shortfall_years=5)
        )

        assert (Outcome.NO_OBJECTION, Outcome.DECLINE) == (default.outcome, strict.outcome)
        assert "you have 2 years, 8 years fewer" in strict.reason
        assert "less than 7 years" in (strict.counterfactual or "")

    def test_job_description_concern_declines(self) -> None:
        """A concern read from the job description declines."""
        inv = invitation(
            concerns=[Concern(kind=ConcernKind.UNSUITABLE, basis=Basis.JOB_DESCRIPTION)]
        )

        verdict = decide(mei(), inv)

        assert (Action.DECLINE, "suitability") == (verdict.action, verdict.decided_by)

    @pytest.mark.parametrize("basis", [Basis.FRIENDS_ADVICE, Basis.HEARSAY, Basis.OWN_IMPRESSION])
    def test_hearsay_without_figure_leaves_a_note(self, basis: Basis) -> None:
        """Hearsay alone notes and points to the job description; it never declines."""
        inv = invitation(concerns=[Concern(kind=ConcernKind.OVERQUALIFIED, basis=basis)])

        verdict = decide(mei(), inv)

        assert Action.ATTEND == verdict.action
        step = verdict.trace[2]
        assert Outcome.NOTE == step.outcome
        assert "check what the job description asks before declining" in step.reason

    def test_hearsay_with_a_low_figure(self) -> None:
        """Hearsay plus a near-match figure still attends, pointing at the figure."""
        posting = JobPosting(title="Analyst", required_years=4)
        inv = invitation(
            posting, concerns=[Concern(kind=ConcernKind.OVERQUALIFIED, basis=Basis.FRIENDS_ADVICE)]
        )

        step = rules.suitability(mei(7), inv, POLICY)

        assert Outcome.NOTE == step.outcome
        assert "friends' advice" in step.reason
        assert "the job description's own figure above is what counts" in step.reason

    def test_hearsay_with_a_figure_that_declines(self) -> None:
        """When the figure itself declines, hearsay does not soften it."""
        posting = JobPosting(title="Analyst", required_years=1)
        inv = invitation(
            posting, concerns=[Concern(kind=ConcernKind.OVERQUALIFIED, basis=Basis.HEARSAY)]
        )

        step = rules.suitability(mei(7), inv, POLICY)

        assert Outcome.DECLINE == step.outcome
        assert "overqualified (hearsay)" == step.fact("concern[0]")

    def test_fit_yes_versus_suitability_decline(self) -> None:
        """The default declines and keeps both findings; the policy switch attends."""
        posting = JobPosting(title="Junior Analyst", required_years=2)
        inv = invitation(posting, matches_aspirations=True)

        default = decide(mei(7), inv)
        flipped = decide(mei(7), inv, policy=Policy(conflict=Conflict.FIRST_DECISIVE))

        assert (Action.DECLINE, "suitability") == (default.action, default.decided_by)
        assert [Outcome.ATTEND, Outcome.DECLINE] == [s.outcome for s in default.trace[1:3]]
        assert (Action.ATTEND, "fit") == (flipped.action, flipped.decided_by)
        assert "first-decisive" == flipped.combined_by


class TestLearning:
    def test_learning_attends_as_tie_breaker(self) -> None:
        """With nothing decisive, learning attends."""
        verdict = decide(mei(), invitation())

        assert (Action.ATTEND, "learning") == (verdict.action, verdict.decided_by)
        assert "commits you to nothing" in verdict.deciding_step.reason
