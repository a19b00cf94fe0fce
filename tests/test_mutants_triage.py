"""Behaviour of triage that mutation testing found unguarded.

Each test names the mutmut mutant it kills (see docs/development.md); it asserts what a
user sees (an order, a row, the text layout, an error), never how the code is written.
"""

from __future__ import annotations

import pytest

from interviewdecide import (
    Aspirations,
    Basis,
    Candidate,
    Concern,
    ConcernKind,
    Invitation,
    JobPosting,
    Policy,
    Triage,
    triage,
)

CANDIDATE = Candidate(
    name="Mei Tan", years_experience=7, aspirations=Aspirations(roles=["Data Analyst"])
)
HEARSAY = Basis.FRIENDS_ADVICE
#: Two requests that fit; the first carries more reservations (two hearsay concerns).
DOUBTED = Invitation(
    posting=JobPosting(title="Data Analyst", company="Acme"),
    concerns=[
        Concern(kind=ConcernKind.OVERQUALIFIED, basis=HEARSAY),
        Concern(kind=ConcernKind.UNSUITABLE, basis=HEARSAY),
    ],
    id="acme-1",
)
LESS_DOUBTED = Invitation(
    posting=JobPosting(title="Data Analyst", company="Globex"),
    concerns=[Concern(kind=ConcernKind.UNSUITABLE, basis=HEARSAY)],
    id="globex-7",
)
JUNIOR = JobPosting(
    title="Junior Data Analyst",
    company="Initech Systems International Holdings",
    required_years=2,
)
#: A messy batch: a cap of one interview, a repeated posting, poor fits, long names.
BATCH: list[Invitation | JobPosting] = [
    DOUBTED,
    LESS_DOUBTED,
    JUNIOR,
    JUNIOR,
    JobPosting(title="Barista", company="Umbrella"),
    JobPosting(title="Cook", company="Umbrella"),
    JobPosting(title="Forklift driver", company="Umbrella Logistics"),
]


@pytest.fixture(scope="module")
def batch() -> Triage:
    return triage(CANDIDATE, BATCH, policy=Policy(max_interviews=1))


class TestRanking:
    """Reservations add up: concerns and notes both count (x__read_trace 9)."""

    def test_fewer_reservations_first(self) -> None:
        """Of two fitting requests, the one with fewer hearsay doubts ranks first."""
        result = triage(CANDIDATE, [DOUBTED, LESS_DOUBTED])

        assert ["globex-7", "acme-1"] == [item.invitation.id for item in result.attend]


class TestRecords:
    """to_records() gives one flat row per request, in input order (to_records, _record, _first)."""

    def test_rows_in_input_order(self, batch: Triage) -> None:
        """Rows follow the input order, whatever group each request landed in."""
        rows = batch.to_records()

        assert list(range(7)) == [row["index"] for row in rows]
        assert ["deferred", "attend", "decline", "repeat", "decline", "decline", "decline"] == [
            row["group"] for row in rows
        ]

    def test_a_deferred_row(self, batch: Triage) -> None:
        """A deferred request keeps its id, posting, verdict and the note saying why."""
        row = batch.to_records()[0]

        assert (
            "acme-1",
            "Data Analyst",
            "Acme",
            "attend",
            "fit",
            None,
        ) == (
            row["id"],
            row["title"],
            row["company"],
            row["action"],
            row["decided_by"],
            row["email_subject"],
        )
        assert str(row["note"]).startswith("Deferred: the policy caps a batch at 1 interview")
        assert str(row["reason"]).startswith("This posting matches what you aim for")

    def test_a_decline_row_and_its_repeat(self, batch: Triage) -> None:
        """A repeat takes the decision of the request decided in its place, with its own reason."""
        decline, repeat = batch.to_records()[2:4]

        assert "Junior Data Analyst interview: withdrawing" == decline["email_subject"]
        assert ("decline", "suitability") == (decline["action"], decline["decided_by"])
        assert ("decline", "suitability", None, None) == (
            repeat["action"],
            repeat["decided_by"],
            repeat["email_subject"],
            repeat["note"],
        )
        assert str(repeat["reason"]).startswith("Request 4 is for the same posting as request 3")
        assert None is repeat["id"]

    def test_a_repeat_of_a_deferred_request_has_no_note(self) -> None:
        """A repeat row carries no note, even when the request it repeats was deferred."""
        result = triage(
            CANDIDATE, [LESS_DOUBTED, DOUBTED, DOUBTED], policy=Policy(max_interviews=1)
        )

        deferred, repeat = result.to_records()[1:]
        assert ("deferred", "repeat") == (deferred["group"], repeat["group"])
        assert deferred["note"] is not None
        assert None is repeat["note"]


class TestExplainLayout:
    """explain() wraps every entry to 80 columns with hanging indents (explain, _describe)."""

    def test_every_line_fits_and_continues_indented(self, batch: Triage) -> None:
        """Under each heading, a line opens an entry ("  - ") or continues one ("    ")."""
        lines = batch.explain().splitlines()

        assert [] == [line for line in lines if len(line) > 80]
        body = [line for line in lines[lines.index("") :] if line and not line.endswith(":")]
        assert [] == [line for line in body if not line.startswith(("  - ", "    "))]

    def test_deciding_reasons_and_emails_are_shown(self, batch: Triage) -> None:
        """Each entry gives the deciding step's reason and the ready e-mail, wrapped."""
        text = " ".join(batch.explain().split())

        for item in (*batch.attend, *batch.decline, *batch.deferred):
            assert " ".join(item.verdict.deciding_step.reason.split()) in text
        assert 'E-mail ready: "Cook interview: withdrawing", to no address on the posting.' in text

    def test_long_reasons_continue_under_their_entry(self, batch: Triage) -> None:
        """The second line of a wrapped repeat or note is indented by four spaces."""
        lines = batch.explain().splitlines()

        repeat = lines.index("Repeated requests:")
        assert lines[repeat + 2].startswith("    Initech Systems")
        first_note = lines.index("About the batch:") + 1
        assert lines[first_note].startswith("  - [triage] ")
        assert lines[first_note + 1].startswith("    1; the least promising")


class TestArguments:
    """A bad argument names itself and what was expected (x__check_arguments 9)."""

    def test_a_string_is_not_a_batch(self) -> None:
        """A string of invitations is refused with the expected types spelled as in the API."""
        with pytest.raises(
            TypeError,
            match=r"^invitations: expected an iterable of Invitation or JobPosting, got str$",
        ):
            triage(CANDIDATE, "Data Analyst at Acme")  # type: ignore[arg-type]


class TestTriageValidation:
    """Triage refuses a member of the wrong type, naming the field (x__each 1, 5)."""

    def test_a_verdict_is_not_an_item(self, batch: Triage) -> None:
        """attend holding a verdict beside an item is a TypeError naming attend and the type."""
        wrong = [batch.attend[0], batch.attend[0].verdict]

        with pytest.raises(TypeError, match=r"^attend\b.*\bVerdict\b"):
            Triage(attend=wrong)  # type: ignore[arg-type]
