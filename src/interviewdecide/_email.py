"""Decline e-mails: the ``decline-by-email`` and ``courtesy`` advice.

:func:`draft_decline` writes the e-mail; :class:`Email` holds it and turns it into a
standard library :class:`email.message.EmailMessage`, so it can be sent with
whatever the application already uses (:mod:`smtplib`, an API client, ...).
"""

from __future__ import annotations

import base64
import email
import email.policy
import email.utils
import functools
import re
import unicodedata
from collections.abc import Iterable
from email.headerregistry import Address
from email.message import EmailMessage, Message
from enum import StrEnum
from typing import Any

import attrs

from ._errors import FieldTypeError, FieldValueError
from ._model import Candidate, Invitation, JobPosting
from ._tone import ToneCategory, check_tone
from ._trace import Action, Verdict
from ._validators import ENCODED_WORD as _ENCODED_WORD
from ._validators import NOT_IN_HEADERS as _NOT_IN_HEADERS
from ._validators import as_tuple
from ._validators import ascii_domain as _ascii_domain
from ._validators import check_address as _check_address
from ._validators import check_header_text as _check_header_text
from ._validators import check_unicode as _check_unicode


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
    _check_unicode(attribute.name, value)


#: A message identifier as RFC 5322 writes it: printable ASCII in angle brackets.
_MESSAGE_ID = re.compile(r"<[\x21-\x3b\x3d\x3f-\x7e]{1,250}>")
#: The most identifiers a reply's ``References`` keeps: the oldest are dropped, as
#: RFC 5322 allows, so a long thread cannot make the header grow without bound.
MAX_REFERENCES = 20


def _check_message_id(field: str, value: object) -> str:
    text = _check_header_text(field, value)
    if not _MESSAGE_ID.fullmatch(text):
        raise FieldValueError(
            field,
            f"{text[:80]!r} is not a message identifier such as '<id@host.example>' "
            "(printable ASCII without spaces, at most 250 characters, in angle brackets)",
        )
    return text


