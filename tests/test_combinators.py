"""The combinators' own findings read well for one rule, two rules and more."""

from __future__ import annotations

import pytest

from interviewdecide import Candidate, JobPosting, Pipeline, rules
from interviewdecide.typing import Rule

_MEI = Candidate(name="Mei", years_experience=3)
_POSTING = JobPosting(title="Sr. Software Engineer II", required_years=2)


def _reason(rule: Rule) -> str:
    return Pipeline(rules=(rule,)).decide(_MEI, _POSTING).trace[0].describe()


class TestReasons:
    """Each combined step says what its rules found, in agreeing numbers."""

    @pytest.mark.parametrize(
        ("rule", "expected"),
        [
            (rules.all_of(rules.learning), "[all-of(learning)] attend: Its one rule says attend."),
            (
                rules.all_of(rules.suitability),
                "[all-of(suitability)] no objection: Its one rule reached no decision.",
            ),
            (
                rules.all_of(rules.learning, rules.learning, name="twice"),
                "[twice] attend: Both rules agree: attend.",
            ),
            (
                rules.all_of(rules.learning, rules.learning, rules.learning, name="thrice"),
                "[thrice] attend: All 3 rules agree: attend.",
            ),
            (
                rules.all_of(rules.learning, rules.suitability, name="mixed"),
                "[mixed] no objection: The 2 rules do not all reach the same decision, "
                "so none is taken.",
            ),
            (
                rules.any_of(rules.suitability),
                "[any-of(suitability)] no objection: Its one rule reached no decision.",
            ),
            (
                rules.any_of(rules.suitability, rules.suitability, name="none"),
                "[none] no objection: None of the 2 rules reached a decision.",
            ),
            (
                rules.any_of(rules.suitability, rules.learning),
                "[any-of(suitability, learning)] attend: The first decisive rule, learning, "
                "says attend.",
            ),
        ],
    )
    def test_reason(self, rule: Rule, expected: str) -> None:
        assert expected == _reason(rule)
