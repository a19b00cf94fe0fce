"""Fast paths give what the slow paths give: trusted values, one-pass combining, caches, gc."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import costly
from interviewdecide import (
    Action,
    Candidate,
    Conflict,
    Fact,
    Invitation,
    JobPosting,
    Outcome,
    Pipeline,
    Policy,
    Step,
    TriageItem,
    Verdict,
    by_policy,
    decide,
    decline_wins,
    first_decisive,
    testing,
    triage,
)
from interviewdecide import _match as match
from interviewdecide._trace import shared_fact
from interviewdecide.typing import Combiner

#: Spellings as people type them, mixed with any text Hypothesis finds.
_MESSY = st.sampled_from(
    [
        "Sr. Software Engineer II",
        "software-engineer",
        "SWE",
        "Data Engineer (m/f/d)",
        "Ingénieur données",
        "Initech, Inc.",
        "INITECH LLC",
        "Grab Holdings Inc.",
        "Germany (DE)",
        "the Netherlands",
        "U.K.",
        "DEU",
        "  NSW ",
        "Front-End Developer",
        "",
    ]
) | st.text(max_size=30)


def _rebuilt(cls: type[Any], value: Any, **changes: Any) -> Any:
    """Build ``value`` again through the public, validating constructor of ``cls``."""
    fields = {f.name: getattr(value, f.name) for f in attrs.fields(cls)}
    return cls(**(fields | changes))


def _validated_step(step: Step) -> Step:
    facts = tuple(_rebuilt(Fact, f) for f in step.facts)
    children = tuple(_validated_step(c) for c in step.children)
    again: Step = _rebuilt(Step, step, facts=facts, children=children)
    return again


class TestLibraryMadeValues:
    """Steps, facts and verdicts built without validators equal validated ones."""

    @given(testing.candidates(), testing.invitations(), testing.policies())
    def test_decide_equals_the_validating_constructors(
        self, candidate: Candidate, invitation: Invitation, policy: Policy
    ) -> None:
        """Every value decide() makes passes, and equals, the public constructors."""
        verdict = decide(candidate, invitation, policy=policy)

        trace = tuple(_validated_step(s) for s in verdict.trace)
        again = _rebuilt(Verdict, verdict, trace=trace)

        assert again == verdict
        assert hash(again) == hash(verdict)
        assert again.explain() == verdict.explain()

    @pytest.mark.fuzz
    @costly
    @given(testing.candidates(), st.lists(testing.invitations(), max_size=4))
    def test_triage_items_equal_the_validating_constructor(
        self, candidate: Candidate, invitations: list[Invitation]
    ) -> None:
        """Every item triage makes passes, and equals, the public TriageItem constructor."""
        result = triage(candidate, invitations, draft_emails=False)

        for item in (*result.attend, *result.decline, *result.deferred):
            again = _rebuilt(TriageItem, item)
            assert again == item
            assert hash(again) == hash(item)
            assert (item.email, item.note) == (None, None)

    def test_shared_facts_keep_equal_values_of_other_types_apart(self) -> None:
        """1, 1.0 and True are equal in Python but read differently in JSON and text."""
        values = [shared_fact("threshold", v).value for v in (1, 1.0, True, 1, True)]

        assert [type(v) for v in values] == [int, float, bool, int, bool]
        assert shared_fact("threshold", 2) is shared_fact("threshold", 2)

    def test_policy_facts_are_one_value_across_requests(self) -> None:
        """A batch keeps one instance of each policy and comparison fact, not one per item."""
        mei = Candidate(name="Mei", years_experience=3)
        first, second = (
            decide(mei, JobPosting(title=title, required_years=2)) for title in ("A", "B")
        )

        shared = [
            a is b
            for one, other in zip(first.trace, second.trace, strict=True)
            for a, b in zip(one.facts, other.facts, strict=True)
        ]
        assert shared.count(True) >= 6
        assert False in shared  # the years held and asked are per request

    def test_steps_that_never_vary_are_shared(self) -> None:
        """learning, "no offers" and the candidate's own answer are one value each."""
        mei = Candidate(name="Mei", years_experience=3)
        first = decide(mei, Invitation(posting=JobPosting(title="A"), matches_aspirations=True))
        second = decide(mei, Invitation(posting=JobPosting(title="B"), matches_aspirations=True))

        assert [True, True, False, True] == [
            a is b for a, b in zip(first.trace, second.trace, strict=True)
        ]
        assert (
            Step(
                rule="fit",
                outcome=Outcome.ATTEND,
                reason=first.trace[1].reason,
                facts=(Fact(name="matches_aspirations", value=True),),
            )
            == first.trace[1]
        )


@attrs.frozen
class _Slow:
    """A built-in combiner behind a wrapper, so the pipeline takes its general path."""

    combine: Combiner
    advice_id: str

    def __call__(self, trace: tuple[Step, ...], policy: Policy) -> Step | None:
        return self.combine(trace, policy)


