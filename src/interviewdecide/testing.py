"""Hypothesis strategies for every public interviewdecide type.

Use them to test your own rules and pipelines against the same space of valid
input the library's own tests use. Needs Hypothesis: ``pip install
interviewdecide[testing]``.

Example::

    from hypothesis import given
    from interviewdecide import decide, testing

    @given(testing.candidates(), testing.invitations())
    def test_my_pipeline_is_total(candidate, invitation):
        decide(candidate, invitation, pipeline=my_pipeline)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from hypothesis import strategies as st

from ._cli._inbox import Inbox
from ._disclosure import DisclosureAdvice, advise_disclosure
from ._email import DeclineReason, Email, draft_decline
from ._model import (
    Aspirations,
    Basis,
    Candidate,
    Concern,
    ConcernKind,
    Conflict,
    Contact,
    Extra,
    Invitation,
    JobPosting,
    Location,
    Money,
    Offer,
    OfferStatus,
    PayPeriod,
    PayRange,
    Policy,
    WorkArrangement,
)
from ._pipeline import decide
from ._readers import Problem, Reading
from ._tone import ToneCategory, ToneFinding, ToneLevel
from ._trace import Fact, Outcome, Step, Verdict
from ._triage import Triage, triage
from ._validators import NOT_IN_A_LINE

__all__ = [
    "aspirations",
    "candidates",
    "concerns",
    "contacts",
    "disclosure_advice",
    "emails",
    "extras",
    "facts",
    "inboxes",
    "invitations",
    "job_postings",
    "json_values",
    "locations",
    "money",
    "offers",
    "pay_ranges",
    "policies",
    "problems",
    "readings",
    "register",
    "single_lines",
    "steps",
    "tone_findings",
    "triages",
    "verdicts",
]


#: Every strategy function returns one strategy per set of arguments: Hypothesis checks
#: a strategy the first time it draws from it, and a test that builds one per example
#: (``data.draw(candidates())``) would pay that check every time, more than the draw.
_shared = functools.cache


@_shared
def single_lines(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank text without line breaks, any Unicode: names, titles, companies."""
    return st.text(
        alphabet=st.characters(exclude_characters=NOT_IN_A_LINE, exclude_categories=["Cs"]),
        min_size=1,
        max_size=max_size,
    ).filter(str.strip)


_years = st.floats(min_value=0, max_value=60, allow_nan=False, allow_infinity=False)
_currencies = st.sampled_from(["EUR", "USD", "GBP", "SGD", "JPY"])
_amounts = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False)
_aware = st.datetimes(
    min_value=dt.datetime(1990, 1, 1),  # noqa: DTZ001 -- bounds for naive generation
    max_value=dt.datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=st.builds(
        dt.timezone,
        st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: dt.timedelta(minutes=m)),
    ),
)


@_shared
def money() -> st.SearchStrategy[Money]:
    """Exact amounts in a few currencies."""
    return st.builds(Money, amount=_amounts, currency=_currencies)


@_shared
@st.composite
def pay_ranges(draw: st.DrawFn) -> PayRange:
    """Pay ranges with a minimum, a maximum or both, over every period."""
    low = draw(st.none() | _amounts)
    high = draw(_amounts if low is None else st.none() | _amounts.map(lambda a: a + low))
    return PayRange(
        currency=draw(_currencies),
        period=draw(st.sampled_from(PayPeriod)),
        minimum=low,
        maximum=high,
    )


@_shared
def locations() -> st.SearchStrategy[Location]:
    """Places with at least one of city, region and country."""
    part = single_lines() | st.sampled_from(
        ["Singapore", "Berlin", "Lyon", "TX", "FR", "Germany", "DE", "UK", "GB", "USA"]
    )
    parts = st.fixed_dictionaries({}, optional={"city": part, "region": part, "country": part})
    return parts.filter(bool).map(lambda kw: Location(**kw))


