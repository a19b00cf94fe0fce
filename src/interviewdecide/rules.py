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

import re
from collections.abc import Callable, Iterable

import attrs

from ._model import (
    Basis,
    Candidate,
    Invitation,
    JobPosting,
    OfferStatus,
    Policy,
    WorkArrangement,
)
from ._trace import Fact, Outcome, Step
from .typing import Rule

__all__ = [
    "accepted_offer",
    "all_of",
    "any_of",
    "fit",
    "learning",
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


# -- accepted-offer --------------------------------------------------------------


def accepted_offer(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """Decline every interview once the candidate has accepted an offer.

    Advice ``accepted-offer``: with an offer accepted, interviews arranged before it
    only tire the candidate; focus on the job in hand. Only an offer whose status is
    :attr:`~interviewdecide.OfferStatus.ACCEPTED` counts: one that was rescinded or
    has expired no longer binds.

    .. versionadded:: 0.1.0
    """
    accepted = candidate.accepted_offers
    if accepted:
        companies = ", ".join(o.company for o in accepted)
        return Step(
            rule="accepted-offer",
            outcome=Outcome.DECLINE,
            reason=(
                f"You have accepted an offer from {companies}, so decline interviews "
                "arranged before it and put your energy into the job you said yes to."
            ),
            facts=(Fact(name="accepted_offer_from", value=companies),),
        )
    if not candidate.offers:
        return Step(
            rule="accepted-offer",
            outcome=Outcome.NOT_APPLICABLE,
            reason="You have no offers on record, so no accepted offer stands in the way.",
        )
    statuses = ", ".join(f"{o.company}: {o.status.value}" for o in candidate.offers)
    lapsed = sum(o.status in {OfferStatus.RESCINDED, OfferStatus.EXPIRED} for o in candidate.offers)
    extra = f" Rescinded or expired offers ({lapsed}) no longer bind you." if lapsed else ""
    return Step(
        rule="accepted-offer",
        outcome=Outcome.NO_OBJECTION,
        reason=f"None of your offers is accepted ({statuses}).{extra}",
        facts=(Fact(name="offers", value=statuses),),
    )


# -- fit -------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


@attrs.frozen
class _Check:
    """One dimension of fit: matched, clashed, or could not be compared."""

    dimension: str
    verdict: str  # "match", "clash" or "unknown"
    detail: str


def _fit_checks(candidate: Candidate, posting: JobPosting) -> list[_Check]:
    wants = candidate.aspirations
    checks: list[_Check] = []
    if wants.roles:
        title = _words(posting.title)
        hits = sorted(r for r in wants.roles if _words(r) <= title)
        roles = ", ".join(sorted(wants.roles))
        checks.append(
            _Check(
                "role",
                "match",
                f"the title '{posting.title}' matches your aim '{hits[0]}'",
            )
            if hits
            else _Check(
                "role",
                "clash",
                f"the title '{posting.title}' matches none of your aims ({roles})",
            )
        )
    if wants.industries and posting.industry is not None:
        industry = posting.industry.casefold()
        ok = any(i.casefold() == industry for i in wants.industries)
        checks.append(
            _Check(
                "industry",
                "match" if ok else "clash",
                f"the industry '{posting.industry}' is "
                + (
                    "one you want"
                    if ok
                    else f"not among yours ({', '.join(sorted(wants.industries))})"
                ),
            )
        )
    if posting.company is not None:
        company = posting.company.casefold()
        if any(c.casefold() == company for c in wants.avoid_companies):
            checks.append(_Check("company", "clash", f"{posting.company} is an employer you avoid"))
        elif any(c.casefold() == company for c in wants.companies):
            checks.append(_Check("company", "match", f"{posting.company} is an employer you want"))
    if wants.arrangements and posting.arrangement is not None:
        ok = posting.arrangement in wants.arrangements
        checks.append(
            _Check(
                "arrangement",
                "match" if ok else "clash",
                f"the work is {posting.arrangement.value}, which "
                + ("suits you" if ok else "is not an arrangement you accept"),
            )
        )
    if wants.locations and posting.locations and posting.arrangement is not WorkArrangement.REMOTE:
        ok = any(w.matches(p) for w in wants.locations for p in posting.locations)
        where = "; ".join(str(p) for p in posting.locations)
        checks.append(
            _Check(
                "location",
                "match" if ok else "clash",
                f"the job is in {where}, which is "
                + ("a place you want" if ok else "not a place you listed"),
            )
        )
    if wants.min_salary is not None and posting.salary is not None:
        best = posting.salary.best_per_year()
        floor = wants.min_salary
        if best.currency != floor.currency:
            checks.append(
                _Check(
                    "pay",
                    "unknown",
                    f"the pay is in {best.currency} and your floor in {floor.currency}, "
                    "so they were not compared",
                )
            )
        else:
            ok = best.amount >= floor.amount
            checks.append(
                _Check(
                    "pay",
                    "match" if ok else "clash",
                    f"the pay reaches {best.amount:,.0f} {best.currency} a year, "
                    + ("at or above" if ok else "below")
                    + f" your floor of {floor.amount:,.0f}",
                )
            )
    return checks


def fit(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """Ask whether the company or role matches what the candidate wants now.

    Advice ``fit``: a "no" declines with a short, polite e-mail; a "yes" attends, to
    learn first-hand what the employer offers before judging further. The
    candidate's own answer (:attr:`~interviewdecide.Invitation.matches_aspirations`)
    wins; without it the posting is compared with the candidate's
    :class:`~interviewdecide.Aspirations`, and
    :attr:`~interviewdecide.Policy.fit_clashes_to_decline` clashes make a "no". With
    nothing to compare, the rule does not guess.

    .. versionadded:: 0.1.0
    """
    answer = invitation.matches_aspirations
    if answer is not None:
        return Step(
            rule="fit",
            outcome=Outcome.ATTEND if answer else Outcome.DECLINE,
            reason=(
                "You said this role matches what you want now, so attend and find out "
                "first-hand what they offer."
                if answer
                else "You said this role does not match what you want now, so decline "
                "it with a short, polite e-mail."
            ),
            facts=(Fact(name="matches_aspirations", value=answer),),
        )
    checks = _fit_checks(candidate, invitation.posting)
    facts = tuple(Fact(name=c.dimension, value=c.verdict) for c in checks)
    details = "; ".join(c.detail for c in checks)
    clashes = sum(c.verdict == "clash" for c in checks)
    matches = sum(c.verdict == "match" for c in checks)
    facts += (Fact(name="clashes_to_decline", value=policy.fit_clashes_to_decline),)
    if clashes >= policy.fit_clashes_to_decline:
        outcome = Outcome.DECLINE
        reason = (
            f"Compared with what you want, {clashes} fact(s) clash (the policy declines "
            f"at {policy.fit_clashes_to_decline}): {details}."
        )
    elif matches:
        outcome = Outcome.ATTEND
        verdict = (
            f"{clashes} fact(s) clash, fewer than the {policy.fit_clashes_to_decline} "
            "the policy needs to decline"
            if clashes
            else "nothing decisive clashes"
        )
        reason = f"Compared with what you want, {verdict}: {details}."
    else:
        outcome = Outcome.NOT_APPLICABLE
        reason = (
            "You have not said whether this role matches what you want, and your "
            "aspirations give nothing to compare it with"
            + (f" ({details})" if details else "")
            + ", so this check is left open."
        )
    return Step(rule="fit", outcome=outcome, reason=reason, facts=facts)


# -- suitability -----------------------------------------------------------------


def _overqualified(held: float, asked: float, policy: Policy) -> bool:
    """Whether the years held exceed the figure asked by the policy's margin."""
    ratio = policy.overqualified_ratio
    return held - asked >= policy.overqualified_surplus_years or (
        ratio is not None and asked > 0 and held >= ratio * asked
    )


def _decline_limit(held: float, policy: Policy) -> float | None:
    """The largest figure asked at or below which the candidate is overqualified.

    ``None`` when no figure would make the candidate overqualified.
    """
    ratio = policy.overqualified_ratio
    limits = [held - policy.overqualified_surplus_years]
    if ratio is not None and held > 0:
        limits.append(held / ratio)
    limit = max(limits)
    return limit if limit >= 0 else None


def _experience(
    candidate: Candidate, posting: JobPosting, policy: Policy
) -> tuple[Outcome, str, str | None, list[Fact]]:
    """Judge the job description's experience figure against the years held."""
    held = candidate.years_experience
    asked = posting.required_years
    if asked is None:
        return (
            Outcome.NOT_APPLICABLE,
            "The job description states no experience figure.",
            None,
            [],
        )
    source = " (read from the description's text)" if posting.required_years_from_text else ""
    limit = _decline_limit(held, policy)
    facts = [
        Fact(name="years_held", value=held),
        Fact(name="years_asked", value=asked),
        Fact(name="years_asked_from_text", value=posting.required_years_from_text),
        Fact(name="overqualified_surplus_years", value=policy.overqualified_surplus_years),
        Fact(name="overqualified_ratio", value=policy.overqualified_ratio),
    ]
    rule_text = (
        f"the policy's threshold is a surplus of {_years(policy.overqualified_surplus_years)}"
    )
    if policy.overqualified_ratio is not None:
        rule_text += f" or {policy.overqualified_ratio:g} times the figure asked"
    stated = f"The job description asks for {_years(asked)}{source} and you hold {_years(held)}"
    if _overqualified(held, asked, policy):
        return (
            Outcome.DECLINE,
            f"{stated}; {rule_text}, so the job description itself shows you are "
            "overqualified and you can skip it.",
            f"With {_years(held)} held, you would attend if the posting asked for more "
            f"than {_years(limit or 0)}; it asks for {_years(asked)}.",
            facts,
        )
    shortfall = policy.underqualified_shortfall_years
    if shortfall is not None and asked - held >= shortfall:
        facts.append(Fact(name="underqualified_shortfall_years", value=shortfall))
        return (
            Outcome.DECLINE,
            f"{stated}, a shortfall of {_years(asked - held)}; the policy declines at "
            f"{_years(shortfall)} short, so the job description shows it is out of reach.",
            f"With {_years(held)} held, you would attend if the posting asked for less "
            f"than {_years(held + shortfall)}; it asks for {_years(asked)}.",
            facts,
        )
    flip = (
        f"With {_years(held)} held, you would be judged overqualified if the posting "
        f"asked for {_years(limit)} or fewer; it asks for {_years(asked)}."
        if limit is not None
        else None
    )
    return (
        Outcome.NO_OBJECTION,
        f"{stated}; {rule_text}, and you are within it.",
        flip,
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
    candidate's surplus reaches :attr:`~interviewdecide.Policy.overqualified_surplus_years` (or the
    ratio :attr:`~interviewdecide.Policy.overqualified_ratio`); a concern based on the job
    description declines; a concern based on anything else leaves a note that points
    to the description, and never declines by itself.

    .. versionadded:: 0.1.0
    """
    posting = invitation.posting
    outcome, reason, flip, facts = _experience(candidate, posting, policy)
    documented = [c for c in invitation.concerns if c.basis is Basis.JOB_DESCRIPTION]
    hearsay = [c for c in invitation.concerns if c.basis is not Basis.JOB_DESCRIPTION]
    sentences = [reason]
    if documented:
        kinds = ", ".join(sorted({c.kind.value for c in documented}))
        sentences.append(
            f"You judged yourself {kinds} from the job description, which is a sound "
            "basis to decline."
        )
        outcome = Outcome.DECLINE
    if hearsay:
        bases = ", ".join(sorted({_BASIS_WORDS[c.basis] for c in hearsay}))
        kinds = ", ".join(sorted({c.kind.value for c in hearsay}))
        pointer = (
            "check what the job description asks before declining"
            if posting.required_years is None
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
    return Step(
        rule="suitability",
        outcome=outcome,
        reason=" ".join(sentences),
        facts=facts,
        counterfactual=flip,
    )


# -- learning --------------------------------------------------------------------


def learning(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """Attend when nothing else is decisive: every interview teaches something.

    Advice ``learning``: an interview is not an offer, and even an uncertain one
    trains the candidate in interviewing and in talking with people. In the default
    pipeline this is the tie-breaker.

    .. versionadded:: 0.1.0
    """
    return Step(
        rule="learning",
        outcome=Outcome.ATTEND,
        reason=(
            "An interview commits you to nothing, and even one you are unsure about "
            "is practice in interviewing and in talking with people."
        ),
    )


# -- combinators -----------------------------------------------------------------


def _rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    out = tuple(rules)
    if not out:
        msg = "rules: a combinator needs at least one rule"
        raise ValueError(msg)
    return out


def _combined_id(kind: str, rules: tuple[Rule, ...]) -> str:
    return f"{kind}({', '.join(rule_name(r) for r in rules)})"


@attrs.frozen
class _AllOf:
    rules: tuple[Rule, ...] = attrs.field(converter=_rules)
    name: str | None = None

    @property
    def advice_id(self) -> str:
        return self.name or _combined_id("all-of", self.rules)

    def __call__(self, candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
        children = tuple(r(candidate, invitation, policy) for r in self.rules)
        first = children[0].outcome
        if first.action is not None and all(c.outcome is first for c in children):
            outcome = first
            reason = f"All of {len(children)} rules agree: {first.value}."
        else:
            outcome = Outcome.NO_OBJECTION
            reason = (
                f"The {len(children)} rules do not all reach the same decision, so none is taken."
            )
        return Step(rule=self.advice_id, outcome=outcome, reason=reason, children=children)


@attrs.frozen
class _AnyOf:
    rules: tuple[Rule, ...] = attrs.field(converter=_rules)
    name: str | None = None

    @property
    def advice_id(self) -> str:
        return self.name or _combined_id("any-of", self.rules)

    def __call__(self, candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
        children = tuple(r(candidate, invitation, policy) for r in self.rules)
        for child in children:
            if child.is_decisive:
                return Step(
                    rule=self.advice_id,
                    outcome=child.outcome,
                    reason=f"The first decisive rule, {child.rule}, says {child.outcome.value}.",
                    children=children,
                )
        return Step(
            rule=self.advice_id,
            outcome=Outcome.NO_OBJECTION,
            reason=f"None of the {len(children)} rules reached a decision.",
            children=children,
        )


Predicate = Callable[[Candidate, Invitation, Policy], bool]


@attrs.frozen
class _When:
    predicate: Predicate
    rule: Rule
    description: str

    @property
    def advice_id(self) -> str:
        return rule_name(self.rule)

    def __call__(self, candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
        if self.predicate(candidate, invitation, policy):
            return self.rule(candidate, invitation, policy)
        return Step(
            rule=self.advice_id,
            outcome=Outcome.NOT_APPLICABLE,
            reason=f"Skipped, because the condition does not hold: {self.description}.",
        )


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
    return _AllOf(rules, name)


def any_of(*rules: Rule, name: str | None = None) -> Rule:
    """Combine rules into one that takes the first decisive finding among them.

    Args:
        rules: The rules to run, in order; all run, and all land in the trace.
        name: The rule name the combined step carries; by default
            ``any-of(a, b)``.

    .. versionadded:: 0.1.0
    """
    return _AnyOf(rules, name)


def when(predicate: Predicate, rule: Rule, *, description: str) -> Rule:
    """Run ``rule`` only when ``predicate(candidate, invitation, policy)`` holds.

    When it does not, the step says so and is not applicable.

    Args:
        predicate: Decides whether the rule applies.
        rule: The rule to run.
        description: The condition in words, for the trace.

    .. versionadded:: 0.1.0
    """
    return _When(predicate, rule, description)
