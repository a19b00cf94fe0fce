"""JSON in and out: lossless round trips and errors that name the path."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import costly
from interviewdecide import (
    Aspirations,
    Candidate,
    Concern,
    Contact,
    Fact,
    Inbox,
    InvalidInput,
    Invitation,
    JobPosting,
    Location,
    Money,
    Offer,
    PayRange,
    Policy,
    Problem,
    Step,
    Triage,
    TriageItem,
    Verdict,
    WorkArrangement,
    __version__,
    converter,
    decide,
    from_json,
    testing,
    to_json,
    triage,
)
from interviewdecide.serialization import structure, to_problems

#: The stored form this release writes.
SCHEMA_VERSION = decide(
    Candidate(name="A", years_experience=1), JobPosting(title="B")
).schema_version

#: A candidate and a batch of requests to read per example: a quarter of the profile
#: here, at depth in CI's fuzz step.
BATCHES = {Inbox}

ROUND_TRIPS: list[tuple[type[Any], st.SearchStrategy[Any]]] = [
    (Money, testing.money()),
    (PayRange, testing.pay_ranges()),
    (Location, testing.locations()),
    (Contact, testing.contacts()),
    (Aspirations, testing.aspirations()),
    (Offer, testing.offers()),
    (Candidate, testing.candidates()),
    (JobPosting, testing.job_postings()),
    (Concern, testing.concerns()),
    (Invitation, testing.invitations()),
    (Policy, testing.policies()),
    (Fact, testing.facts()),
    (Step, testing.steps()),
    (Verdict, testing.verdicts()),
    (Triage, testing.triages()),
    (Inbox, testing.inboxes()),
]


class TestRoundTrip:
    @pytest.mark.parametrize(
        ("cls", "strategy"),
        [
            pytest.param(cls, strategy, marks=[pytest.mark.fuzz] if cls in BATCHES else [])
            for cls, strategy in ROUND_TRIPS
        ],
        ids=lambda x: getattr(x, "__name__", ""),
    )
    def test_lossless(self, cls: type[Any], strategy: st.SearchStrategy[Any]) -> None:
        """from_json(cls, to_json(x)) == x for every public type."""

        @given(strategy)
        def check(value: Any) -> None:
            text = to_json(value)
            assert value == from_json(cls, text)
            assert text == to_json(from_json(cls, text))

        if cls in BATCHES:
            check = costly(check)
        check()

    def test_money_is_exact_text(self) -> None:
        """Money is written as decimal text, never a float."""
        data = converter.unstructure(Money(amount=Decimal("0.10"), currency="EUR"))

        assert {"amount": "0.10", "currency": "EUR"} == data

    def test_sets_are_sorted(self) -> None:
        """Frozensets are written sorted, so the bytes do not depend on the hash seed."""
        # Sorted text is the same under every seed. Eight names leave one chance in
        # 40,320 that this process's own set order is sorted by luck, which subprocesses
        # with other seeds would not lower by much.
        aspirations = Aspirations(
            roles=["zeta", "alpha", "mid", "beta", "omega", "delta", "kappa", "gamma"],
            arrangements=[WorkArrangement.REMOTE, WorkArrangement.ONSITE, WorkArrangement.HYBRID],
        )

        data = json.loads(to_json(aspirations))

        assert ["alpha", "beta", "delta", "gamma", "kappa", "mid", "omega", "zeta"] == data["roles"]
        assert ["hybrid", "onsite", "remote"] == data["arrangements"]

    def test_verdict_keeps_policy_and_schema(self) -> None:
        """A stored verdict carries what is needed to explain it later."""
        verdict = decide(
            Candidate(name="A", years_experience=7),
            JobPosting(title="Junior", required_years=2),
            policy=Policy(overqualified_surplus_years=4),
        )

        data = json.loads(to_json(verdict))

        assert 4 == data["policy"]["overqualified_surplus_years"]
        assert 1 == data["schema_version"]
        assert verdict.explain() == from_json(Verdict, to_json(verdict)).explain()


def problems(cls: type[Any], doc: Any) -> tuple[str, ...]:
    """The problems of reading ``doc``, each as its ``message @ path`` line."""
    with pytest.raises(InvalidInput) as info:
        from_json(cls, json.dumps(doc) if not isinstance(doc, str | bytes) else doc)
    return tuple(map(str, info.value.problems))


GOOD = {"name": "Mei", "years_experience": 7}


class TestBadInput:
    @pytest.mark.parametrize(
        ("doc", "expected"),
        [
            ({**GOOD, "years_experience": "7"}, "expected float, got str @ $.years_experience"),
            ({**GOOD, "years_experience": -3}, "@ $.years_experience"),
            ({**GOOD, "years_experience": 1e400}, "must be a finite number >= 0, got inf"),
            ({**GOOD, "name": 3}, "expected str, got int @ $.name"),
            ('{"name": "Mei \\ud800", "years_experience": 7}', "lone surrogate @ $.name"),
            ({**GOOD, "extra": 1}, "unknown field(s) extra @ $"),
            ({"name": "Mei"}, "required field missing @ $.years_experience"),
            (
                {**GOOD, "offers": [{"company": "X"}, {"company": "Y", "status": "maybe"}]},
                "'maybe' is not one of ['pending', 'accepted', 'declined', 'rescinded', 'expired']"
                " @ $.offers[1].status",
            ),
            ({**GOOD, "offers": [{"company": "X", "status": 3}]}, "got int @ $.offers[0].status"),
            ({**GOOD, "offers": {"company": "X"}}, "expected an array, got dict @ $.offers"),
            ({**GOOD, "offers": [7]}, "expected an object, got int @ $.offers[0]"),
            (
                {**GOOD, "aspirations": {"roles": "analyst"}},
                "expected an array, got str @ $.aspirations.roles",
            ),
            (
                {**GOOD, "aspirations": {"min_salary": {"amount": "lots", "currency": "EUR"}}},
                "'lots' is not a decimal number @ $.aspirations.min_salary.amount",
            ),
            (
                {**GOOD, "aspirations": {"min_salary": {"amount": [], "currency": "EUR"}}},
                "expected a decimal number as text, got list @ $.aspirations.min_salary.amount",
            ),
            (
                {**GOOD, "offers": [{"company": "X", "received_at": 1}]},
                "expected an ISO 8601 datetime string, got int @ $.offers[0].received_at",
            ),
            (
                {**GOOD, "offers": [{"company": "X", "received_at": "2026-01-01T10:00:00"}]},
                "must be timezone-aware",
            ),
            (
                {
                    **GOOD,
                    "offers": [
                        {
                            "company": "X",
                            "received_at": "2026-01-02T10:00:00+00:00",
                            "deadline": "2026-01-01T10:00:00+00:00",
                        }
                    ],
                },
                "is not after received_at 2026-01-02T10:00:00+00:00 @ $.offers[0].deadline",
            ),
            ([GOOD], "expected an object, got list @ $"),
            ("{not json", "not valid JSON"),
            (b"\xff\xfe\x00", "not valid JSON"),
        ],
    )
    def test_candidate_problems(self, doc: Any, expected: str) -> None:
        """Each problem is one line naming its path."""
        found = problems(Candidate, doc)

        assert any(expected in p for p in found), found

    def test_every_problem_is_reported(self) -> None:
        """Several bad fields give several lines, none dropped."""
        doc = {"name": 1, "years_experience": "x", "offers": [{"company": "A", "status": "?"}]}
        with pytest.raises(InvalidInput) as info:
            from_json(Candidate, json.dumps(doc))
        found = info.value.problems

        assert ["$.name", "$.years_experience", "$.offers[0].status"] == [p.path for p in found]
        assert "\n".join(problems(Candidate, doc)) == str(InvalidInput(found))

    def test_every_invalid_field_is_reported(self) -> None:
        """A constructor stops at its first bad field; the reader reports them all."""
        found = problems(
            Policy, {"overqualified_surplus_years": -1, "targeting_share": 2, "max_interviews": -1}
        )

        assert [
            "$.overqualified_surplus_years",
            "$.targeting_share",
            "$.max_interviews",
        ] == [p.split(" @ ")[1] for p in found]

    def test_every_invalid_field_of_a_nested_object(self) -> None:
        """The same holds inside a list, with each path in full."""
        found = problems(
            Candidate,
            {**GOOD, "offers": [{"company": " ", "received_at": "2026-01-01T10:00:00"}]},
        )

        assert ["$.offers[0].company", "$.offers[0].received_at"] == [
            p.split(" @ ")[1] for p in found
        ]

    def test_every_invalid_converted_field(self) -> None:
        """Fields with converters (lists to frozensets) are checked after converting."""
        found = problems(Aspirations, {"roles": [""], "industries": ["finance", " "]})

        assert ["$.roles", "$.industries"] == [p.split(" @ ")[1] for p in found]

    def test_posting_date(self) -> None:
        """Dates are ISO 8601 text."""
        found = problems(JobPosting, {"title": "A", "date_posted": 20260101})

        assert ("expected an ISO 8601 date string, got int @ $.date_posted",) == found

    def test_bool_is_not_a_number(self) -> None:
        """JSON true is not read as 1."""
        found = problems(Policy, {"fit_clashes_to_decline": True})

        assert ("expected int, got bool @ $.fit_clashes_to_decline",) == found

    def test_verdict_with_a_broken_trace(self) -> None:
        """A stored verdict whose trace does not support it is refused with its path."""
        data = json.loads(
            to_json(
                decide(
                    Candidate(name="A", years_experience=7), JobPosting(title="J", required_years=2)
                )
            )
        )
        data["action"] = "attend"

        found = problems(Verdict, data)

        assert any(p.endswith("@ $.action") for p in found), found


class TestRepeatedKeysAndOddClasses:
    """Issue 15: repeated keys, keys with lone surrogates, and classes from_json cannot read."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                '{"name": "Mei", "years_experience": 7, "name": "Mallory"}',
                ('the key "name" appears more than once @ $.name',),
            ),
            (  # the same value twice is still a mistake in the document
                '{"name": "Mei", "name": "Mei", "years_experience": 7}',
                ('the key "name" appears more than once @ $.name',),
            ),
            (
                '{"name": "Mei", "years_experience": 7, "offers": [{"company": "A"},'
                ' {"company": "B", "status": "pending", "status": "accepted"}]}',
                ('the key "status" appears more than once @ $.offers[1].status',),
            ),
            (
                '{"name": "Mei", "years_experience": 7, "name": "M", '
                '"aspirations": {"roles": ["x"], "min salary": 1, "min salary": 2}}',
                (
                    'the key "name" appears more than once @ $.name',
                    'the key "min salary" appears more than once @ $.aspirations["min salary"]',
                ),
            ),
        ],
    )
    def test_repeated_keys_refused(self, text: str, expected: tuple[str, ...]) -> None:
        """A key named twice is refused at its path, never read as its last value."""
        assert expected == problems(Candidate, text)
        assert expected == problems(Candidate, text.encode("utf-8"))

    def test_key_with_lone_surrogate(self) -> None:
        """A key holding a lone surrogate is refused, and the message stays printable."""
        found = problems(Candidate, '{"name": "Mei", "years_experience": 7, "x\\udc00": 1}')
        assert ('the key holds a lone surrogate, not valid Unicode @ $["x\\udc00"]',) == found
        assert found[0] == found[0].encode("utf-8").decode("utf-8")

    def test_unknown_field_with_surrogate_is_escaped(self) -> None:
        """An unknown field whose name cannot be printed is shown escaped."""
        assert [Problem("$", "unknown field(s) 'x\\ud800'")] == to_problems(
            cattrs.ForbiddenExtraKeysError("", Candidate, {"x\ud800"})
        )

    @pytest.mark.parametrize("cls", [object, type, complex])
    def test_unsupported_class_is_a_type_error(self, cls: type[Any]) -> None:
        """from_json of a class it cannot read is a TypeError naming the class."""
        with pytest.raises(TypeError, match=f"from_json cannot read {cls.__name__}"):
            from_json(cls, "{}")


