"""Tests for triage(): grouping, ranking, the cap, repeats and the targeting note."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewdecide import (
    Action,
    Aspirations,
    Basis,
    BatchNote,
    Candidate,
    Concern,
    ConcernKind,
    Conflict,
    Contact,
    Duplicate,
    Fact,
    FieldTypeError,
    FieldValueError,
    Invitation,
    JobPosting,
    Offer,
    OfferStatus,
    Outcome,
    Pipeline,
    Policy,
    Step,
    Triage,
    TriageItem,
    check_tone,
    decide,
    draft_decline,
    from_json,
    rules,
    to_json,
    triage,
)

ANA = Candidate(
    name="Ana Lima",
    years_experience=7,
    aspirations=Aspirations(roles={"data engineer"}),
)


def posting(title: str = "Data Engineer", company: str | None = "Acme", **kw: object) -> JobPosting:
    return JobPosting(title=title, company=company, **kw)  # type: ignore[arg-type]


def invite(
    title: str = "Data Engineer",
    company: str | None = "Acme",
    *,
    matches_aspirations: bool | None = None,
    concerns: tuple[Concern, ...] | list[Concern] = (),
    **kw: object,
) -> Invitation:
    return Invitation(
        posting=posting(title, company, **kw),
        matches_aspirations=matches_aspirations,
        concerns=concerns,
    )


HEARSAY = Concern(kind=ConcernKind.OVERQUALIFIED, basis=Basis.FRIENDS_ADVICE)

#: Three attends (one explicit yes, two unsure) and two declines for a poor fit.
MIXED = (
    invite("Barista", "Cafe"),  # 0: fit declines (title clash)
    invite("Platform Lead", "Nova"),  # 1: fit declines
    invite("Analyst", "Orbit", matches_aspirations=None),  # 2: fit declines
    invite("Data Engineer", "Beta", concerns=[HEARSAY]),  # 3: attend, fit yes, 2 reservations
    invite("Lead Data Engineer", "Gamma"),  # 4: attend, fit yes, nothing else
)


def indexes(items: tuple[TriageItem, ...]) -> list[int]:
    return [item.index for item in items]


class TestGroups:
    """Each request lands in exactly one group."""

    def test_each_request_lands_in_attend_or_decline(self) -> None:
        """Every distinct request is decided and grouped by its verdict's action."""
        t = triage(ANA, MIXED)

        assert [0, 1, 2] == indexes(t.decline)
        assert {3, 4} == set(indexes(t.attend))
        assert all(i.verdict.action is Action.DECLINE for i in t.decline)
        assert all(i.verdict.action is Action.ATTEND for i in t.attend)
        assert () == t.deferred
        assert () == t.duplicates

    def test_declines_keep_input_order(self) -> None:
        """The decline group lists requests in the order they were given."""
        batch = [invite("Barista", "Z"), invite("Data Engineer", "Y"), invite("Cook", "A")]

        assert [0, 2] == indexes(triage(ANA, batch).decline)

    def test_bare_postings_become_unjudged_invitations(self) -> None:
        """A JobPosting in the batch is triaged as an invitation with no answers."""
        p = posting()

        (item,) = triage(ANA, [p]).attend

        assert Invitation(posting=p) == item.invitation
        assert decide(ANA, p) == item.verdict

    def test_items_lists_every_decided_request_in_input_order(self) -> None:
        """Triage.items merges the groups back into input order."""
        t = triage(ANA, MIXED, policy=Policy(max_interviews=1))

        assert [0, 1, 2, 3, 4] == indexes(t.items)

    def test_accepts_any_iterable(self) -> None:
        """A generator works as well as a list."""

        def gen() -> Iterator[Invitation]:
            yield from MIXED

        assert triage(ANA, MIXED) == triage(ANA, gen())

    def test_empty_batch(self) -> None:
        """No requests give an empty triage and no notes."""
        assert Triage() == triage(ANA, [])

    def test_uses_the_given_policy(self) -> None:
        """The policy reaches every verdict."""
        policy = Policy(overqualified_surplus_years=1.0, overqualified_ratio=None)
        t = triage(ANA, [invite(required_years=5)], policy=policy)

        assert [0] == indexes(t.decline)
        assert policy == t.decline[0].verdict.policy

    def test_uses_the_given_pipeline(self) -> None:
        """A custom pipeline decides every request."""
        pipeline = Pipeline((rules.learning,))
        t = triage(ANA, MIXED, pipeline=pipeline)

        assert 5 == len(t.attend)
        assert {"learning"} == {i.verdict.decided_by for i in t.attend}

    def test_decides_each_request_exactly_once(self) -> None:
        """Each distinct posting runs through the pipeline once, repeats not at all."""
        seen: list[str] = []

        def counting(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
            seen.append(invitation.posting.title)
            return Step(rule="counting", outcome=Outcome.NO_OBJECTION, reason="Counted.")

        batch: list[Invitation | JobPosting] = [*MIXED, MIXED[0], MIXED[4].posting]
        triage(ANA, batch, pipeline=Pipeline((counting, rules.learning)))

        assert [i.posting.title for i in MIXED] == seen


class TestRanking:
    """Attends come most promising first."""

    def test_explicit_yes_before_unsure(self) -> None:
        """A "yes" on fit ranks before a request whose fit is open."""
        nobody = Candidate(name="Bo", years_experience=3)
        batch = [invite("Cook", "A"), invite("Cook", "B", matches_aspirations=True)]

        assert [1, 0] == indexes(triage(nobody, batch).attend)

    def test_fit_rule_yes_counts_as_explicit(self) -> None:
        """When the fit rule itself attends, the request ranks as a "yes"."""
        wants_b = Candidate(
            name="Bo", years_experience=3, aspirations=Aspirations(companies={"Bistro B"})
        )
        # A posting that names no employer cannot be compared with a wanted one.
        batch = [invite("Cook", None), invite("Cook", "Bistro B")]
        t = triage(wants_b, batch)

        assert [1, 0] == indexes(t.attend)
        assert ["fit", "learning"] == [i.verdict.decided_by for i in t.attend]

    def test_answer_yes_counts_without_a_fit_rule(self) -> None:
        """matches_aspirations=True ranks first even when the pipeline has no fit rule."""
        pipeline = Pipeline((rules.learning,))
        batch = [invite("Cook", "A"), invite("Cook", "B", matches_aspirations=True)]

        assert [1, 0] == indexes(triage(ANA, batch, pipeline=pipeline).attend)

    def test_fewer_reservations_first(self) -> None:
        """Among equals on fit, fewer notes and concerns rank first."""
        assert [4, 3] == indexes(triage(ANA, MIXED).attend)

    def test_concerns_count_even_without_a_note(self) -> None:
        """A concern counts as a reservation, whether or not a rule noted it."""
        pipeline = Pipeline((rules.learning,))
        batch = [invite("A", concerns=[HEARSAY]), invite("B")]

        assert [1, 0] == indexes(triage(ANA, batch, pipeline=pipeline).attend)

    def test_ties_keep_input_order(self) -> None:
        """Equal requests keep their input order."""
        batch = [invite("Data Engineer", c) for c in "DCBA"]

        assert [0, 1, 2, 3] == indexes(triage(ANA, batch).attend)


class TestCap:
    """Policy.max_interviews defers the least promising attends."""

    def test_least_promising_attends_are_deferred(self) -> None:
        """Beyond Policy.max_interviews, the lowest-ranked attends move to deferred."""
        batch = [invite("Data Engineer", c, concerns=[HEARSAY] * n) for n, c in enumerate("ABC")]
        t = triage(ANA, batch, policy=Policy(max_interviews=1))

        assert [0] == indexes(t.attend)
        assert [1, 2] == indexes(t.deferred)
        assert all(i.verdict.action is Action.ATTEND for i in t.deferred)
        expected_note = (
            "Deferred: the policy caps a batch at 1 interview, and a request ranked as "
            "more promising took that place."
        )
        assert [expected_note] * 2 == [i.note for i in t.deferred]
        note = t.note("triage")
        assert note is not None
        assert (
            "The verdicts call for 3 interviews, but the policy caps a batch at 1; the 2 "
            "least promising (requests 2, 3) are deferred: attend later, or decline if "
            "your schedule stays full."
        ) == note.reason
        assert (3, 1, 2) == tuple(note.fact(n) for n in ("to_attend", "max_interviews", "deferred"))

    def test_one_deferred_of_several_places(self) -> None:
        """The texts agree in number with one deferral and several kept places."""
        batch = [invite("Data Engineer", c) for c in "ABC"]
        t = triage(ANA, batch, policy=Policy(max_interviews=2))

        assert [2] == indexes(t.deferred)
        assert (
            "Deferred: the policy caps a batch at 2 interviews, and 2 requests ranked as "
            "more promising took those places."
        ) == t.deferred[0].note
        note = t.note("triage")
        assert note is not None
        assert "the least promising one (request 3) is deferred" in note.reason

    def test_cap_of_zero_defers_every_attend(self) -> None:
        """A cap of 0 defers every attend and says so."""
        t = triage(ANA, [invite()], policy=Policy(max_interviews=0))

        assert () == t.attend
        assert "Deferred: the policy allows no interviews in this batch." == t.deferred[0].note
        note = t.note("triage")
        assert note is not None
        assert note.reason.startswith("The verdicts call for 1 interview, but")

    def test_cap_not_reached_changes_nothing(self) -> None:
        """With no more attends than the cap, nothing is deferred and no note is added."""
        t = triage(ANA, MIXED, policy=Policy(max_interviews=2))

        assert [4, 3] == indexes(t.attend)
        assert () == t.deferred
        assert t.note("triage") is None

    def test_declines_never_count_against_the_cap(self) -> None:
        """Only attends are capped."""
        t = triage(ANA, MIXED, policy=Policy(max_interviews=1))

        assert [0, 1, 2] == indexes(t.decline)
        assert [4] == indexes(t.attend)
        assert [3] == indexes(t.deferred)


class TestDuplicates:
    """A posting seen twice is decided once."""

    def test_repeat_is_reported_not_decided_again(self) -> None:
        """The same posting twice is decided at its first position; the repeat is reported."""
        batch = [invite("Data Engineer", "A"), invite("Cook", "B"), invite("Data Engineer", "A")]
        t = triage(ANA, batch)

        assert [0] == indexes(t.attend)
        assert [1] == indexes(t.decline)
        assert (
            Duplicate(
                index=2,
                first_index=0,
                invitation=batch[2],
                reason=(
                    "Request 3 is for the same posting as request 1 (Data Engineer at A), "
                    "so it was decided once, with request 1."
                ),
            ),
        ) == t.duplicates
        note = t.note("triage")
        assert note is not None
        assert (
            "1 request repeated a posting seen earlier in the batch; each posting was "
            "decided once, at its first appearance."
        ) == note.reason

    def test_differing_answers_are_pointed_out(self) -> None:
        """A repeat with other answers says which answers were used."""
        batch: list[Invitation | JobPosting] = [
            invite(),
            posting("Cook", "B"),
            invite(matches_aspirations=False),
        ]
        (dup,) = triage(ANA, batch).duplicates

        assert dup.reason.endswith(
            "Your answers on the two differ; the ones given with request 1 were used."
        )
        assert 1 == len(triage(ANA, batch).attend)

    def test_bare_posting_repeats_an_unjudged_invitation(self) -> None:
        """A bare posting and an unjudged invitation for it are the same request."""
        p = posting()
        (dup,) = triage(ANA, [Invitation(posting=p), p]).duplicates

        assert "differ" not in dup.reason

    def test_repeats_are_counted_in_the_note(self) -> None:
        """Several repeats are counted, plural and all."""
        t = triage(ANA, [invite(), invite(), invite()])

        assert [1, 2] == [d.index for d in t.duplicates]
        assert [0, 0] == [d.first_index for d in t.duplicates]
        note = t.note("triage")
        assert note is not None
        assert note.reason.startswith("2 requests repeated a posting")
        assert 2 == note.fact("repeated")

    def test_repeats_do_not_count_toward_targeting(self) -> None:
        """Targeting counts distinct requests only."""
        batch = [invite("Cook", "A")] * 3 + [invite()]
        assert triage(ANA, batch).note("targeting") is None


def batch_of(poor: int, good: int) -> list[Invitation]:
    """A batch with ``poor`` requests declined for a poor fit and ``good`` attends."""
    return [invite("Cook", f"Poor {i}") for i in range(poor)] + [
        invite("Data Engineer", f"Good {i}") for i in range(good)
    ]


#: Postings that each match the aim "data engineer", from employers written with legal forms.
MATCHING = (
    ("Senior Data Engineer", "Acme GmbH"),
    ("Data Engineer II", "Globex Ltd."),
    ("Data Engineer (Streaming)", "Umbrella Corp."),
    ("Lead Data Engineer, Payments", "Vandelay Industries LLC"),
    ("data engineer", "Hooli"),
    # Inflected titles: the fit rule once called these a poor fit, which is how
    # accepted-offer batches came to earn a targeting note.
    ("Data Engineering Lead", "Soylent S.A."),
    ("Data Engineers (2 openings)", "Stark Industries, Inc."),
)


def taken(candidate: Candidate = ANA, company: str = "Initech, Inc.") -> Candidate:
    """The candidate after accepting an offer from ``company``."""
    return attrs.evolve(
        candidate,
        offers=[
            Offer(company=company, status=OfferStatus.ACCEPTED),
            Offer(company="Hooli", status=OfferStatus.DECLINED),
        ],
    )


class TestTargeting:
    """The targeting note counts poor fits, never other reasons to decline."""

    def test_note_states_the_figures(self) -> None:
        """A mass-applied batch gets a note with counts, share and threshold."""
        note = triage(ANA, batch_of(5, 3)).note("targeting")

        assert note is not None
        assert (
            "5 of 8 requests (62%) were a poor fit for what you want; the policy flags 50% "
            "or more in a batch of at least 4. That pattern suggests mass-applying: sending "
            "fewer applications, each aimed at a role that matches what you want, tends to "
            "bring better requests."
        ) == note.reason
        assert (
            Fact(name="requests", value=8),
            Fact(name="poor_fit", value=5),
            Fact(name="share", value=0.625),
            Fact(name="applied_widely", value=None),
            Fact(name="targeting_share", value=0.5),
            Fact(name="targeting_min_batch", value=4),
        ) == note.facts

    def test_accepted_offer_declines_are_not_poor_fits(self) -> None:
        """Requests declined only because an offer was accepted earn no note."""
        batch = [invite(title, company) for title, company in MATCHING]
        t = triage(taken(), batch)

        assert 7 == len(t.decline)
        assert {"accepted-offer"} == {i.verdict.decided_by for i in t.decline}
        fit = [s.outcome for i in t.decline for s in i.verdict.trace if s.rule == "fit"]
        assert [Outcome.ATTEND] * 7 == fit
        assert None is t.note("targeting")

    def test_accepted_offer_with_the_candidate_saying_they_applied_widely(self) -> None:
        """The candidate's word needs a poor fit to point at: none here, so no note."""
        widely = taken(attrs.evolve(ANA, applied_widely=True))
        t = triage(widely, [invite(title, company) for title, company in MATCHING])

        assert None is t.note("targeting")

    def test_poor_fit_counts_when_another_rule_decided(self) -> None:
        """A poor fit counts even when accepted-offer decided the decline."""
        t = triage(taken(company="Beta Ltd."), batch_of(2, 2))

        assert {"accepted-offer"} == {i.verdict.decided_by for i in t.decline}
        note = t.note("targeting")
        assert note is not None
        assert 2 == note.fact("poor_fit")

    def test_poor_fit_counts_when_the_verdict_attends(self) -> None:
        """A poor fit counts even when a pipeline lets another rule attend first."""
        learning_first = Pipeline(rules=(rules.learning, rules.fit))
        policy = Policy(conflict=Conflict.FIRST_DECISIVE)
        t = triage(ANA, batch_of(3, 1), policy=policy, pipeline=learning_first)

        assert 4 == len(t.attend)
        note = t.note("targeting")
        assert note is not None
        assert (4, 3) == (note.fact("requests"), note.fact("poor_fit"))
        assert note.reason.startswith("3 of 4 requests (75%) were a poor fit")

    def test_share_at_the_threshold_is_flagged(self) -> None:
        """Exactly the policy's share is enough."""
        assert triage(ANA, batch_of(2, 2)).note("targeting") is not None

    def test_share_below_the_threshold_is_not(self) -> None:
        """One request short of the share leaves no note."""
        assert triage(ANA, batch_of(2, 3)).note("targeting") is None

    def test_decimal_share_boundary_is_exact(self) -> None:
        """3 of 30 meets a share of 0.1 (no floating-point miss)."""
        policy = Policy(targeting_share=0.1)

        assert triage(ANA, batch_of(3, 27), policy=policy).note("targeting") is not None
        assert triage(ANA, batch_of(2, 28), policy=policy).note("targeting") is None

    def test_batch_at_the_minimum_is_judged(self) -> None:
        """A batch of exactly Policy.targeting_min_batch requests is judged."""
        policy = Policy(targeting_min_batch=3)

        assert triage(ANA, batch_of(3, 0), policy=policy).note("targeting") is not None

    def test_batch_below_the_minimum_is_not(self) -> None:
        """A smaller batch is never flagged, however poor the fit."""
        policy = Policy(targeting_min_batch=3)

        assert triage(ANA, batch_of(2, 0), policy=policy).note("targeting") is None

    def test_other_declines_do_not_count(self) -> None:
        """Declines where fit found no poor fit are not counted."""
        overqualified = [invite("Data Engineer", c, required_years=1) for c in "ABCD"]
        t = triage(ANA, overqualified)

        assert 4 == len(t.decline)
        assert t.note("targeting") is None

    def test_targeting_never_changes_a_verdict(self) -> None:
        """The note is advice about the batch; every verdict equals decide()'s."""
        batch = batch_of(5, 3)
        t = triage(ANA, batch)

        assert [decide(ANA, i) for i in batch] == [i.verdict for i in t.items]


class TestAppliedWidely:
    """The candidate's own word on how they applied shapes the targeting note."""

    def test_said_so_flags_a_share_below_the_threshold(self) -> None:
        """Having said they applied widely, one poor fit in five is enough for a note."""
        widely = attrs.evolve(ANA, applied_widely=True)
        note = triage(widely, batch_of(1, 4)).note("targeting")

        assert note is not None
        assert (
            "You said you applied widely, and 1 of 5 requests (20%) was a poor fit for "
            "what you want. Next time, sending fewer applications, each aimed at a role "
            "that matches what you want, tends to bring better requests."
        ) == note.reason
        assert True is note.fact("applied_widely")
        assert 0.2 == note.fact("share")

    def test_said_so_needs_no_minimum_batch(self) -> None:
        """The candidate's word stands in for the evidence a large batch would give."""
        widely = attrs.evolve(ANA, applied_widely=True)
        note = triage(widely, batch_of(1, 0)).note("targeting")

        assert note is not None
        assert note.reason.startswith(
            "You said you applied widely, and 1 of 1 request (100%) was a poor fit"
        )

    def test_said_so_without_a_poor_fit(self) -> None:
        """With nothing to point at, there is no note, even for the candidate's word."""
        widely = attrs.evolve(ANA, applied_widely=True)

        assert None is triage(widely, batch_of(0, 5)).note("targeting")
        assert None is triage(widely, []).note("targeting")

    def test_said_not_never_blames_mass_applying(self) -> None:
        """Having chosen where to apply, the note reports the share neutrally."""
        chose = attrs.evolve(ANA, applied_widely=False)
        note = triage(chose, batch_of(5, 3)).note("targeting")

        assert note is not None
        assert (
            "5 of 8 requests (62%) were a poor fit for what you want; the policy flags 50% "
            "or more in a batch of at least 4. You said you chose where to apply, so this "
            "is no sign of mass-applying; check that the aims you listed still describe "
            "the roles you apply for."
        ) == note.reason
        assert False is note.fact("applied_widely")

    def test_said_not_keeps_the_thresholds(self) -> None:
        """Below the share or the smallest batch, a candidate who chose gets no note."""
        chose = attrs.evolve(ANA, applied_widely=False)

        assert None is triage(chose, batch_of(2, 3)).note("targeting")
        assert None is triage(chose, batch_of(3, 0)).note("targeting")

    @pytest.mark.parametrize("said", [True, False, None])
    def test_the_word_never_changes_a_verdict(self, said: bool | None) -> None:
        """Only the batch note depends on applied_widely."""
        who = attrs.evolve(ANA, applied_widely=said)
        t = triage(who, batch_of(3, 2))

        assert [decide(who, i) for i in batch_of(3, 2)] == [i.verdict for i in t.items]


class TestEmails:
    """Declined requests carry ready decline e-mails."""

    def test_each_decline_carries_a_ready_email(self) -> None:
        """Every declined request has the e-mail draft_decline() writes for its verdict."""
        t = triage(ANA, MIXED)

        assert [draft_decline(ANA, i.invitation, verdict=i.verdict) for i in t.decline] == [
            i.email for i in t.decline
        ]
        assert all(i.email is None for i in (*t.attend, *t.deferred))

    def test_email_follows_the_reason_and_contact(self) -> None:
        """The e-mail goes to the posting's contact and words the deciding reason."""
        contact = Contact(name="Jo Park", email="jo@acme.example")
        (item,) = triage(ANA, [invite("Cook", "Acme", contact=contact)]).decline

        assert item.email is not None
        assert "jo@acme.example" == item.email.to
        assert "Jo Park" == item.email.to_name
        assert item.email.body.endswith("Ana Lima\n")
        assert () == check_tone(item.email.body)

    def test_emails_can_be_left_out(self) -> None:
        """draft_emails=False leaves every e-mail out and changes nothing else."""
        with_emails = triage(ANA, MIXED)
        without = triage(ANA, MIXED, draft_emails=False)

        assert all(i.email is None for i in without.decline)
        assert [attrs.evolve(i, email=None) for i in with_emails.decline] == list(without.decline)
        assert with_emails.attend == without.attend

    def test_unusable_contact_address_is_refused_when_built(self) -> None:
        """A contact address that is not one address never reaches a triage."""
        with pytest.raises(FieldValueError, match=r"^email: 'a@acme.example, b@acme"):
            Contact(email="a@acme.example, b@acme.example")
        contact = Contact(email="jobs@acme.example")
        t = triage(ANA, [invite("Cook", "Acme", contact=contact), invite("Barista", "B")])
        assert ["jobs@acme.example", None] == [i.email and i.email.to for i in t.decline]


class TestTypes:
    """The result types validate their fields."""

    def test_index_must_be_a_non_negative_int(self) -> None:
        """TriageItem and Duplicate reject bad indexes, naming the field."""
        verdict = decide(ANA, invite())
        with pytest.raises(FieldValueError, match=r"^index: must be >= 0, got -1$"):
            TriageItem(index=-1, invitation=invite(), verdict=verdict)
        with pytest.raises(FieldTypeError, match=r"^first_index: must be an int, not bool$"):
            Duplicate(index=1, first_index=True, invitation=invite(), reason="Repeated.")

    def test_groups_hold_only_their_types(self) -> None:
        """Triage rejects a foreign object in a group, naming its position."""
        item = triage(ANA, [invite()]).attend[0]
        with pytest.raises(
            FieldTypeError, match=r"^attend\[1\]: must be a TriageItem, not Invitation$"
        ):
            Triage(attend=[item, invite()])  # type: ignore[list-item]
        with pytest.raises(FieldTypeError, match=r"^notes\[0\]: must be a BatchNote"):
            Triage(notes=["Flagged."])  # type: ignore[list-item]

    def test_label_names_an_unnamed_employer(self) -> None:
        """An item for a posting without an employer says so."""
        (item,) = triage(ANA, [invite(company=None)]).attend

        assert "Data Engineer (employer not named)" == item.label

    def test_note_lookup(self) -> None:
        """Triage.note finds a note by rule; BatchNote.fact raises KeyError when absent."""
        note = BatchNote(rule="targeting", reason="Flagged.", facts=[Fact(name="a", value=1)])
        t = Triage(notes=[note])

        assert note == t.note("targeting")
        assert t.note("triage") is None
        with pytest.raises(KeyError):
            note.fact("b")


class TestBadInput:
    """Bad arguments are refused, naming the argument."""

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"policy": "strict"}, "^policy: expected a Policy, got str$"),
            ({"pipeline": [rules.fit]}, "^pipeline: expected a Pipeline, got list$"),
        ],
    )
    def test_wrong_keyword_types(self, kwargs: dict[str, object], message: str) -> None:
        """A wrong policy or pipeline raises TypeError naming it."""
        with pytest.raises(TypeError, match=message):
            triage(ANA, MIXED, **kwargs)  # type: ignore[arg-type]

    def test_draft_emails_must_be_a_bool(self) -> None:
        """draft_emails given as something else is named."""
        with pytest.raises(TypeError, match=r"^draft_emails: expected a bool, got str$"):
            triage(ANA, MIXED, draft_emails="no")  # type: ignore[arg-type]

    def test_wrong_candidate(self) -> None:
        """A candidate of the wrong type is named."""
        with pytest.raises(TypeError, match=r"^candidate: expected a Candidate, got dict$"):
            triage({"name": "Ana"}, MIXED)  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [None, 3, "Data Engineer", b"x"])
    def test_invitations_must_be_an_iterable_of_requests(self, value: object) -> None:
        """A non-iterable, or a string, is refused as a whole."""
        with pytest.raises(TypeError, match=r"^invitations: expected an iterable"):
            triage(ANA, value)  # type: ignore[arg-type]

    def test_bad_request_is_named_by_index(self) -> None:
        """A request of the wrong type is named by its position."""
        batch = [*MIXED[:3], {"title": "Cook"}]
        with pytest.raises(
            TypeError, match=r"^invitations\[3\]: expected an Invitation or JobPosting, got dict$"
        ):
            triage(ANA, batch)  # type: ignore[arg-type]


