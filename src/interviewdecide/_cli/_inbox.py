"""Read the command line's input: a candidate, their invitations and a policy.

An input document is JSON or TOML holding ``candidate`` (in the form
:func:`~interviewdecide.to_json` writes a :class:`~interviewdecide.Candidate`),
``invitations`` (a list, each in the form ``to_json`` writes an
:class:`~interviewdecide.Invitation`) and an optional ``policy``. An invitation may
name its posting by a schema.org JSON-LD file or object (``schema_org``) or a saved
job page (``html``) instead of ``posting``; file names are relative to the input
file. Every problem in the document is collected before anything is reported, each
with its path.

A posting file must be a regular file of at most :data:`MAX_FILE_SIZE` bytes (the
limit is a parameter of :func:`load_inbox`): a device, a named pipe or a directory
named by a document is refused before anything is read from it, so that a document
naming ``/dev/zero`` cannot make the reader run until memory is exhausted.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import stat
import sys
import tomllib
import typing
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any, Literal, TextIO, TypeVar

import attrs

from interviewdecide._errors import InvalidInput, json_kind
from interviewdecide._model import Candidate, Invitation, JobPosting, Policy
from interviewdecide._problem import Problem, rebased
from interviewdecide._readers import Reading, read_html, read_schema_org
from interviewdecide._validators import as_tuple, instance_of, tuple_of
from interviewdecide.serialization import checked_json, converter, json_object, structure

__all__ = [
    "MAX_FILE_SIZE",
    "Inbox",
    "Unreadable",
    "inbox_from_data",
    "load_inbox",
    "parse",
    "read_file",
    "read_posting_file",
    "read_text",
]

#: The largest posting file (``schema_org`` or ``html``) that a document may name,
#: in bytes, unless :func:`load_inbox` is given another limit: 5 MiB, far more than a
#: saved job page needs.
MAX_FILE_SIZE = 5 * 1024 * 1024

_KEYS = ("$schema", "candidate", "invitations", "policy")
_SOURCES = ("posting", "schema_org", "html")
#: Stands in for a posting that could not be read, so the rest of its invitation
#: is still checked and every problem is reported at once.
_PLACEHOLDER = converter.unstructure(JobPosting(title="unread posting"))

#: Open a named pipe without waiting for a writer, and a terminal without adopting it.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
#: What a file that is not a regular one is, by the test of its mode.
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)

T = TypeVar("T")


class Unreadable(Exception):  # noqa: N818 -- it names a state, like InvalidInput
    """A file could not be read or parsed; the message says which and why."""


def _invitations(values: Iterable[Invitation]) -> tuple[Invitation, ...]:
    return as_tuple(values)


@attrs.frozen(kw_only=True)
class Inbox:
    """A whole input: who decides, their interview requests, and a policy.

    This is what the command line reads, and what a web handler or a tool call
    receives: read one with :meth:`from_file` or ``from_json(Inbox, text)``, which
    collect every problem in the document, each with its path, before raising.

    In a document, an invitation may give its posting as ``posting`` (in the form
    :func:`~interviewdecide.to_json` writes it), as ``schema_org`` (a JSON-LD
    object, or a file name) or as ``html`` (a saved job page's file name). A file
    name is relative to the document's folder (to the working directory for
    ``from_json`` and standard input). A ``"$schema"`` key, naming the JSON Schema
    an editor checks the document against, is allowed and ignored.

    Attributes:
        candidate: Who decides.
        invitations: The interview requests, in document order.
        policy: The policy the document sets, or ``None`` for the defaults.

    .. versionadded:: 0.2.0
    """

    candidate: Candidate = attrs.field(validator=instance_of(Candidate))
    invitations: tuple[Invitation, ...] = attrs.field(
        default=(),
        converter=_invitations,
        validator=tuple_of(Invitation),
    )
    policy: Policy | None = attrs.field(default=None, validator=instance_of(Policy, optional=True))

    @classmethod
    def from_file(
        cls,
        path: str | os.PathLike[str],
        *,
        format: Literal["json", "toml"] | None = None,  # noqa: A002 -- the CLI's word
        max_file_size: int = MAX_FILE_SIZE,
        warn: Callable[[str], object] | None = None,
    ) -> Inbox:
        """Read an inbox from a JSON or TOML file, or from standard input.

        Args:
            path: The file; ``"-"`` reads standard input.
            format: ``"json"`` or ``"toml"``; by default the file's suffix decides
                (``.toml`` is TOML, anything else JSON). Required for ``"-"``. TOML
                has no null: ``false`` switches a policy threshold off there.
            max_file_size: The largest posting file the document may name, in bytes.
            warn: Called with one line for each property of a posting file that
                could not be read and was left out.

        Returns:
            The inbox.

        Raises:
            InvalidInput: When the file cannot be read or parsed (at ``$``), or does
                not describe a valid inbox: every problem, each with its path.
            ValueError: When ``path`` is ``"-"`` and no ``format`` is given.
        """
        name = os.fspath(path)
        if name == "-" and format is None:
            msg = "format: give format='json' or format='toml' to read standard input"
            raise ValueError(msg)
        try:
            return load_inbox(
                name, sys.stdin, max_file_size=max_file_size, warn=warn, format=format
            )
        except Unreadable as e:
            raise InvalidInput.at("$", str(e)) from None


def read_file(file: Path, name: str) -> str:
    """Return the text of ``file``, naming it ``name`` in errors.

    Raises:
        Unreadable: When the file is missing, unreadable or not UTF-8 text.
    """
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise Unreadable(f"{name} is not UTF-8 text: {e.reason} at byte {e.start}") from None
    except OSError as e:
        raise Unreadable(f"cannot read {name}: {e.strerror}") from None


def read_posting_file(file: Path, name: str, limit: int) -> str:
    """Return the text of the regular file ``file`` of at most ``limit`` bytes.

    The file is opened without blocking and checked before anything is read: a
    directory, device, named pipe or socket is refused, and so is a file larger
    than ``limit`` bytes, whether its size says so or reading shows it (a file
    that grows, or one in ``/proc`` that gives its size as 0).

    Raises:
        Unreadable: When the file is missing, unreadable, not a regular file, too
            large or not UTF-8 text; the message names it ``name``.
    """
    try:
        fd = os.open(file, _OPEN_FLAGS)
    except OSError as e:
        raise Unreadable(f"cannot read {name}: {e.strerror}") from None
    try:
        mode, size = (info := os.fstat(fd)).st_mode, info.st_size
        if not stat.S_ISREG(mode):
            kind = next((kind for test, kind in _KINDS if test(mode)), "a special file")
            raise Unreadable(f"{name} is {kind}, not a regular file")
        if size > limit:
            raise Unreadable(f"{name} holds {size:,} bytes, over the limit of {limit:,}")
        with open(fd, "rb", closefd=False) as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise Unreadable(f"cannot read {name}: {e.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise Unreadable(f"{name} holds more than the limit of {limit:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Unreadable(f"{name} is not UTF-8 text: {e.reason} at byte {e.start}") from None


def read_text(path: str, stdin: TextIO | None) -> str:
    """Return the text of the file ``path``, or of ``stdin`` when ``path`` is ``-``.

    Args:
        path: A file name, or ``-`` for ``stdin``.
        stdin: Standard input, or ``None`` when it is closed (as :data:`sys.stdin`
            is when the process starts without it).

    Raises:
        Unreadable: When the input is missing, closed, unreadable or not UTF-8 text.
    """
    if path != "-":
        return read_file(Path(path), path)
    if stdin is None:
        raise Unreadable("cannot read standard input: it is closed")
    try:
        return stdin.read()
    except UnicodeDecodeError as e:
        raise Unreadable(
            f"standard input is not UTF-8 text: {e.reason} at byte {e.start}"
        ) from None
    except OSError as e:
        raise Unreadable(f"cannot read standard input: {e.strerror}") from None


def _plain(value: Any) -> Any:
    """Write TOML's native dates and times as ISO 8601 text, as JSON input gives them."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    return value


