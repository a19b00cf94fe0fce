"""Verdicts a recruiter would sign, on inputs as people write them.

Each case in ``TestReportedCases`` was decided wrongly before (issue #9); the
counterfactual tests re-run every "what would change it" sentence the library prints.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import costly
from interviewdecide import (
    Action,
    Aspirations,
    Basis,
    Candidate,
    Concern,
    ConcernKind,
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
    Step,
    Verdict,
    WorkArrangement,
    decide,
    rules,
    testing,
)


def mei(years: float = 7, **wants: object) -> Candidate:
    return Candidate(name="Mei Tan", years_experience=years, aspirations=Aspirations(**wants))  # type: ignore[arg-type]


def fit_of(verdict: Verdict) -> Step:
    return next(s for s in verdict.trace if s.rule == "fit")


class TestReportedCases:
    @pytest.mark.parametrize(
        ("aim", "title"),
        [
            ("software engineer", "Software Developer"),
            ("data engineer", "Data Engineering Lead"),
            ("data analyst", "Data Analysts (2 openings)"),
            ("software engineer", "Sr. Software Engineer II"),
        ],
    )
    def test_matching_titles_attend(self, aim: str, title: str) -> None:
        """A title that names the aimed-for role in other words is a "yes"."""
        verdict = decide(mei(roles={aim}), JobPosting(title=title, company="Acme"))

        assert (Action.ATTEND, "fit") == (verdict.action, verdict.decided_by)

    @pytest.mark.parametrize(
        ("wanted", "posted"),
        [("Germany", "DE"), ("Netherlands", "NL"), ("UK", "GB"), ("USA", "US")],
    )
    def test_country_codes_are_countries(self, wanted: str, posted: str) -> None:
        """A code and a name of the same country match."""
        posting = JobPosting(title="Analyst", locations=[Location(city="X", country=posted)])

        verdict = decide(mei(locations=[Location(country=wanted)]), posting)

        assert (Action.ATTEND, "fit", "match") == (
            verdict.action,
            verdict.decided_by,
            fit_of(verdict).fact("location"),
        )

    def test_city_against_country_is_unknown(self) -> None:
        """Berlin alone cannot be compared with Germany: no clash, no guess."""
        posting = JobPosting(title="Analyst", locations=[Location(city="Berlin")])

        verdict = decide(mei(locations=[Location(country="Germany")]), posting)

        assert (Action.ATTEND, "learning") == (verdict.action, verdict.decided_by)
        assert (Outcome.NOT_APPLICABLE, "unknown") == (
            fit_of(verdict).outcome,
            fit_of(verdict).fact("location"),
        )

    def test_wanted_company_or_position(self) -> None:
        """A wanted employer in the wanted city attends, whatever the title."""
        candidate = mei(
            roles={"software engineer"},
            companies={"Grab"},
            locations=[Location(city="Singapore")],
        )
        posting = JobPosting(
            title="Product Manager",
            company="Grab Holdings Inc.",
            locations=[Location(city="Singapore", country="SG")],
        )

        verdict = decide(candidate, posting)

        assert (Action.ATTEND, "fit") == (verdict.action, verdict.decided_by)
        step = fit_of(verdict)
        assert ("clash", "match", "match") == (
            step.fact("role"),
            step.fact("company"),
            step.fact("location"),
        )

    def test_senior_role_with_a_few_extra_years_attends(self) -> None:
        """Head of Engineering asking 10 years of someone with 15 is no mismatch."""
        verdict = decide(mei(15), JobPosting(title="Head of Engineering", required_years=10))

        assert Action.ATTEND == verdict.action

    def test_offer_accepted_from_the_employer_asking(self) -> None:
        """Initech's own request is not declined because Initech's offer was accepted."""
        candidate = Candidate(
            name="Mei Tan",
            years_experience=7,
            offers=[Offer(company="Initech", status=OfferStatus.ACCEPTED)],
        )
        posting = JobPosting(title="Platform Engineer", company="Initech, Inc.")

        verdict = decide(candidate, posting)

        assert Action.ATTEND == verdict.action
        accepted = verdict.trace[0]
        assert Outcome.NO_OBJECTION == accepted.outcome
        assert "the employer asking" in accepted.reason
        assert "before" not in accepted.reason

    def test_offer_accepted_elsewhere_still_declines(self) -> None:
        """Globex's request is declined once Initech's offer is accepted, with no invented dates."""
        candidate = Candidate(
            name="Mei Tan",
            years_experience=7,
            offers=[Offer(company="Initech", status=OfferStatus.ACCEPTED)],
        )

        verdict = decide(candidate, JobPosting(title="Engineer", company="Globex"))

        assert (Action.DECLINE, "accepted-offer") == (verdict.action, verdict.decided_by)
        assert "arranged before" not in verdict.deciding_step.reason

    def test_unnamed_employer_and_an_accepted_offer_declines(self) -> None:
        """A posting that names no employer might be anyone: the accepted offer declines it."""
        candidate = Candidate(
            name="Mei Tan",
            years_experience=7,
            offers=[Offer(company="Initech", status=OfferStatus.ACCEPTED)],
        )

        verdict = decide(candidate, JobPosting(title="Engineer"))

        assert (Action.DECLINE, "accepted-offer") == (verdict.action, verdict.decided_by)

    def test_unmatched_aims_decline(self) -> None:
        """A Sales Executive role for someone aiming only at engineering declines."""
        candidate = mei(roles={"software engineer", "data engineer"})

        verdict = decide(candidate, JobPosting(title="Sales Executive", company="Acme"))

        assert (Action.DECLINE, "fit") == (verdict.action, verdict.decided_by)

    def test_needs_outweigh_aims(self) -> None:
        """An on-site job in Austin is no use to someone who will only work in Germany."""
        candidate = mei(roles={"software engineer"}, locations=[Location(country="Germany")])
        posting = JobPosting(
            title="Software Engineer",
            company="Acme",
            arrangement=WorkArrangement.ONSITE,
            locations=[Location(city="Austin", region="TX", country="US")],
        )

        verdict = decide(candidate, posting)

        assert (Action.DECLINE, "fit") == (verdict.action, verdict.decided_by)
        reason = verdict.deciding_step.reason
        assert reason.index("misses what you need") < reason.index("outweighs what matches")


class TestPayScaling:
    HUGE_HOURLY = PayRange(currency="EUR", period=PayPeriod.HOUR, maximum=Decimal(500000000000))

    def test_yearly_figure_past_the_bound_is_none(self) -> None:
        """Scaling a valid hourly rate past 10**15 a year gives None, never an error."""
        assert self.HUGE_HOURLY.best_per_year() is None

    def test_decide_treats_it_as_unknown(self) -> None:
        """decide() and triage() compare nothing and do not crash (found by fuzzing)."""
        candidate = mei(min_salary=Money(amount=Decimal(50000), currency="EUR"))
        posting = JobPosting(title="Analyst", salary=self.HUGE_HOURLY)

        verdict = decide(candidate, posting)

        assert "unknown" == fit_of(verdict).fact("pay")
        assert "too large to scale" in fit_of(verdict).reason

    def test_just_below_the_bound_is_compared(self) -> None:
        """The largest yearly figure that fits is still compared."""
        top = (Decimal(10) ** 15 - 1) / 2080
        pay = PayRange(currency="EUR", period=PayPeriod.HOUR, maximum=top.quantize(Decimal(1)))

        assert pay.best_per_year() is not None


# -- counterfactuals --------------------------------------------------------------

_FIGURE = re.compile(
    r"this check would (?P<claim>not call you overqualified|call you overqualified|not decline) "
    r"if the posting asked for (?P<how>more than|less than)? ?(?P<years>[\d.]+) years?"
    r"(?P<fewer> or fewer)?\.$"
)


def declines(candidate: Candidate, invitation: Invitation, policy: Policy, asked: float) -> bool:
    """Whether suitability declines at ``asked`` for the reason the sentence is about."""
    posting = attrs.evolve(invitation.posting, required_years=asked)
    step = rules.suitability(candidate, attrs.evolve(invitation, posting=posting), policy)
    return step.outcome is Outcome.DECLINE and "calls that overqualified" in step.reason


def declines_short(
    candidate: Candidate, invitation: Invitation, policy: Policy, asked: float
) -> bool:
    """Whether suitability declines at ``asked`` as out of reach."""
    posting = attrs.evolve(invitation.posting, required_years=asked)
    step = rules.suitability(candidate, attrs.evolve(invitation, posting=posting), policy)
    return step.outcome is Outcome.DECLINE and "out of reach" in step.reason


def assert_counterfactual_holds(
    candidate: Candidate, invitation: Invitation, policy: Policy, step: Step
) -> None:
    """Re-run the rule at the figures the sentence names and check the claim."""
    assert step.counterfactual is not None
    match = _FIGURE.search(step.counterfactual)
    assert match is not None, step.counterfactual
    figure = float(match["years"])
    claim, how = match["claim"], match["how"]
    if how == "more than":  # "would not call you overqualified if ... more than X"
        above = [figure + 0.01, figure + 1, figure * 2 + 1]
        assert not any(declines(candidate, invitation, policy, a) for a in above)
        assert claim == "not call you overqualified"
    elif how == "less than":  # "would not decline if ... less than X"
        below = [b for b in (figure - 0.01, figure / 2, 0.0) if b >= 0]
        assert not any(declines_short(candidate, invitation, policy, b) for b in below)
    else:  # "would call you overqualified if ... X or fewer"
        assert match["fewer"]
        at_or_below = [b for b in (figure, figure - 0.01, figure / 2, 0.0) if b >= 0]
        assert all(declines(candidate, invitation, policy, b) for b in at_or_below)


class TestCounterfactuals:
    @pytest.mark.fuzz
    @costly
    @given(testing.candidates(), testing.invitations(), testing.policies())
    def test_every_counterfactual_holds_when_re_run(
        self, candidate: Candidate, invitation: Invitation, policy: Policy
    ) -> None:
        """Whatever the inputs, the figure a counterfactual names flips the finding."""
        verdict = decide(candidate, invitation, policy=policy)
        for step in verdict.trace:
            if step.counterfactual is not None:
                assert_counterfactual_holds(candidate, invitation, policy, step)

    @given(
        st.integers(min_value=0, max_value=4000).map(lambda n: n / 100),
        st.integers(min_value=0, max_value=4000).map(lambda n: n / 100),
    )
    def test_thresholds_near_the_boundary(self, held: float, asked: float) -> None:
        """Two-decimal figures like 7.1 held, 2.1 asked are judged exactly."""
        candidate = Candidate(name="Mei Tan", years_experience=held)
        invitation = Invitation(posting=JobPosting(title="Analyst", required_years=asked))
        step = rules.suitability(candidate, invitation, Policy())

        overqualified = Decimal(repr(held)) - Decimal(repr(asked)) >= 5 and Decimal(
            repr(held)
        ) >= 2 * Decimal(repr(asked))

        assert overqualified == (step.outcome is Outcome.DECLINE)
        if step.counterfactual is not None:
            assert_counterfactual_holds(candidate, invitation, Policy(), step)

    @pytest.mark.parametrize("held", [123456789012345678901234567890.123456789, 1e300])
    def test_huge_year_counts(self, held: float) -> None:
        """Any finite year count gets a counterfactual, not a decimal error (found by fuzzing)."""
        candidate = Candidate(name="Mei Tan", years_experience=held)
        invitation = Invitation(posting=JobPosting(title="Analyst", required_years=5))

        step = rules.suitability(candidate, invitation, Policy())

        assert Outcome.DECLINE == step.outcome
        assert step.counterfactual is not None
        assert "if the posting asked for more than" in step.counterfactual

    def test_concern_from_the_description_promises_no_flip(self) -> None:
        """When the candidate's own reading of the description declines, no figure would flip it."""
        invitation = Invitation(
            posting=JobPosting(title="Analyst", required_years=6),
            concerns=[Concern(kind=ConcernKind.UNSUITABLE, basis=Basis.JOB_DESCRIPTION)],
        )

        step = rules.suitability(mei(7), invitation, Policy())

        assert (Outcome.DECLINE, None) == (step.outcome, step.counterfactual)