def _message_id(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _check_message_id(attribute.name, value)


def _id_tuple(values: Iterable[str]) -> tuple[str, ...]:
    out = as_tuple(values)
    if not isinstance(out, tuple):
        raise FieldTypeError(
            "references", f"must be a sequence of message identifiers, not {type(values).__name__}"
        )
    return out


def _message_ids(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if len(value) > MAX_REFERENCES:
        raise FieldValueError(
            attribute.name, f"holds {len(value)} identifiers, more than {MAX_REFERENCES}"
        )
    for i, item in enumerate(value):
        _check_message_id(f"{attribute.name}[{i}]", item)


# -- writing headers ---------------------------------------------------------------

#: Header lines are folded to this length (RFC 5322's recommended limit).
_LINE = 78
#: The longest word written on a header line: a plain word, a quoted name or an
#: encoded word. With the longest header name used ("Subject: "), the first line
#: still fits.
_WORD = 60
#: UTF-8 bytes per encoded word: base64 makes 48 characters of 36 bytes, and
#: ``=?utf-8?b?`` and ``?=`` bring it to 60.
_WORD_BYTES = 36

_PLAIN = re.compile(r"[\x21-\x7e]+(?: [\x21-\x7e]+)*")
_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+")

#: The library's own header lines are written as they are: never re-parsed and
#: re-folded by the standard library, whose folder is where CVE-2024-6923 lies.
_POLICY = email.policy.default.clone(refold_source="none")


def _plain_words(text: str) -> list[str] | None:
    """Split ``text`` into words to write as they are, or ``None`` if it must be encoded.

    Text is written plainly only when it is printable ASCII with single spaces,
    no word is too long to fold, and nothing in it looks like an encoded word.
    """
    if "=?" in text or not _PLAIN.fullmatch(text):
        return None
    words = text.split(" ")
    return words if all(len(w) <= _WORD for w in words) else None


def _encoded_words(text: str) -> list[str]:
    """Encode ``text`` as RFC 2047 base64 encoded words of UTF-8.

    No character is split between words. A reader joins adjacent encoded words and
    drops the space between them, so the decoded text is exactly ``text``; it holds
    no line break because the header fields refuse line breaks.
    """
    chunks: list[bytes] = []
    chunk = b""
    for c in text:
        octets = c.encode("utf-8")
        if len(chunk) + len(octets) > _WORD_BYTES:
            chunks.append(chunk)
            chunk = b""
        chunk += octets
    chunks.append(chunk)
    return [f"=?utf-8?b?{base64.b64encode(c).decode('ascii')}?=" for c in chunks]


def _phrase(name: str) -> list[str]:
    """Write a display name: as atoms, as one quoted string, or as encoded words."""
    words = _plain_words(name)
    if words is not None:
        if all(_ATOM.fullmatch(w) for w in words):
            return words
        quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if len(quoted) <= _WORD:
            return [quoted]
    return _encoded_words(name)


def _folded(name: str, words: list[str]) -> str:
    """Join ``words`` with spaces, folding before a word that would pass the line length.

    Returns the header's value as written after ``name: ``, continuation lines
    starting with a space (only the line break is removed when a reader unfolds).
    """
    lines: list[str] = []
    current = ""
    used = len(name) + 2
    for word in words:
        if not current:
            current, used = word, used + len(word)
        elif used + 1 + len(word) > _LINE:
            lines.append(current)
            current, used = word, 1 + len(word)
        else:
            current, used = f"{current} {word}", used + 1 + len(word)
    lines.append(current)
    return "\n ".join(lines)


def _address_words(address: Address, display_name: str | None) -> list[str]:
    spec = Address(username=address.username, domain=_ascii_domain(address.domain)).addr_spec
    if not display_name:
        return [spec]
    return [*_phrase(display_name), f"<{spec}>"]


@attrs.frozen(kw_only=True)
class Email:
    """An e-mail ready to send: recipient, subject and plain-text body.

    The header fields are checked on construction: the address must be one
    address of at most 254 characters, and the recipient's name and the subject
    one line without control characters, lone surrogates or RFC 2047 encoded-word
    syntax (``=?...?=``), so that no value can smuggle in a header of its own.

    Attributes:
        to: The recipient's address (the posting's contact e-mail), or ``None``
            when not known; the user fills it in.
        to_name: The recipient's name, shown beside the address.
        subject: The subject line.
        body: The text, with line breaks.
        in_reply_to: The ``Message-ID`` of the message this one answers, such as
            ``"<abc@mail.example>"``, or ``None`` for a new thread.
        references: The ``Message-ID`` values of the thread, oldest first, ending
            with :attr:`in_reply_to`; mail clients thread the reply by them.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``in_reply_to`` and ``references``, for a reply in the recruiter's thread.
    """

    to: str | None = attrs.field(default=None, validator=_address)
    to_name: str | None = attrs.field(default=None, validator=_header_line)
    subject: str = attrs.field(validator=[_non_blank, _header_line])
    body: str = attrs.field(validator=_non_blank)
    in_reply_to: str | None = attrs.field(default=None, validator=_message_id)
    references: tuple[str, ...] = attrs.field(
        default=(), converter=_id_tuple, validator=_message_ids
    )

    def to_message(self, *, sender: str | None = None) -> EmailMessage:
        """Build a standard library message from the e-mail.

        The library writes the header lines itself rather than through the
        standard library's folder: plain ASCII stays as it is, a name that needs
        quoting is quoted, and anything else (other scripts, very long words) is
        written as RFC 2047 encoded words of UTF-8. Lines are folded within 78
        characters (only a very long address runs past that, on a line of its own),
        and since the fields hold no line break and no encoded-word syntax, no
        reader can decode a value into a new header line. This holds on every
        Python that the library supports, including 3.11 and 3.12 releases without
        the fix for CVE-2024-6923. Domain names are written in their ASCII (IDNA)
        form.

        Args:
            sender: The candidate's own address, for the ``From`` header; leave it
                out to let the sending program set it.

        Returns:
            A message with ``To`` (when :attr:`to` is known), ``From`` (when
            ``sender`` is given), ``Subject``, ``In-Reply-To`` and ``References``
            (when replying) and a UTF-8 plain-text body. Its
            policy is :data:`email.policy.default` with ``refold_source="none"``,
            so the header lines are sent as written.

        Raises:
            FieldValueError: When ``sender`` is not exactly one e-mail address.

        .. versionadded:: 0.1.0
        """
        message = EmailMessage(policy=_POLICY)
        if self.to is not None:
            to = _address_words(_check_address("to", self.to), self.to_name)
            message.set_raw("To", _folded("To", to))
        if sender is not None:
            sender_words = _address_words(_check_address("sender", sender), None)
            message.set_raw("From", _folded("From", sender_words))
        subject = _plain_words(self.subject) or _encoded_words(self.subject)
        message.set_raw("Subject", _folded("Subject", subject))
        if self.in_reply_to is not None:
            message.set_raw("In-Reply-To", _folded("In-Reply-To", [self.in_reply_to]))
        if self.references:
            message.set_raw("References", _folded("References", list(self.references)))
        message.set_content(self.body)
        return message


# -- drafting --------------------------------------------------------------------

_EMAIL_SET = tuple(
    Email.__dict__[name].__set__
    for name in ("to", "to_name", "subject", "body", "in_reply_to", "references")
)


_EmailFields = tuple[str | None, str | None, str, str, str | None, tuple[str, ...]]


def _made_email(fields: _EmailFields) -> Email:
    """An :class:`Email` that draft_decline made from checked values, in field order.

    Every name in it went through :func:`_clean` (no control characters, line
    separators or lone surrogates) and the encoded-word test, the identifiers
    through the identifier pattern, and the address through :func:`_check_address`;
    so the checks meant for user input are skipped (tests/test_email.py rebuilds
    drafts through the checked constructor and compares).
    """
    to = fields[0]
    if to is not None:
        _check_address("to", to)
    mail: Email = object.__new__(Email)
    for set_value, value in zip(_EMAIL_SET, fields, strict=True):
        set_value(mail, value)
    return mail


def _clean(value: str | None) -> str | None:
    """Turn control characters and line separators into spaces and collapse runs."""
    if value is None:
        return None
    if value.isprintable():
        # No control character, separator or surrogate: only runs of spaces to collapse.
        return " ".join(value.split()) or None
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
    "hear from you about future openings."
)

_TITLE, _COMPANY = "title", "company"

#: Words before a surname that make a greeting formal: "Dear Ms Lim," stays whole.
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "madam"}
)
#: Inserted names longer than this many words make the e-mail too long to read as
#: a short decline; they are left out of the sentences.
_MAX_NAME_WORDS = 12