@_shared
def _addresses() -> st.SearchStrategy[str]:
    # Hypothesis's own local parts, on domains built from a few labels: its default
    # domains sample the whole list of top-level domains, which costs three times as
    # much per example, and no check of an address here reads the top-level domain.
    label = st.lists(
        st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6),
        min_size=1,
        max_size=2,
    ).map("-".join)
    domain = st.builds(
        lambda labels, top: ".".join([*labels, top]),
        st.lists(label, min_size=1, max_size=2),
        st.sampled_from(["com", "org", "example", "io", "de", "co.uk", "xn--p1ai", "museum"]),
    )
    return st.emails(domains=domain)


@_shared
def contacts() -> st.SearchStrategy[Contact]:
    """Named or anonymous contacts."""
    return st.builds(Contact, name=st.none() | single_lines(), email=st.none() | _addresses())


@_shared
def aspirations() -> st.SearchStrategy[Aspirations]:
    """Aspirations with any mix of parts set."""
    words = st.frozensets(
        st.sampled_from(["data engineer", "analyst", "designer", "software", "finance", "health"]),
        max_size=3,
    )
    companies = st.frozensets(
        st.sampled_from(["Acme", "Globex", "Initech", "Umbrella"]), max_size=2
    )
    return st.builds(
        Aspirations,
        roles=words,
        industries=words,
        companies=companies,
        avoid_companies=companies,
        locations=st.lists(locations(), max_size=2),
        arrangements=st.frozensets(st.sampled_from(WorkArrangement)),
        min_salary=st.none() | money(),
    )


@_shared
@st.composite
def offers(draw: st.DrawFn) -> Offer:
    """Offers in every status, with or without terms and dates."""
    received = draw(st.none() | _aware)
    deadline = draw(
        st.none()
        | (
            _aware
            if received is None
            else st.timedeltas(
                min_value=dt.timedelta(seconds=1), max_value=dt.timedelta(days=60)
            ).map(lambda d: received + d)
        )
    )
    return Offer(
        company=draw(single_lines() | st.sampled_from(["Acme", "Globex"])),
        status=draw(st.sampled_from(OfferStatus)),
        role=draw(st.none() | single_lines()),
        salary=draw(st.none() | money()),
        received_at=received,
        deadline=deadline,
    )


@_shared
def candidates() -> st.SearchStrategy[Candidate]:
    """Candidates with any experience, aspirations and offers."""
    return st.builds(
        Candidate,
        name=single_lines(),
        years_experience=_years,
        aspirations=aspirations(),
        offers=st.lists(offers(), max_size=3),
        email=st.none() | _addresses(),
        applied_widely=st.none() | st.booleans(),
    )


@_shared
def job_postings() -> st.SearchStrategy[JobPosting]:
    """Postings with any mix of optional facts."""
    return st.builds(
        JobPosting,
        title=single_lines()
        | st.sampled_from(
            [
                "Junior Data Engineer",
                "Analyst",
                "Designer",
                "Sr. Software Engineer II",
                "Data Analysts (2 openings)",
                "Registered Nurse (ICU) - Nights",
            ]
        ),
        company=st.none() | single_lines() | st.sampled_from(["Acme", "Globex"]),
        required_years=st.none() | _years,
        required_years_from_text=st.booleans(),
        industry=st.none() | st.sampled_from(["finance", "health", "software"]),
        locations=st.lists(locations(), max_size=2),
        arrangement=st.none() | st.sampled_from(WorkArrangement),
        salary=st.none() | pay_ranges(),
        contact=st.none() | contacts(),
        date_posted=st.none() | st.dates(),
        valid_through=st.none() | _aware,
        url=st.none() | st.just("https://jobs.example.com/1"),
        applicant_locations=st.lists(locations(), max_size=2),
        employment_type=st.lists(st.sampled_from(["FULL_TIME", "PART_TIME", "CONTRACTOR"])),
        source=st.none() | st.just('{"@type": "JobPosting"}'),
    )


@_shared
def problems() -> st.SearchStrategy[Problem]:
    """What a lenient reader reports: a property path and a reason.

    .. versionadded:: 0.2.0
    """
    return st.builds(
        Problem,
        path=st.sampled_from(["$.baseSalary", '$["@graph"][1].validThrough', "$.title[0]"]),
        message=single_lines(),
    )


