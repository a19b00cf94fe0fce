"""Walk the small discrete input space and check the advice's invariants everywhere."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from hypothesis import given

from interviewdecide import (
    Action,
    Basis,
    Candidate,
    Concern,
    ConcernKind,
    Invitation,
    JobPosting,
    Offer,
    OfferStatus,
    Outcome,
    Policy,
    decide,
    testing,
)
from interviewdecide._match import same_employer

STATUSES: list[OfferStatus | None] = [None, *OfferStatus]
ANSWERS: list[bool | None] = [None, True, False]
CONCERNS: list[Concern | None] = [None] + [
    Concern(kind=k, basis=b) for k in ConcernKind for b in Basis
]
ASKED: list[float | None] = [None, 0, 1, 2, 2.5, 3, 7, 10]
HELD: list[float] = [0, 5, 7]
POLICIES: list[Policy] = [
    Policy(),
    Policy(overqualified_ratio=3.0),
    Policy(underqualified_shortfall_years=4),
]


Case = tuple[OfferStatus | None, bool | None, Concern | None, float | None, float, Policy]


def cases() -> Iterator[Case]:
    return itertools.product(STATUSES, ANSWERS, CONCERNS, ASKED, HELD, POLICIES)


class TestExhaustive:
    def test_invariants_on_every_combination(self) -> None:
        """Accepted offers decline, hearsay never declines, verdicts name a trace step."""
        checked = 0
        for status, answer, concern, asked, held, policy in cases():
            offers = [] if status is None else [Offer(company="Globex", status=status)]
            candidate = Candidate(name="Mei", years_experience=held, offers=offers)
            posting = JobPosting(title="Analyst", company="Acme", required_years=asked)
            concerns = [] if concern is None else [concern]
            invitation = Invitation(posting=posting, matches_aspirations=answer, concerns=concerns)
            verdict = decide(candidate, invitation, policy=policy)

            assert verdict.decided_by in {s.rule for s in verdict.trace}
            assert verdict.deciding_step.outcome.action is verdict.action
            assert [
                "accepted-offer",
                "fit",
                "suitability",
                "learning",
            ] == [s.rule for s in verdict.trace]
            if status is OfferStatus.ACCEPTED:
                assert (Action.DECLINE, "accepted-offer") == (verdict.action, verdict.decided_by)
            if answer is False:
                assert Action.DECLINE == verdict.action
            if concern is not None and concern.basis is Basis.JOB_DESCRIPTION:
                assert Action.DECLINE == verdict.action
            if concern is not None and concern.basis is not Basis.JOB_DESCRIPTION:
                # Hearsay alone never declines: the verdict is the one without it.
                bare = Invitation(posting=posting, matches_aspirations=answer)
                assert decide(candidate, bare, policy=policy).action == verdict.action
                assert verdict.trace[2].outcome in {Outcome.NOTE, Outcome.DECLINE}
            if verdict.action is Action.ATTEND and verdict.decided_by == "learning":
                assert all(s.outcome is not Outcome.DECLINE for s in verdict.trace)
            checked += 1
        assert len(STATUSES) * 3 * len(CONCERNS) * len(ASKED) * len(HELD) * len(POLICIES) == checked

    def test_article_threshold_band(self) -> None:
        """Around the default threshold the verdict flips exactly at a 5-year surplus."""
        candidate = Candidate(name="Mei", years_experience=7)

        actions = {
            asked: decide(candidate, JobPosting(title="Analyst", required_years=asked)).action
            for asked in (1.5, 2, 2.01, 3)
        }

        assert {
            1.5: Action.DECLINE,
            2: Action.DECLINE,
            2.01: Action.ATTEND,
            3: Action.ATTEND,
        } == actions


class TestProperties:
    @given(testing.candidates(), testing.invitations())
    def test_accepted_offer_declines_other_employers(
        self, candidate: Candidate, invitation: Invitation
    ) -> None:
        """Whatever else holds, an offer accepted elsewhere declines; one from this employer does not."""
        verdict = decide(candidate, invitation)
        company = invitation.posting.company
        elsewhere = [
            o
            for o in candidate.accepted_offers
            if company is None or not same_employer(o.company, company)
        ]

        if elsewhere:
            assert (Action.DECLINE, "accepted-offer") == (verdict.action, verdict.decided_by)
        else:
            assert verdict.decided_by != "accepted-offer"
