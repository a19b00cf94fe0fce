"""Every public constructor fails like the readers do: a field error naming the field."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import interviewdecide
from interviewdecide import (
    Action,
    Alternative,
    BatchNote,
    Candidate,
    Contact,
    Duplicate,
    Extra,
    FieldTypeError,
    FieldValueError,
    InvalidInput,
    JobPosting,
    Location,
    Money,
    Offer,
    OfferStatus,
    PayRange,
    Problem,
    Step,
    TriageItem,
    WorkArrangement,
    draft_decline,
    from_json,
    testing,
    triage,
)

#: Every public attrs class, by name.
PUBLIC = {
    name: cls
    for name in interviewdecide.__all__
    if isinstance(cls := getattr(interviewdecide, name), type) and attrs.has(cls)
}


#: A batch with an attended, a deferred (with its note) and a declined (with its
#: e-mail) request, and a note on the batch.
_TRIAGE = triage(
    Candidate(name="Mei", years_experience=7, email="mei@example.com"),
    [
        JobPosting(title="Data Engineer", company="Acme"),
        JobPosting(title="Analyst", company="Globex"),
        JobPosting(title="Junior Analyst", required_years=1, contact=Contact(email="a@b.example")),
    ],
    policy=interviewdecide.Policy(max_interviews=1),
)
assert (1, 1, 1) == (len(_TRIAGE.attend), len(_TRIAGE.deferred), len(_TRIAGE.decline))

#: Valid instances of the public types that have no strategy of their own. A wrong
#: value replaces one field, so every shape of the instance matters, not the rest
#: of its content: a whole generated triage per example cost over a second a field.
DERIVED: dict[type[Any], st.SearchStrategy[Any]] = {
    TriageItem: st.sampled_from(_TRIAGE.items),
    BatchNote: st.sampled_from(_TRIAGE.notes)
    | st.builds(
        BatchNote,
        rule=st.sampled_from(["targeting", "triage"]),
        reason=st.text(max_size=40),
        facts=st.lists(testing.facts(), max_size=3),
    ),
    Duplicate: st.builds(
        Duplicate,
        index=st.integers(1, 9),
        first_index=st.integers(0, 0),
        invitation=testing.invitations(),
        reason=st.text(max_size=20),
    ),
    interviewdecide.Reading: testing.readings(),
    interviewdecide.Problem: testing.problems(),
    interviewdecide.Pipeline: st.just(interviewdecide.Pipeline()),
    Alternative: st.builds(
        Alternative, action=st.sampled_from(Action), decided_by=st.sampled_from(["fit", "x"])
    ),
}


def valid(cls: type[Any]) -> st.SearchStrategy[Any]:
    """A valid instance of ``cls``, from :mod:`interviewdecide.testing`."""
    return DERIVED[cls] if cls in DERIVED else st.from_type(cls)


_LIBRARY_OBJECTS = [
    Location(city="Lyon"),
    Offer(company="Acme"),
    Money(amount=Decimal(1), currency="EUR"),
    JobPosting(title="Analyst"),
    Contact(name="Sam"),
    Step(rule="fit", outcome=interviewdecide.Outcome.NOTE, reason="A note."),
    Extra({"a": 1}),
    OfferStatus.PENDING,
    WorkArrangement.REMOTE,
    Action.ATTEND,
]

#: Anything a caller might pass by mistake: scalars, text, containers, the
#: library's own objects, dates, naive datetimes, odd decimals, bytes.
WRONG = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.binary(max_size=4),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.lists(st.integers() | st.text(max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.frozensets(st.integers(), max_size=2),
    st.dates(),
    st.datetimes(),
    st.sampled_from(_LIBRARY_OBJECTS),
    st.lists(st.sampled_from(_LIBRARY_OBJECTS), min_size=1, max_size=2),
    st.builds(object),
)

#: Every field of every public attrs class.
PAIRS = [
    (cls, field) for _, cls in sorted(PUBLIC.items()) for field in attrs.fields(cls) if field.init
]
#: Every public attrs class that takes a field.
CLASSES = list(dict.fromkeys(c for c, _ in PAIRS))
#: The fields that hold a tuple or a frozenset.
COLLECTIONS = [
    pytest.param(c, f.name, id=f"{c.__name__}.{f.name}")
    for c, f in PAIRS
    if str(f.type).startswith(("tuple[", "frozenset["))
]


def _root(field: str) -> str:
    """The field a path such as ``offers[1]`` or ``extra.commute`` starts from."""
    return field.split("[", 1)[0].split(".", 1)[0]


@pytest.mark.fuzz
class TestEveryField:
    """Any wrong value in any field of any public type gives a field error naming a field."""

    @pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
    # A tenth of the profile's examples (ten by default), each a valid instance whose
    # every field in turn is given three wrong values: drawing a whole valid Candidate
    # or Verdict costs more than trying values, which are what the property is about.
    @settings(
        max_examples=max(10, settings().max_examples // 10),
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def test_wrong_value(self, cls: type[Any], data: st.DataObject) -> None:
        """Replacing one field gives an instance or a field error, never anything else."""
        instance = data.draw(valid(cls), label="valid")
        for field in attrs.fields(cls):
            if not field.init:
                continue
            for wrong in data.draw(st.lists(WRONG, min_size=3, max_size=3), label=field.name):
                try:
                    attrs.evolve(instance, **{field.name: wrong})
                except (FieldTypeError, FieldValueError) as e:
                    assert 1 == len(e.args)  # one message, not attrs' (message, Attribute, ...)
                    assert str(e).startswith(f"{e.field}: ")
                    assert _root(e.field) in attrs.fields_dict(cls)
                    if isinstance(e, FieldTypeError):
                        assert field.name == _root(e.field)

    @pytest.mark.parametrize(("cls", "name"), COLLECTIONS)
    @settings(max_examples=3, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def test_a_single_object_for_a_collection(
        self, cls: type[Any], name: str, data: st.DataObject
    ) -> None:
        """A lone object where a collection belongs is refused by name, never iterated."""
        instance = data.draw(valid(cls))
        for lone in (*_LIBRARY_OBJECTS, 3, "text", {"a": 1}):
            with pytest.raises(FieldTypeError) as info:
                attrs.evolve(instance, **{name: lone})
            assert name == _root(info.value.field)


class TestExtra:
    """Extra, the one public mapping type, names its path too."""

    @settings(max_examples=200)
    @given(wrong=WRONG)
    def test_wrong_data(self, wrong: object) -> None:
        """Any value gives an Extra or a field error at ``extra``."""
        try:
            Extra(wrong)  # type: ignore[arg-type]
        except (FieldTypeError, FieldValueError) as e:
            assert "extra" == _root(e.field)

    def test_key_that_is_not_a_name(self) -> None:
        """A key with a space is quoted as JSON in the path, space and all."""
        with pytest.raises(FieldValueError) as info:
            Extra({"commute time": [float("inf")]})
        assert 'extra["commute time"][0]' == info.value.field
        doc = '{"posting": {"title": "A"}, "extra": {"a b": 1e400, "ok": 1}}'
        with pytest.raises(InvalidInput) as bad:
            from_json(interviewdecide.Invitation, doc)
        assert [Problem('$.extra["a b"]', '["a b"]: must be a finite number, got inf')] == list(
            bad.value.problems
        )


class TestMessages:
    """The messages of common mistakes, word for word."""

    def test_single_offer_for_offers(self) -> None:
        """Candidate(offers=Offer(...)) names offers; it is not iterated."""
        with pytest.raises(FieldTypeError) as info:
            Candidate(name="Mei", years_experience=3, offers=Offer(company="Acme"))  # type: ignore[arg-type]
        assert "offers: must be a collection of Offer (a list, tuple or set), not Offer" == str(
            info.value
        )
        assert "offers" == info.value.field

    def test_single_location(self) -> None:
        """A Location where locations belong names the field."""
        with pytest.raises(FieldTypeError, match=r"^locations: .* not Location$"):
            JobPosting(title="Analyst", locations=Location(city="Lyon"))  # type: ignore[arg-type]

    def test_wrong_item_names_its_index(self) -> None:
        """A foreign item in a collection is named with its position."""
        with pytest.raises(FieldTypeError) as info:
            Candidate(name="Mei", years_experience=3, offers=[Offer(company="A"), "Globex"])  # type: ignore[list-item]
        assert "offers[1]: must be a Offer, not str" == str(info.value)

    def test_no_attrs_tuple(self) -> None:
        """A wrong type is one message naming the field, not attrs' tuple."""
        with pytest.raises(FieldTypeError) as info:
            JobPosting(title="Analyst", salary=Money(amount=1, currency="EUR"))  # type: ignore[arg-type]
        assert ("salary: must be a PayRange or None, not Money",) == info.value.args

    def test_exceptions_show_as_the_package(self) -> None:
        """The public exceptions print as interviewdecide.X, as users import them."""
        assert ["interviewdecide"] * 3 == [
            FieldTypeError.__module__,
            FieldValueError.__module__,
            InvalidInput.__module__,
        ]
        assert "interviewdecide.FieldValueError" in repr(type(FieldValueError("x", "y")))


