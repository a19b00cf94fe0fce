"""Pipelines, combinators, combining strategies and verdicts."""

from __future__ import annotations

import pytest

from conftest import mei
from interviewdecide import (
    Action,
    Alternative,
    Candidate,
    Invitation,
    JobPosting,
    Outcome,
    Pipeline,
    Policy,
    Step,
    Verdict,
    decide,
    decline_wins,
    first_decisive,
    rules,
)

MEI = mei()
JUNIOR = JobPosting(title="Junior Analyst", company="Acme", required_years=2)


def no_startups(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """A user's own rule: decline anything whose company name says "startup"."""
    company = invitation.posting.company or ""
    if "startup" in company.casefold():
        return Step(rule="no-startups", outcome=Outcome.DECLINE, reason="It is a startup.")
    return Step(rule="no-startups", outcome=Outcome.NO_OBJECTION, reason="Not a startup.")


def abstain(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """A rule that never decides."""
    return Step(rule="abstain", outcome=Outcome.NOTE, reason="Just a note.")


class TestPipeline:
    def test_default_order(self) -> None:
        """The default pipeline runs the four advice ids in order."""
        assert ("accepted-offer", "fit", "suitability", "learning") == Pipeline().names

    def test_every_rule_lands_in_the_trace(self) -> None:
        """Abstentions are kept, in pipeline order."""
        verdict = decide(MEI, JUNIOR)

        assert [
            "accepted-offer",
            "fit",
            "suitability",
            "learning",
        ] == [s.rule for s in verdict.trace]

    def test_custom_rule_plain_function(self) -> None:
        """A plain function joins the pipeline without subclassing."""
        pipeline = Pipeline().with_rule(no_startups, before="learning")
        posting = JobPosting(title="Analyst", company="Tiny Startup Ltd")

        verdict = pipeline.decide(MEI, posting)

        assert ("accepted-offer", "fit", "suitability", "no-startups", "learning") == pipeline.names
        assert (Action.DECLINE, "no-startups") == (verdict.action, verdict.decided_by)

    def test_with_rule_after_and_at_end(self) -> None:
        """Rules can be added after a named rule or at the end."""
        after = Pipeline().with_rule(no_startups, after="fit")
        end = Pipeline().with_rule(no_startups)

        assert "no-startups" == after.names[2]
        assert "no-startups" == end.names[-1]

    def test_with_rule_rejects_both_positions(self) -> None:
        """Before and after together are ambiguous."""
        with pytest.raises(ValueError, match="before or after"):
            Pipeline().with_rule(no_startups, before="fit", after="fit")

    def test_without(self) -> None:
        """Leaving out suitability lets the article's case attend."""
        verdict = Pipeline().without("suitability").decide(MEI, JUNIOR)

        assert (Action.ATTEND, "learning") == (verdict.action, verdict.decided_by)

    def test_unknown_name_is_an_error(self) -> None:
        """Naming a rule that is not there is never silently ignored."""
        with pytest.raises(ValueError, match="no rule named 'fitt'"):
            Pipeline().without("fitt")

    def test_reorder(self) -> None:
        """Reordering is building a new tuple; first-decisive follows the order."""
        pipeline = Pipeline(
            (rules.learning, rules.suitability, rules.fit, rules.accepted_offer),
            combine=first_decisive,
        )

        verdict = pipeline.decide(MEI, JUNIOR)

        assert (Action.ATTEND, "learning") == (verdict.action, verdict.decided_by)
        assert "first-decisive" == verdict.combined_by

    def test_no_decision_falls_back_to_a_named_step(self) -> None:
        """Without a decisive rule, the default is a visible step of its own."""
        verdict = Pipeline((abstain,)).decide(MEI, JUNIOR)

        assert (Action.ATTEND, "default") == (verdict.action, verdict.decided_by)
        assert ["abstain", "default"] == [s.rule for s in verdict.trace]
        assert verdict.alternative is None

    def test_alternative_is_reported(self) -> None:
        """The verdict says how the pipeline decides without the deciding rule."""
        verdict = decide(MEI, JUNIOR)

        assert Alternative(action=Action.ATTEND, decided_by="learning") == verdict.alternative
        assert "Without suitability, the verdict would be to attend" in verdict.explain()

    def test_combiner_must_pick_a_decisive_step(self) -> None:
        """A broken combiner is caught rather than producing a wrong verdict."""

        def pick_first(trace: tuple[Step, ...], policy: Policy) -> Step | None:
            return trace[0]

        with pytest.raises(TypeError, match="not decisive"):
            Pipeline(combine=pick_first).decide(MEI, JUNIOR)

    def test_custom_combiner_name_recorded(self) -> None:
        """The verdict records which strategy combined the findings."""
        verdict = Pipeline(combine=decline_wins).decide(MEI, JUNIOR)

        assert "decline-wins" == verdict.combined_by

    def test_rule_must_return_a_step(self) -> None:
        """A rule returning something else is named in the error."""

        def broken(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
            return "decline"  # type: ignore[return-value]

        with pytest.raises(TypeError, match="rule 'broken' returned str"):
            Pipeline((broken,)).decide(MEI, JUNIOR)

    def test_rules_must_be_callable(self) -> None:
        """A non-callable rule is refused at construction, with its index."""
        with pytest.raises(TypeError, match=r"rules\[1\]"):
            Pipeline((rules.fit, "suitability"))  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("args", "field"),
        [
            (("Mei", JUNIOR), "candidate"),
            ((MEI, "Analyst"), "invitation"),
        ],
    )
    def test_argument_types(self, args: tuple[object, object], field: str) -> None:
        """Wrong argument types name the argument."""
        with pytest.raises(TypeError, match=rf"^{field}:"):
            decide(*args)  # type: ignore[arg-type]

    def test_policy_type(self) -> None:
        """A policy of the wrong type is named."""
        with pytest.raises(TypeError, match=r"^policy:"):
            decide(MEI, JUNIOR, policy={"overqualified_surplus_years": 3})  # type: ignore[arg-type]


class TestCombinators:
    def test_all_of_agreeing(self) -> None:
        """all_of decides when every rule reaches the same decision."""
        rule = rules.all_of(rules.suitability, rules.learning, name="both")
        step = rule(MEI, Invitation(posting=JobPosting(title="A", required_years=0)), Policy())

        assert (Outcome.NO_OBJECTION, "both") == (step.outcome, step.rule)
        assert ["suitability", "learning"] == [c.rule for c in step.children]

    def test_all_of_unanimous(self) -> None:
        """Two attends make an attend, with a default name from its parts."""
        rule = rules.all_of(rules.learning, rules.learning)
        step = rule(MEI, Invitation(posting=JUNIOR), Policy())

        assert (Outcome.ATTEND, "all-of(learning, learning)") == (step.outcome, step.rule)

    def test_any_of(self) -> None:
        """any_of takes the first decisive child; all children are kept."""
        rule = rules.any_of(rules.fit, rules.suitability, rules.learning)
        step = rule(MEI, Invitation(posting=JUNIOR), Policy())

        assert (Outcome.DECLINE, "any-of(fit, suitability, learning)") == (step.outcome, step.rule)
        assert 3 == len(step.children)
        assert "suitability" in step.reason

    def test_any_of_none_decisive(self) -> None:
        """any_of with no decisive child has no objection."""
        step = rules.any_of(rules.fit, name="maybe")(MEI, Invitation(posting=JUNIOR), Policy())

        assert (Outcome.NO_OBJECTION, "maybe") == (step.outcome, step.rule)

    def test_combinators_need_rules(self) -> None:
        """An empty combinator is refused."""
        with pytest.raises(ValueError, match="at least one rule"):
            rules.any_of()

    def test_when(self) -> None:
        """when runs its rule only if the predicate holds, and says so otherwise."""
        only_named = rules.when(
            lambda c, i, p: i.posting.company is not None,
            rules.suitability,
            description="the posting names its employer",
        )

        ran = only_named(MEI, Invitation(posting=JUNIOR), Policy())
        skipped = only_named(MEI, Invitation(posting=JobPosting(title="A")), Policy())

        assert Outcome.DECLINE == ran.outcome
        assert (Outcome.NOT_APPLICABLE, "suitability") == (skipped.outcome, skipped.rule)
        assert "the posting names its employer" in skipped.reason

    def test_combinators_nest_in_a_pipeline(self) -> None:
        """Combinators are rules: they nest and their children show in explain()."""
        pipeline = Pipeline((rules.any_of(rules.fit, rules.suitability), rules.learning))

        verdict = pipeline.decide(MEI, JUNIOR)

        assert (Action.DECLINE, "any-of(fit, suitability)") == (verdict.action, verdict.decided_by)
        assert "      - [suitability] decline:" in verdict.explain()

    def test_rule_name_of_a_callable_object(self) -> None:
        """Objects without __name__ are named after their class."""

        class MyRule:
            def __call__(self, c: Candidate, i: Invitation, p: Policy) -> Step:
                return Step(rule="x", outcome=Outcome.NOTE, reason="r")

        assert "MyRule" == rules.rule_name(MyRule())


class TestVerdict:
    def test_step_describes_itself_on_one_line(self) -> None:
        """Step.describe() is the rule, the outcome in words and the reason."""
        step = decide(MEI, JUNIOR).deciding_step

        assert f"[suitability] decline: {step.reason}" == step.describe()

    def test_explain_lists_everything(self) -> None:
        """explain() names the verdict, every step, the flip and the next step."""
        text = decide(MEI, JUNIOR).explain()

        assert text.startswith("Verdict: DECLINE (decided by suitability).")
        assert "  * [suitability] decline:" in text
        assert "  - [accepted-offer] not applicable:" in text
        assert "would not call you overqualified if the posting asked for more than 2 years" in text
        assert "Decline by e-mail" in text
        assert "Findings combined by: decline-wins." in text

    def test_counterfactuals(self) -> None:
        """Counterfactuals are collected from the trace."""
        verdict = decide(MEI, JUNIOR)

        assert (verdict.trace[2].counterfactual,) == verdict.counterfactuals

    def test_inconsistent_verdict_rejected(self) -> None:
        """A verdict whose action disagrees with its deciding step cannot be built."""
        good = decide(MEI, JUNIOR)

        with pytest.raises(ValueError, match=r"^action:"):
            Verdict(
                action=Action.ATTEND,
                decided_by=good.decided_by,
                trace=good.trace,
                combined_by="x",
                policy=Policy(),
            )

    def test_unknown_decider_rejected(self) -> None:
        """decided_by must name a decisive step of the trace."""
        with pytest.raises(ValueError, match=r"^decided_by:"):
            Verdict(
                action=Action.ATTEND,
                decided_by="nobody",
                trace=(),
                combined_by="x",
                policy=Policy(),
            )

    def test_step_fact_missing(self) -> None:
        """Asking a step for a fact it lacks is a KeyError."""
        with pytest.raises(KeyError):
            decide(MEI, JUNIOR).trace[0].fact("nope")

    def test_step_children_checked(self) -> None:
        """Children must be steps, named by index."""
        with pytest.raises(TypeError, match=r"children\[0\]"):
            Step(rule="x", outcome=Outcome.NOTE, reason="r", children=["nope"])  # type: ignore[list-item]
