"""The command at its limits: deep nesting, closed streams, special files, huge inputs."""

from __future__ import annotations

import errno
import io
import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import call
from conftest import write as write_json
from interviewdecide import InvalidInput, JobPosting, Problem, Triage, from_json, to_json
from interviewdecide.__main__ import main
from interviewdecide._cli._inbox import MAX_FILE_SIZE, inbox_from_data
from interviewdecide._cli._main import MAX_PROBLEMS

ROOT = Path(__file__).parent.parent
INBOX = ROOT / "examples" / "inbox.json"
DRAFT = ROOT / "examples" / "decline-draft.txt"
PROG = [sys.executable, "-m", "interviewdecide"]

#: A posting in schema.org JSON-LD with text outside ASCII, and outside the BMP.
LD = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Ingénieur données 🚀",
    "hiringOrganization": {"@type": "Organization", "name": "Énergie Nord"},
    "jobLocation": {"@type": "Place", "address": {"addressLocality": "København"}},
    "experienceRequirements": {"monthsOfExperience": 36},
}


def inbox_data(*invitations: Any) -> dict[str, Any]:
    """An input document for Mei Tan with ``invitations``."""
    return {
        "candidate": {"name": "Mei Tan", "years_experience": 7},
        "invitations": list(invitations) or [{"schema_org": LD}],
    }


def write(tmp_path: Path, data: Any, name: str = "inbox.json") -> str:
    """Write ``data`` with its text as UTF-8, not escaped: the readers must decode it."""
    return write_json(tmp_path, data, name, escaped=False)


def run(
    *args: str,
    stdin: Any = None,
    stdout: Any = subprocess.PIPE,
    stderr: Any = subprocess.PIPE,
    env: dict[str, str] | None = None,
    close: int | None = None,
    cwd: Path = ROOT,
) -> subprocess.CompletedProcess[bytes]:
    """Run the command as a subprocess; ``close`` names a descriptor the child starts without.

    Unlike conftest's ``run``, it works in bytes and takes the streams, environment
    and descriptors that the stream tests below break on purpose.
    """
    preexec: Callable[[], None] | None = None
    if close is not None:
        fd = close

        def preexec() -> None:
            os.close(fd)

    return subprocess.run(
        [*PROG, *args],
        stdin=stdin,
        stdout=stdout,
        stderr=stderr,
        env=env,
        cwd=cwd,
        preexec_fn=preexec,
        check=False,
        timeout=300,  # a safety net against a hang, not a time limit under test
    )


def problems(capsys: pytest.CaptureFixture[str], path: str, *args: str) -> list[str]:
    """Run ``decide`` on ``path`` expecting bad input; return the problem lines."""
    code, out, err = call(capsys, "decide", path, *args)
    assert (2, "") == (code, out)
    head, *lines = err.splitlines()
    assert f"interviewdecide: invalid input in {path}:" == head
    return [line.strip() for line in lines]