class TestAmounts:
    """Money and PayRange take int, str and Decimal amounts, never float."""

    @pytest.mark.parametrize(
        ("given", "expected"),
        [
            (85000, Decimal(85000)),
            ("85000.50", Decimal("85000.50")),
            (" 1_000 ", Decimal(1000)),
            (Decimal("0.10"), Decimal("0.10")),
            ("1e3", Decimal(1000)),
        ],
    )
    def test_accepted(self, given: Any, expected: Decimal) -> None:
        """Ints, decimal text (padded too) and Decimals become exact Decimals."""
        assert expected == Money(amount=given, currency="EUR").amount
        assert expected == PayRange(currency="EUR", minimum=given).minimum
        assert expected == PayRange(currency="EUR", maximum=given).maximum

    def test_float_refused_with_the_reason(self) -> None:
        """A float is refused, and the message says why."""
        with pytest.raises(FieldTypeError) as info:
            Money(amount=0.1, currency="EUR")  # type: ignore[arg-type]
        assert (
            "amount: must be a Decimal, an int or decimal text such as '85000.00', not the "
            "float 0.1: a float cannot hold every amount of cents exactly"
        ) == str(info.value)
        with pytest.raises(FieldTypeError, match=r"^maximum: .*float 99000\.0:"):
            PayRange(currency="USD", minimum=1, maximum=99000.0)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("given", "error", "message"),
        [
            (True, FieldTypeError, "amount: must be a Decimal, an int or decimal text, not bool"),
            ("85k", FieldValueError, "amount: '85k' is not a decimal number"),
            ("", FieldValueError, "amount: '' is not a decimal number"),
            (
                "NaN",
                FieldValueError,
                "amount: must be a finite amount >= 0 and below 10**15, got NaN",
            ),
            (
                "-5",
                FieldValueError,
                "amount: must be a finite amount >= 0 and below 10**15, got -5",
            ),
            (
                10**15,
                FieldValueError,
                "amount: must be a finite amount >= 0 and below 10**15, got 1000000000000000",
            ),
            ([1], FieldTypeError, "amount: must be a Decimal, an int or decimal text, not list"),
        ],
    )
    def test_refused(self, given: Any, error: type[Exception], message: str) -> None:
        """Bools, non-numbers, NaN, negatives and huge amounts are refused by name."""
        with pytest.raises(error) as info:
            Money(amount=given, currency="EUR")
        assert message == str(info.value)

    def test_range_order_still_checked(self) -> None:
        """Amounts given as text are compared as numbers."""
        with pytest.raises(FieldValueError, match=r"^minimum: 90000 is above maximum 8000$"):
            PayRange(currency="EUR", minimum="90000", maximum="8000")


