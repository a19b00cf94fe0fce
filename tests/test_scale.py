"""The scale example gives serial decide()'s verdicts, across processes and with Dask."""

from __future__ import annotations

import importlib
import pickle
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings

import interviewdecide
from interviewdecide import (
    Candidate,
    Invitation,
    Pipeline,
    Policy,
    Verdict,
    decide,
    rules,
    testing,
    to_json,
)

EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(scope="module")
def example() -> ModuleType:
    """Import examples/scale_dask.py by name, so worker processes can import it too."""
    sys.path.insert(0, str(EXAMPLES))
    try:
        return importlib.import_module("scale_dask")
    finally:
        sys.path.remove(str(EXAMPLES))


@pytest.fixture(scope="module")
def pairs(example: ModuleType) -> list[tuple[Candidate, Invitation]]:
    """A small, varied batch: every rule decides some of it."""
    batch: list[tuple[Candidate, Invitation]] = example.synthetic_pairs(90)
    return batch


def serial(
    pairs: list[tuple[Candidate, Invitation]], policy: Policy | None = None
) -> list[Verdict]:
    """What plain decide() gives, one pair at a time."""
    return [decide(c, i, policy=policy) for c, i in pairs]


def tally(verdicts: list[Verdict]) -> Counter[tuple[str, str]]:
    """Count verdicts by action and deciding rule."""
    return Counter((v.action.value, v.decided_by) for v in verdicts)


@pytest.fixture
def on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put examples/ on sys.path; spawned workers inherit it to unpickle the example's functions."""
    monkeypatch.syspath_prepend(str(EXAMPLES))


class TestSyntheticPairs:
    def test_every_rule_decides_some(self, pairs: list[tuple[Candidate, Invitation]]) -> None:
        """The test batch exercises declines by fit and suitability and attends by each rule."""
        assert {
            ("attend", "fit"),
            ("attend", "learning"),
            ("decline", "fit"),
            ("decline", "suitability"),
            ("decline", "accepted-offer"),
        } <= set(tally(serial(pairs)))

    def test_chunks_keep_order(self, example: ModuleType) -> None:
        """Chunks hold at most the size asked for and concatenate back to the input."""
        cut = list(example.chunks(range(10), 4))
        assert [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]] == cut


@pytest.mark.usefixtures("on_path")
class TestProcesses:
    def test_verdicts_equal_serial(
        self, example: ModuleType, pairs: list[tuple[Candidate, Invitation]]
    ) -> None:
        """A process pool returns serial decide()'s verdicts, in input order."""
        policy = Policy(overqualified_surplus_years=3)
        got = example.decide_in_processes(pairs, chunk_size=7, workers=2, policy=policy)
        assert serial(pairs, policy) == got

    def test_tally_equals_serial(
        self, example: ModuleType, pairs: list[tuple[Candidate, Invitation]]
    ) -> None:
        """Reducing on the workers gives the counts of serial decide()'s verdicts."""
        got = example.tally_in_processes(pairs, chunk_size=11, workers=2)
        assert tally(serial(pairs)) == got


@pytest.mark.usefixtures("on_path")
class TestDask:
    @pytest.mark.parametrize("scheduler", ["sync", "processes"])
    def test_verdicts_equal_serial(
        self, example: ModuleType, pairs: list[tuple[Candidate, Invitation]], scheduler: str
    ) -> None:
        """Dask's local schedulers return serial decide()'s verdicts, in input order."""
        policy = Policy(fit_clashes_to_decline=2)
        got = example.decide_with_dask(pairs, chunk_size=13, policy=policy, scheduler=scheduler)
        assert serial(pairs, policy) == got

    @pytest.mark.parametrize("scheduler", ["sync", "processes"])
    def test_tally_equals_serial(
        self, example: ModuleType, pairs: list[tuple[Candidate, Invitation]], scheduler: str
    ) -> None:
        """Dask's reduction gives the counts of serial decide()'s verdicts."""
        got = example.tally_with_dask(pairs, chunk_size=17, scheduler=scheduler)
        assert tally(serial(pairs)) == got

    def test_json_lines_equal_serial(
        self, example: ModuleType, pairs: list[tuple[Candidate, Invitation]], tmp_path: Path
    ) -> None:
        """Invitations read from JSON lines on the workers get serial decide()'s verdicts."""
        candidate = pairs[3][0]
        invitations = [i for _, i in pairs]
        for n, part in enumerate((invitations[:40], invitations[40:])):
            text = "".join(to_json(i) + "\n" for i in part)
            (tmp_path / f"inbox-{n}.jsonl").write_text(text + "\n", encoding="utf-8")
        got = example.decide_json_lines_with_dask(
            candidate, str(tmp_path / "inbox-*.jsonl"), scheduler="sync"
        )
        assert serial([(candidate, i) for i in invitations]) == got


def _no_agency(
    candidate: Candidate, invitation: Invitation, policy: Policy
) -> interviewdecide.Step:
    return rules.learning(candidate, invitation, policy)


class TestPickling:
    @settings(max_examples=50)
    @given(testing.verdicts())
    def test_verdicts_pickle(self, verdict: Verdict) -> None:
        """Every verdict survives pickling unchanged."""
        assert verdict == pickle.loads(pickle.dumps(verdict))  # noqa: S301 -- our own bytes

    def test_pipelines_pickle(self) -> None:
        """A pipeline of module-level functions and combinators pickles and still decides."""
        pipeline = Pipeline().with_rule(
            rules.any_of(rules.fit, _no_agency, name="fit-or-learn"), before="learning"
        )
        again = pickle.loads(pickle.dumps(pipeline))  # noqa: S301 -- our own bytes
        candidate = Candidate(name="Mei Tan", years_experience=7)
        invitation = Invitation(posting=interviewdecide.JobPosting(title="Data Engineer"))
        assert pipeline == again
        assert decide(candidate, invitation, pipeline=pipeline) == decide(
            candidate, invitation, pipeline=again
        )
