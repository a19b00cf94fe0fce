"""Behaviour of interviewdecide.rules that mutation testing found unguarded.

Each test names the mutmut mutant it kills (see docs/development.md); it asserts what a
user sees (a verdict, a step, a sentence, an error), never how the code is written.
"""

from __future__ import annotations

import pytest

from conftest import invitation, mei
from interviewdecide import (
    Aspirations,
    Candidate,
    Invitation,
    JobPosting,
    Location,
    Money,
    Outcome,
    PayPeriod,
    PayRange,
    Policy,
    Step,
    WorkArrangement,
    decide,
    rules,
)

POLICY = Policy()


def _abstains(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    return Step(rule="abstains", outcome=Outcome.NOT_APPLICABLE, reason="Nothing to say here.")


def _no_objection(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    return Step(rule="no-objection", outcome=Outcome.NO_OBJECTION, reason="No objection here.")


def _declines(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    return Step(rule="declines", outcome=Outcome.DECLINE, reason="Declines, always.")


class TestYearWording:
    """Year counts read as English: one year, several years (x__years 2 and 4)."""

    def test_one_year_is_singular(self) -> None:
        """A posting asking for one year says "1 year", never "1 years"."""
        verdict = decide(mei(8), invitation("Junior  analyst ", required_years=1))

        reason = verdict.step("suitability").reason  # type: ignore[union-attr]
        assert "asks for 1 year and you have 8 years" in reason
        assert "1 years" not in reason

    def test_one_and_a_half_years_is_plural(self) -> None:
        """A fractional figure near one still takes the plural."""
        verdict = decide(mei(1.5), invitation(required_years=1.5))

        reason = verdict.step("suitability").reason  # type: ignore[union-attr]
        assert "asks for 1.5 years" in reason


class TestThresholdWords:
    """The overqualification threshold is stated in plain words (x__threshold_words 8, 9)."""

    def test_both_tests_joined_with_and(self) -> None:
        """With a surplus and a ratio set, the reason joins the two with a lower-case "and"."""
        verdict = decide(mei(7), invitation(required_years=2))

        reason = verdict.step("suitability").reason  # type: ignore[union-attr]
        assert "(at least 5 years more than asked and at least 2 times the figure)" in reason

    def test_a_one_year_surplus_is_singular(self) -> None:
        """A one-year surplus threshold reads "at least 1 year more than asked"."""
        policy = Policy(overqualified_surplus_years=1, overqualified_ratio=None)

        verdict = decide(mei(3), invitation(required_years=2), policy=policy)

        reason = verdict.step("suitability").reason  # type: ignore[union-attr]
        assert "(at least 1 year more than asked)" in reason


class TestFitUnnamedEmployer:
    """A posting that hides its employer leaves the company unknown (x__company_check 11-15)."""

    def test_company_fact_is_unknown_and_reason_says_why(self) -> None:
        """The fit step records company=unknown and says the employer is not named."""
        c = mei(aspirations=Aspirations(companies=["Globex", "Initech"]))

        step = rules.fit(c, invitation(company=None), POLICY)

        assert Outcome.NOT_APPLICABLE == step.outcome
        assert "unknown" == step.fact("company")
        assert step.reason.endswith(" Not compared: the posting does not name its employer.")


class TestCombinators:
    """all_of, any_of and when behave as documented at their edges."""

    def test_all_of_needs_a_rule(self) -> None:
        """all_of() with no rule is refused with a message naming the argument (x__rules 5)."""
        with pytest.raises(ValueError, match=r"^rules: a combinator needs at least one rule$"):
            rules.all_of()

    def test_all_of_a_single_rule_takes_its_decision(self) -> None:
        """all_of over one deciding rule decides like it (xǁ_AllOfǁ__call__ 10)."""
        step = rules.all_of(_declines)(mei(), invitation(), POLICY)

        assert Outcome.DECLINE == step.outcome
        assert ["declines"] == [child.rule for child in step.children]

    def test_any_of_keeps_every_child_when_none_decides(self) -> None:
        """Without a decisive child, any_of still keeps all children in the trace (_AnyOf 24)."""
        step = rules.any_of(_abstains, _no_objection)(mei(), invitation(), POLICY)

        assert Outcome.NO_OBJECTION == step.outcome
        assert ["abstains", "no-objection"] == [child.rule for child in step.children]

    def test_when_passes_the_candidate_and_policy_to_the_predicate(self) -> None:
        """The predicate sees the real candidate and policy (xǁ_Whenǁ__call__ 1 and 3)."""
        seen: list[tuple[str, float | None]] = []

        def senior_and_strict(c: Candidate, i: Invitation, p: Policy) -> bool:
            seen.append((c.name, p.overqualified_surplus_years))
            return c.years_experience > 5 and p.overqualified_surplus_years == 3

        rule = rules.when(senior_and_strict, _declines, description="a senior, strict run")
        policy = Policy(overqualified_surplus_years=3)

        step = rule(mei(9), invitation(), policy)

        assert Outcome.DECLINE == step.outcome
        assert [("Mei Tan", 3)] == seen


def _reads_policy(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """Declines when the policy is strict about surplus years, else abstains."""
    if policy.overqualified_surplus_years == 3:
        return Step(rule="reads-policy", outcome=Outcome.DECLINE, reason="A strict policy.")
    return Step(rule="reads-policy", outcome=Outcome.NOT_APPLICABLE, reason="A lenient one.")


STRICT = Policy(overqualified_surplus_years=3)


class TestCombinatorsPassThePolicy:
    """Combined rules see the policy the pipeline runs with (_AllOf 5, _AnyOf 5, _When 9)."""

    def test_all_of(self) -> None:
        """all_of hands the policy to every rule it combines."""
        step = rules.all_of(_reads_policy, _declines)(mei(), invitation(), STRICT)

        assert Outcome.DECLINE == step.outcome

    def test_any_of(self) -> None:
        """any_of hands the policy to every rule it combines."""
        step = rules.any_of(_reads_policy, _abstains)(mei(), invitation(), STRICT)

        assert Outcome.DECLINE == step.outcome

    def test_when(self) -> None:
        """when hands the policy to the rule it guards."""
        rule = rules.when(lambda c, i, p: True, _reads_policy, description="always")

        assert Outcome.DECLINE == rule(mei(), invitation(), STRICT).outcome


class TestCombinedSteps:
    """The combined step carries the combinator's name and a defined outcome (_AllOf 17, _AnyOf 9/13, _When 13/17)."""

    def test_all_of_disagreeing(self) -> None:
        """Rules that disagree give no objection, under the combined name."""
        step = rules.all_of(_declines, _abstains)(mei(), invitation(), POLICY)

        assert ("all-of(-declines, -abstains)", Outcome.NO_OBJECTION) == (step.rule, step.outcome)

    def test_any_of_decisive_child(self) -> None:
        """The first decisive child decides, under the combined (or given) name."""
        combined = rules.any_of(_abstains, _declines, name="either")

        step = combined(mei(), invitation(), POLICY)

        assert ("either", Outcome.DECLINE) == (step.rule, step.outcome)

    def test_when_skipped(self) -> None:
        """A guarded rule whose condition fails is not applicable, under the rule's own name."""
        rule = rules.when(lambda c, i, p: False, rules.suitability, description="never")

        step = rule(mei(), invitation(required_years=1), POLICY)

        assert ("suitability", Outcome.NOT_APPLICABLE) == (step.rule, step.outcome)
        assert "Skipped, because the condition does not hold: never." == step.reason


class _Unnamed:
    """A callable rule object with neither advice_id nor __name__."""

    def __call__(self, candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
        return Step(rule="-Unnamed", outcome=Outcome.NOT_APPLICABLE, reason="Nothing.")


class TestRuleName:
    """A rule's name comes from advice_id, else __name__ with hyphens, else its type (x_rule_name)."""

    def test_names(self) -> None:
        """Functions, named combinators and plain callable objects."""
        assert "accepted-offer" == rules.rule_name(rules.accepted_offer)
        assert "strict" == rules.rule_name(rules.all_of(rules.fit, name="strict"))
        assert "-Unnamed" == rules.rule_name(_Unnamed())


class TestFitDetails:
    """Fit names each dimension and spells out what clashed (_company_check 49, _industry_check, _avoided_check 17)."""

    def test_a_wanted_industry_is_an_aim(self) -> None:
        """A wanted industry that matches is an aim met, and says so."""
        c = mei(aspirations=Aspirations(industries=["Fintech", "Health care"]))

        step = rules.fit(c, invitation(industry="Fintech"), POLICY)

        assert Outcome.ATTEND == step.outcome
        assert step.reason.startswith("This posting matches what you aim for: Fintech is an")

    def test_an_unwanted_industry_lists_the_wanted_ones(self) -> None:
        """A clash lists every wanted industry, sorted, joined with "or"."""
        c = mei(aspirations=Aspirations(industries=["Health care", "Fintech"]))

        step = rules.fit(c, invitation(industry="Retail"), POLICY)

        assert "the industry, Retail, is not Fintech or Health care." in step.reason
        assert "clash" == step.fact("industry")

    def test_an_unwanted_employer_is_a_company_clash(self) -> None:
        """An employer not among those wanted is recorded as company=clash."""
        c = mei(aspirations=Aspirations(companies=["Globex"]))

        step = rules.fit(c, invitation(company="Initech"), POLICY)

        assert "clash" == step.fact("company")

    def test_an_avoided_list_and_an_unnamed_employer(self) -> None:
        """Without an employer's name, the avoided list cannot be checked, and the reason says so."""
        c = mei(aspirations=Aspirations(avoid_companies=["Initech"]))

        step = rules.fit(c, invitation(company=None), POLICY)

        assert step.reason.endswith("so it cannot be checked against those you avoid.")


class TestOverqualifiedLimit:
    """overqualified_limit gives the largest figure asked that still finds the candidate overqualified."""

    def test_limits(self) -> None:
        """Both tests, one test, and too few years held."""
        assert 2.0 == rules.overqualified_limit(7, POLICY)
        assert 7.0 == rules.overqualified_limit(12, Policy(overqualified_ratio=None))
        assert None is rules.overqualified_limit(3, POLICY)


WANTS = Aspirations(
    locations=[Location(country="DE")], min_salary=Money(amount=60_000, currency="EUR")
)


class TestFitNeeds:
    """Pay and place are needs, each named in the trace (_pay_check, _location_check 17)."""

    def test_remote_only_elsewhere_is_an_unmet_need(self) -> None:
        """A remote job open only to applicants in another country misses a need."""
        posting = JobPosting(
            title="Data Analyst",
            company="Acme",
            arrangement=WorkArrangement.REMOTE,
            applicant_locations=[Location(country="US")],
        )

        step = rules.fit(mei(aspirations=WANTS), Invitation(posting=posting), POLICY)

        assert Outcome.DECLINE == step.outcome
        assert step.reason.startswith("This posting misses what you need: the job is remote only")
        assert "unknown" == step.fact("pay")

    def test_pay_at_the_floor_is_a_met_need(self) -> None:
        """Pay above the floor, in the same currency, says so in words."""
        salary = PayRange(minimum=70_000, currency="EUR", period=PayPeriod.YEAR)
        posting = JobPosting(title="Data Analyst", company="Acme", salary=salary)

        step = rules.fit(mei(aspirations=WANTS), Invitation(posting=posting), POLICY)

        assert Outcome.ATTEND == step.outcome
        assert "the pay reaches 70,000 EUR a year, at or above your floor of 60,000" in step.reason

    def test_pay_in_another_currency_is_not_compared(self) -> None:
        """Pay in another currency is left out, and the reason says why."""
        salary = PayRange(minimum=70_000, currency="USD", period=PayPeriod.YEAR)
        posting = JobPosting(title="Data Analyst", company="Acme", salary=salary)

        step = rules.fit(mei(aspirations=WANTS), Invitation(posting=posting), POLICY)

        assert "the pay is in USD and your floor in EUR, so they were not compared" in step.reason