class TestExplain:
    """The plain-text summary of a batch."""

    def test_summary_lists_every_group(self) -> None:
        """explain() has the counts, each group, repeats and notes."""
        batch = [*batch_of(5, 3), invite("Cook", "Poor 0")]
        text = triage(ANA, batch, policy=Policy(max_interviews=2)).explain()

        assert text.startswith(
            "Triage of 9 interview requests: 2 to attend, 5 to decline, 1 deferred, 1\nrepeated.\n"
        )
        for heading in (
            "\nAttend (most promising first):\n",
            "\nDecline (send each a short, polite e-mail):\n",
            "\nDeferred:\n",
            "\nRepeated requests:\n",
            "\nAbout the batch:\n",
        ):
            assert heading in text
        assert "  - Data Engineer at Good 0 (request 6), decided by fit.\n" in text
        assert "  - [targeting] 5 of 8 requests (62%) were a poor fit" in text
        assert "    Deferred: the policy caps a batch at 2 interviews" in text
        assert (
            '    E-mail ready: "Cook interview: withdrawing", to no address on the posting.' in text
        )

    def test_lines_fit_in_80_columns(self) -> None:
        """Every line is at most 80 characters, even with long reasons."""
        long_title = "Data Engineer " + "Extraordinaire " * 12
        batch = [*batch_of(5, 3), invite(long_title.strip(), "X" * 120)]
        text = triage(ANA, batch, policy=Policy(max_interviews=1)).explain()

        assert 0 == sum(len(line) > 80 for line in text.splitlines())

    def test_single_request(self) -> None:
        """One request is counted in the singular and has no empty groups."""
        text = triage(ANA, [invite()]).explain()

        assert text.startswith("Triage of 1 interview request: 1 to attend, 0 to decline")
        assert "Decline" not in text
        assert "About the batch" not in text

    def test_empty(self) -> None:
        """An empty triage says so."""
        assert "No interview requests to triage." == Triage().explain()


