"""The check-tone subcommand, and draft-decline's e-mail habits (issue #11)."""

from __future__ import annotations

import email
import email.policy
import io
import json
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

from conftest import ROOT, call, run

INBOX = ROOT / "examples" / "inbox.json"
RUDE = "Dear team,\n\nStop e-mailing me. I am far too experienced for this job.\n\nMei\n"
FINE = "Hi Jo,\n\nThanks so much for the invite!! I will withdraw.\n\nBest,\nAl\n"
COURTEOUS = (
    "Dear Ms Jansen,\n\nThank you for the invitation to interview. I have decided not to "
    "go ahead, but I hope our paths cross again.\n\nKind regards,\nMei Tan\n"
)
FORMATS = ("text", "markdown", "json")


def drafts(tmp_path: Path, **texts: str) -> list[str]:
    paths = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def invitation(tmp_path: Path, **headers: str) -> str:
    """The recruiter's invitation, written by the stdlib as an .eml file."""
    message = EmailMessage()
    message["From"] = "Sanne de Vries <sanne.devries@tidewater.example>"
    message["To"] = "mei.tan@example.org"
    message["Subject"] = "Uitnodiging: gesprek Data Engineer — Tidewater"
    message["Message-ID"] = "<inv-1@tidewater.example>"
    message["References"] = " ".join(f"<r{i}@tidewater.example>" for i in range(6))
    for name, value in headers.items():
        del message[name.replace("_", "-")]
        message[name.replace("_", "-")] = value
    message.set_content("Beste Mei,\n\nWe nodigen je uit voor een gesprek.\n")
    path = tmp_path / "invite.eml"
    path.write_bytes(message.as_bytes())
    return str(path)


