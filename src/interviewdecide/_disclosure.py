"""Disclosure: whether to tell a hiring manager about other offers, and why.

Advice ``disclosure``: nobody is owed an account of a candidate's other offers.
They stay private by default; telling becomes an option, never a duty, once the
employer has shown its interest (an offer, or a final stage), so that the candidate
can read how keen it is or set its offer beside the others. With no other offer
there is nothing to disclose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

import attrs

from ._grammar import count, join_words, plural
from ._model import Candidate, Offer
from ._trace import Fact, Outcome, Step
from ._validators import as_tuple, instance_of, tuple_of

_RULE = "disclosure"


def _step(outcome: Outcome, reason: str, facts: tuple[Fact, ...]) -> Step:
    """One step of the ``disclosure`` advice."""
    return Step(rule=_RULE, outcome=outcome, reason=reason, facts=facts)


class Disclosure(StrEnum):
    """What to do about other offers when talking to a hiring manager.

    There is deliberately no "must disclose": the advice never obliges anyone.

    .. versionadded:: 0.1.0
    """

    #: Say nothing about other offers yet.
    KEEP_PRIVATE = "keep_private"
    #: Mentioning other offers is now an option, if it serves the candidate.
    OPTIONAL = "optional"


_NOTHING_TO_DISCLOSE = (
    "There is nothing to disclose, as you hold no other offer; if the hiring manager "
    "asks, you can say so, or simply that you are talking to other employers."
)


def _next(stance: Disclosure, others: int | None) -> str:
    """What to do next, worded for how many other offers there are (when known)."""
    one = others == 1
    if stance is Disclosure.KEEP_PRIVATE:
        if others == 0:
            return _NOTHING_TO_DISCLOSE
        return (
            f"Keep your other {'offer' if one else 'offers'} to yourself for now; if asked, "
            "you can say you are talking to other employers without naming "
            f"{'it or its' if one else 'them or their'} terms."
        )
    return (
        f"You may mention your other {'offer' if one else 'offers'} if doing so helps you, "
        "for instance to settle a deadline or the terms; nothing obliges you to, and "
        "you decide how much to say."
    )


def _steps(values: Iterable[Step]) -> tuple[Step, ...]:
    return as_tuple(values)


def _other_offers(trace: tuple[Step, ...]) -> int | None:
    """How many other live offers the trace records, or ``None`` when it does not say."""
    for step in trace:
        for f in step.facts:
            if f.name == "other_live_offers" and type(f.value) is int:
                return f.value
    return None


@attrs.frozen(kw_only=True)
class DisclosureAdvice:
    """The advice on telling a hiring manager about other offers, with its trace.

    Attributes:
        stance: Keep them private, or telling is optional; never a duty.
        trace: Every consideration weighed, in order, as ``disclosure`` steps.

    .. versionadded:: 0.1.0
    """

    stance: Disclosure = attrs.field(validator=instance_of(Disclosure))
    trace: tuple[Step, ...] = attrs.field(
        converter=_steps,
        validator=tuple_of(Step),
    )

    @property
    def follow_up(self) -> str:
        """What to do next, for this stance and the other offers there are."""
        return _next(self.stance, _other_offers(self.trace))

    def explain(self) -> str:
        """Return a plain-text account of the advice that a job seeker can follow."""
        from ._render import disclosure_text

        return disclosure_text(self)


#: Legal forms that trail a company's name and do not tell employers apart, after
#: case folding and with dots removed ("Inc." is "inc", "S.A." is "sa").
_LEGAL_FORMS = frozenset(
    {
        "ab", "ag", "aps", "as", "asa", "bv", "bhd", "co", "company", "corp",
        "corporation", "gmbh", "inc", "incorporated", "kg", "kk", "limited", "llc",
        "llp", "lp", "ltd", "nv", "oy", "oyj", "plc", "pte", "pty", "sa", "sarl", "sas",
        "se", "spa", "srl", "ug",
    }
)  # fmt: skip
_DOTS = re.compile(r"[.'\u2019]")
_NON_WORD = re.compile(r"\W+")


def _employer_key(name: str) -> tuple[str, ...]:
    """Reduce a company name to the words that identify the employer.

    Case, punctuation and trailing legal forms are ignored, so ``"Initech, Inc."``,
    ``"INITECH LLC"`` and ``"Initech"`` share one key. The first word always stays,
    so a company called "Company" is still named.
    """
    words = [w for w in _NON_WORD.split(_DOTS.sub("", name.casefold())) if w]
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return tuple(words) or (name.casefold().strip(),)


def _same_employer(a: str, b: str) -> bool:
    """Whether two company names name the same employer (see :func:`_employer_key`)."""
    return _employer_key(a) == _employer_key(b)


def _sentence_case(text: str) -> str:
    """Capitalize the first letter only, leaving names as they are written."""
    return text[:1].upper() + text[1:]


def _check_bool(name: str, value: object) -> None:
    if not isinstance(value, bool):
        msg = f"{name}: expected a bool, got {type(value).__name__}"
        raise TypeError(msg)


def _yours(n: int, noun: str = "offer") -> str:
    """Name the candidate's other offers: ``"your other offer"``, ``"your 2 other offers"``."""
    return f"your other {noun}" if n == 1 else f"your {count(n, 'other ' + noun)}"


def _companies(offers: list[Offer]) -> str:
    return join_words(o.company for o in offers)


