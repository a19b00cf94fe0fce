"""Benchmark: triage of N invitations against N calls to decide().

Not a test. Run it with ``python bench/bench_triage.py [N] [REPEATS]``. It builds
one realistic inbox of N distinct requests (a mix of good fits, poor fits,
overqualified roles, hearsay concerns and bare postings), then times, in the
same process, N plain :func:`interviewdecide.decide` calls and one
:func:`interviewdecide.triage` of the same inbox without e-mails. Each figure is
the best of REPEATS runs measured with :func:`time.perf_counter`. Triage's budget
is 1.3x the cost of decide() alone.

Drafting the decline e-mails (triage's default) is timed apart, on a tenth of
the inbox, against deciding and drafting each e-mail by hand: a draft is
tone-checked and costs far more than a decision.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable

import interviewdecide as idc

BUDGET = 1.3


def inbox(n: int) -> list[idc.Invitation | idc.JobPosting]:
    """Build ``n`` distinct requests in a fixed, mixed pattern."""
    hearsay = idc.Concern(kind=idc.ConcernKind.OVERQUALIFIED, basis=idc.Basis.FRIENDS_ADVICE)
    titles = ("Data Engineer", "Senior Data Engineer", "Barista", "Sales Manager", "Analyst")
    out: list[idc.Invitation | idc.JobPosting] = []
    for i in range(n):
        posting = idc.JobPosting(
            title=titles[i % len(titles)],
            company=f"Company {i}",
            required_years=(None, 2.0, 4.0, 6.0)[i % 4],
            contact=idc.Contact(name=f"Recruiter {i}", email=f"jobs{i}@example.com"),
        )
        kind = i % 4
        if kind == 0:
            out.append(posting)
        elif kind == 1:
            out.append(idc.Invitation(posting=posting, matches_aspirations=True))
        elif kind == 2:
            out.append(idc.Invitation(posting=posting, concerns=(hearsay,)))
        else:
            out.append(idc.Invitation(posting=posting))
    return out


def best_of(repeats: int, *runs: Callable[[], object]) -> list[float]:
    """Return the fastest of ``repeats`` timings of each run, in seconds.

    The runs take turns within each repeat, so a burst of load on the machine
    slows all of them alike rather than one.
    """
    best = [float("inf")] * len(runs)
    for _ in range(repeats):
        for i, run in enumerate(runs):
            gc.collect()
            start = time.perf_counter()
            run()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def main(argv: list[str]) -> int:
    """Run the benchmark and print the figures; exit 1 when over budget."""
    n = int(argv[1]) if len(argv) > 1 else 10_000
    repeats = int(argv[2]) if len(argv) > 2 else 11
    candidate = idc.Candidate(
        name="Ana Lima",
        years_experience=7,
        aspirations=idc.Aspirations(roles={"data engineer", "analyst"}),
    )
    requests = inbox(n)
    # The e-mail runs are slow (every draft is tone-checked), so they use a sample.
    m = max(1, n // 10)
    sample = requests[:m]

    def decide_each() -> None:
        for request in requests:
            idc.decide(candidate, request)

    def decide_and_keep() -> None:
        # What any caller that needs the verdicts pays: keeping them alive gives
        # the garbage collector work that discarding them does not.
        verdicts = [idc.decide(candidate, request) for request in requests]
        del verdicts

    def triage_all() -> None:
        idc.triage(candidate, requests, draft_emails=False)

    def decide_and_draft() -> None:
        for request in sample:
            verdict = idc.decide(candidate, request)
            if verdict.action is idc.Action.DECLINE:
                idc.draft_decline(candidate, request, verdict=verdict)

    def triage_with_emails() -> None:
        idc.triage(candidate, sample)

    result = idc.triage(candidate, requests, draft_emails=False)
    print(f"invitations: {n} ({len(result.attend)} attend, {len(result.decline)} decline)")
    del result  # a live result would slow the garbage collector in every timing
    decide_each()  # warm up caches and lazy imports
    triage_with_emails()
    t_decide, t_kept, t_triage = best_of(repeats, decide_each, decide_and_keep, triage_all)
    t_draft, t_emails = best_of(repeats, decide_and_draft, triage_with_emails)
    ratio = t_triage / t_decide
    us = 1e6
    print(f"best of {repeats} repeats, time.perf_counter, microseconds per invitation")
    print(f"decide() x {n}                     : {t_decide * us / n:9.2f}")
    print(f"triage(draft_emails=False), {n}    : {t_triage * us / n:9.2f}")
    print(f"  ratio to decide()                    : {ratio:9.3f} (budget {BUDGET})")
    print(f"decide() x {n}, verdicts kept      : {t_kept * us / n:9.2f}")
    print(f"  triage's ratio to that               : {t_triage / t_kept:9.3f}")
    print(f"decide() + draft_decline() x {m}    : {t_draft * us / m:9.2f}")
    print(f"triage() with e-mails, {m}          : {t_emails * us / m:9.2f}")
    print(f"  ratio to decide() + draft_decline()  : {t_emails / t_draft:9.3f}")
    print(f"  ratio to decide() alone              : {t_emails / m / (t_decide / n):9.3f}")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
