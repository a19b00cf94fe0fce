"""The benchmark's floor does the library's work: it must agree with decide().

bench/run.py compares decide() with a straight-line floor and asserts, before
timing, that both give the same verdicts. The benchmark is not part of the test
run, so without this test a change to a rule's wording would leave the floor
behind unnoticed until someone next measured.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import interviewdecide as idc

_RUN = Path(__file__).parent.parent / "bench" / "run.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", _RUN)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    return module


def test_the_floor_agrees_with_decide_on_every_benchmark_input(bench: ModuleType) -> None:
    people = bench.candidates()
    cases = [
        (people[(i * 7) % len(people)], invitation, bench.POLICIES[i % len(bench.POLICIES)])
        for i, invitation in enumerate(bench.invitations(512))
    ]

    disagree = [
        i
        for i, (candidate, invitation, policy) in enumerate(cases)
        if bench.plain(idc.decide(candidate, invitation, policy=policy))
        != bench.plain(bench.floor_decide(candidate, invitation, policy))
    ]

    assert disagree == []
    assert len({bench.plain(idc.decide(*c[:2], policy=c[2])) for c in cases}) > 100