def _switched_off(data: dict[str, Any]) -> dict[str, Any]:
    """A TOML input with each policy threshold given as ``false`` set to ``None`` (off).

    The thresholds are the policy's fields that ``None`` switches off; TOML has no
    null, so a TOML input writes ``false`` for them (``overqualified_ratio = false``).
    """
    policy = data.get("policy")
    if not isinstance(policy, dict):
        return data
    switches = {
        name
        for name, kind in typing.get_type_hints(Policy).items()
        if kind in {float | None, int | None}
    }
    off = {k: None for k, v in policy.items() if k in switches and v is False}
    return {**data, "policy": {**policy, **off}}


def parse(text: str, name: str, *, toml: bool) -> Any:
    """Parse ``text`` as TOML or JSON.

    Raises:
        Unreadable: With the parser's message and the line and column.
        InvalidInput: When JSON names a key twice in one object or holds a lone
            surrogate, with the path of each.
    """
    if toml:
        try:
            return _plain(tomllib.loads(text))
        except tomllib.TOMLDecodeError as e:
            raise Unreadable(f"{name} is not valid TOML: {e}") from None
        except RecursionError:  # arrays or inline tables nested hundreds deep
            raise Unreadable(f"{name} is not valid TOML: nested too deeply") from None
    try:
        data = json.loads(text, object_pairs_hook=json_object)
    except json.JSONDecodeError as e:
        raise Unreadable(
            f"{name} is not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})"
        ) from None
    except ValueError as e:  # an integer of more digits than Python converts
        raise Unreadable(f"{name} is not valid JSON: {e}") from None
    except RecursionError:
        raise Unreadable(f"{name} is not valid JSON: nested too deeply") from None
    return checked_json(data)


