"""Behaviour of interviewdecide.rules that mutation testing found unguarded.

Each test names the mutmut mutant it kills (see docs/development.md); it asserts what a
user sees (a verdict, a step, a sentence, an error), never how the code is written.
"""

from __future__ import annotations

import pytest

from interviewdecide import (
    Aspirations,
    Candidate,
    Invitation,
    JobPosting,
    Outcome,
    Policy,
    Step,
    decide,
    rules,
)

POLICY = Policy()


def _candidate(years: float = 7, **kw: object) -> Candidate:
    return Candidate(name="Mei Tan", years_experience=years, **kw)  # type: ignore[arg-type]


def _invitation(
    title: str = "Data Analyst", company: str | None = "Acme", **kw: object
) -> Invitation:
    return Invitation(posting=JobPosting(title=title, company=company, **kw))  # type: ignore[arg-type]


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
        verdict = decide(_candidate(8), _invitation("Junior  analyst ", required_years=1))

        reason = verdict.step("suitability").reason  # type: ignore[union-attr]
        assert "asks for 1 year and you have 8 years" in reason
        assert "1 years" not in reason

    def test_one_and_a_half_years_is_plural(self) -> None:
        """A fractional figure near one still takes the plural."""
        verdict = decide(_candidate(1.5), _invitation(required_years=1.5))

        reason = verdict.step("suitability").reason  # type: ignore[union-attr]
        assert "asks for 1.5 years" in reason


class TestThresholdWords:
    """The overqualification threshold is stated in plain words (x__threshold_words 8, 9)."""

    def test_both_tests_joined_with_and(self) -> None:
        """With a surplus and a ratio set, the reason joins the two with a lower-case "and"."""
        verdict = decide(_candidate(7), _invitation(required_years=2))

        reason = verdict.step("suitability").reason  # type: ignore[union-attr]
        assert "(at least 5 years more than asked and at least 2 times the figure)" in reason

    def test_a_one_year_surplus_is_singular(self) -> None:
        """A one-year surplus threshold reads "at least 1 year more than asked"."""
        policy = Policy(overqualified_surplus_years=1, overqualified_ratio=None)

        verdict = decide(_candidate(3), _invitation(required_years=2), policy=policy)

        reason = verdict.step("suitability").reason  # type: ignore[union-attr]
        assert "(at least 1 year more than asked)" in reason


class TestFitUnnamedEmployer:
    """A posting that hides its employer leaves the company unknown (x__company_check 11-15)."""

    def test_company_fact_is_unknown_and_reason_says_why(self) -> None:
        """The fit step records company=unknown and says the employer is not named."""
        c = _candidate(aspirations=Aspirations(companies=["Globex", "Initech"]))

        step = rules.fit(c, _invitation(company=None), POLICY)

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
        step = rules.all_of(_declines)(_candidate(), _invitation(), POLICY)

        assert Outcome.DECLINE == step.outcome
        assert ["declines"] == [child.rule for child in step.children]

    def test_any_of_keeps_every_child_when_none_decides(self) -> None:
        """Without a decisive child, any_of still keeps all children in the trace (_AnyOf 24)."""
        step = rules.any_of(_abstains, _no_objection)(_candidate(), _invitation(), POLICY)

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

        step = rule(_candidate(9), _invitation(), policy)

        assert Outcome.DECLINE == step.outcome
        assert [("Mei Tan", 3)] == seen
