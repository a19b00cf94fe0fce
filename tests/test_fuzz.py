"""Hostile input: whatever the readers are given, they return a value or raise InvalidInput.

Every reader of outside data (``from_json`` for every public type,
``JobPosting.from_schema_org``, ``Candidate.from_json_resume``) is fed arbitrary JSON,
valid documents with one part broken, invalid UTF-8, deep nesting and huge numbers.
The one error allowed out is :class:`~interviewdecide.InvalidInput` whose message has
one line per problem, each naming a path; whatever is accepted round-trips through
``to_json``/``from_json`` unchanged.

The default profile runs a hundred examples per property; ``HYPOTHESIS_PROFILE=ci-fuzz``
two thousand, as CI runs the fuzz-marked tests (``pytest -m fuzz``); ``HYPOTHESIS_PROFILE=fuzz``
(tests/conftest.py) twenty thousand.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import json
import tempfile
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

import interviewdecide
from conftest import (
    RESUME_KEYS,
    RESUME_WORDS,
    SCHEMA_ORG_KEYS,
    SCHEMA_ORG_WORDS,
    costly,
    json_values,
)
from interviewdecide import (
    Alternative,
    Aspirations,
    Basis,
    BatchNote,
    Candidate,
    Concern,
    ConcernKind,
    Contact,
    DeclineReason,
    DisclosureAdvice,
    Duplicate,
    Email,
    Fact,
    Inbox,
    InvalidInput,
    Invitation,
    JobPosting,
    Location,
    Money,
    Offer,
    OfferStatus,
    PayPeriod,
    PayRange,
    Pipeline,
    Policy,
    Problem,
    Reading,
    Step,
    ToneFinding,
    Triage,
    TriageItem,
    Verdict,
    WorkArrangement,
    advise_disclosure,
    check_tone,
    converter,
    decide,
    draft_decline,
    from_json,
    testing,
    to_json,
    triage,
)
from interviewdecide.serialization import structure

pytestmark = pytest.mark.fuzz

DATA = Path(__file__).parent / "data"

#: Every public type that ``from_json`` reads: the attrs classes and the enums of
#: ``interviewdecide.__all__``. :class:`Pipeline` holds functions, not data.
PUBLIC_TYPES: list[type[Any]] = sorted(
    (
        obj
        for obj in (getattr(interviewdecide, name) for name in interviewdecide.__all__)
        if isinstance(obj, type)
        and (attrs.has(obj) or issubclass(obj, StrEnum))
        and obj is not Pipeline
    ),
    key=lambda t: t.__name__,
)


def assert_names_paths(error: InvalidInput) -> None:
    """The message is one ``message @ path`` line per problem, each path from ``$``."""
    lines = str(error).splitlines()
    assert [] != lines
    assert [str(p) for p in error.problems] == lines
    assert [] == [p for p in error.problems if not p.path.startswith("$")]


def value_or_invalid(cls: type[Any], text: str | bytes) -> Any:
    """Read ``text``; an error must be a well-formed InvalidInput, a value must round-trip."""
    try:
        value = from_json(cls, text)
    except InvalidInput as e:
        assert_names_paths(e)
        return None
    assert_round_trips(cls, value)
    return value


def assert_round_trips(cls: type[Any], value: Any) -> None:
    """``from_json(cls, to_json(value)) == value``, and writing again gives the same text."""
    text = to_json(value)
    again = from_json(cls, text)
    assert value == again
    assert text == to_json(again)


# -- one rich value of every public type -----------------------------------------

_UTC = dt.UTC
_CANDIDATE = Candidate(
    name="Zoë Ångström-Ōkubo 🧭",
    years_experience=7.25,
    aspirations=Aspirations(
        roles={"data engineer", "analyst"},
        industries={"software"},
        companies={"Acme"},
        avoid_companies={"Initech"},
        locations=(Location(city="Singapore"), Location(country="FR")),
        arrangements={WorkArrangement.REMOTE, WorkArrangement.HYBRID},
        min_salary=Money(amount=Decimal("85000.00"), currency="EUR"),
    ),
    offers=(
        Offer(
            company="Globex",
            status=OfferStatus.PENDING,
            role="Engineer",
            salary=Money(amount=Decimal("90000.50"), currency="EUR"),
            received_at=dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))),
            deadline=dt.datetime(2024, 3, 15, 17, 0, tzinfo=_UTC),
        ),
        Offer(company="Umbrella", status=OfferStatus.EXPIRED),
    ),
    email="zoe@example.com",
)
_POSTING = JobPosting(
    title="Junior Data Engineer",
    company="Acme",
    required_years=2,
    required_years_from_text=True,
    industry="software",
    locations=(Location(city="Lyon", country="FR"),),
    arrangement=WorkArrangement.HYBRID,
    salary=PayRange(
        currency="EUR", period=PayPeriod.MONTH, minimum=Decimal(4000), maximum=Decimal("5500.5")
    ),
    contact=Contact(name="Ren Ito", email="jobs@acme.example"),
    date_posted=dt.date(2024, 2, 29),
    valid_through=dt.datetime(2024, 4, 1, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    url="https://jobs.example.com/1",
    source='{"@type": "JobPosting"}',
)
_INVITATION = Invitation(
    posting=_POSTING,
    concerns=(
        Concern(kind=ConcernKind.OVERQUALIFIED, basis=Basis.FRIENDS_ADVICE, detail="said a friend"),
    ),
)
_VERDICT = decide(_CANDIDATE, _INVITATION)
_TRIAGE = triage(
    _CANDIDATE,
    [_INVITATION, JobPosting(title="Data Engineer", company="Acme"), _INVITATION],
    policy=Policy(max_interviews=0),
)
_DISCLOSURE = advise_disclosure(_CANDIDATE, employer="Globex", final_stage=True)
_EMAIL = draft_decline(_CANDIDATE, _INVITATION, reason=DeclineReason.NOT_SUITABLE)
_FINDINGS = check_tone("Obviously I am far too experienced for this. Never contact me again.")
assert _VERDICT.alternative is not None
assert _TRIAGE.duplicates
assert _TRIAGE.notes
assert _FINDINGS

#: One value of every public data type, with every optional part filled in.
EXAMPLES: dict[type[Any], Any] = {
    Money: _CANDIDATE.aspirations.min_salary,
    PayRange: _POSTING.salary,
    Location: _POSTING.locations[0],
    Contact: _POSTING.contact,
    Aspirations: _CANDIDATE.aspirations,
    Offer: _CANDIDATE.offers[0],
    Candidate: _CANDIDATE,
    JobPosting: _POSTING,
    Concern: _INVITATION.concerns[0],
    Invitation: _INVITATION,
    Policy: Policy(overqualified_ratio=2.5, underqualified_shortfall_years=3, max_interviews=4),
    Fact: _VERDICT.trace[2].facts[0],
    Step: _VERDICT.trace[2],
    Alternative: _VERDICT.alternative,
    Verdict: _VERDICT,
    TriageItem: _TRIAGE.deferred[0],
    Duplicate: _TRIAGE.duplicates[0],
    BatchNote: _TRIAGE.notes[0],
    Triage: _TRIAGE,
    DisclosureAdvice: _DISCLOSURE,
    Email: _EMAIL,
    ToneFinding: _FINDINGS[0],
    Problem: Problem("$.baseSalary", "cannot read a salary from the text 'Competitive'"),
    Reading: Reading(
        posting=_POSTING,
        skipped=(Problem("$.baseSalary", "cannot read a salary from the text 'Competitive'"),),
    ),
    Inbox: Inbox(
        candidate=_CANDIDATE,
        invitations=(_INVITATION, _INVITATION),
        policy=Policy(max_interviews=2),
    ),
}
EXAMPLES.update({t: next(iter(t)) for t in PUBLIC_TYPES if issubclass(t, StrEnum)})

#: Strategies for every public data type, from ``interviewdecide.testing``.
STRATEGIES: dict[type[Any], st.SearchStrategy[Any]] = {
    Money: testing.money(),
    PayRange: testing.pay_ranges(),
    Location: testing.locations(),
    Contact: testing.contacts(),
    Aspirations: testing.aspirations(),
    Offer: testing.offers(),
    Candidate: testing.candidates(),
    JobPosting: testing.job_postings(),
    Concern: testing.concerns(),
    Invitation: testing.invitations(),
    Policy: testing.policies(),
    Fact: testing.facts(),
    Step: testing.steps(),
    Alternative: testing.verdicts()
    .filter(lambda v: v.alternative is not None)
    .map(lambda v: v.alternative),
    Verdict: testing.verdicts(),
    # The parts of a triage, each from the smallest batch that has one: a whole
    # generated batch (up to seven requests) per example cost four times as much.
    TriageItem: st.builds(
        lambda c, i, p: triage(c, [i], policy=p).items[0],
        testing.candidates(),
        testing.invitations(),
        testing.policies(),
    ),
    Duplicate: st.builds(
        lambda c, i, p: triage(c, [i, i], policy=p).duplicates[0],
        testing.candidates(),
        testing.invitations(),
        testing.policies(),
    ),
    BatchNote: st.builds(
        lambda c, i, j, p: triage(c, [i, j, i], policy=p).notes,
        testing.candidates(),
        testing.invitations(),
        testing.invitations(),
        testing.policies(),
    ).flatmap(st.sampled_from),
    Triage: testing.triages(),
    DisclosureAdvice: testing.disclosure_advice(),
    Email: testing.emails(),
    ToneFinding: testing.tone_findings(),
    Problem: testing.problems(),
    Reading: testing.readings(),
    Inbox: testing.inboxes(),
}
STRATEGIES.update({t: st.sampled_from(t) for t in PUBLIC_TYPES if issubclass(t, StrEnum)})

by_name = pytest.mark.parametrize("cls", PUBLIC_TYPES, ids=lambda t: t.__name__)

#: The properties below run once per public type (over forty of them), so each gets a
#: quarter of the profile's examples: 25 by default, 5,000 with ``HYPOTHESIS_PROFILE=fuzz``.
per_type = settings(max_examples=max(1, settings().max_examples // 4))


# -- JSON values and documents ----------------------------------------------------

_SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "null": st.none(),
    "boolean": st.booleans(),
    "integer": st.integers(),
    "float": st.floats(allow_nan=False, allow_infinity=False),
    "string": st.text(),
}


def json_kind(value: Any) -> str:
    """Name the JSON type of a parsed value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def of_kind(kind: str) -> st.SearchStrategy[Any]:
    """JSON values of one type."""
    if kind == "array":
        return st.lists(json_values(), max_size=3)
    if kind == "object":
        return st.dictionaries(st.text(max_size=10), json_values(), max_size=3)
    return _SCALARS[kind]


