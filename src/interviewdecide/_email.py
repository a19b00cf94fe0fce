"""Decline e-mails: the ``decline-by-email`` and ``courtesy`` advice.

:func:`draft_decline` writes the e-mail; :class:`Email` holds it and turns it into a
standard library :class:`email.message.EmailMessage`, so it can be sent with
whatever the application already uses (:mod:`smtplib`, an API client, ...).
"""

from __future__ import annotations

import email.policy
import unicodedata
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from enum import StrEnum
from typing import Any

import attrs

from ._errors import FieldTypeError, FieldValueError
from ._model import Candidate, Invitation, JobPosting
from ._tone import ToneCategory, check_tone
from ._trace import Action, Verdict

__all__ = ["DeclineReason", "Email", "draft_decline"]


class DeclineReason(StrEnum):
    """Why the candidate declines; it picks the wording of the decline paragraph.

    .. versionadded:: 0.1.0
    """

    #: The role does not match what the candidate wants now (the ``fit`` advice).
    POOR_FIT = "poor_fit"
    #: The candidate has accepted another position (the ``accepted-offer`` advice).
    #: The e-mail says only that, never where or for how much.
    ACCEPTED_ELSEWHERE = "accepted_elsewhere"
    #: The job description shows the role does not suit the candidate (the
    #: ``suitability`` advice). The e-mail never says "overqualified".
    NOT_SUITABLE = "not_suitable"
    #: No reason is given in the e-mail.
    UNSPECIFIED = "unspecified"

    @classmethod
    def from_verdict(cls, verdict: Verdict) -> DeclineReason:
        """Return the reason that matches the rule that decided ``verdict``.

        ``fit`` gives :attr:`POOR_FIT`, ``accepted-offer`` :attr:`ACCEPTED_ELSEWHERE`,
        ``suitability`` :attr:`NOT_SUITABLE`; any other rule, and any verdict to
        attend (a candidate declining against the advice), gives
        :attr:`UNSPECIFIED`.

        .. versionadded:: 0.1.0
        """
        if verdict.action is not Action.DECLINE:
            return cls.UNSPECIFIED
        return _REASON_BY_RULE.get(verdict.decided_by, cls.UNSPECIFIED)


_REASON_BY_RULE = {
    "fit": DeclineReason.POOR_FIT,
    "accepted-offer": DeclineReason.ACCEPTED_ELSEWHERE,
    "suitability": DeclineReason.NOT_SUITABLE,
}

# Line and paragraph separators and control characters (tab, vertical tab, form
# feed, NEL, ...) have no place in a header.
_NOT_IN_HEADERS = frozenset({"Cc", "Zl", "Zp"})


