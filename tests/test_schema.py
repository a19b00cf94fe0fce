"""json_schema: every example and strategy output validates; what it refuses, from_json refuses (issue 12 item 2)."""

from __future__ import annotations

import copy
import json
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from interviewdecide import (
    Candidate,
    DisclosureAdvice,
    Email,
    Inbox,
    InvalidInput,
    Invitation,
    JobPosting,
    Policy,
    Step,
    ToneFinding,
    Triage,
    Verdict,
    from_json,
    json_schema,
    testing,
    to_json,
)
from interviewdecide.__main__ import main
from interviewdecide._cli._inbox import parse
from interviewdecide._schema import SCHEMA_BASE, SCHEMA_NAMES, schema_for_name

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
PACKAGE = ROOT / "src" / "interviewdecide"
CASEBOOK = ROOT / "tests" / "data" / "casebook.toml"


_VALIDATORS: dict[type[Any], Draft202012Validator] = {}


def validator(cls: type[Any]) -> Draft202012Validator:
    """The validator of the schema of ``cls``, built once per type."""
    if cls not in _VALIDATORS:
        _VALIDATORS[cls] = Draft202012Validator(json_schema(cls))
    return _VALIDATORS[cls]


#: The properties below run a tenth of the profile's examples: 10 by default, 30 under
#: the ci profile, 2,000 under the fuzz profile (tests/conftest.py).
FEWER = settings(max_examples=max(10, settings().max_examples // 10))


def problems(cls: type[Any], doc: object) -> list[str]:
    """Every error the schema of ``cls`` finds in ``doc``, with its JSON path."""
    return [f"{e.message} @ {e.json_path}" for e in validator(cls).iter_errors(doc)]


STRATEGIES: list[tuple[type[Any], st.SearchStrategy[Any]]] = [
    (Candidate, testing.candidates()),
    (Invitation, testing.invitations()),
    (JobPosting, testing.job_postings()),
    (Policy, testing.policies()),
    (Verdict, testing.verdicts()),
    (Triage, testing.triages()),
    (DisclosureAdvice, testing.disclosure_advice()),
    (Email, testing.emails()),
    (ToneFinding, testing.tone_findings()),
    (Inbox, testing.inboxes()),
]


class TestSchemas:
    """Every published schema is a valid draft 2020-12 schema with its own $id."""

    @pytest.mark.parametrize("name", SCHEMA_NAMES)
    def test_valid_schema(self, name: str) -> None:
        """The schema is valid draft 2020-12, with its $id and no other keys."""
        schema = json_schema(SCHEMA_NAMES[name])
        Draft202012Validator.check_schema(schema)
        assert f"{SCHEMA_BASE}{name}.json" == schema["$id"]
        assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
        assert False is schema["additionalProperties"]

    def test_constraints_of_the_constructors(self) -> None:
        """Required fields, minimums, patterns, enums and defaults of the constructors are stated."""
        candidate = json_schema(Candidate)
        assert ["name", "years_experience"] == candidate["required"]
        assert 0 == candidate["properties"]["years_experience"]["minimum"]
        money = candidate["$defs"]["Money"]["properties"]
        assert "^[A-Z]{3}$" == money["currency"]["pattern"]
        policy = json_schema(Policy)["properties"]
        assert (0, 1) == (
            policy["targeting_share"]["minimum"],
            policy["targeting_share"]["maximum"],
        )
        assert 1 == policy["fit_clashes_to_decline"]["minimum"]
        assert 0 == policy["max_interviews"]["minimum"]
        assert 0 == policy["overqualified_ratio"]["exclusiveMinimum"]
        assert 5.0 == policy["overqualified_surplus_years"]["default"]
        assert ["decline_wins", "first_decisive"] == policy["conflict"]["enum"]
        assert 20 == json_schema(Email)["properties"]["references"]["maxItems"]

    def test_recursive_steps(self) -> None:
        """A step's children refer back to the step schema."""
        step = json_schema(Step)
        assert {"$ref": "#"} == step["properties"]["children"]["items"]
        verdict = json_schema(Verdict)
        assert {"$ref": "#/$defs/Step"} == verdict["$defs"]["Step"]["properties"]["children"][
            "items"
        ]

    def test_not_a_library_type(self) -> None:
        """Anything but a public interviewdecide type is a TypeError."""
        for bad in (dict, int, attrs.make_class("Own", ["x"]), "Candidate"):
            with pytest.raises(TypeError, match="json_schema needs a public interviewdecide type"):
                json_schema(bad)  # type: ignore[arg-type]

    def test_name_of_an_unpublished_type(self) -> None:
        """A type with no published name gets an $id from its class name."""
        assert f"{SCHEMA_BASE}tone-finding.json" == json_schema(ToneFinding)["$id"]
        assert f"{SCHEMA_BASE}step.json" == json_schema(Step)["$id"]

    @pytest.mark.parametrize(
        ("name", "cls"),
        [
            ("inbox", Inbox),
            ("Inbox", Inbox),
            ("job_posting", JobPosting),
            ("JobPosting", JobPosting),
            (" tone-finding ", ToneFinding),
        ],
    )
    def test_schema_for_name(self, name: str, cls: type[Any]) -> None:
        """Names are found whatever their case, hyphens, underscores or spaces."""
        assert cls is schema_for_name(name)

    def test_schema_for_unknown_name(self) -> None:
        """An unknown name is a KeyError."""
        with pytest.raises(KeyError):
            schema_for_name("posting")


class TestExamples:
    """Every example file and casebook case validates against its schema."""

    @pytest.mark.parametrize(
        "path",
        [
            EXAMPLES / "inbox.json",
            EXAMPLES / "inbox.toml",
            PACKAGE / "example_inbox.json",
            PACKAGE / "example_inbox.toml",
        ],
        ids=lambda p: p.name,
    )
    def test_inbox_files(self, path: Path) -> None:
        """The example inbox files validate, with or without a $schema key."""
        doc = parse(path.read_text(encoding="utf-8"), path.name, toml=path.suffix == ".toml")
        assert [] == problems(Inbox, doc)
        assert [] == problems(Inbox, {"$schema": f"{SCHEMA_BASE}inbox.json", **doc})

    def test_broken_inbox_is_refused_by_both(self) -> None:
        """The broken example inbox is refused by the schema and by from_json."""
        text = (EXAMPLES / "broken-inbox.json").read_text(encoding="utf-8")
        assert [] != problems(Inbox, json.loads(text))
        with pytest.raises(InvalidInput):
            from_json(Inbox, text)

    def test_casebook(self) -> None:
        """Every casebook candidate, policy and invitation validates."""
        cases = tomllib.loads(CASEBOOK.read_text(encoding="utf-8"))["case"]
        checked = 0
        for case in cases:
            assert [] == problems(Candidate, case["candidate"]), case["id"]
            if "policy" in case:
                assert [] == problems(Policy, case["policy"]), case["id"]
                checked += 1
            if "posting" in case.get("invitation", {}):
                assert [] == problems(Invitation, case["invitation"]), case["id"]
                checked += 1
        assert checked > len(cases) / 2

    def test_inbox_postings_by_file_or_json_ld(self) -> None:
        """An inbox posting is given once: inline, as JSON-LD or by file name."""
        mei = {"name": "Mei Tan", "years_experience": 7}
        by_file = {"candidate": mei, "invitations": [{"html": "saved.html", "id": "t-1"}]}
        assert [] == problems(Inbox, by_file)
        inline = {"candidate": mei, "invitations": [{"schema_org": {"title": "Analyst"}}]}
        assert [] == problems(Inbox, inline)
        both = {
            "candidate": mei,
            "invitations": [{"posting": {"title": "Analyst"}, "html": "saved.html"}],
        }
        assert [] != problems(Inbox, both)
        with pytest.raises(InvalidInput, match=r"not posting and html @ \$\.invitations\[0\]"):
            from_json(Inbox, json.dumps(both))

    def test_messy_but_readable_values(self) -> None:
        """What from_json reads leniently, the schema does not refuse."""
        offer = {
            "company": "Ørsted A/S",
            "salary": {"amount": " 1_000.50 ", "currency": "DKK"},
            "status": "pending",
        }
        candidate = {
            "name": "  Zoë  O'Neil",
            "years_experience": 0,
            "offers": [offer, {**offer, "salary": {"amount": 72000, "currency": "EUR"}}],
            "aspirations": {"min_salary": {"amount": "6.5E4", "currency": "EUR"}},
        }
        assert [] == problems(Candidate, candidate)
        assert 2 == len(from_json(Candidate, json.dumps(candidate)).offers)

    @pytest.mark.parametrize(
        ("cls", "doc", "where"),
        [
            (Candidate, {"name": " \t", "years_experience": 1}, "$.name"),
            (Candidate, {"name": "Mei\nTan", "years_experience": 1}, "$.name"),
            (Candidate, {"name": "Mei", "years_experience": -0.5}, "$.years_experience"),
            (Candidate, {"name": "Mei", "years_experience": True}, "$.years_experience"),
            (
                Candidate,
                {"name": "Mei", "years_experience": 1, "aspirations": {"roles": [""]}},
                "$.aspirations.roles[0]",
            ),
            (
                Candidate,
                {
                    "name": "Mei",
                    "years_experience": 1,
                    "aspirations": {"min_salary": {"amount": "NaN", "currency": "EUR"}},
                },
                "$.aspirations.min_salary",  # an optional Money: anyOf fails as a whole
            ),
            (
                Candidate,
                {
                    "name": "Mei",
                    "years_experience": 1,
                    "aspirations": {"min_salary": {"amount": "5", "currency": "eur"}},
                },
                "$.aspirations.min_salary",
            ),
            (JobPosting, {"title": "x", "salary": {"currency": "EUR"}}, "$.salary"),
            (
                JobPosting,
                {"title": "x", "salary": {"currency": "EUR", "maximum": None}},
                "$.salary",
            ),
            (JobPosting, {"title": "x", "locations": [{"city": None}]}, "$.locations[0]"),
            (Invitation, {"posting": {"title": "x"}, "id": " "}, "$.id"),
            (Invitation, {"posting": {"title": "x"}, "extra": [1]}, "$.extra"),
            (Policy, {"targeting_share": 1.5}, "$.targeting_share"),
            (Policy, {"conflict": "fit_wins"}, "$.conflict"),
            (Email, {"subject": "Re: =?utf-8?q?x?=", "body": "Hi"}, "$.subject"),
            (Email, {"subject": "Hi", "body": "Hi", "in_reply_to": "abc@x"}, "$.in_reply_to"),
            (Email, {"subject": "Hi", "body": "Hi", "to": "a@b.example\r\nBcc: c"}, "$.to"),
        ],
    )
    def test_refused_by_both(self, cls: type[Any], doc: dict[str, Any], where: str) -> None:
        """Each bad document is refused by the schema at its path, and by from_json."""
        found = problems(cls, doc)
        assert any(p.endswith(f"@ {where}") for p in found), found
        with pytest.raises(InvalidInput):
            from_json(cls, json.dumps(doc))

    def test_triage_policy_at_the_top_or_in_each_verdict(self) -> None:
        """A triage's policy is written once at the top, or in every verdict."""
        mei = Candidate(name="Mei Tan", years_experience=7)
        doc = json.loads(to_json(_a_triage(mei)))
        assert "policy" in doc
        assert [] == problems(Triage, doc)
        without = copy.deepcopy(doc)
        del without["policy"]
        assert [] != problems(Triage, without)
        with pytest.raises(InvalidInput):
            from_json(Triage, json.dumps(without))
        for item in without["attend"] + without["decline"]:
            item["verdict"]["policy"] = doc["policy"]
        assert [] == problems(Triage, without)
        assert from_json(Triage, json.dumps(doc)) == from_json(Triage, json.dumps(without))


def _a_triage(candidate: Candidate) -> Triage:
    from interviewdecide import triage

    postings = [
        JobPosting(title="Junior Data Analyst", company="Acme", required_years=2),
        JobPosting(title="Data Engineer", company="Havenstad"),
    ]
    return triage(candidate, postings)


class TestStrategies:
    """Every to_json output of the Hypothesis strategies validates."""

    @pytest.mark.parametrize(
        ("cls", "strategy"), STRATEGIES, ids=lambda v: getattr(v, "__name__", "")
    )
    def test_strategy_output_validates(
        self, cls: type[Any], strategy: st.SearchStrategy[Any]
    ) -> None:
        """to_json of every drawn value validates against its schema."""
        check = validator(cls)

        @FEWER
        @given(strategy)
        def run(value: Any) -> None:
            doc = json.loads(to_json(value))
            assert [] == [f"{e.message} @ {e.json_path}" for e in check.iter_errors(doc)]

        run()


def _places(doc: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every object and array in ``doc``."""
    out = [at] if isinstance(doc, dict | list) else []
    children = (
        doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    )
    for key, value in children:
        out += _places(value, (*at, key))
    return out


def _get(doc: Any, at: tuple[Any, ...]) -> Any:
    for key in at:
        doc = doc[key]
    return doc


ODD_VALUES = [
    None,
    True,
    False,
    -1,
    0,
    2.5,
    -1e300,
    "",
    " ",
    "x\ny",
    "NaN",
    [],
    [None],
    {},
    {"k": 1},
]


@st.composite
def mutated(draw: st.DrawFn, cls: type[Any], strategy: st.SearchStrategy[Any]) -> Any:
    """A valid document of ``cls`` with one thing changed: a key added, dropped or given another value."""
    doc = json.loads(to_json(draw(strategy)))
    place = _get(doc, draw(st.sampled_from(_places(doc))))
    how = draw(st.sampled_from(["add", "drop", "replace"]))
    if how == "add" and isinstance(place, dict):
        place[draw(st.sampled_from(["zz_unknown", "posting", "policy", "$schema"]))] = draw(
            st.sampled_from(ODD_VALUES)
        )
    elif how == "drop" and place:
        key = draw(st.sampled_from(sorted(place) if isinstance(place, dict) else range(len(place))))
        del place[key]
    elif place:
        key = draw(st.sampled_from(sorted(place) if isinstance(place, dict) else range(len(place))))
        place[key] = draw(st.sampled_from(ODD_VALUES))
    return doc


class TestRefusedByFromJson:
    """A document the schema refuses, from_json refuses too (a property over mutations)."""

    @pytest.mark.parametrize(
        ("cls", "strategy"), STRATEGIES, ids=lambda v: getattr(v, "__name__", "")
    )
    def test_schema_refusal_implies_from_json_refusal(
        self, cls: type[Any], strategy: st.SearchStrategy[Any]
    ) -> None:
        """A mutated document the schema refuses, from_json refuses."""
        check = validator(cls)

        @FEWER
        @given(mutated(cls, strategy))
        def run(doc: Any) -> None:
            assume(not check.is_valid(doc))
            with pytest.raises(InvalidInput):
                from_json(cls, json.dumps(doc))

        run()


class TestCommand:
    """interviewdecide schema NAME prints the schema; without NAME it lists the names."""

    def test_prints_the_schema(self, capsys: pytest.CaptureFixture[str]) -> None:
        """interviewdecide schema inbox prints json_schema(Inbox)."""
        assert 0 == main(["schema", "inbox"])
        assert json_schema(Inbox) == json.loads(capsys.readouterr().out)

    def test_lists_the_names(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a name, the command lists every published name."""
        assert 0 == main(["schema"])
        assert list(SCHEMA_NAMES) == capsys.readouterr().out.split()

    def test_unknown_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown name exits 2, suggesting a close name when there is one."""
        assert 2 == main(["schema", "polcy"])
        err = capsys.readouterr().err
        assert "no schema named 'polcy' (did you mean policy?)" in err
        assert 2 == main(["schema", "zzz"])
        assert "(did you mean" not in capsys.readouterr().err

    def test_format_other_than_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The schema command refuses any format but json."""
        with pytest.raises(SystemExit):
            main(["--format", "text", "schema", "policy"])
        assert "schema writes json, not text" in capsys.readouterr().err


class TestBuilder:
    """The generator's rules, on validators and types no public class uses yet."""

    def test_deep_iterable_members(self) -> None:
        """A deep_iterable validator constrains the items of an optional array."""
        from interviewdecide import _validators
        from interviewdecide._schema import _constrain, _validator_keywords

        found = list(_validator_keywords(attrs.validators.deep_iterable(_validators.non_blank)))
        assert [{"items": {"pattern": r"\S"}}] == found
        schema: dict[str, Any] = {"anyOf": [{"type": "array", "items": {}}, {"type": "null"}]}
        _constrain(schema, found[0])
        assert {
            "anyOf": [{"type": "array", "items": {"pattern": r"\S"}}, {"type": "null"}]
        } == schema

    def test_unknown_type_and_undocumented_field(self) -> None:
        """Undocumented fields get a type and default; an unknown type is a TypeError."""
        from interviewdecide._schema import _Builder, _docs

        @attrs.frozen
        class Odd:
            """An odd class.

            Attributes:
                known: A documented field.
            """

            known: int
            plain: str = "x"

        schema = _Builder(Odd).object(Odd)
        assert {"type": "string", "default": "x"} == schema["properties"]["plain"]
        assert ("An odd class.", {"known": "A documented field."}) == _docs(Odd)
        with pytest.raises(TypeError, match="no JSON form known for <class 'complex'>"):
            _Builder(Odd).type(complex)