@attrs.frozen(kw_only=True)
class _Names:
    """The names an e-mail mentions, cleaned for use in text and headers."""

    candidate: str | None
    candidate_email: str | None
    contact: str | None
    company: str | None
    title: str | None


def _greeting(contact: str | None) -> str:
    """Greet the contact by first name, or formally by title and surname."""
    if contact is None:
        return "Dear Hiring Team,"
    words = contact.split(" ")
    if len(words) > 1 and words[0].rstrip(".").lower() not in _HONORIFICS:
        return f"Dear {words[0]},"
    return f"Dear {contact},"


def _sentence(title: str | None, company: str | None) -> tuple[str, dict[str, tuple[int, int]]]:
    """The thank-you sentence with the span of each name placed in it.

    A name that ends in a full stop ("Acme Inc.") ends the sentence itself.
    """
    text = "Thank you for inviting me to interview"
    spans: dict[str, tuple[int, int]] = {}
    if title is not None:
        text += " for the position of "
        spans[_TITLE] = (len(text), len(text) + len(title))
        text += title
    if company is not None:
        text += " at " if title is not None else " with "
        spans[_COMPANY] = (len(text), len(text) + len(company))
        text += company
    return text if text.endswith(".") else text + ".", spans


@functools.lru_cache(maxsize=1024)
def _unsafe_names(title: str | None, company: str | None) -> frozenset[str]:
    """The names to leave out of the sentences: those that trip the tone check.

    A name is the employer's, not the candidate's wording, but a draft that fails
    :func:`check_tone` would confuse the candidate, so a title in capitals or a
    company name holding a figure is left out. Only the sentence that holds the
    names is checked, once; the rest of the e-mail is fixed text that passes.
    The result depends only on the two names, so it is cached (bounded).
    """
    unsafe = {
        slot
        for slot, name in ((_TITLE, title), (_COMPANY, company))
        if name is not None and len(name.split()) > _MAX_NAME_WORDS
    }
    sentence, spans = _sentence(
        None if _TITLE in unsafe else title, None if _COMPANY in unsafe else company
    )
    for finding in check_tone(sentence, ignore=(ToneCategory.CURTNESS, ToneCategory.LENGTH)):
        unsafe.update(
            slot
            for slot, (start, end) in spans.items()
            if finding.start < end and start < finding.end
        )
    return frozenset(unsafe)


