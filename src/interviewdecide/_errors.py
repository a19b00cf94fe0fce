"""The one error that bad input raises."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["InvalidInput"]


#: What :meth:`str.splitlines` breaks a line at.
_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _one_line(problem: str) -> str:
    """Escape line breaks (from quoted input) so that each problem stays one line."""
    if _BREAKS.isdisjoint(problem):
        return problem
    return "".join(repr(c)[1:-1] if c in _BREAKS else c for c in problem)


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

    problems: tuple[str, ...]

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(_one_line(p) for p in problems)
        super().__init__("\n".join(self.problems))

    @classmethod
    def at(cls, path: str, message: str) -> InvalidInput:
        """Build an error with one problem at ``path`` (``$`` is the root)."""
        return cls([f"{message} @ {path}"])


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

    field: str

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")