class TestAddresses:
    """Contact.email and Candidate.email are one e-mail address, checked when built."""

    @pytest.mark.parametrize(
        "address",
        ["jobs at acme", "a@acme.example, b@acme.example", "<jobs@acme.example>", "@acme", "sam@"],
    )
    def test_refused_when_built(self, address: str) -> None:
        """Not one address: both types refuse it, naming email."""
        with pytest.raises(FieldValueError, match=r"^email: ") as info:
            Contact(email=address)
        assert "email" == info.value.field
        with pytest.raises(FieldValueError, match=r"^email: "):
            Candidate(name="Mei", years_experience=1, email=address)

    @pytest.mark.parametrize(
        "address",
        ["sam@acme.example", "Sam.O'Neil+jobs@acme.example", "sam@bücher.example"],
    )
    def test_accepted_and_drafted(self, address: str) -> None:
        """A real address builds, and a decline to it is drafted without error."""
        mei = Candidate(name="Mei Tan", years_experience=3, email=address)
        posting = JobPosting(title="Analyst", contact=Contact(name="Sam", email=address))
        mail = draft_decline(mei, posting)
        assert address == mail.to
        assert mail.to_message()["To"] is not None

    def test_header_tricks_refused(self) -> None:
        """Line breaks and encoded words in an address are refused too."""
        with pytest.raises(FieldValueError, match=r"found '\\r'"):
            Contact(email="sam@acme.example\r\nBcc: x@evil.example")
        with pytest.raises(FieldValueError, match=r"encoded-word"):
            Contact(email="=?utf-8?q?sam?=@acme.example")


