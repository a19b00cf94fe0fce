"""Decide many candidate-invitation pairs in parallel: across processes, or with Dask.

Every interviewdecide value is a frozen attrs class and every rule a plain,
module-level function, so candidates, invitations, policies, pipelines and verdicts
all pickle. Work can therefore be cut into chunks and sent to other processes, or to
the workers of a Dask cluster, and the verdicts that come back are equal to the ones
:func:`interviewdecide.decide` gives in the calling process.

Run it to compare the three ways on synthetic data (Dask is optional:
``pip install "dask[bag]"``)::

    python examples/scale_dask.py 200000
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice, repeat
from typing import TypeVar

from interviewdecide import (
    Aspirations,
    Candidate,
    Invitation,
    JobPosting,
    Offer,
    OfferStatus,
    Policy,
    Verdict,
    decide,
    from_json,
)

T = TypeVar("T")

#: One unit of work: who decides, and about which invitation.
Pair = tuple[Candidate, Invitation]


def decide_chunk(pairs: Iterable[Pair], policy: Policy | None = None) -> list[Verdict]:
    """Decide every pair of one chunk, in order; the unit of work a worker runs."""
    return [decide(candidate, invitation, policy=policy) for candidate, invitation in pairs]


def chunks(pairs: Iterable[Pair], size: int) -> Iterator[list[Pair]]:
    """Cut ``pairs`` into lists of at most ``size``, keeping their order."""
    it = iter(pairs)
    while chunk := list(islice(it, size)):
        yield chunk


def tally_chunk(pairs: Iterable[Pair], policy: Policy | None = None) -> Counter[tuple[str, str]]:
    """Decide one chunk and count its verdicts by action and deciding rule.

    A verdict carries its whole trace, so sending it back to the caller costs about
    as much as deciding it. When only totals are wanted, reduce on the worker.
    """
    return Counter((v.action.value, v.decided_by) for v in decide_chunk(pairs, policy))


def _pool(workers: int | None) -> ProcessPoolExecutor:
    # "spawn" works the same on every platform and never forks a threaded process.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


def decide_in_processes(
    pairs: Iterable[Pair],
    *,
    chunk_size: int = 5_000,
    workers: int | None = None,
    policy: Policy | None = None,
) -> list[Verdict]:
    """Decide every pair with a pool of worker processes; verdicts in input order.

    Chunks of a few thousand pairs keep the cost of each round trip small beside
    the work.
    """
    with _pool(workers) as pool:
        done = pool.map(decide_chunk, chunks(pairs, chunk_size), repeat(policy))
        return [verdict for chunk in done for verdict in chunk]


def tally_in_processes(
    pairs: Iterable[Pair],
    *,
    chunk_size: int = 5_000,
    workers: int | None = None,
    policy: Policy | None = None,
) -> Counter[tuple[str, str]]:
    """Count verdicts by action and deciding rule, reducing on the workers."""
    with _pool(workers) as pool:
        return sum(
            pool.map(tally_chunk, chunks(pairs, chunk_size), repeat(policy)), start=Counter()
        )


def decide_with_dask(
    pairs: Iterable[Pair],
    *,
    chunk_size: int = 5_000,
    policy: Policy | None = None,
    scheduler: str | None = "processes",
) -> list[Verdict]:
    """Decide every pair with Dask, one task per chunk; verdicts in input order.

    ``scheduler`` picks Dask's local scheduler (``"processes"``, ``"threads"`` or
    ``"sync"``); pass ``None`` to use the cluster of an active
    ``dask.distributed.Client``. Each chunk is wrapped with ``traverse=False`` and
    tasks are impure, so Dask neither walks nor hashes millions of values to name
    the tasks.
    """
    import dask

    tasks = [
        dask.delayed(decide_chunk, pure=False)(dask.delayed(chunk, traverse=False), policy)
        for chunk in chunks(pairs, chunk_size)
    ]
    done: tuple[list[Verdict], ...] = dask.compute(*tasks, scheduler=scheduler)
    return [verdict for chunk in done for verdict in chunk]


def tally_with_dask(
    pairs: Iterable[Pair],
    *,
    chunk_size: int = 5_000,
    policy: Policy | None = None,
    scheduler: str | None = "processes",
) -> Counter[tuple[str, str]]:
    """Count verdicts by action and deciding rule with Dask, reducing on the workers."""
    import dask

    tasks = [
        dask.delayed(tally_chunk, pure=False)(dask.delayed(chunk, traverse=False), policy)
        for chunk in chunks(pairs, chunk_size)
    ]
    total: Counter[tuple[str, str]] = dask.delayed(sum)(tasks, start=Counter()).compute(
        scheduler=scheduler
    )
    return total


def _decide_line(line: str, candidate: Candidate, policy: Policy | None) -> Verdict:
    return decide(candidate, from_json(Invitation, line), policy=policy)


def decide_json_lines_with_dask(
    candidate: Candidate,
    paths: str | Sequence[str],
    *,
    policy: Policy | None = None,
    scheduler: str | None = "processes",
) -> list[Verdict]:
    """Decide invitations stored one JSON document per line, read on the workers.

    With millions of invitations in files (or object storage), each worker reads
    and parses its own share, so only verdicts travel. ``paths`` may hold globs
    (``"inbox-*.jsonl"``).
    """
    import dask.bag as db

    lines = db.read_text(paths).map(str.strip).filter(bool)
    verdicts: list[Verdict] = lines.map(_decide_line, candidate, policy).compute(
        scheduler=scheduler
    )
    return verdicts


_TITLES = ("Data Engineer", "Junior Data Engineer", "Data Analyst", "Platform Engineer")


def synthetic_pairs(count: int) -> list[Pair]:
    """Build ``count`` varied pairs on which every rule of the default pipeline decides.

    Twenty candidates with 0 to 19 years of experience (half state the roles they
    want; the last has accepted an offer), four titles, and every answer on fit.
    """
    candidates = [
        Candidate(
            name=f"Candidate {n}",
            years_experience=n,
            aspirations=Aspirations(roles={"data engineer"} if n % 2 else ()),
            offers=[Offer(company="Initech", status=OfferStatus.ACCEPTED)] if n == 19 else (),
        )
        for n in range(20)
    ]
    return [
        (
            candidates[i % 20],
            Invitation(
                posting=JobPosting(
                    title=_TITLES[i % 4],
                    company=f"Company {i % 97}",
                    required_years=i % 11,
                ),
                matches_aspirations=(None, True, False)[i % 3],
            ),
        )
        for i in range(count)
    ]


def _rate(label: str, count: int, run: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = run()
    print(f"{label:>20}: {count / (time.perf_counter() - start):>9,.0f} pairs/s")
    return result


def main(count: int) -> None:
    """Decide ``count`` synthetic pairs serially, in processes and with Dask."""
    pairs = synthetic_pairs(count)
    serial = _rate("serial", count, lambda: decide_chunk(pairs))
    totals = Counter((v.action.value, v.decided_by) for v in serial)
    checks = {
        "processes": _rate("processes", count, lambda: decide_in_processes(pairs)) == serial,
        "processes, tally": _rate("processes, tally", count, lambda: tally_in_processes(pairs))
        == totals,
        "dask": _rate("dask", count, lambda: decide_with_dask(pairs)) == serial,
        "dask, tally": _rate("dask, tally", count, lambda: tally_with_dask(pairs)) == totals,
    }
    print("all equal to serial:", all(checks.values()))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
