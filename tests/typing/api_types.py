"""Static checks of the public API's types: run by mypy, never by pytest."""

from __future__ import annotations

from typing import assert_type

import interviewdecide
from interviewdecide import (
    Action,
    Candidate,
    Invitation,
    JobPosting,
    Outcome,
    Pipeline,
    Policy,
    Step,
    Verdict,
    decide,
    from_json,
    rules,
    to_json,
)
from interviewdecide.typing import Rule

assert_type(
    interviewdecide.triage(Candidate(name="Mei", years_experience=7), []), interviewdecide.Triage
)
assert_type(
    interviewdecide.draft_decline(Candidate(name="Mei", years_experience=7), JobPosting(title="A")),
    interviewdecide.Email,
)
assert_type(interviewdecide.check_tone("Thank you."), tuple[interviewdecide.ToneFinding, ...])
assert_type(
    interviewdecide.advise_disclosure(Candidate(name="Mei", years_experience=7)),
    interviewdecide.DisclosureAdvice,
)
assert_type(JobPosting(title="A").label, str)

mei = Candidate(name="Mei", years_experience=7)
posting = JobPosting(title="Analyst", required_years=2)

assert_type(decide(mei, posting), Verdict)
assert_type(decide(mei, Invitation(posting=posting), policy=Policy()), Verdict)
assert_type(decide(mei, posting).action, Action)
assert_type(decide(mei, posting).trace, tuple[Step, ...])
assert_type(decide(mei, posting).explain(), str)
assert_type(from_json(Candidate, to_json(mei)), Candidate)
assert_type(JobPosting.from_schema_org({}), JobPosting)
assert_type(Candidate.from_json_resume({}), Candidate)
assert_type(interviewdecide.__version__, str)


def my_rule(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    return Step(rule="mine", outcome=Outcome.NOTE, reason="A note.")


custom: Rule = my_rule
assert_type(rules.any_of(rules.fit, my_rule), Rule)
assert_type(Pipeline().with_rule(my_rule, before="learning"), Pipeline)
assert_type(Pipeline((rules.fit, my_rule)).decide(mei, posting), Verdict)