@_shared
def readings() -> st.SearchStrategy[Reading]:
    """A posting as a reader returns it, with what it left out.

    .. versionadded:: 0.2.0
    """
    return st.builds(Reading, posting=job_postings(), skipped=st.lists(problems(), max_size=3))


@_shared
def concerns() -> st.SearchStrategy[Concern]:
    """Concerns of every kind and basis."""
    return st.builds(
        Concern,
        kind=st.sampled_from(ConcernKind),
        basis=st.sampled_from(Basis),
        detail=st.none() | st.text(max_size=30),
    )


@_shared
def json_values() -> st.SearchStrategy[Any]:
    """Any JSON value, as :mod:`json` reads one: nested lists and objects included.

    .. versionadded:: 0.2.0
    """
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=20)
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3)
        ),
        max_leaves=8,
    )


@_shared
def extras() -> st.SearchStrategy[Extra]:
    """The caller's own data on an invitation: any JSON object, often empty.

    .. versionadded:: 0.2.0
    """
    return st.builds(Extra, st.dictionaries(st.text(max_size=10), json_values(), max_size=4))


@_shared
def invitations() -> st.SearchStrategy[Invitation]:
    """Invitations with every fit answer, any concerns, and the caller's own id and data.

    .. versionchanged:: 0.2.0
       With ``id`` and ``extra``.
    """
    return st.builds(
        Invitation,
        posting=job_postings(),
        matches_aspirations=st.none() | st.booleans(),
        concerns=st.lists(concerns(), max_size=3),
        id=st.none() | single_lines().filter(str.strip),
        extra=st.just(Extra()) | extras(),
    )


@_shared
def inboxes() -> st.SearchStrategy[Inbox]:
    """Whole inputs: a candidate, a few invitations and maybe a policy.

    .. versionadded:: 0.2.0
    """
    return st.builds(
        Inbox,
        candidate=candidates(),
        invitations=st.lists(invitations(), max_size=3),
        policy=st.none() | policies(),
    )


@_shared
def policies() -> st.SearchStrategy[Policy]:
    """Policies across every threshold and switch."""
    positive = st.floats(min_value=0.1, max_value=10, allow_nan=False)
    return st.builds(
        Policy,
        overqualified_surplus_years=st.none()
        | st.floats(min_value=0, max_value=20, allow_nan=False),
        overqualified_ratio=st.none() | positive,
        underqualified_shortfall_years=st.none() | positive,
        fit_clashes_to_decline=st.integers(min_value=1, max_value=4),
        fit_needs_outweigh_aims=st.booleans(),
        fit_unmatched_aims_decline=st.booleans(),
        conflict=st.sampled_from(Conflict),
        targeting_share=st.floats(min_value=0, max_value=1),
        targeting_min_batch=st.integers(min_value=1, max_value=20),
        max_interviews=st.none() | st.integers(min_value=0, max_value=10),
    )


@_shared
def facts() -> st.SearchStrategy[Fact]:
    """Facts holding every kind of JSON-safe value."""
    value = (
        st.none()
        | st.booleans()
        | st.integers(min_value=-(2**53), max_value=2**53)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=20)
    )
    return st.builds(Fact, name=st.text(max_size=20), value=value)


@_shared
def steps() -> st.SearchStrategy[Step]:
    """Steps of every outcome, nested through combinator children."""
    leaf = st.builds(
        Step,
        rule=st.sampled_from(["accepted-offer", "fit", "suitability", "learning", "custom"]),
        outcome=st.sampled_from(Outcome),
        reason=st.text(max_size=40),
        facts=st.lists(facts(), max_size=3),
        counterfactual=st.none() | st.text(max_size=40),
    )
    return st.recursive(
        leaf,
        lambda children: st.builds(
            Step,
            rule=st.just("any-of(fit, suitability)"),
            outcome=st.sampled_from(Outcome),
            reason=st.text(max_size=20),
            children=st.lists(children, max_size=3),
        ),
        max_leaves=6,
    )