Path_ = tuple[str | int, ...]


def paths(doc: Any, at: Path_ = ()) -> list[Path_]:
    """Every path in a JSON document, the root included."""
    out = [at]
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += paths(value, (*at, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out += paths(value, (*at, i))
    return out


#: Fields that hold a public type with a row of its own in the tables above, and how
#: many steps into the field reach that type's value.
_OWN_ROWS = {
    "candidate": 1,
    "invitation": 1,
    "invitations": 2,
    "posting": 1,
    "policy": 1,
    "verdict": 1,
}


def own_paths(doc: Any) -> list[Path_]:
    """The paths in a JSON document that its own type reads, lists through their first item.

    The converter reads every item of a list with the same hook, and a verdict inside a
    triage with the hook that reads a verdict alone: the paths inside a nested public
    type (and past the first item of a list) are broken in that type's own row, and the
    Hypothesis properties break any path at any depth.
    """
    return [
        p
        for p in paths(doc)
        if all(i == 0 for i in p if isinstance(i, int))
        and not any(len(p) > at + _OWN_ROWS.get(str(key), len(p)) for at, key in enumerate(p))
    ]


def get(doc: Any, path: Path_) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def replace(doc: Any, path: Path_, new: Any) -> Any:
    """Return a copy of ``doc`` with the value at ``path`` replaced by ``new``."""
    if not path:
        return new
    out = copy.deepcopy(doc)
    get(out, path[:-1])[path[-1]] = new
    return out


def delete(doc: Any, path: Path_) -> Any:
    """Return a copy of ``doc`` without the value at ``path`` (a non-empty path)."""
    out = copy.deepcopy(doc)
    del get(out, path[:-1])[path[-1]]
    return out


#: Number literals that no float holds, or that no int converts from, as JSON text.
HUGE_NUMBERS = [
    "1e400",
    "-1e400",
    "1" + "0" * 400,
    "-1" + "0" * 400,
    "1" + "0" * 5000,
    "1e-400",
    "123456789012345678901234567890.123456789",
    "NaN",
    "Infinity",
    "-Infinity",
]
#: The values those literals become in Python, for readers of parsed data.
HUGE_VALUES: list[Any] = [
    float("inf"),
    float("-inf"),
    float("nan"),
    10**400,
    -(10**400),
    10**5000,
    0.0,
    1.7976931348623157e308,
]
HUGE_IDS = ["inf", "-inf", "nan", "int-1e400", "int--1e400", "int-1e5000", "zero", "max-float"]
_SENTINELS = {f"\x00HUGE{i}\x00": literal for i, literal in enumerate(HUGE_NUMBERS)}


def dumps(doc: Any) -> str:
    """JSON text of ``doc``, with every sentinel string written as its raw number literal."""
    text = json.dumps(doc)
    for sentinel, literal in _SENTINELS.items():
        text = text.replace(json.dumps(sentinel), literal)
    return text


def with_literal(doc: Any, path: Path_, literal: str) -> str:
    """JSON text of ``doc`` with the value at ``path`` replaced by the raw ``literal``."""
    sentinel = next(k for k, v in _SENTINELS.items() if v == literal)
    return dumps(replace(doc, path, sentinel))


@st.composite
def mutated(draw: st.DrawFn, doc: Any, huge: list[Any]) -> Any:
    """A valid document with one part broken: replaced, deleted, added or made huge."""
    path = draw(st.sampled_from(paths(doc)))
    old = get(doc, path)
    how = draw(st.sampled_from(["replace", "delete", "add", "huge"]))
    if how == "delete" and path:
        return delete(doc, path)
    if how == "add" and isinstance(old, dict):
        key = draw(st.text(max_size=12) | st.sampled_from(sorted(old) or ["x"]))
        return replace(doc, path, {**old, key: draw(json_values())})
    if how == "add" and isinstance(old, list):
        at = draw(st.integers(min_value=0, max_value=len(old)))
        return replace(doc, path, [*old[:at], draw(json_values()), *old[at:]])
    if how == "huge":
        return replace(doc, path, draw(st.sampled_from(huge)))
    kinds = sorted(set(_SCALARS) | {"array", "object"} - {json_kind(old)})
    return replace(doc, path, draw(of_kind(draw(st.sampled_from(kinds)))))


def mutations(doc: Any) -> st.SearchStrategy[str]:
    """Mutated documents as JSON text, huge numbers written as raw literals."""
    return mutated(doc, sorted(_SENTINELS)).map(dumps)


# -- from_json -------------------------------------------------------------------


class TestCoverage:
    def test_every_public_type_has_an_example_and_a_strategy(self) -> None:
        """The fuzz tables hold every public type, so a new type cannot be skipped."""
        assert [] == [t.__name__ for t in PUBLIC_TYPES if t not in EXAMPLES]
        assert [] == [t.__name__ for t in PUBLIC_TYPES if t not in STRATEGIES]

    @by_name
    def test_examples_round_trip(self, cls: type[Any]) -> None:
        """The fixed example of each type is valid and round-trips."""
        assert EXAMPLES[cls] == value_or_invalid(cls, to_json(EXAMPLES[cls]))


class TestInvalidInput:
    def test_line_breaks_in_a_problem_are_escaped(self) -> None:
        """Quoted input cannot split a problem over two lines."""
        error = InvalidInput([Problem("$.x", "got 'a\nb\u2028c\x1e'"), Problem("$.y", "plain")])

        assert "got 'a\\nb\\u2028c\\x1e' @ $.x\nplain @ $.y" == str(error)
        assert_names_paths(error)


class TestArbitraryJson:
    @by_name
    def test_any_json_value(self, cls: type[Any]) -> None:
        """Any JSON value gives a value that round-trips, or InvalidInput naming paths."""

        @per_type
        @given(json_values())
        def check(doc: Any) -> None:
            value_or_invalid(cls, json.dumps(doc))

        check()

    @by_name
    def test_any_text(self, cls: type[Any]) -> None:
        """Any text, JSON or not, gives a value or InvalidInput."""

        @per_type
        @given(st.text())
        def check(text: str) -> None:
            value_or_invalid(cls, text)

        check()

    @by_name
    def test_any_bytes(self, cls: type[Any]) -> None:
        """Any bytes, invalid UTF-8 included, give a value or InvalidInput."""

        @per_type
        @given(st.binary())
        def check(data: bytes) -> None:
            value_or_invalid(cls, data)

        check()

    @pytest.mark.parametrize(
        "data",
        [b"\xff\xfe\x00", b'{"name": "\xc3\x28"}', b'"\xed\xa0\x80"', b'"\x80"', b""],
        ids=["bad-start", "bad-continuation", "encoded-surrogate", "lone-continuation", "empty"],
    )
    def test_invalid_utf8(self, data: bytes) -> None:
        """Bytes that are not UTF-8 JSON are refused at the root."""
        with pytest.raises(InvalidInput) as caught:
            from_json(Candidate, data)

        assert_names_paths(caught.value)
        assert str(caught.value).endswith("@ $")


class TestMutatedDocuments:
    @by_name
    def test_one_part_broken(self, cls: type[Any]) -> None:
        """A valid document with any part replaced, deleted, added or made huge."""

        @per_type
        @given(st.data())
        def check(data: st.DataObject) -> None:
            doc = converter.unstructure(data.draw(STRATEGIES[cls], label="valid"))
            value_or_invalid(cls, data.draw(mutations(doc), label="mutated"))

        check()

    @by_name
    def test_every_path_every_type(self, cls: type[Any]) -> None:
        """Every path of the full example, replaced by a value of every JSON type."""
        doc = converter.unstructure(EXAMPLES[cls])
        replacements = [None, True, -1, 2.5, "", "x", [None], {"": None}]
        for path in own_paths(doc):
            for new in replacements:
                value_or_invalid(cls, json.dumps(replace(doc, path, new)))
            if path:
                value_or_invalid(cls, json.dumps(delete(doc, path)))

    @by_name
    def test_every_path_huge_numbers(self, cls: type[Any]) -> None:
        """Every path of the full example, replaced by each huge or non-finite number."""
        doc = converter.unstructure(EXAMPLES[cls])
        for path in own_paths(doc):
            for literal in HUGE_NUMBERS:
                value_or_invalid(cls, with_literal(doc, path, literal))


class TestNumbers:
    @pytest.mark.parametrize(
        ("literal", "shown"),
        [("1e400", "inf"), ("-1e400", "-inf"), ("NaN", "nan"), ("Infinity", "inf")],
    )
    def test_overflowing_fact_is_refused(self, literal: str, shown: str) -> None:
        """A fact value that is not a finite number is refused at its path."""
        with pytest.raises(InvalidInput) as caught:
            from_json(
                Step,
                f'{{"rule": "r", "outcome": "note", "reason": "x", "facts": [{{"name": "n", "value": {literal}}}]}}',
            )

        assert f"expected a finite number, got {shown} @ $.facts[0].value" == str(caught.value)

    def test_overflowing_float_field_names_the_field(self) -> None:
        """1e400 where a float belongs is refused at the field."""
        with pytest.raises(InvalidInput) as caught:
            from_json(Candidate, '{"name": "Ada", "years_experience": 1e400}')

        assert (
            "years_experience: must be a finite number >= 0, got inf @ $.years_experience"
            == str(caught.value)
        )

    def test_int_too_large_for_a_float_field(self) -> None:
        """10**400 where a float belongs names the field."""
        text = '{"name": "Ada", "years_experience": 1' + "0" * 400 + "}"
        with pytest.raises(InvalidInput) as caught:
            from_json(Candidate, text)

        assert "expected float, got an int too large for one @ $.years_experience" == str(
            caught.value
        )

    def test_large_int_in_a_float_field_is_kept(self) -> None:
        """An int that a float can hold is accepted in a float field, unchanged."""
        value = from_json(Candidate, '{"name": "Ada", "years_experience": 10000000000000000001}')

        assert 10000000000000000001 == value.years_experience

    def test_huge_int_fact_round_trips(self) -> None:
        """An int fact keeps every digit, however large."""
        fact = Fact(name="n", value=10**400)

        assert fact == value_or_invalid(Fact, to_json(fact))

    def test_huge_decimal_money_round_trips(self) -> None:
        """Money keeps amounts no float could hold, exactly, up to the 10**15 bound."""
        money = Money(amount=Decimal("999999999999999.000000000000000001"), currency="JPY")

        assert money == value_or_invalid(Money, to_json(money))


class TestDeepNesting:
    @by_name
    @pytest.mark.parametrize("opener", ["[", '{"a": '])
    def test_ten_thousand_levels(self, cls: type[Any], opener: str) -> None:
        """10,000 nested arrays or objects are refused, not a RecursionError."""
        closer = "]" if opener == "[" else "}"
        with pytest.raises(InvalidInput) as caught:
            from_json(cls, opener * 10_000 + "1" + closer * 10_000)

        assert "not valid JSON: nested too deeply @ $" == str(caught.value)

    def test_deep_steps_built_in_python(self) -> None:
        """Steps nested past the stack are refused with the path where it gave out."""
        data: dict[str, Any] = {"rule": "r", "outcome": "note", "reason": "leaf"}
        for _ in range(5_000):
            data = {"rule": "r", "outcome": "note", "reason": "x", "children": [data]}
        with pytest.raises(InvalidInput) as caught:
            structure(data, Step)

        assert_names_paths(caught.value)
        assert {"nested too deeply"} == {p.message for p in caught.value.problems}
        assert all(p.path.startswith("$.children[0]") for p in caught.value.problems)

    @costly
    @given(st.integers(min_value=1, max_value=600))
    def test_nested_steps_at_any_depth(self, depth: int) -> None:
        """Nested steps either round-trip or are refused with InvalidInput."""
        leaf = '{"rule": "r", "outcome": "note", "reason": "x"}'
        text = '{"rule": "r", "outcome": "note", "reason": "x", "children": [' * depth
        value_or_invalid(Step, text + leaf + "]}" * depth)


class TestDecidingWhatParses:
    @costly
    @given(st.data(), st.booleans())
    def test_decide_and_triage(self, data: st.DataObject, break_candidate: bool) -> None:
        """Whatever from_json accepts as a candidate and invitation can be decided."""
        candidate_doc = converter.unstructure(data.draw(testing.candidates()))
        invitation_doc = converter.unstructure(data.draw(testing.invitations()))
        if break_candidate:
            candidate = value_or_invalid(Candidate, data.draw(mutations(candidate_doc)))
            invitation = from_json(Invitation, json.dumps(invitation_doc))
        else:
            candidate = from_json(Candidate, json.dumps(candidate_doc))
            invitation = value_or_invalid(Invitation, data.draw(mutations(invitation_doc)))
        if candidate is None or invitation is None:
            return  # refused well, which value_or_invalid checked
        assert_round_trips(Verdict, decide(candidate, invitation))
        assert_round_trips(Triage, triage(candidate, [invitation, invitation]))

    def test_amount_at_the_decimal_limit(self) -> None:
        """An absurd salary near Decimal's exponent limit is refused, not an overflow."""
        with pytest.raises(
            InvalidInput, match=r"below 10\*\*15, got 1E\+999999 @ \$\.salary\.maximum"
        ):
            from_json(
                JobPosting,
                '{"title": "x", "salary": {"currency": "EUR", "period": "hour", "maximum": "1e999999"}}',
            )


# -- the importers ---------------------------------------------------------------


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


SCHEMA_ORG_DOCS = [read_json(p) for p in sorted((DATA / "schemaorg-jobposting").glob("*.jsonld"))]
RESUME = read_json(DATA / "jsonresume-sample.resume.json")
AS_OF = dt.date(2024, 6, 1)


#: Any JSON value, often with the property names and texts of real postings.
SCHEMA_ORG_VALUES = json_values(keys=SCHEMA_ORG_KEYS, words=SCHEMA_ORG_WORDS, max_leaves=25)
#: Values that look like what postings hold, so that the reader's inner paths are reached.
_plausible_values = st.recursive(
    st.sampled_from(SCHEMA_ORG_WORDS) | st.integers(-5, 10**6) | st.none() | st.booleans(),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(SCHEMA_ORG_KEYS), inner, max_size=4)
    ),
    max_leaves=12,
)
_scalars = json_values(words=SCHEMA_ORG_WORDS, max_leaves=1)
postings_ish = st.builds(
    lambda title, extra, kind: {"title": title, **extra, "@type": kind},
    st.sampled_from(["Dev", "Engineer"]) | _scalars,
    st.dictionaries(st.sampled_from(SCHEMA_ORG_KEYS[5:]), _plausible_values, max_size=6),
    st.just("JobPosting") | _scalars,
)