class TestCheckToneFiles:
    """check-tone reads several files and places findings at file:line:col."""

    def test_positions_and_several_files(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each finding starts with its file, line and column; exit 1 on an error."""
        rude, fine = drafts(tmp_path, rude=RUDE, fine=FINE)
        code, out, _ = call(capsys, "check-tone", rude, fine)
        assert 1 == code
        lines = out.splitlines()
        assert f"{rude}:3:1: error: discourtesy [discourtesy-stop-writing]" == lines[0]
        assert f"{rude}:3:25: error: arrogance [arrogance-too-experienced]" in lines
        assert f"{fine}: no tone problems found." == lines[-1]

    def test_ignore_rules_and_categories(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--ignore takes rule ids and categories, repeated or comma-separated."""
        [rude] = drafts(tmp_path, rude=RUDE)
        code, out, _ = call(
            capsys, "check-tone", "--ignore", "arrogance", "--ignore",
            "discourtesy-stop-writing,", rude,
        )  # fmt: skip
        assert (0, f"{rude}: no tone problems found.\n") == (code, out)

    def test_unknown_ignore_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown name is bad input: exit 2, named on standard error."""
        [rude] = drafts(tmp_path, rude=RUDE)
        code, out, err = call(capsys, "check-tone", "--ignore", "rudeness", rude)
        assert (2, "") == (code, out)
        assert "--ignore: unknown rule id or category: 'rudeness'" in err

    @pytest.mark.parametrize("text", ["", "  \n\t\n"])
    def test_empty_draft_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
    ) -> None:
        """An empty or blank draft is an error, not a clean report."""
        [fine, empty] = drafts(tmp_path, fine=FINE, empty=text)
        code, out, err = call(capsys, "check-tone", fine, empty)
        assert (2, "") == (code, out)
        assert f"{empty} is empty: there is no draft to check" in err

    def test_too_long_draft_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A draft past MAX_DRAFT_CHARS is refused with its length and file."""
        [long] = drafts(tmp_path, long="word " * 20_001)
        code, _, err = call(capsys, "check-tone", long)
        assert 2 == code
        assert f"{long}: a draft of 100,005 characters" in err

    def test_json_for_several_files(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """One file gives one report object; several give a list, each with its file."""
        rude, fine = drafts(tmp_path, rude=RUDE, fine=FINE)
        _, one, _ = call(capsys, "check-tone", "-f", "json", rude)
        _, both, _ = call(capsys, "check-tone", "-f", "json", rude, fine)
        assert {"error": 2, "warning": 0} == json.loads(one)["counts"]
        assert [rude, fine] == [r["file"] for r in json.loads(both)]
        assert [2, 0] == [len(r["findings"]) for r in json.loads(both)]

    def test_markdown_for_several_files(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Several files get a heading each."""
        rude, fine = drafts(tmp_path, rude=RUDE, fine=FINE)
        _, out, _ = call(capsys, "check-tone", "-f", "markdown", rude, fine)
        assert [f"## {rude}", f"## {fine}"] == [ln for ln in out.splitlines() if ln[:3] == "## "]


class TestReplyEml:
    """draft-decline --reply-to FILE.eml -o reply.eml writes a threaded reply."""

    def test_reply_threads(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The written .eml, parsed back by the stdlib, threads under the invitation."""
        out_path = tmp_path / "reply.eml"
        code, out, err = call(
            capsys, "draft-decline", str(INBOX), "--index", "6",
            "--reply-to", invitation(tmp_path), "-o", str(out_path),
        )  # fmt: skip
        assert (0, "") == (code, out)
        assert f"wrote the e-mail to {out_path}" in err
        parsed = email.message_from_bytes(out_path.read_bytes(), policy=email.policy.default)
        assert "Re: Uitnodiging: gesprek Data Engineer — Tidewater" == str(parsed["Subject"])
        assert "<inv-1@tidewater.example>" == str(parsed["In-Reply-To"])
        expected = [f"<r{i}@tidewater.example>" for i in range(6)] + ["<inv-1@tidewater.example>"]
        assert expected == str(parsed["References"]).split()
        assert ["sanne.devries@tidewater.example"] == [a.addr_spec for a in parsed["To"].addresses]
        assert "mei.tan@example.org" == parsed["From"].addresses[0].addr_spec
        assert parsed.get_content().startswith("Dear Sanne,\n")

    def test_refuses_to_replace(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An existing output file is kept unless --force is given."""
        out_path = tmp_path / "reply.eml"
        out_path.write_bytes(b"keep me")
        args = ["draft-decline", str(INBOX), "--index", "6", "-o", str(out_path)]
        code, _, err = call(capsys, *args)
        assert (2, b"keep me") == (code, out_path.read_bytes())
        assert "already exists; pass --force to replace it" in err
        assert 0 == call(capsys, *args, "--force")[0]
        assert out_path.read_bytes().startswith(b"To: Sanne de Vries")

    @pytest.mark.parametrize("option", ["--reply-to", "-o"])
    def test_needs_an_index(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
    ) -> None:
        """One e-mail only: without --index the option is refused."""
        code, _, err = call(capsys, "draft-decline", str(INBOX), option, str(tmp_path / "x.eml"))
        assert 2 == code
        assert "drafts one e-mail: pick the request with --index N" in err

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"", "is empty: there is no message to reply to"),
            (b"From: Tidewater Recruiting\n\nHi\n", "reply_to.From: "),
            (None, "cannot read"),
            (b"x" * 6_000, "is larger than 5,000 bytes"),
        ],
    )
    def test_bad_eml(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        content: bytes | None,
        message: str,
    ) -> None:
        """An empty, address-less, missing or oversized .eml exits 2 with the reason."""
        path = tmp_path / "invite.eml"
        if content is not None:
            path.write_bytes(content)
        code, _, err = call(
            capsys, "draft-decline", str(INBOX), "--index", "6", "--reply-to", str(path),
            "--max-file-size", "5000",
        )  # fmt: skip
        assert 2 == code
        assert message in err

    def test_unwritable_output(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A path that cannot be written exits 2 naming it."""
        target = tmp_path / "missing" / "reply.eml"
        code, _, err = call(capsys, "draft-decline", str(INBOX), "--index", "6", "-o", str(target))
        assert 2 == code
        assert f"cannot write {target}" in err


class TestCheckToneCommand:
    """The check-tone subcommand, as a subprocess and in-process: exit status and formats."""

    def test_check_tone_end_to_end(self, tmp_path: Path) -> None:
        """check-tone reads a file; an arrogant, rude draft exits 1."""
        (tmp_path / "rude.txt").write_text(RUDE, encoding="utf-8")
        done = run("check-tone", str(tmp_path / "rude.txt"))
        assert (1, "") == (done.returncode, done.stderr)
        assert "error: discourtesy" in done.stdout

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

    def test_markdown_without_findings(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """The Markdown report says when there is nothing to report."""
        (tmp_path / "ok.txt").write_text(COURTEOUS, encoding="utf-8")
        assert (0, "# Tone check\n\nNo tone problems found.\n", "") == call(
            capsys, "check-tone", "-f", "markdown", str(tmp_path / "ok.txt")
        )