_SENIOR = JobPosting(title="Sr. Data-Engineer II", company="Initech, Inc.", required_years=2)
_BARISTA = JobPosting(title="  Barista ", company=None, required_years=0.5)
_STRICT = Policy(overqualified_surplus_years=3, max_interviews=1, targeting_min_batch=2)
_MESSY_INBOX: list[Invitation | JobPosting] = [
    _SENIOR,
    _BARISTA,
    Invitation(posting=JobPosting(title="Analyst (m/f/d)"), matches_aspirations=True),
    Invitation(posting=JobPosting(title="Data Engineer"), matches_aspirations=None),
]


def _triage_json() -> tuple[Triage, dict[str, Any]]:
    mei = Candidate(name="Mei Tan", years_experience=7.5, email="mei@example.com")
    result = triage(mei, _MESSY_INBOX, policy=_STRICT)
    return result, json.loads(to_json(result))


def _verdicts(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [item["verdict"] for group in ("attend", "decline", "deferred") for item in data[group]]


class TestTriageJson:
    """A triage writes the policy its verdicts share once, and reads both forms."""

    def test_policy_written_once(self) -> None:
        """The policy sits at the top, and no verdict repeats it."""
        result, data = _triage_json()

        assert (json.loads(to_json(_STRICT)), [], 4) == (
            data["policy"],
            [v for v in _verdicts(data) if "policy" in v],
            len(result.items),
        )
        assert 1 == to_json(result).count('"targeting_min_batch": ')

    def test_verdict_with_another_policy_keeps_its_own(self) -> None:
        """A hand-built triage mixing policies round-trips, each verdict with its own."""
        mei = Candidate(name="Mei", years_experience=7)
        items = [
            TriageItem(index=i, invitation=Invitation(posting=p), verdict=decide(mei, p, policy=q))
            for i, (p, q) in enumerate(
                [(_SENIOR, _STRICT), (_BARISTA, Policy()), (_SENIOR, _STRICT)]
            )
        ]
        mixed = Triage(decline=items)
        data = json.loads(to_json(mixed))

        assert [False, True, False] == ["policy" in v for v in _verdicts(data)]
        assert mixed == from_json(Triage, to_json(mixed))

    def test_policy_in_every_verdict_still_read(self) -> None:
        """JSON that repeats the policy in each verdict reads to the same triage."""
        result, data = _triage_json()
        shared = data.pop("policy")
        for verdict in _verdicts(data):
            verdict["policy"] = shared

        assert result == from_json(Triage, json.dumps(data))

    def test_reading_leaves_the_data_alone(self) -> None:
        """Structuring parsed JSON does not add the policy to the caller's dicts."""
        result, data = _triage_json()
        before = json.dumps(data)

        assert (result, before) == (structure(data, Triage), json.dumps(data))

    def test_empty_triage_has_no_policy(self) -> None:
        """With no verdicts there is no policy to write, and a lone one reads as empty."""
        assert ("policy" not in json.loads(to_json(Triage())), Triage()) == (
            True,
            from_json(Triage, '{"policy": {"max_interviews": 2}}'),
        )

    @pytest.mark.parametrize(
        ("change", "expected"),
        [
            (
                {"policy": {"max_interviews": -1}},
                ("max_interviews: must be >= 0, got -1 @ $.policy.max_interviews",),
            ),
            ({"policy": None}, ("expected an object, got NoneType @ $.policy",)),
            (
                {"policy": {"overqualified_ratio": "2"}},
                ("expected float, got str @ $.policy.overqualified_ratio",),
            ),
            ({"attend": "all of them"}, ("expected an array, got str @ $.attend",)),
            ({"decline": [7]}, ("expected an object, got int @ $.decline[0]",)),
            (
                {
                    "deferred": [
                        {"index": 0, "invitation": {"posting": {"title": "A"}}, "verdict": []}
                    ]
                },
                ("expected an object, got list @ $.deferred[0].verdict",),
            ),
        ],
    )
    def test_bad_input_named_at_its_path(
        self, change: dict[str, Any], expected: tuple[str, ...]
    ) -> None:
        """A bad shared policy or group is reported where it is, once."""
        _, data = _triage_json()

        assert expected == problems(Triage, data | change)

    def test_verdict_without_any_policy_is_missing_one(self) -> None:
        """With no policy at the top, a verdict without its own lacks a required field."""
        _, data = _triage_json()
        del data["policy"]

        assert "required field missing @ $.attend[0].verdict.policy" in problems(Triage, data)


class TestSchemaVersion:
    """A stored verdict from a newer release is refused, at its path, with both versions."""

    def _verdict_data(self) -> dict[str, Any]:
        verdict = decide(Candidate(name="Mei", years_experience=7), _SENIOR)
        return dict(json.loads(to_json(verdict)))

    def test_newer_version_refused_naming_both_versions(self) -> None:
        """A verdict written in form 99 names 99, the form read here and this release."""
        data = self._verdict_data() | {"schema_version": 99}

        assert (
            f"schema_version: 99 is newer than this library reads ({SCHEMA_VERSION}); it was "
            f"written by a newer interviewdecide than this one ({__version__}) "
            "@ $.schema_version",
        ) == problems(Verdict, data)

    def test_version_below_the_first_refused(self) -> None:
        """Form 0 never existed, so it is refused rather than read as form 1."""
        data = self._verdict_data() | {"schema_version": 0}

        assert (
            "schema_version: 0 is not a version: stored forms start at 1 @ $.schema_version",
        ) == problems(Verdict, data)

    def test_current_version_and_a_missing_one_read(self) -> None:
        """The current form reads, and an older file without the key reads as form 1."""
        data = self._verdict_data()
        expected = from_json(Verdict, json.dumps(data))
        del data["schema_version"]

        assert (SCHEMA_VERSION, expected) == (
            expected.schema_version,
            from_json(Verdict, json.dumps(data)),
        )

    def test_newer_verdict_inside_a_triage_named_at_its_path(self) -> None:
        """Within a triage, the refused version is reported at the verdict that holds it."""
        _, data = _triage_json()
        data["decline"][0]["verdict"]["schema_version"] = SCHEMA_VERSION + 1

        found = problems(Triage, data)

        assert ["$.decline[0].verdict.schema_version"] == [p.rpartition(" @ ")[2] for p in found]
        assert f"{SCHEMA_VERSION + 1} is newer" in found[0]

    def test_constructor_refuses_a_newer_version_too(self) -> None:
        """Building a verdict by hand with a newer form fails the same way."""
        verdict = decide(Candidate(name="Mei", years_experience=7), _SENIOR)

        with pytest.raises(ValueError, match=r"^schema_version: 2 is newer"):
            attrs.evolve(verdict, schema_version=2)


class TestConverterDirectly:
    def test_lone_surrogate_is_refused_by_the_public_converter(self) -> None:
        """Text that reaches the converter without from_json is still checked."""
        with pytest.raises(Exception) as caught:  # noqa: PT011 -- cattrs' group, checked below
            converter.structure({"name": "Mei \ud800", "years_experience": 7}, Candidate)

        assert "lone surrogate" in repr(caught.value.exceptions)  # type: ignore[attr-defined]