def _constant(name: str, outcome: Outcome) -> Any:
    def rule(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
        return Step(rule=name, outcome=outcome, reason=f"{name} says {outcome.value}.")

    rule.advice_id = name  # type: ignore[attr-defined]
    return rule


def _outcome_or_error(pipeline: Pipeline, policy: Policy) -> Any:
    mei = Candidate(name="Mei", years_experience=3)
    try:
        return pipeline.decide(mei, JobPosting(title="Analyst"), policy=policy)
    except (TypeError, ValueError) as e:
        return type(e), str(e)


_FINDINGS = st.lists(
    st.tuples(st.sampled_from(["a", "b", "c", "default"]), st.sampled_from(Outcome)), max_size=6
)


class TestOnePassCombining:
    """The one-pass pick equals combining twice, the second time without the decider."""

    @pytest.mark.parametrize(
        ("fast", "slow_name"),
        [(decline_wins, "decline-wins"), (first_decisive, "first-decisive")],
    )
    @given(findings=_FINDINGS)
    def test_named_combiners(
        self, fast: Combiner, slow_name: str, findings: list[tuple[str, Outcome]]
    ) -> None:
        """Repeated rule names, abstentions and no decision at all included."""
        rules = [_constant(name, outcome) for name, outcome in findings]
        slow = Pipeline(rules, combine=_Slow(fast, slow_name))

        expected = _outcome_or_error(slow, Policy())

        assert expected == _outcome_or_error(Pipeline(rules, combine=fast), Policy())

    @pytest.mark.parametrize("conflict", list(Conflict))
    @given(findings=_FINDINGS)
    def test_by_policy(self, conflict: Conflict, findings: list[tuple[str, Outcome]]) -> None:
        """The default combiner follows the policy's conflict setting on the fast path too."""
        policy = Policy(conflict=conflict)
        name = conflict.value.replace("_", "-")
        rules = [_constant(n, o) for n, o in findings]
        slow = Pipeline(rules, combine=_Slow(by_policy, name))

        expected = _outcome_or_error(slow, policy)

        assert expected == _outcome_or_error(Pipeline(rules), policy)

    def test_two_rules_of_one_name_that_disagree_are_refused(self) -> None:
        """The deciding rule's first decisive step must agree, on the fast path too."""
        rules = [_constant("x", Outcome.ATTEND), _constant("x", Outcome.DECLINE)]

        kind, message = _outcome_or_error(Pipeline(rules), Policy())

        assert (True, True) == (issubclass(kind, ValueError), "disagrees with the" in message)

    def test_alternative_skips_an_attend_of_the_deciding_rule(self) -> None:
        """Without the deciding rule, its own attend does not count either."""
        rules = [
            _constant("x", Outcome.DECLINE),
            _constant("x", Outcome.ATTEND),
            _constant("y", Outcome.ATTEND),
        ]

        verdict = _outcome_or_error(Pipeline(rules), Policy())

        assert (Action.DECLINE, "x", "y") == (
            verdict.action,
            verdict.decided_by,
            verdict.alternative.decided_by,
        )


class TestMatchCaches:
    """The bounded caches of the matching helpers answer as the uncached functions do."""

    @given(_MESSY, _MESSY)
    def test_titles(self, aim: str, title: str) -> None:
        """Each title cache answers as its function computed afresh, and a match is stable."""
        for cached in (match._words, match._wanted, match._title_words):
            for text in (aim, title):
                assert cached.__wrapped__(text) == cached(text)
        assert match.title_matches(aim, title) == match.title_matches(aim, title)

    @given(_MESSY, _MESSY)
    def test_employers_and_places(self, a: str, b: str) -> None:
        """Employer keys, place names and country codes agree with the uncached forms."""
        key = match._employer_key.__wrapped__

        assert (key(a) == key(b), match.normalise_place.__wrapped__(a)) == (
            match.same_employer(a, b),
            match.normalise_place(a),
        )
        assert match.country_code.__wrapped__(a) == match.country_code(a)

    def test_caches_are_bounded(self) -> None:
        """However many spellings arrive, each cache keeps at most its bound."""
        cached = (
            match._words,
            match._wanted,
            match._title_words,
            match._employer_key,
            match.normalise_place,
            match.country_code,
        )
        for i in range(match._CACHE_SIZE + 100):
            match.title_matches(f"analyst {i}", f"Analyst {i}")
            match.same_employer(f"Firm {i} B.V.", "Initech")
            match.country_code(f"Land {i}")

        assert [match._CACHE_SIZE] * 6 == [f.cache_info().currsize for f in cached]
        assert [match._CACHE_SIZE] * 6 == [f.cache_info().maxsize for f in cached]


@pytest.fixture
def collector() -> Iterator[None]:
    """Leave the garbage collector as the test found it, nothing frozen."""
    was = gc.isenabled()
    yield
    gc.unfreeze()
    if was:
        gc.enable()
    else:
        gc.disable()


_INBOX: list[Invitation | JobPosting] = [
    JobPosting(title="Barista", company="Café Noir", required_years=0),
    JobPosting(title="Sr. Data-Engineer II", company="Initech, Inc.", required_years=2),
    Invitation(posting=JobPosting(title="Analyst"), matches_aspirations=False),
]
_MEI = Candidate(name="Mei Tan", years_experience=7, email="mei@example.com")


class TestGarbageCollector:
    """triage holds the collector off while it works and restores it as it was."""

    @pytest.mark.usefixtures("collector")
    @pytest.mark.parametrize("enabled", [True, False])
    def test_restored(self, enabled: bool) -> None:
        """Enabled stays enabled and disabled stays disabled."""
        gc.enable() if enabled else gc.disable()

        triage(_MEI, _INBOX)

        assert enabled == gc.isenabled()

    @pytest.mark.usefixtures("collector")
    def test_restored_on_error(self) -> None:
        """A bad request midway raises, and the collector runs again."""
        gc.enable()

        with pytest.raises(TypeError, match=r"invitations\[2\]"):
            triage(_MEI, [*_INBOX[:2], "Barista", _INBOX[2]])  # type: ignore[list-item]

        assert gc.isenabled()

    def test_held_only_while_deciding(self) -> None:
        """Rules see the collector off, and it is back on once triage returns."""
        seen = []

        def watch(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
            seen.append(gc.isenabled())
            return Step(rule="watch", outcome=Outcome.NOTE, reason="Watched.")

        triage(_MEI, _INBOX, pipeline=Pipeline().with_rule(watch))

        assert ([False] * len(_INBOX), True) == (seen, gc.isenabled())

    @pytest.mark.usefixtures("collector")
    def test_no_cycles_left_behind(self) -> None:
        """Deciding and drafting e-mails leave nothing only the collector could free."""
        gc.collect()
        gc.disable()

        result = triage(_MEI, [*_INBOX, *(JobPosting(title=f"Clerk {i}") for i in range(20))])

        assert (0, 3) == (gc.collect(), len([i for i in result.decline if i.email]))

    @pytest.mark.usefixtures("collector")
    def test_what_triage_made_joins_the_oldest_generation(self) -> None:
        """The next collection need not walk the batch: it is filed as long-lived."""
        gc.enable()

        result = triage(_MEI, _INBOX)
        oldest = {id(o) for o in gc.get_objects(generation=2)}

        assert [True] * 3 == [id(i.verdict) in oldest for i in result.items]

    @pytest.mark.usefixtures("collector")
    def test_a_callers_freeze_is_kept(self) -> None:
        """Objects the caller froze stay frozen, and none of the batch is added."""
        gc.freeze()
        frozen = gc.get_freeze_count()

        triage(_MEI, _INBOX)
        after = gc.get_freeze_count()

        # A frozen object whose last reference goes is still freed, so the count may
        # fall by a few; an unfreeze would drop it to zero, a freeze would add the batch.
        assert frozen - 100 <= after <= frozen


_LOADED = """
import sys
from interviewdecide.__main__ import main
try:
    main({argv!r})
except SystemExit:
    pass
heavy = ("cattrs", "interviewdecide._tone", "interviewdecide.serialization", "email")
print(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy))
"""


class TestCommandLineStartsCheap:
    """--version and --help load neither cattrs nor the tone rules."""

    @pytest.mark.parametrize(
        "argv", [["--version"], ["--help"], ["decide", "--help"], ["triage", "--help"], []]
    )
    def test_nothing_heavy_loaded(self, argv: list[str]) -> None:
        """Only what parsing the arguments needs is imported."""
        done = subprocess.run(
            [sys.executable, "-c", _LOADED.format(argv=argv)],
            capture_output=True,
            text=True,
            check=True,
        )

        assert "[]" == done.stdout.splitlines()[-1]

    def test_the_inbox_type_loads_without_the_command_line(self) -> None:
        """Inbox, a public type, lives beside the command but does not load argparse."""
        code = (
            "import sys, interviewdecide; interviewdecide.Inbox; "
            "print(sorted(m for m in ('argparse', 'interviewdecide._cli._main') if m in sys.modules))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )

        assert "[]" == done.stdout.strip()

    def test_reasons_listed_in_help_and_checked(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The decline reasons, read when needed, still show in help and refuse a typo."""
        from interviewdecide import DeclineReason
        from interviewdecide.__main__ import main

        with pytest.raises(SystemExit):
            main(["draft-decline", "--help"])
        shown = " ".join(capsys.readouterr().out.split())
        with pytest.raises(SystemExit):
            main(["draft-decline", "inbox.json", "--reason", "poorfit"])
        refused = capsys.readouterr().err

        assert [True] * len(DeclineReason) == [r.value in shown for r in DeclineReason]
        assert "invalid choice: 'poorfit'" in refused
