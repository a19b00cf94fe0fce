"""The caller's own data on a request: Invitation.id and .extra (issue 12 items 3, 6)."""

from __future__ import annotations

import csv
import io
import json
import math
import pickle
from typing import ClassVar

import attrs
import pytest

from conftest import mei
from interviewdecide import (
    Candidate,
    Extra,
    InvalidInput,
    Invitation,
    JobPosting,
    Outcome,
    Pipeline,
    Policy,
    Step,
    Triage,
    draft_decline,
    from_json,
    to_json,
    triage,
)

MEI = mei()
JUNIOR = JobPosting(title="Junior Data Analyst", company="Acme", required_years=2)
SENIOR = JobPosting(title="Senior Data Engineer", company="Globex Corp.", required_years=6)
#: What a tracker attaches: its record id and a few fields of its own, messy ones included.
TRACKED = Invitation(
    posting=SENIOR,
    matches_aspirations=True,
    id="airtable:rec8XyZ 01",
    extra={
        "commute_minutes": 75,
        "stage": "phone screen",
        "tags": ["remote-ish", "referral", None],
        "recruiter": {"name": "Zoë Ødegård", "rating": 4.5, "notes": []},
        "": "an empty key is still a key",
    },
)


class TestExtra:
    """Extra is an immutable, hashable mapping of JSON values."""

    def test_nested_values_freeze(self) -> None:
        extra = TRACKED.extra
        assert ("remote-ish", "referral", None) == extra["tags"]
        recruiter = extra["recruiter"]
        assert isinstance(recruiter, Extra)
        assert () == recruiter["notes"]
        assert {"name": "Zoë Ødegård", "rating": 4.5, "notes": ()} == recruiter

    def test_hash_and_equality_ignore_key_order(self) -> None:
        a = Extra({"x": 1, "y": [1, 2]})
        b = Extra({"y": (1, 2), "x": 1})
        assert a == b
        assert hash(a) == hash(b)
        assert Extra({"x": 2}) != a
        assert 1 == len({a, b})
        assert 2 == len(a)

    def test_immutable(self) -> None:
        extra = Extra({"x": 1})
        with pytest.raises(AttributeError, match="immutable"):
            extra._data = {}
        with pytest.raises(TypeError):
            extra["x"] = 2  # type: ignore[index]

    def test_to_dict_thaws(self) -> None:
        plain = TRACKED.extra.to_dict()
        assert ["remote-ish", "referral", None] == plain["tags"]
        assert {"name": "Zoë Ødegård", "rating": 4.5, "notes": []} == plain["recruiter"]
        assert plain == json.loads(json.dumps(plain))

    @pytest.mark.parametrize(
        ("data", "error", "where"),
        [
            ({"when": {1, 2}}, TypeError, "extra.when: must be a JSON value"),
            ({"a": [1, {"b": object()}]}, TypeError, "extra.a[1].b: must be a JSON value"),
            ({3: "x"}, TypeError, "extra: keys must be strings, not int"),
            ({"a": math.inf}, ValueError, "extra.a: must be a finite number, got inf"),
            ({"a": [math.nan]}, ValueError, "extra.a[0]: must be a finite number"),
            (["a", "b"], TypeError, "extra: must be a mapping, not list"),
        ],
    )
    def test_bad_values_name_their_path(self, data: object, error: type, where: str) -> None:
        with pytest.raises(error) as info:
            Invitation(posting=JUNIOR, extra=data)  # type: ignore[arg-type]
        assert str(info.value).startswith(where)

    def test_none_and_default_are_empty(self) -> None:
        assert Extra() == Invitation(posting=JUNIOR).extra
        assert Extra() == Invitation(posting=JUNIOR, extra=None).extra
        assert "Extra({})" == repr(Extra())


class TestPickle:
    def test_extra_survives_pickling(self) -> None:
        """Process pools pickle invitations: an Extra comes back equal, nested parts frozen."""
        extra = Extra({"commute": [25, {"mode": "train"}], "remote_ok": True})

        back = pickle.loads(pickle.dumps(extra))  # noqa: S301 -- our own bytes

        assert extra == back
        assert isinstance(back["commute"], tuple)
        assert hash(extra) == hash(back)


class TestId:
    """Invitation.id is the caller's, checked and never read by the rules."""

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("", "id: must not be empty"),
            (" \t", "id: must not be empty"),
            (42, "id: must be a string or None, not int"),
        ],
    )
    def test_bad_id(self, value: object, message: str) -> None:
        with pytest.raises((TypeError, ValueError), match=message):
            Invitation(posting=JUNIOR, id=value)  # type: ignore[arg-type]

    def test_id_does_not_change_the_verdict(self) -> None:
        from interviewdecide import decide

        assert decide(MEI, TRACKED) == decide(
            MEI, Invitation(posting=SENIOR, matches_aspirations=True)
        )


