"""The one error that bad input raises, and the errors of the constructors."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._problem import Problem

__all__ = [
    "LINE_BREAKS",
    "FieldTypeError",
    "FieldValueError",
    "InvalidInput",
    "at_key",
    "one_line",
]


#: Every character that :meth:`str.splitlines` breaks a line at: the one set of
#: line breaks of the whole package (:mod:`._validators` adds NUL for fields that
#: must hold a single line).
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def one_line(text: str) -> str:
    """Escape line breaks (from quoted input) so that ``text`` stays one line."""
    if LINE_BREAKS.isdisjoint(text):
        return text
    return "".join(repr(c)[1:-1] if c in LINE_BREAKS else c for c in text)


class InvalidInput(ValueError):  # noqa: N818 -- the public name is fixed by API.md
    """Bad data was handed to a reader of outside input.

    Raised by :func:`~interviewdecide.from_json`,
    :meth:`~interviewdecide.JobPosting.from_schema_org`,
    :meth:`~interviewdecide.JobPosting.from_html`,
    :meth:`~interviewdecide.Candidate.from_json_resume` and the command line. The
    message holds one line per problem, ``message @ path``, each naming the
    offending field by its path, such as
    ``'maybe' is not one of [...] @ $.offers[1].status``.

    Args:
        problems: Each a :class:`~interviewdecide.Problem`.

    Attributes:
        problems: Each problem, with its ``path`` and ``message`` apart.

    Raises:
        TypeError: When an item of ``problems`` is not a
            :class:`~interviewdecide.Problem` (a ``"message @ path"`` string, say).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``problems`` holds :class:`~interviewdecide.Problem` instances rather than
       ``message @ path`` strings.
    """

    __module__ = "interviewdecide"

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        from ._problem import Problem  # an attrs class: loaded when an error is built

        self.problems = tuple(problems)
        for i, problem in enumerate(self.problems):
            if not isinstance(problem, Problem):
                raise FieldTypeError(
                    f"problems[{i}]",
                    f"expected a Problem(path, message), got {type(problem).__name__} {problem!r}",
                )
        super().__init__("\n".join(map(str, self.problems)))

    def __reduce__(self) -> tuple[type[InvalidInput], tuple[tuple[Problem, ...]]]:
        return type(self), (self.problems,)

    @classmethod
    def at(cls, path: str, message: str) -> InvalidInput:
        """Build an error with one problem at ``path`` (``$`` is the root)."""
        from ._problem import Problem

        return cls([Problem(path, message)])


def at_key(path: str, key: str) -> str:
    """Extend ``path`` by an object key, in bracket form when it is not a name.

    A key that is not a name is quoted as JSON: ``$["min salary"]``,
    ``$["@graph"]``.
    """
    if key.isidentifier():
        return f"{path}.{key}"
    import json  # on the error path only: deciding need not load json

    return f"{path}[{json.dumps(key)}]"


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


def json_problems(data: Any, path: str = "$") -> list[Problem]:
    r"""Find what no reader accepts in parsed JSON: repeated keys and lone surrogates.

    A repeated key is refused rather than letting the last value silently win, and
    text holding a lone surrogate (a JSON escape such as ``"\ud800"`` with no
    partner) is refused because no UTF-8 output can hold it. The walk is iterative,
    so no nesting depth can exhaust the stack.

    Args:
        data: Parsed JSON (objects, arrays, text, numbers, ...).
        path: The path of ``data`` itself.

    Returns:
        One problem per finding, in document order.
    """
    if _clean(data):
        return []
    import json  # on the error path only

    from ._problem import Problem

    problems: list[Problem] = []
    stack: list[tuple[str, Any]] = [(path, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            if _lone_surrogate(value):
                problems.append(Problem(where, _SURROGATE))
        elif isinstance(value, dict):
            if isinstance(value, DuplicateKeys):
                problems.extend(
                    Problem(at_key(where, k), f"the key {json.dumps(k)} appears more than once")
                    for k in value.duplicates
                )
            children = []
            for key, item in value.items():
                # json.dumps escapes a surrogate, so the path itself stays printable
                child = at_key(where, str(key))
                if _lone_surrogate(str(key)):
                    problems.append(
                        Problem(child, "the key holds a lone surrogate, not valid Unicode")
                    )
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


class _FieldError(Exception):
    """What the two field errors share: the field's name, and the message format.

    Attributes:
        field: The name of the offending field.
        reason: What is wrong with its value, without the field's name.
    """

    field: str
    reason: str

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")

    def __reduce__(self) -> tuple[type[_FieldError], tuple[str, str]]:
        return type(self), (self.field, self.reason)


class FieldValueError(_FieldError, ValueError):
    """A value broke an invariant of a field, which the error names.

    Raised by the constructors of the public types. It is a :class:`ValueError`,
    so code that catches ``ValueError`` catches it. Its message is
    ``field: reason``.

    Attributes:
        field: The name of the offending field.
        reason: What is wrong with its value, without the field's name.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The ``reason`` attribute.
    """

    __module__ = "interviewdecide"


class FieldTypeError(_FieldError, TypeError):
    """A field was given a value of the wrong type, which the error names.

    It is a :class:`TypeError`, with the message and the ``field`` and ``reason``
    attributes of :class:`~interviewdecide.FieldValueError`.

    .. versionadded:: 0.1.0
    """

    __module__ = "interviewdecide"