def _compose(names: _Names, reason: DeclineReason, unsafe: frozenset[str]) -> str:
    """Write the body: greeting, thanks, decline, a door left open, signature."""
    sentence, _ = _sentence(
        None if _TITLE in unsafe else names.title,
        None if _COMPANY in unsafe else names.company,
    )
    signature = "\n".join(n for n in (names.candidate, names.candidate_email) if n)
    closing = f"Kind regards,\n{signature}" if signature else "Kind regards,"
    return (
        f"{_greeting(names.contact)}\n\n{sentence}\n\n{_DECLINES[reason]}\n\n"
        f"{_DOOR_OPEN}\n\n{closing}\n"
    )


@attrs.frozen(kw_only=True)
class _Thread:
    """What a reply takes from the recruiter's message."""

    to: str | None
    to_name: str | None
    subject: str | None
    in_reply_to: str | None
    references: tuple[str, ...]


_REPLY_PREFIX = re.compile(r"\A(?:\s*+(?:re|aw|sv|antw)\s*+:)++\s*+", re.IGNORECASE)
_IDS = re.compile(r"<[^<>\s]++>")


def _header(message: Message, name: str) -> str | None:
    value = message.get(name)
    return None if value is None else str(value)


def _read_thread(reply_to: object) -> _Thread:
    """Read the addresses, subject and identifiers of the message to reply to."""
    parsed: Message
    if isinstance(reply_to, bytes | bytearray):
        parsed = email.message_from_bytes(bytes(reply_to), policy=email.policy.default)
    elif isinstance(reply_to, Message):
        parsed = reply_to
    else:
        msg = (
            "reply_to: expected an email.message.Message or the bytes of an .eml file, "
            f"got {type(reply_to).__name__}"
        )
        raise TypeError(msg)
    to = to_name = None
    for field in ("Reply-To", "From"):
        raw = _header(parsed, field)
        if raw is None:
            continue
        found = [(n, a) for n, a in email.utils.getaddresses([raw]) if "@" in a]
        if not found:
            raise FieldValueError(f"reply_to.{field}", f"{raw[:80]!r} holds no e-mail address")
        name, spec = found[0]
        to = _check_address(f"reply_to.{field}", spec).addr_spec
        cleaned = _clean(name)
        to_name = None if cleaned is None or _ENCODED_WORD.search(cleaned) else cleaned
        break
    subject = _clean(_header(parsed, "Subject"))
    if subject is not None:
        subject = _REPLY_PREFIX.sub("", subject) or None
    if subject is not None and _ENCODED_WORD.search(subject):
        subject = None
    message_id = _header(parsed, "Message-ID")
    ids = _IDS.findall(message_id or "")
    in_reply_to = next((i for i in ids if _MESSAGE_ID.fullmatch(i)), None)
    references = [
        i for i in _IDS.findall(_header(parsed, "References") or "") if _MESSAGE_ID.fullmatch(i)
    ]
    if in_reply_to is not None:
        references = [i for i in references if i != in_reply_to] + [in_reply_to]
    return _Thread(
        to=to,
        to_name=to_name,
        subject=subject,
        in_reply_to=in_reply_to,
        references=tuple(references[-MAX_REFERENCES:]),
    )


