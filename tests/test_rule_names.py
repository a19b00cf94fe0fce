"""A rule's step carries the rule's name; a verdict finds a step by it (issue 12 item 4)."""

from __future__ import annotations

import pytest

from conftest import mei
from interviewdecide import (
    Candidate,
    Invitation,
    JobPosting,
    Outcome,
    Pipeline,
    Policy,
    Step,
    decide,
    rules,
)

MEI = mei()
JUNIOR = Invitation(
    posting=JobPosting(title="Junior Data Analyst", company="Acme", required_years=2)
)


def commute_check(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """A rule named commute-check whose step calls itself commute: a mismatch."""
    return Step(rule="commute", outcome=Outcome.DECLINE, reason="The commute is too long.")


def commute(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """The same rule, named as its step."""
    return Step(rule="commute", outcome=Outcome.DECLINE, reason="The commute is too long.")


class Labelled:
    """A callable rule that names itself with advice_id."""

    advice_id = "Commute Time"

    def __call__(self, candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
        return Step(rule="Commute Time", outcome=Outcome.NO_OBJECTION, reason="Short commute.")


class TestRuleNames:
    """Pipeline.decide refuses a step that names another rule."""

    def test_mismatch_names_both(self) -> None:
        pipeline = Pipeline((rules.accepted_offer, commute_check, rules.learning))
        with pytest.raises(TypeError) as info:
            pipeline.decide(MEI, JUNIOR)
        message = str(info.value)
        assert "'commute-check'" in message
        assert "'commute'" in message

    def test_matching_name_decides_and_can_be_left_out(self) -> None:
        pipeline = Pipeline((rules.accepted_offer, commute, rules.learning))
        verdict = pipeline.decide(MEI, JUNIOR)
        assert "commute" == verdict.decided_by
        assert "learning" == pipeline.without(verdict.decided_by).decide(MEI, JUNIOR).decided_by

    def test_advice_id_is_the_name(self) -> None:
        pipeline = Pipeline((Labelled(), rules.learning))
        assert ("Commute Time", "learning") == pipeline.names
        assert Outcome.NO_OBJECTION == pipeline.decide(MEI, JUNIOR).trace[0].outcome

    def test_not_a_step_is_still_a_type_error(self) -> None:
        pipeline = Pipeline((lambda c, i, p: "decline",))  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"rule '<lambda>' returned str, not a Step"):
            pipeline.decide(MEI, JUNIOR)

    def test_combinators_name_their_steps(self) -> None:
        combined = rules.any_of(rules.fit, rules.suitability, name="fit-or-suitability")
        pipeline = Pipeline(
            (combined, rules.when(lambda c, i, p: False, commute, description="never"))
        )
        verdict = pipeline.decide(MEI, JUNIOR)
        assert ("fit-or-suitability", "commute") == tuple(s.rule for s in verdict.trace[:2])

    def test_names_follow_evolve(self) -> None:
        pipeline = Pipeline().with_rule(commute, before="learning")
        assert ("accepted-offer", "fit", "suitability", "commute", "learning") == pipeline.names


class TestVerdictStep:
    """Verdict.step finds a rule's step by name."""

    def test_finds_each_default_rule(self) -> None:
        verdict = decide(MEI, JUNIOR)
        for step in verdict.trace:
            assert step == verdict.step(step.rule)
        suitability = verdict.step("suitability")
        assert suitability is not None
        assert Outcome.DECLINE == suitability.outcome

    def test_unknown_name_is_none(self) -> None:
        verdict = decide(MEI, JUNIOR)
        assert verdict.step("commute") is None
        assert verdict.step("Fit") is None  # names are exact

    def test_fallback_step_of_an_undecided_pipeline(self) -> None:
        verdict = Pipeline((rules.fit,)).decide(MEI, JUNIOR)
        assert verdict.step("default") is verdict.deciding_step
