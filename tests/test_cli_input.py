"""The command reading its input: JSON, TOML, standard input, saved job pages, bad input."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT, call, minimal, run, write
from interviewdecide import Inbox, JobPosting

EXAMPLES = ROOT / "examples"
INBOX = EXAMPLES / "inbox.json"
PAGE = ROOT / "tests" / "data" / "saved-job-page.html"


def problems(capsys: pytest.CaptureFixture[str], path: str, *args: str) -> list[str]:
    """Run ``decide`` on ``path`` expecting bad input; return the problem lines."""
    code, out, err = call(capsys, "decide", path, *args)
    assert (2, "") == (code, out)
    head, *lines = err.splitlines()
    assert head.startswith("interviewdecide: invalid input in ")
    return [line.strip() for line in lines]


class TestEndToEnd:
    """Input files as users give them, the command run as a subprocess."""

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


class TestStandardInput:
    """Standard input, in-process: errors name it."""

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
        inbox = Inbox.from_file(path)
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
        inbox = Inbox.from_file(write(tmp_path, minimal(html="page.html")))
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
