"""Inbox, public: Inbox.from_file and from_json(Inbox, text) (issue 12 item 1)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from interviewdecide import (
    Candidate,
    Inbox,
    InvalidInput,
    Invitation,
    JobPosting,
    Policy,
    Problem,
    from_json,
    to_json,
)

EXAMPLES = Path(__file__).parent.parent / "examples"
MEI = {"name": "Mei Tan", "years_experience": 7}


class TestInbox:
    """Inbox is an immutable value like the others."""

    def test_defaults_and_validation(self) -> None:
        inbox = Inbox(candidate=Candidate(name="Mei", years_experience=7))
        assert ((), None) == (inbox.invitations, inbox.policy)
        with pytest.raises(TypeError, match="candidate"):
            Inbox(candidate={"name": "Mei"})  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="invitations"):
            Inbox(candidate=inbox.candidate, invitations=[JobPosting(title="x")])  # type: ignore[list-item]
        assert hash(inbox) == hash(Inbox(candidate=Candidate(name="Mei", years_experience=7)))


class TestFromFile:
    """Inbox.from_file reads JSON or TOML by suffix, or standard input with a format."""

    def test_examples_agree(self) -> None:
        from_json_file = Inbox.from_file(EXAMPLES / "inbox.json")
        assert 6 == len(from_json_file.invitations)
        assert from_json_file == Inbox.from_file(str(EXAMPLES / "inbox.toml"))

    def test_format_overrides_suffix(self, tmp_path: Path) -> None:
        path = tmp_path / "inbox.txt"
        path.write_text('candidate = {name = "Mei", years_experience = 7}\n', encoding="utf-8")
        assert "Mei" == Inbox.from_file(path, format="toml").candidate.name
        with pytest.raises(InvalidInput, match=r"is not valid JSON: .* @ \$"):
            Inbox.from_file(path)

    def test_toml_false_switches_a_threshold_off(self, tmp_path: Path) -> None:
        """TOML has no null: ``false`` switches off what None switches off in Python."""
        path = tmp_path / "inbox.toml"
        path.write_text(
            'candidate = {name = "Mei", years_experience = 7}\n'
            "[policy]\n"
            "overqualified_ratio = false\n"
            "overqualified_surplus_years = 3\n"
            "max_interviews = false\n"
            "fit_needs_outweigh_aims = false\n",
            encoding="utf-8",
        )
        expected = Policy(
            overqualified_ratio=None, overqualified_surplus_years=3, fit_needs_outweigh_aims=False
        )

        assert expected == Inbox.from_file(path).policy

    @pytest.mark.parametrize(
        ("suffix", "text", "problem"),
        [
            (
                "json",
                '{"candidate": {"name": "Mei", "years_experience": 7},'
                ' "policy": {"overqualified_ratio": false}}',
                "$.policy.overqualified_ratio",
            ),
            (
                "toml",
                'candidate = {name = "Mei", years_experience = 7}\n'
                "[policy]\ntargeting_share = false\n",
                "$.policy.targeting_share",
            ),
            (
                "toml",
                'candidate = {name = "Mei", years_experience = 7}\n'
                "[policy]\noverqualified_ratio = true\n",
                "$.policy.overqualified_ratio",
            ),
        ],
        ids=["json-false", "toml-false-without-off", "toml-true"],
    )
    def test_false_is_off_only_in_toml_and_only_for_thresholds(
        self, tmp_path: Path, suffix: str, text: str, problem: str
    ) -> None:
        """JSON writes null; a field with no off state, or true, is refused at its path."""
        path = tmp_path / f"inbox.{suffix}"
        path.write_text(text, encoding="utf-8")

        with pytest.raises(InvalidInput) as info:
            Inbox.from_file(path)

        assert [problem] == [p.path for p in info.value.problems]

    def test_stdin_needs_a_format(self, monkeypatch: pytest.MonkeyPatch) -> None:
        with pytest.raises(ValueError, match="format="):
            Inbox.from_file("-")
        monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"candidate": MEI})))
        assert "Mei Tan" == Inbox.from_file("-", format="json").candidate.name

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(InvalidInput) as info:
            Inbox.from_file(tmp_path / "inbox.json")
        assert (
            Problem("$", f"cannot read {tmp_path / 'inbox.json'}: No such file or directory"),
        ) == info.value.problems

    def test_posting_files_relative_to_the_file(self, tmp_path: Path) -> None:
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "p.jsonld").write_text(
            json.dumps({"@type": "JobPosting", "title": "Data Engineer"}), encoding="utf-8"
        )
        doc: dict[str, Any] = {
            "candidate": MEI,
            "invitations": [{"schema_org": "p.jsonld", "id": "x1"}, {"schema_org": "gone.jsonld"}],
        }
        (tmp_path / "sub" / "inbox.json").write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(InvalidInput) as info:
            Inbox.from_file(tmp_path / "sub" / "inbox.json")
        assert (
            Problem(
                "$.invitations[1].schema_org",
                f"cannot read gone.jsonld: no such file in {tmp_path / 'sub'}",
            ),
        ) == info.value.problems
        del doc["invitations"][1]
        (tmp_path / "sub" / "inbox.json").write_text(json.dumps(doc), encoding="utf-8")
        [invitation] = Inbox.from_file(tmp_path / "sub" / "inbox.json").invitations
        assert ("Data Engineer", "x1") == (invitation.posting.title, invitation.id)

    def test_warnings_reach_the_caller(self, tmp_path: Path) -> None:
        posting = {"@type": "JobPosting", "title": "Data Engineer", "datePosted": "last Tuesday"}
        doc = {"candidate": MEI, "invitations": [{"schema_org": posting}]}
        (tmp_path / "inbox.json").write_text(json.dumps(doc), encoding="utf-8")
        lines: list[str] = []
        inbox = Inbox.from_file(tmp_path / "inbox.json", warn=lines.append)
        assert 1 == len(inbox.invitations)
        assert 1 == len(lines)
        assert "$.invitations[0].schema_org.datePosted" in lines[0]

    def test_invitation_type_is_kept(self) -> None:
        """The inbox holds Invitation values, as to_json writes them."""
        inbox = Inbox.from_file(EXAMPLES / "inbox.json")
        assert inbox.invitations == tuple(
            from_json(Invitation, to_json(i)) for i in inbox.invitations
        )


class TestFromJson:
    """from_json(Inbox, text) collects every problem, with paths."""

    def test_round_trip(self) -> None:
        inbox = Inbox(
            candidate=Candidate(name="Mei", years_experience=7),
            invitations=[Invitation(posting=JobPosting(title="Analyst"), id="a", extra={"k": [1]})],
            policy=Policy(max_interviews=3),
        )
        assert inbox == from_json(Inbox, to_json(inbox))

    def test_schema_key_allowed(self) -> None:
        text = json.dumps({"$schema": "https://example.org/inbox.schema.json", "candidate": MEI})
        assert "Mei Tan" == from_json(Inbox, text).candidate.name

    def test_every_problem(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        monkeypatch.chdir(tmp_path)
        doc = {
            "$schema": 3,
            "candidate": {"name": "Mei", "years_experience": -1},
            "invitations": [
                {"schema_org": "nope.jsonld"},
                {"posting": {}},
                {"posting": {"title": "x"}, "extra": "commute"},
            ],
            "polcy": {},
        }
        with pytest.raises(InvalidInput) as info:
            from_json(Inbox, json.dumps(doc))
        assert (
            Problem("$", "unknown field(s) polcy (did you mean policy?)"),
            Problem('$["$schema"]', "expected a URI, got a number"),
            Problem(
                "$.candidate.years_experience",
                "years_experience: must be a finite number >= 0, got -1",
            ),
            Problem(
                "$.invitations[0].schema_org",
                f"cannot read nope.jsonld: no such file in {tmp_path}",
            ),
            Problem("$.invitations[1].posting.title", "required field missing"),
            Problem(
                "$.invitations[2].extra", "expected an object of the caller's own data, got str"
            ),
        ) == info.value.problems

    def test_not_an_object(self) -> None:
        with pytest.raises(InvalidInput) as info:
            from_json(Inbox, "[1, 2]")
        assert (
            Problem("$", "expected an object with candidate and invitations, got an array"),
        ) == info.value.problems


class TestNestedProblems:
    """A reader's InvalidInput inside a structure keeps its paths, below the enclosing one."""

    def test_rebased(self) -> None:
        from interviewdecide.serialization import to_problems

        error = InvalidInput([Problem("$.a[0]", "bad @ $.b"), Problem("$", "at the root")])
        assert [
            Problem("$.inbox.a[0]", "bad @ $.b"),
            Problem("$.inbox", "at the root"),
        ] == to_problems(error, "$.inbox")