def _holding(
    candidate: Candidate,
    employer: str | None,
    own: Offer | None,
    live: list[Offer],
    others: list[Offer],
) -> Step:
    """What the candidate holds that could be disclosed at all."""
    facts = (
        Fact(name="offers_on_record", value=len(candidate.offers)),
        Fact(name="live_offers", value=len(live)),
        Fact(name="other_live_offers", value=len(others)),
    )
    n = len(others)
    if n:
        elsewhere = (
            "" if employer is None else f" from {plural(n, 'another employer', 'other employers')}"
        )
        return _step(
            Outcome.NO_OBJECTION,
            (
                f"You hold {count(n, 'live offer')}{elsewhere} ({_companies(others)}). No "
                f"hiring manager is owed an account of {plural(n, 'it', 'them')}, so "
                f"{plural(n, 'it stays', 'they stay')} private unless a step below opens "
                "the choice, and nothing can make telling a duty."
            ),
            facts,
        )
    if not candidate.offers:
        reason = "You hold no offers, so there is nothing to disclose."
    else:
        details = []
        if own is not None:
            details.append(f"your only live offer is from {own.company} itself")
        lapsed = len(candidate.offers) - len(live)
        if lapsed:
            details.append(
                f"{count(lapsed, 'offer')} on record {plural(lapsed, 'is', 'are')} no longer live"
            )
        held = "You hold no live offer" + ("" if employer is None else " from another employer")
        reason = f"{held} ({', and '.join(details)}), so there is nothing to disclose."
    return _step(Outcome.NOT_APPLICABLE, reason, facts)


def _interest(
    employer: str | None,
    employer_made_offer: bool,
    final_stage: bool,
    own: Offer | None,
    others: list[Offer],
) -> Step:
    """Whether the candidate can gauge how interested this employer is."""
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
        signs.append(f"you hold a live offer from {own.company}")
    if final_stage:
        signs.append(f"you have reached the final stage with {who}")
    if not signs:
        tail = (
            f"; mentioning {_yours(len(others))} now would show your hand too early."
            if others
            else "."
        )
        return _step(
            Outcome.NO_OBJECTION,
            (
                f"{_sentence_case(who)} has made no offer and you have not reached its "
                f"final stage, so you cannot yet tell how interested it is{tail}"
            ),
            facts,
        )
    gauge = f"{_sentence_case(' and '.join(signs))}, so you can judge how keen it is on you"
    if others:
        return _step(
            Outcome.NOTE,
            (f"{gauge}; mentioning {_yours(len(others))} becomes a choice open to you."),
            facts,
        )
    return _step(
        Outcome.NO_OBJECTION,
        f"{gauge}, but you hold no other offer to mention.",
        facts,
    )


def _comparison(employer: str | None, has_offer: bool, others: list[Offer]) -> Step:
    """Whether the candidate can set this employer's offer against others."""
    who = employer if employer is not None else "this employer"
    n = len(others)
    facts = (
        Fact(name="offer_from_employer", value=has_offer),
        Fact(name="other_live_offers", value=n),
        Fact(name="other_offers_with_pay", value=sum(o.salary is not None for o in others)),
    )
    if not n:
        return _step(
            Outcome.NOT_APPLICABLE,
            "With no other live offer, there is nothing to compare.",
            facts,
        )
    theirs = f"{_yours(n, 'live offer')} ({_companies(others)})"
    if has_offer:
        return _step(
            Outcome.NOTE,
            (
                f"{_sentence_case(who)} has made you an offer, so you can set it against "
                f"{theirs}; mentioning {plural(n, 'it', 'them')} becomes a choice open "
                "to you."
            ),
            facts,
        )
    return _step(
        Outcome.NO_OBJECTION,
        (
            f"Comparing offers needs one from {who} to set against {theirs}, and it "
            "has made none yet, so there is no comparison to lean on."
        ),
        facts,
    )


def advise_disclosure(
    candidate: Candidate,
    *,
    employer: str | None = None,
    employer_made_offer: bool = False,
    final_stage: bool = False,
) -> DisclosureAdvice:
    """Advise whether to tell a hiring manager about the candidate's other offers.

    Other offers are the candidate's live offers (see :attr:`Offer.is_live`) from
    employers other than ``employer``. The stance is :attr:`Disclosure.OPTIONAL`
    only when there are such offers and this employer has shown interest: it has
    made an offer (``employer_made_offer``, or a live offer from it in
    ``candidate.offers``), or the process has reached its final stage. Otherwise
    it is :attr:`Disclosure.KEEP_PRIVATE`; telling is never a duty.

    - Priced offers from other employers alone keep the offers private: comparing
      needs an offer from this employer to set them against, and mentioning them
      before this employer has shown interest gives the candidate's position away.
    - With no other live offer at all, the stance is still
      :attr:`Disclosure.KEEP_PRIVATE`, but the trace and
      :attr:`DisclosureAdvice.follow_up` say there is nothing to disclose.
    - Company names are compared ignoring case, punctuation and trailing legal
      forms, so an offer from ``"Northwind Traders Ltd."`` is this employer's own
      when ``employer="Northwind Traders"``. Without ``employer``, every live
      offer counts as another employer's.

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
    if employer is None:
        own, others = None, live
    else:
        mine = [_same_employer(o.company, employer) for o in live]
        own = next((o for o, m in zip(live, mine, strict=True) if m), None)
        others = [o for o, m in zip(live, mine, strict=True) if not m]
    trace = (
        _holding(candidate, employer, own, live, others),
        _interest(employer, employer_made_offer, final_stage, own, others),
        _comparison(employer, employer_made_offer or own is not None, others),
    )
    opened = any(s.outcome is Outcome.NOTE for s in trace)
    return DisclosureAdvice(
        stance=Disclosure.OPTIONAL if opened else Disclosure.KEEP_PRIVATE,
        trace=trace,
    )
