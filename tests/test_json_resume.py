"""Candidate.from_json_resume on the JSON Resume sample and on partial dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from interviewdecide import Candidate, InvalidInput, from_json, to_json

SAMPLE = json.loads(
    (Path(__file__).parent / "data" / "jsonresume-sample.resume.json").read_text(encoding="utf-8")
)
AS_OF = dt.date(2025, 6, 30)


def years(*days: int) -> float:
    """The figure the reader gives for spans of these many days each, not overlapping."""
    return round(sum(days) / 365.25, 2)


def span(start: dt.date, end: dt.date) -> int:
    """The days from start to end, both included."""
    return (end - start).days + 1


def resume(*work: Any, **basics: Any) -> dict[str, Any]:
    return {"basics": {"name": "Ada Byron", **basics}, "work": list(work)}


def read(data: Any, as_of: dt.date | None = AS_OF) -> Candidate:
    return Candidate.from_json_resume(data, as_of=as_of)


def problem(data: Any) -> str:
    with pytest.raises(InvalidInput) as info:
        read(data)
    assert 1 == len(info.value.problems)
    return str(info.value.problems[0])


class TestSample:
    def test_sample_resume(self) -> None:
        """The JSON Resume sample gives its name, e-mail and one job's years."""
        candidate = read(SAMPLE)

        assert ("Richard Hendriks", "richard.hendriks@mail.com") == (
            candidate.name,
            candidate.email,
        )
        assert years(span(dt.date(2013, 12, 1), dt.date(2014, 12, 1))) == (
            candidate.years_experience
        )
        assert candidate == from_json(Candidate, to_json(candidate))


