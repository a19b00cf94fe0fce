"""The interviewdecide command: end to end as a subprocess, and main() in-process."""

from __future__ import annotations

import importlib
import io
import json
import os
import re
import runpy
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from interviewdecide import (
    Action,
    Candidate,
    DisclosureAdvice,
    Email,
    Invitation,
    JobPosting,
    Pipeline,
    Triage,
    Verdict,
    advise_disclosure,
    decide,
    draft_decline,
    from_json,
    rules,
    to_json,
    triage,
)
from interviewdecide.__main__ import main
from interviewdecide._cli._inbox import Inbox, inbox_from_data, load_inbox
from interviewdecide._render import tone_markdown, verdict_markdown, wrap

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
INBOX = EXAMPLES / "inbox.json"
PAGE = ROOT / "tests" / "data" / "saved-job-page.html"
COURTEOUS = (
    "Dear Ms Jansen,\n\nThank you for the invitation to interview. I have decided not to "
    "go ahead, but I hope our paths cross again.\n\nKind regards,\nMei Tan\n"
)
RUDE = "Dear team,\n\nStop e-mailing me. I am far too experienced for this job.\n\nMei\n"
SUBCOMMANDS = ("decide", "triage", "draft-decline", "disclose")
FORMATS = ("text", "markdown", "json")


