"""One plain function per piece of per-invitation advice, and the combinators.

Every rule has the same signature, ``rule(candidate, invitation, policy) -> Step``
(see :class:`interviewdecide.typing.Rule`), returns exactly one
:class:`~interviewdecide.Step`, and never raises for valid input. A rule reads only
its arguments; it never parses and never decides alone: the
:class:`~interviewdecide.Pipeline` combines all findings into a verdict.

The combinators (:func:`all_of`, :func:`any_of`, :func:`when`) each return a rule, so
they nest like attrs' validator combinators.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext
from types import MappingProxyType
from typing import NamedTuple

from ._grammar import count, join_words, plural
from ._match import Comparison, compare_places, same_employer, title_matches
from ._model import (
    Aspirations,
    Basis,
    Candidate,
    Invitation,
    JobPosting,
    OfferStatus,
    Policy,
    WorkArrangement,
)
from ._trace import Fact, Outcome, Step, made_fact, made_step, shared_fact
from .typing import Rule

__all__ = [
    "accepted_offer",
    "all_of",
    "any_of",
    "fit",
    "learning",
    "overqualified_limit",
    "rule_name",
    "suitability",
    "when",
]


def rule_name(rule: Callable[..., object]) -> str:
    """Return the name a rule's steps carry: its ``advice_id``, else its function name.

    Underscores become hyphens, so :func:`accepted_offer` is ``"accepted-offer"``.

    .. versionadded:: 0.1.0
    """
    advice_id = getattr(rule, "advice_id", None)
    if isinstance(advice_id, str):
        return advice_id
    name = getattr(rule, "__name__", type(rule).__name__)
    return str(name).replace("_", "-")


def _years(value: float) -> str:
    """Format a year count: ``7`` -> ``"7 years"``, ``1`` -> ``"1 year"``."""
    return f"{value:g} year" + ("" if value == 1 else "s")


def _exact(value: float) -> Decimal:
    """A year count as the exact decimal the user wrote (``7.1`` is 7.1, not 7.0999...)."""
    return Decimal(repr(value))


def _bound(value: Decimal, *, up: bool) -> float:
    """Round a threshold to two decimals, in the direction that keeps a claim true.

    "More than X" must hold for every figure above X, so X is rounded up; "X or
    fewer" and "less than X" round down.
    """
    with localcontext() as context:
        # Room for every digit of a huge figure (a year count may be any finite float).
        context.prec = max(context.prec, value.adjusted() + 3)
        return float(value.quantize(_CENTS, rounding=ROUND_CEILING if up else ROUND_FLOOR))


_CENTS = Decimal("0.01")


_MATCH, _CLASH, _UNKNOWN = Comparison.MATCH, Comparison.CLASH, Comparison.UNKNOWN


# -- accepted-offer --------------------------------------------------------------

#: The finding for a candidate without offers never varies: one shared step.
_NO_OFFERS = Step(
    rule="accepted-offer",
    outcome=Outcome.NOT_APPLICABLE,
    reason="You have no offers on record, so no accepted offer stands in the way.",
)


def accepted_offer(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """Decline interviews with other employers once the candidate has accepted an offer.

    Advice ``accepted-offer``: with an offer accepted, further interviews only tire
    the candidate; focus on the job in hand. Only an offer whose status is
    :attr:`~interviewdecide.OfferStatus.ACCEPTED` counts (one that was rescinded or
    has expired no longer binds), and only one from another employer: a request
    from the employer whose offer was accepted is not declined by this rule.
    Employer names compare ignoring case, punctuation and legal forms ("Initech,
    Inc." is Initech). A posting that names no employer may be anyone, so an
    accepted offer declines it.

    .. versionadded:: 0.1.0
    """
    accepted = candidate.accepted_offers
    company = invitation.posting.company
    if accepted:
        elsewhere = [
            o for o in accepted if company is None or not same_employer(o.company, company)
        ]
        if not elsewhere:
            return made_step(
                rule="accepted-offer",
                outcome=Outcome.NO_OBJECTION,
                reason=(
                    f"The offer you accepted is from {accepted[0].company}, the employer "
                    "asking, so it is no reason to decline this request."
                ),
                facts=(made_fact(name="accepted_offer_from", value=accepted[0].company),),
            )
        companies = join_words(o.company for o in elsewhere)
        return made_step(
            rule="accepted-offer",
            outcome=Outcome.DECLINE,
            reason=(
                f"You have accepted an offer from {companies}, so decline interviews "
                "with other employers and put your energy into the job you said yes to."
            ),
            facts=(made_fact(name="accepted_offer_from", value=companies),),
        )
    if not candidate.offers:
        return _NO_OFFERS
    statuses = ", ".join(f"{o.company}: {o.status.value}" for o in candidate.offers)
    lapsed = sum(o.status in {OfferStatus.RESCINDED, OfferStatus.EXPIRED} for o in candidate.offers)
    extra = (
        f" {count(lapsed, 'rescinded or expired offer')} no longer "
        f"{plural(lapsed, 'binds', 'bind')} you."
        if lapsed
        else ""
    )
    return made_step(
        rule="accepted-offer",
        outcome=Outcome.NO_OBJECTION,
        reason=f"You have accepted none of your offers ({statuses}).{extra}",
        facts=(made_fact(name="offers", value=statuses),),
    )


# -- fit -------------------------------------------------------------------------


class _Check(NamedTuple):
    """One dimension of fit, compared.

    A need is a condition the posting must meet (an employer not avoided, pay, an
    arrangement, a place); an aim is one of several alternatives (a role, an
    employer, an industry) of which one matching is enough.
    """

    dimension: str
    need: bool
    found: Comparison
    detail: str


def _role_check(wants: Aspirations, posting: JobPosting) -> _Check | None:
    if not wants.roles:
        return None
    hits = sorted(r for r in wants.roles if title_matches(r, posting.title))
    if hits:
        return _Check(
            "role", False, _MATCH, f"the title '{posting.title}' fits your aim '{hits[0]}'"
        )
    aims = join_words([f"'{r}'" for r in sorted(wants.roles)], "or")
    return _Check("role", False, _CLASH, f"the title '{posting.title}' is not {aims}")


class _NamedAim(NamedTuple):
    """An aim the candidate names (an employer, an industry), compared by ``same``."""

    dimension: str
    noun: str
    same: Callable[[str, str], bool]
    unknown: str

    def check(self, wanted: frozenset[str], offered: str | None) -> _Check | None:
        if not wanted:
            return None
        if offered is None:
            return _Check(self.dimension, False, _UNKNOWN, self.unknown)
        if any(self.same(w, offered) for w in wanted):
            return _Check(self.dimension, False, _MATCH, f"{offered} is an {self.noun} you want")
        names = join_words(sorted(wanted), "or")
        return _Check(self.dimension, False, _CLASH, f"the {self.noun}, {offered}, is not {names}")


def _same_words(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


_EMPLOYER_AIM = _NamedAim(
    "company", "employer", same_employer, "the posting does not name its employer"
)
_INDUSTRY_AIM = _NamedAim("industry", "industry", _same_words, "the posting states no industry")


def _company_check(wants: Aspirations, posting: JobPosting) -> _Check | None:
    return _EMPLOYER_AIM.check(wants.companies, posting.company)


def _industry_check(wants: Aspirations, posting: JobPosting) -> _Check | None:
    return _INDUSTRY_AIM.check(wants.industries, posting.industry)


def _avoided_check(wants: Aspirations, posting: JobPosting) -> _Check | None:
    if not wants.avoid_companies:
        return None
    if posting.company is None:
        return _Check(
            "avoided_company",
            True,
            _UNKNOWN,
            "the posting does not name its employer, so it cannot be checked against "
            "those you avoid",
        )
    if any(same_employer(c, posting.company) for c in wants.avoid_companies):
        return _Check(
            "avoided_company", True, _CLASH, f"{posting.company} is an employer you avoid"
        )
    return None


def _pay_check(wants: Aspirations, posting: JobPosting) -> _Check | None:
    floor = wants.min_salary
    if floor is None:
        return None
    if posting.salary is None:
        return _Check("pay", True, _UNKNOWN, "the posting states no pay")
    best = posting.salary.best_per_year()
    if best is None:
        return _Check(
            "pay", True, _UNKNOWN, "the posting's pay is too large to scale to a year and compare"
        )
    if best.currency != floor.currency:
        return _Check(
            "pay",
            True,
            _UNKNOWN,
            f"the pay is in {best.currency} and your floor in {floor.currency}, so they "
            "were not compared",
        )
    enough = best.amount >= floor.amount
    return _Check(
        "pay",
        True,
        _MATCH if enough else _CLASH,
        f"the pay reaches {best.amount:,.0f} {best.currency} a year, "
        + ("at or above" if enough else "below")
        + f" your floor of {floor.amount:,.0f}",
    )


def _arrangement_check(wants: Aspirations, posting: JobPosting) -> _Check | None:
    if not wants.arrangements:
        return None
    if posting.arrangement is None:
        return _Check(
            "arrangement", True, _UNKNOWN, "the posting does not say where the work is done"
        )
    if posting.arrangement in wants.arrangements:
        return _Check("arrangement", True, _MATCH, f"{posting.arrangement.value} work suits you")
    return _Check(
        "arrangement", True, _CLASH, f"the work is {posting.arrangement.value}, which you ruled out"
    )


def _location_check(wants: Aspirations, posting: JobPosting) -> _Check | None:
    if not wants.locations:
        return None
    if posting.arrangement is WorkArrangement.REMOTE:
        # remote work is open to anyone, unless the posting limits where applicants live
        if not posting.applicant_locations:
            return None
        where = "; ".join(str(p) for p in posting.applicant_locations)
        found = compare_places(wants.locations, posting.applicant_locations)
        detail = {
            _MATCH: f"the job is remote for applicants in {where}, a place you want",
            _CLASH: f"the job is remote only for applicants in {where}, not a place you listed",
            _UNKNOWN: f"the job is remote for applicants in {where}, which names no part "
            "that your places also name",
        }[found]
        return _Check("location", True, found, detail)
    if not posting.locations:
        return _Check("location", True, _UNKNOWN, "the posting names no place")
    where = "; ".join(str(p) for p in posting.locations)
    found = compare_places(wants.locations, posting.locations)
    detail = {
        _MATCH: f"the job is in {where}, a place you want",
        _CLASH: f"the job is in {where}, not a place you listed",
        _UNKNOWN: f"the job is in {where}, which names no part that your places also name",
    }[found]
    return _Check("location", True, found, detail)


#: The dimensions of fit in the order the trace lists them: aims, then needs.
_FIT_CHECKS = (
    _role_check,
    _company_check,
    _industry_check,
    _avoided_check,
    _pay_check,
    _arrangement_check,
    _location_check,
)


def _fit_checks(candidate: Candidate, posting: JobPosting) -> list[_Check]:
    wants = candidate.aspirations
    return [c for c in (check(wants, posting) for check in _FIT_CHECKS) if c is not None]


def _own_answer(matches: bool, outcome: Outcome, so: str) -> Step:
    """The ``fit`` finding when the candidate's own answer is ``matches``."""
    does = "matches" if matches else "does not match"
    return Step(
        rule="fit",
        outcome=outcome,
        reason=f"You said this role {does} what you want now, so {so}.",
        facts=(Fact(name="matches_aspirations", value=matches),),
    )


#: The finding when the candidate answered fit themselves: one shared step per answer.
_OWN_ANSWER = MappingProxyType(
    {
        True: _own_answer(True, Outcome.ATTEND, "attend and find out first-hand what they offer"),
        False: _own_answer(False, Outcome.DECLINE, "decline it with a short, polite e-mail"),
    }
)


def _details(checks: list[_Check]) -> str:
    return "; ".join(c.detail for c in checks)


def fit(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """Ask whether the company or role matches what the candidate needs or aims for.

    Advice ``fit``: a "no" declines with a short, polite e-mail; a "yes" attends, to
    learn first-hand what the employer offers before judging further. The
    candidate's own answer (:attr:`~interviewdecide.Invitation.matches_aspirations`)
    wins. Without it the posting is compared with the candidate's
    :class:`~interviewdecide.Aspirations`:

    - needs are conditions: an employer the candidate avoids, pay below the floor
      (same currency), an arrangement or a place the candidate ruled out. An unmet
      need is a "no", even when an aim matches
      (:attr:`~interviewdecide.Policy.fit_needs_outweigh_aims`);
    - aims are alternatives: a wanted role, employer or industry. One matching is a
      "yes"; stated aims of which none matches are a "no"
      (:attr:`~interviewdecide.Policy.fit_unmatched_aims_decline`);
    - with no aims stated, needs that are all met are a "yes".

    What cannot be compared (a city against a country, pay in another currency, a
    posting silent on a point) is unknown, never a clash; with nothing compared the
    rule does not guess. Titles, employers and countries are compared as
    :doc:`/advice` describes (seniority words, role-word equivalents, ISO 3166
    codes and names).

    .. versionadded:: 0.1.0
    """
    if invitation.matches_aspirations is not None:
        return _OWN_ANSWER[invitation.matches_aspirations]
    checks = _fit_checks(candidate, invitation.posting)
    unmet = [c for c in checks if c.need and c.found is _CLASH]
    met = [c for c in checks if c.need and c.found is _MATCH]
    hits = [c for c in checks if not c.need and c.found is _MATCH]
    misses = [c for c in checks if not c.need and c.found is _CLASH]
    unknown = [c for c in checks if c.found is _UNKNOWN]
    threshold = policy.fit_clashes_to_decline
    facts = (
        *(shared_fact(c.dimension, c.found.value) for c in checks),
        shared_fact("clashes_to_decline", threshold),
        shared_fact("needs_outweigh_aims", policy.fit_needs_outweigh_aims),
        shared_fact("unmatched_aims_decline", policy.fit_unmatched_aims_decline),
    )
    short_of_threshold = ""
    if unmet and len(unmet) < threshold:
        short_of_threshold = (
            f" It misses {count(len(unmet), 'need')} ({_details(unmet)}), fewer than "
            f"the {threshold} at which the policy says no."
        )
    if len(unmet) >= threshold and (policy.fit_needs_outweigh_aims or not hits):
        outcome = Outcome.DECLINE
        reason = f"This posting misses what you need: {_details(unmet)}."
        if hits:
            reason += f" That outweighs what matches: {_details(hits)}."
    elif hits:
        outcome = Outcome.ATTEND
        reason = (
            f"This posting matches what you aim for: {_details(hits)}. Attend and find "
            f"out first-hand what they offer.{short_of_threshold}"
        )
        if unmet:  # kept only because the policy lets aims outweigh needs
            reason += (
                f" It misses what you need ({_details(unmet)}), but the policy lets "
                "aims outweigh needs."
            )
    elif misses and policy.fit_unmatched_aims_decline:
        outcome = Outcome.DECLINE
        reason = f"None of your aims that could be compared matches: {_details(misses)}."
    elif met and not unmet:
        outcome = Outcome.ATTEND
        reason = (
            f"This posting meets the needs you stated: {_details(met)}. Attend and find "
            "out first-hand what they offer."
        )
    else:
        outcome = Outcome.NOT_APPLICABLE
        compared = [c for c in checks if c.found is not _UNKNOWN]
        reason = (
            "You have not said whether this role matches what you want, and "
            + (
                f"what could be compared settles nothing: {_details(compared)}."
                if compared
                else "your aspirations give nothing to compare it with."
            )
            + short_of_threshold
        )
    if unknown:
        reason += f" Not compared: {_details(unknown)}."
    return made_step(rule="fit", outcome=outcome, reason=reason, facts=facts)


# -- suitability -----------------------------------------------------------------


def _limit(held: float, policy: Policy) -> Decimal | None:
    have = _exact(held)
    bounds = []
    if policy.overqualified_surplus_years is not None:
        bounds.append(have - _exact(policy.overqualified_surplus_years))
    if policy.overqualified_ratio is not None:
        bounds.append(have / _exact(policy.overqualified_ratio))
    limit = min(bounds, default=None)
    return limit if limit is not None and limit >= 0 else None


def overqualified_limit(held: float, policy: Policy) -> float | None:
    """The most years a posting may ask and still find the candidate overqualified.

    ``suitability`` calls a candidate with ``held`` years overqualified when the
    surplus test (``held - asked >= overqualified_surplus_years``) and the ratio
    test (``held >= overqualified_ratio * asked``) both hold, each where the policy
    sets it; both hold exactly when the job description asks for this figure or
    fewer. ``None`` when no figure makes the candidate overqualified (both tests
    switched off, or too few years held).

    .. versionadded:: 0.1.0
    """
    limit = _limit(held, policy)
    return None if limit is None else float(limit)


def _overqualified(held: float, asked: float, policy: Policy) -> bool:
    """Both of the policy's tests, in exact decimal arithmetic."""
    surplus, ratio = policy.overqualified_surplus_years, policy.overqualified_ratio
    if surplus is None and ratio is None:
        return False
    have, want = _exact(held), _exact(asked)
    return (surplus is None or have - want >= _exact(surplus)) and (
        ratio is None or have >= _exact(ratio) * want
    )


class _Experience(NamedTuple):
    """What the job description's experience figure says, as one finding."""

    outcome: Outcome
    sentence: str
    counterfactual: str | None = None
    facts: tuple[Fact, ...] = ()


def _threshold_words(policy: Policy) -> str:
    parts = []
    if policy.overqualified_surplus_years is not None:
        parts.append(f"at least {_years(policy.overqualified_surplus_years)} more than asked")
    if policy.overqualified_ratio is not None:
        parts.append(f"at least {policy.overqualified_ratio:g} times the figure")
    return " and ".join(parts)


def _experience(candidate: Candidate, posting: JobPosting, policy: Policy) -> _Experience:
    """Judge the job description's experience figure against the years the candidate has."""
    held = candidate.years_experience
    asked = posting.required_years
    if asked is None:
        return _Experience(
            Outcome.NOT_APPLICABLE, "The job description states no experience figure."
        )
    limit = _limit(held, policy)
    source = " (read from the description's text)" if posting.required_years_from_text else ""
    facts = (
        made_fact(name="years_held", value=held),
        made_fact(name="years_asked", value=asked),
        shared_fact("years_asked_from_text", posting.required_years_from_text),
        shared_fact("overqualified_surplus_years", policy.overqualified_surplus_years),
        shared_fact("overqualified_ratio", policy.overqualified_ratio),
        made_fact(
            name="overqualified_at_or_below_years", value=None if limit is None else float(limit)
        ),
    )
    if held > asked:
        ratio = "any multiple of it" if asked == 0 else f"{held / asked:.3g} times it"
        stated = (
            f"The job description asks for {_years(asked)}{source} and you have "
            f"{_years(held)}: {_years(held - asked)} more, {ratio}"
        )
    elif held == asked:
        stated = f"The job description asks for {_years(asked)}{source}, exactly what you have"
    else:
        stated = (
            f"The job description asks for {_years(asked)}{source} and you have "
            f"{_years(held)}, {_years(asked - held)} fewer"
        )
    if _overqualified(held, asked, policy):
        assert limit is not None  # the tests hold only below the limit  # noqa: S101
        return _Experience(
            Outcome.DECLINE,
            f"{stated}. The policy calls that overqualified ({_threshold_words(policy)}), "
            "so the job description itself shows the role is too junior for you.",
            f"With {_years(held)} of experience, this check would not call you "
            f"overqualified if the posting asked for more than {_years(_bound(limit, up=True))}.",
            facts,
        )
    shortfall = policy.underqualified_shortfall_years
    if shortfall is not None and _exact(asked) >= (reach := _exact(held) + _exact(shortfall)):
        return _Experience(
            Outcome.DECLINE,
            f"{stated}. The policy declines a role asking {_years(shortfall)} or more "
            "beyond what you have, so the job description shows it is out of reach.",
            f"With {_years(held)} of experience, this check would not decline if the "
            f"posting asked for less than {_years(_bound(reach, up=False))}.",
            (*facts, shared_fact("underqualified_shortfall_years", shortfall)),
        )
    if limit is None:
        why = (
            "the policy's overqualification test is switched off"
            if policy.overqualified_surplus_years is None and policy.overqualified_ratio is None
            else f"with {_years(held)} no posting would be too junior by the policy's "
            f"test ({_threshold_words(policy)})"
        )
        return _Experience(Outcome.NO_OBJECTION, f"{stated}; {why}.", None, facts)
    return _Experience(
        Outcome.NO_OBJECTION,
        f"{stated}; the policy calls a candidate overqualified only with "
        f"{_threshold_words(policy)}, so the figure does not make you overqualified.",
        f"With {_years(held)} of experience, this check would call you overqualified "
        f"if the posting asked for {_years(_bound(limit, up=False))} or fewer.",
        facts,
    )


_BASIS_WORDS = {
    Basis.JOB_DESCRIPTION: "the job description",
    Basis.FRIENDS_ADVICE: "friends' advice",
    Basis.HEARSAY: "hearsay",
    Basis.OWN_IMPRESSION: "your own impression",
}


def suitability(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """Ask what a belief of being overqualified or unsuitable rests on.

    Advice ``suitability``: the job description is evidence, friends' advice and
    hearsay are not. The description's experience figure declines when the
    candidate is overqualified by both the surplus
    (:attr:`~interviewdecide.Policy.overqualified_surplus_years`) and the ratio
    (:attr:`~interviewdecide.Policy.overqualified_ratio`) tests, see
    :func:`overqualified_limit`; a concern based on the job description declines; a
    concern based on anything else leaves a note that points to the description,
    and never declines by itself.

    .. versionadded:: 0.1.0
    """
    posting = invitation.posting
    found = _experience(candidate, posting, policy)
    outcome = found.outcome
    counterfactual = found.counterfactual
    documented = [c for c in invitation.concerns if c.basis is Basis.JOB_DESCRIPTION]
    hearsay = [c for c in invitation.concerns if c.basis is not Basis.JOB_DESCRIPTION]
    sentences = [found.sentence]
    if documented:
        kinds = join_words(sorted({c.kind.value for c in documented}), "or")
        sentences.append(
            f"You judged yourself {kinds} from the job description, which is a sound "
            "basis to decline."
        )
        outcome = Outcome.DECLINE
        counterfactual = None  # the candidate's own reading decides, whatever the figure
    if hearsay:
        bases = join_words(sorted({_BASIS_WORDS[c.basis] for c in hearsay}))
        kinds = join_words(sorted({c.kind.value for c in hearsay}), "or")
        if outcome is Outcome.DECLINE:
            sentences.append(
                f"Your worry that you are {kinds} rests on {bases}, which is not "
                "evidence; the job description is what decides here."
            )
        else:
            pointer = (
                "check what the job description asks before declining"
                if posting.required_years is None
                else "the job description's own figure above is what counts"
            )
            sentences.append(
                f"Your worry that you are {kinds} rests on {bases}, not on the job "
                f"description, so it is no reason to decline: {pointer}."
            )
            outcome = Outcome.NOTE
    if outcome is Outcome.NOT_APPLICABLE:
        sentences.append("You raised no concern about being overqualified or unsuitable.")
    facts = (
        *found.facts,
        *(
            made_fact(name=f"concern[{i}]", value=f"{c.kind.value} ({c.basis.value})")
            for i, c in enumerate(invitation.concerns)
        ),
    )
    return made_step(
        rule="suitability",
        outcome=outcome,
        reason=" ".join(sentences),
        facts=facts,
        counterfactual=counterfactual,
    )


# -- learning --------------------------------------------------------------------

#: The finding of ``learning`` never varies, so every verdict shares this one step.
_LEARNING = Step(
    rule="learning",
    outcome=Outcome.ATTEND,
    reason=(
        "An interview commits you to nothing, and even one you are unsure about "
        "is practice in interviewing and in talking with people."
    ),
)


def learning(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """Attend when nothing else is decisive: every interview teaches something.

    Advice ``learning``: an interview is not an offer, and even an uncertain one
    trains the candidate in interviewing and in talking with people. In the default
    pipeline this is the tie-breaker.

    .. versionadded:: 0.1.0
    """
    return _LEARNING


# -- combinators -----------------------------------------------------------------

# The combinators' classes live in ._combinators, loaded on first use, so that
# importing the rules (and decide) does not pay for building them.

Predicate = Callable[[Candidate, Invitation, Policy], bool]


def all_of(*rules: Rule, name: str | None = None) -> Rule:
    """Combine rules into one that decides only when every rule agrees.

    The combined step keeps each rule's step as a child; when the rules disagree or
    any abstains, it has no objection.

    Args:
        rules: The rules to run, in order.
        name: The rule name the combined step carries; by default
            ``all-of(a, b)``.

    .. versionadded:: 0.1.0
    """
    from ._combinators import AllOf

    return AllOf(rules, name)


def any_of(*rules: Rule, name: str | None = None) -> Rule:
    """Combine rules into one that takes the first decisive finding among them.

    Args:
        rules: The rules to run, in order; all run, and all land in the trace.
        name: The rule name the combined step carries; by default
            ``any-of(a, b)``.

    .. versionadded:: 0.1.0
    """
    from ._combinators import AnyOf

    return AnyOf(rules, name)


def when(predicate: Predicate, rule: Rule, *, description: str) -> Rule:
    """Run ``rule`` only when ``predicate(candidate, invitation, policy)`` holds.

    When it does not, the step says so and is not applicable.

    Args:
        predicate: Decides whether the rule applies.
        rule: The rule to run.
        description: The condition in words, for the trace.

    .. versionadded:: 0.1.0
    """
    from ._combinators import When

    return When(predicate, rule, description)