class TestYears:
    @pytest.mark.parametrize(
        ("start", "end", "first", "last"),
        [
            ("2019", "2019", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
            ("2019-04", "2019-04", dt.date(2019, 4, 1), dt.date(2019, 4, 30)),
            ("2020-02", "2020-02", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
            ("2019-04-12", "2021", dt.date(2019, 4, 12), dt.date(2021, 12, 31)),
            ("2019", "2019-06-15", dt.date(2019, 1, 1), dt.date(2019, 6, 15)),
        ],
    )
    def test_partial_dates(self, start: str, end: str, first: dt.date, last: dt.date) -> None:
        """A partial start counts from its period's first day, a partial end to its last."""
        candidate = read(resume({"startDate": start, "endDate": end}))

        assert years(span(first, last)) == candidate.years_experience

    def test_ongoing_job_counts_to_as_of(self) -> None:
        """A job without endDate (or with it blank) runs up to the as_of date."""
        expected = years(span(dt.date(2024, 1, 1), AS_OF))

        assert expected == read(resume({"startDate": "2024"})).years_experience
        assert expected == read(resume({"startDate": "2024", "endDate": ""})).years_experience

    @pytest.mark.parametrize("word", ["Present", "present", " PRESENT ", "Current", "now", "Today"])
    def test_a_word_for_now_is_ongoing(self, word: str) -> None:
        """Resume builders write "Present" for a job still held: it runs up to as_of."""
        expected = years(span(dt.date(2024, 1, 1), AS_OF))

        assert expected == read(resume({"startDate": "2024", "endDate": word})).years_experience

    @pytest.mark.parametrize("word", ["Presently", "soon", "06/2021"])
    def test_other_words_are_refused(self, word: str) -> None:
        """Anything else that is not a date is refused at its path."""
        with pytest.raises(InvalidInput) as info:
            read(resume({"startDate": "2024", "endDate": word}))

        assert ["$.work[0].endDate"] == [p.path for p in info.value.problems]

    def test_as_of_datetime(self) -> None:
        """A datetime as_of counts as its date."""
        as_of = dt.datetime(2025, 6, 30, 18, tzinfo=dt.UTC)

        assert read(resume({"startDate": "2024"})) == read(resume({"startDate": "2024"}), as_of)

    def test_as_of_defaults_to_today(self) -> None:
        """Without as_of, ongoing jobs count up to today."""
        today = dt.date.today()  # noqa: DTZ011 -- the reader's own default
        start = today - dt.timedelta(days=800)
        expected = years(span(start, today))
        data = resume({"startDate": start.isoformat()})

        assert expected == read(data, as_of=None).years_experience

    def test_days_after_as_of_do_not_count(self) -> None:
        """A job ending, or starting, after as_of counts only up to as_of."""
        data = resume({"startDate": "2025-06", "endDate": "2026"}, {"startDate": "2025-07"})

        assert years(span(dt.date(2025, 6, 1), AS_OF)) == read(data).years_experience

    def test_overlapping_jobs_are_merged(self) -> None:
        """Days covered by two jobs count once."""
        data = resume(
            {"startDate": "2018-01", "endDate": "2019-12"},
            {"startDate": "2019-06", "endDate": "2020-06"},
            {"startDate": "2018-03", "endDate": "2018-04"},
        )
        assert years(span(dt.date(2018, 1, 1), dt.date(2020, 6, 30))) == (
            read(data).years_experience
        )

    def test_adjacent_and_separate_jobs(self) -> None:
        """Back-to-back jobs join; a gap between jobs does not count."""
        data = resume(
            {"startDate": "2016", "endDate": "2016"},
            {"startDate": "2017", "endDate": "2017"},
            {"startDate": "2020-01-01", "endDate": "2020-01-10"},
        )
        expected = years(span(dt.date(2016, 1, 1), dt.date(2017, 12, 31)), 10)

        assert expected == read(data).years_experience

    @pytest.mark.parametrize("data", [resume(), {"basics": {"name": "Ada"}}])
    def test_no_work(self, data: dict[str, Any]) -> None:
        """A resume without work has no years of experience."""
        assert 0.0 == read(data).years_experience

    def test_email_is_optional(self) -> None:
        """Without basics.email the candidate has no e-mail."""
        assert read(resume()).email is None


class TestInvalid:
    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            ([], "expected an object, got an array @ $"),
            ({}, "missing: a candidate needs basics.name @ $.basics"),
            ({"basics": "Ada"}, "expected an object, got text @ $.basics"),
            ({"basics": {}}, "missing: a candidate needs a name @ $.basics.name"),
            ({"basics": {"name": " "}}, "missing: a candidate needs a name @ $.basics.name"),
            ({"basics": {"name": 3}}, "expected text, got a number @ $.basics.name"),
            ({"basics": {"name": "A\nB"}}, "must be a single line (no line breaks) @ "
             "$.basics.name"),
            (resume(email="a@b\nc"), "must be a single line without control characters, found "
             "'\\n' @ $.basics.email"),
            (resume(email=["a@b"]), "expected text, got an array @ $.basics.email"),
            ({"basics": {"name": "A"}, "work": {}}, "expected an array, got an object @ $.work"),
            (resume(None), "expected an object, got null @ $.work[0]"),
            (resume({"name": "ACME"}), "missing: a job needs a startDate to count its years @ "
             "$.work[0].startDate"),
            (resume({"startDate": 2019}), "expected text, got a number @ $.work[0].startDate"),
        ],
    )  # fmt: skip
    def test_unreadable(self, data: Any, expected: str) -> None:
        """A document that cannot be read is an error at its path."""
        assert expected == problem(data)

    @pytest.mark.parametrize("date", ["2019-13", "2019-02-30", "April 2019", "19", "0000"])
    def test_invalid_dates(self, date: str) -> None:
        """A date that is not YYYY, YYYY-MM or YYYY-MM-DD names its path."""
        data = resume({"startDate": "2017"}, {"startDate": "2018"}, {"startDate": date})
        expected = f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {date!r}"

        assert f"{expected} @ $.work[2].startDate" == problem(data)

    def test_end_before_start(self) -> None:
        """An endDate before its startDate is an error at endDate."""
        data = resume({"startDate": "2020-05", "endDate": "2020-04-30"})

        assert "'2020-04-30' is before startDate '2020-05' @ $.work[0].endDate" == problem(data)
