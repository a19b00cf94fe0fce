"""Benchmarks of interviewdecide, reported as ratios against hand-written baselines.

Not a test, and not part of the default test run. Run it with::

    python bench/run.py [--quick]

Every figure is the best of several repeats timed with :func:`time.perf_counter`;
the spread between repeats (slowest / fastest - 1) is printed beside it as the
machine's noise. Ratios compare two measurements taken in the same process, so a
slow machine changes the seconds, not the ratios. Goals (issue 6):

- ``decide()`` per call against a straight-line version of the same four checks
  that builds the same trace: at most 2x;
- ``triage()`` on 100,000 invitations, per invitation, against ``decide()``: at
  most 1.3x; and the peak memory per invitation (tracemalloc);
- ``from_json``/``to_json`` of a candidate with offers against ``json.loads`` plus
  direct constructor calls, and ``json.dumps`` of a hand-built dict: at most 3x;
- ``import interviewdecide`` in a fresh process against ``import attrs`` (median of
  fresh processes): at most 1.5x.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import interviewdecide as idc
from interviewdecide import (
    Action,
    Alternative,
    Candidate,
    Concern,
    Fact,
    Invitation,
    JobPosting,
    Money,
    Offer,
    OfferStatus,
    Outcome,
    Policy,
    Step,
    Verdict,
)

QUICK = "--quick" in sys.argv
REPEATS = 3 if QUICK else 7


def timed(run: Callable[[], object], repeats: int = REPEATS) -> tuple[float, float]:
    """Return the best time of ``repeats`` runs and the spread between them."""
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    best = min(times)
    return best, max(times) / best - 1


def report(  # noqa: PLR0913, PLR0917 -- one figure, one line
    name: str, ours: float, base: float, noise: float, goal: float, unit: str
) -> bool:
    ratio = ours / base
    ok = ratio <= goal
    print(
        f"{name:<44} {ours * 1e6:9.2f} vs {base * 1e6:9.2f} {unit}  "
        f"ratio {ratio:5.2f}x (goal <= {goal}x) {'ok' if ok else 'OVER'}  noise {noise:.0%}"
    )
    return ok


# -- decide() against a straight-line version -------------------------------------

_DEFAULT = Policy()


def _years(value: float) -> str:
    return f"{value:g} year" + ("" if value == 1 else "s")


def straight_decide(  # noqa: C901, PLR0912, PLR0915 -- straight-line on purpose
    candidate: Candidate, invitation: Invitation
) -> Verdict:
    """The four checks of the default pipeline, inline, for the benchmark's inputs.

    Covers what the inputs below use: offers none accepted, aspirations with roles
    only, the default policy (no ratio, no shortfall), postings with or without a
    figure, hearsay concerns. Anything else raises, so the benchmark cannot
    silently compare different work.
    """
    policy = _DEFAULT
    if candidate.accepted_offers or not candidate.offers:
        raise NotImplementedError
    statuses = ", ".join(f"{o.company}: {o.status.value}" for o in candidate.offers)
    lapsed = sum(o.status in {OfferStatus.RESCINDED, OfferStatus.EXPIRED} for o in candidate.offers)
    extra = f" Rescinded or expired offers ({lapsed}) no longer bind you." if lapsed else ""
    offer_step = Step(
        rule="accepted-offer",
        outcome=Outcome.NO_OBJECTION,
        reason=f"None of your offers is accepted ({statuses}).{extra}",
        facts=(Fact(name="offers", value=statuses),),
    )
    posting = invitation.posting
    answer = invitation.matches_aspirations
    if answer is False:
        fit_step = Step(
            rule="fit",
            outcome=Outcome.DECLINE,
            reason="You said this role does not match what you want now, so decline "
            "it with a short, polite e-mail.",
            facts=(Fact(name="matches_aspirations", value=False),),
        )
    elif answer is None:
        wants = candidate.aspirations
        if wants.industries or wants.companies or wants.avoid_companies or wants.locations:
            raise NotImplementedError
        if wants.arrangements or wants.min_salary is not None or not wants.roles:
            raise NotImplementedError
        title = set(_WORD.findall(posting.title.casefold()))
        hits = sorted(r for r in wants.roles if set(_WORD.findall(r.casefold())) <= title)
        if hits:
            detail = f"the title '{posting.title}' matches your aim '{hits[0]}'"
            fit_step = Step(
                rule="fit",
                outcome=Outcome.ATTEND,
                reason=f"Compared with what you want, nothing decisive clashes: {detail}.",
                facts=(
                    Fact(name="role", value="match"),
                    Fact(name="clashes_to_decline", value=1),
                ),
            )
        else:
            detail = (
                f"the title '{posting.title}' matches none of your aims "
                f"({', '.join(sorted(wants.roles))})"
            )
            fit_step = Step(
                rule="fit",
                outcome=Outcome.DECLINE,
                reason="Compared with what you want, 1 fact(s) clash (the policy declines "
                f"at 1): {detail}.",
                facts=(
                    Fact(name="role", value="clash"),
                    Fact(name="clashes_to_decline", value=1),
                ),
            )
    else:
        raise NotImplementedError
    held, asked = candidate.years_experience, posting.required_years
    flip = None
    facts: list[Fact] = []
    if asked is None:
        outcome = Outcome.NOT_APPLICABLE
        sentences = ["The job description states no experience figure."]
    else:
        surplus = policy.overqualified_surplus_years
        limit = held - surplus
        facts = [
            Fact(name="years_held", value=held),
            Fact(name="years_asked", value=asked),
            Fact(name="years_asked_from_text", value=posting.required_years_from_text),
            Fact(name="overqualified_surplus_years", value=surplus),
            Fact(name="overqualified_ratio", value=None),
        ]
        stated = f"The job description asks for {_years(asked)} and you hold {_years(held)}"
        rule_text = f"the policy's threshold is a surplus of {_years(surplus)}"
        if held - asked >= surplus:
            outcome = Outcome.DECLINE
            sentences = [
                f"{stated}; {rule_text}, so the job description itself shows you are "
                "overqualified and you can skip it."
            ]
            flip = (
                f"With {_years(held)} held, you would attend if the posting asked for more "
                f"than {_years(max(limit, 0) if limit >= 0 else 0)}; it asks for {_years(asked)}."
            )
        else:
            outcome = Outcome.NO_OBJECTION
            sentences = [f"{stated}; {rule_text}, and you are within it."]
            if limit >= 0:
                flip = (
                    f"With {_years(held)} held, you would be judged overqualified if the "
                    f"posting asked for {_years(limit)} or fewer; it asks for {_years(asked)}."
                )
    if any(c.basis is idc.Basis.JOB_DESCRIPTION for c in invitation.concerns):
        raise NotImplementedError
    if invitation.concerns:
        words = {idc.Basis.FRIENDS_ADVICE: "friends' advice", idc.Basis.HEARSAY: "hearsay"}
        bases = ", ".join(sorted({words[c.basis] for c in invitation.concerns}))
        kinds = ", ".join(sorted({c.kind.value for c in invitation.concerns}))
        pointer = (
            "check what the job description asks before declining"
            if asked is None
            else "the job description's own figure above is what counts"
        )
        sentences.append(
            f"Your worry that you are {kinds} rests on {bases}, not on the job "
            f"description, so it does not justify declining: {pointer}."
        )
        if outcome is not Outcome.DECLINE:
            outcome = Outcome.NOTE
    facts += [
        Fact(name=f"concern[{i}]", value=f"{c.kind.value} ({c.basis.value})")
        for i, c in enumerate(invitation.concerns)
    ]
    if outcome is Outcome.NOT_APPLICABLE:
        sentences.append("You raised no concern about being overqualified or unsuitable.")
    suit_step = Step(
        rule="suitability",
        outcome=outcome,
        reason=" ".join(sentences),
        facts=facts,
        counterfactual=flip,
    )
    learn_step = Step(
        rule="learning",
        outcome=Outcome.ATTEND,
        reason="An interview commits you to nothing, and even one you are unsure about "
        "is practice in interviewing and in talking with people.",
    )
    trace = (offer_step, fit_step, suit_step, learn_step)
    declines = [s for s in trace if s.outcome is Outcome.DECLINE]
    attends = [s for s in trace if s.outcome is Outcome.ATTEND]
    decider = declines[0] if declines else attends[0]
    rest = [s for s in trace if s.rule != decider.rule]
    other = next((s for s in rest if s.outcome is Outcome.DECLINE), None) or next(
        (s for s in rest if s.outcome is Outcome.ATTEND), None
    )
    return Verdict(
        action=Action.DECLINE if decider.outcome is Outcome.DECLINE else Action.ATTEND,
        decided_by=decider.rule,
        trace=trace,
        combined_by="decline-wins",
        policy=policy,
        alternative=None
        if other is None
        else Alternative(
            action=Action.DECLINE if other.outcome is Outcome.DECLINE else Action.ATTEND,
            decided_by=other.rule,
        ),
    )


_WORD = re.compile(r"\w+")

CANDIDATE = Candidate(
    name="Mei Lin",
    years_experience=7,
    aspirations=idc.Aspirations(roles={"data engineer"}),
    offers=(Offer(company="Globex"), Offer(company="Hooli", status=OfferStatus.EXPIRED)),
)
_HEARSAY = Concern(kind=idc.ConcernKind.OVERQUALIFIED, basis=idc.Basis.FRIENDS_ADVICE)


def invitation(i: int) -> Invitation:
    """The i-th request of a fixed, mixed inbox: every shape appears every 4 requests."""
    posting = JobPosting(
        title=("Data Engineer", "Senior Data Engineer", "Barista", "Data Engineer")[i % 4],
        company=f"Company {i}",
        required_years=(2.0, 4.0, None, 6.0)[i % 4],
    )
    kind = i % 4
    if kind == 1:
        return Invitation(posting=posting, concerns=(_HEARSAY,))
    if kind == 2:
        return Invitation(posting=posting, matches_aspirations=False)
    return Invitation(posting=posting)


def bench_decide() -> bool:
    inbox = [invitation(i) for i in range(400)]
    for inv in inbox:
        assert idc.decide(CANDIDATE, inv) == straight_decide(CANDIDATE, inv), inv
    loops = 5 if QUICK else 25

    def ours() -> None:
        for _ in range(loops):
            for inv in inbox:
                idc.decide(CANDIDATE, inv)

    def base() -> None:
        for _ in range(loops):
            for inv in inbox:
                straight_decide(CANDIDATE, inv)

    calls = loops * len(inbox)
    t_ours, n1 = timed(ours)
    t_base, n2 = timed(base)
    return report(
        "decide() vs straight-line, per call", t_ours / calls, t_base / calls, max(n1, n2), 2, "us"
    )


def bench_triage() -> bool:
    n = 10_000 if QUICK else 100_000
    inbox = [invitation(i) for i in range(n)]

    def ours() -> None:
        idc.triage(CANDIDATE, inbox, draft_emails=False)

    def with_emails() -> None:
        idc.triage(CANDIDATE, inbox)

    def base() -> None:
        for inv in inbox:
            idc.decide(CANDIDATE, inv)

    repeats = 3
    t_ours, n1 = timed(ours, repeats)
    t_base, n2 = timed(base, repeats)
    t_mail, n3 = timed(with_emails, repeats)
    ok = report(
        f"triage(draft_emails=False) of {n:,} vs decide()",
        t_ours / n,
        t_base / n,
        max(n1, n2),
        1.3,
        "us",
    )
    report(
        f"triage() of {n:,} (default: e-mails) vs decide()",
        t_mail / n,
        t_base / n,
        max(n3, n2),
        1.3,
        "us",
    )
    gc.collect()
    tracemalloc.start()
    result = idc.triage(CANDIDATE, inbox)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    small = n // 10
    tracemalloc.start()
    idc.triage(CANDIDATE, inbox[:small])
    _, peak_small = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    per, per_small = peak / n, peak_small / small
    print(
        f"{'triage() peak memory (tracemalloc)':<44} {peak / 2**20:9.1f} MiB for {n:,}: "
        f"{per / 1024:.2f} KiB per invitation ({per_small / 1024:.2f} KiB at {small:,}; "
        f"proportional: {per / per_small:.2f}x)"
    )
    assert len(result.items) == n
    return ok and per / per_small < 1.5


# -- JSON ------------------------------------------------------------------------


def bench_json() -> bool:
    offers = tuple(
        Offer(
            company=f"Company {i}",
            status=OfferStatus.PENDING,
            role="Engineer",
            salary=Money(amount=Decimal(f"{80000 + i}.50"), currency="EUR"),
            received_at=dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.UTC),
            deadline=dt.datetime(2024, 3, 15, 17, 0, tzinfo=dt.UTC),
        )
        for i in range(5)
    )
    candidate = Candidate(
        name="Mei Lin",
        years_experience=7.5,
        aspirations=idc.Aspirations(roles={"data engineer"}, industries={"software"}),
        offers=offers,
        email="mei@example.com",
    )
    text = idc.to_json(candidate)

    def hand_read() -> Candidate:
        data = json.loads(text)
        asp = data["aspirations"]
        return Candidate(
            name=data["name"],
            years_experience=data["years_experience"],
            aspirations=idc.Aspirations(
                roles=asp["roles"],
                industries=asp["industries"],
                companies=asp["companies"],
                avoid_companies=asp["avoid_companies"],
                locations=(),
                arrangements=(),
                min_salary=None,
            ),
            offers=tuple(
                Offer(
                    company=o["company"],
                    status=OfferStatus(o["status"]),
                    role=o["role"],
                    salary=Money(
                        amount=Decimal(o["salary"]["amount"]), currency=o["salary"]["currency"]
                    ),
                    received_at=dt.datetime.fromisoformat(o["received_at"]),
                    deadline=dt.datetime.fromisoformat(o["deadline"]),
                )
                for o in data["offers"]
            ),
            email=data["email"],
        )

    def hand_write() -> str:
        c = candidate
        a = c.aspirations
        return json.dumps(
            {
                "name": c.name,
                "years_experience": c.years_experience,
                "aspirations": {
                    "roles": sorted(a.roles),
                    "industries": sorted(a.industries),
                    "companies": sorted(a.companies),
                    "avoid_companies": sorted(a.avoid_companies),
                    "locations": [],
                    "arrangements": [],
                    "min_salary": None,
                },
                "offers": [
                    {
                        "company": o.company,
                        "status": o.status.value,
                        "role": o.role,
                        "salary": None
                        if o.salary is None
                        else {"amount": str(o.salary.amount), "currency": o.salary.currency},
                        "received_at": None if o.received_at is None else o.received_at.isoformat(),
                        "deadline": None if o.deadline is None else o.deadline.isoformat(),
                    }
                    for o in c.offers
                ],
                "email": c.email,
            },
            ensure_ascii=False,
        )

    assert hand_read() == idc.from_json(Candidate, text) == candidate
    assert hand_write() == text
    loops = 500 if QUICK else 3000

    def loop(fn: Callable[[], Any]) -> Callable[[], None]:
        def run() -> None:
            for _ in range(loops):
                fn()

        return run

    t1, n1 = timed(loop(lambda: idc.from_json(Candidate, text)))
    t2, n2 = timed(loop(hand_read))
    t3, n3 = timed(loop(lambda: idc.to_json(candidate)))
    t4, n4 = timed(loop(hand_write))
    ok = report(
        "from_json(Candidate, 5 offers) vs loads+ctors",
        t1 / loops,
        t2 / loops,
        max(n1, n2),
        3,
        "us",
    )
    return (
        report(
            "to_json(Candidate, 5 offers) vs hand dumps",
            t3 / loops,
            t4 / loops,
            max(n3, n4),
            3,
            "us",
        )
        and ok
    )


# -- import ----------------------------------------------------------------------


def import_time(module: str, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)  # noqa: S603
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return median, (statistics.quantiles(times, n=4)[2] - min(times)) / median


def bench_import() -> bool:
    runs = 10 if QUICK else 21
    ours, n1 = import_time("interviewdecide", runs)
    base, n2 = import_time("attrs", runs)
    empty, _ = import_time("sys", runs)
    ok = report(
        "import interviewdecide vs import attrs", ours, base, max(n1, n2), 1.5, "us (median)"
    )
    print(
        f"{'  minus interpreter start-up':<44} {(ours - empty) * 1e3:9.1f} vs "
        f"{(base - empty) * 1e3:9.1f} ms  ratio {(ours - empty) / (base - empty):5.2f}x"
    )
    return ok


def main() -> int:
    print(f"interviewdecide {idc.__version__}, Python {sys.version.split()[0]}, best of {REPEATS}")
    results = [bench_decide(), bench_triage(), bench_json(), bench_import()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
