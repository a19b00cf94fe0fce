"""The ``interviewdecide`` command: decide, triage, draft declines, advise, check tone.

Every subcommand reads its input, runs the library's public functions and renders
the result; none of them decides anything itself. Bad input ends the command with
exit status 2 and one line per problem on standard error, each with its path; no
traceback is shown for it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import TextIO

from ._disclosure import advise_disclosure
from ._email import DeclineReason, draft_decline
from ._errors import InvalidInput
from ._inbox import Inbox, Unreadable, load_inbox, read_text
from ._pipeline import decide
from ._render import (
    disclosure_markdown,
    email_markdown,
    email_text,
    tone_markdown,
    triage_markdown,
    verdict_markdown,
    verdict_text,
    wrap,
)
from ._tone import ToneLevel, check_tone, render_tone_report
from ._trace import Action
from ._triage import triage
from ._version import __version__
from .serialization import to_json

__all__ = ["main"]

PROG = "interviewdecide"

#: Exit status for bad input, unreadable files and misuse, as argparse uses it.
EXIT_INPUT = 2

_FORMATS = ("text", "markdown", "json")

_INBOX_HELP = (
    "a JSON or TOML file (by its suffix) holding candidate, invitations and an optional "
    "policy; - reads JSON from standard input"
)

_EPILOG = """\
The input holds "candidate" and "invitations" in the form interviewdecide.to_json
writes them, and optionally "policy". An invitation may give its posting as
{"schema_org": "posting.jsonld"} or {"html": "saved-page.html"} instead of
{"posting": {...}}; file names are relative to the input file. Run
"interviewdecide example" for a ready input file.