class TestDeepNesting:
    """Nesting deeper than Python recurses is bad input, never a RecursionError."""

    @pytest.mark.parametrize("opening", ["[", '{"a": '])
    def test_from_html_json_ld_nested_10000_deep(self, opening: str) -> None:
        """A JSON-LD script nested 10,000 deep in a page is InvalidInput at $."""
        closing = "]" if opening == "[" else "}"
        script = opening * 10_000 + ("" if opening == "[" else "1") + closing * 10_000
        page = f'<html><head><script type="application/ld+json">{script}</script></head></html>'
        with pytest.raises(InvalidInput) as exc:
            JobPosting.from_html(page)
        assert (Problem("$", "a JSON-LD script of the page is nested too deeply"),) == (
            exc.value.problems
        )

    def test_deep_page_named_by_an_inbox(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A saved page named by the input is reported at its invitation's path."""
        script = '{"@type": "JobPosting", "x": ' + "[" * 5000 + "]" * 5000 + "}"
        (tmp_path / "deep.html").write_text(
            f'<script type="application/ld+json">{script}</script>', encoding="utf-8"
        )
        assert [
            "a JSON-LD script of the page is nested too deeply @ $ in deep.html "
            "(from $.invitations[0].html)"
        ] == problems(capsys, write(tmp_path, inbox_data({"html": "deep.html"})))

    def test_toml_nested_1000_deep(self, tmp_path: Path) -> None:
        """TOML arrays nested 1,000 deep exit 2 with one line and no traceback."""
        path = tmp_path / "deep.toml"
        path.write_text(
            '[candidate]\nname = "Mei"\nyears_experience = 7\n[policy]\n'
            f"note = {'[' * 1000}{']' * 1000}\n",
            encoding="utf-8",
        )
        done = run("triage", str(path))
        assert (2, b"", f"interviewdecide: {path} is not valid TOML: nested too deeply\n") == (
            done.returncode,
            done.stdout,
            done.stderr.decode(),
        )

    def test_json_nested_100000_deep_and_a_huge_number(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """JSON that Python cannot parse (too deep, or a 5,000-digit integer) is one line."""
        deep = tmp_path / "deep.json"
        deep.write_text('{"candidate": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
        digits = tmp_path / "digits.json"
        digits.write_text('{"invitations": ' + "9" * 5000 + "}", encoding="utf-8")
        assert (2, "", f"interviewdecide: {deep} is not valid JSON: nested too deeply\n") == call(
            capsys, "triage", str(deep)
        )
        code, _, err = call(capsys, "triage", str(digits))
        assert (2, f"interviewdecide: {digits} is not valid JSON: Exceeds the limit") == (
            code,
            err[: len(f"interviewdecide: {digits} is not valid JSON: Exceeds the limit")],
        )

    @pytest.mark.parametrize("depth", [490, 600, 5000])
    def test_toml_inline_tables_and_arrays(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, depth: int
    ) -> None:
        """Around the depth where it used to break, TOML is read or refused, never a crash."""
        value = "{ a = " * depth + "1" + " }" * depth
        path = tmp_path / "deep.toml"
        path.write_text(
            f'[candidate]\nname = "Mei"\nyears_experience = 7\n[policy]\nnote = {value}\n',
            encoding="utf-8",
        )
        code, out, err = call(capsys, "triage", str(path))
        assert (2, "") == (code, out)
        assert err in (
            f"interviewdecide: invalid input in {path}:\n  unknown field(s) note @ $.policy\n",
            f"interviewdecide: {path} is not valid TOML: nested too deeply\n",
        )


class TestClosedAndFailingStreams:
    """Closed, full or narrow standard streams end with a message, not a traceback."""

    def test_standard_input_closed(self) -> None:
        """decide - <&- exits 2 and says standard input is closed."""
        done = run("decide", "-", close=0)
        assert (2, b"", b"interviewdecide: cannot read standard input: it is closed\n") == (
            done.returncode,
            done.stdout,
            done.stderr,
        )

    def test_standard_output_closed(self) -> None:
        """decide INBOX >&- exits 2 and says standard output is closed."""
        done = run("decide", str(INBOX), stdout=None, close=1)
        assert (2, b"interviewdecide: cannot write to standard output: it is closed\n") == (
            done.returncode,
            done.stderr,
        )

    def test_closed_standard_output_is_not_needed_to_write_a_file(self, tmp_path: Path) -> None:
        """example -o PATH >&- still writes PATH: it writes nothing to standard output."""
        target = tmp_path / "inbox.toml"
        done = run("example", "-o", str(target), stdout=None, close=1)
        assert (0, f"interviewdecide: wrote an example input to {target}\n") == (
            done.returncode,
            done.stderr.decode(),
        )
        assert target.read_text(encoding="utf-8").startswith("#")

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
    @pytest.mark.parametrize(
        "args", [("decide", str(INBOX), "--index", "1"), ("triage", str(INBOX), "-f", "json")]
    )
    def test_full_disk(self, args: tuple[str, ...]) -> None:
        """> /dev/full exits 2 with the system's reason, for short and long output alike."""
        with Path("/dev/full").open("wb") as full:
            done = run(*args, stdout=full)
        assert (
            2,
            b"interviewdecide: cannot write to standard output: No space left on device\n",
        ) == (done.returncode, done.stderr)

    def test_standard_error_closed(self) -> None:
        """Bad input with 2>&- still exits 2, and standard output stays empty."""
        done = run("triage", str(ROOT / "examples" / "broken-inbox.json"), stderr=None, close=2)
        assert (2, b"") == (done.returncode, done.stdout)

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
    def test_full_standard_error_keeps_the_output(self) -> None:
        """A note that cannot go to standard error does not withhold the e-mail."""
        with Path("/dev/full").open("wb") as full:
            done = run("draft-decline", str(INBOX), "--index", "1", stderr=full)
        assert 0 == done.returncode
        assert done.stdout.decode().startswith("Request 1: Senior Data Engineer")

    def test_check_tone_in_an_ascii_locale(self) -> None:
        """check-tone with curly quotes under LC_ALL=C PYTHONIOENCODING=ascii escapes them."""
        env = {**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}
        done = run("check-tone", str(DRAFT), env=env)
        wide = run("check-tone", str(DRAFT))
        assert (1, b"") == (done.returncode, done.stderr)
        assert wide.stdout.decode().replace("\u201c", "\\u201c").replace(
            "\u201d", "\\u201d"
        ) == done.stdout.decode("ascii")

    @pytest.mark.parametrize("command", [["triage"], ["draft-decline", "--index", "1"]])
    def test_json_in_an_ascii_locale_is_the_same_json(
        self, command: list[str], tmp_path: Path
    ) -> None:
        """JSON written to an ASCII stream holds the same values, emoji included."""
        path = write(tmp_path, inbox_data())
        env = {**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}
        narrow = run(*command, path, "-f", "json", env=env)
        wide = run(*command, path, "-f", "json")
        assert (0, wide.stderr) == (narrow.returncode, narrow.stderr)
        assert b"\\ud83d\\ude80" in narrow.stdout
        assert json.loads(wide.stdout.decode()) == json.loads(narrow.stdout.decode("ascii"))

    def test_standard_input_is_utf8_in_an_ascii_locale(self, tmp_path: Path) -> None:
        """decide - reads UTF-8 JSON whatever the locale says."""
        path = Path(write(tmp_path, inbox_data()))
        env = {**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}
        with path.open("rb") as stdin:
            done = run("triage", "-", "-f", "json", stdin=stdin, env=env)
        assert (0, b"") == (done.returncode, done.stderr)
        [item] = json.loads(done.stdout)["attend"] + json.loads(done.stdout)["decline"]
        assert LD["title"] == item["invitation"]["posting"]["title"]


class TestStreamsInProcess:
    """The same stream failures, with main() called in-process."""

    def test_closed_streams(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """No standard input or output (None in sys) gives exit 2 and a message."""
        monkeypatch.setattr(sys, "stdin", None)
        assert (2, "", "interviewdecide: cannot read standard input: it is closed\n") == call(
            capsys, "triage", "-"
        )
        monkeypatch.setattr(sys, "stdout", None)
        assert 2 == main(["example"])
        assert "interviewdecide: cannot write to standard output: it is closed\n" == (
            capsys.readouterr().err
        )

    def test_closed_standard_output_and_a_file(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Without standard output, a command that writes none still succeeds."""
        monkeypatch.setattr(sys, "stdout", None)
        assert 0 == main(["example", "-o", str(tmp_path / "x.json")])
        assert (tmp_path / "x.json").read_text(encoding="utf-8").startswith("{")

    def test_closed_standard_error(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without standard error, bad input still exits 2."""
        monkeypatch.setattr(sys, "stderr", None)
        assert 2 == main(["triage", str(ROOT / "examples" / "nowhere.json")])
        assert "" == capsys.readouterr().out

    def test_failing_standard_error(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A standard error that raises (full, or closed by the caller) is not fatal."""

        class Full(io.StringIO):
            def write(self, s: str) -> int:
                raise OSError(errno.ENOSPC, "No space left on device")

        closed = io.StringIO()
        closed.close()
        for stream in (Full(), closed):
            monkeypatch.setattr(sys, "stderr", stream)
            assert 0 == main(["draft-decline", str(INBOX), "--index", "1"])
            assert capsys.readouterr().out.startswith("Request 1: Senior Data Engineer")

    def test_failing_standard_output(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """A write error other than a broken pipe exits 2 and names the reason."""
        sink = (tmp_path / "sink").open("w")
        errors = io.StringIO()

        class Full(io.StringIO):
            def write(self, s: str) -> int:
                raise OSError(errno.ENOSPC, "No space left on device")

        class FullFile(Full):
            def fileno(self) -> int:
                return sink.fileno()

        monkeypatch.setattr(sys, "stderr", errors)
        try:
            for stream in (Full(), FullFile()):
                monkeypatch.setattr(sys, "stdout", stream)
                assert 2 == main(["triage", str(INBOX)])
        finally:
            sink.close()
        assert 2 * [
            "interviewdecide: cannot write to standard output: No space left on device"
        ] == (errors.getvalue().splitlines())

    def test_failing_standard_input(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A read error on standard input exits 2 with the system's reason."""

        class Broken(io.StringIO):
            def read(self, size: int | None = -1) -> str:
                raise OSError(errno.EIO, "Input/output error")

        monkeypatch.setattr(sys, "stdin", Broken())
        assert (2, "", "interviewdecide: cannot read standard input: Input/output error\n") == call(
            capsys, "decide", "-"
        )

    def test_ascii_streams(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An ASCII standard output gets JSON escapes; an ASCII standard input reads UTF-8."""
        monkeypatch.chdir(INBOX.parent)
        text = INBOX.read_text(encoding="utf-8").replace("Mei Tan", "Zoë Tan 🚀")
        stdin = io.TextIOWrapper(io.BytesIO(text.encode()), encoding="ascii")
        stdout = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
        monkeypatch.setattr(sys, "stdin", stdin)
        monkeypatch.setattr(sys, "stdout", stdout)
        assert 0 == main(["draft-decline", "-", "--index", "2"])
        stdout.flush()
        written = stdout.buffer.getvalue().decode("ascii")
        assert "Zo\\u00eb Tan \\ud83d\\ude80\n" == written.splitlines(keepends=True)[-2]


class TestPostingFiles:
    """Files an input names for its postings: regular files of bounded size only."""

    def test_devices(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """/dev/zero and /dev/urandom are refused before a byte is read."""
        data = inbox_data({"html": "/dev/zero"}, {"schema_org": "/dev/urandom"})
        assert [
            "/dev/zero is a device, not a regular file @ $.invitations[0].html",
            "/dev/urandom is a device, not a regular file @ $.invitations[1].schema_org",
        ] == problems(capsys, write(tmp_path, data))

    def test_devices_end_to_end(self, tmp_path: Path) -> None:
        """The command itself ends at once on a device, with exit status 2."""
        path = write(tmp_path, inbox_data({"html": "/dev/zero"}))
        done = run("triage", path)
        assert (2, f"interviewdecide: invalid input in {path}:\n") == (
            done.returncode,
            done.stderr.decode().splitlines(keepends=True)[0],
        )

    def test_directory_pipe_and_socket(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A directory, a named pipe with no writer and a socket are each named for what they are."""
        (tmp_path / "postings").mkdir()
        os.mkfifo(tmp_path / "pipe.jsonld")
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(tmp_path / "sock.html"))
            data = inbox_data(
                {"schema_org": "postings"},
                {"schema_org": "pipe.jsonld"},
                {"html": "sock.html"},
            )
            found = problems(capsys, write(tmp_path, data))
        assert [
            "postings is a directory, not a regular file @ $.invitations[0].schema_org",
            "pipe.jsonld is a named pipe, not a regular file @ $.invitations[1].schema_org",
            "cannot read sock.html: No such device or address @ $.invitations[2].html",
        ] == found

    def test_size_limit(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A posting file over the limit is refused; --max-file-size moves the limit."""
        padded = json.dumps(LD, ensure_ascii=False) + " " * MAX_FILE_SIZE
        (tmp_path / "big.jsonld").write_text(padded, encoding="utf-8")
        size = len(padded.encode())
        path = write(tmp_path, inbox_data({"schema_org": "big.jsonld"}))
        assert [
            f"big.jsonld holds {size:,} bytes, over the limit of {MAX_FILE_SIZE:,} "
            "@ $.invitations[0].schema_org"
        ] == problems(capsys, path)
        assert [
            f"big.jsonld holds {size:,} bytes, over the limit of 1,024 @ $.invitations[0].schema_org"
        ] == problems(capsys, path, "--max-file-size", "1k")
        code, out, _ = call(capsys, "decide", path, "--max-file-size", "6M", "-f", "json")
        assert (0, 1) == (code, len(json.loads(out)))

    @pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
    def test_file_larger_than_it_says(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A file whose stated size is 0 but holds more (as in /proc) is still bounded."""
        path = write(tmp_path, inbox_data({"html": "/proc/self/status"}))
        assert [
            "/proc/self/status holds more than the limit of 16 bytes @ $.invitations[0].html"
        ] == problems(capsys, path, "--max-file-size", "16")

    def test_read_error(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An I/O error after the file is opened is reported with the system's reason."""
        (tmp_path / "p.jsonld").write_text(json.dumps(LD), encoding="utf-8")
        path = write(tmp_path, inbox_data({"schema_org": "p.jsonld"}))

        def fstat(fd: int) -> os.stat_result:
            raise OSError(errno.EIO, "Input/output error")

        monkeypatch.setattr(os, "fstat", fstat)
        found = problems(capsys, path)
        monkeypatch.undo()
        assert ["cannot read p.jsonld: Input/output error @ $.invitations[0].schema_org"] == found

    def test_not_utf8(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A posting file in Latin-1 is refused with the byte where decoding failed."""
        (tmp_path / "latin1.html").write_bytes(b"<title>Ing\xe9nieur</title>")
        assert [
            "latin1.html is not UTF-8 text: invalid continuation byte at byte 10 @ $.invitations[0].html"
        ] == problems(capsys, write(tmp_path, inbox_data({"html": "latin1.html"})))

    @pytest.mark.parametrize(
        ("given", "expected"), [("800", 800), ("1k", 1024), ("2K", 2048), (" 1kib ", 1024)]
    )
    def test_size_option(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, given: str, expected: int
    ) -> None:
        """--max-file-size takes bytes, or k, M and G as binary multiples."""
        (tmp_path / "p.jsonld").write_text(json.dumps(LD) + " " * expected, encoding="utf-8")
        path = write(tmp_path, inbox_data({"schema_org": "p.jsonld"}))
        [problem] = problems(capsys, path, "--max-file-size", given)
        assert (
            f"over the limit of {expected:,} @ $.invitations[0].schema_org"
            == problem.split(", ", 1)[1]
        )

    @pytest.mark.parametrize("given", ["2k", "5M", "1G", "1GiB", "3mb"])
    def test_larger_sizes_admit_the_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, given: str
    ) -> None:
        """A 2 KiB posting file is read under each limit of at least 2 KiB."""
        (tmp_path / "p.jsonld").write_text(json.dumps(LD).ljust(2048), encoding="utf-8")
        path = write(tmp_path, inbox_data({"schema_org": "p.jsonld"}))
        code, out, err = call(capsys, "triage", path, "--max-file-size", given, "-f", "json")
        assert (0, "") == (code, err)
        assert "Énergie Nord" in out

    @pytest.mark.parametrize("given", ["0", "-1", "5T", "lots", "1.5M"])
    def test_bad_size_option(self, capsys: pytest.CaptureFixture[str], given: str) -> None:
        """A size that is not a whole number of bytes from 1 up is misuse (exit 2)."""
        with pytest.raises(SystemExit) as exc:
            main(["triage", str(INBOX), "--max-file-size", given])
        assert 2 == exc.value.code
        assert (
            f"argument --max-file-size: expected a size in bytes from 1 up, such as 800000, "
            f"512k or 5M, got {given!r}"
        ) in capsys.readouterr().err


class TestProblemCap:
    """Bad input reports at most MAX_PROBLEMS problems, then counts the rest."""

    @staticmethod
    def messy(n: int) -> list[Any]:
        """``n`` invalid invitations of several kinds."""
        kinds: list[Any] = [
            7,
            {"posting": {"title": ""}},
            {"schema_org": ""},
            {"posting": {"title": "X"}, "matches_aspirations": "yes"},
        ]
        return [kinds[i % len(kinds)] for i in range(n)]

    @pytest.mark.parametrize(
        ("count", "tail"), [(49, []), (50, []), (51, ["... and 1 more problem"])]
    )
    def test_at_the_cap(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, count: int, tail: list[str]
    ) -> None:
        """Up to fifty problems are all listed; the fifty-first is counted instead."""
        data = inbox_data(*self.messy(count))
        with pytest.raises(InvalidInput) as every:
            inbox_from_data(data, tmp_path)
        assert count == len(every.value.problems)
        assert [*map(str, every.value.problems[:MAX_PROBLEMS]), *tail] == problems(
            capsys, write(tmp_path, data)
        )

    def test_many_invalid_invitations(self, tmp_path: Path) -> None:
        """200,000 bad invitations print 52 lines, not 200,001."""
        path = tmp_path / "huge.json"
        path.write_text(
            '{"candidate": {"name": "Mei Tan", "years_experience": 7}, "invitations": ['
            + ", ".join(["7"] * 200_000)
            + "]}",
            encoding="utf-8",
        )
        done = run("triage", str(path))
        lines = done.stderr.decode().splitlines()
        assert (2, MAX_PROBLEMS + 2) == (done.returncode, len(lines))
        assert "  ... and 199,950 more problems" == lines[-1]


class TestJsonOutput:
    """JSON output is written in pieces, and is the same text to_json writes."""

    def test_large_triage_is_written_in_pieces(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A triage of 300 requests goes out in many bounded writes that add up to to_json."""
        postings = [
            {"posting": {"title": f"Data Engineer {i}", "company": f"Företag {i}"}}
            for i in range(300)
        ]
        path = write(tmp_path, inbox_data(*postings, {"schema_org": LD}))

        class Recorder(io.StringIO):
            sizes: list[int] = []  # noqa: RUF012 -- one recorder per test

            def write(self, s: str) -> int:
                self.sizes.append(len(s))
                return super().write(s)

        out = Recorder()
        monkeypatch.setattr(sys, "stdout", out)
        assert 0 == main(["triage", path, "-f", "json"])
        text = out.getvalue()
        assert to_json(from_json(Triage, text), indent=2) + "\n" == text
        assert len(out.sizes) > 10
        assert max(out.sizes) < len(text) / 10