class TestJson:
    """id and extra round-trip through JSON, and are left out when not given."""

    def test_round_trip(self) -> None:
        text = to_json(TRACKED)
        assert TRACKED == from_json(Invitation, text)
        data = json.loads(text)
        assert "airtable:rec8XyZ 01" == data["id"]
        assert ["remote-ish", "referral", None] == data["extra"]["tags"]

    def test_defaults_left_out(self) -> None:
        data = json.loads(to_json(Invitation(posting=JUNIOR)))
        assert {"posting", "matches_aspirations", "concerns"} == set(data)

    @pytest.mark.parametrize(
        ("fields", "problem"),
        [
            ('"extra": [1, 2]', "expected an object of the caller's own data, got list @ $.extra"),
            (
                '"extra": {"a": [1, {"b": NaN}]}',
                "a[1].b: must be a finite number, got nan @ $.extra.a[1].b",
            ),
            ('"id": 17', "expected str, got int @ $.id"),
            ('"id": "   "', "id: must not be empty @ $.id"),
        ],
    )
    def test_bad_json_names_the_path(self, fields: str, problem: str) -> None:
        text = '{"posting": {"title": "Analyst"}, ' + fields + "}"
        with pytest.raises(InvalidInput) as info:
            from_json(Invitation, text)
        assert [problem] == [str(p) for p in info.value.problems]


def commute(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """A custom rule reading the caller's own data."""
    minutes = invitation.extra.get("commute_minutes")
    if not isinstance(minutes, int | float):
        return Step(rule="commute", outcome=Outcome.NOT_APPLICABLE, reason="No commute given.")
    if minutes > 60:
        return Step(
            rule="commute",
            outcome=Outcome.DECLINE,
            reason=f"A {minutes}-minute commute is too long.",
        )
    return Step(
        rule="commute", outcome=Outcome.NO_OBJECTION, reason=f"A {minutes}-minute commute is fine."
    )


class TestTriageKeepsThem:
    """Triage items and repeats keep their own id and extra."""

    def test_items_and_repeats(self) -> None:
        repeat = attrs.evolve(TRACKED, id="gmail:18c2f")
        batch = [Invitation(posting=JUNIOR, id="j-1"), TRACKED, repeat]
        result = triage(MEI, batch)
        assert ["j-1", "airtable:rec8XyZ 01"] == [i.invitation.id for i in result.items]
        [dup] = result.duplicates
        assert "gmail:18c2f" == dup.invitation.id
        assert "differ" not in dup.reason  # only the id differs: the answers are the same
        assert result == from_json(Triage, to_json(result))

    def test_repeat_with_other_data_says_so(self) -> None:
        result = triage(
            MEI,
            [
                TRACKED,
                Invitation(posting=SENIOR, matches_aspirations=True, extra={"commute_minutes": 5}),
            ],
        )
        [dup] = result.duplicates
        assert "differ" in dup.reason

    def test_custom_rule_reads_extra(self) -> None:
        pipeline = Pipeline().with_rule(commute, before="learning")
        result = triage(
            MEI,
            [
                TRACKED,
                Invitation(
                    posting=JobPosting(title="Data Engineer", company="Initech"),
                    extra={"commute_minutes": 20},
                ),
            ],
            pipeline=pipeline,
        )
        assert ["commute", "learning"] == [i.verdict.decided_by for i in result.items]
        near = result.items[1].verdict.step("commute")
        assert near is not None
        assert Outcome.NO_OBJECTION == near.outcome


class TestRecords:
    """Triage.to_records gives flat rows, in input order, repeats included."""

    KEYS: ClassVar[list[str]] = [
        "index",
        "id",
        "title",
        "company",
        "group",
        "action",
        "decided_by",
        "reason",
        "email_subject",
        "note",
    ]

    def rows(self) -> list[dict[str, str | int | None]]:
        batch: list[Invitation | JobPosting] = [
            Invitation(posting=JUNIOR, id="j-1"),
            TRACKED,
            Invitation(posting=JUNIOR, id="j-2"),
            JobPosting(title="Analyst, Data (m/f/d)", company=None),
        ]
        return triage(MEI, batch).to_records()

    def test_rows(self) -> None:
        rows = self.rows()
        assert [self.KEYS] * 4 == [list(r) for r in rows]
        assert [0, 1, 2, 3] == [r["index"] for r in rows]
        assert ["j-1", "airtable:rec8XyZ 01", "j-2", None] == [r["id"] for r in rows]
        assert ["decline", "attend", "repeat", "attend"] == [r["group"] for r in rows]
        assert ["decline", "attend", "decline", "attend"] == [r["action"] for r in rows]
        assert "suitability" == rows[2]["decided_by"]
        assert "Request 3 is for the same posting as request 1" in str(rows[2]["reason"])
        email = draft_decline(MEI, Invitation(posting=JUNIOR, id="j-1"))
        assert email.subject == rows[0]["email_subject"]
        assert rows[2]["email_subject"] is None
        assert all(isinstance(v, str | int) or v is None for r in rows for v in r.values())

    def test_deferred_rows_carry_the_note(self) -> None:
        batch = [
            Invitation(
                posting=JobPosting(title=f"Engineer {n}", company=f"Co {n}"),
                matches_aspirations=True,
            )
            for n in range(3)
        ]
        rows = triage(MEI, batch, policy=Policy(max_interviews=1)).to_records()
        deferred = [r for r in rows if r["group"] == "deferred"]
        assert 2 == len(deferred)
        assert all(r["note"] for r in deferred)

    def test_empty(self) -> None:
        assert [] == triage(MEI, []).to_records()

    def test_csv_writes_them(self) -> None:
        rows = self.rows()
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=self.KEYS)
        writer.writeheader()
        writer.writerows(rows)
        back = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert [str(r["title"]) for r in rows] == [r["title"] for r in back]
