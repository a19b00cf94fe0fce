"""The one error that bad input raises."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

__all__ = ["LINE_BREAKS", "FieldTypeError", "FieldValueError", "InvalidInput"]


#: Every character that :meth:`str.splitlines` breaks a line at: the one set of
#: line breaks of the whole package (:mod:`._validators` adds NUL for fields that
#: must hold a single line).
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _one_line(problem: str) -> str:
    """Escape line breaks (from quoted input) so that each problem stays one line."""
    if LINE_BREAKS.isdisjoint(problem):
        return problem
    return "".join(repr(c)[1:-1] if c in LINE_BREAKS else c for c in problem)


class InvalidInput(ValueError):  # noqa: N818 -- the public name is fixed by API.md
    """Bad data was handed to a reader of outside input.

    Raised by :func:`~interviewdecide.from_json`,
    :meth:`~interviewdecide.JobPosting.from_schema_org`,
    :meth:`~interviewdecide.JobPosting.from_html`,
    :meth:`~interviewdecide.Candidate.from_json_resume` and the command line. The
    message holds one line per problem, each naming the offending field by its
    path, such as ``offers[1].status: 'maybe' is not a valid OfferStatus @ $.offers[1].status``.

    Attributes:
        problems: One string per problem, each ending in ``@ $.path``.

    .. versionadded:: 0.1.0
    """

    __module__ = "interviewdecide"

    problems: tuple[str, ...]

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(_one_line(p) for p in problems)
        super().__init__("\n".join(self.problems))

    @classmethod
    def at(cls, path: str, message: str) -> InvalidInput:
        """Build an error with one problem at ``path`` (``$`` is the root)."""
        return cls([f"{message} @ {path}"])


def at_key(path: str, key: str) -> str:
    """Extend ``path`` by an object key, in bracket form when it is not a name.

    The key is quoted as JSON, with spaces escaped too, so that a path holds no
    white space and always ends a problem line as one word.
    """
    if key.isidentifier():
        return f"{path}.{key}"
    quoted = json.dumps(key).replace(" ", _SPACE)
    return f"{path}[{quoted}]"


#: A space in a quoted key, as a JSON escape.
_SPACE = "\\u0020"


class DuplicateKeys(dict[str, Any]):
    """A JSON object that names a key more than once (the last value is kept).

    :func:`json_object` returns one in place of a plain :class:`dict`, so that
    :func:`json_problems` can report the keys with their paths once the whole
    document is parsed (the hook itself does not know where the object is).

    Attributes:
        duplicates: Each key named more than once, in order of first repetition.
    """

    duplicates: tuple[str, ...]


def json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a JSON object for :func:`json.loads`'s ``object_pairs_hook``.

    Returns a plain :class:`dict`, or a :class:`DuplicateKeys` when a key repeats.
    """
    out = dict(pairs)
    if len(out) == len(pairs):
        return out
    seen: set[str] = set()
    repeated: dict[str, None] = {}
    for key, _ in pairs:
        if key in seen:
            repeated[key] = None
        seen.add(key)
    flagged = DuplicateKeys(out)
    flagged.duplicates = tuple(repeated)
    return flagged


def _lone_surrogate(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def json_problems(data: Any, path: str = "$") -> list[str]:
    r"""Find what no reader accepts in parsed JSON: repeated keys and lone surrogates.

    A repeated key is refused rather than letting the last value silently win, and
    text holding a lone surrogate (a JSON escape such as ``"\ud800"`` with no
    partner) is refused because no UTF-8 output can hold it. The walk is iterative,
    so no nesting depth can exhaust the stack.

    Args:
        data: Parsed JSON (objects, arrays, text, numbers, ...).
        path: The path of ``data`` itself.

    Returns:
        One ``message @ path`` problem per finding, in document order.
    """
    if _clean(data):
        return []
    problems: list[str] = []
    stack: list[tuple[str, Any]] = [(path, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            if _lone_surrogate(value):
                problems.append(f"{_SURROGATE} @ {where}")
        elif isinstance(value, dict):
            if isinstance(value, DuplicateKeys):
                problems.extend(
                    f"the key {json.dumps(k)} appears more than once @ {at_key(where, k)}"
                    for k in value.duplicates
                )
            children = []
            for key, item in value.items():
                # json.dumps escapes a surrogate, so the path itself stays printable
                child = at_key(where, str(key))
                if _lone_surrogate(str(key)):
                    problems.append(f"the key holds a lone surrogate, not valid Unicode @ {child}")
                children.append((child, item))
            stack.extend(reversed(children))
        elif isinstance(value, list):
            stack.extend(reversed([(f"{where}[{i}]", item) for i, item in enumerate(value)]))
    return problems


_SURROGATE = "not valid Unicode: the text holds a lone surrogate"


def _clean(data: Any) -> bool:
    """Say whether :func:`json_problems` would find nothing, without building paths.

    Most documents are clean, and a path for every value would cost more than
    parsing; paths are worked out only once something is found. The text of all
    keys and values is checked at once: a lone surrogate stays lone when joined.
    """
    stack = [data]
    texts: list[str] = []
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            if isinstance(value, DuplicateKeys):
                return False
            stack.extend(value.values())
            texts.extend(value)  # the keys
        elif isinstance(value, list):
            stack.extend(value)
    try:
        joined = "".join(texts)
    except TypeError:  # a key that is not text, in a mapping built in code
        joined = "".join(map(str, texts))
    return not _lone_surrogate(joined)


def json_kind(value: object) -> str:
    """Name the JSON type of ``value`` for an error message ("a number", "text", ...)."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "an array"
    if value is None:
        return "null"
    return "an object"


class FieldValueError(ValueError):
    """A value broke an invariant of a field, which the error names.

    Raised by the constructors of the public types. It is a :class:`ValueError`,
    so code that catches ``ValueError`` catches it.

    Attributes:
        field: The name of the offending field.

    .. versionadded:: 0.1.0
    """

    __module__ = "interviewdecide"

    field: str

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


class FieldTypeError(TypeError):
    """A field was given a value of the wrong type, which the error names.

    Attributes:
        field: The name of the offending field.

    .. versionadded:: 0.1.0
    """

    __module__ = "interviewdecide"

    field: str

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")