@_shared
def verdicts() -> st.SearchStrategy[Verdict]:
    """Verdicts as :func:`~interviewdecide.decide` makes them, over every policy."""
    return st.builds(
        lambda c, i, p: decide(c, i, policy=p), candidates(), invitations(), policies()
    )


@_shared
def triages() -> st.SearchStrategy[Triage]:
    """Triages as :func:`~interviewdecide.triage` makes them, repeats included.

    .. versionadded:: 0.1.0
    """
    batch = st.lists(invitations(), max_size=6).flatmap(
        lambda given: st.permutations(given + given[:1])
    )
    return st.builds(lambda c, b, p: triage(c, b, policy=p), candidates(), batch, policies())


@_shared
def disclosure_advice() -> st.SearchStrategy[DisclosureAdvice]:
    """Advice as :func:`~interviewdecide.advise_disclosure` gives it, every stance.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda c, e, made, final: advise_disclosure(
            c, employer=e, employer_made_offer=made, final_stage=final
        ),
        candidates(),
        st.none() | st.sampled_from(["Acme", "Globex"]) | single_lines(),
        st.booleans(),
        st.booleans(),
    )


_header_text = (
    st.text(
        alphabet=st.characters(exclude_categories=["Cc", "Cs", "Zl", "Zp"]),
        min_size=1,
        max_size=40,
    )
    .filter(str.strip)
    # Email refuses RFC 2047 encoded-word syntax ("=?...?=") in a header field.
    .filter(lambda text: "?=" not in text.partition("=?")[2])
)


@_shared
def emails() -> st.SearchStrategy[Email]:
    """E-mails as :func:`~interviewdecide.draft_decline` writes them, and any valid one.

    .. versionadded:: 0.1.0
    """
    drafted = st.builds(
        lambda c, i, r: draft_decline(c, i, reason=r),
        candidates(),
        invitations(),
        st.sampled_from(DeclineReason),
    )
    direct = st.builds(
        Email,
        to=st.none() | st.just("jobs@example.com"),
        to_name=st.none() | _header_text,
        subject=_header_text,
        body=st.text(max_size=200).filter(str.strip),
    )
    return drafted | direct


@_shared
@st.composite
def tone_findings(draw: st.DrawFn) -> ToneFinding:
    """Findings of every category and level, over any span.

    .. versionadded:: 0.1.0
    """
    start = draw(st.integers(min_value=0, max_value=10_000))
    return ToneFinding(
        category=draw(st.sampled_from(ToneCategory)),
        rule=draw(st.text(max_size=30)),
        level=draw(st.sampled_from(ToneLevel)),
        start=start,
        end=draw(st.integers(min_value=start, max_value=start + 10_000)),
        excerpt=draw(st.text(max_size=60)),
        suggestion=draw(st.text(max_size=60)),
    )


def register() -> None:
    """Register these strategies for their types, so that ``st.from_type(Candidate)`` works.

    Importing this module calls it, and Hypothesis imports this module through its
    plugin entry point once the ``testing`` extra is installed; calling it again
    is harmless.

    .. versionadded:: 0.2.0
    """
    for kind, strategy in (
        (Money, money()),
        (PayRange, pay_ranges()),
        (Location, locations()),
        (Contact, contacts()),
        (Aspirations, aspirations()),
        (Offer, offers()),
        (Candidate, candidates()),
        (JobPosting, job_postings()),
        (Concern, concerns()),
        (Extra, extras()),
        (Invitation, invitations()),
        (Inbox, inboxes()),
        (Policy, policies()),
        (Fact, facts()),
        (Step, steps()),
        (Verdict, verdicts()),
        (Triage, triages()),
        (DisclosureAdvice, disclosure_advice()),
        (Email, emails()),
        (ToneFinding, tone_findings()),
    ):
        st.register_type_strategy(kind, strategy)


register()  # st.from_type(Candidate) works once this module is imported
