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
import json
import os
import stat
import tomllib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TextIO, TypeVar

import attrs

from ._errors import InvalidInput, json_kind
from ._model import Candidate, Invitation, JobPosting, Policy
from ._readers import Problem, Reading, read_html, read_schema_org
from .serialization import checked_json, converter, json_object, structure

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

_KEYS = ("candidate", "invitations", "policy")
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


@attrs.frozen(kw_only=True)
class Inbox:
    """What an input document holds.

    Attributes:
        candidate: Who decides.
        invitations: The interview requests, in document order.
        policy: The policy the document sets, or ``None`` for the defaults.
    """

    candidate: Candidate
    invitations: tuple[Invitation, ...]
    policy: Policy | None


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


def _repath(error: InvalidInput, rewrite: Callable[[str, str], str]) -> list[str]:
    """Rewrite each ``message @ path`` problem of ``error`` with ``rewrite(message, path)``."""
    out = []
    for problem in error.problems:
        message, _, path = problem.rpartition(" @ ")
        out.append(rewrite(message, path))
    return out


def _from_file(key: str, value: str, at: str, base: Path, limit: int) -> Reading:
    """Read the posting in the file ``value`` (relative to ``base``)."""
    try:
        text = read_posting_file(base / value, value, limit)
        reading = (
            read_html(text) if key == "html" else read_schema_org(parse(text, value, toml=False))
        )
    except Unreadable as e:
        raise InvalidInput.at(at, str(e)) from None
    except ModuleNotFoundError as e:  # the html extra is missing
        raise InvalidInput.at(at, str(e)) from None
    except InvalidInput as e:
        raise InvalidInput(
            _repath(e, lambda message, path: f"{message} @ {path} in {value} (from {at})")
        ) from None
    where = [Problem(f"{p.path} in {value} (from {at})", p.message) for p in reading.skipped]
    return attrs.evolve(reading, skipped=tuple(where))


def _posting(key: str, value: Any, at: str) -> Reading | None:
    """Read an inline JSON-LD posting; ``None`` when ``value`` names a file."""
    if key == "schema_org" and isinstance(value, dict | list):
        try:
            reading = read_schema_org(value)
        except InvalidInput as e:
            raise InvalidInput(
                _repath(e, lambda message, path: f"{message} @ {at}{path.removeprefix('$')}")
            ) from None
        where = [Problem(at + p.path.removeprefix("$"), p.message) for p in reading.skipped]
        return attrs.evolve(reading, skipped=tuple(where))
    if not isinstance(value, str) or not value.strip():
        what = "a JSON-LD file name or object" if key == "schema_org" else "a page's file name"
        raise InvalidInput.at(at, f"expected {what}, got {json_kind(value)}")
    return None


def _gather(problems: list[str], read: Callable[[], T]) -> T | None:
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
    problems: list[str] = []
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
    problems: list[str] = []
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        problems.append(f"unknown field(s) {', '.join(unknown)} @ $")
    candidate = None
    if "candidate" in data:
        candidate = _gather(
            problems, partial(structure, data["candidate"], Candidate, path="$.candidate")
        )
    else:
        problems.append("required field missing @ $.candidate")
    raw = data.get("invitations", [])
    if not isinstance(raw, list):
        problems.append(f"expected an array, got {json_kind(raw)} @ $.invitations")
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
) -> Inbox:
    """Read the input document ``path`` (``-`` for standard input, as JSON).

    A name ending in ``.toml`` is read as TOML, anything else as JSON. File names
    inside the document are relative to its directory (to the working directory
    for standard input).

    Args:
        path: The document's file name, or ``-``.
        stdin: Standard input, or ``None`` when it is closed.
        max_file_size: The largest posting file the document may name, in bytes.
        warn: Called with one line for each posting property left out.

    Raises:
        Unreadable: When the document cannot be read or parsed.
        InvalidInput: When it does not describe a valid inbox.
    """
    text = read_text(path, stdin)
    name = "standard input" if path == "-" else path
    data = parse(text, name, toml=path.lower().endswith(".toml"))
    base = Path.cwd() if path == "-" else Path(path).parent
    return inbox_from_data(data, base, max_file_size=max_file_size, warn=warn)