def posting_or_invalid(data: Any) -> JobPosting | None:
    try:
        posting = JobPosting.from_schema_org(data)
    except InvalidInput as e:
        assert_names_paths(e)
        return None
    assert_round_trips(JobPosting, posting)
    return posting


def candidate_or_invalid(data: Any) -> Candidate | None:
    try:
        candidate = Candidate.from_json_resume(data, as_of=AS_OF)
    except InvalidInput as e:
        assert_names_paths(e)
        return None
    assert_round_trips(Candidate, candidate)
    return candidate


class TestSchemaOrg:
    def test_examples_are_read(self) -> None:
        """Every stored schema.org example gives a posting (the base of the mutations)."""
        assert len(SCHEMA_ORG_DOCS) == sum(
            posting_or_invalid(d) is not None for d in SCHEMA_ORG_DOCS
        )

    @given(SCHEMA_ORG_VALUES | postings_ish | st.lists(postings_ish, max_size=3))
    def test_any_json_value(self, doc: Any) -> None:
        """Any JSON value gives a posting that round-trips, or InvalidInput naming paths."""
        posting_or_invalid(doc)

    @given(st.data())
    def test_one_part_broken(self, data: st.DataObject) -> None:
        """A real posting with any part replaced, deleted, added or made huge."""
        doc = data.draw(st.sampled_from(SCHEMA_ORG_DOCS))
        posting_or_invalid(data.draw(mutated(doc, HUGE_VALUES)))

    @pytest.mark.parametrize("number", HUGE_VALUES, ids=HUGE_IDS)
    def test_every_path_huge_numbers(self, number: float) -> None:
        """Every path of every example, replaced by each huge or non-finite number."""
        for doc in SCHEMA_ORG_DOCS:
            for path in paths(doc):
                posting_or_invalid(replace(doc, path, number))

    def test_deep_nesting(self) -> None:
        """A posting nested 10,000 levels deep in arrays is refused or read, never a crash."""
        data: Any = SCHEMA_ORG_DOCS[0]
        for _ in range(10_000):
            data = [data]
        posting_or_invalid(data)
        posting_or_invalid({"@type": "JobPosting", "title": "x", "hiringOrganization": data})


