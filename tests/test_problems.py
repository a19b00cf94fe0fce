"""Problems as data: InvalidInput carries Problem(path, message), never parsed back (issue #14 item 3)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import interviewdecide
from interviewdecide import (
    Candidate,
    FieldTypeError,
    FieldValueError,
    Inbox,
    InvalidInput,
    JobPosting,
    Problem,
    from_json,
    read_schema_org,
)
from interviewdecide.__main__ import main
from interviewdecide._mcp import call

MEI = {"name": "Mei Tan", "years_experience": 7}

#: Text that used to confuse a parser of ``message @ path`` lines: the separator
#: itself, line breaks of every kind, and a key-like tail.
AWKWARD = st.lists(
    st.sampled_from([*"ab $.[]\"'@", "\n", "\r", "\u2028", "\x85", "\x1e", " @ ", "\r\n"]),
    max_size=12,
).map("".join)


def problems_of(read: Any) -> tuple[Problem, ...]:
    """The problems of the InvalidInput that ``read()`` raises."""
    with pytest.raises(InvalidInput) as info:
        read()
    return info.value.problems


class TestProblem:
    """A Problem is a value: a path and a message, laid out on one line by str()."""

    def test_fields_and_line(self) -> None:
        """Both parts are kept as given; str() puts them on one line."""
        problem = Problem('$["min salary"]', "got 'ten\nthousand'")

        assert ('$["min salary"]', "got 'ten\nthousand'") == (problem.path, problem.message)
        assert "got 'ten\\nthousand' @ $[\"min salary\"]" == str(problem)

    def test_parts_must_be_text(self) -> None:
        """A path that is not text is refused by name."""
        with pytest.raises(FieldTypeError) as info:
            Problem(3, "bad")  # type: ignore[arg-type]

        assert "path" == info.value.field

    def test_public_name(self) -> None:
        """interviewdecide.Problem loads without loading the readers."""
        assert interviewdecide.Problem is Problem
        assert "interviewdecide._problem" == Problem.__module__


class TestInvalidInput:
    """InvalidInput holds Problems and refuses anything else."""

    def test_holds_problems(self) -> None:
        """The problems are kept as given, and str() has one line for each."""
        error = InvalidInput([Problem("$.a", "first"), Problem("$.b[0]", "second")])

        assert (Problem("$.a", "first"), Problem("$.b[0]", "second")) == error.problems
        assert "first @ $.a\nsecond @ $.b[0]" == str(error)

    def test_at(self) -> None:
        """InvalidInput.at builds an error with one problem."""
        assert (Problem("$.x", "bad"),) == InvalidInput.at("$.x", "bad").problems

    def test_strings_refused(self) -> None:
        """A 'message @ path' string is not parsed: it is a TypeError naming the item."""
        with pytest.raises(TypeError) as info:
            InvalidInput([Problem("$", "fine"), "expected str, got int @ $.name"])  # type: ignore[list-item]

        assert isinstance(info.value, FieldTypeError)
        assert "problems[1]" == info.value.field
        assert "'expected str, got int @ $.name'" in str(info.value)

    def test_pickles(self) -> None:
        """An error survives pickling (as between worker processes) with its problems."""
        error = InvalidInput([Problem('$["a @ b"]', "x\ny")])

        copy = pickle.loads(pickle.dumps(error))  # noqa: S301 -- bytes made here

        assert (error.problems, str(error)) == (copy.problems, str(copy))

    @given(st.lists(st.tuples(AWKWARD, AWKWARD), max_size=6))
    def test_one_line_per_problem(self, parts: list[tuple[str, str]]) -> None:
        """Whatever the messages and paths hold, str() has exactly one line per problem."""
        problems = [Problem(path, message) for path, message in parts]
        error = InvalidInput(problems)

        lines = str(error).split("\n")

        assert len(problems) == (len(lines) if problems else 0)
        assert [str(p) for p in problems] == (lines if problems else [])
        assert all(len(line.splitlines()) <= 1 for line in lines)
        assert tuple(problems) == error.problems  # kept as given, never re-read from text


class TestFieldErrors:
    """The two field errors share one base: field, reason and message format."""

    @pytest.mark.parametrize(
        ("cls", "builtin"), [(FieldValueError, ValueError), (FieldTypeError, TypeError)]
    )
    def test_behaviour(self, cls: type[FieldValueError | FieldTypeError], builtin: type) -> None:
        """Each is its built-in error, names the field, and keeps the reason apart."""
        error = cls("offers[1].status", "must be one of the statuses")

        assert isinstance(error, builtin)
        assert "offers[1].status: must be one of the statuses" == str(error)
        assert ("offers[1].status", "must be one of the statuses") == (error.field, error.reason)
        assert f"<class 'interviewdecide.{cls.__name__}'>" == repr(cls)
        copy = pickle.loads(pickle.dumps(error))  # noqa: S301 -- bytes made here
        assert (type(error), str(error), error.field) == (type(copy), str(copy), copy.field)

    def test_a_constructors_error(self) -> None:
        """A constructor's refusal carries the reason a reader reports at its own path."""
        with pytest.raises(FieldValueError) as info:
            Candidate(name="Mei", years_experience=-3)

        assert "years_experience" == info.value.field
        assert "must be a finite number >= 0, got -3" == info.value.reason


