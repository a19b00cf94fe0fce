"""Hypothesis finds the strategies through its plugin entry point (issue 12 item 7)."""

from __future__ import annotations

import sys
from importlib.metadata import entry_points
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interviewdecide import (
    Candidate,
    DisclosureAdvice,
    Email,
    Extra,
    Inbox,
    Invitation,
    JobPosting,
    Policy,
    Triage,
    Verdict,
    testing,
)
from interviewdecide._hypothesis_plugin import setup

TYPES = (
    Candidate,
    JobPosting,
    Invitation,
    Extra,
    Inbox,
    Policy,
    Verdict,
    Triage,
    DisclosureAdvice,
    Email,
)


class TestEntryPoint:
    """The package declares the entry point, and it registers every type."""

    def test_declared(self) -> None:
        [point] = [p for p in entry_points(group="hypothesis") if p.name == "interviewdecide"]
        assert "interviewdecide._hypothesis_plugin:setup" == point.value
        point.load()()  # testing is loaded: nothing to do, and no error

    def test_setup_imports_testing(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delitem(sys.modules, "interviewdecide.testing")
        setup()
        fresh = sys.modules["interviewdecide.testing"]
        assert fresh is not testing
        assert callable(fresh.register)

    @pytest.mark.parametrize("kind", TYPES, ids=lambda t: t.__name__)
    def test_from_type(self, kind: type[Any]) -> None:
        @settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow], deadline=None)
        @given(st.from_type(kind))
        def check(value: Any) -> None:
            assert isinstance(value, kind)

        check()


class TestOwnData:
    """Drawn invitations and inboxes, id and extra included, round-trip through JSON."""

    @settings(max_examples=60, deadline=None)
    @given(testing.json_values())
    def test_extra_thaws_to_what_it_froze(self, value: Any) -> None:
        assert {"v": value} == Extra({"v": value}).to_dict()


class TestSharedStrategies:
    @pytest.mark.parametrize("name", [n for n in testing.__all__ if n != "register"])
    def test_one_strategy_per_arguments(self, name: str) -> None:
        """Each strategy function gives the same strategy again, which Hypothesis checks once."""
        make = getattr(testing, name)

        assert make() is make()