Exit status: 0 on success, 1 when check-tone finds an error, 2 for bad input.
"""


class _Fail(Exception):  # noqa: N818 -- a control-flow signal, not an error type
    """End the command with exit status 2 and this message on standard error."""


# -- shared steps ----------------------------------------------------------------


def _load(path: str, stdin: TextIO) -> Inbox:
    try:
        return load_inbox(path, stdin)
    except Unreadable as e:
        raise _Fail(str(e)) from None
    except InvalidInput as e:
        name = "standard input" if path == "-" else path
        lines = "\n".join(f"  {p}" for p in e.problems)
        raise _Fail(f"invalid input in {name}:\n{lines}") from None


def _chosen(inbox: Inbox, index: int | None, path: str) -> list[int]:
    """The positions of the invitations to act on: all of them, or the one asked for."""
    count = len(inbox.invitations)
    if index is None:
        return list(range(count))
    if index > count:
        name = "standard input" if path == "-" else path
        held = f"{count} invitation{'s' if count != 1 else ''}"
        raise _Fail(f"--index {index} is out of range: {name} holds {held}")
    return [index - 1]


def _json(value: object) -> str:
    return to_json(value, indent=2)


def _sections(parts: list[str], fmt: str) -> str:
    return ("\n\n---\n\n" if fmt == "markdown" else "\n\n").join(parts)


# -- the subcommands -------------------------------------------------------------


def _decide(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    inbox = _load(args.inbox, stdin)
    chosen = _chosen(inbox, args.index, args.inbox)
    verdicts = [
        (i, decide(inbox.candidate, inbox.invitations[i], policy=inbox.policy)) for i in chosen
    ]
    if args.format == "json":
        out.write(_json([v for _, v in verdicts]) + "\n")
    elif not verdicts:
        out.write("No invitations to decide.\n")
    else:
        render = verdict_markdown if args.format == "markdown" else verdict_text
        parts = [render(i, inbox.invitations[i].posting, v) for i, v in verdicts]
        out.write(_sections(parts, args.format) + "\n")
    return 0


def _triage(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    inbox = _load(args.inbox, stdin)
    result = triage(inbox.candidate, inbox.invitations, policy=inbox.policy)
    if args.format == "json":
        text = _json(result)
    elif args.format == "markdown":
        text = triage_markdown(result)
    else:
        text = result.explain()
    out.write(text + "\n")
    return 0


def _draft_decline(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    inbox = _load(args.inbox, stdin)
    chosen = _chosen(inbox, args.index, args.inbox)
    reason = None if args.reason is None else DeclineReason(args.reason)
    drafts = []
    for i in chosen:
        invitation = inbox.invitations[i]
        verdict = decide(inbox.candidate, invitation, policy=inbox.policy)
        if verdict.action is Action.DECLINE or args.index is not None:
            if verdict.action is not Action.DECLINE:
                err.write(
                    f"{PROG}: note: the verdict on request {i + 1} is to attend; "
                    "drafting the decline you asked for anyway.\n"
                )
            email = draft_decline(inbox.candidate, invitation, verdict=verdict, reason=reason)
            drafts.append((i, email))
    if args.format == "json":
        out.write(_json([e for _, e in drafts]) + "\n")
    elif not drafts:
        out.write("No invitation is to be declined, so there is no e-mail to draft.\n")
    elif args.format == "markdown":
        parts = [
            f"## Request {i + 1}: {inbox.invitations[i].posting.label}\n\n{email_markdown(e)}"
            for i, e in drafts
        ]
        out.write(_sections(parts, args.format) + "\n")
    else:
        parts = [
            wrap(f"Request {i + 1}: {inbox.invitations[i].posting.label}")
            + "\n"
            + "-" * 80
            + "\n"
            + email_text(e)
            for i, e in drafts
        ]
        out.write(_sections(parts, args.format) + "\n")
    return 0


def _disclose(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    inbox = _load(args.inbox, stdin)
    employer = args.employer
    if args.index is not None and employer is None:
        [i] = _chosen(inbox, args.index, args.inbox)
        employer = inbox.invitations[i].posting.company
    advice = advise_disclosure(
        inbox.candidate,
        employer=employer,
        employer_made_offer=args.employer_made_offer,
        final_stage=args.final_stage,
    )
    if args.format == "json":
        text = _json(advice)
    elif args.format == "markdown":
        text = disclosure_markdown(advice)
    else:
        text = wrap(advice.explain())
    out.write(text + "\n")
    return 0


def _check_tone(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    try:
        draft = read_text(args.draft, stdin)
    except Unreadable as e:
        raise _Fail(str(e)) from None
    findings = check_tone(draft)
    if args.format == "json":
        text = render_tone_report(findings, format="json")
    elif args.format == "markdown":
        text = tone_markdown(findings)
    else:
        text = wrap(render_tone_report(findings))
    out.write(text + "\n")
    return 1 if any(f.level is ToneLevel.ERROR for f in findings) else 0


def _example_text(fmt: str) -> str:
    return (resources.files(__package__) / f"example_inbox.{fmt}").read_text(encoding="utf-8")


def _example(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    fmt = args.format
    if fmt is None:
        fmt = (
            "toml" if args.output is not None and args.output.lower().endswith(".toml") else "json"
        )
    text = _example_text(fmt)
    if args.output is None:
        out.write(text)
        return 0
    target = Path(args.output)
    try:
        with target.open("w" if args.force else "x", encoding="utf-8") as f:
            f.write(text)
    except FileExistsError:
        raise _Fail(f"{args.output} already exists; pass --force to replace it") from None
    except OSError as e:
        raise _Fail(f"cannot write {args.output}: {e.strerror}") from None
    err.write(f"{PROG}: wrote an example input to {args.output}\n")
    return 0


# -- the parser ------------------------------------------------------------------


def _request_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = f"expected a request number from 1 up, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


_Command = Callable[[argparse.Namespace, TextIO, TextIO, TextIO], int]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Decide whether to attend interview invitations, triage an inbox of them,\n"
            "draft courteous declines, advise on mentioning other offers, and check the\n"
            "tone of a decline you wrote."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    output = argparse.ArgumentParser(add_help=False)
    output.add_argument(
        "-f",
        "--format",
        choices=_FORMATS,
        default="text",
        help="text (the default, for an 80-column terminal), markdown, or json",
    )
    inbox = argparse.ArgumentParser(add_help=False)
    inbox.add_argument("inbox", metavar="INBOX", help=_INBOX_HELP)

    def add(
        name: str, run: _Command, summary: str, *parents: argparse.ArgumentParser
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=list(parents), help=summary, description=summary)
        sub.set_defaults(run=run)
        return sub

    index_help = "only request N, counted from 1 in the order of the input (as triage counts)"
    sub = add("decide", _decide, "Decide each invitation, with the reasons.", inbox, output)
    sub.add_argument("--index", type=_request_number, metavar="N", help=index_help)
    add(
        "triage",
        _triage,
        "Decide every invitation and group them: attend, decline, deferred.",
        inbox,
        output,
    )
    sub = add(
        "draft-decline",
        _draft_decline,
        "Draft a courteous decline e-mail for each invitation to decline.",
        inbox,
        output,
    )
    sub.add_argument(
        "--index",
        type=_request_number,
        metavar="N",
        help=f"{index_help}; drafts a decline even when the verdict is to attend",
    )
    sub.add_argument(
        "--reason",
        choices=[r.value for r in DeclineReason],
        help="the reason to word the e-mail for (by default, the one the verdict gives)",
    )
    sub = add(
        "disclose",
        _disclose,
        "Advise whether to tell a hiring manager about your other offers.",
        inbox,
        output,
    )
    sub.add_argument("--employer", metavar="NAME", help="the employer you are talking to")
    sub.add_argument(
        "--index",
        type=_request_number,
        metavar="N",
        help="take the employer from request N's posting (when --employer is not given)",
    )
    sub.add_argument(
        "--employer-made-offer",
        action="store_true",
        help="the employer has made you an offer",
    )
    sub.add_argument(
        "--final-stage",
        action="store_true",
        help="you have reached the employer's final stage",
    )
    sub = add(
        "check-tone",
        _check_tone,
        "Check the tone of a decline e-mail you wrote; exit status 1 when it finds an error.",
        output,
    )
    sub.add_argument("draft", metavar="DRAFT", help="a UTF-8 text file, or - for standard input")
    sub = add("example", _example, "Write a ready input file to start from.")
    sub.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write to PATH (refusing to replace a file) instead of standard output",
    )
    sub.add_argument(
        "-f",
        "--format",
        choices=("json", "toml"),
        help="json or toml; by default toml when PATH ends in .toml, json otherwise",
    )
    sub.add_argument("--force", action="store_true", help="replace PATH if it exists")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``interviewdecide`` command.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` by default.

    Returns:
        The exit status: 0 on success, 1 when ``check-tone`` finds an error, 2 for
        bad input or a file that cannot be read or written.

    Raises:
        SystemExit: From argparse, for ``--help``, ``--version`` and misuse
            (status 2).

    .. versionadded:: 0.1.0
    """
    args = _parser().parse_args(argv)
    run: _Command = args.run
    try:
        return run(args, sys.stdin, sys.stdout, sys.stderr)
    except _Fail as e:
        sys.stderr.write(f"{PROG}: {e}\n")
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader went away (as with "| head"): stop quietly, as other tools do,
        # and keep Python from complaining when it flushes standard output at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 1