#: Where the warnings about left-out posting properties go.
Warn = Callable[[str], object]


def _ignore(_line: str) -> None:
    """Drop a warning (no one asked for them)."""


def _from_file(key: str, value: str, at: str, base: Path, limit: int) -> Reading:
    """Read the posting in the file ``value`` (relative to ``base``)."""
    file = base / value
    if not os.path.lexists(file) and not Path(value).is_absolute():
        raise InvalidInput.at(at, f"cannot read {value}: no such file in {base.resolve()}")
    try:
        text = read_posting_file(file, value, limit)
        reading = (
            read_html(text) if key == "html" else read_schema_org(parse(text, value, toml=False))
        )
    except Unreadable as e:
        raise InvalidInput.at(at, str(e)) from None
    except ModuleNotFoundError as e:  # the html extra is missing
        raise InvalidInput.at(at, str(e)) from None
    except InvalidInput as e:
        raise InvalidInput(_in_file(p, value, at) for p in e.problems) from None
    where = tuple(_in_file(p, value, at) for p in reading.skipped)
    return attrs.evolve(reading, skipped=where)


def _in_file(problem: Problem, name: str, at: str) -> Problem:
    """Say that ``problem`` is in the posting file ``name``, which ``at`` names."""
    return Problem(f"{problem.path} in {name} (from {at})", problem.message)


def _posting(key: str, value: Any, at: str) -> Reading | None:
    """Read an inline JSON-LD posting; ``None`` when ``value`` names a file."""
    if key == "schema_org" and isinstance(value, dict | list):
        try:
            reading = read_schema_org(value)
        except InvalidInput as e:
            raise InvalidInput(rebased(p, at) for p in e.problems) from None
        where = tuple(rebased(p, at) for p in reading.skipped)
        return attrs.evolve(reading, skipped=where)
    if not isinstance(value, str) or not value.strip():
        what = "a JSON-LD file name or object" if key == "schema_org" else "a page's file name"
        raise InvalidInput.at(at, f"expected {what}, got {json_kind(value)}")
    return None


def _did_you_mean(unknown: list[str]) -> str:
    """Suggest the field each mistyped one stands for, if one is close."""
    guesses = [
        close[0]
        for key in unknown
        if (close := difflib.get_close_matches(key, _KEYS[1:], n=1, cutoff=0.6))
    ]
    return f" (did you mean {', '.join(guesses)}?)" if guesses else ""


def _gather(problems: list[Problem], read: Callable[[], T]) -> T | None:
    """Return what ``read()`` returns, or add its problems to ``problems`` and return ``None``."""
    try:
        return read()
    except InvalidInput as e:
        problems += e.problems
        return None