def run(*args: str, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m interviewdecide`` with ``args``."""
    return subprocess.run(
        [sys.executable, "-m", "interviewdecide", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
    )


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run main() in-process; return the exit status, standard output and error."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def example_inbox() -> Inbox:
    return load_inbox(str(INBOX), io.StringIO())


def write(tmp_path: Path, data: Any, name: str = "inbox.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def minimal(**invitation: Any) -> dict[str, Any]:
    """A one-invitation inbox; the invitation is a bare posting unless given."""
    return {
        "candidate": {"name": "Mei Tan", "years_experience": 7},
        "invitations": [invitation or {"posting": {"title": "Data Engineer", "company": "Acme"}}],
    }


def problems(capsys: pytest.CaptureFixture[str], path: str, *args: str) -> list[str]:
    """Run ``decide`` on ``path`` expecting bad input; return the problem lines."""
    code, out, err = call(capsys, "decide", path, *args)
    assert (2, "") == (code, out)
    head, *lines = err.splitlines()
    assert head.startswith("interviewdecide: invalid input in ")
    return [line.strip() for line in lines]


def normalized(text: str) -> str:
    return " ".join(text.split())


class TestEndToEnd:
    """The command run as a subprocess, as users run it."""

    def test_readme_triage_reads_well(self) -> None:
        """The README's command triages the bundled inbox in 80 columns."""
        done = run("triage", "examples/inbox.json")
        inbox = example_inbox()
        assert (0, "") == (done.returncode, done.stderr)
        assert triage(inbox.candidate, inbox.invitations).explain() + "\n" == done.stdout
        assert "3 to attend, 3 to decline" in done.stdout
        assert 80 >= max(len(line) for line in done.stdout.splitlines())

    @pytest.mark.parametrize("command", SUBCOMMANDS)
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_every_subcommand_and_format(self, command: str, fmt: str) -> None:
        """Each subcommand runs in each format, with nothing on standard error."""
        done = run(command, "examples/inbox.json", "--format", fmt)
        assert (0, "") == (done.returncode, done.stderr)
        assert "Traceback" not in done.stdout
        if fmt == "json":
            json.loads(done.stdout)
        elif fmt == "text":
            assert 80 >= max(len(line) for line in done.stdout.splitlines())

    def test_decide_json_is_the_library_verdicts(self) -> None:
        """decide --format json holds to_json of each verdict, in input order."""
        done = run("decide", "examples/inbox.json", "--format", "json")
        inbox = example_inbox()
        expected = [decide(inbox.candidate, i) for i in inbox.invitations]
        assert expected == [from_json(Verdict, json.dumps(v)) for v in json.loads(done.stdout)]

    def test_json_output_is_deterministic(self) -> None:
        """Two runs give the same bytes, whatever the hash seed."""
        first = run("triage", "examples/inbox.json", "-f", "json")
        second = run("triage", "examples/inbox.json", "-f", "json")
        assert first.stdout == second.stdout

    def test_check_tone_end_to_end(self, tmp_path: Path) -> None:
        """check-tone reads a file; an arrogant, rude draft exits 1."""
        (tmp_path / "rude.txt").write_text(RUDE, encoding="utf-8")
        done = run("check-tone", str(tmp_path / "rude.txt"))
        assert (1, "") == (done.returncode, done.stderr)
        assert "error: discourtesy" in done.stdout

    def test_bad_input_lists_every_path_without_traceback(self, tmp_path: Path) -> None:
        """Bad input exits 2 with every problem and its path on standard error."""
        data = minimal()
        data["candidate"]["years_experience"] = -3
        data["invitations"].append({"posting": {"title": 5}, "matches_aspirations": "yes"})
        done = run("decide", write(tmp_path, data))
        assert 2 == done.returncode
        assert "" == done.stdout
        assert "Traceback" not in done.stderr
        assert [
            f"interviewdecide: invalid input in {tmp_path / 'inbox.json'}:",
            "  years_experience: must be a finite number >= 0, got -3 @ $.candidate.years_experience",
            "  expected str, got int @ $.invitations[1].posting.title",
            "  expected bool, got str @ $.invitations[1].matches_aspirations",
        ] == done.stderr.splitlines()

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file exits 2 with a clear message."""
        done = run("triage", str(tmp_path / "nowhere.json"))
        assert 2 == done.returncode
        assert (
            f"interviewdecide: cannot read {tmp_path / 'nowhere.json'}: No such file or directory\n"
            == done.stderr
        )

    @pytest.mark.skipif(not hasattr(os, "geteuid"), reason="needs POSIX permissions")
    def test_unreadable_file(self, tmp_path: Path) -> None:
        """A file without read permission exits 2 with a clear message."""
        path = Path(write(tmp_path, minimal()))
        path.chmod(0)
        try:
            if os.access(path, os.R_OK):  # root reads anything
                pytest.skip("running as a user who can read any file")
            done = run("triage", str(path))
        finally:
            path.chmod(0o600)
        assert (2, f"interviewdecide: cannot read {path}: Permission denied\n") == (
            done.returncode,
            done.stderr,
        )

    def test_standard_input(self) -> None:
        """- reads the inbox as JSON from standard input."""
        done = run("triage", "-", stdin=INBOX.read_text(encoding="utf-8"), cwd=EXAMPLES)
        assert (0, "") == (done.returncode, done.stderr)
        assert run("triage", "examples/inbox.json").stdout == done.stdout

    def test_toml_input_equals_json_input(self) -> None:
        """The TOML example gives the same results as the JSON one."""
        toml = run("triage", "examples/inbox.toml", "-f", "json")
        assert 0 == toml.returncode
        assert run("triage", "examples/inbox.json", "-f", "json").stdout == toml.stdout

    @pytest.mark.parametrize("fmt", ["json", "toml"])
    def test_example_round_trips_through_decide(self, tmp_path: Path, fmt: str) -> None:
        """example writes an input that decide reads, deciding as the bundled inbox does."""
        path = tmp_path / f"inbox.{fmt}"
        written = run("example", "-o", str(path))
        assert (0, "") == (written.returncode, written.stdout)
        done = run("decide", str(path), "-f", "json")
        assert (0, "") == (done.returncode, done.stderr)
        assert run("decide", "examples/inbox.json", "-f", "json").stdout == done.stdout

    def test_example_to_standard_output_feeds_standard_input(self) -> None:
        """example's output piped into decide - works."""
        example = run("example")
        done = run("decide", "-", "--index", "5", stdin=example.stdout)
        assert (0, "") == (done.returncode, done.stderr)
        assert done.stdout.startswith("Request 5: Analytics Engineer at Lumen Health\n")

    def test_console_script(self) -> None:
        """The installed console script runs the same command."""
        script = shutil.which("interviewdecide", path=str(Path(sys.executable).parent))
        if script is None:
            pytest.skip("the console script is not installed beside this Python")
        done = subprocess.run(
            [script, "triage", "examples/inbox.json"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert (0, run("triage", "examples/inbox.json").stdout) == (
            done.returncode,
            done.stdout,
        )

    def test_closed_pipe_is_quiet(self) -> None:
        """A reader that goes away early (| head) gets no traceback."""
        proc = subprocess.Popen(
            [sys.executable, "-m", "interviewdecide", "decide", "examples/inbox.json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read()
        proc.stderr.close()
        assert (1, b"") == (proc.wait(), err)

    def test_version_and_help(self) -> None:
        """--version names the version; --help lists the subcommands."""
        from interviewdecide import __version__

        assert f"interviewdecide {__version__}\n" == run("--version").stdout
        help_text = run("--help").stdout
        for command in (*SUBCOMMANDS, "check-tone", "example"):
            assert command in help_text


class TestDecide:
    """The decide subcommand, in-process."""

    def test_text_holds_each_explanation(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The text output holds each verdict's explanation, wrapped to 80 columns."""
        code, out, _ = call(capsys, "decide", str(INBOX))
        inbox = example_inbox()
        assert 0 == code
        for i, invitation in enumerate(inbox.invitations):
            assert f"Request {i + 1}: {invitation.posting.label}\n" in out
            assert normalized(decide(inbox.candidate, invitation).explain()) in normalized(out)

    def test_index_picks_one_request(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--index N decides request N only, counted from 1."""
        code, out, _ = call(capsys, "decide", str(INBOX), "--index", "3", "-f", "json")
        inbox = example_inbox()
        assert (0, [decide(inbox.candidate, inbox.invitations[2])]) == (
            code,
            [from_json(Verdict, json.dumps(v)) for v in json.loads(out)],
        )

    def test_index_out_of_range(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An --index beyond the inbox exits 2 and says how many there are."""
        code, _, err = call(capsys, "decide", write(tmp_path, minimal()), "--index", "2")
        assert 2 == code
        assert err.endswith(
            f"--index 2 is out of range: {tmp_path / 'inbox.json'} holds 1 invitation\n"
        )

    def test_index_must_be_a_number(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A non-numeric --index is a usage error."""
        with pytest.raises(SystemExit) as exc:
            main(["decide", str(INBOX), "--index", "third"])
        assert 2 == exc.value.code
        assert "expected a request number from 1 up, got 'third'" in capsys.readouterr().err

    def test_markdown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The Markdown output has a section per request, the decider in bold."""
        code, out, _ = call(capsys, "decide", str(INBOX), "-f", "markdown", "--index", "3")
        assert 0 == code
        assert out.startswith(
            "## Request 3: Junior Data Engineer at Kestrel Retail\n\n"
            "**Verdict: decline** (decided by `suitability`).\n"
        )
        assert "- **`suitability`: decline**. The job description asks for 2 years" in out
        assert "Without `suitability`, the verdict would be to attend (decided by `fit`)." in out
        assert "What would change a finding:" in out

    def test_markdown_sections_are_separated(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Several requests in Markdown are separated by a rule."""
        _, out, _ = call(capsys, "decide", str(INBOX), "-f", "markdown")
        assert 5 == out.count("\n\n---\n\n")

    def test_no_invitations(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An inbox without invitations says so, or writes an empty JSON array."""
        path = write(tmp_path, {"candidate": {"name": "Mei Tan", "years_experience": 7}})
        assert (0, "No invitations to decide.\n", "") == call(capsys, "decide", path)
        assert (0, "[]\n", "") == call(capsys, "decide", path, "-f", "json")

    def test_policy_from_the_input(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A policy in the input is the one the rules use."""
        data = minimal(posting={"title": "Data Engineer", "required_years": 3})
        data["policy"] = {"overqualified_surplus_years": 4}
        _, out, _ = call(capsys, "decide", write(tmp_path, data), "-f", "json")
        [verdict] = json.loads(out)
        assert (4, "decline") == (
            verdict["policy"]["overqualified_surplus_years"],
            verdict["action"],
        )

    def test_null_policy_means_the_defaults(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """ "policy": null gives the default policy."""
        data = minimal(posting={"title": "Data Engineer", "required_years": 3})
        data["policy"] = None
        _, out, _ = call(capsys, "decide", write(tmp_path, data), "-f", "json")
        assert "attend" == json.loads(out)[0]["action"]

    def test_standard_input_in_process(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """- reads standard input; errors name it."""
        monkeypatch.setattr(sys, "stdin", io.StringIO('{"candidate": {}}'))
        code, _, err = call(capsys, "decide", "-")
        assert 2 == code
        assert [
            "interviewdecide: invalid input in standard input:",
            "  required field missing @ $.candidate.name",
            "  required field missing @ $.candidate.years_experience",
        ] == err.splitlines()

    def test_index_out_of_range_on_standard_input(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The range message names standard input."""
        monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(minimal())))
        code, _, err = call(capsys, "decide", "-", "--index", "4")
        assert (
            2,
            "interviewdecide: --index 4 is out of range: standard input holds 1 invitation\n",
        ) == (code, err)


class TestBadInput:
    """Every problem in an input document is reported with its path."""

    def test_not_an_object(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """The document must be an object."""
        assert ["expected an object with candidate and invitations, got an array @ $"] == problems(
            capsys, write(tmp_path, [])
        )

    def test_top_level_keys(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A missing candidate, unknown keys and non-array invitations are each reported."""
        data = {"invitation": [], "invitations": {}, "extra": 1}
        assert [
            "unknown field(s) extra, invitation (did you mean invitations?) @ $",
            "required field missing @ $.candidate",
            "expected an array, got an object @ $.invitations",
        ] == problems(capsys, write(tmp_path, data))

    def test_invitation_shapes(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An invitation must be an object with exactly one posting source."""
        data = minimal()
        data["invitations"] = [
            "Data Engineer",
            {"posting": {"title": "X"}, "schema_org": "x.jsonld"},
            {"schema_org": 3},
            {"html": ["page.html"]},
            {"schema_org": "  "},
            {"matches_aspirations": True},
        ]
        assert [
            "expected an object, got text @ $.invitations[0]",
            "give one of posting, schema_org or html, not posting and schema_org @ $.invitations[1]",
            "expected a JSON-LD file name or object, got a number @ $.invitations[2].schema_org",
            "expected a page's file name, got an array @ $.invitations[3].html",
            "expected a JSON-LD file name or object, got text @ $.invitations[4].schema_org",
            "required field missing @ $.invitations[5].posting",
        ] == problems(capsys, write(tmp_path, data))

    def test_other_json_kinds_are_named(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Booleans and null are named as JSON names them."""
        data = minimal()
        data["invitations"] = [True, None]
        assert [
            "expected an object, got a boolean @ $.invitations[0]",
            "expected an object, got null @ $.invitations[1]",
        ] == problems(capsys, write(tmp_path, data))

    def test_inline_json_ld_paths_continue_the_input_path(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A bad inline posting is reported under the invitation's schema_org path."""
        ld = {"@type": "JobPosting", "title": " ", "url": "https://jobs.example/1"}
        data = minimal(schema_org=ld, concerns=[{"kind": "bored", "basis": "hearsay"}])
        assert [
            "missing: a posting needs a title or a name @ $.invitations[0].schema_org.title",
            "'bored' is not one of ['overqualified', 'unsuitable'] @ $.invitations[0].concerns[0].kind",
        ] == problems(capsys, write(tmp_path, data))

    def test_json_ld_file_problems_name_the_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A bad posting file is reported by its own path, and where it was named."""
        (tmp_path / "bad.jsonld").write_text('{"@type": "Person"}', encoding="utf-8")
        (tmp_path / "broken.jsonld").write_text('{"@type": ', encoding="utf-8")
        data = minimal()
        data["invitations"] = [{"schema_org": "bad.jsonld"}, {"schema_org": "broken.jsonld"}]
        assert [
            'expected a JobPosting, got Person @ $["@type"] in bad.jsonld (from $.invitations[0].schema_org)',
            "broken.jsonld is not valid JSON: Expecting value (line 1, column 11) @ $.invitations[1].schema_org",
        ] == problems(capsys, write(tmp_path, data))

    def test_missing_json_ld_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A posting file that is not there is named as written in the input."""
        data = minimal(schema_org="postings/gone.jsonld")
        assert [
            f"cannot read postings/gone.jsonld: no such file in {tmp_path} @ $.invitations[0].schema_org"
        ] == problems(capsys, write(tmp_path, data))

    def test_policy_problems(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A bad policy is reported with its path."""
        data = minimal()
        data["policy"] = {"max_interviews": -1}
        assert ["max_interviews: must be >= 0, got -1 @ $.policy.max_interviews"] == problems(
            capsys, write(tmp_path, data)
        )

    def test_not_utf8(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A file that is not UTF-8 exits 2 and says where decoding failed."""
        path = tmp_path / "latin1.json"
        path.write_bytes(b'{"candidate": {"name": "Jos\xe9"}}')
        assert (
            2,
            "",
            f"interviewdecide: {path} is not UTF-8 text: invalid continuation byte at byte 27\n",
        ) == call(capsys, "decide", str(path))

    def test_standard_input_not_utf8(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Standard input that is not UTF-8 exits 2 too."""
        stdin = io.TextIOWrapper(io.BytesIO(b"\xff"), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", stdin)
        code, _, err = call(capsys, "triage", "-")
        assert (
            2,
            "interviewdecide: standard input is not UTF-8 text: invalid start byte at byte 0\n",
        ) == (code, err)

    def test_directory(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A directory is not an input file."""
        code, _, err = call(capsys, "triage", str(tmp_path))
        assert (2, f"interviewdecide: cannot read {tmp_path}: Is a directory\n") == (code, err)

    def test_invalid_json_and_toml(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A parse error gives the parser's message and where it happened."""
        (tmp_path / "a.json").write_text('{"candidate": }', encoding="utf-8")
        (tmp_path / "a.toml").write_text("[candidate]\nname = \n", encoding="utf-8")
        assert (
            2,
            "",
            f"interviewdecide: {tmp_path / 'a.json'} is not valid JSON: Expecting value (line 1, column 15)\n",
        ) == call(capsys, "triage", str(tmp_path / "a.json"))
        assert (
            2,
            "",
            f"interviewdecide: {tmp_path / 'a.toml'} is not valid TOML: Invalid value (at line 2, column 8)\n",
        ) == call(capsys, "triage", str(tmp_path / "a.toml"))


class TestToml:
    """TOML input, including its native dates and times."""

    def test_native_datetimes_are_read(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """An unquoted TOML datetime reads as the same ISO 8601 text."""
        path = tmp_path / "inbox.TOML"
        path.write_text(
            "[candidate]\nname = 'Mei Tan'\nyears_experience = 7\n"
            "[[candidate.offers]]\ncompany = 'Acme'\nreceived_at = 2026-11-20T09:30:00+01:00\n"
            "[[invitations]]\nposting = { title = 'Data Engineer', date_posted = 2026-11-02 }\n",
            encoding="utf-8",
        )
        inbox = load_inbox(str(path), io.StringIO())
        assert "2026-11-20T09:30:00+01:00" == inbox.candidate.offers[0].received_at.isoformat()  # type: ignore[union-attr]
        assert (0, "") == call(capsys, "triage", str(path))[::2]

    def test_local_times_are_refused(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A TOML time of day or naive datetime is not a datetime with an offset."""
        path = tmp_path / "inbox.toml"
        path.write_text(
            "[candidate]\nname = 'Mei Tan'\nyears_experience = 7\n"
            "[[candidate.offers]]\ncompany = 'Acme'\nreceived_at = 09:30:00\n"
            "[[candidate.offers]]\ncompany = 'Beta'\nreceived_at = 2026-11-20T09:30:00\n",
            encoding="utf-8",
        )
        assert [
            "Invalid isoformat string: '09:30:00' @ $.candidate.offers[0].received_at",
            "received_at: must be timezone-aware, got naive 2026-11-20T09:30:00 @ $.candidate.offers[1].received_at",
        ] == problems(capsys, str(path))

    def test_examples_are_equivalent(self) -> None:
        """examples/inbox.toml holds the same data as examples/inbox.json."""
        with (EXAMPLES / "inbox.toml").open("rb") as f:
            assert json.loads(INBOX.read_text(encoding="utf-8")) == tomllib.load(f)


class TestHtml:
    """Invitations that name a saved job page."""

    def test_saved_page(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A saved page's posting is read and decided."""
        shutil.copy(PAGE, tmp_path / "page.html")
        inbox = load_inbox(write(tmp_path, minimal(html="page.html")), io.StringIO())
        expected = JobPosting.from_html(PAGE.read_text(encoding="utf-8"))
        assert expected == inbox.invitations[0].posting

    def test_page_without_posting(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A page without a posting is reported with the page's name."""
        (tmp_path / "empty.html").write_text("<html><body>Hi</body></html>", encoding="utf-8")
        assert [
            "the page holds no JobPosting in JSON-LD, microdata or RDFa @ $ in empty.html (from $.invitations[0].html)"
        ] == problems(capsys, write(tmp_path, minimal(html="empty.html")))

    def test_without_the_extra(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without extruct, the problem says what to install."""
        shutil.copy(PAGE, tmp_path / "page.html")
        monkeypatch.setitem(sys.modules, "extruct", None)
        assert [
            "reading job pages needs the optional 'html' extra: pip install 'interviewdecide[html]' @ $.invitations[0].html"
        ] == problems(capsys, write(tmp_path, minimal(html="page.html")))


class TestTriage:
    """The triage subcommand, in-process."""

    def test_json_is_the_library_triage(self, capsys: pytest.CaptureFixture[str]) -> None:
        """triage --format json is to_json of the triage."""
        inbox = example_inbox()
        code, out, _ = call(capsys, "triage", str(INBOX), "-f", "json")
        assert (0, triage(inbox.candidate, inbox.invitations)) == (code, from_json(Triage, out))

    def test_markdown_groups(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The Markdown triage lists each group with the deciding reason."""
        _, out, _ = call(capsys, "triage", str(INBOX), "-f", "markdown")
        assert out.startswith(
            "# Triage\n\n6 interview requests: 3 to attend, 3 to decline, 0 deferred, 0 repeated.\n"
        )
        assert (
            "## Attend (most promising first)\n\n- **Senior Data Engineer at Veldhuis Energie** (request 1), decided by `fit`."
            in out
        )
        assert "## Decline (send each a short, polite e-mail)" in out

    def test_markdown_deferred_repeats_and_notes(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Deferred requests, repeats and batch notes get sections of their own."""
        yes = {
            "posting": {"title": "Data Engineer", "company": "Acme"},
            "matches_aspirations": True,
        }
        other = {"posting": {"title": "Data Engineer", "company": "Beta"}}
        data = minimal()
        data["invitations"] = [yes, other, yes]
        data["policy"] = {"max_interviews": 1}
        _, out, _ = call(capsys, "triage", write(tmp_path, data), "-f", "markdown")
        assert "3 interview requests: 1 to attend, 0 to decline, 1 deferred, 1 repeated." in out
        assert "## Deferred\n\n- **Data Engineer at Beta** (request 2)" in out
        assert "\n  Deferred: the policy caps a batch at 1 interview" in out
        assert "## Repeated requests\n\n- Request 3 is for the same posting as request 1" in out
        assert "## About the batch\n\n- `triage`: The verdicts call for 2 interviews" in out

    def test_one_request_in_markdown(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """One request is counted in the singular."""
        _, out, _ = call(capsys, "triage", write(tmp_path, minimal()), "-f", "markdown")
        assert "1 interview request: 1 to attend" in out


class TestDraftDecline:
    """The draft-decline subcommand, in-process."""

    def test_drafts_for_every_decline(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --index, each declined request gets the library's draft."""
        inbox = example_inbox()
        expected = [
            draft_decline(inbox.candidate, i, verdict=v)
            for i in inbox.invitations
            if (v := decide(inbox.candidate, i)).action is Action.DECLINE
        ]
        code, out, _ = call(capsys, "draft-decline", str(INBOX), "-f", "json")
        assert (0, expected) == (code, [from_json(Email, json.dumps(e)) for e in json.loads(out)])

    def test_text_is_addressed_and_wrapped(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The text form shows the recipient, the subject and the wrapped body."""
        _, out, _ = call(capsys, "draft-decline", str(INBOX), "--index", "6")
        assert out.startswith(
            "Request 6: Data Engineer at Tidewater Logistics\n" + "-" * 80 + "\n"
            "To: Sanne de Vries <sanne.devries@tidewater.example>\n"
            "Subject: Data Engineer interview: withdrawing\n\nDear Sanne,\n"
        )
        assert 80 >= max(len(line) for line in out.splitlines())

    def test_markdown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The Markdown form lists the headers and quotes the body."""
        _, out, _ = call(capsys, "draft-decline", str(INBOX), "--index", "2", "-f", "markdown")
        assert out.startswith(
            "## Request 2: Sales Engineer at Brightpath Software\n\n"
            "- To: (no address in the posting: fill it in)\n"
            "- Subject: Sales Engineer interview: withdrawing\n\n"
            "> Dear Hiring Team,\n>\n"
        )

    def test_attend_verdict_with_index(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--index on a request to attend drafts anyway, with a note on standard error."""
        code, out, err = call(
            capsys, "draft-decline", str(INBOX), "--index", "1", "--reason", "accepted_elsewhere"
        )
        assert 0 == code
        assert "I have recently accepted another position" in normalized(out)
        assert (
            "interviewdecide: note: the verdict on request 1 is to attend; "
            "drafting the decline you asked for anyway.\n"
        ) == err

    def test_nothing_to_decline(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """With every verdict to attend, there is no e-mail to draft."""
        path = write(tmp_path, minimal())
        assert (
            0,
            "No invitation is to be declined, so there is no e-mail to draft.\n",
            "",
        ) == call(capsys, "draft-decline", path)

    @pytest.mark.parametrize(
        ("contact", "expected"),
        [
            ({"name": "Ada Brun"}, "To: Ada Brun (no address in the posting: fill it in)"),
            ({"email": "jobs@acme.example"}, "To: jobs@acme.example"),
        ],
    )
    def test_partial_contacts(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        contact: dict[str, str],
        expected: str,
    ) -> None:
        """A contact with only a name, or only an address, is shown as it is."""
        data = minimal(posting={"title": "Data Engineer", "company": "Acme", "contact": contact})
        _, out, _ = call(capsys, "draft-decline", write(tmp_path, data), "--index", "1")
        assert expected == out.splitlines()[2]


class TestDisclose:
    """The disclose subcommand, in-process."""

    def test_keep_private_by_default(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With one offer and no sign of interest, keep it private."""
        inbox = example_inbox()
        code, out, _ = call(capsys, "disclose", str(INBOX), "-f", "json")
        assert (0, advise_disclosure(inbox.candidate)) == (code, from_json(DisclosureAdvice, out))

    def test_employer_from_index(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--index takes the employer from that request's posting."""
        inbox = example_inbox()
        _, out, _ = call(
            capsys, "disclose", str(INBOX), "--index", "1", "--final-stage", "-f", "json"
        )
        expected = advise_disclosure(inbox.candidate, employer="Veldhuis Energie", final_stage=True)
        assert expected == from_json(DisclosureAdvice, out)

    def test_employer_wins_over_index(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--employer is used when both are given."""
        inbox = example_inbox()
        _, out, _ = call(
            capsys,
            "disclose",
            str(INBOX),
            "--index",
            "1",
            "--employer",
            "Havenstad",
            "--employer-made-offer",
            "-f",
            "json",
        )
        expected = advise_disclosure(
            inbox.candidate, employer="Havenstad", employer_made_offer=True
        )
        assert expected == from_json(DisclosureAdvice, out)

    def test_text_and_markdown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Text is the library's account, wrapped; Markdown has the stance in bold."""
        inbox = example_inbox()
        _, text, _ = call(capsys, "disclose", str(INBOX), "--employer-made-offer")
        _, markdown, _ = call(capsys, "disclose", str(INBOX), "-f", "markdown")
        advice = advise_disclosure(inbox.candidate, employer_made_offer=True)
        assert normalized(advice.explain()) == normalized(text)
        assert 80 >= max(len(line) for line in text.splitlines())
        assert markdown.startswith("# Other offers\n\n**Keep private** (advice `disclosure`).\n")


class TestCheckTone:
    """The check-tone subcommand, in-process."""

    def test_courteous_draft(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A courteous draft exits 0 with nothing to report."""
        (tmp_path / "ok.txt").write_text(COURTEOUS, encoding="utf-8")
        assert (0, f"{tmp_path / 'ok.txt'}: no tone problems found.\n", "") == call(
            capsys, "check-tone", str(tmp_path / "ok.txt")
        )

    def test_rude_draft_formats(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A rude draft from standard input exits 1 in every format."""
        for fmt in FORMATS:
            monkeypatch.setattr(sys, "stdin", io.StringIO(RUDE))
            code, out, _ = call(capsys, "check-tone", "-", "-f", fmt)
            assert 1 == code
            if fmt == "json":
                assert 0 < json.loads(out)["counts"]["error"]
            elif fmt == "markdown":
                assert out.startswith("# Tone check\n\n- **error**: discourtesy")
            else:
                assert out.startswith("<stdin>:3:1: error: discourtesy")

    def test_warnings_alone_exit_zero(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Only errors make the exit status 1; a long draft is a warning."""
        long = (
            "Dear team,\n\n"
            + "Thank you for the kind invitation. " * 40
            + "\n\nKind regards,\nMei\n"
        )
        (tmp_path / "long.txt").write_text(long, encoding="utf-8")
        code, out, _ = call(capsys, "check-tone", str(tmp_path / "long.txt"))
        assert (0, "0 error(s), 1 warning(s).") == (code, out.splitlines()[-1])

    def test_missing_draft(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A missing draft exits 2."""
        code, _, err = call(capsys, "check-tone", str(tmp_path / "draft.txt"))
        assert (
            2,
            f"interviewdecide: cannot read {tmp_path / 'draft.txt'}: No such file or directory\n",
        ) == (code, err)

    def test_markdown_without_findings(self) -> None:
        """The Markdown report says when there is nothing to report."""
        assert "# Tone check\n\nNo tone problems found." == tone_markdown(())


class TestExample:
    """The example subcommand, in-process."""

    def test_standard_output_is_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """By default the example goes to standard output as JSON."""
        code, out, _ = call(capsys, "example")
        inbox = inbox_from_data(json.loads(out), ROOT)
        assert (0, example_inbox()) == (code, inbox)

    def test_toml_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format toml writes the same inbox in TOML, with comments."""
        _, out, _ = call(capsys, "example", "--format", "toml")
        assert out.startswith("# An example input for the interviewdecide command")
        assert example_inbox() == inbox_from_data(tomllib.loads(out), ROOT)

    def test_refuses_to_replace(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An existing file is kept unless --force is given."""
        target = tmp_path / "inbox.json"
        target.write_text("mine", encoding="utf-8")
        code, _, err = call(capsys, "example", "-o", str(target))
        assert (
            2,
            f"interviewdecide: {target} already exists; pass --force to replace it\n",
            "mine",
        ) == (code, err, target.read_text(encoding="utf-8"))
        code, _, err = call(capsys, "example", "-o", str(target), "--force")
        assert (0, f"interviewdecide: wrote an example input to {target}\n") == (code, err)
        assert example_inbox() == load_inbox(str(target), io.StringIO())

    def test_unwritable_target(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A target in a missing directory exits 2."""
        target = tmp_path / "no" / "inbox.json"
        code, _, err = call(capsys, "example", "-o", str(target))
        assert (2, f"interviewdecide: cannot write {target}: No such file or directory\n") == (
            code,
            err,
        )


class TestRendering:
    """The renderers' corners that the example inbox does not reach."""

    def test_wrap_keeps_blank_lines_and_hangs_items(self) -> None:
        """Blank lines stay; a list item continues under its text."""
        text = "  - " + "word " * 20 + "\n\nend"
        assert "  - " + " ".join(["word"] * 15) + "\n    word word word word word\n\nend" == wrap(
            text
        )

    def test_label_without_company(self) -> None:
        """A posting without an employer says so."""
        assert "Analyst (employer not named)" == JobPosting(title="Analyst").label

    def test_markdown_escapes_markup(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Names from the input cannot turn into Markdown markup."""
        data = minimal(posting={"title": "*Lead* Engineer_1 [remote]", "company": "A<b>"})
        _, out, _ = call(capsys, "decide", write(tmp_path, data), "-f", "markdown")
        assert out.startswith("## Request 1: \\*Lead\\* Engineer\\_1 \\[remote\\] at A\\<b\\>\n")

    def test_markdown_children_and_no_alternative(self) -> None:
        """A combinator's children are nested; a lone decider has no alternative line."""
        pipeline = Pipeline((rules.all_of(rules.accepted_offer, rules.learning),))
        verdict = pipeline.decide(
            Candidate(name="Mei", years_experience=1), JobPosting(title="Analyst")
        )
        text = verdict_markdown(0, JobPosting(title="Analyst"), verdict)
        assert "\n  - `accepted-offer`: not applicable." in text
        assert "Without" not in text
        assert "What would change" not in text

    def test_invitation_type_is_kept(self) -> None:
        """The inbox holds Invitation values, as to_json writes them."""
        inbox = example_inbox()
        assert inbox.invitations == tuple(
            from_json(Invitation, to_json(i)) for i in inbox.invitations
        )


class TestEntryPoints:
    """python -m interviewdecide and a closed pipe, in-process for coverage."""

    def test_python_dash_m(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Running the package as a script exits with main()'s status."""
        monkeypatch.setattr(sys, "argv", ["interviewdecide", "example"])
        monkeypatch.delitem(sys.modules, "interviewdecide.__main__", raising=False)
        with pytest.raises(SystemExit) as exc:
            runpy.run_module("interviewdecide", run_name="__main__")
        assert 0 == exc.value.code
        assert capsys.readouterr().out.startswith("{")

    def test_broken_pipe(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """A closed standard output ends the command quietly with status 1."""
        sink = (tmp_path / "sink").open("w")

        class Closed(io.StringIO):
            def write(self, s: str) -> int:
                raise BrokenPipeError

            def fileno(self) -> int:
                return sink.fileno()

        monkeypatch.setattr(sys, "stdout", Closed())
        try:
            assert 1 == main(["example"])
        finally:
            sink.close()

    def test_console_script_target(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The console script's entry point, interviewdecide.__main__:main, is the command."""
        monkeypatch.delitem(sys.modules, "interviewdecide.__main__", raising=False)
        module = importlib.import_module("interviewdecide.__main__")
        assert main is module.main


class TestDocs:
    """The command-line reference shows what the command really prints."""

    def test_console_blocks_are_real_output(self, tmp_path: Path) -> None:
        """Each console block of docs/cli.md is the output of its command, run again."""
        shutil.copytree(EXAMPLES, tmp_path / "examples")
        text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
        blocks = re.findall(r"```console\n\$ interviewdecide ([^\n]*)\n(.*?)```", text, re.DOTALL)
        assert 12 == len(blocks)
        for command, shown in blocks:
            done = run(*shlex.split(command), cwd=tmp_path)
            # A missing posting file names the folder looked in; the page shows a home folder.
            out = (done.stdout + done.stderr).replace(
                str(tmp_path.resolve()), "/home/mei/job-search"
            )
            assert (command, shown) == (command, out)
