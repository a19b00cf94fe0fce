"""Read a JSON Resume document into a candidate.

:func:`read_json_resume` returns the :class:`~interviewdecide.Candidate` it read,
built once; the named constructor
:meth:`~interviewdecide.Candidate.from_json_resume` delegates to it.

Years of experience are counted from ``work``: each job covers the days from its
``startDate`` to its ``endDate``, both included. A partial start date counts from
the first day of its period (``"2019"`` from 1 January, ``"2019-04"`` from 1 April)
and a partial end date to the last day of its period (``"2019"`` to 31 December,
``"2019-04"`` to 30 April), so a job held "2019 to 2019" counts as the whole year.
A job without ``endDate``, or whose ``endDate`` is a word for now ("Present",
"current", "now", "today", as resume builders write it), is ongoing up to the
``as_of`` date, and no day after ``as_of`` counts. Days covered by more than one job
count once. The total is divided by 365.25 and rounded to two decimals.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from interviewdecide._errors import FieldValueError, InvalidInput, json_problems
from interviewdecide._model import Candidate

from ._jsonld import kind as _kind

__all__ = ["read_json_resume"]

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DAYS_PER_YEAR = 365.25


def _object(value: object, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidInput.at(path, f"expected an object, got {_kind(value)}")
    return value


def _text(node: dict[str, Any], key: str, path: str) -> str | None:
    """Read optional text; blank text counts as absent."""
    value = node.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput.at(f"{path}.{key}", f"expected text, got {_kind(value)}")
    return value.strip() or None


def _partial_date(text: str, path: str, *, end: bool) -> dt.date:
    """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: a period's first day, or its last."""
    problem = f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}"
    match = _PARTIAL_DATE.fullmatch(text)
    if match is None:
        raise InvalidInput.at(path, problem)
    year, month, day = match.groups()
    try:
        if day is not None:
            return dt.date(int(year), int(month), int(day))
        if month is not None:
            last = calendar.monthrange(int(year), int(month))[1] if end else 1
            return dt.date(int(year), int(month), last)
        return dt.date(int(year), 12, 31) if end else dt.date(int(year), 1, 1)
    except ValueError:  # a month or day out of range
        raise InvalidInput.at(path, problem) from None


def _merged_days(spans: Iterable[tuple[dt.date, dt.date]]) -> int:
    """Count the days that at least one span covers (each span includes both ends)."""
    total = 0
    current: tuple[dt.date, dt.date] | None = None
    for start, end in sorted(spans):
        if current is not None and start <= current[1] + dt.timedelta(days=1):
            current = (current[0], max(current[1], end))
            continue
        if current is not None:
            total += (current[1] - current[0]).days + 1
        current = (start, end)
    if current is not None:
        total += (current[1] - current[0]).days + 1
    return total


#: What resume builders write as the end of a job still held.
_ONGOING = frozenset({"present", "current", "now", "today", "ongoing"})


def _work_spans(work: object, as_of: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Read ``work`` into spans of days, each cut off at ``as_of``."""
    if not isinstance(work, list):
        raise InvalidInput.at("$.work", f"expected an array, got {_kind(work)}")
    spans = []
    for i, item in enumerate(work):
        path = f"$.work[{i}]"
        job = _object(item, path)
        start_text = _text(job, "startDate", path)
        if start_text is None:
            raise InvalidInput.at(
                f"{path}.startDate", "missing: a job needs a startDate to count its years"
            )
        start = _partial_date(start_text, f"{path}.startDate", end=False)
        end_text = _text(job, "endDate", path)
        if end_text is None or end_text.casefold() in _ONGOING:
            end = as_of
        else:
            end = _partial_date(end_text, f"{path}.endDate", end=True)
            if end < start:
                raise InvalidInput.at(
                    f"{path}.endDate", f"{end_text!r} is before startDate {start_text!r}"
                )
        if start <= as_of:
            spans.append((start, min(end, as_of)))
    return spans


def read_json_resume(data: Any, *, as_of: dt.date | None = None) -> Candidate:
    """Read a candidate from a JSON Resume document.

    Args:
        data: The parsed JSON Resume document.
        as_of: The day that ongoing jobs count up to; today when ``None``. A
            datetime counts as its date.

    Returns:
        The candidate: ``name`` and ``email`` from ``basics``, and
        ``years_experience`` from ``work``.

    Raises:
        InvalidInput: When a part of the document cannot be read, or text in it
            holds a lone surrogate; the message names its path, such as
            ``$.work[2].startDate`` or ``$.basics.email``.
    """
    if as_of is None:
        as_of = dt.date.today()  # noqa: DTZ011 -- the caller's own calendar day
    elif isinstance(as_of, dt.datetime):
        as_of = as_of.date()
    resume = _object(data, "$")
    if problems := json_problems(resume):  # repeated keys, lone surrogates
        raise InvalidInput(problems)
    if resume.get("basics") is None:
        raise InvalidInput.at("$.basics", "missing: a candidate needs basics.name")
    basics = _object(resume["basics"], "$.basics")
    name = _text(basics, "name", "$.basics")
    if name is None:
        raise InvalidInput.at("$.basics.name", "missing: a candidate needs a name")
    email = _text(basics, "email", "$.basics")
    work = resume.get("work")
    days = 0 if work is None else _merged_days(_work_spans(work, as_of))
    try:
        return Candidate(name=name, email=email, years_experience=round(days / _DAYS_PER_YEAR, 2))
    except FieldValueError as e:
        # only name and email can break an invariant (both are text, the years a
        # count made here), and both sit in basics under the same names
        raise InvalidInput.at(f"$.basics.{e.field}", e.reason) from None