class TestFromJson:
    """from_json reports every invalid field, even beside one of the wrong type."""

    def test_wrong_type_and_bad_values(self) -> None:
        """A wrongly typed name does not hide the bad years and address."""
        with pytest.raises(InvalidInput) as info:
            from_json(Candidate, '{"name": 5, "years_experience": -3, "email": "no"}')
        assert [
            Problem("$.name", "expected str, got int"),
            Problem("$.years_experience", "years_experience: must be a finite number >= 0, got -3"),
            Problem(
                "$.email",
                "email: 'no' is not one e-mail address: addr-spec local part with no domain",
            ),
        ] == list(info.value.problems)

    def test_nested(self) -> None:
        """Inside a list, a bad status and a blank company are both reported."""
        doc = (
            '{"name": "Mei", "years_experience": "x",'
            ' "offers": [{"company": " ", "status": "maybe"}]}'
        )
        with pytest.raises(InvalidInput) as info:
            from_json(Candidate, doc)
        assert [
            "expected float, got str @ $.years_experience",
            "'maybe' is not one of ['pending', 'accepted', 'declined', 'rescinded', 'expired']"
            " @ $.offers[0].status",
            "company: must not be empty @ $.offers[0].company",
        ] == [str(p) for p in info.value.problems]

    def test_only_the_type_error(self) -> None:
        """When nothing else is wrong, the one problem is reported alone."""
        with pytest.raises(InvalidInput) as info:
            from_json(Offer, '{"company": "Acme", "received_at": 3}')
        assert [Problem("$.received_at", "expected an ISO 8601 datetime string, got int")] == list(
            info.value.problems
        )

    def test_naive_deadline_beside_a_bad_status(self) -> None:
        """A validator problem (naive datetime) is kept beside a structuring one."""
        doc = '{"company": "Acme", "status": 1, "deadline": "2026-01-02T00:00:00"}'
        with pytest.raises(InvalidInput) as info:
            from_json(Offer, doc)
        assert 2 == len(info.value.problems)
        assert "$.deadline" == info.value.problems[1].path
        assert info.value.problems[1].message.startswith("deadline: must be timezone-aware")


POSTING = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Analyst",
    "applicationContact": {"@type": "ContactPoint", "name": "Sam", "email": "jobs at acme"},
}


class TestReaders:
    """Readers turn a constructor's refusal into a problem at the document's path."""

    def test_contact_address_left_out_leniently(self) -> None:
        """A contact address that is not one address is skipped and reported."""
        reading = interviewdecide.read_schema_org(POSTING)
        assert reading.posting.contact is None
        assert ["$.applicationContact.email"] == [p.path for p in reading.skipped]
        assert "'jobs at acme' is not one e-mail address" in reading.skipped[0].message

    def test_contact_address_refused_strictly(self) -> None:
        """The strict reader refuses it at its path."""
        with pytest.raises(InvalidInput, match=r" @ \$\.applicationContact\.email$"):
            JobPosting.from_schema_org(POSTING, strict=True)

    def test_resume_address(self) -> None:
        """A JSON Resume address that is not one address is refused at basics.email."""
        with pytest.raises(InvalidInput) as info:
            Candidate.from_json_resume({"basics": {"name": "Mei", "email": "mei at home"}})
        assert [
            Problem(
                "$.basics.email",
                "'mei at home' is not one e-mail address: addr-spec local part with no domain",
            )
        ] == list(info.value.problems)

    def test_resume_reader_returns_the_candidate(self) -> None:
        """The reader builds the candidate itself; the named constructor delegates."""
        from interviewdecide._readers.json_resume import read_json_resume

        doc = {"basics": {"name": "Mei", "email": "mei@home.example"}, "work": []}
        expected = Candidate(name="Mei", years_experience=0, email="mei@home.example")
        assert expected == read_json_resume(doc)
        assert expected == Candidate.from_json_resume(doc)
