"""The interviewdecide subcommands: end to end as a subprocess, and main() in-process.

Reading the input (JSON, TOML, saved pages, bad input) is tested in test_cli_input.py,
and check-tone in test_cli_tone.py.
"""

from __future__ import annotations

import importlib
import io
import json
import re
import runpy
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, call, minimal, run, write
from interviewdecide import (
    Action,
    Candidate,
    DisclosureAdvice,
    Email,
    Inbox,
    JobPosting,
    Pipeline,
    Triage,
    Verdict,
    advise_disclosure,
    decide,
    draft_decline,
    from_json,
    rules,
    triage,
)
from interviewdecide.__main__ import main

EXAMPLES = ROOT / "examples"
INBOX = EXAMPLES / "inbox.json"
SUBCOMMANDS = ("decide", "triage", "draft-decline", "disclose")
FORMATS = ("text", "markdown", "json")


def normalized(text: str) -> str:
    return " ".join(text.split())


class TestEndToEnd:
    """The command run as a subprocess, as users run it."""

    def test_readme_triage_reads_well(self) -> None:
        """The README's command triages the bundled inbox in 80 columns."""
        done = run("triage", "examples/inbox.json")
        inbox = Inbox.from_file(INBOX)
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
        inbox = Inbox.from_file(INBOX)
        expected = [decide(inbox.candidate, i) for i in inbox.invitations]
        assert expected == [from_json(Verdict, json.dumps(v)) for v in json.loads(done.stdout)]

    def test_json_output_is_deterministic(self) -> None:
        """Two runs give the same bytes, whatever the hash seed."""
        first = run("triage", "examples/inbox.json", "-f", "json")
        second = run("triage", "examples/inbox.json", "-f", "json")
        assert first.stdout == second.stdout

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
        inbox = Inbox.from_file(INBOX)
        assert 0 == code
        for i, invitation in enumerate(inbox.invitations):
            assert f"Request {i + 1}: {invitation.posting.label}\n" in out
            assert normalized(decide(inbox.candidate, invitation).explain()) in normalized(out)

    def test_index_picks_one_request(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--index N decides request N only, counted from 1."""
        code, out, _ = call(capsys, "decide", str(INBOX), "--index", "3", "-f", "json")
        inbox = Inbox.from_file(INBOX)
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


class TestTriage:
    """The triage subcommand, in-process."""

    def test_json_is_the_library_triage(self, capsys: pytest.CaptureFixture[str]) -> None:
        """triage --format json is to_json of the triage."""
        inbox = Inbox.from_file(INBOX)
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
        inbox = Inbox.from_file(INBOX)
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
        inbox = Inbox.from_file(INBOX)
        code, out, _ = call(capsys, "disclose", str(INBOX), "-f", "json")
        assert (0, advise_disclosure(inbox.candidate)) == (code, from_json(DisclosureAdvice, out))

    def test_employer_from_index(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--index takes the employer from that request's posting."""
        inbox = Inbox.from_file(INBOX)
        _, out, _ = call(
            capsys, "disclose", str(INBOX), "--index", "1", "--final-stage", "-f", "json"
        )
        expected = advise_disclosure(inbox.candidate, employer="Veldhuis Energie", final_stage=True)
        assert expected == from_json(DisclosureAdvice, out)

    def test_employer_wins_over_index(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--employer is used when both are given."""
        inbox = Inbox.from_file(INBOX)
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
        inbox = Inbox.from_file(INBOX)
        _, text, _ = call(capsys, "disclose", str(INBOX), "--employer-made-offer")
        _, markdown, _ = call(capsys, "disclose", str(INBOX), "-f", "markdown")
        advice = advise_disclosure(inbox.candidate, employer_made_offer=True)
        assert normalized(advice.explain()) == normalized(text)
        assert 80 >= max(len(line) for line in text.splitlines())
        assert markdown.startswith("# Other offers\n\n**Keep private** (advice `disclosure`).\n")


class TestExample:
    """The example subcommand, in-process."""

    def test_standard_output_is_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """By default the example goes to standard output as JSON."""
        code, out, _ = call(capsys, "example")
        inbox = from_json(Inbox, out)
        assert (0, Inbox.from_file(INBOX)) == (code, inbox)

    def test_toml_format(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--format toml writes the same inbox in TOML, with comments."""
        _, out, _ = call(capsys, "example", "--format", "toml")
        assert out.startswith("# An example input for the interviewdecide command")
        (tmp_path / "inbox.toml").write_text(out, encoding="utf-8")
        assert Inbox.from_file(INBOX) == Inbox.from_file(tmp_path / "inbox.toml")

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
        assert Inbox.from_file(INBOX) == Inbox.from_file(target)

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

    def test_wrap_keeps_blank_lines_and_hangs_items(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Blank lines stay; a list item continues under its text."""
        inbox = Inbox.from_file(INBOX)
        explained = decide(inbox.candidate, inbox.invitations[2]).explain()
        _, out, _ = call(capsys, "decide", str(INBOX), "--index", "3")
        body = out.split("\n", 2)[2]  # below the request's heading and its underline
        paragraphs = body.split("\n\n")
        assert [normalized(p) for p in explained.split("\n\n")] == [
            normalized(p) for p in paragraphs
        ]
        steps = paragraphs[1].splitlines()[1:]  # below "How each piece of advice applied:"
        continued = [line for line in steps if line[:4] not in {"  - ", "  * "}]
        assert 0 < len(continued)
        assert [] == [line for line in continued if line[:4] != "    " or line[4].isspace()]
        assert 80 >= max(len(line) for line in out.splitlines())

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
        # The command decides with the default rules, none of them a combinator, so no
        # public output reaches nested steps in Markdown: the renderer is called directly.
        from interviewdecide._render import verdict_markdown

        text = verdict_markdown(0, JobPosting(title="Analyst"), verdict)
        assert "\n  - `accepted-offer`: not applicable." in text
        assert "Without" not in text
        assert "What would change" not in text


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