def _invitation(item: Any, at: str, base: Path, limit: int, warn: Warn) -> Invitation:
    """Read one invitation, with its posting given inline or by a file."""
    if not isinstance(item, dict):
        raise InvalidInput.at(at, f"expected an object, got {json_kind(item)}")
    given = [k for k in _SOURCES if k in item]
    if len(given) > 1:
        raise InvalidInput.at(
            at, f"give one of posting, schema_org or html, not {' and '.join(given)}"
        )
    if given in ([], ["posting"]):
        return structure(item, Invitation, path=at)
    key = given[0]
    problems: list[Problem] = []
    found = _gather(
        problems,
        lambda: (
            _posting(key, item[key], f"{at}.{key}")
            or _from_file(key, item[key], f"{at}.{key}", base, limit)
        ),
    )
    if found is not None:
        for problem in found.skipped:
            warn(f"{problem}; left out")
    posting = _PLACEHOLDER if found is None else converter.unstructure(found.posting)
    rest = {k: v for k, v in item.items() if k != key}
    invitation = _gather(
        problems, lambda: structure({**rest, "posting": posting}, Invitation, path=at)
    )
    if problems:
        raise InvalidInput(problems)
    assert invitation is not None  # no problems means it was read  # noqa: S101
    return invitation


def inbox_from_data(
    data: Any, base: Path, *, max_file_size: int = MAX_FILE_SIZE, warn: Warn | None = None
) -> Inbox:
    """Build an inbox from a parsed input document.

    Args:
        data: The parsed document.
        base: The directory that file names in the document are relative to.
        max_file_size: The largest posting file the document may name, in bytes.
        warn: Called with one line for each posting property that was left out
            because it could not be read.

    Raises:
        InvalidInput: With every problem in the document, each with its path.
    """
    if not isinstance(data, dict):
        raise InvalidInput.at(
            "$", f"expected an object with candidate and invitations, got {json_kind(data)}"
        )
    problems: list[Problem] = []
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        problems.append(
            Problem("$", f"unknown field(s) {', '.join(unknown)}{_did_you_mean(unknown)}")
        )
    if not isinstance(data.get("$schema", ""), str):
        problems.append(
            Problem('$["$schema"]', f"expected a URI, got {json_kind(data['$schema'])}")
        )
    candidate = None
    if "candidate" in data:
        candidate = _gather(
            problems, partial(structure, data["candidate"], Candidate, path="$.candidate")
        )
    else:
        problems.append(Problem("$.candidate", "required field missing"))
    raw = data.get("invitations", [])
    if not isinstance(raw, list):
        problems.append(Problem("$.invitations", f"expected an array, got {json_kind(raw)}"))
        raw = []
    invitations = [
        _gather(
            problems,
            partial(_invitation, item, f"$.invitations[{i}]", base, max_file_size, warn or _ignore),
        )
        for i, item in enumerate(raw)
    ]
    policy = (
        None
        if data.get("policy") is None
        else _gather(problems, partial(structure, data["policy"], Policy, path="$.policy"))
    )
    if problems:
        raise InvalidInput(problems)
    assert candidate is not None  # no problems means it was read  # noqa: S101
    return Inbox(
        candidate=candidate,
        invitations=tuple(i for i in invitations if i is not None),
        policy=policy,
    )


def load_inbox(
    path: str,
    stdin: TextIO | None,
    *,
    max_file_size: int = MAX_FILE_SIZE,
    warn: Warn | None = None,
    format: str | None = None,  # noqa: A002 -- the CLI's word
) -> Inbox:
    """Read the input document ``path`` (``-`` for standard input, as JSON).

    Unless ``format`` (``"json"`` or ``"toml"``) says, a name ending in ``.toml``
    is read as TOML, anything else as JSON. File names inside the document are
    relative to its directory (to the working directory for standard input).

    Args:
        path: The document's file name, or ``-``.
        stdin: Standard input, or ``None`` when it is closed.
        max_file_size: The largest posting file the document may name, in bytes.
        warn: Called with one line for each posting property left out.
        format: ``"json"`` or ``"toml"``, or ``None`` to go by the suffix.

    Raises:
        Unreadable: When the document cannot be read or parsed.
        InvalidInput: When it does not describe a valid inbox.
    """
    text = read_text(path, stdin)
    name = "standard input" if path == "-" else path
    toml = path.lower().endswith(".toml") if format is None else format == "toml"
    data = parse(text, name, toml=toml)
    if toml:
        data = _switched_off(data)
    base = Path.cwd() if path == "-" else Path(path).parent
    return inbox_from_data(data, base, max_file_size=max_file_size, warn=warn)
