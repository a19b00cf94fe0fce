"""Behaviour of the pipeline and its combiners that mutation testing found unguarded.

Each test names the mutmut mutant it kills (see docs/development.md); it asserts what a
user sees (a verdict, a step, an error), never how the code is written.
"""

from __future__ import annotations

import itertools

import attrs
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
    Offer,
    OfferStatus,
    Outcome,
    Pipeline,
    Policy,
    Step,
    Verdict,
    by_policy,
    decide,
    decline_wins,
    first_decisive,
)

POLICY = Policy()


def _step(rule: str, outcome: Outcome) -> Step:
    return Step(rule=rule, outcome=outcome, reason=f"{rule} says {outcome.value}.")


def abstains(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    return _step("abstains", Outcome.NOT_APPLICABLE)


def no_objection(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    return _step("no-objection", Outcome.NO_OBJECTION)


def by_policy_by_hand(trace: tuple[Step, ...], policy: Policy) -> Step | None:
    """The default combiner wrapped in a user's own function (so no fast path applies)."""
    return by_policy(trace, policy)


#: Messy, realistic requests: every rule's outcome, and the conflicts between them.
CASES = [
    (
        Candidate(name="Mei Tan", years_experience=7),
        Invitation(
            posting=JobPosting(title="Junior Data Analyst", company="Acme", required_years=2)
        ),
    ),
    (
        Candidate(name="  Ana María Núñez ", years_experience=3.5),
        Invitation(posting=JobPosting(title="Data Analyst (m/f/d)", company=None)),
    ),
    (
        Candidate(
            name="Sam O'Neil",
            years_experience=12,
            offers=[Offer(company="Globex Corp.", status=OfferStatus.ACCEPTED)],
        ),
        Invitation(
            posting=JobPosting(title="Staff Engineer", company="Initech", required_years=8),
            matches_aspirations=True,
        ),
    ),
    (
        Candidate(name="Lee", years_experience=9),
        Invitation(
            posting=JobPosting(title="Senior Analyst", company="Acme", required_years=1),
            matches_aspirations=True,
        ),
    ),
    (
        Candidate(
            name="Kim",
            years_experience=4,
            aspirations=Aspirations(roles=["Product Manager"], companies=["Umbrella"]),
        ),
        Invitation(
            posting=JobPosting(title="QA tester", company="Acme"),
            concerns=[Concern(kind=ConcernKind.OVERQUALIFIED, basis=Basis.FRIENDS_ADVICE)],
        ),
    ),
]


class TestCombinersCalledDirectly:
    """The public combiners pick the documented step from any trace (x_decline_wins, x_first_decisive, x_by_policy)."""

    def test_decline_wins_takes_the_first_decline(self) -> None:
        """A decline anywhere outranks an earlier attend."""
        trace = (
            _step("a", Outcome.NOT_APPLICABLE),
            _step("b", Outcome.ATTEND),
            _step("c", Outcome.DECLINE),
            _step("d", Outcome.DECLINE),
        )

        assert trace[2] == decline_wins(trace, POLICY)

    def test_decline_wins_else_the_first_attend(self) -> None:
        """Without a decline, the first attend (not a later one, not an abstention) decides."""
        trace = (
            _step("a", Outcome.NO_OBJECTION),
            _step("b", Outcome.ATTEND),
            _step("c", Outcome.NOT_APPLICABLE),
            _step("d", Outcome.ATTEND),
        )

        assert trace[1] == decline_wins(trace, POLICY)

    def test_decline_wins_on_nothing_decisive(self) -> None:
        """Abstentions only, or no step at all: no decider."""
        assert None is decline_wins((_step("a", Outcome.NOT_APPLICABLE),), POLICY)
        assert None is decline_wins((), POLICY)

    def test_first_decisive(self) -> None:
        """The first decisive step in order decides; with none, nothing does."""
        trace = (
            _step("a", Outcome.NOT_APPLICABLE),
            _step("b", Outcome.ATTEND),
            _step("c", Outcome.DECLINE),
        )

        assert trace[1] == first_decisive(trace, POLICY)
        assert None is first_decisive(trace[:1], POLICY)

    @pytest.mark.parametrize(
        ("conflict", "expected"), [(Conflict.DECLINE_WINS, "c"), (Conflict.FIRST_DECISIVE, "b")]
    )
    def test_by_policy_follows_the_conflict_switch(self, conflict: Conflict, expected: str) -> None:
        """by_policy combines as Policy.conflict says."""
        trace = (_step("b", Outcome.ATTEND), _step("c", Outcome.DECLINE))

        step = by_policy(trace, Policy(conflict=conflict))

        assert expected == (None if step is None else step.rule)


class TestOwnCombiner:
    """A user's own combiner gets the same verdicts as the built-in one (xǁPipelineǁ_combine)."""

    @pytest.mark.parametrize("conflict", list(Conflict))
    @pytest.mark.parametrize(("candidate", "invitation"), CASES)
    def test_same_verdict_as_the_default(
        self, candidate: Candidate, invitation: Invitation, conflict: Conflict
    ) -> None:
        """Wrapping by_policy changes nothing but the combiner's name."""
        policy = Policy(conflict=conflict)
        own = Pipeline(combine=by_policy_by_hand).decide(candidate, invitation, policy=policy)
        default = decide(candidate, invitation, policy=policy)

        assert (default.action, default.decided_by, default.trace, default.alternative) == (
            own.action,
            own.decided_by,
            own.trace,
            own.alternative,
        )
        assert policy == own.policy
        assert "by-policy-by-hand" == own.combined_by

    def test_alternative_names_the_runner_up(self) -> None:
        """The alternative is what the rules say without the deciding rule."""
        verdict = Pipeline(combine=by_policy_by_hand).decide(*CASES[3])

        assert Action.DECLINE == verdict.action
        assert "suitability" == verdict.decided_by
        assert verdict.alternative is not None
        assert (Action.ATTEND, "fit") == (
            verdict.alternative.action,
            verdict.alternative.decided_by,
        )

    def test_no_decision_falls_back_to_attending(self) -> None:
        """With no decisive rule the whole trace is kept and the fallback step is added."""
        pipeline = Pipeline((abstains, no_objection), combine=by_policy_by_hand)

        verdict = pipeline.decide(*CASES[0])

        assert Action.ATTEND == verdict.action
        assert "default" == verdict.decided_by
        assert ["abstains", "no-objection", "default"] == [s.rule for s in verdict.trace]
        assert None is verdict.alternative
        assert isinstance(verdict, Verdict)


@attrs.frozen
class Fixed:
    """A user's rule that always reaches the same outcome, under a given name."""

    advice_id: str
    outcome: Outcome

    def __call__(self, candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
        return _step(self.advice_id, self.outcome)


OUTCOMES = (Outcome.ATTEND, Outcome.DECLINE, Outcome.NOT_APPLICABLE, Outcome.NOTE)


def _verdict_or_error(pipeline: Pipeline, policy: Policy) -> object:
    try:
        verdict = pipeline.decide(*CASES[0], policy=policy)
    except (TypeError, ValueError) as e:
        return type(e)
    return (verdict.action, verdict.decided_by, verdict.alternative, verdict.trace)


class TestQuickPathAgreesWithCombiner:
    """The built-in combiners' one-pass shortcut gives what combining by hand gives (x__pick_*, x__agrees)."""

    @pytest.mark.parametrize("conflict", list(Conflict))
    def test_every_sequence_of_up_to_four_distinct_rules(self, conflict: Conflict) -> None:
        """Every mix of attends, declines, notes and abstentions: same decider and alternative."""
        policy = Policy(conflict=conflict)
        for n in range(1, 5):
            for outcomes in itertools.product(OUTCOMES, repeat=n):
                chosen = [Fixed(f"rule-{i}", o) for i, o in enumerate(outcomes)]
                quick = Pipeline(chosen)
                by_hand = Pipeline(chosen, combine=by_policy_by_hand)

                assert _verdict_or_error(by_hand, policy) == _verdict_or_error(quick, policy), (
                    outcomes
                )

    @pytest.mark.parametrize("conflict", list(Conflict))
    def test_rules_sharing_a_name(self, conflict: Conflict) -> None:
        """Two rules under one name: the same verdict, or the same refusal, either way."""
        policy = Policy(conflict=conflict)
        for names in itertools.product("ab", repeat=3):
            for outcomes in itertools.product(OUTCOMES, repeat=3):
                chosen = [Fixed(name, o) for name, o in zip(names, outcomes, strict=True)]
                quick = Pipeline(chosen)
                by_hand = Pipeline(chosen, combine=by_policy_by_hand)

                assert _verdict_or_error(by_hand, policy) == _verdict_or_error(quick, policy), (
                    names,
                    outcomes,
                )

    def test_an_attend_then_a_decline_under_one_name_is_refused(self) -> None:
        """A rule name that first attends, then declines, cannot decide a verdict."""
        pipeline = Pipeline([Fixed("a", Outcome.ATTEND), Fixed("a", Outcome.DECLINE)])

        with pytest.raises(ValueError, match=r"^action: 'decline' disagrees with the outcome"):
            pipeline.decide(*CASES[0])


class TestWithRule:
    """Pipeline.with_rule refuses both anchors with a message naming the argument (with_rule 5)."""

    def test_before_and_after_together(self) -> None:
        """Giving both before and after is a ValueError that starts with the argument name."""
        with pytest.raises(ValueError, match=r"^before: give before or after, not both$"):
            Pipeline().with_rule(abstains, before="fit", after="fit")


class TestArguments:
    """Bad arguments are refused with a message naming the field and what it got (_rule_tuple, decide)."""

    def test_rules_not_a_collection(self) -> None:
        """A number in place of the rules names the field and the type."""
        with pytest.raises(TypeError, match=r"^rules: must be a collection of rules, not int$"):
            Pipeline(rules=42)  # type: ignore[arg-type]

    def test_a_rule_that_is_not_callable(self) -> None:
        """A rule's name in place of the rule names its position."""
        with pytest.raises(TypeError, match=r"^rules\[1\]: 'fit' is not callable$"):
            Pipeline([abstains, "fit"])  # type: ignore[list-item]

    def test_candidate_of_the_wrong_type(self) -> None:
        """A name in place of a candidate says what was given."""
        with pytest.raises(TypeError, match=r"^candidate: expected a Candidate, got str$"):
            Pipeline().decide("Mei Tan", CASES[0][1])  # type: ignore[arg-type]

    def test_invitation_of_the_wrong_type(self) -> None:
        """A raw mapping in place of an invitation says what was given."""
        with pytest.raises(
            TypeError, match=r"^invitation: expected an Invitation or JobPosting, got dict$"
        ):
            Pipeline().decide(CASES[0][0], {"title": "Data Analyst"})  # type: ignore[arg-type]


class TestVerdictRecordsHowItWasMade:
    """The default pipeline's verdict names its combiner and keeps the policy (decide 51, 59, 73)."""

    @pytest.mark.parametrize(
        ("conflict", "name"),
        [(Conflict.DECLINE_WINS, "decline-wins"), (Conflict.FIRST_DECISIVE, "first-decisive")],
    )
    def test_no_decision(self, conflict: Conflict, name: str) -> None:
        """With nothing decisive, the fallback verdict still names the combiner and policy."""
        policy = Policy(conflict=conflict)

        verdict = Pipeline((abstains, no_objection)).decide(*CASES[0], policy=policy)

        assert ("default", name, policy) == (
            verdict.decided_by,
            verdict.combined_by,
            verdict.policy,
        )

    @pytest.mark.parametrize(("candidate", "invitation"), CASES)
    def test_a_decision(self, candidate: Candidate, invitation: Invitation) -> None:
        """A decided verdict keeps the policy it was decided under."""
        policy = Policy(overqualified_surplus_years=4, conflict=Conflict.FIRST_DECISIVE)

        verdict = decide(candidate, invitation, policy=policy)

        assert (policy, "first-decisive") == (verdict.policy, verdict.combined_by)