def html_page(json_ld: str, body: str) -> str:
    return (
        "<html><head><title>Job</title>"
        f'<script type="application/ld+json">{json_ld}</script></head>'
        f"<body>{body}</body></html>"
    )


class TestHtml:
    @given(st.text(max_size=300))
    def test_any_text(self, text: str) -> None:
        """Any page text gives a posting or InvalidInput, never another exception."""
        for strict in (False, True):
            try:
                posting = JobPosting.from_html(text, strict=strict)
            except InvalidInput as e:
                assert_names_paths(e)
            else:
                assert_round_trips(JobPosting, posting)

    @given(st.data())
    def test_embedded_posting_broken(self, data: st.DataObject) -> None:
        """A real posting embedded in a page, with one part broken, and hostile markup."""
        doc = data.draw(mutated(data.draw(st.sampled_from(SCHEMA_ORG_DOCS)), HUGE_VALUES))
        body = data.draw(st.sampled_from(["", "<p>R&amp;D</p>", "<div itemscope>", "]]>", "\x00"]))
        try:
            json_ld = json.dumps(doc)
        except ValueError:  # an integer too long for str(): no page can carry it
            reject()
        try:
            posting = JobPosting.from_html(html_page(json_ld, body))
        except InvalidInput as e:
            assert_names_paths(e)
        else:
            assert_round_trips(JobPosting, posting)


