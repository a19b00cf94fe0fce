"""Disclosure: whether to tell a hiring manager about other offers, and why.

Advice ``disclosure``: nobody is owed an account of a candidate's other offers.
They stay private by default; telling becomes an option, never a duty, once the
candidate can read how keen the employer is or can set offers side by side.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

import attrs

from ._model import Candidate, Offer
from ._trace import Fact, Outcome, Step

__all__ = ["Disclosure", "DisclosureAdvice", "advise_disclosure"]

_RULE = "disclosure"


class Disclosure(StrEnum):
    """What to do about other offers when talking to a hiring manager.

    There is deliberately no "must disclose": the advice never obliges anyone.

    .. versionadded:: 0.1.0
    """

    #: Say nothing about other offers yet.
    KEEP_PRIVATE = "keep_private"
    #: Mentioning other offers is now an option, if it serves the candidate.
    OPTIONAL = "optional"


_NEXT = {
    Disclosure.KEEP_PRIVATE: (
        "Keep your other offers to yourself for now; if asked, you can say you are "
        "talking to other employers without naming them or their terms."
    ),
    Disclosure.OPTIONAL: (
        "You may mention your other offers if doing so helps you, for instance to "
        "settle a deadline or the terms; nothing obliges you to, and you decide how "
        "much to say."
    ),
}


def _steps(values: Iterable[Step]) -> tuple[Step, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class DisclosureAdvice:
    """The advice on telling a hiring manager about other offers, with its trace.

    Attributes:
        stance: Keep them private, or telling is optional; never a duty.
        trace: Every consideration weighed, in order, as ``disclosure`` steps.

    .. versionadded:: 0.1.0
    """

    stance: Disclosure = attrs.field(validator=attrs.validators.instance_of(Disclosure))
    trace: tuple[Step, ...] = attrs.field(
        converter=_steps,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Step)),
    )

    @property
    def follow_up(self) -> str:
        """What to do next, for this stance."""
        return _NEXT[self.stance]

    def explain(self) -> str:
        """Return a plain-text account of the advice that a job seeker can follow."""
        label = self.stance.value.replace("_", " ").upper()
        lines = [
            f"Other offers: {label} (advice {_RULE}).",
            "",
            "What was weighed:",
        ]
        opened = self.stance is Disclosure.OPTIONAL
        for step in self.trace:
            marker = "*" if opened and step.outcome is Outcome.NOTE else "-"
            lines.append(f"  {marker} {step.describe()}")
        lines += ["", f"Next: {self.follow_up}"]
        return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    """Say how many: ``"no live offers"``, ``"1 live offer"``, ``"2 live offers"``."""
    return f"{n or 'no'} {noun}{'' if n == 1 else 's'}"


def _sentence_case(text: str) -> str:
    """Capitalize the first letter only, leaving names as they are written."""
    return text[:1].upper() + text[1:]


def _check_bool(name: str, value: object) -> None:
    if not isinstance(value, bool):
        msg = f"{name}: expected a bool, got {type(value).__name__}"
        raise TypeError(msg)


def _baseline(candidate: Candidate, live: list[Offer]) -> Step:
    held = len(live)
    return Step(
        rule=_RULE,
        outcome=Outcome.NO_OBJECTION,
        reason=(
            f"You hold {_count(held, 'live offer')}. No hiring manager is "
            "owed an account of them, so the starting point is to keep them to "
            "yourself; nothing below can turn that into a duty."
        ),
        facts=(
            Fact(name="offers_on_record", value=len(candidate.offers)),
            Fact(name="live_offers", value=held),
        ),
    )


def _interest(
    employer: str | None, employer_made_offer: bool, final_stage: bool, own: Offer | None
) -> Step:
    who = employer if employer is not None else "this employer"
    facts = (
        Fact(name="employer", value=employer),
        Fact(name="employer_made_offer", value=employer_made_offer),
        Fact(name="offer_on_record_from_employer", value=own is not None),
        Fact(name="final_stage", value=final_stage),
    )
    signs = []
    if employer_made_offer:
        signs.append(f"{who} has made you an offer")
    elif own is not None:
        signs.append(f"your offers on record include a live one from {own.company}")
    if final_stage:
        signs.append(f"you have reached the final stage with {who}")
    if signs:
        return Step(
            rule=_RULE,
            outcome=Outcome.NOTE,
            reason=(
                f"{_sentence_case(' and '.join(signs))}, so you can now judge how keen "
                "they are on you; mentioning other offers becomes a choice open to you."
            ),
            facts=facts,
        )
    return Step(
        rule=_RULE,
        outcome=Outcome.NO_OBJECTION,
        reason=(
            f"{_sentence_case(who)} has made no offer and you "
            "have not reached a final stage, so you cannot yet tell how interested they "
            "are; revealing other offers now would give away your position early."
        ),
        facts=facts,
    )


def _comparison(live: list[Offer]) -> Step:
    if not live:
        return Step(
            rule=_RULE,
            outcome=Outcome.NOT_APPLICABLE,
            reason="You hold no live offer, so there is nothing to compare.",
            facts=(Fact(name="live_offers", value=0),),
        )
    known = [o for o in live if o.salary is not None]
    facts = (
        Fact(name="live_offers", value=len(live)),
        Fact(name="live_offers_with_terms", value=len(known)),
    )
    if len(known) >= 2:  # comparing takes two offers
        companies = ", ".join(o.company for o in known)
        return Step(
            rule=_RULE,
            outcome=Outcome.NOTE,
            reason=(
                f"{len(known)} of your live offers state their pay ({companies}), so you "
                "can weigh them against each other; mentioning them becomes a choice "
                "open to you."
            ),
            facts=facts,
        )
    return Step(
        rule=_RULE,
        outcome=Outcome.NO_OBJECTION,
        reason=(
            f"Of your {len(live)} live offer{'s' if len(live) != 1 else ''}, "
            f"{len(known)} state{'s' if len(known) == 1 else ''} its pay; comparing "
            "offers needs at least two with known terms, so there is no comparison to "
            "lean on yet."
        ),
        facts=facts,
    )


def advise_disclosure(
    candidate: Candidate,
    *,
    employer: str | None = None,
    employer_made_offer: bool = False,
    final_stage: bool = False,
) -> DisclosureAdvice:
    """Advise whether to tell a hiring manager about the candidate's other offers.

    The stance is :attr:`Disclosure.KEEP_PRIVATE` unless the candidate can gauge the
    employer's interest (the employer has made an offer, or the process has
    reached its final stage) or can compare offers (two or more live offers, see
    :attr:`Offer.is_live`, whose pay is known); then it is
    :attr:`Disclosure.OPTIONAL`. It is never a duty.

    A live offer in ``candidate.offers`` from the named ``employer`` (compared
    ignoring case) counts as the employer having made an offer.

    Args:
        candidate: Who asks; their offers are read.
        employer: The employer whose hiring manager would be told, if named.
        employer_made_offer: Whether that employer has made the candidate an offer.
        final_stage: Whether the candidate has reached that employer's final stage.

    Returns:
        The stance, with one ``disclosure`` step per consideration in its trace.

    Raises:
        TypeError: When an argument has the wrong type; the message names it.

    .. versionadded:: 0.1.0
    """
    if not isinstance(candidate, Candidate):
        msg = f"candidate: expected a Candidate, got {type(candidate).__name__}"
        raise TypeError(msg)
    if employer is not None and not isinstance(employer, str):
        msg = f"employer: expected a str or None, got {type(employer).__name__}"
        raise TypeError(msg)
    _check_bool("employer_made_offer", employer_made_offer)
    _check_bool("final_stage", final_stage)
    live = [o for o in candidate.offers if o.is_live]
    own = None
    if employer is not None:
        name = employer.casefold()
        own = next((o for o in live if o.company.casefold() == name), None)
    trace = (
        _baseline(candidate, live),
        _interest(employer, employer_made_offer, final_stage, own),
        _comparison(live),
    )
    opened = any(s.outcome is Outcome.NOTE for s in trace)
    return DisclosureAdvice(
        stance=Disclosure.OPTIONAL if opened else Disclosure.KEEP_PRIVATE,
        trace=trace,
    )
