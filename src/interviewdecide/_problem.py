"""One problem found in outside input: where it is, and what is wrong there.

:class:`~interviewdecide.InvalidInput` carries a tuple of them, and the lenient
readers report what they left out with them. A problem is data: code that moves it
(to a path inside a larger document, say) builds a new one from its parts, and
only :meth:`Problem.__str__` lays the two out as one ``message @ path`` line.

This module defines an attrs class, so :mod:`._errors` imports it only when an
error is built: deciding never pays for it.
"""

from __future__ import annotations

import attrs

from ._errors import one_line
from ._validators import instance_of

__all__ = ["Problem", "rebased"]


@attrs.frozen
class Problem:
    """One problem in outside input: its path in the document, and what is wrong.

    Each problem of :class:`~interviewdecide.InvalidInput` is one; a lenient reader
    also reports each property it could not read and left out as one (in
    :attr:`Reading.skipped <interviewdecide.Reading.skipped>`).

    Attributes:
        path: Where the problem is, from the document's root ``$``: a JSON path
            such as ``$.offers[1].status`` or ``$["min salary"]`` (object keys
            that are not names are quoted as JSON).
        message: What is wrong there, as written (it may quote the input, line
            breaks included).

    ``str(problem)`` is ``message @ path`` on one line: line breaks quoted from the
    input are escaped.

    .. versionadded:: 0.2.0
    """

    path: str = attrs.field(validator=instance_of(str))
    message: str = attrs.field(validator=instance_of(str))

    def __str__(self) -> str:
        return one_line(f"{self.message} @ {self.path}")


def rebased(problem: Problem, root: str) -> Problem:
    """Return ``problem`` found in a part of a document, with its path from the whole.

    ``root`` is the part's own path; the problem's path starts at the part's ``$``.
    """
    return Problem(root + problem.path.removeprefix("$"), problem.message)