class TestDraftDecline:
    @costly
    @given(testing.candidates(), testing.invitations(), st.sampled_from(DeclineReason))
    def test_any_request_drafts_a_sendable_courteous_email(
        self, candidate: Candidate, invitation: Invitation, reason: DeclineReason
    ) -> None:
        """Whatever the inputs, the draft passes the tone check and serializes as mail."""
        mail = draft_decline(candidate, invitation, reason=reason)

        assert () == check_tone(mail.body)
        assert_round_trips(Email, mail)
        raw = mail.to_message().as_bytes()
        assert all(len(line) <= 998 for line in raw.split(b"\r\n"))


class TestJsonResume:
    def test_sample_is_read(self) -> None:
        """The JSON Resume sample gives a candidate (the base of the mutations)."""
        assert candidate_or_invalid(RESUME) is not None

    @given(json_values(keys=RESUME_KEYS, words=RESUME_WORDS, max_leaves=20))
    def test_any_json_value(self, doc: Any) -> None:
        """Any JSON value gives a candidate that round-trips, or InvalidInput naming paths."""
        candidate_or_invalid(doc)

    @given(st.data())
    def test_one_part_broken(self, data: st.DataObject) -> None:
        """The sample with any part replaced, deleted, added or made huge."""
        candidate_or_invalid(data.draw(mutated(RESUME, HUGE_VALUES)))

    @pytest.mark.parametrize("number", HUGE_VALUES, ids=HUGE_IDS)
    def test_every_path_huge_numbers(self, number: float) -> None:
        """Every path of the sample, replaced by each huge or non-finite number."""
        for path in paths(RESUME):
            candidate_or_invalid(replace(RESUME, path, number))

    def test_deep_nesting(self) -> None:
        """A work list nested 10,000 levels deep is refused, never a crash."""
        data: Any = RESUME["work"]
        for _ in range(10_000):
            data = [data]
        assert candidate_or_invalid({**RESUME, "work": data}) is None


