"""The ``interviewdecide`` command: decide, triage, draft declines, advise, check tone.

Every subcommand reads its input, runs the library's public functions and renders
the result; none of them decides anything itself. Bad input ends the command with
exit status 2 and one line per problem on standard error, each with its path (the
first :data:`MAX_PROBLEMS` of them); no traceback is shown for it. Neither is one
shown for a closed or failing standard input or output: the command ends with exit
status 2 and says why on standard error, when standard error can still be written.
"""

from __future__ import annotations

import argparse
import codecs
import functools
import io
import itertools
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, TextIO, TypeVar

from interviewdecide._version import __version__

if TYPE_CHECKING:
    from interviewdecide._model import JobPosting
    from interviewdecide._problem import Problem

    from ._inbox import Inbox

_Result = TypeVar("_Result")

#: A renderer of one request's result: its index, its posting and the result.
_PerRequest = Callable[[int, "JobPosting", _Result], str]

# Each subcommand imports what it needs when it runs, so that --version, --help and
# misuse load neither cattrs nor the e-mail package nor the tone rules.

__all__ = ["main"]

PROG = "interviewdecide"

#: Exit status for bad input, unreadable files and misuse, as argparse uses it.
EXIT_INPUT = 2

#: The most problems that bad input reports one by one; a last line counts the rest.
MAX_PROBLEMS = 50

_FORMATS = ("text", "markdown", "json")

#: The codec error handler that writes what an output encoding lacks as ``\uXXXX``.
_ESCAPE = "interviewdecide.json-escape"

#: How many pieces of JSON text to join before each write to the output.
_JSON_BATCH = 4096

#: Size units, each 1,024 times the one before it.
_UNITS = ("", "k", "m", "g")
_SIZE = re.compile(r"\s*(\d+)\s*([kmg]?)(?:i?b)?\s*", re.IGNORECASE)

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

A posting file must be a regular file of at most 5 MiB (see --max-file-size).

Exit status: 0 on success, 1 when check-tone finds an error, 2 for bad input or
output that cannot be written.
"""


class _Fail(Exception):  # noqa: N818 -- a control-flow signal, not an error type
    """End the command with exit status 2 and this message on standard error."""


class _Writer(Protocol):
    """Where the command writes: standard output or error, or a stand-in for them."""

    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...


class _ClosedOutput:
    """Stands in for standard output when the process was started without one."""

    def write(self, _text: str, /) -> int:
        raise _Fail("cannot write to standard output: it is closed")

    def flush(self) -> None:
        """Nothing was written, so there is nothing to flush."""


class _Diagnostics:
    """Standard error for notes and messages: a failure to write them is ignored.

    Nothing else can be told when standard error is closed or full, and a note
    that cannot be shown is no reason to withhold the output.
    """

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str, /) -> int:
        if self._stream is None:
            return 0
        try:
            written = self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):  # ValueError: the stream was closed
            return 0
        return written

    def flush(self) -> None:
        """Each write is flushed already."""


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    r"""Write each character the output encoding lacks as JSON writes it: ``\u201c``."""
    assert isinstance(error, UnicodeEncodeError)  # registered for encoding only  # noqa: S101
    units = error.object[error.start : error.end].encode("utf-16-be", "surrogatepass")
    escaped = "".join(f"\\u{units[i]:02x}{units[i + 1]:02x}" for i in range(0, len(units), 2))
    return escaped, error.end


def _prepare(stream: TextIO | None, *, reading: bool = False) -> None:
    """Make a standard stream that is not UTF-8 read UTF-8, or write what it can.

    Input files are UTF-8 whatever the locale. Output keeps the locale's encoding
    (a terminal shows what it can), and a character it lacks is written as the
    escape JSON uses, so that JSON output stays valid and nothing is lost.
    """
    if not isinstance(stream, io.TextIOWrapper):
        return
    utf8 = codecs.lookup(stream.encoding).name == "utf-8"
    if reading and not (utf8 and stream.errors == "strict"):
        stream.reconfigure(encoding="utf-8", errors="strict")
    elif not reading and not utf8:
        stream.reconfigure(errors=_ESCAPE)


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the flush at exit cannot fail.

    What is still buffered for a reader that went away, or a disk that is full,
    would otherwise raise again when Python flushes standard output at exit.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # closed, or not a file
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


# -- shared steps ----------------------------------------------------------------


def _problem_lines(problems: Sequence[Problem]) -> str:
    """The first :data:`MAX_PROBLEMS` problems, indented, and how many more there are.

    Each is one ``message @ path`` line, as ``str(problem)`` lays it out.
    """
    lines = [f"  {p}" for p in problems[:MAX_PROBLEMS]]
    more = len(problems) - MAX_PROBLEMS
    if more > 0:
        lines.append(f"  ... and {more:,} more problem{'s' if more != 1 else ''}")
    return "\n".join(lines)


def _load(args: argparse.Namespace, stdin: TextIO | None, err: _Writer) -> Inbox:
    path: str = args.inbox

    def warn(line: str) -> None:
        err.write(f"{PROG}: warning: {line}\n")

    from interviewdecide._errors import InvalidInput

    from ._inbox import Unreadable, load_inbox

    try:
        return load_inbox(path, stdin, max_file_size=_max_file_size(args), warn=warn)
    except Unreadable as e:
        raise _Fail(str(e)) from None
    except InvalidInput as e:
        name = "standard input" if path == "-" else path
        raise _Fail(f"invalid input in {name}:\n{_problem_lines(e.problems)}") from None


def _max_file_size(args: argparse.Namespace) -> int:
    """``--max-file-size``, or the reader's own bound when it is not given."""
    if args.max_file_size is not None:
        return int(args.max_file_size)
    from ._inbox import MAX_FILE_SIZE

    return MAX_FILE_SIZE


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