class TestWording:
    @given(testing.candidates(), testing.invitations(), testing.policies())
    def test_no_template_words(
        self, candidate: Candidate, invitation: Invitation, policy: Policy
    ) -> None:
        """No "(s)", no "hold N years", no hearsay caveat inside a decline by that rule."""
        verdict = decide(candidate, invitation, policy=policy)
        assert verdict.explain()
        for step in verdict.trace:
            assert "(s)" not in step.reason
            assert re.search(r"\bhold \d", step.reason) is None
            if step.outcome is Outcome.DECLINE:
                assert "no reason to decline" not in step.reason
                assert "does not justify declining" not in step.reason

    def test_hearsay_beside_a_decline_does_not_contradict_it(self) -> None:
        """A figure-backed decline with a hearsay worry says the description decides."""
        invitation = Invitation(
            posting=JobPosting(title="Junior Analyst", required_years=2),
            concerns=[Concern(kind=ConcernKind.OVERQUALIFIED, basis=Basis.FRIENDS_ADVICE)],
        )

        step = rules.suitability(mei(7), invitation, Policy())

        assert Outcome.DECLINE == step.outcome
        assert step.reason.endswith(
            "Your worry that you are overqualified rests on friends' advice, which is not "
            "evidence; the job description is what decides here."
        )

    def test_matches_and_clashes_are_listed_apart(self) -> None:
        """A fit decline lists what is missing, then what matched, in separate sentences."""
        candidate = mei(
            roles={"analyst"},
            min_salary=Money(amount=Decimal(90000), currency="EUR"),
        )
        posting = JobPosting(
            title="Analyst", salary=PayRange(currency="EUR", maximum=Decimal(60000))
        )

        step = fit_of(decide(candidate, posting))

        assert (
            "This posting misses what you need: the pay reaches 60,000 EUR a year, below "
            "your floor of 90,000. That outweighs what matches: the title 'Analyst' fits "
            "your aim 'analyst'."
        ) == step.reason
