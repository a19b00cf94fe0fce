"""Tests for the sentence helpers behind every message a job seeker reads."""

from __future__ import annotations

import pytest

from interviewdecide._grammar import count, join_words, plural


class TestPlural:
    """Words agree in number with their count."""

    @pytest.mark.parametrize(
        ("n", "expected"), [(0, "offers"), (1, "offer"), (2, "offers"), (11, "offers")]
    )
    def test_regular(self, n: int, expected: str) -> None:
        """Only exactly one takes the singular."""
        assert expected == plural(n, "offer")

    def test_irregular(self) -> None:
        """An irregular plural is given explicitly."""
        assert ("was", "were") == (plural(1, "was", "were"), plural(3, "was", "were"))


class TestCount:
    """Counts say how many, with the noun in agreement."""

    def test_figures(self) -> None:
        """One, many, and zero as a figure."""
        assert ["1 request", "4 requests", "0 requests"] == [
            count(1, "request"),
            count(4, "request"),
            count(0, "request"),
        ]

    def test_zero_word(self) -> None:
        """A word for zero replaces the figure only for zero."""
        assert ("no live offers", "1 live offer") == (
            count(0, "live offer", zero="no"),
            count(1, "live offer", zero="no"),
        )


class TestJoinWords:
    """Names are listed as a sentence lists them."""

    @pytest.mark.parametrize(
        ("words", "expected"),
        [
            ([], ""),
            (["Initech, Inc."], "Initech, Inc."),
            (["Initech", "Globex GmbH"], "Initech and Globex GmbH"),
            (["Initech", "Globex", "Hooli"], "Initech, Globex and Hooli"),
        ],
    )
    def test_lists(self, words: list[str], expected: str) -> None:
        """None, one, two and three names."""
        assert expected == join_words(iter(words))