def _write_json(value: object, out: _Writer) -> None:
    """Write ``value`` as ``to_json(value, indent=2)`` writes it, and a line break.

    The text goes out in pieces as it is encoded, so a large result is never held
    as one string (nor as the list of pieces :func:`json.dumps` joins).
    """
    import json

    from interviewdecide.serialization import converter

    encoder = json.JSONEncoder(indent=2, ensure_ascii=False)
    pieces = encoder.iterencode(converter.unstructure(value))
    while batch := "".join(itertools.islice(pieces, _JSON_BATCH)):
        out.write(batch)
    out.write("\n")


def _write_per_request(
    results: Sequence[tuple[int, JobPosting, _Result]],
    fmt: str,
    renderers: tuple[_PerRequest[_Result], _PerRequest[_Result]],
    none: str,
    out: _Writer,
) -> None:
    """Write one result per chosen request: as JSON, or a section each (text or Markdown)."""
    from interviewdecide._render import sections

    if fmt == "json":
        _write_json([r for *_, r in results], out)
    elif not results:
        out.write(none + "\n")
    else:
        markdown = fmt == "markdown"
        render = renderers[markdown]
        parts = [render(*result) for result in results]
        out.write(sections(parts, markdown) + "\n")


# -- the subcommands -------------------------------------------------------------


def _decide(args: argparse.Namespace, stdin: TextIO | None, out: _Writer, err: _Writer) -> int:
    from interviewdecide._pipeline import decide

    inbox = _load(args, stdin, err)
    chosen = _chosen(inbox, args.index, args.inbox)
    verdicts = [
        (i, decide(inbox.candidate, inbox.invitations[i], policy=inbox.policy)) for i in chosen
    ]
    from interviewdecide._render import verdict_markdown, verdict_text

    renderers = (verdict_text, verdict_markdown)
    results = [(i, inbox.invitations[i].posting, v) for i, v in verdicts]
    _write_per_request(results, args.format, renderers, "No invitations to decide.", out)
    return 0


