"""Command-line habits: help with no arguments, did-you-mean, --format anywhere, csv (issue 12)."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

from conftest import call
from interviewdecide import Inbox, triage

INBOX = Path(__file__).parent.parent / "examples" / "inbox.json"


class TestNoArguments:
    """No arguments prints the help, and succeeds."""

    def test_help(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(sys, "argv", ["interviewdecide"])
        code, out, err = call(capsys)
        assert (0, "") == (code, err)
        assert out.startswith("usage: interviewdecide")
        assert "triage" in out


class TestDidYouMean:
    """A mistyped command is refused with the commands close to it."""

    @pytest.mark.parametrize(
        ("word", "hint"),
        [
            ("triag", "(did you mean triage?)"),
            ("draft_decline", "(did you mean draft-decline or decide?)"),
            ("Decide", "(did you mean decide?)"),
        ],
    )
    def test_close(self, capsys: pytest.CaptureFixture[str], word: str, hint: str) -> None:
        code, out, err = call(capsys, "-f", "json", word, str(INBOX))
        assert (2, "") == (code, out)
        assert f"unknown command {word!r} {hint}; the commands are decide, triage," in err

    def test_options_but_no_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Options alone leave argparse to say a command is needed."""
        code, out, err = call(capsys, "-f", "json")
        assert (2, "") == (code, out)
        assert "the following arguments are required: COMMAND" in err

    def test_far(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, _, err = call(capsys, "--format=json", "xyzzy")
        assert 2 == code
        assert "unknown command 'xyzzy'; the commands are" in err


class TestFormatAnywhere:
    """--format goes before or after the command; the command's own wins."""

    def test_before_equals_after(self, capsys: pytest.CaptureFixture[str]) -> None:
        before = call(capsys, "--format", "markdown", "decide", "--index", "2", str(INBOX))
        after = call(capsys, "decide", "--index", "2", "-f", "markdown", str(INBOX))
        assert before == after
        assert before[1].startswith("## Request 2")

    def test_command_wins(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert call(capsys, "-f", "markdown", "triage", "-f", "json", str(INBOX)) == call(
            capsys, "triage", "--format", "json", str(INBOX)
        )

    def test_example_takes_it(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = call(capsys, "-f", "toml", "example")
        assert 0 == code
        assert out.startswith("#") or "[candidate]" in out

    @pytest.mark.parametrize(
        ("fmt", "command", "allowed"),
        [
            ("csv", "decide", "text, markdown, json"),
            ("toml", "triage", "text, markdown, json, csv"),
            ("markdown", "example", "json, toml"),
        ],
    )
    def test_not_for_this_command(
        self, capsys: pytest.CaptureFixture[str], fmt: str, command: str, allowed: str
    ) -> None:
        code, out, err = (
            call(capsys, "-f", fmt, command, str(INBOX))
            if command != "example"
            else call(capsys, "-f", fmt, command)
        )
        assert (2, "") == (code, out)
        assert f"{command} writes {allowed}, not {fmt}" in err


class TestCsv:
    """triage --format csv writes Triage.to_records with the csv module."""

    def test_rows_match_the_records(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = call(capsys, "triage", "--format", "csv", str(INBOX))
        assert (0, "") == (code, err)
        rows = list(csv.DictReader(io.StringIO(out)))
        inbox = Inbox.from_file(INBOX)
        records = triage(inbox.candidate, inbox.invitations, policy=inbox.policy).to_records()
        assert [{k: "" if v is None else str(v) for k, v in r.items()} for r in records] == rows
        assert 6 == len(rows)
        assert "\r" not in out


class TestExampleSuffix:
    """example -o refuses a file name whose suffix does not match the format."""

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (
                ("-o", "x.toml", "-f", "json"),
                "x.toml has .toml, not .json: name the file .json, or pass -f toml with a .toml name",
            ),
            (
                ("-o", "x.json", "-f", "toml"),
                "x.json has .json, not .toml: name the file .toml, or pass -f json with a .json name",
            ),
            (("-o", "inbox"), "inbox has no suffix, not .json"),
            (("-o", "inbox.yaml"), "inbox.yaml has .yaml, not .json"),
        ],
    )
    def test_refused(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        args: tuple[str, ...],
        message: str,
    ) -> None:
        monkeypatch.chdir(tmp_path)
        code, out, err = call(capsys, "example", *args)
        assert (2, "") == (code, out)
        assert f"interviewdecide: {message}" in err
        assert [] == list(tmp_path.iterdir())

    @pytest.mark.parametrize("name", ["x.json", "X.TOML", "my inbox.toml"])
    def test_matching(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
        code, _, _ = call(capsys, "example", "-o", str(tmp_path / name))
        assert 0 == code
        assert Inbox.from_file(tmp_path / name).invitations
