"""Triage: decide a whole inbox of interview requests, one verdict each.

Advice ``triage``: when many requests arrive at once, go through them one by one
and weigh each on its own before declining any. Advice ``targeting``: a batch in
which many requests are a poor fit is the mark of mass-applying, and earns a note
about applying more selectively; it never decides a request.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import attrs

from ._email import Email, draft_decline
from ._grammar import count, plural
from ._model import Candidate, Invitation, JobPosting, Policy
from ._pipeline import Pipeline, policy_or_default
from ._trace import Action, Fact, Outcome, Verdict, fact_named, new_instance, slot_setters
from ._validators import as_tuple, instance_of, non_negative_int, tuple_of

_DEFAULT_PIPELINE = Pipeline()


def _request(index: int) -> str:
    """Name a request by its position, counted from 1 for people."""
    return f"request {index + 1}"


# -- the result types ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class TriageItem:
    """One request of a batch, with its verdict.

    Attributes:
        index: The request's position in the input, counted from 0.
        invitation: The request (a bare posting given to :func:`triage` becomes an
            invitation the candidate has not judged).
        verdict: What :func:`~interviewdecide.decide` concluded for it.
        email: For a declined request, a ready decline e-mail (see
            :func:`~interviewdecide.draft_decline`); ``None`` for other requests,
            when e-mails were not asked for, or when none could be drafted (the
            note then says why).
        note: Why the item is where it is or lacks an e-mail, when the verdict
            alone does not say (a deferral by the policy's cap); ``None`` otherwise.

    .. versionadded:: 0.1.0
    """

    index: int = attrs.field(validator=non_negative_int)
    invitation: Invitation = attrs.field(validator=instance_of(Invitation))
    verdict: Verdict = attrs.field(validator=instance_of(Verdict))
    email: Email | None = attrs.field(default=None, validator=instance_of(Email, optional=True))
    note: str | None = attrs.field(default=None, validator=instance_of(str, optional=True))

    @property
    def label(self) -> str:
        """The request in words, such as ``"Data Engineer at Acme"``."""
        return self.invitation.posting.label


_ITEM_SET = slot_setters(TriageItem, "index", "invitation", "verdict", "email", "note")


def _made_item(index: int, invitation: Invitation, verdict: Verdict) -> TriageItem:
    """A :class:`TriageItem` of checked parts, built without re-running the validators."""
    item: TriageItem = new_instance(TriageItem)
    set_index, set_invitation, set_verdict, set_email, set_note = _ITEM_SET
    set_index(item, index)
    set_invitation(item, invitation)
    set_verdict(item, verdict)
    set_email(item, None)
    set_note(item, None)
    return item


@attrs.frozen(kw_only=True)
class Duplicate:
    """A request for a posting that appeared earlier in the same batch.

    The posting is decided once, at its first appearance; the repeat is reported
    here instead of being decided a second time.

    Attributes:
        index: The position of the repeat in the input, counted from 0.
        first_index: The position of the request that was decided.
        invitation: The repeat as it was given.
        reason: A full sentence saying what was repeated and how it was handled.

    .. versionadded:: 0.1.0
    """

    index: int = attrs.field(validator=non_negative_int)
    first_index: int = attrs.field(validator=non_negative_int)
    invitation: Invitation = attrs.field(validator=instance_of(Invitation))
    reason: str = attrs.field(validator=instance_of(str))


def _facts(values: Iterable[Fact]) -> tuple[Fact, ...]:
    return as_tuple(values)


@attrs.frozen(kw_only=True)
class BatchNote:
    """Advice about the batch as a whole, never a verdict on one request.

    Attributes:
        rule: The advice id the note comes from (``"targeting"``, ``"triage"``).
        reason: A full sentence with the figures behind the note.
        facts: Those figures, as data.

    .. versionadded:: 0.1.0
    """

    rule: str = attrs.field(validator=instance_of(str))
    reason: str = attrs.field(validator=instance_of(str))
    facts: tuple[Fact, ...] = attrs.field(
        default=(),
        converter=_facts,
        validator=tuple_of(Fact),
    )

    def fact(self, name: str) -> object:
        """Return the value of the fact called ``name``.

        Raises:
            KeyError: When the note holds no such fact.
        """
        return fact_named(self.facts, name)


def _items(values: Iterable[TriageItem]) -> tuple[TriageItem, ...]:
    return as_tuple(values)


def _duplicates(values: Iterable[Duplicate]) -> tuple[Duplicate, ...]:
    return as_tuple(values)


def _notes(values: Iterable[BatchNote]) -> tuple[BatchNote, ...]:
    return as_tuple(values)


_item_tuple = tuple_of(TriageItem)


@attrs.frozen(kw_only=True)
class Triage:
    """A batch of interview requests, each decided, grouped for action.

    Attributes:
        attend: The requests to attend, most promising first: an explicit "yes"
            on fit before an open answer, then fewer notes and concerns, then
            input order.
        decline: The requests to decline, in input order, each with a ready
            e-mail.
        deferred: Requests whose verdict is to attend but that the policy's cap
            (:attr:`Policy.max_interviews`) moved out of this batch, most
            promising first, each with a note saying why.
        duplicates: Repeats of a posting seen earlier in the batch, decided once.
        notes: Advice about the batch as a whole.

    .. versionadded:: 0.1.0
    """

    attend: tuple[TriageItem, ...] = attrs.field(
        default=(), converter=_items, validator=_item_tuple
    )
    decline: tuple[TriageItem, ...] = attrs.field(
        default=(), converter=_items, validator=_item_tuple
    )
    deferred: tuple[TriageItem, ...] = attrs.field(
        default=(), converter=_items, validator=_item_tuple
    )
    duplicates: tuple[Duplicate, ...] = attrs.field(
        default=(),
        converter=_duplicates,
        validator=tuple_of(Duplicate),
    )
    notes: tuple[BatchNote, ...] = attrs.field(
        default=(),
        converter=_notes,
        validator=tuple_of(BatchNote),
    )

    @property
    def items(self) -> tuple[TriageItem, ...]:
        """Every decided request, in input order (repeats excluded)."""
        return tuple(sorted((*self.attend, *self.decline, *self.deferred), key=_by_index))

    def note(self, rule: str) -> BatchNote | None:
        """Return the first batch note from the advice ``rule``, or ``None``."""
        return next((n for n in self.notes if n.rule == rule), None)

    def to_records(self) -> list[dict[str, str | int | None]]:
        """Return one flat row per request, in input order, for tables and spreadsheets.

        Every row has the same keys, each holding a string, an integer or ``None``,
        so ``pandas.DataFrame(rows)`` and ``polars.DataFrame(rows)`` take the list as
        it is: ``index`` (counted from 0), ``id`` (the invitation's own),
        ``title``, ``company``, ``group`` (``attend``, ``decline``, ``deferred``, or
        ``repeat`` for a repeated posting), ``action`` and ``decided_by`` (for a
        repeat, those of the request decided in its place), ``reason`` (the deciding
        step's, or why the request is a repeat), ``email_subject`` (of a ready
        decline) and ``note``.

        .. versionadded:: 0.2.0
        """
        rows: list[tuple[int, dict[str, str | int | None]]] = []
        decided: dict[int, TriageItem] = {}
        for group in ("attend", "decline", "deferred"):
            for item in getattr(self, group):
                decided[item.index] = item
                rows.append((item.index, _record(item.index, item, item.invitation, group)))
        for dup in self.duplicates:
            row = _record(dup.index, decided[dup.first_index], dup.invitation, "repeat")
            row.update(reason=dup.reason, email_subject=None, note=None)
            rows.append((dup.index, row))
        rows.sort(key=_first)
        return [row for _, row in rows]

    def explain(self) -> str:
        """Return a plain-text summary of the batch, wrapped to 80 columns."""
        from ._render import triage_text

        return triage_text(self)


def _by_index(item: TriageItem) -> int:
    return item.index


def _first(pair: tuple[int, object]) -> int:
    return pair[0]


#: The keys of each row of :meth:`Triage.to_records`, in order: the CSV columns.
RECORD_FIELDS = (
    "index",
    "id",
    "title",
    "company",
    "group",
    "action",
    "decided_by",
    "reason",
    "email_subject",
    "note",
)


def _record(
    index: int, item: TriageItem, invitation: Invitation, group: str
) -> dict[str, str | int | None]:
    """One row of :meth:`Triage.to_records`: ``invitation`` as ``item`` decided it."""
    verdict = item.verdict
    return {
        "index": index,
        "id": invitation.id,
        "title": invitation.posting.title,
        "company": invitation.posting.company,
        "group": group,
        "action": verdict.action.value,
        "decided_by": verdict.decided_by,
        "reason": verdict.deciding_step.reason,
        "email_subject": None if item.email is None else item.email.subject,
        "note": item.note,
    }


# -- triage ----------------------------------------------------------------------


def _read_trace(invitation: Invitation, verdict: Verdict) -> tuple[bool, bool, int]:
    """Read what triage needs from a verdict, in one pass over its trace.

    Returns:
        Whether fit got an explicit "yes" (the candidate's answer, or the ``fit``
        rule attending); whether the ``fit`` step found a poor fit (declined),
        whatever rule decided the verdict; and the reservations: the notes in the
        trace plus the concerns the candidate raised.
    """
    said_yes = invitation.matches_aspirations is True
    poor_fit = False
    reservations = len(invitation.concerns)
    for step in verdict.trace:
        outcome = step.outcome
        if outcome is _NOTE:
            reservations += 1
        elif step.rule == "fit":
            said_yes = said_yes or outcome is _ATTEND
            poor_fit = poor_fit or outcome is _DECLINE
    return said_yes, poor_fit, reservations


# Looking up an enum member on its class is slow in the per-request loop.
_NOTE, _ATTEND, _DECLINE = Outcome.NOTE, Outcome.ATTEND, Outcome.DECLINE
_ACTION_ATTEND = Action.ATTEND


def _percent(share: float) -> str:
    return f"{share:.0%}"


def _targeting(
    decided: int, poor_fits: int, applied_widely: bool | None, policy: Policy
) -> BatchNote | None:
    """The ``targeting`` note for a batch, or ``None`` when the batch earns none.

    Args:
        decided: The distinct requests decided.
        poor_fits: How many of them the ``fit`` step found a poor fit.
        applied_widely: The candidate's own word (:attr:`Candidate.applied_widely`).
        policy: Where the share and the smallest batch come from.
    """
    if applied_widely is True:
        # The candidate's word replaces the evidence the thresholds look for;
        # a note still needs a poor fit to point at.
        if not poor_fits:
            return None
    elif decided < policy.targeting_min_batch or poor_fits / decided < policy.targeting_share:
        return None
    share = poor_fits / decided
    figures = (
        f"{poor_fits} of {count(decided, 'request')} ({_percent(share)}) "
        f"{plural(poor_fits, 'was', 'were')} a poor fit for what you want"
    )
    threshold = (
        f"the policy flags {_percent(policy.targeting_share)} or more in a batch of at "
        f"least {policy.targeting_min_batch}"
    )
    aim = (
        "sending fewer applications, each aimed at a role that matches what you want, "
        "tends to bring better requests."
    )
    if applied_widely is True:
        reason = f"You said you applied widely, and {figures}. Next time, {aim}"
    elif applied_widely is None:
        reason = f"{_sentence(figures)}; {threshold}. That pattern suggests mass-applying: {aim}"
    else:
        reason = (
            f"{_sentence(figures)}; {threshold}. You said you chose where to apply, so "
            "this is no sign of mass-applying; check that the aims you listed still "
            "describe the roles you apply for."
        )
    return BatchNote(
        rule="targeting",
        reason=reason,
        facts=(
            Fact(name="requests", value=decided),
            Fact(name="poor_fit", value=poor_fits),
            Fact(name="share", value=share),
            Fact(name="applied_widely", value=applied_widely),
            Fact(name="targeting_share", value=policy.targeting_share),
            Fact(name="targeting_min_batch", value=policy.targeting_min_batch),
        ),
    )


def _sentence(text: str) -> str:
    """Capitalize the first letter only, leaving names as they are written."""
    return text[:1].upper() + text[1:]


def _cap(
    ranked: list[TriageItem], limit: int
) -> tuple[list[TriageItem], list[TriageItem], BatchNote]:
    keep, moved = ranked[:limit], ranked[limit:]
    if limit == 0:
        why = "Deferred: the policy allows no interviews in this batch."
    elif limit == 1:
        why = (
            "Deferred: the policy caps a batch at 1 interview, and a request ranked as "
            "more promising took that place."
        )
    else:
        why = (
            f"Deferred: the policy caps a batch at {limit} interviews, and {limit} "
            "requests ranked as more promising took those places."
        )
    deferred = [attrs.evolve(item, note=why) for item in moved]
    which = ", ".join(str(item.index + 1) for item in moved)
    who = (
        f"the least promising one (request {which}) is"
        if len(moved) == 1
        else f"the {len(moved)} least promising (requests {which}) are"
    )
    note = BatchNote(
        rule="triage",
        reason=(
            f"The verdicts call for {count(len(ranked), 'interview')}, "
            f"but the policy caps a batch at "
            f"{limit}; {who} deferred: attend later, or decline if your schedule stays "
            "full."
        ),
        facts=(
            Fact(name="to_attend", value=len(ranked)),
            Fact(name="max_interviews", value=limit),
            Fact(name="deferred", value=len(moved)),
        ),
    )
    return keep, deferred, note


def _duplicate_note(duplicates: list[Duplicate]) -> BatchNote:
    repeated = len(duplicates)
    return BatchNote(
        rule="triage",
        reason=(
            f"{count(repeated, 'request')} repeated a posting seen earlier in "
            f"the batch; each posting was decided once, at its first appearance."
        ),
        facts=(Fact(name="repeated", value=repeated),),
    )


def _repeat(index: int, first: TriageItem, invitation: Invitation) -> Duplicate:
    reason = (
        f"{_request(index).capitalize()} is for the same posting as {_request(first.index)} "
        f"({invitation.posting.label}), so it was decided once, with "
        f"{_request(first.index)}."
    )
    if attrs.evolve(invitation, id=first.invitation.id) != first.invitation:  # ids may differ
        reason += (
            f" Your answers on the two differ; the ones given with {_request(first.index)} "
            "were used."
        )
    return Duplicate(index=index, first_index=first.index, invitation=invitation, reason=reason)


def _with_email(candidate: Candidate, item: TriageItem) -> TriageItem:
    """Attach a decline e-mail (every address it uses was checked when built)."""
    return attrs.evolve(item, email=draft_decline(candidate, item.invitation, verdict=item.verdict))


def _check_arguments(
    candidate: object, invitations: object, policy: object, pipeline: object, draft_emails: object
) -> tuple[Policy, Pipeline]:
    if not isinstance(candidate, Candidate):
        msg = f"candidate: expected a Candidate, got {type(candidate).__name__}"
        raise TypeError(msg)
    if isinstance(invitations, str | bytes) or not isinstance(invitations, Iterable):
        msg = (
            "invitations: expected an iterable of Invitation or JobPosting, "
            f"got {type(invitations).__name__}"
        )
        raise TypeError(msg)
    if not isinstance(draft_emails, bool):
        msg = f"draft_emails: expected a bool, got {type(draft_emails).__name__}"
        raise TypeError(msg)
    policy = policy_or_default(policy)
    if pipeline is None:
        pipeline = _DEFAULT_PIPELINE
    elif not isinstance(pipeline, Pipeline):
        msg = f"pipeline: expected a Pipeline, got {type(pipeline).__name__}"
        raise TypeError(msg)
    return policy, pipeline


@contextmanager
def _collector_held() -> Iterator[None]:
    """Hold the cyclic garbage collector off, and restore it as it was, even on error.

    Every decided request stays alive until the batch is done, so each automatic
    collection would walk all of them again: a large batch would pay for its size
    over and over. Deciding and drafting leave no reference cycles behind (a test
    checks it), so reference counting alone frees what a request no longer needs.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():
            # What the batch made lives on: file it with the oldest generation at
            # once, rather than have the next collection walk all of it. Skipped
            # when the caller froze objects, so that their freeze stays as it was.
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


def triage(
    candidate: Candidate,
    invitations: Iterable[Invitation | JobPosting],
    *,
    policy: Policy | None = None,
    pipeline: Pipeline | None = None,
    draft_emails: bool = True,
) -> Triage:
    """Decide every request in a batch and group the results for action.

    Each request is decided on its own, exactly as :func:`~interviewdecide.decide`
    would decide it; triage only groups and orders the verdicts and adds advice
    about the batch:

    - requests to attend come most promising first (an explicit "yes" on fit,
      then fewer notes and concerns, then input order);
    - with :attr:`Policy.max_interviews` set, the least promising attends beyond
      the cap are deferred, and a ``triage`` note says so;
    - declined requests come in input order, each with a ready decline e-mail
      from :func:`~interviewdecide.draft_decline` (unless ``draft_emails`` is
      ``False``);
    - a posting that appears twice (two equal :class:`JobPosting` values) is
      decided once; the repeat is reported in :attr:`Triage.duplicates` with both
      positions;
    - a ``targeting`` note appears when at least
      :attr:`Policy.targeting_min_batch` distinct requests were decided and the
      share that were a poor fit is :attr:`Policy.targeting_share` or more. A
      request is a poor fit when its ``fit`` step declined, whatever rule decided
      its verdict: requests declined only because of an accepted offer, or
      because of the job description, do not count.

    The candidate's own word, :attr:`Candidate.applied_widely`, changes the note:

    - ``True``: the candidate says they mass-applied, so the batch need not prove
      it; the note appears whenever at least one request was a poor fit, however
      small the batch or the share, and says that the candidate said so. With no
      poor fit there is nothing to point at, and no note.
    - ``False``: the candidate says they chose where to apply. The note appears
      under the same thresholds as when nothing was said, but it reports the
      share without blaming mass-applying and suggests checking that the stated
      aims still describe the roles applied for.
    - ``None`` (not said): the thresholds decide, and a note says the pattern
      suggests mass-applying.

    The note's facts carry the figures: ``requests``, ``poor_fit``, ``share``,
    ``applied_widely``, ``targeting_share`` and ``targeting_min_batch``.

    Args:
        candidate: Who decides.
        invitations: The requests, as invitations or bare postings.
        policy: Thresholds and switches; the documented defaults when omitted.
        pipeline: The rules to run on each request; the default pipeline when
            omitted.
        draft_emails: Whether to draft a decline e-mail for each declined
            request (:attr:`TriageItem.email`). Drafting checks the tone of every
            e-mail and costs far more than deciding; pass ``False`` to triage
            large batches fast and draft only the e-mails you send.

    Returns:
        The triage, with one verdict per distinct posting.

    Raises:
        TypeError: When an argument, or a request, has the wrong type; the
            message names it (``invitations[3]``).

    .. versionadded:: 0.1.0
    """
    policy, pipeline = _check_arguments(candidate, invitations, policy, pipeline, draft_emails)
    # Where each posting was first decided, by position in ``decided``: one hash
    # per request keeps the search for repeats linear.
    firsts: dict[JobPosting, int] = {}
    decided: list[TriageItem] = []
    duplicates: list[Duplicate] = []
    # Parallel lists (no tuple per request, which would only feed the garbage collector).
    attends: list[TriageItem] = []
    unsure: list[bool] = []
    reservations: list[int] = []
    declines: list[TriageItem] = []
    poor_fits = 0
    with _collector_held():
        for index, given in enumerate(invitations):
            if isinstance(given, Invitation):
                invitation = given
            elif isinstance(given, JobPosting):
                invitation = Invitation(posting=given)
            else:
                msg = (
                    f"invitations[{index}]: expected an Invitation or JobPosting, "
                    f"got {type(given).__name__}"
                )
                raise TypeError(msg)
            position = firsts.setdefault(invitation.posting, len(decided))
            if position < len(decided):
                duplicates.append(_repeat(index, decided[position], invitation))
                continue
            verdict = pipeline.decide(candidate, invitation, policy=policy)
            item = _made_item(index, invitation, verdict)
            decided.append(item)
            said_yes, poor_fit, reserved = _read_trace(invitation, verdict)
            poor_fits += poor_fit
            if verdict.action is _ACTION_ATTEND:
                attends.append(item)
                unsure.append(not said_yes)
                reservations.append(reserved)
            else:
                declines.append(_with_email(candidate, item) if draft_emails else item)
    # Most promising first; sorted() is stable, so ties keep input order.
    order = sorted(range(len(attends)), key=reservations.__getitem__)
    order.sort(key=unsure.__getitem__)  # stable: the explicit "yes" group comes first
    ranked = [attends[i] for i in order]
    deferred: list[TriageItem] = []
    notes: list[BatchNote] = []
    if policy.max_interviews is not None and len(ranked) > policy.max_interviews:
        ranked, deferred, cap_note = _cap(ranked, policy.max_interviews)
        notes.append(cap_note)
    if duplicates:
        notes.append(_duplicate_note(duplicates))
    targeting = _targeting(len(decided), poor_fits, candidate.applied_widely, policy)
    if targeting is not None:
        notes.append(targeting)
    return Triage(
        attend=ranked, decline=declines, deferred=deferred, duplicates=duplicates, notes=notes
    )