def draft_decline(
    candidate: Candidate,
    invitation: Invitation | JobPosting,
    *,
    verdict: Verdict | None = None,
    reason: DeclineReason | None = None,
    reply_to: Message | bytes | None = None,
) -> Email:
    """Draft a short, courteous e-mail that declines an interview.

    The ``decline-by-email`` advice sets the channel: a written decline is the
    easiest and preferred way to say no. The ``courtesy`` advice sets the wording:
    a greeting (to the contact by first name when their full name is known, "Dear
    Ms Lim," when only a title and surname are, otherwise "Dear Hiring Team,"),
    thanks for the invitation, a clear decline, a door left open for later roles,
    and the candidate's name and e-mail address. The e-mail never grades the role
    or the candidate, never names another employer or any pay, and presumes no
    meeting; for an accepted offer it says only that the candidate has accepted
    another position.

    Every body passes :func:`~interviewdecide.check_tone` with no findings, and
    every subject with none but the structural ``curtness`` rules, which read a
    whole reply: a job title or company name that would itself trip the check
    (written in capitals, holding a figure, ...) is left out of the sentences and
    the subject. Only the sentence that holds the names is checked, once per pair
    of names, so drafting stays cheap. Control characters, line separators and
    lone surrogates in any name become spaces. A title or contact name holding
    RFC 2047 encoded-word syntax (``=?...?=``) is kept out of the headers.

    Args:
        candidate: Who declines; their name and e-mail address sign the e-mail.
        invitation: The invitation, or just its posting.
        verdict: The verdict that led to the decline; it gives the reason when
            ``reason`` is not given (see :meth:`DeclineReason.from_verdict`).
        reason: The reason to word the decline for; it wins over ``verdict``.
            :attr:`DeclineReason.UNSPECIFIED` when neither is given.
        reply_to: The recruiter's invitation, as an :class:`email.message.Message`
            or the raw bytes of an .eml file. The draft then answers it in its
            thread: it goes to the message's ``Reply-To`` (else its ``From``), its
            subject is "Re: " and theirs, and :attr:`Email.in_reply_to` and
            :attr:`Email.references` carry the thread's identifiers.

    Returns:
        The e-mail, addressed to the message replied to, else to the posting's
        contact e-mail when known. Its subject reads as a reply: "Re: ..." when
        replying, otherwise "<title> interview: withdrawing".

    Raises:
        TypeError: When ``invitation`` is neither an invitation nor a posting, or
            ``reply_to`` is neither a message nor bytes.
        FieldValueError: When the reply address of the message replied to is not
            one address (the contact's and the candidate's addresses are checked
            when they are built).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``reply_to``; a greeting by first name; the candidate's address in the
       signature; a subject that reads as a reply.
    """
    if isinstance(invitation, Invitation):
        posting = invitation.posting
    elif isinstance(invitation, JobPosting):
        posting = invitation
    else:
        msg = f"expected an Invitation or a JobPosting, got {type(invitation).__name__}"
        raise TypeError(msg)
    thread = None if reply_to is None else _read_thread(reply_to)
    if reason is None:
        reason = (
            DeclineReason.UNSPECIFIED if verdict is None else DeclineReason.from_verdict(verdict)
        )
    contact = posting.contact
    contact_name = _clean(contact.name) if contact is not None else None
    if contact_name is None and thread is not None:
        contact_name = thread.to_name
    candidate_email = _clean(candidate.email)
    names = _Names(
        candidate=_clean(candidate.name),
        candidate_email=candidate_email,
        contact=contact_name,
        company=_clean(posting.company),
        title=_clean(posting.title),
    )
    unsafe = _unsafe_names(names.title, names.company)
    body = _compose(names, reason, unsafe)
    title = names.title
    if title is None or _TITLE in unsafe or _ENCODED_WORD.search(title):
        subject = "Interview invitation: withdrawing"
    else:
        subject = f"{title} interview: withdrawing"
    if thread is not None:
        subject = f"Re: {thread.subject}" if thread.subject else f"Re: {subject}"
        to, to_name = thread.to, thread.to_name
    else:
        to = contact.email if contact is not None else None
        to_name = (
            None if contact_name is None or _ENCODED_WORD.search(contact_name) else contact_name
        )
    return _made_email(
        (
            to,
            to_name,
            subject,
            body,
            None if thread is None else thread.in_reply_to,
            () if thread is None else thread.references,
        )
    )
