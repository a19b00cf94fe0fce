"""The article's situations, one advice id at a time."""

from __future__ import annotations

from decimal import Decimal

import pytest

from interviewdecide import (
    Action,
    Aspirations,
    Basis,
    Candidate,
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


def candidate(years: float = 7, **kw: object) -> Candidate:
    return Candidate(name="Mei Tan", years_experience=years, **kw)  # type: ignore[arg-type]


def invitation(posting: JobPosting | None = None, **kw: object) -> Invitation:
    return Invitation(posting=posting or JobPosting(title="Data Analyst", company="Acme"), **kw)  # type: ignore[arg-type]


class TestAcceptedOffer:
    def test_no_offers_is_not_applicable(self) -> None:
        """Without offers the rule has no input."""
        step = rules.accepted_offer(candidate(), invitation(), POLICY)

        assert Outcome.NOT_APPLICABLE == step.outcome
        assert "accepted-offer" == step.rule

    def test_accepted_offer_declines(self) -> None:
        """An accepted offer declines and names the employer."""
        c = candidate(offers=[Offer(company="Globex", status=OfferStatus.ACCEPTED)])

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
        c = candidate(offers=[Offer(company="Globex", status=status)])

        step = rules.accepted_offer(c, invitation(), POLICY)

        assert Outcome.NO_OBJECTION == step.outcome
        assert f"Globex: {status.value}" in step.reason

    def test_lapsed_offers_are_called_out(self) -> None:
        """The reason says a rescinded offer no longer binds."""
        c = candidate(offers=[Offer(company="Globex", status=OfferStatus.RESCINDED)])

        step = rules.accepted_offer(c, invitation(), POLICY)

        assert "no longer bind" in step.reason

    def test_accepted_offer_beats_a_perfect_match(self) -> None:
        """An accepted offer overrides an explicit yes on fit."""
        c = candidate(offers=[Offer(company="Globex", status=OfferStatus.ACCEPTED)])

        verdict = decide(c, invitation(matches_aspirations=True))

        assert (Action.DECLINE, "accepted-offer") == (verdict.action, verdict.decided_by)


class TestFit:
    def test_own_answer_yes_attends(self) -> None:
        """The candidate's yes attends, to learn first-hand."""
        step = rules.fit(candidate(), invitation(matches_aspirations=True), POLICY)

        assert Outcome.ATTEND == step.outcome
        assert step.fact("matches_aspirations") is True

    def test_own_answer_no_declines(self) -> None:
        """The candidate's no declines with a short e-mail."""
        verdict = decide(candidate(), invitation(matches_aspirations=False))

        assert (Action.DECLINE, "fit") == (verdict.action, verdict.decided_by)
        assert "e-mail" in verdict.follow_up

    def test_nothing_to_compare_stays_silent(self) -> None:
        """Without an answer or aspirations, fit does not guess."""
        step = rules.fit(candidate(), invitation(), POLICY)

        assert Outcome.NOT_APPLICABLE == step.outcome

    def test_role_match_attends(self) -> None:
        """Every word of an aspired role in the title is a match."""
        c = candidate(aspirations=Aspirations(roles={"data analyst"}))
        posting = JobPosting(title="Senior Data Analyst (Finance)", company="Acme")

        step = rules.fit(c, invitation(posting), POLICY)

        assert Outcome.ATTEND == step.outcome
        assert "match" == step.fact("role")

    def test_role_clash_declines(self) -> None:
        """A title matching none of the roles is a clash."""
        c = candidate(aspirations=Aspirations(roles={"designer", "ux researcher"}))

        step = rules.fit(c, invitation(), POLICY)

        assert Outcome.DECLINE == step.outcome
        assert "designer, ux researcher" in step.reason

    def test_all_dimensions_compared(self) -> None:
        """Industry, employer, arrangement, place and pay are each compared."""
        c = candidate(
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
        c = candidate(
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
            "company",
            "arrangement",
            "location",
            "pay",
        ] == [f.name for f in step.facts if f.value == "clash"]
        assert "5 fact(s) clash" in step.reason

    def test_remote_posting_ignores_location(self) -> None:
        """A remote job's office city does not clash with where the candidate lives."""
        c = candidate(aspirations=Aspirations(locations=[Location(city="Berlin")]))
        posting = JobPosting(
            title="Analyst", arrangement=WorkArrangement.REMOTE, locations=[Location(city="Lyon")]
        )

        step = rules.fit(c, invitation(posting), POLICY)

        assert Outcome.NOT_APPLICABLE == step.outcome

    def test_pay_in_another_currency_is_not_compared(self) -> None:
        """Different currencies are named, not converted or guessed."""
        c = candidate(aspirations=Aspirations(min_salary=Money(amount=Decimal(1), currency="EUR")))
        posting = JobPosting(title="Analyst", salary=PayRange(currency="USD", maximum=Decimal(9)))

        step = rules.fit(c, invitation(posting), POLICY)

        assert Outcome.NOT_APPLICABLE == step.outcome
        assert "unknown" == step.fact("pay")
        assert "USD" in step.reason

    def test_clash_threshold_is_a_policy(self) -> None:
        """With two clashes required, one clash among matches attends."""
        c = candidate(aspirations=Aspirations(roles={"analyst"}, industries={"health"}))
        posting = JobPosting(title="Analyst", industry="finance")

        strict = rules.fit(c, invitation(posting), POLICY)
        lenient = rules.fit(c, invitation(posting), Policy(fit_clashes_to_decline=2))

        assert (Outcome.DECLINE, Outcome.ATTEND) == (strict.outcome, lenient.outcome)
        assert 2 == lenient.fact("clashes_to_decline")
        assert "1 fact(s) clash, fewer than the 2 the policy needs to decline" in lenient.reason


class TestSuitability:
    def test_article_case_declines(self) -> None:
        """Two years asked, seven held: skip it, with the threshold in the trace."""
        posting = JobPosting(title="Junior Analyst", required_years=2)

        verdict = decide(candidate(7), posting)

        assert (Action.DECLINE, "suitability") == (verdict.action, verdict.decided_by)
        step = verdict.deciding_step
        assert 5.0 == step.fact("overqualified_surplus_years")
        assert (
            "With 7 years held, you would attend if the posting asked for more than "
            "2 years; it asks for 2 years."
        ) == step.counterfactual

    def test_near_match_attends(self) -> None:
        """Three asked, seven held is within the default surplus."""
        verdict = decide(candidate(7), JobPosting(title="Analyst", required_years=3))

        assert (Action.ATTEND, "learning") == (verdict.action, verdict.decided_by)
        assert Outcome.NO_OBJECTION == verdict.trace[2].outcome
        assert (
            "With 7 years held, you would be judged overqualified if the posting asked "
            "for 2 years or fewer; it asks for 3 years."
        ) == verdict.trace[2].counterfactual

    def test_ratio_policy(self) -> None:
        """A ratio of 3 declines four held against one asked."""
        posting = JobPosting(title="Analyst", required_years=1)
        policy = Policy(overqualified_ratio=3.0)

        default = rules.suitability(candidate(4), invitation(posting), POLICY)
        by_ratio = rules.suitability(candidate(4), invitation(posting), policy)

        assert (Outcome.NO_OBJECTION, Outcome.DECLINE) == (default.outcome, by_ratio.outcome)
        assert "3 times the figure asked" in by_ratio.reason
        assert "more than 1.33333 years" in (by_ratio.counterfactual or "")

    def test_ratio_ignores_a_zero_figure(self) -> None:
        """A posting asking for nothing is not a multiple of anything."""
        policy = Policy(overqualified_ratio=2.0, overqualified_surplus_years=50)

        step = rules.suitability(
            candidate(0), invitation(JobPosting(title="Intern", required_years=0)), policy
        )

        assert Outcome.NO_OBJECTION == step.outcome
        assert step.counterfactual is None

    def test_no_reachable_threshold_has_no_counterfactual(self) -> None:
        """A newcomer cannot be overqualified, so no flip is offered."""
        step = rules.suitability(
            candidate(1), invitation(JobPosting(title="Analyst", required_years=1)), POLICY
        )

        assert step.counterfactual is None

    def test_figure_from_text_is_said(self) -> None:
        """A figure read from free text is flagged in the reason and the facts."""
        posting = JobPosting(title="Analyst", required_years=2, required_years_from_text=True)

        step = rules.suitability(candidate(7), invitation(posting), POLICY)

        assert "read from the description's text" in step.reason
        assert step.fact("years_asked_from_text") is True

    def test_underqualified_is_off_by_default(self) -> None:
        """A stretch role is never skipped unless the policy says so."""
        posting = JobPosting(title="Lead", required_years=10)

        default = rules.suitability(candidate(2), invitation(posting), POLICY)
        strict = rules.suitability(
            candidate(2), invitation(posting), Policy(underqualified_shortfall_years=5)
        )

        assert (Outcome.NO_OBJECTION, Outcome.DECLINE) == (default.outcome, strict.outcome)
        assert "a shortfall of 8 years" in strict.reason
        assert "less than 7 years" in (strict.counterfactual or "")

    def test_job_description_concern_declines(self) -> None:
        """A concern read from the job description declines."""
        inv = invitation(
            concerns=[Concern(kind=ConcernKind.UNSUITABLE, basis=Basis.JOB_DESCRIPTION)]
        )

        verdict = decide(candidate(), inv)

        assert (Action.DECLINE, "suitability") == (verdict.action, verdict.decided_by)

    @pytest.mark.parametrize("basis", [Basis.FRIENDS_ADVICE, Basis.HEARSAY, Basis.OWN_IMPRESSION])
    def test_hearsay_without_figure_leaves_a_note(self, basis: Basis) -> None:
        """Hearsay alone notes and points to the job description; it never declines."""
        inv = invitation(concerns=[Concern(kind=ConcernKind.OVERQUALIFIED, basis=basis)])

        verdict = decide(candidate(), inv)

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

        step = rules.suitability(candidate(7), inv, POLICY)

        assert Outcome.NOTE == step.outcome
        assert "friends' advice" in step.reason
        assert "the job description's own figure above is what counts" in step.reason

    def test_hearsay_with_a_figure_that_declines(self) -> None:
        """When the figure itself declines, hearsay does not soften it."""
        posting = JobPosting(title="Analyst", required_years=1)
        inv = invitation(
            posting, concerns=[Concern(kind=ConcernKind.OVERQUALIFIED, basis=Basis.HEARSAY)]
        )

        step = rules.suitability(candidate(7), inv, POLICY)

        assert Outcome.DECLINE == step.outcome
        assert "overqualified (hearsay)" == step.fact("concern[0]")

    def test_fit_yes_versus_suitability_decline(self) -> None:
        """The default declines and keeps both findings; the policy switch attends."""
        posting = JobPosting(title="Junior Analyst", required_years=2)
        inv = invitation(posting, matches_aspirations=True)

        default = decide(candidate(7), inv)
        flipped = decide(candidate(7), inv, policy=Policy(conflict=Conflict.FIRST_DECISIVE))

        assert (Action.DECLINE, "suitability") == (default.action, default.decided_by)
        assert [Outcome.ATTEND, Outcome.DECLINE] == [s.outcome for s in default.trace[1:3]]
        assert (Action.ATTEND, "fit") == (flipped.action, flipped.decided_by)
        assert "first-decisive" == flipped.combined_by


class TestLearning:
    def test_learning_attends_as_tie_breaker(self) -> None:
        """With nothing decisive, learning attends."""
        verdict = decide(candidate(), invitation())

        assert (Action.ATTEND, "learning") == (verdict.action, verdict.decided_by)
        assert "commits you to nothing" in verdict.deciding_step.reason