class TestSerialization:
    """Triage results round-trip through JSON."""

    def test_round_trip(self) -> None:
        """A triage with every group and note survives to_json/from_json."""
        batch = [*batch_of(5, 3), invite("Cook", "Poor 0", matches_aspirations=False)]
        t = triage(ANA, batch, policy=Policy(max_interviews=1))
        assert t.attend
        assert t.decline
        assert t.deferred
        assert t.duplicates
        assert 3 == len(t.notes)

        assert t == from_json(Triage, to_json(t))

    def test_empty_round_trip(self) -> None:
        """An empty triage round-trips too."""
        assert Triage() == from_json(Triage, to_json(Triage()))


# -- properties ------------------------------------------------------------------

_titles = st.sampled_from(["Data Engineer", "Cook", "Senior Data Engineer", "Analyst"])
_companies = st.sampled_from(["Acme", "Beta", None])
_postings = st.builds(
    JobPosting,
    title=_titles,
    company=_companies,
    required_years=st.none() | st.integers(min_value=0, max_value=12).map(float),
)
_concerns = st.builds(Concern, kind=st.sampled_from(ConcernKind), basis=st.sampled_from(Basis))
_invitations = st.builds(
    Invitation,
    posting=_postings,
    matches_aspirations=st.none() | st.booleans(),
    concerns=st.lists(_concerns, max_size=2),
)
_requests = st.lists(_invitations | _postings, max_size=12)
_candidates = st.builds(
    Candidate,
    name=st.just("Ana"),
    years_experience=st.integers(min_value=0, max_value=20).map(float),
    aspirations=st.builds(
        Aspirations, roles=st.frozensets(st.sampled_from(["data engineer", "cook"]), max_size=1)
    ),
    offers=st.lists(
        st.builds(Offer, company=st.just("Zeta"), status=st.sampled_from(OfferStatus)),
        max_size=1,
    ),
)
_policies = st.builds(
    Policy,
    max_interviews=st.none() | st.integers(min_value=0, max_value=4),
    targeting_min_batch=st.integers(min_value=1, max_value=6),
)


class TestProperties:
    """Properties over arbitrary batches."""

    @given(_candidates, _requests, _policies)
    def test_verdicts_equal_decide(
        self, candidate: Candidate, batch: list[Invitation | JobPosting], policy: Policy
    ) -> None:
        """Every decided request's verdict is what decide() says for it."""
        t = triage(candidate, batch, policy=policy, draft_emails=False)

        assert [decide(candidate, batch[i.index], policy=policy) for i in t.items] == [
            i.verdict for i in t.items
        ]

    @given(_candidates, _requests, _policies)
    def test_every_request_is_accounted_for_once(
        self, candidate: Candidate, batch: list[Invitation | JobPosting], policy: Policy
    ) -> None:
        """Each position is either decided or reported as a repeat, never both."""
        t = triage(candidate, batch, policy=policy, draft_emails=False)
        decided = indexes(t.items)

        assert list(range(len(batch))) == sorted(decided + [d.index for d in t.duplicates])
        assert len({i.invitation.posting for i in t.items}) == len(decided)
        assert all(d.first_index in decided for d in t.duplicates)
        if policy.max_interviews is not None:
            assert len(t.attend) <= policy.max_interviews
