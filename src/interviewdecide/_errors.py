"""The one error that bad input raises."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["InvalidInput"]


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
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))

    @classmethod
    def at(cls, path: str, message: str) -> InvalidInput:
        """Build an error with one problem at ``path`` (``$`` is the root)."""
        return cls([f"{message} @ {path}"])


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