# -- the command line ------------------------------------------------------------

EXAMPLE_INBOX = json.loads(
    (Path(interviewdecide.__file__).parent / "example_inbox.json").read_text(encoding="utf-8")
)


def run_cli(args: list[str], text: str) -> tuple[int, str, str]:
    """Run the command in-process on ``text`` as its input file."""
    from interviewdecide.__main__ import main

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "inbox.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*args, str(path)])
    return code, out.getvalue(), err.getvalue()


def assert_cli_refuses_well(code: int, out: str, err: str) -> None:
    """Success, or status 2 with one problem per line on stderr and no traceback."""
    assert code in {0, 2}, (code, err)
    assert "Traceback" not in err
    if code == 2:
        assert "" != err.strip()
        assert "" == out


class TestCommandLine:
    def test_example_inbox_is_decided(self) -> None:
        """The bundled inbox (the base of the mutations) runs cleanly."""
        assert 0 == run_cli(["triage", "--format", "json"], json.dumps(EXAMPLE_INBOX))[0]

    @given(st.data(), st.sampled_from(["decide", "triage"]))
    def test_one_part_broken(self, data: st.DataObject, command: str) -> None:
        """The example inbox with any part broken: success or status 2, never a traceback."""
        text = data.draw(mutations(EXAMPLE_INBOX))
        assert_cli_refuses_well(*run_cli([command, "--format", "json"], text))

    @given(json_values())
    def test_any_json_value(self, doc: Any) -> None:
        """Any JSON value as the input file: status 2 with a message, or success."""
        assert_cli_refuses_well(*run_cli(["triage"], json.dumps(doc)))

    @pytest.mark.parametrize(
        "text",
        ["[" * 10_000, '{"candidate": ' * 10_000, "1" * 5_000, "\udcff", ""],
        ids=["deep-array", "deep-object", "huge-int", "bad-utf8", "empty"],
    )
    def test_hostile_files(self, text: str) -> None:
        """Deep nesting, a huge int, invalid UTF-8 and an empty file are refused with status 2."""
        code, out, err = run_cli(["decide"], text)

        assert_cli_refuses_well(code, out, err)
        assert 2 == code
