"""Issue 15, item 7: readers that refuse lone surrogates and repeated keys, and
error messages that are the same under every hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from interviewdecide import Aspirations, Candidate, FieldValueError, InvalidInput, Problem
from interviewdecide.__main__ import main
from interviewdecide.serialization import json_object


def resume_problems(data: Any) -> tuple[Problem, ...]:
    with pytest.raises(InvalidInput) as info:
        Candidate.from_json_resume(data)
    return info.value.problems


class TestJsonResume:
    """A JSON Resume with a lone surrogate is refused at its path."""

    def test_name(self) -> None:
        """A lone surrogate in the candidate's name, as a JSON escape decodes it."""
        data = json.loads('{"basics": {"name": "Ana \\udc00Lima"}}')
        assert (
            Problem("$.basics.name", "not valid Unicode: the text holds a lone surrogate"),
        ) == resume_problems(data)

    def test_anywhere_in_work(self) -> None:
        """One in a job the reader does not otherwise look into, beside a repeated key."""
        text = (
            '{"basics": {"name": "Ana"}, "work": [{"startDate": "2019-04", "name": "Acme"},'
            ' {"startDate": "2021", "highlights": ["ok", "sh\\ud800ipped"],'
            ' "endDate": "2022", "endDate": "2023"}]}'
        )
        data = json.loads(text, object_pairs_hook=json_object)
        assert (
            Problem("$.work[1].endDate", 'the key "endDate" appears more than once'),
            Problem(
                "$.work[1].highlights[1]", "not valid Unicode: the text holds a lone surrogate"
            ),
        ) == resume_problems(data)


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


class TestCommandLine:
    """The command line refuses repeated keys in every JSON file it reads."""

    def test_inbox_with_repeated_keys(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each repeated key is reported with its path, and the status is 2."""
        inbox = write(
            tmp_path,
            "inbox.json",
            '{"candidate": {"name": "Ana", "years_experience": 7, "years_experience": 2},'
            ' "invitations": [{"posting": {"title": "Analyst", "company": "A", "company": "B"}}]}',
        )
        code = main(["decide", inbox])
        err = capsys.readouterr().err
        assert 2 == code
        assert (
            'the key "years_experience" appears more than once @ $.candidate.years_experience'
            in err
        )
        assert 'the key "company" appears more than once @ $.invitations[0].posting.company' in err

    def test_posting_file_with_repeated_keys(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A schema.org file named by an invitation is checked too, its name in the message."""
        write(tmp_path, "job.jsonld", '{"@type": "JobPosting", "title": "Dev", "title": "Boss"}')
        inbox = write(
            tmp_path,
            "inbox.json",
            json.dumps(
                {
                    "candidate": {"name": "Ana", "years_experience": 7},
                    "invitations": [{"schema_org": "job.jsonld"}],
                }
            ),
        )
        code = main(["decide", inbox])
        err = capsys.readouterr().err
        assert 2 == code
        assert 'the key "title" appears more than once @ $.title in job.jsonld' in err


#: Run in a child process; prints the messages whose wording must not vary.
MESSAGES = """
import json
from interviewdecide import Aspirations, InvalidInput, from_json
try:
    Aspirations(roles={"", " ", "\\t", "data", "  ", "ml"}, industries={"x"})
except ValueError as e:
    print(e)
try:
    Aspirations(arrangements={"remote", "hybrid", "onsite", "x"})
except TypeError as e:
    print(e)
try:
    from_json(Aspirations, json.dumps({"companies": ["", "Acme", " ", "Globex", "\\u00a0"]}))
except InvalidInput as e:
    print(e)
"""


class TestHashSeed:
    """Error messages about frozensets are the same under every hash seed."""

    def test_same_message_under_every_seed(self) -> None:
        """Every blank item is reported, sorted, whatever PYTHONHASHSEED is."""
        outputs = {
            subprocess.run(
                [sys.executable, "-c", MESSAGES],
                env={**os.environ, "PYTHONHASHSEED": seed},
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            for seed in ("0", "1", "2", "3", "4", "5", "6", "7")
        }
        assert 1 == len(outputs)
        assert (
            "roles: must hold non-empty strings, got '  ', ' ', '', '\\t'\n"
            "arrangements: must hold WorkArrangement members, got 'hybrid', 'onsite', 'remote', 'x'\n"
            "companies: must hold non-empty strings, got ' ', '', '\\xa0' @ $.companies\n"
        ) == outputs.pop()

    def test_non_strings_are_reported_too(self) -> None:
        """An item that is not a string is listed beside the blank ones."""
        with pytest.raises(FieldValueError, match=r"got ' ', 3, None$") as info:
            Aspirations(roles=frozenset({3, " ", None, "ok"}))  # type: ignore[arg-type]
        assert "roles" == info.value.field