class TestRealInputs:
    """Real bad input gives problems with the exact path and message."""

    def test_offer_status(self) -> None:
        """A JSON candidate whose second offer has the status 'maybe'."""
        text = json.dumps(
            {**MEI, "offers": [{"company": "Initech"}, {"company": "Globex", "status": "maybe"}]}
        )

        assert (
            Problem(
                "$.offers[1].status",
                "'maybe' is not one of ['pending', 'accepted', 'declined', 'rescinded', 'expired']",
            ),
        ) == problems_of(lambda: from_json(Candidate, text))

    def test_months_of_experience_as_text(self) -> None:
        """A schema.org posting with monthsOfExperience as text: refused strictly, skipped leniently."""
        data = {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": "Data Analyst",
            "experienceRequirements": {
                "@type": "OccupationalExperienceRequirements",
                "monthsOfExperience": "36+ months",
            },
        }
        expected = Problem(
            "$.experienceRequirements.monthsOfExperience", "expected a number, got '36+ months'"
        )

        assert (expected,) == problems_of(lambda: JobPosting.from_schema_org(data, strict=True))
        assert (expected,) == read_schema_org(data).skipped

    def test_key_with_a_space(self) -> None:
        """A repeated key with a space in it is named in the path as it is: no escapes."""
        text = '{"name": "Mei", "years_experience": 7, "aspirations": {"min salary": 1, "min salary": 2}}'

        assert (
            Problem('$.aspirations["min salary"]', 'the key "min salary" appears more than once'),
        ) == problems_of(lambda: from_json(Candidate, text))

    def test_separator_in_a_path(self) -> None:
        """A posting under a key holding ' @ ' keeps its whole path inside an inbox."""
        doc = {
            "candidate": MEI,
            "invitations": [{"schema_org": {"x @ y": {"@type": "JobPosting"}}}],
        }

        assert (
            Problem(
                '$.invitations[0].schema_org["x @ y"].title',
                "missing: a posting needs a title or a name",
            ),
        ) == problems_of(lambda: from_json(Inbox, json.dumps(doc)))


class TestInboxFile:
    """A bad invitation in an inbox file is named at its place in that file."""

    @staticmethod
    def write(tmp_path: Path) -> Path:
        path = tmp_path / "inbox.json"
        invitations = [
            {"posting": {"title": "Data Engineer", "company": "Lumen"}},
            {"posting": {"title": "Analytics Engineer"}, "matches_aspirations": True},
            {"posting": {"title": "Data\nEngineer", "company": "Acme"}},
        ]
        path.write_text(json.dumps({"candidate": MEI, "invitations": invitations}), "utf-8")
        return path

    def test_from_file(self, tmp_path: Path) -> None:
        """Inbox.from_file reports the third invitation's title at its path."""
        path = self.write(tmp_path)

        assert (
            Problem(
                "$.invitations[2].posting.title", "title: must be a single line (no line breaks)"
            ),
        ) == problems_of(lambda: Inbox.from_file(path))

    def test_command_line(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The command line prints the same problem as one line, with status 2."""
        path = self.write(tmp_path)

        code = main(["triage", str(path)])

        assert (2, f"interviewdecide: invalid input in {path}:\n"
                "  title: must be a single line (no line breaks) @ $.invitations[2].posting.title\n"
                ) == (code, capsys.readouterr().err)  # fmt: skip

    def test_posting_file(self, tmp_path: Path) -> None:
        """A problem in a posting file names the file and the invitation that names it."""
        (tmp_path / "job.jsonld").write_text('{"@type": "JobPosting", "title": 7}', "utf-8")
        path = tmp_path / "inbox.json"
        path.write_text(
            json.dumps({"candidate": MEI, "invitations": [{"schema_org": "job.jsonld"}]})
        )

        assert (
            Problem(
                "$.title in job.jsonld (from $.invitations[0].schema_org)",
                "expected text, got a number",
            ),
            Problem(
                "$.title in job.jsonld (from $.invitations[0].schema_org)",
                "missing: a posting needs a title or a name",
            ),
        ) == problems_of(lambda: Inbox.from_file(path))


class TestMcp:
    """The MCP tools list problems as data beside the text."""

    def test_problems_as_fields(self) -> None:
        """A refused call's data holds each problem's path and message apart."""
        answer = call("decide", {"candidate": {"name": " ", "years_experience": -1}})

        assert answer.error
        assert {
            "problems": [
                {"path": "$.candidate.name", "message": "name: must not be empty"},
                {
                    "path": "$.candidate.years_experience",
                    "message": "years_experience: must be a finite number >= 0, got -1",
                },
                {"path": "$.invitation", "message": "required argument missing"},
            ]
        } == answer.data
        assert [f"{p['message']} @ {p['path']}" for p in answer.data["problems"]] == (
            answer.text.splitlines()
        )
