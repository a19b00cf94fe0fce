"""Every regular expression that reads user text runs in linear time (issue #15).

A pattern with nested or adjacent unbounded quantifiers over the same characters
backtracks: one crafted line of a decline draft or of a posting's experience text
then costs time that grows with the square of its length, or worse. These tests
build the crafted inputs from the patterns themselves and time them against benign
text of the same size, in the same run: a linear pattern keeps the same ratio at
4 KB and at 32 KB, a quadratic one multiplies it by eight. No wall-clock limit is
asserted, only how the ratio grows.

The public functions are timed against themselves on benign text. A single pattern
is timed against a reference scan of benign text (a run of word characters, the plainest linear
pass of a regular expression), since an anchored pattern such as the salutation
reads a benign draft in constant time.
"""

from __future__ import annotations

import gc
import importlib
import re
import time
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import pytest

from interviewdecide import check_tone
from interviewdecide._readers.schema_org import (
    _AGE,
    _NUMBER,
    _PHRASE,
    _UPPER_BOUND_OR_WINDOW,
    years_from_text,
)
from interviewdecide._tone import (
    _CLOSING,
    _GREETING,
    _PARAGRAPH,
    _SALUTATION,
    _SIGN_OFF,
    _WORD,
    _ExclamationRule,
    _PhraseRule,
    _rules,
    _ShoutingRule,
    _StructureRule,
)

# re's own parser and compiler: private, but the only way to walk a pattern's parts.
_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")
_compiler: Any = importlib.import_module("re._compiler")

# Under pytest-xdist these tests run one after another on one worker, so that two
# timings never compete; the other worker's load slows both sides of a ratio alike.
pytestmark = pytest.mark.xdist_group("timing")

SMALL, LARGE = 4 * 1024, 32 * 1024
#: How much faster than the size the pathological/benign ratio may grow.
GROWTH_LIMIT = 3.0
#: Timings per size and input, and measures before a growing ratio fails a test. More
#: attempts would let a quadratic cost pass on one lucky measure; one repeat lets the
#: first, cold call skew a ratio.
REPEATS, ATTEMPTS = 2, 3
#: Characters tried, in order, when an example of a character class is needed.
ALPHABET = " \t\n.,;:!?'-&/+(1aAkKxXbB$€_\u00a0\x00"
#: What ends a pumped run: it matches none of the patterns' continuations.
STOP = "\x00"

BENIGN = (
    "Dear Ms Okafor,\n\n"
    "Thank you for inviting me to interview for the Analyst role on 3 May. I have "
    "decided not to go ahead, as it is not the right match for me at the moment.\n\n"
    "I would be glad to hear from you about future openings, and I wish the team "
    "well with the search.\n\n"
)