def _triage(args: argparse.Namespace, stdin: TextIO | None, out: _Writer, err: _Writer) -> int:
    from interviewdecide._triage import RECORD_FIELDS, triage

    inbox = _load(args, stdin, err)
    result = triage(inbox.candidate, inbox.invitations, policy=inbox.policy)
    if args.format == "json":
        _write_json(result, out)
    elif args.format == "csv":
        import csv

        writer = csv.DictWriter(out, fieldnames=RECORD_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(result.to_records())
    else:
        from interviewdecide._render import triage_markdown

        text = triage_markdown(result) if args.format == "markdown" else result.explain()
        out.write(text + "\n")
    return 0


def _draft_decline(
    args: argparse.Namespace, stdin: TextIO | None, out: _Writer, err: _Writer
) -> int:
    if (args.reply_to is not None or args.output is not None) and args.index is None:
        option = "--reply-to" if args.reply_to is not None else "--output"
        raise _Fail(f"{option} drafts one e-mail: pick the request with --index N")
    from interviewdecide._email import DeclineReason, draft_decline
    from interviewdecide._errors import FieldValueError
    from interviewdecide._pipeline import decide
    from interviewdecide._render import email_section_markdown, email_section_text
    from interviewdecide._trace import Action

    inbox = _load(args, stdin, err)
    chosen = _chosen(inbox, args.index, args.inbox)
    reason = None if args.reason is None else DeclineReason(args.reason)
    reply_to = None if args.reply_to is None else _read_eml(args.reply_to, _max_file_size(args))
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
            try:
                email = draft_decline(
                    inbox.candidate, invitation, verdict=verdict, reason=reason, reply_to=reply_to
                )
            except FieldValueError as e:
                raise _Fail(f"{args.reply_to}: {e}") from None
            drafts.append((i, email))
    if args.output is not None:
        [(_, email)] = drafts
        message = email.to_message(sender=inbox.candidate.email)
        _write_eml(args.output, message.as_bytes(), args.force)
        err.write(f"{PROG}: wrote the e-mail to {args.output}\n")
        return 0
    none = "No invitation is to be declined, so there is no e-mail to draft."
    renderers = (email_section_text, email_section_markdown)
    results = [(i, inbox.invitations[i].posting, e) for i, e in drafts]
    _write_per_request(results, args.format, renderers, none, out)
    return 0


def _read_eml(path: str, limit: int) -> bytes:
    """The bytes of the .eml file to reply to, at most ``limit`` of them."""
    from pathlib import Path

    try:
        with Path(path).open("rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise _Fail(f"cannot read {path}: {e.strerror}") from None
    if len(data) > limit:
        raise _Fail(f"{path} is larger than {limit:,} bytes: not an invitation e-mail")
    if not data.strip():
        raise _Fail(f"{path} is empty: there is no message to reply to")
    return data


def _write_eml(path: str, data: bytes, force: bool) -> None:
    """Write a message's bytes as an .eml file, refusing to replace one unless ``force``."""
    from pathlib import Path

    try:
        with Path(path).open("wb" if force else "xb") as f:
            f.write(data)
    except FileExistsError:
        raise _Fail(f"{path} already exists; pass --force to replace it") from None
    except OSError as e:
        raise _Fail(f"cannot write {path}: {e.strerror}") from None


def _disclose(args: argparse.Namespace, stdin: TextIO | None, out: _Writer, err: _Writer) -> int:
    from interviewdecide._disclosure import advise_disclosure
    from interviewdecide._render import disclosure_markdown, disclosure_text, wrap

    inbox = _load(args, stdin, err)
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
        _write_json(advice, out)
    else:
        text = (
            disclosure_markdown(advice)
            if args.format == "markdown"
            else wrap(disclosure_text(advice))
        )
        out.write(text + "\n")
    return 0


def _check_tone(args: argparse.Namespace, stdin: TextIO | None, out: _Writer, err: _Writer) -> int:
    import json

    from interviewdecide._errors import FieldValueError
    from interviewdecide._render import tone_reports_markdown, tone_reports_text
    from interviewdecide._tone import ToneLevel, check_tone, render_tone_report

    from ._inbox import Unreadable, read_text

    ignore = [name.strip() for value in args.ignore or () for name in value.split(",")]
    try:
        check_tone("", ignore=[name for name in ignore if name])
    except FieldValueError as e:
        raise _Fail(f"--{e}") from None
    ignored = [name for name in ignore if name]
    reports = []
    for path in args.draft:
        name = "standard input" if path == "-" else path
        try:
            draft = read_text(path, stdin)
        except Unreadable as e:
            raise _Fail(str(e)) from None
        if not draft.strip():
            raise _Fail(f"{name} is empty: there is no draft to check")
        try:
            findings = check_tone(draft, ignore=ignored)
        except FieldValueError as e:
            raise _Fail(f"{name}: {str(e).partition(': ')[2]}") from None
        reports.append(("<stdin>" if path == "-" else path, draft, findings))
    several = len(reports) > 1
    if args.format == "json":
        parts = [
            json.loads(render_tone_report(found, format="json")) | {"file": name}
            for name, _, found in reports
        ]
        out.write(json.dumps(parts if several else parts[0], indent=2, ensure_ascii=False))
        out.write("\n")
    elif args.format == "markdown":
        out.write(tone_reports_markdown(reports) + "\n")
    else:
        out.write(tone_reports_text(reports) + "\n")
    return 1 if any(f.level is ToneLevel.ERROR for *_, found in reports for f in found) else 0


def _example_text(fmt: str) -> str:
    from importlib import resources

    return (resources.files("interviewdecide") / f"example_inbox.{fmt}").read_text(encoding="utf-8")


def _example(args: argparse.Namespace, stdin: TextIO | None, out: _Writer, err: _Writer) -> int:
    from pathlib import Path

    fmt = args.format
    if fmt is None:
        fmt = (
            "toml" if args.output is not None and args.output.lower().endswith(".toml") else "json"
        )
    if args.output is not None and not args.output.lower().endswith(f".{fmt}"):
        suffix = Path(args.output).suffix or "no suffix"
        raise _Fail(
            f"{args.output} has {suffix}, not .{fmt}: name the file .{fmt}, "
            f"or pass -f {'json' if fmt == 'toml' else 'toml'} with a "
            f".{'json' if fmt == 'toml' else 'toml'} name"
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


def _schema(args: argparse.Namespace, stdin: TextIO | None, out: _Writer, err: _Writer) -> int:
    import difflib
    import json

    from interviewdecide._schema import SCHEMA_NAMES, json_schema, schema_for_name

    if args.name is None:
        out.write("".join(f"{name}\n" for name in SCHEMA_NAMES))
        return 0
    try:
        cls = schema_for_name(args.name)
    except KeyError:
        close = difflib.get_close_matches(args.name.lower(), SCHEMA_NAMES, n=2, cutoff=0.5)
        hint = f" (did you mean {' or '.join(close)}?)" if close else ""
        raise _Fail(
            f"no schema named {args.name!r}{hint}; the schemas are {', '.join(SCHEMA_NAMES)}"
        ) from None
    out.write(json.dumps(json_schema(cls), indent=2, ensure_ascii=False) + "\n")
    return 0


def _mcp(args: argparse.Namespace, stdin: TextIO | None, out: _Writer, err: _Writer) -> int:
    from interviewdecide._mcp import serve

    try:
        serve()
    except ModuleNotFoundError as e:  # the mcp extra is missing
        raise _Fail(str(e)) from None
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


def _byte_size(text: str) -> int:
    """Read a size such as ``5242880``, ``512k``, ``5M`` or ``1GiB`` (binary multiples)."""
    match = _SIZE.fullmatch(text)
    if match is None or int(match[1]) < 1:
        msg = f"expected a size in bytes from 1 up, such as 800000, 512k or 5M, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(match[1]) << (10 * _UNITS.index(match[2].lower()))


class _DeclineReasons:
    """The values of :class:`DeclineReason`, read only when argparse checks or shows them."""

    @staticmethod
    def _values() -> list[str]:
        from interviewdecide._email import DeclineReason

        return [r.value for r in DeclineReason]

    def __contains__(self, value: object) -> bool:
        return value in self._values()

    def __iter__(self) -> Iterator[str]:
        return iter(self._values())


_Command = Callable[[argparse.Namespace, TextIO | None, _Writer, _Writer], int]


@functools.cache
def _parser() -> argparse.ArgumentParser:
    # Built once per process (parsing leaves it as it was): a program or test that
    # calls main() many times pays the millisecond of building it once.
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
    parser.add_argument(
        "-f",
        "--format",
        dest="global_format",
        choices=(*_FORMATS, "csv", "toml"),
        metavar="FORMAT",
        help="the output format, as COMMAND's own --format gives it (which wins)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    output = argparse.ArgumentParser(add_help=False)
    output.add_argument(
        "-f",
        "--format",
        choices=_FORMATS,
        help="text (the default, for an 80-column terminal), markdown, or json",
    )
    table = argparse.ArgumentParser(add_help=False)
    table.add_argument(
        "-f",
        "--format",
        choices=(*_FORMATS, "csv"),
        help=(
            "text (the default, for an 80-column terminal), markdown, json, or csv "
            "(one row per request)"
        ),
    )
    inbox = argparse.ArgumentParser(add_help=False)
    inbox.add_argument("inbox", metavar="INBOX", help=_INBOX_HELP)
    inbox.add_argument(
        "--max-file-size",
        type=_byte_size,
        metavar="SIZE",
        help=(
            "the largest posting file (schema_org or html) the input may name, in bytes "
            "or with k, M or G; 5M by default"
        ),
    )

    def add(
        name: str, run: _Command, summary: str, *parents: argparse.ArgumentParser
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=list(parents), help=summary, description=summary)
        formats = next(
            (a.choices for p in parents for a in p._actions if a.dest == "format"),  # noqa: SLF001
            ("json", "toml"),  # example's own --format, added below
        )
        sub.set_defaults(run=run, formats=tuple(formats or ()))
        return sub

    index_help = "only request N, counted from 1 in the order of the input (as triage counts)"
    sub = add("decide", _decide, "Decide each invitation, with the reasons.", inbox, output)
    sub.add_argument("--index", type=_request_number, metavar="N", help=index_help)
    add(
        "triage",
        _triage,
        "Decide every invitation and group them: attend, decline, deferred.",
        inbox,
        table,
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
        choices=_DeclineReasons(),
        metavar="REASON",
        help=(
            "the reason to word the e-mail for: %(choices)s (by default, the one the verdict gives)"
        ),
    )
    sub.add_argument(
        "--reply-to",
        metavar="FILE.eml",
        help="the recruiter's invitation e-mail: reply in its thread (needs --index)",
    )
    sub.add_argument(
        "-o",
        "--output",
        metavar="PATH.eml",
        help="write the e-mail as an .eml file, ready to send (needs --index)",
    )
    sub.add_argument("--force", action="store_true", help="replace PATH.eml if it exists")
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
    sub.add_argument(
        "draft",
        metavar="DRAFT",
        nargs="+",
        help="UTF-8 text files, or - for standard input; an empty draft is an error",
    )
    sub.add_argument(
        "--ignore",
        action="append",
        metavar="RULE",
        help=(
            "skip a rule id or a whole category (arrogance, discourtesy, burning_bridges, "
            "oversharing, length, blame, curtness); repeat it or separate with commas"
        ),
    )
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
    sub = add("schema", _schema, "Print the JSON Schema of an input or result document.")
    sub.add_argument(
        "name",
        nargs="?",
        metavar="NAME",
        help="inbox, candidate, invitation, job-posting, policy, verdict, triage, "
        "disclosure-advice, email or tone-finding; without it, list the names",
    )
    sub.set_defaults(format=None, formats=("json",))
    sub = add("mcp", _mcp, "Serve the tools to an assistant over MCP (needs the mcp extra).")
    sub.set_defaults(format=None, formats=("json",))
    return parser


def _check_command(parser: argparse.ArgumentParser, argv: list[str]) -> None:
    """Refuse an unknown command with the names close to it, before argparse does."""
    names: list[str] = []
    for action in parser._actions:  # noqa: SLF001 -- argparse keeps subparsers there
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            names = list(action.choices)
    words = iter(argv)
    for word in words:
        if word in {"-f", "--format"}:
            next(words, None)
        elif not word.startswith("-"):
            if word not in names:
                import difflib

                close = difflib.get_close_matches(word, names, n=2, cutoff=0.5)
                hint = f" (did you mean {' or '.join(close)}?)" if close else ""
                parser.error(f"unknown command {word!r}{hint}; the commands are {', '.join(names)}")
            return


def _settle_format(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Take ``--format`` from before the command when the command's own is not given."""
    given = args.global_format
    if args.format is None and given is not None:
        if given not in args.formats:
            parser.error(
                f"argument -f/--format: {args.command} writes {', '.join(args.formats)}, "
                f"not {given}"
            )
        args.format = given
    if args.format is None and args.command != "example":
        args.format = "text"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``interviewdecide`` command.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` by default.

    Returns:
        The exit status: 0 on success, 1 when ``check-tone`` finds an error, 2 for
        bad input, a file that cannot be read or written, or a closed or failing
        standard input or output.

    Raises:
        SystemExit: From argparse, for ``--help``, ``--version`` and misuse
            (status 2).

    .. versionadded:: 0.1.0
    """
    codecs.register_error(_ESCAPE, _json_escape)
    _prepare(sys.stdin, reading=True)
    _prepare(sys.stdout)
    _prepare(sys.stderr)
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _parser()
    if not argv:
        parser.print_help()
        return 0
    _check_command(parser, argv)
    args = parser.parse_args(argv)
    _settle_format(parser, args)
    run: _Command = args.run
    out: _Writer = _ClosedOutput() if sys.stdout is None else sys.stdout
    err = _Diagnostics(sys.stderr)
    try:
        status: int = run(args, sys.stdin, out, err)
        out.flush()
    except _Fail as e:
        err.write(f"{PROG}: {e}\n")
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader went away (as with "| head"): stop quietly, as other tools do.
        _silence_stdout()
        return 1
    except OSError as e:
        # Reading is checked where it happens and standard error never raises, so
        # this is standard output failing, as on a full disk.
        _silence_stdout()
        err.write(f"{PROG}: cannot write to standard output: {e.strerror}\n")
        return EXIT_INPUT
    return status