def _check_header_text(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise FieldTypeError(field, f"must be a str, not {type(value).__name__}")
    for c in value:
        if unicodedata.category(c) in _NOT_IN_HEADERS:
            raise FieldValueError(
                field, f"must be a single line without control characters, found {c!r}"
            )
    return value


def _check_address(field: str, value: object) -> Address:
    text = _check_header_text(field, value)
    try:
        return Address(addr_spec=text)
    except (ValueError, HeaderParseError, IndexError) as e:
        raise FieldValueError(field, f"{text!r} is not one e-mail address: {e}") from None


def _header_line(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _check_header_text(attribute.name, value)


def _address(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _check_address(attribute.name, value)


def _non_blank(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str):
        raise FieldTypeError(attribute.name, f"must be a str, not {type(value).__name__}")
    if not value.strip():
        raise FieldValueError(attribute.name, "must not be empty")


@attrs.frozen(kw_only=True)
class Email:
    """An e-mail ready to send: recipient, subject and plain-text body.

    The header fields are checked on construction: the address must be one
    address, and the recipient's name and the subject one line without control
    characters, so that no value can smuggle in a header of its own.

    Attributes:
        to: The recipient's address (the posting's contact e-mail), or ``None``
            when not known; the user fills it in.
        to_name: The recipient's name, shown beside the address.
        subject: The subject line.
        body: The text, with line breaks.

    .. versionadded:: 0.1.0
    """

    to: str | None = attrs.field(default=None, validator=_address)
    to_name: str | None = attrs.field(default=None, validator=_header_line)
    subject: str = attrs.field(validator=[_non_blank, _header_line])
    body: str = attrs.field(validator=_non_blank)

    def to_message(self, *, sender: str | None = None) -> EmailMessage:
        """Build a standard library message from the e-mail.

        Headers are written through :mod:`email.headerregistry` with
        :data:`email.policy.default`, so names are quoted or encoded as the
        standards require and can never be read as another header or address.

        Args:
            sender: The candidate's own address, for the ``From`` header; leave it
                out to let the sending program set it.

        Returns:
            A message with ``To`` (when :attr:`to` is known), ``From`` (when
            ``sender`` is given), ``Subject`` and a UTF-8 plain-text body.

        Raises:
            FieldValueError: When ``sender`` is not exactly one e-mail address.

        .. versionadded:: 0.1.0
        """
        message = EmailMessage(policy=email.policy.default)
        if self.to is not None:
            message["To"] = Address(display_name=self.to_name or "", addr_spec=self.to)
        if sender is not None:
            message["From"] = _check_address("sender", sender)
        message["Subject"] = self.subject
        message.set_content(self.body)
        return message


# -- drafting --------------------------------------------------------------------


def _clean(value: str | None) -> str | None:
    """Turn control characters and line separators into spaces and collapse runs."""
    if value is None:
        return None
    spaced = "".join(" " if unicodedata.category(c) in _NOT_IN_HEADERS else c for c in value)
    return " ".join(spaced.split()) or None


_DECLINES = {
    DeclineReason.POOR_FIT: (
        "After giving it careful thought, I have decided not to go ahead with the "
        "interview, as the role is not the right match for what I am looking for at "
        "this point."
    ),
    DeclineReason.ACCEPTED_ELSEWHERE: (
        "I have recently accepted another position, so I will not be continuing with "
        "the interview. I wanted to tell you promptly so that the time can go to "
        "other candidates."
    ),
    DeclineReason.NOT_SUITABLE: (
        "Having read the job description closely, I do not think I am the right "
        "candidate for this role, so I would like to withdraw from the interview."
    ),
    DeclineReason.UNSPECIFIED: (
        "After careful consideration, I have decided to withdraw from the interview process."
    ),
}

_DOOR_OPEN = (
    "I appreciate the time you have given my application, and I would be glad to "
    "hear from you about future openings. I hope our paths cross again."
)

_TITLE, _COMPANY = "title", "company"


@attrs.frozen(kw_only=True)
class _Names:
    """The names an e-mail mentions, cleaned for use in text and headers."""

    candidate: str | None
    contact: str | None
    company: str | None
    title: str | None


def _compose(
    names: _Names, reason: DeclineReason, neutral: frozenset[str]
) -> tuple[str, dict[str, tuple[int, int]]]:
    """Write the body; return it with the span of each name placed in a sentence."""
    if names.contact is not None:
        greeting = f"Dear {names.contact},"
    elif names.company is not None:
        greeting = f"Dear {names.company} hiring team,"
    else:
        greeting = "Dear hiring team,"
    text = f"{greeting}\n\nThank you for inviting me to interview"
    spans: dict[str, tuple[int, int]] = {}
    title = None if _TITLE in neutral else names.title
    company = None if _COMPANY in neutral else names.company
    if title is not None:
        text += " for the position of "
        spans[_TITLE] = (len(text), len(text) + len(title))
        text += title
    if company is not None:
        text += " at " if title is not None else " with "
        spans[_COMPANY] = (len(text), len(text) + len(company))
        text += company
    closing = "Kind regards," if names.candidate is None else f"Kind regards,\n{names.candidate}"
    text += f".\n\n{_DECLINES[reason]}\n\n{_DOOR_OPEN}\n\n{closing}\n"
    return text, spans


def _courteous_body(names: _Names, reason: DeclineReason) -> tuple[str, frozenset[str]]:
    """Write the body, leaving out any title or company name that trips the tone check.

    A name is the employer's, not the candidate's wording, but a draft that fails
    :func:`check_tone` would confuse the candidate, so a title in capitals or a
    company name holding a figure is replaced by a neutral phrase.
    """
    neutral: frozenset[str] = frozenset()
    while True:
        body, spans = _compose(names, reason, neutral)
        hit: set[str] = set()
        for finding in check_tone(body):
            if finding.category is ToneCategory.LENGTH:
                hit.update(spans)
            hit.update(
                slot
                for slot, (start, end) in spans.items()
                if finding.start < end and start < finding.end
            )
        if not hit:
            return body, neutral
        neutral |= hit


def draft_decline(
    candidate: Candidate,
    invitation: Invitation | JobPosting,
    *,
    verdict: Verdict | None = None,
    reason: DeclineReason | None = None,
) -> Email:
    """Draft a short, courteous e-mail that declines an interview.

    The ``decline-by-email`` advice sets the channel: a written decline is the
    easiest and preferred way to say no. The ``courtesy`` advice sets the wording:
    a greeting (to the posting's contact by name when known, otherwise to the
    company's hiring team), thanks for the invitation, a clear decline, a door left
    open for later roles, and the candidate's name. The e-mail never grades the role
    or the candidate and never names another employer or any pay; for an accepted
    offer it says only that the candidate has accepted another position.

    Every draft passes :func:`~interviewdecide.check_tone`, subject and body: a job
    title or company name that would itself trip the check (written in capitals,
    holding a figure, ...) is left out of the sentences and the subject, though the
    greeting still names the team. Control characters and line separators in any
    name become spaces.

    Args:
        candidate: Who declines; their name signs the e-mail.
        invitation: The invitation, or just its posting.
        verdict: The verdict that led to the decline; it gives the reason when
            ``reason`` is not given (see :meth:`DeclineReason.from_verdict`).
        reason: The reason to word the decline for; it wins over ``verdict``.
            :attr:`DeclineReason.UNSPECIFIED` when neither is given.

    Returns:
        The e-mail, addressed to the posting's contact e-mail when known.

    Raises:
        TypeError: When ``invitation`` is neither an invitation nor a posting.
        FieldValueError: When the posting's contact e-mail is not one address.

    .. versionadded:: 0.1.0
    """
    if isinstance(invitation, Invitation):
        posting = invitation.posting
    elif isinstance(invitation, JobPosting):
        posting = invitation
    else:
        msg = f"expected an Invitation or a JobPosting, got {type(invitation).__name__}"
        raise TypeError(msg)
    if reason is None:
        reason = (
            DeclineReason.UNSPECIFIED if verdict is None else DeclineReason.from_verdict(verdict)
        )
    contact = posting.contact
    names = _Names(
        candidate=_clean(candidate.name),
        contact=_clean(contact.name) if contact is not None else None,
        company=_clean(posting.company),
        title=_clean(posting.title),
    )
    body, neutral = _courteous_body(names, reason)
    subject = (
        "Your interview invitation"
        if names.title is None or _TITLE in neutral
        else f"Interview invitation: {names.title}"
    )
    return Email(
        to=contact.email if contact is not None else None,
        to_name=names.contact,
        subject=subject,
        body=body,
    )