def _fill(head: str, unit: str, size: int, tail: str = "") -> str:
    """``head``, then ``unit`` repeated, then ``tail``: ``size`` characters in all."""
    body = max(size - len(head) - len(tail), 0)
    return head + (unit * (body // len(unit) + 1))[:body] + tail


def _shape(head: str, unit: str, tail: str, size: int) -> str:
    return _fill(head, unit, size, tail)


# -- crafted inputs, from the parse tree of each pattern --------------------------


def _fits(node: Any, state: Any, flags: int, text: str) -> bool:
    """Whether ``text`` is exactly one match of the pattern node ``node``."""
    sub = _parser.SubPattern(state, [node])
    return _compiler.compile(sub, flags).fullmatch(text) is not None


def _walk(items: Any, state: Any, flags: int, prefix: str) -> tuple[str, list[tuple[str, str]]]:
    """An example text of ``items`` and the (prefix, pump) of each unbounded repeat."""
    c = _constants
    example, attacks = "", []
    for node in items:
        op, av = node
        here = prefix + example
        if op is c.LITERAL:
            example += chr(av)
        elif op in (c.NOT_LITERAL, c.IN, c.ANY):
            example += next((ch for ch in ALPHABET if _fits(node, state, flags, ch)), "")
        elif op is c.BRANCH:
            branches = [_walk(b, state, flags, here) for b in av[1]]
            example += branches[0][0]
            attacks += [a for _, more in branches for a in more]
        elif op is c.SUBPATTERN:
            text, more = _walk(av[3], state, flags, here)
            example += text
            attacks += more
        elif op is c.ATOMIC_GROUP:
            text, more = _walk(av, state, flags, here)
            example += text
            attacks += more
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, item = av
            text, more = _walk(item, state, flags, here)
            attacks += more
            if high > 64:  # unbounded, or bounded far past any natural phrase gap
                pumps = [ch for ch in ALPHABET if _fits(item[0], state, flags, ch)][:1]
                attacks += [(here, p) for p in dict.fromkeys([*pumps, text]) if p]
            example += text * max(low, 1)
        # AT (\b, ^, $), lookarounds and group references add no text.
    return example, attacks


def crafted(pattern: re.Pattern[str]) -> Iterator[Callable[[int], str]]:
    """Inputs of a given size that make a backtracking pattern work hard."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    example, attacks = _walk(parsed, parsed.state, pattern.flags, "")
    makers: list[Callable[[int], str]] = []
    for head, pump in attacks:
        # the prefix, then the pumped run, then a character that breaks the match
        makers.append(partial(_shape, head, pump, STOP))
        # the prefix and one pump, over and over ("1.1.1.", "A'A'A'")
        makers.append(partial(_shape, "", head + pump, ""))
    # the whole example, then one repeat of its last character, then a break
    makers.append(partial(_shape, example, example[-1:] or " ", STOP))
    # one of each distinct input
    yield from {make(256): make for make in makers}.values()


# -- timing -----------------------------------------------------------------------


def _time(work: Callable[[], object], calls: int) -> float:
    """Time ``calls`` calls, with the garbage collector off as :mod:`timeit` has it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        for _ in range(calls):
            work()
        return max(time.perf_counter() - start, 1e-7)
    finally:
        if enabled:
            gc.enable()


def growth(
    run: Callable[[str], object],
    make: Callable[[int], str],
    sizes: tuple[int, int],
    reference: Callable[[str], object] | None = None,
) -> float:
    """How much the pathological/benign ratio grows from the small to the large size."""
    on_benign = reference or run

    def ratio(size: int) -> float:
        # The small size runs as many times as fit in the large one, so that both
        # timings cover the same number of characters. Taken in turns, so that a busy
        # moment of the machine slows both alike; the least of a few is the least
        # disturbed.
        bad, good = make(size), _fill("", BENIGN, size)
        calls = sizes[1] // size
        times = [
            (_time(lambda: run(bad), calls), _time(lambda: on_benign(good), calls))
            for _ in range(REPEATS)
        ]
        return min(t for t, _ in times) / min(t for _, t in times)

    return ratio(sizes[1]) / ratio(sizes[0])


def assert_linear(
    run: Callable[[str], object],
    make: Callable[[int], str],
    sizes: tuple[int, int] = (SMALL, LARGE),
    reference: Callable[[str], object] | None = None,
) -> None:
    """Fail when the ratio grows with size in every one of a few measures.

    A linear cost passes at the first measure but on a busy machine; a quadratic one
    grows eightfold, every time.
    """
    seen = []
    for _ in range(ATTEMPTS):
        seen.append(growth(run, make, sizes, reference))
        if seen[-1] <= GROWTH_LIMIT:
            return
    pytest.fail(f"cost grows faster than the size on {make(40)!r}...: {seen}")


def _scan(pattern: re.Pattern[str]) -> Callable[[str], object]:
    # findall walks the matches in C: the timing is the pattern's, not a Python loop's.
    return pattern.findall


#: The reference a single pattern is timed against, on benign text.
REFERENCE = _scan(re.compile(r"\w+"))


def assert_pattern_linear(
    pattern: re.Pattern[str], run: Callable[[str], object] | None = None
) -> None:
    """Every crafted input of ``pattern`` costs linear time; ``run`` applies it."""
    for make in crafted(pattern):
        assert_linear(run or _scan(pattern), make, reference=REFERENCE)


TRIGGERS = [
    pytest.param(trigger, id=f"{rule.id}-{i}")
    for rule in _rules()
    if isinstance(rule, _PhraseRule)
    for i, trigger in enumerate(rule.triggers)
] + [
    pytest.param(pattern, id=f"{rule.id}-{name}")
    for rule in _rules()
    if isinstance(rule, _ShoutingRule | _ExclamationRule)
    for name, pattern in (
        [("run", rule.pattern), ("words", rule.words)]
        if isinstance(rule, _ShoutingRule)
        else [("marks", rule.pattern), ("warm", rule.warm)]
    )
]
_CURTNESS = next(rule for rule in _rules() if isinstance(rule, _StructureRule))
DRAFT_PATTERNS = [
    pytest.param(p, id=name)
    for name, p in [
        ("salutation", _SALUTATION),
        ("closing", _CLOSING),
        ("word", _WORD),
        ("paragraph", _PARAGRAPH),
        ("greeting", _GREETING),
        ("sign-off", _SIGN_OFF),
        ("declines", _CURTNESS.declines),
        ("thanks", _CURTNESS.thanks),
    ]
]
YEARS_PATTERNS = [
    pytest.param(p, id=name)
    for name, p in [
        ("phrase", _PHRASE),
        ("number", _NUMBER),
        ("upper-bound", _UPPER_BOUND_OR_WINDOW),
    ]
]


class TestCrafted:
    """The crafted inputs reach the parts of a pattern that can backtrack."""

    def test_pumps_the_gap_of_a_phrase(self) -> None:
        """A phrase with a free gap is pumped at the gap, after its own prefix."""
        makers = list(crafted(re.compile(r"\bnot\s+interested\s*(?:bye)\b")))

        assert "not interested" + " " * 25 + STOP in [m(40) for m in makers]

    def test_repeats_prefix_and_separator(self) -> None:
        """A class of digits and separators gets the "1.1.1." shape."""
        makers = list(crafted(re.compile(r"\b\d(?:[\d,.]*\d)?\s?k\b")))

        assert "1." * 10 in [m(20) for m in makers]

    def test_catches_a_quadratic_pattern(self) -> None:
        """The check fails on a pattern known to backtrack, so it can fail at all."""
        slow = re.compile(r"a\s*\s*b")

        with pytest.raises(pytest.fail.Exception):
            assert_linear(_scan(slow), lambda n: _fill("a", " ", n, STOP), (1024, 8192), REFERENCE)


class TestLinearPatterns:
    """Each pattern that reads user text keeps its cost linear on crafted input."""

    @pytest.mark.parametrize("pattern", TRIGGERS)
    def test_tone_trigger(self, pattern: re.Pattern[str]) -> None:
        """Every trigger of every phrase rule, taken from the rule table."""
        assert_pattern_linear(pattern)

    @pytest.mark.parametrize("pattern", DRAFT_PATTERNS)
    def test_draft_reading(self, pattern: re.Pattern[str]) -> None:
        """The salutation, closing, word and paragraph patterns."""
        assert_pattern_linear(pattern)

    @pytest.mark.parametrize("pattern", YEARS_PATTERNS)
    def test_years_pattern(self, pattern: re.Pattern[str]) -> None:
        """The patterns of the free-text experience reader, scanned whole."""
        assert_pattern_linear(pattern)

    def test_age_after_a_figure(self) -> None:
        """The age pattern, matched where years_from_text matches it: after the phrase."""
        assert_pattern_linear(_AGE, _AGE.match)


ISSUE_DRAFTS = {
    "digits-and-dots": lambda n: _fill("", "1.", n),
    "not-interested-gap": lambda n: _fill("not interested", " ", n, "x"),
    "capital-apostrophes": lambda n: _fill("", "A'", n),
    "salutation-gap": lambda n: _fill("Dear", " ", n),
    "waste-of-gap": lambda n: _fill("waste of", " ", n),
    "closing-gap": lambda n: _fill("regards", " ", n),
    "stacked-exclamations": lambda n: _fill("", "!! ", n),
    "many-findings": lambda n: _fill("", "This is obviously beneath me. ", n),
    "capital-runs": lambda n: _fill("", "A-", n),
    "gap-after-waste": lambda n: _fill("wasted", " the", n),
    "name-after-offer": lambda n: _fill("offer from", " A", n),
    "marks-after-thanks": lambda n: _fill("Thanks", "!! a", n),
}


class TestIssueInputs:
    """The inputs reported in issue #15, through the public functions."""

    @pytest.mark.parametrize("name", ISSUE_DRAFTS)
    def test_check_tone(self, name: str) -> None:
        """check_tone, findings and their overlap check included."""
        assert_linear(check_tone, ISSUE_DRAFTS[name])

    @pytest.mark.parametrize(
        "make",
        [
            pytest.param(lambda n: _fill("3", " ", n, "x"), id="figure-gap"),
            pytest.param(lambda n: _fill("3 ", "- ", n, "x"), id="range-gap"),
            pytest.param(lambda n: _fill("", "3 ", n), id="many-figures"),
            pytest.param(lambda n: _fill("up to", " ", n, "3 years"), id="bound-gap"),
        ],
    )
    def test_years_from_text(self, make: Callable[[int], str]) -> None:
        """years_from_text, as from_schema_org, from_html and the CLI reach it."""
        assert_linear(years_from_text, make)
